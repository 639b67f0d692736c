//! The notice built once, as a sequence of typed blocks, from the plan and the export options.
//!
//! Every rule of what the notice says and in which order (the colon after 主送, the brackets of
//! 附注, whether the plan's title repeats the notice's, 抄送/抄报, the 印发 line, the blank lines
//! of GB/T 9704, the plan inline or as an attachment, the division fields under tasks) is here.
//! The renderers ([`super::text`], [`super::html`], [`super::docx`]) walk the blocks and decide
//! only how each block looks.

use serde::{Deserialize, Serialize};

use super::table::subject;
use super::{fullwidth_punctuation, paragraphs};
use crate::ledger::bulletin::Bulletin;
use crate::ledger::summary::Summary;
use crate::plan::model::{Node, NodeKind, Plan, Role};
use crate::plan::numbering::{chinese, number};
use crate::plan::roster::FontChoice;

/// How the notice is laid out, in every rendering of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeOptions {
    /// Write each task's division fields under it (as the tongxin sample does).
    pub fields_under_tasks: bool,
    /// Issue the plan as an attachment (附件说明 under the text, the plan on a new page headed
    /// 附件) instead of inline.
    pub attachment: bool,
    /// The office's font names (kept with its roster).
    #[serde(default)]
    pub fonts: FontChoice,
}

impl Default for NoticeOptions {
    fn default() -> Self {
        NoticeOptions {
            fields_under_tasks: true,
            attachment: false,
            fonts: FontChoice::default(),
        }
    }
}

/// A numbered paragraph of the plan: a heading or a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Heading,
    Task,
}

/// One block of the notice. Text is as it is printed: full-width punctuation, numbers written
/// out, the colons and brackets in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The red 发文机关标志.
    Mark(String),
    /// The line of 发文字号 and 签发人 (either may be empty) that the red rule is drawn under.
    Number {
        number: String,
        signer: String,
    },
    /// The red rule under the number line.
    Rule,
    /// A title in 二号小标宋: the notice's, the inline plan's, the attachment's.
    Title(String),
    /// A line under a title in 楷体 (the summary's period).
    Subtitle(String),
    /// 主送机关, closed with a colon.
    Recipients(String),
    /// A body paragraph with the first-line indent.
    Body(String),
    /// A heading or task of the plan: `head` (number and title, a task's lead sentence closed)
    /// in its level's font, then `text` (a task's first paragraph) in the body font.
    Item {
        depth: usize,
        kind: ItemKind,
        head: String,
        text: String,
    },
    /// A division field under a task: `牵头科室：办公室`.
    Field {
        label: &'static str,
        value: String,
    },
    /// 附件说明 under the text: `附件：…`.
    AttachmentNote(String),
    /// `附件` at the top left of the attachment's first page (黑体).
    AttachmentHead,
    /// 署名 and 成文日期 (either may be empty).
    Signature {
        name: String,
        date: String,
    },
    /// 附注, in brackets.
    Note(String),
    /// The 版记 on its own last page: 抄送 (or 抄报) and the 印发 line.
    Imprint(Imprint),
    Blank,
    PageBreak,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imprint {
    /// `抄送：…。`
    pub copy_to: Option<String>,
    /// 印发机关 and `…印发` (one of them may be empty); none when both are.
    pub printed: Option<(String, String)>,
}

impl Block {
    /// The printed text of the block, in reading order (for comparing renderings).
    pub fn texts(&self) -> Vec<String> {
        let texts: Vec<&str> = match self {
            Block::Mark(t)
            | Block::Title(t)
            | Block::Subtitle(t)
            | Block::Recipients(t)
            | Block::Body(t)
            | Block::AttachmentNote(t)
            | Block::Note(t) => vec![t],
            Block::Number { number, signer } if signer.is_empty() => vec![number],
            Block::Number { number, signer } => vec![number, "签发人：", signer],
            Block::Item { head, text, .. } => vec![head, text],
            Block::Field { label, value } => vec![label, "：", value],
            Block::AttachmentHead => vec!["附件"],
            Block::Signature { name, date } => vec![name, date],
            Block::Imprint(imprint) => {
                let mut texts: Vec<&str> = imprint.copy_to.iter().map(String::as_str).collect();
                if let Some((printer, date)) = &imprint.printed {
                    texts.extend([printer.as_str(), date.as_str()]);
                }
                texts
            }
            Block::Rule | Block::Blank | Block::PageBreak => vec![],
        };
        texts
            .into_iter()
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    }
}

fn text(text: &str) -> String {
    fullwidth_punctuation(text.trim())
}

/// The whole notice, in reading order.
pub fn notice_blocks(plan: &Plan, options: NoticeOptions) -> Vec<Block> {
    let mut out = Vec::new();
    header(plan, &mut out);
    if options.attachment {
        let name = attachment_name(plan);
        out.push(Block::Blank);
        out.push(Block::AttachmentNote(format!("附件：{name}")));
        closing(plan, &mut out);
        out.push(Block::PageBreak);
        out.push(Block::AttachmentHead);
        out.push(Block::Blank);
        out.push(Block::Title(name));
        out.push(Block::Blank);
        plan_blocks(plan, options, false, &mut out);
    } else {
        plan_blocks(plan, options, true, &mut out);
        closing(plan, &mut out);
    }
    if let Some(imprint) = imprint(plan) {
        out.push(Block::Imprint(imprint));
    }
    out
}

/// The attachment's name: the plan's title, or what the notice calls the plan
/// (`关于2020年…工作要点暨任务分工的通知` → `2020年…工作要点暨任务分工`).
pub fn attachment_name(plan: &Plan) -> String {
    if !plan.title.trim().is_empty() {
        return text(&plan.title);
    }
    text(&subject(plan))
}

/// 版头 (the mark, two lines of space, the number and signer over the red rule, drawn when
/// either the mark or the number is set), two blank lines, the title, 主送 and the transmittal.
fn header(plan: &Plan, out: &mut Vec<Block>) {
    let notice = &plan.notice;
    let mark = text(&notice.issuer_mark);
    let number = text(&notice.doc_number);
    let signer = text(&notice.signer);
    if !mark.is_empty() {
        out.push(Block::Mark(mark.clone()));
        out.push(Block::Blank);
        out.push(Block::Blank);
    }
    if !mark.is_empty() || !number.is_empty() || !signer.is_empty() {
        out.push(Block::Number { number, signer });
        out.push(Block::Rule);
        out.push(Block::Blank);
        out.push(Block::Blank);
    }
    let title = text(&notice.title);
    if !title.is_empty() {
        out.push(Block::Title(title));
        out.push(Block::Blank);
    }
    let recipients = text(notice.recipients.trim().trim_end_matches(['：', ':']));
    if !recipients.is_empty() {
        out.push(Block::Recipients(format!("{recipients}：")));
    }
    out.extend(paragraphs(&notice.transmittal).map(|p| Block::Body(text(p))));
}

/// The plan: its title (inline, unless it repeats the notice's), 总体要求, and the numbered
/// headings and tasks with their fields.
fn plan_blocks(plan: &Plan, options: NoticeOptions, with_title: bool, out: &mut Vec<Block>) {
    let title = text(&plan.title);
    if with_title && !title.is_empty() && title != text(&plan.notice.title) {
        out.push(Block::Blank);
        out.push(Block::Title(title));
        out.push(Block::Blank);
    }
    out.extend(paragraphs(&plan.requirements).map(|p| Block::Body(text(p))));
    for numbered in number(plan) {
        node_blocks(numbered.node, &numbered.label, numbered.depth, options, out);
    }
}

/// A heading's number and title, then its paragraphs; a task's number, lead sentence and first
/// paragraph in one, its other paragraphs, then its division fields.
fn node_blocks(
    node: &Node,
    label: &str,
    depth: usize,
    options: NoticeOptions,
    out: &mut Vec<Block>,
) {
    let mut body = paragraphs(&node.body).map(text);
    let (kind, head, first) = match node.kind {
        NodeKind::Heading => (
            ItemKind::Heading,
            format!("{label}{}", text(&node.title)),
            String::new(),
        ),
        NodeKind::Task => (
            ItemKind::Task,
            format!("{label}{}", lead_sentence(&text(&node.title))),
            body.next().unwrap_or_default(),
        ),
    };
    out.push(Block::Item {
        depth,
        kind,
        head,
        text: first,
    });
    out.extend(body.map(Block::Body));
    if options.fields_under_tasks {
        out.extend(division_fields(node).into_iter().map(|f| Block::Field {
            label: f.label,
            value: f.value,
        }));
    }
}

/// 署名 and 成文日期 after one blank line, then the 附注 in brackets.
fn closing(plan: &Plan, out: &mut Vec<Block>) {
    let notice = &plan.notice;
    let (name, date) = (text(&notice.signature), text(&notice.date));
    if !name.is_empty() || !date.is_empty() {
        out.push(Block::Blank);
        out.push(Block::Signature { name, date });
    }
    let note = notice.note.trim();
    if !note.is_empty() {
        let bare = note
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        out.push(Block::Note(format!("（{}）", text(bare))));
    }
}

/// 抄送 (or 抄报) closed with 。, and the 印发 line; none when all three are empty.
fn imprint(plan: &Plan) -> Option<Imprint> {
    let notice = &plan.notice;
    let copy_to = text(notice.copy_to.trim().trim_end_matches(['。', '.']));
    let printer = text(&notice.printer);
    let print_date = text(notice.print_date.trim().trim_end_matches("印发"));
    let imprint = Imprint {
        copy_to: (!copy_to.is_empty())
            .then(|| format!("{}：{copy_to}。", notice.copy_kind.label())),
        printed: (!printer.is_empty() || !print_date.is_empty()).then(|| {
            let date = if print_date.is_empty() {
                String::new()
            } else {
                format!("{print_date}印发")
            };
            (printer, date)
        }),
    };
    (imprint != Imprint::default()).then_some(imprint)
}

/// A task's lead sentence, closed with 。 unless it already ends in a stop.
pub fn lead_sentence(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() || title.ends_with(['。', '！', '？', '；', '：', '.', '!', '?', ';', ':'])
    {
        title.to_string()
    } else {
        format!("{title}。")
    }
}

/// One division field of a task, written out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldLine {
    /// The label in the notice, e.g. `配合科室（单位）`.
    pub label: &'static str,
    /// The label in outlines, e.g. `配合科室`.
    pub short: &'static str,
    pub value: String,
}

/// The non-empty division fields of a task, in the tongxin order.
pub fn division_fields(node: &Node) -> Vec<FieldLine> {
    let mut fields = Vec::new();
    if node.kind != NodeKind::Task {
        return fields;
    }
    for role in Role::ALL {
        let names = node.division.people(role);
        if !names.is_empty() {
            fields.push(FieldLine {
                label: role.label(),
                short: role.short_label(),
                value: names.join("、"),
            });
        }
    }
    let deadline = node.division.deadline.label();
    if !deadline.is_empty() {
        fields.push(FieldLine {
            label: "完成时限",
            short: "完成时限",
            value: deadline,
        });
    }
    fields
}

/// The year-end summary skeleton: title, period, a blank line, the overview, then per section
/// 一、 its title, （一） what was done and what was not, and 1. each task with its latest note.
pub fn summary_blocks(summary: &Summary) -> Vec<Block> {
    let mut out = vec![
        Block::Title(text(&summary.title)),
        Block::Subtitle(text(&summary.subtitle)),
        Block::Blank,
        Block::Body(text(&summary.overview)),
    ];
    let heading = |depth, head: String| Block::Item {
        depth,
        kind: ItemKind::Heading,
        head: text(&head),
        text: String::new(),
    };
    for (i, section) in summary.sections.iter().enumerate() {
        out.push(heading(
            0,
            format!("{}、{}", chinese(i as u32 + 1), section.title),
        ));
        let parts = [
            ("已完成的工作", &section.done, true),
            ("尚未完成的工作", &section.open, false),
        ];
        let mut part_no = 0;
        for (name, tasks, done) in parts {
            if tasks.is_empty() {
                continue;
            }
            part_no += 1;
            out.push(heading(1, format!("（{}）{name}", chinese(part_no))));
            for (n, (title, note)) in tasks.iter().enumerate() {
                let note = note.trim();
                let line = match (note.is_empty(), done) {
                    (true, _) => format!("{}.{title}。", n + 1),
                    (false, true) => format!("{}.{title}。{note}", n + 1),
                    (false, false) => format!("{}.{title}（{note}）。", n + 1),
                };
                out.push(Block::Body(text(&line)));
            }
        }
    }
    out
}

/// The 督办通报: title, as of when, a blank line, the overview, then per section 一、 its title
/// and its lines.
pub fn bulletin_blocks(bulletin: &Bulletin) -> Vec<Block> {
    let mut out = vec![
        Block::Title(text(&bulletin.title)),
        Block::Subtitle(text(&bulletin.subtitle)),
        Block::Blank,
        Block::Body(text(&bulletin.overview)),
    ];
    for (i, (title, lines)) in bulletin.sections.iter().enumerate() {
        out.push(Block::Item {
            depth: 0,
            kind: ItemKind::Heading,
            head: text(&format!("{}、{title}", chinese(i as u32 + 1))),
            text: String::new(),
        });
        out.extend(lines.iter().map(|line| Block::Body(text(line))));
    }
    out
}

/// The printed text of a sequence of blocks, one entry per run of text, in reading order.
pub fn texts(blocks: &[Block]) -> Vec<String> {
    blocks.iter().flat_map(Block::texts).collect()
}
