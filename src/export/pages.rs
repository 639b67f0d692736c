//! The notice on its pages: where each line breaks on the 22 × 28 grid, on which page the text
//! ends, and where the 版记 goes (GB/T 9704-2012 7.4.1 and 7.5). The .docx and the print
//! preview both place the 版记 from this model, and the preview breaks its lines where it says.
//!
//! The model is Word's and LibreOffice's layout of the .docx: every line is one exact line of the
//! grid; a character of 三号 takes 315 twips (16 pt less the −0.25 pt spacing), half that for
//! ASCII; runs of ASCII letters and digits do not break, and stand a fifth of a character apart
//! from the Chinese characters around them (Word's and LibreOffice's default autospace); a
//! comma or full stop that does not fit hangs in the margin (`w:overflowPunct` on) when the
//! line may end after it; other closing marks move down with the character before them; an
//! opening mark never ends a line.

use super::blocks::{Block, Imprint};
use super::format::{
    rule_height, title_lines, CHAR_SPACING, EM, EM_4, IMPRINT_RULE_LINE, IMPRINT_THICK,
    IMPRINT_THIN, INDENT, LINE, LINES_PER_PAGE, MARK_LINES, SLACK, TEXT_WIDTH,
};
use crate::plan::roster::FontChoice;

/// The height of the text block in twips.
pub const PAGE: i32 = LINE * LINES_PER_PAGE;

/// Punctuation that never starts a line (it hangs in the margin, or the character before it
/// moves down with it).
const CLOSING: &str = "，。、；：？！）》」』】〕〉”’％%,.;:?!)]}";
/// Punctuation that may hang in the margin (Word, WPS and LibreOffice hang these, not brackets
/// or quotes).
const HANGING: &str = "，。、";
/// Punctuation that never ends a line (it moves to the next line with what follows).
const OPENING: &str = "（《「『【〔〈“‘([{";

/// A text line's geometry: its width and the width of one character at its size, in twips;
/// whether numerals and Latin letters are set in Times New Roman (else half a character each,
/// as the Chinese fonts set them).
#[derive(Clone, Copy, Debug)]
pub struct Measure {
    pub width: i32,
    pub em: i32,
    pub spacing: i32,
    pub times: bool,
}

/// Times New Roman's advance widths for U+0020 to U+007E, in 2048ths of an em (those of
/// Liberation Serif, made to Times New Roman's metrics: read from its `hmtx` table).
const TIMES: [i32; 95] = [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886,
    1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139,
    1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909,
    1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682,
    797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
];

impl Measure {
    /// A line of 三号 text across the text block.
    pub const BODY: Measure = Measure {
        width: TEXT_WIDTH,
        em: EM,
        spacing: CHAR_SPACING,
        times: false,
    };
    /// A line of the 版记 (四号, one character in on both sides).
    pub const IMPRINT: Measure = Measure {
        width: TEXT_WIDTH - 2 * EM_4,
        em: EM_4,
        spacing: 0,
        times: false,
    };

    /// This measure with the office's fonts.
    pub const fn with(self, fonts: FontChoice) -> Measure {
        Measure {
            times: fonts.latin_in_times,
            ..self
        }
    }

    pub fn advance(&self, c: char) -> i32 {
        let em = match c {
            ' '..='~' if self.times => (self.em * TIMES[c as usize - 0x20] + 1024) / 2048,
            _ if c.is_ascii() => self.em / 2,
            _ => self.em,
        };
        em + self.spacing
    }

    /// The width of `chars[i]` on the line, with the autospace between it and the one before.
    fn width(&self, chars: &[char], i: usize) -> i32 {
        let gap = i > 0 && autospaced(chars[i - 1], chars[i]);
        self.advance(chars[i]) + if gap { self.em / 5 } else { 0 }
    }
}

/// Whether Word and LibreOffice put space between two neighbours: an ASCII letter or digit
/// beside a Chinese character or a CJK mark of U+3000–U+303F (、。〔〕《》…), as LibreOffice's
/// print shows; not beside the full-width forms of ASCII marks (，：；（）％), nor a space.
fn autospaced(a: char, b: char) -> bool {
    (is_cjk(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && is_cjk(b))
}

fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303f}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Where a paragraph's lines break: the char index at which each line after the first begins.
/// `indent` is the first line's indent in twips.
pub fn breaks(text: &str, indent: i32, measure: Measure) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut start, mut x, mut limit) = (0, 0, measure.width - indent);
    let mut i = 0;
    while i < chars.len() {
        let w = if i == start {
            measure.advance(chars[i])
        } else {
            measure.width(&chars, i)
        };
        if x + w <= limit || i == start {
            x += w;
            i += 1;
            continue;
        }
        // `chars[i]` does not fit. A closing mark hangs in the margin when the line may end
        // after it; else the line ends at the last point before it where a line may.
        if HANGING.contains(chars[i]) && (i + 1 == chars.len() || may_break(&chars, i + 1)) {
            i += 1;
            if i < chars.len() {
                out.push(i);
                (start, x, limit) = (i, 0, measure.width);
            }
            continue;
        }
        let mut at = i;
        while at > start + 1 && !may_break(&chars, at) {
            at -= 1;
        }
        if !may_break(&chars, at) {
            at = i;
        }
        out.push(at);
        (start, x, limit) = (at, 0, measure.width);
        i = at;
    }
    out
}

/// Whether a line may begin at `chars[at]`: not with closing punctuation, not after opening
/// punctuation, not inside a run of ASCII letters and digits (but after a hyphen that follows a
/// letter).
fn may_break(chars: &[char], at: usize) -> bool {
    let (before, here) = (chars[at - 1], chars[at]);
    // A hyphen after a letter ends a line ("COVID-" / "19"), as Word and LibreOffice break it.
    let after_hyphen = before == '-' && at >= 2 && chars[at - 2].is_ascii_alphabetic();
    let inside_word = is_word(before) && is_word(here) && !after_hyphen;
    !(CLOSING.contains(here) || OPENING.contains(before) || inside_word)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '@' | '+' | '#' | '&')
}

/// Lines of a paragraph.
pub fn lines(text: &str, indent: i32, measure: Measure) -> i32 {
    breaks(text, indent, measure).len() as i32 + 1
}

/// The first-line indent of a block's paragraph, when its text flows over lines.
pub fn indent_of(block: &Block) -> Option<i32> {
    match block {
        Block::Body(_)
        | Block::AttachmentNote(_)
        | Block::Note(_)
        | Block::Item { .. }
        | Block::Field { .. } => Some(INDENT),
        Block::Recipients(_) => Some(0),
        _ => None,
    }
}

/// The text of a block's paragraph as one string (a task's lead and first paragraph joined).
pub fn flowing_text(block: &Block) -> Option<String> {
    Some(match block {
        Block::Body(t) | Block::AttachmentNote(t) | Block::Note(t) | Block::Recipients(t) => {
            t.clone()
        }
        Block::Item { head, text, .. } => format!("{head}{text}"),
        Block::Field { label, value } => format!("{label}：{value}"),
        _ => return None,
    })
}

/// One line as the model sets it: its text and its height in twips.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub height: i32,
}

fn line(text: impl Into<String>, height: i32) -> Line {
    Line {
        text: text.into(),
        height,
    }
}

/// A block's lines (none for the 版记, the rule and a page break).
fn block_lines(block: &Block, fonts: FontChoice) -> Vec<Line> {
    if let (Some(text), Some(indent)) = (flowing_text(block), indent_of(block)) {
        let chars: Vec<char> = text.chars().collect();
        let mut at = vec![0];
        at.extend(breaks(&text, indent, Measure::BODY.with(fonts)));
        at.push(chars.len());
        return at
            .windows(2)
            .map(|w| line(chars[w[0]..w[1]].iter().collect::<String>(), LINE))
            .collect();
    }
    match block {
        Block::Mark(mark) => vec![line(mark, MARK_LINES * LINE - SLACK)],
        Block::Title(text) => title_lines(text)
            .into_iter()
            .map(|l| line(l, LINE))
            .collect(),
        Block::Signature { name, date } => [name, date]
            .into_iter()
            .filter(|t| !t.is_empty())
            .map(|t| line(t.as_str(), LINE))
            .collect(),
        Block::Rule => vec![line("", LINE - SLACK)],
        Block::Imprint(_) | Block::PageBreak => Vec::new(),
        _ => vec![line(block.texts().concat(), LINE)],
    }
}

/// The text's pages as the model lays them out: each page's lines, top to bottom. Lines go to
/// the next page when they do not fit; a page break starts a new page (none at a page's top).
pub fn lay_out(blocks: &[Block], fonts: FontChoice) -> Vec<Vec<Line>> {
    let mut pages: Vec<Vec<Line>> = vec![Vec::new()];
    let mut used = 0;
    for block in blocks {
        if matches!(block, Block::PageBreak) {
            if used > 0 {
                pages.push(Vec::new());
                used = 0;
            }
            continue;
        }
        for l in block_lines(block, fonts) {
            if used + l.height > PAGE && used > 0 {
                pages.push(Vec::new());
                used = 0;
            }
            used += l.height;
            pages.last_mut().expect("one page at least").push(l);
        }
    }
    pages
}

/// Where the text ends: on which page (from 1), and how much of that page it fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow {
    pub pages: usize,
    /// Twips of the last page's text block taken, in 0..=[`PAGE`].
    pub used: i32,
}

/// Where the blocks (the 版记 aside) end on the pages of [`lay_out`].
pub fn flow(blocks: &[Block], fonts: FontChoice) -> Flow {
    let pages = lay_out(blocks, fonts);
    Flow {
        pages: pages.len(),
        used: pages.last().map_or(0, |p| p.iter().map(|l| l.height).sum()),
    }
}

/// The width of 抄送's label (`抄送：`, `抄报：`) in twips: its further lines start under the
/// first word after the colon (GB/T 9704 7.4.2).
pub fn copy_to_label(copy_to: &str, fonts: FontChoice) -> i32 {
    copy_to
        .find(['：', ':'])
        .filter(|&at| copy_to[..at].chars().count() <= 4)
        .map_or(0, |at| {
            let label = &copy_to[..at + copy_to[at..].chars().next().map_or(0, char::len_utf8)];
            let measure = Measure::IMPRINT.with(fonts);
            label.chars().map(|c| measure.advance(c)).sum()
        })
}

/// The lines of 抄送: the first across the 版记's width, the others after its label.
pub fn copy_to_breaks(copy_to: &str, fonts: FontChoice) -> Vec<usize> {
    let label = copy_to_label(copy_to, fonts);
    let measure = Measure {
        width: Measure::IMPRINT.width - label,
        ..Measure::IMPRINT.with(fonts)
    };
    breaks(copy_to, -label, measure)
}

/// The rows of the 版记, in lines of the grid.
pub fn imprint_lines(imprint: &Imprint, fonts: FontChoice) -> i32 {
    let copy = imprint
        .copy_to
        .as_ref()
        .map_or(0, |c| copy_to_breaks(c, fonts).len() as i32 + 1);
    copy + imprint.printed.is_some() as i32
}

/// How many rows the 版记 has (抄送, 印发), each between two of its rules.
fn imprint_rows(imprint: &Imprint) -> i32 {
    imprint.copy_to.is_some() as i32 + imprint.printed.is_some() as i32
}

/// What the 版记 takes at the foot of its page: its lines, and its rules (the first and the
/// last thick, those between thin), each on a line of its own.
pub fn imprint_height(imprint: &Imprint, fonts: FontChoice) -> i32 {
    let rows = imprint_rows(imprint);
    imprint_lines(imprint, fonts) * LINE
        + 2 * rule_height(IMPRINT_RULE_LINE, IMPRINT_THICK)
        + (rows - 1).max(0) * rule_height(IMPRINT_RULE_LINE, IMPRINT_THIN)
}

/// Where the 版记 goes: the foot of the last page, which is even (GB/T 9704 7.4.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The text ends on an even page with room: the 版记 at its foot, numbered like it.
    SamePage,
    /// The text ends on an odd page: the 版记 on the next page, numbered.
    NextPage,
    /// The text ends on an even page without room: a blank page, then the 版记's page; neither
    /// carries a page number (7.5).
    AfterBlank,
}

/// Where the 版记 goes, the page it is on, and the space above it on that page (twips).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub place: Place,
    pub page: usize,
    pub space_above: i32,
}

impl Placement {
    /// Whether the page of the 版记 carries a page number.
    pub fn numbered(&self) -> bool {
        self.place != Place::AfterBlank
    }
}

/// The 版记's placement for the text's flow.
pub fn place(text: Flow, imprint: &Imprint, fonts: FontChoice) -> Placement {
    let need = imprint_height(imprint, fonts);
    let room = PAGE - text.used;
    let (place, page, space_above) = if text.pages % 2 == 1 {
        (Place::NextPage, text.pages + 1, PAGE - need)
    } else if room >= need {
        (Place::SamePage, text.pages, room - need)
    } else {
        (Place::AfterBlank, text.pages + 2, PAGE - need)
    };
    Placement {
        place,
        page,
        space_above: space_above.max(0),
    }
}

/// The 版记's placement in a notice's blocks, if it has one.
pub fn imprint_placement(blocks: &[Block], fonts: FontChoice) -> Option<Placement> {
    let imprint = blocks.iter().find_map(|b| match b {
        Block::Imprint(imprint) => Some(imprint),
        _ => None,
    })?;
    let text: Vec<Block> = blocks
        .iter()
        .filter(|b| !matches!(b, Block::Imprint(_)))
        .cloned()
        .collect();
    Some(place(flow(&text, fonts), imprint, fonts))
}

impl Place {
    pub fn label(self) -> &'static str {
        match self {
            Place::SamePage => "正文末页",
            Place::NextPage => "正文后一页",
            Place::AfterBlank => "空白页后",
        }
    }
}

/// The model's pages as text (`yaodian export --format pages`): each page's lines under its
/// number, then where the 版记 goes: `版记<TAB>第N页<TAB>正文末页|正文后一页|空白页后<TAB>有页码|无页码`.
pub fn pages_text(blocks: &[Block], fonts: FontChoice) -> String {
    let text: Vec<Block> = blocks
        .iter()
        .filter(|b| !matches!(b, Block::Imprint(_)))
        .cloned()
        .collect();
    let mut out = String::new();
    for (n, page) in lay_out(&text, fonts).iter().enumerate() {
        out.push_str(&format!("=== 第{}页\n", n + 1));
        for l in page {
            out.push_str(&l.text);
            out.push('\n');
        }
    }
    if let Some(p) = imprint_placement(blocks, fonts) {
        let numbered = if p.numbered() {
            "有页码"
        } else {
            "无页码"
        };
        out.push_str(&format!(
            "版记\t第{}页\t{}\t{numbered}\n",
            p.page,
            p.place.label()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: FontChoice = FontChoice {
        plain_names: false,
        latin_in_times: false,
    };

    fn split(text: &str, indent: i32) -> Vec<String> {
        let block = if indent == 0 {
            Block::Recipients(text.into())
        } else {
            Block::Body(text.into())
        };
        block_lines(&block, D).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn twenty_eight_characters_to_a_line_twenty_six_after_the_indent() {
        let text = "一".repeat(60);
        let lines = split(&text, INDENT);
        assert_eq!(
            lines.iter().map(|l| l.chars().count()).collect::<Vec<_>>(),
            [26, 28, 6]
        );
    }

    #[test]
    fn closing_punctuation_hangs_and_opening_punctuation_moves_down() {
        let hang = format!("{}。后", "一".repeat(28));
        assert_eq!(
            split(&hang, 0),
            [format!("{}。", "一".repeat(28)), "后".into()]
        );
        // Two closing marks: one cannot hang, so the character before moves down with them.
        let two = format!("{}二。”后", "一".repeat(27));
        assert_eq!(split(&two, 0), ["一".repeat(27), "二。”后".into()]);
        let open = format!("{}“二”", "一".repeat(27));
        assert_eq!(split(&open, 0), ["一".repeat(27), "“二”".into()]);
    }

    #[test]
    fn numbers_and_words_do_not_break() {
        let text = format!("{}2020年", "一".repeat(27));
        // 27 characters and "20" would fit; "2020" does not.
        assert_eq!(split(&text, 0), ["一".repeat(27), "2020年".into()]);
    }

    fn body(lines: usize) -> Vec<Block> {
        (0..lines).map(|_| Block::Body("一".into())).collect()
    }

    #[test]
    fn the_imprint_goes_on_the_last_even_page() {
        let imprint = Imprint {
            copy_to: Some("抄送：县委办。".into()),
            printed: Some(("办公室".into(), "2020年3月31日印发".into())),
        };
        let at = |lines| place(flow(&body(lines), D), &imprint, D);
        // Ends on page 1: the 版记 on page 2, at its foot, numbered.
        let one = at(5);
        assert_eq!(
            (one.place, one.page, one.numbered()),
            (Place::NextPage, 2, true)
        );
        assert_eq!(one.space_above, PAGE - imprint_height(&imprint, D));
        // Two rows between a thick rule, a thin one and a thick one, each on a line of its own.
        assert_eq!(
            imprint_height(&imprint, D),
            2 * LINE + 3 * IMPRINT_RULE_LINE + 2 * 20 + 15
        );
        // Ends on page 2 with room: the same page.
        let two = at(22 + 10);
        assert_eq!((two.place, two.page), (Place::SamePage, 2));
        assert_eq!(
            two.space_above,
            PAGE - 10 * LINE - imprint_height(&imprint, D)
        );
        // Ends on page 2 without room: a blank page 3, the 版记 on page 4, no numbers.
        let full = at(22 + 20);
        assert_eq!(
            (full.place, full.page, full.numbered()),
            (Place::AfterBlank, 4, false)
        );
        assert_eq!(at(44).place, Place::AfterBlank);
        assert_eq!(at(22 + 19).place, Place::SamePage);
        assert_eq!(
            at(22 + 19).space_above,
            PAGE - 19 * LINE - imprint_height(&imprint, D)
        );
    }

    #[test]
    fn a_page_break_starts_a_page() {
        let mut blocks = body(3);
        blocks.push(Block::PageBreak);
        blocks.extend(body(2));
        assert_eq!(
            flow(&blocks, D),
            Flow {
                pages: 2,
                used: 2 * LINE
            }
        );
        // A full page then a break: one page, not two.
        let mut blocks = body(22);
        blocks.push(Block::PageBreak);
        blocks.extend(body(1));
        assert_eq!(flow(&blocks, D).pages, 2);
    }
}
