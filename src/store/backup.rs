//! The whole library in one file (all plans with their snapshots and the trash, the roster,
//! and, as they are, every value this build cannot read: values set aside and values of a
//! newer version), and reading it back without ever replacing a plan unasked or
//! half-importing a bad file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::envelope;
use super::keys::{self, Kind};
use super::snapshots::Snapshot;
use super::{Library, PlanMeta, Store, StoreError};
use crate::plan::file::{self, FileError, SCHEMA};
use crate::plan::model::{Plan, Role};
use crate::plan::office_templates::{self, OfficeTemplate};
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
    /// The office's own templates (none in backups of schema 1 and 2).
    #[serde(default)]
    pub templates: Vec<OfficeTemplate>,
    /// Packets received and being filled in (none in backups before schema 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packets: Vec<crate::ledger::packet::Packet>,
    pub plans: Vec<BackupPlan>,
    /// Stored values this build cannot read, by key, exactly as stored.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub raw: BTreeMap<String, String>,
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
    /// Templates brought in (added, or replacing one of the same id when asked).
    pub templates: usize,
}

/// The name a backup downloads under: `要点备份-2026-12-01.json`.
pub fn backup_file_name(day: crate::plan::model::Day) -> String {
    format!("要点备份-{}.json", day.iso())
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
            file::from_migrated(&value).map_err(|e| FileError::Damaged(e.to_string()))?;
        for entry in &mut backup.plans {
            entry.plan.repair_next_id();
            if entry.meta.id.is_empty() || entry.meta.id.contains('/') {
                return Err(FileError::Damaged("计划编号不正确".into()));
            }
        }
        for template in &backup.templates {
            office_templates::check(template)?;
        }
        if backup
            .raw
            .keys()
            .any(|key| Kind::of(key).is_none_or(|kind| matches!(kind, Kind::Draft(_))))
        {
            return Err(FileError::Damaged("备份中有不属于要点的数据".into()));
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
        // The list's plans, then any stored plan the list lacks (the list may be a newer
        // version's, or unreadable).
        let mut metas = self.index.clone();
        for meta in self.rebuild_index() {
            if metas.iter().all(|m| m.id != meta.id) {
                metas.push(meta);
            }
        }
        let plans = metas
            .iter()
            .filter_map(|meta| {
                Some(BackupPlan {
                    meta: meta.clone(),
                    plan: self.load(&meta.id).ok()?,
                    snapshots: self.snapshots(&meta.id),
                })
            })
            .collect();
        let raw = self
            .everything()
            .into_iter()
            .filter(|(key, value)| {
                let kind = Kind::of(key).expect("everything() holds Yaodian keys");
                matches!(kind, Kind::Aside(_)) || envelope::check(&kind, value).is_err()
            })
            .collect();
        Backup {
            format: BACKUP_FORMAT.into(),
            schema: SCHEMA,
            roster: self.roster(),
            templates: self.templates(),
            packets: self.packets(),
            plans,
            raw,
        }
    }

    /// Titles of the backup's plans that the library already has (by id).
    pub fn conflicts(&self, backup: &Backup) -> Vec<String> {
        backup
            .plans
            .iter()
            .filter(|p| self.store.get(&keys::plan(&p.meta.id)).is_some())
            .map(|p| p.meta.title.clone())
            .collect()
    }

    /// Brings the backup in; names are added to the roster, raw values are put where nothing
    /// is. On any failure every value is put back as it was, and checked.
    pub fn import_backup(
        &mut self,
        backup: &Backup,
        existing: Existing,
        now: f64,
    ) -> Result<ImportReport, StoreError> {
        self.refresh();
        let before = self.everything();
        let result = self.import_all(backup, existing, now);
        if let Err(error) = result {
            return Err(match self.put_back(&before) {
                Ok(()) => error,
                Err(not_back) => not_back,
            });
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
        let mut listed = Vec::new();
        for entry in &backup.plans {
            let id = &entry.meta.id;
            let known = self.store.get(&keys::plan(id)).is_some();
            match (known, existing) {
                (true, Existing::Skip) => report.skipped += 1,
                (true, Existing::Copy) => {
                    let copy = self.create(&entry.plan, now)?;
                    let snapshots = entry.snapshots.clone();
                    self.change_snapshots(&copy, |list| *list = snapshots)?;
                    report.copied += 1;
                }
                (true, Existing::Replace) | (false, _) => {
                    let key = keys::plan(id);
                    // Read first: the user chose to replace what is there now.
                    let _ = self.read_for_change(&key, file::from_json)?;
                    let revision = self.revision(id) + 1;
                    self.write_over(&key, &envelope::write_plan(&entry.plan, revision))?;
                    let snapshots = entry.snapshots.clone();
                    self.change_snapshots(id, |list| *list = snapshots)?;
                    listed.push(entry.meta.clone());
                    if known {
                        report.replaced += 1;
                    } else {
                        report.added += 1;
                    }
                }
            }
        }
        // A newer version's value goes back where it was (when nothing is there); the rest
        // were unreadable, and come back as values set aside.
        for (key, value) in &backup.raw {
            let kind = Kind::of(key).expect("checked when read");
            let newer = matches!(envelope::check(&kind, value), Err(FileError::TooNew(_)));
            if matches!(kind, Kind::Aside(_)) || !newer {
                let original = match kind {
                    Kind::Aside(original) => original,
                    _ => key.clone(),
                };
                if !self.set_aside(&original, value) {
                    return Err(StoreError::Full);
                }
            } else if self.store.get(key).is_none() {
                self.write_over(key, value)?;
            }
        }
        self.change_roster(|roster| {
            for name in &backup.roster.leaders {
                roster.add(Role::Leader, name);
            }
            for name in &backup.roster.departments {
                roster.add(Role::Lead, name);
            }
        })?;
        let (_, brought) = self.change_templates(|list| {
            let mut brought = 0;
            for template in &backup.templates {
                if list.contains(template) {
                    continue;
                }
                match list.iter().position(|t| t.id == template.id) {
                    None => list.push(template.clone()),
                    Some(_) if existing == Existing::Skip => continue,
                    Some(at) if existing == Existing::Replace => list[at] = template.clone(),
                    Some(_) => {
                        let id = office_templates::fresh_id(list, now);
                        list.push(OfficeTemplate {
                            id,
                            ..template.clone()
                        });
                    }
                }
                brought += 1;
            }
            brought
        })?;
        report.templates = brought;
        // A packet of the backup replaces the library's of the same plan, round and department
        // only when asked; else the library's (being filled in) is kept.
        self.change_packets(|list| {
            for packet in &backup.packets {
                match list.iter().position(|p| p.key() == packet.key()) {
                    None => list.push(packet.clone()),
                    Some(at) if existing == Existing::Replace => list[at] = packet.clone(),
                    Some(_) => {}
                }
            }
        })?;
        self.change_index(|index| {
            for meta in listed {
                index.retain(|m| m.id != meta.id);
                index.push(meta);
            }
        })?;
        Ok(report)
    }
}
