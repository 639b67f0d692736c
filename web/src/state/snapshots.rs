//! Named versions of the open plan (snapshots), by time.

use super::AppState;
use crate::browser;
use leptos::prelude::*;
use yaodian::store::Snapshot;

impl AppState {
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
                    self.note_replaced();
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

    pub(super) fn change_snapshots(
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
}
