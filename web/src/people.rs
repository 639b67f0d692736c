//! A task's division of work: owners picked from the roster, and the deadline.

use leptos::prelude::*;
use yaodian::{Deadline, Edit, NodeId, Role};

use crate::state::use_state;

/// The id of the `<datalist>` offering roster names for a role.
pub fn datalist_id(role: Role) -> &'static str {
    match role {
        Role::Leader => "roster-leaders",
        Role::Lead | Role::Partner => "roster-departments",
    }
}

fn role_key(role: Role) -> &'static str {
    match role {
        Role::Leader => "leaders",
        Role::Lead => "leads",
        Role::Partner => "partners",
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

/// Names as offices type them: separated by 、 ， , ； ;.
fn split_names(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
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
        <div class="people" data-role=role_key(role)>
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

/// The kinds of deadline, as the picker offers them.
fn deadline_kind(deadline: &Deadline) -> &'static str {
    match deadline {
        Deadline::None => "none",
        Deadline::Month { .. } => "month",
        Deadline::Date { .. } => "date",
        Deadline::LongTerm => "long",
        Deadline::Text(_) => "text",
    }
}

#[component]
fn DeadlineField(id: NodeId) -> impl IntoView {
    let state = use_state();
    let deadline = Memo::new(move |_| state.with_node(id, |n| n.division.deadline.clone()));
    let year = move || state.with_plan_shape(|p| p.period.end).unwrap_or(2026);
    let set = move |d: Deadline| state.edit(Edit::SetDeadline(id, d));
    let on_kind = move |ev: leptos::ev::Event| {
        let d = match event_target_value(&ev).as_str() {
            "month" => Deadline::Month {
                year: year(),
                month: 12,
            },
            "date" => Deadline::Date {
                year: year(),
                month: 12,
                day: 31,
            },
            "long" => Deadline::LongTerm,
            "text" => Deadline::Text("年底前".into()),
            _ => Deadline::None,
        };
        set(d);
    };
    let value_input = move || {
        match deadline.get() {
        Deadline::Month { year, month } => view! {
            <input type="month" class="deadline-month" aria-label="完成月份"
                prop:value=format!("{year:04}-{month:02}")
                on:change=move |ev| {
                    if let Some(d) = parse_iso(&event_target_value(&ev), false) { set(d) }
                }/>
        }
        .into_any(),
        Deadline::Date { year, month, day } => view! {
            <input type="date" class="deadline-date" aria-label="完成日期"
                prop:value=format!("{year:04}-{month:02}-{day:02}")
                on:change=move |ev| {
                    if let Some(d) = parse_iso(&event_target_value(&ev), true) { set(d) }
                }/>
        }
        .into_any(),
        Deadline::Text(text) => view! {
            <input type="text" class="deadline-text" aria-label="完成时限说明"
                prop:value=text
                on:change=move |ev| set(Deadline::Text(event_target_value(&ev).trim().to_string()))/>
        }
        .into_any(),
        _ => ().into_any(),
    }
    };
    view! {
        <div class="deadline">
            <span class="field-label">"完成时限"</span>
            <select class="deadline-kind" aria-label="完成时限类型"
                prop:value=move || deadline_kind(&deadline.get()) on:change=on_kind>
                {[("none", "未定"), ("month", "某月"), ("date", "某日"), ("long", "长期坚持"), ("text", "其他（文字）")]
                    .into_iter()
                    .map(|(key, name)| view! {
                        <option value=key selected=move || deadline_kind(&deadline.get()) == key>{name}</option>
                    })
                    .collect_view()}
            </select>
            {value_input}
            <Show when=move || matches!(deadline.get(), Deadline::Month { .. } | Deadline::Date { .. })>
                <span class="deadline-label">{move || deadline.get().label()}</span>
            </Show>
        </div>
    }
}

/// `2020-11` (month) or `2020-11-30` (date) from a browser picker.
fn parse_iso(value: &str, with_day: bool) -> Option<Deadline> {
    let mut parts = value.split('-').map(|p| p.parse::<u32>().ok());
    let year = parts.next()?? as i32;
    let month = parts.next()??;
    if with_day {
        let day = parts.next()??;
        Some(Deadline::Date { year, month, day })
    } else {
        Some(Deadline::Month { year, month })
    }
}
