//! Plans the importer has not seen, built the way other offices write them.

use yaodian::export::outline::outline;
use yaodian::import::{import_text, Severity};
use yaodian::{Deadline, NodeKind, NumberStyle};

#[test]
fn four_levels_task_colon_running_on_and_items_restarting_per_task() {
    let text = "\
2023年全市卫生健康工作要点
一、指导思想和总体目标
以习近平新时代中国特色社会主义思想为指导。
二、重点任务
（一）深化医改
任务1：推进医共体建设。统一管理人员和资金。
1.完善章程。
2.健全考核。
任务2：推进分级诊疗。
1.扩大签约。
（二）公共卫生
任务3：做好疫苗接种。提高接种率。
";
    let imported = import_text(text);
    let plan = &imported.plan;
    let styles: Vec<_> = plan.numbering.levels.iter().map(|l| l.style).collect();
    assert_eq!(
        styles,
        [
            NumberStyle::ChineseComma,
            NumberStyle::ChineseParen,
            NumberStyle::TaskColon,
            NumberStyle::ArabicDot
        ]
    );
    assert!(plan.numbering.levels[2].continuous);
    assert!(!plan.numbering.levels[3].continuous);
    assert_eq!(plan.nodes[0].title, "指导思想和总体目标");
    assert_eq!(
        plan.nodes[0].body,
        "以习近平新时代中国特色社会主义思想为指导。"
    );
    let task1 = &plan.nodes[1].children[0].children[0];
    assert_eq!(task1.kind, NodeKind::Task);
    assert_eq!(task1.title, "推进医共体建设");
    assert_eq!(task1.children.len(), 2);
    assert_eq!(
        outline(plan).lines().last(),
        Some("    任务3： 做好疫苗接种")
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
}

#[test]
fn inline_enumerations_stay_in_the_body() {
    let text = "\
一、加强党的建设
1.强化理论武装。一是健全学习制度；二是开展专题培训。
一是抓好中心组学习。
二是抓好支部学习。
2.加强作风建设。1.整治形式主义；2.为基层减负。
";
    let plan = import_text(text).plan;
    let section = &plan.nodes[0];
    assert_eq!(section.children.len(), 2);
    assert_eq!(
        section.children[0].body,
        "一是健全学习制度；二是开展专题培训。\n一是抓好中心组学习。\n二是抓好支部学习。"
    );
    assert_eq!(section.children[1].title, "加强作风建设");
    assert_eq!(section.children[1].body, "1.整治形式主义；2.为基层减负。");
}

#[test]
fn fields_in_parentheses_and_label_variants() {
    let text = "\
一、深化医改
（一）推进紧密型县域医共体建设。县域内就诊率达到90%。（牵头单位：医政科；责任单位：各县区卫生健康局；完成时间：2023年12月）
（二）推进公立医院高质量发展。
分管领导：王五
牵头处室：医政医管处
协作单位：财务处、人事处
时间节点：年底前
（三）做好职业病防治。
责任人：赵六
责任单位：职业健康科
时限要求：长期坚持
";
    let imported = import_text(text);
    let tasks = &imported.plan.nodes[0].children;
    assert_eq!(tasks[0].body, "县域内就诊率达到90%。");
    assert_eq!(tasks[0].division.leads, ["医政科"]);
    assert_eq!(tasks[0].division.partners, ["各县区卫生健康局"]);
    assert_eq!(
        tasks[0].division.deadline,
        Deadline::Month {
            year: 2023,
            month: 12
        }
    );
    assert_eq!(tasks[1].division.leaders, ["王五"]);
    assert_eq!(tasks[1].division.leads, ["医政医管处"]);
    assert_eq!(tasks[1].division.partners, ["财务处", "人事处"]);
    assert_eq!(tasks[1].division.deadline, Deadline::Text("年底前".into()));
    assert_eq!(tasks[2].division.leaders, ["赵六"]);
    assert_eq!(tasks[2].division.leads, ["职业健康科"]);
    assert_eq!(tasks[2].division.deadline, Deadline::LongTerm);
}

#[test]
fn numbers_out_of_sequence_are_reported_with_their_line() {
    let text = "一、部分\n（一）甲任务。内容。\n（三）乙任务。内容。\n";
    let imported = import_text(text);
    let warnings: Vec<_> = imported
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, 3);
    assert!(warnings[0].message.contains("（三）"));
}

#[test]
fn a_multi_year_plan_reads_its_period() {
    let plan = import_text(
        "健康行动三年行动计划（2023年—2025年）\n一、总体要求\n（一）目标。到2025年完成。\n",
    )
    .plan;
    assert_eq!((plan.period.start, plan.period.end), (2023, 2025));
    assert_eq!(plan.title, "健康行动三年行动计划（2023年—2025年）");
}
