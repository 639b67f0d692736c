//! .xlsx import: a task-division workbook's rows, cells split by tabs, go through the text
//! importer, whose table reader recognises the columns from their headers (`import::table`).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::docx::check_archive;
use super::table::{cell_text, row_line};
use super::{import_paragraphs, Imported};

/// Reads an .xlsx and imports its rows. Fails only when the file is not a readable workbook.
pub fn import_xlsx(bytes: &[u8]) -> Result<Imported, String> {
    Ok(import_paragraphs(&xlsx_rows(bytes)?))
}

/// Every non-empty row of every sheet, as a line of tab-separated cells (merged cells are
/// empty but for the first, as the table reader expects).
pub fn xlsx_rows(bytes: &[u8]) -> Result<Vec<String>, String> {
    check_archive(bytes, ".xlsx")?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        format!(
            "无法读取该 .xlsx 文件（{e}），请确认文件完整，或在 Excel/WPS 中另存为 .xlsx 后重试"
        )
    })?;
    let mut out = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| format!("无法读取工作表“{name}”（{e}）"))?;
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(cell).collect();
            if cells.iter().any(|c| !c.is_empty()) {
                out.push(row_line(&cells));
            }
        }
    }
    Ok(out)
}

/// A cell's text: numbers without a trailing `.0`, dates as `2024年6月30日`; a string's lines
/// joined as the table reader expects.
fn cell(data: &Data) -> String {
    match data {
        Data::String(s) => cell_text(&s.lines().collect::<Vec<_>>()),
        other => cell_value(other),
    }
}

/// A cell's text as it was typed (a string's line breaks kept).
pub(crate) fn cell_value(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => serial_date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e:?}"),
    }
}

/// An Excel date serial (days since 1899-12-30, which is day -25,569 of 1970) as a Chinese date.
fn serial_date(serial: f64) -> String {
    crate::plan::model::Day::from_ordinal(serial.floor() as i64 - 25_569).label()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_serials() {
        assert_eq!(serial_date(45473.0), "2024年6月30日");
        assert_eq!(serial_date(44197.5), "2021年1月1日");
    }

    #[test]
    fn not_a_workbook_is_a_message() {
        assert!(xlsx_rows(b"not a zip").unwrap_err().contains(".xlsx"));
    }
}
