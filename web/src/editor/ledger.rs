//! The ledger tab (工作台账): find tasks by text, owner, deadline, status or year, and record
//! each task's status, dated progress notes, completion note and per-year targets.

use leptos::prelude::*;
use yaodian::ledger::{
    deadline_choices, filtered, is_overdue, owners_line, person_choices, DeadlineKey, Filter,
};
use yaodian::{Day, Edit, NodeId, ProgressNote, Status};

use crate::browser;
use crate::editor::due::DueBadge;
use crate::editor::jump;
use crate::state::use_state;
use crate::text_box::TextBox;
use yaodian::ledger::checks::Place;

/// A row's identity: rebuilt when its number changes, kept while its fields are typed in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    id: NodeId,
    heading: String,
}

/// The filter bar shared by the ledger and the views: search, owner, deadline, status, year.
#[component]
pub fn FilterBar(
    filter: RwSignal<Filter>,
    /// Hide the owner filter (when the view already picks one).
    #[prop(optional, into)]
    no_person: MaybeProp<bool>,
) -> impl IntoView {
    let state = use_state();
    let people = move || state.with_plan(person_choices).unwrap_or_default();
    let deadlines = move || state.with_plan(deadline_choices).unwrap_or_default();
    let years = move || state.plan_years();
    view! {
        <div class="filter-bar" role="search">
            <input type="search" class="filter-text" placeholder="搜索任务、进展、科室……" aria-label="搜索"
                prop:value=move || filter.with(|f| f.text.clone())
                on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))/>
            <Show when=move || !no_person.get().unwrap_or(false)>
                <select class="filter-person" aria-label="责任人"
                    prop:value=move || filter.with(|f| f.person.clone())
                    on:change=move |ev| filter.update(|f| f.person = event_target_value(&ev))>
                    <option value="" selected=move || filter.with(|f| f.person.is_empty())>"全部领导和科室"</option>
                    {move || people().into_iter().map(|name| {
                        let selected = name.clone();
                        view! { <option value=name.clone() selected=move || filter.with(|f| f.person == selected)>{name.clone()}</option> }
                    }).collect_view()}
                </select>
            </Show>
            <select class="filter-deadline" aria-label="完成时限"
                prop:value=move || filter.with(|f| f.deadline.map(|k| k.key()).unwrap_or_default())
                on:change=move |ev| filter.update(|f| f.deadline = DeadlineKey::from_key(&event_target_value(&ev)))>
                <option value="" selected=move || filter.with(|f| f.deadline.is_none())>"全部时限"</option>
                {move || deadlines().into_iter().map(|key| view! {
                    <option value=key.key() selected=move || filter.with(|f| f.deadline == Some(key))>{key.label()}</option>
                }).collect_view()}
            </select>
            <select class="filter-status" aria-label="进展状态"
                prop:value=move || filter.with(|f| f.status.map(|s| s.label()).unwrap_or_default())
                on:change=move |ev| filter.update(|f| f.status = Status::from_label(&event_target_value(&ev)))>
                <option value="" selected=move || filter.with(|f| f.status.is_none())>"全部状态"</option>
                {Status::ALL.into_iter().map(|s| view! {
                    <option value=s.label() selected=move || filter.with(|f| f.status == Some(s))>{s.label()}</option>
                }).collect_view()}
            </select>
            <Show when=move || !years().is_empty()>
                <select class="filter-year" aria-label="年度"
                    prop:value=move || filter.with(|f| f.year.map(|y| y.to_string()).unwrap_or_default())
                    on:change=move |ev| filter.update(|f| f.year = event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || filter.with(|f| f.year.is_none())>"全部年度"</option>
                    {move || years().into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || filter.with(|f| f.year == Some(y))>{format!("{y}年")}</option>
                    }).collect_view()}
                </select>
            </Show>
            <label class="filter-overdue">
                <input type="checkbox" prop:checked=move || filter.with(|f| f.overdue_only)
                    on:change=move |ev| filter.update(|f| f.overdue_only = event_target_checked(&ev))/>
                "只看逾期"
            </label>
            <button class="filter-clear" disabled=move || filter.with(Filter::is_empty)
                on:click=move |_| filter.set(Filter::default())>"清除筛选"</button>
        </div>
    }
}

#[component]
pub fn LedgerPanel() -> impl IntoView {
    let state = use_state();
    let filter = RwSignal::new(Filter::default());
    let today = browser::today();
    let rows = Memo::new(move |_| {
        let filter = filter.get();
        state
            .with_plan(|p| {
                filtered(p, &filter, Some(today))
                    .into_iter()
                    .map(|t| Key {
                        id: t.id,
                        heading: t.heading(),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="ledger">
            <FilterBar filter/>
            <p class="ledger-count">{move || format!("共 {} 项任务（截至{}）", rows.with(Vec::len), today.label())}</p>
            <ol class="ledger-rows">
                <For each=move || rows.get() key=|k| k.clone() children=move |k| view! { <LedgerRow key=k today/> }/>
            </ol>
        </section>
    }
}

#[component]
fn LedgerRow(key: Key, today: Day) -> impl IntoView {
    let state = use_state();
    let id = key.id;
    let status = move || state.with_node(id, |n| n.ledger.status);
    let overdue = move || state.with_node(id, |n| is_overdue(n, today));
    let owners = move || state.with_node(id, |n| owners_line(&n.division, "　"));
    let years = move || state.plan_years();
    let new_day = RwSignal::new(today.iso());
    let new_text = RwSignal::new(String::new());
    let add_note = move || {
        let text = new_text.get_untracked();
        let Some(day) = Day::parse(&new_day.get_untracked()) else {
            state.error("日期格式不正确");
            return;
        };
        state.edit(Edit::AddNote(
            id,
            ProgressNote {
                day,
                text,
                author: String::new(),
            },
        ));
        new_text.set(String::new());
    };
    view! {
        <li class="ledger-row" data-task=id.to_string() class:overdue=overdue>
            <div class="ledger-head">
                <button class="link task-heading" title="在计划正文中查看" on:click=move |_| jump(Place::Node(id))>{key.heading.clone()}</button>
                <DueBadge id/>
                <select class="status" aria-label="进展状态"
                    prop:value=move || status().label()
                    on:change=move |ev| {
                        if let Some(s) = Status::from_label(&event_target_value(&ev)) {
                            state.edit(Edit::SetStatus(id, s));
                        }
                    }>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=s.label() selected=move || status() == s>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="owners">{owners}</p>
            <Show when=move || !years().is_empty()>
                <div class="targets">
                    {move || years().into_iter().map(|year| view! {
                        <label class="target">{format!("{year}年目标")}
                            <TextBox class="target-text" label=format!("{year}年目标")
                                value=Signal::derive(move || state.with_node(id, |n| {
                                    n.targets.iter().find(|t| t.year == year).map(|t| t.text.clone()).unwrap_or_default()
                                }))
                                on_set=Callback::new(move |text| state.edit(Edit::SetTarget(id, year, text)))/>
                        </label>
                    }).collect_view()}
                </div>
            </Show>
            <ul class="extensions">
                {move || state.with_node(id, |n| n.ledger.extensions.clone()).into_iter().map(|e| view! {
                    <li class="extension">{e.label()}</li>
                }).collect_view()}
            </ul>
            <ul class="notes">
                {move || state.with_node(id, |n| n.ledger.notes.clone()).into_iter().enumerate().map(|(i, note)| view! {
                    <li class="note">
                        <span class="note-day">{note.day.label()}</span>
                        <span class="note-text">{note.text.clone()}</span>
                        {(!note.author.is_empty()).then(|| view! { <span class="note-author">{format!("（{}报送）", note.author)}</span> })}
                        <button class="icon remove-note" title="删除这条进展" aria-label="删除这条进展"
                            on:click=move |_| state.edit(Edit::RemoveNote(id, i))>"×"</button>
                    </li>
                }).collect_view()}
            </ul>
            <div class="add-note">
                <input type="date" class="note-day-input" aria-label="进展日期"
                    prop:value=move || new_day.get() on:change=move |ev| new_day.set(event_target_value(&ev))/>
                <input type="text" class="note-input" placeholder="记录进展（回车添加）" aria-label="进展内容"
                    prop:value=move || new_text.get()
                    on:input=move |ev| new_text.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" && !ev.is_composing() { ev.prevent_default(); add_note(); }/>
                <button class="add-note-button" on:click=move |_| add_note()>"添加进展"</button>
            </div>
            <label class="completion">"完成情况"
                <TextBox multiline=true class="completion-text" label="完成情况" placeholder="完成后填写：做了什么、达到什么效果（用于年终总结）"
                    value=Signal::derive(move || state.with_node(id, |n| n.ledger.completion.clone()))
                    on_set=Callback::new(move |text| state.edit(Edit::SetCompletion(id, text)))/>
            </label>
        </li>
    }
}
