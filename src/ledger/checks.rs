//! What is wrong with a plan: missing owners and deadlines, repeated tasks, deadlines outside
//! the period, names not in the roster or spelled two ways, empty sections, notice fields not
//! in the official format, last year still named after a roll-forward.

use std::collections::{HashMap, HashSet};

use super::{tasks, TaskRow};
use crate::plan::compare::{bigrams, likeness};
use crate::plan::edit::PlanField;
use crate::plan::model::{Deadline, Node, NodeId, NodeKind, NoticeField, Plan, Role};
use crate::plan::next_year::old_year_mentions;
use crate::plan::numbering::number;
use crate::plan::roster::Roster;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckKind {
    NoLead,
    NoDeadline,
    NoLeader,
    Duplicate,
    DeadlineOutside,
    NotInRoster,
    TwoSpellings,
    EmptySection,
    DocNumber,
    Date,
    Recipients,
    OldYear,
    MissingTarget,
}

/// Where a finding is, so the UI can jump there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Node(NodeId),
    Notice(NoticeField),
    Plan(PlanField),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: CheckKind,
    pub place: Place,
    /// The task's number path (`二、（三）`) or the field's name (`发文字号`).
    pub label: String,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\t{}", self.label, self.message)
    }
}

/// Two tasks this alike (bigram likeness) are the same task written twice.
const NEARLY_SAME: f64 = 0.85;
/// Two names of at least this many characters and this alike are one name spelled two ways.
const SAME_NAME: f64 = 0.75;
const SAME_NAME_MIN_CHARS: usize = 6;

/// Every finding, in document order within each kind. `roster` enables the roster check (an
/// empty roster role is not checked).
pub fn check(plan: &Plan, roster: Option<&Roster>) -> Vec<Finding> {
    let rows = tasks(plan, None);
    let nodes: HashMap<NodeId, &Node> = plan.walk().into_iter().map(|(n, _)| (n.id, n)).collect();
    let mut out = Vec::new();
    missing_fields(&rows, &mut out);
    duplicates(&rows, &nodes, &mut out);
    deadlines(plan, &rows, &mut out);
    if let Some(roster) = roster {
        not_in_roster(roster, &rows, &mut out);
    }
    spellings(&rows, &mut out);
    empty_sections(plan, &mut out);
    notice_format(plan, &mut out);
    old_year(plan, &mut out);
    targets(plan, &rows, &nodes, &mut out);
    out
}

fn finding(kind: CheckKind, task: &TaskRow, message: String) -> Finding {
    Finding {
        kind,
        place: Place::Node(task.id),
        label: task.path.clone(),
        message,
    }
}

/// A short quote of the task, so a finding can be read without the plan at hand.
fn quote(task: &TaskRow) -> String {
    let title: String = task.title.chars().take(24).collect();
    if title.chars().count() < task.title.chars().count() {
        format!("“{title}…”")
    } else {
        format!("“{title}”")
    }
}

fn missing_fields(rows: &[TaskRow], out: &mut Vec<Finding>) {
    let uses_leaders = rows.iter().any(|t| !t.division.leaders.is_empty());
    for task in rows {
        let d = &task.division;
        if d.leads.is_empty() {
            out.push(finding(
                CheckKind::NoLead,
                task,
                format!("缺少牵头科室：{}", quote(task)),
            ));
        }
        if d.deadline == Deadline::None {
            out.push(finding(
                CheckKind::NoDeadline,
                task,
                format!("缺少完成时限：{}", quote(task)),
            ));
        }
        if uses_leaders && d.leaders.is_empty() {
            out.push(finding(
                CheckKind::NoLeader,
                task,
                format!("缺少责任领导：{}", quote(task)),
            ));
        }
    }
}

fn task_text(node: &Node) -> String {
    format!("{}{}", node.title.trim(), node.body.trim())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn duplicates(rows: &[TaskRow], nodes: &HashMap<NodeId, &Node>, out: &mut Vec<Finding>) {
    let texts: Vec<String> = rows.iter().map(|t| task_text(nodes[&t.id])).collect();
    let grams: Vec<HashSet<(char, char)>> = texts.iter().map(|t| bigrams(t)).collect();
    for later in 0..rows.len() {
        if texts[later].chars().count() < 4 {
            continue;
        }
        let earlier = (0..later).find_map(|i| {
            let (a, b) = (grams[i].len(), grams[later].len());
            // Sets of very different size cannot reach the threshold.
            if (a.min(b) as f64) < NEARLY_SAME * a.max(b) as f64 * 0.9 {
                return None;
            }
            if texts[i] == texts[later] {
                return Some((i, None));
            }
            let like = likeness(&grams[i], &grams[later]);
            (like >= NEARLY_SAME).then_some((i, Some(like)))
        });
        if let Some((i, like)) = earlier {
            let message = match like {
                None => format!("与{}重复：{}", rows[i].path, quote(&rows[later])),
                Some(like) => format!(
                    "与{}几乎相同（相似度{:.0}%）：{}",
                    rows[i].path,
                    like * 100.0,
                    quote(&rows[later])
                ),
            };
            out.push(finding(CheckKind::Duplicate, &rows[later], message));
        }
    }
}

/// Four-digit years followed by 年 in free text, e.g. `2019年底前`.
fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..chars.len() {
        let starts = i == 0 || !chars[i - 1].is_ascii_digit();
        if starts
            && chars.len() > i + 4
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && chars[i + 4] == '年'
        {
            found.push(
                chars[i..i + 4]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0),
            );
        }
    }
    found
}

fn deadlines(plan: &Plan, rows: &[TaskRow], out: &mut Vec<Finding>) {
    for task in rows {
        let deadline = &task.division.deadline;
        let years = match deadline {
            Deadline::Text(text) => years_in(text),
            other => other.year().into_iter().collect(),
        };
        if years.iter().any(|y| !plan.period.contains(*y)) {
            out.push(finding(
                CheckKind::DeadlineOutside,
                task,
                format!(
                    "完成时限“{}”不在计划期（{}）内：{}",
                    deadline.label(),
                    plan.period.label(),
                    quote(task)
                ),
            ));
        }
    }
}

fn not_in_roster(roster: &Roster, rows: &[TaskRow], out: &mut Vec<Finding>) {
    let mut reported: HashSet<(bool, &str)> = HashSet::new();
    for task in rows {
        for role in Role::ALL {
            if roster.names(role).is_empty() {
                continue;
            }
            for name in task.division.people(role) {
                let leader = role == Role::Leader;
                if !roster.contains(role, name) && reported.insert((leader, name)) {
                    out.push(finding(
                        CheckKind::NotInRoster,
                        task,
                        format!("{}“{name}”不在名册中", role.short_label()),
                    ));
                }
            }
        }
    }
}

/// A department name without the office prefix and the post suffix: `局综合管理岗位` → `综合管理`.
fn name_key(name: &str) -> &str {
    let name = name.trim();
    let name = name.strip_prefix('局').unwrap_or(name);
    name.strip_suffix("岗位").unwrap_or(name)
}

fn same_name(a: &str, b: &str) -> bool {
    if name_key(a) == name_key(b) {
        return true;
    }
    let (a, b) = (name_key(a), name_key(b));
    let long = |s: &str| s.chars().count() >= SAME_NAME_MIN_CHARS;
    long(a) && long(b) && likeness(&bigrams(a), &bigrams(b)) >= SAME_NAME
}

fn spellings(rows: &[TaskRow], out: &mut Vec<Finding>) {
    for (roles, what) in [
        (&[Role::Leader][..], "责任领导"),
        (&[Role::Lead, Role::Partner][..], "科室"),
    ] {
        // Names in order of first use, with how often they are used.
        let mut names: Vec<(String, usize)> = Vec::new();
        for task in rows {
            for role in roles {
                for name in task.division.people(*role) {
                    match names.iter_mut().find(|(n, _)| n == name) {
                        Some((_, count)) => *count += 1,
                        None => names.push((name.clone(), 1)),
                    }
                }
            }
        }
        // Clusters of names that are one name spelled differently.
        let mut cluster: Vec<usize> = (0..names.len()).collect();
        for i in 0..names.len() {
            if let Some(j) = (0..i).find(|&j| same_name(&names[i].0, &names[j].0)) {
                cluster[i] = cluster[j];
            }
        }
        for root in 0..names.len() {
            let members: Vec<&(String, usize)> = (0..names.len())
                .filter(|&i| cluster[i] == root)
                .map(|i| &names[i])
                .collect();
            if members.len() < 2 {
                continue;
            }
            let usual = members.iter().max_by_key(|(_, count)| *count).expect("two");
            let Some(task) = rows.iter().find(|t| {
                roles.iter().any(|r| {
                    t.division
                        .people(*r)
                        .iter()
                        .any(|n| members.iter().any(|(m, _)| m == n && m != &usual.0))
                })
            }) else {
                continue;
            };
            let listed = members
                .iter()
                .map(|(name, count)| format!("“{name}”（{count}处）"))
                .collect::<Vec<_>>()
                .join("、");
            out.push(finding(
                CheckKind::TwoSpellings,
                task,
                format!("同一{what}可能有多种写法：{listed}，建议统一"),
            ));
        }
    }
}

fn has_task(node: &Node) -> bool {
    node.kind == NodeKind::Task || node.children.iter().any(has_task)
}

fn empty_sections(plan: &Plan, out: &mut Vec<Finding>) {
    let mut path: Vec<String> = Vec::new();
    for numbered in number(plan) {
        path.truncate(numbered.depth);
        path.push(numbered.label.clone());
        let node = numbered.node;
        if node.kind == NodeKind::Heading && !has_task(node) {
            out.push(Finding {
                kind: CheckKind::EmptySection,
                place: Place::Node(node.id),
                label: path.concat(),
                message: format!("“{}”下没有任务", node.title.trim()),
            });
        }
    }
}

fn notice_finding(field: NoticeField, message: &str) -> Finding {
    let kind = match field {
        NoticeField::DocNumber => CheckKind::DocNumber,
        NoticeField::Recipients => CheckKind::Recipients,
        _ => CheckKind::Date,
    };
    Finding {
        kind,
        place: Place::Notice(field),
        label: field.label().to_string(),
        message: message.to_string(),
    }
}

/// What is wrong with a 发文字号 such as `同卫健党组发〔2020〕8号`, if anything.
pub fn doc_number_problem(doc: &str) -> Option<&'static str> {
    let doc = doc.trim();
    if doc.is_empty() {
        return None;
    }
    let Some((organ, rest)) = doc.split_once('〔') else {
        return Some("年份应使用六角括号〔〕，如“同卫健党组发〔2020〕8号”（不用[]、()、【】）");
    };
    let Some((year, serial)) = rest.split_once('〕') else {
        return Some("年份的六角括号〔〕不完整");
    };
    if organ.trim().is_empty() {
        return Some("缺少机关代字，如“同卫健党组发”");
    }
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return Some("年份应为四位阿拉伯数字，如〔2020〕");
    }
    let Some(serial) = serial.strip_suffix('号') else {
        return Some("发文字号应以“号”结尾");
    };
    if serial.is_empty() {
        return Some("缺少发文顺序号");
    }
    if !serial.chars().all(|c| c.is_ascii_digit()) {
        return Some("顺序号应为阿拉伯数字");
    }
    if serial.starts_with('0') {
        return Some("顺序号不编虚位（如“8号”，不写“08号”）");
    }
    None
}

/// What is wrong with a date such as `2020年3月31日`, if anything.
pub fn date_problem(date: &str) -> Option<&'static str> {
    let date = date.trim();
    if date.is_empty() {
        return None;
    }
    let parts = date
        .strip_suffix('日')
        .map(|d| d.split(['年', '月']).collect::<Vec<_>>());
    let Some([year, month, day]) = parts.as_deref() else {
        return Some("日期应写作“2020年3月31日”");
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(year) && digits(month) && digits(day)) {
        return Some("日期应使用阿拉伯数字，如“2020年3月31日”");
    }
    if year.len() != 4 {
        return Some("年份应写全四位");
    }
    if month.starts_with('0') || day.starts_with('0') {
        return Some("月、日不编虚位（写“3月1日”，不写“03月01日”）");
    }
    let (month, day): (u32, u32) = (month.parse().unwrap_or(0), day.parse().unwrap_or(0));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Some("日期不存在");
    }
    None
}

/// What is wrong with a 主送 line, if anything.
pub fn recipients_problem(recipients: &str) -> Option<&'static str> {
    let text = recipients.trim();
    if text.is_empty() {
        return None;
    }
    if text.contains([',', ';']) {
        return Some("主送机关之间用顿号“、”或逗号“，”分隔，不用半角标点");
    }
    if text.ends_with(['。', '；', '，', '、', ':']) {
        return Some("主送机关末尾应为全角冒号“：”");
    }
    None
}

fn notice_format(plan: &Plan, out: &mut Vec<Finding>) {
    let notice = &plan.notice;
    type Problem = fn(&str) -> Option<&'static str>;
    let checks: [(NoticeField, Problem); 4] = [
        (NoticeField::DocNumber, doc_number_problem),
        (NoticeField::Recipients, recipients_problem),
        (NoticeField::Date, date_problem),
        (NoticeField::PrintDate, date_problem),
    ];
    for (field, problem) in checks {
        if let Some(message) = problem(notice.get(field)) {
            out.push(notice_finding(field, message));
        }
    }
}

fn old_year(plan: &Plan, out: &mut Vec<Finding>) {
    for mention in old_year_mentions(plan) {
        let place = match (mention.node, mention.place.as_str()) {
            (Some(id), _) => Place::Node(id),
            (None, "印发说明") => Place::Notice(NoticeField::Transmittal),
            (None, "附注") => Place::Notice(NoticeField::Note),
            _ => Place::Plan(PlanField::Requirements),
        };
        out.push(Finding {
            kind: CheckKind::OldYear,
            place,
            label: mention.place.clone(),
            message: format!("仍提及{}：“{}”", mention.old.label(), mention.excerpt),
        });
    }
}

fn targets(plan: &Plan, rows: &[TaskRow], nodes: &HashMap<NodeId, &Node>, out: &mut Vec<Finding>) {
    if !plan.period.is_multi_year() {
        return;
    }
    for task in rows {
        let node = nodes[&task.id];
        if node.targets.is_empty() {
            continue;
        }
        let missing: Vec<String> = plan
            .period
            .years()
            .filter(|y| {
                !node
                    .targets
                    .iter()
                    .any(|t| t.year == *y && !t.text.trim().is_empty())
            })
            .map(|y| format!("{y}年"))
            .collect();
        if !missing.is_empty() {
            out.push(finding(
                CheckKind::MissingTarget,
                task,
                format!("缺少{}的年度目标：{}", missing.join("、"), quote(task)),
            ));
        }
    }
}
