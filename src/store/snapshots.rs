//! Named versions of a plan (e.g. 报送稿) kept beside it, to restore later.

use serde::{Deserialize, Serialize};

use super::library::{read_versioned, Versioned};
use super::{Library, Store, StoreError};
use crate::plan::file::SCHEMA;
use crate::plan::model::Plan;

pub(super) fn snapshots_key(id: &str) -> String {
    format!("yaodian/snapshots/{id}")
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub name: String,
    /// Milliseconds since the epoch.
    pub time: f64,
    pub plan: Plan,
}

#[derive(Default, Serialize, Deserialize)]
pub(super) struct Snapshots {
    pub snapshots: Vec<Snapshot>,
}

impl<S: Store> Library<S> {
    /// The plan's snapshots, oldest first (none when the value cannot be read).
    pub fn snapshots(&self, id: &str) -> Vec<Snapshot> {
        self.store
            .get(&snapshots_key(id))
            .and_then(|raw| read_versioned::<Snapshots>(&raw).ok())
            .map(|s| s.snapshots)
            .unwrap_or_default()
    }

    pub(super) fn write_snapshots(
        &mut self,
        id: &str,
        snapshots: Vec<Snapshot>,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let key = snapshots_key(id);
        if snapshots.is_empty() {
            self.store.remove(&key);
            return Ok(());
        }
        let value = Versioned {
            schema: SCHEMA,
            value: Snapshots { snapshots },
        };
        self.write(
            &key,
            &serde_json::to_string(&value).expect("snapshots serialise"),
        )
    }

    /// Keeps `plan` as a named version of plan `id`.
    pub fn add_snapshot(
        &mut self,
        id: &str,
        name: &str,
        plan: &Plan,
        now: f64,
    ) -> Result<(), StoreError> {
        let mut snapshots = self.snapshots(id);
        let name = name.trim();
        snapshots.push(Snapshot {
            name: if name.is_empty() {
                "未命名版本".into()
            } else {
                name.to_string()
            },
            time: now,
            plan: plan.clone(),
        });
        self.write_snapshots(id, snapshots)
    }

    pub fn remove_snapshot(&mut self, id: &str, index: usize) -> Result<(), StoreError> {
        let mut snapshots = self.snapshots(id);
        if index < snapshots.len() {
            snapshots.remove(index);
        }
        self.write_snapshots(id, snapshots)
    }

    /// The plan of snapshot `index`, after keeping `current` as a snapshot named 恢复前的版本
    /// (so a restore can itself be undone). The caller saves the returned plan.
    pub fn restore_snapshot(
        &mut self,
        id: &str,
        index: usize,
        current: &Plan,
        now: f64,
    ) -> Result<Plan, StoreError> {
        let snapshots = self.snapshots(id);
        let Some(chosen) = snapshots.get(index) else {
            return Err(StoreError::Unavailable("找不到该版本".into()));
        };
        let plan = chosen.plan.clone();
        let name = format!("恢复「{}」前的版本", chosen.name);
        self.add_snapshot(id, &name, current, now)?;
        Ok(plan)
    }
}
