//! Number markers at the start of a paragraph: 一、 （一） 1. （1） 任务1： 第一，

use chinese_number::{ChineseCountMethod, ChineseToNumber};

use crate::plan::numbering::NumberStyle;

/// A number marker found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub style: NumberStyle,
    pub ordinal: u32,
    /// Byte length of the marker (with any spaces after it) in the paragraph.
    pub len: usize,
}

const CHINESE_DIGITS: &str = "一二三四五六七八九十百千零〇两";

fn is_chinese_digit(c: char) -> bool {
    CHINESE_DIGITS.contains(c)
}

/// The value of a Chinese numeral (一 … 九十九 … 一百零一).
pub fn chinese_value(text: &str) -> Option<u32> {
    // Below 一万 (every marker), read directly: digits times descending units, 零 between.
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| i as u32 / 3);
    let small = (|| {
        let (mut total, mut pending, mut last_unit) = (0u32, None::<u32>, 10_000u32);
        for c in text.chars() {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '两' | '〇' => {
                    pending = Some(if c == '两' { 2 } else { 0 });
                    continue;
                }
                _ => {
                    if pending.is_some_and(|p| p != 0) {
                        return None; // two digits in a row: not this simple form
                    }
                    pending = Some(digit(c)?);
                    continue;
                }
            };
            if unit >= last_unit {
                return None;
            }
            total += pending.take().unwrap_or(1) * unit;
            last_unit = unit;
        }
        Some(total + pending.unwrap_or(0)).filter(|&n| n > 0)
    })();
    if small.is_some() {
        return small;
    }
    let text = text.replace('〇', "零").replace('两', "二");
    text.to_number(ChineseCountMethod::TenThousand)
        .ok()
        .filter(|&n: &u32| n > 0)
}

/// Reads the marker at the start of `text` (already normalised to full-width brackets).
pub fn marker(text: &str) -> Option<Marker> {
    let (style, ordinal, len) = if let Some(rest) = text.strip_prefix('（') {
        let inner: String = rest.chars().take_while(|&c| c != '）').collect();
        if inner.is_empty() || inner.chars().count() > 8 || !rest[inner.len()..].starts_with('）')
        {
            return None;
        }
        let len = '（'.len_utf8() + inner.len() + '）'.len_utf8();
        if inner.chars().all(|c| c.is_ascii_digit()) {
            (NumberStyle::ArabicParen, inner.parse().ok()?, len)
        } else if inner.chars().all(is_chinese_digit) {
            (NumberStyle::ChineseParen, chinese_value(&inner)?, len)
        } else {
            return None;
        }
    } else if let Some(rest) = text.strip_prefix("任务") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[digits.len()..];
        let sep = after.chars().next()?;
        if digits.is_empty() || !matches!(sep, '：' | '、' | '．' | '.') {
            return None;
        }
        (
            NumberStyle::TaskColon,
            digits.parse().ok()?,
            "任务".len() + digits.len() + sep.len_utf8(),
        )
    } else if let Some(rest) = text.strip_prefix('第') {
        let digits: String = rest.chars().take_while(|&c| is_chinese_digit(c)).collect();
        let after = &rest[digits.len()..];
        let sep = after.chars().next()?;
        if digits.is_empty() || !matches!(sep, '，' | '、' | '：') {
            return None;
        }
        (
            NumberStyle::Ordinal,
            chinese_value(&digits)?,
            '第'.len_utf8() + digits.len() + sep.len_utf8(),
        )
    } else {
        let first = text.chars().next()?;
        if first.is_ascii_digit() {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() > 3 {
                return None;
            }
            let after = &text[digits.len()..];
            let sep = after.chars().next()?;
            let style = match sep {
                '.' | '．' => NumberStyle::ArabicDot,
                '、' => NumberStyle::ArabicComma,
                _ => return None,
            };
            // 1.5万人 is a number, not a marker.
            let next = after[sep.len_utf8()..].chars().next();
            if next.is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            (style, digits.parse().ok()?, digits.len() + sep.len_utf8())
        } else if is_chinese_digit(first) {
            let digits: String = text.chars().take_while(|&c| is_chinese_digit(c)).collect();
            let after = &text[digits.len()..];
            let sep = after.chars().next()?;
            let style = match sep {
                '、' => NumberStyle::ChineseComma,
                // `一.5` is not a heading; `一.围绕` is.
                '.' | '．'
                    if !after[sep.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    NumberStyle::ChineseDot
                }
                _ => return None,
            };
            if digits.chars().count() > 8 {
                return None;
            }
            (
                style,
                chinese_value(&digits)?,
                digits.len() + sep.len_utf8(),
            )
        } else {
            return None;
        }
    };
    let spaces: usize = text[len..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    (ordinal > 0).then_some(Marker {
        style,
        ordinal,
        len: len + spaces,
    })
}

/// True when a paragraph that starts with `marker` also carries the next item of the same
/// style later on (`1.完善制度；2.强化考核。`): an inline enumeration, not a list of headings.
pub fn is_inline_enumeration(text: &str, marker: &Marker) -> bool {
    let rest = &text[marker.len..];
    let next = marker.style.label(marker.ordinal + 1);
    let n = marker.ordinal + 1;
    let alternatives = match marker.style.family() {
        NumberStyle::ArabicDot => vec![format!("{n}."), format!("{n}、"), format!("{n}．")],
        NumberStyle::ChineseComma => vec![
            NumberStyle::ChineseComma.label(n),
            NumberStyle::ChineseDot.label(n),
        ],
        _ => vec![next],
    };
    alternatives.iter().any(|label| {
        rest.match_indices(label.as_str()).any(|(i, _)| {
            rest[..i]
                .chars()
                .last()
                .is_some_and(|c| "；。，;,：".contains(c))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style_and_ordinal(text: &str) -> Option<(NumberStyle, u32, &str)> {
        marker(text).map(|m| (m.style, m.ordinal, &text[m.len..]))
    }

    #[test]
    fn every_common_marker() {
        assert_eq!(
            style_and_ordinal("十一、统筹做好其他工作"),
            Some((NumberStyle::ChineseComma, 11, "统筹做好其他工作"))
        );
        assert_eq!(
            style_and_ordinal("（五十四）建立工作台账"),
            Some((NumberStyle::ChineseParen, 54, "建立工作台账"))
        );
        assert_eq!(
            style_and_ordinal("39.严格落实"),
            Some((NumberStyle::ArabicDot, 39, "严格落实"))
        );
        assert_eq!(
            style_and_ordinal("2、加强"),
            Some((NumberStyle::ArabicComma, 2, "加强"))
        );
        assert_eq!(
            style_and_ordinal("3．加强"),
            Some((NumberStyle::ArabicDot, 3, "加强"))
        );
        assert_eq!(
            style_and_ordinal("（12） 细项"),
            Some((NumberStyle::ArabicParen, 12, "细项"))
        );
        assert_eq!(
            style_and_ordinal("任务3：推进"),
            Some((NumberStyle::TaskColon, 3, "推进"))
        );
        assert_eq!(
            style_and_ordinal("（二千一百七十五）推进"),
            Some((NumberStyle::ChineseParen, 2175, "推进"))
        );
        assert_eq!(
            style_and_ordinal("一百零一、部分"),
            Some((NumberStyle::ChineseComma, 101, "部分"))
        );
        assert_eq!(
            style_and_ordinal("一.围绕一个目标"),
            Some((NumberStyle::ChineseDot, 1, "围绕一个目标"))
        );
        assert_eq!(
            style_and_ordinal("第二，加强"),
            Some((NumberStyle::Ordinal, 2, "加强"))
        );
    }

    #[test]
    fn numbers_that_are_not_markers() {
        for text in [
            "1.5万人接受筛查",
            "2020年全市",
            "一是加强",
            "（备注：另行安排）",
            "十分重要",
            "（市、区）",
            "第一书记",
            "一.5倍",
        ] {
            assert_eq!(marker(text), None, "{text}");
        }
    }

    #[test]
    fn chinese_numerals_small_and_large() {
        let general = |t: &str| {
            t.replace('〇', "零")
                .replace('两', "二")
                .to_number(ChineseCountMethod::TenThousand)
                .ok()
        };
        for n in 1..=3000u32 {
            let text = crate::plan::numbering::chinese(n);
            assert_eq!(chinese_value(&text), Some(n), "{text}");
            assert_eq!(chinese_value(&text), general(&text), "{text}");
        }
        assert_eq!(chinese_value("两"), Some(2));
        assert_eq!(chinese_value("二千一百七十五"), Some(2175));
    }

    #[test]
    fn inline_enumerations_are_recognised() {
        let text = "1.完善制度；2.强化考核。";
        assert!(is_inline_enumeration(text, &marker(text).unwrap()));
        let text = "1.完善制度。推进2.0版本建设。";
        assert!(!is_inline_enumeration(text, &marker(text).unwrap()));
    }
}
