//! 版记: at the foot of its page (placed by [`crate::export::pages`]): a thick rule, 抄送 (one
//! character in on both sides, its further lines under the first word after the colon), a thin
//! rule, 印发机关 + 印发日期, and a thick rule on the foot of the text block. Each rule is a
//! line of its own, so that it spans the text block (GB/T 9704-2012 7.4.1).

use docx_rs::{LineSpacing, LineSpacingType, Paragraph, SpecialIndentType};

use super::paragraph::{left_and_right, line, rule_line, run};
use super::{EM_4, FONT_BODY, IMPRINT_RULE_LINE, IMPRINT_THICK, IMPRINT_THIN, SIZE_4};
use crate::export::blocks::Imprint;
use crate::export::pages::{copy_to_label, Place, Placement};
use crate::plan::roster::FontChoice;

pub(super) fn imprint(
    imprint: &Imprint,
    placement: Placement,
    fonts: FontChoice,
) -> Vec<Paragraph> {
    let mut rows: Vec<Paragraph> = Vec::new();
    if let Some(copy_to) = &imprint.copy_to {
        let label = copy_to_label(copy_to, fonts);
        rows.push(
            line()
                .indent(
                    Some(EM_4 + label),
                    Some(SpecialIndentType::Hanging(label)),
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
    let rule = |width| rule_line(IMPRINT_RULE_LINE, width, "000000");
    // The space above, and the page it starts, go on the first rule's line.
    let mut first = rule(IMPRINT_THICK).line_spacing(
        LineSpacing::new()
            .line(IMPRINT_RULE_LINE)
            .line_rule(LineSpacingType::Exact)
            .before(placement.space_above as u32)
            .after(0),
    );
    if placement.place != Place::SamePage {
        first = first.page_break_before(true);
    }
    let count = rows.len();
    let mut out = vec![first];
    for (i, row) in rows.into_iter().enumerate() {
        out.push(row);
        out.push(rule(if i + 1 == count {
            IMPRINT_THICK
        } else {
            IMPRINT_THIN
        }));
    }
    out
}
