//! One notice, every rendering: the text, the HTML (print preview and 复制到Word) and the .docx
//! carry the same text in the same order, with the same paragraphs and blank lines, for every
//! combination of the export options.

use crate::common::{elements, part, text_of};
use yaodian::export::blocks::{notice_blocks, texts, Block, NoticeOptions};
use yaodian::export::docx::notice_docx;
use yaodian::export::html::notice_html;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::{CopyKind, Deadline, Node, NodeKind, Plan};

/// A notice with every field set, a plan title of its own, and headings and tasks at every
/// level with bodies of several paragraphs and every division field.
fn everything() -> Plan {
    let mut plan = Plan {
        title: "2027年全县卫生健康工作要点".into(),
        requirements: "2027年全县卫生健康工作的总体要求是：坚持人民至上。\n守正创新(试行)。".into(),
        ..Plan::default()
    };
    let n = &mut plan.notice;
    n.issuer_mark = "某县卫生健康局文件".into();
    n.doc_number = "某卫健发〔2027〕3号".into();
    n.signer = "张三".into();
    n.title = "关于印发2027年全县卫生健康工作要点的通知".into();
    n.recipients = "各县（市、区）卫生健康局".into();
    n.transmittal = "现将要点印发给你们。\n请认真贯彻落实。".into();
    n.signature = "某县卫生健康局".into();
    n.date = "2027年2月1日".into();
    n.note = "此件公开发布".into();
    n.copy_kind = CopyKind::ReportTo;
    n.copy_to = "市卫生健康委员会，县委，县政府".into();
    n.printer = "某县卫生健康局办公室".into();
    n.print_date = "2027年2月1日".into();
    let mut section = Node::new(plan.fresh_id(), NodeKind::Heading, "全面加强党的建设");
    section.body = "以党建引领卫生健康事业。".into();
    let mut sub = Node::new(plan.fresh_id(), NodeKind::Heading, "强化理论武装");
    let mut task = Node::new(plan.fresh_id(), NodeKind::Task, "深入学习");
    task.body = "坚持第一议题制度。\n每季度集中学习一次。".into();
    task.division.leaders = vec!["李四".into(), "王五".into()];
    task.division.leads = vec!["办公室".into()];
    task.division.partners = vec!["各医疗卫生单位".into()];
    task.division.deadline = Deadline::Month {
        year: 2027,
        month: 11,
    };
    let mut item = Node::new(plan.fresh_id(), NodeKind::Task, "开展专题研讨");
    item.division.deadline = Deadline::LongTerm;
    task.children.push(item);
    sub.children.push(task);
    section.children.push(sub);
    let bare = Node::new(plan.fresh_id(), NodeKind::Task, "落实意识形态工作责任制");
    section.children.push(bare);
    plan.nodes.push(section);
    let last = Node::new(plan.fresh_id(), NodeKind::Heading, "深化医改");
    plan.nodes.push(last);
    plan
}

fn all_options() -> Vec<NoticeOptions> {
    let mut out = Vec::new();
    for fields_under_tasks in [true, false] {
        for attachment in [false, true] {
            out.push(NoticeOptions {
                fields_under_tasks,
                attachment,
                ..Default::default()
            });
        }
    }
    out
}

/// Text without the layout: spaces, full-width spaces, line breaks.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .collect()
}

fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.replace("&nbsp;", " ").chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::common::unescape(&out)
}

/// The paragraphs of the HTML: `None` for a blank line, else the paragraph's text.
/// The paragraphs of the HTML, a rule's own line as `[rule]`.
fn html_paragraphs(html: &str) -> Vec<Option<String>> {
    let mut marked = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<div class=\"") {
        marked.push_str(&rest[..at]);
        let tag = &rest[at..at + rest[at..].find('>').unwrap() + 1];
        if tag.contains("-rule\"") {
            marked.push_str("<p>[rule]");
            rest = &rest[at + tag.len()..];
            rest = rest.strip_prefix("</div>").expect("a rule's line is empty");
            marked.push_str("</p>");
        } else {
            marked.push_str(tag);
            rest = &rest[at + tag.len()..];
        }
    }
    marked.push_str(rest);
    elements(&marked, "p")
        .into_iter()
        .map(|p| {
            let text = squeeze(&html_text(p));
            (!text.is_empty()).then_some(text)
        })
        .collect()
}

/// The paragraphs of the .docx body (not the page breaks and section ends), a rule's own line
/// as `[rule]`.
fn docx_paragraphs(docx: &[u8]) -> Vec<Option<String>> {
    let document = part(docx, "word/document.xml");
    elements(&document, "w:p")
        .into_iter()
        .filter(|p| {
            !(p.contains(r#"w:type="page""#) || p.contains("w:sectPr") && text_of(p).is_empty())
        })
        .map(|p| {
            let text = squeeze(&text_of(p));
            if text.is_empty() && p.contains("<w:bottom ") {
                return Some("[rule]".into());
            }
            (!text.is_empty()).then_some(text)
        })
        .collect()
}

#[test]
fn every_rendering_carries_the_same_text_in_the_same_order() {
    let plan = everything();
    for options in all_options() {
        let blocks = notice_blocks(&plan, options);
        let want = squeeze(&texts(&blocks).concat());
        let text = notice_text(
            &plan,
            TextOptions {
                indent: true,
                notice: options,
            },
        );
        assert_eq!(squeeze(&text), want, "text, {options:?}");
        let html = notice_html(&plan, options);
        assert_eq!(squeeze(&html_text(&html)), want, "HTML, {options:?}");
        let docx = notice_docx(&plan, options);
        assert_eq!(
            squeeze(&text_of(&part(&docx, "word/document.xml"))),
            want,
            "docx, {options:?}"
        );
        // Every field of the notice is in it.
        for field in [
            "某县卫生健康局文件",
            "某卫健发〔2027〕3号",
            "签发人：张三",
            "各县（市、区）卫生健康局：",
            "（此件公开发布）",
            "抄报：市卫生健康委员会，县委，县政府。",
            "某县卫生健康局办公室",
            "2027年2月1日印发",
            "2027年全县卫生健康工作要点",
            "守正创新（试行）。",
        ] {
            assert!(want.contains(&squeeze(field)), "{field} in {options:?}");
        }
    }
}

#[test]
fn the_preview_and_the_docx_have_the_same_paragraphs_and_blank_lines() {
    let plan = everything();
    for options in all_options() {
        let html = html_paragraphs(&notice_html(&plan, options));
        let docx = docx_paragraphs(&notice_docx(&plan, options));
        assert_eq!(html, docx, "{options:?}");
        // Two blank lines under the red rule, then the title (GB/T 9704 7.3.1).
        let number = docx
            .iter()
            .position(|p| p.as_deref().is_some_and(|t| t.starts_with("某卫健发")))
            .unwrap();
        assert_eq!(docx[number + 1].as_deref(), Some("[rule]"));
        assert_eq!(docx[number + 2..number + 4], [None, None]);
        assert!(docx[number + 4].as_deref().unwrap().starts_with("关于印发"));
    }
}

#[test]
fn the_red_rule_is_drawn_in_every_rendering_when_only_the_mark_is_set() {
    let mut plan = everything();
    plan.notice.doc_number.clear();
    plan.notice.signer.clear();
    let blocks = notice_blocks(&plan, NoticeOptions::default());
    assert!(blocks.contains(&Block::Rule));
    let html = notice_html(&plan, NoticeOptions::default());
    let number = html.find("class=\"doc-number\"").expect("the number line");
    let rule = html.find("class=\"red-rule\"").expect("the rule's line");
    assert!(number < rule);
    assert!(html[rule..].starts_with("class=\"red-rule\" style=\"box-sizing:content-box;height:9.3pt;border-bottom:1.5pt solid #ff0000;margin-bottom:16.15pt;\""));
    let document = part(
        &notice_docx(&plan, NoticeOptions::default()),
        "word/document.xml",
    );
    assert!(document.contains(r#"w:color="FF0000""#) && document.contains("<w:bottom"));
    // Nothing set: no rule anywhere.
    plan.notice.issuer_mark.clear();
    assert!(!notice_blocks(&plan, NoticeOptions::default()).contains(&Block::Rule));
    assert!(!notice_html(&plan, NoticeOptions::default()).contains("#ff0000"));
}

/// What each option changes, in each rendering.
#[test]
fn each_option_shows_in_each_rendering() {
    let plan = everything();
    let renderings = |options: NoticeOptions| {
        let docx = notice_docx(&plan, options);
        [
            (
                "text",
                squeeze(&notice_text(
                    &plan,
                    TextOptions {
                        indent: true,
                        notice: options,
                    },
                )),
            ),
            ("html", squeeze(&html_text(&notice_html(&plan, options)))),
            ("docx", squeeze(&text_of(&part(&docx, "word/document.xml")))),
        ]
    };
    // Fields under tasks: every field of the task, or none.
    for (fields_under_tasks, attachment) in
        [(true, false), (false, false), (true, true), (false, true)]
    {
        let options = NoticeOptions {
            fields_under_tasks,
            attachment,
            ..Default::default()
        };
        for (what, text) in renderings(options) {
            for field in [
                "责任领导：李四、王五",
                "牵头科室：办公室",
                "配合科室（单位）：各医疗卫生单位",
                "完成时限：2027年11月",
                "完成时限：长期坚持",
            ] {
                assert_eq!(
                    text.contains(field),
                    fields_under_tasks,
                    "{what} {field} {options:?}"
                );
            }
            // As an attachment: 附件说明 before the signature, then 附件, its title, the plan;
            // inline: the plan between the transmittal and the signature.
            let at = |needle: &str| {
                text.find(needle)
                    .unwrap_or_else(|| panic!("{what}: {needle} in {options:?}"))
            };
            let signature = at("某县卫生健康局2027年2月1日");
            let first_task = at("（一）强化理论武装");
            if attachment {
                let note = at("附件：2027年全县卫生健康工作要点");
                assert!(note < signature && signature < first_task, "{what}");
                assert!(
                    text[signature..].contains("附件2027年全县卫生健康工作要点"),
                    "{what}"
                );
            } else {
                assert!(!text.contains("附件"), "{what}");
                assert!(
                    at("请认真贯彻落实。") < first_task && first_task < signature,
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn the_plan_title_is_not_repeated_when_it_is_the_notices() {
    let mut plan = everything();
    plan.title = plan.notice.title.clone();
    let blocks = notice_blocks(&plan, NoticeOptions::default());
    let titles = blocks
        .iter()
        .filter(|b| matches!(b, Block::Title(_)))
        .count();
    assert_eq!(titles, 1);
    let text = notice_text(&plan, TextOptions::default());
    assert_eq!(
        text.matches("关于印发2027年全县卫生健康工作要点的通知")
            .count(),
        1
    );
}

/// The text export of a notice with every field set imports back to the same notice and plan
/// (the 签发人 beside the number included).
#[test]
fn the_text_of_every_field_imports_back() {
    let plan = everything();
    let text = notice_text(&plan, TextOptions::default());
    let imported = yaodian::import::import_text(&text);
    let back = imported.plan;
    assert_eq!(
        back.notice, plan.notice,
        "{text}\n{:?}",
        imported.diagnostics
    );
    assert_eq!(back.title, plan.title);
    assert_eq!(
        yaodian::export::outline::outline(&back),
        yaodian::export::outline::outline(&plan)
    );
    assert_eq!(notice_text(&back, TextOptions::default()), text);
}

/// Beyond the text: the same fonts where the standard names one (the 签发人's name in 楷体,
/// headings in 黑体 and 楷体) in the preview and the .docx.
#[test]
fn the_preview_and_the_docx_set_the_same_fonts() {
    let plan = everything();
    let html = notice_html(&plan, NoticeOptions::default());
    let document = part(
        &notice_docx(&plan, NoticeOptions::default()),
        "word/document.xml",
    );
    for (text, font) in [
        ("张三", "楷体_GB2312"),
        ("一、全面加强党的建设", "黑体"),
        ("（一）强化理论武装", "楷体_GB2312"),
        ("某县卫生健康局文件", "方正小标宋简体"),
    ] {
        let span = elements(&html, "span")
            .into_iter()
            .find(|s| html_text(s) == text)
            .unwrap_or_else(|| panic!("{text} in the preview"));
        assert!(span.contains(&format!("'{font}'")), "{text}: {span}");
        let run = elements(&document, "w:r")
            .into_iter()
            .find(|r| text_of(r) == text)
            .unwrap_or_else(|| panic!("{text} in the .docx"));
        assert!(
            run.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{text}: {run}"
        );
    }
}
