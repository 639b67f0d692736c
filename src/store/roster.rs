//! The office's roster, kept once for all plans. Tabs change it as changes re-applied on the
//! latest stored roster, so two tabs adding names keep both.

use serde::{Deserialize, Serialize};

use super::envelope;
use super::keys;
use super::{Library, Store, StoreError};
use crate::plan::roster::Roster;

#[derive(Default, Serialize, Deserialize)]
pub(super) struct RosterValue {
    pub roster: Roster,
}

impl<S: Store> Library<S> {
    /// The stored roster (empty when there is none, or when it cannot be read: then it is
    /// kept aside or left alone, and changing it says why it cannot).
    pub fn roster(&self) -> Roster {
        self.store
            .get(keys::ROSTER)
            .and_then(|raw| envelope::read::<RosterValue>(&raw).ok())
            .map(|v| v.roster)
            .unwrap_or_default()
    }

    /// Applies `change` to the roster as stored now and stores it when it changed. Returns the
    /// stored roster and what `change` returned; on failure nothing was written.
    pub fn change_roster<T>(
        &mut self,
        change: impl FnOnce(&mut Roster) -> T,
    ) -> Result<(Roster, T), StoreError> {
        let mut roster = self
            .read_for_change(keys::ROSTER, envelope::read::<RosterValue>)?
            .map(|v| v.roster)
            .unwrap_or_default();
        let before = roster.clone();
        let out = change(&mut roster);
        if roster != before {
            let value = envelope::write(RosterValue {
                roster: roster.clone(),
            });
            self.write_over(keys::ROSTER, &value)?;
        }
        Ok((roster, out))
    }
}
