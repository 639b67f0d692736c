//! The year-end summary skeleton as a .docx on the same grid as the notice.

use crate::export::blocks::{bulletin_blocks, summary_blocks};
use crate::ledger::bulletin::Bulletin;
use crate::ledger::summary::Summary;
use crate::plan::roster::FontChoice;

pub fn summary_docx(summary: &Summary, fonts: FontChoice) -> Vec<u8> {
    super::blocks_docx(&summary_blocks(summary), fonts)
}

/// The 督办通报 as a .docx, on the notice's grid.
pub fn bulletin_docx(bulletin: &Bulletin, fonts: FontChoice) -> Vec<u8> {
    super::blocks_docx(&bulletin_blocks(bulletin), fonts)
}
