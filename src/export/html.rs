//! The notice as HTML with the GB/T 9704 fonts, sizes and indents written inline: what
//! "复制到Word" puts on the clipboard (Word and WPS keep inline styles when pasting), and what
//! the print preview shows and prints on A4 pages.

use super::format::{
    level_font, mark_size, title_lines, FONT_BODY, FONT_HEI, FONT_KAI, FONT_SONG, FONT_TITLE,
};
use super::text::{division_fields, lead_sentence};
use super::{fullwidth_punctuation, paragraphs};
use crate::plan::model::{NodeKind, Plan};
use crate::plan::numbering::number;

/// Fallbacks after each official font, for machines that lack it.
fn family(font: &str) -> &'static str {
    match font {
        FONT_TITLE => {
            "'方正小标宋简体','FZXiaoBiaoSong-B05S','STZhongsong','Songti SC','SimSun',serif"
        }
        FONT_HEI => "'黑体','SimHei','Heiti SC','Noto Sans CJK SC',sans-serif",
        FONT_KAI => "'楷体_GB2312','KaiTi_GB2312','楷体','KaiTi','STKaiti',serif",
        FONT_SONG => "'宋体','SimSun','Songti SC',serif",
        _ => "'仿宋_GB2312','FangSong_GB2312','仿宋','FangSong','STFangsong',serif",
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
    style: &'a str,
    class: &'a str,
}

impl Para<'_> {
    fn html(&self) -> String {
        let mut out = format!(
            "<p class=\"{}\" style=\"margin:0;line-height:28.95pt;font-size:{}pt;{}\">",
            self.class, self.size, self.style
        );
        for (text, font) in &self.runs {
            let spacing = if (self.size - 16.0).abs() < 0.1 {
                "letter-spacing:-0.25pt;"
            } else {
                ""
            };
            out.push_str(&format!(
                "<span style=\"font-family:{};{spacing}\">{}</span>",
                family(font),
                escape(&fullwidth_punctuation(text))
            ));
        }
        if self.runs.iter().all(|(t, _)| t.is_empty()) {
            out.push_str("&nbsp;");
        }
        out.push_str("</p>");
        out
    }
}

const INDENT: &str = "text-indent:32pt;";

fn para<'a>(text: &str, font: &'a str, size: f32, style: &'a str, class: &'a str) -> Para<'a> {
    Para {
        runs: vec![(text.to_string(), font)],
        size,
        style,
        class,
    }
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
        style: "text-align:center;white-space:pre-line;",
        class: "title",
    }
}

/// The notice as an HTML fragment (one `<div class="gw-doc">`), the plan inline.
pub fn notice_html(plan: &Plan) -> String {
    let notice = &plan.notice;
    let mut out: Vec<Para> = Vec::new();
    let blank = || para("", FONT_BODY, 16.0, "", "blank");
    let mark = notice.issuer_mark.trim();
    if !mark.is_empty() {
        out.push(para(
            mark,
            FONT_TITLE,
            mark_size(mark) as f32 / 2.0,
            "text-align:center;color:#ff0000;line-height:44pt;margin-top:24pt;",
            "mark",
        ));
        out.push(blank());
    }
    if !notice.doc_number.trim().is_empty() {
        out.push(para(
            notice.doc_number.trim(),
            FONT_BODY,
            16.0,
            "text-align:center;border-bottom:1.5pt solid #ff0000;padding-bottom:11pt;",
            "doc-number",
        ));
        out.push(blank());
    }
    if !notice.title.trim().is_empty() {
        out.push(title(notice.title.trim()));
        out.push(blank());
    }
    let recipients = notice.recipients.trim().trim_end_matches(['：', ':']);
    if !recipients.is_empty() {
        out.push(para(
            &format!("{recipients}："),
            FONT_BODY,
            16.0,
            "",
            "recipients",
        ));
    }
    for p in paragraphs(&notice.transmittal) {
        out.push(para(p, FONT_BODY, 16.0, INDENT, "body"));
    }
    if !plan.title.trim().is_empty() && plan.title.trim() != notice.title.trim() {
        out.push(blank());
        out.push(title(plan.title.trim()));
        out.push(blank());
    }
    for p in paragraphs(&plan.requirements) {
        out.push(para(p, FONT_BODY, 16.0, INDENT, "body"));
    }
    for numbered in number(plan) {
        let node = numbered.node;
        let font = level_font(numbered.depth);
        let mut texts = paragraphs(&node.body);
        let mut first = match node.kind {
            NodeKind::Heading => para(
                &format!("{}{}", numbered.label, node.title.trim()),
                font,
                16.0,
                INDENT,
                "heading",
            ),
            NodeKind::Task => para(
                &format!("{}{}", numbered.label, lead_sentence(&node.title)),
                font,
                16.0,
                INDENT,
                "task",
            ),
        };
        if node.kind == NodeKind::Task {
            if let Some(text) = texts.next() {
                first.runs.push((text.to_string(), FONT_BODY));
            }
        }
        out.push(first);
        for text in texts {
            out.push(para(text, FONT_BODY, 16.0, INDENT, "body"));
        }
        for field in division_fields(node) {
            out.push(para(
                &format!("{}：{}", field.label, field.value),
                FONT_BODY,
                16.0,
                INDENT,
                "field",
            ));
        }
    }
    let (signature, date) = (notice.signature.trim(), notice.date.trim());
    if !signature.is_empty() || !date.is_empty() {
        out.push(blank());
        if !signature.is_empty() {
            out.push(para(
                signature,
                FONT_BODY,
                16.0,
                "text-align:right;padding-right:64pt;",
                "signature",
            ));
        }
        if !date.is_empty() {
            out.push(para(
                date,
                FONT_BODY,
                16.0,
                "text-align:right;padding-right:64pt;",
                "date",
            ));
        }
    }
    let note = notice.note.trim();
    if !note.is_empty() {
        let bare = note
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        out.push(para(
            &format!("（{bare}）"),
            FONT_BODY,
            16.0,
            INDENT,
            "note",
        ));
    }
    let copy_to = notice.copy_to.trim().trim_end_matches(['。', '.']);
    let printer = notice.printer.trim();
    let print_date = notice.print_date.trim().trim_end_matches("印发");
    let mut imprint = String::new();
    if !copy_to.is_empty() || !printer.is_empty() || !print_date.is_empty() {
        imprint.push_str("<div class=\"imprint\" style=\"border-top:1pt solid #000;border-bottom:1pt solid #000;margin-top:28.95pt;\">");
        if !copy_to.is_empty() {
            imprint.push_str(
                &para(
                    &format!("{}：{copy_to}。", notice.copy_kind.label()),
                    FONT_BODY,
                    14.0,
                    "padding:0 14pt;border-bottom:0.5pt solid #000;",
                    "copy-to",
                )
                .html(),
            );
        }
        let date = if print_date.is_empty() {
            String::new()
        } else {
            format!("{print_date}印发")
        };
        imprint.push_str(&format!(
            "<p class=\"printer\" style=\"margin:0;line-height:28.95pt;font-size:14pt;padding:0 14pt;display:flex;justify-content:space-between;font-family:{}\"><span>{}</span><span>{}</span></p></div>",
            family(FONT_BODY),
            escape(printer),
            escape(&date)
        ));
    }
    format!(
        "<div class=\"gw-doc\">{}{imprint}</div>",
        out.iter().map(Para::html).collect::<String>()
    )
}

/// The fonts the notice names, for the preview's check of what this machine has.
pub const FONTS: [&str; 5] = [FONT_TITLE, FONT_BODY, FONT_HEI, FONT_KAI, FONT_SONG];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_styles() {
        let mut plan = Plan::default();
        plan.notice.title = "关于<印发>的通知".into();
        plan.notice.recipients = "各单位".into();
        let html = notice_html(&plan);
        assert!(html.contains("关于&lt;印发&gt;的通知"));
        assert!(html.contains("font-size:22pt"));
        assert!(html.contains("各单位："));
        assert!(!html.contains("<印发>"));
    }
}
