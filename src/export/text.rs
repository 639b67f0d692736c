//! The notice as docx-ready text: one line per paragraph, full-width punctuation, numbers
//! written out, optional two full-width spaces of first-line indent. A walk over
//! [`super::blocks`]: blank lines separate blocks, never two in a row.

use super::blocks::{notice_blocks, Block, NoticeOptions};
use crate::plan::model::Plan;

/// Two full-width spaces: the first-line indent of body paragraphs.
pub const INDENT: &str = "\u{3000}\u{3000}";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    /// Start body paragraphs with two full-width spaces.
    pub indent: bool,
    /// The notice's layout, as in the .docx.
    pub notice: NoticeOptions,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            indent: true,
            notice: NoticeOptions::default(),
        }
    }
}

/// The whole notice, ready to paste into Word or WPS. Ends with a newline.
pub fn notice_text(plan: &Plan, options: TextOptions) -> String {
    blocks_text(&notice_blocks(plan, options.notice), options.indent)
}

/// Blocks as lines: indented paragraphs with the indent, the rest flush left. Ends with a
/// newline.
pub fn blocks_text(blocks: &[Block], indent: bool) -> String {
    let indent = if indent { INDENT } else { "" };
    let mut out: Vec<String> = Vec::new();
    fn blank(out: &mut Vec<String>) {
        if out.last().is_some_and(|l| !l.is_empty()) {
            out.push(String::new());
        }
    }
    for block in blocks {
        match block {
            Block::Mark(t) | Block::Title(t) | Block::Subtitle(t) | Block::Recipients(t) => {
                out.push(t.clone())
            }
            Block::Number { number, signer } => out.push(match signer.is_empty() {
                true => number.clone(),
                false => format!("{number}{INDENT}签发人：{signer}"),
            }),
            Block::Body(t) | Block::AttachmentNote(t) | Block::Note(t) => {
                out.push(format!("{indent}{t}"))
            }
            Block::Item { head, text, .. } => out.push(format!("{indent}{head}{text}")),
            Block::Field { label, value } => out.push(format!("{indent}{label}：{value}")),
            Block::AttachmentHead => out.push("附件".into()),
            Block::Signature { name, date } => {
                out.extend([name, date].into_iter().filter(|t| !t.is_empty()).cloned())
            }
            Block::Imprint(imprint) => {
                blank(&mut out);
                out.extend(imprint.copy_to.clone());
                match &imprint.printed {
                    Some((printer, date)) if date.is_empty() => out.push(printer.clone()),
                    Some((printer, date)) => out.push(format!("{printer}{INDENT}{date}")),
                    None => {}
                }
            }
            Block::Blank | Block::PageBreak => blank(&mut out),
            Block::Rule => {}
        }
        // A number line with nothing on it (only the rule) prints nothing.
        if out.last().is_some_and(|l| l.is_empty()) && matches!(block, Block::Number { .. }) {
            out.pop();
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}
