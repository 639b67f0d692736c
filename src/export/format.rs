//! The GB/T 9704-2012 numbers (page, margins, line pitch, sizes, fonts) and the layout rules
//! that the .docx ([`super::docx`]) and the HTML preview ([`super::html`]) share: the one place
//! these numbers are written (tested below against the standard's millimetres).

use crate::plan::roster::FontChoice;

/// A4 in twips.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// Margins in millimetres (top, bottom, left, right) as GB/T 9704 gives them.
pub const MARGINS_MM: [i32; 4] = [37, 35, 28, 26];
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

/// Times New Roman, for numerals and Latin letters when the office sets them apart.
pub const FONT_LATIN: &str = "Times New Roman";

/// The name a document gives `font` (one of the `FONT_` names above) under the office's
/// choice: 仿宋 and 楷体 without `_GB2312` when it uses the plain names.
pub fn font_name(font: &str, choice: FontChoice) -> &str {
    match font {
        FONT_BODY if choice.plain_names => "仿宋",
        FONT_KAI if choice.plain_names => "楷体",
        _ => font,
    }
}

/// The font a document sets numerals and Latin letters of a `font` run in.
pub fn latin_name(font: &str, choice: FontChoice) -> &str {
    if choice.latin_in_times {
        FONT_LATIN
    } else {
        font_name(font, choice)
    }
}

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
/// Characters of 三号 on one line of the text block.
pub const CHARS_PER_LINE: i32 = 28;
/// One character of 三号 (16 pt) in twips.
pub const EM: i32 = 320;
/// One character of 四号 (14 pt) in twips: the 版记's and the page number's inset.
pub const EM_4: i32 = 280;
/// The red mark's top edge 35 mm under the top of the text block, in twips (7.2.4).
pub const MARK_TOP: i32 = 1984;
/// The red rule 4 mm under the 发文字号 (the foot of its characters), in twips (7.2.7).
pub const RULE_GAP: i32 = 227;
/// The red rule: 1.5 pt thick (in eighths of a point).
pub const RULE_WIDTH: usize = 12;
/// Every rule (the red one, the 版记's) is drawn under an empty line of its own, so that it
/// spans the text block whatever the indents of the text around it. The red rule's line puts
/// it [`RULE_GAP`] under the number's characters.
pub const RULE_LINE: i32 = RULE_GAP - char_foot(EM);
/// The 版记's rules (7.4.1): the first and the last thick (0.35 mm: 1 pt), those between thin
/// (0.25 mm: 0.75 pt), in eighths of a point, each under a line of [`IMPRINT_RULE_LINE`]; the
/// last lies on the foot of the text block.
pub const IMPRINT_THICK: usize = 8;
pub const IMPRINT_THIN: usize = 6;
pub const IMPRINT_RULE_LINE: i32 = 40;

/// The height a rule takes: its line and its stroke (`width` in eighths of a point), in twips.
pub const fn rule_height(line: i32, width: usize) -> i32 {
    line + width as i32 * 20 / 8
}

/// Where a line of exact height sets its characters, as Word and LibreOffice do: what the line
/// has beyond the font goes above, and the baseline stays the font's descent above the line's
/// foot. The descent of the official fonts and of their free stand-ins lies between a fifth and
/// a third of a character; the model takes a quarter. A character's box (what a ruler measures
/// as its top and bottom edges) reaches 0.88 of a character over the baseline and 0.12 under.
const DESCENT: i32 = 250;
const BOX_ABOVE: i32 = 880;
const BOX_BELOW: i32 = 120;

/// From the top of an exact line of `line` twips to the top edge of its characters of `size`
/// twips.
pub const fn char_top(line: i32, size: i32) -> i32 {
    line - size * (DESCENT + BOX_ABOVE) / 1000
}

/// From the bottom edge of a line's characters of `size` twips to the line's foot.
pub const fn char_foot(size: i32) -> i32 {
    size * (DESCENT - BOX_BELOW) / 1000
}

/// The space above the mark's line that puts its characters' top edge [`MARK_TOP`] under the
/// top of the text block.
pub fn mark_before(mark: &str) -> i32 {
    MARK_TOP - char_top(mark_line(mark), mark_size(mark) as i32 * 10)
}

/// The mark takes the first [`MARK_LINES`] lines of the grid, less [`SLACK`], whatever its size
/// (the space after its line fills them): the 版头 below it stays on the grid.
pub const MARK_LINES: i32 = 5;
/// What the 版头's mark and rule leave of the grid lines they take: Word, WPS and LibreOffice
/// may or may not count a rule's width in its line's height, and the text after it must
/// start on the same grid line in each.
pub const SLACK: i32 = 40;

pub fn mark_after(mark: &str) -> i32 {
    MARK_LINES * LINE - SLACK - mark_before(mark) - mark_line(mark)
}

/// The space after the red rule's line, which fills its grid line.
pub const RULE_AFTER: i32 = LINE - SLACK - rule_height(RULE_LINE, RULE_WIDTH);
/// The 成文日期 four characters in from the right (no seal).
pub const DATE_INSET: i32 = 4 * EM;
/// 发文字号 and 签发人 one character in from their sides when a 签发人 is set.
pub const SIGNER_INSET: i32 = EM;

// 28 characters of 16 pt (less the spacing) fill the 156 mm line, and a 29th does not fit.
const _: () = assert!(CHARS_PER_LINE * (EM + CHAR_SPACING) <= TEXT_WIDTH);
const _: () = assert!((CHARS_PER_LINE + 1) * (EM + CHAR_SPACING) > TEXT_WIDTH);

/// Twips as points (for the HTML preview).
pub fn pt(twips: i32) -> f32 {
    twips as f32 / 20.0
}

/// The exact height of the mark's line, in twips.
pub fn mark_line(mark: &str) -> i32 {
    mark_size(mark) as i32 * 10 + 120
}

/// Width of a line of 三号 text in twips (CJK one em, ASCII half, less the character spacing).
pub fn width(text: &str) -> i32 {
    text.chars()
        .map(|c| if c.is_ascii() { EM / 2 } else { EM } + CHAR_SPACING)
        .sum()
}

/// The 署名's inset from the right: centred over the 成文日期.
pub fn signature_inset(name: &str, date: &str) -> i32 {
    if date.is_empty() {
        return DATE_INSET;
    }
    (DATE_INSET + (width(date) - width(name)) / 2).max(0)
}

/// The page as the export and the preview describe it, from the numbers above.
pub fn page_description() -> String {
    let [top, bottom, left, right] = MARGINS_MM;
    format!(
        "A4，上 {top} 毫米、下 {bottom} 毫米、左 {left} 毫米、右 {right} 毫米；版心 156×225 毫米，每页 {LINES_PER_PAGE} 行、每行 {CHARS_PER_LINE} 字"
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Millimetres in twips (1440 to the inch).
    fn mm(twips: i32) -> f64 {
        twips as f64 * 25.4 / 1440.0
    }

    #[test]
    fn the_numbers_are_the_standards_millimetres() {
        assert!((mm(PAGE_WIDTH as i32) - 210.0).abs() < 0.1);
        assert!((mm(PAGE_HEIGHT as i32) - 297.0).abs() < 0.1);
        let margins = [MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT];
        for (twips, want) in margins.into_iter().zip(MARGINS_MM) {
            assert!(
                (mm(twips) - want as f64).abs() < 0.05,
                "{twips} is not {want} mm"
            );
        }
        assert!((mm(TEXT_WIDTH) - 156.0).abs() < 0.05);
        assert_eq!(MARGIN_LEFT + TEXT_WIDTH + MARGIN_RIGHT, PAGE_WIDTH as i32);
        // 225 mm of text block in 22 exact lines.
        assert!((mm(PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM) - 225.0).abs() < 0.1);
        assert!((mm(LINE * LINES_PER_PAGE) - 225.0).abs() < 0.5);
        assert!((mm(MARK_TOP) - 35.0).abs() < 0.05);
        assert!((mm(RULE_GAP) - 4.0).abs() < 0.05);
        assert_eq!(char_foot(EM) + RULE_LINE, RULE_GAP);
        const { assert!(RULE_AFTER > 0) };
        assert!((IMPRINT_THICK as f64 / 8.0 / 72.0 * 25.4 - 0.35).abs() < 0.01);
        assert!((IMPRINT_THIN as f64 / 8.0 / 72.0 * 25.4 - 0.25).abs() < 0.02);
        // The mark's characters start 35 mm down, whatever its size.
        for mark in [
            "某县卫生健康局文件",
            "中共同心县卫生健康局党组文件",
            &"很长".repeat(20),
        ] {
            let size = mark_size(mark) as i32 * 10;
            assert_eq!(
                mark_before(mark) + char_top(mark_line(mark), size),
                MARK_TOP
            );
            assert!(mark_before(mark) > 0);
            assert!(mark_after(mark) >= 0);
        }
        assert_eq!((SIZE_2, SIZE_3, SIZE_4), (44, 32, 28));
        assert_eq!(INDENT, 2 * EM);
    }

    #[test]
    fn the_signature_stands_centred_over_the_date() {
        let (name, date) = ("中共同心县卫生健康局党组", "2020年3月31日");
        let inset = signature_inset(name, date);
        let centre = |inset: i32, text: &str| inset + width(text) / 2;
        assert!((centre(inset, name) - centre(DATE_INSET, date)).abs() <= 1);
        assert_eq!(signature_inset("短", ""), DATE_INSET);
        assert_eq!(signature_inset(&"很长".repeat(20), date), 0);
    }

    #[test]
    fn the_page_description_names_the_numbers() {
        assert_eq!(
            page_description(),
            "A4，上 37 毫米、下 35 毫米、左 28 毫米、右 26 毫米；版心 156×225 毫米，每页 22 行、每行 28 字"
        );
    }
}
