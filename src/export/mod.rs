//! Everything that takes a plan out: the notice text and the outline.
//! (The plan file, read and written alike, is [`crate::plan::file`].)

#[cfg(feature = "office")]
pub mod docx;
pub mod format;
pub mod html;
pub mod list;
pub mod outline;
pub mod table;
pub mod text;
#[cfg(feature = "office")]
pub mod xlsx;

use serde::{Deserialize, Serialize};

/// How the notice .docx is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocxOptions {
    /// Write each task's division fields under it (as the tongxin sample does).
    pub fields_under_tasks: bool,
    /// Issue the plan as an attachment (附件说明 under the text, the plan on a new page headed
    /// 附件) instead of inline.
    pub attachment: bool,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            fields_under_tasks: true,
            attachment: false,
        }
    }
}

/// Turns the half-width punctuation of Chinese prose into full-width (`,` → `，`, `(` → `（`…).
///
/// Dots are left alone (`3.5`, `1.`), and so is `:` between digits or before `//` (`10:30`, `http://`).
pub fn fullwidth_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let mapped = match c {
            ',' => '，',
            ';' => '；',
            '?' => '？',
            '!' => '！',
            '(' => '（',
            ')' => '）',
            ':' if next == Some('/') => ':',
            ':' if prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()) =>
            {
                ':'
            }
            ':' => '：',
            other => other,
        };
        out.push(mapped);
    }
    out
}

/// Splits multi-paragraph text into its non-empty paragraphs, trimmed.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_becomes_full_width_except_numbers_and_urls() {
        assert_eq!(
            fullwidth_punctuation("各县(市、区)卫生健康局,市直单位:"),
            "各县（市、区）卫生健康局，市直单位："
        );
        assert_eq!(
            fullwidth_punctuation("10:30 见 http://x.cn 3.5%"),
            "10:30 见 http://x.cn 3.5%"
        );
    }
}
