//! 版记: at the foot of its page (placed by [`crate::export::pages`]), between a thick rule,
//! thin rules and a thick rule: 抄送 (one character in on both sides) and 印发机关 + 印发日期.

use docx_rs::{
    LineSpacing, LineSpacingType, Paragraph, ParagraphBorderPosition, ParagraphBorders,
    SpecialIndentType,
};

use super::paragraph::{border, left_and_right, line, run};
use super::{EM_4, FONT_BODY, LINE, SIZE_4};
use crate::export::blocks::Imprint;
use crate::export::pages::{Place, Placement};

pub(super) fn imprint(imprint: &Imprint, placement: Placement) -> Vec<Paragraph> {
    let mut rows: Vec<Paragraph> = Vec::new();
    if let Some(copy_to) = &imprint.copy_to {
        rows.push(
            line()
                .indent(
                    Some(EM_4),
                    Some(SpecialIndentType::Hanging(0)),
                    Some(EM_4),
                    None,
                )
                .add_run(run(copy_to, FONT_BODY, SIZE_4)),
        );
    }
    if let Some((printer, date)) = &imprint.printed {
        rows.push(left_and_right(
            EM_4,
            SIZE_4,
            vec![run(printer, FONT_BODY, SIZE_4)],
            vec![run(date, FONT_BODY, SIZE_4)],
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
                        .before(placement.space_above as u32)
                        .after(0),
                );
                if placement.place != Place::SamePage {
                    p = p.page_break_before(true);
                }
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
