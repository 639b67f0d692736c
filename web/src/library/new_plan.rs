//! The new-plan dialog: year, issuing office, and what the plan starts with, ticked from the
//! built-in sections, the office's own templates (本单位模板) and the sections and tasks of
//! every earlier plan (往年计划), in the order ticked; owners kept or cleared.

use leptos::prelude::*;
use yaodian::plan::reuse::{Owners, Pick, Source, SourceId};
use yaodian::plan::templates::{default_year, NewPlan, SECTIONS};
use yaodian::{NodeKind, Period};

use crate::browser;
use crate::state::use_state;

/// What a pick is called in the list of what was chosen, and in tests (`data-pick`).
fn pick_key(pick: &Pick) -> String {
    match &pick.source {
        SourceId::Builtin => format!("builtin:{}", pick.node),
        SourceId::Template(id) => format!("template:{id}:{}", pick.node),
        SourceId::Plan(id) => format!("plan:{id}:{}", pick.node),
    }
}

fn describe(sources: &[Source], pick: &Pick) -> String {
    let Some(source) = sources.iter().find(|s| s.id == pick.source) else {
        return String::new();
    };
    let entry = source.entries().into_iter().find(|e| e.id == pick.node);
    let (label, title) = entry.map(|e| (e.label, e.title)).unwrap_or_default();
    match source.id {
        SourceId::Builtin => title,
        _ => format!("{}：{label}{title}", source.name),
    }
}

fn builtin_picks() -> Vec<Pick> {
    SECTIONS
        .iter()
        .filter_map(|s| Pick::builtin(s.key))
        .collect()
}

/// A checkbox that ticks one pick (appended to the order) or unticks it; a built-in section's
/// also carries its key (`data-template`).
#[component]
fn PickBox(
    pick: Pick,
    picks: RwSignal<Vec<Pick>>,
    #[prop(default = "pick")] class: &'static str,
    #[prop(optional)] template: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let key = pick_key(&pick);
    let pick = StoredValue::new(pick);
    view! {
        <label class=class>
            <input type="checkbox" data-pick=key data-template=template
                prop:checked=move || pick.with_value(|me| picks.with(|p| p.contains(me)))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let me = pick.get_value();
                    picks.update(|p| {
                        p.retain(|x| x != &me);
                        if on { p.push(me) }
                    });
                }/>
            {children()}
        </label>
    }
}

#[component]
pub fn NewPlanDialog(on_close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let year = RwSignal::new(default_year(browser::today()));
    let office = RwSignal::new(String::new());
    let sources = StoredValue::new(state.reuse_sources(None));
    let picks = RwSignal::new(builtin_picks());
    let owners = RwSignal::new(Owners::Keep);
    let spec = move |picks: Vec<Pick>| NewPlan {
        year: year.get_untracked(),
        office: office.get_untracked(),
        picks,
        owners: owners.get_untracked(),
    };
    let close = on_close.clone();
    let create = move |_| {
        sources.with_value(|s| state.create_from_picks(&spec(picks.get_untracked()), s));
        close();
    };
    let close = on_close.clone();
    let blank = move |_| {
        sources.with_value(|s| state.create_from_picks(&spec(Vec::new()), s));
        close();
    };
    let close = on_close;
    let set_builtins = move |all: bool| {
        picks.update(|p| {
            p.retain(|x| x.source != SourceId::Builtin);
            if all {
                p.extend(builtin_picks());
            }
        })
    };
    let templates: Vec<Source> = sources.with_value(|s| {
        s.iter()
            .filter(|s| matches!(s.id, SourceId::Template(_)))
            .cloned()
            .collect()
    });
    let mut plans: Vec<Source> = sources.with_value(|s| {
        s.iter()
            .filter(|s| matches!(s.id, SourceId::Plan(_)))
            .cloned()
            .collect()
    });
    plans.sort_by_key(|s| std::cmp::Reverse(s.period.map(|p| p.start)));
    let has_templates = !templates.is_empty();
    let has_plans = !plans.is_empty();

    view! {
        <section class="dialog new-plan" role="dialog" aria-label="新建计划">
            <h2>"新建计划"</h2>
            <div class="form-row">
                <label>"年度"
                    <input type="number" min=Period::YEARS.start().to_string() max=Period::YEARS.end().to_string() id="new-year"
                        prop:value=move || year.get().to_string()
                        on:input=move |ev| {
                            if let Ok(y) = Period::parse_year(&event_target_value(&ev)) { year.set(y) }
                        }/>
                </label>
                <label>"发文单位"
                    <input type="text" id="new-office" placeholder="如：某某县卫生健康局"
                        prop:value=move || office.get()
                        on:input=move |ev| office.set(event_target_value(&ev))/>
                </label>
            </div>
            <fieldset class="templates">
                <legend>
                    "常用部分（内置，每部分附示例任务，创建后可修改）"
                    <button class="small" on:click=move |_| set_builtins(true)>"全选"</button>
                    <button class="small" on:click=move |_| set_builtins(false)>"全不选"</button>
                </legend>
                {SECTIONS.iter().map(|section| {
                    let pick = Pick::builtin(section.key).expect("a built-in key");
                    let tasks = section.tasks.iter().map(|(t, _)| *t).collect::<Vec<_>>().join("；");
                    view! {
                        <PickBox pick picks class="template" template=section.key>
                            <span class="template-title">{section.title}</span>
                            <span class="template-tasks">{tasks}</span>
                        </PickBox>
                    }
                }).collect_view()}
            </fieldset>
            <Show when=move || has_templates>
                <fieldset class="office-template-picks">
                    <legend>"本单位模板"</legend>
                    {templates.iter().map(|source| {
                        let entries = source.entries();
                        let id = source.id.clone();
                        let name = source.plan.title.clone();
                        entries.into_iter().filter(|e| e.depth == 0).map(|e| {
                            let pick = Pick { source: id.clone(), node: e.id };
                            let title = name.clone();
                            let about = format!("{}（{} 项任务）", e.title, e.tasks);
                            view! {
                                <PickBox pick picks>
                                    <span class="template-title">{title}</span>
                                    <span class="template-tasks">{about}</span>
                                </PickBox>
                            }
                        }).collect_view()
                    }).collect_view()}
                </fieldset>
            </Show>
            <Show when=move || has_plans>
                <fieldset class="plan-picks">
                    <legend>"往年计划（展开后勾选整个部分或单项任务）"</legend>
                    {plans.iter().map(|source| view! { <SourcePlan source=source.clone() picks/> }).collect_view()}
                </fieldset>
            </Show>
            <section class="chosen" aria-label="已选内容">
                <h3>"已选内容（按此顺序创建）"</h3>
                <Show when=move || picks.with(Vec::is_empty)>
                    <p class="empty">"未选任何内容：将创建空白计划。"</p>
                </Show>
                <ol>
                    {move || picks.get().into_iter().enumerate().map(|(i, pick)| {
                        let text = sources.with_value(|s| describe(s, &pick));
                        let key = pick_key(&pick);
                        let shift = move |by: isize| picks.update(|p| {
                            let to = i as isize + by;
                            if to >= 0 && (to as usize) < p.len() { p.swap(i, to as usize) }
                        });
                        view! {
                            <li class="chosen-item" data-pick=key>
                                <span>{text}</span>
                                <button class="icon" title="上移" aria-label="上移" on:click=move |_| shift(-1)>"↑"</button>
                                <button class="icon" title="下移" aria-label="下移" on:click=move |_| shift(1)>"↓"</button>
                                <button class="icon" title="不选" aria-label="不选" on:click=move |_| picks.update(|p| { p.remove(i); })>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
            <fieldset class="owners-choice">
                <legend>"沿用往年计划和本单位模板的内容时"</legend>
                <label><input type="radio" name="owners" id="owners-keep"
                    prop:checked=move || owners.get() == Owners::Keep
                    on:change=move |_| owners.set(Owners::Keep)/>"保留责任领导和责任科室"</label>
                <label><input type="radio" name="owners" id="owners-clear"
                    prop:checked=move || owners.get() == Owners::Clear
                    on:change=move |_| owners.set(Owners::Clear)/>"清空责任人，重新分工"</label>
                <p class="hint">"完成时限顺延到新年度；进展、状态等台账不沿用；每项标注来源，正文中提及的往年年份会列出供核对。"</p>
            </fieldset>
            <div class="dialog-buttons">
                <button class="primary" id="create-from-templates" on:click=create>"按所选内容创建"</button>
                <button id="create-blank" on:click=blank>"创建空白计划"</button>
                <button on:click=move |_| close()>"取消"</button>
            </div>
        </section>
    }
}

/// One earlier plan: its sections and tasks to tick, listed once it is opened.
#[component]
fn SourcePlan(source: Source, picks: RwSignal<Vec<Pick>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let year = source.period.map(|p| p.label()).unwrap_or_default();
    let summary = format!("{year} · {}", source.name);
    let id = source.id.clone();
    let source_key = match &id {
        SourceId::Plan(id) => id.clone(),
        _ => String::new(),
    };
    let source = StoredValue::new(source);
    view! {
        <details class="source-plan" data-source=source_key
            on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let details = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                open.set(details.is_some_and(|d| d.has_attribute("open")));
            }>
            <summary>{summary}</summary>
            <Show when=move || open.get()>
                <ul class="source-entries">
                    {source.with_value(|s| s.entries()).into_iter().map(|e| {
                        let pick = Pick { source: id.clone(), node: e.id };
                        let heading = e.depth == 0 || e.kind == NodeKind::Heading;
                        let (label, title) = (e.label.clone(), e.title.clone());
                        let tasks = format!("（{} 项任务）", e.tasks);
                        view! {
                            <li class="source-entry" class:section=heading style=format!("--depth:{}", e.depth)>
                                <PickBox pick picks>
                                    <span class="entry-label">{label}</span>
                                    <span class="entry-title">{title}</span>
                                    {heading.then(|| view! { <span class="template-tasks">{tasks}</span> })}
                                </PickBox>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </details>
    }
}
