//! The office's font choice (仿宋_GB2312 / 楷体_GB2312 or 仿宋 / 楷体; numerals and Latin letters
//! in the Chinese font or in Times New Roman) reaching every run of every export: the notice,
//! the task table and the summary as .docx, the workbooks, the preview and the clipboard's HTML.

use crate::common::{elements, part, sample};
use yaodian::export::docx::{division_table_docx, notice_docx, summary_docx};
use yaodian::export::html::{fonts_named, notice_html, preview_html, substitutes};
use yaodian::export::xlsx::table_xlsx;
use yaodian::export::NoticeOptions;
use yaodian::import::import_text;
use yaodian::ledger::summary::summary;
use yaodian::{FontChoice, Roster};

fn choices() -> Vec<FontChoice> {
    [false, true]
        .into_iter()
        .flat_map(|plain_names| {
            [false, true].map(|latin_in_times| FontChoice {
                plain_names,
                latin_in_times,
            })
        })
        .collect()
}

/// The value of `name` in an element's start tag.
fn value<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = element.find(&key)? + key.len();
    Some(&element[from..from + element[from..].find('"')?])
}

/// Every `w:rFonts` of an XML part, as (ascii, hAnsi, eastAsia, cs).
fn run_fonts(xml: &str) -> Vec<[String; 4]> {
    xml.match_indices("<w:rFonts ")
        .map(|(at, _)| {
            let element = &xml[at..at + xml[at..].find("/>").unwrap()];
            ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"]
                .map(|name| value(element, name).unwrap_or_default().to_string())
        })
        .collect()
}

fn check_docx(docx: &[u8], choice: FontChoice, what: &str) {
    let (body, kai) = if choice.plain_names {
        ("仿宋", "楷体")
    } else {
        ("仿宋_GB2312", "楷体_GB2312")
    };
    let named = ["方正小标宋简体", "黑体", "宋体", body, kai];
    for name in ["word/document.xml", "word/styles.xml"] {
        let xml = part(docx, name);
        let fonts = run_fonts(&xml);
        assert!(!fonts.is_empty(), "{what}: {name} names no fonts");
        for [ascii, hansi, east, cs] in &fonts {
            assert!(named.contains(&east.as_str()), "{what}: {name}: {east}");
            assert_eq!(cs, east, "{what}");
            let latin = if choice.latin_in_times {
                "Times New Roman"
            } else {
                east
            };
            assert_eq!(
                (ascii.as_str(), hansi.as_str()),
                (latin, latin),
                "{what}: {name}"
            );
        }
        if choice.plain_names {
            assert!(!xml.contains("_GB2312"), "{what}: {name}");
        }
    }
    assert!(
        run_fonts(&part(docx, "word/document.xml"))
            .iter()
            .any(|f| f[2] == body),
        "{what}: the body font"
    );
    // The page numbers stay in 宋体 (7.5).
    let footer = part(docx, "word/footer1.xml");
    for [ascii, _, east, _] in run_fonts(&footer) {
        assert_eq!(
            (ascii.as_str(), east.as_str()),
            ("宋体", "宋体"),
            "{what}: footer"
        );
    }
}

#[test]
fn every_docx_names_the_offices_fonts_in_every_run() {
    let plan = import_text(&sample("tongxin-2020-plan-task-division")).plan;
    let report = summary(&plan, None, None);
    for choice in choices() {
        for attachment in [false, true] {
            let options = NoticeOptions {
                attachment,
                fonts: choice,
                ..NoticeOptions::default()
            };
            check_docx(
                &notice_docx(&plan, options),
                choice,
                &format!("notice {choice:?} {attachment}"),
            );
        }
        check_docx(
            &division_table_docx(&plan, choice),
            choice,
            &format!("table {choice:?}"),
        );
        check_docx(
            &summary_docx(&report, choice),
            choice,
            &format!("summary {choice:?}"),
        );
    }
}

#[test]
fn the_workbook_names_the_offices_fonts() {
    let plan = import_text(&sample("tongxin-2020-plan-task-division")).plan;
    for choice in choices() {
        let styles = part(&table_xlsx(&plan, choice).unwrap(), "xl/styles.xml");
        let names: Vec<&str> = elements(&styles, "font")
            .into_iter()
            .filter_map(|f| {
                f.find("<name val=\"")
                    .map(|at| &f[at + 11..at + 11 + f[at + 11..].find('"').unwrap()])
            })
            .collect();
        assert!(
            names.contains(&if choice.plain_names {
                "仿宋"
            } else {
                "仿宋_GB2312"
            }),
            "{names:?}"
        );
        assert_eq!(
            names.iter().any(|n| n.contains("_GB2312")),
            !choice.plain_names,
            "{names:?}"
        );
    }
}

/// The first font of every `font-family` in the HTML.
fn first_families(html: &str) -> Vec<String> {
    html.match_indices("font-family:")
        .filter(|(at, _)| !html[..*at].ends_with('-'))
        .map(|(at, _)| {
            let rest = &html[at + "font-family:".len()..];
            let end = rest.find([',', ';', '"']).unwrap();
            rest[..end].trim_matches('\'').to_string()
        })
        .collect()
}

#[test]
fn the_preview_and_the_clipboard_name_the_offices_fonts() {
    let plan = import_text(&sample("tongxin-2020-plan-task-division")).plan;
    for choice in choices() {
        let options = NoticeOptions {
            fonts: choice,
            ..NoticeOptions::default()
        };
        let (body, kai) = if choice.plain_names {
            ("仿宋", "楷体")
        } else {
            ("仿宋_GB2312", "楷体_GB2312")
        };
        let named = ["方正小标宋简体", "黑体", "宋体", body, kai];
        let preview = preview_html(&plan, options);
        let clipboard = notice_html(&plan, options);
        for (html, what) in [(&preview, "preview"), (&clipboard, "clipboard")] {
            let firsts = first_families(html);
            assert!(firsts.len() > 100, "{what}");
            for first in &firsts {
                let ok = named.contains(&first.as_str())
                    || (choice.latin_in_times && what == "preview" && first == "Yaodian Latin");
                assert!(ok, "{what} {choice:?}: {first}");
            }
            assert!(firsts.iter().any(|f| f == body || f == "Yaodian Latin"));
        }
        // Numerals and Latin letters: the preview's Times-for-ASCII face, Word's own property.
        assert_eq!(preview.contains("'Yaodian Latin'"), choice.latin_in_times);
        assert_eq!(
            clipboard.contains("mso-ascii-font-family:'Times New Roman'"),
            choice.latin_in_times
        );
        // The preview's check of this machine's fonts asks for the names the office uses.
        let asked = fonts_named(choice);
        assert!(asked.contains(&body) && asked.contains(&kai));
        assert_eq!(asked.contains(&"Times New Roman"), choice.latin_in_times);
        assert!(!substitutes(body, choice).contains(&body));
    }
}

#[test]
fn a_roster_stored_before_the_choice_reads_with_the_defaults() {
    let old: Roster = serde_json::from_str(r#"{"leaders":["张三"],"departments":[]}"#).unwrap();
    assert_eq!(old.fonts, FontChoice::default());
    let job = yaodian::office::Job::from_json(r#"{"job":"TableDocx","plan":{}}"#).unwrap();
    assert!(
        matches!(job, yaodian::office::Job::TableDocx { fonts, .. } if fonts == FontChoice::default())
    );
}
