//! "以此为基础新建下一年度": next year's plan from this one.
//!
//! The year moves forward where it is the plan's own year (titles, document number, deadlines);
//! owners are kept; the notice date is cleared; every other mention of the old year in the text
//! is listed for review instead of being changed silently; tasks are marked as carried over and
//! start with an empty ledger (status, progress notes).

use std::collections::{BTreeSet, HashMap};

use super::edit::Scope;
use super::model::{Deadline, Node, NodeId, NodeKind, Period, Plan};
use super::numbering::number;

/// A place in the text that names one of the old plan's years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearMention {
    /// The node it is in, if any.
    pub node: Option<NodeId>,
    /// Where, in words: `（三）正文`, `总体要求`, `印发说明`.
    pub place: String,
    /// The text around the year.
    pub excerpt: String,
    /// The period the text was written for (the plan rolled forward from, or the plan or
    /// template a copied node came from).
    pub old: Period,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RolledForward {
    pub plan: Plan,
    pub review: Vec<YearMention>,
}

/// Replaces each whole 4-digit year of the old period by the same year moved by `shift`.
pub(super) fn shift_years(text: &str, period: Period, shift: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, year) in years(&chars) {
        if period.contains(year) {
            out.extend(&chars[copied..at]);
            out.push_str(&(year + shift).to_string());
            copied = at + 4;
        }
    }
    out.extend(&chars[copied..]);
    out
}

/// Standalone 4-digit numbers (not part of a longer number or a decimal) and where they start.
fn years(chars: &[char]) -> Vec<(usize, i32)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let decimal = i >= 2 && matches!(chars[i - 1], '.' | '．') && chars[i - 2].is_ascii_digit();
        if run == 4 && !decimal {
            let year = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            found.push((i, year));
        }
        i += run;
    }
    found
}

/// Every place in `text` that names a year of `period`, with some context.
fn mentions(text: &str, period: Period) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    years(&chars)
        .into_iter()
        .filter(|(_, year)| period.contains(*year))
        .map(|(at, _)| {
            let from = at.saturating_sub(10);
            let to = (at + 14).min(chars.len());
            chars[from..to].iter().collect()
        })
        .collect()
}

/// `同卫健党组发〔2020〕8号` → `同卫健党组发〔2021〕号`: the year moves, the serial is cleared.
fn roll_doc_number(doc: &str, period: Period, shift: i32) -> String {
    let Some(close) = doc.find('〕') else {
        return shift_years(doc, period, shift);
    };
    let head = shift_years(&doc[..close + '〕'.len_utf8()], period, shift);
    let tail = &doc[close + '〕'.len_utf8()..];
    let serial_end = tail
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(tail.len(), |(i, _)| i);
    format!("{head}{}", &tail[serial_end..])
}

pub(super) fn roll_deadline(deadline: &Deadline, period: Period, shift: i32) -> Deadline {
    match deadline {
        Deadline::Month { year, month } if period.contains(*year) => Deadline::Month {
            year: year + shift,
            month: *month,
        },
        Deadline::Date { year, month, day } if period.contains(*year) => Deadline::Date {
            year: year + shift,
            month: *month,
            day: *day,
        },
        Deadline::Text(text) => Deadline::Text(shift_years(text, period, shift)),
        other => other.clone(),
    }
}

fn roll_node(node: &mut Node, period: Period, shift: i32) {
    node.division.deadline = roll_deadline(&node.division.deadline, period, shift);
    if node.kind == NodeKind::Task {
        node.carried_over = true;
    }
    // Whatever it was copied from, it now comes from last year's plan.
    node.origin = None;
    // A new year starts a new ledger; per-year targets move with the period.
    node.ledger = Default::default();
    for target in &mut node.targets {
        target.year += shift;
    }
    for child in &mut node.children {
        roll_node(child, period, shift);
    }
}

/// Next year's plan from `plan` (a multi-year plan moves by its whole length).
pub fn next_year(plan: &Plan) -> RolledForward {
    let old = plan.period;
    let shift = old.end - old.start + 1;
    let mut next = plan.clone();
    next.follow = plan.follow.for_copy();
    next.period = Period {
        start: old.start + shift,
        end: old.end + shift,
    };
    next.title = shift_years(&plan.title, old, shift);
    let notice = &mut next.notice;
    notice.title = shift_years(&plan.notice.title, old, shift);
    notice.doc_number = roll_doc_number(&plan.notice.doc_number, old, shift);
    notice.date.clear();
    notice.print_date.clear();
    // The transmittal names the plan by its title: that moves with it.
    let (old_name, new_name) = (
        plan.short_name(),
        shift_years(&plan.short_name(), old, shift),
    );
    for (from, to) in [
        (&plan.title, &next.title),
        (&plan.notice.title, &notice.title),
        (&old_name, &new_name),
    ] {
        if !from.is_empty() {
            notice.transmittal = notice.transmittal.replace(from.as_str(), to);
        }
    }
    for node in &mut next.nodes {
        roll_node(node, old, shift);
    }

    let review = old_year_mentions(&next);
    RolledForward { plan: next, review }
}

/// Every place in the plan's text that still names an old year: a year of the plan it was
/// rolled forward from ([`previous_period`]), or, in a node copied from elsewhere, a year of
/// the plan or template it came from.
pub fn old_year_mentions(plan: &Plan) -> Vec<YearMention> {
    let previous = previous_period(plan);
    let mut review = previous.map_or_else(Vec::new, |old| plan_text_mentions(plan, old));
    for numbered in number(plan) {
        review.extend(node_mentions(numbered.node, &numbered.label, previous));
    }
    review
}

/// The years a node's text may still name: those of where it was copied from, else those of
/// the plan rolled forward from.
fn old_period(node: &Node, previous: Option<Period>) -> Option<Period> {
    node.origin.as_ref().and_then(|o| o.period).or(previous)
}

/// The plan's own text fields that may name last year.
fn plan_text_mentions(plan: &Plan, old: Period) -> Vec<YearMention> {
    let mut review = Vec::new();
    for (place, text) in [
        ("印发说明", &plan.notice.transmittal),
        ("附注", &plan.notice.note),
        ("总体要求", &plan.requirements),
    ] {
        note(&mut review, None, place.into(), text, old);
    }
    review
}

/// One node's title and body.
fn node_mentions(node: &Node, label: &str, previous: Option<Period>) -> Vec<YearMention> {
    let Some(old) = old_period(node, previous) else {
        return Vec::new();
    };
    let label = if label.is_empty() {
        node.title.chars().take(8).collect()
    } else {
        label.to_string()
    };
    let mut review = Vec::new();
    note(
        &mut review,
        Some(node.id),
        format!("{label}标题"),
        &node.title,
        old,
    );
    note(
        &mut review,
        Some(node.id),
        format!("{label}正文"),
        &node.body,
        old,
    );
    review
}

fn note(
    review: &mut Vec<YearMention>,
    node: Option<NodeId>,
    place: String,
    text: &str,
    old: Period,
) {
    for excerpt in mentions(text, old) {
        review.push(YearMention {
            node,
            place: place.clone(),
            excerpt,
            old,
        });
    }
}

/// The old-year review kept up to date edit by edit: an edit of one node rescans that node,
/// an edit of the plan's text rescans that text, only a change of shape rescans everything.
/// Always equal to [`old_year_mentions`] of the plan it was given.
#[derive(Clone, Debug, Default)]
pub struct YearReview {
    /// The period rolled forward from, when the plan was.
    old: Option<Period>,
    /// Nodes marked carried over: the review shows while there is one.
    carried: BTreeSet<NodeId>,
    text: Vec<YearMention>,
    /// Every node in document order, with its label and what it names of the old year.
    nodes: Vec<(NodeId, String, Vec<YearMention>)>,
    at: HashMap<NodeId, usize>,
}

impl YearReview {
    pub fn new(plan: &Plan) -> YearReview {
        let mut review = YearReview::default();
        review.rescan(plan);
        review
    }

    fn rescan(&mut self, plan: &Plan) {
        let numbered = number(plan);
        self.carried = numbered
            .iter()
            .filter(|n| n.node.carried_over)
            .map(|n| n.node.id)
            .collect();
        self.old = previous_period(plan);
        self.text = self
            .old
            .map_or_else(Vec::new, |old| plan_text_mentions(plan, old));
        self.nodes = Vec::new();
        self.at = HashMap::new();
        for (i, n) in numbered.iter().enumerate() {
            self.at.insert(n.node.id, i);
            let found = node_mentions(n.node, &n.label, self.old);
            self.nodes.push((n.node.id, n.label.clone(), found));
        }
    }

    /// Brings the review up to date after an edit of `scope` made `plan` what it is.
    pub fn update(&mut self, plan: &Plan, scope: Scope) {
        match scope {
            Scope::Shape => self.rescan(plan),
            Scope::Text => {
                if let Some(old) = self.old {
                    self.text = plan_text_mentions(plan, old);
                }
            }
            Scope::Node(id) => {
                let Some(node) = plan.node(id) else {
                    return self.rescan(plan);
                };
                let was = self.carried.contains(&id);
                if node.carried_over != was {
                    return self.rescan(plan);
                }
                if let Some(&i) = self.at.get(&id) {
                    let label = self.nodes[i].1.clone();
                    self.nodes[i].2 = node_mentions(node, &label, self.old);
                }
            }
        }
    }

    /// Each place that still names an old year, in document order.
    pub fn mentions(&self) -> Vec<YearMention> {
        let mut all = self.text.clone();
        all.extend(
            self.nodes
                .iter()
                .flat_map(|(_, _, found)| found.iter().cloned()),
        );
        all
    }
}

/// The period a plan was rolled forward from, when it has carried-over tasks.
pub fn previous_period(plan: &Plan) -> Option<Period> {
    let carried = plan.walk().iter().any(|(n, _)| n.carried_over);
    let length = plan.period.end - plan.period.start + 1;
    carried.then(|| Period {
        start: plan.period.start - length,
        end: plan.period.end - length,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut plan = Plan {
            period: Period::year(2020),
            title: "2020年全县卫生健康工作要点".into(),
            requirements: "2020年的总体要求是：巩固2019年成果。".into(),
            ..Plan::default()
        };
        plan.notice.title = "关于印发2020年全县卫生健康工作要点的通知".into();
        plan.notice.doc_number = "同卫健党组发〔2020〕8号".into();
        plan.notice.transmittal = "现将《2020年全县卫生健康工作要点》印发给你们。".into();
        plan.notice.date = "2020年3月31日".into();
        plan.notice.print_date = "2020年3月31日".into();
        let mut section = Node::new(plan.fresh_id(), NodeKind::Heading, "全面加强党的建设");
        let mut task = Node::new(plan.fresh_id(), NodeKind::Task, "强化理论武装");
        task.body = "到2020年底，覆盖率达到90%，高于2019年。".into();
        task.division.leaders = vec!["杨少平".into()];
        task.division.deadline = Deadline::Month {
            year: 2020,
            month: 11,
        };
        section.children.push(task);
        plan.nodes.push(section);
        plan
    }

    #[test]
    fn the_plan_year_moves_and_the_rest_is_listed_for_review() {
        let RolledForward { plan: next, review } = next_year(&plan());
        assert_eq!(next.period, Period::year(2021));
        assert_eq!(next.title, "2021年全县卫生健康工作要点");
        assert_eq!(
            next.notice.title,
            "关于印发2021年全县卫生健康工作要点的通知"
        );
        assert_eq!(next.notice.doc_number, "同卫健党组发〔2021〕号");
        assert_eq!(
            next.notice.transmittal,
            "现将《2021年全县卫生健康工作要点》印发给你们。"
        );
        assert!(next.notice.date.is_empty() && next.notice.print_date.is_empty());
        let task = &next.nodes[0].children[0];
        assert_eq!(
            task.division.deadline,
            Deadline::Month {
                year: 2021,
                month: 11
            }
        );
        assert_eq!(task.division.leaders, ["杨少平"]);
        assert!(task.carried_over);
        assert!(!next.nodes[0].carried_over);
        // Body text is not changed silently: the old year is listed.
        assert_eq!(task.body, "到2020年底，覆盖率达到90%，高于2019年。");
        let places: Vec<&str> = review.iter().map(|m| m.place.as_str()).collect();
        assert_eq!(places, ["总体要求", "（一）正文"]);
        assert!(review[1].excerpt.contains("到2020年底"));
        assert_eq!(review[1].node, Some(task.id));
    }

    #[test]
    fn a_three_year_plan_moves_by_three_years() {
        let mut plan = plan();
        plan.period = Period {
            start: 2023,
            end: 2025,
        };
        plan.title = "健康行动三年行动计划（2023年—2025年）".into();
        let next = next_year(&plan).plan;
        assert_eq!(
            next.period,
            Period {
                start: 2026,
                end: 2028
            }
        );
        assert_eq!(next.title, "健康行动三年行动计划（2026年—2028年）");
    }

    #[test]
    fn numbers_that_are_not_years_stay() {
        assert_eq!(
            shift_years("2020年完成1.2020万人，编号12020", Period::year(2020), 1),
            "2021年完成1.2020万人，编号12020"
        );
    }
}
