//! 本单位模板 on the plan list: the office's own templates, renamed, deleted, exported to a file
//! and imported from one (another office's).

use leptos::prelude::*;
use yaodian::plan::office_templates::OfficeTemplate;

use crate::browser;
use crate::state::use_state;

#[component]
pub fn TemplatesPanel() -> impl IntoView {
    let state = use_state();
    // Read once per change of the library, for the list and the buttons alike.
    let templates = Memo::new(move |_| state.templates());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_file(file).await {
                Ok(text) => state.import_templates(&text),
                Err(e) => state.error(e),
            }
        });
    };
    view! {
        <section class="office-templates" aria-label="本单位模板">
            <h2>"本单位模板"</h2>
            <Show
                when=move || templates.with(|t| !t.is_empty())
                fallback=|| view! {
                    <p class="empty">"还没有本单位模板。在计划正文中点击某一部分或任务的“存为模板”即可保存；也可导入其他单位分享的模板文件。"</p>
                }
            >
                <ul class="template-list">
                    <For
                        each=move || templates.get()
                        key=|t| format!("{}|{}|{}", t.id, t.name, t.note)
                        children=move |template| view! { <TemplateItem template/> }
                    />
                </ul>
            </Show>
            <div class="library-actions">
                <button id="export-templates" disabled=move || templates.with(Vec::is_empty)
                    on:click=move |_| state.export_templates()>"导出模板文件"</button>
                <label class="button">
                    "导入模板文件（.json）"
                    <input type="file" id="import-templates-file" accept=".json,application/json" class="visually-hidden" on:change=on_file/>
                </label>
            </div>
        </section>
    }
}

#[component]
fn TemplateItem(template: OfficeTemplate) -> impl IntoView {
    let state = use_state();
    let id = StoredValue::new(template.id.clone());
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let name = RwSignal::new(template.name.clone());
    let note = RwSignal::new(template.note.clone());
    let commit = move || {
        state.rename_template(
            &id.get_value(),
            &name.get_untracked(),
            &note.get_untracked(),
        );
        renaming.set(false);
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => commit(),
        "Escape" => renaming.set(false),
        _ => {}
    };
    let about = format!(
        "{} 项任务{}",
        template.task_count(),
        if template.from.is_empty() {
            String::new()
        } else {
            format!(" · 来自{}", template.from)
        }
    );
    let shown_name = template.name.clone();
    let shown_note = template.note.clone();
    view! {
        <li class="template-item" data-template-id=template.id.clone()>
            <Show
                when=move || renaming.get()
                fallback=move || view! {
                    <span class="template-name">{shown_name.clone()}</span>
                    <span class="template-note">{shown_note.clone()}</span>
                }
            >
                <input class="template-name-input" aria-label="模板名称"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) on:keydown=keys/>
                <input class="template-note-input" aria-label="说明"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev)) on:keydown=keys/>
                <button on:click=move |_| commit()>"保存"</button>
                <button on:click=move |_| renaming.set(false)>"取消"</button>
            </Show>
            <span class="plan-meta">{about}</span>
            <span class="plan-buttons">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button class="rename-template" on:click=move |_| renaming.set(true)>"重命名"</button>
                        <button class="danger delete-template" on:click=move |_| confirming.set(true)>"删除"</button>
                    }
                >
                    <span class="confirm">"确定删除该模板？"</span>
                    <button class="danger confirm-delete-template" on:click=move |_| state.delete_template(&id.get_value())>"确定删除"</button>
                    <button on:click=move |_| confirming.set(false)>"取消"</button>
                </Show>
            </span>
        </li>
    }
}
