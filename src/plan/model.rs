//! The plan model: a yearly work plan, its notice, and a tree of headings and tasks.
//!
//! Numbers are never stored: they are derived by [`crate::plan::numbering`].

use serde::{Deserialize, Serialize};

use super::follow::FollowUp;
use super::numbering::Numbering;

/// Identifies a node within one plan. Stable across edits, never reused.
pub type NodeId = u32;

/// The deepest level a plan may have (一、 （一） 1. （1）).
pub const MAX_DEPTH: usize = 4;

/// A yearly (or multi-year) work plan with the notice that issues it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub period: Period,
    /// The plan's own title, e.g. `2022年全市卫生健康工作要点`.
    pub title: String,
    /// 总体要求 and other un-numbered opening parts; one paragraph per line.
    pub requirements: String,
    pub notice: Notice,
    pub numbering: Numbering,
    pub nodes: Vec<Node>,
    /// The next free [`NodeId`].
    pub next_id: NodeId,
    /// Packets out and returns in, and when deadlines warn (督办).
    #[serde(skip_serializing_if = "FollowUp::is_default")]
    pub follow: FollowUp,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            period: Period::year(2026),
            title: String::new(),
            requirements: String::new(),
            notice: Notice::default(),
            numbering: Numbering::default(),
            nodes: Vec::new(),
            next_id: 1,
            follow: FollowUp::default(),
        }
    }
}

impl Plan {
    /// The name a plan goes by in lists: its title, else the notice title, else its period.
    pub fn name(&self) -> String {
        [&self.title, &self.notice.title]
            .into_iter()
            .map(|t| t.trim())
            .find(|t| !t.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}工作要点（未命名）", self.period.label()))
    }

    /// The plan's name without the notice's wrapping: `关于印发2020年全县卫生健康工作要点暨任务
    /// 分工的通知` → `2020年全县卫生健康工作要点`.
    pub fn short_name(&self) -> String {
        let name = self.name();
        name.trim_start_matches("关于印发")
            .trim_start_matches("关于")
            .trim_end_matches("的通知")
            .trim_end_matches("暨任务分工")
            .to_string()
    }
}

/// The year or years a plan covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

impl Period {
    pub fn year(year: i32) -> Self {
        Period {
            start: year,
            end: year,
        }
    }

    /// `2020年` or `2023年—2025年`.
    pub fn label(&self) -> String {
        if self.start == self.end {
            format!("{}年", self.start)
        } else {
            format!("{}年—{}年", self.start, self.end)
        }
    }

    pub fn contains(&self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }

    /// A plan of several years (e.g. 三年行动计划).
    pub fn is_multi_year(&self) -> bool {
        self.end > self.start
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.start..=self.end
    }

    /// The years a plan may be for.
    pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

    /// Reads a year as typed (`2027`), in [`Period::YEARS`]; else what to tell the user.
    pub fn parse_year(text: &str) -> Result<i32, &'static str> {
        match text.trim().parse::<i32>() {
            Ok(year) if Period::YEARS.contains(&year) => Ok(year),
            _ => Err("年度应为 2000 至 2100 之间的四位数字，如 2027"),
        }
    }

    /// The period with its first year set: the last year follows when it would end earlier.
    pub fn with_start(self, year: i32) -> Period {
        Period {
            start: year,
            end: self.end.max(year),
        }
    }

    /// The period with its last year set (an end before the start is refused by the edit).
    pub fn with_end(self, year: i32) -> Period {
        Period {
            start: self.start,
            end: year,
        }
    }
}

/// Whether the 版记 line sends copies to peers (抄送) or reports to superiors (抄报).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CopyKind {
    #[default]
    CopyTo,
    ReportTo,
}

impl CopyKind {
    pub fn label(self) -> &'static str {
        match self {
            CopyKind::CopyTo => "抄送",
            CopyKind::ReportTo => "抄报",
        }
    }
}

/// The fields of the notice (印发通知) that issues the plan, per GB/T 9704-2012.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notice {
    /// 发文机关标志, e.g. `中共同心县卫生健康局党组文件`.
    pub issuer_mark: String,
    /// 发文字号, e.g. `同卫健党组发〔2020〕8号`.
    pub doc_number: String,
    /// 签发人, for reports to superiors (上行文); empty for ordinary notices.
    pub signer: String,
    /// 标题 of the notice.
    pub title: String,
    /// 主送机关, ending in a full-width colon.
    pub recipients: String,
    /// The transmittal text; one paragraph per line.
    pub transmittal: String,
    /// 发文机关署名.
    pub signature: String,
    /// 成文日期, e.g. `2020年3月31日`.
    pub date: String,
    /// 附注 (without the parentheses).
    pub note: String,
    pub copy_kind: CopyKind,
    /// 抄送 or 抄报 organs.
    pub copy_to: String,
    /// 印发机关.
    pub printer: String,
    /// 印发日期.
    pub print_date: String,
}

/// Which notice field an edit addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum NoticeField {
    IssuerMark,
    DocNumber,
    Signer,
    Title,
    Recipients,
    Transmittal,
    Signature,
    Date,
    Note,
    CopyTo,
    Printer,
    PrintDate,
}

impl NoticeField {
    pub const ALL: [NoticeField; 12] = [
        NoticeField::IssuerMark,
        NoticeField::DocNumber,
        NoticeField::Signer,
        NoticeField::Title,
        NoticeField::Recipients,
        NoticeField::Transmittal,
        NoticeField::Signature,
        NoticeField::Date,
        NoticeField::Note,
        NoticeField::CopyTo,
        NoticeField::Printer,
        NoticeField::PrintDate,
    ];

    /// A stable name for the field (the UI's CSS hook: `notice-docnumber`).
    pub fn key(self) -> &'static str {
        match self {
            NoticeField::IssuerMark => "issuermark",
            NoticeField::DocNumber => "docnumber",
            NoticeField::Signer => "signer",
            NoticeField::Title => "title",
            NoticeField::Recipients => "recipients",
            NoticeField::Transmittal => "transmittal",
            NoticeField::Signature => "signature",
            NoticeField::Date => "date",
            NoticeField::Note => "note",
            NoticeField::CopyTo => "copyto",
            NoticeField::Printer => "printer",
            NoticeField::PrintDate => "printdate",
        }
    }

    /// The field's name as the office calls it.
    pub fn label(self) -> &'static str {
        match self {
            NoticeField::IssuerMark => "发文机关标志",
            NoticeField::DocNumber => "发文字号",
            NoticeField::Signer => "签发人（上行文）",
            NoticeField::Title => "标题",
            NoticeField::Recipients => "主送机关",
            NoticeField::Transmittal => "正文（印发说明）",
            NoticeField::Signature => "署名",
            NoticeField::Date => "成文日期",
            NoticeField::Note => "附注",
            NoticeField::CopyTo => "抄送/抄报机关",
            NoticeField::Printer => "印发机关",
            NoticeField::PrintDate => "印发日期",
        }
    }

    /// Fields whose text may hold several paragraphs.
    pub fn is_multiline(self) -> bool {
        matches!(self, NoticeField::Transmittal)
    }
}

impl Notice {
    pub fn get(&self, field: NoticeField) -> &str {
        match field {
            NoticeField::IssuerMark => &self.issuer_mark,
            NoticeField::DocNumber => &self.doc_number,
            NoticeField::Signer => &self.signer,
            NoticeField::Title => &self.title,
            NoticeField::Recipients => &self.recipients,
            NoticeField::Transmittal => &self.transmittal,
            NoticeField::Signature => &self.signature,
            NoticeField::Date => &self.date,
            NoticeField::Note => &self.note,
            NoticeField::CopyTo => &self.copy_to,
            NoticeField::Printer => &self.printer,
            NoticeField::PrintDate => &self.print_date,
        }
    }

    pub fn get_mut(&mut self, field: NoticeField) -> &mut String {
        match field {
            NoticeField::IssuerMark => &mut self.issuer_mark,
            NoticeField::DocNumber => &mut self.doc_number,
            NoticeField::Signer => &mut self.signer,
            NoticeField::Title => &mut self.title,
            NoticeField::Recipients => &mut self.recipients,
            NoticeField::Transmittal => &mut self.transmittal,
            NoticeField::Signature => &mut self.signature,
            NoticeField::Date => &mut self.date,
            NoticeField::Note => &mut self.note,
            NoticeField::CopyTo => &mut self.copy_to,
            NoticeField::Printer => &mut self.printer,
            NoticeField::PrintDate => &mut self.print_date,
        }
    }
}

/// A heading groups nodes; a task is work with owners and a deadline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeKind {
    Heading,
    #[default]
    Task,
}

/// One heading or task, with the nodes under it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Node {
    pub id: NodeId,
    pub kind: NodeKind,
    /// The heading text, or a task's lead sentence (its title).
    pub title: String,
    /// A task's body text after the lead sentence.
    pub body: String,
    /// A task's division of work (任务分工); empty for headings.
    pub division: Division,
    /// Carried over from last year's plan (set by the roll-forward, cleared by the user).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub carried_over: bool,
    /// How far a task has got over the year (工作台账).
    #[serde(skip_serializing_if = "Ledger::is_empty")]
    pub ledger: Ledger,
    /// Targets per year, for plans spanning several years (年度目标).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<YearTarget>,
    /// Where the node was copied from (another plan, an office template), when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    pub children: Vec<Node>,
}

/// Where a node's text was taken from: set when it is copied in from another plan or a
/// template, cleared by the user (or when the plan rolls forward: then it is 延续).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Origin {
    /// In words: `2025年卫生健康工作要点 二、（三）`, `本单位模板“党建”`.
    pub from: String,
    /// The period the text was written for: its years are listed for review in the new plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl Node {
    pub fn new(id: NodeId, kind: NodeKind, title: impl Into<String>) -> Self {
        Node {
            id,
            kind,
            title: title.into(),
            ..Node::default()
        }
    }

    /// Depth of the subtree rooted here: 1 for a leaf.
    pub fn height(&self) -> usize {
        1 + self.children.iter().map(Node::height).max().unwrap_or(0)
    }
}

/// A task's progress over the year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Late,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Late,
        Status::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Done => "已完成",
            Status::Late => "滞后",
            Status::Cancelled => "取消",
        }
    }

    pub fn from_label(label: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.label() == label.trim())
    }

    /// Done or cancelled: no longer due.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

/// A calendar day, as the office dates its notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// `2020年3月31日`.
    pub fn label(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// `2020-03-31`, as a date input gives it.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Reads `2020-03-31` (a date input) or `2020年3月31日`.
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim();
        let parts: Vec<&str> = if text.contains('-') {
            text.split('-').collect()
        } else {
            text.strip_suffix('日')?.split(['年', '月']).collect()
        };
        let [year, month, day] = parts[..] else {
            return None;
        };
        let day = Day {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        ((1..=12).contains(&day.month) && (1..=31).contains(&day.day)).then_some(day)
    }

    /// Whether the day is in its month (not 2 月 30 日).
    pub fn exists(&self) -> bool {
        (1..=12).contains(&self.month)
            && (1..=days_in_month(self.year, self.month)).contains(&self.day)
    }

    /// The last day of a month.
    pub fn month_end(year: i32, month: u32) -> Day {
        Day {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    pub fn ordinal(&self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `n` days after 1970-01-01.
    pub fn from_ordinal(n: i64) -> Day {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.ordinal() + 3).rem_euclid(7) as u32
    }
}

/// A dated progress note (进展情况).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressNote {
    pub day: Day,
    pub text: String,
    /// Who reported it, when a department's return brought it (empty: the office).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
}

/// Status, progress notes and completion note of a task.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ledger {
    pub status: Status,
    /// Oldest first.
    pub notes: Vec<ProgressNote>,
    /// 完成情况: what was achieved, written when the task is done.
    pub completion: String,
    /// Every 延期 granted, oldest first: the deadline before it is kept here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
}

/// A deadline moved at a department's request (延期).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Extension {
    pub from: Deadline,
    pub to: Deadline,
    /// When it was granted.
    pub day: Option<Day>,
    pub reason: String,
    /// Who asked for it.
    pub by: String,
}

impl Extension {
    /// `延期：长期坚持 → 2027年6月30日（2027年3月28日批准；办公室申请：上级方案尚未印发）`.
    pub fn label(&self) -> String {
        let from = match self.from.label() {
            l if l.is_empty() => "未定".to_string(),
            l => l,
        };
        let mut about = Vec::new();
        if let Some(day) = self.day {
            about.push(format!("{}批准", day.label()));
        }
        match (self.by.trim(), self.reason.trim()) {
            ("", "") => {}
            ("", reason) => about.push(format!("理由：{reason}")),
            (by, "") => about.push(format!("{by}申请")),
            (by, reason) => about.push(format!("{by}申请：{reason}")),
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!("（{}）", about.join("；"))
        };
        format!("延期：{from} → {}{about}", self.to.label())
    }
}

impl Ledger {
    pub fn is_empty(&self) -> bool {
        *self == Ledger::default()
    }
}

/// What a task of a multi-year plan aims at in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearTarget {
    pub year: i32,
    pub text: String,
}

/// Who answers for a task and by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Division {
    /// 责任领导.
    pub leaders: Vec<String>,
    /// 牵头科室.
    pub leads: Vec<String>,
    /// 配合科室（单位）.
    pub partners: Vec<String>,
    /// 完成时限.
    pub deadline: Deadline,
}

impl Division {
    pub fn is_empty(&self) -> bool {
        self.leaders.is_empty()
            && self.leads.is_empty()
            && self.partners.is_empty()
            && self.deadline == Deadline::None
    }

    pub fn people(&self, role: Role) -> &Vec<String> {
        match role {
            Role::Leader => &self.leaders,
            Role::Lead => &self.leads,
            Role::Partner => &self.partners,
        }
    }

    pub fn people_mut(&mut self, role: Role) -> &mut Vec<String> {
        match role {
            Role::Leader => &mut self.leaders,
            Role::Lead => &mut self.leads,
            Role::Partner => &mut self.partners,
        }
    }
}

/// The three owner lists of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Leader,
    Lead,
    Partner,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Leader, Role::Lead, Role::Partner];

    /// A stable name for the role (the UI's CSS hook).
    pub fn key(self) -> &'static str {
        match self {
            Role::Leader => "leaders",
            Role::Lead => "leads",
            Role::Partner => "partners",
        }
    }

    /// The label used in exported text (tongxin style).
    pub fn label(self) -> &'static str {
        match self {
            Role::Leader => "责任领导",
            Role::Lead => "牵头科室",
            Role::Partner => "配合科室（单位）",
        }
    }

    /// The short label used in outlines.
    pub fn short_label(self) -> &'static str {
        match self {
            Role::Leader => "责任领导",
            Role::Lead => "牵头科室",
            Role::Partner => "配合科室",
        }
    }
}

/// 完成时限.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Deadline {
    #[default]
    None,
    /// `2020年11月`.
    Month { year: i32, month: u32 },
    /// `2020年11月30日`.
    Date { year: i32, month: u32, day: u32 },
    /// `长期坚持`.
    LongTerm,
    /// Anything else, e.g. `年底前`.
    Text(String),
}

impl Deadline {
    /// The year a dated deadline falls in.
    pub fn year(&self) -> Option<i32> {
        match self {
            Deadline::Month { year, .. } | Deadline::Date { year, .. } => Some(*year),
            _ => None,
        }
    }

    /// Whether the deadline has passed on `today` (a month deadline runs to the month's end).
    pub fn passed(&self, today: Day) -> bool {
        match *self {
            Deadline::Month { year, month } => (today.year, today.month) > (year, month),
            Deadline::Date { year, month, day } => today > Day { year, month, day },
            _ => false,
        }
    }

    /// The last day of a dated deadline (a month runs to its end).
    pub fn due_day(&self) -> Option<Day> {
        match *self {
            Deadline::Month { year, month } => Some(Day::month_end(year, month)),
            Deadline::Date { year, month, day } => Some(Day { year, month, day }),
            _ => None,
        }
    }

    /// The deadline as written in the plan; empty for none.
    pub fn label(&self) -> String {
        match self {
            Deadline::None => String::new(),
            Deadline::Month { year, month } => format!("{year}年{month}月"),
            Deadline::Date { year, month, day } => format!("{year}年{month}月{day}日"),
            Deadline::LongTerm => "长期坚持".to_string(),
            Deadline::Text(text) => text.clone(),
        }
    }

    /// Which of the picker's kinds the deadline is.
    pub fn kind(&self) -> DeadlineKind {
        match self {
            Deadline::None => DeadlineKind::None,
            Deadline::Month { .. } => DeadlineKind::Month,
            Deadline::Date { .. } => DeadlineKind::Date,
            Deadline::LongTerm => DeadlineKind::LongTerm,
            Deadline::Text(_) => DeadlineKind::Text,
        }
    }

    /// `2020-11` or `2020-11-30` as a month or date picker gives it, when it is a real
    /// month or day.
    pub fn from_picker(value: &str) -> Option<Deadline> {
        let parts: Vec<&str> = value.trim().split('-').collect();
        let number = |i: usize| parts.get(i)?.parse::<u32>().ok();
        let (year, month) = (number(0)? as i32, number(1)?);
        if !(1..=12).contains(&month) {
            return None;
        }
        match parts.len() {
            2 => Some(Deadline::Month { year, month }),
            3 => {
                let day = number(2)?;
                (1..=days_in_month(year, month))
                    .contains(&day)
                    .then_some(Deadline::Date { year, month, day })
            }
            _ => None,
        }
    }

    /// As a month or date picker shows it (`2020-11`, `2020-11-30`); empty for the rest.
    pub fn picker_value(&self) -> String {
        match *self {
            Deadline::Month { year, month } => format!("{year:04}-{month:02}"),
            Deadline::Date { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            _ => String::new(),
        }
    }

    /// Reads a deadline as offices write it: `2020年11月`, `2020年11月30日`, `长期坚持`, or free text.
    pub fn parse(text: &str) -> Deadline {
        let text = text.trim();
        if text.is_empty() {
            return Deadline::None;
        }
        if text == "长期坚持" {
            return Deadline::LongTerm;
        }
        parse_chinese_date(text).unwrap_or_else(|| Deadline::Text(text.to_string()))
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The kinds of 完成时限 the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    None,
    Month,
    Date,
    LongTerm,
    Text,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::None,
        DeadlineKind::Month,
        DeadlineKind::Date,
        DeadlineKind::LongTerm,
        DeadlineKind::Text,
    ];

    /// A stable name (the picker's option value).
    pub fn key(self) -> &'static str {
        match self {
            DeadlineKind::None => "none",
            DeadlineKind::Month => "month",
            DeadlineKind::Date => "date",
            DeadlineKind::LongTerm => "long",
            DeadlineKind::Text => "text",
        }
    }

    pub fn from_key(key: &str) -> Option<DeadlineKind> {
        DeadlineKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// As the picker names it.
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::None => "未定",
            DeadlineKind::Month => "某月",
            DeadlineKind::Date => "某日",
            DeadlineKind::LongTerm => "长期坚持",
            DeadlineKind::Text => "其他（文字）",
        }
    }

    /// What a task's deadline becomes when this kind is picked in a plan for `period`: the
    /// end of its last year, 长期坚持, or 年底前.
    pub fn default_in(self, period: Period) -> Deadline {
        let year = period.end;
        match self {
            DeadlineKind::None => Deadline::None,
            DeadlineKind::Month => Deadline::Month { year, month: 12 },
            DeadlineKind::Date => Deadline::Date {
                year,
                month: 12,
                day: 31,
            },
            DeadlineKind::LongTerm => Deadline::LongTerm,
            DeadlineKind::Text => Deadline::Text("年底前".into()),
        }
    }
}

/// `2020年11月` or `2020年11月30日`, nothing before or after.
fn parse_chinese_date(text: &str) -> Option<Deadline> {
    let (year, rest) = text.split_once('年')?;
    let year: i32 = year.parse().ok()?;
    let (month, rest) = rest.split_once('月')?;
    let month: u32 = month.parse().ok()?;
    if !(1..=12).contains(&month) || !(1000..=9999).contains(&year) {
        return None;
    }
    if rest.is_empty() {
        return Some(Deadline::Month { year, month });
    }
    let day: u32 = rest.strip_suffix('日')?.parse().ok()?;
    (1..=days_in_month(year, month))
        .contains(&day)
        .then_some(Deadline::Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_keeps_its_end_after_its_start() {
        let p = Period {
            start: 2023,
            end: 2025,
        };
        assert_eq!(
            p.with_start(2024),
            Period {
                start: 2024,
                end: 2025
            }
        );
        assert_eq!(p.with_start(2027), Period::year(2027));
        // An end before the start is refused, not turned into another period.
        let mut plan = Plan {
            period: p,
            ..Plan::default()
        };
        assert!(crate::plan::edit::Edit::SetPeriod(p.with_end(2022))
            .apply(&mut plan)
            .is_err());
        assert_eq!(plan.period, p);
        assert_eq!(
            p.with_end(2026),
            Period {
                start: 2023,
                end: 2026
            }
        );
        assert_eq!(Period::parse_year(" 2027 "), Ok(2027));
        for bad in ["27", "二〇二七", "1899", "99999", ""] {
            assert!(Period::parse_year(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_typed_date_that_does_not_exist_stays_text() {
        assert_eq!(
            Deadline::parse("2027年2月30日"),
            Deadline::Text("2027年2月30日".into())
        );
        assert_eq!(
            Deadline::parse("2028年2月29日"),
            Deadline::Date {
                year: 2028,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn the_picker_gives_real_months_and_days_only() {
        assert_eq!(
            Deadline::from_picker("2027-06"),
            Some(Deadline::Month {
                year: 2027,
                month: 6
            })
        );
        assert_eq!(
            Deadline::from_picker("2028-02-29"),
            Some(Deadline::Date {
                year: 2028,
                month: 2,
                day: 29
            })
        );
        for bad in [
            "2027-13",
            "2027-00",
            "2027-02-29",
            "2027-04-31",
            "2027",
            "x-1",
            "2027-1-1-1",
        ] {
            assert_eq!(Deadline::from_picker(bad), None, "{bad}");
        }
        for d in [
            Deadline::Month {
                year: 2027,
                month: 6,
            },
            Deadline::Date {
                year: 2027,
                month: 12,
                day: 31,
            },
        ] {
            assert_eq!(Deadline::from_picker(&d.picker_value()), Some(d.clone()));
        }
    }

    #[test]
    fn each_kind_has_its_default_and_reads_back() {
        let period = Period {
            start: 2026,
            end: 2028,
        };
        for kind in DeadlineKind::ALL {
            assert_eq!(DeadlineKind::from_key(kind.key()), Some(kind));
            let d = kind.default_in(period);
            assert_eq!(d.kind(), kind);
            // What the default says reads back as itself (the text round trip).
            assert_eq!(Deadline::parse(&d.label()), d);
        }
        assert_eq!(
            DeadlineKind::Month.default_in(period),
            Deadline::Month {
                year: 2028,
                month: 12
            }
        );
    }

    #[test]
    fn keys_are_distinct_css_names() {
        let keys: Vec<&str> = NoticeField::ALL.iter().map(|f| f.key()).collect();
        let roles: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
        for list in [&keys, &roles] {
            let mut sorted = list.to_vec();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len());
            assert!(list
                .iter()
                .all(|k| k.chars().all(|c| c.is_ascii_lowercase())));
        }
        assert_eq!(NoticeField::DocNumber.key(), "docnumber");
    }

    #[test]
    fn deadlines_read_back_as_written() {
        for text in ["2020年11月", "2020年11月30日", "长期坚持", "年底前", ""] {
            assert_eq!(Deadline::parse(text).label(), text);
        }
        assert_eq!(
            Deadline::parse("2020年11月"),
            Deadline::Month {
                year: 2020,
                month: 11
            }
        );
        assert_eq!(
            Deadline::parse("2020年13月"),
            Deadline::Text("2020年13月".into())
        );
        assert_eq!(Deadline::parse("长期坚持"), Deadline::LongTerm);
    }

    #[test]
    fn days_and_passed_deadlines() {
        let day = Day::parse("2020-03-31").unwrap();
        assert_eq!(Day::parse("2020年3月31日"), Some(day));
        assert_eq!(day.iso(), "2020-03-31");
        assert_eq!(Day::parse("2020-13-01"), None);
        assert_eq!(Day::parse("昨天"), None);
        let november = Deadline::Month {
            year: 2020,
            month: 11,
        };
        assert!(!november.passed(Day::parse("2020-11-30").unwrap()));
        assert!(november.passed(Day::parse("2020-12-01").unwrap()));
        assert!(!Deadline::LongTerm.passed(Day::parse("2099-01-01").unwrap()));
        let date = Deadline::parse("2020年6月15日");
        assert!(!date.passed(Day::parse("2020-06-15").unwrap()));
        assert!(date.passed(Day::parse("2020-06-16").unwrap()));
    }

    #[test]
    fn period_labels() {
        assert_eq!(Period::year(2020).label(), "2020年");
        assert_eq!(
            Period {
                start: 2023,
                end: 2025
            }
            .label(),
            "2023年—2025年"
        );
    }
}
