//! Two tabs on one library: other tabs' writes are followed as they happen; when both
//! changed the open plan, both versions are kept; a plan removed elsewhere is kept as a copy.

use super::{AppState, Route};
use crate::browser;
use leptos::ev;
use leptos::prelude::*;
use yaodian::store::keys::Kind;
use yaodian::store::LoadError;

impl AppState {
    /// Listens for other tabs' writes and for the page going away. Call once.
    pub fn watch(self) {
        let storage = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            self.other_tab_wrote(e.key());
        });
        // The page may be gone before a lock is granted: these save at once.
        let hide = window_event_listener(ev::pagehide, move |_| self.flush_now());
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush_now();
            }
        });
        // While something is not stored, closing or reloading the page asks first.
        let unload =
            window_event_listener(ev::beforeunload, move |e: web_sys::BeforeUnloadEvent| {
                self.flush_now();
                if self.unsaved() || self.drafts.with_untracked(|d| !d.is_empty()) {
                    e.prevent_default();
                    e.set_return_value(
                        "有修改尚未保存到浏览器存储中，离开后只保留在本窗口的暂存中。",
                    );
                }
            });
        on_cleanup(move || {
            storage.remove();
            hide.remove();
            visibility.remove();
            unload.remove();
        });
        self.request_persist();
        // A newer build was deployed while this page was open: save, then load it.
        crate::worker::on_stale(move || {
            self.flush_now();
            browser::reload();
        });
    }

    /// Another tab changed a key: refresh the list and the roster, or take the open plan's
    /// newer revision; an open plan removed there is kept here as one copy.
    pub(super) fn other_tab_wrote(self, key: Option<String>) {
        // Every list shown (plans, trash, snapshots, values set aside) reads the library.
        self.library.update(|l| {
            l.refresh();
        });
        let kind = key.as_deref().and_then(Kind::of);
        if key.is_none() || kind == Some(Kind::Roster) {
            self.roster.set(self.library.with_untracked(|l| l.roster()));
        }
        let Some(id) = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()))
        else {
            return;
        };
        if key.is_some() && kind != Some(Kind::Plan(id.clone())) {
            return;
        }
        // Decided in turn with this tab's own saves, on what is stored by then.
        self.locked(move || self.follow_stored(&id));
    }

    /// The open plan's stored value changed in another tab: take the newer revision, keep
    /// both when this tab has changes too, or keep this tab's as one copy when it was removed.
    pub(super) fn follow_stored(self, id: &str) {
        let Some(revision) = self
            .open
            .with_untracked(|o| o.as_ref().filter(|o| o.id == id).map(|o| o.revision))
        else {
            return;
        };
        match self.library.with_untracked(|l| l.load_revision(id)) {
            Err(LoadError::Missing) => self.keep_as_copy(),
            // Its next save sets the value aside and keeps this tab's as a copy.
            Err(LoadError::Unreadable(e)) => self.error(format!(
                "另一个窗口写入的计划无法读取（{e}），本窗口保留现有内容"
            )),
            Ok((_, newer)) if newer <= revision => {}
            Ok(_) if self.unsaved() => self.keep_both(),
            Ok((plan, newer)) => {
                self.open.update(|o| {
                    if let Some(o) = o {
                        o.editor.load(plan);
                        o.revision = newer;
                    }
                });
                self.note_replaced();
                self.info("此计划已在另一个窗口中修改，已载入最新内容");
            }
        }
    }

    /// Another tab saved the open plan since this one loaded it, and this one has changes too:
    /// this tab's version becomes a new plan, and the stored one is loaded here.
    pub(crate) fn keep_both(self) {
        let Some((id, mut ours)) = self.open_plan_copy() else {
            return;
        };
        let Ok((theirs, revision)) = self.library.with_untracked(|l| l.load_revision(&id)) else {
            // Removed meanwhile: kept as one copy instead.
            return self.keep_as_copy();
        };
        let title = format!("{}（本窗口的版本）", ours.name());
        ours.title = title.clone();
        match self.library.try_update(|l| l.create(&ours, browser::now())) {
            Some(Ok(_)) => {
                self.open.update(|o| {
                    if let Some(o) = o {
                        o.editor.load(theirs);
                        o.revision = revision;
                    }
                });
                self.note_replaced();
                crate::storage::drafts::drop(&id);
                self.saved.set(true);
                self.forget_pending();
                self.error(format!(
                    "此计划同时在另一个窗口中修改过。两份都已保留：这里显示另一个窗口保存的内容，本窗口的版本另存为「{title}」"
                ));
            }
            Some(Err(e)) => self.not_saved(format!(
                "此计划已在另一个窗口中修改，本窗口的版本未能另存（{e}）"
            )),
            None => {}
        }
    }

    /// The open plan is no longer stored (removed in another tab, or replaced by a value this
    /// build cannot save over): it is stored again as one new plan, which the tab goes on
    /// editing, and the user is told. However often it is saved after, there is one copy.
    pub(crate) fn keep_as_copy(self) {
        let Some((old, plan)) = self.open_plan_copy() else {
            return;
        };
        if self
            .library
            .with_untracked(|l| l.load_revision(&old))
            .is_ok()
        {
            // Stored again meanwhile (restored in another tab): saved over it as usual, which
            // keeps both if that copy differs.
            if self.unsaved() {
                self.save_now();
            }
            return;
        }
        let created = self.library.try_update(|l| l.create(&plan, browser::now()));
        match created {
            Some(Ok(id)) => {
                self.open.update(|o| {
                    if let Some(o) = o {
                        o.id = id.clone();
                        o.revision = 1;
                    }
                });
                self.note_replaced();
                crate::storage::drafts::drop(&old);
                crate::panic::remember_open(Some(&id));
                self.saved.set(true);
                self.forget_pending();
                self.go(Route::Plan(id));
                self.error(format!(
                    "此计划已不在本浏览器的存储中（可能已在另一个窗口中删除）。本窗口的内容已另存为计划「{}」，可继续编辑",
                    plan.name()
                ));
            }
            Some(Err(e)) => self.not_saved(format!(
                "此计划已不在本浏览器的存储中，本窗口的内容未能另存（{e}）"
            )),
            None => {}
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page has a document")
}
