//! Hostile input: markup, control characters, huge lines, binary files, broken and bomb .docx
//! and .xlsx.
//! Each gives a clear message or plain text, never a crash, never live markup in an export.

use crate::common::part;
use std::io::Write;

use yaodian::export::docx::notice_docx;
use yaodian::export::html::notice_html;
use yaodian::export::table;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::export::NoticeOptions;
use yaodian::import::docx::import_docx;
use yaodian::import::xlsx::import_xlsx;
use yaodian::import::{import_text, is_binary};
use yaodian::{Edit, NodeField, NodeKind, NoticeField, Plan};

const XSS: &str = "<img src=x onerror=alert(1)></script><script>alert(2)</script>&amp;";

fn hostile_plan() -> Plan {
    let mut plan = Plan::default();
    Edit::SetNotice(NoticeField::Title, format!("关于{XSS}的通知"))
        .apply(&mut plan)
        .unwrap();
    Edit::AddAfter {
        after: None,
        kind: NodeKind::Task,
    }
    .apply(&mut plan)
    .unwrap();
    let id = plan.nodes[0].id;
    Edit::SetNodeText(
        id,
        NodeField::Title,
        format!("任务{XSS}\u{0}\u{1}\u{7}\u{1b}结束"),
    )
    .apply(&mut plan)
    .unwrap();
    Edit::SetNodeText(id, NodeField::Body, "=HYPERLINK(\"http://x\")".into())
        .apply(&mut plan)
        .unwrap();
    Edit::SetPeople(
        id,
        yaodian::Role::Lead,
        vec!["=1+1".into(), "@SUM(A1)".into()],
    )
    .apply(&mut plan)
    .unwrap();
    plan
}

#[test]
fn markup_is_text_in_every_export() {
    let plan = hostile_plan();
    let html = notice_html(&plan, NoticeOptions::default());
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;img src=x onerror=alert"), "{html}");

    let docx = notice_docx(&plan, NoticeOptions::default());
    let xml = part(&docx, "word/document.xml");
    assert!(!xml.contains("<img"));
    assert!(xml.contains("&lt;img src=x onerror=alert（1）&gt;"));
    // No control character reaches the XML (Word would refuse the file) and it reads back.
    assert!(!xml
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
    assert!(docx_rs::read_docx(&docx).is_ok());
    // Read back, the markup is the text that was typed.
    let paragraphs = yaodian::import::docx::paragraphs(&docx_rs::read_docx(&docx).unwrap());
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("<img src=x onerror=alert")),
        "{paragraphs:?}"
    );

    let csv = table::csv(&plan);
    for cell in csv.split(['\n', ',']) {
        let cell = cell.trim().trim_start_matches('"');
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
    }
    assert!(csv.contains("'=1+1、@SUM(A1)"), "{csv}");
    let xlsx = yaodian::export::xlsx::table_xlsx(&plan, Default::default()).unwrap();
    let sheet = part(&xlsx, "xl/sharedStrings.xml");
    assert!(!sheet.contains("<img"));
    assert!(sheet.contains("&lt;img"));

    // The text export is text: markup stays as typed, for the user to see.
    assert!(notice_text(&plan, TextOptions::default()).contains("<img src=x"));
}

#[test]
fn a_megabyte_on_one_line_and_control_characters_import() {
    let line = "一、".to_string() + &"很长的一行没有换行".repeat(40_000);
    assert!(line.len() > 1_000_000);
    let imported = import_text(&line);
    assert_eq!(imported.plan.nodes.len(), 1);
    let imported = import_text("一、\u{0}\u{1}标题\u{7}\n（一）任务\u{1b}。正文");
    assert_eq!(imported.plan.nodes.len(), 1);
    assert_eq!(imported.plan.nodes[0].children.len(), 1);
}

#[test]
fn binary_files_are_recognised() {
    assert!(is_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"));
    assert!(is_binary(&[0x01, 0x02, 0x03, 0x04, 0x05, b'a']));
    assert!(!is_binary("一、加强党的建设\n（一）任务。\r\n".as_bytes()));
    assert!(!is_binary(b""));
}

#[test]
fn broken_truncated_and_bomb_docx_are_refused() {
    for junk in [&b"not a zip at all"[..], b"PK\x03\x04garbage", &[0u8; 0]] {
        let message = import_docx(junk).unwrap_err();
        assert!(message.contains(".docx"), "{message}");
        let message = import_xlsx(junk).unwrap_err();
        assert!(message.contains(".xlsx"), "{message}");
    }
    let good = std::fs::read("tests/fixtures/numbered.docx").unwrap();
    let truncated = &good[..good.len() / 2];
    assert!(import_docx(truncated).is_err());
    let good = std::fs::read("tests/fixtures/foreign-division.xlsx").unwrap();
    assert!(import_xlsx(&good).is_ok());
    let message = import_xlsx(&good[..good.len() / 2]).unwrap_err();
    assert!(message.contains(".xlsx"), "{message}");
    // A .docx is not a workbook, nor a workbook a .docx.
    assert!(import_xlsx(&std::fs::read("tests/fixtures/numbered.docx").unwrap()).is_err());
    assert!(import_docx(&good).is_err());

    // A zip bomb: a small file that would unpack to far more than any plan.
    // One part of 16 MB of zeros, compressed once, copied under ten names: 160 MB unpacked.
    let mut part = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    part.start_file("word/document.xml", options).unwrap();
    part.write_all(&vec![0u8; 16 << 20]).unwrap();
    let part = part.finish().unwrap().into_inner();
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(part)).unwrap();
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for n in 0..10 {
        let entry = source.by_index_raw(0).unwrap();
        bomb.raw_copy_file_rename(entry, format!("word/part{n}.xml"))
            .unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    assert!(bomb.len() < 1_000_000, "{}", bomb.len());
    let message = import_docx(&bomb).unwrap_err();
    assert!(message.contains("过大"), "{message}");
    let message = import_xlsx(&bomb).unwrap_err();
    assert!(message.contains("过大"), "{message}");
}
