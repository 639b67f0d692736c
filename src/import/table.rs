//! Task tables flattened to text: rows of cells split by `|` or tabs under a header row
//! (`序号 | 工作任务 | 责任单位 | 完成时限`), and pages that put each label on a line of its own
//! above its value (`责任单位` / `卫健局、文旅局`). Each row becomes the lines the rest of the
//! importer reads: an item with its number, then its fields as `牵头科室：…` lines.

use super::fields::FieldKind;
use super::lines::{normalize, Line};
use super::markers::Marker;
use crate::plan::numbering::NumberStyle;

/// What a column of a task table holds, read from its header.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Number,
    /// The task, or, when a detail column follows, the group the rows under it belong to.
    Task,
    /// 细化分工 / 具体措施: the task itself when the table also has a task column.
    Detail,
    Field(FieldKind),
    /// 备注, 进展情况 and the like: kept as a line of the task's text, under its header.
    Other(String),
}

const TASK_HEADERS: &[&str] = &[
    "工作任务",
    "重点工作任务",
    "重点任务",
    "重点工作",
    "主要任务",
    "具体任务",
    "任务内容",
    "工作内容",
    "工作事项",
    "任务",
];
const DETAIL_HEADERS: &[&str] = &[
    "细化分工",
    "具体措施",
    "工作措施",
    "主要措施",
    "任务分解",
    "细化任务",
    "具体工作",
];

/// The header's column, spaces and line breaks inside it ignored (`牵头 领导`).
fn column(header: &str) -> Column {
    let bare: std::borrow::Cow<str> = if header.contains(char::is_whitespace) {
        header
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        header.into()
    };
    let ends = |words: &[&str]| words.iter().any(|w| bare.ends_with(w));
    if bare == "序号" || bare == "编号" {
        Column::Number
    } else if let Some(kind) = super::fields::exact_label(&bare) {
        Column::Field(kind)
    } else if ends(DETAIL_HEADERS) {
        Column::Detail
    } else if ends(TASK_HEADERS) {
        Column::Task
    } else {
        Column::Other(bare.into_owned())
    }
}

/// The cells of a row split by `|` or tabs (at least two), normalised; None for other lines.
fn cells(raw: &str) -> Option<Vec<String>> {
    let split: Vec<&str> = if raw.contains('|') {
        raw.split('|').collect()
    } else if raw.contains('\t') {
        raw.split('\t').collect()
    } else {
        return None;
    };
    let mut cells: Vec<String> = split.iter().map(|c| normalize(c)).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    while cells.first().is_some_and(String::is_empty) {
        cells.remove(0);
    }
    (cells.len() >= 2).then_some(cells)
}

/// The text of a spreadsheet or Word table cell written over several lines: the lines joined,
/// with `、` where a line ends without punctuation (`各乡镇` / `县开发区`), as one cell's text.
pub fn cell_text<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines
        .iter()
        .map(|l| l.as_ref().trim())
        .filter(|l| !l.is_empty())
    {
        let ends = out.ends_with(['。', '；', '：', '，', '、', '.', ';', ':', ',']);
        if !out.is_empty() && !ends {
            out.push('、');
        }
        // A tab or a line break inside a cell would split it.
        out.extend(line.chars().map(|c| if c == '\t' { ' ' } else { c }));
    }
    out
}

/// One table row as a line the importer reads as a row: cells split by tabs (a row of one cell,
/// merged across, still ends in a tab, so that the table goes on under it).
pub fn row_line<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<&str> = cells.iter().map(|c| c.as_ref()).collect();
    match cells.as_slice() {
        [only] => format!("{only}\t"),
        _ => cells.join("\t"),
    }
}

/// A row whose only text is in its first cell, the others empty (a heading merged across).
fn spanning(raw: &str) -> Option<String> {
    let mut parts = raw
        .split(['|', '\t'])
        .map(normalize)
        .filter(|c| !c.is_empty());
    let first = parts.next()?;
    let split = raw.contains(['|', '\t']);
    (split && parts.next().is_none()).then_some(first)
}

/// A task table being read: its columns, and the group and row number reached.
pub(crate) struct Table {
    columns: Vec<Column>,
    group: String,
    rows: u32,
}

impl Table {
    /// A header row: a task column and at least one division column among its cells.
    pub(crate) fn header(raw: &str) -> Option<Table> {
        let columns: Vec<Column> = cells(raw)?.iter().map(|c| column(c)).collect();
        let has = |f: fn(&Column) -> bool| columns.iter().any(f);
        (has(|c| matches!(c, Column::Task | Column::Detail))
            && has(|c| matches!(c, Column::Field(_))))
        .then_some(Table {
            columns,
            group: String::new(),
            rows: 0,
        })
    }

    /// The columns a row of `n` cells fills: merged cells are missing from the row, so first
    /// the trailing remarks columns are let go, then the group column (a cell merged down
    /// over the rows of its group), then whatever is last.
    fn fitted(&self, n: usize) -> Vec<Column> {
        let mut columns = self.columns.clone();
        let grouped = columns.contains(&Column::Detail);
        while columns.len() > n {
            let at = if let Some(i) = columns.iter().rposition(|c| matches!(c, Column::Other(_))) {
                i
            } else if let Some(i) = columns.iter().position(|c| grouped && *c == Column::Task) {
                i
            } else {
                columns.len() - 1
            };
            columns.remove(at);
        }
        columns
    }

    /// The lines one row stands for, or None when the line is not a row of this table. A row
    /// with one cell only (a section's heading merged across the table) is read as text, and
    /// the table goes on under it.
    pub(crate) fn row(&mut self, raw: &str, no: usize) -> Option<Vec<Line>> {
        if let Some(single) = spanning(raw) {
            self.group.clear();
            return Some(vec![Line::cell(no, single)]);
        }
        let mut cells = cells(raw)?;
        let numbered = self.columns.first() == Some(&Column::Number);
        let number = match cells.first() {
            Some(first) if numbered => {
                let n = first.parse::<u32>().ok().filter(|&n| n > 0 && n < 10000);
                if n.is_some() {
                    cells.remove(0);
                }
                n
            }
            _ => None,
        };
        let columns = self.fitted(cells.len() + usize::from(numbered));
        let columns = &columns[usize::from(numbered)..];
        let grouped = columns.contains(&Column::Detail);
        let mut title = String::new();
        let mut fields: Vec<String> = Vec::new();
        let mut rest: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match columns.get(i) {
                Some(Column::Task) if grouped => {
                    if *cell != self.group {
                        self.group = cell.clone();
                        out.push(Line::item(no, cell.clone(), marker(NumberStyle::None, 1)));
                    }
                }
                Some(Column::Task | Column::Detail) if title.is_empty() => title = cell.clone(),
                Some(Column::Field(kind)) => fields.push(format!("{}：{cell}", label(*kind))),
                Some(Column::Other(header)) => rest.push(format!("{header}：{cell}")),
                _ => rest.push(cell.clone()),
            }
        }
        if title.is_empty() && fields.is_empty() && rest.is_empty() {
            return (!out.is_empty()).then_some(out);
        }
        self.rows += 1;
        let style = if numbered {
            NumberStyle::ArabicDot
        } else {
            NumberStyle::None
        };
        let ordinal = number.unwrap_or(self.rows);
        if super::structure::starts_item(&title) {
            // The task carries the document's own number (`（一）落实…`): that one counts.
            out.push(Line::cell(no, title));
        } else {
            out.push(Line::item(no, title, marker(style, ordinal)));
        }
        out.extend(rest.into_iter().map(|text| Line::cell(no, text)));
        out.extend(fields.into_iter().map(|text| Line::cell(no, text)));
        Some(out)
    }
}

fn marker(style: NumberStyle, ordinal: u32) -> Marker {
    Marker {
        style,
        ordinal,
        len: 0,
    }
}

/// The label the importer reads back for a kind of field.
fn label(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Leader => "责任领导",
        FieldKind::Lead => "牵头单位",
        FieldKind::Responsible => "责任单位",
        FieldKind::Partner => "配合单位",
        FieldKind::Deadline => "完成时限",
    }
}

/// A line that is only a division label (`责任单位`, `完成时限`): its kind.
fn bare_label(text: &str) -> Option<FieldKind> {
    // Most lines are longer than any label, or hold a colon: no need to look further.
    if text.len() > 40 || text.contains(['：', ':']) || text.chars().nth(10).is_some() {
        return None;
    }
    match column(text) {
        Column::Field(kind) => Some(kind),
        _ => None,
    }
}

/// A line that is only a task column's name (`具体任务`).
fn task_label(text: &str) -> bool {
    text.len() <= 32
        && !text.contains(['：', ':'])
        && text.chars().nth(8).is_none()
        && matches!(column(text), Column::Task | Column::Detail)
}

/// Pages that write each label on its own line above its value: `具体任务` / the task /
/// `责任单位` / its value. The labels are joined to their values; a task label makes the line
/// under it an item. Returns the lines and the labels used up (to be reported).
pub(crate) fn labels_on_own_lines(lines: Vec<Line>) -> (Vec<Line>, Vec<Line>) {
    let labels: Vec<Option<FieldKind>> = lines.iter().map(|l| bare_label(&l.text)).collect();
    // Most texts have no label on a line of its own: nothing to do (and nothing to copy).
    if labels.iter().all(Option::is_none) {
        return (lines, Vec::new());
    }
    let labelled = |i: usize| labels.get(i).copied().flatten();
    let mut out = Vec::with_capacity(lines.len());
    let mut used = Vec::new();
    let mut rows = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let value = lines
            .get(i + 1)
            .filter(|v| bare_label(&v.text).is_none() && !task_label(&v.text) && v.item.is_none());
        match (labelled(i), value) {
            (Some(kind), Some(value)) if line.item.is_none() => {
                out.push(Line::cell(
                    value.no,
                    format!("{}：{}", label(kind), value.text),
                ));
                used.push(line.clone());
                i += 2;
                continue;
            }
            _ => {}
        }
        // A task label, its task, and a division label after it.
        let divided = || (i + 2..i + 4).any(|k| labelled(k).is_some());
        if line.item.is_none() && task_label(&line.text) && divided() {
            if let Some(task) = value {
                rows += 1;
                out.push(Line::item(
                    task.no,
                    task.text.clone(),
                    marker(NumberStyle::None, rows),
                ));
                used.push(line.clone());
                i += 2;
                continue;
            }
        }
        out.push(line.clone());
        i += 1;
    }
    (out, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn a_header_row_names_its_columns() {
        let table =
            Table::header("序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |").unwrap();
        assert_eq!(
            table.columns,
            [
                Column::Number,
                Column::Task,
                Column::Detail,
                Column::Field(FieldKind::Responsible),
                Column::Field(FieldKind::Deadline),
                Column::Other("备注".into())
            ]
        );
        assert!(Table::header("序号\t姓名\t电话").is_none());
        assert!(Table::header("一、加强党建 | 二、深化改革").is_none());
    }

    #[test]
    fn merged_group_cells_carry_down() {
        let mut table =
            Table::header("序号\t工作任务\t细化分工\t责任处室\t完成时限\t备注").unwrap();
        let first = table
            .row("1\t做好信息发布\t发布权威信息\t应急处\t长期推进", 3)
            .unwrap();
        assert_eq!(
            texts(&first),
            [
                "做好信息发布",
                "发布权威信息",
                "责任单位：应急处",
                "完成时限：长期推进"
            ]
        );
        let second = table
            .row("2\t做好接种信息公开\t疾控处\t长期推进", 4)
            .unwrap();
        assert_eq!(
            texts(&second),
            ["做好接种信息公开", "责任单位：疾控处", "完成时限：长期推进"]
        );
        assert_eq!(second[0].item.as_ref().map(|m| m.ordinal), Some(2));
    }

    #[test]
    fn a_label_with_its_value_is_not_a_bare_label() {
        assert_eq!(bare_label("责任单位"), Some(FieldKind::Responsible));
        assert_eq!(bare_label("责任单位：财务处"), None);
        assert_eq!(bare_label("牵头 领导"), Some(FieldKind::Leader));
    }

    #[test]
    fn labels_on_their_own_lines_join_their_values() {
        let lines: Vec<Line> = [
            "具体任务",
            "落实疫情防控措施。",
            "责任单位",
            "卫健局、文旅局",
            "完成时限",
            "1月底前",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line::text(i + 1, t.to_string()))
        .collect();
        let (out, used) = labels_on_own_lines(lines);
        assert_eq!(
            texts(&out),
            [
                "落实疫情防控措施。",
                "责任单位：卫健局、文旅局",
                "完成时限：1月底前"
            ]
        );
        assert!(out[0].item.is_some());
        assert_eq!(texts(&used), ["具体任务", "责任单位", "完成时限"]);
    }
}
