//! .docx import: the document's paragraphs, with Word's automatic numbering written out as the
//! numbers Word shows, go through the text importer.

use std::collections::HashMap;

use docx_rs::{
    DocumentChild, Docx, Level, NumberingProperty, Paragraph, ParagraphChild, RunChild,
    TableCellContent, TableChild, TableRowChild,
};

use super::{import_paragraphs, Imported};
use crate::plan::numbering::chinese;

/// A .docx larger than this (compressed, or its parts unpacked) is refused: a plan is a few
/// hundred kilobytes, and a zip bomb must not exhaust the browser's memory.
pub const MAX_DOCX_BYTES: u64 = 32 * 1024 * 1024;
pub const MAX_UNPACKED_BYTES: u64 = 128 * 1024 * 1024;

/// Refuses archives that are too big, unpack to too much, or are not zip files at all; `kind`
/// names the format in the messages (`.docx`, `.xlsx`).
pub(crate) fn check_archive(bytes: &[u8], kind: &str) -> Result<(), String> {
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        return Err(format!(
            "文件过大（{} MB），不像是一份工作计划，已拒绝读取",
            bytes.len() / 1_048_576
        ));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        format!("该文件不是有效的 {kind}（文件不完整或格式不对），请在 Office/WPS 中另存为 {kind} 后重试")
    })?;
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|_| format!("该 {kind} 文件已损坏，无法读取"))?;
        unpacked = unpacked.saturating_add(entry.size());
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(format!(
                "该 {kind} 解压后过大（可能是恶意构造的压缩包），已拒绝读取"
            ));
        }
    }
    Ok(())
}

/// Reads a .docx and imports its text. Fails only when the file is not a readable .docx.
pub fn import_docx(bytes: &[u8]) -> Result<Imported, String> {
    Ok(import_paragraphs(&docx_paragraphs(bytes)?))
}

/// The paragraphs of a .docx file (see [`paragraphs`]), for [`import_paragraphs`]. Fails only
/// when the file is not a readable .docx.
pub fn docx_paragraphs(bytes: &[u8]) -> Result<Vec<String>, String> {
    check_archive(bytes, ".docx")?;
    // A zip without a Word document in it (a workbook, an archive) is not read at all: the
    // reader is not made for it (it did not return on an .xlsx).
    if super::office_file(bytes) != Some(super::OfficeFile::Docx) {
        return Err("该文件不是 Word 文档（.docx），请选择 .docx，或把内容复制后粘贴".into());
    }
    let docx = docx_rs::read_docx(bytes).map_err(|e| {
        format!("无法读取该 .docx 文件（{e}），请确认文件完整，或另存为 .docx 后重试")
    })?;
    Ok(paragraphs(&docx))
}

/// The text of every paragraph in document order (table cells included), numbers written out.
pub fn paragraphs(docx: &Docx) -> Vec<String> {
    let mut lists = Lists::new(docx);
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.push(lists.text(p)),
            DocumentChild::Table(table) => table_text(table, &mut lists, &mut out),
            _ => {}
        }
    }
    out
}

/// A table: one line per row, its cells split by tabs (see `import::table`), the paragraphs
/// of a cell joined.
fn table_text(table: &docx_rs::Table, lists: &mut Lists, out: &mut Vec<String>) {
    for TableChild::TableRow(row) in &table.rows {
        let mut cells = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let mut lines = Vec::new();
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => lines.push(lists.text(p)),
                    TableCellContent::Table(inner) => table_text(inner, lists, &mut lines),
                    _ => {}
                }
            }
            cells.push(super::table::cell_text(&lines));
        }
        out.push(super::table::row_line(&cells));
    }
}

fn run_text(children: &[ParagraphChild], out: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => {
                for c in &run.children {
                    if let RunChild::Text(t) = c {
                        out.push_str(&t.text);
                    }
                }
            }
            ParagraphChild::Insert(insert) => {
                for c in &insert.children {
                    if let docx_rs::InsertChild::Run(run) = c {
                        for c in &run.children {
                            if let RunChild::Text(t) = c {
                                out.push_str(&t.text);
                            }
                        }
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => run_text(&link.children, out),
            _ => {}
        }
    }
}

/// Word's list counters: per abstract numbering, one counter per level.
struct Lists<'a> {
    docx: &'a Docx,
    counters: HashMap<usize, [u32; 9]>,
    started: Vec<usize>,
}

impl<'a> Lists<'a> {
    fn new(docx: &'a Docx) -> Self {
        Lists {
            docx,
            counters: HashMap::new(),
            started: Vec::new(),
        }
    }

    /// The numbering a paragraph has, directly or through its style.
    fn numbering_of(&self, p: &Paragraph) -> Option<(usize, usize)> {
        let direct = p.property.numbering_property.as_ref();
        let from_style = || {
            let style = p.property.style.as_ref()?;
            self.docx
                .styles
                .styles
                .iter()
                .find(|s| s.style_id == style.val)?
                .paragraph_property
                .numbering_property
                .as_ref()
        };
        let NumberingProperty { id, level } = direct.or_else(from_style)?;
        let id = id.as_ref()?.id;
        (id != 0).then_some((id, level.as_ref().map_or(0, |l| l.val)))
    }

    fn text(&mut self, p: &Paragraph) -> String {
        let mut text = String::new();
        run_text(&p.children, &mut text);
        match self.label(p) {
            Some(label) if !text.trim().is_empty() => format!("{label}{}", text.trim_start()),
            _ => text,
        }
    }

    /// The number Word shows in front of a numbered paragraph.
    fn label(&mut self, p: &Paragraph) -> Option<String> {
        let (num_id, ilvl) = self.numbering_of(p)?;
        let numberings = &self.docx.numberings;
        let num = numberings
            .numberings
            .iter()
            .rev()
            .find(|n| n.id == num_id)?;
        let abstract_num = numberings
            .abstract_nums
            .iter()
            .rev()
            .find(|a| a.id == num.abstract_num_id)?;
        let levels = &abstract_num.levels;
        let start_of = |lvl: usize| -> u32 {
            num.level_overrides
                .iter()
                .find(|o| o.level == lvl)
                .and_then(|o| o.override_start)
                .map(|s| s as u32)
                .or_else(|| levels.iter().find(|l| l.level == lvl).map(level_start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num.abstract_num_id).or_insert([0; 9]);
        // A num with its own start override restarts the list the first time it is used.
        if !self.started.contains(&num_id) {
            self.started.push(num_id);
            if num
                .level_overrides
                .iter()
                .any(|o| o.override_start.is_some())
            {
                *counters = [0; 9];
            }
        }
        let ilvl = ilvl.min(8);
        counters[ilvl] = if counters[ilvl] == 0 {
            start_of(ilvl)
        } else {
            counters[ilvl] + 1
        };
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        let level = levels.iter().find(|l| l.level == ilvl)?;
        let pattern = serde_json::to_value(&level.text)
            .ok()?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mut label = pattern;
        for n in (1..=9).rev() {
            let placeholder = format!("%{n}");
            if label.contains(&placeholder) {
                let lvl = n - 1;
                let format = levels
                    .iter()
                    .find(|l| l.level == lvl)
                    .map_or("decimal".to_string(), |l| l.format.val.clone());
                let value = counters[lvl].max(1);
                label = label.replace(&placeholder, &format_number(&format, value));
            }
        }
        (level.format.val != "bullet" && level.format.val != "none").then_some(label)
    }
}

fn level_start(level: &Level) -> u32 {
    serde_json::to_value(&level.start)
        .ok()
        .and_then(|v| v.as_u64())
        .map_or(1, |v| v as u32)
}

fn format_number(format: &str, n: u32) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n),
        "upperLetter" => letter(n).to_ascii_uppercase(),
        "lowerLetter" => letter(n),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xfee0).unwrap_or(c))
            .collect(),
        _ => n.to_string(),
    }
}

fn letter(n: u32) -> String {
    let c = (b'a' + ((n.saturating_sub(1)) % 26) as u8) as char;
    c.to_string()
        .repeat(((n.saturating_sub(1)) / 26 + 1) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::{
        AbstractNumbering, IndentLevel, LevelJc, LevelText, NumberFormat, Numbering, NumberingId,
        Run, Start,
    };

    /// A .docx with Word list numbering: level 0 `%1、` in Chinese, level 1 `（%2）` running on.
    pub(crate) fn numbered_docx() -> Vec<u8> {
        let numbered = |text: &str, level: usize| {
            Paragraph::new()
                .add_run(Run::new().add_text(text))
                .numbering(NumberingId::new(7), IndentLevel::new(level))
        };
        let docx = Docx::new()
            .add_abstract_numbering(
                AbstractNumbering::new(7)
                    .add_level(Level::new(
                        0,
                        Start::new(1),
                        NumberFormat::new("chineseCounting"),
                        LevelText::new("%1、"),
                        LevelJc::new("left"),
                    ))
                    .add_level(Level::new(
                        1,
                        Start::new(1),
                        NumberFormat::new("chineseCounting"),
                        LevelText::new("（%2）"),
                        LevelJc::new("left"),
                    )),
            )
            .add_numbering(Numbering::new(7, 7))
            .add_paragraph(
                Paragraph::new().add_run(Run::new().add_text("2021年全县卫生健康工作要点")),
            )
            .add_paragraph(numbered("全面加强党的建设", 0))
            .add_paragraph(numbered("强化理论武装。健全学习制度。", 1))
            .add_paragraph(
                Paragraph::new().add_run(Run::new().add_text("责任领导：杨少平、马正录")),
            )
            .add_paragraph(numbered("深化医改", 0))
            .add_paragraph(numbered("推进医共体建设。统一管理。", 1));
        let mut buffer = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut buffer).unwrap();
        buffer.into_inner()
    }

    #[test]
    fn word_numbering_becomes_the_numbers_word_shows() {
        let bytes = numbered_docx();
        let docx = docx_rs::read_docx(&bytes).unwrap();
        assert_eq!(
            paragraphs(&docx),
            [
                "2021年全县卫生健康工作要点",
                "一、全面加强党的建设",
                "（一）强化理论武装。健全学习制度。",
                "责任领导：杨少平、马正录",
                "二、深化医改",
                "（一）推进医共体建设。统一管理。",
            ]
        );
        let imported = import_docx(&bytes).unwrap();
        assert_eq!(imported.plan.title, "2021年全县卫生健康工作要点");
        assert_eq!(imported.plan.nodes.len(), 2);
        assert_eq!(
            imported.plan.nodes[0].children[0].division.leaders,
            ["杨少平", "马正录"]
        );
    }

    /// The fixture the browser test uploads is this very document.
    #[test]
    fn the_browser_fixture_is_this_document() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/numbered.docx");
        if std::env::var_os("YAODIAN_WRITE_FIXTURES").is_some() {
            std::fs::write(path, numbered_docx()).unwrap();
        }
        let stored = std::fs::read(path).expect("tests/fixtures/numbered.docx");
        let stored = paragraphs(&docx_rs::read_docx(&stored).unwrap());
        assert_eq!(
            stored,
            paragraphs(&docx_rs::read_docx(&numbered_docx()).unwrap())
        );
    }

    #[test]
    fn a_damaged_file_gets_a_clear_message() {
        let err = import_docx(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(err.contains("不是有效的 .docx"), "{err}");
    }
}
