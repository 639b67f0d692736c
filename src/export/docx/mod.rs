//! The notice as a GB/T 9704-2012 .docx (docx-rs), made alike for Word, WPS and LibreOffice.
//!
//! Layout choices (numbers in DOMAIN.md): A4, margins 37/35/28/26 mm; exact line spacing of
//! 579 twips on every paragraph and −0.25 pt character spacing on every 16 pt run, which gives
//! 22 lines of 28 characters in LibreOffice as in Word; widow control off; first-line indents in
//! twips; fonts named for East Asian text on every run; `w:overflowPunct` written explicitly.

use docx_rs::{
    AlignmentType, BorderType, BreakType, BuildXML, Docx, FieldCharType, Footer, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Section, Settings, SpecialIndentType,
};

mod summary;
mod table;

pub use super::format::*;
pub use super::DocxOptions;
pub use summary::summary_docx;
pub use table::division_table_docx;

use super::paragraphs;
use super::table as table_rows;
use super::text::{division_fields, lead_sentence};
use crate::plan::model::{NodeKind, Plan};
use crate::plan::numbering::number;

/// The same font for every script of a run (East Asian text above all).
fn fonts(font: &str) -> RunFonts {
    RunFonts::new()
        .ascii(font)
        .hi_ansi(font)
        .east_asia(font)
        .cs(font)
}

/// Text as XML 1.0 allows it: control characters (other than tab) would make Word refuse the
/// whole file.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

fn run(text: &str, font: &str, size: usize) -> Run {
    let run = Run::new()
        .add_text(xml_text(text))
        .fonts(fonts(font))
        .size(size);
    if size == SIZE_3 {
        run.character_spacing(CHAR_SPACING)
    } else {
        run
    }
}

/// A paragraph on the 22-line grid.
fn line() -> Paragraph {
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

fn body(text: &str) -> Paragraph {
    line()
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .add_run(run(text, FONT_BODY, SIZE_3))
}

fn blank() -> Paragraph {
    line().add_run(run("", FONT_BODY, SIZE_3))
}

fn centered(text: &str, font: &str, size: usize) -> Paragraph {
    line()
        .align(AlignmentType::Center)
        .add_run(run(text, font, size))
}

/// A title in 二号小标宋, centred, broken over lines where the sense allows (after 关于, 暨,
/// 及, 和, or before 的通知) rather than wherever the line happens to end.
fn title(text: &str) -> Paragraph {
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
fn left_and_right(inset: i32, size: usize, left: Vec<Run>, right: Vec<Run>) -> Paragraph {
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

/// Width of a line of 16 pt text in twips (CJK one em, ASCII half).
fn width(text: &str) -> i32 {
    text.chars()
        .map(|c| if c.is_ascii() { 160 } else { 320 } + CHAR_SPACING)
        .sum()
}

fn border(
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

/// `— 1 —` in 四号宋体, odd pages right, even pages left, one character in from the edge.
fn page_number_footer(odd: bool) -> Footer {
    let font = fonts(FONT_SONG);
    let number = Run::new()
        .fonts(font.clone())
        .size(SIZE_4)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE {}))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let dash = |text: &str| Run::new().fonts(font.clone()).size(SIZE_4).add_text(text);
    let paragraph = Paragraph::new()
        .align(if odd {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        })
        .indent(
            Some(if odd { 0 } else { 280 }),
            None,
            Some(if odd { 280 } else { 0 }),
            None,
        )
        .add_run(dash("— "))
        .add_run(number)
        .add_run(dash(" —"));
    Footer::new().add_paragraph(paragraph)
}

fn margins() -> PageMargin {
    PageMargin {
        top: MARGIN_TOP,
        bottom: MARGIN_BOTTOM,
        left: MARGIN_LEFT,
        right: MARGIN_RIGHT,
        header: 851,
        // The page number's top edge 7 mm under the text block.
        footer: 1247,
        gutter: 0,
    }
}

/// Everything up to the 版记, in reading order: the plan inline after the transmittal, or (as
/// an attachment) after the signature on a new page headed 附件.
fn body_paragraphs(plan: &Plan, options: DocxOptions) -> Vec<Paragraph> {
    let mut out = Vec::new();
    header(plan, &mut out);
    if options.attachment {
        let name = attachment_name(plan);
        out.push(blank());
        out.push(body(&format!("附件：{name}")));
        closing(plan, &mut out);
        out.push(page_break());
        out.push(line().add_run(run("附件", FONT_HEI, SIZE_3)));
        out.push(blank());
        out.push(title(&name));
        out.push(blank());
        plan_text(plan, options, false, &mut out);
    } else {
        plan_text(plan, options, true, &mut out);
        closing(plan, &mut out);
    }
    out
}

/// The attachment's name: the plan's title (or what the notice calls it).
fn attachment_name(plan: &Plan) -> String {
    if !plan.title.trim().is_empty() {
        return plan.title.trim().to_string();
    }
    table_rows::table_title(plan)
        .trim_end_matches("任务分工表")
        .trim_end_matches("表")
        .to_string()
}

/// 版头 (red mark 35 mm under the top of the text block, the number two lines below, the red
/// rule 4 mm under it; with a 签发人 the number moves left and the signer stands right), the
/// title, 主送 and the transmittal.
fn header(plan: &Plan, out: &mut Vec<Paragraph>) {
    let notice = &plan.notice;
    let mark = notice.issuer_mark.trim();
    if !mark.is_empty() {
        out.push(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(
                    LineSpacing::new()
                        .line(mark_size(mark) as i32 * 10 + 120)
                        .line_rule(LineSpacingType::Exact)
                        .before(1984 - LINE as u32)
                        .after(0),
                )
                .widow_control(false)
                .add_run(run(mark, FONT_TITLE, mark_size(mark)).color(RED)),
        );
        out.push(blank());
    }
    if !notice.doc_number.trim().is_empty() || !notice.issuer_mark.trim().is_empty() {
        let rule = ParagraphBorders::with_empty().set(border(
            ParagraphBorderPosition::Bottom,
            12,
            11,
            RED,
        ));
        let signer = notice.signer.trim();
        let number = if signer.is_empty() {
            centered(notice.doc_number.trim(), FONT_BODY, SIZE_3)
        } else {
            // 上行文: 发文字号 one character in from the left, 签发人 one in from the right.
            left_and_right(
                320,
                SIZE_3,
                vec![run(notice.doc_number.trim(), FONT_BODY, SIZE_3)],
                vec![
                    run("签发人：", FONT_BODY, SIZE_3),
                    run(signer, FONT_KAI, SIZE_3),
                ],
            )
        };
        out.push(number.set_borders(rule));
        out.push(blank());
        out.push(blank());
    }
    if !notice.title.trim().is_empty() {
        out.push(title(notice.title.trim()));
        out.push(blank());
    }
    let recipients = notice.recipients.trim().trim_end_matches(['：', ':']);
    if !recipients.is_empty() {
        out.push(line().add_run(run(&format!("{recipients}："), FONT_BODY, SIZE_3)));
    }
    for paragraph in paragraphs(&notice.transmittal) {
        out.push(body(paragraph));
    }
}

/// The plan: its title (inline only), 总体要求, and the numbered headings and tasks.
fn plan_text(plan: &Plan, options: DocxOptions, with_title: bool, out: &mut Vec<Paragraph>) {
    if with_title && !plan.title.trim().is_empty() && plan.title.trim() != plan.notice.title.trim()
    {
        out.push(blank());
        out.push(title(plan.title.trim()));
        out.push(blank());
    }
    for paragraph in paragraphs(&plan.requirements) {
        out.push(body(paragraph));
    }
    for numbered in number(plan) {
        let node = numbered.node;
        let font = level_font(numbered.depth);
        let head = match node.kind {
            NodeKind::Heading => format!("{}{}", numbered.label, node.title.trim()),
            NodeKind::Task => format!("{}{}", numbered.label, lead_sentence(&node.title)),
        };
        let mut texts = paragraphs(&node.body);
        let first = line()
            .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
            .add_run(run(&head, font, SIZE_3));
        let first = match (node.kind, texts.next()) {
            (NodeKind::Task, Some(text)) => first.add_run(run(text, FONT_BODY, SIZE_3)),
            (_, Some(text)) => {
                out.push(first);
                body(text)
            }
            (_, None) => first,
        };
        out.push(first);
        for text in texts {
            out.push(body(text));
        }
        if options.fields_under_tasks {
            for field in division_fields(node) {
                out.push(body(&format!("{}：{}", field.label, field.value)));
            }
        }
    }
}

/// 署名 and 成文日期, and the 附注.
fn closing(plan: &Plan, out: &mut Vec<Paragraph>) {
    let notice = &plan.notice;
    // 署名 and 成文日期 without a seal: one blank line after the text, the date four characters
    // in from the right, the signature centred over the date.
    let signature = notice.signature.trim();
    let date = notice.date.trim();
    if !signature.is_empty() || !date.is_empty() {
        out.push(blank());
        let date_right = 4 * 320;
        if !signature.is_empty() {
            let right = (date_right + (width(date) - width(signature)) / 2).max(0);
            out.push(
                line()
                    .align(AlignmentType::Right)
                    .indent(None, None, Some(right), None)
                    .add_run(run(signature, FONT_BODY, SIZE_3)),
            );
        }
        if !date.is_empty() {
            out.push(
                line()
                    .align(AlignmentType::Right)
                    .indent(None, None, Some(date_right), None)
                    .add_run(run(date, FONT_BODY, SIZE_3)),
            );
        }
    }
    let note = notice.note.trim();
    if !note.is_empty() {
        let bare = note
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        out.push(body(&format!("（{bare}）")));
    }
}

/// The 版记 at the foot of its own last page, between a thick rule, thin rules and a thick rule:
/// 抄送 (one character in on both sides) and 印发机关 + 印发日期.
fn imprint(plan: &Plan) -> Vec<Paragraph> {
    let notice = &plan.notice;
    let mut rows: Vec<Paragraph> = Vec::new();
    let copy_to = notice.copy_to.trim().trim_end_matches(['。', '.']);
    if !copy_to.is_empty() {
        rows.push(
            line()
                .indent(
                    Some(280),
                    Some(SpecialIndentType::Hanging(0)),
                    Some(280),
                    None,
                )
                .add_run(run(
                    &format!("{}：{copy_to}。", notice.copy_kind.label()),
                    FONT_BODY,
                    SIZE_4,
                )),
        );
    }
    let printer = notice.printer.trim();
    let print_date = notice.print_date.trim().trim_end_matches("印发");
    if !printer.is_empty() || !print_date.is_empty() {
        let date = if print_date.is_empty() {
            String::new()
        } else {
            format!("{print_date}印发")
        };
        // 印发机关 one character in from the left, 印发日期 one character in from the right.
        rows.push(left_and_right(
            280,
            SIZE_4,
            vec![run(printer, FONT_BODY, SIZE_4)],
            vec![run(&date, FONT_BODY, SIZE_4)],
        ));
    }
    let count = rows.len();
    rows.into_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut borders = ParagraphBorders::with_empty();
            let mut p = p;
            if i == 0 {
                borders = borders.set(border(ParagraphBorderPosition::Top, 8, 1, "000000"));
                // Down to the foot of the page: the rows take the last lines of the text block.
                p = p.line_spacing(
                    LineSpacing::new()
                        .line(LINE)
                        .line_rule(LineSpacingType::Exact)
                        .before((LINE * (LINES_PER_PAGE - count as i32) - LINE / 2) as u32)
                        .after(0),
                );
            }
            borders = borders.set(if i + 1 == count {
                border(ParagraphBorderPosition::Bottom, 8, 1, "000000")
            } else {
                border(ParagraphBorderPosition::Bottom, 4, 1, "000000")
            });
            p.set_borders(borders)
        })
        .collect()
}

/// The notice as .docx bytes.
pub fn notice_docx(plan: &Plan, options: DocxOptions) -> Vec<u8> {
    let mut main = Section::new()
        .page_size(docx_rs::PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT))
        .page_margin(margins())
        .footer(page_number_footer(true));
    for paragraph in body_paragraphs(plan, options) {
        main = main.add_paragraph(paragraph);
    }
    let imprint = imprint(plan);
    let has_imprint = !imprint.is_empty();
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
        .settings(Settings::new().even_and_odd_headers())
        .default_fonts(fonts(FONT_BODY))
        .default_size(SIZE_3);
    if imprint.is_empty() {
        for child in main.children().clone() {
            if let docx_rs::SectionChild::Paragraph(p) = child {
                docx = docx.add_paragraph(*p);
            }
        }
        docx = docx
            .footer(page_number_footer(true))
            .even_footer(page_number_footer(false));
    } else {
        // The 版记 gets a page of its own section, whose footers are empty: no page number.
        // (docx-rs keeps one footer per added section; the even one is added after the build.)
        docx = docx.add_section(main);
        for paragraph in imprint {
            docx = docx.add_paragraph(paragraph);
        }
        docx = docx
            .footer(Footer::new().add_paragraph(Paragraph::new()))
            .even_footer(Footer::new().add_paragraph(Paragraph::new()));
    }
    let mut xml = docx.build();
    xml.styles = explicit_defaults(&xml.styles);
    if has_imprint {
        add_even_footer_to_first_section(&mut xml);
    }
    pack(xml)
}

/// Zips the parts, compressed (docx-rs stores them uncompressed: ten times the size).
fn pack(xml: docx_rs::XMLDocx) -> Vec<u8> {
    let mut stored = std::io::Cursor::new(Vec::new());
    xml.pack(&mut stored)
        .expect("writing to memory cannot fail");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(stored.into_inner())).expect("just written");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("just written");
        if part.is_dir() {
            continue;
        }
        let name = part.name().to_string();
        out.start_file(name, options).expect("in memory");
        std::io::copy(&mut part, &mut out).expect("in memory");
    }
    out.finish().expect("in memory").into_inner()
}

/// Gives the first section its even-page footer (page number at the left), which docx-rs drops
/// when a section has two footers: the part, its relationship, its content type, the reference.
fn add_even_footer_to_first_section(xml: &mut docx_rs::XMLDocx) {
    let number = xml.footers.len() + 1;
    xml.footers.push(page_number_footer(false).build());
    let id = "rIdFooterEvenPages";
    let relationship = format!(
        r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer{number}.xml" /></Relationships>"#
    );
    xml.document_rels = String::from_utf8_lossy(&xml.document_rels)
        .replacen("</Relationships>", &relationship, 1)
        .into_bytes();
    let content_type = format!(
        r#"<Override PartName="/word/footer{number}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>"#
    );
    xml.content_type = String::from_utf8_lossy(&xml.content_type)
        .replacen("</Types>", &content_type, 1)
        .into_bytes();
    let default_reference = r#"<w:footerReference w:type="default" r:id="rIdFooter1" />"#;
    xml.document = String::from_utf8_lossy(&xml.document)
        .replacen(
            default_reference,
            &format!(r#"{default_reference}<w:footerReference w:type="even" r:id="{id}" />"#),
            1,
        )
        .into_bytes();
}

/// Writes `w:overflowPunct` and widow control off into the document defaults, where every
/// paragraph inherits them (LibreOffice reads a missing overflowPunct as "hang punctuation").
fn explicit_defaults(styles: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(styles);
    let flags = r#"<w:widowControl w:val="0" /><w:overflowPunct w:val="1" />"#;
    let replaced = if xml.contains("<w:pPrDefault><w:pPr>") {
        xml.replacen(
            "<w:pPrDefault><w:pPr>",
            &format!("<w:pPrDefault><w:pPr>{flags}"),
            1,
        )
    } else if xml.contains("<w:pPrDefault />") {
        xml.replacen(
            "<w:pPrDefault />",
            &format!("<w:pPrDefault><w:pPr>{flags}</w:pPr></w:pPrDefault>"),
            1,
        )
    } else {
        xml.replacen(
            "</w:rPrDefault>",
            &format!("</w:rPrDefault><w:pPrDefault><w:pPr>{flags}</w:pPr></w:pPrDefault>"),
            1,
        )
    };
    replaced.into_bytes()
}

/// A page break (for the attachment layout and the task-division table).
pub fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}
