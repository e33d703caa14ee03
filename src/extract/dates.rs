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
        let (at, date) = match (dmy, mdy) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        }?;
        // `Wednesday, March 3, 2015` was a Tuesday: one of the two is wrong, and a
        // wrong date is worse than none.
        let before = line.get(..at).unwrap_or("");
        if !dateline_head(before) {
            return None;
        }
        match weekday_named(before) {
            Some(weekday) if weekday != date.weekday() => None,
            _ => Some(date),
        }
    })
}

/// The weekday a dateline names before its date (`Thursday, May 7, 2015`), if any.
fn weekday_named(before: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    before.split(|c: char| !c.is_alphabetic()).find_map(|word| {
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        match word.to_lowercase().as_str() {
            "monday" | "mon" => Some(Mon),
            "tuesday" | "tue" | "tues" => Some(Tue),
            "wednesday" | "wed" | "weds" => Some(Wed),
            "thursday" | "thu" | "thur" | "thurs" => Some(Thu),
            "friday" | "fri" => Some(Fri),
            "saturday" | "sat" => Some(Sat),
            "sunday" | "sun" => Some(Sun),
            _ => None,
        }
    })
}

/// True when what precedes a date can be a dateline's head: nothing, a weekday, a
/// place in capitals (`NEW YORK,`), an agency (`(AP)`), or `Posted on`/`Updated`;
/// never prose (`Ten years after the war ended on 8 May 1945`).
fn dateline_head(before: &str) -> bool {
    const WORDS: [&str; 8] = [
        "posted",
        "on",
        "updated",
        "published",
        "last",
        "modified",
        "by",
        "date",
    ];
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 6
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || WORDS.contains(&w.to_lowercase().as_str())
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

#[cfg(test)]
mod openings_fixture {
    use super::*;

    /// Openings of wire and web articles, as the first line of the body (title empty),
    /// with the date a careful reader would give, or `None` for undated: kick-off
    /// times, ages, scores, history, deadlines, weekday mismatches and missing years
    /// must never produce a date.
    /// A day as (year, month, day).
    type Ymd = (i32, u32, u32);

    const OPENINGS: &[(&str, Option<Ymd>)] = &[
        ("Thursday, May 7, 2015", Some((2015, 5, 7))),
        (
            "Tuesday, January 12, 2021 WASHINGTON (AP) - Secretary of State",
            Some((2021, 1, 12)),
        ),
        (
            "LONDON, March 3, 1987 - The Bank of England said",
            Some((1987, 3, 3)),
        ),
        (
            "NEW YORK, Feb 26, 1987 - Shares closed higher",
            Some((1987, 2, 26)),
        ),
        ("12 January 2021 - Pompeo accuses Iran", Some((2021, 1, 12))),
        ("Jan. 12, 2021 / 10:34 AM / Updated", Some((2021, 1, 12))),
        (
            "Wednesday, 15 June 2005, 14:02 GMT 15:02 UK",
            Some((2005, 6, 15)),
        ),
        ("Sat 3 Sep 2016 09.00 BST", Some((2016, 9, 3))),
        ("Posted on 4 July 2010 by staff", Some((2010, 7, 4))),
        ("Monday, December 31, 2007", Some((2007, 12, 31))),
        (
            "PARIS, Oct 19, 1987 - French shares plunged",
            Some((1987, 10, 19)),
        ),
        ("Friday, 13 February 2009", Some((2009, 2, 13))),
        ("TOKYO, June 1, 1987 - The dollar", Some((1987, 6, 1))),
        ("Sunday 1 March 2015 Updated", Some((2015, 3, 1))),
        ("Thu, Aug 9, 2012", Some((2012, 8, 9))),
        // Weekday and date disagree: one of them is wrong.
        ("Wednesday, March 3, 2015", None),
        ("Friday, 14 February 2009", None),
        ("Mon, Aug 9, 2012", None),
        // A day and month without a year, then a kick-off time.
        ("Tuesday, 1 March 1945 GMT kick-off", None),
        ("Tuesday, 1 March", None),
        ("Kick-off: 1 March 2000 GMT", None),
        ("Saturday 26 February 1500 GMT", None),
        // Scores, ages, counts and history are not dates.
        ("Chelsea 4-2 Barcelona (agg 5-4)", None),
        ("Jones, 34, said on Monday the club would appeal", None),
        ("Arsenal won 2-1 to go top of the Premiership", None),
        ("The 1,500 workers at the plant", None),
        ("Shr 1.20 dlrs vs 1.05 dlrs", None),
        // A history paragraph or a deadline further into the line.
        (
            "The club, founded by railway workers in the Victorian era, on 14 May 1870",
            None,
        ),
        (
            "Ministers have until the deadline, which falls on 15 July 2006, to decide",
            None,
        ),
        (
            "Richey Edwards, the guitarist, vanished on 1 February 1995",
            None,
        ),
        (
            "Ten years after the war ended on 8 May 1945, veterans met again",
            None,
        ),
        ("Gordon Brown has said the UK economy is set to grow", None),
    ];

    #[test]
    fn every_opening_gets_the_right_date_or_none() {
        assert!(OPENINGS.len() >= 30);
        let mut wrong = Vec::new();
        for (opening, expected) in OPENINGS {
            let expected = expected.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            let got = from_text("", opening);
            if got != expected {
                wrong.push(format!("{opening:?}: got {got:?}, expected {expected:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
