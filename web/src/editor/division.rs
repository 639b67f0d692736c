//! A task's division of work: owners picked from the roster, and the deadline.

use leptos::prelude::*;
use yaodian::import::fields::split_names;
use yaodian::plan::model::DeadlineKind;
use yaodian::{Deadline, Edit, NodeId, Role};

use crate::editor::due::DueBadge;
use crate::state::use_state;

/// The id of the `<datalist>` offering roster names for a role.
pub fn datalist_id(role: Role) -> &'static str {
    match role {
        Role::Leader => "roster-leaders",
        Role::Lead | Role::Partner => "roster-departments",
    }
}

#[component]
pub fn DivisionEditor(id: NodeId) -> impl IntoView {
    view! {
        <div class="division">
            <PeopleField id role=Role::Leader/>
            <PeopleField id role=Role::Lead/>
            <PeopleField id role=Role::Partner/>
            <DeadlineField id/>
        </div>
    }
}

#[component]
fn PeopleField(id: NodeId, role: Role) -> impl IntoView {
    let state = use_state();
    let names = Memo::new(move |_| state.with_node(id, |n| n.division.people(role).clone()));
    let draft = RwSignal::new(String::new());
    let add = move || {
        let typed = split_names(&draft.get_untracked());
        if typed.is_empty() {
            return;
        }
        let mut all = names.get_untracked();
        all.extend(typed);
        draft.set(String::new());
        state.edit(Edit::SetPeople(id, role, all));
    };
    let remove = move |name: String| {
        let mut all = names.get_untracked();
        all.retain(|n| *n != name);
        state.edit(Edit::SetPeople(id, role, all));
    };
    view! {
        <div class="people" data-role=role.key()>
            <span class="field-label">{role.label()}</span>
            <For each=move || names.get() key=|n| n.clone() children=move |name| {
                let in_roster = {
                    let name = StoredValue::new(name.clone());
                    move || state.roster.with(|r| r.contains(role, &name.get_value()))
                };
                let for_roster = name.clone();
                let for_remove = name.clone();
                view! {
                    <span class="chip" class:unknown=move || !in_roster()>
                        <span class="chip-name">{name.clone()}</span>
                        <Show when=move || !in_roster()>
                            {
                                let for_roster = for_roster.clone();
                                view! {
                                    <button class="small add-roster" title="该名称不在名册中，点击加入名册"
                                        on:click=move |_| state.add_to_roster(role, &for_roster)>"加入名册"</button>
                                }
                            }
                        </Show>
                        <button class="chip-remove" aria-label=format!("移除{name}")
                            on:click=move |_| remove(for_remove.clone())>"×"</button>
                    </span>
                }
            }/>
            <input class="people-input" list=datalist_id(role)
                aria-label=format!("添加{}", role.label())
                placeholder="输入或选择，回车添加"
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && !ev.is_composing() && !(ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        ev.stop_propagation();
                        add();
                    }
                }
                on:change=move |_| add()/>
        </div>
    }
}

#[component]
fn DeadlineField(id: NodeId) -> impl IntoView {
    let state = use_state();
    let deadline = Memo::new(move |_| state.with_node(id, |n| n.division.deadline.clone()));
    let set = move |d: Deadline| state.edit(Edit::SetDeadline(id, d));
    let on_kind = move |ev: leptos::ev::Event| {
        let kind = DeadlineKind::from_key(&event_target_value(&ev)).unwrap_or(DeadlineKind::None);
        if let Some(period) = state.with_plan_shape(|p| p.period) {
            set(kind.default_in(period));
        }
    };
    // A picker cleared says nothing: the deadline stays until another is picked.
    let from_picker = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        match Deadline::from_picker(&value) {
            Some(d) => set(d),
            None if value.trim().is_empty() => {}
            None => state.error("日期不正确，请重新选择"),
        }
    };
    let value_input = move || match deadline.get() {
        d @ Deadline::Month { .. } => view! {
            <input type="month" class="deadline-month" aria-label="完成月份"
                prop:value=d.picker_value() on:change=from_picker/>
        }
        .into_any(),
        d @ Deadline::Date { .. } => view! {
            <input type="date" class="deadline-date" aria-label="完成日期"
                prop:value=d.picker_value() on:change=from_picker/>
        }
        .into_any(),
        Deadline::Text(text) => view! {
            <input type="text" class="deadline-text" aria-label="完成时限说明"
                prop:value=text
                on:change=move |ev| set(Deadline::parse(&event_target_value(&ev)))/>
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <div class="deadline">
            <span class="field-label">"完成时限"</span>
            <select class="deadline-kind" aria-label="完成时限类型"
                prop:value=move || deadline.get().kind().key() on:change=on_kind>
                {DeadlineKind::ALL
                    .into_iter()
                    .map(|kind| view! {
                        <option value=kind.key() selected=move || deadline.get().kind() == kind>{kind.label()}</option>
                    })
                    .collect_view()}
            </select>
            {value_input}
            <Show when=move || matches!(deadline.get(), Deadline::Month { .. } | Deadline::Date { .. })>
                <span class="deadline-label">{move || deadline.get().label()}</span>
                <DueBadge id/>
            </Show>
        </div>
    }
}
