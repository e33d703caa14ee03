//! Publication dates: parsing the many ways news metadata writes a date, and finding
//! one in a path or an article's first lines.
//!
//! Trust order (applied by [`resolve`]): metadata > path > dateline/first lines > none.
//! A file's modification time is never used: copies and checkouts reset it.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate};
use regex::Regex;

use crate::article::DateSource;

/// Years accepted as plausible publication dates.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

fn re(pattern: &str) -> Regex {
    // Patterns are constants of this file, covered by the unit tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in regex {pattern}: {e}"))
}

static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"));
static COMPACT: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)"));
static DAY_MON_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?[- \t]+([a-z]{3,9})\.?,?[- \t]+(\d{4})\b")
});
static MON_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})\b"));
static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^0-9])((?:19|20)\d{2})[-/_.]?(0[1-9]|1[0-2])[-/_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)",
    )
});

/// Parses a date as metadata writes it: ISO 8601 / RFC 3339, `2021/01/12`, RFC 2822,
/// `12 January 2021`, `Jan. 12, 2021`, Reuters' `26-FEB-1987 15:01:01.79`, with
/// surrounding junk tolerated.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return plausible(dt.date_naive());
    }
    if let Some(c) = ISO.captures(t).or_else(|| COMPACT.captures(t)) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(t) {
        return plausible(dt.date_naive());
    }
    find_in_text(t)
}

/// The first day-month-year or month-day-year date in free text.
fn find_in_text(text: &str) -> Option<NaiveDate> {
    let dmy = DAY_MON_YEAR
        .captures_iter(text)
        .filter(|c| !is_clock_time(text, c))
        .find_map(|c| Some((c.get(0)?.start(), month_date(&c[3], &c[2], &c[1])?)));
    let mdy = MON_DAY_YEAR
        .captures_iter(text)
        .filter(|c| !is_clock_time(text, c))
        .find_map(|c| Some((c.get(0)?.start(), month_date(&c[3], &c[1], &c[2])?)));
    match (dmy, mdy) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|(_, d)| d),
    }
}

/// A date written in a path: `2021/01/12/…`, `2021-01-12-…`, `20210112`.
pub fn from_path(path: &str) -> Option<NaiveDate> {
    PATH_DATE
        .captures_iter(path)
        .find_map(|c| ymd(&c[1], &c[2], &c[3]))
}

/// True when the "year" of a match is a time of day: `Tuesday, 1 March ... 1945 GMT`
/// is a kick-off time, not 1945.
fn is_clock_time(text: &str, c: &regex::Captures<'_>) -> bool {
    let Some(end) = c.get(0).map(|m| m.end()) else {
        return false;
    };
    let after = text[end..].trim_start();
    [
        "GMT",
        "BST",
        "UTC",
        "CET",
        "EST",
        "EDT",
        "ET ",
        "hrs",
        "local time",
    ]
    .iter()
    .any(|zone| after.starts_with(zone))
}

/// A date in the article's dateline: a date that starts the title or the body's first
/// line (within its first 40 characters: `Thursday, May 7, 2015`, `LONDON, March 3,
/// 1987 -`). Dates further in are what the story is about (a deadline, a history
/// paragraph, `vanished 10 years ago, on 1 February 1995`), not when it was published.
pub fn from_text(title: &str, body: &str) -> Option<NaiveDate> {
    const DATELINE: usize = 40;
    let first_line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    [title, first_line].into_iter().find_map(|line| {
        let start = |c: &regex::Captures<'_>| c.get(0).map_or(usize::MAX, |m| m.start());
        let in_dateline = |c: &regex::Captures<'_>| {
            line.get(..start(c))
                .is_some_and(|before| before.chars().count() < DATELINE)
        };
        let dmy = DAY_MON_YEAR
            .captures_iter(line)
            .filter(|c| in_dateline(c) && !is_clock_time(line, c))
            .find_map(|c| Some((start(&c), month_date(&c[3], &c[2], &c[1])?)));
        let mdy = MON_DAY_YEAR
            .captures_iter(line)
            .filter(|c| in_dateline(c) && !is_clock_time(line, c))
            .find_map(|c| Some((start(&c), month_date(&c[3], &c[1], &c[2])?)));
        match (dmy, mdy) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|(_, d)| d),
        }
    })
}

/// Applies the trust order and records where the date came from.
pub fn resolve(
    metadata: Option<&str>,
    path: &str,
    title: &str,
    body: &str,
) -> Option<(NaiveDate, DateSource)> {
    metadata
        .and_then(parse)
        .map(|d| (d, DateSource::Metadata))
        .or_else(|| from_path(path).map(|d| (d, DateSource::Path)))
        .or_else(|| from_text(title, body).map(|d| (d, DateSource::Text)))
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).and_then(plausible)
}

fn month_date(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    let month = month_number(month)?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?).and_then(plausible)
}

fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    YEARS.contains(&d.year()).then_some(d)
}

/// Month number from an English month name or its common abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() == 3 && m.starts_with(&lower)))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_formats() {
        assert_eq!(parse("2021-01-12"), d(2021, 1, 12));
        assert_eq!(parse("2017-07-18T00:00:00Z"), d(2017, 7, 18));
        assert_eq!(parse("2021/1/2"), d(2021, 1, 2));
        assert_eq!(parse("Tue, 12 Jan 2021 15:04:05 +0000"), d(2021, 1, 12));
        assert_eq!(parse("26-FEB-1987 15:01:01.79"), d(1987, 2, 26));
        assert_eq!(parse("  3-MAR-1987 00:43:42.82"), d(1987, 3, 3));
        assert_eq!(parse("January 12, 2021"), d(2021, 1, 12));
        assert_eq!(parse("Sept. 11, 2001"), d(2001, 9, 11));
        assert_eq!(parse("12th March 2020"), d(2020, 3, 12));
        assert_eq!(parse("20210112"), d(2021, 1, 12));
        assert_eq!(parse("not a date"), None);
        assert_eq!(parse("2021-02-30"), None);
        assert_eq!(parse("0001-01-01"), None);
    }

    #[test]
    fn path_dates() {
        assert_eq!(from_path("2021/01/12/story.txt"), d(2021, 1, 12));
        assert_eq!(from_path("ap/2021-01-12-pompeo.txt"), d(2021, 1, 12));
        assert_eq!(from_path("wire_20190305_x.md"), d(2019, 3, 5));
        assert_eq!(from_path("business/001.txt"), None);
        assert_eq!(from_path("id-123456789.txt"), None);
    }

    #[test]
    fn trust_order_is_metadata_then_path_then_text() {
        let r = resolve(Some("2020-05-01"), "2021/01/12/a.txt", "", "March 3, 1999");
        assert_eq!(r, Some((d(2020, 5, 1).unwrap(), DateSource::Metadata)));
        let r = resolve(Some("junk"), "2021/01/12/a.txt", "", "March 3, 1999");
        assert_eq!(r, Some((d(2021, 1, 12).unwrap(), DateSource::Path)));
        let r = resolve(None, "a.txt", "", "LONDON, March 3, 1999 - Shares fell");
        assert_eq!(r, Some((d(1999, 3, 3).unwrap(), DateSource::Text)));
        assert_eq!(resolve(None, "a.txt", "", "on Tuesday"), None);
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::*;

    #[test]
    fn only_the_dateline_dates_an_article_and_clock_times_are_not_years() {
        // BBC sport: a day and month, then a kick-off time on the next line.
        assert_eq!(
            from_text(
                "Chelsea v Barcelona",
                "Tuesday, 1 March\n\n1945 GMT kick-off"
            ),
            None
        );
        assert_eq!(
            from_text("Match", "Kick-off on 1 March 2000 GMT at the ground"),
            None
        );
        // A history paragraph or a deadline further in is what the story is about.
        assert_eq!(
            from_text(
                "Club history",
                "The club thrives.\n\nIt was founded on 14 May 1870 in London."
            ),
            None
        );
        assert_eq!(
            from_text(
                "Missing",
                "Richey Edwards, guitarist and lyricist for the band, vanished on 1 February 1995."
            ),
            None
        );
        // A real dateline.
        assert_eq!(
            from_text(
                "Woman claims",
                "Thursday, May 7, 2015\n\nValeska Paris said..."
            ),
            NaiveDate::from_ymd_opt(2015, 5, 7)
        );
    }
}
