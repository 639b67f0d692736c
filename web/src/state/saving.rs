//! Saving the open plan: typing is saved when it pauses, everything else at once; what
//! waits is flushed before the page goes away; a save that fails keeps the changes (drafts)
//! and offers the plan file; persistent storage is asked for.

use super::{AppState, Toast, ToastAction};
use crate::browser;
use crate::storage::drafts;
use leptos::prelude::*;
use yaodian::plan::file;
use yaodian::store::StoreError;

/// How long typing may pause before it is saved. Anything else is saved at once, and leaving
/// the plan, blurring the field, hiding or closing the page save what waits.
const TYPING_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

impl AppState {
    /// Saves once typing pauses: a keystroke costs no serialisation, however large the plan.
    pub(super) fn save_soon(self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        // After a short pause, in idle time: the save never delays the paint of a keystroke.
        set_timeout(
            move || browser::when_idle(TYPING_SAVE_DELAY.as_millis() as u32, move || self.flush()),
            TYPING_SAVE_DELAY,
        );
    }

    /// Drops a waiting save (the plan shown was just replaced by the stored one).
    pub(crate) fn forget_pending(self) {
        self.pending.set_value(false);
    }

    /// Whether the open plan has changes not yet written (waiting or failed).
    pub fn unsaved(self) -> bool {
        self.pending.get_value() || self.queued.get_value() || !self.saved.get_untracked()
    }

    /// Ends a typing run so the next keystroke is a new undo step, and saves what waits.
    pub fn seal(self) {
        self.flush();
        self.open.update_untracked(|o| {
            if let Some(o) = o {
                o.editor.seal();
            }
        });
    }

    /// Saves the open plan as soon as this tab holds the storage lock.
    pub(crate) fn save(self) {
        self.pending.set_value(false);
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        self.locked(move || {
            // Unless a save since (leaving the plan, the page hidden) stored it already.
            if self.queued.get_value() {
                self.save_now();
            }
        });
    }

    /// Writes the open plan to storage over the revision it was loaded at; on failure the plan
    /// in memory stays as it is, is kept as a draft in the tab's session storage, and the
    /// message offers to export it.
    pub(crate) fn save_now(self) {
        self.pending.set_value(false);
        self.queued.set_value(false);
        if crate::panic::panicked() {
            return;
        }
        let result = self.open.with_untracked(|open| {
            open.as_ref().and_then(|o| {
                // Untracked: nothing on screen shows the stored copy while a plan is open.
                browser::measure("yaodian:save", || {
                    self.library.try_update_untracked(|l| {
                        l.save(&o.id, o.editor.plan(), o.revision, browser::now())
                    })
                })
            })
        });
        match result {
            Some(Ok(revision)) => {
                let id = self.open.try_update_untracked(|o| {
                    o.as_mut().map(|o| {
                        o.revision = revision;
                        o.id.clone()
                    })
                });
                if let Some(Some(id)) = id {
                    drafts::drop(&id);
                }
                self.saved.set(true);
                crate::panic::remember_unsaved(None);
            }
            Some(Err(StoreError::Conflict)) => self.keep_both(),
            Some(Err(StoreError::Gone)) => self.keep_as_copy(),
            Some(Err(e)) => self.not_saved(e.to_string()),
            None => {}
        }
    }

    /// The open plan's changes could not be stored: they stay in memory and in the tab's
    /// session storage, and the message offers the plan file.
    pub(crate) fn not_saved(self, why: String) {
        self.saved.set(false);
        let open = self.open.with_untracked(|o| {
            o.as_ref()
                .map(|o| (o.id.clone(), o.editor.plan().clone(), o.revision))
        });
        let Some((id, plan, revision)) = open else {
            return;
        };
        crate::panic::remember_unsaved(Some(file::to_json(&plan)));
        let kept = drafts::keep(&id, &plan, revision);
        self.toast.set(Some(Toast {
            text: if kept {
                format!("{why}（修改已暂存在本窗口中，刷新页面也不会丢失）")
            } else {
                why
            },
            error: true,
            action: Some(ToastAction::ExportPlan(id)),
        }));
    }

    // ---- the roster ----

    /// Saves what is not saved yet, in turn with other tabs (leaving a field).
    pub fn flush(self) {
        if self.unsaved() {
            self.save();
        }
    }

    /// Saves what is not saved yet, at once (the page is going away or hidden).
    pub fn flush_now(self) {
        if self.unsaved() {
            self.save_now();
        }
    }

    pub(super) fn request_persist(self) {
        let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
            return;
        };
        let Ok(promise) = manager.persist() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool());
            self.persisted.set(Some(granted == Some(true)));
        });
    }

    /// Downloads the open plan as it is in memory.
    pub fn export_open_plan(self) {
        if let Some(id) = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()))
        {
            self.export_plan(&id);
        }
    }

    /// Downloads a plan as this tab has it: open, kept as a draft, or else as stored.
    pub fn export_plan(self, id: &str) {
        let in_memory = |o: &crate::state::OpenPlan| {
            (o.id == id).then(|| (o.editor.plan().name(), file::to_json(o.editor.plan())))
        };
        let found = self
            .open
            .with_untracked(|o| o.as_ref().and_then(in_memory))
            .or_else(|| self.drafts.with_untracked(|d| d.iter().find_map(in_memory)))
            .or_else(|| {
                let plan = self.library.with_untracked(|l| l.load(id)).ok()?;
                Some((plan.name(), file::to_json(&plan)))
            });
        let Some((name, json)) = found else {
            self.error("找不到该计划");
            return;
        };
        let name = browser::file_name(&name, "json");
        self.report(
            browser::download(&name, "application/json", &json),
            format!("已下载 {name}，可在计划列表页用“导入计划文件”恢复"),
        );
    }

    /// The open plan's id and a copy of the plan as it is in memory.
    pub(super) fn open_plan_copy(self) -> Option<(String, yaodian::Plan)> {
        self.open
            .with_untracked(|o| o.as_ref().map(|o| (o.id.clone(), o.editor.plan().clone())))
    }

    // ---- backups ----
}
