//! The notice as a GB/T 9704-2012 .docx (docx-rs), made alike for Word, WPS and LibreOffice: a
//! walk over [`crate::export::blocks`], split by document element (the page and footers, the
//! 版头, the 版记; runs and paragraphs in [`paragraph`]).
//!
//! Layout choices (numbers in [`crate::export::format`] and DOMAIN.md): A4, margins
//! 37/35/28/26 mm; exact line spacing of 579 twips on every paragraph and −0.25 pt character
//! spacing on every 16 pt run, which gives 22 lines of 28 characters in LibreOffice as in Word;
//! widow control off; first-line indents in twips; fonts named for East Asian text on every run;
//! `w:overflowPunct` written explicitly.

use docx_rs::{Paragraph, Section};

mod header;
mod imprint;
mod page;
mod paragraph;
mod summary;
mod table;

pub use super::format::*;
pub use summary::{bulletin_docx, summary_docx};
pub use table::division_table_docx;

use super::blocks::{notice_blocks, Block, NoticeOptions};
use super::pages::{imprint_placement, Place};
use crate::plan::model::Plan;
use crate::plan::roster::FontChoice;
use paragraph::{blank, body, centered, indented, line, right, run, title};

/// One block as paragraphs (the 版记 is placed by [`notice_docx`]; a page break is the next
/// paragraph's `w:pageBreakBefore`, so that it takes no line of its own).
fn paragraphs(block: &Block) -> Vec<Paragraph> {
    let one = match block {
        Block::Mark(mark) => header::mark(mark),
        Block::Number { number, signer } => header::number(number, signer),
        Block::Rule => header::rule(),
        Block::Title(text) => title(text),
        Block::Subtitle(text) => centered(text, FONT_KAI, SIZE_3),
        Block::Recipients(text) => line().add_run(run(text, FONT_BODY, SIZE_3)),
        Block::Body(text) | Block::AttachmentNote(text) | Block::Note(text) => body(text),
        Block::Item {
            depth, head, text, ..
        } => indented(&[(head, level_font(*depth)), (text, FONT_BODY)]),
        Block::Field { label, value } => body(&format!("{label}：{value}")),
        Block::AttachmentHead => line().add_run(run("附件", FONT_HEI, SIZE_3)),
        // 署名 and 成文日期 without a seal: the date four characters in from the right, the
        // signature centred over the date.
        Block::Signature { name, date } => {
            let mut out = Vec::new();
            if !name.is_empty() {
                out.push(right(name, signature_inset(name, date)));
            }
            if !date.is_empty() {
                out.push(right(date, DATE_INSET));
            }
            return out;
        }
        Block::Imprint(_) | Block::PageBreak => return Vec::new(),
        Block::Blank => blank(),
    };
    vec![one]
}

/// Blocks as paragraphs; a page break starts the paragraph after it on a new page.
fn walk<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut new_page = false;
    for block in blocks {
        new_page |= matches!(block, Block::PageBreak);
        for paragraph in paragraphs(block) {
            out.push(if std::mem::take(&mut new_page) {
                paragraph.page_break_before(true)
            } else {
                paragraph
            });
        }
    }
    out
}

/// The notice as .docx bytes. The 版记 goes where [`crate::export::pages`] places it: at the
/// foot of the text's last page when that is even and has room, else of the next even page;
/// after a blank page, the 版记's page and the blank one are a section without page numbers.
pub fn notice_docx(plan: &Plan, options: NoticeOptions) -> Vec<u8> {
    let blocks = notice_blocks(plan, options);
    let placement = imprint_placement(&blocks, options.fonts);
    let (text, imprint): (Vec<&Block>, Vec<&Block>) =
        blocks.iter().partition(|b| !matches!(b, Block::Imprint(_)));
    let imprint = imprint.into_iter().find_map(|b| match b {
        Block::Imprint(imprint) => Some(imprint),
        _ => None,
    });
    let (Some(imprint), Some(placement)) = (imprint, placement) else {
        return paragraphs_docx(walk(text), options.fonts);
    };
    let rows = imprint::imprint(imprint, placement, options.fonts);
    if placement.place != Place::AfterBlank {
        return paragraphs_docx(walk(text).into_iter().chain(rows).collect(), options.fonts);
    }
    // (docx-rs keeps one footer per added section; the even one is added after the build.)
    let mut main = Section::new()
        .page_size(docx_rs::PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT))
        .page_margin(page::margins())
        .footer(page::page_number_footer(true));
    for paragraph in walk(text) {
        main = main.add_paragraph(paragraph);
    }
    // The new section's first page is the blank one.
    let mut docx = page::document().add_section(main).add_paragraph(blank());
    for paragraph in rows {
        docx = docx.add_paragraph(paragraph);
    }
    let mut xml = page::footers(docx, false).build();
    xml.styles = page::explicit_defaults(&xml.styles);
    page::add_even_footer_to_first_section(&mut xml);
    page::pack(xml, options.fonts)
}

/// Paragraphs as a .docx of one section with page numbers.
fn paragraphs_docx(paragraphs: Vec<Paragraph>, fonts: FontChoice) -> Vec<u8> {
    let mut docx = page::document();
    for paragraph in paragraphs {
        docx = docx.add_paragraph(paragraph);
    }
    page::finish(page::footers(docx, true), fonts)
}

/// Blocks (the summary's) as a .docx with page numbers.
fn blocks_docx(blocks: &[Block], fonts: FontChoice) -> Vec<u8> {
    paragraphs_docx(walk(blocks), fonts)
}
