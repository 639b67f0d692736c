//! The editor: plan, checks, ledger, views, summary, notice, roster, numbering, preview and
//! export, one tab each.

use leptos::ev;
use leptos::prelude::*;

use yaodian::ledger::checks::Place;
use yaodian::PlanField;

use crate::browser;
use crate::checks_panel::ChecksPanel;
use crate::lazy::{lazy, lazy_view};
use crate::ledger_panel::LedgerPanel;
use crate::panels::{
    ExportPanel, NoticePanel, NumberingPanel, PreviewPanel, RosterLists, RosterPanel,
};
use crate::state::use_state;
use crate::summary_panel::SummaryPanel;
use crate::tree_view::PlanPanel;
use crate::views_panel::ViewsPanel;

// The tabs other than the plan and its notice, roster and numbering load when first opened.
lazy_view!(fn checks_tab() in checks => view! { <ChecksPanel/> });
lazy_view!(fn ledger_tab() in ledger => view! { <LedgerPanel/> });
lazy_view!(fn views_tab() in views => view! { <ViewsPanel/> });
lazy_view!(fn summary_tab() in summary => view! { <SummaryPanel/> });
lazy_view!(fn preview_tab() in preview => view! { <PreviewPanel/> });
lazy_view!(fn export_tab() in export => view! { <ExportPanel/> });

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Plan,
    Checks,
    Ledger,
    Views,
    Summary,
    Notice,
    Roster,
    Numbering,
    Preview,
    Export,
}

impl Tab {
    const ALL: [Tab; 10] = [
        Tab::Plan,
        Tab::Checks,
        Tab::Ledger,
        Tab::Views,
        Tab::Summary,
        Tab::Notice,
        Tab::Roster,
        Tab::Numbering,
        Tab::Preview,
        Tab::Export,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Plan => "计划正文",
            Tab::Checks => "检查",
            Tab::Ledger => "台账",
            Tab::Views => "分工视图",
            Tab::Summary => "统计与总结",
            Tab::Notice => "通知要素",
            Tab::Roster => "名册",
            Tab::Numbering => "编号样式",
            Tab::Preview => "打印预览",
            Tab::Export => "导出",
        }
    }
}

/// The editor's open tab, shared so any panel can jump to a place in the plan.
#[derive(Clone, Copy)]
pub struct EditorTab(pub RwSignal<Tab>);

/// Opens the tab that shows `place` and puts the cursor there.
pub fn jump(place: Place) {
    let EditorTab(tab) = expect_context::<EditorTab>();
    match place {
        Place::Node(id) => {
            tab.set(Tab::Plan);
            browser::focus_node(id);
        }
        Place::Notice(field) => {
            tab.set(Tab::Notice);
            browser::focus_selector(format!(".notice-{}", field.key()));
        }
        Place::Plan(field) => {
            tab.set(Tab::Plan);
            browser::focus_selector(
                match field {
                    PlanField::Title => ".plan-title-input",
                    PlanField::Requirements => ".requirements",
                }
                .into(),
            );
        }
    }
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let state = use_state();
    let tab = RwSignal::new(Tab::Plan);
    provide_context(EditorTab(tab));

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
                Tab::Checks => lazy(checks_tab, |build| build()).into_any(),
                Tab::Ledger => lazy(ledger_tab, |build| build()).into_any(),
                Tab::Views => lazy(views_tab, |build| build()).into_any(),
                Tab::Summary => lazy(summary_tab, |build| build()).into_any(),
                Tab::Notice => view! { <NoticePanel/> }.into_any(),
                Tab::Roster => view! { <RosterPanel/> }.into_any(),
                Tab::Numbering => view! { <NumberingPanel/> }.into_any(),
                Tab::Preview => lazy(preview_tab, |build| build()).into_any(),
                Tab::Export => lazy(export_tab, |build| build()).into_any(),
            }}
        </main>
    }
}
