//! The open plan: every change is an `Edit` applied by the editor, and exactly what shows
//! it re-runs (see [`Scope`]); reads tracked by what they depend on.

use super::{AppState, OpenPlan, Scope, Toast, ToastAction};
use crate::browser;
use leptos::prelude::*;
use yaodian::ledger::year_choices;
use yaodian::plan::follow::FollowUp;
use yaodian::{Edit, Node, NodeId, Plan};

impl AppState {
    /// Changes the open plan and tells exactly who needs to know (see [`Scope`]).
    pub(crate) fn modify<T>(self, scope: Scope, f: impl FnOnce(&mut OpenPlan) -> T) -> Option<T> {
        let out = self
            .open
            .try_update_untracked(|o| o.as_mut().map(f))
            .flatten();
        self.changes
            .update_value(|(n, last)| (*n, *last) = (*n + 1, scope));
        self.changed.notify();
        match scope {
            Scope::Node(id) => self.node_trigger(id).notify(),
            Scope::Text => {}
            Scope::Shape => self.shape.notify(),
            Scope::All => {
                self.shape.notify();
                self.all_nodes.notify();
            }
        }
        if matches!(scope, Scope::Shape | Scope::All) {
            self.drop_triggers_of_removed_nodes();
        }
        out
    }

    /// The open plan was replaced or another was opened, outside [`AppState::modify`]: what keeps
    /// its own summary of the plan (see [`AppState::last_change`]) starts again.
    pub(super) fn note_replaced(self) {
        self.changes
            .update_value(|(n, last)| (*n, *last) = (*n + 1, Scope::All));
        self.drop_triggers_of_removed_nodes();
    }

    /// Per-node triggers go with their nodes.
    pub(super) fn drop_triggers_of_removed_nodes(self) {
        let ids: std::collections::HashSet<NodeId> = self
            .with_plan_untracked(|p| p.walk().iter().map(|(n, _)| n.id).collect())
            .unwrap_or_default();
        self.node_triggers
            .update_value(|map| map.retain(|id, _| ids.contains(id)));
    }

    /// The count of changes made so far and the scope of the last (tracked: re-runs on every
    /// change and when another plan is opened). What keeps its own summary of the plan
    /// updates it by the scope when it saw the change before, else starts again.
    pub(crate) fn last_change(self) -> (u64, Scope) {
        self.changed.track();
        self.open.track();
        self.changes.get_value()
    }

    pub(super) fn node_trigger(self, id: NodeId) -> ArcTrigger {
        self.node_triggers
            .try_update_value(|map| map.entry(id).or_default().clone())
            .unwrap_or_default()
    }

    /// Applies an edit to the open plan and saves it at once.
    pub fn edit(self, edit: Edit) {
        self.edit_applied(edit);
    }

    /// [`AppState::edit`], saying whether the edit was applied (else the reason is shown).
    pub fn edit_applied(self, edit: Edit) -> bool {
        // Several edits at once (a return accepted) may change several nodes' content: every
        // node is told, not only the shape.
        let scope = match (&edit, edit.scope()) {
            (Edit::Many(_), yaodian::Scope::Shape) => Scope::All,
            (_, scope) => Scope::from(scope),
        };
        let typing = edit.merge_key().is_some();
        let result = self.modify(scope, |o| o.editor.apply(edit));
        match result {
            Some(Ok(applied)) => {
                if typing {
                    self.save_soon();
                } else {
                    self.save();
                }
                if let Some(id) = applied.focus {
                    browser::focus_node(id);
                }
                true
            }
            Some(Err(e)) => {
                self.error(e.to_string());
                false
            }
            None => false,
        }
    }

    /// Deletes a node, offering the way back.
    pub fn delete_node(self, id: u32) {
        self.edit(Edit::Delete(id));
        self.toast.set(Some(Toast {
            text: "已删除该条目".into(),
            error: false,
            action: Some(ToastAction::Undo),
        }));
    }

    pub fn undo(self) {
        let done = self.modify(Scope::All, |o| o.editor.undo());
        if done == Some(true) {
            self.save();
        } else {
            self.info("没有可撤销的操作");
        }
    }

    pub fn redo(self) {
        let done = self.modify(Scope::All, |o| o.editor.redo());
        if done == Some(true) {
            self.save();
        } else {
            self.info("没有可重做的操作");
        }
    }

    /// Reads something from the open plan (tracked: re-runs on any change).
    pub fn with_plan<T>(self, f: impl FnOnce(&Plan) -> T) -> Option<T> {
        self.changed.track();
        self.open.with(|o| o.as_ref().map(|o| f(o.editor.plan())))
    }

    /// Reads what only changes with the plan's shape (nodes added, moved or removed; period,
    /// numbering): tracked, but not re-run while text is typed into one node.
    pub fn with_plan_shape<T>(self, f: impl FnOnce(&Plan) -> T) -> Option<T> {
        self.shape.track();
        self.open.track();
        self.with_plan_untracked(f)
    }

    /// The years of a multi-year plan (none for a plan of one year): the year choices of the
    /// ledger, views and summary.
    pub fn plan_years(self) -> Vec<i32> {
        self.with_plan_shape(|p| year_choices(p.period))
            .unwrap_or_default()
    }

    /// When deadlines warn (the warning days and the calendar; not the rounds): tracked like
    /// the shape, which their edits change.
    pub fn warnings(self) -> FollowUp {
        self.with_plan_shape(|p| FollowUp {
            rounds: Vec::new(),
            ..p.follow.clone()
        })
        .unwrap_or_default()
    }

    /// Reads something from the open plan without tracking.
    pub fn with_plan_untracked<T>(self, f: impl FnOnce(&Plan) -> T) -> Option<T> {
        self.open
            .with_untracked(|o| o.as_ref().map(|o| f(o.editor.plan())))
    }

    /// Reads one node of the open plan (tracked: re-runs when that node, or the whole plan,
    /// changes; not when another node does).
    pub fn with_node<T: Default>(self, id: u32, f: impl FnOnce(&Node) -> T) -> T {
        self.node_trigger(id).track();
        self.all_nodes.track();
        self.open.track();
        self.with_plan_untracked(|p| p.node(id).map(f))
            .flatten()
            .unwrap_or_default()
    }

    pub fn can_undo(self) -> bool {
        self.changed.track();
        self.open
            .with(|o| o.as_ref().is_some_and(|o| o.editor.can_undo()))
    }

    pub fn can_redo(self) -> bool {
        self.changed.track();
        self.open
            .with(|o| o.as_ref().is_some_and(|o| o.editor.can_redo()))
    }
}
