//! The editor: plan, checks, ledger, views, summary, notice, roster, numbering, preview and
//! export, one tab each.

use leptos::ev;
use leptos::prelude::*;

use crate::browser;
use crate::lazy::{lazy, lazy_view};
use crate::state::use_state;
use checks::ChecksPanel;
use export::ExportPanel;
use follow::FollowPanel;
use ledger::LedgerPanel;
use notice::NoticePanel;
use numbering::NumberingPanel;
use plan::PlanPanel;
use preview::PreviewPanel;
use roster::{RosterLists, RosterPanel};
use summary::SummaryPanel;
use views::ViewsPanel;

mod checks;
mod division;
pub mod due;
mod export;
mod follow;
pub mod jump;
mod ledger;
mod notice;
mod numbering;
mod plan;
mod preview;
mod reuse;
mod roster;
mod snapshots;
mod summary;
mod views;

pub use jump::{jump, EditorTab, Tab};

// The tabs other than the plan and its notice, roster and numbering load when first opened.
lazy_view!(fn checks_tab() in checks => view! { <ChecksPanel/> });
lazy_view!(fn ledger_tab() in ledger => view! { <LedgerPanel/> });
lazy_view!(fn views_tab() in views => view! { <ViewsPanel/> });
lazy_view!(fn summary_tab() in summary => view! { <SummaryPanel/> });
lazy_view!(fn follow_tab() in follow => view! { <FollowPanel/> });
lazy_view!(fn preview_tab() in preview => view! { <PreviewPanel/> });
lazy_view!(fn export_tab() in export => view! { <ExportPanel/> });

#[component]
pub fn EditorPage() -> impl IntoView {
    browser::mark("yaodian:editor");
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
        <nav class="tabs" aria-label="计划的各部分"><div class="tab-list" role="tablist">
            {Tab::ALL.into_iter().map(|t| view! {
                <button role="tab" class="tab" class:active=move || tab.get() == t
                    aria-selected=move || (tab.get() == t).to_string()
                    on:click=move |_| tab.set(t)>{t.label()}</button>
            }).collect_view()}
        </div></nav>
        <RosterLists/>
        <due::Attention/>
        <main class="editor">
            {move || match tab.get() {
                Tab::Plan => view! { <PlanPanel/> }.into_any(),
                Tab::Checks => lazy(checks_tab, |build| build()).into_any(),
                Tab::Ledger => lazy(ledger_tab, |build| build()).into_any(),
                Tab::Views => lazy(views_tab, |build| build()).into_any(),
                Tab::Summary => lazy(summary_tab, |build| build()).into_any(),
                Tab::Follow => lazy(follow_tab, |build| build()).into_any(),
                Tab::Notice => view! { <NoticePanel/> }.into_any(),
                Tab::Roster => view! { <RosterPanel/> }.into_any(),
                Tab::Numbering => view! { <NumberingPanel/> }.into_any(),
                Tab::Preview => lazy(preview_tab, |build| build()).into_any(),
                Tab::Export => lazy(export_tab, |build| build()).into_any(),
            }}
        </main>
    }
}
