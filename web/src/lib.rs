//! Yaodian's browser UI: thin Leptos components over the `yaodian` library.
//!
//! Components show state and send intents to [`state::AppState`]; they hold no document rules.
//!
//! The folders match what the user sees: [`library`] (the plan list, import, backup and
//! storage, comparison), [`editor`] (one file per tab; `editor::jump` a leaf every tab may use),
//! [`state`] (route, toasts, the open plan, the library, saving and the two-tab logic). Below
//! them, [`platform`]: the browser (storage, Web Locks, files, clipboard), the export worker,
//! the panic guard, parts loaded on demand; and [`text_box`], the one shared widget.

pub mod app;
pub mod editor;
pub mod library;
pub mod platform;
pub mod state;
mod text_box;

pub use platform::{browser, lazy, panic, storage, worker};

/// Mounts the app on the page's body, below the frame the page painted from HTML; the frame
/// goes when the first page is shown (its part loaded, [`lazy::lazy`]), so that nothing
/// smaller is painted in between.
pub fn start() {
    browser::mark("yaodian:main");
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
