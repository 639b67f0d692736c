//! The plan file: the JSON the app exports as a backup, the CLI reads, and storage keeps.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::model::Plan;

/// Marks a JSON document as a Yaodian plan.
pub const FORMAT: &str = "yaodian-plan";

/// The schema version of everything this build writes (plan files and stored values). Bump it
/// with a step in [`MIGRATIONS`] when the stored form changes; keep a fixture of every released
/// version in `tests/fixtures/storage/`.
///
/// - 1: the first release (plans, index, roster).
/// - 2: tasks carry a ledger (status, notes, completion) and per-year targets; stored plans carry
///   a revision counter (two tabs); snapshots and the aside list are stored values.
/// - 3: nodes say where they were copied from (`origin`); the office's own templates are a
///   stored value (`yaodian/templates`) and part of the library backup.
/// - 4: the roster's font choice.
/// - 5: the plan's follow-up (`follow`: identity, rounds, returns, warning days, calendar); notes
///   say who reported them; a task keeps the deadlines it was extended from.
pub const SCHEMA: u32 = 5;

/// One step per version: `MIGRATIONS[n]` turns a version `n + 1` value into version `n + 2`.
/// Each step works on the JSON form, so old values never need old Rust types.
const MIGRATIONS: [fn(&mut serde_json::Value); 4] = [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// 1 → 2: the new fields all have defaults; a stored plan starts at revision 0.
fn v1_to_v2(value: &mut serde_json::Value) {
    if let Some(object) = value.as_object_mut() {
        if object.contains_key("plan") {
            object.entry("revision").or_insert(0.into());
        }
    }
}

/// 2 → 3: `origin` and the templates are new and have defaults; nothing to change. (A build of
/// schema 2 reads a value of 3 as newer, so it never saves over an `origin` it would drop.)
fn v2_to_v3(_value: &mut serde_json::Value) {}

/// 3 → 4: the roster's font choice is new and has a default; nothing to change. (A build of
/// schema 3 reads a value of 4 as newer, so it never saves over a choice it would drop.)
fn v3_to_v4(_value: &mut serde_json::Value) {}

/// 4 → 5: the follow-up, note authors and extensions are new and have defaults; nothing to
/// change. (A build of schema 4 reads a value of 5 as newer, so it never saves over a round or a
/// return it would drop.)
fn v4_to_v5(_value: &mut serde_json::Value) {}

/// Brings a versioned JSON value (anything with a `schema` field) up to [`SCHEMA`].
pub fn migrate(value: &mut serde_json::Value) -> Result<(), FileError> {
    let schema = value
        .get("schema")
        .and_then(|s| s.as_u64())
        .ok_or_else(|| FileError::Damaged("缺少数据版本".into()))?;
    if schema > u64::from(SCHEMA) {
        return Err(FileError::TooNew(schema as u32));
    }
    if schema == 0 {
        return Err(FileError::Damaged("数据版本不正确".into()));
    }
    for step in &MIGRATIONS[schema as usize - 1..] {
        step(value);
    }
    value["schema"] = SCHEMA.into();
    Ok(())
}

#[derive(Serialize)]
struct Envelope<P> {
    format: String,
    schema: u32,
    plan: P,
}

/// Why a plan file could not be read, worded for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    NotJson(String),
    NotAPlan,
    TooNew(u32),
    Damaged(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::NotJson(detail) => write!(f, "文件不是有效的 JSON：{detail}"),
            FileError::NotAPlan => f.write_str("这不是要点导出的计划文件（缺少 yaodian-plan 标记）"),
            FileError::TooNew(schema) => write!(
                f,
                "该文件由较新版本的要点生成（数据版本 {schema}，本程序支持 {SCHEMA}），请更新后再打开"
            ),
            FileError::Damaged(detail) => write!(f, "计划文件内容不完整或已损坏：{detail}"),
        }
    }
}

impl std::error::Error for FileError {}

/// Writes the plan file, pretty-printed.
pub fn to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(&Envelope {
        format: FORMAT.to_string(),
        schema: SCHEMA,
        plan,
    })
    .expect("a plan always serialises")
}

/// What a JSON text says it is, read without building the document: its format mark and schema.
#[derive(Deserialize, Default)]
pub(crate) struct Head {
    format: Option<String>,
    schema: Option<u64>,
}

impl Head {
    /// The head of `text`, empty when it is not a JSON object (the full reader then says why).
    pub(crate) fn of(text: &str) -> Head {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// Whether the text is of this build's schema (and, if given, has this format mark): then
    /// its values are read straight from the text, with no migration to run.
    pub(crate) fn is_current(&self, format: Option<&str>) -> bool {
        self.schema == Some(u64::from(SCHEMA))
            && format.is_none_or(|format| self.format.as_deref() == Some(format))
    }
}

/// Reads `T` from a migrated value through its text: one reader per type in the wasm (serde_json's
/// reader of text, which the current schema's values take straight), not a second from `Value`.
pub(crate) fn from_migrated<T: DeserializeOwned>(
    value: &serde_json::Value,
) -> serde_json::Result<T> {
    serde_json::from_str(&value.to_string())
}

/// A plan file's plan, read straight from the text (the other fields are its head's).
#[derive(Deserialize)]
struct PlanOnly {
    plan: Option<Plan>,
}

/// Reads a plan file, checking its format mark and schema version.
pub fn from_json(text: &str) -> Result<Plan, FileError> {
    let text = text.trim_start_matches('\u{feff}');
    if Head::of(text).is_current(Some(FORMAT)) {
        let file: PlanOnly =
            serde_json::from_str(text).map_err(|e| FileError::Damaged(e.to_string()))?;
        return checked(file.plan);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| FileError::NotJson(e.to_string()))?;
    from_value(value)
}

/// Reads a parsed plan file: format mark, schema (migrated), plan.
fn from_value(mut value: serde_json::Value) -> Result<Plan, FileError> {
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(FileError::NotAPlan);
    }
    migrate(&mut value)?;
    let plan = match value.get("plan") {
        Some(plan) => Some(from_migrated(plan).map_err(|e| FileError::Damaged(e.to_string()))?),
        None => None,
    };
    checked(plan)
}

fn checked(plan: Option<Plan>) -> Result<Plan, FileError> {
    let mut plan = plan.ok_or_else(|| FileError::Damaged("缺少计划内容".into()))?;
    // Ids must stay unique: never trust next_id from outside.
    plan.repair_next_id();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_clear_errors() {
        let plan = Plan {
            title: "2020年全市卫生健康工作要点".into(),
            ..Plan::default()
        };
        assert_eq!(from_json(&to_json(&plan)), Ok(plan));
        assert!(matches!(from_json("{"), Err(FileError::NotJson(_))));
        assert_eq!(from_json("{\"a\":1}"), Err(FileError::NotAPlan));
        assert_eq!(
            from_json("{\"format\":\"yaodian-plan\",\"schema\":99,\"plan\":{}}"),
            Err(FileError::TooNew(99))
        );
        assert!(matches!(
            from_json("{\"format\":\"yaodian-plan\",\"schema\":1,\"plan\":{\"nodes\":5}}"),
            Err(FileError::Damaged(_))
        ));
    }
}
