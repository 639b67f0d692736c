//! Every change a user can make to a plan, as data, and how it applies.
//!
//! The UI only sends [`Edit`]s; the rules (depth limits, where a moved node lands) live here.

use serde::{Deserialize, Serialize};

use super::follow::{Calendar, ReturnRecord, Round};
use super::model::{
    CopyKind, Deadline, Extension, Node, NodeId, NodeKind, NoticeField, Origin, Period, Plan,
    ProgressNote, Role, Status, YearTarget, MAX_DEPTH,
};
use super::numbering::LevelNumbering;
use super::tree::Place;

/// Plan-level text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanField {
    Title,
    Requirements,
}

/// Node text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeField {
    Title,
    Body,
}

/// What an edit may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One node's own content (its text, owners, deadline, ledger): not its number, not where
    /// it is, no other node.
    Node(NodeId),
    /// The plan's and the notice's own text fields: no node, no number.
    Text,
    /// Anything else: nodes added, moved, removed or made another kind; the period; the
    /// numbering. Every number may change.
    Shape,
}

/// One user intent on the open plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    SetPlanText(PlanField, String),
    SetPeriod(Period),
    SetNotice(NoticeField, String),
    SetCopyKind(CopyKind),
    SetNumbering(usize, LevelNumbering),
    /// Adds a new empty node right after `after` (at the end of the top level for None).
    AddAfter {
        after: Option<NodeId>,
        kind: NodeKind,
    },
    /// Adds a new empty node as the last child of `parent`.
    AddChild {
        parent: NodeId,
        kind: NodeKind,
    },
    /// Adds copies of ready-made nodes (with their subtrees; ids are replaced) at one place,
    /// in their order: one undo step however many they are.
    Insert {
        at: InsertAt,
        nodes: Vec<Node>,
    },
    Delete(NodeId),
    Indent(NodeId),
    Outdent(NodeId),
    MoveUp(NodeId),
    MoveDown(NodeId),
    /// Moves the node to be the last child of `parent` (the top level for None).
    MoveInto {
        id: NodeId,
        parent: Option<NodeId>,
    },
    SetNodeText(NodeId, NodeField, String),
    SetKind(NodeId, NodeKind),
    SetPeople(NodeId, Role, Vec<String>),
    SetDeadline(NodeId, Deadline),
    SetCarriedOver(NodeId, bool),
    /// Where the node was copied from; None clears the mark.
    SetOrigin(NodeId, Option<Origin>),
    SetStatus(NodeId, Status),
    /// Appends a progress note to a task.
    AddNote(NodeId, ProgressNote),
    /// Replaces the task's progress note at the index.
    SetNote(NodeId, usize, ProgressNote),
    RemoveNote(NodeId, usize),
    /// The task's completion note (完成情况).
    SetCompletion(NodeId, String),
    /// A task's target for one year of a multi-year plan; empty text removes it.
    SetTarget(NodeId, i32, String),
    /// Moves a task's deadline at a department's request (延期), keeping the old one in the
    /// task's ledger.
    Extend(NodeId, Extension),
    /// Opens a round of packets (or adds departments to the round of that name); fixes the
    /// plan's identity to `plan_id` when it has none.
    OpenRound {
        round: Round,
        plan_id: String,
    },
    /// Records a return imported into the round of that name.
    RecordReturn {
        round: String,
        record: ReturnRecord,
    },
    /// When a deadline turns 临期, in working days.
    SetWarnDays(u32),
    /// The 法定节假日 and 调休 table.
    SetCalendar(Calendar),
    /// Several edits as one undo step (a department's return accepted): all or nothing.
    Many(Vec<Edit>),
}

/// Where [`Edit::Insert`] puts its nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InsertAt {
    /// Right after this node, at its level.
    After(NodeId),
    /// As the last children of this node.
    Into(NodeId),
    /// At the end of the top level.
    End,
}

/// Why an edit could not be applied, worded for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(message: &str) -> Result<T, EditError> {
    Err(EditError(message.to_string()))
}

/// What an applied edit wants the UI to do next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The node to put the cursor on (a new or moved node).
    pub focus: Option<NodeId>,
}

impl Edit {
    /// Typing into the same field merges into one undo step.
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Edit::SetPlanText(field, _) => Some(format!("plan:{field:?}")),
            Edit::SetNotice(field, _) => Some(format!("notice:{field:?}")),
            Edit::SetNodeText(id, field, _) => Some(format!("node:{id}:{field:?}")),
            Edit::SetNote(id, index, _) => Some(format!("note:{id}:{index}")),
            Edit::SetCompletion(id, _) => Some(format!("completion:{id}")),
            Edit::SetTarget(id, year, _) => Some(format!("target:{id}:{year}")),
            _ => None,
        }
    }

    /// What the edit may change, and so what has to be shown (or checked) again after it.
    pub fn scope(&self) -> Scope {
        match self {
            Edit::SetNodeText(id, ..)
            | Edit::SetPeople(id, ..)
            | Edit::SetDeadline(id, _)
            | Edit::SetCarriedOver(id, _)
            | Edit::SetOrigin(id, _)
            | Edit::SetStatus(id, _)
            | Edit::AddNote(id, _)
            | Edit::SetNote(id, ..)
            | Edit::RemoveNote(id, _)
            | Edit::SetCompletion(id, _)
            | Edit::SetTarget(id, ..)
            | Edit::Extend(id, _) => Scope::Node(*id),
            Edit::SetPlanText(..)
            | Edit::SetNotice(..)
            | Edit::SetCopyKind(_)
            | Edit::OpenRound { .. }
            | Edit::RecordReturn { .. } => Scope::Text,
            Edit::Many(edits) => {
                let scopes: Vec<Scope> = edits.iter().map(Edit::scope).collect();
                match scopes.first() {
                    Some(first) if scopes.iter().all(|s| s == first) => *first,
                    _ => Scope::Shape,
                }
            }
            _ => Scope::Shape,
        }
    }

    /// Applies the edit to `plan`; on error the plan is unchanged.
    pub fn apply(&self, plan: &mut Plan) -> Result<Applied, EditError> {
        let none = Ok(Applied::default());
        match self.clone() {
            Edit::SetPlanText(PlanField::Title, text) => plan.title = text,
            Edit::SetPlanText(PlanField::Requirements, text) => plan.requirements = text,
            Edit::SetPeriod(period) => {
                if period.end < period.start || !(1900..=9999).contains(&period.start) {
                    return refuse("年度不正确：结束年份不能早于开始年份");
                }
                plan.period = period;
            }
            Edit::SetNotice(field, text) => *plan.notice.get_mut(field) = text,
            Edit::SetCopyKind(kind) => plan.notice.copy_kind = kind,
            Edit::SetNumbering(level, numbering) => match plan.numbering.levels.get_mut(level) {
                Some(slot) => *slot = numbering,
                None => return refuse("没有这一级编号"),
            },
            Edit::AddAfter { after, kind } => return add_after(plan, after, kind),
            Edit::AddChild { parent, kind } => {
                let Some((_, depth)) = plan.place(parent) else {
                    return refuse("找不到该条目");
                };
                if depth + 1 >= MAX_DEPTH {
                    return refuse("最多四级，不能再添加下级");
                }
                let id = plan.fresh_id();
                let index = plan.node(parent).map_or(0, |n| n.children.len());
                plan.put(
                    Node::new(id, kind, ""),
                    Place {
                        parent: Some(parent),
                        index,
                    },
                );
                return Ok(Applied { focus: Some(id) });
            }
            Edit::Insert { at, nodes } => return insert(plan, at, nodes),
            Edit::Delete(id) => {
                let Some((place, _)) = plan.place(id) else {
                    return refuse("找不到该条目");
                };
                let siblings = plan.children(place.parent).expect("located");
                // The cursor goes to the node above, else the one below, else the parent.
                let focus = place
                    .index
                    .checked_sub(1)
                    .map(|i| siblings[i].id)
                    .or_else(|| siblings.get(place.index + 1).map(|n| n.id))
                    .or(place.parent);
                plan.take(id);
                return Ok(Applied { focus });
            }
            Edit::Indent(id) => return indent(plan, id),
            Edit::Outdent(id) => return outdent(plan, id),
            Edit::MoveUp(id) => return move_by(plan, id, Direction::Up),
            Edit::MoveDown(id) => return move_by(plan, id, Direction::Down),
            Edit::MoveInto { id, parent } => return move_into(plan, id, parent),
            Edit::SetNodeText(id, field, text) => {
                let node = node_mut(plan, id)?;
                match field {
                    NodeField::Title => node.title = text,
                    NodeField::Body => node.body = text,
                }
            }
            Edit::SetKind(id, kind) => node_mut(plan, id)?.kind = kind,
            Edit::SetPeople(id, role, names) => {
                *node_mut(plan, id)?.division.people_mut(role) = clean_names(names)
            }
            Edit::SetDeadline(id, deadline) => node_mut(plan, id)?.division.deadline = deadline,
            Edit::SetCarriedOver(id, carried) => node_mut(plan, id)?.carried_over = carried,
            Edit::SetOrigin(id, origin) => node_mut(plan, id)?.origin = origin,
            Edit::SetStatus(id, status) => task_mut(plan, id)?.ledger.status = status,
            Edit::AddNote(id, note) => {
                let text = note.text.trim().to_string();
                if text.is_empty() {
                    return refuse("请先填写进展内容");
                }
                task_mut(plan, id)?
                    .ledger
                    .notes
                    .push(ProgressNote { text, ..note });
            }
            Edit::SetNote(id, index, note) => {
                let text = note.text.trim().to_string();
                if text.is_empty() {
                    return refuse("进展内容不能为空；要删除这条记录请点“删除”");
                }
                match task_mut(plan, id)?.ledger.notes.get_mut(index) {
                    Some(slot) => *slot = ProgressNote { text, ..note },
                    None => return refuse("找不到这条进展记录"),
                }
            }
            Edit::RemoveNote(id, index) => {
                let notes = &mut task_mut(plan, id)?.ledger.notes;
                if index >= notes.len() {
                    return refuse("找不到这条进展记录");
                }
                notes.remove(index);
            }
            Edit::SetCompletion(id, text) => task_mut(plan, id)?.ledger.completion = text,
            Edit::SetTarget(id, year, text) => {
                if !plan.period.contains(year) {
                    return refuse("该年份不在计划期内");
                }
                let targets = &mut task_mut(plan, id)?.targets;
                targets.retain(|t| t.year != year);
                if !text.is_empty() {
                    targets.push(YearTarget { year, text });
                    targets.sort_by_key(|t| t.year);
                }
            }
            Edit::Extend(id, extension) => {
                if extension.to.due_day().is_none() {
                    return refuse("延期后的完成时限应为具体的年月或日期");
                }
                let node = task_mut(plan, id)?;
                let extension = Extension {
                    from: node.division.deadline.clone(),
                    ..extension
                };
                node.division.deadline = extension.to.clone();
                node.ledger.extensions.push(extension);
            }
            Edit::OpenRound { round, plan_id } => open_round(plan, round, plan_id)?,
            Edit::RecordReturn { round, record } => {
                match plan.follow.rounds.iter_mut().find(|r| r.name == round) {
                    Some(found) => found.returns.push(record),
                    None => return refuse("找不到这一轮报送"),
                }
            }
            Edit::SetWarnDays(days) => {
                if !(1..=60).contains(&days) {
                    return refuse("临期提醒天数应在1至60个工作日之间");
                }
                plan.follow.warn_days = days;
            }
            Edit::SetCalendar(calendar) => plan.follow.calendar = calendar,
            Edit::Many(edits) => {
                let mut next = plan.clone();
                let mut applied = Applied::default();
                for edit in &edits {
                    applied = edit.apply(&mut next)?;
                }
                *plan = next;
                return Ok(applied);
            }
        }
        none
    }
}

fn open_round(plan: &mut Plan, round: Round, plan_id: String) -> Result<(), EditError> {
    let name = round.name.trim().to_string();
    if name.is_empty() {
        return refuse("请填写这一轮的名称，例如“2027年第一季度进度”");
    }
    if plan.follow.plan_id.is_empty() {
        plan.follow.plan_id = plan_id;
    }
    let rounds = &mut plan.follow.rounds;
    match rounds.iter_mut().find(|r| r.name == name) {
        Some(found) => {
            for department in round.departments {
                if !found.departments.contains(&department) {
                    found.departments.push(department);
                }
            }
            found.due = round.due.or(found.due);
        }
        None => rounds.push(Round { name, ..round }),
    }
    Ok(())
}

fn node_mut(plan: &mut Plan, id: NodeId) -> Result<&mut Node, EditError> {
    plan.node_mut(id)
        .ok_or_else(|| EditError("找不到该条目".into()))
}

/// A task (headings have no status, notes or targets).
fn task_mut(plan: &mut Plan, id: NodeId) -> Result<&mut Node, EditError> {
    let node = node_mut(plan, id)?;
    if node.kind != NodeKind::Task {
        return refuse("只有任务可以记录进展和年度目标");
    }
    Ok(node)
}

/// Trims names, drops empty ones and repeats, keeps order.
pub fn clean_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim().to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn add_after(plan: &mut Plan, after: Option<NodeId>, kind: NodeKind) -> Result<Applied, EditError> {
    let place = match after {
        None => Place {
            parent: None,
            index: plan.nodes.len(),
        },
        Some(after) => match plan.place(after) {
            Some((place, _)) => Place {
                parent: place.parent,
                index: place.index + 1,
            },
            None => return refuse("找不到该条目"),
        },
    };
    let id = plan.fresh_id();
    plan.put(Node::new(id, kind, ""), place);
    Ok(Applied { focus: Some(id) })
}

fn insert(plan: &mut Plan, at: InsertAt, mut nodes: Vec<Node>) -> Result<Applied, EditError> {
    if nodes.is_empty() {
        return refuse("没有要插入的内容");
    }
    let place = match at {
        InsertAt::End => Some((
            Place {
                parent: None,
                index: plan.nodes.len(),
            },
            0,
        )),
        InsertAt::After(id) => plan.place(id).map(|(place, depth)| {
            (
                Place {
                    index: place.index + 1,
                    ..place
                },
                depth,
            )
        }),
        InsertAt::Into(id) => plan.place(id).map(|(_, depth)| {
            let index = plan.node(id).map_or(0, |n| n.children.len());
            let parent = Some(id);
            (Place { parent, index }, depth + 1)
        }),
    };
    let Some((place, depth)) = place else {
        return refuse("找不到插入位置");
    };
    let height = nodes.iter().map(Node::height).max().unwrap_or(0);
    if depth + height > MAX_DEPTH {
        return refuse("插入后将超过四级，请选择更高一级的位置（如插入到所在部分之后）");
    }
    for node in &mut nodes {
        plan.renumber_ids(node);
    }
    let focus = nodes.first().map(|n| n.id);
    for (i, node) in nodes.into_iter().enumerate() {
        let at = Place {
            index: place.index + i,
            ..place
        };
        plan.put(node, at);
    }
    Ok(Applied { focus })
}

fn indent(plan: &mut Plan, id: NodeId) -> Result<Applied, EditError> {
    let Some((place, depth)) = plan.place(id) else {
        return refuse("找不到该条目");
    };
    if place.index == 0 {
        return refuse("上方没有同级条目，无法降级");
    }
    let height = plan.node(id).map_or(1, Node::height);
    if depth + 1 + height > MAX_DEPTH {
        return refuse("最多四级，无法再降级");
    }
    let new_parent = plan.children(place.parent).expect("located")[place.index - 1].id;
    let (node, _) = plan.take(id).expect("located");
    let index = plan.node(new_parent).map_or(0, |n| n.children.len());
    plan.put(
        node,
        Place {
            parent: Some(new_parent),
            index,
        },
    );
    Ok(Applied { focus: Some(id) })
}

fn outdent(plan: &mut Plan, id: NodeId) -> Result<Applied, EditError> {
    let Some((place, _)) = plan.place(id) else {
        return refuse("找不到该条目");
    };
    let Some(parent) = place.parent else {
        return refuse("已是第一级，无法升级");
    };
    let (parent_place, _) = plan.place(parent).expect("parent exists");
    let (node, _) = plan.take(id).expect("located");
    plan.put(
        node,
        Place {
            parent: parent_place.parent,
            index: parent_place.index + 1,
        },
    );
    Ok(Applied { focus: Some(id) })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

/// Moves a node one place up or down among its siblings; at the edge of its parent it crosses
/// into the neighbouring parent (the last place of the previous one, the first of the next one),
/// keeping its depth, as an outline editor does.
fn move_by(plan: &mut Plan, id: NodeId, direction: Direction) -> Result<Applied, EditError> {
    let Some((place, _)) = plan.place(id) else {
        return refuse("找不到该条目");
    };
    let count = plan.children(place.parent).map_or(0, Vec::len);
    let within = match direction {
        Direction::Up => place.index > 0,
        Direction::Down => place.index + 1 < count,
    };
    if within {
        let siblings = plan.children_mut(place.parent).expect("located");
        let other = match direction {
            Direction::Up => place.index - 1,
            Direction::Down => place.index + 1,
        };
        siblings.swap(place.index, other);
        return Ok(Applied { focus: Some(id) });
    }
    let edge = match direction {
        Direction::Up => "已是第一项，无法上移",
        Direction::Down => "已是最后一项，无法下移",
    };
    let Some(parent) = place.parent else {
        return refuse(edge);
    };
    let (parent_place, _) = plan.place(parent).expect("parent exists");
    let uncles = plan.children(parent_place.parent).expect("located");
    let neighbour = match direction {
        Direction::Up if parent_place.index > 0 => uncles[parent_place.index - 1].id,
        Direction::Down if parent_place.index + 1 < uncles.len() => {
            uncles[parent_place.index + 1].id
        }
        _ => return refuse(edge),
    };
    let (node, _) = plan.take(id).expect("located");
    let index = match direction {
        Direction::Up => plan.node(neighbour).map_or(0, |n| n.children.len()),
        Direction::Down => 0,
    };
    plan.put(
        node,
        Place {
            parent: Some(neighbour),
            index,
        },
    );
    Ok(Applied { focus: Some(id) })
}

fn move_into(plan: &mut Plan, id: NodeId, parent: Option<NodeId>) -> Result<Applied, EditError> {
    if plan.place(id).is_none() {
        return refuse("找不到该条目");
    }
    let target_depth = match parent {
        None => 0,
        Some(p) => {
            if p == id || plan.node(id).and_then(|n| find_in(n, p)).is_some() {
                return refuse("不能移到自身之下");
            }
            match plan.place(p) {
                Some((_, depth)) => depth + 1,
                None => return refuse("找不到目标位置"),
            }
        }
    };
    let height = plan.node(id).map_or(1, Node::height);
    if target_depth + height > MAX_DEPTH {
        return refuse("最多四级，无法移到该处");
    }
    let (node, _) = plan.take(id).expect("located");
    let index = plan.children(parent).map_or(0, Vec::len);
    plan.put(node, Place { parent, index });
    Ok(Applied { focus: Some(id) })
}

fn find_in(node: &Node, id: NodeId) -> Option<&Node> {
    node.children
        .iter()
        .find_map(|c| if c.id == id { Some(c) } else { find_in(c, id) })
}
