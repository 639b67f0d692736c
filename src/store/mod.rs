//! Storage behind one small interface: the browser implements [`Store`] over localStorage,
//! tests use [`MemoryStore`]. [`Library`] keeps the office's plans and roster on top of it;
//! [`keys`] owns the key layout, `envelope` the versioned form of every value.

mod backup;
mod draft;
mod envelope;
pub mod keys;
mod library;
mod packets;
mod roster;
mod snapshots;
mod templates;

pub use backup::{backup_file_name, Backup, Existing, ImportReport};
pub use draft::{draft_json, read_draft};
pub use envelope::stored_revision;
pub use library::{Aside, Library, LoadError, PlanMeta};
pub use snapshots::{snapshot_name, Snapshot, KEEP_RECENT};

/// localStorage holds about this many UTF-16 units per site in Chromium and Firefox: what
/// usage is measured against.
pub const QUOTA_UNITS: usize = 5_000_000;

use std::collections::BTreeMap;

/// Why a write failed, worded for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is used up.
    Full,
    /// Storage is switched off or unavailable (private mode, policy).
    Unavailable(String),
    /// The value read back after writing is not the one written.
    Unverified,
    /// Another tab changed the value since this one read it.
    Conflict,
    /// The plan is no longer stored (removed in another tab, or replaced by a value this build
    /// cannot save over: unreadable, then kept aside, or a newer version's).
    Gone,
    /// The value was written by a newer version of Yaodian: this build never replaces it.
    Newer,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => f.write_str(
                "浏览器存储空间已满，本次修改未能保存。请先导出计划文件备份，再删除回收站或不用的计划。",
            ),
            StoreError::Unavailable(detail) => write!(
                f,
                "浏览器存储不可用（{detail}），本次修改未能保存。请导出计划文件备份。"
            ),
            StoreError::Unverified => f.write_str(
                "写入浏览器存储后读回的内容不一致，本次修改可能未能保存。请导出计划文件备份。",
            ),
            StoreError::Conflict => f.write_str("此数据已在另一个窗口中修改，请重试"),
            StoreError::Gone => f.write_str("此计划已不在本浏览器的存储中（可能已在另一个窗口中删除）"),
            StoreError::Newer => f.write_str(
                "该数据由较新版本的要点写入，本程序不能修改它，以免损坏。请使用新版本。",
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store, like localStorage.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str);
    /// Every key present.
    fn keys(&self) -> Vec<String>;
}

/// An in-memory store, optionally with a byte quota to test full storage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub values: BTreeMap<String, String>,
    pub quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(bytes: usize) -> Self {
        MemoryStore {
            values: BTreeMap::new(),
            quota: Some(bytes),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.values
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        self.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.values.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.values.keys().cloned().collect()
    }
}
