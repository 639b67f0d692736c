//! What an edit says it may change is all it changes (the UI re-runs only that), and the
//! old-year review kept up to date edit by edit equals the review made afresh.

use proptest::prelude::*;
use yaodian::import::import_text;
use yaodian::plan::edit::InsertAt;
use yaodian::plan::next_year::{next_year, old_year_mentions, YearReview};
use yaodian::plan::numbering::number;
use yaodian::{
    Deadline, Edit, Editor, NodeField, NodeKind, NoticeField, Period, Plan, PlanField, Scope,
};

/// An edit chosen against the plan as it is: `pick` selects a node.
#[derive(Clone, Debug)]
enum Op {
    NodeText(usize, bool, String),
    Deadline(usize, i32),
    CarriedOver(usize, bool),
    PlanText(bool, String),
    Transmittal(String),
    AddAfter(usize, bool),
    Delete(usize),
    Indent(usize),
    MoveUp(usize),
    Period(i32),
    /// A node copied from a plan of that year, put after, into, or at the end.
    Insert(usize, u8, i32, String),
    Origin(usize, Option<i32>),
    /// A department's return accepted: a note, a status and a 延期 of one task, as one edit.
    Accepted(usize, String),
    /// A round of packets opened: the plan's follow-up, no node.
    Round(String),
    Undo,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("巩固2020年成果".to_string()),
        Just("到2021年底完成".to_string()),
        Just("2019—2020年".to_string()),
        Just("持续推进".to_string()),
        "[年0-9一-龥]{0,12}",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<usize>(), any::<bool>(), text()).prop_map(|(p, t, s)| Op::NodeText(p, t, s)),
        1 => (any::<usize>(), 2019..2023i32).prop_map(|(p, y)| Op::Deadline(p, y)),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(p, c)| Op::CarriedOver(p, c)),
        2 => (any::<bool>(), text()).prop_map(|(t, s)| Op::PlanText(t, s)),
        1 => text().prop_map(Op::Transmittal),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(p, h)| Op::AddAfter(p, h)),
        1 => any::<usize>().prop_map(Op::Delete),
        1 => any::<usize>().prop_map(Op::Indent),
        1 => any::<usize>().prop_map(Op::MoveUp),
        1 => (2020..2023i32).prop_map(Op::Period),
        1 => (any::<usize>(), 0..3u8, 2017..2021i32, text()).prop_map(|(p, at, y, s)| Op::Insert(p, at, y, s)),
        1 => (any::<usize>(), proptest::option::of(2017..2021i32)).prop_map(|(p, y)| Op::Origin(p, y)),
        1 => (any::<usize>(), text()).prop_map(|(p, s)| Op::Accepted(p, s)),
        1 => text().prop_map(Op::Round),
        1 => Just(Op::Undo),
    ]
}

fn edit(plan: &Plan, op: &Op) -> Option<Edit> {
    let ids: Vec<u32> = plan.walk().iter().map(|(n, _)| n.id).collect();
    let node = |pick: usize| ids.get(pick % ids.len().max(1)).copied();
    Some(match op.clone() {
        Op::NodeText(p, title, s) => Edit::SetNodeText(
            node(p)?,
            if title {
                NodeField::Title
            } else {
                NodeField::Body
            },
            s,
        ),
        Op::Deadline(p, year) => Edit::SetDeadline(node(p)?, Deadline::Month { year, month: 6 }),
        Op::CarriedOver(p, c) => Edit::SetCarriedOver(node(p)?, c),
        Op::PlanText(title, s) => Edit::SetPlanText(
            if title {
                PlanField::Title
            } else {
                PlanField::Requirements
            },
            s,
        ),
        Op::Transmittal(s) => Edit::SetNotice(NoticeField::Transmittal, s),
        Op::AddAfter(p, heading) => Edit::AddAfter {
            after: node(p),
            kind: if heading {
                NodeKind::Heading
            } else {
                NodeKind::Task
            },
        },
        Op::Delete(p) => Edit::Delete(node(p)?),
        Op::Indent(p) => Edit::Indent(node(p)?),
        Op::MoveUp(p) => Edit::MoveUp(node(p)?),
        Op::Period(year) => Edit::SetPeriod(Period::year(year)),
        Op::Insert(p, at, year, text) => {
            let mut copied = yaodian::Node::new(0, NodeKind::Task, format!("{year}年{text}"));
            copied.body = text;
            copied.origin = Some(origin(year));
            let at = match at {
                0 => InsertAt::After(node(p)?),
                1 => InsertAt::Into(node(p)?),
                _ => InsertAt::End,
            };
            Edit::Insert {
                at,
                nodes: vec![copied],
            }
        }
        Op::Origin(p, year) => Edit::SetOrigin(node(p)?, year.map(origin)),
        Op::Accepted(p, text) => {
            let id = node(p)?;
            Edit::Many(vec![
                Edit::SetStatus(id, yaodian::Status::InProgress),
                Edit::AddNote(
                    id,
                    yaodian::ProgressNote {
                        day: yaodian::Day::parse("2020-06-30").unwrap(),
                        text: format!("进展{text}"),
                        author: "办公室".into(),
                    },
                ),
                Edit::Extend(
                    id,
                    yaodian::Extension {
                        to: Deadline::Month {
                            year: 2020,
                            month: 12,
                        },
                        ..Default::default()
                    },
                ),
            ])
        }
        Op::Round(name) => Edit::OpenRound {
            round: yaodian::plan::follow::Round {
                name: format!("第{name}轮"),
                ..Default::default()
            },
            plan_id: "P1".into(),
        },
        Op::Undo => return None,
    })
}

fn origin(year: i32) -> yaodian::Origin {
    yaodian::Origin {
        from: format!("{year}年工作要点"),
        period: Some(Period::year(year)),
    }
}

/// Each node's number and content, by id.
fn nodes(plan: &Plan) -> Vec<(u32, String, String)> {
    number(plan)
        .into_iter()
        .map(|n| {
            let own = yaodian::Node {
                children: Vec::new(),
                ..n.node.clone()
            };
            (n.node.id, n.label, format!("{own:?}"))
        })
        .collect()
}

fn rolled_forward() -> Plan {
    let text = crate::common::sample("tongxin-2020-plan-task-division");
    next_year(&import_text(&text).plan).plan
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn an_edit_changes_no_more_than_its_scope(ops in proptest::collection::vec(op(), 1..40)) {
        let mut editor = Editor::new(rolled_forward());
        let mut review = YearReview::new(editor.plan());
        for op in &ops {
            let before = nodes(editor.plan());
            let scope = match edit(editor.plan(), op) {
                Some(edit) => {
                    let scope = edit.scope();
                    if editor.apply(edit).is_err() {
                        continue;
                    }
                    scope
                }
                None => {
                    editor.undo();
                    Scope::Shape
                }
            };
            let after = nodes(editor.plan());
            match scope {
                Scope::Text => prop_assert_eq!(&before, &after, "{:?}", op),
                Scope::Node(id) => {
                    prop_assert_eq!(before.len(), after.len());
                    for (b, a) in before.iter().zip(&after) {
                        prop_assert_eq!(&b.1, &a.1, "numbers stay, {:?}", op);
                        if a.0 != id {
                            prop_assert_eq!(b, a, "other nodes stay, {:?}", op);
                        }
                    }
                }
                Scope::Shape => {}
            }
            review.update(editor.plan(), scope);
            let fresh = old_year_mentions(editor.plan());
            prop_assert_eq!(review.mentions(), fresh, "after {:?}", op);
        }
    }
}

#[test]
fn typing_in_the_plan_title_is_text_not_shape() {
    assert_eq!(
        Edit::SetPlanText(PlanField::Title, "x".into()).scope(),
        Scope::Text
    );
    assert_eq!(
        Edit::SetNotice(NoticeField::Title, "x".into()).scope(),
        Scope::Text
    );
    assert_eq!(
        Edit::SetNodeText(3, NodeField::Body, "x".into()).scope(),
        Scope::Node(3)
    );
    assert_eq!(Edit::Delete(3).scope(), Scope::Shape);
}
