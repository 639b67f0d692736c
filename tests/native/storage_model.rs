//! A stateful property test of the storage layer: random sequences of operations from two
//! `Library` handles (two tabs) over one shared store with a quota and injected write
//! failures, with values corrupted or written by a newer version in between, checked against
//! a simple model after every step:
//!
//! - no acknowledged change is ever lost (plans, trash, roster, templates, snapshots);
//! - nothing is overwritten unless the writer read it at that version (or kept it aside);
//! - a value this build cannot read is never lost;
//! - whatever failed changed nothing (beyond copies kept aside).
//!
//! CI runs it with a fixed seed (`PROPTEST_RNG_SEED` in scripts/test); run it alone for fresh
//! sequences: `cargo test --test storage_model`.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use proptest::prelude::*;
use yaodian::plan::file;
use yaodian::plan::office_templates::{self, OfficeTemplate};
use yaodian::store::keys::{self, Kind};
use yaodian::store::{Backup, Existing, Library, MemoryStore, Store, StoreError};
use yaodian::{Plan, Role};

fn fingerprint(raw: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    raw.hash(&mut h);
    h.finish()
}

/// localStorage as the tabs share it.
struct World {
    store: MemoryStore,
    /// The next write fails (as a browser's may, for reasons of its own).
    fail_next: bool,
    /// What each tab has read: (key, fingerprint of the value).
    reads: [HashSet<(String, u64)>; 2],
    violations: Vec<String>,
}

/// One tab's view of the shared store.
#[derive(Clone)]
struct Tab {
    world: Rc<RefCell<World>>,
    me: usize,
}

impl Store for Tab {
    fn get(&self, key: &str) -> Option<String> {
        let mut world = self.world.borrow_mut();
        let value = world.store.get(key);
        if let Some(v) = &value {
            let read = (key.to_string(), fingerprint(v));
            world.reads[self.me].insert(read);
        }
        value
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut world = self.world.borrow_mut();
        if std::mem::take(&mut world.fail_next) {
            return Err(StoreError::Unavailable("injected".into()));
        }
        if let Some(old) = world.store.get(key) {
            let read = world.reads[self.me].contains(&(key.to_string(), fingerprint(&old)));
            let kept =
                world.store.values.iter().any(|(k, v)| {
                    matches!(Kind::of(k), Some(Kind::Aside(_))) && *v == old && k != key
                });
            if old != value && !read && !kept {
                let tab = self.me;
                world
                    .violations
                    .push(format!("tab {tab} replaced {key} without reading it"));
            }
        }
        world.store.set(key, value)
    }

    fn remove(&mut self, key: &str) {
        self.world.borrow_mut().store.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.world.borrow().store.keys()
    }
}

#[derive(Clone, Debug)]
enum Op {
    Create(usize),
    Open(usize, usize),
    Edit(usize),
    Save(usize),
    Delete(usize, usize),
    Restore(usize, usize),
    Purge(usize, usize),
    RosterAdd(usize, bool, u8),
    RosterRemove(usize, bool, u8),
    TemplateAdd(usize, u8),
    TemplateRemove(usize, usize),
    SnapshotAdd(usize, usize),
    SnapshotRemove(usize, usize, usize),
    SnapshotRestore(usize, usize, usize),
    Prune(usize, usize, usize),
    Export(usize),
    Import(usize, usize, u8),
    Reopen(usize),
    /// Garbage written under a key (another program, a broken disk).
    Corrupt(usize),
    /// A value written by a newer version of Yaodian (a newer build in another tab).
    Newer(usize),
    FailNextWrite,
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0..2usize;
    let pick = 0..8usize;
    prop_oneof![
        3 => tab.clone().prop_map(Op::Create),
        3 => (tab.clone(), pick.clone()).prop_map(|(t, p)| Op::Open(t, p)),
        6 => tab.clone().prop_map(Op::Edit),
        6 => tab.clone().prop_map(Op::Save),
        2 => (tab.clone(), pick.clone()).prop_map(|(t, p)| Op::Delete(t, p)),
        1 => (tab.clone(), pick.clone()).prop_map(|(t, p)| Op::Restore(t, p)),
        1 => (tab.clone(), pick.clone()).prop_map(|(t, p)| Op::Purge(t, p)),
        3 => (tab.clone(), any::<bool>(), 0..6u8).prop_map(|(t, l, n)| Op::RosterAdd(t, l, n)),
        2 => (tab.clone(), any::<bool>(), 0..6u8).prop_map(|(t, l, n)| Op::RosterRemove(t, l, n)),
        2 => (tab.clone(), 0..6u8).prop_map(|(t, n)| Op::TemplateAdd(t, n)),
        1 => (tab.clone(), pick.clone()).prop_map(|(t, p)| Op::TemplateRemove(t, p)),
        2 => (tab.clone(), pick.clone()).prop_map(|(t, p)| Op::SnapshotAdd(t, p)),
        1 => (tab.clone(), pick.clone(), 0..4usize).prop_map(|(t, p, w)| Op::SnapshotRemove(t, p, w)),
        1 => (tab.clone(), pick.clone(), 0..4usize).prop_map(|(t, p, w)| Op::SnapshotRestore(t, p, w)),
        1 => (tab.clone(), pick.clone(), 0..3usize).prop_map(|(t, p, k)| Op::Prune(t, p, k)),
        1 => tab.clone().prop_map(Op::Export),
        1 => (tab.clone(), 0..4usize, 0..3u8).prop_map(|(t, w, e)| Op::Import(t, w, e)),
        1 => tab.clone().prop_map(Op::Reopen),
        1 => (0..16usize).prop_map(Op::Corrupt),
        1 => (0..16usize).prop_map(Op::Newer),
        2 => Just(Op::FailNextWrite),
    ]
}

/// What the office has been told is stored.
#[derive(Clone, Debug, Default)]
struct Model {
    plans: BTreeMap<String, ModelPlan>,
    roster: BTreeSet<(bool, String)>,
    /// The office's templates: id → name.
    templates: BTreeMap<String, String>,
    /// Values this build cannot read: each must stay under its key or under an aside key.
    kept: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
struct ModelPlan {
    plan: Plan,
    deleted: bool,
    /// (time, name) of each snapshot, oldest first, and the plan it holds.
    snapshots: Vec<(u64, String, Plan)>,
    /// Replaced by another program or a newer version: no longer this build's to check.
    foreign: bool,
    snapshots_foreign: bool,
    /// The revision of the last acknowledged save: a save must be based on it.
    revision: u64,
}

struct Open {
    id: String,
    plan: Plan,
    base: u64,
}

struct TabState {
    library: Library<Tab>,
    open: Option<Open>,
}

fn plan(title: &str) -> Plan {
    Plan {
        title: title.into(),
        ..Plan::default()
    }
}

fn name(n: u8) -> String {
    [
        "杨少平",
        "局办公室",
        "医政医管科",
        "疾控科",
        "王五",
        "各县（市、区）卫生健康局",
    ][n as usize % 6]
        .to_string()
}

fn role(leader: bool) -> Role {
    if leader {
        Role::Leader
    } else {
        Role::Lead
    }
}

struct Run {
    world: Rc<RefCell<World>>,
    tabs: Vec<TabState>,
    model: Model,
    backups: Vec<(Backup, Model)>,
    step: u64,
}

impl Run {
    fn new(quota: usize) -> Run {
        let world = Rc::new(RefCell::new(World {
            store: MemoryStore::with_quota(quota),
            fail_next: false,
            reads: Default::default(),
            violations: Vec::new(),
        }));
        let tabs = (0..2)
            .map(|me| TabState {
                library: Library::open(Tab {
                    world: world.clone(),
                    me,
                }),
                open: None,
            })
            .collect();
        Run {
            world,
            tabs,
            model: Model::default(),
            backups: Vec::new(),
            step: 0,
        }
    }

    /// The id of the model's `pick`-th plan (live ones and foreign ones alike).
    fn pick(&self, pick: usize) -> Option<String> {
        let ids: Vec<&String> = self.model.plans.keys().collect();
        (!ids.is_empty()).then(|| ids[pick % ids.len()].clone())
    }

    fn raw(&self) -> BTreeMap<String, String> {
        self.world.borrow().store.values.clone()
    }

    fn apply(&mut self, op: &Op) -> Result<(), String> {
        self.step += 1;
        let now = self.step as f64 * 1000.0;
        let before = self.raw();
        let failed = self.run(op, now);
        if failed {
            self.world.borrow_mut().fail_next = false;
            self.unchanged_since(&before)
                .map_err(|e| format!("{op:?} failed and changed the store: {e}"))?;
        }
        self.check().map_err(|e| format!("after {op:?}: {e}"))
    }

    /// Runs one operation and updates the model with what was acknowledged; true when the
    /// operation reported a failure.
    fn run(&mut self, op: &Op, now: f64) -> bool {
        let step = self.step;
        match *op {
            Op::Create(t) => {
                let p = plan(&format!("计划{step}"));
                match self.tabs[t].library.create(&p, now) {
                    Ok(id) => {
                        self.model.plans.insert(
                            id,
                            ModelPlan {
                                plan: p,
                                deleted: false,
                                snapshots: Vec::new(),
                                foreign: false,
                                snapshots_foreign: false,
                                revision: 1,
                            },
                        );
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::Open(t, pick) => {
                let Some(id) = self.pick(pick) else {
                    return false;
                };
                // Opening another plan here drops unsaved edits: the library never acknowledged
                // them (keeping them is the UI's part, tested in the browser).
                self.tabs[t].open = self.tabs[t]
                    .library
                    .load_revision(&id)
                    .ok()
                    .map(|(plan, base)| Open { id, plan, base });
                false
            }
            Op::Edit(t) => {
                if let Some(open) = &mut self.tabs[t].open {
                    open.plan.title = format!("第{step}次修改");
                    open.plan.requirements.push('改');
                }
                false
            }
            Op::Save(t) => {
                let tab = &mut self.tabs[t];
                let Some(open) = &mut tab.open else {
                    return false;
                };
                match tab.library.save(&open.id, &open.plan, open.base, now) {
                    Ok(revision) => {
                        let m = self
                            .model
                            .plans
                            .get_mut(&open.id)
                            .expect("saved plans exist");
                        assert!(
                            m.foreign || open.base == m.revision,
                            "tab {t} saved over revision {} but {} was acknowledged since",
                            open.base,
                            m.revision
                        );
                        open.base = revision;
                        m.revision = revision;
                        m.plan = open.plan.clone();
                        m.foreign = false;
                        false
                    }
                    Err(StoreError::Conflict) => {
                        // Refused because another tab saved since: this tab must not be at the
                        // stored revision.
                        assert_ne!(tab.library.revision(&open.id), open.base);
                        true
                    }
                    Err(_) => true,
                }
            }
            Op::Delete(t, pick) | Op::Restore(t, pick) => {
                let Some(id) = self.pick(pick) else {
                    return false;
                };
                let delete = matches!(op, Op::Delete(..));
                let library = &mut self.tabs[t].library;
                let result = if delete {
                    library.delete(&id, now)
                } else {
                    library.restore(&id)
                };
                match result {
                    Ok(()) => {
                        self.model.plans.get_mut(&id).unwrap().deleted = delete;
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::Purge(t, pick) => {
                let Some(id) = self.pick(pick) else {
                    return false;
                };
                match self.tabs[t].library.purge(&id) {
                    Ok(()) => {
                        self.model.plans.remove(&id);
                        // The user removed it, newer version or not.
                        self.model.kept.retain(|(k, _)| {
                            Kind::of(k).and_then(|k| k.plan_id().map(str::to_string))
                                != Some(id.clone())
                        });
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::RosterAdd(t, leader, n) | Op::RosterRemove(t, leader, n) => {
                let add = matches!(op, Op::RosterAdd(..));
                let who = name(n);
                let result = self.tabs[t].library.change_roster(|r| {
                    if add {
                        r.add(role(leader), &who)
                    } else {
                        r.remove(role(leader), &who)
                    }
                });
                match result {
                    Ok((roster, _)) => {
                        if add {
                            self.model.roster.insert((leader, who));
                        } else {
                            self.model.roster.remove(&(leader, who));
                        }
                        assert_eq!(as_set(&roster), self.model.roster, "the roster returned");
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::TemplateAdd(t, n) => {
                let made = template(&name(n));
                let result = self.tabs[t].library.change_templates(|list| {
                    let id = office_templates::fresh_id(list, now);
                    list.push(OfficeTemplate {
                        id: id.clone(),
                        ..made
                    });
                    id
                });
                match result {
                    Ok((list, id)) => {
                        self.model.templates.insert(id, name(n));
                        assert_eq!(names(&list), self.model.templates, "the templates returned");
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::TemplateRemove(t, pick) => {
                let ids: Vec<String> = self.model.templates.keys().cloned().collect();
                if ids.is_empty() {
                    return false;
                }
                let id = ids[pick % ids.len()].clone();
                let result = self.tabs[t]
                    .library
                    .change_templates(|list| list.retain(|t| t.id != id));
                match result {
                    Ok(_) => {
                        self.model.templates.remove(&id);
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::SnapshotAdd(t, pick) => {
                let Some(id) = self.pick(pick) else {
                    return false;
                };
                let p = self.model.plans[&id].plan.clone();
                let label = format!("版本{step}");
                match self.tabs[t].library.add_snapshot(&id, &label, &p, now) {
                    Ok(()) => {
                        let m = self.model.plans.get_mut(&id).unwrap();
                        m.snapshots.push((now as u64, label, p));
                        m.snapshots_foreign = false;
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::SnapshotRemove(t, pick, which) | Op::SnapshotRestore(t, pick, which) => {
                let Some(id) = self.pick(pick) else {
                    return false;
                };
                let m = &self.model.plans[&id];
                if m.snapshots.is_empty() || m.snapshots_foreign {
                    return false;
                }
                let (time, label, content) = m.snapshots[which % m.snapshots.len()].clone();
                if matches!(op, Op::SnapshotRemove(..)) {
                    match self.tabs[t].library.remove_snapshot(&id, time as f64) {
                        Ok(()) => {
                            let m = self.model.plans.get_mut(&id).unwrap();
                            m.snapshots.retain(|s| s.0 != time);
                            false
                        }
                        Err(_) => true,
                    }
                } else {
                    let current = m.plan.clone();
                    match self.tabs[t]
                        .library
                        .restore_snapshot(&id, time as f64, &current, now)
                    {
                        Ok(restored) => {
                            assert_eq!(restored, content, "a restore gives the snapshot's plan");
                            let m = self.model.plans.get_mut(&id).unwrap();
                            m.snapshots.push((
                                now as u64,
                                format!("恢复「{label}」前的版本"),
                                current,
                            ));
                            false
                        }
                        Err(_) => true,
                    }
                }
            }
            Op::Prune(t, pick, keep) => {
                let Some(id) = self.pick(pick) else {
                    return false;
                };
                if self.model.plans[&id].snapshots_foreign {
                    return false;
                }
                match self.tabs[t].library.prune_snapshots(&id, keep) {
                    Ok(_) => {
                        let list = &mut self.model.plans.get_mut(&id).unwrap().snapshots;
                        let extra = list.len().saturating_sub(keep);
                        list.drain(..extra);
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::Export(t) => {
                self.tabs[t].library.refresh();
                let backup = self.tabs[t].library.backup();
                // Everything the office has is in it.
                for (id, m) in &self.model.plans {
                    if m.foreign {
                        continue;
                    }
                    let entry = backup.plans.iter().find(|p| &p.meta.id == id);
                    let entry = entry.unwrap_or_else(|| panic!("backup lacks plan {id}"));
                    assert_eq!(entry.plan, m.plan);
                    if self.index_is_ours() {
                        assert_eq!(
                            entry.meta.deleted.is_some(),
                            m.deleted,
                            "trash state of {id}"
                        );
                    }
                    if !m.snapshots_foreign {
                        assert_eq!(snapshot_list(&entry.snapshots), snapshot_times(m));
                    }
                }
                for (key, value) in &self.model.kept {
                    let found = backup.raw.get(key) == Some(value)
                        || backup.raw.iter().any(|(k, v)| {
                            matches!(Kind::of(k), Some(Kind::Aside(_))) && v == value
                        });
                    assert!(found, "backup lacks the value kept under {key}");
                }
                let reread = Backup::from_json(&backup.to_json()).expect("a backup reads back");
                assert_eq!(reread, backup);
                self.backups.push((backup, self.model.clone()));
                false
            }
            Op::Import(t, which, how) => {
                if self.backups.is_empty() {
                    return false;
                }
                let (backup, _) = self.backups[which % self.backups.len()].clone();
                let existing = [Existing::Skip, Existing::Copy, Existing::Replace][how as usize];
                let known_before: BTreeSet<String> = self.raw_plan_ids();
                match self.tabs[t].library.import_backup(&backup, existing, now) {
                    Ok(_) => {
                        self.model_import(&backup, existing, &known_before);
                        false
                    }
                    Err(_) => true,
                }
            }
            Op::Reopen(t) => {
                let tab = Tab {
                    world: self.world.clone(),
                    me: t,
                };
                self.tabs[t] = TabState {
                    library: Library::open(tab),
                    open: None,
                };
                false
            }
            Op::Corrupt(pick) | Op::Newer(pick) => {
                let newer = matches!(op, Op::Newer(_));
                let candidates: Vec<String> = self
                    .raw()
                    .into_keys()
                    .filter(|k| {
                        matches!(
                            Kind::of(k),
                            Some(
                                Kind::Plan(_)
                                    | Kind::Snapshots(_)
                                    | Kind::Roster
                                    | Kind::Templates
                                    | Kind::Index
                            )
                        )
                    })
                    .collect();
                if candidates.is_empty() {
                    return false;
                }
                let key = candidates[pick % candidates.len()].clone();
                let value = if newer {
                    match Kind::of(&key) {
                        Some(Kind::Plan(_)) => format!(
                            r#"{{"format":"yaodian-plan","schema":99,"revision":{step},"plan":{{"新字段":{step}}}}}"#
                        ),
                        _ => format!(r#"{{"schema":99,"新字段":{step}}}"#),
                    }
                } else {
                    format!("{{\"损坏\":{step}")
                };
                let old = self
                    .world
                    .borrow_mut()
                    .store
                    .values
                    .insert(key.clone(), value.clone());
                // What this test itself replaces is not the library's to keep.
                self.model
                    .kept
                    .retain(|kept| Some(&kept.1) != old.as_ref() || kept.0 != key);
                self.model.kept.push((key.clone(), value));
                match Kind::of(&key) {
                    Some(Kind::Plan(id)) => {
                        if let Some(m) = self.model.plans.get_mut(&id) {
                            m.foreign = true;
                        }
                    }
                    Some(Kind::Snapshots(id)) => {
                        if let Some(m) = self.model.plans.get_mut(&id) {
                            m.snapshots.clear();
                            m.snapshots_foreign = true;
                        }
                    }
                    Some(Kind::Roster) => self.model.roster.clear(),
                    Some(Kind::Templates) => self.model.templates.clear(),
                    // The list is rebuilt from the plans: the trash is lost with it.
                    Some(Kind::Index) if !newer => {
                        for m in self.model.plans.values_mut() {
                            m.deleted = false;
                        }
                    }
                    _ => {}
                }
                false
            }
            Op::FailNextWrite => {
                self.world.borrow_mut().fail_next = true;
                false
            }
        }
    }

    /// Whether the stored list is one this build wrote (not garbage, not a newer version's).
    fn index_is_ours(&self) -> bool {
        self.world
            .borrow()
            .store
            .get(keys::INDEX)
            .is_some_and(|v| v.starts_with(&format!("{{\"schema\":{}", file::SCHEMA)))
    }

    fn raw_plan_ids(&self) -> BTreeSet<String> {
        self.raw()
            .keys()
            .filter_map(|k| match Kind::of(k) {
                Some(Kind::Plan(id)) => Some(id),
                _ => None,
            })
            .collect()
    }

    fn model_import(&mut self, backup: &Backup, existing: Existing, known: &BTreeSet<String>) {
        let after = self.raw_plan_ids();
        let mut copies: Vec<String> = after
            .iter()
            .filter(|id| !known.contains(*id) && !backup.plans.iter().any(|p| &p.meta.id == *id))
            .cloned()
            .collect();
        // In the order they were made: ids are the time and a counter (`…9` before `…10`).
        copies.sort_by_key(|id| (id.len(), id.clone()));
        for entry in &backup.plans {
            let id = &entry.meta.id;
            let snapshots = entry
                .snapshots
                .iter()
                .map(|s| (s.time as u64, s.name.clone(), s.plan.clone()))
                .collect();
            let fresh = ModelPlan {
                plan: entry.plan.clone(),
                deleted: entry.meta.deleted.is_some(),
                snapshots,
                foreign: false,
                snapshots_foreign: false,
                revision: self.tabs[0].library.revision(id),
            };
            match (known.contains(id), existing) {
                (true, Existing::Skip) => {}
                (true, Existing::Copy) => {
                    let copy = copies.remove(0);
                    let fresh = ModelPlan {
                        deleted: false,
                        revision: 1,
                        ..fresh
                    };
                    self.model.plans.insert(copy, fresh);
                }
                _ => {
                    self.model.plans.insert(id.clone(), fresh);
                }
            }
        }
        // A newer version's plan comes back where nothing was.
        for (key, value) in &backup.raw {
            if let Some(Kind::Plan(id)) = Kind::of(key) {
                if value.contains(r#""schema":99"#) && !known.contains(&id) {
                    copies.retain(|c| c != &id);
                    self.model.plans.insert(
                        id,
                        ModelPlan {
                            plan: Plan::default(),
                            deleted: false,
                            snapshots: Vec::new(),
                            foreign: true,
                            snapshots_foreign: false,
                            revision: 0,
                        },
                    );
                }
            }
        }
        assert!(copies.is_empty(), "every copy is one of the backup's plans");
        // Templates: one already there the same stays; a new id comes in; a taken id is
        // skipped, replaced or copied under a fresh id, as asked.
        let stored = names(&self.tabs[0].library.templates());
        let mut copied = Vec::new();
        for template in &backup.templates {
            match self.model.templates.get(&template.id) {
                None => {
                    self.model
                        .templates
                        .insert(template.id.clone(), template.name.clone());
                }
                Some(name) if *name == template.name => {}
                Some(_) => match existing {
                    Existing::Skip => {}
                    Existing::Replace => {
                        self.model
                            .templates
                            .insert(template.id.clone(), template.name.clone());
                    }
                    Existing::Copy => copied.push(template.name.clone()),
                },
            }
        }
        let mut fresh: Vec<String> = stored
            .iter()
            .filter(|(id, _)| !self.model.templates.contains_key(*id))
            .map(|(_, name)| name.clone())
            .collect();
        fresh.sort();
        copied.sort();
        assert_eq!(fresh, copied, "the templates copied in");
        for (id, name) in stored {
            self.model.templates.entry(id).or_insert(name);
        }
        for name in &backup.roster.leaders {
            self.model.roster.insert((true, name.clone()));
        }
        for name in &backup.roster.departments {
            self.model.roster.insert((false, name.clone()));
        }
    }

    /// After a failure: every value is as it was, or kept aside; only copies were added.
    fn unchanged_since(&self, before: &BTreeMap<String, String>) -> Result<(), String> {
        let after = self.raw();
        let aside = |value: &String| {
            after
                .iter()
                .any(|(k, v)| matches!(Kind::of(k), Some(Kind::Aside(_))) && v == value)
        };
        for (key, value) in before {
            if after.get(key) != Some(value) && !aside(value) {
                return Err(format!("{key} changed"));
            }
        }
        for key in after.keys() {
            if !before.contains_key(key) && !matches!(Kind::of(key), Some(Kind::Aside(_))) {
                return Err(format!("{key} was added"));
            }
        }
        Ok(())
    }

    fn check(&self) -> Result<(), String> {
        let raw = self.raw();
        if let Some(v) = self.world.borrow().violations.first() {
            return Err(v.clone());
        }
        let in_aside = |value: &String| {
            raw.iter()
                .any(|(k, v)| matches!(Kind::of(k), Some(Kind::Aside(_))) && v == value)
        };
        for (key, value) in &self.model.kept {
            if raw.get(key) != Some(value) && !in_aside(value) {
                return Err(format!("the value found under {key} is lost"));
            }
        }
        for (id, m) in &self.model.plans {
            if m.foreign {
                continue;
            }
            let stored = raw
                .get(&keys::plan(id))
                .ok_or_else(|| format!("plan {id} is gone"))?;
            let stored = file::from_json(stored).map_err(|e| format!("plan {id}: {e}"))?;
            if stored != m.plan {
                return Err(format!("plan {id} lost an acknowledged save"));
            }
            if !m.snapshots_foreign {
                let library = &self.tabs[0].library;
                let listed = snapshot_list(&library.snapshots(id));
                if listed != snapshot_times(m) {
                    return Err(format!(
                        "snapshots of {id}: {listed:?} != {:?}",
                        snapshot_times(m)
                    ));
                }
                for (s, (_, _, p)) in library.snapshots(id).iter().zip(&m.snapshots) {
                    if &s.plan != p {
                        return Err(format!("a snapshot of {id} changed"));
                    }
                }
            }
        }
        // The list, when it reads: every plan with its trash state, and no purged plan.
        let mut fresh = Library::open(MemoryStore {
            values: raw.clone(),
            quota: None,
        });
        fresh.refresh();
        if self.index_is_ours() {
            let listed: BTreeMap<String, bool> = fresh
                .plans()
                .into_iter()
                .map(|m| (m.id, false))
                .chain(fresh.trash().into_iter().map(|m| (m.id, true)))
                .collect();
            for (id, m) in &self.model.plans {
                if m.foreign {
                    continue;
                }
                match listed.get(id) {
                    None => return Err(format!("plan {id} is not in the list")),
                    Some(&deleted) if deleted != m.deleted => {
                        return Err(format!(
                            "plan {id}: in the trash {deleted}, told {}",
                            m.deleted
                        ))
                    }
                    _ => {}
                }
            }
            for id in listed.keys() {
                if !self.model.plans.contains_key(id) {
                    return Err(format!(
                        "plan {id} is listed but was never kept or was purged"
                    ));
                }
            }
        }
        let ours = |key: &str| {
            raw.get(key)
                .is_none_or(|v| v.starts_with(&format!("{{\"schema\":{}", file::SCHEMA)))
        };
        if ours(keys::TEMPLATES) && names(&fresh.templates()) != self.model.templates {
            return Err(format!(
                "templates {:?} != told {:?}",
                names(&fresh.templates()),
                self.model.templates
            ));
        }
        let roster_readable = ours(keys::ROSTER);
        if roster_readable && as_set(&fresh.roster()) != self.model.roster {
            return Err(format!(
                "roster {:?} != told {:?}",
                as_set(&fresh.roster()),
                self.model.roster
            ));
        }
        Ok(())
    }
}

/// A template whose content is its name (templates of one name are the same).
fn template(name: &str) -> OfficeTemplate {
    let mut plan = plan("计划");
    let mut section = yaodian::Node::new(1, yaodian::NodeKind::Heading, name);
    section
        .children
        .push(yaodian::Node::new(2, yaodian::NodeKind::Task, "任务"));
    plan.nodes.push(section);
    plan.repair_next_id();
    OfficeTemplate::from_node(&plan, 1, None, name, "").expect("the section is there")
}

fn names(list: &[OfficeTemplate]) -> BTreeMap<String, String> {
    list.iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect()
}

fn as_set(roster: &yaodian::Roster) -> BTreeSet<(bool, String)> {
    roster
        .leaders
        .iter()
        .map(|n| (true, n.clone()))
        .chain(roster.departments.iter().map(|n| (false, n.clone())))
        .collect()
}

fn snapshot_list(list: &[yaodian::store::Snapshot]) -> Vec<(u64, String)> {
    list.iter()
        .map(|s| (s.time as u64, s.name.clone()))
        .collect()
}

fn snapshot_times(m: &ModelPlan) -> Vec<(u64, String)> {
    m.snapshots
        .iter()
        .map(|(t, n, _)| (*t, n.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn two_tabs_lose_nothing(ops in proptest::collection::vec(op(), 1..60), quota in 6_000usize..40_000) {
        let mut run = Run::new(quota);
        for op in &ops {
            if let Err(e) = run.apply(op) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}

/// The three losses the issue names, as fixed sequences.
#[test]
fn a_stale_roster_never_overwrites_the_other_tabs_names() {
    let mut run = Run::new(100_000);
    for op in [
        Op::RosterAdd(0, true, 0),
        Op::RosterAdd(1, true, 4),
        Op::RosterAdd(0, false, 5),
    ] {
        run.apply(&op).unwrap();
    }
    assert_eq!(run.model.roster.len(), 3);
}

#[test]
fn a_plan_removed_elsewhere_is_gone_not_a_conflict() {
    let mut run = Run::new(100_000);
    for op in [
        Op::Create(0),
        Op::Open(1, 0),
        Op::Edit(1),
        Op::Delete(0, 0),
        Op::Purge(0, 0),
    ] {
        run.apply(&op).unwrap();
    }
    let tab = &mut run.tabs[1];
    let open = tab.open.as_ref().unwrap();
    assert_eq!(
        tab.library.save(&open.id, &open.plan, open.base, 1.0),
        Err(StoreError::Gone)
    );
}

/// Ten plans and more: copies made by one import are told apart in the order they were made
/// (found by a random run: ids `…9` and `…10` sort the other way as text).
#[test]
fn an_import_of_many_copies_keeps_each_plan() {
    let mut run = Run::new(8283);
    let mut ops = vec![Op::Create(0); 6];
    ops.insert(2, Op::RosterAdd(0, false, 0));
    ops.extend([Op::Export(0), Op::Import(0, 0, 1)]);
    for _ in 0..6 {
        ops.push(Op::Create(0));
    }
    ops.extend([Op::Export(0), Op::Import(0, 1, 1)]);
    for op in &ops {
        run.apply(op).unwrap();
    }
}

/// A tab that found the list unreadable (and no room to set it aside) purges a plan after the
/// other tab has mended the list: the purge reads the list again and writes it, so the purged
/// plan is not left listed (found by a random run).
#[test]
fn a_purge_after_the_list_was_mended_elsewhere_drops_the_plan_from_it() {
    let mut run = Run::new(6000);
    for op in [
        Op::Create(0),
        Op::TemplateAdd(0, 0),
        Op::Newer(9),
        Op::Create(1),
        Op::Corrupt(0),
        Op::Restore(0, 0),
        Op::SnapshotAdd(0, 0),
        Op::RosterAdd(0, false, 0),
        Op::FailNextWrite,
        Op::Newer(11),
        Op::Purge(1, 0),
    ] {
        run.apply(&op).unwrap();
    }
}
