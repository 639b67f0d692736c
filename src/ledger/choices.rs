//! What the ledger's filters offer, and how a task's owners read on one line.

use super::{deadline_key, names, DeadlineKey};
use crate::plan::model::{Day, Division, Node, NodeKind, Period, Plan, Role};

/// Leaders, then departments, each name once: the owner filter's choices.
pub fn person_choices(plan: &Plan) -> Vec<String> {
    let mut all = names(plan, Role::Leader);
    for name in names(plan, Role::Lead) {
        if !all.contains(&name) {
            all.push(name);
        }
    }
    all
}

/// The distinct deadlines of the plan's tasks, in time order: the deadline filter's choices.
pub fn deadline_choices(plan: &Plan) -> Vec<DeadlineKey> {
    let mut keys: Vec<DeadlineKey> = plan
        .walk()
        .iter()
        .filter(|(n, _)| n.kind == NodeKind::Task)
        .map(|(n, _)| deadline_key(&n.division.deadline))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The years a multi-year plan's ledger can be narrowed to; none for a plan of one year.
pub fn year_choices(period: Period) -> Vec<i32> {
    if period.is_multi_year() {
        period.years().collect()
    } else {
        Vec::new()
    }
}

/// Open and past its deadline on `today`.
pub fn is_overdue(node: &Node, today: Day) -> bool {
    !node.ledger.status.is_closed() && node.division.deadline.passed(today)
}

/// Who and by when, on one line: each role that has names, then 完成时限 (未定 when none).
pub fn owners_line(division: &Division, separator: &str) -> String {
    let mut parts = Vec::new();
    for role in Role::ALL {
        let names = division.people(role);
        if !names.is_empty() {
            parts.push(format!("{}：{}", role.short_label(), names.join("、")));
        }
    }
    let deadline = division.deadline.label();
    parts.push(format!(
        "完成时限：{}",
        if deadline.is_empty() {
            "未定"
        } else {
            &deadline
        }
    ));
    parts.join(separator)
}
