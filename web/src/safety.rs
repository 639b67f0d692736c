//! What keeps an office's work safe in the browser: two tabs on one plan, flushing before the
//! page goes away, persistent storage, whole-library backups, snapshots, and values set aside.

use leptos::ev;
use leptos::prelude::*;
use yaodian::plan::file;
use yaodian::store::keys::Kind;
use yaodian::store::{Backup, Existing, LoadError, Snapshot};

use crate::browser;
use crate::state::{AppState, Route};

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
    fn other_tab_wrote(self, key: Option<String>) {
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
    fn follow_stored(self, id: &str) {
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
                        o.editor.replace(plan);
                        o.revision = newer;
                    }
                });
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
                        o.editor.replace(theirs);
                        o.revision = revision;
                    }
                });
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

    fn request_persist(self) {
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
    fn open_plan_copy(self) -> Option<(String, yaodian::Plan)> {
        self.open
            .with_untracked(|o| o.as_ref().map(|o| (o.id.clone(), o.editor.plan().clone())))
    }

    // ---- backups ----

    /// Downloads the whole library (plans, trash, snapshots, roster) as one file.
    pub fn export_library(self) {
        let json = self.library.with_untracked(|l| l.backup().to_json());
        let day = browser::today();
        let name = format!("要点备份-{}.json", day.iso());
        self.report(
            browser::download(&name, "application/json", &json),
            format!("已下载全部数据的备份 {name}"),
        );
    }

    /// Reads a backup file; None (with the message shown) when it cannot be used.
    pub fn read_backup(self, text: &str) -> Option<(Backup, Vec<String>)> {
        match Backup::from_json(text) {
            Ok(backup) => {
                let conflicts = self.library.with_untracked(|l| l.conflicts(&backup));
                Some((backup, conflicts))
            }
            Err(e) => {
                self.error(format!("无法导入备份，未做任何修改：{e}"));
                None
            }
        }
    }

    pub fn import_backup(self, backup: &Backup, existing: Existing) {
        let backup = backup.clone();
        self.locked(move || self.import_backup_now(&backup, existing));
    }

    fn import_backup_now(self, backup: &Backup, existing: Existing) {
        let result = self
            .library
            .try_update(|l| l.import_backup(backup, existing, browser::now()));
        match result {
            Some(Ok(report)) => {
                self.roster.set(self.library.with_untracked(|l| l.roster()));
                let mut parts = vec![format!("新增 {} 个", report.added)];
                if report.replaced > 0 {
                    parts.push(format!("覆盖 {} 个", report.replaced));
                }
                if report.copied > 0 {
                    parts.push(format!("另存副本 {} 个", report.copied));
                }
                if report.skipped > 0 {
                    parts.push(format!("保留原有 {} 个", report.skipped));
                }
                self.info(format!("备份已导入：计划{}", parts.join("，")));
            }
            Some(Err(e)) => self.error(format!("导入备份失败，已逐项核对恢复原状：{e}")),
            None => {}
        }
    }

    // ---- snapshots of the open plan ----

    /// What the open plan takes in storage: (the plan, its snapshots), in UTF-16 units.
    pub fn open_plan_usage(self) -> (usize, usize) {
        let id = self.open.with(|o| o.as_ref().map(|o| o.id.clone()));
        id.map(|id| self.library.with(|l| l.usage_of(&id)))
            .unwrap_or_default()
    }

    pub fn snapshots(self) -> Vec<Snapshot> {
        let id = self.open.with(|o| o.as_ref().map(|o| o.id.clone()));
        id.map(|id| self.library.with(|l| l.snapshots(&id)))
            .unwrap_or_default()
    }

    pub fn add_snapshot(self, name: &str) {
        let name = name.to_string();
        self.locked(move || {
            let Some((id, plan)) = self.open_plan_copy() else {
                return;
            };
            let result = self
                .library
                .try_update(|l| l.add_snapshot(&id, &name, &plan, browser::now()));
            if let Some(result) = result {
                self.report(
                    result.map_err(|e| e.to_string()),
                    format!("已保存版本「{}」", name.trim()),
                );
            }
        });
    }

    /// Restores the snapshot made at `time` (the current state is kept as a snapshot first;
    /// Ctrl+Z also works).
    pub fn restore_snapshot(self, time: f64) {
        self.locked(move || {
            let Some((id, current)) = self.open_plan_copy() else {
                return;
            };
            let restored = self
                .library
                .try_update(|l| l.restore_snapshot(&id, time, &current, browser::now()));
            match restored {
                Some(Ok(plan)) => {
                    self.open.update(|o| {
                        if let Some(o) = o {
                            o.editor.replace(plan);
                        }
                    });
                    self.save_now();
                    self.info("已恢复该版本；恢复前的内容已另存为一个版本");
                }
                Some(Err(e)) => self.error(e.to_string()),
                None => {}
            }
        });
    }

    pub fn remove_snapshot(self, time: f64) {
        self.change_snapshots(move |l, id| l.remove_snapshot(id, time).map(|()| 1));
    }

    /// Deletes all but the newest `keep` snapshots of the open plan.
    pub fn prune_snapshots(self, keep: usize) {
        self.change_snapshots(move |l, id| l.prune_snapshots(id, keep));
    }

    fn change_snapshots(
        self,
        change: impl FnOnce(
                &mut yaodian::store::Library<crate::storage::LocalStore>,
                &str,
            ) -> Result<usize, yaodian::store::StoreError>
            + 'static,
    ) {
        self.locked(move || {
            let Some(id) = self
                .open
                .with_untracked(|o| o.as_ref().map(|o| o.id.clone()))
            else {
                return;
            };
            if let Some(Err(e)) = self.library.try_update(|l| change(l, &id)) {
                self.error(e.to_string());
            }
        });
    }

    // ---- values set aside ----

    pub fn download_aside(self, key: &str) {
        let Some(raw) = self.library.with_untracked(|l| l.aside_value(key)) else {
            return;
        };
        let name = yaodian::store::keys::file_name(key);
        self.report(
            browser::download(&name, "text/plain;charset=utf-8", &raw),
            format!("已下载 {name}"),
        );
    }

    pub fn remove_aside(self, key: &str) {
        self.library.update(|l| l.remove_aside(key));
        if self.route.get_untracked() != Route::Library {
            self.go(Route::Library);
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page has a document")
}
