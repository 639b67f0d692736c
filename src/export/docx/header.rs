//! 版头: the red 发文机关标志 and the 发文字号 (with 签发人) over the red rule.

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, Paragraph};

use super::paragraph::{centered, left_and_right, rule_line, run};
use super::{
    mark_after, mark_before, mark_line, mark_size, FONT_BODY, FONT_KAI, FONT_TITLE, RED,
    RULE_AFTER, RULE_LINE, RULE_WIDTH, SIGNER_INSET, SIZE_3,
};

/// The red mark, its characters' top edge [`super::MARK_TOP`] under the top of the text block.
pub(super) fn mark(mark: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line(mark_line(mark))
                .line_rule(LineSpacingType::Exact)
                .before(mark_before(mark) as u32)
                .after(mark_after(mark) as u32),
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

/// The red rule under the number line.
pub(super) fn rule() -> Paragraph {
    rule_line(RULE_LINE, RULE_WIDTH, RED).line_spacing(
        LineSpacing::new()
            .line(RULE_LINE)
            .line_rule(LineSpacingType::Exact)
            .before(0)
            .after(RULE_AFTER as u32),
    )
}
