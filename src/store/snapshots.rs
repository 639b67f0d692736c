//! Named versions of a plan (e.g. 报送稿) kept beside it, to restore later. Changed like the
//! roster: on the latest stored list, so two tabs keep each other's versions.

use serde::{Deserialize, Serialize};

use super::envelope;
use super::keys;
use super::{Library, Store, StoreError};
use crate::plan::model::Plan;

/// The name of a snapshot the user keeps, as typed: trimmed, and not blank.
pub fn snapshot_name(typed: &str) -> Result<String, &'static str> {
    match typed.trim() {
        "" => Err("请先填写版本名称，如“报送稿”"),
        name => Ok(name.to_string()),
    }
}

/// How many snapshots pruning keeps: the newest three.
pub const KEEP_RECENT: usize = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub name: String,
    /// Milliseconds since the epoch; with the name, what tells snapshots apart.
    pub time: f64,
    pub plan: Plan,
}

#[derive(Default, Serialize, Deserialize)]
pub(super) struct Snapshots {
    pub snapshots: Vec<Snapshot>,
}

impl<S: Store> Library<S> {
    /// The plan's snapshots, oldest first (none when the value cannot be read: then it is kept
    /// aside or left alone, and changing it says why it cannot).
    pub fn snapshots(&self, id: &str) -> Vec<Snapshot> {
        self.store
            .get(&keys::snapshots(id))
            .and_then(|raw| envelope::read::<Snapshots>(&raw).ok())
            .map(|s| s.snapshots)
            .unwrap_or_default()
    }

    /// Applies `change` to the plan's snapshots as stored now and stores them.
    pub(super) fn change_snapshots<T>(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut Vec<Snapshot>) -> T,
    ) -> Result<T, StoreError> {
        let key = keys::snapshots(id);
        let mut snapshots = self
            .read_for_change(&key, envelope::read::<Snapshots>)?
            .map(|s| s.snapshots)
            .unwrap_or_default();
        let before = snapshots.clone();
        let out = change(&mut snapshots);
        if snapshots == before {
            return Ok(out);
        }
        if snapshots.is_empty() {
            self.remove_value(&key);
        } else {
            self.write_over(&key, &envelope::write(Snapshots { snapshots }))?;
        }
        Ok(out)
    }

    /// Keeps `plan` as a named version of plan `id`.
    pub fn add_snapshot(
        &mut self,
        id: &str,
        name: &str,
        plan: &Plan,
        now: f64,
    ) -> Result<(), StoreError> {
        let name = name.trim();
        let snapshot = Snapshot {
            name: if name.is_empty() {
                "未命名版本".into()
            } else {
                name.to_string()
            },
            time: now,
            plan: plan.clone(),
        };
        self.change_snapshots(id, |list| list.push(snapshot))
    }

    /// Deletes the snapshot made at `time` (as listed; one another tab removed is no error).
    pub fn remove_snapshot(&mut self, id: &str, time: f64) -> Result<(), StoreError> {
        self.change_snapshots(id, |list| list.retain(|s| s.time != time))
    }

    /// Deletes all but the `keep` newest snapshots (the UI offers [`KEEP_RECENT`]); returns
    /// how many went.
    pub fn prune_snapshots(&mut self, id: &str, keep: usize) -> Result<usize, StoreError> {
        self.change_snapshots(id, |list| {
            let extra = list.len().saturating_sub(keep);
            list.drain(..extra);
            extra
        })
    }

    /// The plan of the snapshot made at `time`, after keeping `current` as a snapshot named
    /// 恢复「…」前的版本 (so a restore can itself be undone). The caller saves the returned plan.
    pub fn restore_snapshot(
        &mut self,
        id: &str,
        time: f64,
        current: &Plan,
        now: f64,
    ) -> Result<Plan, StoreError> {
        let snapshots = self.snapshots(id);
        let Some(chosen) = snapshots.iter().find(|s| s.time == time) else {
            return Err(StoreError::Unavailable("找不到该版本".into()));
        };
        let plan = chosen.plan.clone();
        let name = format!("恢复「{}」前的版本", chosen.name);
        self.add_snapshot(id, &name, current, now)?;
        Ok(plan)
    }
}
