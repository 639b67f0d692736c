//! Import: the text of a plan or of its whole notice → a [`Plan`] plus diagnostics.
//!
//! Like a tolerant parser, [`import_text`] never fails: whatever it cannot place is reported
//! with the input line it came from, so no text is lost.
//!
//! Stages: [`lines`] (normalise, drop page noise) → paragraphs (re-join lines broken inside
//! sentences) → last year's summary set aside → [`notice`] (front matter and closing parts)
//! → [`structure`] (the numbered tree, fields, numbering styles).

#[cfg(feature = "office")]
pub mod docx;
pub mod fields;
pub mod holidays;
pub mod lines;
pub mod markers;
mod notice;
#[cfg(feature = "office")]
pub mod returns;
pub mod review;
mod structure;
pub mod table;
#[cfg(feature = "office")]
pub mod xlsx;

use std::collections::BTreeSet;

use crate::plan::model::Plan;
use lines::{is_noise, metadata, normalize, Line};

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Page furniture that was left out on purpose; the user may take the line back in.
    Ignored,
    /// Text that is in no part of the plan (the import dialog shows it).
    Unplaced,
    /// Text kept, but maybe not where the author meant it, or something to check.
    Warning,
    /// Text read into fields rather than kept as it stood (`A、B负责` as 牵头/配合, a table's
    /// header as its columns).
    Read,
}

/// Something the importer wants the user to know, pointing at an input line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line number in the input.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
    /// The input text concerned.
    pub text: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第{}行：{}", self.line, self.message)?;
        if !self.text.is_empty() {
            write!(f, "「{}」", excerpt(&self.text))?;
        }
        Ok(())
    }
}

fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(30).collect();
    if text.chars().count() > 30 {
        out.push('…');
    }
    out
}

/// The result of an import: always a plan, plus what could not be placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub diagnostics: Vec<Diagnostic>,
    /// Last year's summary found before this year's plan, kept apart (one paragraph per line).
    pub summary: String,
}

/// One paragraph: input lines re-joined where a sentence was broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Para {
    /// First input line.
    pub line: usize,
    pub text: String,
    /// The item's number when a table gave it (`text` is then the title alone).
    pub item: Option<markers::Marker>,
}

impl Para {
    /// Whether the paragraph opens a numbered item.
    pub fn starts_item(&self) -> bool {
        self.item.is_some() || structure::starts_item(&self.text)
    }
}

/// Whether file bytes are not text at all (an image, an archive, a program): NUL bytes, or many
/// control characters, in the first 64 KB.
pub fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(65536)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len().max(1)
}

/// Which office file a zip archive is, from the names of its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeFile {
    Docx,
    Xlsx,
}

/// A .docx or .xlsx by its content (the part names stand uncompressed in a zip), whatever its
/// file name says; None for anything else.
pub fn office_file(bytes: &[u8]) -> Option<OfficeFile> {
    if !bytes.starts_with(b"PK") {
        return None;
    }
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    if has(b"word/document.xml") {
        Some(OfficeFile::Docx)
    } else if has(b"xl/workbook.xml") {
        Some(OfficeFile::Xlsx)
    } else {
        None
    }
}

/// Imports the text of a plan or its notice. Never fails.
pub fn import_text(input: &str) -> Imported {
    import_keeping(input, &BTreeSet::new())
}

/// Imports as [`import_text`] does, but keeps the input lines (1-based) in `keep` as text even
/// where the importer would drop them as page furniture: the lines a user took back in.
pub fn import_keeping(input: &str, keep: &BTreeSet<usize>) -> Imported {
    let mut diagnostics = Vec::new();
    let converted = lines::simplified(input);
    if converted.is_some() {
        diagnostics.push(Diagnostic {
            line: 1,
            severity: Severity::Warning,
            message: "原文为繁体字，已按简体字导入".into(),
            text: String::new(),
        });
    }
    let input = converted.as_deref().unwrap_or(input);
    let mut lines = Vec::new();
    // The 文号 of a page's information block: the notice's own when the text names none.
    let mut page_number = None;
    let mut table: Option<table::Table> = None;
    let pieces = input
        .lines()
        .enumerate()
        .flat_map(|(i, raw)| lines::split_run_on(raw).map(move |p| (i, p)));
    for (i, raw) in pieces {
        let text = normalize(raw);
        if text.is_empty() {
            continue;
        }
        if keep.contains(&(i + 1)) {
            table = None;
            lines.push(Line::text(i + 1, text));
            continue;
        }
        if let Some(header) = table::Table::header(raw) {
            table = Some(header);
            diagnostics.push(Diagnostic {
                line: i + 1,
                severity: Severity::Read,
                message: "任务表的表头，已按列读取".into(),
                text: raw.trim().to_string(),
            });
            continue;
        }
        let dropped = if let Some(number) = notice::title_bar_number(raw) {
            page_number.get_or_insert(number);
            Some("网页的标题栏（标题、文号、日期），已忽略")
        } else if let Some(pairs) = metadata(&text).or_else(|| lines::spaced_metadata(raw)) {
            for (label, value) in pairs {
                if matches!(label, "文号" | "发文字号" | "文件编号")
                    && notice::is_doc_number(&value)
                {
                    page_number.get_or_insert(value);
                }
            }
            Some("网页的信息栏（索引号、发布机构、文号等），已忽略")
        } else {
            is_noise(&text).then_some("网页或页眉页脚内容，已忽略")
        };
        if let Some(message) = dropped {
            diagnostics.push(Diagnostic {
                line: i + 1,
                severity: Severity::Ignored,
                message: message.into(),
                text: raw.trim().to_string(),
            });
            continue;
        }
        match table.as_mut().and_then(|t| t.row(raw, i + 1)) {
            Some(row) => lines.extend(row),
            None => {
                table = None;
                lines.push(Line::text(i + 1, text));
            }
        }
    }
    let (lines, labels) = table::labels_on_own_lines(lines);
    for label in labels {
        diagnostics.push(Diagnostic {
            line: label.no,
            severity: Severity::Read,
            message: "单独成行的列名，已与下一行的内容合并".into(),
            text: label.text,
        });
    }
    let mut imported = import_lines(lines, diagnostics, keep);
    if let Some(number) = page_number.filter(|_| imported.plan.notice.doc_number.is_empty()) {
        imported.plan.notice.doc_number = number;
    }
    imported
}

/// Imports already separated paragraphs (e.g. from a .docx), each with its number.
pub fn import_paragraphs(paragraphs: &[String]) -> Imported {
    import_text(&paragraphs.join("\n"))
}

fn import_lines(
    lines: Vec<Line>,
    mut diagnostics: Vec<Diagnostic>,
    keep: &BTreeSet<usize>,
) -> Imported {
    let mut paras = join_broken_lines(lines);
    set_repost_aside(&mut paras, &mut diagnostics, keep);
    let summary = set_summary_aside(&mut paras, &mut diagnostics);
    let mut plan = Plan::default();

    let first_item = |from: usize| {
        paras[from..]
            .iter()
            .position(Para::starts_item)
            .map_or(paras.len(), |i| from + i)
    };
    let mut body_start = first_item(0);
    // A notice that gives its own numbered instructions before its 署名 and date, with the plan
    // after them: those paragraphs are the transmittal's, the plan's items come after the date.
    if let Some(end) = notice::transmittal_end(&paras, body_start) {
        body_start = first_item(end);
    }
    // An unnumbered heading right above the first item opens the body.
    if body_start > 0
        && body_start < paras.len()
        && paras[body_start - 1].item.is_none()
        && paras[body_start].item.is_none()
        && structure::is_unnumbered_heading(&paras[body_start - 1].text, &paras[body_start].text)
    {
        body_start -= 1;
    }
    let footer_start = notice::footer_start(&paras).max(body_start);
    notice::read_front(&paras[..body_start], &mut plan, &mut diagnostics, keep);
    structure::read_body(
        &paras[body_start..footer_start],
        &mut plan,
        &mut diagnostics,
    );
    notice::read_footer(&paras[footer_start..], &mut plan, &mut diagnostics);
    if let Some(period) = notice::detect_period(&plan) {
        plan.period = period;
    }
    diagnostics.sort_by_key(|d| d.line);
    Imported {
        plan,
        diagnostics,
        summary,
    }
}

/// A page that reposts a document inside a news item (`…通知指出…。原文如下：`): the news
/// before the marker is the page's, not the document's.
fn set_repost_aside(
    paras: &mut Vec<Para>,
    diagnostics: &mut Vec<Diagnostic>,
    keep: &BTreeSet<usize>,
) {
    let first_item = paras
        .iter()
        .position(Para::starts_item)
        .unwrap_or(paras.len());
    let Some(marker) = paras[..first_item]
        .iter()
        .position(|p| notice::is_repost_marker(&p.text))
    else {
        return;
    };
    // Any line of it taken back in keeps the whole lead.
    if paras[..=marker].iter().any(|p| keep.contains(&p.line)) {
        return;
    }
    for para in paras.drain(..=marker) {
        diagnostics.push(Diagnostic {
            line: para.line,
            severity: Severity::Ignored,
            message: "转载页面的导语（“原文如下”之前），已忽略".into(),
            text: para.text,
        });
    }
}

/// Ends of a sentence or of a label: a line ending so was not broken.
fn ends_sentence(text: &str) -> bool {
    text.ends_with([
        '。', '；', '！', '？', '：', '”', '…', '」', '』', '.', ';', '!', '?', ':',
    ])
}

/// A line that reads as running prose (as opposed to a heading, title or short label): it has
/// inner punctuation, or is as long as a full printed line, or leaves a bracket or quote open.
fn is_prose(text: &str) -> bool {
    // One pass: the length, inner punctuation, and brackets or quotes left open.
    let (mut n, mut punctuated) = (0usize, false);
    let mut open = [0i32; 3];
    for c in text.chars() {
        n += 1;
        match c {
            '，' | '。' | '、' | '；' | '：' => punctuated = true,
            '《' => open[0] += 1,
            '》' => open[0] -= 1,
            '“' => open[1] += 1,
            '”' => open[1] -= 1,
            '（' => open[2] += 1,
            '）' => open[2] -= 1,
            _ => {}
        }
    }
    (n >= 16 && punctuated) || n >= 25 || open.iter().any(|&o| o > 0)
}

/// `监督方式：…`, `联系人：…`: a short label and a colon open a line of their own.
pub(crate) fn starts_with_label(text: &str) -> bool {
    text.split_once('：').is_some_and(|(label, _)| {
        (2..=6).contains(&label.chars().count()) && label.chars().all(lines::is_han)
    })
}

/// Re-joins lines that a PDF or web copy broke inside a sentence or a word.
fn join_broken_lines(lines: Vec<Line>) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut last_cell = false;
    for (i, line) in lines.iter().enumerate() {
        let joinable = !line.cell && !last_cell;
        last_cell = line.cell;
        if let Some(last) = paras.last_mut().filter(|_| joinable) {
            let after = |k: usize| lines.get(i + k).map(|l| l.text.as_str());
            // Cheapest first: most paragraphs end a sentence.
            let continues = !ends_sentence(&last.text)
                && is_prose(&last.text)
                && !notice::is_closing_line(&last.text)
                && !notice::is_title_line(&last.text)
                && !structure::starts_item(&line.text)
                && fields::label_at(&line.text).is_none()
                && !notice::is_closing_line(&line.text)
                && !notice::is_title_line(&line.text)
                && !starts_with_label(&line.text)
                && !notice::is_signature(&line.text, after(1), after(2));
            if continues {
                last.text.push_str(&line.text);
                continue;
            }
        }
        paras.push(Para {
            line: line.no,
            text: line.text.clone(),
            item: line.item.clone(),
        });
    }
    paras
}

/// Headings of a summary of last year, and of this year's plan after it.
const SUMMARY_WORDS: &[&str] = &[
    "工作总结",
    "工作回顾",
    "取得的成效",
    "主要成效",
    "主要成绩",
    "工作完成情况",
    "工作开展情况",
];
/// One character of every summary word: a line without any of them names no summary (one pass
/// over the line instead of one search per word).
const SUMMARY_KEYS: [char; 5] = ['总', '顾', '效', '绩', '况'];
const PLAN_WORDS: &[&str] = &[
    "工作要点",
    "工作安排",
    "工作计划",
    "工作思路",
    "重点工作",
    "工作打算",
    "主要任务",
];

fn is_heading_like(text: &str) -> bool {
    text.chars().count() <= 40 && !text.contains(['。', '，', '；'])
}

/// Finds a summary of last year followed by this year's plan; keeps the summary apart and
/// turns the plan's own heading into an un-numbered title line.
fn set_summary_aside(paras: &mut Vec<Para>, diagnostics: &mut Vec<Diagnostic>) -> String {
    let bare = |p: &Para| match markers::marker(&p.text) {
        Some(m) => p.text[m.len..].to_string(),
        None => p.text.clone(),
    };
    let Some(start) = paras.iter().position(|p| {
        p.text.contains(SUMMARY_KEYS)
            && is_heading_like(&p.text)
            && SUMMARY_WORDS.iter().any(|w| p.text.contains(w))
    }) else {
        return String::new();
    };
    let Some(offset) = paras[start + 1..]
        .iter()
        .position(|p| is_heading_like(&p.text) && PLAN_WORDS.iter().any(|w| p.text.contains(w)))
    else {
        return String::new();
    };
    let end = start + 1 + offset;
    let summary: Vec<Para> = paras.drain(start..end).collect();
    diagnostics.push(Diagnostic {
        line: summary[0].line,
        severity: Severity::Warning,
        message: format!(
            "识别为上年工作总结（共{}段），已单独保留，未导入计划",
            summary.len()
        ),
        text: summary[0].text.clone(),
    });
    let heading = &mut paras[start];
    heading.text = bare(heading);
    summary
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_summary_word_has_a_key() {
        for word in SUMMARY_WORDS {
            assert!(
                word.contains(SUMMARY_KEYS),
                "{word} has none of SUMMARY_KEYS"
            );
        }
    }

    #[test]
    fn broken_sentences_are_rejoined_but_headings_are_not() {
        let text = "一、全面加强党的建设\n\n（二）持续深化工程。健全结对共建和局班子成员定点联系社会办\n\n医机构工作机制。\n\n责任领导：杨少平\n";
        let imported = import_text(text);
        let section = &imported.plan.nodes[0];
        assert_eq!(section.title, "全面加强党的建设");
        assert_eq!(
            section.children[0].body,
            "健全结对共建和局班子成员定点联系社会办医机构工作机制。"
        );
        assert_eq!(section.children[0].division.leaders, ["杨少平"]);
    }

    #[test]
    fn a_summary_of_last_year_is_kept_apart() {
        let text = "一、2020年工作总结\n（一）疫情防控取得成效。全年无本地病例。\n二、2021年工作要点\n（一）加强党的建设。坚持党的领导。\n（二）深化医改。推进医共体。\n";
        let imported = import_text(text);
        assert_eq!(imported.plan.title, "2021年工作要点");
        assert_eq!(imported.plan.nodes.len(), 2);
        assert_eq!(imported.plan.nodes[0].title, "加强党的建设");
        assert!(imported.summary.contains("全年无本地病例"));
        assert!(imported
            .diagnostics
            .iter()
            .any(|d| d.message.contains("上年工作总结")));
    }
}
