//! The dashboard (counts by status per section, leader and department) and the year-end
//! summary skeleton: text, .docx, or carried into next year's plan.

use std::borrow::Cow;

use leptos::prelude::*;
use yaodian::export::list::summary_text;
use yaodian::ledger::dashboard::{dashboard, Counts, Line};
use yaodian::ledger::summary::summary;
use yaodian::office::Job;
use yaodian::Status;

use crate::browser;
use crate::state::use_state;
use crate::worker;

#[component]
fn CountsTable(title: &'static str, lines: Vec<Line>) -> impl IntoView {
    let row = |name: String, counts: Counts| {
        view! {
            <tr>
                <th scope="row">{name}</th>
                {Status::ALL.into_iter().map(|s| view! { <td>{counts.get(s)}</td> }).collect_view()}
                <td class="overdue-count">{counts.overdue}</td>
                <td>{counts.total()}</td>
                <td>{counts.done_percent().map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())}</td>
            </tr>
        }
    };
    view! {
        <table class="dashboard-table">
            <caption>{title}</caption>
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">"分组"</span></th>
                    {Status::ALL.into_iter().map(|s| view! { <th scope="col">{s.label()}</th> }).collect_view()}
                    <th scope="col">"逾期"</th><th scope="col">"合计"</th><th scope="col">"完成率"</th>
                </tr>
            </thead>
            <tbody>
                {lines.into_iter().map(|l| row(l.name, l.counts)).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn SummaryPanel() -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let year = RwSignal::new(None::<i32>);
    let years = move || state.plan_years();
    let board = Memo::new(move |_| {
        let year = year.get();
        state
            .with_plan(|p| dashboard(p, Some(today), year))
            .unwrap_or_default()
    });
    let draft = Memo::new(move |_| {
        let year = year.get();
        state
            .with_plan(|p| summary(p, Some(today), year))
            .unwrap_or_default()
    });
    let text = Memo::new(move |_| draft.with(summary_text));
    let download_text = move |_| {
        let name = browser::file_name(&draft.with_untracked(|s| s.title.clone()), "txt");
        state.report(
            browser::download(&name, "text/plain;charset=utf-8", &text.get_untracked()),
            format!("已下载 {name}"),
        )
    };
    let download_docx = move |_| {
        draft.with_untracked(|s| {
            let name = browser::file_name(&s.title, "docx");
            let done = format!("已下载 {name}");
            let job = Job::SummaryDocx {
                summary: Cow::Borrowed(s),
                fonts: state.options_untracked().fonts,
            };
            worker::download(
                state,
                &job,
                name,
                browser::DOCX_MIME,
                done,
                "yaodian:summary",
            )
        });
    };
    let copy = move |_| {
        let content = text.get_untracked();
        leptos::task::spawn_local(async move {
            state.report(browser::copy_text(content).await, "已复制总结初稿")
        });
    };
    view! {
        <section class="summary-panel">
            <Show when=move || !years().is_empty()>
                <label>"年度"
                    <select class="summary-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                        <option value="">"整个计划期"</option>
                        {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{format!("{y}年")}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <h2>"进展统计"<small>{format!("（截至{}）", today.label())}</small></h2>
            <div class="dashboard">
                {move || {
                    let b = board.get();
                    let total = vec![Line { name: "全部任务".into(), counts: b.total }];
                    view! {
                        <CountsTable title="总体" lines=total/>
                        <CountsTable title="按部分" lines=b.sections/>
                        <CountsTable title="按责任领导" lines=b.leaders/>
                        <CountsTable title="按牵头科室" lines=b.departments/>
                    }
                }}
            </div>
            <h2>"年终总结初稿"</h2>
            <p class="hint">"按台账生成：每一部分列出已完成的任务及完成情况、尚未完成的任务及进展，供改写成正式总结。"</p>
            <div class="actions">
                <button class="summary-text" on:click=download_text>"下载文本"</button>
                <button class="summary-docx" on:click=download_docx>"下载 .docx"</button>
                <button class="summary-copy" on:click=copy>"复制"</button>
                <button class="summary-next-year" title="以本计划为基础新建下一年度计划，并把本年工作回顾放在开头"
                    on:click=move |_| state.create_next_year_with_review()>"带入下一年度计划"</button>
            </div>
            <pre class="summary-preview">{move || text.get()}</pre>
        </section>
    }
}
