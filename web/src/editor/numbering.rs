//! 编号: the numbering style of each level.

use leptos::prelude::*;
use yaodian::plan::model::MAX_DEPTH;
use yaodian::plan::numbering::level_name;
use yaodian::{Edit, LevelNumbering, NumberStyle, Numbering};

use crate::state::use_state;

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
                            <select class="number-style" aria-label=format!("{}编号样式", level_name(depth)) prop:value=move || level(depth).style.key() on:change=move |ev| {
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
