//! Everything that takes a plan out: the notice (built once as [`blocks`], rendered as text,
//! HTML and .docx), the task-division table, the ledger's lists and the outline.
//! (The plan file, read and written alike, is [`crate::plan::file`].)

pub mod blocks;
#[cfg(feature = "office")]
pub mod docx;
pub mod format;
pub mod html;
pub mod list;
pub mod outline;
#[cfg(feature = "office")]
pub mod packet;
pub mod pages;
pub mod table;
pub mod text;
#[cfg(feature = "office")]
pub mod xlsx;

pub use blocks::NoticeOptions;

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
