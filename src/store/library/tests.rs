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
    library.save(&a, &plan("甲改"), 1, 3.0).unwrap();
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
    // A blank name is refused and changes nothing.
    assert!(library.rename(&b, "  ", 4.0).is_err());
    assert_eq!(library.load(&b).unwrap().title, "丙");
    assert_eq!(super::super::snapshot_name(" 报送稿 "), Ok("报送稿".into()));
    assert!(super::super::snapshot_name(" ").is_err());
}

#[test]
fn full_storage_keeps_the_previous_copy() {
    let mut library = Library::open(MemoryStore::with_quota(3000));
    let a = library.create(&plan("甲"), 1.0).unwrap();
    let big = plan(&"长".repeat(2000));
    assert_eq!(library.save(&a, &big, 1, 2.0), Err(StoreError::Full));
    assert_eq!(library.load(&a).unwrap().title, "甲");
    assert!(library.create(&big, 3.0).is_err());
    assert_eq!(library.plans().len(), 1);
}

#[test]
fn unreadable_index_is_kept_aside_not_overwritten() {
    let mut library = Library::open(MemoryStore::default());
    let a = library.create(&plan("甲"), 1.0).unwrap();
    let mut store = library.store.clone();
    store.set(keys::INDEX, "{broken").unwrap();
    let library = Library::open(store);
    assert_eq!(library.warnings.len(), 1);
    assert_eq!(library.plans().len(), 1);
    assert_eq!(library.plans()[0].id, a);
    assert_eq!(
        library.store.get(&keys::aside(keys::INDEX)).as_deref(),
        Some("{broken")
    );
}

#[test]
fn roster_round_trips() {
    let mut library = Library::open(MemoryStore::default());
    let (roster, added) = library
        .change_roster(|r| r.add(crate::Role::Leader, "杨少平"))
        .unwrap();
    assert!(added);
    assert_eq!(roster.leaders, ["杨少平"]);
    assert_eq!(Library::open(library.store.clone()).roster(), roster);
}
