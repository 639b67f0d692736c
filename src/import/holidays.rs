//! The State Council's yearly notice of holidays (国务院办公厅关于某年部分节假日安排的通知), as
//! pasted from any page that carries it, read into the working-day calendar: every day it gives
//! off (放假, 补休) and every weekend day it makes a working day (上班). Traditional characters,
//! half- or full-width marks, pinyin in brackets and anti-copying noise between lines are all
//! met on real pages (tests/fixtures/holidays/); a date that cannot be a date is named.

use crate::plan::follow::Calendar;
use crate::plan::model::Day;

/// What a notice gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HolidayNotice {
    /// The year the notice names, or the one assumed when it names none.
    pub year: i32,
    /// Whether the year was read from the notice.
    pub year_found: bool,
    pub calendar: Calendar,
    /// Lines with a date that cannot be one (`0月1日`), numbered from 1.
    pub problems: Vec<String>,
}

/// Reads a notice; `assumed` is the year taken when the text names none (a page that dropped
/// its title). Never fails: a text with no dates gives an empty calendar.
pub fn read_holiday_notice(text: &str, assumed: i32) -> HolidayNotice {
    let found = notice_year(text);
    let year = found.unwrap_or(assumed);
    let mut out = HolidayNotice {
        year,
        year_found: found.is_some(),
        ..HolidayNotice::default()
    };
    for (n, line) in text.lines().enumerate() {
        let line = without_pinyin(line);
        for sentence in line.split(['。', ';', '；']) {
            read_sentence(sentence, year, n + 1, &mut out);
        }
    }
    for days in [&mut out.calendar.holidays, &mut out.calendar.workdays] {
        days.sort();
        days.dedup();
    }
    out
}

/// `2026年部分节假日`, `现将2026年元旦`: the first year followed by what a notice names.
fn notice_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits: String = chars[i..i + 4].iter().collect();
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if before_digit
            || !digits.chars().all(|c| c.is_ascii_digit())
            || chars.get(i + 4) != Some(&'年')
        {
            return None;
        }
        let after: String = chars[i + 5..].iter().take(4).collect();
        ["部分", "元旦", "春节", "春節"]
            .iter()
            .any(|w| after.starts_with(w))
            .then(|| digits.parse().ok())
            .flatten()
    })
}

/// Drops pinyin a page put in brackets after characters (`國務(wù)院` → `國務院`).
fn without_pinyin(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('(') {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        match tail[1..].find(')') {
            Some(end) if is_pinyin(&tail[1..1 + end]) => rest = &tail[end + 2..],
            _ => {
                out.push('(');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_pinyin(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 6
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ".contains(c))
}

/// A date as written: `2022年12月31日`, `1月27日`, or `3日` after a range's start.
#[derive(Clone, Copy)]
struct Written {
    year: Option<i32>,
    month: u32,
    day: u32,
    start: usize,
    end: usize,
}

/// The date written at `at` (`Y日` alone only when `month` says which month it is in).
fn date_at(chars: &[char], at: usize, month: Option<u32>) -> Option<Written> {
    let number = |from: usize, most: usize| -> Option<(u32, usize)> {
        let end = (from..chars.len())
            .find(|&i| !chars[i].is_ascii_digit())
            .unwrap_or(chars.len());
        (end > from && end - from <= most)
            .then(|| chars[from..end].iter().collect::<String>().parse().ok())
            .flatten()
            .map(|n| (n, end))
    };
    // A year written before the month (`2022年12月31日至2023年1月2日`).
    let (year, at) = match number(at, 4) {
        Some((y, end)) if end - at == 4 && chars.get(end) == Some(&'年') => {
            (Some(y as i32), end + 1)
        }
        _ => (None, at),
    };
    let (first, end) = number(at, 2)?;
    let written = |month, day, end| Written {
        year,
        month,
        day,
        start: at,
        end,
    };
    match chars.get(end) {
        Some('月') => {
            let (day, end) = number(end + 1, 2)?;
            (chars.get(end) == Some(&'日')).then(|| written(first, day, end + 1))
        }
        Some('日') if year.is_none() => month.map(|m| written(m, first, end + 1)),
        _ => None,
    }
}

/// Every full date (`X月Y日`, with or without its year) of a sentence.
fn dates(chars: &[char]) -> Vec<Written> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        match starts.then(|| date_at(chars, i, None)).flatten() {
            Some(date) => {
                out.push(Written { start: i, ..date });
                i = date.end;
            }
            None => i += 1,
        }
    }
    out
}

fn read_sentence(sentence: &str, year: i32, line: usize, out: &mut HolidayNotice) {
    let chars: Vec<char> = sentence.chars().collect();
    let has = |words: &[&str]| words.iter().any(|w| sentence.contains(w));
    let off = has(&["放假", "补休", "補休"]);
    let worked = has(&["上班"]);
    if !off && !worked {
        return;
    }
    let found = dates(&chars);
    let mut day_of = |date: Written| -> Option<Day> {
        let d = Day {
            year: date.year.unwrap_or(year),
            month: date.month,
            day: date.day,
        };
        if d.exists() {
            Some(d)
        } else {
            out.problems.push(format!(
                "第{line}行：“{}月{}日”不是有效日期，已跳过",
                date.month, date.day
            ));
            None
        }
    };
    let mut days_off = Vec::new();
    let mut days_worked = Vec::new();
    let mut skip_until = 0;
    for date in &found {
        if date.start < skip_until {
            continue; // the end of a range already taken
        }
        let Some(start) = day_of(*date) else {
            continue;
        };
        if worked && !off {
            days_worked.push(start);
            continue;
        }
        // `1月27日至2月2日`, `4月2日至4日`, `2022年12月31日至2023年1月2日`: a range; else the
        // day alone.
        let to = (chars.get(date.end) == Some(&'至')
            || skip_bracket(&chars, date.end) == Some('至'))
        .then(|| {
            let after = chars[date.end..].iter().position(|c| *c == '至')? + date.end + 1;
            date_at(&chars, after, Some(date.month))
        })
        .flatten();
        match to {
            Some(to) => {
                skip_until = to.end;
                let to = Written {
                    year: to.year.or(date.year),
                    ..to
                };
                let Some(last) = day_of(to) else { continue };
                days_off.extend((start.ordinal()..=last.ordinal()).map(Day::from_ordinal));
            }
            None => days_off.push(start),
        }
    }
    out.calendar.holidays.extend(days_off);
    out.calendar.workdays.extend(days_worked);
}

/// The character after a bracketed aside at `at` (`(周四)至`), if one starts there.
fn skip_bracket(chars: &[char], at: usize) -> Option<char> {
    if !matches!(chars.get(at), Some('(' | '（')) {
        return None;
    }
    let close = chars[at..].iter().position(|c| matches!(c, ')' | '）'))? + at;
    chars.get(close + 1).copied()
}
