//! The notice as HTML with the GB/T 9704 fonts, sizes and indents written inline: what
//! "复制到Word" puts on the clipboard (Word and WPS keep inline styles when pasting), and what
//! the print preview shows and prints on A4 pages. A walk over [`super::blocks`].

use super::blocks::{notice_blocks, Block, ItemKind, NoticeOptions};
use super::format::{
    font_name, level_font, mark_after, mark_before, mark_line, mark_size, pt, signature_inset,
    title_lines, DATE_INSET, EM_4, FONT_BODY, FONT_HEI, FONT_KAI, FONT_LATIN, FONT_SONG,
    FONT_TITLE, IMPRINT_RULE_LINE, IMPRINT_THICK, IMPRINT_THIN, INDENT, LINE, RULE_AFTER,
    RULE_LINE, RULE_WIDTH, SIGNER_INSET,
};
use super::pages::{
    breaks, copy_to_breaks, copy_to_label, flowing_text, imprint_placement, indent_of, Measure,
    Place, Placement, PAGE,
};
use crate::plan::model::Plan;
use crate::plan::roster::FontChoice;

/// How the HTML names its fonts: the office's choice, and whether it is for the preview (whose
/// stylesheet defines `Yaodian Latin`: Times New Roman for ASCII only, as Word sets a run's
/// ASCII font) or for pasting into Word and WPS (which read `mso-ascii-font-family`).
#[derive(Clone, Copy)]
struct Faces {
    choice: FontChoice,
    preview: bool,
}

/// The fonts a machine may have in place of `font` (as the office names it), best first.
pub fn substitutes(font: &str, choice: FontChoice) -> Vec<&'static str> {
    let all: &[&'static str] = match font {
        FONT_TITLE => &[
            "方正小标宋简体",
            "FZXiaoBiaoSong-B05S",
            "STZhongsong",
            "Songti SC",
            "SimSun",
        ],
        FONT_HEI => &["黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC"],
        FONT_KAI if choice.plain_names => {
            &["楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "STKaiti"]
        }
        FONT_KAI => &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"],
        FONT_SONG => &["宋体", "SimSun", "Songti SC"],
        FONT_LATIN => &["Times New Roman", "Liberation Serif", "Tinos"],
        _ if choice.plain_names => &[
            "仿宋",
            "FangSong",
            "仿宋_GB2312",
            "FangSong_GB2312",
            "STFangsong",
        ],
        _ => &[
            "仿宋_GB2312",
            "FangSong_GB2312",
            "仿宋",
            "FangSong",
            "STFangsong",
        ],
    };
    all[1..].to_vec()
}

/// The fonts the notice names under the office's choice, for the preview's check of what this
/// machine has.
pub fn fonts_named(choice: FontChoice) -> Vec<&'static str> {
    let mut out = vec![
        FONT_TITLE,
        font_name(FONT_BODY, choice),
        FONT_HEI,
        font_name(FONT_KAI, choice),
        FONT_SONG,
    ];
    if choice.latin_in_times {
        out.push(FONT_LATIN);
    }
    out
}

/// A run's CSS font: the font as the office names it, its substitutes, the generic family;
/// numerals and Latin letters in Times New Roman when the office sets them so.
fn family(font: &str, faces: Faces) -> String {
    let named = font_name(font, faces.choice);
    let generic = if font == FONT_HEI {
        "sans-serif"
    } else {
        "serif"
    };
    let mut list: Vec<String> = std::iter::once(named)
        .chain(substitutes(font, faces.choice))
        .map(|f| format!("'{f}'"))
        .collect();
    list.push(generic.into());
    let latin = faces.choice.latin_in_times && font != FONT_SONG;
    match (latin, faces.preview) {
        (true, true) => format!("'Yaodian Latin',{}", list.join(",")),
        (true, false) => format!(
            "{};mso-ascii-font-family:'{FONT_LATIN}';mso-hansi-font-family:'{FONT_LATIN}'",
            list.join(",")
        ),
        (false, _) => list.join(","),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One paragraph: runs of (text, font), and the paragraph's style beyond font and size.
struct Para<'a> {
    runs: Vec<(String, &'a str)>,
    size: f32,
    style: String,
    class: &'a str,
    /// Where the page model breaks the lines (char offsets into the runs' text), for the
    /// preview; the lines are then never wrapped by the browser.
    breaks: Option<Vec<usize>>,
}

impl Para<'_> {
    fn html(&self, fonts: Faces) -> String {
        let nowrap = if self.breaks.is_some() {
            "white-space:nowrap;"
        } else {
            ""
        };
        let mut out = format!(
            "<p class=\"{}\" style=\"margin:0;line-height:{}pt;font-size:{}pt;{}{nowrap}\">",
            self.class,
            pt(LINE),
            self.size,
            self.style
        );
        let breaks = self.breaks.as_deref().unwrap_or_default();
        let mut offset = 0;
        for (text, font) in &self.runs {
            let spacing = if (self.size - 16.0).abs() < 0.1 {
                "letter-spacing:-0.25pt;"
            } else {
                ""
            };
            // The run's text with a line break wherever the model ends a line inside it or
            // right before it (a break at a run's start belongs to that run).
            let chars: Vec<char> = text.chars().collect();
            let mut html = String::new();
            let mut from = 0;
            for &at in breaks {
                if at >= offset && at < offset + chars.len() && at > 0 {
                    let piece: String = chars[from..at - offset].iter().collect();
                    html.push_str(&escape(&piece));
                    html.push_str("<br>");
                    from = at - offset;
                }
            }
            html.push_str(&escape(&chars[from..].iter().collect::<String>()));
            offset += chars.len();
            out.push_str(&format!(
                "<span style=\"font-family:{};{spacing}\">{html}</span>",
                family(font, fonts),
            ));
        }
        if self.runs.iter().all(|(t, _)| t.is_empty()) {
            out.push_str("&nbsp;");
        }
        out.push_str("</p>");
        out
    }
}

fn para<'a>(text: &str, font: &'a str, style: String, class: &'a str) -> Para<'a> {
    Para {
        runs: vec![(text.to_string(), font)],
        size: 16.0,
        style,
        class,
        breaks: None,
    }
}

fn indented<'a>(text: &str, font: &'a str, class: &'a str) -> Para<'a> {
    para(text, font, format!("text-indent:{}pt;", pt(INDENT)), class)
}

/// A title in 二号小标宋, broken into lines where the .docx breaks it.
fn title(text: &str) -> Para<'static> {
    Para {
        runs: title_lines(text)
            .into_iter()
            .enumerate()
            .map(|(i, line)| (if i == 0 { line } else { format!("\n{line}") }, FONT_TITLE))
            .collect(),
        size: 22.0,
        style: "text-align:center;white-space:pre-line;".into(),
        class: "title",
        breaks: None,
    }
}

/// A line with text at the left and runs (text, font) at the right, each `inset` twips in from
/// its side.
fn left_and_right(
    fonts: Faces,
    left: &str,
    right: &[(&str, &str)],
    inset: i32,
    size: f32,
    style: &str,
    class: &str,
) -> String {
    let right: String = right
        .iter()
        .map(|(text, font)| {
            format!(
                "<span style=\"font-family:{}\">{}</span>",
                family(font, fonts),
                escape(text)
            )
        })
        .collect();
    format!(
        "<p class=\"{class}\" style=\"margin:0;line-height:{}pt;font-size:{size}pt;padding:0 {}pt;display:flex;justify-content:space-between;font-family:{};{style}\"><span>{}</span><span>{right}</span></p>",
        pt(LINE),
        pt(inset),
        family(FONT_BODY, fonts),
        escape(left),
    )
}

/// The notice as an HTML fragment (one `<div class="gw-doc">`), for the clipboard: lines wrap
/// where the pasting program wraps them.
pub fn notice_html(plan: &Plan, options: NoticeOptions) -> String {
    blocks_html(&notice_blocks(plan, options), false, options.fonts)
}

/// The notice as the print preview shows and prints it: its lines broken where the page model
/// ([`crate::export::pages`]) and so the .docx break them, and the 版记 where the model places
/// it (a blank page before it, and the two pages unnumbered, in the page style `bare`).
pub fn preview_html(plan: &Plan, options: NoticeOptions) -> String {
    blocks_html(&notice_blocks(plan, options), true, options.fonts)
}

/// Blocks as HTML paragraphs inside one `<div class="gw-doc">`; a page break starts a new
/// printed page. `laid_out`: lines and the 版记 placed by the page model.
fn blocks_html(blocks: &[Block], laid_out: bool, choice: FontChoice) -> String {
    let fonts = Faces {
        choice,
        preview: laid_out,
    };
    let placement = laid_out
        .then(|| imprint_placement(blocks, choice))
        .flatten();
    let mut out = String::new();
    for block in blocks {
        let html = match block {
            Block::Mark(mark) => Para {
                runs: vec![(mark.clone(), FONT_TITLE)],
                size: mark_size(mark) as f32 / 2.0,
                style: format!(
                    "text-align:center;color:#ff0000;line-height:{}pt;margin-top:{}pt;margin-bottom:{}pt;",
                    pt(mark_line(mark)),
                    pt(mark_before(mark)),
                    pt(mark_after(mark))
                ),
                class: "mark",
                breaks: None,
            }
            .html(fonts),
            Block::Number { number, signer } if signer.is_empty() => {
                para(number, FONT_BODY, "text-align:center;".into(), "doc-number").html(fonts)
            }
            // 签发人 in 仿宋, the signer's name in 楷体 (GB/T 9704 7.2.5).
            Block::Number { number, signer } => left_and_right(
                fonts,
                number,
                &[("签发人：", FONT_BODY), (signer, FONT_KAI)],
                SIGNER_INSET,
                16.0,
                "",
                "doc-number",
            ),
            Block::Rule => rule(RULE_LINE, RULE_WIDTH, RULE_AFTER, "#ff0000", "red-rule"),
            Block::Title(text) => title(text).html(fonts),
            Block::Subtitle(text) => {
                para(text, FONT_KAI, "text-align:center;".into(), "subtitle").html(fonts)
            }
            Block::Recipients(text) => {
                laid(para(text, FONT_BODY, String::new(), "recipients"), block, laid_out, fonts)
            }
            Block::Body(text) => laid(indented(text, FONT_BODY, "body"), block, laid_out, fonts),
            Block::AttachmentNote(text) => {
                laid(indented(text, FONT_BODY, "attachment-note"), block, laid_out, fonts)
            }
            Block::Note(text) => laid(indented(text, FONT_BODY, "note"), block, laid_out, fonts),
            Block::Item {
                depth,
                kind,
                head,
                text,
            } => {
                let class = match kind {
                    ItemKind::Heading => "heading",
                    ItemKind::Task => "task",
                };
                let mut p = indented(head, level_font(*depth), class);
                if !text.is_empty() {
                    p.runs.push((text.clone(), FONT_BODY));
                }
                laid(p, block, laid_out, fonts)
            }
            Block::Field { label, value } => laid(
                indented(&format!("{label}：{value}"), FONT_BODY, "field"),
                block,
                laid_out,
                fonts,
            ),
            Block::AttachmentHead => para("附件", FONT_HEI, String::new(), "attachment").html(fonts),
            Block::Signature { name, date } => {
                let mut html = String::new();
                if !name.is_empty() {
                    let style = format!("text-align:right;padding-right:{}pt;", pt(signature_inset(name, date)));
                    html.push_str(&para(name, FONT_BODY, style, "signature").html(fonts));
                }
                if !date.is_empty() {
                    let style = format!("text-align:right;padding-right:{}pt;", pt(DATE_INSET));
                    html.push_str(&para(date, FONT_BODY, style, "date").html(fonts));
                }
                html
            }
            Block::Imprint(imprint) => {
                let mut rows = Vec::new();
                if let Some(copy_to) = &imprint.copy_to {
                    let label = copy_to_label(copy_to, choice);
                    let mut p = para(
                        copy_to,
                        FONT_BODY,
                        format!(
                            "padding:0 {}pt 0 {}pt;text-indent:-{}pt;",
                            pt(EM_4),
                            pt(EM_4 + label),
                            pt(label)
                        ),
                        "copy-to",
                    );
                    p.size = 14.0;
                    p.breaks = laid_out.then(|| copy_to_breaks(copy_to, choice));
                    rows.push(p.html(fonts));
                }
                if let Some((printer, date)) = &imprint.printed {
                    rows.push(left_and_right(fonts, printer, &[(date, FONT_BODY)], EM_4, 14.0, "", "printer"));
                }
                let mut html = format!(
                    "<div class=\"imprint\" style=\"{}\">{}",
                    imprint_style(placement),
                    rule(IMPRINT_RULE_LINE, IMPRINT_THICK, 0, "#000", "imprint-rule")
                );
                let count = rows.len();
                for (i, row) in rows.into_iter().enumerate() {
                    html.push_str(&row);
                    let width = if i + 1 == count { IMPRINT_THICK } else { IMPRINT_THIN };
                    html.push_str(&rule(IMPRINT_RULE_LINE, width, 0, "#000", "imprint-rule"));
                }
                html.push_str("</div>");
                match placement {
                    Some(p) if p.place == Place::AfterBlank => format!(
                        "<div class=\"bare-pages\" style=\"page:bare;\"><div class=\"blank-page\" style=\"break-before:page;height:{}pt;\"></div>{html}</div>",
                        pt(PAGE) - 1.0
                    ),
                    _ => html,
                }
            }
            Block::Blank => para("", FONT_BODY, String::new(), "blank").html(fonts),
            Block::PageBreak => "<div class=\"page-break\" style=\"break-after:page;page-break-after:always;\"></div>".into(),
        };
        out.push_str(&html);
    }
    format!("<div class=\"gw-doc\">{out}</div>")
}

/// A flowing paragraph with the model's line breaks, in the preview.
fn laid(mut p: Para, block: &Block, laid_out: bool, fonts: Faces) -> String {
    p.breaks = laid_out.then(|| model_breaks(block, fonts.choice));
    p.html(fonts)
}

fn model_breaks(block: &Block, fonts: FontChoice) -> Vec<usize> {
    match (flowing_text(block), indent_of(block)) {
        (Some(text), Some(indent)) => breaks(&text, indent, Measure::BODY.with(fonts)),
        _ => Vec::new(),
    }
}

/// A rule under an empty line of its own (`height` twips, `width` eighths of a point, `after`
/// twips of space below) across the text block, as in the .docx.
fn rule(height: i32, width: usize, after: i32, color: &str, class: &str) -> String {
    format!(
        "<div class=\"{class}\" style=\"box-sizing:content-box;height:{}pt;border-bottom:{}pt solid {color};margin-bottom:{}pt;\"></div>",
        pt(height),
        width as f32 / 8.0,
        pt(after)
    )
}

/// The 版记's space above, and a new page when it does not share the text's last one.
fn imprint_style(placement: Option<Placement>) -> String {
    let Some(p) = placement else {
        return format!("margin-top:{}pt;", pt(LINE));
    };
    let above = pt(p.space_above);
    let new_page = if p.place == Place::SamePage {
        ""
    } else {
        "break-before:page;"
    };
    format!("{new_page}margin-top:{above}pt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_styles() {
        let mut plan = Plan::default();
        plan.notice.title = "关于<印发>的通知".into();
        plan.notice.recipients = "各单位".into();
        let html = notice_html(&plan, NoticeOptions::default());
        assert!(html.contains("关于&lt;印发&gt;的通知"));
        assert!(html.contains("font-size:22pt"));
        assert!(html.contains("各单位："));
        assert!(!html.contains("<印发>"));
    }
}
