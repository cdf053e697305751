//! Dates as the statute counts them and as people write them.

use chrono::{Datelike, Days, NaiveDate};

/// s.55(5A): "the period of 56 days beginning with the day on which the report is published".
/// The publication day is day 1, so the last day is publication + 55 days.
pub fn last_day(published: NaiveDate) -> Option<NaiveDate> {
    published.checked_add_days(Days::new(55))
}

/// "Today" for the rules: `flag` (`--today`), else `SECTION55_TODAY`, else the system date, so
/// tests and CI runs are deterministic.
pub fn today(flag: Option<NaiveDate>) -> Result<NaiveDate, String> {
    if let Some(date) = flag {
        return Ok(date);
    }
    match std::env::var("SECTION55_TODAY") {
        Ok(value) if !value.is_empty() => iso(&value)
            .ok_or_else(|| format!("SECTION55_TODAY: `{value}` is not a date: use YYYY-MM-DD")),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// A date written `YYYY-MM-DD`, read as `NaiveDate::parse_from_str(text, "%Y-%m-%d")` reads it:
/// the usual form (four, two and two digits) by hand, anything else by chrono, so every date
/// value of every lint does not parse the format string again.
pub fn iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The common miscount: publication + 56 days.
pub fn miscounted_last_day(published: NaiveDate) -> Option<NaiveDate> {
    published.checked_add_days(Days::new(56))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in Welsh, as the Welsh Government and the Senedd write dates ("6 Chwefror 2024",
/// "14 Mawrth 2017": llyw.cymru and the Senedd's Record of Proceedings, read 3 December 2026).
const MONTHS_CY: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// The days of the week in Welsh, after "Dydd" ("Dydd Iau 18 Rhagfyr 2025"), Monday first.
const WEEKDAYS_CY: [&str; 7] = [
    "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul",
];

/// "24 October 2025".
pub fn long(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "Thursday 18 December 2025".
pub fn long_with_weekday(date: NaiveDate) -> String {
    format!("{} {}", date.format("%A"), long(date))
}

/// "24 Hydref 2025": the date in Welsh.
pub fn long_cy(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS_CY[date.month0() as usize],
        date.year()
    )
}

/// "Dydd Iau 18 Rhagfyr 2025".
pub fn long_with_weekday_cy(date: NaiveDate) -> String {
    let weekday = WEEKDAYS_CY[date.weekday().num_days_from_monday() as usize];
    format!("Dydd {weekday} {}", long_cy(date))
}

/// The first date written out in words in `text` ("31 March 2026", "1st May 2025", "Thursday 1
/// May 2025", "March 31, 2026"), with its byte range.
pub fn find_long_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let tokens = tokenize(text);
    for i in 0..tokens.len() {
        if let Some((date, end)) = date_at(&tokens, i) {
            return Some((date, tokens[i].0..end));
        }
    }
    None
}

/// A date written out in words that makes up all of `text` (surrounding space and a weekday
/// allowed).
pub fn parse_long_date(text: &str) -> Option<NaiveDate> {
    let trimmed = text.trim().trim_end_matches('.');
    if let Some(date) = iso(trimmed) {
        return Some(date);
    }
    let tokens = tokenize(trimmed);
    let start = match tokens.first() {
        Some(t) if is_weekday(t.1) => 1,
        // "Dydd Iau 18 Rhagfyr 2025"
        Some(t)
            if t.1.eq_ignore_ascii_case("dydd")
                && tokens.get(1).is_some_and(|w| is_weekday_cy(w.1)) =>
        {
            2
        }
        _ => 0,
    };
    let (date, end) = date_at(&tokens, start)?;
    (end == trimmed.len()).then_some(date)
}

/// A date as people type it: ISO (2025-10-24), in words ("24 October 2025"), or in figures
/// day first as in the UK (24/10/2025, 24.10.2025, 24-10-2025; also year first, 2025/10/24).
pub fn parse_written_date(text: &str) -> Option<NaiveDate> {
    parse_long_date(text).or_else(|| {
        let (a, b, c) = numeric_parts(text.trim())?;
        let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
}

/// Whether `text` is written as a date in figures (ISO or day first), existing or not: then a
/// date it cannot be read as does not exist (31/02/2025), rather than being in another form.
pub fn looks_numeric(text: &str) -> bool {
    numeric_parts(text.trim()).is_some()
}

/// Whether `text` is a date in figures written day first (24/10/2025).
pub fn is_day_first(text: &str) -> bool {
    numeric_parts(text.trim()).is_some_and(|(a, _, _)| a.len() <= 2)
}

/// The three numbers of a date in figures, as written: day, month, four-digit year (or year,
/// month, day), separated by one of `/`, `.`, `-` used twice.
fn numeric_parts(text: &str) -> Option<(&str, &str, &str)> {
    let separator = text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = text.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let day_first = digits(a, &[1, 2]) && digits(c, &[4]);
    let year_first = digits(a, &[4]) && digits(c, &[1, 2]);
    (parts.next().is_none() && digits(b, &[1, 2]) && (day_first || year_first)).then_some((a, b, c))
}

/// Words and numbers with their byte offsets; punctuation separates.
fn tokenize(text: &str) -> Vec<(usize, &str)> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push((s, &text[s..]));
    }
    tokens
}

/// A month's name in English (or its first three or four letters) or in Welsh.
fn month(word: &str) -> Option<u32> {
    // Month names are ASCII: compared without allocating (this runs for words of every
    // recommendation text on every lint).
    if !word.is_ascii() {
        return None;
    }
    let abbreviation = (3..=4).contains(&word.len());
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word)
                || (abbreviation
                    && m.get(..word.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(word)))
        })
        .or_else(|| position_in(&MONTHS_CY, word))
        .map(|i| i as u32 + 1)
}

/// A Welsh month's name after "o", with the soft mutation Welsh gives it there or without
/// ("o Fawrth", "o Ebrill").
fn month_after_o(word: &str) -> Option<u32> {
    MONTHS_CY
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word)
                || crate::welsh_grammar::soft_mutation(m).eq_ignore_ascii_case(word)
        })
        .map(|i| i as u32 + 1)
}

fn position_in(names: &[&str], word: &str) -> Option<usize> {
    names.iter().position(|m| m.eq_ignore_ascii_case(word))
}

fn is_weekday_cy(word: &str) -> bool {
    position_in(&WEEKDAYS_CY, word).is_some()
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    // English ordinals, and Welsh ones as written in figures: 1af, 2il, 3ydd, 4ydd, 5ed, 6ed,
    // 7fed, 11eg, 20fed, 21ain (as in "y 29ain o Ebrill").
    let ok_suffix = matches!(
        suffix.to_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th" | "af" | "il" | "ydd" | "ed" | "fed" | "eg" | "ain"
    );
    (ok_suffix && (1..=2).contains(&digits.len()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4).then(|| word.parse().ok()).flatten()
}

fn is_weekday(word: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&word.to_lowercase().as_str())
}

/// A date starting at token `i`: "31 March 2026", "March 31 2026", "24 Hydref 2025",
/// "10th of September 2024" or, in Welsh, "5 o Fawrth 2024". Returns the end byte.
fn date_at(tokens: &[(usize, &str)], i: usize) -> Option<(NaiveDate, usize)> {
    let [a, b] = [tokens.get(i)?, tokens.get(i + 1)?];
    // The month after "of" is English; after "o", Welsh (mutated as Welsh mutates it).
    let month_after: Option<fn(&str) -> Option<u32>> = if b.1.eq_ignore_ascii_case("o") {
        Some(month_after_o)
    } else if b.1.eq_ignore_ascii_case("of") {
        Some(month)
    } else {
        None
    };
    if let Some(month_after) = month_after
        && let (Some(d), Some(m), Some(c)) = (
            day(a.1),
            tokens.get(i + 2).and_then(|t| month_after(t.1)),
            tokens.get(i + 3),
        )
    {
        return Some((NaiveDate::from_ymd_opt(year(c.1)?, m, d)?, c.0 + c.1.len()));
    }
    let c = tokens.get(i + 2)?;
    let (d, m) = match (day(a.1), month(b.1), month(a.1), day(b.1)) {
        (Some(d), Some(m), _, _) => (d, m),
        (_, _, Some(m), Some(d)) => (d, m),
        _ => return None,
    };
    let y = year(c.1)?;
    Some((NaiveDate::from_ymd_opt(y, m, d)?, c.0 + c.1.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    /// The hand-read form and chrono agree on every string of the shape, and chrono reads the rest.
    #[test]
    fn iso_reads_what_chrono_reads() {
        let cases = [
            "2025-10-24",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-10-00",
            "0000-01-01",
            "9999-12-31",
            "2025-1-24",
            "2025-10-4",
            "+2025-10-24",
            "12025-10-24",
            " 2025-10-24",
            "2025-10-24 ",
            "2025/10/24",
            "2025-10-2x",
            "２０２５-10-24",
            "",
            "-",
        ];
        for case in cases {
            let chrono = NaiveDate::parse_from_str(case, "%Y-%m-%d").ok();
            assert_eq!(iso(case), chrono, "{case:?}");
        }
        assert_eq!(iso("2025-10-24"), Some(d(2025, 10, 24)));
    }

    #[test]
    fn statutory_last_day() {
        assert_eq!(last_day(d(2025, 10, 24)), Some(d(2025, 12, 18)));
        assert_eq!(miscounted_last_day(d(2025, 10, 24)), Some(d(2025, 12, 19)));
        assert_eq!(
            long_with_weekday(d(2025, 12, 18)),
            "Thursday 18 December 2025"
        );
    }

    #[test]
    fn dates_in_welsh_both_ways() {
        assert_eq!(long_cy(d(2025, 10, 24)), "24 Hydref 2025");
        assert_eq!(
            long_with_weekday_cy(d(2025, 12, 18)),
            "Dydd Iau 18 Rhagfyr 2025"
        );
        assert_eq!(
            long_with_weekday_cy(d(2025, 3, 4)),
            "Dydd Mawrth 4 Mawrth 2025"
        );
        // Every day of a leap year and a common one reads back, with its weekday too.
        let mut day = d(2023, 1, 1);
        while day < d(2025, 1, 1) {
            assert_eq!(parse_long_date(&long_cy(day)), Some(day), "{day}");
            assert_eq!(
                parse_long_date(&long_with_weekday_cy(day)),
                Some(day),
                "{day}"
            );
            day = day.succ_opt().expect("a next day");
        }
        assert_eq!(parse_long_date("24 hydref 2025"), Some(d(2025, 10, 24)));
        assert_eq!(parse_long_date("17eg Ebrill 2023"), Some(d(2023, 4, 17)));
        assert_eq!(parse_long_date("1af o Ebrill 2024"), Some(d(2024, 4, 1)));
        assert_eq!(parse_long_date("29ain o Ebrill 2024"), Some(d(2024, 4, 29)));
        assert_eq!(parse_long_date("5 o Fawrth 2024"), Some(d(2024, 3, 5)));
        assert_eq!(parse_long_date("2il o Ragfyr 2025"), Some(d(2025, 12, 2)));
        assert_eq!(parse_long_date("30 Chwefror 2024"), None);
        // A mutated month is only Welsh after "o".
        assert_eq!(parse_long_date("5 Fawrth 2024"), None);
        let text = "Cyhoeddwyd yr adroddiad ar 14 Mawrth 2023.";
        assert_eq!(find_long_date(text), Some((d(2023, 3, 14), 27..41)));
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(parse_long_date("24 October 2025"), Some(d(2025, 10, 24)));
        assert_eq!(parse_long_date("Thursday 1 May 2025"), Some(d(2025, 5, 1)));
        assert_eq!(parse_long_date("1st May 2025"), Some(d(2025, 5, 1)));
        assert_eq!(parse_long_date("2025-05-01"), Some(d(2025, 5, 1)));
        assert_eq!(parse_long_date("31 February 2025"), None);
        assert_eq!(parse_written_date("24/10/2025"), Some(d(2025, 10, 24)));
        assert_eq!(parse_written_date(" 24.10.2025 "), Some(d(2025, 10, 24)));
        assert_eq!(parse_written_date("1-5-2025"), Some(d(2025, 5, 1)));
        assert_eq!(parse_written_date("2025/10/24"), Some(d(2025, 10, 24)));
        assert_eq!(parse_written_date("31/02/2025"), None);
        assert!(looks_numeric("31/02/2025") && looks_numeric("2025-02-31"));
        assert!(is_day_first("24-10-2025") && !is_day_first("2025-10-24"));
        for not_a_date in [
            "24/10",
            "24/10/25",
            "24/10-2025",
            "2025/10/24/1",
            "ab/cd/efgh",
            "1/2/3",
        ] {
            assert_eq!(parse_written_date(not_a_date), None, "{not_a_date}");
            assert!(!looks_numeric(not_a_date), "{not_a_date}");
        }
        let text = "By 31 March 2026, the Home Office should";
        assert_eq!(find_long_date(text), Some((d(2026, 3, 31), 3..16)));
        assert_eq!(find_long_date("no date here 12 things 2020"), None);
        let text = "published on the 10th of September 2024.";
        assert_eq!(find_long_date(text), Some((d(2024, 9, 10), 17..39)));
        assert_eq!(find_long_date("the 10th of many things in 2024"), None);
    }
}
