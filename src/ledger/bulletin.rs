//! Following up a round: who returned on time, late or not yet (报送情况), the 催报 list, and
//! the progress bulletin (督办通报) that goes to the leaders through the notice's .docx pipeline.

use serde::{Deserialize, Serialize};

use super::dashboard::dashboard;
use super::due::{urgency, Urgency};
use super::tasks;
use crate::plan::follow::Round;
use crate::plan::model::{Day, Plan, Status};

/// Where one department stands in a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    OnTime(Day),
    Late(Day),
    /// Not returned; `overdue` once the round's due day has passed.
    Missing {
        overdue: bool,
    },
}

impl Standing {
    pub fn label(self) -> String {
        match self {
            Standing::OnTime(day) => format!("按时报送（{}）", day.label()),
            Standing::Late(day) => format!("逾期报送（{}）", day.label()),
            Standing::Missing { overdue: true } => "逾期未报".into(),
            Standing::Missing { overdue: false } => "尚未报送".into(),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Standing::OnTime(_) => "on-time",
            Standing::Late(_) => "late",
            Standing::Missing { overdue: true } => "overdue",
            Standing::Missing { overdue: false } => "waiting",
        }
    }
}

/// 报送情况: each department sent a packet (or that returned one), with its first return.
pub fn submissions(round: &Round, today: Day) -> Vec<(String, Standing)> {
    let mut names = round.departments.clone();
    for record in &round.returns {
        if !names.contains(&record.department) {
            names.push(record.department.clone());
        }
    }
    names
        .into_iter()
        .map(|name| {
            let first = round
                .returns
                .iter()
                .filter(|r| r.department == name)
                .filter_map(|r| r.received)
                .min();
            let standing = match (first, round.due) {
                (Some(day), Some(due)) if day > due => Standing::Late(day),
                (Some(day), _) => Standing::OnTime(day),
                (None, due) => Standing::Missing {
                    overdue: due.is_some_and(|d| today > d),
                },
            };
            (name, standing)
        })
        .collect()
}

/// The 催报 list, to paste into a message: who has not returned, and by when.
pub fn reminder(round: &Round, today: Day) -> String {
    let missing: Vec<String> = submissions(round, today)
        .into_iter()
        .filter(|(_, s)| matches!(s, Standing::Missing { .. }))
        .map(|(name, _)| name)
        .collect();
    if missing.is_empty() {
        return format!("“{}”各单位均已报送。", round.name);
    }
    let due = match round.due {
        Some(due) if today > due => format!("报送截止日期（{}）已过，", due.label()),
        Some(due) => format!("报送截止日期为{}，", due.label()),
        None => String::new(),
    };
    format!(
        "催报：“{}”尚未报送的单位共{}个：{}。{due}请尽快报送。",
        round.name,
        missing.len(),
        missing.join("、")
    )
}

/// The 督办通报: a title, as of when, the overview, and numbered sections of lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bulletin {
    pub title: String,
    pub subtitle: String,
    pub overview: String,
    pub sections: Vec<(String, Vec<String>)>,
}

/// The bulletin of the plan on `today`, for a round when one is named.
pub fn bulletin(plan: &Plan, round: Option<&Round>, today: Day) -> Bulletin {
    let rows = tasks(plan, Some(today));
    let board = dashboard(plan, Some(today), None);
    let total = board.total;
    let status_counts: Vec<String> = Status::ALL
        .into_iter()
        .filter(|s| total.get(*s) > 0)
        .map(|s| format!("{}{}项", s.label(), total.get(s)))
        .collect();
    let urgent = |which: Urgency| -> Vec<String> {
        rows.iter()
            .filter(|row| {
                plan.node(row.id)
                    .and_then(|n| urgency(n, today, &plan.follow))
                    == Some(which)
            })
            .enumerate()
            .map(|(i, row)| {
                format!(
                    "{}.{}（{}）。",
                    i + 1,
                    row.heading(),
                    super::owners_line(&row.division, "；")
                )
            })
            .collect()
    };
    let overdue = urgent(Urgency::Overdue);
    let soon = urgent(Urgency::Soon);
    let mut overview = format!(
        "截至{}，{}共安排任务{}项",
        today.label(),
        plan.short_name(),
        total.total()
    );
    if !status_counts.is_empty() {
        overview.push_str(&format!("，其中{}", status_counts.join("，")));
    }
    overview.push_str(&format!(
        "；已过完成时限尚未完成的{}项，{}个工作日内到期的{}项。",
        overdue.len(),
        plan.follow.warn_days,
        soon.len()
    ));
    let mut sections = Vec::new();
    let departments: Vec<String> = board
        .departments
        .iter()
        .map(|line| {
            let c = line.counts;
            let mut text = format!(
                "{}：牵头任务{}项，已完成{}项，推进中{}项",
                line.name,
                c.total(),
                c.get(Status::Done),
                c.get(Status::InProgress)
            );
            if c.overdue > 0 {
                text.push_str(&format!("，逾期{}项", c.overdue));
            }
            text.push('。');
            text
        })
        .collect();
    sections.push(("各科室任务推进情况".to_string(), departments));
    if let Some(round) = round {
        let standings = submissions(round, today);
        let named = |keys: &[&str]| -> String {
            let names: Vec<&str> = standings
                .iter()
                .filter(|(_, s)| keys.contains(&s.key()))
                .map(|(n, _)| n.as_str())
                .collect();
            if names.is_empty() {
                "无".into()
            } else {
                names.join("、")
            }
        };
        let mut lines = vec![format!(
            "本轮（{}）共向{}个单位发出报送表{}。",
            round.name,
            standings.len(),
            round
                .due
                .map(|d| format!("，要求于{}前报送", d.label()))
                .unwrap_or_default()
        )];
        lines.push(format!("按时报送：{}。", named(&["on-time"])));
        lines.push(format!("逾期报送：{}。", named(&["late"])));
        lines.push(format!("未报送：{}。", named(&["overdue", "waiting"])));
        sections.push(("报送情况".to_string(), lines));
    }
    if !overdue.is_empty() {
        sections.push(("逾期未完成的任务".to_string(), overdue));
    }
    if !soon.is_empty() {
        sections.push(("即将到期的任务".to_string(), soon));
    }
    Bulletin {
        title: format!("{}推进情况督办通报", plan.short_name()),
        subtitle: match round {
            Some(round) => format!("（{}　截至{}）", round.name, today.label()),
            None => format!("（截至{}）", today.label()),
        },
        overview,
        sections,
    }
}
