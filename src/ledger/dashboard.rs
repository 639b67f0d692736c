//! Counts by status per section, per leader and per department (the ledger's dashboard).

use super::{tasks, TaskRow};
use crate::plan::model::{Day, Plan, Role, Status};

/// How many tasks are in each status, and how many are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Indexed like [`Status::ALL`].
    pub by_status: [usize; 5],
    pub overdue: usize,
}

impl Counts {
    fn add(&mut self, task: &TaskRow) {
        let index = Status::ALL
            .iter()
            .position(|s| *s == task.status)
            .expect("every status is listed");
        self.by_status[index] += 1;
        self.overdue += usize::from(task.overdue);
    }

    pub fn get(&self, status: Status) -> usize {
        self.by_status[Status::ALL
            .iter()
            .position(|s| *s == status)
            .expect("listed")]
    }

    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }

    /// Done out of those not cancelled, as a whole percentage (None when nothing is due).
    pub fn done_percent(&self) -> Option<usize> {
        let due = self.total() - self.get(Status::Cancelled);
        (due > 0).then(|| self.get(Status::Done) * 100 / due)
    }
}

/// One row of a dashboard table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub name: String,
    pub counts: Counts,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dashboard {
    pub total: Counts,
    pub sections: Vec<Line>,
    pub leaders: Vec<Line>,
    /// Departments by the tasks they lead.
    pub departments: Vec<Line>,
}

fn count_into(lines: &mut Vec<Line>, name: &str, task: &TaskRow) {
    match lines.iter_mut().find(|l| l.name == name) {
        Some(line) => line.counts.add(task),
        None => {
            let mut counts = Counts::default();
            counts.add(task);
            lines.push(Line {
                name: name.to_string(),
                counts,
            });
        }
    }
}

/// The dashboard of a plan on `today`; `year` narrows a multi-year plan to one year.
pub fn dashboard(plan: &Plan, today: Option<Day>, year: Option<i32>) -> Dashboard {
    let filter = super::Filter {
        year,
        ..Default::default()
    };
    let rows = if filter.is_empty() {
        tasks(plan, today)
    } else {
        super::filtered(plan, &filter, today)
    };
    let mut board = Dashboard::default();
    for task in &rows {
        board.total.add(task);
        count_into(&mut board.sections, &task.section, task);
        for name in task.division.people(Role::Leader) {
            count_into(&mut board.leaders, name, task);
        }
        for name in task.division.people(Role::Lead) {
            count_into(&mut board.departments, name, task);
        }
    }
    board
}
