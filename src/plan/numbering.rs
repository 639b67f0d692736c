//! Derived numbering: every label is computed from the tree, never typed.

use chinese_number::{ChineseCase, ChineseCountMethod, ChineseVariant, NumberToChinese};
use serde::{Deserialize, Serialize};

use super::model::{Node, NodeId, Plan, MAX_DEPTH};

/// How the nodes of one level are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberStyle {
    /// `一、`
    ChineseComma,
    /// `（一）`
    ChineseParen,
    /// `1.`
    ArabicDot,
    /// `（1）`
    ArabicParen,
    /// `任务1：`
    TaskColon,
    /// `第一，`
    Ordinal,
    /// `1、`: not the standard's form (GB/T 9704 7.3.3 writes `1.`), but common; kept as found.
    ArabicComma,
    /// `一.`: likewise, for `一、`.
    ChineseDot,
    /// No number.
    None,
}

impl NumberStyle {
    pub const ALL: [NumberStyle; 9] = [
        NumberStyle::ChineseComma,
        NumberStyle::ChineseParen,
        NumberStyle::ArabicDot,
        NumberStyle::ArabicParen,
        NumberStyle::TaskColon,
        NumberStyle::Ordinal,
        NumberStyle::ArabicComma,
        NumberStyle::ChineseDot,
        NumberStyle::None,
    ];

    /// The standard form this style is a variant of (`1、` of `1.`, `一.` of `一、`): an
    /// importer reads both at one level, as a reader does.
    pub fn family(self) -> NumberStyle {
        match self {
            NumberStyle::ArabicComma => NumberStyle::ArabicDot,
            NumberStyle::ChineseDot => NumberStyle::ChineseComma,
            other => other,
        }
    }

    /// The label of number `n` (1-based) in this style.
    pub fn label(self, n: u32) -> String {
        match self {
            NumberStyle::ChineseComma => format!("{}、", chinese(n)),
            NumberStyle::ChineseParen => format!("（{}）", chinese(n)),
            NumberStyle::ArabicDot => format!("{n}."),
            NumberStyle::ArabicParen => format!("（{n}）"),
            NumberStyle::TaskColon => format!("任务{n}："),
            NumberStyle::Ordinal => format!("第{}，", chinese(n)),
            NumberStyle::ArabicComma => format!("{n}、"),
            NumberStyle::ChineseDot => format!("{}.", chinese(n)),
            NumberStyle::None => String::new(),
        }
    }

    /// How the style is shown in a picker.
    pub fn sample(self) -> &'static str {
        match self {
            NumberStyle::ChineseComma => "一、",
            NumberStyle::ChineseParen => "（一）",
            NumberStyle::ArabicDot => "1.",
            NumberStyle::ArabicParen => "（1）",
            NumberStyle::TaskColon => "任务1：",
            NumberStyle::Ordinal => "第一，",
            NumberStyle::ArabicComma => "1、",
            NumberStyle::ChineseDot => "一.",
            NumberStyle::None => "不编号",
        }
    }

    /// A stable key for forms.
    pub fn key(self) -> &'static str {
        match self {
            NumberStyle::ChineseComma => "chinese-comma",
            NumberStyle::ChineseParen => "chinese-paren",
            NumberStyle::ArabicDot => "arabic-dot",
            NumberStyle::ArabicParen => "arabic-paren",
            NumberStyle::TaskColon => "task-colon",
            NumberStyle::Ordinal => "ordinal",
            NumberStyle::ArabicComma => "arabic-comma",
            NumberStyle::ChineseDot => "chinese-dot",
            NumberStyle::None => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<NumberStyle> {
        NumberStyle::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The name of a level of the outline: `第一级` for depth 0.
pub fn level_name(depth: usize) -> String {
    format!("第{}级", chinese(depth as u32 + 1))
}

/// Lower-case simplified Chinese numeral: 一, 十一, 五十四, 一百零一.
pub fn chinese(n: u32) -> String {
    n.to_chinese(
        ChineseVariant::Simple,
        ChineseCase::Lower,
        ChineseCountMethod::TenThousand,
    )
    .unwrap_or_else(|_| n.to_string())
}

/// Style and counting of one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelNumbering {
    pub style: NumberStyle,
    /// `true`: numbers run on through the whole plan; `false`: restart under each parent.
    pub continuous: bool,
}

/// Numbering of the four levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numbering {
    pub levels: [LevelNumbering; MAX_DEPTH],
}

impl Default for Numbering {
    /// 一、 / （一） running on through the plan / 1. / （1）, as most plans do.
    fn default() -> Self {
        Numbering {
            levels: [
                LevelNumbering {
                    style: NumberStyle::ChineseComma,
                    continuous: false,
                },
                LevelNumbering {
                    style: NumberStyle::ChineseParen,
                    continuous: true,
                },
                LevelNumbering {
                    style: NumberStyle::ArabicDot,
                    continuous: false,
                },
                LevelNumbering {
                    style: NumberStyle::ArabicParen,
                    continuous: false,
                },
            ],
        }
    }
}

/// A node in document order, with its derived number.
#[derive(Clone, Debug, PartialEq)]
pub struct Numbered<'a> {
    pub node: &'a Node,
    /// 0 for the top level.
    pub depth: usize,
    /// The ordinal within its counter (1-based), whatever the style.
    pub ordinal: u32,
    /// The label, e.g. `（十一）`; empty when the level is not numbered.
    pub label: String,
    pub parent: Option<NodeId>,
}

/// All nodes of the plan in document order with their labels.
pub fn number(plan: &Plan) -> Vec<Numbered<'_>> {
    let mut out = Vec::new();
    let mut running = [0u32; MAX_DEPTH];
    walk(
        &plan.nodes,
        0,
        None,
        &plan.numbering,
        &mut running,
        &mut out,
    );
    out
}

fn walk<'a>(
    nodes: &'a [Node],
    depth: usize,
    parent: Option<NodeId>,
    numbering: &Numbering,
    running: &mut [u32; MAX_DEPTH],
    out: &mut Vec<Numbered<'a>>,
) {
    let level = numbering.levels[depth.min(MAX_DEPTH - 1)];
    let mut local = 0u32;
    for node in nodes {
        let ordinal = if level.continuous {
            running[depth.min(MAX_DEPTH - 1)] += 1;
            running[depth.min(MAX_DEPTH - 1)]
        } else {
            local += 1;
            local
        };
        out.push(Numbered {
            node,
            depth,
            ordinal,
            label: level.style.label(ordinal),
            parent,
        });
        walk(
            &node.children,
            depth + 1,
            Some(node.id),
            numbering,
            running,
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese(1), "一");
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(11), "十一");
        assert_eq!(chinese(54), "五十四");
        assert_eq!(chinese(99), "九十九");
        assert_eq!(chinese(101), "一百零一");
    }

    #[test]
    fn style_keys_round_trip() {
        for style in NumberStyle::ALL {
            assert_eq!(NumberStyle::from_key(style.key()), Some(style));
        }
    }
}
