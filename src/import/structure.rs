//! The numbered tree: levels from the order in which number styles open, headings and tasks,
//! lead sentences, division fields, and each level's numbering read back from the text.

use super::fields::{self, FieldKind};
use super::markers::{is_inline_enumeration, marker};
use super::{Diagnostic, Para, Severity};
use crate::plan::model::{Node, NodeKind, Plan, MAX_DEPTH};
use crate::plan::numbering::{LevelNumbering, NumberStyle};

/// True when the paragraph opens a numbered item (not an inline enumeration).
pub(crate) fn starts_item(text: &str) -> bool {
    marker(text).is_some_and(|m| !is_inline_enumeration(text, &m))
}

/// A line without a number that heads the numbered items under it (`凝聚合力促发展，全面构建…`
/// above `1.深入推进…`): short, no sentence in it, not a label, title, date or name of a part of
/// the notice, and followed by an item below the first rank (a `一、` needs no heading above it).
pub(crate) fn is_unnumbered_heading(text: &str, next: &str) -> bool {
    let next_is_lower = marker(next).is_some_and(|m| {
        m.style.family() != NumberStyle::ChineseComma && !is_inline_enumeration(next, &m)
    });
    next_is_lower
        && marker(text).is_none()
        && (4..=40).contains(&text.chars().count())
        && !text.contains(['。', '；', '：', '！', '？'])
        && !text.ends_with(['，', '、', '）'])
        && fields::label_at(text).is_none()
        && !super::notice::is_title_line(text)
        && !super::notice::is_closing_line(text)
        && !super::notice::starts_requirements(text)
}

/// One numbered item as read, before the tree is built.
struct Item {
    line: usize,
    depth: usize,
    parent: Option<usize>,
    style: NumberStyle,
    ordinal: u32,
    text: String,
    extra: Vec<String>,
    fields: Vec<(FieldKind, String)>,
    /// The fields stood in brackets on a line of their own (`（责任单位：…）`).
    fields_apart: bool,
    children: Vec<usize>,
}

pub(crate) fn read_body(paras: &[Para], plan: &mut Plan, diagnostics: &mut Vec<Diagnostic>) {
    let mut items: Vec<Item> = Vec::new();
    let mut open: Vec<(NumberStyle, usize)> = Vec::new(); // style and item index per level
    let mut waiting_value: Option<FieldKind> = None;
    let first_leads = paras.iter().any(|p| fields::says_first_leads(&p.text));

    for (i, para) in paras.iter().enumerate() {
        let text = para.text.as_str();
        let next = paras.get(i + 1).map_or("", |p| p.text.as_str());
        // An unnumbered heading: the first paragraph of the body when it is not an item, or one
        // like it between groups of the items under the first.
        let unnumbered = (i == 0 && !para.starts_item())
            || (open.first().is_some_and(|(s, _)| *s == NumberStyle::None)
                && open.get(1).is_some_and(|(s, _)| {
                    marker(next).is_some_and(|m| m.style.family() == s.family())
                })
                && is_unnumbered_heading(text, next));
        let item_marker = if let Some(m) = &para.item {
            Some(m.clone())
        } else if unnumbered {
            Some(super::markers::Marker {
                style: NumberStyle::None,
                ordinal: 1,
                len: 0,
            })
        } else {
            marker(text).filter(|m| !is_inline_enumeration(text, m))
        };
        if let Some(m) = item_marker {
            let family = m.style.family();
            if opens_above_roots(&open, &items, family) {
                wrap_roots(&mut items, &mut open, m.style, m.ordinal, para, diagnostics);
            }
            let depth = match open.iter().position(|(style, _)| style.family() == family) {
                Some(level) => level,
                None => open.len(),
            };
            if depth >= MAX_DEPTH {
                diagnostics.push(Diagnostic {
                    line: para.line,
                    severity: Severity::Warning,
                    message: "层级超过四级，已并入上一级条目的正文".into(),
                    text: text.to_string(),
                });
                if let Some(&(_, last)) = open.last() {
                    items[last].extra.push(text.to_string());
                }
                continue;
            }
            open.truncate(depth);
            let index = items.len();
            let parent = open.last().map(|&(_, parent)| parent);
            if let Some(parent) = parent {
                items[parent].children.push(index);
            }
            open.push((m.style, index));
            let mut item = Item {
                line: para.line,
                depth,
                parent,
                style: m.style,
                ordinal: m.ordinal,
                text: text[m.len..].trim().to_string(),
                extra: Vec::new(),
                fields: Vec::new(),
                fields_apart: false,
                children: Vec::new(),
            };
            if let Some(trailing) = fields::trailing_fields(&item.text, first_leads) {
                item.text = trailing.before;
                item.fields = trailing.fields;
                division_note(diagnostics, para, &trailing.rest);
            }
            items.push(item);
            waiting_value = None;
            continue;
        }
        let Some(&(_, current)) = open.last() else {
            continue; // read_body starts at the first item
        };
        if let Some(found) = fields::fields_line(text) {
            waiting_value = match found.as_slice() {
                [(kind, value)] if value.is_empty() => Some(*kind),
                _ => None,
            };
            items[current]
                .fields
                .extend(found.into_iter().filter(|(_, v)| !v.is_empty()));
        } else if let Some(kind) = waiting_value.take() {
            items[current].fields.push((kind, text.to_string()));
        } else if let Some(trailing) =
            fields::trailing_fields(text, first_leads).filter(|_| items[current].fields.is_empty())
        {
            if !trailing.before.is_empty() {
                items[current].extra.push(trailing.before);
            } else {
                items[current].fields_apart = true;
            }
            items[current].fields = trailing.fields;
            division_note(diagnostics, para, &trailing.rest);
        } else {
            items[current].extra.push(text.to_string());
        }
    }

    // The page's text may end inside the last task's division bracket.
    if let Some(last) = items.last_mut().filter(|i| i.fields.is_empty()) {
        let text = last.extra.last().unwrap_or(&last.text);
        if let Some(cut) = fields::cut_fields(text) {
            match last.extra.last_mut() {
                Some(extra) => *extra = cut.before,
                None => last.text = cut.before,
            }
            last.fields = cut.fields;
        }
    }
    give_group_fields_to_parents(&mut items);
    detect_numbering(&items, plan, diagnostics);
    let roots: Vec<usize> = (0..items.len()).filter(|&i| items[i].depth == 0).collect();
    let mut nodes = Vec::new();
    for root in roots {
        nodes.push(build(&items, root, plan, diagnostics));
    }
    plan.nodes = nodes;
}

/// The standard order of levels (GB/T 9704 7.3.3): 一、 （一） 1. （1）.
fn rank(family: NumberStyle) -> Option<usize> {
    [
        NumberStyle::ChineseComma,
        NumberStyle::ChineseParen,
        NumberStyle::ArabicDot,
        NumberStyle::ArabicParen,
    ]
    .iter()
    .position(|s| *s == family)
}

/// Whether an item of `family` ranks above the items read so far at the top (a page that begins
/// in the middle: `（十一）…` `（十四）…` and then `二、具体要求`).
fn opens_above_roots(open: &[(NumberStyle, usize)], items: &[Item], family: NumberStyle) -> bool {
    let Some(&(top, _)) = open.first() else {
        return false;
    };
    let above = matches!((rank(family), rank(top.family())), (Some(new), Some(old)) if new < old);
    above
        && !open.iter().any(|(s, _)| s.family() == family)
        && items.iter().all(|i| i.depth + 1 < MAX_DEPTH)
}

/// Puts the items read so far under a heading of the higher level that the text does not
/// show, numbered just before the item that reveals it, with an empty title to fill in.
fn wrap_roots(
    items: &mut Vec<Item>,
    open: &mut Vec<(NumberStyle, usize)>,
    style: NumberStyle,
    ordinal: u32,
    para: &Para,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let index = items.len();
    let roots: Vec<usize> = (0..items.len()).filter(|&i| items[i].depth == 0).collect();
    for item in items.iter_mut() {
        item.depth += 1;
        if item.parent.is_none() {
            item.parent = Some(index);
        }
    }
    let first_line = items.first().map_or(para.line, |i| i.line);
    items.push(Item {
        line: first_line,
        depth: 0,
        parent: None,
        style,
        ordinal: ordinal.saturating_sub(1).max(1),
        text: String::new(),
        extra: Vec::new(),
        fields: Vec::new(),
        fields_apart: false,
        children: roots,
    });
    open.insert(0, (style, index));
    diagnostics.push(Diagnostic {
        line: first_line,
        severity: Severity::Warning,
        message: format!(
            "原文从中间开始，这里的条目缺少上一级标题，已补一个空的标题（{}），请填写",
            style.label(ordinal.saturating_sub(1).max(1))
        ),
        text: String::new(),
    });
}

/// Fields in brackets on a line of their own after the last of several sub-items, none of which
/// has fields of its own, divide the item above them (`1.完善预案体系` `(1)…` `(4)…`
/// `（责任单位：…）`): a parenthesis to the whole group. (Bare field lines stay with the item
/// they follow: that is how the text export writes a task's fields.)
fn give_group_fields_to_parents(items: &mut [Item]) {
    for parent in 0..items.len() {
        let children = items[parent].children.clone();
        let Some((&last, others)) = children.split_last() else {
            continue;
        };
        let moves = !others.is_empty()
            && items[parent].fields.is_empty()
            && items[last].fields_apart
            && items[last].children.is_empty()
            && others.iter().all(|&c| items[c].fields.is_empty());
        if moves {
            items[parent].fields = std::mem::take(&mut items[last].fields);
            items[last].fields_apart = false;
        }
    }
}

/// A division bracket not written as labelled fields (`A、B负责。列第一位者为牵头部门…`): read,
/// and said so with its words.
fn division_note(diagnostics: &mut Vec<Diagnostic>, para: &Para, rest: &str) {
    if !rest.is_empty() {
        diagnostics.push(Diagnostic {
            line: para.line,
            severity: Severity::Read,
            message: "任务末尾括号中的分工，已读作牵头和配合单位".into(),
            text: rest.to_string(),
        });
    }
}

fn build(items: &[Item], index: usize, plan: &mut Plan, diagnostics: &mut Vec<Diagnostic>) -> Node {
    let item = &items[index];
    let id = plan.fresh_id(); // in document order: parents before children
    let children: Vec<Node> = item
        .children
        .iter()
        .map(|&c| build(items, c, plan, diagnostics))
        .collect();
    let kind = if !item.fields.is_empty() || item.style == NumberStyle::TaskColon {
        NodeKind::Task
    } else if !children.is_empty() {
        NodeKind::Heading
    } else if item.text.contains('。') || item.text.chars().count() > 40 || !item.extra.is_empty()
    {
        NodeKind::Task
    } else {
        NodeKind::Heading
    };
    let (title, first_body) = match item.text.split_once('。') {
        Some((title, rest)) => (title.trim().to_string(), rest.trim().to_string()),
        None => (item.text.trim().to_string(), String::new()),
    };
    let mut body: Vec<String> = Vec::new();
    if !first_body.is_empty() {
        body.push(first_body);
    }
    body.extend(item.extra.iter().cloned());
    let mut node = Node::new(id, kind, title);
    node.body = body.join("\n");
    for name in fields::apply(&mut node.division, &item.fields) {
        diagnostics.push(Diagnostic {
            line: item.line,
            severity: Severity::Warning,
            message: "同一任务中重复列出的名称，已只保留一次".into(),
            text: name,
        });
    }
    node.children = children;
    node
}

/// Reads each level's style (the most common one) and whether it restarts under each parent
/// or runs on; numbers that break the sequence are reported.
fn detect_numbering(items: &[Item], plan: &mut Plan, diagnostics: &mut Vec<Diagnostic>) {
    for depth in 0..MAX_DEPTH {
        let at_depth: Vec<&Item> = items.iter().filter(|i| i.depth == depth).collect();
        if at_depth.is_empty() {
            continue;
        }
        let mut counts: Vec<(NumberStyle, usize)> = Vec::new();
        for item in &at_depth {
            match counts.iter_mut().find(|(s, _)| *s == item.style) {
                Some((_, n)) => *n += 1,
                None => counts.push((item.style, 1)),
            }
        }
        let style = counts
            .iter()
            .max_by_key(|(_, n)| *n)
            .map(|(s, _)| *s)
            .unwrap_or(NumberStyle::None);
        // Groups of siblings, in document order.
        let groups: Vec<Vec<u32>> = if depth == 0 {
            vec![at_depth.iter().map(|i| i.ordinal).collect()]
        } else {
            items
                .iter()
                .filter(|i| i.depth == depth - 1 && !i.children.is_empty())
                .map(|p| p.children.iter().map(|&c| items[c].ordinal).collect())
                .collect()
        };
        let continuous = groups.len() > 1
            && groups
                .windows(2)
                .filter(|w| !w[0].is_empty() && !w[1].is_empty())
                .all(|w| w[1][0] == w[0][w[0].len() - 1] + 1)
            && groups
                .iter()
                .skip(1)
                .any(|g| g.first().is_some_and(|&n| n > 1));
        let default = plan.numbering.levels[depth];
        plan.numbering.levels[depth] = LevelNumbering {
            style,
            continuous: if groups.len() > 1 {
                continuous
            } else {
                default.continuous
            },
        };
        // Report numbers out of sequence.
        let mut expected = 0;
        let mut previous_parent = None;
        for item in &at_depth {
            if !continuous && item.parent != previous_parent {
                expected = 0;
            }
            previous_parent = item.parent;
            expected += 1;
            if item.ordinal != expected && item.style != NumberStyle::None {
                diagnostics.push(Diagnostic {
                    line: item.line,
                    severity: Severity::Warning,
                    message: format!(
                        "编号不连续：原文为{}，按顺序应为{}（导入后已自动重新编号）",
                        item.style.label(item.ordinal),
                        style.label(expected)
                    ),
                    text: item.text.clone(),
                });
                expected = item.ordinal;
            }
        }
    }
}
