//! The office's library: every plan stored in this browser, the trash, and the roster.
//!
//! Keys: `yaodian/index` (the list of plans), `yaodian/plan/<id>` (one plan file each with a
//! revision, see [`crate::plan::file`]), `yaodian/roster`, `yaodian/snapshots/<id>`, and
//! `yaodian/aside/<key>` (values that could not be read, kept for download). Every value
//! carries a schema version and is migrated on load.
//!
//! Safety rules: every write is read back and compared; a value that does not parse is copied
//! aside before anything could replace it; a plan is saved only over the revision it was loaded
//! at (another tab may have saved since); the index is re-read before it is changed.

use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::plan::file::{self, FileError, SCHEMA};
use crate::plan::model::{Period, Plan};
use crate::plan::roster::Roster;

pub(super) const INDEX_KEY: &str = "yaodian/index";
pub(super) const ROSTER_KEY: &str = "yaodian/roster";
const PLAN_PREFIX: &str = "yaodian/plan/";
pub(super) const ASIDE_PREFIX: &str = "yaodian/aside/";

pub(super) fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

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

/// A stored value with its schema number beside its own fields (written only: see
/// [`read_versioned`]).
#[derive(Serialize)]
pub(super) struct Versioned<T> {
    pub schema: u32,
    #[serde(flatten)]
    pub value: T,
}

#[derive(Default, Serialize, Deserialize)]
struct Index {
    plans: Vec<PlanMeta>,
}

#[derive(Default, Serialize, Deserialize)]
pub(super) struct RosterValue {
    pub roster: Roster,
}

/// A stored plan: the plan file plus the revision counter.
#[derive(Serialize)]
struct StoredPlan<'a> {
    format: &'static str,
    schema: u32,
    revision: u64,
    plan: &'a Plan,
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

/// The plans and roster kept in a [`Store`].
pub struct Library<S: Store> {
    pub(super) store: S,
    pub(super) index: Vec<PlanMeta>,
    /// The index as last read or written, to notice another tab's change.
    index_raw: Option<String>,
    /// Problems met while opening, for the UI to show once.
    pub warnings: Vec<String>,
    /// Set when writing could destroy data this build cannot read (a newer version's index,
    /// or an unreadable index that could not be copied aside): every write is refused.
    pub read_only: Option<String>,
}

/// The number a stored plan value carries, 0 when it has none (or cannot be read).
pub fn stored_revision(raw: &str) -> u64 {
    // This build writes `{"format":"yaodian-plan","schema":N,"revision":N,…`: read it there
    // without parsing the plan.
    let end = (0..=raw.len().min(96))
        .rev()
        .find(|&i| raw.is_char_boundary(i))
        .unwrap_or(0);
    let head = &raw[..end];
    if let Some(at) = head.find("\"revision\":") {
        let digits: String = head[at + 11..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(revision) = digits.parse() {
            return revision;
        }
    }
    serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("revision").and_then(|r| r.as_u64()))
        .unwrap_or(0)
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
        };
        let raw = library.store.get(INDEX_KEY);
        match raw.as_deref().map(read_versioned::<Index>) {
            None => {}
            Some(Ok(index)) => {
                library.index = index.plans;
                library.index_raw = raw.clone();
            }
            Some(Err(FileError::TooNew(schema))) => {
                library.read_only = Some(format!(
                    "本浏览器中的数据由较新版本的要点写入（数据版本 {schema}），本程序只能读取，不能修改。请使用新版本。"
                ));
                return library;
            }
            Some(Err(problem)) => {
                let raw = raw.unwrap_or_default();
                let kept = library.set_aside(INDEX_KEY, &raw);
                library.warnings.push(format!(
                    "计划列表数据无法读取（{problem}），已从各计划重新建立列表{}",
                    if kept {
                        "，原数据已另存，可下载备查"
                    } else {
                        ""
                    }
                ));
                if !kept {
                    library.read_only = Some(
                        "计划列表数据无法读取，且存储空间不足以另存原数据；为免覆盖，暂不保存任何修改。请导出备份后清理存储空间。".into(),
                    );
                }
            }
        }
        library.check_plans();
        library
    }

    /// Reads every stored plan once: unreadable ones go aside, lost ones come back to the list.
    fn check_plans(&mut self) {
        let keys: Vec<String> = self
            .store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(PLAN_PREFIX))
            .collect();
        let mut changed = false;
        for key in &keys {
            let id = &key[PLAN_PREFIX.len()..];
            let raw = self.store.get(key).unwrap_or_default();
            match file::from_json(&raw) {
                Ok(plan) => {
                    if self.meta(id).is_none() {
                        self.index.push(PlanMeta {
                            id: id.to_string(),
                            title: plan.name(),
                            period: plan.period,
                            created: 0.0,
                            updated: 0.0,
                            deleted: None,
                        });
                        changed = true;
                    }
                }
                Err(FileError::TooNew(schema)) => self.warnings.push(format!(
                    "有一个计划由较新版本的要点写入（数据版本 {schema}），本程序无法打开，已原样保留"
                )),
                Err(problem) => {
                    let title = self.meta(id).map(|m| m.title.clone()).unwrap_or_default();
                    if self.set_aside(key, &raw) {
                        self.store.remove(key);
                        self.index.retain(|m| m.id != id);
                        changed = true;
                        self.warnings.push(format!(
                            "计划「{title}」的数据无法读取（{problem}），已另存，可在计划列表下方下载原始数据"
                        ));
                    } else {
                        self.warnings.push(format!(
                            "计划「{title}」的数据无法读取（{problem}），已原样保留"
                        ));
                    }
                }
            }
        }
        let before = self.index.len();
        self.index.retain(|m| keys.contains(&plan_key(&m.id)));
        if changed || self.index.len() != before {
            let _ = self.write_index();
        }
    }

    /// Copies an unreadable value to `yaodian/aside/<key>` (verified); false when it could not.
    fn set_aside(&mut self, key: &str, raw: &str) -> bool {
        let aside = format!("{ASIDE_PREFIX}{key}");
        self.store.get(&aside).as_deref() == Some(raw) || self.write(&aside, raw).is_ok()
    }

    /// The values set aside, for the user to download or delete.
    pub fn aside(&self) -> Vec<Aside> {
        self.store
            .keys()
            .into_iter()
            .filter_map(|key| {
                let original = key.strip_prefix(ASIDE_PREFIX)?.to_string();
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
        key.starts_with(ASIDE_PREFIX)
            .then(|| self.store.get(key))
            .flatten()
    }

    pub fn remove_aside(&mut self, key: &str) {
        if key.starts_with(ASIDE_PREFIX) {
            self.store.remove(key);
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Re-reads the index when another tab changed it; true when it did.
    pub fn refresh(&mut self) -> bool {
        let raw = self.store.get(INDEX_KEY);
        if raw == self.index_raw {
            return false;
        }
        match raw.as_deref().map(read_versioned::<Index>) {
            Some(Ok(index)) => {
                self.index = index.plans;
                self.index_raw = raw;
                true
            }
            // Gone or unreadable: keep ours; the next write restores it.
            _ => false,
        }
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
        self.writable()?;
        self.refresh();
        let mut n = self.index.len();
        let id = loop {
            let id = format!("{:x}{n}", now as u64);
            if self.meta(&id).is_none() && self.store.get(&plan_key(&id)).is_none() {
                break id;
            }
            n += 1;
        };
        self.write_plan(&id, plan, 1)?;
        self.index.push(PlanMeta {
            id: id.clone(),
            title: plan.name(),
            period: plan.period,
            created: now,
            updated: now,
            deleted: None,
        });
        if let Err(e) = self.write_index() {
            self.index.pop();
            self.store.remove(&plan_key(&id));
            return Err(e);
        }
        Ok(id)
    }

    pub fn load(&self, id: &str) -> Result<Plan, LoadError> {
        self.load_revision(id).map(|(plan, _)| plan)
    }

    /// The stored plan and the revision it is at.
    pub fn load_revision(&self, id: &str) -> Result<(Plan, u64), LoadError> {
        let raw = self.store.get(&plan_key(id)).ok_or(LoadError::Missing)?;
        let plan = file::from_json(&raw).map_err(LoadError::Unreadable)?;
        Ok((plan, stored_revision(&raw)))
    }

    /// The revision of the stored plan (0 when there is none).
    pub fn revision(&self, id: &str) -> u64 {
        self.store
            .get(&plan_key(id))
            .map_or(0, |raw| stored_revision(&raw))
    }

    /// Stores the plan over revision `base` and returns the new revision. When the stored plan
    /// is no longer at `base` (another tab saved it), nothing is written: [`StoreError::Conflict`].
    /// On any failure the stored copy is the previous one.
    pub fn save(&mut self, id: &str, plan: &Plan, base: u64, now: f64) -> Result<u64, StoreError> {
        self.writable()?;
        let stored = self.revision(id);
        if stored != base {
            return Err(StoreError::Conflict);
        }
        let revision = base + 1;
        self.write_plan(id, plan, revision)?;
        self.refresh();
        if let Some(meta) = self.index.iter_mut().find(|m| m.id == id) {
            let title = plan.name();
            // The index changes only when what the list shows changes (or once a minute).
            if meta.title != title || meta.period != plan.period || now - meta.updated > 60_000.0 {
                meta.title = title;
                meta.period = plan.period;
                meta.updated = now;
                self.write_index()?;
            }
        }
        Ok(revision)
    }

    fn write_plan(&mut self, id: &str, plan: &Plan, revision: u64) -> Result<(), StoreError> {
        let value = serde_json::to_string(&StoredPlan {
            format: file::FORMAT,
            schema: SCHEMA,
            revision,
            plan,
        })
        .expect("a plan always serialises");
        self.write(&plan_key(id), &value)
    }

    /// Copies a plan; the copy is named `…（副本）`.
    pub fn duplicate(&mut self, id: &str, now: f64) -> Result<String, String> {
        let mut plan = self.load(id).map_err(|e| e.to_string())?;
        plan.title = format!("{}（副本）", plan.name());
        self.create(&plan, now).map_err(|e| e.to_string())
    }

    /// Renames a plan (its title).
    pub fn rename(&mut self, id: &str, title: &str, now: f64) -> Result<(), String> {
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
        self.writable()?;
        self.refresh();
        let Some(meta) = self.index.iter_mut().find(|m| m.id == id) else {
            return Ok(());
        };
        let before = meta.deleted;
        meta.deleted = deleted;
        let result = self.write_index();
        if result.is_err() {
            if let Some(meta) = self.index.iter_mut().find(|m| m.id == id) {
                meta.deleted = before;
            }
        }
        result
    }

    /// Removes a plan for good (from the trash), with its snapshots.
    pub fn purge(&mut self, id: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.refresh();
        let before = self.index.clone();
        self.index.retain(|m| m.id != id);
        if let Err(e) = self.write_index() {
            self.index = before;
            return Err(e);
        }
        self.store.remove(&plan_key(id));
        self.store.remove(&super::snapshots::snapshots_key(id));
        Ok(())
    }

    pub fn roster(&self) -> Roster {
        self.store
            .get(ROSTER_KEY)
            .and_then(|raw| read_versioned::<RosterValue>(&raw).ok())
            .map(|v| v.roster)
            .unwrap_or_default()
    }

    pub fn save_roster(&mut self, roster: &Roster) -> Result<(), StoreError> {
        self.writable()?;
        let value = Versioned {
            schema: SCHEMA,
            value: RosterValue {
                roster: roster.clone(),
            },
        };
        self.write(
            ROSTER_KEY,
            &serde_json::to_string(&value).expect("roster serialises"),
        )
    }

    /// Characters stored by Yaodian (keys and values); browsers count localStorage in UTF-16
    /// code units, about 5 million per site.
    pub fn usage(&self) -> usize {
        self.store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with("yaodian/"))
            .map(|k| {
                let value = self.store.get(&k).unwrap_or_default();
                k.encode_utf16().count() + value.encode_utf16().count()
            })
            .sum()
    }

    pub(super) fn writable(&self) -> Result<(), StoreError> {
        match &self.read_only {
            Some(reason) => Err(StoreError::Unavailable(reason.clone())),
            None => Ok(()),
        }
    }

    /// Writes and reads back: a value that does not come back as written is an error.
    pub(super) fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.store.set(key, value)?;
        if self.store.get(key).as_deref() != Some(value) {
            return Err(StoreError::Unverified);
        }
        Ok(())
    }

    pub(super) fn write_index(&mut self) -> Result<(), StoreError> {
        self.writable()?;
        let value = Versioned {
            schema: SCHEMA,
            value: Index {
                plans: self.index.clone(),
            },
        };
        let raw = serde_json::to_string(&value).expect("index serialises");
        self.write(INDEX_KEY, &raw)?;
        self.index_raw = Some(raw);
        Ok(())
    }
}

/// Reads a versioned value, migrating it from older schemas.
pub(super) fn read_versioned<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, FileError> {
    let mut value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| FileError::NotJson(e.to_string()))?;
    file::migrate(&mut value)?;
    // Not through `Versioned<T>`: its flattened fields would be read through serde's buffered
    // `Content`, a second copy of every model type's reader in the wasm.
    if let Some(fields) = value.as_object_mut() {
        fields.remove("schema");
    }
    serde_json::from_value(value).map_err(|e| FileError::Damaged(e.to_string()))
}

#[cfg(test)]
mod tests;
