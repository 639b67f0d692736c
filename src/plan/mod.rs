//! The plan: model, derived numbering, edits with undo, roster, templates, plan file.

pub mod compare;
pub mod edit;
pub mod editor;
pub mod file;
pub mod follow;
pub mod model;
pub mod next_year;
pub mod numbering;
pub mod office_templates;
pub mod reuse;
pub mod roster;
pub mod templates;
pub mod tree;
