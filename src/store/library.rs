//! The office's library: every plan stored in this browser, the trash, and the roster, over
//! one [`Store`]. The key layout is [`super::keys`]'s, the stored form [`super::envelope`]'s.
//!
//! One set of rules for every kind of value (index, plan, roster, snapshots):
//! - every write is read back and compared ([`StoreError::Unverified`]);
//! - a value is replaced only when this handle read it as it is now (or wrote it): a value
//!   another tab wrote since is a [`StoreError::Conflict`], and changes are re-applied on the
//!   latest stored value (index, roster, snapshots) or saved over a revision (plans);
//! - a value this build cannot read is copied to `yaodian/aside/<key>` before anything could
//!   replace it, and never silently treated as empty; a value of a newer version is never
//!   replaced ([`StoreError::Newer`]); when a copy cannot be made, the value is left as it is
//!   and the write refused.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::envelope::{self, stored_revision};
use super::keys::{self, Kind};
use super::{Store, StoreError};
use crate::plan::file::{self, FileError};
use crate::plan::model::{Period, Plan};

/// What the library page shows of a plan without loading it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    pub id: String,
    /// The plan's [`Plan::name`].
    pub title: String,
    pub period: Period,
    /// Milliseconds since the epoch.
    pub created: f64,
    pub updated: f64,
    /// When it was put in the trash; None while it is in the library.
    #[serde(default)]
    pub deleted: Option<f64>,
}

impl PlanMeta {
    /// The entry of a stored plan the list had lost (its times unknown).
    fn found(id: &str, plan: Option<&Plan>) -> PlanMeta {
        PlanMeta {
            id: id.to_string(),
            title: plan.map(Plan::name).unwrap_or_default(),
            period: plan.map_or(Plan::default().period, |p| p.period),
            created: 0.0,
            updated: 0.0,
            deleted: None,
        }
    }
}

#[derive(Default, Serialize, Deserialize)]
pub(super) struct Index {
    pub plans: Vec<PlanMeta>,
}

/// Why a stored plan could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Missing,
    Unreadable(FileError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Missing => f.write_str("找不到该计划的数据，可能已在其他窗口中删除"),
            LoadError::Unreadable(e) => write!(f, "该计划的数据无法读取：{e}"),
        }
    }
}

/// A stored value that could not be read, kept under [`Aside::key`] for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aside {
    pub key: String,
    /// Where it was found.
    pub original: String,
    pub size: usize,
}

/// Why the index may not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Blocked {
    /// A newer version wrote it.
    Newer,
    /// It cannot be read and could not be copied aside (storage full): tried again later.
    Unkept,
}

/// The plans and roster kept in a [`Store`].
pub struct Library<S: Store> {
    pub(super) store: S,
    pub(super) index: Vec<PlanMeta>,
    /// The index as last read or written, to notice another tab's change.
    index_raw: Option<String>,
    /// Problems met while opening or changing, for the UI to show.
    pub warnings: Vec<String>,
    /// Set while the index must not be written (see [`Blocked`]): the library's list cannot
    /// change; plans can still be saved, exported, and values set aside deleted.
    pub read_only: Option<String>,
    blocked: Option<Blocked>,
    /// A fingerprint of each value as this handle last read it readable, or wrote it: only a
    /// value still equal to it may be replaced without reading it again.
    known: Mutex<HashMap<String, u64>>,
}

fn fingerprint(raw: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    raw.hash(&mut hasher);
    hasher.finish()
}

impl<S: Store> Library<S> {
    /// Opens the library: migrates old values, sets unreadable ones aside, rebuilds what it can.
    pub fn open(store: S) -> Self {
        let mut library = Library {
            store,
            index: Vec::new(),
            index_raw: None,
            warnings: Vec::new(),
            read_only: None,
            blocked: None,
            known: Mutex::default(),
        };
        match library.read_for_change(keys::INDEX, envelope::read::<Index>) {
            Ok(Some(index)) => {
                library.index = index.plans;
                library.index_raw = library.store.get(keys::INDEX);
            }
            Ok(None) => {}
            // Shown from the plans themselves, never written over.
            Err(_) if library.blocked == Some(Blocked::Unkept) => {
                library.index = library.rebuild_index();
            }
            Err(_) => return library,
        }
        library.check_values();
        library
    }

    /// Reads every stored value once: unreadable ones go aside, lost plans come back to the
    /// list, values of a newer version are named and left alone.
    fn check_values(&mut self) {
        // Every readable plan, with what the list shows of it.
        let mut plans: Vec<(String, Option<Plan>)> = Vec::new();
        for key in self.store.keys() {
            let Some(kind) = Kind::of(&key) else { continue };
            if matches!(kind, Kind::Index | Kind::Aside(_) | Kind::Draft(_)) {
                continue;
            }
            let Some(raw) = self.store.get(&key) else {
                continue;
            };
            let checked = match &kind {
                Kind::Plan(id) => file::from_json(&raw).map(|plan| {
                    plans.push((id.clone(), Some(plan)));
                }),
                kind => envelope::check(kind, &raw),
            };
            match checked {
                Ok(()) => self.remember(&key, &raw),
                Err(FileError::TooNew(schema)) => {
                    if let Kind::Plan(id) = kind {
                        plans.push((id, None));
                    }
                    self.warnings.push(format!(
                        "{}由较新版本的要点写入（数据版本 {schema}），本程序不能修改，已原样保留",
                        self.what(&key)
                    ));
                }
                Err(problem) => {
                    let what = self.what(&key);
                    if self.set_aside(&key, &raw) {
                        self.store.remove(&key);
                        self.warnings.push(format!(
                            "{what}无法读取（{problem}），已另存，可在计划列表下方下载原始数据"
                        ));
                    } else {
                        if let Kind::Plan(id) = kind {
                            plans.push((id, None));
                        }
                        self.warnings.push(format!(
                            "{what}无法读取（{problem}），存储空间不足以另存，已原样保留"
                        ));
                    }
                }
            }
        }
        let listed: Vec<String> = self.index.iter().map(|m| m.id.clone()).collect();
        let lost: Vec<PlanMeta> = plans
            .iter()
            .filter(|(id, _)| !listed.contains(id))
            .map(|(id, plan)| PlanMeta::found(id, plan.as_ref()))
            .collect();
        let gone = listed.iter().any(|id| plans.iter().all(|(p, _)| p != id));
        if (!lost.is_empty() || gone) && self.blocked.is_none() {
            let _ = self.change_index(|index| {
                for meta in lost {
                    if index.iter().all(|m| m.id != meta.id) {
                        index.push(meta);
                    }
                }
            });
        }
    }

    /// How a key is named in a message.
    fn what(&self, key: &str) -> String {
        let title = |id: &str| {
            self.meta(id)
                .map(|m| format!("「{}」", m.title))
                .unwrap_or_default()
        };
        match Kind::of(key) {
            Some(Kind::Index) => "计划列表数据".into(),
            Some(Kind::Roster) => "名册数据".into(),
            Some(Kind::Templates) => "本单位模板数据".into(),
            Some(Kind::Packets) => "收到的报送包数据".into(),
            Some(Kind::Plan(id)) => format!("计划{}的数据", title(&id)),
            Some(Kind::Snapshots(id)) => format!("计划{}的版本数据", title(&id)),
            _ => format!("数据 {key} "),
        }
    }

    fn remember(&self, key: &str, raw: &str) {
        self.known
            .lock()
            .expect("one thread")
            .insert(key.to_string(), fingerprint(raw));
    }

    fn is_known(&self, key: &str, raw: &str) -> bool {
        self.known.lock().expect("one thread").get(key) == Some(&fingerprint(raw))
    }

    /// Reads a value in order to change it. `Ok(None)`: there is none, or it could not be read
    /// and is now kept aside. `Err`: it must not be replaced (a newer version's, or unreadable
    /// and no copy could be made).
    pub(super) fn read_for_change<T>(
        &mut self,
        key: &str,
        parse: impl FnOnce(&str) -> Result<T, FileError>,
    ) -> Result<Option<T>, StoreError> {
        let Some(raw) = self.store.get(key) else {
            return Ok(None);
        };
        match parse(&raw) {
            Ok(value) => {
                self.remember(key, &raw);
                if key == keys::INDEX {
                    self.unblock();
                }
                Ok(Some(value))
            }
            Err(FileError::TooNew(schema)) => {
                if key == keys::INDEX {
                    self.block(Blocked::Newer, schema);
                }
                Err(StoreError::Newer)
            }
            Err(_) if self.is_known(key, &raw) => Ok(None), // kept aside already
            Err(problem) => {
                let what = self.what(key);
                if self.set_aside(key, &raw) {
                    // Kept as it was: replacing it loses nothing.
                    self.remember(key, &raw);
                    if key == keys::INDEX {
                        self.unblock();
                    }
                    self.warnings.push(format!(
                        "{what}无法读取（{problem}），已另存，可在计划列表下方下载原始数据"
                    ));
                    Ok(None)
                } else {
                    if key == keys::INDEX {
                        self.block(Blocked::Unkept, 0);
                    }
                    Err(StoreError::Full)
                }
            }
        }
    }

    fn block(&mut self, why: Blocked, schema: u32) {
        self.blocked = Some(why);
        self.read_only = Some(match why {
            Blocked::Newer => format!(
                "本浏览器中的计划列表由较新版本的要点写入（数据版本 {schema}），本程序不能修改计划列表（可导出、删除另存的数据）。请使用新版本。"
            ),
            Blocked::Unkept => "计划列表数据无法读取，且存储空间不足以另存原数据；为免覆盖，暂不修改计划列表。请导出备份后清理存储空间。".into(),
        });
    }

    fn unblock(&mut self) {
        self.blocked = None;
        self.read_only = None;
    }

    /// Replaces (or adds) a value: only over one this handle read as it is now, or one it can
    /// keep aside first; read back after writing.
    pub(super) fn write_over(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(current) = self.store.get(key) {
            if current == value {
                self.remember(key, value);
                return Ok(());
            }
            if !self.is_known(key, &current) {
                let kind = Kind::of(key).expect("keys come from super::keys");
                match envelope::check(&kind, &current) {
                    // Readable, but not what this handle read: another tab wrote it since.
                    Ok(()) => return Err(StoreError::Conflict),
                    Err(FileError::TooNew(_)) => return Err(StoreError::Newer),
                    Err(_) => {
                        if !self.set_aside(key, &current) {
                            return Err(StoreError::Full);
                        }
                    }
                }
            }
        }
        self.write(key, value)?;
        self.remember(key, value);
        Ok(())
    }

    /// Removes a value this handle may remove (its own, or one kept aside first).
    pub(super) fn remove_value(&mut self, key: &str) {
        if let Some(current) = self.store.get(key) {
            let kind = Kind::of(key).expect("keys come from super::keys");
            if !self.is_known(key, &current)
                && envelope::check(&kind, &current).is_err()
                && !self.set_aside(key, &current)
            {
                return;
            }
        }
        self.store.remove(key);
        self.known.lock().expect("one thread").remove(key);
    }

    /// Copies an unreadable value to `yaodian/aside/<key>` (verified); false when it could not.
    /// A second value found under the same key gets its own copy (`…~2`): no copy is ever
    /// replaced.
    pub(super) fn set_aside(&mut self, key: &str, raw: &str) -> bool {
        let mut n = 1;
        loop {
            let aside = match n {
                1 => keys::aside(key),
                n => format!("{}~{n}", keys::aside(key)),
            };
            match self.store.get(&aside) {
                Some(kept) if kept == raw => return true,
                Some(_) => n += 1,
                None => return self.write(&aside, raw).is_ok(),
            }
        }
    }

    /// The values set aside, for the user to download or delete.
    pub fn aside(&self) -> Vec<Aside> {
        self.store
            .keys()
            .into_iter()
            .filter_map(|key| {
                let Some(Kind::Aside(original)) = Kind::of(&key) else {
                    return None;
                };
                let size = self.store.get(&key).map_or(0, |v| v.len());
                Some(Aside {
                    key,
                    original,
                    size,
                })
            })
            .collect()
    }

    pub fn aside_value(&self, key: &str) -> Option<String> {
        matches!(Kind::of(key), Some(Kind::Aside(_)))
            .then(|| self.store.get(key))
            .flatten()
    }

    /// Deletes a value set aside (the user's choice, allowed even while read-only).
    pub fn remove_aside(&mut self, key: &str) {
        if matches!(Kind::of(key), Some(Kind::Aside(_))) {
            self.store.remove(key);
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Re-reads the index when another tab changed it; true when it did.
    pub fn refresh(&mut self) -> bool {
        let raw = self.store.get(keys::INDEX);
        if raw == self.index_raw {
            return false;
        }
        match raw.as_deref().map(envelope::read::<Index>) {
            Some(Ok(index)) => {
                self.index = index.plans;
                self.index_raw = raw;
                true
            }
            Some(Err(FileError::TooNew(schema))) => {
                self.block(Blocked::Newer, schema);
                true
            }
            // Gone or unreadable: the next change rebuilds it (setting the bad value aside).
            _ => false,
        }
    }

    /// The index as stored now (or rebuilt from the plans when there is none), changed by
    /// `f` and written. On failure nothing is written and `self.index` is the stored one.
    pub(super) fn change_index<T>(
        &mut self,
        f: impl FnOnce(&mut Vec<PlanMeta>) -> T,
    ) -> Result<T, StoreError> {
        if self.blocked == Some(Blocked::Newer) {
            // Another look: the newer value may have gone.
            self.refresh();
        }
        let stored = match self.read_for_change(keys::INDEX, envelope::read::<Index>) {
            Ok(stored) => stored,
            Err(_) => return Err(self.read_only_error()),
        };
        let mut index = match stored {
            Some(index) => index.plans,
            None => self.rebuild_index(),
        };
        let present: Vec<String> = index.iter().map(|m| m.id.clone()).collect();
        self.index = index.clone();
        let out = f(&mut index);
        // A plan's entry never outlives its value (another tab may have purged it).
        index.retain(|m| !present.contains(&m.id) || self.store.get(&keys::plan(&m.id)).is_some());
        let raw = envelope::write(&Index {
            plans: index.clone(),
        });
        self.write_over(keys::INDEX, &raw)?;
        self.index = index;
        self.index_raw = Some(raw);
        Ok(out)
    }

    fn read_only_error(&self) -> StoreError {
        StoreError::Unavailable(
            self.read_only
                .clone()
                .unwrap_or_else(|| "计划列表暂不能修改".into()),
        )
    }

    /// Entries for every stored plan (when the index itself is gone).
    pub(super) fn rebuild_index(&self) -> Vec<PlanMeta> {
        self.store
            .keys()
            .into_iter()
            .filter_map(|key| match Kind::of(&key) {
                Some(Kind::Plan(id)) => {
                    let plan = self
                        .store
                        .get(&key)
                        .and_then(|raw| file::from_json(&raw).ok());
                    Some(PlanMeta::found(&id, plan.as_ref()))
                }
                _ => None,
            })
            .collect()
    }

    /// The plans in the library, most recently changed first.
    pub fn plans(&self) -> Vec<PlanMeta> {
        let mut plans: Vec<PlanMeta> = self
            .index
            .iter()
            .filter(|m| m.deleted.is_none())
            .cloned()
            .collect();
        plans.sort_by(|a, b| b.updated.total_cmp(&a.updated));
        plans
    }

    /// The plans in the trash, most recently deleted first.
    pub fn trash(&self) -> Vec<PlanMeta> {
        let mut plans: Vec<PlanMeta> = self
            .index
            .iter()
            .filter(|m| m.deleted.is_some())
            .cloned()
            .collect();
        plans.sort_by(|a, b| {
            b.deleted
                .unwrap_or(0.0)
                .total_cmp(&a.deleted.unwrap_or(0.0))
        });
        plans
    }

    pub fn meta(&self, id: &str) -> Option<&PlanMeta> {
        self.index.iter().find(|m| m.id == id)
    }

    /// Stores a new plan and returns its id.
    pub fn create(&mut self, plan: &Plan, now: f64) -> Result<String, StoreError> {
        if self.blocked.is_some() {
            return Err(self.read_only_error());
        }
        self.refresh();
        let mut n = self.index.len();
        let id = loop {
            let id = format!("{:x}{n}", now as u64);
            if self.meta(&id).is_none() && self.store.get(&keys::plan(&id)).is_none() {
                break id;
            }
            n += 1;
        };
        self.write_over(&keys::plan(&id), &envelope::write_plan(plan, 1))?;
        let meta = PlanMeta {
            id: id.clone(),
            title: plan.name(),
            period: plan.period,
            created: now,
            updated: now,
            deleted: None,
        };
        let listed = |index: &mut Vec<PlanMeta>| {
            // A list rebuilt from the plans already has it.
            index.retain(|m| m.id != meta.id);
            index.push(meta);
        };
        if let Err(e) = self.change_index(listed) {
            self.remove_value(&keys::plan(&id));
            return Err(e);
        }
        Ok(id)
    }

    pub fn load(&self, id: &str) -> Result<Plan, LoadError> {
        self.load_revision(id).map(|(plan, _)| plan)
    }

    /// The stored plan and the revision it is at.
    pub fn load_revision(&self, id: &str) -> Result<(Plan, u64), LoadError> {
        let key = keys::plan(id);
        let raw = self.store.get(&key).ok_or(LoadError::Missing)?;
        let plan = file::from_json(&raw).map_err(LoadError::Unreadable)?;
        self.remember(&key, &raw);
        Ok((plan, stored_revision(&raw)))
    }

    /// The revision of the stored plan (0 when there is none).
    pub fn revision(&self, id: &str) -> u64 {
        self.store
            .get(&keys::plan(id))
            .map_or(0, |raw| stored_revision(&raw))
    }

    /// Stores the plan over revision `base` and returns the new revision. When the stored plan
    /// is no longer at `base` (another tab saved it), nothing is written:
    /// [`StoreError::Conflict`]; when it is gone, or no longer a plan this build can save over
    /// (unreadable: then kept aside; or a newer version's), [`StoreError::Gone`]. On any
    /// failure the stored copy is the previous one.
    pub fn save(&mut self, id: &str, plan: &Plan, base: u64, now: f64) -> Result<u64, StoreError> {
        let key = keys::plan(id);
        match self.store.get(&key) {
            None if base > 0 => return Err(StoreError::Gone),
            None => {}
            Some(raw) => {
                if !self.is_known(&key, &raw) {
                    match file::from_json(&raw) {
                        Ok(_) => self.remember(&key, &raw),
                        Err(FileError::TooNew(_)) => return Err(StoreError::Gone),
                        Err(_) => {
                            if self.set_aside(&key, &raw) {
                                self.store.remove(&key);
                            }
                            return Err(StoreError::Gone);
                        }
                    }
                }
                if stored_revision(&raw) != base {
                    return Err(StoreError::Conflict);
                }
            }
        }
        let revision = base + 1;
        self.write_over(&key, &envelope::write_plan(plan, revision))?;
        self.refresh();
        let title = plan.name();
        let stale = self.meta(id).is_some_and(|meta| {
            meta.title != title || meta.period != plan.period || now - meta.updated > 60_000.0
        });
        if stale && self.blocked.is_none() {
            // The list changes only when what it shows changes (or once a minute). The plan is
            // saved either way: a list that could not be updated catches up next time.
            let _ = self.change_index(|index| {
                if let Some(meta) = index.iter_mut().find(|m| m.id == id) {
                    meta.title = title;
                    meta.period = plan.period;
                    meta.updated = now;
                }
            });
        }
        Ok(revision)
    }

    /// Copies a plan; the copy is named `…（副本）`.
    pub fn duplicate(&mut self, id: &str, now: f64) -> Result<String, String> {
        let mut plan = self.load(id).map_err(|e| e.to_string())?;
        plan.title = format!("{}（副本）", plan.name());
        plan.follow = plan.follow.for_copy();
        self.create(&plan, now).map_err(|e| e.to_string())
    }

    /// Gives a plan a new title; a blank one is refused.
    pub fn rename(&mut self, id: &str, title: &str, now: f64) -> Result<(), String> {
        if title.trim().is_empty() {
            return Err("名称不能为空".into());
        }
        let (mut plan, revision) = self.load_revision(id).map_err(|e| e.to_string())?;
        plan.title = title.trim().to_string();
        self.save(id, &plan, revision, now)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Puts a plan in the trash; [`Library::restore`] takes it back.
    pub fn delete(&mut self, id: &str, now: f64) -> Result<(), StoreError> {
        self.set_deleted(id, Some(now))
    }

    pub fn restore(&mut self, id: &str) -> Result<(), StoreError> {
        self.set_deleted(id, None)
    }

    fn set_deleted(&mut self, id: &str, deleted: Option<f64>) -> Result<(), StoreError> {
        self.change_index(|index| {
            if let Some(meta) = index.iter_mut().find(|m| m.id == id) {
                meta.deleted = deleted;
            }
        })
    }

    /// Removes a plan for good, with its snapshots. It only makes the stored index smaller,
    /// so it works when storage is full; while the list may not be written (a newer version's,
    /// or unreadable with no room to keep it), the plan's values go and the list is left as it
    /// is (whoever reads it next drops the entry).
    pub fn purge(&mut self, id: &str) -> Result<(), StoreError> {
        // The list is read again first: it may have become writable since this tab found it
        // blocked (another tab set the unreadable list aside). Only a list still blocked is
        // left as it is, the plan dropped from this tab's view.
        match self.change_index(|index| index.retain(|m| m.id != id)) {
            Ok(()) => {}
            Err(_) if self.blocked.is_some() => self.index.retain(|m| m.id != id),
            Err(e) => return Err(e),
        }
        self.remove_value(&keys::plan(id));
        self.remove_value(&keys::snapshots(id));
        Ok(())
    }

    /// Characters stored by Yaodian (keys and values); browsers count localStorage in UTF-16
    /// code units, about 5 million per site.
    pub fn usage(&self) -> usize {
        self.store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(keys::PREFIX))
            .map(|k| self.units(&k))
            .sum()
    }

    /// What one plan takes: its own value and its snapshots (UTF-16 units).
    pub fn usage_of(&self, id: &str) -> (usize, usize) {
        (
            self.units(&keys::plan(id)),
            self.units(&keys::snapshots(id)),
        )
    }

    fn units(&self, key: &str) -> usize {
        self.store.get(key).map_or(0, |value| {
            key.encode_utf16().count() + value.encode_utf16().count()
        })
    }

    /// Writes and reads back: a value that does not come back as written is an error.
    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.store.set(key, value)?;
        if self.store.get(key).as_deref() != Some(value) {
            return Err(StoreError::Unverified);
        }
        Ok(())
    }

    /// Every Yaodian value as stored now (drafts excepted): to put back after a failure.
    pub(super) fn everything(&self) -> std::collections::BTreeMap<String, String> {
        self.store
            .keys()
            .into_iter()
            .filter(|k| Kind::of(k).is_some_and(|kind| !matches!(kind, Kind::Draft(_))))
            .filter_map(|k| self.store.get(&k).map(|v| (k, v)))
            .collect()
    }

    /// Puts every value back as `before` holds it and checks it value by value.
    pub(super) fn put_back(
        &mut self,
        before: &std::collections::BTreeMap<String, String>,
    ) -> Result<(), StoreError> {
        for key in self.everything().keys() {
            if !before.contains_key(key) {
                self.store.remove(key);
            }
        }
        // Values that shrink first, so that each step fits where the whole did.
        for shrinking in [true, false] {
            for (key, value) in before {
                let now = self.store.get(key);
                if now.as_deref() != Some(value.as_str())
                    && (value.len() < now.map_or(0, |v| v.len())) == shrinking
                {
                    let _ = self.store.set(key, value);
                }
            }
        }
        self.known.lock().expect("one thread").clear();
        self.index_raw = None;
        self.refresh();
        if &self.everything() == before {
            Ok(())
        } else {
            Err(StoreError::Unverified)
        }
    }
}

#[cfg(test)]
mod tests;
