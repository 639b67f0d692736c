//! The office's own templates (本单位模板): a section with the tasks chosen, or one task, kept
//! with a name and a note to draft later plans from, and shared between offices as a file.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::file::{self, FileError, SCHEMA};
use super::model::{Node, NodeId, Period, Plan};
use super::numbering::number;
use super::tree::give_ids;

/// Marks a JSON document as a file of Yaodian templates.
pub const TEMPLATES_FORMAT: &str = "yaodian-templates";

/// One template of the office's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfficeTemplate {
    pub id: String,
    pub name: String,
    pub note: String,
    /// Where it was saved from, in words: `2025年卫生健康工作要点 二、`.
    pub from: String,
    /// The period of the plan it was saved from: its years are reviewed where it is used.
    pub period: Option<Period>,
    /// The section (with the tasks kept) or the task, ids from 1 in document order.
    pub nodes: Vec<Node>,
    /// When it was saved (ms since 1970).
    pub saved: f64,
}

impl OfficeTemplate {
    /// Saves the node `id` of `plan` as a template: with all of its subtree, or with only the
    /// nodes in `keep` (and what lies between them and the node). Owners and deadlines come
    /// along; the ledger, the 延续 mark and where it was copied from do not.
    pub fn from_node(
        plan: &Plan,
        id: NodeId,
        keep: Option<&BTreeSet<NodeId>>,
        name: &str,
        note: &str,
    ) -> Option<OfficeTemplate> {
        let node = plan.node(id)?;
        let label = number(plan)
            .into_iter()
            .find(|n| n.node.id == id)
            .map(|n| n.label)
            .unwrap_or_default();
        let mut copy = pruned(node, keep);
        let mut next = 1;
        give_ids(&mut copy, &mut next);
        let name = match name.trim() {
            "" => node.title.trim().to_string(),
            name => name.to_string(),
        };
        Some(OfficeTemplate {
            id: String::new(),
            name,
            note: note.trim().to_string(),
            from: format!("{} {label}", plan.short_name()).trim().to_string(),
            period: Some(plan.period),
            nodes: vec![copy],
            saved: 0.0,
        })
    }

    /// How many tasks it holds.
    pub fn task_count(&self) -> usize {
        fn count(nodes: &[Node]) -> usize {
            nodes
                .iter()
                .map(|n| usize::from(n.kind == super::model::NodeKind::Task) + count(&n.children))
                .sum()
        }
        count(&self.nodes)
    }
}

/// A copy of `node` with only the descendants in `keep` (and their ancestors), clean of the
/// year's ledger.
fn pruned(node: &Node, keep: Option<&BTreeSet<NodeId>>) -> Node {
    let mut copy = node.clone();
    copy.ledger = Default::default();
    copy.carried_over = false;
    copy.origin = None;
    copy.children = node
        .children
        .iter()
        .filter(|c| keep.is_none_or(|k| wanted(c, k)))
        .map(|c| pruned(c, keep))
        .collect();
    copy
}

fn wanted(node: &Node, keep: &BTreeSet<NodeId>) -> bool {
    keep.contains(&node.id) || node.children.iter().any(|c| wanted(c, keep))
}

/// An id no template in `list` has, made from the time.
pub fn fresh_id(list: &[OfficeTemplate], now: f64) -> String {
    let mut n = list.len();
    loop {
        let id = format!("t{:x}{n}", now as u64);
        if list.iter().all(|t| t.id != id) {
            return id;
        }
        n += 1;
    }
}

/// What bringing in templates did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: usize,
    /// Already there, the same.
    pub same: usize,
}

/// Adds `incoming` to `list`: a template already there unchanged is skipped, one whose id is
/// taken by a different template comes in under a new id. Nothing is replaced.
pub fn merge(list: &mut Vec<OfficeTemplate>, incoming: &[OfficeTemplate], now: f64) -> Merged {
    let mut merged = Merged::default();
    for template in incoming {
        let same = |t: &OfficeTemplate| {
            t.name == template.name && t.note == template.note && t.nodes == template.nodes
        };
        if list.iter().any(same) {
            merged.same += 1;
            continue;
        }
        let mut template = template.clone();
        if template.id.is_empty() || list.iter().any(|t| t.id == template.id) {
            template.id = fresh_id(list, now);
        }
        list.push(template);
        merged.added += 1;
    }
    merged
}

#[derive(Serialize, Deserialize)]
struct TemplatesFile {
    format: String,
    schema: u32,
    templates: Vec<OfficeTemplate>,
}

/// The file templates are shared in.
pub fn to_json(templates: &[OfficeTemplate]) -> String {
    serde_json::to_string_pretty(&TemplatesFile {
        format: TEMPLATES_FORMAT.into(),
        schema: SCHEMA,
        templates: templates.to_vec(),
    })
    .expect("templates always serialise")
}

/// Reads a templates file: its mark, its schema (migrated), every template checked.
pub fn from_json(text: &str) -> Result<Vec<OfficeTemplate>, FileError> {
    let mut value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| FileError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(TEMPLATES_FORMAT) {
        return Err(FileError::Damaged("这不是要点导出的模板文件".into()));
    }
    file::migrate(&mut value)?;
    let parsed: TemplatesFile =
        file::from_migrated(&value).map_err(|e| FileError::Damaged(e.to_string()))?;
    for template in &parsed.templates {
        check(template)?;
    }
    Ok(parsed.templates)
}

/// A template's tree is at most four levels deep and its ids are unique.
pub fn check(template: &OfficeTemplate) -> Result<(), FileError> {
    let mut seen = BTreeSet::new();
    fn walk(nodes: &[Node], depth: usize, seen: &mut BTreeSet<NodeId>) -> bool {
        nodes.iter().all(|n| {
            depth < super::model::MAX_DEPTH
                && seen.insert(n.id)
                && walk(&n.children, depth + 1, seen)
        })
    }
    if template.nodes.is_empty() || !walk(&template.nodes, 0, &mut seen) {
        return Err(FileError::Damaged(format!(
            "模板「{}」的内容不完整",
            template.name
        )));
    }
    Ok(())
}
