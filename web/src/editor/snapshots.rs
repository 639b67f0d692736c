//! 版本: named snapshots of the open plan (e.g. 报送稿), restored later.

use leptos::prelude::*;
use yaodian::store::{snapshot_name, KEEP_RECENT};

use crate::browser;
use crate::state::use_state;

/// The open plan's named versions (e.g. 报送稿): keep one, restore one, delete one, prune.
#[component]
pub fn SnapshotsPanel() -> impl IntoView {
    let state = use_state();
    let name = RwSignal::new(String::new());
    // The snapshot (by its time) whose restore waits for a yes.
    let confirm = RwSignal::new(None::<u64>);
    let add = move || match snapshot_name(&name.get_untracked()) {
        Ok(text) => {
            state.add_snapshot(&text);
            name.set(String::new());
        }
        Err(why) => state.error(why),
    };
    view! {
        <section class="snapshots">
            <h2>"版本"</h2>
            <p class="hint">"把当前内容另存为一个版本（如“征求意见稿”“报送稿”），以后可以随时恢复；恢复时当前内容也会先另存为一个版本。"</p>
            <div class="add-snapshot">
                <input type="text" class="snapshot-name" placeholder="版本名称，如：报送稿" aria-label="版本名称"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" && !ev.is_composing() { add(); }/>
                <button class="save-snapshot" on:click=move |_| add()>"保存为版本"</button>
            </div>
            <ul class="snapshot-list">
                {move || state.snapshots().into_iter().rev().map(|s| {
                    let time = s.time;
                    let i = time.to_bits();
                    view! {
                    <li class="snapshot">
                        <span class="snapshot-title">{s.name.clone()}</span>
                        <span class="snapshot-time">{browser::local_time(s.time)}</span>
                        <Show when=move || confirm.get() == Some(i)
                            fallback=move || view! {
                                <button class="small restore-snapshot" on:click=move |_| confirm.set(Some(i))>"恢复"</button>
                            }>
                            <span class="confirm">"用此版本替换当前内容？"</span>
                            <button class="small danger confirm-restore" on:click=move |_| { confirm.set(None); state.restore_snapshot(time); }>"恢复"</button>
                            <button class="small" on:click=move |_| confirm.set(None)>"取消"</button>
                        </Show>
                        <button class="small remove-snapshot" on:click=move |_| state.remove_snapshot(time)>"删除"</button>
                    </li>
                }}).collect_view()}
            </ul>
            <Show when=move || { state.snapshots().len() > KEEP_RECENT }>
                <p class="prune">
                    {move || format!("共 {} 个版本，占用约 {} KB。", state.snapshots().len(), state.open_plan_usage().1 * 2 / 1024)}
                    <button class="small prune-snapshots" on:click=move |_| state.prune_snapshots(KEEP_RECENT)>
                        {format!("只保留最近 {KEEP_RECENT} 个版本")}
                    </button>
                </p>
            </Show>
        </section>
    }
}
