//! A returned packet read back (feature `office` for workbooks): the packet from the hidden
//! sheet, the department's answers from the sheet it filled in, and every locked cell that no
//! longer says what the packet was made with.

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::docx::check_archive;
use super::xlsx::cell_value as text;
use crate::export::packet::{DATA_SHEET, HEADER_ROW, SHEET};
use crate::ledger::packet::{Column, Packet};
use crate::ledger::returns::{packet_return, Returned};

/// Reads a return: a workbook made by `export::packet`, or a Yaodian packet file.
pub fn read_return(file: &str, bytes: &[u8]) -> Result<Returned, String> {
    if !bytes.starts_with(b"PK") {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| format!("“{file}”既不是 .xlsx 报送表，也不是 Yaodian 报送包"))?;
        return packet_return(file, text);
    }
    check_archive(bytes, ".xlsx")?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| format!("无法读取“{file}”（{e}），请确认文件完整"))?;
    let data = workbook.worksheet_range(DATA_SHEET).map_err(|_| {
        format!("“{file}”不是 Yaodian 生成的报送表（表中没有报送信息）；若是任务分工表，请在计划列表中用“导入”打开")
    })?;
    let json: String = data.rows().filter_map(|r| r.first()).map(text).collect();
    let mut packet = Packet::from_json(&json).map_err(|e| format!("“{file}”：{e}"))?;
    let names = workbook.sheet_names();
    let sheet = names
        .iter()
        .find(|n| n.as_str() == SHEET)
        .or_else(|| names.iter().find(|n| n.as_str() != DATA_SHEET))
        .cloned()
        .ok_or_else(|| format!("“{file}”中找不到报送表"))?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| format!("无法读取“{file}”的工作表“{sheet}”（{e}）"))?;
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(text).collect()).collect();
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let (tampered, problems) = answers(&mut packet, &rows, first_row);
    Ok(Returned {
        file: file.to_string(),
        packet,
        tampered,
        problems,
    })
}

/// Fills the packet's answers from the sheet's rows; returns the locked cells that changed,
/// and the answers that could not be taken (per task).
fn answers(
    packet: &mut Packet,
    rows: &[Vec<String>],
    first_row: usize,
) -> (Vec<String>, Vec<(u32, String)>) {
    let columns = Column::all(packet.kind);
    let mut tampered = Vec::new();
    let mut problems = Vec::new();
    let header_at = (HEADER_ROW as usize).checked_sub(first_row);
    let Some(header) = header_at.and_then(|h| rows.get(h)) else {
        return (vec!["表头".into()], problems);
    };
    // Columns are found by their headers, so a department that hides or widens columns is fine.
    let mut at = Vec::new();
    for column in &columns {
        match header.iter().position(|h| h.trim() == column.header()) {
            Some(i) => at.push((*column, i)),
            None => tampered.push(format!("缺少“{}”列", column.header())),
        }
    }
    let Some(&(_, id_at)) = at.iter().find(|(c, _)| *c == Column::Id) else {
        return (tampered, problems);
    };
    let mut seen = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(header_at.unwrap_or(0) + 1) {
        let cell = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = n + first_row + 1;
        let id = cell(id_at).trim();
        let Some(task) = packet.tasks.iter_mut().find(|t| t.id.to_string() == id) else {
            tampered.push(format!("第{line}行“编号”"));
            continue;
        };
        seen.push(task.id);
        for &(column, i) in &at {
            if column.editable() {
                if let Err(message) = column.set(&mut task.answer, cell(i)) {
                    // A status typed past the drop-down list: said, and the row's status left out.
                    task.answer.status = None;
                    problems.push((
                        task.id,
                        format!("第{line}行“{}”：{message}，未导入", column.header()),
                    ));
                }
            } else if normal(cell(i)) != normal(&column.value(task)) {
                tampered.push(format!("第{line}行“{}”", column.header()));
            }
        }
    }
    for task in &packet.tasks {
        if !seen.contains(&task.id) {
            tampered.push(format!("“{}{}”一行被删除", task.label, task.title));
        }
    }
    (tampered, problems)
}

/// Cell text compared without the line-end differences spreadsheet programs introduce.
fn normal(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}
