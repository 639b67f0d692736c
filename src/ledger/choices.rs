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

/// Who, on one line: each role that has names (`牵头科室：办公室；配合科室：…`).
pub fn people_line(division: &Division, separator: &str) -> String {
    people(division).join(separator)
}

fn people(division: &Division) -> Vec<String> {
    Role::ALL
        .into_iter()
        .filter(|role| !division.people(*role).is_empty())
        .map(|role| {
            format!(
                "{}：{}",
                role.short_label(),
                division.people(role).join("、")
            )
        })
        .collect()
}

/// Who and by when, on one line: each role that has names, then 完成时限 (未定 when none).
pub fn owners_line(division: &Division, separator: &str) -> String {
    let mut parts = people(division);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Deadline, Status};

    fn task(id: u32, leaders: &[&str], leads: &[&str], deadline: Deadline) -> Node {
        let mut node = Node::new(id, NodeKind::Task, "任务");
        node.division.leaders = leaders.iter().map(|s| s.to_string()).collect();
        node.division.leads = leads.iter().map(|s| s.to_string()).collect();
        node.division.deadline = deadline;
        node
    }

    #[test]
    fn choices_list_each_name_and_deadline_once() {
        let mut plan = Plan::default();
        let mut section = Node::new(plan.fresh_id(), NodeKind::Heading, "一");
        let june = Deadline::Month {
            year: 2027,
            month: 6,
        };
        section
            .children
            .push(task(2, &["张三"], &["办公室"], june.clone()));
        section.children.push(task(
            3,
            &["张三", "办公室"],
            &["医政科"],
            Deadline::LongTerm,
        ));
        section.children.push(task(4, &[], &["办公室"], june));
        plan.nodes.push(section);
        // A name that is both a leader and a department appears once, leaders first.
        assert_eq!(person_choices(&plan), ["张三", "办公室", "医政科"]);
        assert_eq!(deadline_choices(&plan).len(), 2);
        assert_eq!(year_choices(Period::year(2027)), Vec::<i32>::new());
        assert_eq!(
            year_choices(Period {
                start: 2026,
                end: 2028
            }),
            [2026, 2027, 2028]
        );
    }

    #[test]
    fn the_owners_line_and_overdue() {
        let mut node = task(1, &["张三"], &["办公室"], Deadline::None);
        node.division.partners = vec!["各医院".into(), "疾控中心".into()];
        assert_eq!(
            owners_line(&node.division, "　"),
            "责任领导：张三　牵头科室：办公室　配合科室：各医院、疾控中心　完成时限：未定"
        );
        assert_eq!(
            people_line(&node.division, "；"),
            "责任领导：张三；牵头科室：办公室；配合科室：各医院、疾控中心"
        );
        node.division.deadline = Deadline::Month {
            year: 2027,
            month: 6,
        };
        let july = Day {
            year: 2027,
            month: 7,
            day: 1,
        };
        assert!(is_overdue(&node, july));
        assert!(!is_overdue(
            &node,
            Day {
                year: 2027,
                month: 6,
                day: 30
            }
        ));
        node.ledger.status = Status::Done;
        assert!(!is_overdue(&node, july));
    }
}
