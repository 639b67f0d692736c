//! The library page's 数据安全 section: how much storage is used, whether the browser keeps it,
//! whole-library backup and restore, and values that could not be read.

use leptos::prelude::*;
use yaodian::store::{Backup, Existing, QUOTA_UNITS};

use crate::browser;
use crate::state::use_state;

#[component]
pub fn StoragePanel() -> impl IntoView {
    let state = use_state();
    let usage = Memo::new(move |_| state.library.with(|l| l.usage()));
    let percent = move || (usage.get() * 100).div_ceil(QUOTA_UNITS).min(100);
    let aside = move || state.library.with(|l| l.aside());
    let read_only = move || state.library.with(|l| l.read_only.clone());
    // A backup waiting for the answer to "replace existing plans?".
    let pending = RwSignal::new(None::<(Backup, Vec<String>)>);

    let on_backup_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_file(file).await {
                Ok(text) => {
                    if let Some((backup, conflicts)) = state.read_backup(&text) {
                        if conflicts.is_empty() {
                            state.import_backup(&backup, Existing::Skip);
                        } else {
                            pending.set(Some((backup, conflicts)));
                        }
                    }
                }
                Err(e) => state.error(format!("无法读取备份文件，未做任何修改：{e}")),
            }
        });
    };
    let answer = move |existing: Option<Existing>| {
        if let (Some((backup, _)), Some(existing)) = (pending.get_untracked(), existing) {
            state.import_backup(&backup, existing);
        }
        pending.set(None);
    };

    view! {
        <section class="storage-panel">
            <h2>"数据安全"</h2>
            {move || read_only().map(|reason| view! { <p class="storage-warning" role="alert">{reason}</p> })}
            <div class="usage">
                <meter class="usage-meter" min="0" max="100" low="70" high="90" optimum="0"
                    value=move || percent().to_string()></meter>
                <span class="usage-text">{move || format!(
                    "浏览器存储已用约 {:.1} MB（约 {}%）", usage.get() as f64 * 2.0 / 1_048_576.0, percent()
                )}</span>
            </div>
            <p class="persist-status">{move || match state.persisted.get() {
                None => "正在向浏览器申请持久存储……".to_string(),
                Some(true) => "浏览器已同意持久保存本站数据（清理缓存时不会自动删除）。".to_string(),
                Some(false) => "浏览器未同意持久保存：清理浏览数据时，本机数据可能被删除，请定期备份。".to_string(),
            }}</p>
            <div class="library-actions">
                <button id="export-library" on:click=move |_| state.export_library()>"备份全部数据"</button>
                <label class="button">
                    "从备份恢复"
                    <input type="file" id="import-library" accept=".json,application/json" class="visually-hidden" on:change=on_backup_file/>
                </label>
            </div>
            {move || pending.get().map(|(_, conflicts)| view! {
                <div class="dialog backup-conflicts" role="dialog" aria-label="备份中有已存在的计划">
                    <p>{format!("备份中有 {} 个计划在本机已经存在：{}。如何处理？", conflicts.len(), conflicts.join("、"))}</p>
                    <div class="dialog-buttons">
                        <button class="keep-existing" on:click=move |_| answer(Some(Existing::Skip))>"保留本机的，跳过这些"</button>
                        <button class="keep-both" on:click=move |_| answer(Some(Existing::Copy))>"两份都保留（备份的另存为副本）"</button>
                        <button class="danger replace-existing" on:click=move |_| answer(Some(Existing::Replace))>"用备份覆盖本机的"</button>
                        <button class="cancel-import" on:click=move |_| answer(None)>"取消"</button>
                    </div>
                </div>
            })}
            <Show when=move || !aside().is_empty()>
                <div class="aside-list" role="alert">
                    <p>"以下数据无法读取，已另存（原数据未被覆盖）。可下载后交技术人员检查，确认无用后删除："</p>
                    <ul>
                        {move || aside().into_iter().map(|item| {
                            let download = item.key.clone();
                            let remove = item.key.clone();
                            view! {
                                <li class="aside-item">
                                    <code>{item.original.clone()}</code>
                                    {format!("（{} 字节）", item.size)}
                                    <button class="small download-aside" on:click=move |_| state.download_aside(&download)>"下载原始数据"</button>
                                    <button class="small danger remove-aside" on:click=move |_| state.remove_aside(&remove)>"删除"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
        </section>
    }
}
