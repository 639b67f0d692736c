//! Deadlines that warn: each open task with a dated deadline is 正常, 临期 or 逾期, shown in the
//! three colours offices use for 督办 (蓝, 黄, 红).

use crate::plan::follow::FollowUp;
use crate::plan::model::{Day, Node, NodeKind, Plan};

/// Where a task stands against its deadline.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Urgency {
    /// 正常 (蓝): more than the plan's warning days remain.
    Normal,
    /// 临期 (黄): the deadline is within the warning days (working days), or today.
    Soon,
    /// 逾期 (红): the deadline has passed and the task is not closed.
    Overdue,
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Normal => "正常",
            Urgency::Soon => "临期",
            Urgency::Overdue => "逾期",
        }
    }

    /// The colour's name, as offices say it.
    pub fn colour(self) -> &'static str {
        match self {
            Urgency::Normal => "蓝",
            Urgency::Soon => "黄",
            Urgency::Overdue => "红",
        }
    }

    /// The CSS hook.
    pub fn key(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Soon => "soon",
            Urgency::Overdue => "overdue",
        }
    }
}

/// None for headings, closed tasks (已完成, 取消) and deadlines without a date (长期坚持, 年底前).
pub fn urgency(node: &Node, today: Day, follow: &FollowUp) -> Option<Urgency> {
    if node.kind != NodeKind::Task || node.ledger.status.is_closed() {
        return None;
    }
    let due = node.division.deadline.due_day()?;
    Some(if due < today {
        Urgency::Overdue
    } else if follow.calendar.working_days(today, due) <= follow.warn_days {
        Urgency::Soon
    } else {
        Urgency::Normal
    })
}

/// A task that needs attention when the app opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub id: crate::plan::model::NodeId,
    /// `二、（三）推进分级诊疗`.
    pub heading: String,
    pub due: Day,
    pub urgency: Urgency,
    /// 牵头科室 and 责任领导 on one line.
    pub owners: String,
}

/// What is overdue and what falls due this week (Monday to Sunday of `today`'s week), overdue
/// first, each by its deadline.
pub fn attention(plan: &Plan, today: Day) -> Vec<Due> {
    let week_end = Day::from_ordinal(today.ordinal() + 6 - i64::from(today.weekday()));
    let mut out: Vec<Due> = super::tasks(plan, Some(today))
        .into_iter()
        .filter_map(|row| {
            let node = plan.node(row.id)?;
            let urgency = urgency(node, today, &plan.follow)?;
            let due = node.division.deadline.due_day()?;
            (urgency == Urgency::Overdue || due <= week_end).then(|| Due {
                id: row.id,
                heading: row.heading(),
                due,
                urgency,
                owners: super::people_line(&row.division, "；"),
            })
        })
        .collect();
    out.sort_by_key(|d| (std::cmp::Reverse(d.urgency == Urgency::Overdue), d.due));
    out
}
