//! The task-division table as a landscape .docx of its own.

use docx_rs::{AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph};

use super::page::{explicit_defaults, pack, page_number_footer};
use super::paragraph::{fonts, run};
use super::{
    FONT_BODY, FONT_HEI, FONT_KAI, FONT_TITLE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
    MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH, SIZE_2,
};
use crate::export::table;
use crate::plan::model::Plan;
use crate::plan::roster::FontChoice;

/// The task-division table as a .docx of its own: A4 landscape (the portrait margins turned with
/// the page), a title, and the table, sections as rows across it.
pub fn division_table_docx(plan: &Plan, choice: FontChoice) -> Vec<u8> {
    use docx_rs::{Table, TableCell, TableRow, VAlignType, WidthType};
    // Column widths in twips; together the landscape text block (297 − 37 − 35 = 225 mm).
    let widths = [900usize, 6300, 1500, 2000, 2200, 1480];
    let cell = |text: &str, font: &str, center: bool| {
        let p = Paragraph::new()
            .line_spacing(
                LineSpacing::new()
                    .line(360)
                    .line_rule(LineSpacingType::Auto)
                    .before(0)
                    .after(0),
            )
            .add_run(run(text, font, 24));
        let p = if center {
            p.align(AlignmentType::Center)
        } else {
            p
        };
        TableCell::new()
            .add_paragraph(p)
            .vertical_align(VAlignType::Center)
    };
    let mut rows = vec![TableRow::new(
        table::COLUMNS
            .iter()
            .zip(widths)
            .map(|(name, w)| cell(name, FONT_HEI, true).width(w, WidthType::Dxa))
            .collect(),
    )
    .cant_split()];
    for row in table::rows(plan) {
        rows.push(match row {
            table::Row::Section(title) => TableRow::new(vec![cell(&title, FONT_KAI, false)
                .grid_span(6)
                .width(widths.iter().sum(), WidthType::Dxa)])
            .cant_split(),
            table::Row::Task(cells) => TableRow::new(
                cells
                    .iter()
                    .zip(widths)
                    .enumerate()
                    .map(|(i, (text, w))| {
                        cell(text, FONT_BODY, i == 0 || i == 5).width(w, WidthType::Dxa)
                    })
                    .collect(),
            ),
        });
    }
    let table = Table::new(rows).set_grid(widths.to_vec());
    let docx = Docx::new()
        .page_size(PAGE_HEIGHT, PAGE_WIDTH)
        .page_orient(docx_rs::PageOrientationType::Landscape)
        .page_margin(PageMargin {
            top: MARGIN_LEFT,
            bottom: MARGIN_RIGHT,
            left: MARGIN_TOP,
            right: MARGIN_BOTTOM,
            header: 851,
            footer: 850,
            gutter: 0,
        })
        .default_fonts(fonts(FONT_BODY))
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(
            &table::table_title(plan),
            FONT_TITLE,
            SIZE_2,
        )))
        .add_paragraph(Paragraph::new())
        .add_table(table)
        .footer(page_number_footer(true));
    let mut xml = docx.build();
    xml.styles = explicit_defaults(&xml.styles);
    xml.document = repeat_header_row(&xml.document);
    pack(xml, choice)
}

/// The table's first row repeats at the top of every page (`w:tblHeader`, which docx-rs does
/// not write).
fn repeat_header_row(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let first = "<w:tr><w:trPr><w:cantSplit /></w:trPr>";
    xml.replacen(
        first,
        "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>",
        1,
    )
    .into_bytes()
}
