//! The .docx export opened as a zip of XML and checked against GB/T 9704-2012, item by item.

use crate::common::{elements, part, sample, text_of};

use yaodian::export::docx::{
    char_foot, char_top, notice_docx, title_lines, IMPRINT_RULE_LINE, LINE, MARK_TOP, RULE_GAP,
    RULE_LINE, TEXT_WIDTH,
};
use yaodian::export::NoticeOptions;
use yaodian::import::import_text;

fn tongxin_docx() -> Vec<u8> {
    let text = sample("tongxin-2020-plan-task-division");
    notice_docx(&import_text(&text).plan, NoticeOptions::default())
}

fn paragraph_with<'a>(paragraphs: &[&'a str], text: &str) -> &'a str {
    paragraphs
        .iter()
        .find(|p| text_of(p).starts_with(text))
        .unwrap_or_else(|| panic!("no paragraph starting with {text}"))
}

#[test]
fn a4_with_the_standard_margins_in_every_section() {
    let document = part(&tongxin_docx(), "word/document.xml");
    let sections = elements(&document, "w:sectPr");
    assert!(!sections.is_empty());
    for section in sections {
        assert!(
            section.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
            "{section}"
        );
        assert!(
            section
                .contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588""#),
            "{section}"
        );
    }
}

#[test]
fn every_run_names_its_east_asian_font_and_16pt_runs_are_tightened() {
    let document = part(&tongxin_docx(), "word/document.xml");
    let runs = elements(&document, "w:r");
    assert!(runs.len() > 300);
    for run in &runs {
        if run.contains("<w:t ") || run.contains("<w:t>") || run.contains("<w:tab") {
            assert!(run.contains("w:eastAsia=\""), "{run}");
        }
        if run.contains(r#"<w:sz w:val="32" />"#) {
            assert!(run.contains(r#"<w:spacing w:val="-5" />"#), "{run}");
        }
    }
}

#[test]
fn twenty_two_lines_a_page_no_widows_no_hanging_punctuation() {
    let docx = tongxin_docx();
    let document = part(&docx, "word/document.xml");
    let paragraphs = elements(&document, "w:p");
    let mark = paragraph_with(&paragraphs, "中共同心县卫生健康局党组文件");
    for p in &paragraphs {
        if *p != mark && p.contains("<w:t ") {
            assert!(p.contains(r#"w:line="579" w:lineRule="exact""#), "{p}");
            assert!(p.contains(r#"<w:widowControl w:val="0" />"#), "{p}");
        }
    }
    let styles = part(&docx, "word/styles.xml");
    let defaults = &styles[styles.find("<w:pPrDefault>").unwrap()..];
    assert!(defaults.contains(r#"<w:overflowPunct w:val="1" />"#));
    assert!(defaults.contains(r#"<w:widowControl w:val="0" />"#));
}

#[test]
fn the_header_title_and_body_are_set_as_the_standard_says() {
    let document = part(&tongxin_docx(), "word/document.xml");
    let paragraphs = elements(&document, "w:p");

    let mark = paragraph_with(&paragraphs, "中共同心县卫生健康局党组文件");
    assert!(mark.contains(r#"<w:jc w:val="center" />"#));
    assert!(mark.contains(r#"<w:color w:val="FF0000" />"#));
    assert!(mark.contains(r#"w:eastAsia="方正小标宋简体""#));

    let number = paragraph_with(&paragraphs, "同卫健党组发〔2020〕8号");
    assert!(number.contains(r#"<w:jc w:val="center" />"#));

    let title = paragraph_with(&paragraphs, "关于2020年全县卫生健康工作要点暨");
    assert!(title.contains(r#"<w:jc w:val="center" />"#));
    assert!(title.contains(r#"<w:sz w:val="44" />"#));
    assert!(title.contains(r#"w:eastAsia="方正小标宋简体""#));
    assert!(title.contains(r#"<w:br w:type="textWrapping" />"#));

    let recipients = paragraph_with(&paragraphs, "各医疗卫生单位、局机关各岗位：");
    assert!(!recipients.contains("w:firstLine"));

    let body = paragraph_with(&paragraphs, "为认真贯彻落实");
    assert!(body.contains(r#"w:firstLine="640""#));
    assert!(body.contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(body.contains(r#"<w:sz w:val="32" />"#));

    let level1 = paragraph_with(&paragraphs, "一、全面加强党的建设");
    assert!(level1.contains(r#"w:eastAsia="黑体""#));
    let task = paragraph_with(&paragraphs, "（一）认真学习");
    let runs = elements(task, "w:r");
    assert!(
        runs[0].contains(r#"w:eastAsia="楷体_GB2312""#),
        "lead sentence in 楷体"
    );
    assert!(text_of(runs[0]).ends_with('。'));
    assert!(
        runs[1].contains(r#"w:eastAsia="仿宋_GB2312""#),
        "body in 仿宋"
    );
    let field = paragraph_with(&paragraphs, "责任领导：杨少平、马正录、杨硕");
    assert!(field.contains(r#"w:firstLine="640""#));

    let date = paragraph_with(&paragraphs, "2020年3月31日");
    assert!(date.contains(r#"<w:jc w:val="right" />"#));
    assert!(
        date.contains(r#"w:right="1280""#),
        "four characters in from the right"
    );
    let signature = paragraphs
        .iter()
        .find(|p| text_of(p) == "中共同心县卫生健康局党组")
        .unwrap();
    assert!(signature.contains(r#"<w:jc w:val="right" />"#));
    let note = paragraph_with(&paragraphs, "（备注：新冠肺炎疫情防控工作");
    assert!(note.contains(r#"w:firstLine="640""#));
}

#[test]
fn the_imprint_sits_between_thick_and_thin_rules_and_pages_are_numbered_odd_right_even_left() {
    let docx = tongxin_docx();
    let document = part(&docx, "word/document.xml");
    let paragraphs = elements(&document, "w:p");
    let copy = paragraphs
        .iter()
        .position(|p| text_of(p) == "抄报：自治区、吴忠市卫生健康委员会，县委，政府。")
        .unwrap();
    let [top, copy, thin, print, bottom] = paragraphs[copy - 1..copy + 4] else {
        unreachable!()
    };
    let rule = |p: &str, size: i32| {
        assert_eq!(text_of(p), "");
        assert_eq!(attr(p, "w:bottom", "w:sz"), Some(size), "{p}");
        assert_eq!(attr(p, "w:bottom", "w:space"), Some(0));
        assert_eq!(attr(p, "w:spacing", "w:line"), Some(IMPRINT_RULE_LINE));
    };
    // The first and last rules thick (1 pt), the one between thin (0.75 pt).
    rule(top, 8);
    rule(thin, 6);
    rule(bottom, 8);
    assert!(copy.contains(r#"<w:sz w:val="28" />"#), "四号");
    // One character in on both sides; further lines under the first word after 抄报：.
    assert_eq!(attr(copy, "w:ind", "w:left"), Some(280 + 3 * 280));
    assert_eq!(attr(copy, "w:ind", "w:hanging"), Some(3 * 280));
    assert_eq!(attr(copy, "w:ind", "w:right"), Some(280));
    assert!(text_of(print).ends_with("2020年3月31日印发"));
    assert!(print.contains(r#"<w:tab w:val="right""#));

    // Odd pages numbered on the right, even pages on the left (the 版记's own numbering is
    // tests/native/pages.rs's).
    let settings = part(&docx, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders />"));
    let footers: Vec<String> = (1..)
        .map(|n| format!("word/footer{n}.xml"))
        .take_while(|name| document_has(&docx, name))
        .map(|name| part(&docx, &name))
        .filter(|f| f.contains("PAGE"))
        .collect();
    let odd = footers
        .iter()
        .find(|f| f.contains(r#"<w:jc w:val="right" />"#))
        .unwrap();
    assert!(odd.contains(r#"w:right="280""#) && odd.contains("— ") && odd.contains(" —"));
    assert!(odd.contains(r#"w:eastAsia="宋体""#) && odd.contains(r#"<w:sz w:val="28" />"#));
    let even = footers
        .iter()
        .find(|f| f.contains(r#"<w:jc w:val="left" />"#))
        .unwrap();
    assert!(even.contains(r#"w:left="280""#));
}

#[test]
fn long_titles_break_where_the_sense_allows() {
    assert_eq!(
        title_lines("关于2020年全县卫生健康工作要点暨任务分工的通知"),
        ["关于2020年全县卫生健康工作要点暨", "任务分工的通知"]
    );
    assert_eq!(
        title_lines("关于印发工作要点的通知"),
        ["关于印发工作要点的通知"]
    );
    for line in
        title_lines("关于印发遂宁市卫生健康委员会2022年全市卫生健康工作要点及任务分工方案的通知")
    {
        assert!(line.chars().count() <= 20, "{line}");
    }
}

#[test]
fn without_fields_under_tasks_the_tasks_stand_alone() {
    let text = sample("tongxin-2020-plan-task-division");
    let docx = notice_docx(
        &import_text(&text).plan,
        NoticeOptions {
            fields_under_tasks: false,
            attachment: false,
            ..Default::default()
        },
    );
    assert!(!part(&docx, "word/document.xml").contains("责任领导："));
}

#[test]
fn as_an_attachment_the_plan_follows_the_signature_on_a_page_headed_fujian() {
    let text = sample("suining-2022-plan-notice");
    let plan = import_text(&text).plan;
    let docx = notice_docx(
        &plan,
        NoticeOptions {
            fields_under_tasks: true,
            attachment: true,
            ..Default::default()
        },
    );
    let document = part(&docx, "word/document.xml");
    let paragraphs = elements(&document, "w:p");
    let texts: Vec<String> = paragraphs.iter().map(|p| text_of(p)).collect();
    let at = |t: &str| {
        texts
            .iter()
            .position(|x| x == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    let note = at("附件：2022年全市卫生健康工作要点");
    let date = at("2022年3月21日");
    let heading = at("附件");
    let title = texts
        .iter()
        .rposition(|x| x == "2022年全市卫生健康工作要点")
        .unwrap();
    let first_section = texts
        .iter()
        .position(|x| x.starts_with("一、筑牢底线"))
        .unwrap();
    assert!(note < date && date < heading && heading < title && title < first_section);
    assert!(paragraphs[note].contains(r#"w:firstLine="640""#));
    assert!(paragraphs[heading].contains(r#"w:eastAsia="黑体""#));
    assert!(!paragraphs[heading].contains("w:firstLine"));
    assert!(paragraphs[heading].contains("<w:pageBreakBefore />"));
}

#[test]
fn a_report_to_superiors_names_its_signer_beside_the_number() {
    let mut plan = yaodian::Plan::default();
    plan.notice.issuer_mark = "某县卫生健康局文件".into();
    plan.notice.doc_number = "某卫发〔2027〕3号".into();
    plan.notice.signer = "张三".into();
    let document = part(
        &notice_docx(&plan, NoticeOptions::default()),
        "word/document.xml",
    );
    let paragraphs = elements(&document, "w:p");
    let number = paragraph_with(&paragraphs, "某卫发〔2027〕3号");
    assert_eq!(text_of(number), "某卫发〔2027〕3号签发人：张三");
    assert!(number.contains(r#"w:left="320""#) && number.contains(r#"w:right="320""#));
    assert!(number.contains(r#"<w:tab w:val="right""#));
    let runs = elements(number, "w:r");
    assert!(runs.last().unwrap().contains(r#"w:eastAsia="楷体_GB2312""#));
    let rule = paragraphs[paragraphs.iter().position(|p| *p == number).unwrap() + 1];
    assert!(rule.contains(r#"w:color="FF0000""#), "the red rule stays");
}

#[test]
fn the_division_table_is_a_landscape_docx_with_every_task() {
    let text = sample("tongxin-2020-plan-task-division");
    let docx =
        yaodian::export::docx::division_table_docx(&import_text(&text).plan, Default::default());
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#),
        "{}",
        &document[document.len() - 600..]
    );
    let rows = elements(&document, "w:tr");
    assert_eq!(rows.len(), 1 + 10 + 54, "header, sections, tasks");
    assert_eq!(
        text_of(rows[0]),
        "序号工作任务责任领导牵头科室配合科室完成时限"
    );
    assert!(rows[1].contains(r#"<w:gridSpan w:val="6" />"#));
    assert!(text_of(rows[2]).starts_with("1（一）认真学习"));
    assert!(text_of(rows[2]).ends_with("局综合管理岗位局机关各岗位、各医疗卫生单位长期坚持"));
}

#[test]
fn the_parts_are_compressed() {
    let docx = tongxin_docx();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx.as_slice())).unwrap();
    let document = archive.by_name("word/document.xml").unwrap();
    assert_eq!(document.compression(), zip::CompressionMethod::Deflated);
    assert!(docx.len() < 40_000, "{} bytes", docx.len());
}

/// Every .docx Yaodian writes: the notice with each option set, the task table, the summary.
fn every_docx() -> Vec<(String, Vec<u8>)> {
    let plan = import_text(&sample("tongxin-2020-plan-task-division")).plan;
    let mut all = Vec::new();
    for attachment in [false, true] {
        for fields_under_tasks in [false, true] {
            let options = NoticeOptions {
                fields_under_tasks,
                attachment,
                ..Default::default()
            };
            all.push((format!("{options:?}"), notice_docx(&plan, options)));
        }
    }
    all.push((
        "table".into(),
        yaodian::export::docx::division_table_docx(&plan, Default::default()),
    ));
    let summary = yaodian::ledger::summary::summary(&plan, None, None);
    all.push((
        "summary".into(),
        yaodian::export::docx::summary_docx(&summary, Default::default()),
    ));
    all
}

fn xml_parts(docx: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    names
        .into_iter()
        .filter(|n| n.ends_with(".xml"))
        .map(|n| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut archive.by_name(&n).unwrap(), &mut text).unwrap();
            (n, text)
        })
        .collect()
}

/// Curly quotes, dashes and ellipses have an ambiguous width: Word and WPS set them half width
/// in the Latin font unless the run is marked East Asian. Every run holding one is.
#[test]
fn quotes_dashes_and_ellipses_are_set_as_east_asian_text() {
    let mut marked = 0;
    for (name, docx) in every_docx() {
        for (part, xml) in xml_parts(&docx) {
            for run in elements(&xml, "w:r") {
                let text = text_of(run);
                if text.contains(['“', '”', '‘', '’', '—', '–', '…', '·']) {
                    assert!(run.contains(r#"w:hint="eastAsia""#), "{name} {part}: {run}");
                    marked += 1;
                }
            }
        }
    }
    // The sample quotes (“一岗双责”), and every page number is `— N —`.
    assert!(marked > 20, "{marked}");
}

/// No theme fonts anywhere (WPS and older Word resolve them differently); every table carries
/// its column widths as `w:gridCol` (WPS ignores `w:tblW`), as many as its widest row spans.
#[test]
fn no_theme_fonts_and_every_table_has_its_grid() {
    for (name, docx) in every_docx() {
        for (part, xml) in xml_parts(&docx) {
            assert!(
                !xml.contains("Theme=\""),
                "{name} {part} names a theme font"
            );
            assert!(!part.starts_with("word/theme"), "{name} has {part}");
            for table in elements(&xml, "w:tbl") {
                let grid = table.matches("<w:gridCol ").count();
                assert!(grid > 0, "{name}: a table without w:gridCol");
                for row in elements(table, "w:tr") {
                    let spans: usize = elements(row, "w:tc")
                        .iter()
                        .map(|cell| {
                            cell.split("<w:gridSpan w:val=\"")
                                .nth(1)
                                .and_then(|rest| rest.split('"').next())
                                .map_or(1, |n| n.parse().unwrap())
                        })
                        .sum();
                    assert_eq!(spans, grid, "{name}: a row spans {spans} of {grid} columns");
                }
            }
        }
    }
}

/// The task table's header row repeats at the top of every page, and only it (LibreOffice's
/// pages are read back in scripts/test: tests/docx/check_table_docx.py).
#[test]
fn the_task_tables_header_row_repeats() {
    let plan = import_text(&sample("tongxin-2020-plan-task-division")).plan;
    let document = part(
        &yaodian::export::docx::division_table_docx(&plan, Default::default()),
        "word/document.xml",
    );
    let rows = elements(&document, "w:tr");
    assert!(rows[0].contains("<w:tblHeader />"), "{}", rows[0]);
    assert!(rows[1..].iter().all(|r| !r.contains("tblHeader")));
}

fn document_has(docx: &[u8], name: &str) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(docx))
        .unwrap()
        .by_name(name)
        .is_ok()
}

/// The number an attribute of the first `tag` in `xml` holds.
fn attr(xml: &str, tag: &str, name: &str) -> Option<i32> {
    let at = xml.find(&format!("<{tag} "))?;
    let element = &xml[at..at + xml[at..].find('>')?];
    let key = format!(" {name}=\"");
    let from = element.find(&key)? + key.len();
    element[from..from + element[from..].find('"')?]
        .parse()
        .ok()
}

/// The 版头 read back from the XML, for a 下行文 and a 上行文 with its 签发人: the mark's
/// characters 35 mm under the top of the text block (7.2.4), two lines of space, the number,
/// the red rule 4 mm under the number's characters (7.2.7), two lines of space and the title;
/// with a 签发人, the number one character in from the left and the signer one in from the
/// right (7.2.6).
#[test]
fn the_masthead_is_where_the_standard_measures_it() {
    let mut upward = import_text(&sample("tongxin-2020-plan-task-division")).plan;
    upward.notice.signer = "杨少平".into();
    for (plan, signer) in [
        (
            import_text(&sample("tongxin-2020-plan-task-division")).plan,
            false,
        ),
        (upward, true),
    ] {
        let document = part(
            &notice_docx(&plan, NoticeOptions::default()),
            "word/document.xml",
        );
        let paragraphs = elements(&document, "w:p");
        let [mark, blank1, blank2, number, rule, blank3, blank4, title] = paragraphs[..8] else {
            panic!("eight paragraphs at least")
        };
        assert_eq!(text_of(mark), "中共同心县卫生健康局党组文件");
        let size = attr(mark, "w:sz", "w:val").unwrap() * 10;
        let before = attr(mark, "w:spacing", "w:before").unwrap();
        let line = attr(mark, "w:spacing", "w:line").unwrap();
        assert!(mark.contains(r#"w:lineRule="exact""#));
        assert_eq!(
            before + char_top(line, size),
            MARK_TOP,
            "the mark's top edge at 35 mm"
        );
        for blank in [blank1, blank2, blank3, blank4] {
            assert_eq!(text_of(blank), "");
            assert_eq!(attr(blank, "w:spacing", "w:line"), Some(LINE));
        }
        assert_eq!(attr(number, "w:spacing", "w:line"), Some(LINE));
        // The rule under a line of its own, which puts it 4 mm under the number's characters.
        assert_eq!(text_of(rule), "");
        assert!(!number.contains("<w:pBdr>"));
        assert_eq!(attr(rule, "w:bottom", "w:space"), Some(0));
        assert_eq!(attr(rule, "w:spacing", "w:line"), Some(RULE_LINE));
        let gap = char_foot(attr(number, "w:sz", "w:val").unwrap() * 10) + RULE_LINE;
        assert_eq!(gap, RULE_GAP, "the rule 4 mm under the number");
        assert_eq!(attr(rule, "w:bottom", "w:sz"), Some(12), "1.5 pt");
        assert!(rule.contains(r#"w:color="FF0000""#));
        assert!(text_of(title).starts_with("关于2020年"));
        if signer {
            assert_eq!(text_of(number), "同卫健党组发〔2020〕8号签发人：杨少平");
            assert_eq!(attr(number, "w:ind", "w:left"), Some(320));
            assert_eq!(attr(number, "w:ind", "w:right"), Some(320));
            assert_eq!(attr(number, "w:tab", "w:pos"), Some(TEXT_WIDTH - 320));
        } else {
            assert!(number.contains(r#"<w:jc w:val="center" />"#));
        }
    }
}

/// Every rule of the notice (the red one, the 版记's) spans the text block: a paragraph with a
/// border has no indent, for every sample, layout and a 签发人 set or not.
#[test]
fn every_rule_spans_the_text_block() {
    for name in [
        "tongxin-2020-plan-task-division",
        "suining-2022-plan-notice",
        "xian-2020-plan",
    ] {
        let mut plan = import_text(&sample(name)).plan;
        if plan.notice.issuer_mark.is_empty() {
            plan.notice.issuer_mark = "某市卫生健康委员会文件".into();
        }
        for signer in ["", "张三"] {
            plan.notice.signer = signer.into();
            for attachment in [false, true] {
                let options = NoticeOptions {
                    attachment,
                    ..NoticeOptions::default()
                };
                let document = part(&notice_docx(&plan, options), "word/document.xml");
                let ruled: Vec<&str> = elements(&document, "w:p")
                    .into_iter()
                    .filter(|p| p.contains("<w:pBdr>"))
                    .collect();
                assert!(!ruled.is_empty());
                for p in &ruled {
                    assert!(!p.contains("<w:ind "), "{name}: a rule inside indents: {p}");
                    assert_eq!(text_of(p), "", "{name}: a rule on a line of text");
                }
            }
        }
    }
}
