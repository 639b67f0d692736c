//! The year's ledger: every check (found and not found), the views, the dashboard, the summary.

use yaodian::export::list::{list_text, summary_text};
use yaodian::export::xlsx::list_xlsx;
use yaodian::import::import_text;
use yaodian::ledger::checks::{check, CheckKind, Finding, Place};
use yaodian::ledger::dashboard::dashboard;
use yaodian::ledger::summary::{next_year_with_review, summary};
use yaodian::ledger::views::{by_deadline, by_department, by_leader};
use yaodian::ledger::{filtered, names, DeadlineKey, Filter};
use yaodian::plan::next_year::next_year;
use yaodian::{
    Day, Deadline, Edit, Editor, NoticeField, Period, Plan, ProgressNote, Roster, Status,
};

fn tongxin() -> Plan {
    let text =
        std::fs::read_to_string("tests/fixtures/samples/tongxin-2020-plan-task-division.txt")
            .unwrap();
    import_text(&text).plan
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

/// A small, clean plan: every check passes.
const CLEAN: &str = "\
中共某县卫生健康局文件
某卫健发〔2021〕3号
关于印发2021年全县卫生健康工作要点的通知
各医疗卫生单位：
现将《2021年全县卫生健康工作要点》印发给你们，请认真贯彻落实。
一、加强党的建设
（一）深入学习党的理论。组织集中学习。
责任领导：张三
牵头科室：局办公室
配合科室：各医疗卫生单位
完成时限：长期坚持
（二）推进清廉医院建设。开展专项检查。
责任领导：李四
牵头科室：局医政科
配合科室：局办公室
完成时限：2021年6月
二、做好疾病防控
（三）完成免疫规划接种任务。适龄儿童接种率达到90%以上。
责任领导：李四
牵头科室：局疾控科
配合科室：县疾控中心
完成时限：2021年11月
中共某县卫生健康局
2021年3月1日
";

fn clean() -> Plan {
    import_text(CLEAN).plan
}

fn kinds(findings: &[Finding]) -> Vec<CheckKind> {
    findings.iter().map(|f| f.kind).collect()
}

fn edit(plan: &mut Plan, edit: Edit) {
    edit.apply(plan).unwrap();
}

fn task_ids(plan: &Plan) -> Vec<u32> {
    yaodian::ledger::tasks(plan, None)
        .iter()
        .map(|t| t.id)
        .collect()
}

#[test]
fn a_clean_plan_has_no_findings() {
    let plan = clean();
    assert_eq!(task_ids(&plan).len(), 3);
    let roster = Roster {
        leaders: vec!["张三".into(), "李四".into()],
        departments: vec![
            "局办公室".into(),
            "局医政科".into(),
            "局疾控科".into(),
            "各医疗卫生单位".into(),
            "县疾控中心".into(),
        ],
        ..Default::default()
    };
    assert_eq!(check(&plan, Some(&roster)), vec![]);
}

#[test]
fn missing_lead_deadline_and_leader() {
    let mut plan = clean();
    let ids = task_ids(&plan);
    edit(
        &mut plan,
        Edit::SetPeople(ids[0], yaodian::Role::Lead, vec![]),
    );
    edit(&mut plan, Edit::SetDeadline(ids[1], Deadline::None));
    edit(
        &mut plan,
        Edit::SetPeople(ids[2], yaodian::Role::Leader, vec![]),
    );
    let findings = check(&plan, None);
    assert_eq!(
        kinds(&findings),
        vec![
            CheckKind::NoLead,
            CheckKind::NoDeadline,
            CheckKind::NoLeader
        ]
    );
    assert_eq!(findings[0].label, "一、（一）");
    assert_eq!(findings[0].place, Place::Node(ids[0]));
    assert!(findings[0].message.contains("缺少牵头科室"));
    assert_eq!(findings[2].label, "二、（三）");

    // A plan that uses no leaders at all is not asked for them.
    for id in &ids {
        edit(
            &mut plan,
            Edit::SetPeople(*id, yaodian::Role::Leader, vec![]),
        );
    }
    assert!(!kinds(&check(&plan, None)).contains(&CheckKind::NoLeader));
}

#[test]
fn the_same_task_twice_and_nearly_twice() {
    let mut plan = clean();
    let ids = task_ids(&plan);
    let title = plan.node(ids[0]).unwrap().title.clone();
    let body = plan.node(ids[0]).unwrap().body.clone();
    edit(
        &mut plan,
        Edit::SetNodeText(ids[2], yaodian::NodeField::Title, title.clone()),
    );
    edit(
        &mut plan,
        Edit::SetNodeText(ids[2], yaodian::NodeField::Body, body),
    );
    let findings: Vec<Finding> = check(&plan, None)
        .into_iter()
        .filter(|f| f.kind == CheckKind::Duplicate)
        .collect();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].label, "二、（三）");
    assert!(findings[0].message.starts_with("与一、（一）重复"));

    // One word changed in a long task: nearly the same.
    let long = "全面落实党委领导下的院长负责制，完善医院章程，健全议事决策制度，推进现代医院管理";
    edit(
        &mut plan,
        Edit::SetNodeText(ids[0], yaodian::NodeField::Body, String::new()),
    );
    edit(
        &mut plan,
        Edit::SetNodeText(ids[2], yaodian::NodeField::Body, String::new()),
    );
    edit(
        &mut plan,
        Edit::SetNodeText(ids[0], yaodian::NodeField::Title, long.into()),
    );
    edit(
        &mut plan,
        Edit::SetNodeText(
            ids[2],
            yaodian::NodeField::Title,
            long.replace("完善", "修订"),
        ),
    );
    let duplicate = check(&plan, None)
        .into_iter()
        .find(|f| f.kind == CheckKind::Duplicate)
        .expect("nearly the same");
    assert!(
        duplicate.message.contains("几乎相同"),
        "{}",
        duplicate.message
    );

    // Different tasks on the same subject are not flagged.
    edit(
        &mut plan,
        Edit::SetNodeText(
            ids[2],
            yaodian::NodeField::Title,
            "完成免疫规划接种任务".into(),
        ),
    );
    assert!(!kinds(&check(&plan, None)).contains(&CheckKind::Duplicate));
}

#[test]
fn deadlines_outside_the_period() {
    let mut plan = clean();
    let ids = task_ids(&plan);
    edit(
        &mut plan,
        Edit::SetDeadline(ids[1], Deadline::parse("2020年11月")),
    );
    edit(
        &mut plan,
        Edit::SetDeadline(ids[2], Deadline::parse("2022年底前")),
    );
    let findings: Vec<Finding> = check(&plan, None)
        .into_iter()
        .filter(|f| f.kind == CheckKind::DeadlineOutside)
        .collect();
    assert_eq!(findings.len(), 2);
    assert!(findings[0].message.contains("2020年11月"));
    assert!(findings[0].message.contains("2021年"));
    // Inside a three-year period they are fine.
    edit(
        &mut plan,
        Edit::SetPeriod(Period {
            start: 2020,
            end: 2022,
        }),
    );
    assert!(!kinds(&check(&plan, None)).contains(&CheckKind::DeadlineOutside));
}

#[test]
fn names_not_in_the_roster_and_spelled_two_ways() {
    let mut plan = clean();
    let ids = task_ids(&plan);
    let roster = Roster {
        leaders: vec!["张三".into(), "李四".into()],
        departments: vec![
            "局办公室".into(),
            "局医政科".into(),
            "局疾控科".into(),
            "各医疗卫生单位".into(),
        ],
        ..Default::default()
    };
    let findings = check(&plan, Some(&roster));
    assert_eq!(kinds(&findings), vec![CheckKind::NotInRoster]);
    assert!(findings[0].message.contains("县疾控中心"));
    // Without a roster (the command line) there is nothing to check against.
    assert_eq!(check(&plan, None), vec![]);

    edit(
        &mut plan,
        Edit::SetPeople(ids[0], yaodian::Role::Lead, vec!["局综合管理岗位".into()]),
    );
    edit(
        &mut plan,
        Edit::SetPeople(ids[1], yaodian::Role::Lead, vec!["综合管理岗位".into()]),
    );
    edit(
        &mut plan,
        Edit::SetPeople(ids[2], yaodian::Role::Lead, vec!["局综合管理岗位".into()]),
    );
    let spelled: Vec<Finding> = check(&plan, None)
        .into_iter()
        .filter(|f| f.kind == CheckKind::TwoSpellings)
        .collect();
    assert_eq!(spelled.len(), 1);
    assert!(spelled[0].message.contains("“局综合管理岗位”（2处）"));
    assert!(spelled[0].message.contains("“综合管理岗位”（1处）"));
    // It points at the task with the rarer spelling.
    assert_eq!(spelled[0].place, Place::Node(ids[1]));
    // Different departments with a shared word are not one name.
    edit(
        &mut plan,
        Edit::SetPeople(ids[1], yaodian::Role::Lead, vec!["局综合监督岗位".into()]),
    );
    assert!(!kinds(&check(&plan, None)).contains(&CheckKind::TwoSpellings));
}

#[test]
fn empty_sections() {
    let mut plan = clean();
    edit(
        &mut plan,
        Edit::AddAfter {
            after: None,
            kind: yaodian::NodeKind::Heading,
        },
    );
    let findings = check(&plan, None);
    assert_eq!(kinds(&findings), vec![CheckKind::EmptySection]);
    assert_eq!(findings[0].label, "三、");
}

#[test]
fn notice_fields_in_the_official_format() {
    let mut plan = clean();
    let bad = [
        (
            NoticeField::DocNumber,
            "某卫健发[2021]3号",
            CheckKind::DocNumber,
        ),
        (
            NoticeField::DocNumber,
            "某卫健发〔2021〕03号",
            CheckKind::DocNumber,
        ),
        (
            NoticeField::DocNumber,
            "某卫健发〔21〕3号",
            CheckKind::DocNumber,
        ),
        (
            NoticeField::DocNumber,
            "某卫健发〔2021〕3",
            CheckKind::DocNumber,
        ),
        (NoticeField::Date, "二〇二一年三月一日", CheckKind::Date),
        (NoticeField::Date, "2021年03月01日", CheckKind::Date),
        (NoticeField::Date, "2021.3.1", CheckKind::Date),
        (
            NoticeField::Recipients,
            "各医疗卫生单位,局机关各科室",
            CheckKind::Recipients,
        ),
        (
            NoticeField::Recipients,
            "各医疗卫生单位。",
            CheckKind::Recipients,
        ),
    ];
    for (field, text, kind) in bad {
        let before = plan.notice.get(field).to_string();
        edit(&mut plan, Edit::SetNotice(field, text.into()));
        let findings = check(&plan, None);
        assert_eq!(kinds(&findings), vec![kind], "{text}");
        assert_eq!(findings[0].place, Place::Notice(field));
        edit(&mut plan, Edit::SetNotice(field, before));
    }
    for (field, text) in [
        (NoticeField::DocNumber, "同卫健党组发〔2020〕8号"),
        (NoticeField::DocNumber, ""),
        (NoticeField::Date, "2020年12月31日"),
        (
            NoticeField::Recipients,
            "各乡镇卫生院，县直各医疗卫生单位、局机关各科室：",
        ),
    ] {
        edit(&mut plan, Edit::SetNotice(field, text.into()));
        assert_eq!(check(&plan, None), vec![], "{text}");
    }
}

#[test]
fn last_year_still_named_after_a_roll_forward() {
    let mut plan = clean();
    let id = task_ids(&plan)[0];
    edit(
        &mut plan,
        Edit::SetNodeText(id, yaodian::NodeField::Body, "巩固2021年学习成果。".into()),
    );
    // In this year's plan, its own year is no finding.
    assert_eq!(check(&plan, None), vec![]);
    let next = next_year(&plan).plan;
    let findings = check(&next, None);
    // The rolled-forward number waits for its serial.
    assert_eq!(
        kinds(&findings),
        vec![CheckKind::DocNumber, CheckKind::OldYear]
    );
    assert_eq!(findings[0].message, "缺少发文顺序号");
    let findings = &findings[1..];
    assert_eq!(findings[0].place, Place::Node(id));
    assert!(findings[0].message.contains("2021年学习成果"));
}

#[test]
fn the_two_flaws_of_the_tongxin_sample() {
    let plan = tongxin();
    let findings = check(&plan, None);
    let duplicate: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.kind == CheckKind::Duplicate)
        .collect();
    assert_eq!(duplicate.len(), 1);
    assert_eq!(duplicate[0].label, "五、（二十一）");
    assert!(duplicate[0].message.starts_with("与五、（二十）重复"));
    let outside: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.kind == CheckKind::DeadlineOutside)
        .collect();
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].label, "九、（四十五）");
    assert!(outside[0].message.contains("2019年11月"));
    // Its departments are written with and without 局.
    assert!(findings.iter().any(|f| f.kind == CheckKind::TwoSpellings
        && f.message.contains("“局医政药政管理岗位”")
        && f.message.contains("“医政药政管理岗位”")));
    // Nothing else: every task has its lead, deadline and leaders.
    assert!(findings.iter().all(|f| matches!(
        f.kind,
        CheckKind::Duplicate | CheckKind::DeadlineOutside | CheckKind::TwoSpellings
    )));
}

#[test]
fn per_year_targets_of_a_multi_year_plan() {
    let mut plan = clean();
    edit(
        &mut plan,
        Edit::SetPeriod(Period {
            start: 2021,
            end: 2023,
        }),
    );
    let id = task_ids(&plan)[2];
    edit(&mut plan, Edit::SetTarget(id, 2021, "接种率90%".into()));
    edit(&mut plan, Edit::SetTarget(id, 2023, "接种率95%".into()));
    let findings = check(&plan, None);
    assert_eq!(kinds(&findings), vec![CheckKind::MissingTarget]);
    assert!(findings[0].message.contains("缺少2022年的年度目标"));
    edit(&mut plan, Edit::SetTarget(id, 2022, "接种率92%".into()));
    assert_eq!(check(&plan, None), vec![]);
    assert!(Edit::SetTarget(id, 2030, "x".into())
        .apply(&mut plan)
        .is_err());

    // Views per year: the task with targets is in each year it has a target for; the others by
    // their deadline's year, undated ones in every year.
    let in_year = |year| {
        filtered(
            &plan,
            &Filter {
                year: Some(year),
                ..Filter::default()
            },
            None,
        )
        .iter()
        .map(|t| t.path.clone())
        .collect::<Vec<_>>()
    };
    assert_eq!(in_year(2021), ["一、（一）", "一、（二）", "二、（三）"]);
    assert_eq!(in_year(2022), ["一、（一）", "二、（三）"]);
    // Rolling forward moves the targets with the period.
    let next = next_year(&plan).plan;
    assert_eq!(next.node(id).unwrap().targets[0].year, 2024);
}

#[test]
fn views_by_leader_department_and_deadline() {
    let plan = tongxin();
    let today = Some(day("2020-12-15"));
    let yang = by_leader(&plan, "杨硕", &Filter::default(), today);
    assert_eq!(
        yang.title,
        "2020年全县卫生健康工作要点任务清单（责任领导：杨硕）"
    );
    let paths: Vec<String> = yang.blocks[0]
        .groups
        .iter()
        .flat_map(|g| g.tasks.iter().map(|t| t.path.clone()))
        .collect();
    // Every task naming 杨硕, none other.
    let expected: Vec<String> = yaodian::ledger::tasks(&plan, None)
        .into_iter()
        .filter(|t| t.division.leaders.contains(&"杨硕".to_string()))
        .map(|t| t.path)
        .collect();
    assert_eq!(paths, expected);
    assert_eq!(paths.len(), 23);
    assert_eq!(yang.blocks[0].groups[0].heading, "一、全面加强党的建设");

    let office = by_department(&plan, "局综合管理岗位", &Filter::default(), today);
    assert_eq!(office.blocks.len(), 2);
    assert_eq!(office.blocks[0].heading, "牵头的任务（12项）");
    assert!(office.blocks[1].heading.starts_with("配合的任务"));
    let units = by_department(&plan, "各医疗卫生单位", &Filter::default(), today);
    assert_eq!(units.blocks[0].heading, "牵头的任务（0项）");
    assert_eq!(units.blocks[1].heading, "配合的任务（47项）");

    let deadlines = by_deadline(&plan, &Filter::default(), today);
    let headings: Vec<&str> = deadlines
        .blocks
        .iter()
        .map(|b| b.heading.as_str())
        .collect();
    assert!(
        headings[0].starts_with("2019年11月（1项，逾期1项）"),
        "{headings:?}"
    );
    assert!(headings.iter().any(|h| h.starts_with("2020年11月")));
    assert!(headings.last().unwrap().starts_with("长期坚持"));
    assert_eq!(deadlines.task_count(), 54);
    // On 2020-11-30 the November tasks are not yet overdue.
    let november = by_deadline(&plan, &Filter::default(), Some(day("2020-11-30")));
    assert!(november
        .blocks
        .iter()
        .all(|b| b.heading.starts_with("2019") || !b.heading.contains("逾期")));

    // The lists export as text and .xlsx.
    let text = list_text(&yang);
    assert!(text.starts_with(
        "2020年全县卫生健康工作要点任务清单（责任领导：杨硕）\n（截至2020年12月15日，共23项）"
    ));
    assert!(text.contains("一、全面加强党的建设\n"));
    let xlsx = list_xlsx(&office, Default::default()).unwrap();
    assert_eq!(&xlsx[..2], b"PK");
}

#[test]
fn filter_and_search() {
    let plan = tongxin();
    let count = |filter: Filter| filtered(&plan, &filter, Some(day("2020-12-01"))).len();
    assert_eq!(count(Filter::default()), 54);
    assert_eq!(
        count(Filter {
            text: "家庭医生".into(),
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        count(Filter {
            text: "家庭医生 两孩".into(),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            person: "马瑾".into(),
            ..Filter::default()
        }),
        6
    );
    let long = count(Filter {
        deadline: Some(DeadlineKey::LongTerm),
        ..Filter::default()
    });
    let november = count(Filter {
        deadline: Some(DeadlineKey::Month(2020, 11)),
        ..Filter::default()
    });
    assert_eq!(long + november + 1, 54);
    assert_eq!(
        count(Filter {
            overdue_only: true,
            ..Filter::default()
        }),
        november + 1
    );
    assert_eq!(
        count(Filter {
            status: Some(Status::Done),
            ..Filter::default()
        }),
        0
    );
    assert_eq!(
        DeadlineKey::from_key(&DeadlineKey::Month(2020, 11).key()),
        Some(DeadlineKey::Month(2020, 11))
    );
    assert_eq!(
        names(&plan, yaodian::Role::Leader),
        ["杨少平", "马正录", "杨硕", "马瑾"]
    );
}

#[test]
fn statuses_notes_dashboard_and_summary() {
    let mut editor = Editor::new(tongxin());
    let ids = task_ids(editor.plan());
    editor.apply(Edit::SetStatus(ids[0], Status::Done)).unwrap();
    editor
        .apply(Edit::SetCompletion(ids[0], "全年开展理论学习12次".into()))
        .unwrap();
    editor
        .apply(Edit::SetStatus(ids[1], Status::InProgress))
        .unwrap();
    editor
        .apply(Edit::AddNote(
            ids[1],
            ProgressNote {
                day: day("2020-06-30"),
                text: "已召开动员会".into(),
                author: String::new(),
            },
        ))
        .unwrap();
    // A progress note is its text trimmed; a blank one is refused.
    assert!(editor
        .apply(Edit::AddNote(
            ids[1],
            ProgressNote {
                day: day("2020-07-01"),
                text: " \u{3000} ".into(),
                author: String::new(),
            },
        ))
        .is_err());
    assert_eq!(editor.plan().node(ids[1]).unwrap().ledger.notes.len(), 1);
    editor
        .apply(Edit::SetStatus(ids[2], Status::Cancelled))
        .unwrap();
    // Typing a completion note is one undo step; notes can be edited and removed.
    editor
        .apply(Edit::SetCompletion(ids[0], "全年开展理论学习12次，".into()))
        .unwrap();
    editor.undo();
    assert_eq!(
        editor.plan().node(ids[0]).unwrap().ledger.completion,
        "全年开展理论学习12次"
    );
    editor.redo();
    let heading = editor.plan().nodes[0].id;
    assert!(editor
        .apply(Edit::SetStatus(heading, Status::Done))
        .is_err());
    assert!(editor.apply(Edit::RemoveNote(ids[1], 5)).is_err());

    let plan = editor.plan().clone();
    let board = dashboard(&plan, Some(day("2020-12-31")), None);
    assert_eq!(board.total.total(), 54);
    assert_eq!(board.total.get(Status::Done), 1);
    assert_eq!(board.total.get(Status::Cancelled), 1);
    assert_eq!(board.sections[0].name, "一、全面加强党的建设");
    assert_eq!(board.sections[0].counts.get(Status::Done), 1);
    let yang = board.leaders.iter().find(|l| l.name == "杨硕").unwrap();
    assert_eq!(yang.counts.total(), 23);
    assert!(board.total.overdue > 0);
    assert_eq!(board.total.done_percent(), Some(1) /* 1 of 53 due */);

    let sum = summary(&plan, Some(day("2020-12-31")), None);
    assert_eq!(sum.title, "2020年全县卫生健康工作总结（初稿）");
    let text = summary_text(&sum);
    assert!(
        text.contains(
            "一、全面加强党的建设\n（一）已完成的工作\n1.认真学习习近平新时代中国特色社会主义思想"
        ),
        "{text}"
    );
    assert!(text.contains("全年开展理论学习12次，"));
    assert!(text.contains("（推进中；2020年6月30日：已召开动员会）"));
    assert!(text.contains("（取消）"));
    assert!(text.contains("2020年，共安排任务54项，已完成1项"));

    // Carried into next year: the review opens the plan, the ledger starts empty.
    let next = next_year_with_review(&plan, Some(day("2020-12-31"))).plan;
    assert!(next
        .requirements
        .starts_with("过去一年，共安排任务54项，已完成1项"));
    assert!(next
        .requirements
        .contains("在全面加强党的建设方面：认真学习"));
    assert!(next.walk().iter().all(|(n, _)| n.ledger.is_empty()));
    assert!(!check(&next, None)
        .iter()
        .any(|f| f.kind == CheckKind::OldYear && f.message.contains("过去一年")));
}

#[test]
fn the_summary_docx_is_a_document() {
    let plan = tongxin();
    let bytes =
        yaodian::export::docx::summary_docx(&summary(&plan, None, None), Default::default());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("2020年全县卫生健康工作总结（初稿）"));
    assert!(xml.contains("尚未完成的工作"));
    assert!(xml.contains("黑体"));
}

/// The lists the Playwright test expects on screen, kept equal to the library's views here
/// (`UPDATE_EXPECTED=1 cargo test --test ledger` rewrites them).
#[test]
fn the_e2e_expected_lists_match_the_views() {
    let plan = tongxin();
    let headings = |view: yaodian::ledger::views::ListView| {
        view.blocks
            .iter()
            .flat_map(|b| &b.groups)
            .flat_map(|g| &g.tasks)
            .map(|t| format!("{}\n", t.heading()))
            .collect::<String>()
    };
    let lists = [
        (
            "tests/e2e/expected/view-leader-yangshuo.txt",
            headings(by_leader(&plan, "杨硕", &Filter::default(), None)),
        ),
        (
            "tests/e2e/expected/view-department-zonghe.txt",
            headings(by_department(
                &plan,
                "局综合管理岗位",
                &Filter::default(),
                None,
            )),
        ),
    ];
    for (path, expected) in lists {
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        assert_eq!(std::fs::read_to_string(path).unwrap(), expected, "{path}");
    }
}
