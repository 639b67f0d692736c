//! The notice around the plan: red header, document number, title, 主送, transmittal,
//! signature and date, 附注, 抄送/抄报 and the 印发 line; and the plan's title and 总体要求.

use super::{Diagnostic, Para, Severity};
use crate::plan::model::{CopyKind, Period, Plan};

fn no_punctuation(text: &str) -> bool {
    !text.contains(['。', '，', '；', '：', '、', '！', '？'])
}

/// A short line without punctuation: an organ's name, a signature, a title.
fn is_name_line(text: &str) -> bool {
    text.chars().nth(30).is_none() && no_punctuation(text) && super::markers::marker(text).is_none()
}

/// `同卫健党组发〔2020〕8号`.
pub fn is_doc_number(text: &str) -> bool {
    // 〔2020〕 as the standard writes it; （2020） as some offices do.
    let Some((open, close)) = [('〔', '〕'), ('（', '）')]
        .into_iter()
        .find(|(o, _)| text.contains(*o))
    else {
        return false;
    };
    let at = text.find(open).expect("contains it");
    let after = &text[at + open.len_utf8()..];
    let year: String = after.chars().take_while(char::is_ascii_digit).collect();
    year.len() == 4
        && after[4..].starts_with(close)
        && text.ends_with('号')
        && text.chars().count() <= 30
        && no_punctuation(text)
}

/// The line of a report to superiors: `某卫健发〔2027〕3号　　签发人：张三` → (number, signer).
pub fn number_and_signer(text: &str) -> Option<(String, String)> {
    let (number, signer) = text.split_once("签发人")?;
    let signer = signer
        .trim_start_matches(['：', ':', ' ', '\u{3000}', '\u{a0}'])
        .trim();
    let number = number.trim_matches([' ', '\u{3000}', '\u{a0}', '\t']);
    let plausible = (number.is_empty() || is_doc_number(number))
        && !signer.is_empty()
        && signer.chars().count() <= 12
        && no_punctuation(signer);
    plausible.then(|| (number.to_string(), signer.to_string()))
}

/// The notice's own number line: the number alone, or with its 签发人.
fn is_number_line(text: &str) -> bool {
    is_doc_number(text) || number_and_signer(text).is_some()
}

/// A whole date, alone: `2020年3月31日` or `二〇二〇年三月三十一日`.
pub fn is_date(text: &str) -> bool {
    let Some((year, rest)) = text.split_once('年') else {
        return is_digit_date(text);
    };
    let Some((month, rest)) = rest.split_once('月') else {
        return false;
    };
    let Some(day) = rest.strip_suffix('日') else {
        return false;
    };
    let numeral = |s: &str, max: usize| {
        let n = s.chars().count();
        n >= 1
            && n <= max
            && (s.chars().all(|c| c.is_ascii_digit())
                || s.chars().all(|c| "〇零一二三四五六七八九十".contains(c)))
    };
    // The year's 〇 is often typed as a letter O or a circle: `二OO八年`.
    let year: String = year
        .chars()
        .map(|c| {
            if matches!(c, 'O' | 'o' | '○' | 'Ｏ' | '０') {
                '〇'
            } else {
                c
            }
        })
        .collect();
    numeral(&year, 4) && year.chars().count() == 4 && numeral(month, 3) && numeral(day, 3)
}

/// A date that lost its 年月日 (`2020928`, `20200928`): read only where exactly one valid date
/// fits the digits.
fn is_digit_date(text: &str) -> bool {
    if !(7..=8).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let year: u32 = text[..4].parse().unwrap_or(0);
    let rest = &text[4..];
    // A month or day of one digit, or two (a leading zero only in two).
    let part = |p: &str, max: u32| {
        (p.len() == 1 || p.len() == 2)
            && (p.len() == 2 || !p.starts_with('0'))
            && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    let fits = (1..rest.len())
        .filter(|&k| part(&rest[..k], 12) && part(&rest[k..], 31))
        .count();
    (1949..=2100).contains(&year) && fits == 1
}

/// A document number damaged in the copy (`甘卫职健函2024〕217`: a bracket or the 号 lost): an
/// organ's short name, a year and a serial, on a line of its own.
fn is_damaged_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let Some(at) = (0..chars.len().saturating_sub(3)).find(|&i| {
        chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && matches!(chars[i], '1' | '2')
    }) else {
        return false;
    };
    let tail: String = chars[at + 4..].iter().collect();
    let serial = tail
        .trim_start_matches(['〕', '）', ']'])
        .trim_end_matches('号');
    chars.len() <= 30
        && at >= 2
        && chars[..at]
            .iter()
            .all(|c| super::lines::is_han(*c) || matches!(c, '〔' | '（'))
        && !serial.is_empty()
        && serial.chars().all(|c| c.is_ascii_digit())
        && (tail.starts_with(['〕', '）']) || text.contains(['〔', '（']) || text.ends_with('号'))
}

/// `〔政策文件〕关于印发…的通知`: a site's tag before a title, and the title.
fn tagged_title(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('〔')?;
    let (tag, title) = rest.split_once('〕')?;
    (tag.chars().count() <= 6 && is_notice_title(title)).then_some((tag, title))
}

fn is_notice_title(text: &str) -> bool {
    text.contains("关于")
        && (text.ends_with("通知") || text.ends_with("通报") || text.ends_with("意见"))
        && text.chars().count() <= 80
}

/// The plan's own title: `2022年全市卫生健康工作要点`.
fn is_plan_title(text: &str) -> bool {
    // A period in brackets may follow: `…三年行动计划（2023年—2025年）`.
    let head = match text
        .strip_suffix('）')
        .and_then(|t| t.rfind('（').map(|i| &t[..i]))
    {
        Some(head) => head,
        None => text,
    };
    text.chars().count() <= 60
        && !text.contains(['。', '，', '；', '：', '《'])
        && !text.starts_with("关于")
        && super::markers::marker(text).is_none()
        && [
            "要点",
            "计划",
            "方案",
            "安排",
            "任务分工",
            "重点工作",
            "清单",
            "思路",
            "分解",
            "分工表",
            "分解表",
            "任务表",
            "打算",
            "举措",
            "台账",
        ]
        .iter()
        .any(|w| head.ends_with(w))
}

/// A 主送 line: a list of bodies ending in a colon (`各县（市、区）卫生健康局，委机关各处室：`), not a
/// sentence that announces what follows (`现将有关事项通知如下：`, `原文如下：`).
pub(crate) fn is_recipients(text: &str) -> bool {
    let Some(body) = text.strip_suffix('：') else {
        return false;
    };
    let announces = ["如下", "以下", "下列", "如次"]
        .iter()
        .any(|w| body.contains(w));
    !body.is_empty()
        && body.chars().count() <= 150
        && !announces
        && !body.contains(['。', '：', '！', '？'])
        && !starts_requirements(text)
        && super::fields::split_names(body)
            .iter()
            .all(|name| name.chars().count() <= 40)
}

/// Paragraphs that open the plan proper rather than the transmittal.
pub(crate) fn starts_requirements(text: &str) -> bool {
    let head: String = text.chars().take(30).collect();
    [
        "总体要求",
        "指导思想",
        "总体思路",
        "基本原则",
        "总体目标",
        "工作目标",
        "主要目标",
    ]
    .iter()
    .any(|w| head.contains(w))
}

fn copy_line(text: &str) -> Option<(CopyKind, &str)> {
    for (prefix, kind) in [("抄送", CopyKind::CopyTo), ("抄报", CopyKind::ReportTo)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            if let Some(value) = rest.strip_prefix(['：', ':']) {
                return Some((kind, value.trim().trim_end_matches('。')));
            }
        }
    }
    None
}

/// `同心县卫生健康局　　2020年3月31日印发` → (printer, date); printer may be empty.
fn print_line(text: &str) -> Option<(String, String)> {
    let rest = text.strip_suffix("印发")?.trim_end();
    let date_start = rest
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            !c.is_whitespace()
                && (c.is_ascii_digit() || "年月日〇零一二三四五六七八九十".contains(*c))
        })
        .last()
        .map(|(i, _)| i)?;
    let date = &rest[date_start..];
    // the date may be glued to the printer: find where the year starts
    let year_start = date.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let (printer, date) = (&rest[..date_start + year_start], &date[year_start..]);
    is_date(date).then(|| (printer.trim().to_string(), date.to_string()))
}

fn note_line(text: &str) -> Option<String> {
    let inner = text
        .strip_prefix('（')
        .and_then(|t| t.strip_suffix('）'))
        .unwrap_or(text);
    (inner.starts_with("备注") || inner.starts_with("附注") || inner.starts_with("注："))
        .then(|| inner.to_string())
}

/// A line wholly in brackets (`（此件公开发布）`): the 附注 when it stands under the date.
fn bracketed(text: &str) -> Option<&str> {
    let inner = text.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    (!inner.is_empty() && !inner.contains(['（', '(', '）', ')'])).then_some(inner)
}

/// `（国家中医药管理局代章）` between the 署名 and the date: whose seal stands for the signer's.
fn is_seal_line(text: &str) -> bool {
    bracketed(text).is_some_and(|inner| inner.ends_with("代章") && inner.chars().count() <= 30)
}

/// A 署名: a name line followed by the date, or by a seal line and then the date.
pub fn is_signature(text: &str, next: Option<&str>, after: Option<&str>) -> bool {
    is_name_line(text)
        && (next.is_some_and(is_date)
            || (next.is_some_and(is_seal_line) && after.is_some_and(is_date)))
}

/// Names of organs, as the 署名 of a joint notice lists them, one per line.
const ORGAN_SUFFIXES: &[&str] = &[
    "办公室",
    "政府",
    "委员会",
    "局",
    "委",
    "厅",
    "部",
    "署",
    "办",
    "会",
    "院",
    "中心",
    "党组",
];

/// A line that names an organ: `国家卫生健康委`, `中央军委后勤保障部卫生局`.
fn is_organ(text: &str) -> bool {
    is_name_line(text) && ORGAN_SUFFIXES.iter().any(|w| text.ends_with(w))
}

/// The 署名 that begins at `i`: how many lines it takes (one name, or the organs of a joint
/// notice one per line), ending right above the date (or the seal line and the date).
fn signature_at(paras: &[Para], i: usize) -> Option<usize> {
    let text = |k: usize| paras.get(k).map(|p| p.text.as_str());
    let signs = |k: usize| text(k).is_some_and(|t| is_signature(t, text(k + 1), text(k + 2)));
    if signs(i) {
        return Some(1);
    }
    if !text(i).is_some_and(is_organ) {
        return None;
    }
    let mut n = 1;
    while text(i + n).is_some_and(is_organ) {
        n += 1;
        if signs(i + n - 1) {
            return Some(n);
        }
    }
    None
}

/// The 署名's text from its lines: the organs of a joint notice joined by `、`.
fn signature_text(paras: &[Para], i: usize, n: usize) -> String {
    paras[i..i + n]
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

fn seal_note(diagnostics: &mut Vec<Diagnostic>, para: &Para) {
    diagnostics.push(Diagnostic {
        line: para.line,
        severity: Severity::Unplaced,
        message: "署名下的代章说明，未导入（需要时写入署名）".into(),
        text: para.text.clone(),
    });
}

/// Titles and document numbers: complete lines even without a full stop.
pub fn is_title_line(text: &str) -> bool {
    is_notice_title(text) || is_plan_title(text) || is_number_line(text)
}

/// Lines that belong to the closing parts; a broken sentence never continues into them.
pub fn is_closing_line(text: &str) -> bool {
    is_date(text)
        || copy_line(text).is_some()
        || print_line(text).is_some()
        || note_line(text).is_some()
}

/// Where the closing parts (signature, date, 附注, 版记) begin, scanning back from the end.
pub(crate) fn footer_start(paras: &[Para]) -> usize {
    let mut i = paras.len();
    while i > 0 {
        let text = paras[i - 1].text.as_str();
        if print_line(text).is_some() {
            i -= 1;
            if print_line(text).is_some_and(|(p, _)| p.is_empty())
                && i > 0
                && is_name_line(&paras[i - 1].text)
            {
                i -= 1;
            }
        } else if is_date(text) {
            i -= 1;
            if i > 1 && is_seal_line(&paras[i - 1].text) && is_name_line(&paras[i - 2].text) {
                i -= 2;
            } else if i > 0 && is_name_line(&paras[i - 1].text) {
                i -= 1;
                // A joint notice: more organs above, one per line.
                if is_organ(&paras[i].text) {
                    while i > 0 && is_organ(&paras[i - 1].text) {
                        i -= 1;
                    }
                }
            }
        } else if copy_line(text).is_some() || note_line(text).is_some() {
            i -= 1;
        } else if bracketed(text).is_some() && i >= 2 && is_date(&paras[i - 2].text) {
            // 附注 in brackets under the 成文日期 (GB/T 9704 7.3.6).
            i -= 1;
        } else {
            break;
        }
    }
    i
}

pub(crate) fn read_footer(paras: &[Para], plan: &mut Plan, diagnostics: &mut Vec<Diagnostic>) {
    let mut skip_to = 0;
    for (i, para) in paras.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let text = para.text.as_str();
        let next = paras.get(i + 1).map(|p| p.text.as_str());
        let notice = &mut plan.notice;
        let (field, value) = if let Some(note) = note_line(text) {
            (&mut notice.note, note)
        } else if let Some(note) = bracketed(text).filter(|_| i > 0 && is_date(&paras[i - 1].text))
        {
            (&mut notice.note, note.to_string())
        } else if let Some((kind, value)) = copy_line(text) {
            notice.copy_kind = kind;
            (&mut notice.copy_to, value.to_string())
        } else if let Some((printer, date)) = print_line(text) {
            if !printer.is_empty() && notice.printer.is_empty() {
                notice.printer = printer;
            } else if !printer.is_empty() {
                unplaced(diagnostics, para);
            }
            (&mut notice.print_date, date)
        } else if is_date(text) {
            (&mut notice.date, text.to_string())
        } else if next.is_some_and(|n| print_line(n).is_some_and(|(p, _)| p.is_empty())) {
            (&mut notice.printer, text.to_string())
        } else if is_seal_line(text) && next.is_some_and(is_date) {
            seal_note(diagnostics, para);
            continue;
        } else if let Some(n) = signature_at(paras, i) {
            skip_to = i + n;
            (&mut notice.signature, signature_text(paras, i, n))
        } else {
            unplaced(diagnostics, para);
            continue;
        };
        set_once(field, value, para, diagnostics);
    }
}

/// Fills an empty field; a second value for it is reported rather than lost.
fn set_once(field: &mut String, value: String, para: &Para, diagnostics: &mut Vec<Diagnostic>) {
    if field.is_empty() {
        *field = value;
    } else if *field != value {
        unplaced(diagnostics, para);
    }
}

fn unplaced(diagnostics: &mut Vec<Diagnostic>, para: &Para) {
    diagnostics.push(Diagnostic {
        line: para.line,
        severity: Severity::Unplaced,
        message: "未能识别这一段的位置，未导入".into(),
        text: para.text.clone(),
    });
}

/// A page's title bar that repeats the notice's title, number and date on one line
/// (`关于印发…的通知 国疾控规财发〔2024〕11号 2024年5月21日 |`): the number in it.
pub fn title_bar_number(raw: &str) -> Option<String> {
    if !raw.contains('号') || !raw.contains("关于") {
        return None;
    }
    let words: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == '|')
        .map(super::lines::normalize)
        .filter(|w| !w.is_empty())
        .collect();
    let number = words.iter().find(|w| is_doc_number(w))?;
    let all = words
        .iter()
        .all(|w| is_notice_title(w) || is_doc_number(w) || is_date(w));
    (words.len() >= 2 && all && words.iter().any(|w| is_notice_title(w))).then(|| number.clone())
}

/// A notice title at `i`, on one line or wrapped over two or three: how many lines it takes.
fn notice_title_at(paras: &[Para], i: usize) -> Option<usize> {
    // The issuing organ on a line above `关于…的通知` (GB/T 9704 7.3.3: organ, matter, kind).
    let line = |k: usize| paras.get(k).map(|p| p.text.as_str());
    if let (Some(organ), Some(title)) = (line(i), line(i + 1)) {
        if is_organ(organ)
            && !organ.contains(['关', '各'])
            && title.starts_with("关于")
            && is_notice_title(title)
        {
            return Some(2);
        }
    }
    let mut text = String::new();
    for n in 1..=3 {
        let line = &paras.get(i + n - 1)?.text;
        // A line that is a title, number or 主送 of its own does not continue one.
        if n > 1 && (line.ends_with('：') || is_number_line(line) || is_notice_title(line)) {
            return None;
        }
        text.push_str(line);
        if is_notice_title(&text) {
            return Some(n);
        }
        if !text.contains("关于") || text.chars().count() > 80 {
            return None;
        }
    }
    None
}

/// `原文如下：`: a page that reposts the document says where it begins.
pub(crate) fn is_repost_marker(text: &str) -> bool {
    let text = text.trim_end_matches(['：', ':']);
    text.chars().count() <= 12
        && ["原文如下", "全文如下", "文件如下", "通知全文"]
            .iter()
            .any(|w| text.ends_with(w))
}

/// Where a notice's transmittal ends when it numbers paragraphs of its own (`一、各牵头单位要…`
/// `二、请于3月9日前报送…`) before its 署名 and date, and the plan follows: just past the date
/// (and a bracketed 附注 under it). None when the numbered items are the plan's.
pub(crate) fn transmittal_end(paras: &[Para], first_item: usize) -> Option<usize> {
    let notice_above = paras[..first_item]
        .iter()
        .any(|p| is_notice_title(&p.text) || is_recipients(&p.text));
    if !notice_above {
        return None;
    }
    // A transmittal's instructions are a few paragraphs: the 署名 comes soon after them.
    let mut k = first_item;
    while k < paras.len().min(first_item + 40) {
        if let Some(n) = signature_at(paras, k) {
            let mut end = k + n;
            if paras.get(end).is_some_and(|p| is_seal_line(&p.text)) {
                end += 1;
            }
            if paras.get(end).is_some_and(|p| is_date(&p.text)) {
                end += 1;
                if paras.get(end).is_some_and(|p| bracketed(&p.text).is_some()) {
                    end += 1;
                }
                let plan_follows = paras[end..].iter().any(|p| p.starts_item());
                return plan_follows.then_some(end);
            }
        }
        k += 1;
    }
    None
}

/// Reads everything before the first numbered item.
pub(crate) fn read_front(
    paras: &[Para],
    plan: &mut Plan,
    diagnostics: &mut Vec<Diagnostic>,
    keep: &std::collections::BTreeSet<usize>,
) {
    // Where the notice proper begins: anything before it that is not the red header is noise.
    let first_notice = (0..paras.len()).find(|&i| {
        let text = &paras[i].text;
        is_number_line(text) || notice_title_at(paras, i).is_some() || is_recipients(text)
    });
    // A page's heading that repeats the notice's number and title (`穗府办〔2023〕11号《…》`).
    let repeats_heading = |text: &str| {
        let mut rest = text.to_string();
        for p in &paras[first_notice.unwrap_or(0)..paras.len().min(first_notice.unwrap_or(0) + 4)] {
            if is_number_line(&p.text) || is_notice_title(&p.text) {
                rest = rest.replace(p.text.as_str(), "");
            }
        }
        // What is left may be the page's date stamp (`…实施意见 20220912`).
        let left = rest.trim_matches(['《', '》', ' ']);
        rest.len() < text.len() && (left.is_empty() || left.chars().all(|c| c.is_ascii_digit()))
    };
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut header: Vec<&Para> = Vec::new();
    let mut requirements: Vec<String> = Vec::new();
    let mut transmittal: Vec<String> = Vec::new();
    let mut in_requirements = false;
    let mut i = 0;
    while i < paras.len() {
        let para = &paras[i];
        let text = para.text.as_str();
        let next = paras.get(i + 1).map(|p| p.text.as_str());
        let notice = &mut plan.notice;
        let repeated = seen.contains(&text) && (is_title_line(text) || is_date(text));
        seen.insert(text);
        let heading = first_notice.is_some_and(|f| i < f)
            && repeats_heading(text)
            && !keep.contains(&para.line);
        if repeated || heading {
            diagnostics.push(Diagnostic {
                line: para.line,
                severity: Severity::Ignored,
                message: "与上文重复的标题、文号或日期（网页标题或副本），已忽略".into(),
                text: text.to_string(),
            });
        } else if first_notice.is_some_and(|f| i < f)
            && is_name_line(text)
            && !is_plan_title(text)
            && notice_title_at(paras, i).is_none()
        {
            // The red header, maybe spread over several lines (`中共同心县` / `卫生健康局党组文件`).
            header.push(para);
            if (text.ends_with("文件") || next.is_some_and(is_number_line))
                && notice.issuer_mark.is_empty()
            {
                notice.issuer_mark = header.iter().map(|p| p.text.as_str()).collect();
                header.clear();
            }
        } else if notice.doc_number.is_empty() && is_doc_number(text) {
            notice.doc_number = text.to_string();
        } else if let Some((number, signer)) = number_and_signer(text)
            .filter(|_| notice.doc_number.is_empty() && notice.signer.is_empty())
        {
            notice.doc_number = number;
            notice.signer = signer;
        } else if let Some((tag, title)) = tagged_title(text).filter(|_| notice.title.is_empty()) {
            notice.title = title.to_string();
            diagnostics.push(Diagnostic {
                line: para.line,
                severity: Severity::Ignored,
                message: "标题前的网站栏目标签，已忽略".into(),
                text: format!("〔{tag}〕"),
            });
        } else if notice.title.is_empty() && is_notice_title(text) {
            notice.title = text.to_string();
        } else if notice.doc_number.is_empty()
            && is_damaged_number(text)
            && (!notice.title.is_empty() || next.is_some_and(|n| n.ends_with('：')))
        {
            notice.doc_number = text.to_string();
            diagnostics.push(Diagnostic {
                line: para.line,
                severity: Severity::Warning,
                message: "发文字号不完整（缺少〔〕或“号”），已照原样读入，请核对".into(),
                text: text.to_string(),
            });
        } else if let Some(n) = notice_title_at(paras, i).filter(|_| notice.title.is_empty()) {
            notice.title = paras[i..i + n].iter().map(|p| p.text.as_str()).collect();
            i += n - 1;
        } else if notice.title.is_empty()
            && plan.title.is_empty()
            && is_plan_title(text)
            && (i > 0 && is_number_line(&paras[i - 1].text)
                || next.is_some_and(|n| n.ends_with('：') && !starts_requirements(n)))
        {
            // A 方案 issued as the document itself, under its number or above its 主送.
            notice.title = text.to_string();
            plan.title = text.to_string();
        } else if notice.recipients.is_empty()
            && (plan.title.is_empty() || plan.title == notice.title)
            && !in_requirements
            && is_recipients(text)
        {
            notice.recipients = text.trim_end_matches('：').to_string();
        } else if notice.date.is_empty() && is_date(text) {
            notice.date = text.to_string();
        } else if plan.title.is_empty() && is_plan_title(text) {
            plan.title = text.to_string();
            in_requirements = true;
        } else if let Some(n) = signature_at(paras, i).filter(|_| notice.signature.is_empty()) {
            notice.signature = signature_text(paras, i, n);
            i += n - 1;
        } else if !notice.signature.is_empty() && is_seal_line(text) && next.is_some_and(is_date) {
            seal_note(diagnostics, para);
        } else if in_requirements || starts_requirements(text) {
            in_requirements = true;
            requirements.push(text.to_string());
        } else if !notice.recipients.is_empty() || !notice.title.is_empty() {
            transmittal.push(text.to_string());
        } else {
            requirements.push(text.to_string());
        }
        i += 1;
    }
    for para in header {
        unplaced(diagnostics, para);
    }
    plan.notice.transmittal = transmittal.join("\n");
    plan.requirements = requirements.join("\n");
}

/// The plan's year or years, from its title, the notice title or the document number.
pub(crate) fn detect_period(plan: &Plan) -> Option<Period> {
    for text in [&plan.title, &plan.notice.title, &plan.requirements] {
        if let Some(period) = period_in(text) {
            return Some(period);
        }
    }
    let doc = &plan.notice.doc_number;
    doc.find('〔')
        .and_then(|i| doc[i + '〔'.len_utf8()..].get(..4))
        .and_then(|y| y.parse().ok())
        .map(Period::year)
}

/// `2023年—2025年`, `2023-2025年`, or the first `2022年`.
fn period_in(text: &str) -> Option<Period> {
    let chars: Vec<char> = text.chars().collect();
    let year_at = |i: usize| -> Option<i32> {
        let s: String = chars.get(i..i + 4)?.iter().collect();
        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let next_digit = chars.get(i + 4).is_some_and(|c| c.is_ascii_digit());
        (!prev_digit && !next_digit && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|y| (1949..=2200).contains(y))
    };
    for i in 0..chars.len() {
        let Some(start) = year_at(i) else { continue };
        let mut j = i + 4;
        if chars.get(j) == Some(&'年') {
            j += 1;
        }
        let dash = chars.get(j).is_some_and(|c| "—–-－~～至到".contains(*c));
        if dash {
            let mut k = j + 1;
            while chars.get(k).is_some_and(|c| "—–-－".contains(*c)) {
                k += 1;
            }
            if let Some(end) = year_at(k).filter(|e| *e >= start) {
                return Some(Period { start, end });
            }
        }
        if chars.get(i + 4) == Some(&'年') {
            return Some(Period::year(start));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_lines() {
        assert!(is_date("2020年3月31日"));
        assert!(is_date("二〇二〇年三月三十一日"));
        assert!(is_date("二OO八年九月八日"));
        assert!(is_date("二○○八年九月八日"));
        assert!(is_date("2020928"));
        assert!(is_date("20200928"));
        assert!(!is_date("2020111"), "1月11日 or 11月1日");
        assert!(!is_date("12345678"));
        assert!(is_damaged_number("甘卫职健函2024〕217"));
        assert!(is_damaged_number("同卫健发〔2020〕8"));
        assert!(!is_damaged_number("2024年工作要点"));
        assert!(!is_damaged_number("全县2024户"));
        assert!(!is_date("2020年3月31日前完成"));
        assert!(is_doc_number("同卫健党组发〔2020〕8号"));
        assert_eq!(
            number_and_signer("某卫健发〔2027〕3号\u{3000}\u{3000}签发人：张三"),
            Some(("某卫健发〔2027〕3号".into(), "张三".into()))
        );
        assert_eq!(
            number_and_signer("某卫健发〔2027〕3号 签发人: 张三"),
            Some(("某卫健发〔2027〕3号".into(), "张三".into()))
        );
        assert_eq!(
            number_and_signer("由局长签发人事任免文件，请各单位遵照执行。"),
            None
        );
        assert_eq!(
            print_line("同心县卫生健康局 2020年3月31日印发"),
            Some(("同心县卫生健康局".into(), "2020年3月31日".into()))
        );
        assert_eq!(
            print_line("2020年3月31日印发"),
            Some((String::new(), "2020年3月31日".into()))
        );
        assert_eq!(
            copy_line("抄报：自治区、吴忠市卫生健康委员会，县委，政府。"),
            Some((
                CopyKind::ReportTo,
                "自治区、吴忠市卫生健康委员会，县委，政府"
            ))
        );
    }

    #[test]
    fn periods() {
        assert_eq!(
            period_in("2022年全市卫生健康工作要点"),
            Some(Period::year(2022))
        );
        assert_eq!(
            period_in("健康行动三年行动计划（2023年—2025年）"),
            Some(Period {
                start: 2023,
                end: 2025
            })
        );
        assert_eq!(
            period_in("三年计划（2023-2025年）"),
            Some(Period {
                start: 2023,
                end: 2025
            })
        );
    }
}
