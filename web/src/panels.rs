//! The notice, roster, numbering and export tabs.

use std::borrow::Cow;

use leptos::prelude::*;
use yaodian::export::format::page_description;
use yaodian::export::html::{notice_html, FONTS};
use yaodian::export::table;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::office::Job;
use yaodian::plan::file;
use yaodian::plan::model::MAX_DEPTH;
use yaodian::plan::numbering::level_name;
use yaodian::{CopyKind, Edit, LevelNumbering, NoticeField, NumberStyle, Numbering, Role};

use crate::browser;
use crate::fields::TextBox;
use crate::people::datalist_id;
use crate::state::use_state;
use crate::storage_panel::SnapshotsPanel;
use crate::worker;

/// The datalists that offer roster names in every owner field.
#[component]
pub fn RosterLists() -> impl IntoView {
    let state = use_state();
    view! {
        {[Role::Leader, Role::Lead].into_iter().map(|role| view! {
            <datalist id=datalist_id(role)>
                <For each=move || state.roster.with(|r| r.names(role).clone()) key=|n| n.clone()
                    children=|name| view! { <option value=name/> }/>
            </datalist>
        }).collect_view()}
    }
}

fn notice_box(field: NoticeField, placeholder: &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <label class="wide">{field.label()}
            <TextBox multiline=field.is_multiline() class=format!("notice-{}", field.key())
                label=field.label() placeholder=placeholder
                value=Signal::derive(move || state.with_plan(|p| p.notice.get(field).to_string()).unwrap_or_default())
                on_set=Callback::new(move |t| state.edit(Edit::SetNotice(field, t)))/>
        </label>
    }
}

#[component]
pub fn NoticePanel() -> impl IntoView {
    let state = use_state();
    let copy_kind = move || state.with_plan(|p| p.notice.copy_kind).unwrap_or_default();
    view! {
        <section class="notice-form">
            <fieldset>
                <legend>"版头"</legend>
                {notice_box(NoticeField::IssuerMark, "如：某某县卫生健康局文件")}
                {notice_box(NoticeField::DocNumber, "如：某卫发〔2027〕1号")}
                {notice_box(NoticeField::Signer, "报送上级的请示、报告才填写；填写后版头按上行文排版")}
            </fieldset>
            <fieldset>
                <legend>"主体"</legend>
                {notice_box(NoticeField::Title, "如：关于印发2027年卫生健康工作要点的通知")}
                {notice_box(NoticeField::Recipients, "如：各医疗卫生单位，局机关各股室")}
                {notice_box(NoticeField::Transmittal, "如：现将《……》印发给你们，请认真贯彻落实。")}
            </fieldset>
            <fieldset>
                <legend>"落款"</legend>
                {notice_box(NoticeField::Signature, "发文机关署名")}
                {notice_box(NoticeField::Date, "如：2027年3月1日")}
                {notice_box(NoticeField::Note, "如：备注：……（导出时自动加括号）")}
            </fieldset>
            <fieldset>
                <legend>"版记"</legend>
                <label>"抄送方式"
                    <select class="copy-kind"
                        prop:value=move || if copy_kind() == CopyKind::ReportTo { "report" } else { "copy" }
                        on:change=move |ev| {
                        let kind = if event_target_value(&ev) == "report" { CopyKind::ReportTo } else { CopyKind::CopyTo };
                        state.edit(Edit::SetCopyKind(kind));
                    }>
                        <option value="copy" selected=move || copy_kind() == CopyKind::CopyTo>"抄送（平级、下级）"</option>
                        <option value="report" selected=move || copy_kind() == CopyKind::ReportTo>"抄报（上级）"</option>
                    </select>
                </label>
                {notice_box(NoticeField::CopyTo, "如：县委办公室，县政府办公室")}
                {notice_box(NoticeField::Printer, "如：某某县卫生健康局办公室")}
                {notice_box(NoticeField::PrintDate, "如：2027年3月1日")}
            </fieldset>
        </section>
    }
}

#[component]
pub fn RosterPanel() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="roster">
            <p class="hint">"名册保存在本机，所有计划共用。分配任务时从名册中选择；输入名册中没有的名称时，可一键加入名册。"</p>
            <button on:click=move |_| state.absorb_into_roster()>"把本计划中出现的人员和科室加入名册"</button>
            <RosterList role=Role::Leader title="责任领导"/>
            <RosterList role=Role::Lead title="科室和单位（牵头科室、配合科室共用）"/>
        </section>
    }
}

#[component]
fn RosterList(role: Role, title: &'static str) -> impl IntoView {
    let state = use_state();
    let draft = RwSignal::new(String::new());
    let add = move || {
        let name = draft.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        if state.roster.with_untracked(|r| r.contains(role, &name)) {
            state.info(format!("「{}」已在名册中", name.trim()));
        }
        state.add_to_roster(role, &name);
        draft.set(String::new());
    };
    view! {
        <fieldset class="roster-list" data-role=role.key()>
            <legend>{title}</legend>
            <ul>
                <For each=move || state.roster.with(|r| r.names(role).clone()) key=|n| n.clone()
                    children=move |name| {
                        let gone = name.clone();
                        view! {
                            <li>{name.clone()}
                                <button class="small danger" aria-label=format!("从名册删除{name}")
                                    on:click=move |_| state.remove_from_roster(role, &gone)>"删除"</button>
                            </li>
                        }
                    }/>
            </ul>
            <input type="text" placeholder="输入名称，回车添加" aria-label=format!("添加{title}")
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" && !ev.is_composing() { add() }/>
            <button on:click=move |_| add()>"添加"</button>
        </fieldset>
    }
}

#[component]
pub fn NumberingPanel() -> impl IntoView {
    let state = use_state();
    let level = move |depth: usize| {
        state
            .with_plan(|p| p.numbering.levels[depth])
            .unwrap_or_else(|| Numbering::default().levels[depth])
    };
    view! {
        <section class="numbering">
            <p class="hint">"编号由程序按结构自动生成，插入、删除、移动条目后全部自动重排。"</p>
            <table>
                <thead><tr><th>"层级"</th><th>"样式"</th><th>"编号方式"</th><th>"示例"</th></tr></thead>
                <tbody>
                {(0..MAX_DEPTH).map(|depth| view! {
                    <tr data-level=depth + 1>
                        <td>{level_name(depth)}</td>
                        <td>
                            <select class="number-style" prop:value=move || level(depth).style.key() on:change=move |ev| {
                                if let Some(style) = NumberStyle::from_key(&event_target_value(&ev)) {
                                    state.edit(Edit::SetNumbering(depth, LevelNumbering { style, ..level(depth) }));
                                }
                            }>
                                {NumberStyle::ALL.into_iter().map(|style| view! {
                                    <option value=style.key() selected=move || level(depth).style == style>{style.sample()}</option>
                                }).collect_view()}
                            </select>
                        </td>
                        <td>
                            <label>
                                <input type="checkbox" class="continuous"
                                    prop:checked=move || level(depth).continuous
                                    on:change=move |ev| {
                                        let continuous = event_target_checked(&ev);
                                        state.edit(Edit::SetNumbering(depth, LevelNumbering { continuous, ..level(depth) }));
                                    }/>
                                "全文连续编号（不勾选则在每个上级下重新从1开始）"
                            </label>
                        </td>
                        <td class="sample">{move || {
                            let style = level(depth).style;
                            (1..=3).map(|n| style.label(n)).collect::<Vec<_>>().join(" ")
                        }}</td>
                    </tr>
                }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

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
            notice: options.get(),
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
        let options = options.get_untracked();
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
                    let job = Job::TableXlsx { plan };
                    worker::download(state, &job, name, browser::XLSX_MIME, done, "yaodian:xlsx")
                }
                "docx" => {
                    let job = Job::TableDocx { plan };
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
            let notice = options.get_untracked();
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

/// The notice on A4 paper as it will print, with a check of the fonts this machine has.
#[component]
pub fn PreviewPanel() -> impl IntoView {
    let state = use_state();
    let options = state.notice_options;
    let html = move || {
        let options = options.get();
        state
            .with_plan(|p| notice_html(p, options))
            .unwrap_or_default()
    };
    let missing = browser::missing_fonts(&FONTS);
    view! {
        <section class="preview">
            <div class="export-actions no-print">
                <button class="primary" id="print" on:click=move |_| browser::print()>"打印 / 另存为 PDF"</button>
                <span class="hint">{format!("{}；页码奇右偶左。", page_description())}</span>
            </div>
            {(!missing.is_empty()).then(|| view! {
                <p class="font-warning no-print" role="alert">
                    {format!("本机缺少字体：{}。预览和打印将以近似字体代替，行数和换行可能与正式公文不同；请安装这些字体后再打印。", missing.join("、"))}
                </p>
            })}
            <div class="paper"><div class="print-area" inner_html=html></div></div>
        </section>
    }
}
