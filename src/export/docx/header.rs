//! 版头: the red 发文机关标志 and the 发文字号 (with 签发人) over the red rule.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorderPosition,
    ParagraphBorders,
};

use super::paragraph::{border, centered, left_and_right, run};
use super::{
    mark_line, mark_size, FONT_BODY, FONT_KAI, FONT_TITLE, LINE, MARK_TOP, RED, RULE_SPACE,
    RULE_WIDTH, SIGNER_INSET, SIZE_3,
};

/// The red mark, its top edge [`MARK_TOP`] under the top of the text block.
pub(super) fn mark(mark: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line(mark_line(mark))
                .line_rule(LineSpacingType::Exact)
                .before((MARK_TOP - LINE) as u32)
                .after(0),
        )
        .widow_control(false)
        .add_run(run(mark, FONT_TITLE, mark_size(mark)).color(RED))
}

/// The number centred; with a 签发人 (上行文) the number one character in from the left and
/// the signer (楷体) one in from the right.
pub(super) fn number(number: &str, signer: &str) -> Paragraph {
    if signer.is_empty() {
        return centered(number, FONT_BODY, SIZE_3);
    }
    left_and_right(
        SIGNER_INSET,
        SIZE_3,
        vec![run(number, FONT_BODY, SIZE_3)],
        vec![
            run("签发人：", FONT_BODY, SIZE_3),
            run(signer, FONT_KAI, SIZE_3),
        ],
    )
}

/// The red rule, drawn under the paragraph before it.
pub(super) fn rule(paragraph: Paragraph) -> Paragraph {
    paragraph.set_borders(ParagraphBorders::with_empty().set(border(
        ParagraphBorderPosition::Bottom,
        RULE_WIDTH,
        RULE_SPACE,
        RED,
    )))
}
