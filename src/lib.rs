//! Yaodian's document logic: a pure library with no browser dependency.
//!
//! The modules read as the pipeline: [`import`] (text, .docx) → [`plan`] (model, numbering,
//! edits) → [`export`] (text, outline, .docx, .xlsx); [`ledger`] follows the tasks through the
//! year. [`store`] keeps plans behind a small key-value interface that the browser implements
//! over localStorage and tests implement in memory. [`office`] wraps the .docx/.xlsx work as
//! data for the browser's export worker.
//!
//! Feature `office` (default) brings docx-rs, rust_xlsxwriter and zip: `export::docx`,
//! `export::xlsx`, `import::docx` and `office::run`. The browser's editor builds without it.

pub mod export;
pub mod import;
pub mod ledger;
pub mod office;
pub mod plan;
pub mod store;

pub use plan::edit::{Edit, EditError, NodeField, PlanField, Scope};
pub use plan::editor::Editor;
pub use plan::model::{
    CopyKind, Day, Deadline, Division, Extension, Ledger, Node, NodeId, NodeKind, Notice,
    NoticeField, Origin, Period, Plan, ProgressNote, Role, Status, YearTarget,
};
pub use plan::numbering::{LevelNumbering, NumberStyle, Numbering};
pub use plan::roster::{FontChoice, Roster};
