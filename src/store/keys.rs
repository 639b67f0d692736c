//! The key layout of everything Yaodian keeps in the browser. No other file spells a key: the
//! library, the UI (panic notice, two-tab events, drafts) and the tests all ask here.
//!
//! ```text
//! yaodian/index              the list of plans (and the trash)
//! yaodian/plan/<id>          one plan, with its revision
//! yaodian/snapshots/<id>     the named versions of one plan
//! yaodian/roster             the office's leaders and departments
//! yaodian/templates          the office's own templates (本单位模板)
//! yaodian/packets            packets received from another office, being filled in
//! yaodian/aside/<key>        a value that could not be read, kept as it was found
//! yaodian/draft/<id>         (session storage) an open plan that could not be saved
//! ```

/// Every key Yaodian writes starts with this.
pub const PREFIX: &str = "yaodian/";
pub const INDEX: &str = "yaodian/index";
pub const ROSTER: &str = "yaodian/roster";
pub const TEMPLATES: &str = "yaodian/templates";
pub const PACKETS: &str = "yaodian/packets";
const PLAN: &str = "yaodian/plan/";
const SNAPSHOTS: &str = "yaodian/snapshots/";
const ASIDE: &str = "yaodian/aside/";
const DRAFT: &str = "yaodian/draft/";

/// The name of the Web Lock every tab holds while it checks and writes (`navigator.locks`).
pub const LOCK: &str = "yaodian/store";

pub fn plan(id: &str) -> String {
    format!("{PLAN}{id}")
}

pub fn snapshots(id: &str) -> String {
    format!("{SNAPSHOTS}{id}")
}

/// Where a value that could not be read is kept.
pub fn aside(key: &str) -> String {
    format!("{ASIDE}{key}")
}

/// A file name for a stored value downloaded as it is (`yaodian_aside_yaodian_plan_x.txt`).
pub fn file_name(key: &str) -> String {
    format!("{}.txt", key.replace('/', "_"))
}

/// Where an open plan that could not be saved waits (in session storage).
pub fn draft(id: &str) -> String {
    format!("{DRAFT}{id}")
}

/// What a key holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Index,
    Roster,
    Templates,
    Packets,
    Plan(String),
    Snapshots(String),
    /// A value set aside; the key it was found under.
    Aside(String),
    Draft(String),
}

impl Kind {
    /// The kind of a stored key; None for keys that are not Yaodian's.
    pub fn of(key: &str) -> Option<Kind> {
        if key == INDEX {
            return Some(Kind::Index);
        }
        if key == ROSTER {
            return Some(Kind::Roster);
        }
        if key == TEMPLATES {
            return Some(Kind::Templates);
        }
        if key == PACKETS {
            return Some(Kind::Packets);
        }
        let rest = |prefix: &str| {
            key.strip_prefix(prefix)
                .filter(|r| !r.is_empty())
                .map(str::to_string)
        };
        if let Some(original) = rest(ASIDE) {
            return Some(Kind::Aside(original));
        }
        // Ids never contain a slash.
        let id = |prefix: &str| rest(prefix).filter(|id| !id.contains('/'));
        id(PLAN)
            .map(Kind::Plan)
            .or_else(|| id(SNAPSHOTS).map(Kind::Snapshots))
            .or_else(|| id(DRAFT).map(Kind::Draft))
    }

    /// The plan a per-plan key belongs to.
    pub fn plan_id(&self) -> Option<&str> {
        match self {
            Kind::Plan(id) | Kind::Snapshots(id) | Kind::Draft(id) => Some(id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_names_its_kind() {
        assert_eq!(Kind::of(INDEX), Some(Kind::Index));
        assert_eq!(Kind::of(ROSTER), Some(Kind::Roster));
        assert_eq!(Kind::of(TEMPLATES), Some(Kind::Templates));
        assert_eq!(Kind::of(PACKETS), Some(Kind::Packets));
        assert_eq!(Kind::of(&plan("a1")), Some(Kind::Plan("a1".into())));
        assert_eq!(
            Kind::of(&snapshots("a1")),
            Some(Kind::Snapshots("a1".into()))
        );
        assert_eq!(Kind::of(&draft("a1")), Some(Kind::Draft("a1".into())));
        assert_eq!(Kind::of(&aside(&plan("a1"))), Some(Kind::Aside(plan("a1"))));
        assert_eq!(
            file_name(&aside(&plan("a1"))),
            "yaodian_aside_yaodian_plan_a1.txt"
        );
        assert_eq!(Kind::of("yaodian/plan/"), None);
        assert_eq!(Kind::of("yaodian/plan/a/b"), None);
        assert_eq!(Kind::of("junk/1"), None);
    }
}
