//! The office's own templates, kept once for all plans. Tabs change them as changes applied
//! to the latest stored list, so two tabs saving templates keep both.

use serde::{Deserialize, Serialize};

use super::envelope;
use super::keys;
use super::{Library, Store, StoreError};
use crate::plan::file::FileError;
use crate::plan::office_templates::{self, OfficeTemplate};

#[derive(Default, Serialize, Deserialize)]
struct TemplatesValue {
    templates: Vec<OfficeTemplate>,
}

/// Reads the stored value: versioned, migrated, and every template checked.
pub(super) fn read(raw: &str) -> Result<Vec<OfficeTemplate>, FileError> {
    let value = envelope::read::<TemplatesValue>(raw)?;
    for template in &value.templates {
        office_templates::check(template)?;
    }
    Ok(value.templates)
}

impl<S: Store> Library<S> {
    /// The stored templates (none when there are none, or when they cannot be read: then the
    /// value is kept aside or left alone, and changing them says why it cannot).
    pub fn templates(&self) -> Vec<OfficeTemplate> {
        self.store
            .get(keys::TEMPLATES)
            .and_then(|raw| read(&raw).ok())
            .unwrap_or_default()
    }

    /// Applies `change` to the templates as stored now and stores them when they changed.
    /// Returns the stored list and what `change` returned; on failure nothing was written.
    pub fn change_templates<T>(
        &mut self,
        change: impl FnOnce(&mut Vec<OfficeTemplate>) -> T,
    ) -> Result<(Vec<OfficeTemplate>, T), StoreError> {
        let mut templates = self
            .read_for_change(keys::TEMPLATES, read)?
            .unwrap_or_default();
        let before = templates.clone();
        let out = change(&mut templates);
        if templates != before {
            let value = envelope::write(TemplatesValue {
                templates: templates.clone(),
            });
            self.write_over(keys::TEMPLATES, &value)?;
        }
        Ok((templates, out))
    }
}
