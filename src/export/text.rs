//! The notice as docx-ready text: one line per paragraph, full-width punctuation, numbers
//! written out, optional two full-width spaces of first-line indent.

use super::{fullwidth_punctuation, paragraphs};
use crate::plan::model::{Node, NodeKind, Plan, Role};
use crate::plan::numbering::number;

/// Two full-width spaces: the first-line indent of body paragraphs.
pub const INDENT: &str = "\u{3000}\u{3000}";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    /// Start body paragraphs with two full-width spaces.
    pub indent: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { indent: true }
    }
}

/// Collects lines; body lines get the indent, blank lines separate blocks (never two in a row).
struct Lines {
    out: Vec<String>,
    indent: &'static str,
}

impl Lines {
    fn flush(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.out.push(fullwidth_punctuation(text));
        }
    }

    fn body(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.out
                .push(format!("{}{}", self.indent, fullwidth_punctuation(text)));
        }
    }

    fn blank(&mut self) {
        if self.out.last().is_some_and(|l| !l.is_empty()) {
            self.out.push(String::new());
        }
    }
}

/// The whole notice, ready to paste into Word or WPS. Ends with a newline.
pub fn notice_text(plan: &Plan, options: TextOptions) -> String {
    let notice = &plan.notice;
    let mut lines = Lines {
        out: Vec::new(),
        indent: if options.indent { INDENT } else { "" },
    };

    lines.flush(&notice.issuer_mark);
    lines.flush(&notice.doc_number);
    lines.blank();
    lines.flush(&notice.title);
    lines.blank();
    let recipients = notice.recipients.trim();
    if !recipients.is_empty() {
        let recipients = recipients.trim_end_matches([':', '：']);
        lines.flush(&format!("{recipients}："));
    }
    for paragraph in paragraphs(&notice.transmittal) {
        lines.body(paragraph);
    }
    lines.blank();

    if !plan.title.trim().is_empty() && plan.title.trim() != notice.title.trim() {
        lines.flush(&plan.title);
        lines.blank();
    }
    for paragraph in paragraphs(&plan.requirements) {
        lines.body(paragraph);
    }
    for numbered in number(plan) {
        node_lines(&mut lines, numbered.node, &numbered.label);
    }
    lines.blank();

    lines.flush(&notice.signature);
    lines.flush(&notice.date);
    let note = notice.note.trim();
    if !note.is_empty() {
        let bare = note
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        lines.body(&format!("（{bare}）"));
    }
    lines.blank();

    let copy_to = notice.copy_to.trim().trim_end_matches(['。', '.']);
    if !copy_to.is_empty() {
        lines.flush(&format!("{}：{copy_to}。", notice.copy_kind.label()));
    }
    let printer = notice.printer.trim();
    let print_date = notice.print_date.trim().trim_end_matches("印发");
    match (printer.is_empty(), print_date.is_empty()) {
        (true, true) => {}
        (false, true) => lines.flush(printer),
        (_, false) => lines.flush(&format!("{printer}\u{3000}\u{3000}{print_date}印发")),
    }

    while lines.out.last().is_some_and(String::is_empty) {
        lines.out.pop();
    }
    let mut text = lines.out.join("\n");
    text.push('\n');
    text
}

/// A node's paragraph: number, title (a task's lead sentence closes with 。), body, then the
/// task's division fields one per line.
fn node_lines(lines: &mut Lines, node: &Node, label: &str) {
    match node.kind {
        NodeKind::Heading => {
            lines.body(&format!("{label}{}", node.title.trim()));
            for paragraph in paragraphs(&node.body) {
                lines.body(paragraph);
            }
        }
        NodeKind::Task => {
            let mut body = paragraphs(&node.body);
            let first = body.next().unwrap_or("");
            lines.body(&format!("{label}{}{first}", lead_sentence(&node.title)));
            for paragraph in body {
                lines.body(paragraph);
            }
            for field in division_fields(node) {
                lines.body(&format!("{}：{}", field.label, field.value));
            }
        }
    }
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
