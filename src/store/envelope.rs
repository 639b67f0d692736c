//! The versioned envelope every stored value is written in, and reading it back: every kind
//! of value carries `schema` (plans also `format` and `revision`), is migrated on load by
//! [`file::migrate`], and is classified the same way: readable, unreadable, or newer.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::keys::Kind;
use crate::plan::file::{self, FileError, SCHEMA};
use crate::plan::model::Plan;

/// A stored value with its schema number beside its own fields.
#[derive(Serialize)]
struct Versioned<T> {
    schema: u32,
    #[serde(flatten)]
    value: T,
}

/// The stored form of a value of this build's schema.
pub(super) fn write<T: Serialize>(value: T) -> String {
    serde_json::to_string(&Versioned {
        schema: SCHEMA,
        value,
    })
    .expect("stored values always serialise")
}

/// A stored plan: the plan file plus the revision counter.
#[derive(Serialize)]
struct StoredPlan<'a> {
    format: &'static str,
    schema: u32,
    revision: u64,
    plan: &'a Plan,
}

pub(super) fn write_plan(plan: &Plan, revision: u64) -> String {
    serde_json::to_string(&StoredPlan {
        format: file::FORMAT,
        schema: SCHEMA,
        revision,
        plan,
    })
    .expect("a plan always serialises")
}

/// Reads a versioned value: of this build's schema straight from the text, of an older one
/// migrated first.
pub(super) fn read<T: DeserializeOwned>(raw: &str) -> Result<T, FileError> {
    if file::Head::of(raw).is_current(None) {
        // Its `schema` is one more field, which no stored type has: ignored.
        return serde_json::from_str(raw).map_err(|e| FileError::Damaged(e.to_string()));
    }
    let mut value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| FileError::NotJson(e.to_string()))?;
    file::migrate(&mut value)?;
    // Not through `Versioned<T>`: its flattened fields would be read through serde's buffered
    // `Content`, a second copy of every model type's reader in the wasm.
    if let Some(fields) = value.as_object_mut() {
        fields.remove("schema");
    }
    file::from_migrated(&value).map_err(|e| FileError::Damaged(e.to_string()))
}

/// The number a stored plan value carries, 0 when it has none (or cannot be read).
pub fn stored_revision(raw: &str) -> u64 {
    // This build writes `{"format":"yaodian-plan","schema":N,"revision":N,…`: read it there
    // without parsing the plan.
    let end = (0..=raw.len().min(96))
        .rev()
        .find(|&i| raw.is_char_boundary(i))
        .unwrap_or(0);
    let head = &raw[..end];
    if let Some(at) = head.find("\"revision\":") {
        let digits: String = head[at + 11..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(revision) = digits.parse() {
            return revision;
        }
    }
    serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("revision").and_then(|r| r.as_u64()))
        .unwrap_or(0)
}

#[derive(Deserialize)]
struct PacketsShape {
    #[allow(dead_code)]
    packets: Vec<serde::de::IgnoredAny>,
}

/// Whether this build can read a stored value of the given kind, and why not. Values set aside
/// and drafts are never parsed here: they are kept as they are.
pub(super) fn check(kind: &Kind, raw: &str) -> Result<(), FileError> {
    match kind {
        Kind::Plan(_) => file::from_json(raw).map(|_| ()),
        Kind::Index => read::<super::library::Index>(raw).map(|_| ()),
        Kind::Roster => read::<super::roster::RosterValue>(raw).map(|_| ()),
        Kind::Templates => super::templates::read(raw).map(|_| ()),
        // Only the shape: each packet is read where it is used (and set aside then if it
        // cannot be), so that the editor's first download carries no packet reader.
        Kind::Packets => read::<PacketsShape>(raw).map(|_| ()),
        Kind::Snapshots(_) => read::<super::snapshots::Snapshots>(raw).map(|_| ()),
        Kind::Aside(_) | Kind::Draft(_) => Ok(()),
    }
}
