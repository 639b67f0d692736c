//! An open plan that could not be saved (storage full, the plan removed elsewhere), kept in
//! the tab's session storage under [`super::keys::draft`] so that a reload offers it back.
//! Session storage has its own quota, so a full localStorage does not stop it.

use serde::{Deserialize, Serialize};

use crate::plan::file;
use crate::plan::model::Plan;

/// What a draft holds: the plan file and the stored revision its changes were made on.
#[derive(Serialize, Deserialize)]
struct DraftValue {
    base: u64,
    /// A plan file ([`file::to_json`]).
    plan: String,
}

pub fn draft_json(plan: &Plan, base: u64) -> String {
    serde_json::to_string(&DraftValue {
        base,
        plan: file::to_json(plan),
    })
    .expect("a draft always serialises")
}

/// The plan and its base revision; None when the value is not a draft this build can read.
pub fn read_draft(raw: &str) -> Option<(Plan, u64)> {
    let value: DraftValue = serde_json::from_str(raw).ok()?;
    Some((file::from_json(&value.plan).ok()?, value.base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_reads_back() {
        let plan = Plan {
            title: "未保存的计划".into(),
            ..Plan::default()
        };
        assert_eq!(read_draft(&draft_json(&plan, 7)), Some((plan, 7)));
        assert_eq!(read_draft("{"), None);
    }
}
