//! The task-division table (任务分工表): 序号 · 工作任务 · 责任领导 · 牵头科室 · 配合科室 · 完成时限,
//! tasks grouped under their sections; as .csv (its .xlsx is in [`super::xlsx`]).

use super::blocks::lead_sentence;
use super::fullwidth_punctuation;
use crate::plan::model::{NodeKind, Plan, Role};
use crate::plan::numbering::number;

pub const COLUMNS: [&str; 6] = [
    "序号",
    "工作任务",
    "责任领导",
    "牵头科室",
    "配合科室",
    "完成时限",
];

/// A row of the table: a section heading across all columns, or a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Section(String),
    Task([String; 6]),
}

/// The table's rows in plan order; tasks are numbered 1, 2, 3… through the plan.
pub fn rows(plan: &Plan) -> Vec<Row> {
    let mut out = Vec::new();
    let mut serial = 0;
    for numbered in number(plan) {
        let node = numbered.node;
        match node.kind {
            NodeKind::Heading => out.push(Row::Section(format!(
                "{}{}",
                numbered.label,
                node.title.trim()
            ))),
            NodeKind::Task => {
                serial += 1;
                let body = node
                    .body
                    .lines()
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join("");
                let d = &node.division;
                out.push(Row::Task([
                    serial.to_string(),
                    fullwidth_punctuation(&format!(
                        "{}{}{body}",
                        numbered.label,
                        lead_sentence(&node.title)
                    )),
                    d.people(Role::Leader).join("、"),
                    d.people(Role::Lead).join("、"),
                    d.people(Role::Partner).join("、"),
                    d.deadline.label(),
                ]));
            }
        }
    }
    out
}

/// What the plan is called without the notice around it: `关于印发2020年全县卫生健康工作要点的通知`
/// → `2020年全县卫生健康工作要点`.
pub fn subject(plan: &Plan) -> String {
    plan.name()
        .trim_start_matches("关于印发")
        .trim_start_matches("关于")
        .trim_end_matches("的通知")
        .to_string()
}

/// The table title: `2020年全县卫生健康工作要点任务分工表`.
pub fn table_title(plan: &Plan) -> String {
    let name = subject(plan);
    if name.contains("任务分工") {
        format!("{name}表")
    } else {
        format!("{name}任务分工表")
    }
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a
/// leading apostrophe, so hostile or accidental text stays text.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn csv_cell(cell: &str) -> String {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// UTF-8 with a byte-order mark and CRLF line ends, as Excel and WPS expect.
pub fn csv(plan: &Plan) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: &[String]| {
        cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n"
    };
    out.push_str(&line(&COLUMNS.map(str::to_string)));
    for row in rows(plan) {
        match row {
            Row::Section(title) => out.push_str(&line(&[
                title,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ])),
            Row::Task(cells) => out.push_str(&line(&cells)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("局办公室"), "局办公室");
        assert_eq!(csv_cell("甲,乙"), "\"甲,乙\"");
        assert_eq!(csv_cell("说\"明\""), "\"说\"\"明\"\"\"");
    }
}
