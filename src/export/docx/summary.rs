//! The year-end summary skeleton as a .docx on the same grid as the notice.

use docx_rs::{Docx, Paragraph, Settings, SpecialIndentType};

use super::{
    blank, body, centered, explicit_defaults, fonts, level_font, line, margins, pack,
    page_number_footer, run, title, FONT_BODY, FONT_KAI, INDENT, PAGE_HEIGHT, PAGE_WIDTH, SIZE_3,
};
use crate::export::list::summary_lines;
use crate::ledger::summary::Summary;

/// A heading at `depth` (0: 黑体, 1: 楷体) with the first-line indent of body text.
fn heading(text: &str, depth: usize) -> Paragraph {
    line()
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .add_run(run(text, level_font(depth), SIZE_3))
}

pub fn summary_docx(summary: &Summary) -> Vec<u8> {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
        .settings(Settings::new().even_and_odd_headers())
        .default_fonts(fonts(FONT_BODY))
        .default_size(SIZE_3)
        .footer(page_number_footer(true))
        .even_footer(page_number_footer(false));
    let mut paragraphs = vec![
        title(&summary.title),
        centered(&summary.subtitle, FONT_KAI, SIZE_3),
        blank(),
    ];
    for (depth, text) in summary_lines(summary) {
        paragraphs.push(match depth {
            Some(depth) => heading(&text, depth),
            None => body(&text),
        });
    }
    for paragraph in paragraphs {
        docx = docx.add_paragraph(paragraph);
    }
    let mut xml = docx.build();
    xml.styles = explicit_defaults(&xml.styles);
    pack(xml)
}
