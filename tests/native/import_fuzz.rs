//! Property tests of the importer on generated plan-like text: it never panics and never loses
//! text — every character of content in the input is found in the imported plan (exported as
//! text), in the diagnostics, or in the set-aside summary.

use std::collections::HashMap;

use proptest::prelude::*;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::import::import_text;
use yaodian::{Deadline, Division, Node, NodeKind, Numbering, Period, Plan};

/// Pieces plan text is made of: markers, labels, notice lines, noise, words, punctuation.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "（一）",
    "（二）",
    "(三)",
    "（五十四）",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "任务1：",
    "任务2:",
    "第一，",
    "第二、",
    "一是",
    "二是",
    "责任领导：",
    "牵头领导:",
    "牵头科室：",
    "牵头单位：",
    "责任单位：",
    "配合科室（单位）：",
    "协作单位：",
    "完成时限：",
    "时间节点:",
    "长期坚持",
    "2020年11月",
    "2021年3月31日",
    "〔2020〕8号",
    "关于印发",
    "的通知",
    "工作要点",
    "总体要求是：",
    "抄送：",
    "抄报：",
    "印发",
    "（备注：",
    "）",
    "来源：",
    "发布时间：",
    "扫一扫",
    "— 3 —",
    "★",
    "工作总结",
    "工作安排",
    "文件",
    "各医疗卫生单位",
    "局机关各岗位",
    "杨少平",
    "马正录",
    "加强",
    "健全",
    "推进",
    "医疗",
    "卫生",
    "健康",
    "服务",
    "体系",
    "建设",
    "疫情",
    "防控",
    "基层",
    "能力",
    "。",
    "，",
    "、",
    "；",
    "：",
    ",",
    ":",
    ";",
    "“",
    "”",
    "《",
    "》",
    "（",
    "(",
    " ",
    "　",
    "90%",
    "1.5万",
    "APP",
    "\u{00a0}",
    "\t",
];

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[\\u{4e00}-\\u{4e80}]{1,6}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..12,
    )
    .prop_map(|pieces| pieces.concat())
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_map(|lines| lines.join("\n"))
}

/// Characters the importer may rewrite: numerals and number markers are regenerated from the
/// structure, field labels and notice labels are written in their standard form.
const REGENERATED: &str = "一二三四五六七八九十百零〇两第任务责任领导牵头分管人科室单位处室部门配合协作主要参与完成时限时间节点要求备注附注抄送报印发";

fn content_chars(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars() {
        let han = ('\u{4e00}'..='\u{9fff}').contains(&c);
        if han && !REGENERATED.contains(c) {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

/// Lines that pages and PDF copies put between a plan's lines.
const NOISE: &[&str] = &[
    "— 3 —",
    "扫一扫在手机打开当前页",
    "【打印】【关闭】",
    "访问次数：1024",
    "字体大小：大 中 小",
    "\u{a0}\u{3000}",
];

fn corpus_texts() -> Vec<String> {
    let dir = format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt") && p.with_extension("source").exists()
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Every character of content in the input is in the imported plan (as text), the set-aside
/// summary or a diagnostic. (A page in traditional characters is imported in simplified ones:
/// its characters are looked for as converted.)
fn loses_nothing(input: &str) -> Result<(), String> {
    let imported = import_text(input);
    let converted = yaodian::import::lines::simplified(input);
    let input = converted.as_deref().unwrap_or(input);
    let mut output = notice_text(&imported.plan, TextOptions::default());
    output.push_str(&imported.summary);
    for d in &imported.diagnostics {
        output.push_str(&d.text);
    }
    let have = content_chars(&output);
    for (c, n) in content_chars(input) {
        let kept = have.get(&c).copied().unwrap_or(0);
        if kept < n {
            return Err(format!(
                "lost {c:?}: {n} in, {kept} out\n--- input\n{input}\n--- output\n{output}"
            ));
        }
    }
    Ok(())
}

#[test]
fn no_corpus_text_loses_anything() {
    for text in corpus_texts() {
        if let Err(e) = loses_nothing(&text) {
            panic!("{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_importer_never_panics_and_never_loses_text(input in document()) {
        prop_assert!(loses_nothing(&input).is_ok(), "{}", loses_nothing(&input).unwrap_err());
    }

    /// Real texts, broken as copies break them: line breaks anywhere, punctuation of the other
    /// width, page noise between lines.
    #[test]
    fn the_corpus_broken_at_random_loses_nothing(
        pick in any::<prop::sample::Index>(),
        breaks in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
        noise in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(NOISE)), 0..4),
        swap in any::<bool>(),
    ) {
        let texts = corpus_texts();
        let mut chars: Vec<char> = pick.get(&texts).chars().collect();
        for at in &breaks {
            let i = at.index(chars.len() + 1);
            chars.insert(i, '\n');
        }
        let mut input: String = chars.into_iter().collect();
        if swap {
            input = crate::common::swap_width(&input);
        }
        let mut lines: Vec<String> = input.lines().map(str::to_string).collect();
        for (at, line) in &noise {
            let i = at.index(lines.len() + 1);
            lines.insert(i, line.to_string());
        }
        let input = lines.join("\n");
        prop_assert!(loses_nothing(&input).is_ok(), "{}", loses_nothing(&input).unwrap_err());
    }

    #[test]
    fn any_well_formed_plan_survives_export_and_import(plan in plan()) {
        let text = notice_text(&plan, TextOptions::default());
        let imported = import_text(&text);
        prop_assert_eq!(&imported.plan, &plan, "\n{}", text);
    }
}

const WORDS: &[&str] = &[
    "加强",
    "健全",
    "推进",
    "医疗",
    "卫生",
    "健康",
    "服务",
    "体系",
    "建设",
    "疫情",
    "防控",
    "基层",
    "能力",
    "党的",
    "中医药",
    "人才",
    "监管",
    "托育",
    "养老",
    "“互联网+医疗健康”",
    "示范区",
];
const NAMES: &[&str] = &[
    "杨少平",
    "马正录",
    "局综合管理岗位",
    "局医政药政管理岗位",
    "各医疗卫生单位",
];

fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), n).prop_map(|w| w.concat())
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop::sample::subsequence(NAMES, 0..3).prop_map(|v| v.iter().map(|s| s.to_string()).collect())
}

fn task() -> impl Strategy<Value = Node> {
    (
        words(2..5),
        prop::collection::vec(words(3..8), 1..3),
        names(),
        names(),
        names(),
        0..3u32,
    )
        .prop_map(|(title, sentences, leaders, leads, partners, deadline)| {
            let mut node = Node::new(0, NodeKind::Task, title);
            node.body = sentences.iter().map(|s| format!("{s}。")).collect();
            node.division = Division {
                leaders,
                leads,
                partners,
                deadline: match deadline {
                    0 => Deadline::None,
                    1 => Deadline::LongTerm,
                    _ => Deadline::Month {
                        year: 2021,
                        month: 11,
                    },
                },
            };
            node
        })
}

fn section() -> impl Strategy<Value = Node> {
    (words(2..4), prop::collection::vec(task(), 1..4)).prop_map(|(title, tasks)| {
        let mut node = Node::new(0, NodeKind::Heading, title);
        node.children = tasks;
        node
    })
}

pub(crate) fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(section(), 1..5),
        any::<bool>(),
        words(4..10),
    )
        .prop_map(|(sections, continuous, requirements)| {
            let mut plan = Plan {
                period: Period::year(2021),
                title: "2021年全县卫生健康工作要点".into(),
                requirements: format!("2021年全县卫生健康工作的总体要求是：{requirements}。"),
                ..Plan::default()
            };
            plan.numbering.levels[1].continuous = continuous;
            for mut section in sections {
                plan.renumber_ids(&mut section);
                plan.nodes.push(section);
            }
            // The importer reads continuity only when there are several sections.
            if plan.nodes.len() == 1 {
                plan.numbering.levels[1].continuous = Numbering::default().levels[1].continuous;
            }
            plan
        })
}
