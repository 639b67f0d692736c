//! The plan tab: period, title, 总体要求, and the tree of headings and tasks with live numbers.

use std::collections::HashMap;

use leptos::prelude::*;
use yaodian::plan::next_year::YearReview;
use yaodian::plan::numbering::number;
use yaodian::{Edit, NodeField, NodeId, NodeKind, Period, PlanField};

use super::division::DivisionEditor;
use super::reuse::{InsertPanel, Reuse, SaveTemplateDialog};
use crate::browser;
use crate::lazy::{lazy, lazy_view};
use crate::state::use_state;
use crate::text_box::TextBox;

/// The views of the reuse part: one loader for both, so the first download holds one.
#[derive(Clone, Copy)]
enum ReuseView {
    Insert(Memo<HashMap<NodeId, String>>),
    Save(NodeId),
}

// The search of earlier plans and templates, and saving as a template, load when first used.
lazy_view!(fn reuse_part(what: ReuseView) in reuse => match what {
    ReuseView::Insert(labels) => view! { <InsertPanel labels/> }.into_any(),
    ReuseView::Save(id) => view! { <SaveTemplateDialog id/> }.into_any(),
});

/// A row's identity: rebuilt when its depth or kind changes; kept (moved, relabelled, with
/// the cursor in it) otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: NodeId,
    depth: usize,
    kind: NodeKind,
}

/// Rows put on the page at first (more than a screenful: they start below the plan's header),
/// then added frame by frame: a long plan is editable at once, and no frame's work keeps the
/// page from answering for long (a task past 50 ms counts as blocking).
const FIRST_ROWS: usize = 8;

/// How many rows the next frame adds, from the last frame's and how long after it this frame
/// came: fewer when it took more than 50 ms, more when it came within two frames of the display.
fn next_batch(batch: usize, gap_ms: f64) -> usize {
    if gap_ms > 50.0 {
        (batch / 2).max(4)
    } else if gap_ms < 34.0 {
        (batch + batch.div_ceil(4)).min(400)
    } else {
        batch
    }
}

#[component]
pub fn PlanPanel() -> impl IntoView {
    let state = use_state();
    let reuse = Reuse {
        selected: RwSignal::new(None),
        saving: RwSignal::new(None),
    };
    provide_context(reuse);
    let inserting = RwSignal::new(false);
    // Labels and places change only with the plan's shape, not while a node's text is typed.
    let numbered = Memo::new(move |_| {
        state
            .with_plan_shape(|p| {
                number(p)
                    .into_iter()
                    .map(|n| {
                        let row = Row {
                            id: n.node.id,
                            depth: n.depth,
                            kind: n.node.kind,
                        };
                        (row, n.label)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let rows = Memo::new(move |_| numbered.with(|n| n.iter().map(|(r, _)| *r).collect::<Vec<_>>()));
    let labels = Memo::new(move |_| {
        numbered.with(|n| {
            n.iter()
                .map(|(r, label)| (r.id, label.clone()))
                .collect::<HashMap<_, _>>()
        })
    });
    let shown = RwSignal::new(FIRST_ROWS);
    // (batch, when the last frame added rows, whether a frame is already asked for)
    let pace = StoredValue::new((FIRST_ROWS, None::<f64>, false));
    Effect::new(move |_| {
        let waiting = pace.with_value(|p| p.2);
        if shown.get() < rows.with(Vec::len) && !waiting {
            pace.update_value(|p| p.2 = true);
            request_animation_frame(move || {
                // The tab may have been left meanwhile: then there is nothing to add to.
                let Some((batch, last, _)) = pace.try_get_value() else {
                    return;
                };
                let now = browser::now();
                let batch = last.map_or(batch, |last| next_batch(batch, now - last));
                pace.try_set_value((batch, Some(now), false));
                shown.try_update(|n| *n += batch);
            });
        }
    });
    // The first time the plan's rows are on the page: the cold-start benchmark's finish line.
    Effect::new(move |_| browser::mark("yaodian:editable"));
    // Every row on the page (the tree is `aria-busy` until then).
    let all_shown = move || shown.get() >= rows.with(Vec::len);
    let marked = StoredValue::new(false);
    Effect::new(move |_| {
        if all_shown() && !marked.get_value() {
            marked.set_value(true);
            browser::mark("yaodian:all-rows");
        }
    });
    let period = move || state.with_plan_shape(|p| p.period);
    let shown_year = move |start: bool| {
        period()
            .map(|p| if start { p.start } else { p.end }.to_string())
            .unwrap_or_default()
    };
    let set_year = move |start: bool, text: String| {
        let (year, Some(period)) = (Period::parse_year(&text), period()) else {
            return;
        };
        match year {
            Ok(year) if start => state.edit(Edit::SetPeriod(period.with_start(year))),
            Ok(year) => state.edit(Edit::SetPeriod(period.with_end(year))),
            Err(why) => state.error(why),
        }
    };
    let (min_year, max_year) = (
        Period::YEARS.start().to_string(),
        Period::YEARS.end().to_string(),
    );

    view! {
        <section class="plan-head">
            <div class="form-row">
                <label>"年度（起）"
                    <input type="number" id="period-start" min=min_year.clone() max=max_year.clone()
                        prop:value=move || shown_year(true)
                        on:change=move |ev| set_year(true, event_target_value(&ev))/>
                </label>
                <label>"至"
                    <input type="number" id="period-end" min=min_year max=max_year
                        prop:value=move || shown_year(false)
                        on:change=move |ev| set_year(false, event_target_value(&ev))/>
                </label>
            </div>
            <label class="wide">"计划标题"
                <TextBox class="plan-title-input" label="计划标题"
                    value=Signal::derive(move || state.with_plan(|p| p.title.clone()).unwrap_or_default())
                    on_set=Callback::new(move |t| state.edit(Edit::SetPlanText(PlanField::Title, t)))/>
            </label>
            <label class="wide">"总体要求（可多段，每行一段）"
                <TextBox multiline=true class="requirements" label="总体要求"
                    placeholder="如：2027年全县卫生健康工作的总体要求是：坚持以……为指导，……"
                    value=Signal::derive(move || state.with_plan(|p| p.requirements.clone()).unwrap_or_default())
                    on_set=Callback::new(move |t| state.edit(Edit::SetPlanText(PlanField::Requirements, t)))/>
            </label>
        </section>
        <YearReview/>
        <div class="reuse-bar">
            <button id="open-insert" aria-expanded=move || inserting.get().to_string()
                on:click=move |_| inserting.update(|on| *on = !*on)>
                {move || if inserting.get() { "收起插入面板" } else { "从往年计划和本单位模板插入…" }}
            </button>
        </div>
        <Show when=move || inserting.get()>
            {lazy(reuse_part, move |build| build(ReuseView::Insert(labels)))}
        </Show>
        <p class="shortcuts">
            "快捷键：Alt+Shift+↑/↓ 上移/下移（可跨部分）；Alt+Shift+←/→ 升级/降级；"
            "Ctrl+Enter 在下方添加同级条目；Ctrl+Shift+Enter 添加下级；Alt+Shift+Delete 删除；Ctrl+Z 撤销；Ctrl+Y 重做。"
        </p>
        <div class="tree" role="tree" aria-label="计划结构" aria-busy=move || (!all_shown()).to_string()>
            <For each=move || rows.with(|r| r.iter().take(shown.get()).copied().collect::<Vec<_>>())
                key=|row| *row children=move |row| view! { <NodeRow row labels/> }/>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="empty">"计划还没有内容。先添加一个一级标题（如“一、全面加强党的建设”），再在其下添加任务。"</p>
        </Show>
        <div class="tree-actions">
            <button id="add-section" on:click=move |_| state.edit(Edit::AddAfter { after: None, kind: NodeKind::Heading })>
                "＋ 添加一级标题"
            </button>
        </div>
    }
}

/// After a roll-forward or a copy from an earlier plan: every place that still names an old
/// year, to be checked one by one.
#[component]
fn YearReview() -> impl IntoView {
    let state = use_state();
    // Kept up to date change by change: typing in one node rescans that node only.
    let review = StoredValue::new(None::<(u64, YearReview)>);
    let mentions = Memo::new(move |_| {
        let (count, scope) = state.last_change();
        state.with_plan_untracked(|plan| {
            review.update_value(|kept| match kept {
                Some((seen, review)) if *seen + 1 == count => {
                    review.update(plan, scope.of_plan());
                    *seen = count;
                }
                _ => *kept = Some((count, YearReview::new(plan))),
            })
        });
        review.with_value(|kept| kept.as_ref().map(|(_, r)| r.mentions()).unwrap_or_default())
    });
    move || {
        let found = mentions.get();
        (!found.is_empty()).then(|| {
            let mut years: Vec<String> = Vec::new();
            for m in &found {
                let label = m.old.label();
                if !years.contains(&label) {
                    years.push(label);
                }
            }
            view! {
                <details class="year-review" open=true>
                    <summary>{match years.as_slice() {
                        [one] => format!("正文中仍有 {} 处提及{one}，请核对是否需要改为新年度", found.len()),
                        _ => format!("正文中仍有 {} 处提及往年（{}），请核对是否需要改为新年度", found.len(), years.join("、")),
                    }}</summary>
                    <ul>
                        {found.into_iter().map(|m| {
                            let node = m.node;
                            view! {
                                <li>
                                    <button class="link" on:click=move |_| if let Some(id) = node { browser::focus_node(id) }>
                                        {m.place.clone()}
                                    </button>
                                    "：…" {m.excerpt.clone()} "…"
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
    }
}

/// The edit a shortcut on a row stands for.
fn shortcut(ev: &web_sys::KeyboardEvent, id: NodeId, kind: NodeKind) -> Option<Edit> {
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let alt_shift = ev.alt_key() && ev.shift_key() && !ctrl;
    match ev.key().as_str() {
        "ArrowUp" if alt_shift => Some(Edit::MoveUp(id)),
        "ArrowDown" if alt_shift => Some(Edit::MoveDown(id)),
        "ArrowRight" if alt_shift => Some(Edit::Indent(id)),
        "ArrowLeft" if alt_shift => Some(Edit::Outdent(id)),
        "Enter" if ctrl && !ev.shift_key() => Some(Edit::AddAfter {
            after: Some(id),
            kind,
        }),
        "Enter" if ctrl && ev.shift_key() => Some(Edit::AddChild {
            parent: id,
            kind: NodeKind::Task,
        }),
        _ => None,
    }
}

#[component]
fn NodeRow(row: Row, labels: Memo<HashMap<NodeId, String>>) -> impl IntoView {
    let state = use_state();
    let reuse = expect_context::<Reuse>();
    let id = row.id;
    let is_task = row.kind == NodeKind::Task;
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.is_composing() {
            return;
        }
        if ev.key() == "Delete" && ev.alt_key() && ev.shift_key() {
            ev.prevent_default();
            state.delete_node(id);
        } else if let Some(edit) = shortcut(&ev, id, row.kind) {
            ev.prevent_default();
            state.edit(edit);
        }
    };
    let text = move |field: NodeField| {
        Signal::derive(move || {
            state.with_node(id, |n| match field {
                NodeField::Title => n.title.clone(),
                NodeField::Body => n.body.clone(),
            })
        })
    };
    let set = move |field: NodeField| {
        Callback::new(move |t: String| state.edit(Edit::SetNodeText(id, field, t)))
    };
    let (add_label, add_edit) = if is_task {
        (
            "＋任务",
            Edit::AddAfter {
                after: Some(id),
                kind: NodeKind::Task,
            },
        )
    } else {
        (
            "＋任务",
            Edit::AddChild {
                parent: id,
                kind: NodeKind::Task,
            },
        )
    };
    let sub_edit = if is_task {
        Edit::AddChild {
            parent: id,
            kind: NodeKind::Task,
        }
    } else {
        Edit::AddAfter {
            after: Some(id),
            kind: NodeKind::Heading,
        }
    };
    let add_edit = StoredValue::new(add_edit);
    let sub_edit = StoredValue::new(sub_edit);
    let label = move || {
        labels.with(|l| match l.get(&id) {
            Some(label) if !label.is_empty() => label.clone(),
            _ => "·".to_string(),
        })
    };

    view! {
        <div class="node" class:task=is_task class:heading=!is_task
            data-node=id data-depth=row.depth style=format!("--depth:{}", row.depth)
            role="treeitem" attr:aria-level=row.depth + 1
            on:keydown=on_keydown on:focusin=move |_| reuse.selected.set(Some(id))>
            <div class="node-line">
                <span class="node-label">{label}</span>
                <Show when=move || state.with_node(id, |n| n.carried_over)>
                    <span class="carried" title="由上年计划延续而来">"延续"
                        <button class="chip-remove" aria-label="取消延续标记" title="取消延续标记"
                            on:click=move |_| state.edit(Edit::SetCarriedOver(id, false))>"×"</button>
                    </span>
                </Show>
                {move || state.with_node(id, |n| n.origin.clone()).map(|origin| view! {
                    <span class="origin" title=format!("沿用自{}", origin.from) data-origin=origin.from.clone()>"沿用"
                        <button class="chip-remove" aria-label="取消来源标记" title="取消来源标记"
                            on:click=move |_| state.edit(Edit::SetOrigin(id, None))>"×"</button>
                    </span>
                })}
                <TextBox class="node-title"
                    label=if is_task { "任务首句" } else { "标题" }
                    placeholder=if is_task { "任务的首句（如：着力重点专科建设）" } else { "标题（如：全面加强党的建设）" }
                    value=text(NodeField::Title) on_set=set(NodeField::Title)/>
                <span class="node-tools">
                    <button tabindex="-1" class="icon" title="上移（Alt+Shift+↑）" aria-label="上移" on:click=move |_| state.edit(Edit::MoveUp(id))>"↑"</button>
                    <button tabindex="-1" class="icon" title="下移（Alt+Shift+↓）" aria-label="下移" on:click=move |_| state.edit(Edit::MoveDown(id))>"↓"</button>
                    <button tabindex="-1" class="icon" title="升级（Alt+Shift+←）" aria-label="升级" on:click=move |_| state.edit(Edit::Outdent(id))>"←"</button>
                    <button tabindex="-1" class="icon" title="降级（Alt+Shift+→）" aria-label="降级" on:click=move |_| state.edit(Edit::Indent(id))>"→"</button>
                    <button tabindex="-1" class="add-task" title="添加任务（Ctrl+Enter）" on:click=move |_| state.edit(add_edit.get_value())>{add_label}</button>
                    <button tabindex="-1" class="add-sub" title=if is_task { "添加下级（Ctrl+Shift+Enter）" } else { "在下方添加同级标题" }
                        on:click=move |_| state.edit(sub_edit.get_value())>{if is_task { "＋下级" } else { "＋标题" }}</button>
                    <select class="kind" aria-label="类型" on:change=move |ev| {
                        let kind = if event_target_value(&ev) == "heading" { NodeKind::Heading } else { NodeKind::Task };
                        state.edit(Edit::SetKind(id, kind));
                    }>
                        <option value="heading" selected=!is_task>"标题"</option>
                        <option value="task" selected=is_task>"任务"</option>
                    </select>
                    <button tabindex="-1" class="save-template" title="存为本单位模板，以后起草时选用"
                        on:click=move |_| reuse.saving.set(Some(id))>"存为模板"</button>
                    <button tabindex="-1" class="icon danger delete" title="删除（Alt+Shift+Delete）" aria-label="删除" on:click=move |_| state.delete_node(id)>"×"</button>
                </span>
            </div>
            <Show when=move || reuse.saving.get() == Some(id)>
                {lazy(reuse_part, move |build| build(ReuseView::Save(id)))}
            </Show>
            {is_task.then(|| view! {
                <TextBox multiline=true class="node-body" label="任务正文" placeholder="任务正文（首句之后的内容）"
                    value=text(NodeField::Body) on_set=set(NodeField::Body)/>
                <DivisionEditor id/>
            })}
        </div>
    }
}
