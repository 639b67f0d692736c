//! A packet as a workbook a department fills in with Excel or WPS (feature `office`): the
//! task's columns locked (the sheet is protected, without a password: it guards against
//! slips, not people), the status a drop-down list, the rest wrapped text cells; the packet
//! itself, with the values it was made from, in a very hidden sheet that the return is read
//! against (`import::returns`).

use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, XlsxError,
};

use super::format::{font_name, FONT_BODY, FONT_HEI, FONT_TITLE};
use crate::ledger::packet::{Column, Packet};
use crate::plan::model::Status;
use crate::plan::roster::FontChoice;

/// The visible sheet's name.
pub const SHEET: &str = "报送表";
/// The hidden sheet that carries the packet.
pub const DATA_SHEET: &str = "yaodian";
/// The header row (0-based); tasks follow it.
pub const HEADER_ROW: u32 = 2;
/// How many characters of the packet's JSON go in one cell (Excel holds up to 32,767).
const CHUNK: usize = 30_000;

pub fn packet_xlsx(packet: &Packet, choice: FontChoice) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let columns = Column::all(packet.kind);
    let last = columns.len() as u16 - 1;
    let font = font_name(FONT_BODY, choice);
    let title = Format::new()
        .set_font_name(FONT_TITLE)
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let note = Format::new()
        .set_font_name(font)
        .set_font_size(11)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let header = Format::new()
        .set_font_name(FONT_HEI)
        .set_font_size(11)
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let locked = Format::new()
        .set_font_name(font)
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_background_color("#F2F2F2");
    // Text, so that a date typed in stays as typed.
    let open = Format::new()
        .set_font_name(font)
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_num_format("@")
        .set_background_color("#FFF9DB")
        .set_unlocked();

    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    for (col, column) in (0u16..).zip(&columns) {
        sheet.set_column_width(col, column.width())?;
    }
    sheet.set_column_hidden(0)?;
    let heading = format!(
        "{}　{}（{}）",
        packet.plan_name, packet.round, packet.department
    );
    sheet.merge_range(0, 0, 0, last, &heading, &title)?;
    sheet.set_row_height(0, 30)?;
    let due = packet
        .due
        .map(|d| format!("请于{}前报送。", d.label()))
        .unwrap_or_default();
    let help = format!(
        "{due}请只在浅黄色的列中填写，灰色的列不要改动；“报送状态”从下拉列表中选择（{}）；申请延期的，请在“申请延期至”写明年月或日期（如2027年6月30日）并写明理由。",
        crate::ledger::packet::status_choices()
    );
    sheet.merge_range(1, 0, 1, last, &help, &note)?;
    sheet.set_row_height(1, 45)?;
    for (col, column) in (0u16..).zip(&columns) {
        sheet.write_string_with_format(HEADER_ROW, col, column.header(), &header)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    for (row, task) in (HEADER_ROW + 1..).zip(&packet.tasks) {
        for (col, column) in (0u16..).zip(&columns) {
            let format = if column.editable() { &open } else { &locked };
            sheet.write_string_with_format(row, col, column.value(task), format)?;
        }
    }
    if let Some(col) = columns.iter().position(|c| *c == Column::NewStatus) {
        let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
        let rows = packet.tasks.len().max(1) as u32;
        let validation = DataValidation::new()
            .allow_list_strings(&labels)?
            .set_error_title("状态")?
            .set_error_message(format!(
                "请从下拉列表中选择：{}",
                crate::ledger::packet::status_choices()
            ))?;
        sheet.add_data_validation(
            HEADER_ROW + 1,
            col as u16,
            HEADER_ROW + rows,
            col as u16,
            &validation,
        )?;
    }
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);

    let data = workbook.add_worksheet().set_name(DATA_SHEET)?;
    let json = packet.to_json();
    let chars: Vec<char> = json.chars().collect();
    for (row, chunk) in (0u32..).zip(chars.chunks(CHUNK)) {
        data.write_string(row, 0, chunk.iter().collect::<String>())?;
    }
    data.set_very_hidden(true);
    data.protect();
    workbook.save_to_buffer()
}
