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
