//! The import dialog: paste text or choose a .txt / .docx file, see the outline and what could
//! not be placed, then create the plan.

use leptos::prelude::*;
use yaodian::export::outline::outline;
use yaodian::import::{import_paragraphs, import_text, is_binary, Imported, Severity};
use yaodian::office::{Done, Job};

use crate::browser;
use crate::state::use_state;
use crate::worker;

#[component]
pub fn ImportDialog(on_close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let pasted = RwSignal::new(String::new());
    let result: RwSignal<Option<Imported>> = RwSignal::new(None);
    let absorb = RwSignal::new(true);

    let preview = move |text: &str| {
        if text.trim().is_empty() {
            result.set(None);
        } else {
            let imported = browser::measure("yaodian:import", || import_text(text));
            result.set(Some(imported));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let bytes = match browser::read_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => return state.error(e),
            };
            let name = file.name().to_lowercase();
            if bytes.starts_with(b"PK") || name.ends_with(".docx") {
                state.info("正在读取 .docx……");
                match worker::run(&Job::DocxParagraphs, Some(&bytes)).await {
                    Ok(Done::Paragraphs(paragraphs)) => {
                        state.info("已读取 .docx，请核对下方大纲后创建计划");
                        result.set(Some(import_paragraphs(&paragraphs)))
                    }
                    Ok(Done::File(_)) => state.error("无法读取该 .docx 文件"),
                    Err(e) => state.error(e),
                }
            } else if name.ends_with(".doc") {
                state.error("不支持旧版 .doc 文件，请在 Word/WPS 中另存为 .docx 或复制文字粘贴");
            } else if is_binary(&bytes) {
                state.error("该文件不是文本文件（可能是图片、压缩包或其他格式），请选择 .txt 或 .docx，或直接粘贴文字");
            } else {
                let text = browser::decode_text(&bytes);
                pasted.set(text.clone());
                preview(&text);
            }
        });
    };
    let close = on_close.clone();
    let create = move |_| {
        let Some(imported) = result.get_untracked() else {
            return;
        };
        state.create_imported(imported.plan, absorb.get_untracked());
        close();
    };
    let warnings = move || {
        result.with(|r| {
            r.as_ref().map_or(Vec::new(), |r| {
                r.diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Warning)
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
            })
        })
    };
    let ignored = move || {
        result.with(|r| {
            r.as_ref().map_or(0, |r| {
                r.diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Ignored)
                    .count()
            })
        })
    };
    let counts = move || {
        result.with(|r| {
            r.as_ref().map(|r| {
                let all = r.plan.walk();
                let tasks = all
                    .iter()
                    .filter(|(n, _)| n.kind == yaodian::NodeKind::Task)
                    .count();
                format!("识别出 {} 个部分、{} 项任务", r.plan.nodes.len(), tasks)
            })
        })
    };
    let close = on_close;
    view! {
        <section class="dialog import-dialog" role="dialog" aria-label="导入往年计划">
            <h2>"导入往年计划"</h2>
            <p class="hint">"粘贴网页或 PDF 中复制的计划全文（含通知亦可），或选择 .txt / .docx 文件。网页导航、页码等会自动忽略。"</p>
            <div class="import-source">
                <textarea id="import-text" class="import-text" aria-label="粘贴计划全文" placeholder="在此粘贴计划全文……"
                    prop:value=move || pasted.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        preview(&text);
                        pasted.set(text);
                    }></textarea>
                <label class="button">"选择文件（.txt / .docx）"
                    <input type="file" id="import-file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        class="visually-hidden" on:change=on_file/>
                </label>
            </div>
            <Show when=move || result.with(Option::is_some)>
                <div class="import-result">
                    <p class="import-counts">{counts}
                        {move || (ignored() > 0).then(|| format!("；已忽略 {} 行网页或页眉页脚内容", ignored()))}
                    </p>
                    <Show when=move || result.with(|r| r.as_ref().is_some_and(|r| r.plan.nodes.is_empty()))>
                        <p class="font-warning">"没有识别出带编号的部分或任务（如“一、……”“（一）……”）。请确认粘贴的是计划正文；也可以继续创建，再在编辑页整理。"</p>
                    </Show>
                    <Show when=move || !warnings().is_empty()>
                        <details class="diagnostics" open=true>
                            <summary>{move || format!("需要核对的地方（{}）", warnings().len())}</summary>
                            <ul>
                                {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                            </ul>
                        </details>
                    </Show>
                    <Show when=move || result.with(|r| r.as_ref().is_some_and(|r| !r.summary.is_empty()))>
                        <p class="hint">"文中的上年工作总结已单独识别，不会导入计划。"</p>
                    </Show>
                    <pre class="import-outline" tabindex="0" role="region" aria-label="识别结果">{move || result.with(|r| r.as_ref().map(|r| outline(&r.plan)).unwrap_or_default())}</pre>
                    <label><input type="checkbox" prop:checked=move || absorb.get()
                        on:change=move |ev| absorb.set(event_target_checked(&ev))/>
                        "同时把计划中的责任领导和科室加入名册"</label>
                </div>
            </Show>
            <div class="dialog-buttons">
                <button class="primary" id="import-create" disabled=move || result.with(Option::is_none) on:click=create>"创建计划"</button>
                <button on:click=move |_| close()>"取消"</button>
            </div>
        </section>
    }
}
