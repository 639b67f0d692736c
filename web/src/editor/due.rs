//! Deadlines that warn, as every tab shows them: a task's 正常／临期／逾期 badge in the three
//! colours offices use for 督办 (蓝, 黄, 红), and what needs attention when a plan opens. A leaf
//! that every tab may use (it depends on no tab).

use leptos::prelude::*;
use yaodian::ledger::checks::Place;
use yaodian::ledger::due::{attention, urgency};
use yaodian::NodeId;

use crate::browser;
use crate::editor::jump;
use crate::state::use_state;

/// The task's urgency today, or nothing for closed and undated tasks.
#[component]
pub fn DueBadge(id: NodeId) -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let found = move || {
        let follow = state.warnings();
        state.with_node(id, |n| urgency(n, today, &follow))
    };
    move || {
        found().map(|u| {
            view! {
                <span class=format!("badge due-badge due-{}", u.key())
                    title=format!("{}色：{}", u.colour(), u.label())>{u.label()}</span>
            }
        })
    }
}

/// What is overdue and what falls due this week, listed as the plan opens; dismissed for the
/// rest of the visit.
#[component]
pub fn Attention() -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let due = state
        .with_plan_untracked(|p| attention(p, today))
        .unwrap_or_default();
    let shown = RwSignal::new(!due.is_empty());
    let overdue = due
        .iter()
        .filter(|d| d.urgency == yaodian::ledger::due::Urgency::Overdue)
        .count();
    let summary = format!(
        "逾期 {overdue} 项，本周到期 {} 项（截至{}）",
        due.len() - overdue,
        today.label()
    );
    view! {
        <Show when=move || shown.get()>
            <aside class="attention" aria-label="需要督办的任务">
                <p><strong>"需要关注："</strong>{summary.clone()}
                    <button class="icon dismiss-attention" title="收起" aria-label="收起"
                        on:click=move |_| shown.set(false)>"×"</button>
                </p>
                <ul>
                    {due.iter().take(10).map(|d| {
                        let id = d.id;
                        view! {
                            <li class=format!("due-{}", d.urgency.key())>
                                <span class=format!("badge due-badge due-{}", d.urgency.key())>{d.urgency.label()}</span>
                                <button class="link" on:click=move |_| jump(Place::Node(id))>{d.heading.clone()}</button>
                                <span class="hint">{format!("{}　{}", d.due.label(), d.owners)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </aside>
        </Show>
    }
}
