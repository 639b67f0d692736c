//! The whole library in one file (all plans with their snapshots and the trash, the roster),
//! and reading it back without ever replacing a plan unasked or half-importing a bad file.

use serde::{Deserialize, Serialize};

use super::library::{plan_key, INDEX_KEY, ROSTER_KEY};
use super::snapshots::{snapshots_key, Snapshot};
use super::{Library, PlanMeta, Store, StoreError};
use crate::plan::file::{self, FileError, SCHEMA};
use crate::plan::model::Plan;
use crate::plan::roster::Roster;

/// Marks a JSON document as a Yaodian library backup.
pub const BACKUP_FORMAT: &str = "yaodian-library";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupPlan {
    pub meta: PlanMeta,
    pub plan: Plan,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
}

/// A whole library, as written to and read from a backup file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema: u32,
    pub roster: Roster,
    pub plans: Vec<BackupPlan>,
}

/// What to do with a plan of the backup that the library already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Keep the library's plan; skip the backup's.
    Skip,
    /// Keep both: the backup's comes in as a new plan.
    Copy,
    /// The backup's replaces the library's.
    Replace,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub copied: usize,
    pub replaced: usize,
    pub skipped: usize,
}

impl Backup {
    /// Reads a backup file; any problem in any part refuses the whole file.
    pub fn from_json(text: &str) -> Result<Backup, FileError> {
        let mut value: serde_json::Value =
            serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .map_err(|e| FileError::NotJson(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
            return Err(FileError::NotAPlan);
        }
        file::migrate(&mut value)?;
        let mut backup: Backup =
            serde_json::from_value(value).map_err(|e| FileError::Damaged(e.to_string()))?;
        for entry in &mut backup.plans {
            entry.plan.repair_next_id();
            if entry.meta.id.is_empty() || entry.meta.id.contains('/') {
                return Err(FileError::Damaged("计划编号不正确".into()));
            }
        }
        Ok(backup)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a backup always serialises")
    }
}

impl<S: Store> Library<S> {
    /// Everything in the library, plans in the order they were created.
    pub fn backup(&self) -> Backup {
        let plans = self
            .index
            .iter()
            .filter_map(|meta| {
                Some(BackupPlan {
                    meta: meta.clone(),
                    plan: self.load(&meta.id).ok()?,
                    snapshots: self.snapshots(&meta.id),
                })
            })
            .collect();
        Backup {
            format: BACKUP_FORMAT.into(),
            schema: SCHEMA,
            roster: self.roster(),
            plans,
        }
    }

    /// Titles of the backup's plans that the library already has (by id).
    pub fn conflicts(&self, backup: &Backup) -> Vec<String> {
        backup
            .plans
            .iter()
            .filter(|p| self.meta(&p.meta.id).is_some())
            .map(|p| p.meta.title.clone())
            .collect()
    }

    /// Brings the backup in; names are added to the roster. On any failure every value written
    /// so far is put back as it was.
    pub fn import_backup(
        &mut self,
        backup: &Backup,
        existing: Existing,
        now: f64,
    ) -> Result<ImportReport, StoreError> {
        self.writable()?;
        self.refresh();
        let keys = [INDEX_KEY.to_string(), ROSTER_KEY.to_string()]
            .into_iter()
            .chain(
                backup
                    .plans
                    .iter()
                    .flat_map(|p| [plan_key(&p.meta.id), snapshots_key(&p.meta.id)]),
            );
        let before: Vec<(String, Option<String>)> =
            keys.map(|k| (k.clone(), self.store.get(&k))).collect();
        let index_before = self.index.clone();
        let result = self.import_all(backup, existing, now);
        if result.is_err() {
            for (key, value) in &before {
                match value {
                    Some(value) => {
                        let _ = self.store.set(key, value);
                    }
                    None => self.store.remove(key),
                }
            }
            self.index = index_before;
            // Copies made under new ids are removed too.
            let known: Vec<String> = self.index.iter().map(|m| plan_key(&m.id)).collect();
            for key in self.store.keys() {
                if key.starts_with("yaodian/plan/") && !known.contains(&key) {
                    self.store.remove(&key);
                }
            }
        }
        result
    }

    fn import_all(
        &mut self,
        backup: &Backup,
        existing: Existing,
        now: f64,
    ) -> Result<ImportReport, StoreError> {
        let mut report = ImportReport::default();
        for entry in &backup.plans {
            let id = &entry.meta.id;
            let known = self.meta(id).is_some();
            match (known, existing) {
                (true, Existing::Skip) => report.skipped += 1,
                (true, Existing::Copy) => {
                    let copy = self.create(&entry.plan, now)?;
                    self.write_snapshots(&copy, entry.snapshots.clone())?;
                    report.copied += 1;
                }
                (true, Existing::Replace) | (false, _) => {
                    let revision = self.revision(id);
                    self.save_imported(entry, revision + 1)?;
                    if known {
                        report.replaced += 1;
                    } else {
                        report.added += 1;
                    }
                }
            }
        }
        let mut roster = self.roster();
        for name in &backup.roster.leaders {
            roster.add(crate::plan::model::Role::Leader, name);
        }
        for name in &backup.roster.departments {
            roster.add(crate::plan::model::Role::Lead, name);
        }
        self.save_roster(&roster)?;
        self.write_index()?;
        Ok(report)
    }

    /// Writes a backup's plan under its own id with its own metadata.
    fn save_imported(
        &mut self,
        entry: &super::backup::BackupPlan,
        revision: u64,
    ) -> Result<(), StoreError> {
        let id = &entry.meta.id;
        let value = serde_json::json!({
            "format": file::FORMAT,
            "schema": SCHEMA,
            "revision": revision,
            "plan": entry.plan,
        });
        self.write(&plan_key(id), &value.to_string())?;
        self.write_snapshots(id, entry.snapshots.clone())?;
        self.index.retain(|m| &m.id != id);
        self.index.push(entry.meta.clone());
        Ok(())
    }
}
