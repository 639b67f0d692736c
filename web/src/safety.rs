//! What keeps an office's work safe in the browser: two tabs on one plan, flushing before the
//! page goes away, persistent storage, whole-library backups, snapshots, and values set aside.

use leptos::ev;
use leptos::prelude::*;
use yaodian::plan::file;
use yaodian::store::{stored_revision, Backup, Existing, Snapshot};

use crate::browser;
use crate::state::{AppState, Route};

const INDEX_KEY: &str = "yaodian/index";

impl AppState {
    /// Listens for other tabs' writes and for the page going away. Call once.
    pub fn watch(self) {
        let storage = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            self.other_tab_wrote(e.key(), e.new_value());
        });
        let hide = window_event_listener(ev::pagehide, move |_| self.flush());
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
        on_cleanup(move || {
            storage.remove();
            hide.remove();
            visibility.remove();
        });
        self.request_persist();
    }

    /// Another tab changed a key: refresh the list, or take the open plan's newer revision.
    fn other_tab_wrote(self, key: Option<String>, value: Option<String>) {
        let Some(key) = key else {
            self.library.update(|l| {
                l.refresh();
            });
            return;
        };
        if key == INDEX_KEY {
            self.library.update(|l| {
                l.refresh();
            });
            return;
        }
        let open = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| (o.id.clone(), o.revision)));
        let Some((id, revision)) = open else {
            return;
        };
        if key != format!("yaodian/plan/{id}") {
            return;
        }
        let Some(value) = value else {
            self.error("此计划已在另一个窗口中被彻底删除；本窗口中的内容仍在，请导出计划文件保存");
            self.saved.set(false);
            return;
        };
        if stored_revision(&value) <= revision {
            return;
        }
        if self.unsaved() {
            // Both changed: keep both.
            self.keep_both();
            return;
        }
        match file::from_json(&value) {
            Ok(plan) => {
                let newer = stored_revision(&value);
                self.open.update(|o| {
                    if let Some(o) = o {
                        o.editor.replace(plan);
                        o.revision = newer;
                    }
                });
                self.info("此计划已在另一个窗口中修改，已载入最新内容");
            }
            Err(e) => self.error(format!(
                "另一个窗口写入的计划无法读取（{e}），本窗口保留现有内容"
            )),
        }
    }

    /// Another tab saved the open plan since this one loaded it, and this one has changes too:
    /// this tab's version becomes a new plan, and the stored one is loaded here.
    pub(crate) fn keep_both(self) {
        let Some((id, mut ours)) = self.open_plan_copy() else {
            return;
        };
        let stored = self.library.with_untracked(|l| l.load_revision(&id));
        let title = format!("{}（本窗口的版本）", ours.name());
        ours.title = title.clone();
        let copy = self.library.try_update(|l| l.create(&ours, browser::now()));
        match (copy, stored) {
            (Some(Ok(_)), Ok((theirs, revision))) => {
                self.open.update(|o| {
                    if let Some(o) = o {
                        o.editor.replace(theirs);
                        o.revision = revision;
                    }
                });
                self.saved.set(true);
                self.forget_pending();
                self.error(format!(
                    "此计划同时在另一个窗口中修改过。两份都已保留：这里显示另一个窗口保存的内容，本窗口的版本另存为「{title}」"
                ));
            }
            (Some(Err(e)), _) => {
                self.saved.set(false);
                self.error(format!(
                    "此计划已在另一个窗口中修改，本窗口的版本未能另存（{e}），请导出计划文件"
                ));
            }
            _ => {
                self.saved.set(false);
                self.error("此计划已在另一个窗口中修改或删除，请导出本窗口的计划文件保存");
            }
        }
    }

    /// Saves what is not saved yet (the page is going away or hidden).
    pub fn flush(self) {
        if self.unsaved() {
            self.save();
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
        let Some((name, json)) = self.with_plan_untracked(|p| (p.name(), file::to_json(p))) else {
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
            Some(Err(e)) => self.error(format!("导入备份失败，已恢复原状：{e}")),
            None => {}
        }
    }

    // ---- snapshots of the open plan ----

    pub fn snapshots(self) -> Vec<Snapshot> {
        let id = self.open.with(|o| o.as_ref().map(|o| o.id.clone()));
        id.map(|id| self.library.with(|l| l.snapshots(&id)))
            .unwrap_or_default()
    }

    pub fn add_snapshot(self, name: &str) {
        let Some((id, plan)) = self.open_plan_copy() else {
            return;
        };
        let result = self
            .library
            .try_update(|l| l.add_snapshot(&id, name, &plan, browser::now()));
        if let Some(result) = result {
            self.report(
                result.map_err(|e| e.to_string()),
                format!("已保存版本「{}」", name.trim()),
            );
        }
    }

    /// Restores a snapshot (the current state is kept as a snapshot first; Ctrl+Z also works).
    pub fn restore_snapshot(self, index: usize) {
        let Some((id, current)) = self.open_plan_copy() else {
            return;
        };
        let restored = self
            .library
            .try_update(|l| l.restore_snapshot(&id, index, &current, browser::now()));
        match restored {
            Some(Ok(plan)) => {
                self.open.update(|o| {
                    if let Some(o) = o {
                        o.editor.replace(plan);
                    }
                });
                self.save();
                self.info("已恢复该版本；恢复前的内容已另存为一个版本");
            }
            Some(Err(e)) => self.error(e.to_string()),
            None => {}
        }
    }

    pub fn remove_snapshot(self, index: usize) {
        let Some(id) = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()))
        else {
            return;
        };
        if let Some(Err(e)) = self.library.try_update(|l| l.remove_snapshot(&id, index)) {
            self.error(e.to_string());
        }
    }

    // ---- values set aside ----

    pub fn download_aside(self, key: &str) {
        let Some(raw) = self.library.with_untracked(|l| l.aside_value(key)) else {
            return;
        };
        let name = format!("{}.txt", key.replace('/', "_"));
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
