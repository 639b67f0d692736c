//! Lists that can be sent to one leader or department, and the month-by-month deadline list.

use std::collections::BTreeMap;

use super::{deadline_key, filtered, DeadlineKey, Filter, TaskRow};
use crate::plan::model::{Day, Plan, Role};

/// A list of tasks in blocks (e.g. 牵头 / 配合, or months), each in groups (e.g. sections).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ListView {
    pub title: String,
    /// The date the list was drawn up, which decides what is overdue.
    pub today: Option<Day>,
    pub blocks: Vec<Block>,
}

impl ListView {
    pub fn task_count(&self) -> usize {
        self.blocks
            .iter()
            .flat_map(|b| &b.groups)
            .map(|g| g.tasks.len())
            .sum()
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    /// Empty when the list has a single block.
    pub heading: String,
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    pub heading: String,
    pub tasks: Vec<TaskRow>,
}

/// Groups tasks by their section, keeping document order.
fn by_section(tasks: Vec<TaskRow>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for task in tasks {
        match groups.last_mut() {
            Some(group) if group.heading == task.section => group.tasks.push(task),
            _ => groups.push(Group {
                heading: task.section.clone(),
                tasks: vec![task],
            }),
        }
    }
    groups
}

/// Every task a leader answers for, by section.
pub fn by_leader(plan: &Plan, leader: &str, filter: &Filter, today: Option<Day>) -> ListView {
    let tasks = filtered(plan, filter, today)
        .into_iter()
        .filter(|t| t.division.people(Role::Leader).iter().any(|n| n == leader))
        .collect();
    ListView {
        title: format!("{}任务清单（责任领导：{leader}）", plan.short_name()),
        today,
        blocks: vec![Block {
            heading: String::new(),
            groups: by_section(tasks),
        }],
    }
}

/// What a department leads, and apart from that, where it only cooperates.
pub fn by_department(
    plan: &Plan,
    department: &str,
    filter: &Filter,
    today: Option<Day>,
) -> ListView {
    let (mut leads, mut partners) = (Vec::new(), Vec::new());
    for task in filtered(plan, filter, today) {
        let named = |role| task.division.people(role).iter().any(|n| n == department);
        if named(Role::Lead) {
            leads.push(task);
        } else if named(Role::Partner) {
            partners.push(task);
        }
    }
    let block = |heading: &str, tasks: Vec<TaskRow>| Block {
        heading: format!("{heading}（{}项）", tasks.len()),
        groups: by_section(tasks),
    };
    ListView {
        title: format!("{}任务清单（{department}）", plan.short_name()),
        today,
        blocks: vec![block("牵头的任务", leads), block("配合的任务", partners)],
    }
}

/// Tasks by month of their deadline through the whole period, then 长期坚持, free-text and
/// missing deadlines.
pub fn by_deadline(plan: &Plan, filter: &Filter, today: Option<Day>) -> ListView {
    let mut months: BTreeMap<DeadlineKey, Vec<TaskRow>> = BTreeMap::new();
    let nodes: std::collections::HashMap<_, _> =
        plan.walk().into_iter().map(|(n, _)| (n.id, n)).collect();
    for task in filtered(plan, filter, today) {
        let key = deadline_key(&nodes[&task.id].division.deadline);
        months.entry(key).or_default().push(task);
    }
    let blocks = months
        .into_iter()
        .map(|(key, tasks)| {
            let overdue = tasks.iter().filter(|t| t.overdue).count();
            let mut heading = format!("{}（{}项", key.label(), tasks.len());
            if overdue > 0 {
                heading.push_str(&format!("，逾期{overdue}项"));
            }
            heading.push('）');
            Block {
                heading,
                groups: by_section(tasks),
            }
        })
        .collect();
    ListView {
        title: format!(
            "{}完成时限清单（{}）",
            plan.short_name(),
            plan.period.label()
        ),
        today,
        blocks,
    }
}
