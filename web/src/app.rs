//! The page shell: header, the current page, messages, global shortcuts.

use leptos::ev;
use leptos::prelude::*;

use crate::editor::EditorPage;
use crate::lazy::{lazy, lazy_view};
use crate::library::compare::ComparePage;
use crate::library::packet::PacketPage;
use crate::library::LibraryPage;
use crate::state::{use_state, AppState, Route};

// Every page loads when first shown: the first download is the shell (state, storage, messages).
lazy_view!(fn library_page() in library => view! { <LibraryPage/> });
lazy_view!(pub fn editor_page() in editor => view! { <EditorPage/> });
lazy_view!(fn compare_page(old: String, new: String) in compare => view! { <ComparePage old new/> });
lazy_view!(fn packet_page(id: String) in packet => view! { <PacketPage id/> });

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    state.watch();

    // Which page to show; a memo, so that edits to the open plan do not rebuild the page.
    let page = Memo::new(move |_| match state.route.get() {
        Route::Plan(id) if state.open.with(|o| o.as_ref().is_some_and(|o| o.id == id)) => {
            Route::Plan(id)
        }
        Route::Plan(_) => Route::Library,
        other => other,
    });
    let on_hash = window_event_listener(ev::hashchange, move |_| state.follow_hash());
    on_cleanup(move || on_hash.remove());

    view! {
        <div class="app">
            {move || match page.get() {
                Route::Plan(_) => lazy(editor_page, |build| build()).into_any(),
                Route::Compare(old, new) => lazy(compare_page, move |build| build(old.clone(), new.clone())).into_any(),
                Route::Library => lazy(library_page, |build| build()).into_any(),
                Route::Packet(id) => lazy(packet_page, move |build| build(id.clone())).into_any(),
            }}
            <ToastBar/>
        </div>
    }
}

#[component]
fn ToastBar() -> impl IntoView {
    let state = use_state();
    // Information fades after a while; errors stay until closed.
    Effect::new(move |_| {
        let Some(toast) = state.toast.get() else {
            return;
        };
        if toast.error {
            return;
        }
        let seconds = if toast.action.is_some() { 10 } else { 4 };
        set_timeout(
            move || {
                if state.toast.get_untracked().as_ref() == Some(&toast) {
                    state.toast.set(None);
                }
            },
            std::time::Duration::from_secs(seconds),
        );
    });
    move || {
        state.toast.get().map(|toast| {
            let action = toast.action.clone();
            view! {
                <div class="toast" class:error=toast.error role="status" aria-live="polite">
                    <span class="toast-text">{toast.text.clone()}</span>
                    {action.map(|action| {
                        let label = action.label();
                        view! {
                            <button class="toast-action" on:click=move |_| state.toast_action(action.clone())>
                                {label}
                            </button>
                        }
                    })}
                    <button class="toast-close" title="关闭" on:click=move |_| state.toast.set(None)>"×"</button>
                </div>
            }
        })
    }
}
