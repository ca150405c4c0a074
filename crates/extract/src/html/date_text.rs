//! Finds calendar dates written in running text: "Nov 25, 2025", "Tuesday, November 25th, 2025",
//! "25 novembre 2025", "25. November 2025", "25 de noviembre de 2025", "25.11.2025",
//! "11/25/2025", "2025-11-25", "2025年11月25日", "2025년 11월 25일", "25 ноября 2025".
//!
//! Hand-written: `chrono` and the date-parsing crates parse a string that *is* a date, in one
//! language; none finds dates inside a line of page text ("By Ana Ruiz · Published on July 8,
//! 2025 · 5 min read"). The month names are a small table (English, French, German, Spanish,
//! Portuguese, Italian, Dutch, with their usual abbreviations; Russian and Polish in the genitive
//! a date takes; Chinese, Japanese and Korean dates by their year, month and day marks) because that is all a date needs
//! and a locale crate would bring whole calendars for twelve words. Only full dates (day, month
//! and year) count: a bare year is as often a copyright line or a topic ("trends of 2025").

use chrono::NaiveDate;

/// Month names and abbreviations (lower case) with their month number.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("set", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("oktober", 10),
    // Russian (the genitive a date uses: "25 ноября 2025")
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Polish (genitive: "25 listopada 2025")
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
];

/// Words that may stand between the parts of a date ("25 de noviembre de 2025", "the 3rd of May").
const FILLERS: [&str; 4] = ["de", "del", "of", "the"];

/// A date found in text and where it starts (byte offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: NaiveDate,
    pub start: usize,
}

/// One word or number of the text, with its byte offset and the character that follows it.
#[derive(Debug)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    next: Option<char>,
}

/// The words and numbers of `text`. A `T` between digits separates them, as the time mark of
/// an ISO 8601 timestamp ("2025-11-11T09:21" gives "2025", "11", "11", "09", "21"), so that the
/// date before it reads as any numeric date.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() && !is_time_mark(text, i, c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Token {
                text: &text[s..i],
                start: s,
                next: Some(c),
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            start: s,
            next: None,
        });
    }
    out
}

/// Whether `c`, at byte `i` of `text`, is the `T` between an ISO 8601 date and its time.
fn is_time_mark(text: &str, i: usize, c: char) -> bool {
    c == 'T'
        && text[..i].ends_with(|p: char| p.is_ascii_digit())
        && text[i + 1..].starts_with(|n: char| n.is_ascii_digit())
}

/// The number of a month named in any of the languages of [`MONTHS`] ("october", "okt").
#[must_use]
pub fn month(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|(_, n)| *n)
}

/// A day of the month, "25" or "25th" / "1st" / "2nd" / "3rd" / "1er" / "1º".
fn day(word: &str) -> Option<u32> {
    let digits: &str = &word[..word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len())];
    let suffix = &word[digits.len()..];
    let suffix_ok = matches!(
        suffix.to_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "o"
    );
    (suffix_ok && (1..=2).contains(&digits.len()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

/// Every full date in `text`, in order. `month_first` decides an ambiguous numeric date
/// ("03/04/2025"): true reads it month first, as in the United States.
#[must_use]
pub fn find_all(text: &str, month_first: bool) -> Vec<Found> {
    let tokens = tokens(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((date, used)) = date_at(&tokens, i, month_first) {
            found.push(Found {
                date,
                start: tokens[i].start,
            });
            i += used;
        } else {
            i += 1;
        }
    }
    found
}

/// The first full date in `text`.
#[must_use]
pub fn find_first(text: &str, month_first: bool) -> Option<Found> {
    find_all(text, month_first).into_iter().next()
}

/// The tokens from `i` on, fillers skipped, as (token index, text).
fn words<'a>(tokens: &'a [Token<'a>], i: usize) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    tokens[i..]
        .iter()
        .enumerate()
        .map(move |(k, t)| (i + k, t.text))
        .filter(move |(k, t)| *k == i || !FILLERS.contains(&t.to_lowercase().as_str()))
        .take(3)
}

/// The year, month and day marks of a Chinese or Japanese date ("2025年11月25日") and of a
/// Korean one ("2025년 11월 25일").
const CJK_MARKS: [[char; 3]; 2] = [['年', '月', '日'], ['년', '월', '일']];

/// A Chinese, Japanese or Korean date starting at token `i` and how many tokens it used: the
/// numbers with their marks, written together or apart.
fn cjk_date_at(tokens: &[Token<'_>], i: usize) -> Option<(NaiveDate, usize)> {
    let first = tokens[i].text;
    let (marks, year_mark) = CJK_MARKS
        .iter()
        .find_map(|m| first.find(m[0]).map(|at| (m, at)))?;
    // The year's four digits just before its mark, after any words written up to it
    // ("发布于2025年").
    let year_start = year_mark.checked_sub(4)?;
    if !first.is_char_boundary(year_start)
        || !first[year_start..year_mark].bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut joined = String::new();
    for (used, token) in tokens[i..].iter().take(6).enumerate() {
        joined.push_str(if used == 0 {
            &first[year_start..]
        } else {
            token.text
        });
        if joined.ends_with(marks[2]) {
            let mut numbers = joined
                .split(|c: char| marks.contains(&c))
                .map(|n| n.parse::<u32>().ok());
            let (Some(Some(y)), Some(Some(m)), Some(Some(d))) =
                (numbers.next(), numbers.next(), numbers.next())
            else {
                return None;
            };
            let y = i32::try_from(y).ok().filter(|y| (1990..=2100).contains(y))?;
            return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, used + 1));
        }
    }
    None
}

/// A date starting at token `i` and how many tokens it used.
fn date_at(tokens: &[Token<'_>], i: usize, month_first: bool) -> Option<(NaiveDate, usize)> {
    if let Some(found) = cjk_date_at(tokens, i) {
        return Some(found);
    }
    let parts: Vec<(usize, &str)> = words(tokens, i).collect();
    let [(_, a), (_, b), (last, c)] = parts[..] else {
        return None;
    };
    let used = last - i + 1;
    // Numeric: 25.11.2025, 11/25/2025, 2025-11-25 (the separators must agree and be tight).
    let tight = |k: usize| tokens[k].next.is_some_and(|c| matches!(c, '.' | '/' | '-'));
    let numeric = a.bytes().all(|b| b.is_ascii_digit())
        && b.bytes().all(|x| x.is_ascii_digit())
        && c.bytes().all(|x| x.is_ascii_digit())
        && used == 3
        && tight(i)
        && tight(i + 1)
        && tokens[i].next == tokens[i + 1].next
        && tokens[i + 1].start == tokens[i].start + a.len() + 1
        && tokens[i + 2].start == tokens[i + 1].start + b.len() + 1;
    if numeric {
        let (x, y) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        if let Some(yr) = year(a) {
            let d = c.parse().ok()?;
            return NaiveDate::from_ymd_opt(yr, y, d).map(|date| (date, used));
        }
        let yr = year(c)?;
        let (m, d) = if tokens[i].next == Some('.') || x > 12 {
            (y, x)
        } else if y > 12 || month_first {
            (x, y)
        } else {
            (y, x)
        };
        if a.len() > 2 || b.len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(yr, m, d).map(|date| (date, used));
    }
    // Month Day Year, Day Month Year.
    let (m, d) = if let (Some(m), Some(d)) = (month(a), day(b)) {
        (m, d)
    } else if let (Some(d), Some(m)) = (day(a), month(b)) {
        (m, d)
    } else {
        return None;
    };
    let yr = year(c)?;
    NaiveDate::from_ymd_opt(yr, m, d).map(|date| (date, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<String> {
        find_first(text, true).map(|f| f.date.to_string())
    }

    #[test]
    fn english_dates_in_running_text_are_found() {
        assert_eq!(
            first("By Ana Ruiz · Published on July 8, 2025 · 5 min read").as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(
            first("Friday, December 19th, 2025 @08:00PM").as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(first("Dec. 26, 2025").as_deref(), Some("2025-12-26"));
        assert_eq!(
            first("Submitted on 18 Dec 2025").as_deref(),
            Some("2025-12-18")
        );
    }

    #[test]
    fn dates_in_other_languages_are_found() {
        assert_eq!(
            first("Publié le 25 novembre 2025").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(
            first("Veröffentlicht am 3. März 2024").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            first("Publicado el 25 de noviembre de 2025").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(first("1º de maio de 2024").as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn chinese_japanese_korean_russian_and_polish_dates_are_found() {
        assert_eq!(
            first("发布时间：2025年11月25日 10:30").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(first("公開日 2024年3月5日").as_deref(), Some("2024-03-05"));
        assert_eq!(first("发布于2025年1月9日").as_deref(), Some("2025-01-09"));
        assert_eq!(
            first("입력 2025년 11월 25일 오후").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(
            first("Опубликовано 25 ноября 2025 г.").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(
            first("Opublikowano 3 września 2024").as_deref(),
            Some("2024-09-03")
        );
        assert_eq!(first("2025年の予算"), None);
        assert_eq!(first("2025年13月40日"), None);
    }

    #[test]
    fn numeric_dates_follow_their_separator_and_the_reading_order() {
        assert_eq!(first("12.11.2025").as_deref(), Some("2025-11-12"));
        assert_eq!(first("2025-11-25 10:00").as_deref(), Some("2025-11-25"));
        assert_eq!(first("2025-11-25T10:00").as_deref(), Some("2025-11-25"));
        assert_eq!(first("11/25/2025").as_deref(), Some("2025-11-25"));
        assert_eq!(first("03/04/2025").as_deref(), Some("2025-03-04"));
        assert_eq!(
            find_first("03/04/2025", false).map(|f| f.date.to_string()),
            Some("2025-04-03".to_owned())
        );
    }

    #[test]
    fn a_t_splits_words_only_between_digits() {
        let texts = |t: &str| -> Vec<String> {
            tokens(t).iter().map(|k| k.text.to_owned()).collect()
        };
        assert_eq!(texts("11T09 Tom 4T T5"), ["11", "09", "Tom", "4T", "T5"]);
    }

    #[test]
    fn years_months_and_numbers_alone_are_not_dates() {
        assert_eq!(first("© 2025 Example Media. All rights reserved."), None);
        assert_eq!(first("The best phones of December 2025"), None);
        assert_eq!(first("Call 555 12 2025 now"), None);
    }
}
