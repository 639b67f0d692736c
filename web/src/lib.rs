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

/// Mounts the app on the page's body, in place of the frame the page painted from HTML.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
    if let Some(frame) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("frame"))
    {
        frame.remove();
    }
}
