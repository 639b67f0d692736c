//! The office's library: every plan stored in this browser, the trash, and the roster.
//!
//! Keys: `yaodian/index` (the list of plans), `yaodian/plan/<id>` (one plan file each, see
//! [`crate::plan::file`]), `yaodian/roster`. Every value carries a schema version.

use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::plan::file::{self, FileError, SCHEMA};
use crate::plan::model::{Period, Plan};
use crate::plan::roster::Roster;

const INDEX_KEY: &str = "yaodian/index";
const ROSTER_KEY: &str = "yaodian/roster";

fn plan_key(id: &str) -> String {
    format!("yaodian/plan/{id}")
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

#[derive(Serialize, Deserialize)]
struct Versioned<T> {
    schema: u32,
    #[serde(flatten)]
    value: T,
}

#[derive(Default, Serialize, Deserialize)]
struct Index {
    plans: Vec<PlanMeta>,
}

#[derive(Default, Serialize, Deserialize)]
struct RosterValue {
    roster: Roster,
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

/// The plans and roster kept in a [`Store`].
pub struct Library<S: Store> {
    store: S,
    index: Vec<PlanMeta>,
    /// A problem met while opening, for the UI to show once.
    pub warning: Option<String>,
}

impl<S: Store> Library<S> {
    /// Opens the library; an unreadable index is left in place and reported, never overwritten.
    pub fn open(store: S) -> Self {
        let mut library = Library {
            store,
            index: Vec::new(),
            warning: None,
        };
        if let Some(raw) = library.store.get(INDEX_KEY) {
            match read_versioned::<Index>(&raw) {
                Ok(index) => library.index = index.plans,
                Err(problem) => {
                    let aside = format!("{INDEX_KEY}/unreadable");
                    let kept = library.store.set(&aside, &raw).is_ok();
                    library.index = library.recover_index();
                    library.warning = Some(format!(
                        "计划列表数据无法读取（{problem}），已从各计划重新建立列表{}。",
                        if kept { "，原数据另存备查" } else { "" }
                    ));
                }
            }
        }
        library
    }

    /// Rebuilds the index from the plans found under their keys.
    fn recover_index(&self) -> Vec<PlanMeta> {
        let prefix = plan_key("");
        self.store
            .keys()
            .into_iter()
            .filter_map(|key| {
                let id = key.strip_prefix(&prefix)?.to_string();
                let plan = self.load(&id).ok()?;
                Some(PlanMeta {
                    id,
                    title: plan.name(),
                    period: plan.period,
                    created: 0.0,
                    updated: 0.0,
                    deleted: None,
                })
            })
            .collect()
    }

    pub fn store(&self) -> &S {
        &self.store
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
        let mut n = self.index.len();
        let id = loop {
            let id = format!("{:x}{n}", now as u64);
            if self.meta(&id).is_none() {
                break id;
            }
            n += 1;
        };
        self.store.set(&plan_key(&id), &file::to_json(plan))?;
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
        let raw = self.store.get(&plan_key(id)).ok_or(LoadError::Missing)?;
        file::from_json(&raw).map_err(LoadError::Unreadable)
    }

    /// Stores the plan under its id; on failure the stored copy is the previous one.
    pub fn save(&mut self, id: &str, plan: &Plan, now: f64) -> Result<(), StoreError> {
        self.store.set(&plan_key(id), &file::to_json(plan))?;
        let Some(meta) = self.index.iter_mut().find(|m| m.id == id) else {
            return Ok(());
        };
        meta.title = plan.name();
        meta.period = plan.period;
        meta.updated = now;
        self.write_index()
    }

    /// Copies a plan; the copy is named `…（副本）`.
    pub fn duplicate(&mut self, id: &str, now: f64) -> Result<String, String> {
        let mut plan = self.load(id).map_err(|e| e.to_string())?;
        plan.title = format!("{}（副本）", plan.name());
        self.create(&plan, now).map_err(|e| e.to_string())
    }

    /// Renames a plan (its title).
    pub fn rename(&mut self, id: &str, title: &str, now: f64) -> Result<(), String> {
        let mut plan = self.load(id).map_err(|e| e.to_string())?;
        plan.title = title.trim().to_string();
        self.save(id, &plan, now).map_err(|e| e.to_string())
    }

    /// Puts a plan in the trash; [`Library::restore`] takes it back.
    pub fn delete(&mut self, id: &str, now: f64) -> Result<(), StoreError> {
        self.set_deleted(id, Some(now))
    }

    pub fn restore(&mut self, id: &str) -> Result<(), StoreError> {
        self.set_deleted(id, None)
    }

    fn set_deleted(&mut self, id: &str, deleted: Option<f64>) -> Result<(), StoreError> {
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

    /// Removes a plan for good (from the trash).
    pub fn purge(&mut self, id: &str) -> Result<(), StoreError> {
        let before = self.index.clone();
        self.index.retain(|m| m.id != id);
        if let Err(e) = self.write_index() {
            self.index = before;
            return Err(e);
        }
        self.store.remove(&plan_key(id));
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
        let value = Versioned {
            schema: SCHEMA,
            value: RosterValue {
                roster: roster.clone(),
            },
        };
        self.store.set(
            ROSTER_KEY,
            &serde_json::to_string(&value).expect("roster serialises"),
        )
    }

    fn write_index(&mut self) -> Result<(), StoreError> {
        let value = Versioned {
            schema: SCHEMA,
            value: Index {
                plans: self.index.clone(),
            },
        };
        self.store.set(
            INDEX_KEY,
            &serde_json::to_string(&value).expect("index serialises"),
        )
    }
}

fn read_versioned<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, String> {
    let value: Versioned<T> = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if value.schema > SCHEMA {
        return Err(format!("数据版本 {} 比本程序新", value.schema));
    }
    Ok(value.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn plan(title: &str) -> Plan {
        Plan {
            title: title.into(),
            ..Plan::default()
        }
    }

    #[test]
    fn plans_survive_reopening_newest_first() {
        let mut library = Library::open(MemoryStore::default());
        let a = library.create(&plan("甲"), 1.0).unwrap();
        let b = library.create(&plan("乙"), 2.0).unwrap();
        library.save(&a, &plan("甲改"), 3.0).unwrap();
        let library = Library::open(library.store.clone());
        let names: Vec<_> = library.plans().iter().map(|m| m.title.clone()).collect();
        assert_eq!(names, ["甲改", "乙"]);
        assert_eq!(library.load(&b).unwrap().title, "乙");
    }

    #[test]
    fn delete_goes_to_trash_and_comes_back() {
        let mut library = Library::open(MemoryStore::default());
        let a = library.create(&plan("甲"), 1.0).unwrap();
        library.delete(&a, 2.0).unwrap();
        assert!(library.plans().is_empty());
        assert_eq!(library.trash().len(), 1);
        library.restore(&a).unwrap();
        assert_eq!(library.plans().len(), 1);
        library.delete(&a, 3.0).unwrap();
        library.purge(&a).unwrap();
        assert!(library.trash().is_empty());
        assert_eq!(library.load(&a), Err(LoadError::Missing));
    }

    #[test]
    fn duplicate_and_rename() {
        let mut library = Library::open(MemoryStore::default());
        let a = library.create(&plan("甲"), 1.0).unwrap();
        let b = library.duplicate(&a, 2.0).unwrap();
        assert_ne!(a, b);
        assert_eq!(library.load(&b).unwrap().title, "甲（副本）");
        library.rename(&b, "丙", 3.0).unwrap();
        assert_eq!(library.plans()[0].title, "丙");
    }

    #[test]
    fn full_storage_keeps_the_previous_copy() {
        let mut library = Library::open(MemoryStore::with_quota(3000));
        let a = library.create(&plan("甲"), 1.0).unwrap();
        let big = plan(&"长".repeat(2000));
        assert_eq!(library.save(&a, &big, 2.0), Err(StoreError::Full));
        assert_eq!(library.load(&a).unwrap().title, "甲");
        assert!(library.create(&big, 3.0).is_err());
        assert_eq!(library.plans().len(), 1);
    }

    #[test]
    fn unreadable_index_is_kept_aside_not_overwritten() {
        let mut library = Library::open(MemoryStore::default());
        let a = library.create(&plan("甲"), 1.0).unwrap();
        let mut store = library.store.clone();
        store.set(INDEX_KEY, "{broken").unwrap();
        let library = Library::open(store);
        assert!(library.warning.is_some());
        assert_eq!(library.plans().len(), 1);
        assert_eq!(library.plans()[0].id, a);
        assert_eq!(
            library.store.get("yaodian/index/unreadable").as_deref(),
            Some("{broken")
        );
    }

    #[test]
    fn roster_round_trips() {
        let mut library = Library::open(MemoryStore::default());
        let mut roster = Roster::default();
        roster.leaders.push("杨少平".into());
        library.save_roster(&roster).unwrap();
        assert_eq!(Library::open(library.store.clone()).roster(), roster);
    }
}
