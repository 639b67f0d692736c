//! The document library's and the CLI's tests, as one crate: one link step instead of one per
//! file. Shared helpers (the samples, the fixtures, the parts of a zip) are in [`common`].

mod common;

mod cli;
mod corpus;
mod editing;
mod export_docx;
mod export_table;
mod export_text;
mod follow;
mod fonts;
mod hostile;
mod import_family;
mod import_fuzz;
mod import_samples;
mod import_shapes;
mod import_tables;
mod ledger;
mod numbering;
mod office;
mod pages;
mod renderings;
mod reuse;
mod scopes;
mod storage;
mod storage_model;
