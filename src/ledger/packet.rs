//! Packets out: the tasks one department (or leader) leads or cooperates on, with the values
//! they were made from, for the department to fill in and return (征求意见, 进度报送).
//!
//! A packet travels as a workbook (`export::packet`: a sheet to fill in, the packet itself in a
//! hidden sheet) or as a Yaodian packet file (the JSON of [`Packet`]). Its return is the same
//! packet with the department's [`Answer`]s; `ledger::returns` merges it field by field.

use serde::{Deserialize, Serialize};

use crate::export::blocks::lead_sentence;
use crate::plan::follow::RoundKind;
use crate::plan::model::{Day, Deadline, NodeId, Plan, Role, Status};

/// Marks a JSON document as a Yaodian packet (or its return).
pub const PACKET_FORMAT: &str = "yaodian-packet";
/// The packet format's version; a newer one is refused with a message.
pub const PACKET_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Packet {
    pub format: String,
    pub version: u32,
    /// The plan's identity (`FollowUp::plan_id`, or [`fingerprint`] of a plan without one).
    pub plan_id: String,
    pub plan_name: String,
    pub round: String,
    pub kind: RoundKind,
    /// 报送截止.
    pub due: Option<Day>,
    pub department: String,
    pub made: Option<Day>,
    pub tasks: Vec<PacketTask>,
    /// Set by a department that returns it from Yaodian: the day it did.
    pub returned: Option<Day>,
}

impl Default for Packet {
    fn default() -> Self {
        Packet {
            format: PACKET_FORMAT.into(),
            version: PACKET_VERSION,
            plan_id: String::new(),
            plan_name: String::new(),
            round: String::new(),
            kind: RoundKind::default(),
            due: None,
            department: String::new(),
            made: None,
            tasks: Vec::new(),
            returned: None,
        }
    }
}

/// One task as the packet carries it: the values it was made from, and the answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PacketTask {
    pub id: NodeId,
    /// `二、（三）1.`.
    pub label: String,
    pub title: String,
    pub body: String,
    /// The department's part in it: `牵头`, `配合`, `责任领导`.
    pub part: String,
    pub leaders: String,
    pub lead: String,
    pub partners: String,
    pub deadline: Deadline,
    pub status: Status,
    pub completion: String,
    /// The latest progress note, dated.
    pub latest_note: String,
    pub answer: Answer,
}

impl PacketTask {
    /// The task's text as the notice prints it: the lead sentence closed, then the body.
    pub fn text(&self) -> String {
        task_text(&self.title, &self.body)
    }
}

/// What the department writes; empty fields say nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub status: Option<Status>,
    /// 进展情况.
    pub progress: String,
    /// 完成情况.
    pub completion: String,
    /// 申请延期至: a month or a date as written.
    pub extend_to: String,
    pub extend_reason: String,
    /// 修改建议: the task's text as the department would have it.
    pub wording: String,
    /// 意见.
    pub comment: String,
}

impl Answer {
    /// Nothing written (blank text counts as nothing).
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && [
                &self.progress,
                &self.completion,
                &self.extend_to,
                &self.extend_reason,
                &self.wording,
                &self.comment,
            ]
            .iter()
            .all(|t| t.trim().is_empty())
    }
}

/// The task's text: the lead sentence closed, then the body.
pub fn task_text(title: &str, body: &str) -> String {
    format!("{}{}", lead_sentence(title), body.trim())
}

/// Splits a proposed text into the lead sentence and the body the way `old_title` was
/// written: the old lead sentence kept when the text still begins with it, else cut at the
/// first stop (。 dropped when the old title had none, as the notice closes it again); a task
/// with no lead sentence keeps none.
pub fn split_wording(text: &str, old_title: &str) -> (String, String) {
    let text = text.trim();
    let old = old_title.trim();
    let lead = lead_sentence(old);
    if old.is_empty() {
        return (String::new(), text.to_string());
    }
    if let Some(rest) = text.strip_prefix(lead.as_str()) {
        return (old.to_string(), rest.trim().to_string());
    }
    let Some((at, stop)) = text.char_indices().find(|(_, c)| "。！？；：".contains(*c)) else {
        return (text.to_string(), String::new());
    };
    let end = at + stop.len_utf8();
    let title = if stop == '。' && !old.ends_with('。') {
        &text[..at]
    } else {
        &text[..end]
    };
    (title.to_string(), text[end..].trim().to_string())
}

/// The identity a plan without one goes by: a hash of its file form, so that the same file
/// read twice (the command line's packet, then its returns) is known as the same plan.
pub fn fingerprint(plan: &Plan) -> String {
    format!("F{:016x}", fnv(&crate::plan::file::to_json(plan)))
}

/// FNV-1a, 64 bits: stable across builds and platforms.
fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The identity packets of this plan carry.
pub fn plan_id(plan: &Plan) -> String {
    if plan.follow.plan_id.is_empty() {
        fingerprint(plan)
    } else {
        plan.follow.plan_id.clone()
    }
}

/// Everyone a packet can be made for: the departments (leading or cooperating), then the
/// leaders, each once, in the order the plan names them.
pub fn recipients(plan: &Plan) -> Vec<String> {
    let mut out = super::names(plan, Role::Lead);
    for name in super::names(plan, Role::Leader) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The department's part in a task, if it has one.
fn part(division: &crate::plan::model::Division, name: &str) -> Option<&'static str> {
    [
        (Role::Lead, "牵头"),
        (Role::Partner, "配合"),
        (Role::Leader, "责任领导"),
    ]
    .into_iter()
    .find(|(role, _)| division.people(*role).iter().any(|n| n == name))
    .map(|(_, part)| part)
}

/// What a packet is for: its round and when it is due.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PacketSpec {
    pub round: String,
    pub kind: RoundKind,
    pub due: Option<Day>,
    pub made: Option<Day>,
}

/// The packet for one department (or leader): every task it has a part in, in plan order.
pub fn make_packet(plan: &Plan, department: &str, spec: &PacketSpec) -> Packet {
    let tasks = super::tasks(plan, None)
        .into_iter()
        .filter_map(|row| {
            let node = plan.node(row.id)?;
            let part = part(&node.division, department)?;
            let join = |role: Role| node.division.people(role).join("、");
            Some(PacketTask {
                id: row.id,
                label: row.path.clone(),
                title: node.title.trim().to_string(),
                body: node.body.trim().to_string(),
                part: part.into(),
                leaders: join(Role::Leader),
                lead: join(Role::Lead),
                partners: join(Role::Partner),
                deadline: node.division.deadline.clone(),
                status: node.ledger.status,
                completion: node.ledger.completion.trim().to_string(),
                latest_note: row.latest_note.clone(),
                answer: Answer::default(),
            })
        })
        .collect();
    Packet {
        plan_id: plan_id(plan),
        plan_name: plan.short_name(),
        round: spec.round.trim().to_string(),
        kind: spec.kind,
        due: spec.due,
        department: department.trim().to_string(),
        made: spec.made,
        tasks,
        ..Packet::default()
    }
}

impl Packet {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a packet always serialises")
    }

    /// Reads a packet file; the message says what it is instead when it is not one.
    pub fn from_json(text: &str) -> Result<Packet, String> {
        let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|_| "这不是 Yaodian 报送包：文件内容无法读取".to_string())?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(PACKET_FORMAT) => {}
            Some("yaodian-plan") => {
                return Err("这是一份计划文件，不是报送包；请在计划列表中用“导入”打开".into())
            }
            _ => return Err("这不是 Yaodian 报送包".into()),
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(PACKET_VERSION) {
            return Err(format!(
                "这个报送包由较新版本的 Yaodian 生成（格式版本 {version}），请先更新本页面"
            ));
        }
        crate::plan::file::from_migrated(&value).map_err(|e| format!("报送包已损坏（{e}）"))
    }

    /// The file name a packet is offered under: `2027年第一季度进度-办公室.xlsx`.
    pub fn file_name(&self, extension: &str) -> String {
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| if "\\/:*?\"<>|".contains(c) { '_' } else { c })
                .collect()
        };
        format!(
            "{}-{}.{extension}",
            clean(&self.round),
            clean(&self.department)
        )
    }
}

/// A column of the packet's sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The task's id (a hidden column): rows may be sorted, and are still known.
    Id,
    Label,
    Text,
    Part,
    Leaders,
    Lead,
    Partners,
    Deadline,
    Status,
    NewStatus,
    Progress,
    Completion,
    ExtendTo,
    ExtendReason,
    Wording,
    Comment,
}

impl Column {
    /// The columns of a round's sheet, in order: the task as it was (locked), then what the
    /// department fills in (a 征求意见 round adds the proposed wording and a comment).
    pub fn all(kind: RoundKind) -> Vec<Column> {
        use Column::*;
        let mut out = vec![
            Id,
            Label,
            Text,
            Part,
            Leaders,
            Lead,
            Partners,
            Deadline,
            Status,
            NewStatus,
            Progress,
            Completion,
            ExtendTo,
            ExtendReason,
        ];
        if kind == RoundKind::Draft {
            out.extend([Wording, Comment]);
        }
        out
    }

    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "编号",
            Column::Label => "序号",
            Column::Text => "任务内容",
            Column::Part => "本单位职责",
            Column::Leaders => "责任领导",
            Column::Lead => "牵头科室",
            Column::Partners => "配合科室",
            Column::Deadline => "完成时限",
            Column::Status => "当前状态",
            Column::NewStatus => "报送状态",
            Column::Progress => "进展情况",
            Column::Completion => "完成情况",
            Column::ExtendTo => "申请延期至",
            Column::ExtendReason => "延期理由",
            Column::Wording => "修改建议稿",
            Column::Comment => "意见建议",
        }
    }

    /// Filled in by the department; the rest are locked.
    pub fn editable(self) -> bool {
        matches!(
            self,
            Column::NewStatus
                | Column::Progress
                | Column::Completion
                | Column::ExtendTo
                | Column::ExtendReason
                | Column::Wording
                | Column::Comment
        )
    }

    /// A locked column's value for the task, as the sheet shows it.
    pub fn value(self, task: &PacketTask) -> String {
        match self {
            Column::Id => task.id.to_string(),
            Column::Label => task.label.clone(),
            Column::Text => task.text(),
            Column::Part => task.part.clone(),
            Column::Leaders => task.leaders.clone(),
            Column::Lead => task.lead.clone(),
            Column::Partners => task.partners.clone(),
            Column::Deadline => task.deadline.label(),
            Column::Status => task.status.label().into(),
            Column::NewStatus => task
                .answer
                .status
                .map(|s| s.label().into())
                .unwrap_or_default(),
            Column::Progress => task.answer.progress.clone(),
            Column::Completion => task.answer.completion.clone(),
            Column::ExtendTo => task.answer.extend_to.clone(),
            Column::ExtendReason => task.answer.extend_reason.clone(),
            Column::Wording => task.answer.wording.clone(),
            Column::Comment => task.answer.comment.clone(),
        }
    }

    /// Sets an editable column's value in the answer; an unknown status is an error.
    /// Text is kept as typed (a form writes it as it is typed); it is trimmed where it is read.
    pub fn set(self, answer: &mut Answer, text: &str) -> Result<(), String> {
        let text = text.to_string();
        match self {
            Column::NewStatus if text.trim().is_empty() => answer.status = None,
            Column::NewStatus => {
                let text = text.trim();
                answer.status =
                    Some(Status::from_label(text).ok_or_else(|| {
                        format!("状态“{text}”不在下拉列表中（{}）", status_choices())
                    })?)
            }
            Column::Progress => answer.progress = text,
            Column::Completion => answer.completion = text,
            Column::ExtendTo => answer.extend_to = text,
            Column::ExtendReason => answer.extend_reason = text,
            Column::Wording => answer.wording = text,
            Column::Comment => answer.comment = text,
            _ => {}
        }
        Ok(())
    }

    /// The sheet's column width, in characters.
    pub fn width(self) -> f64 {
        match self {
            Column::Id => 6.0,
            Column::Label => 10.0,
            Column::Text => 50.0,
            Column::Part | Column::Status | Column::NewStatus => 10.0,
            Column::Leaders | Column::Deadline | Column::ExtendTo => 12.0,
            Column::Lead | Column::Partners | Column::ExtendReason => 16.0,
            Column::Progress | Column::Completion | Column::Comment => 36.0,
            Column::Wording => 50.0,
        }
    }
}

/// `未启动、推进中、已完成、滞后、取消`.
pub fn status_choices() -> String {
    Status::ALL.map(Status::label).join("、")
}

/// The name a new round is offered under: `2027年第一季度进度`, `…（征求意见稿）`.
pub fn default_round_name(plan: &Plan, kind: RoundKind, today: Day) -> String {
    match kind {
        RoundKind::Progress => format!(
            "{}年第{}季度进度",
            today.year,
            crate::plan::numbering::chinese((today.month - 1) / 3 + 1)
        ),
        RoundKind::Draft => format!("{}（征求意见稿）", plan.short_name()),
    }
}

impl Packet {
    /// One packet per plan, round and department: receiving it again replaces it.
    pub fn key(&self) -> String {
        format!("{}|{}|{}", self.plan_id, self.round, self.department)
    }

    /// A short name for [`Packet::key`], for the page's address.
    pub fn id(&self) -> String {
        format!("{:012x}", fnv(&self.key()) >> 16)
    }

    /// `2027年第一季度进度-办公室-回执.json`.
    pub fn return_file_name(&self) -> String {
        self.file_name("json").replace(".json", "-回执.json")
    }

    /// The return a department sends back from Yaodian: the packet, its answers, and the day.
    pub fn returned_on(&self, day: Day) -> Packet {
        Packet {
            returned: Some(day),
            ..self.clone()
        }
    }
}
