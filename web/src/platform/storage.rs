//! [`Store`] over the browser's localStorage (through gloo-storage).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use yaodian::store::{Store, StoreError};

/// The browser's localStorage. Holds no state: every call goes to the browser.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    // `LocalStorage::raw` panics when storage is switched off; ask the window first.
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("没有窗口".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StoreError::Unavailable("浏览器禁止了本地存储".into())),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        // After a panic nothing more is written, whatever the kind of value.
        if crate::panic::panicked() {
            return Err(StoreError::Unavailable("程序出错后已停止保存".into()));
        }
        storage()?.set_item(key, value).map_err(|error| {
            let name = error
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StoreError::Full
            } else {
                StoreError::Unavailable(if name.is_empty() {
                    "写入失败".into()
                } else {
                    name
                })
            }
        })
    }

    fn remove(&mut self, key: &str) {
        if crate::panic::panicked() {
            return;
        }
        if let Ok(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Ok(storage) = storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}

/// The tab's session storage, where an open plan that could not be saved waits as a draft
/// (`yaodian::store::keys::draft`): it survives a reload of the tab, and has its own quota.
pub mod drafts {
    use yaodian::store::keys::{self, Kind};
    use yaodian::store::{draft_json, read_draft};
    use yaodian::Plan;

    fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    /// Keeps a draft; false when even session storage refused it.
    pub fn keep(id: &str, plan: &Plan, base: u64) -> bool {
        if crate::panic::panicked() {
            return false;
        }
        session().is_some_and(|s| {
            s.set_item(&keys::draft(id), &draft_json(plan, base))
                .is_ok()
        })
    }

    pub fn drop(id: &str) {
        if let Some(s) = session() {
            let _ = s.remove_item(&keys::draft(id));
        }
    }

    /// Every draft kept in this tab: (plan id, plan, base revision).
    pub fn all() -> Vec<(String, Plan, u64)> {
        let Some(s) = session() else {
            return Vec::new();
        };
        let count = s.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter_map(|key| {
                let Some(Kind::Draft(id)) = Kind::of(&key) else {
                    return None;
                };
                let (plan, base) = read_draft(&s.get_item(&key).ok()??)?;
                Some((id, plan, base))
            })
            .collect()
    }
}
