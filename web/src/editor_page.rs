//! The editor: plan, notice, roster, numbering and export, one tab each.

use leptos::ev;
use leptos::prelude::*;

use crate::panels::{
    ExportPanel, NoticePanel, NumberingPanel, PreviewPanel, RosterLists, RosterPanel,
};
use crate::state::use_state;
use crate::tree_view::PlanPanel;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Plan,
    Notice,
    Roster,
    Numbering,
    Preview,
    Export,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Plan,
        Tab::Notice,
        Tab::Roster,
        Tab::Numbering,
        Tab::Preview,
        Tab::Export,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Plan => "计划正文",
            Tab::Notice => "通知要素",
            Tab::Roster => "名册",
            Tab::Numbering => "编号样式",
            Tab::Preview => "打印预览",
            Tab::Export => "导出",
        }
    }
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let state = use_state();
    let tab = RwSignal::new(Tab::Plan);

    // Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo, everywhere on the page: every keystroke is
    // already in the plan, so the browser's own field undo must not run.
    let keys = window_event_listener(ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                state.redo();
            }
            "z" => {
                ev.prevent_default();
                state.undo();
            }
            "y" => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let title = move || state.with_plan(|p| p.name()).unwrap_or_default();

    view! {
        <header class="topbar">
            <button class="back" on:click=move |_| state.close_plan() title="返回计划列表">"‹ 计划列表"</button>
            <h1 class="plan-title">{title}</h1>
            <Show
                when=move || state.saved.get()
                fallback=|| view! {
                    <span class="saved unsaved" title="最近的修改未能写入浏览器存储，请到“导出”页导出计划文件备份">"未能保存"</span>
                }
            >
                <span class="saved" title="每次修改都已自动保存在本浏览器中">"已自动保存"</span>
            </Show>
            <button id="undo" title="撤销（Ctrl+Z）" disabled=move || !state.can_undo() on:click=move |_| state.undo()>"↶ 撤销"</button>
            <button id="redo" title="重做（Ctrl+Y）" disabled=move || !state.can_redo() on:click=move |_| state.redo()>"↷ 重做"</button>
        </header>
        <nav class="tabs" role="tablist">
            {Tab::ALL.into_iter().map(|t| view! {
                <button role="tab" class="tab" class:active=move || tab.get() == t
                    aria-selected=move || (tab.get() == t).to_string()
                    on:click=move |_| tab.set(t)>{t.label()}</button>
            }).collect_view()}
        </nav>
        <RosterLists/>
        <main class="editor">
            {move || match tab.get() {
                Tab::Plan => view! { <PlanPanel/> }.into_any(),
                Tab::Notice => view! { <NoticePanel/> }.into_any(),
                Tab::Roster => view! { <RosterPanel/> }.into_any(),
                Tab::Numbering => view! { <NumberingPanel/> }.into_any(),
                Tab::Preview => view! { <PreviewPanel/> }.into_any(),
                Tab::Export => view! { <ExportPanel/> }.into_any(),
            }}
        </main>
    }
}
