//! The views tab: one leader's tasks, one department's (leading, then cooperating), or all tasks
//! by deadline month; each exported as text or .xlsx to send on.

use std::borrow::Cow;

use leptos::prelude::*;
use yaodian::export::list::list_text;
use yaodian::ledger::checks::Place;
use yaodian::ledger::views::{by_deadline, by_department, by_leader, ListView};
use yaodian::ledger::{names, people_line, Filter};
use yaodian::office::Job;
use yaodian::Role;

use super::ledger::FilterBar;
use crate::browser;
use crate::editor::due::DueBadge;
use crate::editor::jump;
use crate::state::use_state;
use crate::worker;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Leader,
    Department,
    Deadline,
}

#[component]
pub fn ViewsPanel() -> impl IntoView {
    let state = use_state();
    let mode = RwSignal::new(Mode::Leader);
    let person = RwSignal::new(String::new());
    let filter = RwSignal::new(Filter::default());
    let today = browser::today();
    let choices = move || {
        let role = if mode.get() == Mode::Leader {
            Role::Leader
        } else {
            Role::Lead
        };
        state.with_plan(|p| names(p, role)).unwrap_or_default()
    };
    // The chosen name, or the first one offered.
    let chosen = move || {
        let names = choices();
        let wanted = person.get();
        if names.contains(&wanted) {
            wanted
        } else {
            names.first().cloned().unwrap_or_default()
        }
    };
    let view_of = Memo::new(move |_| {
        let filter = filter.get();
        let name = chosen();
        state
            .with_plan(|p| match mode.get() {
                Mode::Leader => by_leader(p, &name, &filter, Some(today)),
                Mode::Department => by_department(p, &name, &filter, Some(today)),
                Mode::Deadline => by_deadline(p, &filter, Some(today)),
            })
            .unwrap_or_default()
    });
    let download_text = move |_| {
        let list = view_of.get_untracked();
        let name = browser::file_name(&list.title, "txt");
        state.report(
            browser::download(&name, "text/plain;charset=utf-8", &list_text(&list)),
            format!("已下载 {name}"),
        )
    };
    let copy_text = move |_| {
        let text = list_text(&view_of.get_untracked());
        leptos::task::spawn_local(async move {
            state.report(
                browser::copy_text(text).await,
                "已复制清单，可粘贴到消息或文档中",
            )
        });
    };
    let download_xlsx = move |_| {
        view_of.with_untracked(|list| {
            let name = browser::file_name(&list.title, "xlsx");
            let done = format!("已下载 {name}");
            let job = Job::ListXlsx {
                list: Cow::Borrowed(list),
                fonts: state.options_untracked().fonts,
            };
            worker::download(state, &job, name, browser::XLSX_MIME, done, "yaodian:list")
        });
    };
    let mode_button = move |m: Mode, label: &'static str| {
        view! {
            <button role="tab" class="mode" class:active=move || mode.get() == m
                aria-selected=move || (mode.get() == m).to_string()
                on:click=move |_| mode.set(m)>{label}</button>
        }
    };
    view! {
        <section class="views">
            <div class="view-modes" role="tablist">
                {mode_button(Mode::Leader, "按责任领导")}
                {mode_button(Mode::Department, "按科室")}
                {mode_button(Mode::Deadline, "按完成时限")}
            </div>
            <div class="view-controls">
                <Show when=move || mode.get() != Mode::Deadline>
                    <select class="view-person" aria-label="选择领导或科室"
                        on:change=move |ev| person.set(event_target_value(&ev))>
                        {move || {
                            let current = chosen();
                            choices().into_iter().map(|name| {
                                let selected = name == current;
                                view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                            }).collect_view()
                        }}
                    </select>
                </Show>
                <button class="export-list-text" on:click=download_text>"导出文本"</button>
                <button class="copy-list" on:click=copy_text>"复制清单"</button>
                <button class="export-list-xlsx" on:click=download_xlsx>"导出 Excel"</button>
            </div>
            <FilterBar filter no_person=Signal::derive(move || mode.get() != Mode::Deadline)/>
            <ListBody list=view_of/>
        </section>
    }
}

/// A list: its title, blocks, section groups and task rows (overdue ones marked).
#[component]
fn ListBody(list: Memo<ListView>) -> impl IntoView {
    view! {
        <div class="list-view">
            <h2 class="list-title">{move || list.with(|l| l.title.clone())}</h2>
            <p class="list-count">{move || format!("共 {} 项", list.with(ListView::task_count))}</p>
            {move || list.get().blocks.into_iter().map(|block| {
                // Groups are headed one level below their block's heading, or the list's.
                let nested = !block.heading.is_empty();
                view! {
                <div class="list-block">
                    <Show when={let h = block.heading.clone(); move || !h.is_empty()}>
                        <h3 class="block-heading">{block.heading.clone()}</h3>
                    </Show>
                    {block.groups.into_iter().map(|group| view! {
                        {if nested {
                            view! { <h4 class="group-heading">{group.heading.clone()}</h4> }.into_any()
                        } else {
                            view! { <h3 class="group-heading">{group.heading.clone()}</h3> }.into_any()
                        }}
                        <table class="list-table">
                            <tbody>
                                {group.tasks.into_iter().map(|task| {
                                    let id = task.id;
                                    let d = task.division.clone();
                                    view! {
                                        <tr class="list-task" class:overdue=task.overdue data-task=id.to_string()>
                                            <td class="task-cell">
                                                <button class="link" on:click=move |_| jump(Place::Node(id))>{task.heading()}</button>
                                            </td>
                                            <td class="owners-cell">{people_line(&d, "；")}</td>
                                            <td class="deadline-cell">{d.deadline.label()}</td>
                                            <td class="status-cell">{task.status.label()}{task.overdue.then_some(" · 已逾期")} <DueBadge id/></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }).collect_view()}
                </div>
                }
            }).collect_view()}
        </div>
    }
}
