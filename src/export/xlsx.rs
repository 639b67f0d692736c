//! The .xlsx workbooks: the task-division table and the ledger lists (feature `office`).

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::format::{font_name, FONT_BODY, FONT_HEI, FONT_KAI, FONT_TITLE};
use super::list::{status_text, LIST_COLUMNS};
use super::table::{neutralise, rows, table_title, Row, COLUMNS};
use crate::ledger::views::ListView;
use crate::plan::model::Plan;
use crate::plan::roster::FontChoice;

/// The table as an .xlsx workbook: title, header, section rows merged across, borders, wrap.
pub fn table_xlsx(plan: &Plan, choice: FontChoice) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("任务分工")?;
    let font = font_name(FONT_BODY, choice);
    let title = Format::new()
        .set_font_name(FONT_TITLE)
        .set_font_size(18)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let header = Format::new()
        .set_font_name(FONT_HEI)
        .set_font_size(12)
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let section = Format::new()
        .set_font_name(font_name(FONT_KAI, choice))
        .set_font_size(12)
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new()
        .set_font_name(font)
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let centered = cell.clone().set_align(FormatAlign::Center);
    for (col, width) in [6.0, 60.0, 14.0, 18.0, 22.0, 12.0].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.merge_range(0, 0, 0, 5, &table_title(plan), &title)?;
    sheet.set_row_height(0, 36)?;
    for (col, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *name, &header)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    for (row, entry) in (2u32..).zip(rows(plan)) {
        match entry {
            Row::Section(text) => {
                sheet.merge_range(row, 0, row, 5, &text, &section)?;
            }
            Row::Task(cells) => {
                for (col, value) in cells.iter().enumerate() {
                    let format = if col == 0 || col == 5 {
                        &centered
                    } else {
                        &cell
                    };
                    sheet.write_string_with_format(row, col as u16, neutralise(value), format)?;
                }
            }
        }
    }
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_repeat_rows(1, 1)?;
    workbook.save_to_buffer()
}

/// The list as an .xlsx workbook: title, header, block and section rows across, one row a task.
pub fn list_xlsx(view: &ListView, choice: FontChoice) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("任务清单")?;
    let last = LIST_COLUMNS.len() as u16 - 1;
    let title = Format::new()
        .set_font_name(FONT_TITLE)
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let header = Format::new()
        .set_font_name(FONT_HEI)
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let block = Format::new()
        .set_font_name(FONT_HEI)
        .set_font_size(11)
        .set_bold()
        .set_border(FormatBorder::Thin);
    let group = Format::new()
        .set_font_name(font_name(FONT_KAI, choice))
        .set_font_size(11)
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_font_name(font_name(FONT_BODY, choice))
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
