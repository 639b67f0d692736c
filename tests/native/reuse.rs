//! Drafting from the office's years: templates saved, stored, shared and backed up; a new plan
//! from sections and tasks of several earlier plans; copies inserted while editing, at every
//! depth, as one undo step; the old years of copied text listed for review.

use std::collections::BTreeSet;

use proptest::prelude::*;
use yaodian::plan::edit::InsertAt;
use yaodian::plan::next_year::{old_year_mentions, YearReview};
use yaodian::plan::numbering::number;
use yaodian::plan::office_templates::{self, OfficeTemplate};
use yaodian::plan::reuse::{copies, search, Carry, Owners, Pick, Source, SourceId};
use yaodian::plan::templates::{new_plan, NewPlan};
use yaodian::store::{Backup, Existing, Library, MemoryStore};
use yaodian::{Deadline, Edit, Editor, Node, NodeKind, Period, Plan, ProgressNote, Status};

/// A plan of `year`: 一、党建 (two tasks), 二、医疗 with （一）a heading holding a task with a
/// sub-item. Every task names its year, has owners, a dated deadline and a ledger.
fn plan_of(year: i32) -> Plan {
    let mut plan = Plan {
        period: Period::year(year),
        title: format!("{year}年卫生健康工作要点"),
        ..Plan::default()
    };
    let task = |plan: &mut Plan, title: &str, lead: &str| {
        let mut task = Node::new(plan.fresh_id(), NodeKind::Task, title);
        task.body = format!("到{year}年底完成{title}。");
        task.division.leaders = vec![format!("领导{year}")];
        task.division.leads = vec![lead.to_string()];
        task.division.partners = vec!["办公室".into()];
        task.division.deadline = Deadline::Date {
            year,
            month: 2,
            day: 29,
        };
        task.ledger.status = Status::Done;
        task.ledger.notes.push(ProgressNote {
            day: yaodian::Day::parse(&format!("{year}-06-30")).unwrap(),
            text: "已完成".into(),
            author: String::new(),
        });
        task
    };
    let mut party = Node::new(plan.fresh_id(), NodeKind::Heading, "全面加强党的建设");
    party
        .children
        .push(task(&mut plan, &format!("强化理论武装{year}"), "党建办"));
    party
        .children
        .push(task(&mut plan, &format!("加强行风建设{year}"), "纪检组"));
    let mut medical = Node::new(plan.fresh_id(), NodeKind::Heading, "提升医疗服务能力");
    let mut specialty = Node::new(plan.fresh_id(), NodeKind::Heading, "加强专科建设");
    let mut with_item = task(&mut plan, &format!("建设重点专科{year}"), "医政科");
    with_item
        .children
        .push(task(&mut plan, &format!("胸痛中心{year}"), "医政科"));
    specialty.children.push(with_item);
    medical.children.push(specialty);
    plan.nodes = vec![party, medical];
    plan
}

fn sources() -> Vec<Source> {
    vec![
        Source::from_plan("p2023", plan_of(2023)),
        Source::from_plan("p2024", plan_of(2024)),
        Source::from_plan("p2025", plan_of(2025)),
    ]
}

fn id_of(source: &Source, title: &str) -> u32 {
    source
        .plan
        .walk()
        .iter()
        .find(|(n, _)| n.title == title)
        .map(|(n, _)| n.id)
        .unwrap_or_else(|| panic!("{title}"))
}

fn pick(sources: &[Source], at: usize, title: &str) -> Pick {
    Pick {
        source: sources[at].id.clone(),
        node: id_of(&sources[at], title),
    }
}

fn outline(plan: &Plan) -> Vec<String> {
    number(plan)
        .into_iter()
        .map(|n| format!("{}{}", n.label, n.node.title))
        .collect()
}

fn ids_unique(plan: &Plan) -> bool {
    let ids: Vec<u32> = plan.walk().iter().map(|(n, _)| n.id).collect();
    ids.iter().collect::<BTreeSet<_>>().len() == ids.len() && ids.iter().all(|&i| i < plan.next_id)
}

#[test]
fn a_new_plan_from_three_years_takes_what_was_picked_in_that_order() {
    let sources = sources();
    let picks = vec![
        // A whole section of 2025, a single task of 2023's 党建, a built-in section, and a
        // sub-item deep in 2024's 医疗 (it comes with its headings).
        pick(&sources, 2, "提升医疗服务能力"),
        pick(&sources, 0, "加强行风建设2023"),
        Pick::builtin("epidemic").unwrap(),
        pick(&sources, 1, "胸痛中心2024"),
    ];
    for owners in [Owners::Keep, Owners::Clear] {
        let spec = NewPlan {
            year: 2027,
            office: "某县卫生健康局".into(),
            picks: picks.clone(),
            owners,
        };
        let plan = new_plan(&spec, &sources);
        assert_eq!(
            outline(&plan),
            [
                "一、提升医疗服务能力",
                "（一）加强专科建设",
                "1.建设重点专科2025",
                "（1）胸痛中心2025",
                // Under the headings of the same titles; the task above it as a title only.
                "2.建设重点专科2024",
                "（1）胸痛中心2024",
                // The default numbering counts （一） on across sections.
                "二、全面加强党的建设",
                "（二）加强行风建设2023",
                "三、抓好传染病防控和卫生应急",
                "（三）完善监测预警体系",
                "（四）做好重点传染病防治",
                "（五）提升卫生应急处置能力",
            ],
            "{owners:?}"
        );
        assert!(ids_unique(&plan));
        for (node, _) in plan.walk() {
            // The year's ledger stays behind; deadlines move to 2027 (29 Feb → 28 Feb).
            assert_eq!(node.ledger, Default::default(), "{}", node.title);
            assert!(!node.carried_over);
            if node.kind == NodeKind::Task && node.origin.is_some() && !node.body.is_empty() {
                assert_eq!(
                    node.division.deadline,
                    Deadline::Date {
                        year: 2027,
                        month: 2,
                        day: 28
                    }
                );
                let kept = owners == Owners::Keep;
                assert_eq!(!node.division.leaders.is_empty(), kept, "{}", node.title);
                assert_eq!(!node.division.partners.is_empty(), kept);
            }
        }
        // Each copy says where it came from, built-in sections excepted.
        let from = |title: &str| {
            plan.walk()
                .iter()
                .find(|(n, _)| n.title == title)
                .and_then(|(n, _)| n.origin.clone())
        };
        let origin = from("加强行风建设2023").unwrap();
        assert_eq!(origin.from, "2023年卫生健康工作要点 （二）");
        assert_eq!(origin.period, Some(Period::year(2023)));
        assert_eq!(
            from("胸痛中心2024").unwrap().period,
            Some(Period::year(2024))
        );
        assert_eq!(from("完善监测预警体系"), None);
        // The text is not changed: every old year it names is listed, with its own year.
        let review = old_year_mentions(&plan);
        let years: BTreeSet<i32> = review.iter().map(|m| m.old.start).collect();
        assert_eq!(years, BTreeSet::from([2023, 2024, 2025]));
        // Three in each task copied whole (its title, twice in its body), one in the title
        // of the task brought along above a picked sub-item.
        assert_eq!(review.len(), 3 * 4 + 1, "{review:#?}");
    }
}

#[test]
fn a_task_picked_inside_a_picked_section_comes_once() {
    let sources = sources();
    let spec = NewPlan {
        year: 2027,
        office: String::new(),
        picks: vec![
            pick(&sources, 0, "全面加强党的建设"),
            pick(&sources, 0, "强化理论武装2023"),
        ],
        owners: Owners::Keep,
    };
    let plan = new_plan(&spec, &sources);
    assert_eq!(outline(&plan).len(), 3);
}

#[test]
fn deadlines_move_by_the_years_between_the_plans() {
    let carry = Carry {
        period: Period::year(2027),
        owners: Owners::Keep,
    };
    let from = Some(Period::year(2024));
    let month = |year| Deadline::Month { year, month: 6 };
    assert_eq!(carry.deadline(&month(2024), from), month(2027));
    // A year outside the source plan's is not its own: it stays.
    assert_eq!(carry.deadline(&month(2030), from), month(2030));
    assert_eq!(
        carry.deadline(&Deadline::Text("2024年底前".into()), from),
        Deadline::Text("2027年底前".into())
    );
    assert_eq!(
        carry.deadline(&Deadline::LongTerm, from),
        Deadline::LongTerm
    );
    // Years unknown (a template file without them): the new plan's year.
    assert_eq!(carry.deadline(&month(2019), None), month(2027));
}

/// Every node of every depth, inserted after, into, and at the end of a plan: one undo step,
/// numbering derived, ids fresh, the depth limit refused without a change.
#[test]
fn copies_insert_at_every_depth_as_one_undo_step() {
    let sources = sources();
    let carry = Carry {
        period: Period::year(2027),
        owners: Owners::Clear,
    };
    let source = &sources[1];
    let target = plan_of(2027);
    let places: Vec<(u32, usize)> = target
        .walk()
        .iter()
        .map(|(n, depth)| (n.id, *depth))
        .collect();
    for entry in source.entries() {
        let nodes = copies(
            &[Pick {
                source: source.id.clone(),
                node: entry.id,
            }],
            &sources,
            carry,
        );
        let height = nodes[0].height();
        let mut ats = vec![(InsertAt::End, 0)];
        for &(id, depth) in &places {
            ats.push((InsertAt::After(id), depth));
            ats.push((InsertAt::Into(id), depth + 1));
        }
        for (at, depth) in ats {
            let mut editor = Editor::new(target.clone());
            let before = editor.plan().clone();
            let result = editor.apply(Edit::Insert {
                at,
                nodes: nodes.clone(),
            });
            if depth + height > yaodian::plan::model::MAX_DEPTH {
                assert!(result.is_err(), "{at:?} {}", entry.title);
                assert_eq!(editor.plan(), &before);
                continue;
            }
            let focus = result.unwrap().focus.expect("the copy has the cursor");
            let plan = editor.plan();
            assert!(ids_unique(plan));
            let copy = plan.node(focus).unwrap();
            assert_eq!(copy.title, entry.title);
            assert_eq!(plan.place(focus).unwrap().1, depth, "{at:?}");
            assert_eq!(
                number(plan).len(),
                number(&before).len() + nodes[0].height_count()
            );
            assert!(copy.division.leaders.is_empty());
            editor.undo();
            assert_eq!(editor.plan(), &before);
            editor.redo();
            assert_eq!(editor.plan().node(focus).unwrap().title, entry.title);
        }
    }
}

trait Count {
    fn height_count(&self) -> usize;
}

impl Count for Node {
    /// Nodes in the subtree.
    fn height_count(&self) -> usize {
        1 + self.children.iter().map(Node::height_count).sum::<usize>()
    }
}

#[test]
fn search_finds_by_words_owner_and_year() {
    let mut sources = sources();
    sources.push(Source::builtin());
    let titles = |query: &str| -> Vec<String> {
        search(&sources, query, 50)
            .into_iter()
            .map(|h| h.title)
            .collect()
    };
    assert_eq!(
        titles("胸痛中心"),
        ["胸痛中心2025", "胸痛中心2024", "胸痛中心2023"]
    );
    assert_eq!(titles("纪检组 2024"), ["加强行风建设2024"]);
    assert_eq!(titles("2023年 医政科").len(), 2);
    // The built-in sections come last, and match by words only.
    let last = search(&sources, "党的建设", 50);
    assert_eq!(last.last().unwrap().source, "内置模板");
    assert!(titles("").is_empty());
    // By the source's name: everything of that plan.
    assert_eq!(titles("2024年卫生健康工作要点").len(), 7);
    assert_eq!(search(&sources, "建设", 2).len(), 2);
}

#[test]
fn a_template_keeps_the_tasks_chosen_and_not_the_year() {
    let plan = plan_of(2025);
    let section = plan.nodes[0].id;
    let kept = plan.nodes[0].children[1].id;
    let template =
        OfficeTemplate::from_node(&plan, section, Some(&BTreeSet::from([kept])), "", "常用")
            .unwrap();
    assert_eq!(template.name, "全面加强党的建设");
    assert_eq!(template.from, "2025年卫生健康工作要点 一、");
    assert_eq!(template.period, Some(Period::year(2025)));
    assert_eq!(template.nodes[0].children.len(), 1);
    assert_eq!(template.nodes[0].children[0].title, "加强行风建设2025");
    assert_eq!(template.task_count(), 1);
    let task = &template.nodes[0].children[0];
    assert_eq!(task.ledger, Default::default());
    assert_eq!(task.division.leads, ["纪检组"]);
    assert_eq!((template.nodes[0].id, task.id), (1, 2));

    // Used in a plan of 2027: the template's years move and are reviewed.
    let mut template = template;
    template.id = "t1".into();
    let sources = vec![Source::from_template(&template)];
    let spec = NewPlan {
        year: 2027,
        office: String::new(),
        picks: vec![Pick {
            source: SourceId::Template("t1".into()),
            node: 1,
        }],
        owners: Owners::Keep,
    };
    let made = new_plan(&spec, &sources);
    let task = &made.nodes[0].children[0];
    // Each copy says its own place in the template.
    assert_eq!(
        task.origin.as_ref().unwrap().from,
        "本单位模板“全面加强党的建设” （一）"
    );
    let section = made.nodes[0].origin.as_ref().unwrap();
    assert_eq!(section.from, "本单位模板“全面加强党的建设” 一、");
    assert_eq!(task.division.deadline.year(), Some(2027));
    assert_eq!(old_year_mentions(&made).len(), 3);
}

#[test]
fn templates_are_stored_shared_and_backed_up() {
    let plan = plan_of(2025);
    let mut a = Library::open(MemoryStore::default());
    let template = OfficeTemplate::from_node(&plan, plan.nodes[1].id, None, "医疗", "").unwrap();
    let (list, ()) = a
        .change_templates(|list| {
            let id = office_templates::fresh_id(list, 1.0);
            list.push(OfficeTemplate {
                id,
                ..template.clone()
            });
        })
        .unwrap();
    assert_eq!(list.len(), 1);
    a.change_templates(|list| list[0].name = "医疗服务".into())
        .unwrap();
    let shared = a.store().clone();
    let mut b = Library::open(shared);
    b.change_templates(|list| {
        let id = office_templates::fresh_id(list, 2.0);
        list.push(OfficeTemplate {
            id,
            name: "第二个".into(),
            ..template.clone()
        });
    })
    .unwrap();
    let names: Vec<String> = b.templates().into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["医疗服务", "第二个"]);

    // The file offices share: read back the same, merged without doubles.
    let file = office_templates::to_json(&b.templates());
    let read = office_templates::from_json(&file).unwrap();
    assert_eq!(read, b.templates());
    let mut list = read.clone();
    let merged = office_templates::merge(&mut list, &read, 3.0);
    assert_eq!((merged.added, merged.same), (0, 2));
    assert!(office_templates::from_json("{}").is_err());
    assert!(office_templates::from_json(&file.replace(
        &format!("\"schema\": {}", yaodian::plan::file::SCHEMA),
        "\"schema\": 99",
    ))
    .unwrap_err()
    .to_string()
    .contains("较新版本"));

    // Export → clear → import of the whole library brings them back.
    let backup = Backup::from_json(&b.backup().to_json()).unwrap();
    let mut fresh = Library::open(MemoryStore::default());
    let report = fresh.import_backup(&backup, Existing::Skip, 4.0).unwrap();
    assert_eq!(report.templates, 2);
    assert_eq!(fresh.templates(), b.templates());
    // Imported again: nothing doubles.
    let report = fresh.import_backup(&backup, Existing::Copy, 5.0).unwrap();
    assert_eq!(report.templates, 0);
    assert_eq!(fresh.templates().len(), 2);
}

#[test]
fn a_damaged_templates_value_is_set_aside_not_lost() {
    let mut store = MemoryStore::default();
    let raw = r#"{"schema":3,"templates":[{"id":"t1","name":"坏","nodes":[]}]}"#;
    yaodian::store::Store::set(&mut store, yaodian::store::keys::TEMPLATES, raw).unwrap();
    let library = Library::open(store);
    assert_eq!(library.warnings.len(), 1, "{:?}", library.warnings);
    assert!(library.warnings[0].contains("本单位模板"));
    assert!(library.templates().is_empty());
    assert_eq!(library.aside().len(), 1);
    // And a newer version's value is never replaced.
    let mut store = MemoryStore::default();
    let newer = r#"{"schema":99,"templates":[]}"#;
    yaodian::store::Store::set(&mut store, yaodian::store::keys::TEMPLATES, newer).unwrap();
    let mut library = Library::open(store);
    assert!(library.change_templates(|list| list.clear()).is_err());
    assert_eq!(
        yaodian::store::Store::get(library.store(), yaodian::store::keys::TEMPLATES).as_deref(),
        Some(newer)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any picks of any nodes of the three plans and the built-in sections, in any order,
    /// either owners choice: every picked node is in the new plan once, in the order picked
    /// where it landed at the top, ids unique, no ledger, every dated deadline in 2027, and
    /// the review equal to the one kept edit by edit.
    #[test]
    fn any_picks_make_a_sound_plan(
        chosen in proptest::collection::vec((0..4usize, any::<prop::sample::Index>()), 0..8),
        clear in any::<bool>(),
    ) {
        let mut all = sources();
        all.push(Source::builtin());
        let picks: Vec<Pick> = chosen
            .iter()
            .map(|(s, index)| {
                let entries = all[*s].entries();
                Pick { source: all[*s].id.clone(), node: entries[index.index(entries.len())].id }
            })
            .collect();
        let spec = NewPlan {
            year: 2027,
            office: String::new(),
            picks: picks.clone(),
            owners: if clear { Owners::Clear } else { Owners::Keep },
        };
        let plan = new_plan(&spec, &all);
        prop_assert!(ids_unique(&plan));
        for pick in &picks {
            let source = all.iter().find(|s| s.id == pick.source).unwrap();
            let title = &source.plan.node(pick.node).unwrap().title;
            prop_assert!(plan.walk().iter().any(|(n, _)| &n.title == title), "{title}");
        }
        for (node, _) in plan.walk() {
            prop_assert_eq!(&node.ledger, &Default::default());
            if let Some(year) = node.division.deadline.year() {
                prop_assert_eq!(year, 2027);
            }
            if clear {
                prop_assert!(node.division.leaders.is_empty());
            }
        }
        let editor = Editor::new(plan);
        prop_assert_eq!(YearReview::new(editor.plan()).mentions(), old_year_mentions(editor.plan()));
    }
}
