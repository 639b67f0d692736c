//! Following the plan up with the departments (督办): the rounds of packets sent out and
//! returns received, and the working-day calendar that decides when a deadline warns.

use serde::{Deserialize, Serialize};

use super::model::Day;

/// What the plan keeps about its follow-up. Empty for a plan nobody has followed up yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    /// The plan's identity in its packets, fixed when the first round opens (so a return for
    /// another plan, even one with the same title, is told apart).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub plan_id: String,
    /// A task is 临期 when this many working days or fewer remain to its deadline.
    pub warn_days: u32,
    pub calendar: Calendar,
    /// Oldest first; names are unique.
    pub rounds: Vec<Round>,
}

/// How many working days before its deadline a task turns 临期, unless the plan says otherwise.
pub const DEFAULT_WARN_DAYS: u32 = 5;

impl Default for FollowUp {
    fn default() -> Self {
        FollowUp {
            plan_id: String::new(),
            warn_days: DEFAULT_WARN_DAYS,
            calendar: Calendar::default(),
            rounds: Vec::new(),
        }
    }
}

impl FollowUp {
    /// What a copy of the plan (next year's, a duplicate) keeps: the office's settings, not the
    /// identity, rounds or returns, which belong to this plan (so no return of it merges there).
    pub fn for_copy(&self) -> FollowUp {
        FollowUp {
            warn_days: self.warn_days,
            calendar: self.calendar.clone(),
            ..FollowUp::default()
        }
    }

    pub fn is_default(&self) -> bool {
        *self == FollowUp::default()
    }

    pub fn round(&self, name: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.name == name)
    }

    /// The round opened last: the one 报送情况 shows first.
    pub fn current(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// The round of this kind opened last: the one returns of that kind are expected for (a
    /// 征求意见 round does not make the quarter's progress round stale).
    pub fn current_of(&self, kind: RoundKind) -> Option<&Round> {
        self.rounds.iter().rev().find(|r| r.kind == kind)
    }
}

/// What a round asks the departments for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoundKind {
    /// 进度报送: status, progress, completion, 延期 requests.
    #[default]
    Progress,
    /// 征求意见: proposed wording and comments, while the plan is drafted.
    Draft,
}

impl RoundKind {
    pub const ALL: [RoundKind; 2] = [RoundKind::Progress, RoundKind::Draft];

    pub fn label(self) -> &'static str {
        match self {
            RoundKind::Progress => "进度报送",
            RoundKind::Draft => "征求意见",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            RoundKind::Progress => "progress",
            RoundKind::Draft => "draft",
        }
    }

    pub fn from_key(key: &str) -> Option<RoundKind> {
        RoundKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One round of packets: `2027年第一季度进度`, `征求意见稿`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Round {
    pub name: String,
    pub kind: RoundKind,
    pub opened: Option<Day>,
    /// 报送截止: returns received after it are late.
    pub due: Option<Day>,
    /// Who was sent a packet, in the order they were.
    pub departments: Vec<String>,
    /// Every return imported, in the order it was.
    pub returns: Vec<ReturnRecord>,
}

/// A return as it was imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnRecord {
    pub department: String,
    pub received: Option<Day>,
    /// The file's name.
    pub file: String,
    /// How many changes it proposed.
    pub proposed: usize,
}

/// Which days are worked: Monday to Friday, but for the 法定节假日 and 调休 the office enters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Calendar {
    /// Weekdays off (法定节假日), sorted.
    pub holidays: Vec<Day>,
    /// Weekend days worked (调休上班), sorted.
    pub workdays: Vec<Day>,
}

impl Calendar {
    pub fn is_working(&self, day: Day) -> bool {
        if self.holidays.contains(&day) {
            return false;
        }
        day.weekday() < 5 || self.workdays.contains(&day)
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    pub fn working_days(&self, from: Day, to: Day) -> u32 {
        let (start, end) = (from.ordinal() + 1, to.ordinal());
        (start..=end)
            .filter(|&n| self.is_working(Day::from_ordinal(n)))
            .count() as u32
    }

    /// Adds another table's days (a year's notice read into the table).
    pub fn merge(&mut self, other: &Calendar) {
        for (days, more) in [
            (&mut self.holidays, &other.holidays),
            (&mut self.workdays, &other.workdays),
        ] {
            days.extend(more.iter().copied());
            days.sort();
            days.dedup();
        }
    }

    /// The table as the office edits it: one day a line, `2027-10-01 休` or `2027-09-26 班`.
    pub fn text(&self) -> String {
        let mut lines: Vec<(Day, &str)> = self.holidays.iter().map(|d| (*d, "休")).collect();
        lines.extend(self.workdays.iter().map(|d| (*d, "班")));
        lines.sort();
        lines
            .into_iter()
            .map(|(day, what)| format!("{} {what}\n", day.iso()))
            .collect()
    }

    /// Reads the table; the lines it cannot read are returned, numbered from 1, with why.
    pub fn parse(text: &str) -> (Calendar, Vec<(usize, String)>) {
        let mut calendar = Calendar::default();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let (date, what) = line
                .split_once(char::is_whitespace)
                .map_or((line, ""), |(d, w)| (d, w.trim()));
            let Some(day) = Day::parse(date).filter(Day::exists) else {
                errors.push((n + 1, format!("第{}行：无法识别日期“{date}”", n + 1)));
                continue;
            };
            match what {
                "休" | "放假" | "节假日" => calendar.holidays.push(day),
                "班" | "上班" | "调休上班" => calendar.workdays.push(day),
                _ => errors.push((n + 1, format!("第{}行：日期后请写“休”或“班”", n + 1))),
            }
        }
        for days in [&mut calendar.holidays, &mut calendar.workdays] {
            days.sort();
            days.dedup();
        }
        (calendar, errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn weekends_holidays_and_workdays() {
        let (calendar, errors) = Calendar::parse(
            "2027-10-01 休\n2027-10-04 休\n\n2027-09-26 班\n2027-13-01 休\n2027-10-02 闲",
        );
        assert_eq!(errors.len(), 2);
        assert!(errors[0].1.contains("第5行"));
        // 2027-09-24 is a Friday.
        assert_eq!(day(2027, 9, 24).weekday(), 4);
        assert!(!calendar.is_working(day(2027, 9, 25)));
        assert!(calendar.is_working(day(2027, 9, 26)));
        assert!(!calendar.is_working(day(2027, 10, 1)));
        // Fri 24 Sep → Mon 4 Oct: Sun 26, Mon 27 … Thu 30 worked; 1 Oct and 4 Oct off.
        assert_eq!(calendar.working_days(day(2027, 9, 24), day(2027, 10, 4)), 5);
        assert_eq!(calendar.working_days(day(2027, 10, 4), day(2027, 10, 4)), 0);
        assert_eq!(Calendar::parse(&calendar.text()).0, calendar);
    }
}
