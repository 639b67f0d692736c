//! Ledger lists (by leader, department, deadline) as text (their .xlsx is in [`super::xlsx`]), and the year-end summary
//! skeleton as text (its .docx is in [`super::docx`]).

use super::blocks::summary_blocks;
use super::fullwidth_punctuation;
use super::text::blocks_text;
use crate::ledger::summary::Summary;
use crate::ledger::views::ListView;
use crate::ledger::{owners_line, TaskRow};

/// `推进中（已逾期）`.
pub(crate) fn status_text(task: &TaskRow) -> String {
    if task.overdue {
        format!("{}（已逾期）", task.status.label())
    } else {
        task.status.label().to_string()
    }
}

/// The owner and deadline line under a task in a text list, with its progress.
fn detail_line(task: &TaskRow) -> String {
    format!(
        "{}；进展：{}",
        owners_line(&task.division, "；"),
        status_text(task)
    )
}

/// The list as text to paste into a message or a document.
pub fn list_text(view: &ListView) -> String {
    let mut lines = vec![view.title.clone()];
    if let Some(day) = view.today {
        lines.push(format!(
            "（截至{}，共{}项）",
            day.label(),
            view.task_count()
        ));
    }
    for block in &view.blocks {
        lines.push(String::new());
        if !block.heading.is_empty() {
            lines.push(format!("【{}】", block.heading));
        }
        for group in &block.groups {
            lines.push(group.heading.clone());
            for task in &group.tasks {
                lines.push(format!("\u{3000}\u{3000}{}", task.heading()));
                lines.push(format!(
                    "\u{3000}\u{3000}\u{3000}\u{3000}{}",
                    detail_line(task)
                ));
                if !task.latest_note.is_empty() {
                    lines.push(format!(
                        "\u{3000}\u{3000}\u{3000}\u{3000}最新进展：{}",
                        task.latest_note
                    ));
                }
            }
        }
        if block.groups.is_empty() {
            lines.push("（无）".into());
        }
    }
    let mut text = lines
        .iter()
        .map(|l| fullwidth_punctuation(l))
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

pub const LIST_COLUMNS: [&str; 10] = [
    "序号",
    "编号",
    "工作任务",
    "责任领导",
    "牵头科室",
    "配合科室",
    "完成时限",
    "进展状态",
    "最新进展",
    "完成情况",
];

/// The summary as text: title, subtitle, a blank line, then one paragraph per line.
pub fn summary_text(summary: &Summary) -> String {
    blocks_text(&summary_blocks(summary), false)
}
