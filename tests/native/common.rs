//! What the native tests share: the real samples and fixtures, and the XML parts of a zip.

use std::io::Read;

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("tests/fixtures/{name}: {e}"))
}

/// A real plan under `tests/fixtures/samples/` (without its `.txt`).
pub fn sample(name: &str) -> String {
    fixture(&format!("samples/{name}.txt"))
}

/// One part of a zip (a .docx or .xlsx) as text.
pub fn part(zip: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The XML of every `<tag ...>...</tag>` element (not nested in itself).
pub fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}>");
    let open_attr = format!("<{tag} ");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    loop {
        let start = match (rest.find(&open), rest.find(&open_attr)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let Some(end) = rest[start..].find(&close) else {
            break;
        };
        out.push(&rest[start..start + end + close.len()]);
        rest = &rest[start + end + close.len()..];
    }
    out
}

/// The text of the `w:t` runs in a piece of WordprocessingML, entities decoded.
pub fn text_of(element: &str) -> String {
    elements(element, "w:t")
        .iter()
        .map(|t| unescape(&t[t.find('>').unwrap() + 1..t.len() - "</w:t>".len()]))
        .collect()
}

/// XML's five entities decoded.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Punctuation of the other width (`，` ↔ `,`, `：` ↔ `:`, brackets), as copies swap it.
pub fn swap_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            ',' => '，',
            '：' => ':',
            ':' => '：',
            '（' => '(',
            '(' => '（',
            '）' => ')',
            ')' => '）',
            '；' => ';',
            other => other,
        })
        .collect()
}
