//! Whole-library backups, and values that could not be read (set aside).

use super::{AppState, Route};
use crate::browser;
use leptos::prelude::*;
use yaodian::store::backup_file_name;
use yaodian::store::{Backup, Existing};

impl AppState {
    /// Downloads the whole library (plans, trash, snapshots, roster, templates) as one file, after every change already asked for (a plan deleted a
    /// moment ago is in the trash of the backup, not in its list).
    pub fn export_library(self) {
        self.locked(move || {
            let json = self.library.with_untracked(|l| l.backup().to_json());
            let name = backup_file_name(browser::today());
            self.report(
                browser::download(&name, "application/json", &json),
                format!("已下载全部数据的备份 {name}"),
            );
        });
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

    pub(super) fn import_backup_now(self, backup: &Backup, existing: Existing) {
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
                let templates = match report.templates {
                    0 => String::new(),
                    n => format!("；本单位模板 {n} 个"),
                };
                self.info(format!("备份已导入：计划{}{templates}", parts.join("，")));
            }
            Some(Err(e)) => self.error(format!("导入备份失败，已逐项核对恢复原状：{e}")),
            None => {}
        }
    }

    // ---- snapshots of the open plan ----

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
