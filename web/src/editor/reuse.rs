//! The plan tab's reuse parts: a section or task saved as an office template (with the tasks
//! chosen), and the panel that searches earlier plans and templates and inserts a copy at the
//! selected place.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use yaodian::plan::edit::InsertAt;
use yaodian::plan::numbering::number;
use yaodian::plan::reuse::{search, Owners, Source};
use yaodian::NodeId;

use crate::state::use_state;

/// Where the plan tab keeps its reuse state: the node the cursor was last in (where copies
/// go), and the node being saved as a template.
#[derive(Clone, Copy)]
pub struct Reuse {
    pub selected: RwSignal<Option<NodeId>>,
    pub saving: RwSignal<Option<NodeId>>,
}

/// Saving node `id` as a template: name, note, and which of what is under it to keep.
#[component]
pub fn SaveTemplateDialog(id: NodeId) -> impl IntoView {
    let state = use_state();
    let reuse = expect_context::<Reuse>();
    let (title, below) = state
        .with_plan_untracked(|plan| {
            let labels: HashMap<NodeId, String> = number(plan)
                .into_iter()
                .map(|n| (n.node.id, n.label))
                .collect();
            let node = plan.node(id);
            let mut below = Vec::new();
            fn walk(
                nodes: &[yaodian::Node],
                depth: usize,
                labels: &HashMap<NodeId, String>,
                out: &mut Vec<(NodeId, usize, String)>,
            ) {
                for n in nodes {
                    let label = labels.get(&n.id).cloned().unwrap_or_default();
                    out.push((n.id, depth, format!("{label}{}", n.title)));
                    walk(&n.children, depth + 1, labels, out);
                }
            }
            if let Some(node) = node {
                walk(&node.children, 0, &labels, &mut below);
            }
            (node.map(|n| n.title.clone()).unwrap_or_default(), below)
        })
        .unwrap_or_default();
    let name = RwSignal::new(title);
    let note = RwSignal::new(String::new());
    let all: BTreeSet<NodeId> = below.iter().map(|(id, _, _)| *id).collect();
    let keep = RwSignal::new(all.clone());
    let all = StoredValue::new(all);
    let save = move || {
        let kept = keep.get_untracked();
        let keep = (kept != all.get_value()).then_some(kept);
        state.save_template(id, keep, name.get_untracked(), note.get_untracked());
        reuse.saving.set(None);
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => save(),
        "Escape" => reuse.saving.set(None),
        _ => {}
    };
    let has_below = !below.is_empty();
    view! {
        <div class="save-template-dialog" role="dialog" aria-label="存为本单位模板">
            <div class="form-row">
                <label>"模板名称"
                    <input type="text" class="template-name-input" prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev)) on:keydown=keys/>
                </label>
                <label>"说明（可选）"
                    <input type="text" class="template-note-input" placeholder="如：每年必有，党建办牵头"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev)) on:keydown=keys/>
                </label>
            </div>
            <Show when=move || has_below>
                <fieldset class="template-keep">
                    <legend>"保存其中的（不勾选的不存入模板）"</legend>
                    {below.iter().map(|(child, depth, text)| {
                        let child = *child;
                        view! {
                            <label class="pick" style=format!("--depth:{depth}")>
                                <input type="checkbox" data-keep=child
                                    prop:checked=move || keep.with(|k| k.contains(&child))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        keep.update(|k| { if on { k.insert(child); } else { k.remove(&child); } });
                                    }/>
                                {text.clone()}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </Show>
            <p class="hint">"责任人和完成时限一并保存；进展、状态等台账不存入模板。"</p>
            <div class="dialog-buttons">
                <button class="primary save-template-confirm" on:click=move |_| save()>"保存为模板"</button>
                <button on:click=move |_| reuse.saving.set(None)>"取消"</button>
            </div>
        </div>
    }
}

/// Search every earlier plan's and template's sections and tasks; insert a copy at the
/// selected place (one undoable edit).
#[component]
pub fn InsertPanel(labels: Memo<HashMap<NodeId, String>>) -> impl IntoView {
    let state = use_state();
    let reuse = expect_context::<Reuse>();
    let open_id = state
        .open
        .with_untracked(|o| o.as_ref().map(|o| o.id.clone()));
    // What can be copied: read again when the library changes (a template saved meanwhile,
    // another tab's plans); the open plan's own saves do not count.
    let sources: Memo<Vec<Source>> = Memo::new(move |_| {
        state.library.track();
        state.reuse_sources(open_id.as_deref())
    });
    let query = RwSignal::new(String::new());
    let owners = RwSignal::new(Owners::Keep);
    let place = RwSignal::new("after".to_string());
    let hits = Memo::new(move |_| query.with(|q| sources.with(|s| search(s, q, 60))));
    let at = move || match (
        place.get_untracked().as_str(),
        reuse.selected.get_untracked(),
    ) {
        ("after", Some(id)) => InsertAt::After(id),
        ("into", Some(id)) => InsertAt::Into(id),
        _ => InsertAt::End,
    };
    let selected_text = move || {
        let selected = reuse.selected.get();
        match selected.and_then(|id| state.with_node(id, |n| Some(n.title.clone()))) {
            Some(title) => {
                let label = labels.with(|l| selected.and_then(|id| l.get(&id).cloned()));
                format!(
                    "插入位置以所选条目为准：{}{title}",
                    label.unwrap_or_default()
                )
            }
            None => "未选条目（点一下计划中的某一条即可选中），将插入到计划末尾".to_string(),
        }
    };
    view! {
        <section class="insert-panel" aria-label="从往年计划和本单位模板插入">
            <h3>"从往年计划和本单位模板插入"</h3>
            <div class="form-row">
                <label class="wide">"查找"
                    <input type="search" id="reuse-search" placeholder="关键词、责任科室或年份，空格分隔，如：胸痛中心 2024"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </label>
                <label>"插入到"
                    <select id="reuse-place" on:change=move |ev| place.set(event_target_value(&ev))>
                        <option value="after" selected=true>"所选条目之后"</option>
                        <option value="into">"所选条目之下（作为下级）"</option>
                        <option value="end">"计划末尾"</option>
                    </select>
                </label>
                <label>"责任人"
                    <select id="reuse-owners" on:change=move |ev| owners.set(
                        if event_target_value(&ev) == "clear" { Owners::Clear } else { Owners::Keep })>
                        <option value="keep" selected=true>"保留"</option>
                        <option value="clear">"清空"</option>
                    </select>
                </label>
            </div>
            <p class="hint selected-place">{selected_text}</p>
            <Show when=move || !query.with(|q| q.trim().is_empty())>
                <p class="hint">{move || match hits.with(Vec::len) {
                    0 => "没有找到匹配的部分或任务".to_string(),
                    60 => "找到 60 项以上，仅列出前 60 项，可再加关键词".to_string(),
                    n => format!("找到 {n} 项"),
                }}</p>
            </Show>
            <ul class="reuse-hits">
                {move || hits.get().into_iter().map(|hit| {
                    let pick = StoredValue::new(hit.pick.clone());
                    let year = hit.period.map(|p| p.label()).unwrap_or_default();
                    view! {
                        <li class="reuse-hit">
                            <span class="hit-source">{hit.source.clone()} " " {year}</span>
                            <span class="hit-title">{hit.label.clone()}{hit.title.clone()}</span>
                            <span class="hit-excerpt">{hit.excerpt.clone()}</span>
                            <span class="hit-owners">{hit.owners.clone()} " " {hit.deadline.clone()}</span>
                            <button class="small insert-hit" on:click=move |_| {
                                state.insert_copies(&[pick.get_value()], at(), owners.get_untracked());
                            }>"插入"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
