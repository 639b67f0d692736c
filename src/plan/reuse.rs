//! Reusing what was written before: sections and tasks of the built-in templates, of the
//! office's own templates and of every earlier plan, copied into a new plan or the open one.
//!
//! A copy takes the text; owners are kept or cleared as the user chose; dated deadlines move to
//! the new plan's years; the ledger (status, dated notes, completion) starts empty; and every
//! copied node says where it came from ([`Origin`]), so that the years its text still names
//! are listed for review ([`super::next_year::old_year_mentions`]) instead of being changed.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{Deadline, Node, NodeId, NodeKind, Origin, Period, Plan};
use super::next_year::roll_deadline;
use super::numbering::number;
use super::office_templates::OfficeTemplate;
use super::templates::SECTIONS;
use super::tree::give_ids;

/// Where reusable nodes come from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceId {
    /// The built-in sections.
    Builtin,
    /// An office template, by its id.
    Template(String),
    /// A plan of the library, by its id.
    Plan(String),
}

/// One body of reusable nodes, as a plan (for its numbers).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: SourceId,
    /// As the user knows it: `2025年卫生健康工作要点`, `本单位模板“党建”`, `内置模板`.
    pub name: String,
    /// The years its text was written for; None for the built-in sections.
    pub period: Option<Period>,
    pub plan: Plan,
}

/// One section or task chosen from a source.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Pick {
    pub source: SourceId,
    pub node: NodeId,
}

/// Whether copies keep their 责任领导, 牵头科室 and 配合科室.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owners {
    #[default]
    Keep,
    Clear,
}

/// The node id of built-in section `i` (its tasks follow it).
fn builtin_id(i: usize) -> NodeId {
    (i as NodeId + 1) * 100
}

impl Pick {
    /// The built-in section with this key.
    pub fn builtin(key: &str) -> Option<Pick> {
        let i = SECTIONS.iter().position(|s| s.key == key)?;
        Some(Pick {
            source: SourceId::Builtin,
            node: builtin_id(i),
        })
    }
}

impl Source {
    /// The built-in sections with their example tasks.
    pub fn builtin() -> Source {
        let mut plan = Plan::default();
        for (i, section) in SECTIONS.iter().enumerate() {
            let mut heading = Node::new(builtin_id(i), NodeKind::Heading, section.title);
            for (j, (title, body)) in section.tasks.iter().enumerate() {
                let mut task = Node::new(builtin_id(i) + j as NodeId + 1, NodeKind::Task, *title);
                task.body = body.to_string();
                heading.children.push(task);
            }
            plan.nodes.push(heading);
        }
        plan.repair_next_id();
        Source {
            id: SourceId::Builtin,
            name: "内置模板".into(),
            period: None,
            plan,
        }
    }

    pub fn from_plan(id: &str, plan: Plan) -> Source {
        Source {
            id: SourceId::Plan(id.to_string()),
            name: plan.short_name(),
            period: Some(plan.period),
            plan,
        }
    }

    pub fn from_template(template: &OfficeTemplate) -> Source {
        let mut plan = Plan {
            title: template.name.clone(),
            nodes: template.nodes.clone(),
            ..Plan::default()
        };
        if let Some(period) = template.period {
            plan.period = period;
        }
        plan.repair_next_id();
        Source {
            id: SourceId::Template(template.id.clone()),
            name: format!("本单位模板“{}”", template.name),
            period: template.period,
            plan,
        }
    }

    /// Every node with its label and depth, in document order.
    pub fn entries(&self) -> Vec<Entry> {
        number(&self.plan)
            .into_iter()
            .map(|n| Entry {
                id: n.node.id,
                label: n.label,
                depth: n.depth,
                kind: n.node.kind,
                title: n.node.title.clone(),
                tasks: count_tasks(n.node),
            })
            .collect()
    }
}

/// A node of a source as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: NodeId,
    pub label: String,
    pub depth: usize,
    pub kind: NodeKind,
    pub title: String,
    /// Tasks in its subtree, itself included.
    pub tasks: usize,
}

fn count_tasks(node: &Node) -> usize {
    usize::from(node.kind == NodeKind::Task) + node.children.iter().map(count_tasks).sum::<usize>()
}

/// How copies are made for a plan of `period`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Carry {
    pub period: Period,
    pub owners: Owners,
}

impl Carry {
    /// A copy of `node` (from `source`) for the new plan, each node marked with its place in
    /// the source. Ids are the source's: the plan gives fresh ones when the copy is put in.
    fn copy(&self, node: &Node, source: &Source) -> Node {
        let labels: HashMap<NodeId, String> = number(&source.plan)
            .into_iter()
            .map(|n| (n.node.id, n.label))
            .collect();
        self.copy_with(node, source, &labels)
    }

    fn copy_with(&self, node: &Node, source: &Source, labels: &HashMap<NodeId, String>) -> Node {
        let mut copy = node.clone();
        copy.ledger = Default::default();
        copy.carried_over = false;
        copy.origin = (source.id != SourceId::Builtin).then(|| Origin {
            from: format!("{} {}", source.name, labels.get(&node.id).map_or("", |l| l))
                .trim()
                .to_string(),
            period: source.period,
        });
        if self.owners == Owners::Clear {
            copy.division = Default::default();
        }
        copy.division.deadline = self.deadline(&node.division.deadline, source.period);
        let shift = source.period.map_or(0, |p| self.period.start - p.start);
        copy.targets = node
            .targets
            .iter()
            .map(|t| super::model::YearTarget {
                year: t.year + shift,
                ..t.clone()
            })
            .filter(|t| self.period.contains(t.year))
            .collect();
        copy.children = node
            .children
            .iter()
            .map(|c| self.copy_with(c, source, labels))
            .collect();
        copy
    }

    /// A deadline moved from a plan of `from` to the new plan's years.
    pub fn deadline(&self, deadline: &Deadline, from: Option<Period>) -> Deadline {
        let moved = match from {
            Some(from) => roll_deadline(deadline, from, self.period.start - from.start),
            // Years unknown: a dated deadline falls in the new plan's last year.
            None => match deadline {
                Deadline::Month { month, .. } => Deadline::Month {
                    year: self.period.end,
                    month: *month,
                },
                Deadline::Date { month, day, .. } => Deadline::Date {
                    year: self.period.end,
                    month: *month,
                    day: *day,
                },
                other => other.clone(),
            },
        };
        // 2月29日 moved to a year without one is the 28th.
        match moved {
            Deadline::Date { year, month, day } => {
                let last = Deadline::from_picker(&format!("{year:04}-{month:02}-{day:02}"));
                last.unwrap_or(Deadline::Date {
                    year,
                    month,
                    day: day.min(28),
                })
            }
            other => other,
        }
    }
}

fn source<'a>(sources: &'a [Source], id: &SourceId) -> Option<&'a Source> {
    sources.iter().find(|s| &s.id == id)
}

/// The chain of nodes from the top level down to `id` (itself last).
fn path(nodes: &[Node], id: NodeId) -> Option<Vec<&Node>> {
    for node in nodes {
        if node.id == id {
            return Some(vec![node]);
        }
        if let Some(mut below) = path(&node.children, id) {
            below.insert(0, node);
            return Some(below);
        }
    }
    None
}

/// Picks whose node lies inside another pick of the same source are dropped: the outer one
/// brings it already.
fn outermost(picks: &[Pick], sources: &[Source]) -> Vec<Pick> {
    let mut kept: Vec<Pick> = Vec::new();
    for pick in picks {
        let Some(source) = source(sources, &pick.source) else {
            continue;
        };
        let Some(chain) = path(&source.plan.nodes, pick.node) else {
            continue;
        };
        let inside = picks.iter().any(|p| {
            p.source == pick.source && p.node != pick.node && chain.iter().any(|n| n.id == p.node)
        });
        if !inside && !kept.contains(pick) {
            kept.push(pick.clone());
        }
    }
    kept
}

/// Copies of the picked nodes, in the order picked, for inserting at one place.
pub fn copies(picks: &[Pick], sources: &[Source], carry: Carry) -> Vec<Node> {
    outermost(picks, sources)
        .iter()
        .filter_map(|pick| {
            let source = source(sources, &pick.source)?;
            let node = source.plan.node(pick.node)?;
            Some(carry.copy(node, source))
        })
        .collect()
}

/// Puts the picked nodes into `plan` in the order picked. A section comes in at the top level;
/// a node picked inside a section comes in under its headings, each taken as a heading of the
/// same title at the same level of the plan when there is one, else copied (title only).
pub fn put_picks(plan: &mut Plan, picks: &[Pick], sources: &[Source], carry: Carry) {
    // Copies get ids of the plan's own as they come in; the plan's nodes keep theirs.
    let mut next = plan.next_id.max(1);
    for pick in outermost(picks, sources) {
        let Some(source) = source(sources, &pick.source) else {
            continue;
        };
        let Some(chain) = path(&source.plan.nodes, pick.node) else {
            continue;
        };
        let (node, above) = chain.split_last().expect("a path ends at its node");
        let mut siblings = &mut plan.nodes;
        for heading in above {
            let title = heading.title.trim();
            let at = match siblings.iter().position(|n| n.title.trim() == title) {
                Some(at) => at,
                None => {
                    let mut shell = carry.copy(heading, source);
                    shell.children.clear();
                    shell.body.clear();
                    shell.division = Default::default();
                    give_ids(&mut shell, &mut next);
                    siblings.push(shell);
                    siblings.len() - 1
                }
            };
            siblings = &mut siblings[at].children;
        }
        let mut copy = carry.copy(node, source);
        give_ids(&mut copy, &mut next);
        siblings.push(copy);
    }
    plan.next_id = next;
}

/// A section or task found by [`search`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub pick: Pick,
    /// The source's name.
    pub source: String,
    pub period: Option<Period>,
    pub label: String,
    pub kind: NodeKind,
    pub title: String,
    /// The start of its body.
    pub excerpt: String,
    /// Its owners, as one line.
    pub owners: String,
    pub deadline: String,
}

/// Sections and tasks of every source that match every word of `query`: a word is found in
/// the title or body, in an owner's name, in the source's name (a template's, a plan's), or is
/// a year the source's plan covers (`2024`, `2024年`). The built-in sections come last; at most `limit` hits.
pub fn search(sources: &[Source], query: &str, limit: usize) -> Vec<Hit> {
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut order: Vec<&Source> = sources.iter().collect();
    order.sort_by_key(|s| {
        (
            s.id == SourceId::Builtin,
            std::cmp::Reverse(s.period.map(|p| p.start)),
        )
    });
    for source in order {
        for numbered in number(&source.plan) {
            let node = numbered.node;
            let owners = owners_line(node);
            let matches = |word: &str| {
                let year = word.trim_end_matches('年');
                let is_year = year.len() == 4 && year.chars().all(|c| c.is_ascii_digit());
                if is_year {
                    let year: i32 = year.parse().unwrap_or(0);
                    if source.period.is_some_and(|p| p.contains(year)) {
                        return true;
                    }
                }
                node.title.contains(word)
                    || node.body.contains(word)
                    || owners.contains(word)
                    || source.name.contains(word)
            };
            if !words.iter().all(|w| matches(w)) {
                continue;
            }
            hits.push(Hit {
                pick: Pick {
                    source: source.id.clone(),
                    node: node.id,
                },
                source: source.name.clone(),
                period: source.period,
                label: numbered.label,
                kind: node.kind,
                title: node.title.clone(),
                excerpt: node.body.chars().take(60).collect(),
                owners,
                deadline: node.division.deadline.label(),
            });
            if hits.len() == limit {
                return hits;
            }
        }
    }
    hits
}

/// `杨少平；办公室；医政科、疾控科`: leader, lead and partners as a list shows them.
fn owners_line(node: &Node) -> String {
    let d = &node.division;
    [&d.leaders, &d.leads, &d.partners]
        .into_iter()
        .filter(|names| !names.is_empty())
        .map(|names| names.join("、"))
        .collect::<Vec<_>>()
        .join("；")
}
