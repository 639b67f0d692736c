//! From raw text to clean lines: punctuation and spaces normalised, web and PDF noise set aside.

use super::markers::Marker;
use crate::export::fullwidth_punctuation;

/// One non-empty input line after normalisation, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// An item whose number was read already (from a table's 序号 column): `text` is its title.
    pub item: Option<Marker>,
    /// A line made from a table's cell: complete, never joined to another.
    pub cell: bool,
}

impl Line {
    pub fn text(no: usize, text: String) -> Line {
        Line {
            no,
            text,
            item: None,
            cell: false,
        }
    }

    pub fn item(no: usize, text: String, marker: Marker) -> Line {
        Line {
            no,
            text,
            item: Some(marker),
            cell: true,
        }
    }

    pub fn cell(no: usize, text: String) -> Line {
        Line {
            no,
            text,
            item: None,
            cell: true,
        }
    }
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

/// A page that lost its line breaks (`…保洁。 (十二)城区废品… 牵头单位:… 二OO八年九月八日`):
/// the raw line cut at the spaces before an item's number, a division label or a closing
/// date. Lines of ordinary length are left whole.
pub fn split_run_on(raw: &str) -> impl Iterator<Item = &str> {
    // Most lines are short: no allocation for them.
    let mut pieces = if raw.len() < 120 {
        Vec::new()
    } else {
        run_on_pieces(raw)
    };
    let first = if pieces.is_empty() {
        raw
    } else {
        pieces.remove(0)
    };
    std::iter::once(first).chain(pieces)
}

fn run_on_pieces(raw: &str) -> Vec<&str> {
    // Lines without inner spaces (most long ones) need no walk (memchr per kind of space).
    let inner = raw.trim();
    if ![' ', '\u{3000}', '\u{a0}', '\t']
        .iter()
        .any(|&c| inner.contains(c))
        || raw.chars().nth(120).is_none()
    {
        return Vec::new();
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !d.is_whitespace() {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        // Nothing before the spaces (an indent): nothing to cut off.
        if raw[start..i].trim().is_empty() {
            continue;
        }
        // The words up to the next space: an item numbered there is not an inline one.
        let word = raw[end..].split(char::is_whitespace).next().unwrap_or("");
        // Labels are short: the next 40 characters tell (not the whole rest, at every space).
        let ahead: String = raw[end..].chars().take(40).collect();
        let rest = normalize(&ahead);
        let last = raw[end..].chars().nth(24).is_none();
        let opens = super::structure::starts_item(&normalize(word))
            || super::fields::label_at(&rest).is_some()
            || super::starts_with_label(&rest)
            || (last && super::notice::is_date(&rest));
        if opens {
            pieces.push(&raw[start..i]);
            start = end;
        }
    }
    pieces.push(&raw[start..]);
    pieces
}

/// The input in simplified characters when it is written in traditional ones (a page from a
/// Taiwan, Hong Kong or wiki mirror): judged on its first 4,000 characters, where at least 8
/// and one in twenty of the Chinese characters differ. None for a simplified text, which a
/// stray traditional character in a name does not turn.
pub fn simplified(input: &str) -> Option<String> {
    // Characters every traditional plan has and no simplified one: without any, nothing to do.
    const TELLTALE: &[char] = &[
        '們', '於', '這', '個', '國', '為', '與', '會', '發', '關', '時', '說', '對', '體', '務',
        '衛', '醫', '經', '開', '實', '進', '劃', '點', '員', '單', '區',
    ];
    if !input.chars().take(4000).any(|c| TELLTALE.contains(&c)) {
        return None;
    }
    let sample: String = input.chars().take(4000).collect();
    let han = sample.chars().filter(|c| is_han(*c)).count();
    let converted = simplet2s::convert(&sample);
    let changed = sample
        .chars()
        .zip(converted.chars())
        .filter(|(a, b)| a != b)
        .count();
    (changed >= 8 && changed * 20 >= han).then(|| simplet2s::convert(input))
}

/// A Chinese character (not punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Normalises one line: full-width digits to ASCII, half-width punctuation of prose to
/// full-width, and spaces removed where they stand between Chinese text (`关于 2020 年`).
pub fn normalize(raw: &str) -> String {
    // Most lines of a plan need nothing: no odd spaces, widths, brackets or half-width marks.
    // A table's row ends (`… |`) are not text either.
    let trimmed =
        raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '|'));
    if !may_need_normalizing(trimmed) {
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
    let punctuated = fullwidth_punctuation(mapped.trim_matches([' ', '|']));
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

/// Whether any character of `text` is one [`needs_normalizing`] names: a scan of the bytes that
/// decodes only the characters whose first byte could begin one (ASCII, and the lead bytes of
/// U+0080–U+07FF, U+1000–U+3FFF and U+F000–U+FFFF); Chinese characters (lead bytes E4–E9) are
/// stepped over whole.
fn may_need_normalizing(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let step = match b {
            0x00..=0x7f => {
                if needs_normalizing(b as char) {
                    return true;
                }
                1
            }
            0xc2..=0xdf | 0xe1..=0xe3 | 0xef => {
                let c = text[i..].chars().next().expect("a character starts here");
                if needs_normalizing(c) {
                    return true;
                }
                c.len_utf8()
            }
            0xf0..=0xff => 4,
            0xe0..=0xee => 3,
            _ => 2,
        };
        i += step;
    }
    false
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
    "监督方式：",
    "监督电话：",
    "接上页",
    "接下页",
    "续上页",
    "适老版",
    "无障碍浏览",
    "长者模式",
    "阅读全文",
    "请先登录",
    "相关推荐",
    "微信订阅号",
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

/// The labels of a government page's information block (信息栏), as [`normalize`] leaves them.
const METADATA_LABELS: &[&str] = &[
    "索引号",
    "主题分类",
    "组配分类",
    "所属类目",
    "体裁",
    "发布机构",
    "发文机关",
    "机构名称",
    "发布单位",
    "信息来源",
    "名称",
    "文号",
    "发文字号",
    "文件编号",
    "成文日期",
    "发文日期",
    "公开日期",
    "发布日期",
    "生成日期",
    "公开类型",
    "公开类别",
    "公开属性",
    "公开方式",
    "公开范围",
    "公开期限",
    "分类",
    "有效性",
    "时效",
    "主题词",
    "关键词",
    "浏览次数",
    "访问次数",
    "生效日期",
    "废止日期",
    "实施日期",
    "所属主题",
    "发布时间",
    // A law database's header (`【法宝引证码】CLI.1.304262`, `【时效性】尚未施行`).
    "法宝引证码",
    "时效性",
    "效力级别",
    "法规类别",
    "发布部门",
    "文件有效性",
    "政策解读",
    "文字解读",
    "图片解读",
];

/// A line of a page's information block (`索引号：…公开日期：…`, `• 发文字号：宝卫〔2023〕4号`):
/// its (label, value) pairs, when the line starts with such a label.
pub fn metadata(text: &str) -> Option<Vec<(&'static str, String)>> {
    let text = text.trim_start_matches(['•', '·', '●', '▪', ' ', '|']);
    // `label：` or, as law databases write it, `〔label〕`.
    let label_at = |rest: &str| {
        let rest = rest.strip_prefix('〔').unwrap_or(rest);
        METADATA_LABELS
            .iter()
            .filter(|l| rest.starts_with(*l) && rest[l.len()..].starts_with(['：', ':', '〕']))
            .max_by_key(|l| l.len())
            .copied()
    };
    // The byte length of the label at the start of `rest`, with its brackets or colon.
    let label_len = |rest: &str, label: &str| {
        let open = if rest.starts_with('〔') {
            '〔'.len_utf8()
        } else {
            0
        };
        open + label.len() + '：'.len_utf8()
    };
    if let Some(pair) = dated(text) {
        return Some(vec![pair]);
    }
    if let Some(pair) = masthead_row(text) {
        return Some(vec![pair]);
    }
    // The label is the text before the first colon or closing bracket, within a label's
    // length (most lines have none there, or a division label).
    let head = text.strip_prefix('〔').unwrap_or(text);
    let (at, _) = head
        .char_indices()
        .take(7)
        .find(|(_, c)| matches!(c, '：' | ':' | '〕'))?;
    if !METADATA_LABELS.contains(&&head[..at]) {
        return None;
    }
    let first = label_at(text)?;
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    let mut label = first;
    let mut value = String::new();
    let mut rest = &text[label_len(text, first)..];
    while let Some(c) = rest.chars().next() {
        if let Some(next) = label_at(rest) {
            pairs.push((label, value.trim_matches([' ', '|']).to_string()));
            label = next;
            value = String::new();
            rest = &rest[label_len(rest, next)..];
            continue;
        }
        value.push(c);
        rest = &rest[c.len_utf8()..];
    }
    pairs.push((label, value.trim_matches([' ', '|']).to_string()));
    Some(pairs)
}

/// `编辑出版： | 黔南州人民政府办公室`: a label and its value in the cells of a page's masthead
/// table (a gazette's imprint), whatever the label.
fn masthead_row(text: &str) -> Option<(&'static str, String)> {
    let (label, value) = text.split_once('：')?;
    let value = value.trim_start();
    ((2..=6).contains(&label.chars().count())
        && label.chars().all(is_han)
        && value.starts_with('|'))
    .then(|| ("信息", value.trim_matches(['|', ' ']).to_string()))
}

/// The information block written as a table without colons (`索引号 000014349/2020-3761045
/// 成文日期 2020-10-15`, `文号 发布时间 2020-10-15`): the raw line's words, when the first is a
/// label and a space follows it.
pub fn spaced_metadata(raw: &str) -> Option<Vec<(&'static str, String)>> {
    let label = |w: &str| METADATA_LABELS.iter().find(|l| **l == w).copied();
    // The first word is a label, of a few characters: look no further on other lines.
    let start = raw.trim_start();
    let (end, _) = start
        .char_indices()
        .take(8)
        .find(|(_, c)| c.is_whitespace())?;
    label(&start[..end])?;
    start[end..].split_whitespace().next()?;
    let words: Vec<&str> = raw.split_whitespace().collect();
    let first = label(words.first()?)?;
    if words.len() < 2 {
        return None;
    }
    let mut pairs = vec![(first, String::new())];
    for word in &words[1..] {
        match label(word) {
            Some(next) => pairs.push((next, String::new())),
            None => {
                let value = &mut pairs.last_mut().expect("one pair at least").1;
                value.push_str(&normalize(word));
            }
        }
    }
    Some(pairs)
}

/// A date and time alone on a line (`2022-09-11 15:14`, `2023/05/04`): a page's timestamp; no
/// plan writes its dates so.
fn is_timestamp(text: &str) -> bool {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (date, time) = text.split_once(' ').unwrap_or((text, ""));
    let parts: Vec<&str> = date.split(['-', '/']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && time.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// `#生活知识# #社会生活#`: a page's hashtags.
fn has_hashtags(text: &str) -> bool {
    text.matches('#').count() >= 4
}

/// `时间：2023-05-04 08:58:16`: a short label and a date with a time of day, which no plan writes.
fn dated(text: &str) -> Option<(&'static str, String)> {
    let (label, value) = text.split_once(['：', ':'])?;
    let value = value.trim();
    let (date, time) = value.split_once(' ')?;
    let numeric = |s: &str, sep: char| {
        !s.is_empty()
            && s.split(sep)
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    (label.chars().count() <= 4
        && date.matches('-').count() == 2
        && numeric(date, '-')
        && time.matches(':').count() >= 1
        && numeric(time.trim(), ':'))
    .then(|| ("时间", value.to_string()))
}

/// True for a line that belongs to the page rather than the document.
pub fn is_noise(text: &str) -> bool {
    if text.chars().nth(80).is_some() {
        return false;
    }
    // A division field (`牵头科室：…`) is content, and is most of a plan's short lines; so is a
    // numbered item, whatever words it holds (`3.实时掌握救护车当前位置`).
    if super::fields::label_at(text).is_some() {
        return false;
    }
    looks_like_noise(text) && !super::structure::starts_item(text)
}

/// The furniture tests of [`is_noise`], content labels and items aside.
fn looks_like_noise(text: &str) -> bool {
    if NOISE_LINES.contains(&text) || is_timestamp(text) || has_hashtags(text) {
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
    fn the_quick_scan_finds_every_character_to_normalize() {
        let every = (0u32..0x1_0000)
            .chain(0x1_f000..0x1_f100)
            .filter_map(char::from_u32);
        for c in every {
            let text = format!("卫生{c}健康");
            assert_eq!(
                may_need_normalizing(&text),
                needs_normalizing(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn a_pages_information_block_is_read_as_such() {
        let pairs = metadata(&normalize(
            "发布机构: 省卫生健康委 文  号: 浙卫发〔2023〕10号",
        ))
        .unwrap();
        assert_eq!(
            pairs,
            [
                ("发布机构", "省卫生健康委".to_string()),
                ("文号", "浙卫发〔2023〕10号".to_string())
            ]
        );
        let pairs = metadata(&normalize("  • 发文字号: 宝卫〔2023〕4号")).unwrap();
        assert_eq!(pairs, [("发文字号", "宝卫〔2023〕4号".to_string())]);
        assert!(metadata(&normalize(
            "索 引 号: 002482365/2023-00095 公开日期: 2023-04-22"
        ))
        .is_some());
        assert!(metadata(&normalize("  • 时间:2023-05-04 08:58:16")).is_some());
        assert!(metadata(&normalize("生效日期: | 2024-10-31 | 废止日期: | |")).is_some());
        assert_eq!(
            metadata(&normalize("【法宝引证码】CLI.1.304262")),
            Some(vec![("法宝引证码", "CLI.1.304262".to_string())])
        );
        assert_eq!(
            metadata(&normalize(
                "编辑出版: | 黔南布依族苗族自治州人民政府办公室 |"
            )),
            Some(vec![(
                "信息",
                "黔南布依族苗族自治州人民政府办公室".to_string()
            )])
        );
        assert_eq!(
            spaced_metadata("文号 发布时间 2020-10-15"),
            Some(vec![
                ("文号", String::new()),
                ("发布时间", "2020-10-15".to_string())
            ])
        );
        assert_eq!(spaced_metadata("名称统一规范 加强管理"), None);
        // Content that merely names such a word is not.
        assert_eq!(metadata("一、名称统一规范"), None);
        assert_eq!(metadata("牵头科室：办公室"), None);
    }

    #[test]
    fn a_page_without_line_breaks_is_cut_where_items_begin() {
        let raw = format!(
            "(十一)破产企业卫生管理 牵头单位:市国资委 配合单位:河东区 主要任务:{}。 (十二)城区废品收购站清理 二OO八年九月八日",
            "对破产企业的卫生进行整治".repeat(8)
        );
        let pieces: Vec<String> = split_run_on(&raw).map(normalize).collect();
        assert_eq!(pieces.len(), 6, "{pieces:?}");
        assert_eq!(pieces[0], "（十一）破产企业卫生管理");
        assert_eq!(pieces[1], "牵头单位：市国资委");
        assert_eq!(pieces[2], "配合单位：河东区");
        assert!(pieces[3].starts_with("主要任务："));
        assert_eq!(pieces[4], "（十二）城区废品收购站清理");
        assert_eq!(pieces[5], "二OO八年九月八日");
        let short = "一、加强党建 （一）深化改革";
        assert_eq!(split_run_on(short).collect::<Vec<_>>(), [short]);
    }

    #[test]
    fn traditional_pages_are_read_in_simplified_characters() {
        assert_eq!(
            simplified("長春市人民政府關於印發健康長春行動實施方案的通知\n一、總體要求").as_deref(),
            Some("长春市人民政府关于印发健康长春行动实施方案的通知\n一、总体要求")
        );
        assert_eq!(simplified("2023年全县卫生健康工作要点"), None);
        assert_eq!(
            simplified("樊於期的故事与卫生健康工作要点的编写和印发"),
            None
        );
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
            "2022-09-11 15:14",
            "政策实施通常通过立法 #生活知识# #社会生活#",
            "适老版-新",
        ] {
            assert!(is_noise(&normalize(text)), "{text}");
        }
        for text in [
            "一、全面加强党的建设",
            "2020年3月31日",
            "完成时限：长期坚持",
            "3.加强打印机管理。",
            "（二）实时掌握救护车当前位置",
        ] {
            assert!(!is_noise(&normalize(text)), "{text}");
        }
    }
}
