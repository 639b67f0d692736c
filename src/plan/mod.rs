//! The plan: model, derived numbering, edits with undo, roster, templates, plan file.

pub mod edit;
pub mod editor;
pub mod file;
pub mod model;
pub mod numbering;
pub mod roster;
pub mod templates;
pub mod tree;
