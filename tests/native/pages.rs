//! The notice on its pages: the 版记 on the last even page, numbered as GB/T 9704 7.5 says, for
//! the tongxin plan cut after each of its tasks, inline and as an attachment; and the .docx built
//! as the page model places it. (LibreOffice's print of the same cuts is read back by
//! `tests/docx/check_pages.py` in the test command.)

use proptest::prelude::*;
use yaodian::export::blocks::{notice_blocks, Block, NoticeOptions};
use yaodian::export::docx::notice_docx;
use yaodian::export::html::preview_html;
use yaodian::export::pages::{
    breaks, flow, flowing_text, imprint_height, imprint_placement, indent_of, lay_out, Measure,
    Place, PAGE,
};
use yaodian::import::import_text;
use yaodian::plan::model::{Node, NodeKind, Plan};
use yaodian::{Edit, NodeField};

use crate::common::{elements, part, sample, text_of, unescape};

/// The plan with only its first `keep` tasks (and the headings above them).
fn cut(plan: &Plan, keep: usize) -> Plan {
    fn go(nodes: &[Node], left: &mut usize) -> Vec<Node> {
        let mut out = Vec::new();
        for node in nodes {
            if node.kind == NodeKind::Task {
                if *left == 0 {
                    continue;
                }
                *left -= 1;
                out.push(node.clone());
                continue;
            }
            let children = go(&node.children, left);
            if !children.is_empty() {
                out.push(Node {
                    children,
                    ..node.clone()
                });
            }
        }
        out
    }
    let mut left = keep;
    Plan {
        nodes: go(&plan.nodes, &mut left),
        ..plan.clone()
    }
}

fn tongxin() -> Plan {
    import_text(&sample("tongxin-2020-plan-task-division")).plan
}

fn task_count(plan: &Plan) -> usize {
    plan.walk()
        .iter()
        .filter(|(n, _)| n.kind == NodeKind::Task)
        .count()
}

/// Every cut of the tongxin plan with both layouts.
fn cuts() -> Vec<(String, Plan, NoticeOptions)> {
    let plan = tongxin();
    let mut out = Vec::new();
    for keep in 1..=task_count(&plan) {
        for attachment in [false, true] {
            let options = NoticeOptions {
                attachment,
                ..NoticeOptions::default()
            };
            out.push((
                format!("{keep} tasks, attachment {attachment}"),
                cut(&plan, keep),
                options,
            ));
        }
    }
    out
}

fn without_imprint(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Imprint(_)))
        .cloned()
        .collect()
}

#[test]
fn the_imprint_is_on_the_last_page_which_is_even_and_numbered_as_7_5_says() {
    let mut seen = std::collections::BTreeSet::new();
    for (name, plan, options) in cuts() {
        let blocks = notice_blocks(&plan, options);
        let placement =
            imprint_placement(&blocks, Default::default()).expect("the tongxin notice has a 版记");
        let text = flow(&without_imprint(&blocks), Default::default());
        let imprint = blocks.iter().find_map(|b| match b {
            Block::Imprint(i) => Some(i),
            _ => None,
        });
        let need = imprint_height(imprint.unwrap(), Default::default());
        assert_eq!(placement.page % 2, 0, "{name}: page {}", placement.page);
        match placement.place {
            Place::NextPage => {
                assert_eq!(text.pages % 2, 1, "{name}");
                assert_eq!(placement.page, text.pages + 1, "{name}");
                assert!(placement.numbered(), "{name}: no blank page before it");
            }
            Place::SamePage => {
                assert_eq!(text.pages % 2, 0, "{name}");
                assert_eq!(placement.page, text.pages, "{name}");
                assert!(PAGE - text.used >= need, "{name}: room");
                assert_eq!(placement.space_above, PAGE - text.used - need, "{name}");
                assert!(placement.numbered(), "{name}");
            }
            Place::AfterBlank => {
                assert_eq!(text.pages % 2, 0, "{name}");
                assert!(PAGE - text.used < need, "{name}: no room");
                assert_eq!(placement.page, text.pages + 2, "{name}");
                assert!(
                    !placement.numbered(),
                    "{name}: 7.5, no numbers after a blank"
                );
            }
        }
        seen.insert((format!("{:?}", placement.place), options.attachment));
    }
    // Every case, inline and as an attachment.
    assert_eq!(seen.len(), 6, "{seen:?}");
}

/// The footer part a section refers to for `kind` (default or even).
fn footer_of(docx: &[u8], section: &str, kind: &str) -> String {
    let rels = part(docx, "word/_rels/document.xml.rels");
    let key = format!(r#"<w:footerReference w:type="{kind}" r:id=""#);
    let at = section
        .find(&key)
        .unwrap_or_else(|| panic!("{kind} footer in {section}"));
    let id = &section[at + key.len()..];
    let id = &id[..id.find('"').unwrap()];
    let rel = &rels[rels.find(&format!(r#"Id="{id}""#)).unwrap()..];
    let target = &rel[rel.find("Target=\"").unwrap() + 8..];
    part(
        docx,
        &format!("word/{}", &target[..target.find('"').unwrap()]),
    )
}

#[test]
fn the_docx_puts_the_imprint_where_the_model_places_it() {
    for (name, plan, options) in cuts().into_iter().step_by(3) {
        let placement =
            imprint_placement(&notice_blocks(&plan, options), Default::default()).unwrap();
        let docx = notice_docx(&plan, options);
        let document = part(&docx, "word/document.xml");
        let paragraphs = elements(&document, "w:p");
        let first = paragraphs
            .iter()
            .position(|p| text_of(p).starts_with("抄报："))
            .unwrap_or_else(|| panic!("{name}: no 抄报"));
        // The space above and the new page go on the first rule's own line.
        let row = paragraphs[first - 1];
        assert!(
            row.contains("<w:pBdr>") && text_of(row).is_empty(),
            "{name}: {row}"
        );
        assert_eq!(
            row.contains("<w:pageBreakBefore />"),
            placement.place != Place::SamePage,
            "{name}: {row}"
        );
        assert!(
            row.contains(&format!(r#"w:before="{}""#, placement.space_above)),
            "{name}: {row}"
        );
        let sections = elements(&document, "w:sectPr");
        for kind in ["default", "even"] {
            assert!(
                footer_of(&docx, sections[0], kind).contains("PAGE"),
                "{name}"
            );
        }
        if placement.place == Place::AfterBlank {
            // The blank page and the 版记's page: a section of their own, without numbers.
            assert_eq!(sections.len(), 2, "{name}");
            assert!(text_of(paragraphs[first - 2]).is_empty(), "{name}");
            assert!(paragraphs[first - 3].contains("<w:sectPr"), "{name}");
            for kind in ["default", "even"] {
                assert!(
                    !footer_of(&docx, sections[1], kind).contains("PAGE"),
                    "{name}"
                );
            }
        } else {
            assert_eq!(sections.len(), 1, "{name}: one numbered sequence");
        }
        // The attachment's pages are numbered on: no section starts it, nothing restarts.
        assert!(!document.contains("w:pgNumType"), "{name}");
    }
}

#[test]
fn a_page_break_is_the_next_paragraphs_and_takes_no_line() {
    let plan = tongxin();
    let options = NoticeOptions {
        attachment: true,
        ..NoticeOptions::default()
    };
    let document = part(&notice_docx(&plan, options), "word/document.xml");
    let paragraphs = elements(&document, "w:p");
    let head = paragraphs
        .iter()
        .position(|p| text_of(p) == "附件")
        .unwrap();
    assert!(paragraphs[head].contains("<w:pageBreakBefore />"));
    assert!(!document.contains(r#"<w:br w:type="page" />"#));
    let pages = lay_out(
        &without_imprint(&notice_blocks(&plan, options)),
        Default::default(),
    );
    let first = pages.iter().position(|p| p[0].text == "附件").unwrap();
    assert!(
        first > 0,
        "the attachment starts a page: {:?}",
        pages[first - 1]
    );
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一", "卫", "健", "，", "。", "、", "；", "：", "“", "”", "（", "）", "《", "》", "2020",
        "年", "35%", "COVID-19", " ", "…", "——",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

proptest! {
    /// The lines hold the whole text in order, and no line is wider than the text block unless
    /// it is one piece that cannot break, or ends in a mark hanging in the margin.
    #[test]
    fn lines_hold_the_text_and_fit(text in text_strategy(), indented in any::<bool>()) {
        let indent = if indented { 640 } else { 0 };
        let chars: Vec<char> = text.chars().collect();
        let mut at = vec![0];
        at.extend(breaks(&text, indent, Measure::BODY));
        at.push(chars.len());
        prop_assert!(at.windows(2).all(|w| w[0] < w[1] || chars.is_empty()));
        let lines: Vec<String> = at.windows(2).map(|w| chars[w[0]..w[1]].iter().collect()).collect();
        prop_assert_eq!(lines.concat(), text.clone());
        for (n, line) in lines.iter().enumerate() {
            let limit = 8844 - if n == 0 { indent } else { 0 };
            let width: i32 = line.chars().map(|c| if c.is_ascii() { 155 } else { 315 }).sum();
            let body = line.trim_end_matches(['，', '。', '、']);
            let tight: i32 = body.chars().map(|c| if c.is_ascii() { 155 } else { 315 }).sum();
            let one_piece = line.chars().count() == 1 || line.chars().all(|c| c.is_ascii_alphanumeric() || "-%".contains(c));
            // Autospace adds at most a fifth of a character per switch of script.
            let switches = line.chars().collect::<Vec<_>>().windows(2).filter(|w| w[0].is_ascii() != w[1].is_ascii()).count() as i32;
            prop_assert!(
                width <= limit || tight <= limit + switches * 64 || one_piece,
                "line {} too wide: {:?} ({} > {})", n, line, width, limit
            );
        }
    }
}

/// The lines of the preview's flowing paragraphs (body, tasks, fields, 主送, notes), each split
/// where the preview breaks it.
fn preview_lines(html: &str) -> Vec<String> {
    const FLOWING: [&str; 7] = [
        "body",
        "heading",
        "task",
        "field",
        "recipients",
        "attachment-note",
        "note",
    ];
    let mut out = Vec::new();
    for p in html.split("<p class=\"").skip(1) {
        let class = &p[..p.find('"').unwrap()];
        if !FLOWING.contains(&class) {
            continue;
        }
        let inner = &p[p.find('>').unwrap() + 1..p.find("</p>").unwrap()];
        let mut text = String::new();
        let mut in_tag = false;
        let mut tag = String::new();
        for c in inner.chars() {
            match (in_tag, c) {
                (false, '<') => {
                    in_tag = true;
                    tag.clear();
                }
                (true, '>') => {
                    in_tag = false;
                    if tag == "br" {
                        text.push('\n');
                    }
                }
                (true, c) => tag.push(c),
                (false, c) => text.push(c),
            }
        }
        out.extend(unescape(&text).split('\n').map(str::to_string));
    }
    out
}

/// The model's lines of the same paragraphs.
fn model_lines(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| Some((flowing_text(b)?, indent_of(b)?)))
        .flat_map(|(text, indent)| {
            let chars: Vec<char> = text.chars().collect();
            let mut at = vec![0];
            at.extend(breaks(&text, indent, Measure::BODY));
            at.push(chars.len());
            at.windows(2)
                .map(|w| chars[w[0]..w[1]].iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn assert_preview_lines_are_the_models(plan: &Plan, options: NoticeOptions, what: &str) {
    let shown = preview_lines(&preview_html(plan, options));
    let model = model_lines(&notice_blocks(plan, options));
    assert_eq!(shown.len(), model.len(), "{what}: as many lines");
    for (n, (s, m)) in shown.iter().zip(&model).enumerate() {
        assert_eq!(s, m, "{what}: line {n}");
    }
}

#[test]
fn the_preview_breaks_every_line_where_the_model_does() {
    for name in [
        "tongxin-2020-plan-task-division",
        "suining-2022-plan-notice",
        "xian-2020-plan",
    ] {
        let plan = import_text(&sample(name)).plan;
        for attachment in [false, true] {
            let options = NoticeOptions {
                attachment,
                ..NoticeOptions::default()
            };
            assert_preview_lines_are_the_models(&plan, options, &format!("{name} {attachment}"));
        }
    }
}

/// A plan of one task with this lead sentence and text.
fn one_task(head: &str, text: &str) -> Plan {
    let mut plan = Plan::default();
    Edit::AddAfter {
        after: None,
        kind: NodeKind::Task,
    }
    .apply(&mut plan)
    .unwrap();
    let id = plan.nodes[0].id;
    Edit::SetNodeText(id, NodeField::Title, head.into())
        .apply(&mut plan)
        .unwrap();
    Edit::SetNodeText(id, NodeField::Body, text.into())
        .apply(&mut plan)
        .unwrap();
    plan
}

proptest! {
    /// Whatever the lead sentence and text, wherever a line ends (in the lead sentence, between
    /// it and the text, in the text), the preview's lines are the model's.
    #[test]
    fn the_preview_breaks_any_task_where_the_model_does(head in text_strategy(), text in text_strategy()) {
        let plan = one_task(&head, &text);
        assert_preview_lines_are_the_models(&plan, NoticeOptions::default(), "task");
    }
}

#[test]
fn a_line_ending_where_the_lead_sentence_ends_breaks_there_in_the_preview() {
    // "1." and a 25-character lead sentence fill the indented first line (26 characters) to
    // the end: the model breaks right where the text's run begins.
    let head = format!("{}。", "卫".repeat(24));
    let plan = one_task(&head, &"健".repeat(40));
    assert_preview_lines_are_the_models(&plan, NoticeOptions::default(), "boundary");
    let blocks = notice_blocks(&plan, NoticeOptions::default());
    let item = blocks
        .iter()
        .find(|b| matches!(b, Block::Item { .. }))
        .unwrap();
    let Block::Item { head, .. } = item else {
        unreachable!()
    };
    let first = breaks(&flowing_text(item).unwrap(), 640, Measure::BODY)[0];
    assert_eq!(
        first,
        head.chars().count(),
        "the case this test is about: {head}"
    );
}
