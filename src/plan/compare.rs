//! Comparing two plans (typically two years): tasks matched by content and shown as new,
//! dropped, changed (with a word-level diff) or unchanged, with changes in owners and deadlines.

use std::collections::HashSet;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::model::{Deadline, Division, Node, NodeKind, Plan, Role};
use super::numbering::number;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Dropped,
    Changed,
    Unchanged,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::New => "新增",
            Status::Dropped => "删除",
            Status::Changed => "修改",
            Status::Unchanged => "未变",
        }
    }
}

/// A task as the comparison shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    pub label: String,
    pub section: String,
    pub text: String,
    pub division: Division,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    Same,
    Deleted,
    Inserted,
}

/// A run of the word-level diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub kind: SpanKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub status: Status,
    pub old: Option<TaskView>,
    pub new: Option<TaskView>,
    /// The text diff, for changed tasks.
    pub diff: Vec<Span>,
    /// Changes in owners and deadline, e.g. `完成时限：2020年11月 → 2021年11月`.
    pub owner_changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// In the new plan's order, dropped tasks after the task they followed.
    pub rows: Vec<Row>,
}

impl Comparison {
    pub fn count(&self, status: Status) -> usize {
        self.rows.iter().filter(|r| r.status == status).count()
    }
}

/// The deadline with its year counted from the plan's first year, so that a deadline moved
/// with the plan (2020年11月 in 2020, 2021年11月 in 2021) compares equal.
fn relative(deadline: &Deadline, start: i32) -> Deadline {
    match deadline {
        Deadline::Month { year, month } => Deadline::Month {
            year: year - start,
            month: *month,
        },
        Deadline::Date { year, month, day } => Deadline::Date {
            year: year - start,
            month: *month,
            day: *day,
        },
        other => other.clone(),
    }
}

fn tasks(plan: &Plan) -> Vec<TaskView> {
    let mut section = String::new();
    let mut out = Vec::new();
    for numbered in number(plan) {
        let node: &Node = numbered.node;
        if numbered.depth == 0 {
            section = format!("{}{}", numbered.label, node.title);
        }
        if node.kind == NodeKind::Task {
            let text = match node.body.trim() {
                "" => node.title.trim().to_string(),
                body => format!("{}。{}", node.title.trim(), body),
            };
            out.push(TaskView {
                label: numbered.label,
                section: section.clone(),
                text,
                division: node.division.clone(),
            });
        }
    }
    out
}

/// Character pairs of a text, the measure of likeness between two tasks.
pub(crate) fn bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

pub(crate) fn likeness(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Below this likeness two tasks are different tasks.
const SAME_TASK: f64 = 0.45;

/// Compares `old` with `new`.
pub fn compare(old: &Plan, new: &Plan) -> Comparison {
    let old_tasks = tasks(old);
    let new_tasks = tasks(new);
    let old_grams: Vec<_> = old_tasks.iter().map(|t| bigrams(&t.text)).collect();
    let new_grams: Vec<_> = new_tasks.iter().map(|t| bigrams(&t.text)).collect();

    // Greedy matching, best pairs first; identical texts always pair.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in old_grams.iter().enumerate() {
        for (j, b) in new_grams.iter().enumerate() {
            let score = if old_tasks[i].text == new_tasks[j].text {
                2.0
            } else {
                likeness(a, b)
            };
            if score >= SAME_TASK {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_match = vec![None; old_tasks.len()];
    let mut new_match = vec![None; new_tasks.len()];
    for (_, i, j) in pairs {
        if old_match[i].is_none() && new_match[j].is_none() {
            old_match[i] = Some(j);
            new_match[j] = Some(i);
        }
    }

    let mut rows = Vec::new();
    let dropped_row = |i: usize| Row {
        status: Status::Dropped,
        old: Some(old_tasks[i].clone()),
        new: None,
        diff: Vec::new(),
        owner_changes: Vec::new(),
    };
    // Dropped tasks that come before any matched one.
    let first_matched_old = new_match.iter().flatten().min().copied();
    for (i, matched) in old_match.iter().enumerate() {
        if matched.is_none() && first_matched_old.is_none_or(|f| i < f) {
            rows.push(dropped_row(i));
        }
    }
    for (j, new_task) in new_tasks.iter().enumerate() {
        match new_match[j] {
            None => rows.push(Row {
                status: Status::New,
                old: None,
                new: Some(new_task.clone()),
                diff: Vec::new(),
                owner_changes: Vec::new(),
            }),
            Some(i) => {
                let old_task = &old_tasks[i];
                let owner_changes = owner_changes(
                    &old_task.division,
                    &new_task.division,
                    old.period.start,
                    new.period.start,
                );
                let same_text = old_task.text == new_task.text;
                rows.push(Row {
                    status: if same_text && owner_changes.is_empty() {
                        Status::Unchanged
                    } else {
                        Status::Changed
                    },
                    old: Some(old_task.clone()),
                    new: Some(new_task.clone()),
                    diff: if same_text {
                        Vec::new()
                    } else {
                        diff(&old_task.text, &new_task.text)
                    },
                    owner_changes,
                });
                // Unmatched old tasks that followed this one.
                let mut k = i + 1;
                while k < old_tasks.len() && old_match[k].is_none() {
                    rows.push(dropped_row(k));
                    k += 1;
                }
            }
        }
    }
    Comparison { rows }
}

fn owner_changes(old: &Division, new: &Division, old_start: i32, new_start: i32) -> Vec<String> {
    let mut changes = Vec::new();
    for role in Role::ALL {
        let (a, b) = (old.people(role), new.people(role));
        if a != b {
            changes.push(format!(
                "{}：{} → {}",
                role.short_label(),
                or_none(&a.join("、")),
                or_none(&b.join("、"))
            ));
        }
    }
    if relative(&old.deadline, old_start) != relative(&new.deadline, new_start) {
        if old.deadline == new.deadline {
            // The plan moved to another year but this deadline did not.
            changes.push(format!(
                "完成时限：{}（未随年度顺延）",
                new.deadline.label()
            ));
            return changes;
        }
        changes.push(format!(
            "完成时限：{} → {}",
            or_none(&old.deadline.label()),
            or_none(&new.deadline.label())
        ));
    }
    changes
}

fn or_none(text: &str) -> &str {
    if text.is_empty() {
        "（无）"
    } else {
        text
    }
}

/// Words for the diff: runs of ASCII letters and digits (`2020`, `90%`), or single characters.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_ascii_alphanumeric() || (start.is_some() && matches!(c, '.' | '%'));
        match (word, start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
                out.push(&text[i..i + c.len_utf8()]);
            }
            (false, None) => out.push(&text[i..i + c.len_utf8()]),
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// A word-level diff of two texts, adjacent runs of the same kind merged.
pub fn diff(old: &str, new: &str) -> Vec<Span> {
    let a = tokens(old);
    let b = tokens(new);
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |kind: SpanKind, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text: String = words.concat();
        match spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&text),
            _ => spans.push(Span { kind, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(SpanKind::Same, &a[old_index..old_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(SpanKind::Deleted, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(SpanKind::Inserted, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(SpanKind::Deleted, &a[old_index..old_index + old_len]);
                push(SpanKind::Inserted, &b[new_index..new_index + new_len]);
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(tasks: &[(&str, &str)]) -> Plan {
        let mut plan = Plan::default();
        let mut section = Node::new(plan.fresh_id(), NodeKind::Heading, "部分");
        for (title, body) in tasks {
            let mut task = Node::new(plan.fresh_id(), NodeKind::Task, *title);
            task.body = body.to_string();
            section.children.push(task);
        }
        plan.nodes.push(section);
        plan
    }

    #[test]
    fn new_dropped_changed_unchanged() {
        let old = plan(&[
            ("强化理论武装", "健全学习制度。"),
            ("推进医共体建设", "县域内住院量占比达到90%。"),
            ("做好爱国卫生运动", "巩固卫生县城创建成果。"),
        ]);
        let mut new = plan(&[
            ("强化理论武装", "健全学习制度。"),
            ("推进医共体建设", "县域内住院量占比达到92%。"),
            ("发展普惠托育服务", "新增托位200个。"),
        ]);
        new.nodes[0].children[0].division.deadline = Deadline::LongTerm;
        let comparison = compare(&old, &new);
        let statuses: Vec<Status> = comparison.rows.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [
                Status::Changed,
                Status::Changed,
                Status::Dropped,
                Status::New
            ]
        );
        assert_eq!(
            comparison.rows[0].owner_changes,
            ["完成时限：（无） → 长期坚持"]
        );
        assert!(comparison.rows[0].diff.is_empty());
        let diff = &comparison.rows[1].diff;
        assert!(diff.contains(&Span {
            kind: SpanKind::Deleted,
            text: "90%".into()
        }));
        assert!(diff.contains(&Span {
            kind: SpanKind::Inserted,
            text: "92%".into()
        }));
        assert_eq!(comparison.count(Status::New), 1);
    }

    #[test]
    fn next_years_plan_matches_every_task_as_carried_over() {
        let mut old = plan(&[("甲任务", "内容一。"), ("乙任务", "内容二。")]);
        old.period = crate::plan::model::Period::year(2020);
        old.nodes[0].children[0].division.deadline = Deadline::Month {
            year: 2020,
            month: 11,
        };
        let next = crate::plan::next_year::next_year(&old).plan;
        let comparison = compare(&old, &next);
        assert_eq!(comparison.count(Status::Unchanged), 2);
    }

    #[test]
    fn a_plan_compared_with_itself_is_unchanged() {
        let p = plan(&[("甲任务", "内容一。"), ("乙任务", "内容二。")]);
        let comparison = compare(&p, &p);
        assert_eq!(comparison.count(Status::Unchanged), 2);
        assert_eq!(comparison.rows.len(), 2);
    }
}
