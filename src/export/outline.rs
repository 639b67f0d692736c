//! The outline `yaodian outline` prints: the notice fields that are set, then the tree.

use super::blocks::division_fields;
use crate::plan::model::{NoticeField, Plan};
use crate::plan::numbering::number;

/// The notice fields the outline shows, with the names it gives them.
const FIELDS: [(NoticeField, &str); 5] = [
    (NoticeField::Title, "标题"),
    (NoticeField::DocNumber, "发文字号"),
    (NoticeField::Recipients, "主送"),
    (NoticeField::Signature, "署名"),
    (NoticeField::Date, "成文日期"),
];

/// One line per set notice field, then one per node: two spaces per level below the first,
/// the label, a space, the title; a task's division fields follow on one line two spaces deeper.
pub fn outline(plan: &Plan) -> String {
    let mut out = String::new();
    for (field, name) in FIELDS {
        let value = plan.notice.get(field).trim();
        if !value.is_empty() {
            out.push_str(&format!("{name}：{value}\n"));
        }
    }
    for numbered in number(plan) {
        let indent = "  ".repeat(numbered.depth);
        let title = numbered.node.title.trim();
        if numbered.label.is_empty() {
            out.push_str(&format!("{indent}{title}\n"));
        } else {
            out.push_str(&format!("{indent}{} {title}\n", numbered.label));
        }
        let fields: Vec<String> = division_fields(numbered.node)
            .into_iter()
            .map(|field| format!("{}：{}", field.short, field.value))
            .collect();
        if !fields.is_empty() {
            out.push_str(&format!("{indent}  {}\n", fields.join("；")));
        }
        let ledger = &numbered.node.ledger;
        if !ledger.is_empty() {
            let mut parts = vec![format!("状态：{}", ledger.status.label())];
            for note in &ledger.notes {
                let by = if note.author.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", note.author)
                };
                parts.push(format!(
                    "进展：{} {}{by}",
                    note.day.label(),
                    note.text.trim()
                ));
            }
            if !ledger.completion.trim().is_empty() {
                parts.push(format!("完成情况：{}", ledger.completion.trim()));
            }
            parts.extend(ledger.extensions.iter().map(|e| e.label()));
            out.push_str(&format!("{indent}  {}\n", parts.join("；")));
        }
    }
    out
}
