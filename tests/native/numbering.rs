//! Numbering in every style, restarting per parent or running on through the plan.

use yaodian::plan::numbering::{chinese, number};
use yaodian::{LevelNumbering, Node, NodeKind, NumberStyle, Plan};

/// `sections` top-level headings, each with `per` tasks, each task with `sub` sub-items.
fn plan(sections: u32, per: u32, sub: u32) -> Plan {
    let mut plan = Plan::default();
    for _ in 0..sections {
        let mut heading = Node::new(plan.fresh_id(), NodeKind::Heading, "部分");
        for _ in 0..per {
            let mut task = Node::new(plan.fresh_id(), NodeKind::Task, "任务");
            for _ in 0..sub {
                task.children
                    .push(Node::new(plan.fresh_id(), NodeKind::Task, "细项"));
            }
            heading.children.push(task);
        }
        plan.nodes.push(heading);
    }
    plan
}

fn labels_at(plan: &Plan, depth: usize) -> Vec<String> {
    number(plan)
        .into_iter()
        .filter(|n| n.depth == depth)
        .map(|n| n.label)
        .collect()
}

const CHINESE_1_TO_99: [&str; 99] = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
    "二十五",
    "二十六",
    "二十七",
    "二十八",
    "二十九",
    "三十",
    "三十一",
    "三十二",
    "三十三",
    "三十四",
    "三十五",
    "三十六",
    "三十七",
    "三十八",
    "三十九",
    "四十",
    "四十一",
    "四十二",
    "四十三",
    "四十四",
    "四十五",
    "四十六",
    "四十七",
    "四十八",
    "四十九",
    "五十",
    "五十一",
    "五十二",
    "五十三",
    "五十四",
    "五十五",
    "五十六",
    "五十七",
    "五十八",
    "五十九",
    "六十",
    "六十一",
    "六十二",
    "六十三",
    "六十四",
    "六十五",
    "六十六",
    "六十七",
    "六十八",
    "六十九",
    "七十",
    "七十一",
    "七十二",
    "七十三",
    "七十四",
    "七十五",
    "七十六",
    "七十七",
    "七十八",
    "七十九",
    "八十",
    "八十一",
    "八十二",
    "八十三",
    "八十四",
    "八十五",
    "八十六",
    "八十七",
    "八十八",
    "八十九",
    "九十",
    "九十一",
    "九十二",
    "九十三",
    "九十四",
    "九十五",
    "九十六",
    "九十七",
    "九十八",
    "九十九",
];

#[test]
fn top_level_counts_from_one_to_ninety_nine() {
    let plan = plan(99, 0, 0);
    let expected: Vec<String> = CHINESE_1_TO_99.iter().map(|n| format!("{n}、")).collect();
    assert_eq!(labels_at(&plan, 0), expected);
    for (i, n) in CHINESE_1_TO_99.iter().enumerate() {
        assert_eq!(chinese(i as u32 + 1), *n);
    }
}

#[test]
fn continuous_second_level_runs_to_fifty_four_across_sections() {
    // tongxin: 10 sections, （一） to （五十四） running on.
    let mut plan = plan(9, 6, 0);
    plan.numbering.levels[1] = LevelNumbering {
        style: NumberStyle::ChineseParen,
        continuous: true,
    };
    let expected: Vec<String> = CHINESE_1_TO_99[..54]
        .iter()
        .map(|n| format!("（{n}）"))
        .collect();
    assert_eq!(labels_at(&plan, 1), expected);
}

#[test]
fn restarting_second_level_starts_again_under_each_section() {
    let mut plan = plan(3, 2, 0);
    plan.numbering.levels[1] = LevelNumbering {
        style: NumberStyle::ArabicDot,
        continuous: false,
    };
    assert_eq!(labels_at(&plan, 1), ["1.", "2.", "1.", "2.", "1.", "2."]);
    plan.numbering.levels[1].continuous = true;
    assert_eq!(labels_at(&plan, 1), ["1.", "2.", "3.", "4.", "5.", "6."]);
}

#[test]
fn every_style_at_every_level() {
    let mut plan = plan(2, 2, 2);
    // a fourth level under the first sub-item
    let first_sub = plan.nodes[0].children[0].children[0].id;
    let id = plan.fresh_id();
    plan.node_mut(first_sub)
        .unwrap()
        .children
        .push(Node::new(id, NodeKind::Task, "四级"));
    for style in NumberStyle::ALL {
        for depth in 0..4 {
            for continuous in [false, true] {
                plan.numbering.levels[depth] = LevelNumbering { style, continuous };
                let labels = labels_at(&plan, depth);
                let first = style.label(1);
                assert_eq!(labels[0], first, "{style:?} depth {depth}");
            }
        }
    }
    assert_eq!(NumberStyle::ChineseComma.label(3), "三、");
    assert_eq!(NumberStyle::ChineseParen.label(12), "（十二）");
    assert_eq!(NumberStyle::ArabicDot.label(39), "39.");
    assert_eq!(NumberStyle::ArabicParen.label(4), "（4）");
    assert_eq!(NumberStyle::TaskColon.label(7), "任务7：");
    assert_eq!(NumberStyle::None.label(7), "");
}

#[test]
fn third_level_task_colon_continuous_fourth_restarts_per_task() {
    // 一、 / （一） / 任务1： (continuous) / 1. (restarts per task)
    let mut plan = Plan::default();
    let mut section = Node::new(plan.fresh_id(), NodeKind::Heading, "一");
    for _ in 0..2 {
        let mut group = Node::new(plan.fresh_id(), NodeKind::Heading, "组");
        for _ in 0..2 {
            let mut task = Node::new(plan.fresh_id(), NodeKind::Task, "任务");
            for _ in 0..2 {
                task.children
                    .push(Node::new(plan.fresh_id(), NodeKind::Task, "细项"));
            }
            group.children.push(task);
        }
        section.children.push(group);
    }
    plan.nodes.push(section);
    plan.numbering.levels[2] = LevelNumbering {
        style: NumberStyle::TaskColon,
        continuous: true,
    };
    plan.numbering.levels[3] = LevelNumbering {
        style: NumberStyle::ArabicDot,
        continuous: false,
    };
    assert_eq!(labels_at(&plan, 1), ["（一）", "（二）"]);
    assert_eq!(
        labels_at(&plan, 2),
        ["任务1：", "任务2：", "任务3：", "任务4："]
    );
    assert_eq!(
        labels_at(&plan, 3),
        ["1.", "2.", "1.", "2.", "1.", "2.", "1.", "2."]
    );
}
