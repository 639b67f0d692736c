//! Storage that loses nothing: migrations from every released version, values that cannot be
//! read set aside, two tabs, verified writes, snapshots, whole-library backups, hostile input.

use std::collections::BTreeMap;

use yaodian::plan::file::{self, FileError, SCHEMA};
use yaodian::plan::office_templates::OfficeTemplate;
use yaodian::store::{keys, Backup, Existing, Library, LoadError, MemoryStore, Store, StoreError};
use yaodian::{Plan, Status};

/// A store holding a fixture: a localStorage dump, key → value, as a released version left it.
fn fixture(version: u32) -> MemoryStore {
    let text = std::fs::read_to_string(format!("tests/fixtures/storage/v{version}.json")).unwrap();
    let values: BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
    MemoryStore {
        values,
        quota: None,
    }
}

fn plan(title: &str) -> Plan {
    Plan {
        title: title.into(),
        ..Plan::default()
    }
}

#[test]
fn every_released_version_migrates() {
    for version in 1..=SCHEMA {
        let path = format!("tests/fixtures/storage/v{version}.json");
        if version < SCHEMA || std::path::Path::new(&path).exists() {
            migrates_from(version);
        }
    }
}

fn migrates_from(version: u32) {
    let mut library = Library::open(fixture(version));
    assert_eq!(library.warnings, Vec::<String>::new(), "v{version}");
    let plans = library.plans();
    assert_eq!(plans.len(), 1, "v{version}");
    assert_eq!(
        plans[0].title,
        "关于2020年全县卫生健康工作要点暨任务分工的通知"
    );
    assert_eq!(library.trash().len(), 1);
    let (plan, revision) = library.load_revision(&plans[0].id).unwrap();
    if version == 1 {
        // Version 1 had no revisions: they start at 0.
        assert_eq!(revision, 0);
        assert!(plan
            .walk()
            .iter()
            .all(|(n, _)| n.ledger.status == Status::NotStarted));
    }
    assert_eq!(plan.notice.doc_number, "同卫健党组发〔2020〕8号");
    assert_eq!(
        yaodian::plan::numbering::number(&plan).len(),
        yaodian::plan::numbering::number(
            &file::from_json(
                &std::fs::read_to_string("tests/fixtures/tongxin-excerpt.json").unwrap()
            )
            .unwrap()
        )
        .len()
    );
    assert_eq!(library.roster().leaders, ["杨少平", "马正录", "杨硕"]);
    if version >= 5 {
        // The follow-up of schema 5: the round, its return, the calendar, a note's author and an
        // extension with the deadline it replaced.
        let round = plan.follow.round("2020年第三季度进度").unwrap();
        assert_eq!(round.returns[0].department, "局综合管理岗位");
        assert_eq!(plan.follow.warn_days, 7);
        assert_eq!(plan.follow.calendar.holidays.len(), 1);
        let tasks: Vec<_> = plan.walk().into_iter().map(|(n, _)| n).collect();
        assert!(tasks.iter().any(|n| n
            .ledger
            .notes
            .iter()
            .any(|note| note.author == "局综合管理岗位")));
        assert!(tasks.iter().any(|n| n
            .ledger
            .extensions
            .first()
            .is_some_and(|e| e.from == yaodian::Deadline::LongTerm)));
    }
    if version >= 3 {
        templates_of_schema_3_read(&library, &plan);
    } else {
        assert!(library.templates().is_empty());
    }

    // Saving writes the current schema; the data reads back the same.
    let id = plans[0].id.clone();
    library.save(&id, &plan, revision, 2e12).unwrap();
    let raw = library.store().get(&format!("yaodian/plan/{id}")).unwrap();
    assert!(raw.contains(&format!("\"schema\":{SCHEMA}")));
    assert_eq!(library.load(&id).unwrap(), plan);
    // The old plan file format reads too (exported files of that version).
    let stored_v1 = fixture(version).values[&format!("yaodian/plan/{id}")].clone();
    assert_eq!(file::from_json(&stored_v1).unwrap(), plan);
}

#[test]
fn a_value_of_a_newer_version_is_never_touched() {
    let mut store = MemoryStore::default();
    let newer = r#"{"format":"yaodian-plan","schema":99,"revision":3,"plan":{"title":"未来"}}"#;
    store.set("yaodian/plan/abc", newer).unwrap();
    let library = Library::open(store.clone());
    assert_eq!(library.warnings.len(), 1);
    assert!(library.warnings[0].contains("较新版本"));
    assert_eq!(
        library.store().get("yaodian/plan/abc").as_deref(),
        Some(newer)
    );

    // A newer index makes the whole library read-only.
    store
        .set("yaodian/index", r#"{"schema":99,"plans":[]}"#)
        .unwrap();
    let mut library = Library::open(store);
    assert!(library.read_only.is_some());
    assert!(matches!(
        library.create(&plan("新"), 1.0),
        Err(StoreError::Unavailable(_))
    ));
    assert_eq!(
        library.store().get("yaodian/index").as_deref(),
        Some(r#"{"schema":99,"plans":[]}"#)
    );
    assert_eq!(
        file::from_json(newer),
        Err(FileError::TooNew(99)),
        "and a newer plan file is refused with its version"
    );
}

#[test]
fn an_unreadable_plan_is_set_aside_and_the_rest_opens() {
    let mut library = Library::open(MemoryStore::default());
    let good = library.create(&plan("好的"), 1.0).unwrap();
    let bad = library.create(&plan("坏的"), 2.0).unwrap();
    let mut store = library.store().clone();
    let garbage = "{\"format\":\"yaodian-plan\",\"schema\":2,\"plan\":{\"nodes\":\u{0}garbage";
    store.set(&format!("yaodian/plan/{bad}"), garbage).unwrap();

    let library = Library::open(store);
    assert_eq!(library.plans().len(), 1);
    assert_eq!(library.plans()[0].id, good);
    assert_eq!(library.warnings.len(), 1);
    assert!(
        library.warnings[0].contains("「坏的」"),
        "{:?}",
        library.warnings
    );
    let aside = library.aside();
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].original, format!("yaodian/plan/{bad}"));
    assert_eq!(library.aside_value(&aside[0].key).as_deref(), Some(garbage));
    assert_eq!(library.load(&bad), Err(LoadError::Missing));

    // Opening again finds nothing new and keeps the copy.
    let mut again = Library::open(library.store().clone());
    assert!(again.warnings.is_empty());
    assert_eq!(again.aside().len(), 1);
    again.remove_aside(&aside[0].key);
    assert!(again.aside().is_empty());
}

#[test]
fn an_unreadable_index_that_cannot_be_kept_makes_the_library_read_only() {
    let mut library = Library::open(MemoryStore::default());
    library.create(&plan("甲"), 1.0).unwrap();
    let mut store = library.store().clone();
    store.set("yaodian/index", &"x".repeat(500)).unwrap();
    store.quota = Some(store.values.iter().map(|(k, v)| k.len() + v.len()).sum());
    let mut library = Library::open(store);
    assert!(library.read_only.is_some());
    assert_eq!(library.plans().len(), 1, "rebuilt from the plans");
    assert!(library.create(&plan("乙"), 2.0).is_err());
    assert_eq!(
        library.store().get("yaodian/index").unwrap(),
        "x".repeat(500)
    );
}

#[test]
fn two_tabs_never_overwrite_each_other() {
    let mut first = Library::open(MemoryStore::default());
    let id = first.create(&plan("甲"), 1.0).unwrap();
    let shared = first.store().clone();
    // Both tabs load revision 1.
    let (_, base) = first.load_revision(&id).unwrap();
    assert_eq!(base, 1);
    let revision = first.save(&id, &plan("甲（一号窗口）"), base, 2.0).unwrap();
    assert_eq!(revision, 2);
    // The second tab, still at revision 1, is refused and told so.
    let mut second = Library::open(first.store().clone());
    assert_eq!(
        second.save(&id, &plan("甲（二号窗口）"), base, 3.0),
        Err(StoreError::Conflict)
    );
    assert_eq!(second.load(&id).unwrap().title, "甲（一号窗口）");
    // It keeps its version as a new plan: both are kept.
    second.create(&plan("甲（二号窗口）"), 3.0).unwrap();
    assert_eq!(second.plans().len(), 2);
    drop(shared);
}

/// A store shared by two libraries, as localStorage is by two tabs.
#[derive(Clone, Default)]
pub(crate) struct Shared(pub(crate) std::rc::Rc<std::cell::RefCell<MemoryStore>>);

impl Store for Shared {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys()
    }
}

#[test]
fn two_tabs_keep_each_others_plans_in_the_list() {
    let store = Shared::default();
    let mut one = Library::open(store.clone());
    let mut two = Library::open(store.clone());
    one.create(&plan("一号窗口新建"), 1.0).unwrap();
    two.create(&plan("二号窗口新建"), 2.0).unwrap();
    one.delete(&one.plans()[0].id.clone(), 3.0).unwrap();
    let reopened = Library::open(store);
    assert_eq!(reopened.plans().len() + reopened.trash().len(), 2);
    assert!(two.refresh());
    assert_eq!(two.trash().len(), 1);
}

/// A store that drops every write silently, as a broken storage might.
#[derive(Default)]
struct Forgetful(MemoryStore);

impl Store for Forgetful {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), StoreError> {
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.0.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.0.keys()
    }
}

#[test]
fn writes_are_read_back() {
    let mut library = Library::open(Forgetful::default());
    assert_eq!(
        library.create(&plan("甲"), 1.0),
        Err(StoreError::Unverified)
    );
    assert!(library.plans().is_empty());
    assert!(StoreError::Unverified.to_string().contains("导出"));
}

#[test]
fn snapshots_restore_and_keep_the_current_state() {
    let mut library = Library::open(MemoryStore::default());
    let id = library.create(&plan("初稿"), 1.0).unwrap();
    library
        .add_snapshot(&id, "报送稿", &plan("报送稿内容"), 2.0)
        .unwrap();
    library
        .add_snapshot(&id, "  ", &plan("另一稿"), 3.0)
        .unwrap();
    let names: Vec<String> = library
        .snapshots(&id)
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["报送稿", "未命名版本"]);
    let restored = library
        .restore_snapshot(&id, 2.0, &plan("现在的"), 4.0)
        .unwrap();
    assert_eq!(restored.title, "报送稿内容");
    let snapshots = library.snapshots(&id);
    assert_eq!(snapshots.len(), 3);
    assert_eq!(snapshots[2].name, "恢复「报送稿」前的版本");
    assert_eq!(snapshots[2].plan.title, "现在的");
    library.remove_snapshot(&id, 3.0).unwrap();
    assert_eq!(library.snapshots(&id).len(), 2);
    // Purging the plan removes its snapshots.
    library.delete(&id, 5.0).unwrap();
    library.purge(&id).unwrap();
    assert!(library.snapshots(&id).is_empty());
}

#[test]
fn backup_export_clear_import_is_byte_for_byte() {
    let mut library = Library::open(fixture(1));
    let id = library.plans()[0].id.clone();
    let (plan, revision) = library.load_revision(&id).unwrap();
    library.add_snapshot(&id, "报送稿", &plan, 5.0).unwrap();
    library.save(&id, &plan, revision, 6.0).unwrap();
    let exported = library.backup().to_json();

    let mut fresh = Library::open(MemoryStore::default());
    let backup = Backup::from_json(&exported).unwrap();
    assert!(fresh.conflicts(&backup).is_empty());
    let report = fresh.import_backup(&backup, Existing::Skip, 7.0).unwrap();
    assert_eq!(report.added, 2);
    assert_eq!(fresh.backup().to_json(), exported);
    assert_eq!(fresh.trash().len(), 1);
    assert_eq!(fresh.snapshots(&id).len(), 1);
}

#[test]
fn backup_import_asks_before_replacing_and_bad_files_change_nothing() {
    let mut library = Library::open(MemoryStore::default());
    let id = library.create(&plan("原有"), 1.0).unwrap();
    let mut backup = library.backup();
    backup.plans[0].plan.title = "备份中的".into();
    assert_eq!(library.conflicts(&backup), ["原有"]);

    let report = library.import_backup(&backup, Existing::Skip, 2.0).unwrap();
    assert_eq!(report.skipped, 1);
    assert_eq!(library.load(&id).unwrap().title, "原有");
    let report = library.import_backup(&backup, Existing::Copy, 3.0).unwrap();
    assert_eq!(report.copied, 1);
    assert_eq!(library.plans().len(), 2);
    assert_eq!(library.load(&id).unwrap().title, "原有");
    let report = library
        .import_backup(&backup, Existing::Replace, 4.0)
        .unwrap();
    assert_eq!(report.replaced, 1);
    assert_eq!(library.load(&id).unwrap().title, "备份中的");

    let before = library.store().values.clone();
    for bad in [
        "",
        "not json",
        "{\"format\":\"yaodian-library\"}",
        "{\"format\":\"yaodian-library\",\"schema\":99,\"roster\":{},\"plans\":[]}",
        "{\"format\":\"yaodian-library\",\"schema\":2,\"roster\":{},\"plans\":[{\"meta\":{}}]}",
        "{\"format\":\"yaodian-plan\",\"schema\":2,\"plan\":{}}",
    ] {
        assert!(Backup::from_json(bad).is_err(), "{bad}");
    }
    assert_eq!(library.store().values, before);

    // A backup too big for the quota is rolled back entirely.
    let mut big = backup.clone();
    for n in 0..20 {
        let mut entry = big.plans[0].clone();
        entry.meta.id = format!("big{n}");
        entry.plan.requirements = "长".repeat(5000);
        big.plans.push(entry);
    }
    let mut store = library.store().clone();
    store.quota = Some(
        store
            .values
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + 40_000,
    );
    let mut small = Library::open(store);
    let before = small.store().values.clone();
    assert_eq!(
        small.import_backup(&big, Existing::Copy, 5.0),
        Err(StoreError::Full)
    );
    assert_eq!(small.store().values, before);
    assert_eq!(small.plans().len(), 2);
}

#[test]
fn usage_counts_utf16_units() {
    let mut library = Library::open(MemoryStore::default());
    assert_eq!(library.usage(), 0);
    library.create(&plan("计划"), 1.0).unwrap();
    let total: usize = library
        .store()
        .values
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    assert_eq!(library.usage(), total);
}

/// The current version's fixture: the v1 library opened, saved, with a ledger and a snapshot,
/// as this build stores it. `UPDATE_EXPECTED=1` writes it when the schema is bumped; once a
/// version is released its fixture is never rewritten.
#[test]
fn the_current_version_has_a_fixture() {
    let path = format!("tests/fixtures/storage/v{SCHEMA}.json");
    if std::env::var_os("UPDATE_EXPECTED").is_some() && !std::path::Path::new(&path).exists() {
        let mut library = Library::open(fixture(1));
        let id = library.plans()[0].id.clone();
        let (mut plan, revision) = library.load_revision(&id).unwrap();
        let task = plan.nodes[0].children[0].id;
        for edit in [
            yaodian::Edit::SetStatus(task, Status::InProgress),
            yaodian::Edit::AddNote(
                task,
                yaodian::ProgressNote {
                    day: yaodian::Day::parse("2020-06-30").unwrap(),
                    text: "已召开动员会".into(),
                    author: String::new(),
                },
            ),
            yaodian::Edit::SetCompletion(task, "完成情况".into()),
        ] {
            edit.apply(&mut plan).unwrap();
        }
        library
            .save(&id, &plan, revision, 1_700_000_700_000.0)
            .unwrap();
        library
            .add_snapshot(&id, "报送稿", &plan, 1_700_000_800_000.0)
            .unwrap();
        // Schema 3: a template of the office's, and a node copied in from elsewhere.
        let section = plan.nodes[0].id;
        let mut template =
            OfficeTemplate::from_node(&plan, section, None, "党建", "每年都有").unwrap();
        template.id = "t1".into();
        library
            .change_templates(|list| list.push(template))
            .unwrap();
        let (mut plan, revision) = library.load_revision(&id).unwrap();
        plan.nodes[1].origin = Some(yaodian::Origin {
            from: "2019年工作要点 二、".into(),
            period: Some(yaodian::Period::year(2019)),
        });
        library
            .save(&id, &plan, revision, 1_700_000_900_000.0)
            .unwrap();
        // Schema 4: the office's font choice with its roster.
        library
            .change_roster(|r| {
                r.add(yaodian::Role::Leader, "杨少平");
                r.fonts = yaodian::FontChoice {
                    plain_names: true,
                    latin_in_times: true,
                };
            })
            .unwrap();
        let values = &library.store().values;
        std::fs::write(&path, serde_json::to_string_pretty(values).unwrap()).unwrap();
    }
    let library = Library::open(fixture(SCHEMA));
    let id = library.plans()[0].id.clone();
    let plan = library.load(&id).unwrap();
    assert_eq!(
        plan.nodes[0].children[0].ledger.notes[0].text,
        "已召开动员会"
    );
    assert_eq!(library.snapshots(&id)[0].name, "报送稿");
    templates_of_schema_3_read(&library, &plan);
    let roster = library.roster();
    assert!(roster.leaders.iter().any(|n| n == "杨少平"));
    assert!(roster.fonts.plain_names && roster.fonts.latin_in_times);
}

/// What a library of schema 3 or later holds beyond schema 2: the office's templates, and
/// where a node was copied from.
fn templates_of_schema_3_read(library: &Library<MemoryStore>, plan: &yaodian::Plan) {
    let templates = library.templates();
    assert_eq!(templates.len(), 1);
    assert_eq!(
        (templates[0].name.as_str(), templates[0].note.as_str()),
        ("党建", "每年都有")
    );
    assert_eq!(templates[0].nodes[0].title, plan.nodes[0].title);
    assert_eq!(templates[0].nodes[0].id, 1);
    assert_eq!(templates[0].period, Some(yaodian::Period::year(2020)));
    let origin = plan.nodes[1].origin.as_ref().expect("kept");
    assert_eq!(origin.period, Some(yaodian::Period::year(2019)));
}

/// No file but `src/store/keys.rs` spells a storage key: the layout has one owner.
#[test]
fn only_the_keys_module_spells_a_key() {
    fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("src/store/keys.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains("\"yaodian/") {
                    found.push(path.display().to_string());
                }
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    walk(&root.join("src"), &mut found);
    walk(&root.join("web/src"), &mut found);
    assert!(
        found.is_empty(),
        "keys spelled outside src/store/keys.rs: {found:?}"
    );
}

/// A list of a newer version is never written over, yet a plan can still be removed for good
/// (storage can always be freed), and saved and exported while it stays.
#[test]
fn a_newer_list_still_lets_plans_be_saved_exported_and_removed() {
    let mut library = Library::open(MemoryStore::default());
    let a = library.create(&plan("甲"), 1.0).unwrap();
    let b = library.create(&plan("乙"), 2.0).unwrap();
    let mut store = library.store().clone();
    let newer = r#"{"schema":99,"plans":"新版本的列表"}"#;
    store.set(keys::INDEX, newer).unwrap();
    let mut library = Library::open(store);
    assert!(library.read_only.is_some());
    assert!(library.delete(&a, 3.0).is_err(), "the trash is in the list");
    let (_, revision) = library.load_revision(&a).unwrap();
    library.save(&a, &plan("甲改"), revision, 3.0).unwrap();
    assert!(library
        .backup()
        .plans
        .iter()
        .any(|p| p.plan.title == "甲改"));
    library.purge(&b).unwrap();
    assert_eq!(library.load(&b), Err(LoadError::Missing));
    assert_eq!(library.store().get(keys::INDEX).as_deref(), Some(newer));
}
