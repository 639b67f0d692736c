//! An open plan with its undo and redo history.

use super::edit::{Applied, Edit, EditError};
use super::model::Plan;

/// How many steps back undo reaches.
pub const UNDO_LIMIT: usize = 500;

/// The plan being edited, plus history. Every change goes through [`Editor::apply`].
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    plan: Plan,
    undo: Vec<Plan>,
    redo: Vec<Plan>,
    /// Merge key of the last edit, so typing in one field is one undo step.
    last_merge: Option<String>,
}

impl Editor {
    pub fn new(mut plan: Plan) -> Self {
        plan.repair_next_id();
        Editor {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            last_merge: None,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn into_plan(self) -> Plan {
        self.plan
    }

    /// Applies an edit; a failed edit changes nothing and records no history.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let key = edit.merge_key();
        if key.is_some() && key == self.last_merge && !self.undo.is_empty() {
            // Typing on in the same field: one undo step, so no copy of the plan is needed.
            let applied = edit.apply(&mut self.plan)?;
            self.redo.clear();
            return Ok(applied);
        }
        let before = self.plan.clone();
        let applied = edit.apply(&mut self.plan)?;
        if self.plan == before {
            return Ok(applied);
        }
        self.undo.push(before);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.last_merge = key;
        self.redo.clear();
        Ok(applied)
    }

    /// Takes `plan` as the new starting point, history and all: what another tab stored. Undo
    /// then never puts back a plan another tab's work replaced (and saves it over that work).
    pub fn load(&mut self, plan: Plan) {
        *self = Editor::new(plan);
    }

    /// Replaces the whole plan as one undoable step (e.g. restoring from a file).
    pub fn replace(&mut self, plan: Plan) {
        let plan = self.keeping_identity(plan);
        if plan != self.plan {
            self.undo.push(std::mem::replace(&mut self.plan, plan));
            self.redo.clear();
            self.last_merge = None;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps back; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(previous) => {
                let previous = self.keeping_identity(previous);
                self.redo.push(std::mem::replace(&mut self.plan, previous));
                self.last_merge = None;
                true
            }
            None => false,
        }
    }

    /// Steps forward again; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(next) => {
                let next = self.keeping_identity(next);
                self.undo.push(std::mem::replace(&mut self.plan, next));
                self.last_merge = None;
                true
            }
            None => false,
        }
    }

    /// Once packets went out under the plan's identity, no step back or forward takes it
    /// away: the departments' returns must still be known as this plan's.
    fn keeping_identity(&self, mut plan: Plan) -> Plan {
        if plan.follow.plan_id.is_empty() {
            plan.follow.plan_id = self.plan.follow.plan_id.clone();
        }
        plan
    }

    /// Ends the current typing run, so the next keystroke starts a new undo step.
    pub fn seal(&mut self) {
        self.last_merge = None;
    }
}
