//! The year-end summary skeleton as a .docx on the same grid as the notice.

use crate::export::blocks::summary_blocks;
use crate::ledger::summary::Summary;
use crate::plan::roster::FontChoice;

pub fn summary_docx(summary: &Summary, fonts: FontChoice) -> Vec<u8> {
    super::blocks_docx(&summary_blocks(summary), fonts)
}
