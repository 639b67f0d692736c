//! The three real samples import to exactly their structure, fields and notice; variants of
//! them (punctuation swapped, fields split, sentences broken, noise added) import the same;
//! and import → text export → import is the identity.

use crate::common::{sample, swap_width};
use yaodian::export::outline::outline;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::import::{import_text, Imported, Severity};
use yaodian::{CopyKind, Deadline, NodeKind, NumberStyle, Plan};

/// Sections and tasks: every top-level node a heading, every second-level node a task.
fn shape(plan: &Plan) -> (usize, usize) {
    for section in &plan.nodes {
        assert_eq!(section.kind, NodeKind::Heading, "{}", section.title);
        for task in &section.children {
            assert_eq!(task.kind, NodeKind::Task, "{}", task.title);
            assert!(task.children.is_empty());
        }
    }
    (
        plan.nodes.len(),
        plan.nodes.iter().map(|s| s.children.len()).sum(),
    )
}

fn warnings(imported: &Imported) -> Vec<String> {
    imported
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn xian_has_11_sections_and_39_tasks_numbered_1_to_39() {
    let imported = import_text(&sample("xian-2020-plan"));
    let plan = &imported.plan;
    assert_eq!(shape(plan), (11, 39));
    assert!(warnings(&imported).is_empty(), "{:?}", warnings(&imported));
    assert_eq!(plan.numbering.levels[0].style, NumberStyle::ChineseComma);
    assert_eq!(plan.numbering.levels[1].style, NumberStyle::ArabicDot);
    assert!(plan.numbering.levels[1].continuous);
    assert_eq!(plan.title, "2020年全市卫生健康工作要点");
    assert_eq!(plan.period.start, 2020);
    assert!(plan
        .requirements
        .starts_with("2020年全市卫生健康工作的总体要求是：以习近平"));
    let n = &plan.notice;
    assert_eq!(
        n.recipients,
        "各区（县）卫生健康局，西咸新区教育卫体局，高新区文旅健康局，国际港务区教育和卫生健康局，委直属各单位，委机关各处室、合署办公事业单位"
    );
    assert_eq!(
        n.transmittal,
        "现将《2020年全市卫生健康工作要点》印发给你们，请认真学习，抓好贯彻落实。"
    );
    assert_eq!(n.signature, "西安市卫生健康委员会");
    assert_eq!(n.date, "2020年5月7日");
    let first = &plan.nodes[0].children[0];
    assert_eq!(first.title, "坚持党的全面领导");
    assert!(first.body.starts_with("坚持党对一切工作的领导"));
    let last = &plan.nodes[10];
    assert_eq!(last.title, "统筹做好其他工作");
    assert!(last.children[0]
        .title
        .starts_with("严格落实安全生产行业监管责任和单位主体责任"));
    let text = outline(plan);
    assert!(text.contains("\n  39. 严格落实安全生产"), "{text}");
}

#[test]
fn suining_has_6_sections_and_29_tasks_and_its_notice() {
    let imported = import_text(&sample("suining-2022-plan-notice"));
    let plan = &imported.plan;
    assert_eq!(shape(plan), (6, 29));
    assert!(warnings(&imported).is_empty(), "{:?}", warnings(&imported));
    let ignored = imported
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Ignored)
        .map(|d| d.line)
        .collect::<Vec<_>>();
    assert_eq!(ignored, [1, 5, 89]);
    assert_eq!(plan.numbering.levels[1].style, NumberStyle::ChineseParen);
    assert!(plan.numbering.levels[1].continuous);
    assert_eq!(plan.title, "2022年全市卫生健康工作要点");
    let n = &plan.notice;
    assert_eq!(
        n.title,
        "遂宁市卫生健康委员会关于印发2022年全市卫生健康工作要点的通知"
    );
    assert_eq!(
        n.recipients,
        "各县（市、区）卫生健康局、市直园区社会事业局，市直卫生健康单位，委机关各科（室）"
    );
    assert!(n
        .transmittal
        .starts_with("现将《2022年全市卫生健康工作要点》印发你们"));
    assert_eq!(n.signature, "遂宁市卫生健康委员会");
    assert_eq!(n.date, "2022年3月21日");
    let tasks: Vec<&str> = plan
        .nodes
        .iter()
        .flat_map(|s| s.children.iter().map(|t| t.title.as_str()))
        .collect();
    assert_eq!(tasks[0], "健全体制机制");
    assert_eq!(tasks[28], "健全长效机制");
    assert_eq!(
        plan.nodes[5].title,
        "党建引领，凝心聚力助推卫生健康事业发展"
    );
}

/// The tongxin sample read by a different, naive method: every （N） paragraph opens a task and
/// every `label：value` line after it is one of its fields. Values are compared as lists.
fn tongxin_fields_by_hand(text: &str) -> Vec<[String; 4]> {
    let mut tasks: Vec<[String; 4]> = Vec::new();
    for line in text.lines() {
        let line = line
            .trim()
            .replace('(', "（")
            .replace(')', "）")
            .replace(':', "：");
        if line.starts_with('（') && !line.starts_with("（备注") {
            tasks.push(Default::default());
            continue;
        }
        let Some((label, value)) = line.split_once('：') else {
            continue;
        };
        let slot = match label {
            "责任领导" => 0,
            "牵头科室" => 1,
            "配合科室（单位）" => 2,
            "完成时限" => 3,
            _ => continue,
        };
        let list: Vec<&str> = value
            .split(['、', '，', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        tasks.last_mut().unwrap()[slot] = list.join("、");
    }
    tasks
}

#[test]
fn tongxin_has_10_sections_54_tasks_each_with_its_four_fields() {
    let text = sample("tongxin-2020-plan-task-division");
    let imported = import_text(&text);
    let plan = &imported.plan;
    assert_eq!(shape(plan), (10, 54));
    assert!(warnings(&imported).is_empty(), "{:?}", warnings(&imported));
    assert_eq!(plan.numbering.levels[1].style, NumberStyle::ChineseParen);
    assert!(plan.numbering.levels[1].continuous);

    let expected = tongxin_fields_by_hand(&text);
    assert_eq!(expected.len(), 54);
    let tasks: Vec<_> = plan.nodes.iter().flat_map(|s| &s.children).collect();
    for (i, (task, want)) in tasks.iter().zip(&expected).enumerate() {
        let d = &task.division;
        let got = [
            d.leaders.join("、"),
            d.leads.join("、"),
            d.partners.join("、"),
            d.deadline.label(),
        ];
        assert_eq!(&got, want, "task {} {}", i + 1, task.title);
        assert!(want.iter().all(|v| !v.is_empty()), "task {}", i + 1);
    }
    // Known details: the first task's leaders, the 2019 deadline in a 2020 plan, broken lines.
    assert_eq!(tasks[0].division.leaders, ["杨少平", "马正录", "杨硕"]);
    assert_eq!(tasks[0].division.deadline, Deadline::LongTerm);
    assert_eq!(
        tasks[3].division.deadline,
        Deadline::Month {
            year: 2020,
            month: 11
        }
    );
    assert_eq!(
        tasks[44].division.deadline,
        Deadline::Month {
            year: 2019,
            month: 11
        }
    );
    assert!(tasks[1]
        .body
        .ends_with("健全结对共建和局班子成员定点联系社会办医机构工作机制。"));
    assert!(tasks[53].title.contains("以一丝不苟精神抓管理"));
    // The lead sentence runs to the first 。
    assert_eq!(
        tasks[11].title,
        "做实做细家庭医生签约服务，建档立卡户家庭医生签约服务覆盖率达到100%；重点人群家庭医生签约服务覆盖率达到65%以上"
    );

    let n = &plan.notice;
    assert_eq!(n.issuer_mark, "中共同心县卫生健康局党组文件");
    assert_eq!(n.doc_number, "同卫健党组发〔2020〕8号");
    assert_eq!(n.title, "关于2020年全县卫生健康工作要点暨任务分工的通知");
    assert_eq!(n.recipients, "各医疗卫生单位、局机关各岗位");
    assert!(n
        .transmittal
        .starts_with("为认真贯彻落实国家、自治区及吴忠市"));
    assert!(n
        .transmittal
        .ends_with("现制定2020年全县卫生健康重点工作及任务分工。"));
    assert!(plan.requirements.contains(
        "全面落实政府工作报告主要任务和区、市卫生健康委工作部署，坚持稳中求进工作总基调"
    ));
    assert_eq!(n.signature, "中共同心县卫生健康局党组");
    assert_eq!(n.date, "2020年3月31日");
    assert_eq!(
        n.note,
        "备注：新冠肺炎疫情防控工作按专项工作另行安排，不再列入"
    );
    assert_eq!(n.copy_kind, CopyKind::ReportTo);
    assert_eq!(n.copy_to, "自治区、吴忠市卫生健康委员会，县委，政府");
    assert_eq!(n.printer, "同心县卫生健康局");
    assert_eq!(n.print_date, "2020年3月31日");
}

const SAMPLES: [&str; 3] = [
    "xian-2020-plan",
    "suining-2022-plan-notice",
    "tongxin-2020-plan-task-division",
];

#[test]
fn import_then_export_then_import_is_the_same_plan() {
    for name in SAMPLES {
        let first = import_text(&sample(name)).plan;
        for indent in [true, false] {
            let text = notice_text(
                &first,
                TextOptions {
                    indent,
                    ..Default::default()
                },
            );
            let again = import_text(&text);
            assert_eq!(again.plan, first, "{name} (indent {indent})");
            assert!(
                warnings(&again).is_empty(),
                "{name}: {:?}",
                warnings(&again)
            );
        }
    }
}

/// Everything the user would check: the outline, the fields, the opening text, the notice.
fn fingerprint(plan: &Plan) -> String {
    format!(
        "{}\n{}\n{}\n{:?}",
        outline(plan),
        plan.requirements,
        plan.title,
        plan.notice
    ) + &plan
        .walk()
        .iter()
        .map(|(n, _)| format!("{}|{}|{:?}", n.title, n.body, n.division))
        .collect::<Vec<_>>()
        .join("\n")
}

fn split_fields(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let label = ["责任领导", "牵头科室", "完成时限"]
            .into_iter()
            .find(|l| trimmed.starts_with(l));
        match label.and_then(|_| trimmed.split_once(['：', ':'])) {
            Some((label, value)) => out.push_str(&format!("{label}：\n\n{value}\n")),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Breaks every long paragraph after its 28th character (a printed line of GB/T 9704), as a
/// PDF copy does (never before a digit, so no number marker appears at a line start).
fn break_sentences(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.trim().chars().collect();
        let at = (28..chars.len().saturating_sub(5)).find(|&i| {
            ('\u{4e00}'..='\u{9fff}').contains(&chars[i])
                && ('\u{4e00}'..='\u{9fff}').contains(&chars[i - 1])
        });
        match at {
            Some(at) if chars.len() > 40 => {
                out.extend(&chars[..at]);
                out.push('\n');
                out.extend(&chars[at..]);
                out.push('\n');
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn add_noise(text: &str) -> String {
    let noise = [
        "来源：本站 发布时间：2020-03-31 浏览次数：128",
        "— 2 —",
        "第 3 页 共 9 页",
        "【打印】 【关闭】",
        "扫一扫在手机打开当前页",
    ];
    let mut out = String::from("首页 > 政务公开 > 通知公告\n");
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if i % 7 == 6 {
            out.push_str(noise[i % noise.len()]);
            out.push('\n');
        }
    }
    out
}

/// Asserts equality, showing only the first line that differs.
fn same(got: &str, want: &str, what: &str) {
    if got != want {
        let (g, w) = got
            .lines()
            .zip(want.lines())
            .find(|(g, w)| g != w)
            .unwrap_or(("(shorter)", "(longer)"));
        panic!("{what}: first difference\n got: {g}\nwant: {w}");
    }
}

#[test]
fn variants_of_the_samples_import_the_same() {
    type Variant = fn(&str) -> String;
    let variants: [(&str, Variant); 4] = [
        ("full/half width swapped", swap_width),
        ("fields on two lines", split_fields),
        ("sentences broken", break_sentences),
        ("noise added", add_noise),
    ];
    for name in SAMPLES {
        let text = sample(name);
        let expected = fingerprint(&import_text(&text).plan);
        for (what, variant) in variants {
            let imported = import_text(&variant(&text));
            same(
                &fingerprint(&imported.plan),
                &expected,
                &format!("{name}: {what}"),
            );
        }
        let all = add_noise(&break_sentences(&split_fields(&swap_width(&text))));
        same(
            &fingerprint(&import_text(&all).plan),
            &expected,
            &format!("{name}: all"),
        );
    }
}
