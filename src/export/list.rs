//! Ledger lists (by leader, department, deadline) as text and .xlsx, and the year-end summary
//! skeleton as text (its .docx is in [`super::docx`]).

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::fullwidth_punctuation;
use super::table::neutralise;
use crate::ledger::summary::Summary;
use crate::ledger::views::ListView;
use crate::ledger::TaskRow;
use crate::plan::model::Role;
use crate::plan::numbering::chinese;

/// `推进中（已逾期）`.
fn status_text(task: &TaskRow) -> String {
    if task.overdue {
        format!("{}（已逾期）", task.status.label())
    } else {
        task.status.label().to_string()
    }
}

/// The owner and deadline line under a task in a text list.
fn detail_line(task: &TaskRow) -> String {
    let d = &task.division;
    let mut parts = Vec::new();
    for role in Role::ALL {
        let names = d.people(role);
        if !names.is_empty() {
            parts.push(format!("{}：{}", role.short_label(), names.join("、")));
        }
    }
    let deadline = d.deadline.label();
    parts.push(format!(
        "完成时限：{}",
        if deadline.is_empty() {
            "未定"
        } else {
            &deadline
        }
    ));
    parts.push(format!("进展：{}", status_text(task)));
    parts.join("；")
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

/// The list as an .xlsx workbook: title, header, block and section rows across, one row a task.
pub fn list_xlsx(view: &ListView) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("任务清单")?;
    let last = LIST_COLUMNS.len() as u16 - 1;
    let title = Format::new()
        .set_font_name("方正小标宋简体")
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let header = Format::new()
        .set_font_name("黑体")
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let block = Format::new()
        .set_font_name("黑体")
        .set_font_size(11)
        .set_bold()
        .set_border(FormatBorder::Thin);
    let group = Format::new()
        .set_font_name("楷体_GB2312")
        .set_font_size(11)
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_font_name("仿宋_GB2312")
        .set_font_size(10)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let overdue = cell.clone().set_font_color("#C00000").set_bold();
    for (col, width) in [5.0, 10.0, 46.0, 12.0, 16.0, 18.0, 11.0, 10.0, 28.0, 28.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(col as u16, width)?;
    }
    let mut heading = view.title.clone();
    if let Some(day) = view.today {
        heading.push_str(&format!("（截至{}）", day.label()));
    }
    sheet.merge_range(0, 0, 0, last, &heading, &title)?;
    sheet.set_row_height(0, 40)?;
    for (col, name) in LIST_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *name, &header)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    let mut row = 2u32;
    let mut serial = 0;
    for b in &view.blocks {
        if !b.heading.is_empty() {
            sheet.merge_range(row, 0, row, last, &neutralise(&b.heading), &block)?;
            row += 1;
        }
        for g in &b.groups {
            sheet.merge_range(row, 0, row, last, &neutralise(&g.heading), &group)?;
            row += 1;
            for task in &g.tasks {
                serial += 1;
                let d = &task.division;
                let cells = [
                    serial.to_string(),
                    task.path.clone(),
                    task.title.clone(),
                    d.leaders.join("、"),
                    d.leads.join("、"),
                    d.partners.join("、"),
                    d.deadline.label(),
                    status_text(task),
                    task.latest_note.clone(),
                    task.completion.clone(),
                ];
                for (col, value) in cells.iter().enumerate() {
                    let format = if col == 7 && task.overdue {
                        &overdue
                    } else {
                        &cell
                    };
                    sheet.write_string_with_format(row, col as u16, neutralise(value), format)?;
                }
                row += 1;
            }
        }
    }
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_repeat_rows(1, 1)?;
    workbook.save_to_buffer()
}

/// The summary's paragraphs after its title and subtitle: `(Some(depth), heading)` for
/// headings (0: 一、 1: （一）) and `(None, text)` for body paragraphs.
pub fn summary_lines(summary: &Summary) -> Vec<(Option<usize>, String)> {
    let mut lines = vec![(None, summary.overview.clone())];
    for (i, section) in summary.sections.iter().enumerate() {
        lines.push((
            Some(0),
            format!("{}、{}", chinese(i as u32 + 1), section.title),
        ));
        let parts = [
            ("已完成的工作", &section.done, true),
            ("尚未完成的工作", &section.open, false),
        ];
        let mut part_no = 0;
        for (heading, tasks, done) in parts {
            if tasks.is_empty() {
                continue;
            }
            part_no += 1;
            lines.push((Some(1), format!("（{}）{heading}", chinese(part_no))));
            for (n, (title, note)) in tasks.iter().enumerate() {
                let note = note.trim();
                let text = match (note.is_empty(), done) {
                    (true, _) => format!("{}.{title}。", n + 1),
                    (false, true) => format!("{}.{title}。{note}", n + 1),
                    (false, false) => format!("{}.{title}（{note}）。", n + 1),
                };
                lines.push((None, text));
            }
        }
    }
    lines
        .into_iter()
        .map(|(depth, text)| (depth, fullwidth_punctuation(&text)))
        .collect()
}

/// The summary as text: title, subtitle, a blank line, then one paragraph per line.
pub fn summary_text(summary: &Summary) -> String {
    let mut lines = vec![
        summary.title.clone(),
        summary.subtitle.clone(),
        String::new(),
    ];
    lines.extend(summary_lines(summary).into_iter().map(|(_, text)| text));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}
