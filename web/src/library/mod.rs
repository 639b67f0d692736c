//! The library page: the plans stored in this browser, newest first, and the trash.

use leptos::prelude::*;
use yaodian::store::PlanMeta;

use crate::browser;
use crate::lazy::{lazy, lazy_view};
use crate::state::{use_state, Route};
use import::ImportDialog;
use new_plan::NewPlanDialog;
use packet::ReceivedPackets;
use storage::StoragePanel;
use templates::TemplatesPanel;

pub mod compare;
mod import;
mod new_plan;
pub mod packet;
mod storage;
mod templates;

// The importer (text and .docx) loads on demand; the data-safety panel, which every first visit
// shows, is in the plan list's part.
lazy_view!(fn import_dialog(importing: RwSignal<bool>) in import => view! {
    <ImportDialog on_close=move || importing.set(false)/>
});

#[component]
pub fn LibraryPage() -> impl IntoView {
    let state = use_state();
    let creating = RwSignal::new(false);
    let importing = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_file(file).await {
                Ok(text) => state.import_plan_file(&text),
                Err(e) => state.error(e),
            }
        });
    };

    view! {
        <header class="topbar">
            <h1 class="brand">"要点" <small>"卫生健康年度工作要点编制"</small></h1>
        </header>
        <main class="library">
            <div class="library-actions">
                <button class="primary" id="new-plan" on:click=move |_| creating.set(true)>"＋ 新建计划"</button>
                <button id="import-plan" on:click=move |_| importing.set(true)>"导入往年计划（文本 / .docx）"</button>
                <label class="button">
                    "导入计划文件（.json）"
                    <input type="file" id="import-plan-file" accept=".json,application/json" class="visually-hidden" on:change=on_file/>
                </label>
            </div>
            <p class="intro hint">"在本机浏览器中起草年度工作要点、分解任务、印发 GB/T 9704 格式的通知并跟踪全年台账。计划只保存在这台电脑的浏览器里，不上传任何服务器；请定期用“备份全部数据”另存一份。"</p>
            <Drafts/>
            <Attention/>
            <Show when=move || creating.get()>
                <NewPlanDialog on_close=move || creating.set(false)/>
            </Show>
            <Show when=move || importing.get()>
                {lazy(import_dialog, move |build| build(importing))}
            </Show>
            <h2>"本机保存的计划"</h2>
            <Show
                when=move || !state.plans().is_empty()
                fallback=|| view! {
                    <p class="empty">"还没有计划。点击“新建计划”，从常用模板开始起草今年的工作要点。"</p>
                }
            >
                <ul class="plan-list">
                    <For
                        each=move || state.plans()
                        key=|m| format!("{}|{}|{}", m.id, m.title, m.updated)
                        children=move |meta| view! { <PlanItem meta/> }
                    />
                </ul>
            </Show>
            <TemplatesPanel/>
            <ReceivedPackets/>
            <ComparePicker/>
            <Trash/>
            <StoragePanel/>
            <p class="hint">"所有数据只保存在本浏览器中。请定期用“备份全部数据”备份。"</p>
        </main>
    }
}

/// " · 占用 12 KB（其中版本 8 KB）" from UTF-16 units (two bytes each).
fn usage_text((plan, snapshots): (usize, usize)) -> String {
    let kb = |units: usize| (units * 2).div_ceil(1024);
    if snapshots == 0 {
        format!(" · 占用 {} KB", kb(plan))
    } else {
        format!(
            " · 占用 {} KB（其中版本 {} KB）",
            kb(plan + snapshots),
            kb(snapshots)
        )
    }
}

/// Plans whose changes could not be stored, kept in this tab: continue, export or drop.
#[component]
fn Drafts() -> impl IntoView {
    let state = use_state();
    let confirm = RwSignal::new(None::<String>);
    view! {
        <Show when=move || state.drafts.with(|d| !d.is_empty())>
            <section class="drafts" role="alert" aria-label="未保存的修改">
                <h2>"未保存的修改"</h2>
                <p>"以下计划的修改未能写入浏览器存储（如存储已满），暂存在本窗口中。腾出空间后点击“继续编辑”即可保存；也可先导出计划文件。"</p>
                <ul>
                    {move || state.drafts.get().into_iter().map(|draft| {
                        let id = StoredValue::new(draft.id.clone());
                        view! {
                            <li class="draft-item" data-plan=draft.id.clone()>
                                <span class="draft-name">{draft.editor.plan().name()}</span>
                                <button class="small continue-draft" on:click=move |_| state.open_plan(&id.get_value())>"继续编辑"</button>
                                <button class="small export-draft" on:click=move |_| state.export_plan(&id.get_value())>"导出计划文件"</button>
                                <Show when=move || confirm.get() == Some(id.get_value())
                                    fallback=move || view! {
                                        <button class="small discard-draft" on:click=move |_| confirm.set(Some(id.get_value()))>"放弃这些修改"</button>
                                    }>
                                    <span class="confirm">"放弃后无法找回，确定？"</span>
                                    <button class="small danger confirm-discard" on:click=move |_| { confirm.set(None); state.discard_draft(&id.get_value()); }>"放弃"</button>
                                    <button class="small" on:click=move |_| confirm.set(None)>"取消"</button>
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn PlanItem(meta: PlanMeta) -> impl IntoView {
    let state = use_state();
    let confirming = RwSignal::new(false);
    let renaming = RwSignal::new(false);
    let id = StoredValue::new(meta.id.clone());
    let name = meta.title.clone();
    let draft = RwSignal::new(meta.title.clone());
    let commit_rename = move || {
        state.rename(&id.get_value(), &draft.get_untracked());
        renaming.set(false);
    };
    view! {
        <li class="plan-item" data-plan=meta.id.clone()>
            <Show
                when=move || renaming.get()
                fallback={
                    let name = name.clone();
                    move || view! {
                        <button class="plan-name link" on:click=move |_| state.open_plan(&id.get_value())>
                            {name.clone()}
                        </button>
                    }
                }
            >
                <input
                    class="rename-input"
                    aria-label="新名称"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => commit_rename(),
                        "Escape" => renaming.set(false),
                        _ => {}
                    }
                />
                <button on:click=move |_| commit_rename()>"保存"</button>
                <button on:click=move |_| renaming.set(false)>"取消"</button>
            </Show>
            <span class="plan-meta">{meta.period.label()} " · 修改于 " {browser::local_time(meta.updated)}
                {move || usage_text(state.library.with(|l| l.usage_of(&id.get_value())))}</span>
            <span class="plan-buttons">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button on:click=move |_| state.open_plan(&id.get_value())>"打开"</button>
                        <button on:click=move |_| state.duplicate(&id.get_value())>"复制"</button>
                        <button class="next-year" title="复制本计划为下一年度计划：年份顺延，责任人保留，任务标记为延续"
                            on:click=move |_| state.create_next_year(&id.get_value())>"以此为基础新建下一年度"</button>
                        <button on:click=move |_| renaming.set(true)>"重命名"</button>
                        <button class="danger" on:click=move |_| confirming.set(true)>"删除"</button>
                    }
                >
                    <span class="confirm">"确定删除？可在回收站恢复。"</span>
                    <button class="danger" on:click=move |_| state.delete(&id.get_value())>"确定删除"</button>
                    <button on:click=move |_| confirming.set(false)>"取消"</button>
                </Show>
            </span>
        </li>
    }
}

/// Pick two plans to compare (typically last year's and this year's).
#[component]
fn ComparePicker() -> impl IntoView {
    let state = use_state();
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let go = move |_| {
        let plans = state.plans();
        // Defaults: the newest plan against the one before it.
        let pick = |chosen: String, fallback: usize| {
            if chosen.is_empty() {
                plans
                    .get(fallback)
                    .map(|m| m.id.clone())
                    .unwrap_or_default()
            } else {
                chosen
            }
        };
        let (a, b) = (pick(old.get_untracked(), 1), pick(new.get_untracked(), 0));
        if a == b {
            state.error("请选择两个不同的计划");
        } else {
            state.go(Route::Compare(a, b));
        }
    };
    let options = move |fallback: usize| {
        state
            .plans()
            .into_iter()
            .enumerate()
            .map(|(i, m)| view! { <option value=m.id.clone() selected=i == fallback>{m.title.clone()}</option> })
            .collect_view()
    };
    let several = move || state.plans().len() > 1;
    view! {
        <Show when=several>
            <section class="compare-picker">
                <h2>"比较两个计划"</h2>
                <label>"原计划"
                    <select id="compare-old" on:change=move |ev| old.set(event_target_value(&ev))>{options(1)}</select>
                </label>
                <label>"新计划"
                    <select id="compare-new" on:change=move |ev| new.set(event_target_value(&ev))>{options(0)}</select>
                </label>
                <button id="compare" on:click=go>"比较"</button>
            </section>
        </Show>
    }
}

#[component]
fn Trash() -> impl IntoView {
    let state = use_state();
    view! {
        <Show when=move || !state.trash().is_empty()>
            <details class="trash">
                <summary>"回收站（" {move || state.trash().len()} "）"</summary>
                <ul class="plan-list">
                    <For
                        each=move || state.trash()
                        key=|m| m.id.clone()
                        children=move |meta| view! { <TrashItem meta/> }
                    />
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn TrashItem(meta: PlanMeta) -> impl IntoView {
    let state = use_state();
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(meta.id.clone());
    view! {
        <li class="plan-item">
            <span class="plan-name">{meta.title.clone()}</span>
            <span class="plan-buttons">
                <button on:click=move |_| state.restore(&id.get_value())>"恢复"</button>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button class="danger" on:click=move |_| confirming.set(true)>"彻底删除"</button>
                    }
                >
                    <span class="confirm">"彻底删除后无法恢复。"</span>
                    <button class="danger" on:click=move |_| state.purge(&id.get_value())>"确定彻底删除"</button>
                    <button on:click=move |_| confirming.set(false)>"取消"</button>
                </Show>
            </span>
        </li>
    }
}

/// What the plans of this year have overdue or due this week, as the app opens.
#[component]
fn Attention() -> impl IntoView {
    let state = use_state();
    // Reading every plan of the year is no work for the first paint: it waits for an idle moment,
    // and runs again when the library changes (another tab's writes included).
    let overview = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        state.library.track();
        browser::when_idle(500, move || {
            // The list may be gone by then (another page opened): then nothing is set.
            overview.try_set(state.attention_overview());
        });
    });
    view! {
        <Show when=move || !overview.with(Vec::is_empty)>
            <aside class="attention" aria-label="需要督办的计划">
                <p><strong>"需要关注："</strong>{format!("截至{}", browser::today().label())}</p>
                <ul>
                    {move || overview.get().into_iter().map(|(id, title, overdue, soon)| view! {
                        <li>
                            <button class="link open-attention" on:click=move |_| state.open_plan(&id)>{title}</button>
                            <span>{format!("逾期 {overdue} 项，本周到期 {soon} 项")}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </aside>
        </Show>
    }
}
