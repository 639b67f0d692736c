//! 导出: the notice as .docx, text and 复制到Word, the task-division table, the plan file.
use std::borrow::Cow;

use leptos::prelude::*;
use yaodian::export::format::page_description;
use yaodian::export::html::notice_html;
use yaodian::export::table;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::office::Job;
use yaodian::plan::file;

use super::snapshots::SnapshotsPanel;
use crate::browser;
use crate::state::use_state;
use crate::worker;

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_state();
    // The files below are made by the export worker: have it load while the user looks.
    worker::warm_up();
    let indent = RwSignal::new(true);
    let options = state.notice_options;
    let text = Memo::new(move |_| {
        let options = TextOptions {
            indent: indent.get(),
            notice: state.options(),
        };
        state
            .with_plan(|p| notice_text(p, options))
            .unwrap_or_default()
    });
    let title = move || state.with_plan(|p| p.name()).unwrap_or_default();
    let download_text = move |_| {
        let name = browser::file_name(&title(), "txt");
        state.report(
            browser::download(&name, "text/plain;charset=utf-8", &text.get_untracked()),
            format!("已下载 {name}"),
        )
    };
    let copy = move |_| {
        let content = text.get_untracked();
        leptos::task::spawn_local(async move {
            state.report(
                browser::copy_text(content).await,
                "已复制到剪贴板，可直接粘贴到 Word 或 WPS",
            )
        });
    };
    let download_docx = move |_| {
        let options = state.options_untracked();
        let name = browser::file_name(&title(), "docx");
        state.with_plan(|p| {
            let job = Job::NoticeDocx {
                plan: Cow::Borrowed(p),
                options,
            };
            let done = format!("已下载 {name}（GB/T 9704-2012 公文格式）");
            worker::download(state, &job, name, browser::DOCX_MIME, done, "yaodian:docx")
        });
    };
    // The task-division table: .xlsx or landscape .docx (made in the worker), or .csv.
    let download_table = move |format: &'static str| {
        state.with_plan(|p| {
            let name = browser::file_name(&table::table_title(p), format);
            let done = format!("已下载 {name}");
            let plan = Cow::Borrowed(p);
            match format {
                "xlsx" => {
                    let job = Job::TableXlsx {
                        plan,
                        fonts: state.options_untracked().fonts,
                    };
                    worker::download(state, &job, name, browser::XLSX_MIME, done, "yaodian:xlsx")
                }
                "docx" => {
                    let job = Job::TableDocx {
                        plan,
                        fonts: state.options_untracked().fonts,
                    };
                    worker::download(state, &job, name, browser::DOCX_MIME, done, "yaodian:table")
                }
                _ => state.report(
                    browser::download(&name, "text/csv;charset=utf-8", &table::csv(p)),
                    done,
                ),
            }
        });
    };
    let copy_to_word = move |_| {
        let Some((html, text)) = state.with_plan(|p| {
            let notice = state.options_untracked();
            (
                notice_html(p, notice),
                notice_text(
                    p,
                    TextOptions {
                        indent: true,
                        notice,
                    },
                ),
            )
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            state.report(
                browser::copy_rich(html, text).await,
                "已复制，粘贴到 Word 或 WPS 时保留字体、字号和缩进",
            )
        });
    };
    let download_json = move |_| {
        let Some(json) = state.with_plan(file::to_json) else {
            return;
        };
        let name = browser::file_name(&title(), "json");
        state.report(
            browser::download(&name, "application/json", &json),
            format!("已导出计划文件 {name}，可在其他电脑的“导入计划文件”中打开"),
        )
    };
    view! {
        <section class="export">
            <div class="export-actions">
                <button class="primary" id="download-docx" on:click=download_docx>"下载公文 .docx"</button>
                <button id="copy-to-word" on:click=copy_to_word>"复制到Word"</button>
                <label><input type="checkbox" id="docx-fields" prop:checked=move || options.get().fields_under_tasks
                    on:change=move |ev| options.update(|o| o.fields_under_tasks = event_target_checked(&ev))/>"任务分工写在每项任务下"</label>
                <label><input type="checkbox" id="docx-attachment" prop:checked=move || options.get().attachment
                    on:change=move |ev| options.update(|o| o.attachment = event_target_checked(&ev))/>"计划作为附件（另起一页）"</label>
            </div>
            <div class="export-actions">
                <button id="download-xlsx" on:click=move |_| download_table("xlsx")>"下载任务分工表 .xlsx"</button>
                <button id="download-csv" on:click=move |_| download_table("csv")>"下载任务分工表 .csv"</button>
                <button id="download-table-docx" on:click=move |_| download_table("docx")>"下载任务分工表 .docx（横排）"</button>
            </div>
            <p class="hint">{format!("按 GB/T 9704-2012 排版：{}，红色版头，奇偶页码，版记单独一页。", page_description())}
                "需安装字体：方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312（缺少时 Word/WPS 会以近似字体显示）。"</p>
            <div class="export-actions">
                <label><input type="checkbox" id="export-indent" prop:checked=move || indent.get()
                    on:change=move |ev| indent.set(event_target_checked(&ev))/>"段首空两格"</label>
                <button id="download-text" on:click=download_text>"下载 .txt"</button>
                <button id="copy-text" on:click=copy>"复制到剪贴板"</button>
                <button id="download-json" on:click=download_json>"导出计划文件（.json 备份）"</button>
            </div>
            <p class="hint">"每段一行、全角标点、编号已写出，粘贴到 Word/WPS 后套用公文样式即可。"</p>
            <textarea id="export-text" class="export-text" readonly=true aria-label="通知全文" prop:value=move || text.get()></textarea>
            <SnapshotsPanel/>
        </section>
    }
}
