//! Runs and paragraphs on the 22-line grid: the pieces every part of the .docx is made of.

use docx_rs::{
    AlignmentType, BorderType, BreakType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
};

use super::{
    title_lines, CHAR_SPACING, FONT_BODY, FONT_TITLE, INDENT, LINE, SIZE_2, SIZE_3, TEXT_WIDTH,
};

/// The same font for every script of a run (East Asian text above all).
pub(super) fn fonts(font: &str) -> RunFonts {
    RunFonts::new()
        .ascii(font)
        .hi_ansi(font)
        .east_asia(font)
        .cs(font)
}

/// Punctuation Unicode gives an ambiguous width: Word and WPS set it half width in the Latin
/// font unless the run says it is East Asian text.
const AMBIGUOUS: [char; 9] = ['“', '”', '‘', '’', '—', '–', '…', '·', '―'];

/// The fonts of a run of `text`: East Asian (`w:hint="eastAsia"`) when it holds punctuation
/// of ambiguous width, so that quotes, dashes and ellipses are full width in Word and WPS.
pub(super) fn fonts_for(text: &str, font: &str) -> RunFonts {
    if text.contains(AMBIGUOUS) {
        fonts(font).hint("eastAsia")
    } else {
        fonts(font)
    }
}

/// Text as XML 1.0 allows it: control characters (other than tab) would make Word refuse the
/// whole file.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// A run of `text`; 三号 runs get the −0.25 pt character spacing of the grid.
pub(super) fn run(text: &str, font: &str, size: usize) -> Run {
    let run = Run::new()
        .add_text(xml_text(text))
        .fonts(fonts_for(text, font))
        .size(size);
    if size == SIZE_3 {
        run.character_spacing(CHAR_SPACING)
    } else {
        run
    }
}

/// A paragraph on the 22-line grid.
pub(super) fn line() -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .line(LINE)
                .line_rule(LineSpacingType::Exact)
                .before(0)
                .after(0),
        )
        .widow_control(false)
}

/// A paragraph with the first-line indent of body text, its runs in 三号.
pub(super) fn indented(runs: &[(&str, &str)]) -> Paragraph {
    let mut p = line().indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None);
    for (text, font) in runs {
        p = p.add_run(run(text, font, SIZE_3));
    }
    p
}

pub(super) fn body(text: &str) -> Paragraph {
    indented(&[(text, FONT_BODY)])
}

pub(super) fn blank() -> Paragraph {
    line().add_run(run("", FONT_BODY, SIZE_3))
}

pub(super) fn centered(text: &str, font: &str, size: usize) -> Paragraph {
    line()
        .align(AlignmentType::Center)
        .add_run(run(text, font, size))
}

/// Flush right, `inset` twips in from the right margin.
pub(super) fn right(text: &str, inset: i32) -> Paragraph {
    line()
        .align(AlignmentType::Right)
        .indent(None, None, Some(inset), None)
        .add_run(run(text, FONT_BODY, SIZE_3))
}

/// A title in 二号小标宋, centred, broken over lines where the sense allows (after 关于, 暨,
/// 及, 和, or before 的通知) rather than wherever the line happens to end.
pub(super) fn title(text: &str) -> Paragraph {
    let mut paragraph = line().align(AlignmentType::Center);
    let lines = title_lines(text);
    for (i, part) in lines.iter().enumerate() {
        let mut r = run(part, FONT_TITLE, SIZE_2);
        if i + 1 < lines.len() {
            r = r.add_break(BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(r);
    }
    paragraph
}

/// A line with runs at the left and runs at the right, each `inset` twips in from its side:
/// a right-aligned tab stop (measured from the left margin) at the text width less the inset.
pub(super) fn left_and_right(
    inset: i32,
    size: usize,
    left: Vec<Run>,
    right: Vec<Run>,
) -> Paragraph {
    let mut paragraph = line().indent(Some(inset), None, Some(inset), None).add_tab(
        docx_rs::Tab::new()
            .val(docx_rs::TabValueType::Right)
            .pos((TEXT_WIDTH - inset) as usize),
    );
    for r in left {
        paragraph = paragraph.add_run(r);
    }
    paragraph = paragraph.add_run(run("", FONT_BODY, size).add_tab());
    for r in right {
        paragraph = paragraph.add_run(r);
    }
    paragraph
}

/// An empty paragraph of an exact `height` (twips) with a rule of `width` (eighths of a point)
/// under it: no indent, so the rule spans the text block.
pub(super) fn rule_line(height: i32, width: usize, color: &str) -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .line(height)
                .line_rule(LineSpacingType::Exact)
                .before(0)
                .after(0),
        )
        .widow_control(false)
        .set_borders(ParagraphBorders::with_empty().set(border(
            ParagraphBorderPosition::Bottom,
            width,
            0,
            color,
        )))
}

pub(super) fn border(
    position: ParagraphBorderPosition,
    size: usize,
    space: usize,
    color: &str,
) -> ParagraphBorder {
    ParagraphBorder::new(position)
        .val(BorderType::Single)
        .size(size)
        .space(space)
        .color(color)
}
