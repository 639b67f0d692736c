//! The departments' loop: packets out, filled in as a department would (openpyxl, in place of
//! Excel or WPS), returned and merged field by field; every conflict kind; stale, foreign and
//! tampered returns refused with their reason; the deadlines' colours on a working-day calendar.

use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use yaodian::export::packet::packet_xlsx;
use yaodian::import::returns::read_return;
use yaodian::ledger::due::{urgency, Urgency};
use yaodian::ledger::packet::{make_packet, Packet, PacketSpec};
use yaodian::ledger::returns::{record_returns, review, Field, Returned};
use yaodian::plan::file;
use yaodian::plan::follow::{Calendar, Round, RoundKind};
use yaodian::{Day, Deadline, Edit, Editor, FontChoice, NodeField, Plan, Status};

const DEPARTMENT: &str = "局综合管理岗位";

fn plan() -> Plan {
    file::from_json(&super::common::fixture("tongxin-excerpt.json")).unwrap()
}

/// The plan once a round has fixed its identity, as the app does when packets go out.
fn identified() -> Plan {
    let mut plan = plan();
    plan.follow.plan_id = "P-test".into();
    plan
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

fn spec(round: &str) -> PacketSpec {
    PacketSpec {
        round: round.into(),
        kind: RoundKind::Draft,
        due: Some(day("2027-03-31")),
        made: Some(day("2027-03-20")),
    }
}

fn dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yaodian-follow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The packet as a workbook, filled in by openpyxl with `edits` ([task id, header, value]), and
/// read back.
fn filled(packet: &Packet, name: &str, edits: serde_json::Value) -> Returned {
    let dir = dir();
    let (blank, done, list) = (
        dir.join(format!("{name}-blank.xlsx")),
        dir.join(format!("{name}.xlsx")),
        dir.join(format!("{name}.json")),
    );
    std::fs::write(&blank, packet_xlsx(packet, FontChoice::default()).unwrap()).unwrap();
    std::fs::write(&list, edits.to_string()).unwrap();
    let out = Command::new(".venv/bin/python")
        .args(["tests/docx/fill_packet.py"])
        .args([&blank, &done, &list])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the test command's setup installs openpyxl in .venv");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    read_return(&format!("{name}.xlsx"), &std::fs::read(&done).unwrap()).unwrap()
}

#[test]
fn a_packet_goes_out_comes_back_filled_in_and_merges() {
    let plan = plan();
    let packet = make_packet(&plan, DEPARTMENT, &spec("征求意见稿"));
    let [first, second] = [packet.tasks[0].id, packet.tasks[1].id];
    assert_eq!(packet.tasks.len(), 2);
    let returned = filled(
        &packet,
        "merge",
        serde_json::json!([
            [first, "报送状态", "推进中"],
            [
                first,
                "进展情况",
                "已召开党组理论学习中心组学习会3次。\n另开展专题研讨1次。"
            ],
            [second, "申请延期至", "2027年6月30日"],
            [second, "延期理由", "上级方案尚未印发"],
            [
                second,
                "修改建议稿",
                "持续深化“三强九严”工程。全年开展专项检查2次。"
            ],
            [second, "意见建议", "建议增加考核内容"],
        ]),
    );
    assert_eq!(returned.tampered, Vec::<String>::new());
    let today = day("2027-03-28");
    let found = review(&plan, std::slice::from_ref(&returned), today);
    assert_eq!(found.refusals, vec![]);
    let fields: Vec<(u32, Field)> = found.proposals.iter().map(|p| (p.id, p.field)).collect();
    assert_eq!(
        fields,
        [
            (first, Field::Status),
            (first, Field::Progress),
            (second, Field::Wording),
            (second, Field::Comment),
            (second, Field::Deadline),
        ]
    );
    assert!(found.proposals.iter().all(|p| !p.conflict));
    assert_eq!(
        found.proposals[4].line(),
        "一、（二）持续深化“三强九严”工程。\t完成时限\t长期坚持\t2027年6月30日"
    );

    // Accepted: one undo step; the round and the return recorded.
    let mut editor = Editor::new(plan.clone());
    for edit in record_returns(&plan, &found, std::slice::from_ref(&returned), today) {
        editor.apply(edit).unwrap();
    }
    editor
        .apply(found.accept_clean(Some(DEPARTMENT)).unwrap())
        .unwrap();
    let merged = editor.plan().clone();
    let task = merged.node(first).unwrap();
    assert_eq!(task.ledger.status, Status::InProgress);
    let note = &task.ledger.notes[0];
    assert_eq!(
        (note.day, note.author.as_str()),
        (today, DEPARTMENT),
        "dated the day it came in, by the department"
    );
    assert!(note.text.contains('\n'), "line breaks in a cell are kept");
    let second_task = merged.node(second).unwrap();
    assert_eq!(second_task.title, "持续深化“三强九严”工程。");
    assert_eq!(second_task.body, "全年开展专项检查2次。");
    assert_eq!(
        second_task.division.deadline,
        Deadline::parse("2027年6月30日")
    );
    let extension = &second_task.ledger.extensions[0];
    assert_eq!(
        extension.from,
        Deadline::LongTerm,
        "the old deadline is kept"
    );
    assert_eq!(extension.reason, "上级方案尚未印发");
    let round = merged.follow.round("征求意见稿").unwrap();
    assert_eq!(round.returns[0].department, DEPARTMENT);
    assert_eq!(round.returns[0].proposed, 5);
    assert!(!merged.follow.plan_id.is_empty());

    // Once merged, the same return proposes nothing more but its comment.
    let again = review(&merged, &[returned], today);
    assert_eq!(again.refusals, vec![]);
    assert_eq!(
        again.proposals.iter().map(|p| p.field).collect::<Vec<_>>(),
        [Field::Comment]
    );

    // Undo takes the accepted return back in one step.
    editor.undo();
    assert_eq!(editor.plan().node(first), plan.node(first));
    assert_eq!(editor.plan().node(second), plan.node(second));
}

#[test]
fn every_change_made_since_the_packet_is_a_conflict() {
    let base = identified();
    let packet = make_packet(&base, DEPARTMENT, &spec("征求意见稿"));
    let [first, second] = [packet.tasks[0].id, packet.tasks[1].id];
    let mut answered = packet.clone();
    let answer = &mut answered.tasks[0].answer;
    answer.status = Some(Status::Done);
    answer.completion = "已全面完成".into();
    answer.extend_to = "2027-06".into();
    answer.wording = "新的任务表述。".into();
    answer.progress = "新的进展".into();
    answered.tasks[1].answer.status = Some(Status::InProgress);
    let returned = Returned {
        file: "r.json".into(),
        packet: answered,
        tampered: vec![],
        problems: vec![],
    };
    // The office changes every field of the first task after the packet went out.
    let mut editor = Editor::new(base.clone());
    for edit in [
        Edit::SetStatus(first, Status::Late),
        Edit::SetCompletion(first, "办公室写的".into()),
        Edit::SetDeadline(first, Deadline::parse("2027年9月")),
        Edit::SetNodeText(first, NodeField::Body, "办公室改写的正文".into()),
        Edit::AddNote(
            first,
            yaodian::ProgressNote {
                day: day("2027-03-21"),
                text: "办公室的记录".into(),
                author: String::new(),
            },
        ),
    ] {
        editor.apply(edit).unwrap();
    }
    let now = editor.plan().clone();
    let found = review(&now, &[returned], day("2027-03-28"));
    let of = |id, field| {
        found
            .proposals
            .iter()
            .find(|p| p.id == id && p.field == field)
            .unwrap()
    };
    for field in [
        Field::Status,
        Field::Completion,
        Field::Deadline,
        Field::Wording,
    ] {
        let p = of(first, field);
        assert!(p.conflict, "{field:?}");
        assert_ne!(p.was, p.now);
        assert!(p.line().contains("冲突：报送表发出时为"), "{}", p.line());
    }
    assert!(
        !of(first, Field::Progress).conflict,
        "notes are added, never overwritten"
    );
    assert!(
        !of(second, Field::Status).conflict,
        "an unchanged task merges"
    );
    // Accepting what is clean leaves every conflicting value as the office wrote it.
    let mut editor = Editor::new(now.clone());
    editor.apply(found.accept_clean(None).unwrap()).unwrap();
    let merged = editor.plan();
    let task = merged.node(first).unwrap();
    assert_eq!(task.ledger.status, Status::Late);
    assert_eq!(task.ledger.completion, "办公室写的");
    assert_eq!(task.division.deadline, Deadline::parse("2027年9月"));
    assert_eq!(task.body, "办公室改写的正文");
    assert_eq!(task.ledger.notes.len(), 2);
    assert_eq!(
        merged.node(second).unwrap().ledger.status,
        Status::InProgress
    );
    // A conflict is applied only when chosen, and then it is.
    let chosen = of(first, Field::Status).edit.clone().unwrap();
    editor.apply(chosen).unwrap();
    assert_eq!(
        editor.plan().node(first).unwrap().ledger.status,
        Status::Done
    );
}

fn refusal(plan: &Plan, returned: Returned) -> String {
    let found = review(plan, &[returned], day("2027-04-02"));
    assert_eq!(
        found.proposals,
        vec![],
        "nothing of a refused return is proposed"
    );
    assert_eq!(found.refusals.len(), 1, "{:?}", found.refusals);
    found.refusals[0].reason.clone()
}

fn answered(packet: &Packet) -> Returned {
    let mut packet = packet.clone();
    packet.tasks[0].answer.progress = "进展".into();
    Returned {
        file: "r.xlsx".into(),
        packet,
        tampered: vec![],
        problems: vec![],
    }
}

fn with_rounds(plan: &Plan, names: &[&str]) -> Plan {
    let mut editor = Editor::new(plan.clone());
    for (i, name) in names.iter().enumerate() {
        editor
            .apply(Edit::OpenRound {
                round: Round {
                    name: name.to_string(),
                    kind: RoundKind::Draft,
                    opened: Some(day(&format!("2027-0{}-01", i + 1))),
                    departments: vec![DEPARTMENT.into()],
                    ..Round::default()
                },
                plan_id: "P-test".into(),
            })
            .unwrap();
    }
    editor.plan().clone()
}

#[test]
fn foreign_stale_and_tampered_returns_are_refused_with_their_reason() {
    let plan = with_rounds(&plan(), &["第一季度", "第二季度"]);
    let current = make_packet(&plan, DEPARTMENT, &spec("第二季度"));

    // Another plan, however alike.
    let mut other = plan.clone();
    other.follow.plan_id = "P-other".into();
    let foreign = make_packet(&other, DEPARTMENT, &spec("第二季度"));
    assert!(refusal(&plan, answered(&foreign)).contains("另一份同名的计划"));
    let mut renamed = foreign.clone();
    renamed.plan_name = "2019年工作要点".into();
    assert!(refusal(&plan, answered(&renamed)).contains("这是“2019年工作要点”的报送表"));

    // An older round, and a round older than the current one that the plan never recorded.
    let old = make_packet(&plan, DEPARTMENT, &spec("第一季度"));
    assert!(refusal(&plan, answered(&old)).contains("上一轮“第一季度”"));
    let mut unknown = make_packet(&plan, DEPARTMENT, &spec("临时报送"));
    unknown.made = Some(day("2027-01-15"));
    assert!(refusal(&plan, answered(&unknown)).contains("过期的报送表"));

    // A round of another kind opened since does not make the current one stale.
    let mut later = plan.clone();
    later.follow.rounds.push(Round {
        name: "2027年第二季度进度".into(),
        kind: RoundKind::Progress,
        opened: Some(day("2027-04-01")),
        ..Round::default()
    });
    let found = review(&later, &[answered(&current)], day("2027-04-02"));
    assert_eq!(found.refusals, vec![]);
    assert_eq!(found.proposals.len(), 1);

    // Locked columns edited in the sheet, and a row deleted.
    let [first, second] = [current.tasks[0].id, current.tasks[1].id];
    let tampered = filled(
        &current,
        "tampered",
        serde_json::json!([
            ["-unprotect-", "", ""],
            [first, "任务内容", "随手改掉的任务"],
            [second, "-delete-", ""],
        ]),
    );
    assert_eq!(tampered.tampered.len(), 2, "{:?}", tampered.tampered);
    let reason = refusal(&plan, tampered);
    assert!(reason.contains("第4行“任务内容”"), "{reason}");
    assert!(reason.contains("一行被删除"), "{reason}");

    // A status typed past the drop-down list is named on its row; the rest of the row and
    // of the return still merge.
    let typed = filled(
        &current,
        "typed",
        serde_json::json!([
            [first, "报送状态", "基本完成"],
            [first, "进展情况", "已开展学习"],
            [second, "申请延期至", "明年"],
            [second, "进展情况", "已部署"],
        ]),
    );
    assert_eq!(typed.tampered, Vec::<String>::new());
    let found = review(&plan, &[typed], day("2027-04-02"));
    let reasons: Vec<&str> = found.refusals.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("“基本完成”不在下拉列表中")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("申请延期至“明年”无法识别")),
        "{reasons:?}"
    );
    assert_eq!(
        found
            .proposals
            .iter()
            .map(|p| (p.id, p.field))
            .collect::<Vec<_>>(),
        [(first, Field::Progress), (second, Field::Progress)]
    );

    // A packet file that was never filled in is not a return.
    let blank = read_return("blank.json", current.to_json().as_bytes()).unwrap_err();
    assert!(blank.contains("还不是回执"), "{blank}");

    // Not a packet at all.
    let table = yaodian::export::xlsx::table_xlsx(&plan, FontChoice::default()).unwrap();
    assert!(read_return("表.xlsx", &table)
        .unwrap_err()
        .contains("不是 Yaodian 生成的报送表"));
    assert!(read_return("p.json", file::to_json(&plan).as_bytes())
        .unwrap_err()
        .contains("计划文件"));
    assert!(read_return("x.json", b"\xff\xfe")
        .unwrap_err()
        .contains("既不是"));
}

#[test]
fn a_changed_task_list_refuses_the_rows_it_no_longer_has() {
    let base = identified();
    let packet = make_packet(&base, DEPARTMENT, &spec("征求意见稿"));
    let [first, second] = [packet.tasks[0].id, packet.tasks[1].id];
    let mut returned = answered(&packet);
    returned.packet.tasks[1].answer.progress = "第二项的进展".into();
    let mut editor = Editor::new(base.clone());
    editor.apply(Edit::Delete(first)).unwrap();
    editor
        .apply(Edit::SetPeople(
            second,
            yaodian::Role::Lead,
            vec!["办公室".into()],
        ))
        .unwrap();
    // A new task for the department.
    let added = editor
        .apply(Edit::AddAfter {
            after: Some(second),
            kind: yaodian::NodeKind::Task,
        })
        .unwrap()
        .focus
        .unwrap();
    editor
        .apply(Edit::SetPeople(
            added,
            yaodian::Role::Lead,
            vec![DEPARTMENT.into()],
        ))
        .unwrap();
    let found = review(editor.plan(), &[returned], day("2027-03-28"));
    let reasons: Vec<&str> = found.refusals.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons[0].contains("已从计划中删除"), "{reasons:?}");
    assert!(
        reasons[1].contains("已不由局综合管理岗位承担"),
        "{reasons:?}"
    );
    assert!(found.notices[0].contains("增加了1项任务"));
}

#[test]
fn the_command_line_makes_a_packet_and_merges_its_return() {
    let dir = dir();
    let packet_path = dir.join("cli.xlsx");
    let yaodian = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_yaodian"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let plan_file = dir.join("cli-plan.json");
    std::fs::copy("tests/fixtures/tongxin-excerpt.json", &plan_file).unwrap();
    let plan_path = plan_file.to_str().unwrap();
    yaodian(&[
        "packet",
        plan_path,
        "--department",
        DEPARTMENT,
        "--round",
        "2027年第一季度进度",
        "--today",
        "2027-03-20",
        "-o",
        packet_path.to_str().unwrap(),
    ]);
    let packet = read_return("cli.xlsx", &std::fs::read(&packet_path).unwrap())
        .unwrap()
        .packet;
    let returned = filled(
        &packet,
        "cli-return",
        serde_json::json!([
            [packet.tasks[0].id, "报送状态", "已完成"],
            [packet.tasks[0].id, "进展情况", "全年学习计划已落实"]
        ]),
    );
    let return_path = dir.join("cli-return.xlsx");
    let return_arg = return_path.to_str().unwrap();
    // The department saved it on 2027-03-28 (noon in China): its return day is the file's date.
    let noon = (day("2027-03-28").ordinal() as u64) * 86_400 + 4 * 3600;
    std::fs::File::options()
        .write(true)
        .open(&return_path)
        .unwrap()
        .set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(noon))
        .unwrap();
    let lines = yaodian(&["returns", plan_path, return_arg, "--today", "2027-03-28"]);
    assert_eq!(
        lines,
        "一、（一）认真学习习近平新时代中国特色社会主义思想\t状态\t未启动\t已完成\n\
         一、（一）认真学习习近平新时代中国特色社会主义思想\t进展\t\t全年学习计划已落实\n"
    );
    assert_eq!(returned.packet.round, "2027年第一季度进度");
    let merged = dir.join("merged.json");
    let merged_arg = merged.to_str().unwrap();
    yaodian(&[
        "returns",
        plan_path,
        return_arg,
        "--accept-all",
        "-o",
        merged_arg,
        "--today",
        "2027-03-28",
    ]);
    let outline = yaodian(&["outline", merged_arg]);
    assert!(outline
        .contains("    状态：已完成；进展：2027年3月28日 全年学习计划已落实（局综合管理岗位）\n"));
    // The merged plan knows the round and its identity: the same return now proposes nothing.
    assert_eq!(yaodian(&["returns", merged_arg, return_arg]), "");
    // The packet recorded the round in the plan file: an edit of the plan since then does not
    // make it another plan.
    let recorded = file::from_json(&std::fs::read_to_string(&plan_file).unwrap()).unwrap();
    assert_eq!(
        recorded
            .follow
            .round("2027年第一季度进度")
            .unwrap()
            .departments,
        [DEPARTMENT]
    );
    let mut edited = recorded.clone();
    edited.title = "改过标题的计划".into();
    let edited_path = dir.join("edited.json");
    std::fs::write(&edited_path, file::to_json(&edited)).unwrap();
    let still = yaodian(&[
        "returns",
        edited_path.to_str().unwrap(),
        return_arg,
        "--today",
        "2027-03-28",
    ]);
    assert_eq!(still.lines().count(), 2, "{still}");
    // Another plan's return is refused, with its reason, on its line.
    let other = dir.join("other.json");
    let mut changed = plan();
    changed.title = "另一份计划".into();
    std::fs::write(&other, file::to_json(&changed)).unwrap();
    let refused = yaodian(&["returns", other.to_str().unwrap(), return_arg]);
    assert!(
        refused.contains("（整份）\t拒收：这是“2020年全县卫生健康工作要点”的报送表，不是本计划的"),
        "{refused}"
    );
}

#[test]
fn a_yaodian_packet_file_round_trips() {
    let plan = plan();
    let packet = make_packet(&plan, DEPARTMENT, &spec("征求意见稿"));
    let mut back = Packet::from_json(&packet.to_json()).unwrap();
    assert_eq!(back, packet);
    back.version = 99;
    let newer = serde_json::to_string(&back).unwrap();
    assert!(Packet::from_json(&newer).unwrap_err().contains("较新版本"));
    assert!(Packet::from_json("{")
        .unwrap_err()
        .contains("不是 Yaodian 报送包"));
}

/// The urgency by counting day by day, as a person with a calendar would.
fn counted(due: Day, today: Day, warn: u32, calendar: &Calendar) -> Urgency {
    if due < today {
        return Urgency::Overdue;
    }
    let mut left = 0;
    let mut day = today;
    while day < due {
        day = Day::from_ordinal(day.ordinal() + 1);
        let weekend = day.weekday() >= 5;
        let off =
            calendar.holidays.contains(&day) || (weekend && !calendar.workdays.contains(&day));
        left += u32::from(!off);
    }
    if left <= warn {
        Urgency::Soon
    } else {
        Urgency::Normal
    }
}

proptest! {
    #[test]
    fn days_count_as_the_calendar_does(n in -100_000i64..200_000) {
        let day = Day::from_ordinal(n);
        prop_assert!(day.exists());
        prop_assert_eq!(day.ordinal(), n);
        prop_assert_eq!(Day::from_ordinal(n + 1).weekday(), (day.weekday() + 1) % 7);
    }

    #[test]
    fn a_deadline_warns_by_working_days(
        start in 20_454i64..20_820, // 2026 to 2027
        offset in -20i64..60,
        warn in 1u32..15,
        off in prop::collection::vec(0i64..60, 0..8),
        worked in prop::collection::vec(0i64..60, 0..4),
        month in any::<bool>(),
        status in prop::sample::select(Status::ALL.to_vec()),
    ) {
        let today = Day::from_ordinal(start);
        let due = Day::from_ordinal(start + offset);
        let (deadline, due) = if month {
            (Deadline::Month { year: due.year, month: due.month }, Day::month_end(due.year, due.month))
        } else {
            (Deadline::Date { year: due.year, month: due.month, day: due.day }, due)
        };
        let mut plan = plan();
        let id = plan.walk().iter().find(|(n, _)| n.kind == yaodian::NodeKind::Task).unwrap().0.id;
        let days = |list: &Vec<i64>| -> Vec<Day> { list.iter().map(|d| Day::from_ordinal(start + d)).collect() };
        let text: String = days(&off).iter().map(|d| format!("{} 休\n", d.iso()))
            .chain(days(&worked).iter().map(|d| format!("{} 班\n", d.iso()))).collect();
        let (calendar, errors) = Calendar::parse(&text);
        prop_assert!(errors.is_empty());
        let mut editor = Editor::new(plan.clone());
        editor.apply(Edit::SetCalendar(calendar.clone())).unwrap();
        editor.apply(Edit::SetWarnDays(warn)).unwrap();
        editor.apply(Edit::SetDeadline(id, deadline)).unwrap();
        editor.apply(Edit::SetStatus(id, status)).unwrap();
        plan = editor.plan().clone();
        let got = urgency(plan.node(id).unwrap(), today, &plan.follow);
        let mut holidays_only = calendar.clone();
        // A day entered as both is off.
        holidays_only.workdays.retain(|d| !calendar.holidays.contains(d));
        let expected = (!status.is_closed()).then(|| counted(due, today, warn, &holidays_only));
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn packets_received_are_kept_by_two_tabs_and_in_the_backup() {
    use yaodian::store::{Existing, Library, MemoryStore};
    let plan = identified();
    let packet = make_packet(&plan, DEPARTMENT, &spec("征求意见稿"));
    let other = make_packet(&plan, "局机关各岗位", &spec("征求意见稿"));
    // Two tabs over one store, each adding and typing without reloading the other's.
    let store = super::storage::Shared::default();
    let mut first = Library::open(store.clone());
    let mut second = Library::open(store.clone());
    first
        .change_packets(|list| list.push(packet.clone()))
        .unwrap();
    second
        .change_packets(|list| list.push(other.clone()))
        .unwrap();
    first
        .change_packets(|list| list[0].tasks[0].answer.progress = "已落实".into())
        .unwrap();
    assert_eq!(second.packets(), first.packets());
    let kept = first.packets();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0].tasks[0].answer.progress, "已落实");
    // The backup carries them; restored elsewhere they come back, answers and all.
    let backup = first.backup();
    let json = serde_json::to_string(&backup).unwrap();
    let mut elsewhere = Library::open(MemoryStore::default());
    elsewhere
        .import_backup(&serde_json::from_str(&json).unwrap(), Existing::Skip, 1.0)
        .unwrap();
    assert_eq!(elsewhere.packets(), kept);
    // A packet's return names its day; its id is stable.
    assert_eq!(
        kept[0].returned_on(day("2027-03-30")).returned,
        Some(day("2027-03-30"))
    );
    assert_eq!(kept[0].id(), packet.id());
    assert_ne!(packet.id(), other.id());
}

/// Days written `m-d`, in one year.
fn days(year: i32, list: &[&str]) -> Vec<Day> {
    let mut out: Vec<Day> = list
        .iter()
        .flat_map(|item| {
            let (from, to) = item.split_once("..").unwrap_or((item, item));
            let at = |t: &str| day(&format!("{year}-{t}")).ordinal();
            (at(from)..=at(to)).map(Day::from_ordinal)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_state_councils_holiday_notices_read_as_pages_carry_them() {
    use yaodian::import::holidays::read_holiday_notice;
    let notice =
        |name: &str| std::fs::read_to_string(format!("tests/fixtures/holidays/{name}")).unwrap();
    // 2026, as 光明网 and a traditional forum copy with pinyin in brackets carry it.
    let off_2026 = days(
        2026,
        &[
            "01-01..01-03",
            "02-15..02-23",
            "04-04..04-06",
            "05-01..05-05",
            "06-19..06-21",
            "09-25..09-27",
            "10-01..10-07",
        ],
    );
    let worked_2026 = days(
        2026,
        &["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
    );
    for name in ["2026.txt", "2026-traditional.txt"] {
        let read = read_holiday_notice(&notice(name), 1999);
        assert_eq!((read.year, read.year_found), (2026, true), "{name}");
        assert_eq!(read.calendar.holidays, off_2026, "{name}");
        assert_eq!(read.calendar.workdays, worked_2026, "{name}");
        assert_eq!(read.problems, Vec::<String>::new(), "{name}");
    }
    // 2017: single days, 补休, ranges across months; noise between lines; one copy lost a digit.
    let off_2017 = days(
        2017,
        &[
            "01-01..01-02",
            "01-27..02-02",
            "04-02..04-04",
            "05-01",
            "05-28..05-30",
            "10-01..10-08",
        ],
    );
    let worked_2017 = days(2017, &["01-22", "02-04", "04-01", "05-27", "09-30"]);
    let read = read_holiday_notice(&notice("2017-traditional-noise.txt"), 1999);
    assert_eq!(read.year, 2017);
    assert_eq!(read.calendar.holidays, off_2017);
    assert_eq!(read.calendar.workdays, worked_2017);
    let read = read_holiday_notice(&notice("2017-noise.txt"), 1999);
    assert_eq!(read.calendar.workdays, worked_2017);
    assert_eq!(
        read.calendar.holidays,
        days(
            2017,
            &[
                "01-01..01-02",
                "01-27..02-02",
                "04-02..04-04",
                "05-01",
                "05-28..05-30"
            ]
        )
    );
    assert_eq!(read.problems.len(), 1);
    assert!(
        read.problems[0].contains("“0月1日”不是有效日期"),
        "{:?}",
        read.problems
    );
    // A copy without its year: the year assumed, and said.
    let read = read_holiday_notice(&notice("no-year.txt"), 2014);
    assert_eq!((read.year, read.year_found), (2014, false));
    assert_eq!(
        read.calendar.holidays,
        days(
            2014,
            &[
                "01-01",
                "01-31..02-06",
                "04-05",
                "04-07",
                "05-01..05-03",
                "06-02",
                "09-08",
                "10-01..10-07"
            ]
        )
    );
    assert_eq!(
        read.calendar.workdays,
        days(2014, &["01-26", "02-08", "05-04", "09-28", "10-11"])
    );
    // 2023: 元旦 from 2022-12-31, its years written out; the signing date is no holiday.
    let read = read_holiday_notice(&notice("2023-crossing-year.txt"), 1999);
    assert_eq!(read.year, 2023);
    let mut off = vec![day("2022-12-31")];
    off.extend(days(
        2023,
        &[
            "01-01..01-02",
            "01-21..01-27",
            "04-05",
            "04-29..05-03",
            "06-22..06-24",
            "09-29..10-06",
        ],
    ));
    assert_eq!(read.calendar.holidays, off);
    assert_eq!(
        read.calendar.workdays,
        days(
            2023,
            &["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"]
        )
    );
    // What it read is the table the office edits: written and read back the same.
    let read = read_holiday_notice(&notice("2026.txt"), 1999);
    assert_eq!(
        Calendar::parse(&read.calendar.text()),
        (read.calendar, vec![])
    );
}

#[test]
fn two_returns_saying_different_things_are_both_conflicts() {
    let plan = identified();
    let lead = make_packet(&plan, DEPARTMENT, &spec("征求意见稿"));
    let id = lead.tasks[0].id;
    let partner = make_packet(&plan, "局机关各岗位", &spec("征求意见稿"));
    assert!(
        partner.tasks.iter().any(|t| t.id == id),
        "both have the first task"
    );
    let with = |packet: &Packet, status: Status, file: &str| {
        let mut packet = packet.clone();
        for task in &mut packet.tasks {
            if task.id == id {
                task.answer.status = Some(status);
            }
        }
        Returned {
            file: file.into(),
            packet,
            tampered: vec![],
            problems: vec![],
        }
    };
    let found = review(
        &plan,
        &[
            with(&lead, Status::Done, "a.xlsx"),
            with(&partner, Status::InProgress, "b.xlsx"),
        ],
        day("2027-03-28"),
    );
    let statuses: Vec<&yaodian::ledger::returns::Proposal> = found
        .proposals
        .iter()
        .filter(|p| p.field == Field::Status)
        .collect();
    assert_eq!(statuses.len(), 2);
    assert!(statuses.iter().all(|p| p.conflict));
    assert!(
        statuses[0].line().contains("局机关各岗位报“推进中”"),
        "{}",
        statuses[0].line()
    );
    assert!(
        found.accept_clean(None).is_none(),
        "neither is applied by accepting all"
    );
    // The same value from both is no conflict.
    let found = review(
        &plan,
        &[
            with(&lead, Status::Done, "a.xlsx"),
            with(&partner, Status::Done, "b.xlsx"),
        ],
        day("2027-03-28"),
    );
    assert!(found.proposals.iter().all(|p| !p.conflict));
}

#[test]
fn an_accepted_wording_keeps_the_lead_sentence_as_written_and_leaves_the_review() {
    use yaodian::ledger::packet::split_wording;
    // The old lead sentence kept when the text begins with it; a title ending in ：kept so.
    assert_eq!(
        split_wording("推进分级诊疗。新的正文。", "推进分级诊疗"),
        ("推进分级诊疗".into(), "新的正文。".into())
    );
    assert_eq!(
        split_wording("重点做好以下工作：一是……", "重点做好以下工作："),
        ("重点做好以下工作：".into(), "一是……".into())
    );
    assert_eq!(
        split_wording("改写的首句！其余。", "原来的首句"),
        ("改写的首句！".into(), "其余。".into())
    );
    assert_eq!(
        split_wording("只有正文。", ""),
        (String::new(), "只有正文。".into())
    );
    // Whatever the wording, once accepted the same return proposes it no more.
    let plan = identified();
    let packet = make_packet(&plan, DEPARTMENT, &spec("征求意见稿"));
    for wording in [
        "没有句号的表述",
        "首句。\n第二段",
        "持续深化“三强九严”工程。全年检查两次",
    ] {
        let mut answered = packet.clone();
        answered.tasks[1].answer.wording = wording.into();
        let returned = Returned {
            file: "w.json".into(),
            packet: answered,
            tampered: vec![],
            problems: vec![],
        };
        let found = review(&plan, std::slice::from_ref(&returned), day("2027-03-28"));
        let mut editor = Editor::new(plan.clone());
        editor.apply(found.accept_clean(None).unwrap()).unwrap();
        let again = review(editor.plan(), &[returned], day("2027-03-28"));
        assert_eq!(again.proposals, vec![], "{wording}");
    }
}

#[test]
fn the_identity_stays_through_undo_and_not_into_copies() {
    let plan = plan();
    let mut editor = Editor::new(plan.clone());
    editor
        .apply(Edit::OpenRound {
            round: Round {
                name: "第一轮".into(),
                ..Round::default()
            },
            plan_id: "P-fixed".into(),
        })
        .unwrap();
    editor.undo();
    assert_eq!(
        editor.plan().follow.plan_id,
        "P-fixed",
        "packets went out under it"
    );
    assert!(editor.plan().follow.rounds.is_empty());
    editor.redo();
    assert_eq!(editor.plan().follow.plan_id, "P-fixed");
    // Next year's plan and a copy start their own follow-up (the settings kept).
    let mut followed = editor.plan().clone();
    followed.follow.warn_days = 8;
    let next = yaodian::plan::next_year::next_year(&followed).plan;
    assert_eq!(next.follow.plan_id, "");
    assert!(next.follow.rounds.is_empty());
    assert_eq!(next.follow.warn_days, 8);
    let mut library = yaodian::store::Library::open(yaodian::store::MemoryStore::default());
    let id = library.create(&followed, 1.0).unwrap();
    let copy = library.duplicate(&id, 2.0).unwrap();
    let copied = library.load(&copy).unwrap();
    assert_eq!(
        (copied.follow.plan_id.as_str(), copied.follow.rounds.len()),
        ("", 0)
    );
}
