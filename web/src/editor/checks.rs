//! The checks tab: every finding of `ledger::checks`, live, each with a jump to its place.

use leptos::prelude::*;
use yaodian::ledger::checks::check;

use crate::editor::jump;
use crate::state::use_state;

#[component]
pub fn ChecksPanel() -> impl IntoView {
    let state = use_state();
    let findings = Memo::new(move |_| {
        let roster = state.roster.get();
        state
            .with_plan(|p| check(p, Some(&roster)))
            .unwrap_or_default()
    });
    view! {
        <section class="checks">
            <p class="hint">
                "检查随修改即时更新：缺少牵头科室、完成时限或责任领导，重复或几乎相同的任务，完成时限超出计划年度，"
                "名册以外或写法不一的领导和科室，空的部分，发文字号、成文日期和主送机关的格式，以及滚动到新年度后仍提及上年的文字。"
            </p>
            <Show
                when=move || !findings.with(Vec::is_empty)
                fallback=|| view! { <p class="checks-clean">"未发现问题。"</p> }
            >
                <p class="checks-count">{move || format!("共发现 {} 处问题：", findings.with(Vec::len))}</p>
                <ol class="findings">
                    {move || findings.get().into_iter().map(|f| {
                        let place = f.place;
                        view! {
                            <li class="finding">
                                <span class="finding-label">{f.label.clone()}</span>
                                <span class="finding-message">{f.message.clone()}</span>
                                <button class="jump" title="转到该处修改" on:click=move |_| jump(place)>"定位"</button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}
