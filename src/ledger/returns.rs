//! Returns in: a department's filled-in packet merged into the plan field by field.
//!
//! [`review`] is a pure function of the plan and the returns: what each return proposes that
//! the plan does not have yet. A value changed in the plan since the packet went out (the
//! packet carries what it was made from) makes the proposal a conflict, which is only ever
//! applied by an explicit choice. Accepting is an [`Edit`], so it is undone like any other; once
//! accepted, a proposal is no longer in the review, because the plan has it.

use super::packet::{plan_id, split_wording, task_text, Packet, PacketTask};
use crate::plan::edit::{Edit, NodeField};
use crate::plan::follow::{ReturnRecord, Round};
use crate::plan::model::{Day, Deadline, Extension, Node, NodeId, Plan, ProgressNote, Role};

/// A return as read from its file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Returned {
    /// The file's name, to point at it.
    pub file: String,
    pub packet: Packet,
    /// Cells of the workbook's locked columns that differ from what the packet was made with
    /// (`第3行“任务内容”`): the rows cannot be trusted to be the tasks they were.
    pub tampered: Vec<String>,
    /// Answers that could not be taken, per task (a status typed past the drop-down list):
    /// the rest of the row and of the return still merge.
    #[serde(default)]
    pub problems: Vec<(NodeId, String)>,
}

impl Returned {
    /// As the export worker sends it back.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a return always serialises")
    }

    pub fn from_json(json: &str) -> Result<Returned, String> {
        serde_json::from_str(json).map_err(|e| format!("回执无法读取（{e}）"))
    }
}

/// The field a proposal changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Status,
    Progress,
    Completion,
    Deadline,
    Wording,
    /// Read, not applied.
    Comment,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Status => "状态",
            Field::Progress => "进展",
            Field::Completion => "完成情况",
            Field::Deadline => "完成时限",
            Field::Wording => "任务内容",
            Field::Comment => "意见",
        }
    }
}

/// One field of one task that a return would change.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub file: String,
    pub department: String,
    pub id: NodeId,
    /// `二、（三）推进分级诊疗`.
    pub heading: String,
    pub field: Field,
    /// What the packet was made from.
    pub was: String,
    /// What the plan has now.
    pub now: String,
    pub proposed: String,
    /// The plan changed since the packet went out (`now` is not `was`), or another return
    /// proposes something else for the same field (`rivals`).
    pub conflict: bool,
    /// What other returns propose for the same task and field: `局机关各岗位报“推进中”`.
    pub rivals: Vec<String>,
    /// The department's reason (延期理由), when it gave one.
    pub reason: String,
    /// What accepting does; none for a comment.
    pub edit: Option<Edit>,
}

impl Proposal {
    /// Stable while the proposal stands: for a rejection to be remembered.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{:?}|{}",
            self.file, self.id, self.field, self.proposed
        )
    }

    /// `label<TAB>field<TAB>now<TAB>proposed`, and the conflict after a fourth tab.
    pub fn line(&self) -> String {
        let mut line = format!(
            "{}\t{}\t{}\t{}",
            self.heading,
            self.field.label(),
            one_line(&self.now),
            one_line(&self.proposed)
        );
        if let Some(conflict) = self.conflict_text() {
            line.push_str(&format!("\t{conflict}"));
        } else if self.edit.is_none() {
            line.push_str("\t仅供参考");
        }
        line
    }

    /// Why this is a conflict, in words; none when it is not one.
    pub fn conflict_text(&self) -> Option<String> {
        if !self.conflict {
            return None;
        }
        let mut parts = Vec::new();
        if self.was != self.now {
            parts.push(format!(
                "报送表发出时为“{}”，计划中已改为“{}”",
                one_line(&self.was),
                one_line(&self.now)
            ));
        }
        parts.extend(self.rivals.iter().cloned());
        Some(format!("冲突：{}", parts.join("；")))
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a return, or one of its rows, is not merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub file: String,
    pub department: String,
    /// The task, when only its row is refused.
    pub heading: Option<String>,
    pub reason: String,
}

impl Refusal {
    pub fn line(&self) -> String {
        format!(
            "{}\t{}\t拒收：{}",
            self.file,
            self.heading.as_deref().unwrap_or("（整份）"),
            self.reason
        )
    }
}

/// Everything the returns propose, and what was refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    pub proposals: Vec<Proposal>,
    pub refusals: Vec<Refusal>,
    /// What the office should know that is not a change (new tasks a packet lacks).
    pub notices: Vec<String>,
    /// The returns taken into the review (not refused as a whole): their places in the list.
    pub accepted_files: Vec<usize>,
}

impl Review {
    /// One edit accepting every proposal of `department` that is not a conflict (nor a
    /// comment): one undo step. None when there is nothing to accept.
    pub fn accept_clean(&self, department: Option<&str>) -> Option<Edit> {
        let edits: Vec<Edit> = self
            .proposals
            .iter()
            .filter(|p| !p.conflict && department.is_none_or(|d| p.department == d))
            .filter_map(|p| p.edit.clone())
            .collect();
        (!edits.is_empty()).then_some(Edit::Many(edits))
    }

    /// The departments with proposals, in order.
    pub fn departments(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in &self.proposals {
            if !out.contains(&p.department) {
                out.push(p.department.clone());
            }
        }
        out
    }
}

/// Reads `2027年6月`, `2027年6月30日`, `2027-06` or `2027-06-30`; only a dated deadline will do.
pub fn parse_extension(text: &str) -> Option<Deadline> {
    let text = text.trim().replace('/', "-");
    Deadline::from_picker(&text)
        .or_else(|| Some(Deadline::parse(&text)))
        .filter(|d| d.due_day().is_some())
}

/// Reads a Yaodian packet file's return (the workbook's are read by `import::returns`).
pub fn packet_return(file: &str, text: &str) -> Result<Returned, String> {
    let packet = Packet::from_json(text)?;
    if packet.returned.is_none() {
        return Err(format!(
            "这是发给{}的报送包，还不是回执：请{}在 Yaodian 中打开它、填写后“导出回执”发回",
            packet.department, packet.department
        ));
    }
    Ok(Returned {
        file: file.to_string(),
        packet,
        tampered: Vec::new(),
        problems: Vec::new(),
    })
}

/// The review of `returns` against the plan as it is now; `today` dates what is accepted.
pub fn review(plan: &Plan, returns: &[Returned], today: Day) -> Review {
    let mut out = Review::default();
    let id = plan_id(plan);
    for (index, returned) in returns.iter().enumerate() {
        let packet = &returned.packet;
        let refuse = |reason: String| Refusal {
            file: returned.file.clone(),
            department: packet.department.clone(),
            heading: None,
            reason,
        };
        if let Some(reason) = whole_refusal(plan, &id, returned) {
            out.refusals.push(refuse(reason));
            continue;
        }
        out.accepted_files.push(index);
        let day = packet.returned.unwrap_or(today);
        for task in &packet.tasks {
            let heading = format!("{}{}", task.label, task.title);
            let row_refusal = |reason: String| Refusal {
                heading: Some(heading.clone()),
                ..refuse(reason)
            };
            let Some(node) = plan.node(task.id) else {
                if !task.answer.is_empty() {
                    out.refusals
                        .push(row_refusal("该任务已从计划中删除，其填报内容未导入".into()));
                }
                continue;
            };
            if !has_part(node, &packet.department) {
                if !task.answer.is_empty() {
                    out.refusals.push(row_refusal(format!(
                        "计划中该任务已不由{}承担，其填报内容未导入",
                        packet.department
                    )));
                }
                continue;
            }
            let ctx = Context {
                file: &returned.file,
                department: &packet.department,
                heading: &heading,
                day,
                today,
            };
            let (found, problems) = proposals(&ctx, node, task);
            out.proposals.extend(found);
            let typed = returned.problems.iter().filter(|(id, _)| *id == task.id);
            for reason in problems.into_iter().chain(typed.map(|(_, p)| p.clone())) {
                out.refusals.push(row_refusal(reason));
            }
        }
        let sent: Vec<NodeId> = packet.tasks.iter().map(|t| t.id).collect();
        let new = super::tasks(plan, None)
            .iter()
            .filter(|row| !sent.contains(&row.id))
            .filter(|row| {
                plan.node(row.id)
                    .is_some_and(|n| has_part(n, &packet.department))
            })
            .count();
        if new > 0 {
            out.notices.push(format!(
                "{}：报送表发出后，计划中又给该科室增加了{new}项任务，这次的报送表里没有",
                packet.department
            ));
        }
    }
    mark_rivals(&mut out.proposals);
    out
}

/// Two returns proposing different values for one field of one task (the lead says 已完成,
/// a partner 推进中) are both conflicts: neither is applied by accepting all.
fn mark_rivals(proposals: &mut [Proposal]) {
    let said: Vec<(NodeId, Field, String, String)> = proposals
        .iter()
        .filter(|p| p.edit.is_some() && p.field != Field::Progress)
        .map(|p| (p.id, p.field, p.proposed.clone(), p.department.clone()))
        .collect();
    for p in proposals.iter_mut() {
        if p.edit.is_none() || p.field == Field::Progress {
            continue;
        }
        p.rivals = said
            .iter()
            .filter(|(id, field, value, _)| {
                *id == p.id && *field == p.field && *value != p.proposed
            })
            .map(|(_, _, value, who)| format!("{who}报“{}”", one_line(value)))
            .collect();
        p.conflict |= !p.rivals.is_empty();
    }
}

fn whole_refusal(plan: &Plan, id: &str, returned: &Returned) -> Option<String> {
    let packet = &returned.packet;
    if packet.plan_id != id {
        return Some(if packet.plan_name == plan.short_name() {
            "这份报送表来自另一份同名的计划（可能是副本或往年的计划），不是当前这一份".into()
        } else {
            format!("这是“{}”的报送表，不是本计划的", packet.plan_name)
        });
    }
    // The latest round of this kind sent to this department (a later round that did not go to
    // it does not make its return stale).
    let current = plan
        .follow
        .rounds
        .iter()
        .rev()
        .find(|r| r.kind == packet.kind && r.departments.contains(&packet.department))
        .or_else(|| plan.follow.current_of(packet.kind));
    if let Some(current) = current {
        match plan.follow.round(&packet.round) {
            // A round the plan has not recorded (its packets came from the command line) is
            // taken as a new one, unless its packet is older than the current round.
            None if packet.made.is_some() && packet.made < current.opened => {
                return Some(format!(
                    "“{}”的报送表早于当前轮次“{}”发出，是过期的报送表；请让{}按最新的报送表填报",
                    packet.round, current.name, packet.department
                ))
            }
            None => {}
            Some(round) if round.name != current.name => {
                return Some(format!(
                    "这是上一轮“{}”的报送表，当前轮次为“{}”；请让{}按最新的报送表填报",
                    round.name, current.name, packet.department
                ))
            }
            Some(_) => {}
        }
    }
    if !returned.tampered.is_empty() {
        let cells = returned
            .tampered
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>();
        return Some(format!(
            "报送表中不应修改的列被改动（{}{}），无法确认各行对应哪项任务；请让{}在原表的可填写列中填报",
            cells.join("、"),
            if returned.tampered.len() > 3 { "等" } else { "" },
            packet.department
        ));
    }
    None
}

fn has_part(node: &Node, name: &str) -> bool {
    Role::ALL
        .into_iter()
        .any(|role| node.division.people(role).iter().any(|n| n == name))
}

struct Context<'a> {
    file: &'a str,
    department: &'a str,
    heading: &'a str,
    /// The day the department's notes are dated.
    day: Day,
    /// The day a 延期 is granted.
    today: Day,
}

/// What the task's answer proposes, and what of it could not be read (the rest still stands).
fn proposals(ctx: &Context, node: &Node, task: &PacketTask) -> (Vec<Proposal>, Vec<String>) {
    let answer = &task.answer;
    let mut out = Vec::new();
    let id = node.id;
    let mut push = |field, was: String, now: String, proposed: String, edit: Option<Edit>| {
        out.push(Proposal {
            file: ctx.file.to_string(),
            department: ctx.department.to_string(),
            id,
            heading: ctx.heading.to_string(),
            field,
            conflict: field != Field::Progress && edit.is_some() && was != now,
            rivals: Vec::new(),
            was,
            now,
            proposed,
            reason: String::new(),
            // Its own undo step: never merged with the office's typing in the same field.
            edit: edit.map(|e| match e {
                Edit::Many(_) => e,
                e => Edit::Many(vec![e]),
            }),
        })
    };
    let ledger = &node.ledger;
    if let Some(status) = answer.status.filter(|s| *s != ledger.status) {
        push(
            Field::Status,
            task.status.label().into(),
            ledger.status.label().into(),
            status.label().into(),
            Some(Edit::SetStatus(id, status)),
        );
    }
    let progress = answer.progress.trim();
    let known = ledger
        .notes
        .iter()
        .any(|n| n.text.trim() == progress && n.author == ctx.department);
    if !progress.is_empty() && !known {
        let note = ProgressNote {
            day: ctx.day,
            text: progress.to_string(),
            author: ctx.department.to_string(),
        };
        let latest = ledger
            .notes
            .last()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        push(
            Field::Progress,
            task.latest_note.clone(),
            latest,
            progress.into(),
            Some(Edit::AddNote(id, note)),
        );
    }
    let completion = answer.completion.trim();
    if !completion.is_empty() && completion != ledger.completion.trim() {
        push(
            Field::Completion,
            task.completion.clone(),
            ledger.completion.trim().into(),
            completion.into(),
            Some(Edit::SetCompletion(id, completion.into())),
        );
    }
    let wording = answer.wording.trim();
    let now_text = task_text(&node.title, &node.body);
    let (title, body) = split_wording(wording, &node.title);
    // Compared as the plan would have it once accepted: then an accepted wording is gone.
    if !wording.is_empty() && task_text(&title, &body) != now_text {
        let edit = Edit::Many(vec![
            Edit::SetNodeText(id, NodeField::Title, title),
            Edit::SetNodeText(id, NodeField::Body, body),
        ]);
        push(
            Field::Wording,
            task.text(),
            now_text,
            wording.into(),
            Some(edit),
        );
    }
    if !answer.comment.trim().is_empty() {
        push(
            Field::Comment,
            String::new(),
            String::new(),
            answer.comment.trim().into(),
            None,
        );
    }
    let extend = answer.extend_to.trim();
    if !extend.is_empty() {
        let Some(to) = parse_extension(extend) else {
            let problem = format!(
                "申请延期至“{extend}”无法识别（应写成“2027年6月”或“2027年6月30日”），这一项未导入；该行其余内容照常审阅"
            );
            return (out, vec![problem]);
        };
        let deadline = &node.division.deadline;
        if to != *deadline {
            let extension = Extension {
                from: deadline.clone(),
                to: to.clone(),
                day: Some(ctx.today),
                reason: answer.extend_reason.trim().into(),
                by: ctx.department.into(),
            };
            out.push(Proposal {
                file: ctx.file.to_string(),
                department: ctx.department.to_string(),
                id,
                heading: ctx.heading.to_string(),
                field: Field::Deadline,
                conflict: task.deadline != *deadline,
                rivals: Vec::new(),
                was: task.deadline.label(),
                now: deadline.label(),
                proposed: to.label(),
                reason: answer.extend_reason.trim().into(),
                edit: Some(Edit::Many(vec![Edit::Extend(id, extension)])),
            });
        }
    }
    (out, Vec::new())
}

/// The edits that record the review's returns in their rounds (opening a round the plan has
/// not recorded, as when its packets came from the command line).
pub fn record_returns(plan: &Plan, review: &Review, returns: &[Returned], today: Day) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut opened: Vec<String> = plan.follow.rounds.iter().map(|r| r.name.clone()).collect();
    for &index in &review.accepted_files {
        let Some(returned) = returns.get(index) else {
            continue;
        };
        let (file, department, round) = (
            &returned.file,
            &returned.packet.department,
            &returned.packet.round,
        );
        if !opened.contains(round) {
            opened.push(round.clone());
            edits.push(Edit::OpenRound {
                round: Round {
                    name: round.clone(),
                    kind: returned.packet.kind,
                    opened: returned.packet.made,
                    due: returned.packet.due,
                    departments: vec![department.clone()],
                    returns: Vec::new(),
                },
                plan_id: returned.packet.plan_id.clone(),
            });
        }
        let proposed = review.proposals.iter().filter(|p| &p.file == file).count();
        edits.push(Edit::RecordReturn {
            round: round.clone(),
            record: ReturnRecord {
                department: department.clone(),
                received: Some(returned.packet.returned.unwrap_or(today)),
                file: file.clone(),
                proposed,
            },
        });
    }
    edits
}
