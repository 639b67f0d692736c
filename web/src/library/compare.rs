//! Two plans side by side: tasks new, dropped, changed (with the word diff) and unchanged.

use leptos::prelude::*;
use yaodian::plan::compare::{compare, Row, SpanKind, Status};

use crate::state::{use_state, Route};

#[component]
pub fn ComparePage(old: String, new: String) -> impl IntoView {
    let state = use_state();
    let result = match (state.load(&old), state.load(&new)) {
        (Ok(a), Ok(b)) => Ok((a.name(), b.name(), compare(&a, &b))),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    let only_changes = RwSignal::new(false);
    let plans = state.plans();
    let pick = {
        let (old, new) = (old.clone(), new.clone());
        move |which: bool, id: String| {
            let route = if which {
                Route::Compare(id, new.clone())
            } else {
                Route::Compare(old.clone(), id)
            };
            state.go(route);
        }
    };
    let pick = StoredValue::new(pick);
    let selector = move |which: bool, current: String| {
        let plans = plans.clone();
        view! {
            <select class=if which { "compare-old" } else { "compare-new" }
                on:change=move |ev| pick.with_value(|p| p(which, event_target_value(&ev)))>
                {plans.into_iter().map(|m| {
                    let selected = m.id == current;
                    view! { <option value=m.id.clone() selected=selected>{m.title.clone()}</option> }
                }).collect_view()}
            </select>
        }
    };
    view! {
        <header class="topbar">
            <button class="back" on:click=move |_| state.go(Route::Library)>"‹ 计划列表"</button>
            <h1 class="plan-title">"比较两个计划"</h1>
        </header>
        <main class="editor compare">
            <div class="form-row">
                <label>"原计划" {selector(true, old.clone())}</label>
                <label>"新计划" {selector(false, new.clone())}</label>
                <label class="inline"><input type="checkbox" prop:checked=move || only_changes.get()
                    on:change=move |ev| only_changes.set(event_target_checked(&ev))/>"只看有变化的任务"</label>
            </div>
            {match result {
                Err(e) => view! { <p class="error">{e}</p> }.into_any(),
                Ok((old_name, new_name, comparison)) => {
                    let summary = format!(
                        "「{old_name}」→「{new_name}」：新增 {} 项，删除 {} 项，修改 {} 项，未变 {} 项",
                        comparison.count(Status::New),
                        comparison.count(Status::Dropped),
                        comparison.count(Status::Changed),
                        comparison.count(Status::Unchanged),
                    );
                    let rows = comparison.rows;
                    view! {
                        <p class="compare-summary">{summary}</p>
                        <ol class="compare-rows">
                            {rows.into_iter().map(|row| {
                                let unchanged = row.status == Status::Unchanged;
                                view! {
                                    <Show when=move || !(unchanged && only_changes.get())>
                                        {compare_row(row.clone())}
                                    </Show>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </main>
    }
}

fn compare_row(row: Row) -> impl IntoView {
    let status = row.status;
    let class = match status {
        Status::New => "row-new",
        Status::Dropped => "row-dropped",
        Status::Changed => "row-changed",
        Status::Unchanged => "row-unchanged",
    };
    let where_ = match (&row.old, &row.new) {
        (Some(o), Some(n)) if o.label != n.label => {
            format!("{} → {}　{}", o.label, n.label, n.section)
        }
        (_, Some(n)) => format!("{}　{}", n.label, n.section),
        (Some(o), None) => format!("{}　{}", o.label, o.section),
        (None, None) => String::new(),
    };
    let text = if row.diff.is_empty() {
        let text = row
            .new
            .as_ref()
            .or(row.old.as_ref())
            .map(|t| t.text.clone())
            .unwrap_or_default();
        view! { <span>{text}</span> }.into_any()
    } else {
        row.diff
            .into_iter()
            .map(|span| match span.kind {
                SpanKind::Same => view! { <span>{span.text}</span> }.into_any(),
                SpanKind::Deleted => view! { <del>{span.text}</del> }.into_any(),
                SpanKind::Inserted => view! { <ins>{span.text}</ins> }.into_any(),
            })
            .collect_view()
            .into_any()
    };
    view! {
        <li class=format!("compare-row {class}")>
            <span class="status">{status.label()}</span>
            <span class="where">{where_}</span>
            <div class="compare-text">{text}</div>
            {(!row.owner_changes.is_empty()).then(|| view! {
                <ul class="owner-changes">
                    {row.owner_changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}
