//! Edits renumber at once, respect the four levels, and undo/redo every step.

use yaodian::plan::numbering::number;
use yaodian::plan::templates::{new_plan, NewPlan};
use yaodian::{Deadline, Edit, Editor, NodeField, NodeKind, Role};

fn outline(editor: &Editor) -> Vec<String> {
    number(editor.plan())
        .iter()
        .map(|n| format!("{}{}", n.label, n.node.title))
        .collect()
}

fn editor() -> Editor {
    Editor::new(new_plan(
        &NewPlan::with_sections(2027, "", &["party", "epidemic"]),
        &[],
    ))
}

#[test]
fn moving_a_task_into_the_next_section_renumbers_everything() {
    let mut editor = editor();
    let last_party_task = editor.plan().nodes[0].children[2].id;
    assert_eq!(outline(&editor)[3], "（三）加强党风廉政建设和行风建设");
    editor.apply(Edit::MoveDown(last_party_task)).unwrap();
    let lines = outline(&editor);
    assert_eq!(lines[3], "二、抓好传染病防控和卫生应急");
    assert_eq!(lines[4], "（三）加强党风廉政建设和行风建设");
    assert_eq!(lines[5], "（四）完善监测预警体系");
    // and back up again
    editor.apply(Edit::MoveUp(last_party_task)).unwrap();
    assert_eq!(outline(&editor)[3], "（三）加强党风廉政建设和行风建设");
}

#[test]
fn first_and_last_cannot_move_further() {
    let mut editor = editor();
    let first = editor.plan().nodes[0].id;
    let err = editor.apply(Edit::MoveUp(first)).unwrap_err();
    assert_eq!(err.0, "已是第一项，无法上移");
    assert!(!editor.can_undo());
}

#[test]
fn indent_and_outdent_keep_within_four_levels() {
    let mut editor = editor();
    let second = editor.plan().nodes[0].children[1].id;
    editor.apply(Edit::Indent(second)).unwrap();
    assert_eq!(editor.plan().place(second).unwrap().1, 2);
    assert_eq!(outline(&editor)[2], "1.落实公立医院党委领导下的院长负责制");
    let applied = editor
        .apply(Edit::AddChild {
            parent: second,
            kind: NodeKind::Task,
        })
        .unwrap();
    let deepest = applied.focus.unwrap();
    assert_eq!(editor.plan().place(deepest).unwrap().1, 3);
    let err = editor
        .apply(Edit::AddChild {
            parent: deepest,
            kind: NodeKind::Task,
        })
        .unwrap_err();
    assert_eq!(err.0, "最多四级，不能再添加下级");
    editor.apply(Edit::Outdent(second)).unwrap();
    assert_eq!(editor.plan().place(second).unwrap().1, 1);
    let top = editor.plan().nodes[0].id;
    assert!(editor.apply(Edit::Outdent(top)).is_err());
}

#[test]
fn typing_is_one_undo_step_and_every_edit_undoes_and_redoes() {
    let mut editor = editor();
    let original = editor.plan().clone();
    let task = editor.plan().nodes[0].children[0].id;
    for text in ["强", "强化", "强化学习"] {
        editor
            .apply(Edit::SetNodeText(task, NodeField::Title, text.into()))
            .unwrap();
    }
    editor
        .apply(Edit::SetPeople(
            task,
            Role::Leader,
            vec!["张三".into(), " 李四 ".into(), "张三".into()],
        ))
        .unwrap();
    editor
        .apply(Edit::SetDeadline(
            task,
            Deadline::Month {
                year: 2027,
                month: 11,
            },
        ))
        .unwrap();
    editor
        .apply(Edit::Delete(editor.plan().nodes[1].id))
        .unwrap();
    let edited = editor.plan().clone();
    assert_eq!(
        edited.node(task).unwrap().division.leaders,
        ["张三", "李四"]
    );
    let mut steps = 0;
    while editor.undo() {
        steps += 1;
    }
    assert_eq!(steps, 4);
    assert_eq!(editor.plan(), &original);
    while editor.redo() {}
    assert_eq!(editor.plan(), &edited);
}

#[test]
fn added_nodes_get_fresh_ids_and_focus() {
    let mut editor = editor();
    let first_task = editor.plan().nodes[0].children[0].id;
    let applied = editor
        .apply(Edit::AddAfter {
            after: Some(first_task),
            kind: NodeKind::Task,
        })
        .unwrap();
    let new = applied.focus.unwrap();
    assert_eq!(editor.plan().place(new).unwrap().0.index, 1);
    let ids: Vec<_> = editor.plan().walk().iter().map(|(n, _)| n.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len());
}

#[test]
fn a_node_cannot_move_under_itself() {
    let mut editor = editor();
    let section = editor.plan().nodes[0].id;
    let child = editor.plan().nodes[0].children[0].id;
    assert!(editor
        .apply(Edit::MoveInto {
            id: section,
            parent: Some(child)
        })
        .is_err());
    editor
        .apply(Edit::MoveInto {
            id: child,
            parent: Some(editor.plan().nodes[1].id),
        })
        .unwrap();
    assert_eq!(editor.plan().nodes[1].children.last().unwrap().id, child);
}

#[test]
fn deleting_puts_the_cursor_on_a_neighbour() {
    let mut editor = editor();
    let section = &editor.plan().nodes[0];
    let (first, second, third) = (
        section.children[0].id,
        section.children[1].id,
        section.children[2].id,
    );
    let section = section.id;
    assert_eq!(
        editor.apply(Edit::Delete(second)).unwrap().focus,
        Some(first)
    );
    assert_eq!(
        editor.apply(Edit::Delete(first)).unwrap().focus,
        Some(third)
    );
    assert_eq!(
        editor.apply(Edit::Delete(third)).unwrap().focus,
        Some(section)
    );
}

#[test]
fn another_tabs_version_is_loaded_without_history() {
    let mut editor = editor();
    let id = editor.plan().nodes[0].id;
    editor
        .apply(Edit::SetNodeText(
            id,
            NodeField::Title,
            "本窗口的修改".into(),
        ))
        .unwrap();
    let mut theirs = editor.plan().clone();
    theirs.nodes[0].title = "另一个窗口的修改".into();
    editor.load(theirs.clone());
    assert_eq!(editor.plan(), &theirs);
    // Undo cannot put this tab's older plan back over the other tab's work.
    assert!(!editor.can_undo());
    assert!(!editor.undo());
    assert_eq!(editor.plan(), &theirs);
}
