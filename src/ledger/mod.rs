//! The plan through the year (工作台账): checks, views by owner and deadline, the dashboard and
//! the year-end summary. Everything here reads a [`Plan`]; changes go through [`crate::Edit`].

pub mod bulletin;
pub mod checks;
mod choices;
pub mod dashboard;
pub mod due;
pub mod packet;
pub mod returns;
pub mod summary;
pub mod views;

pub use choices::{
    deadline_choices, is_overdue, owners_line, people_line, person_choices, year_choices,
};

use crate::plan::model::{Day, Deadline, Division, Node, NodeId, NodeKind, Plan, Role, Status};
use crate::plan::numbering::number;

/// A task as the ledger lists it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TaskRow {
    pub id: NodeId,
    /// The numbers of the task and its parents, e.g. `二、（三）`.
    pub path: String,
    /// The top-level section it is in, with its number, e.g. `一、全面加强党的建设`.
    pub section: String,
    /// The section's title alone.
    pub section_title: String,
    /// The task's lead sentence.
    pub title: String,
    pub division: Division,
    pub status: Status,
    /// The deadline has passed and the task is neither done nor cancelled.
    pub overdue: bool,
    /// The latest progress note, if any.
    pub latest_note: String,
    pub completion: String,
}

impl TaskRow {
    /// `二、（三）推进分级诊疗`: the number path and the title.
    pub fn heading(&self) -> String {
        format!("{}{}", self.path, self.title.trim())
    }
}

/// Every task of the plan in document order; `today` decides what is overdue.
pub fn tasks(plan: &Plan, today: Option<Day>) -> Vec<TaskRow> {
    let mut path: Vec<String> = Vec::new();
    let mut section = String::new();
    let mut section_title = String::new();
    let mut out = Vec::new();
    for numbered in number(plan) {
        let node: &Node = numbered.node;
        path.truncate(numbered.depth);
        path.push(numbered.label.clone());
        if numbered.depth == 0 {
            section_title = node.title.trim().to_string();
            section = format!("{}{section_title}", numbered.label);
        }
        if node.kind != NodeKind::Task {
            continue;
        }
        let mut joined = path.concat();
        if joined.is_empty() {
            joined = node.title.chars().take(8).collect();
        }
        let ledger = &node.ledger;
        out.push(TaskRow {
            id: node.id,
            path: joined,
            section: section.clone(),
            section_title: section_title.clone(),
            title: node.title.trim().to_string(),
            division: node.division.clone(),
            status: ledger.status,
            overdue: today.is_some_and(|t| is_overdue(node, t)),
            latest_note: ledger
                .notes
                .last()
                .map(|n| format!("{}：{}", n.day.label(), n.text.trim()))
                .unwrap_or_default(),
            completion: ledger.completion.trim().to_string(),
        });
    }
    out
}

/// The names used in the plan for a role, in order of first appearance. Departments
/// (`Role::Lead`) include those that only cooperate.
pub fn names(plan: &Plan, role: Role) -> Vec<String> {
    let roles: &[Role] = match role {
        Role::Leader => &[Role::Leader],
        Role::Lead | Role::Partner => &[Role::Lead, Role::Partner],
    };
    let mut out: Vec<String> = Vec::new();
    for (node, _) in plan.walk() {
        for role in roles {
            for name in node.division.people(*role) {
                if !out.contains(name) {
                    out.push(name.clone());
                }
            }
        }
    }
    out
}

/// Whether a task belongs to one year of its plan: it has a target for that year, or (without
/// targets) its deadline falls in that year or is undated (长期坚持, free text, none).
pub fn in_year(node: &Node, year: i32) -> bool {
    if !node.targets.is_empty() {
        return node.targets.iter().any(|t| t.year == year);
    }
    node.division.deadline.year().is_none_or(|y| y == year)
}

/// Narrows the ledger: every condition that is set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words to find in the title, body, notes or completion note (all of them, anywhere).
    pub text: String,
    /// A leader or department named in any role.
    pub person: String,
    /// The deadline's key (see [`deadline_key`]).
    pub deadline: Option<DeadlineKey>,
    pub status: Option<Status>,
    /// One year of a multi-year plan.
    pub year: Option<i32>,
    pub overdue_only: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, node: &Node, today: Option<Day>) -> bool {
        if node.kind != NodeKind::Task {
            return false;
        }
        let words: Vec<&str> = self.text.split_whitespace().collect();
        if !words.is_empty() {
            let mut haystack = format!("{}\n{}\n{}", node.title, node.body, node.ledger.completion);
            for note in &node.ledger.notes {
                haystack.push('\n');
                haystack.push_str(&note.text);
            }
            for role in Role::ALL {
                haystack.push('\n');
                haystack.push_str(&node.division.people(role).join("、"));
            }
            if !words.iter().all(|w| haystack.contains(w)) {
                return false;
            }
        }
        let person = self.person.trim();
        if !person.is_empty()
            && !Role::ALL
                .iter()
                .any(|r| node.division.people(*r).iter().any(|n| n == person))
        {
            return false;
        }
        if self
            .deadline
            .is_some_and(|key| deadline_key(&node.division.deadline) != key)
        {
            return false;
        }
        if self.status.is_some_and(|s| s != node.ledger.status) {
            return false;
        }
        if self.year.is_some_and(|y| !in_year(node, y)) {
            return false;
        }
        if self.overdue_only && !today.is_some_and(|t| is_overdue(node, t)) {
            return false;
        }
        true
    }
}

/// The tasks that pass the filter, in document order.
pub fn filtered(plan: &Plan, filter: &Filter, today: Option<Day>) -> Vec<TaskRow> {
    let keep: std::collections::HashSet<NodeId> = plan
        .walk()
        .into_iter()
        .filter(|(n, _)| filter.matches(n, today))
        .map(|(n, _)| n.id)
        .collect();
    tasks(plan, today)
        .into_iter()
        .filter(|t| keep.contains(&t.id))
        .collect()
}

/// What the deadline view groups by: a month, or one of the undated kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineKey {
    Month(i32, u32),
    LongTerm,
    Text,
    None,
}

impl DeadlineKey {
    pub fn label(self) -> String {
        match self {
            DeadlineKey::Month(year, month) => format!("{year}年{month}月"),
            DeadlineKey::LongTerm => "长期坚持".into(),
            DeadlineKey::Text => "其他时限".into(),
            DeadlineKey::None => "未定时限".into(),
        }
    }

    /// `2020-11`, `long`, `text`, `none`: for a select's value.
    pub fn key(self) -> String {
        match self {
            DeadlineKey::Month(year, month) => format!("{year}-{month}"),
            DeadlineKey::LongTerm => "long".into(),
            DeadlineKey::Text => "text".into(),
            DeadlineKey::None => "none".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<DeadlineKey> {
        match key {
            "long" => Some(DeadlineKey::LongTerm),
            "text" => Some(DeadlineKey::Text),
            "none" => Some(DeadlineKey::None),
            _ => {
                let (year, month) = key.split_once('-')?;
                Some(DeadlineKey::Month(year.parse().ok()?, month.parse().ok()?))
            }
        }
    }
}

pub fn deadline_key(deadline: &Deadline) -> DeadlineKey {
    match *deadline {
        Deadline::Month { year, month } | Deadline::Date { year, month, .. } => {
            DeadlineKey::Month(year, month)
        }
        Deadline::LongTerm => DeadlineKey::LongTerm,
        Deadline::Text(_) => DeadlineKey::Text,
        Deadline::None => DeadlineKey::None,
    }
}
