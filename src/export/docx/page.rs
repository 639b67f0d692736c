//! The page: A4 and the GB/T 9704 margins, the page numbers in the footers, and the parts
//! docx-rs leaves out or writes unlike Word (even footers, explicit defaults, compression).

use docx_rs::{
    AlignmentType, BuildXML, Docx, FieldCharType, Footer, InstrPAGE, InstrText, PageMargin,
    Paragraph, Run, Settings,
};

use super::paragraph::{fonts, fonts_for};
use super::{font_name, latin_name};
use super::{
    EM_4, FONT_BODY, FONT_SONG, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT,
    PAGE_WIDTH, SIZE_3, SIZE_4,
};
use crate::plan::roster::FontChoice;

/// An A4 document on the grid's defaults, without footers.
pub(super) fn document() -> Docx {
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
        .settings(Settings::new().even_and_odd_headers())
        .default_fonts(fonts(FONT_BODY))
        .default_size(SIZE_3)
}

/// The (last) section's footers: page numbers odd right and even left, or none. Set after
/// the sections are added (docx-rs gives them to the last one).
pub(super) fn footers(docx: Docx, numbered: bool) -> Docx {
    if numbered {
        docx.footer(page_number_footer(true))
            .even_footer(page_number_footer(false))
    } else {
        docx.footer(Footer::new().add_paragraph(Paragraph::new()))
            .even_footer(Footer::new().add_paragraph(Paragraph::new()))
    }
}

/// The built document as .docx bytes, with the defaults written out.
pub(super) fn finish(docx: Docx, fonts: FontChoice) -> Vec<u8> {
    let mut xml = docx.build();
    xml.styles = explicit_defaults(&xml.styles);
    pack(xml, fonts)
}

/// The runs' fonts named as the office names them ([`font_name`], [`latin_name`]): every
/// `w:rFonts` of the text and of the style defaults (the page numbers' 宋体 stays, 7.5).
fn name_fonts(part: &[u8], choice: FontChoice) -> Vec<u8> {
    if choice == FontChoice::default() {
        return part.to_vec();
    }
    let xml = String::from_utf8_lossy(part);
    let mut out = String::with_capacity(xml.len());
    let mut rest: &str = &xml;
    while let Some(at) = rest.find("<w:rFonts ") {
        let end = at + rest[at..].find("/>").map_or(rest.len() - at, |e| e + 2);
        out.push_str(&rest[..at]);
        out.push_str(&rename(&rest[at..end], choice));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// One `<w:rFonts …/>` with its names replaced (a value may hold spaces: `Times New Roman`).
fn rename(element: &str, choice: FontChoice) -> String {
    let mut out = String::from("<w:rFonts");
    let mut rest = element["<w:rFonts".len()..].trim_end_matches("/>");
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].trim();
        let Some(close) = rest[eq + 2..].find('"') else {
            break;
        };
        let name = &rest[eq + 2..eq + 2 + close];
        let named = match key {
            "w:ascii" | "w:hAnsi" => latin_name(name, choice),
            "w:eastAsia" | "w:cs" => font_name(name, choice),
            _ => name,
        };
        out.push_str(&format!(" {key}=\"{named}\""));
        rest = &rest[eq + 2 + close + 1..];
    }
    out.push_str(" />");
    out
}

/// `— 1 —` in 四号宋体, odd pages right, even pages left, one character in from the edge.
pub(super) fn page_number_footer(odd: bool) -> Footer {
    let font = fonts(FONT_SONG);
    let number = Run::new()
        .fonts(font.clone())
        .size(SIZE_4)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE {}))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let dash = |text: &str| {
        Run::new()
            .fonts(fonts_for(text, FONT_SONG))
            .size(SIZE_4)
            .add_text(text)
    };
    let paragraph = Paragraph::new()
        .align(if odd {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        })
        .indent(
            Some(if odd { 0 } else { EM_4 }),
            None,
            Some(if odd { EM_4 } else { 0 }),
            None,
        )
        .add_run(dash("— "))
        .add_run(number)
        .add_run(dash(" —"));
    Footer::new().add_paragraph(paragraph)
}

pub(super) fn margins() -> PageMargin {
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

/// Zips the parts, compressed (docx-rs stores them uncompressed: ten times the size).
pub(super) fn pack(mut xml: docx_rs::XMLDocx, fonts: FontChoice) -> Vec<u8> {
    xml.document = name_fonts(&xml.document, fonts);
    xml.styles = name_fonts(&xml.styles, fonts);
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
pub(super) fn add_even_footer_to_first_section(xml: &mut docx_rs::XMLDocx) {
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
pub(super) fn explicit_defaults(styles: &[u8]) -> Vec<u8> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_spaces_and_hints_survive_the_renaming() {
        let choice = FontChoice {
            plain_names: true,
            latin_in_times: true,
        };
        assert_eq!(
            rename(
                r#"<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hint="eastAsia" />"#,
                choice
            ),
            r#"<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋" w:hint="eastAsia" />"#
        );
        let plain = FontChoice {
            plain_names: true,
            latin_in_times: false,
        };
        assert_eq!(
            rename(
                r#"<w:rFonts w:ascii="楷体_GB2312" w:hAnsi="楷体_GB2312" w:cs="楷体_GB2312"/>"#,
                plain
            ),
            r#"<w:rFonts w:ascii="楷体" w:hAnsi="楷体" w:cs="楷体" />"#
        );
    }
}
