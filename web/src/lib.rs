//! Yaodian's browser UI: thin Leptos components over the `yaodian` library.
//!
//! Components show state and send intents to [`state::AppState`]; they hold no document rules.

pub mod app;
pub mod browser;
mod checks_panel;
mod compare_page;
mod editor_page;
mod fields;
mod import_dialog;
mod lazy;
mod ledger_panel;
mod library_page;
mod panels;
pub mod panic;
mod people;
mod safety;
pub mod state;
pub mod storage;
mod storage_panel;
mod summary_panel;
mod tree_view;
mod views_panel;
pub mod worker;

/// Mounts the app on the page's body.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
