//! The import dialog: paste text or choose a .txt / .docx file or an .xlsx task table; check the notice fields found
//! (each with its source line, each correctable), take back any line dropped as page furniture,
//! see what could not be placed and the outline; then create the plan. Nothing is created
//! before 创建计划, and what is created is what the dialog shows (`Review::apply`).

use leptos::prelude::*;
use yaodian::export::outline::outline;
use yaodian::import::review::{FoundField, Review, Reviewed};
use yaodian::import::{is_binary, office_file, Diagnostic, OfficeFile};
use yaodian::office::{Done, Job};

use crate::browser;
use crate::state::use_state;
use crate::worker;

#[component]
pub fn ImportDialog(on_close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let source = RwSignal::new(String::new());
    let review = RwSignal::new(Review::default());
    let result: Memo<Option<Reviewed>> = Memo::new(move |_| {
        source.with(|text| {
            (!text.trim().is_empty())
                .then(|| browser::measure("yaodian:import", || review.with(|r| r.apply(text))))
        })
    });
    let absorb = RwSignal::new(true);
    // New text: line numbers change, so earlier choices no longer apply.
    let set_source = move |text: String| {
        review.set(Review::default());
        source.set(text);
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
            // By content; a broken archive by its name (the reader then says what is wrong).
            let office = office_file(&bytes).or_else(|| {
                let zip = bytes.starts_with(b"PK");
                if zip && name.ends_with(".docx") {
                    Some(OfficeFile::Docx)
                } else if zip && name.ends_with(".xlsx") {
                    Some(OfficeFile::Xlsx)
                } else {
                    None
                }
            });
            if let Some(kind) = office {
                let (job, what) = match kind {
                    OfficeFile::Docx => (Job::DocxParagraphs, ".docx"),
                    OfficeFile::Xlsx => (Job::XlsxRows, ".xlsx"),
                };
                state.info(format!("正在读取 {what}……"));
                match worker::run(&job, Some(&bytes)).await {
                    Ok(Done::Paragraphs(paragraphs)) => {
                        state.info(format!("已读取 {what}，请核对下方识别结果后创建计划"));
                        set_source(paragraphs.join("\n"));
                    }
                    Ok(Done::File(_) | Done::Return(_)) => {
                        state.error(format!("无法读取该 {what} 文件"))
                    }
                    Err(e) => state.error(e),
                }
            } else if bytes.starts_with(b"PK") {
                state.error("该文件是压缩包，但不是 .docx 或 .xlsx。请在 Word/WPS 或 Excel 中另存为 .docx / .xlsx，或复制文字粘贴");
            } else if name.ends_with(".xls") {
                state.error("不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 后导入");
            } else if name.ends_with(".doc") {
                state.error("不支持旧版 .doc 文件，请在 Word/WPS 中另存为 .docx 或复制文字粘贴");
            } else if is_binary(&bytes) {
                state.error("该文件不是文本文件（可能是图片、压缩包或其他格式），请选择 .txt 或 .docx，或直接粘贴文字");
            } else {
                set_source(browser::decode_text(&bytes));
            }
        });
    };
    let close = on_close.clone();
    let create = move |_| {
        let Some(reviewed) = result.get_untracked() else {
            return;
        };
        state.create_imported(reviewed.imported.plan, absorb.get_untracked());
        close();
    };
    let list = move |pick: fn(&Reviewed) -> Vec<Diagnostic>| {
        move || result.with(|r| r.as_ref().map_or(Vec::new(), pick))
    };
    let dropped = list(|r| r.dropped().cloned().collect());
    let unplaced = list(|r| r.unplaced().cloned().collect());
    let warnings = list(|r| r.warnings().cloned().collect());
    let counts = move || {
        result.with(|r| {
            r.as_ref().map(|r| {
                let plan = r.plan();
                let tasks = plan
                    .walk()
                    .iter()
                    .filter(|(n, _)| n.kind == yaodian::NodeKind::Task)
                    .count();
                format!("识别出 {} 个部分、{} 项任务", plan.nodes.len(), tasks)
            })
        })
    };
    let line_text = move |no: usize| {
        source.with(|s| s.lines().nth(no - 1).unwrap_or_default().trim().to_string())
    };
    let close = on_close;
    view! {
        <section class="dialog import-dialog" role="dialog" aria-label="导入往年计划">
            <h2>"导入往年计划"</h2>
            <p class="hint">"粘贴网页或 PDF 中复制的计划全文（含通知亦可），或选择 .txt / .docx 文件、.xlsx 任务分工表。网页导航、页码等会自动忽略，创建前可逐项核对。"</p>
            <div class="import-source">
                <textarea id="import-text" class="import-text" aria-label="粘贴计划全文" placeholder="在此粘贴计划全文……"
                    prop:value=move || source.get()
                    on:input=move |ev| set_source(event_target_value(&ev))></textarea>
                <label class="button">"选择文件（.txt / .docx / .xlsx）"
                    <input type="file" id="import-file" accept=".txt,.docx,.xlsx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        class="visually-hidden" on:change=on_file/>
                </label>
            </div>
            <Show when=move || result.with(Option::is_some)>
                <div class="import-result">
                    <p class="import-counts">{counts}
                        {move || (!dropped().is_empty()).then(|| format!("；已忽略 {} 行网页或页眉页脚内容", dropped().len()))}
                    </p>
                    <Show when=move || result.with(|r| r.as_ref().is_some_and(|r| r.plan().nodes.is_empty()))>
                        <p class="font-warning">"没有识别出带编号的部分或任务（如“一、……”“（一）……”）。请确认粘贴的是计划正文；也可以继续创建，再在编辑页整理。"</p>
                    </Show>
                    <NoticeFields result=result review=review/>
                    <Show when=move || !warnings().is_empty()>
                        <details class="diagnostics" open=true>
                            <summary>{move || format!("需要核对的地方（{}）", warnings().len())}</summary>
                            <ul>{move || warnings().into_iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}</ul>
                        </details>
                    </Show>
                    <Show when=move || !unplaced().is_empty()>
                        <details class="import-unplaced" open=true>
                            <summary>{move || format!("未能放入计划的内容（{}）：需要时可在创建后补入", unplaced().len())}</summary>
                            <ul>{move || unplaced().into_iter().map(|d| view! { <li>{d.to_string()}</li> }).collect_view()}</ul>
                        </details>
                    </Show>
                    <Show when=move || !dropped().is_empty() || review.with(|r| !r.keep.is_empty())>
                        <details class="import-dropped">
                            <summary>{move || format!("已忽略的网页内容（{} 行），可恢复其中任一行", dropped().len())}</summary>
                            <ul>
                                {move || dropped().into_iter().map(|d| {
                                    let line = d.line;
                                    view! {
                                        <li>
                                            <span class="line-no">{format!("第{line}行")}</span>
                                            <span class="dropped-text">{d.text.clone()}</span>
                                            <span class="hint">{d.message.clone()}</span>
                                            <button class="take-back" aria-label=format!("恢复第{line}行")
                                                on:click=move |_| review.update(|r| r.toggle_line(line))>"恢复"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <ul class="taken-back">
                                {move || review.with(|r| r.keep.iter().copied().collect::<Vec<_>>()).into_iter().map(|line| view! {
                                    <li>
                                        <span class="line-no">{format!("第{line}行（已恢复）")}</span>
                                        <span class="dropped-text">{line_text(line)}</span>
                                        <button aria-label=format!("撤销恢复第{line}行")
                                            on:click=move |_| review.update(|r| r.toggle_line(line))>"撤销"</button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </details>
                    </Show>
                    <h3>"大纲"</h3>
                    <pre class="import-outline" tabindex="0" role="region" aria-label="识别结果">{move || result.with(|r| r.as_ref().map(|r| outline(r.plan())).unwrap_or_default())}</pre>
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

/// The notice fields found, each editable, with the line it was read from.
#[component]
fn NoticeFields(result: Memo<Option<Reviewed>>, review: RwSignal<Review>) -> impl IntoView {
    let fields = move || result.with(|r| r.as_ref().map_or(Vec::new(), |r| r.fields.clone()));
    view! {
        <Show when=move || !fields().is_empty()>
            <fieldset class="import-fields">
                <legend>"识别出的通知要素（可直接修改）"</legend>
                <For each=fields key=|f| (f.field, f.corrected, f.as_found.clone()) let:found>
                    <FoundFieldRow found=found review=review/>
                </For>
            </fieldset>
        </Show>
    }
}

#[component]
fn FoundFieldRow(found: FoundField, review: RwSignal<Review>) -> impl IntoView {
    let FoundField {
        field,
        value,
        as_found,
        source,
        corrected,
    } = found;
    let id = format!("import-field-{}", field.key());
    let commit = {
        let as_found = as_found.clone();
        move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            review.update(|r| r.correct(field, &typed, &as_found));
        }
    };
    let origin = match (&source, corrected) {
        (_, true) => "已修改".to_string(),
        (Some((line, text)), false) => format!("第{line}行：{text}"),
        (None, false) => String::new(),
    };
    let undo = corrected.then(|| {
        view! {
            <button aria-label=format!("撤销对{}的修改", field.label())
                on:click=move |_| review.update(|r| { r.fields.remove(&field); })>"撤销修改"</button>
        }
    });
    let input = if field.is_multiline() {
        view! { <textarea id=id.clone() rows="3" prop:value=value on:change=commit></textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() type="text" prop:value=value on:change=commit/> }.into_any()
    };
    view! {
        <div class="import-field" class:corrected=corrected>
            <label for=id>{field.label()}</label>
            {input}
            <span class="field-source hint">{origin}</span>
            {undo}
        </div>
    }
}
