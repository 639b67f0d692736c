//! Finding, taking out and putting back nodes in a plan's tree.

use super::model::{Node, NodeId, Plan};

/// Where a node sits: its parent (None for the top level) and its index among its siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub parent: Option<NodeId>,
    pub index: usize,
}

impl Plan {
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        find(&self.nodes, id)
    }

    pub fn node_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        find_mut(&mut self.nodes, id)
    }

    /// Where the node sits, and its depth (0 = top level).
    pub fn place(&self, id: NodeId) -> Option<(Place, usize)> {
        locate(&self.nodes, None, 0, id)
    }

    /// The sibling list under `parent` (the top level for None).
    pub fn children(&self, parent: Option<NodeId>) -> Option<&Vec<Node>> {
        match parent {
            None => Some(&self.nodes),
            Some(id) => self.node(id).map(|n| &n.children),
        }
    }

    pub fn children_mut(&mut self, parent: Option<NodeId>) -> Option<&mut Vec<Node>> {
        match parent {
            None => Some(&mut self.nodes),
            Some(id) => self.node_mut(id).map(|n| &mut n.children),
        }
    }

    /// Takes the node (with its subtree) out of the tree.
    pub fn take(&mut self, id: NodeId) -> Option<(Node, Place)> {
        let (place, _) = self.place(id)?;
        let siblings = self.children_mut(place.parent)?;
        Some((siblings.remove(place.index), place))
    }

    /// Puts a node at `place`; the index is clamped to the sibling list.
    pub fn put(&mut self, node: Node, place: Place) -> bool {
        match self.children_mut(place.parent) {
            Some(siblings) => {
                let index = place.index.min(siblings.len());
                siblings.insert(index, node);
                true
            }
            None => false,
        }
    }

    /// Every node in document order with its depth.
    pub fn walk(&self) -> Vec<(&Node, usize)> {
        let mut out = Vec::new();
        fn go<'a>(nodes: &'a [Node], depth: usize, out: &mut Vec<(&'a Node, usize)>) {
            for node in nodes {
                out.push((node, depth));
                go(&node.children, depth + 1, out);
            }
        }
        go(&self.nodes, 0, &mut out);
        out
    }

    /// Allocates a fresh node id (O(1); `next_id` is kept above every id in the tree, see
    /// [`Plan::repair_next_id`] for plans from outside).
    pub fn fresh_id(&mut self) -> NodeId {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    /// Makes `next_id` exceed every id in the tree (for plans read from files).
    pub fn repair_next_id(&mut self) {
        let highest = self.walk().iter().map(|(n, _)| n.id).max().unwrap_or(0);
        self.next_id = self.next_id.max(highest + 1);
    }

    /// Gives every node of `node`'s subtree a fresh id.
    pub fn renumber_ids(&mut self, node: &mut Node) {
        node.id = self.fresh_id();
        for child in &mut node.children {
            self.renumber_ids(child);
        }
    }
}

/// Numbers `node`'s subtree in document order from `next` (for copies made outside a plan).
pub(crate) fn give_ids(node: &mut Node, next: &mut NodeId) {
    node.id = *next;
    *next += 1;
    for child in &mut node.children {
        give_ids(child, next);
    }
}

fn find(nodes: &[Node], id: NodeId) -> Option<&Node> {
    for node in nodes {
        if node.id == id {
            return Some(node);
        }
        if let Some(found) = find(&node.children, id) {
            return Some(found);
        }
    }
    None
}

fn find_mut(nodes: &mut [Node], id: NodeId) -> Option<&mut Node> {
    for node in nodes {
        if node.id == id {
            return Some(node);
        }
        if let Some(found) = find_mut(&mut node.children, id) {
            return Some(found);
        }
    }
    None
}

fn locate(
    nodes: &[Node],
    parent: Option<NodeId>,
    depth: usize,
    id: NodeId,
) -> Option<(Place, usize)> {
    for (index, node) in nodes.iter().enumerate() {
        if node.id == id {
            return Some((Place { parent, index }, depth));
        }
        if let Some(found) = locate(&node.children, Some(node.id), depth + 1, id) {
            return Some(found);
        }
    }
    None
}
