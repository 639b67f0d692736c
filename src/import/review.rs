//! The user's review of an import before the plan is created: the notice fields as found, each
//! with the input line it came from and correctable; the dropped lines, any of which can be taken
//! back in; and what could not be placed. [`Review::apply`] re-imports with the lines taken back
//! and then puts the corrected fields in, so what the user saw and changed is what is created.

use std::collections::{BTreeMap, BTreeSet};

use super::lines::normalize;
use super::{import_keeping, Diagnostic, Imported, Severity};
use crate::plan::model::{NoticeField, Plan};

/// What the user changed in the import dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// Input lines (1-based) dropped as page furniture that the user took back in.
    pub keep: BTreeSet<usize>,
    /// Notice fields the user corrected; an empty value clears the field.
    pub fields: BTreeMap<NoticeField, String>,
}

/// A notice field as the dialog shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundField {
    pub field: NoticeField,
    pub value: String,
    /// The value the importer found (what "undo the correction" goes back to).
    pub as_found: String,
    /// The input line (1-based) the importer read it from, and that line's text; None for a
    /// value the user typed.
    pub source: Option<(usize, String)>,
    /// The user corrected it.
    pub corrected: bool,
}

/// The import as reviewed.
#[derive(Clone, Debug, PartialEq)]
pub struct Reviewed {
    pub imported: Imported,
    /// The notice fields that are set (as found or as corrected), in the notice's order.
    pub fields: Vec<FoundField>,
}

impl Reviewed {
    pub fn plan(&self) -> &Plan {
        &self.imported.plan
    }

    /// The lines dropped as page furniture (the user may take them back in).
    pub fn dropped(&self) -> impl Iterator<Item = &Diagnostic> {
        self.of(Severity::Ignored)
    }

    /// The text that is in no part of the plan.
    pub fn unplaced(&self) -> impl Iterator<Item = &Diagnostic> {
        self.of(Severity::Unplaced)
    }

    /// What to check: kept, but maybe not where the author meant it.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.of(Severity::Warning)
    }

    fn of(&self, severity: Severity) -> impl Iterator<Item = &Diagnostic> {
        self.imported
            .diagnostics
            .iter()
            .filter(move |d| d.severity == severity)
    }
}

impl Review {
    /// Imports `input` with the lines taken back in, then puts in the corrected fields.
    pub fn apply(&self, input: &str) -> Reviewed {
        let mut imported = import_keeping(input, &self.keep);
        let found: Vec<(NoticeField, String)> = NoticeField::ALL
            .iter()
            .map(|&f| (f, imported.plan.notice.get(f).to_string()))
            .collect();
        for (field, value) in &self.fields {
            *imported.plan.notice.get_mut(*field) = value.trim().to_string();
        }
        let converted = super::lines::simplified(input);
        let lines: Vec<(usize, String)> = converted
            .as_deref()
            .unwrap_or(input)
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, normalize(l)))
            .collect();
        let fields = found
            .into_iter()
            .filter_map(|(field, as_found)| {
                let value = imported.plan.notice.get(field).to_string();
                // A field the user cleared stays in the list, so that it can be undone.
                if value.is_empty() && !self.fields.contains_key(&field) {
                    return None;
                }
                let corrected = self.fields.contains_key(&field) && value != as_found;
                let source = (!corrected).then(|| source_line(&lines, &value)).flatten();
                Some(FoundField {
                    field,
                    value,
                    as_found,
                    source,
                    corrected,
                })
            })
            .collect();
        Reviewed { imported, fields }
    }

    /// Takes a dropped line back in, or lets it go again.
    pub fn toggle_line(&mut self, line: usize) {
        if !self.keep.remove(&line) {
            self.keep.insert(line);
        }
    }

    /// Corrects a field; setting it back to what was found forgets the correction.
    pub fn correct(&mut self, field: NoticeField, value: &str, as_found: &str) {
        if value.trim() == as_found.trim() {
            self.fields.remove(&field);
        } else {
            self.fields.insert(field, value.to_string());
        }
    }
}

/// The first input line a field's value was read from: the line holding the value's first
/// words, or the first line of a value wrapped over several.
fn source_line(lines: &[(usize, String)], value: &str) -> Option<(usize, String)> {
    let first = value.lines().next().unwrap_or(value);
    let head: String = first.chars().take(16).collect();
    lines
        .iter()
        .find(|(_, line)| {
            line.contains(&head) || (line.chars().count() >= 4 && first.starts_with(line.as_str()))
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "索引号：11330782/2021-374107 公开方式：主动公开\n关于印发2021年卫生健康工作要点的通知\n文号：义卫发〔2021〕5号\n各科室：\n现将要点印发给你们。\n义乌市卫生健康局\n2021年3月1日\n一、加强党建\n（一）落实责任。全年推进。\n实时掌握救护车的当前位置\n";

    #[test]
    fn fields_come_with_their_lines_and_corrections_are_kept() {
        let mut review = Review::default();
        let reviewed = review.apply(PAGE);
        // The number stood in the page's information block, which is dropped: its line is named.
        let number = &reviewed.fields[0];
        assert_eq!(number.field, NoticeField::DocNumber);
        assert_eq!(number.value, "义卫发〔2021〕5号");
        assert_eq!(number.source.as_ref().map(|s| s.0), Some(3));
        let recipients = reviewed
            .fields
            .iter()
            .find(|f| f.field == NoticeField::Recipients)
            .unwrap();
        assert_eq!(recipients.source.as_ref().map(|s| s.0), Some(4));
        review.correct(NoticeField::Recipients, "局机关各科室", "各科室");
        let reviewed = review.apply(PAGE);
        assert_eq!(reviewed.plan().notice.recipients, "局机关各科室");
        let recipients = reviewed
            .fields
            .iter()
            .find(|f| f.field == NoticeField::Recipients)
            .unwrap();
        assert!(recipients.corrected && recipients.source.is_none());
        review.correct(NoticeField::Recipients, "", "各科室");
        let reviewed = review.apply(PAGE);
        assert_eq!(reviewed.plan().notice.recipients, "");
        let cleared = reviewed
            .fields
            .iter()
            .find(|f| f.field == NoticeField::Recipients);
        assert!(cleared.is_some_and(|f| f.corrected && f.value.is_empty()));
        review.correct(NoticeField::Recipients, "各科室", "各科室");
        assert!(review.fields.is_empty());
    }

    #[test]
    fn a_dropped_line_taken_back_is_in_the_plan() {
        let mut review = Review::default();
        let reviewed = review.apply(PAGE);
        let dropped: Vec<usize> = reviewed.dropped().map(|d| d.line).collect();
        assert!(dropped.contains(&10), "{dropped:?}");
        review.toggle_line(10);
        let reviewed = review.apply(PAGE);
        assert!(!reviewed.dropped().any(|d| d.line == 10));
        let task = &reviewed.plan().nodes[0].children[0];
        assert!(task.body.contains("实时掌握救护车的当前位置"), "{task:?}");
        review.toggle_line(10);
        assert!(review.keep.is_empty());
    }
}
