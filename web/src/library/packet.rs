//! A packet another office sent, as the department fills it in: only its own tasks, each with
//! the columns the round asks for; everything typed is kept in this browser at once, and the
//! return is a file to send back.

use leptos::prelude::*;
use yaodian::ledger::packet::{status_choices, Column, Packet};
use yaodian::Status;

use crate::browser;
use crate::state::{use_state, Route};

/// The packets kept here, on the plan list: open, or delete.
#[component]
pub fn ReceivedPackets() -> impl IntoView {
    let state = use_state();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_bytes(&file).await {
                Ok(bytes) => state.receive_packet(&browser::decode_text(&bytes)),
                Err(e) => state.error(e),
            }
        });
    };
    view! {
        <section class="received-packets">
            <h2>"收到的报送包"</h2>
            <p class="hint">"上级或牵头单位用 Yaodian 发来的报送包（.json）：打开后只显示本单位承担的任务，填写后导出回执发回。"</p>
            <label class="button">"打开报送包…"
                <input type="file" id="open-packet-file" accept=".json,application/json" class="visually-hidden" on:change=on_file/>
            </label>
            <ul class="packet-list">
                {move || state.packets().into_iter().map(|p| {
                    let id = p.id();
                    let open = id.clone();
                    let confirming = RwSignal::new(false);
                    view! {
                        <li class="packet-item">
                            <button class="link open-packet" on:click=move |_| state.go(Route::Packet(open.clone()))>
                                {format!("{}　{}（{}）", p.plan_name, p.round, p.department)}
                            </button>
                            <span class="plan-meta">{format!("{} 项任务", p.tasks.len())}</span>
                            <Show when=move || confirming.get()
                                fallback=move || view! {
                                    <button class="danger remove-packet" on:click=move |_| confirming.set(true)>"删除"</button>
                                }>
                                <span class="confirm">"删除后填写的内容也一并删除，确定？（可先“导出回执”保存一份）"</span>
                                <button class="danger confirm-remove-packet" on:click={
                                    let id = id.clone();
                                    move |_| state.remove_packet(id.clone())
                                }>"确定删除"</button>
                                <button on:click=move |_| confirming.set(false)>"取消"</button>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn PacketPage(id: String) -> impl IntoView {
    let state = use_state();
    let key = StoredValue::new(id);
    // The page may be gone before the storage lock is granted: what was typed is written at once.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| state.flush_answers());
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.flush_answers();
        }
    });
    let unload = window_event_listener(leptos::ev::beforeunload, move |_| state.flush_answers());
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        unload.remove();
        state.flush_answers();
    });
    let packet = Memo::new(move |_| {
        let id = key.get_value();
        state.packets().into_iter().find(|p| p.id() == id)
    });
    // The task list is built once; each field reads its own value.
    let tasks = Memo::new(move |_| {
        packet.with(|p| {
            p.as_ref()
                .map(|p| (p.kind, p.tasks.iter().map(|t| t.id).collect::<Vec<_>>()))
        })
    });
    view! {
        <header class="topbar">
            <button class="back" on:click=move |_| state.go(Route::Library)>"‹ 计划列表"</button>
            <h1 class="plan-title">{move || packet.with(|p| p.as_ref().map(heading).unwrap_or_else(|| "报送包".into()))}</h1>
            <span class="saved" title="填写的内容随时保存在本浏览器中">"已自动保存"</span>
        </header>
        <main class="packet-page">
            {move || match tasks.get() {
                None => view! { <p class="hint">"本浏览器中没有这份报送包（可能已删除）。"</p> }.into_any(),
                Some((kind, ids)) => {
                    let columns: Vec<Column> = Column::all(kind).into_iter().filter(|c| c.editable()).collect();
                    view! {
                        <p class="hint">{move || packet.with(|p| p.as_ref().map(about).unwrap_or_default())}</p>
                        <ol class="packet-tasks">
                            {ids.into_iter().map(|task| view! { <PacketTaskForm id=key.get_value() task columns=columns.clone() packet/> }).collect_view()}
                        </ol>
                        <div class="actions">
                            <button class="primary export-return" on:click=move |_| state.export_return(&key.get_value())>"导出回执"</button>
                        </div>
                    }.into_any()
                }
            }}
        </main>
    }
}

fn heading(p: &Packet) -> String {
    format!("{}　{}（{}）", p.plan_name, p.round, p.department)
}

fn about(p: &Packet) -> String {
    let due = p
        .due
        .map(|d| format!("请于{}前", d.label()))
        .unwrap_or_else(|| "请".into());
    format!(
        "共 {} 项任务。{due}填写后点“导出回执”，把回执文件发回。状态可选：{}；申请延期请写明延期至的年月或日期及理由。",
        p.tasks.len(),
        status_choices()
    )
}

#[component]
fn PacketTaskForm(
    id: String,
    task: u32,
    columns: Vec<Column>,
    packet: Memo<Option<Packet>>,
) -> impl IntoView {
    let state = use_state();
    let id = StoredValue::new(id);
    let read = move || {
        packet.with(|p| {
            p.as_ref()
                .and_then(|p| p.tasks.iter().find(|t| t.id == task).cloned())
        })
    };
    let Some(first) = read() else {
        return ().into_any();
    };
    let fields = columns.into_iter().map(|column| {
        // The stored value when the form is built: what is typed is the field's own from then
        // on (written behind it, never written back into it while typing).
        let value = column.value(&first);
        let set = move |text: String| state.answer_packet(id.get_value(), task, column, text);
        let label = column.header();
        let control = match column {
            Column::NewStatus => view! {
                <select class="packet-status" aria-label=label on:change=move |ev| set(event_target_value(&ev))>
                    <option value="" selected=value.is_empty()>"（不变）"</option>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=s.label() selected=value == s.label()>{s.label()}</option>
                    }).collect_view()}
                </select>
            }.into_any(),
            Column::ExtendTo | Column::ExtendReason => view! {
                <input type="text" class=format!("packet-{}", key_of(column)) aria-label=label
                    prop:value=value.clone() on:input=move |ev| set(event_target_value(&ev))/>
            }.into_any(),
            _ => view! {
                <textarea class=format!("packet-{}", key_of(column)) aria-label=label rows="2"
                    prop:value=value.clone() on:input=move |ev| set(event_target_value(&ev))></textarea>
            }.into_any(),
        };
        view! { <label class="packet-field">{label}{control}</label> }
    }).collect_view();
    view! {
        <li class="packet-task" data-task=task.to_string()>
            <p class="packet-task-text"><strong>{first.label.clone()}</strong>{first.text()}</p>
            <p class="owners">{format!(
                "本单位职责：{}　牵头科室：{}　完成时限：{}　当前状态：{}",
                first.part, first.lead, first.deadline.label(), first.status.label()
            )}</p>
            <div class="packet-fields">{fields}</div>
        </li>
    }
    .into_any()
}

fn key_of(column: Column) -> &'static str {
    match column {
        Column::Progress => "progress",
        Column::Completion => "completion",
        Column::ExtendTo => "extend-to",
        Column::ExtendReason => "extend-reason",
        Column::Wording => "wording",
        Column::Comment => "comment",
        _ => "field",
    }
}
