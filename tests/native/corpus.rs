//! The real-world corpus (tests/fixtures/corpus/: openings of public pages, each with its
//! source address and an outline written by reading it): every text imports to its expected
//! outline, except at most three listed in `accepted.txt`, each with the reason a reader would
//! accept (the text is ambiguous even to a reader). A listed text that now imports right must
//! leave the list, and any other mismatch fails.

use std::collections::BTreeMap;

use yaodian::export::outline::outline;
use yaodian::import::import_text;

fn corpus() -> BTreeMap<String, (String, String)> {
    let dir = format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") && path.with_extension("outline").exists() {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let want = std::fs::read_to_string(path.with_extension("outline")).unwrap();
            assert!(
                path.with_extension("source").exists(),
                "{name}: every text names its source"
            );
            out.insert(name, (text, want));
        }
    }
    out
}

/// `name<TAB>why` per line: the texts whose mismatch is accepted, and why.
fn accepted() -> BTreeMap<String, String> {
    crate::common::fixture("corpus/accepted.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, why) = l.split_once('\t').unwrap_or((l, ""));
            (name.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

#[test]
fn every_corpus_text_imports_to_its_outline() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "{} texts", corpus.len());
    let listed = accepted();
    assert!(
        listed.len() <= 3,
        "at most 3 accepted mismatches, accepted.txt lists {}",
        listed.len()
    );
    let mut matched = 0;
    let mut failures = Vec::new();
    for (name, (text, want)) in &corpus {
        let got = outline(&import_text(text).plan);
        let same = got.trim_end() == want.trim_end();
        matched += usize::from(same);
        match (same, listed.get(name)) {
            (true, Some(_)) => failures.push(format!(
                "{name} now imports right: take it off accepted.txt"
            )),
            (false, None) => failures.push(format!(
                "{name} does not import to its outline:\n--- want\n{want}\n--- got\n{got}"
            )),
            _ => {}
        }
    }
    for name in listed.keys() {
        if !corpus.contains_key(name) {
            failures.push(format!(
                "accepted.txt names {name}, which is not in the corpus"
            ));
        }
    }
    println!(
        "corpus: {matched} of {} texts import to their outline exactly",
        corpus.len()
    );
    for (name, why) in &listed {
        println!("corpus: accepted mismatch {name}: {why}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
