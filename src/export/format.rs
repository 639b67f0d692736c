//! The GB/T 9704-2012 numbers (page, margins, line pitch, sizes, fonts) and the layout rules
//! that the .docx ([`super::docx`]) and the HTML preview ([`super::html`]) share.

/// A4 in twips.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// Margins in twips: 37, 35, 28 and 26 mm.
pub const MARGIN_TOP: i32 = 2098;
pub const MARGIN_BOTTOM: i32 = 1984;
pub const MARGIN_LEFT: i32 = 1588;
pub const MARGIN_RIGHT: i32 = 1474;
/// Exact line pitch: 225 mm / 22 lines = 28.95 pt.
pub const LINE: i32 = 579;
pub const LINES_PER_PAGE: i32 = 22;
/// Two characters of 16 pt: the first-line indent, in twips.
pub const INDENT: i32 = 640;
/// Character spacing of 16 pt runs, in twentieths of a point (−0.25 pt).
pub const CHAR_SPACING: i32 = -5;

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt.
pub const SIZE_2: usize = 44;
pub const SIZE_3: usize = 32;
pub const SIZE_4: usize = 28;
/// The red 发文机关标志 at most (36 pt), smaller when the name is long.
pub const SIZE_MARK: usize = 72;

pub const FONT_TITLE: &str = "方正小标宋简体";
pub const FONT_BODY: &str = "仿宋_GB2312";
pub const FONT_HEI: &str = "黑体";
pub const FONT_KAI: &str = "楷体_GB2312";
pub const FONT_SONG: &str = "宋体";
pub const RED: &str = "FF0000";

/// The font of a heading or lead sentence at each level: 黑体, 楷体, 仿宋, 仿宋.
pub fn level_font(depth: usize) -> &'static str {
    match depth {
        0 => FONT_HEI,
        1 => FONT_KAI,
        _ => FONT_BODY,
    }
}

/// Width of the text block in twips (156 mm).
pub const TEXT_WIDTH: i32 = 8844;

/// The red mark as large as 36 pt allows while it stays on one line of the text block.
pub fn mark_size(mark: &str) -> usize {
    let ems: f64 = mark
        .chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum();
    let fits = (440.0 / ems.max(1.0) * 2.0).floor() as usize;
    fits.clamp(SIZE_2, SIZE_MARK)
}

/// Characters of 二号 (22 pt) on one line of the 156 mm text block.
const TITLE_LINE: f64 = 20.0;

fn ems(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// Splits a long title into lines of at most [`TITLE_LINE`] characters at sensible points.
pub fn title_lines(text: &str) -> Vec<String> {
    if ems(text) <= TITLE_LINE {
        return vec![text.to_string()];
    }
    let chars: Vec<char> = text.chars().collect();
    let total = ems(text);
    let mut best: Option<(f64, usize)> = None;
    for i in 1..chars.len() {
        let head: String = chars[..i].iter().collect();
        let tail: String = chars[i..].iter().collect();
        if ems(&head) > TITLE_LINE {
            break;
        }
        if chars[i - 1].is_ascii_digit() && chars[i].is_ascii_digit() {
            continue; // never inside a number
        }
        let good_break = head.ends_with("关于")
            || head.ends_with('暨')
            || head.ends_with('及')
            || head.ends_with('和')
            || head.ends_with('、')
            || tail.starts_with("的通知")
            || tail.starts_with("的意见");
        // Prefer balanced lines, and much prefer sensible break points.
        let balance = (ems(&head) - total / 2.0).abs();
        let score = balance - if good_break { 6.0 } else { 0.0 };
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, i));
        }
    }
    let at = best.map_or(chars.len() / 2, |(_, i)| i);
    let mut lines = vec![chars[..at].iter().collect::<String>()];
    lines.extend(title_lines(&chars[at..].iter().collect::<String>()));
    lines
}
