//! From raw text to clean lines: punctuation and spaces normalised, web and PDF noise set aside.

use crate::export::fullwidth_punctuation;

/// One non-empty input line after normalisation, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub text: String,
}

/// CJK ideographs and full-width punctuation: text between which spaces are noise.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' // CJK punctuation
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff01}'..='\u{ff0f}' // full-width ！＂＃…／
        | '\u{ff1a}'..='\u{ff20}' // ：；＜＝＞？＠
        | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}'
        | '\u{2018}'..='\u{201f}' // quotes
        | '\u{2014}' | '\u{2026}' | '\u{00b7}'
    )
}

/// Normalises one line: full-width digits to ASCII, half-width punctuation of prose to
/// full-width, and spaces removed where they stand between Chinese text (`关于 2020 年`).
pub fn normalize(raw: &str) -> String {
    // Most lines of a plan need nothing: no odd spaces, widths, brackets or half-width marks.
    let trimmed =
        raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'));
    if !trimmed.chars().any(needs_normalizing) {
        return trimmed.to_string();
    }
    let mapped: String =
        raw.chars()
            .map(|c| match c {
                '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
                    char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
                }
                '\u{00a0}' | '\u{3000}' | '\t' | '\u{2002}' | '\u{2003}' | '\u{200b}'
                | '\u{feff}' => ' ',
                '［' | '[' | '【' | '﹝' => '〔',
                '］' | ']' | '】' | '﹞' => '〕',
                other => other,
            })
            .collect();
    let punctuated = fullwidth_punctuation(mapped.trim());
    // Drop spaces between Chinese text, or between Chinese text and digits.
    let chars: Vec<char> = punctuated.chars().collect();
    let mut out = String::with_capacity(punctuated.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            let start = i;
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            let left = start.checked_sub(1).map(|j| chars[j]);
            let right = chars.get(i).copied();
            let joins = |a: Option<char>, b: Option<char>| match (a, b) {
                (Some(a), Some(b)) => {
                    (is_cjk(a) && (is_cjk(b) || b.is_ascii_digit()))
                        || (a.is_ascii_digit() && is_cjk(b))
                        || a == '〕'
                        || b == '〔'
                }
                _ => true,
            };
            if !joins(left, right) {
                out.push(' ');
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Characters that [`normalize`] may change or drop.
fn needs_normalizing(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}'
            | '\u{200b}' | '\u{feff}'
            | '［' | '[' | '【' | '﹝' | '］' | ']' | '】' | '﹞'
            | ',' | ';' | '?' | '!' | '(' | ')' | ':')
}

/// Words that mark the furniture of a web page or a PDF copy, not the document.
const NOISE_WORDS: &[&str] = &[
    "发布时间",
    "浏览次数",
    "阅读次数",
    "点击数",
    "字体：",
    "字号：",
    "扫一扫",
    "分享到",
    "打印本页",
    "关闭窗口",
    "【关闭】",
    "〔关闭〕",
    "〔打印〕",
    "当前位置",
    "您现在的位置",
    "上一篇",
    "下一篇",
    "责任编辑",
    "返回顶部",
    "索引号",
    "信息来源",
];

/// Whole lines that are page furniture.
const NOISE_LINES: &[&str] = &[
    "政府信息公开",
    "打印",
    "关闭",
    "收藏",
    "分享",
    "返回",
    "★",
    "首页",
    "【打印】",
    "〔大中小〕",
    "字体：〔大中小〕",
];

/// True for a line that belongs to the page rather than the document.
pub fn is_noise(text: &str) -> bool {
    if text.chars().nth(80).is_some() {
        return false;
    }
    // A division field (`牵头科室：…`) is content, and is most of a plan's short lines.
    if super::fields::label_at(text).is_some() {
        return false;
    }
    if NOISE_LINES.contains(&text) {
        return true;
    }
    if text.starts_with("来源：") || text.starts_with("来源:") {
        return true;
    }
    // A breadcrumb: `首页 > 政务公开 > 通知公告`.
    let separators = text
        .chars()
        .filter(|c| matches!(c, '>' | '＞' | '»' | '›'))
        .count();
    if separators >= 1 && (text.starts_with("首页") || separators >= 2) {
        return true;
    }
    if NOISE_WORDS.iter().any(|w| text.contains(w)) {
        return true;
    }
    is_page_footer(text) || text.chars().all(|c| !c.is_alphanumeric())
}

/// `— 3 —`, `-3-`, `3`, `第3页 共12页`, `第 3 页`.
fn is_page_footer(text: &str) -> bool {
    let dash = |c: &char| matches!(c, '—' | '-' | '－' | '―' | '–' | ' ');
    let mut bare = text.chars().filter(|c| !dash(c));
    let digits = bare.clone().count();
    if (1..=4).contains(&digits) && bare.all(|c| c.is_ascii_digit()) {
        return true;
    }
    if !text.contains('页') {
        return false;
    }
    let words: String = text
        .chars()
        .filter(|c| !dash(c) && !c.is_ascii_digit() && *c != '/' && *c != '，')
        .collect();
    words == "第页共页" || words == "第页" || words == "共页第页"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_between_chinese_go_others_stay() {
        assert_eq!(
            normalize("关于 2020 年全县卫生健康工作要点暨 任务分工的通知"),
            "关于2020年全县卫生健康工作要点暨任务分工的通知"
        );
        assert_eq!(normalize("中 共 同 心 县"), "中共同心县");
        assert_eq!(normalize("  (十二) 做实做细"), "（十二）做实做细");
        assert_eq!(normalize("精神 and 县委"), "精神 and 县委");
        assert_eq!(normalize("5G 医疗"), "5G 医疗");
        assert_eq!(
            normalize("同卫健党组发[2020]8号"),
            "同卫健党组发〔2020〕8号"
        );
        assert_eq!(normalize("１２３"), "123");
    }

    #[test]
    fn page_furniture_is_noise_and_content_is_not() {
        for text in [
            "来源：遂宁市卫健委 发布时间：2022-03-21 10:13 浏览次数： 字体：〔 〕 打印",
            "扫一扫在手机打开当前页",
            "政府信息公开",
            "— 3 —",
            "- 12 -",
            "第 3 页 共 12 页",
            "★",
            "首页 > 政务公开 > 通知公告",
        ] {
            assert!(is_noise(&normalize(text)), "{text}");
        }
        for text in [
            "一、全面加强党的建设",
            "2020年3月31日",
            "完成时限：长期坚持",
            "3.加强打印机管理。",
        ] {
            assert!(!is_noise(&normalize(text)), "{text}");
        }
    }
}
