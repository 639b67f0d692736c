//! The text export and the outline of a plan equal the expected files.

use crate::common::fixture;
use yaodian::export::outline::outline;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::plan::file;

#[test]
fn notice_text_equals_expected_file() {
    let plan = file::from_json(&fixture("tongxin-excerpt.json")).unwrap();
    assert_eq!(
        notice_text(&plan, TextOptions::default()),
        fixture("tongxin-excerpt.txt")
    );
}

#[test]
fn without_indent_no_line_starts_with_full_width_spaces() {
    let plan = file::from_json(&fixture("tongxin-excerpt.json")).unwrap();
    let text = notice_text(
        &plan,
        TextOptions {
            indent: false,
            ..Default::default()
        },
    );
    assert!(text.lines().all(|l| !l.starts_with('\u{3000}')));
    assert_eq!(
        text.replace('\u{3000}', ""),
        fixture("tongxin-excerpt.txt").replace('\u{3000}', "")
    );
}

#[test]
fn outline_equals_expected_file() {
    let plan = file::from_json(&fixture("tongxin-excerpt.json")).unwrap();
    assert_eq!(outline(&plan), fixture("tongxin-excerpt.outline"));
}
