//! Publication dates: parsing the many ways news metadata writes a date, and finding
//! one in a path or an article's first lines.
//!
//! Trust order (applied by [`resolve`]): metadata > path > dateline/first lines > none.
//! A file's modification time is never used: copies and checkouts reset it.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};
use regex::Regex;

use crate::article::{DateSource, TimeOfDay, Zone};

pub use super::user_dates::UserDates;

/// When an article was published: the day and, where the source says, the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub day: NaiveDate,
    pub time: Option<TimeOfDay>,
}

impl From<NaiveDate> for Published {
    fn from(day: NaiveDate) -> Published {
        Published { day, time: None }
    }
}

/// Years accepted as plausible publication dates.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// A regex from a pattern written in dateline's source: a bad one is a bug caught by
/// the unit tests, never a property of the input.
pub(crate) fn re(pattern: &str) -> Regex {
    // Patterns are constants of the source, covered by the unit tests.
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

/// A time of day right after a date: `T15:01:01Z`, ` 15:01:01.79`, `, 14:02 GMT`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[T ]|,?[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?[ \t]*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    )
});

/// Parses a date as metadata writes it: ISO 8601 / RFC 3339, `2021/01/12`, RFC 2822,
/// `12 January 2021`, `Jan. 12, 2021`, Reuters' `26-FEB-1987 15:01:01.79`, with
/// surrounding junk tolerated.
pub fn parse(text: &str) -> Option<NaiveDate> {
    parse_published(text).map(|p| p.day)
}

/// Like [`parse`], keeping the time of day where the text gives one: in UTC when it
/// states a zone, else as written. A time of exactly midnight is taken for "no time"
/// (`2011-04-13T00:00:00` is how many sites write a bare date).
pub fn parse_published(text: &str) -> Option<Published> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return zoned(dt);
    }
    if let Some(c) = ISO.captures(t).or_else(|| COMPACT.captures(t)) {
        let day = ymd(&c[1], &c[2], &c[3])?;
        return Some(with_clock(day, t.get(c.get(3)?.end()..).unwrap_or("")));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(t) {
        return zoned(dt);
    }
    let (day, end) = find_in_text(t)?;
    Some(with_clock(day, t.get(end..).unwrap_or("")))
}

/// A moment with a stated offset: the day and time as written, the offset kept.
fn zoned(dt: DateTime<FixedOffset>) -> Option<Published> {
    let day = plausible(dt.date_naive())?;
    if dt.time() == NaiveTime::MIN {
        return Some(day.into());
    }
    Some(Published {
        day,
        time: Some(TimeOfDay {
            time: dt.time().with_nanosecond(0).unwrap_or(dt.time()),
            zone: Zone::Offset(dt.offset().local_minus_utc()),
        }),
    })
}

/// `day`, with the time of day that `rest` (the text right after the date) starts
/// with, if any.
fn with_clock(day: NaiveDate, rest: &str) -> Published {
    let Some(c) = CLOCK.captures(rest) else {
        return day.into();
    };
    let num = |i: usize| c.get(i).map_or(Some(0), |m| m.as_str().parse::<u32>().ok());
    let (Some(h), Some(m), Some(s)) = (num(1), num(2), num(3)) else {
        return day.into();
    };
    let Some(time) = NaiveTime::from_hms_opt(h, m, s).filter(|t| *t != NaiveTime::MIN) else {
        return day.into();
    };
    let zone = match c.get(4).map(|z| offset_seconds(z.as_str())) {
        None => Zone::Unstated,
        Some(Some(offset)) => Zone::Offset(offset),
        // An offset out of range: the time cannot be trusted either.
        Some(None) => return day.into(),
    };
    Published {
        day,
        time: Some(TimeOfDay { time, zone }),
    }
}

/// Seconds east of UTC for `Z`, `UTC`, `GMT`, `+01:00`, `-0500`.
fn offset_seconds(zone: &str) -> Option<i32> {
    if matches!(zone, "Z" | "UTC" | "GMT") {
        return Some(0);
    }
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..4)?.parse().ok()?;
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// The first day-month-year or month-day-year date in free text, and where it ends.
fn find_in_text(text: &str) -> Option<(NaiveDate, usize)> {
    let found = |c: &regex::Captures<'_>, date: Option<NaiveDate>| {
        let whole = c.get(0)?;
        Some((whole.start(), date?, whole.end()))
    };
    let dmy = DAY_MON_YEAR
        .captures_iter(text)
        .filter(|c| !is_clock_time(text, c))
        .find_map(|c| found(&c, month_date(&c[3], &c[2], &c[1])));
    let mdy = MON_DAY_YEAR
        .captures_iter(text)
        .filter(|c| !is_clock_time(text, c))
        .find_map(|c| found(&c, month_date(&c[3], &c[1], &c[2])));
    let first = match (dmy, mdy) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }?;
    Some((first.1, first.2))
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
        weekday(word).or(match word.to_lowercase().as_str() {
            "mon" => Some(Mon),
            "tue" | "tues" => Some(Tue),
            "wed" | "weds" => Some(Wed),
            "thu" | "thur" | "thurs" => Some(Thu),
            "fri" => Some(Fri),
            "sat" => Some(Sat),
            "sun" => Some(Sun),
            _ => None,
        })
    })
}

/// The weekday `word` names in full, in any case (`Tuesday`, `sunday`): abbreviations
/// are left out, as `Sun` and `Wed` are also other words.
pub fn weekday(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    match word.to_ascii_lowercase().as_str() {
        "monday" => Some(Mon),
        "tuesday" => Some(Tue),
        "wednesday" => Some(Wed),
        "thursday" => Some(Thu),
        "friday" => Some(Fri),
        "saturday" => Some(Sat),
        "sunday" => Some(Sun),
        _ => None,
    }
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

/// Applies the trust order and records where the date came from: the user's sidecar,
/// the file's metadata, the user's path pattern, a date in the path, the dateline
/// (with its year inferred from `--years` when it names only a weekday, day and month),
/// then the user's default.
pub fn resolve(
    metadata: Option<&str>,
    id: &str,
    path: &str,
    title: &str,
    body: &str,
    user: &UserDates,
) -> Option<(Published, DateSource)> {
    user.sidecar_date(id, path)
        .map(|p| (p, DateSource::Sidecar))
        .or_else(|| {
            metadata
                .and_then(parse_published)
                .map(|p| (p, DateSource::Metadata))
        })
        .or_else(|| user.path_date(path).map(|d| (d.into(), DateSource::Path)))
        .or_else(|| from_path(path).map(|d| (d.into(), DateSource::Path)))
        .or_else(|| from_text(title, body).map(|d| (d.into(), DateSource::Text)))
        .or_else(|| {
            let (weekday, month, day) = yearless_dateline(title, body)?;
            let d = user.infer_year(weekday, month, day)?;
            Some((d.into(), DateSource::Text))
        })
        .or_else(|| user.default.map(|d| (d.into(), DateSource::Default)))
}

static DAY_MON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?[ \t]+([a-z]{3,9})\b\.?"));
static MON_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?\b"));

/// A dateline that names a weekday, a day and a month but no year (BBC's `Tuesday, 1
/// March`): what year inference needs. At the very start of the title or of the body's
/// first line, or alone on one of the body's first three lines (BBC sport puts the
/// ground's name first).
fn yearless_dateline(title: &str, body: &str) -> Option<(chrono::Weekday, u32, u32)> {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_line = lines.next().unwrap_or("");
    let found = [title, first_line]
        .into_iter()
        .find_map(|line| weekday_day_month(line).map(|(found, _)| found));
    found.or_else(|| {
        lines.take(2).find_map(|line| {
            let (found, rest) = weekday_day_month(line)?;
            rest.trim_matches(|c: char| c.is_whitespace() || c == '.' || c == ',')
                .is_empty()
                .then_some(found)
        })
    })
}

/// `Tuesday, 1 March` or `Tue March 1` at the start of `line`, and what follows it;
/// none when a year follows (dated, or rejected, by [`from_text`]).
fn weekday_day_month(line: &str) -> Option<((chrono::Weekday, u32, u32), &str)> {
    let weekday_end = line.find(|c: char| !c.is_alphabetic())?;
    let weekday = weekday_named(&line[..weekday_end])?;
    let rest = line[weekday_end..].trim_start_matches([',', ' ', '\t']);
    let at_start = |c: &regex::Captures<'_>| c.get(0).is_some_and(|m| m.start() == 0);
    let (month, day, end) = if let Some(c) = DAY_MON.captures(rest).filter(at_start) {
        (month_number(&c[2])?, c[1].parse().ok()?, c.get(0)?.end())
    } else {
        let c = MON_DAY.captures(rest).filter(at_start)?;
        (month_number(&c[1])?, c[2].parse().ok()?, c.get(0)?.end())
    };
    // A clock time (`1 March 1945 GMT`) is not a year.
    let after = rest[end..].trim_start_matches([',', ' ', '\t']);
    let year_follows = after.len() >= 4
        && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && !CLOCK_ZONE.is_match(&after[4..]);
    (!year_follows).then_some(((weekday, month, day), after))
}

static CLOCK_ZONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[ \t]*(?:GMT|BST|UTC|CET|EST|EDT|hrs|local time)"));

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
        let none = UserDates::default();
        let day = |y, m, dd| Published::from(d(y, m, dd).unwrap());
        let r = resolve(
            Some("2020-05-01"),
            "a",
            "2021/01/12/a.txt",
            "",
            "March 3, 1999",
            &none,
        );
        assert_eq!(r, Some((day(2020, 5, 1), DateSource::Metadata)));
        let r = resolve(
            Some("junk"),
            "a",
            "2021/01/12/a.txt",
            "",
            "March 3, 1999",
            &none,
        );
        assert_eq!(r, Some((day(2021, 1, 12), DateSource::Path)));
        let r = resolve(
            None,
            "a.txt",
            "a.txt",
            "",
            "LONDON, March 3, 1999 - Shares fell",
            &none,
        );
        assert_eq!(r, Some((day(1999, 3, 3), DateSource::Text)));
        assert_eq!(
            resolve(None, "a.txt", "a.txt", "", "on Tuesday", &none),
            None
        );
    }

    #[test]
    fn times_of_day_and_zones_are_kept_as_written() {
        let at = |text: &str| {
            let p = parse_published(text).unwrap();
            (
                p.day.to_string(),
                p.time.map(|t| (t.time.to_string(), t.zone)),
            )
        };
        let unstated = |t: &str| Some((t.to_string(), Zone::Unstated));
        let zone = |t: &str, secs| Some((t.to_string(), Zone::Offset(secs)));
        assert_eq!(
            at("26-FEB-1987 15:01:01.79"),
            ("1987-02-26".into(), unstated("15:01:01"))
        );
        assert_eq!(
            at("  3-MAR-1987 00:43:42.82"),
            ("1987-03-03".into(), unstated("00:43:42"))
        );
        assert_eq!(
            at("2019-01-05 23:30"),
            ("2019-01-05".into(), unstated("23:30:00"))
        );
        // A stated zone is kept; the day stays the article's own (in UTC it would be
        // the next one).
        assert_eq!(
            at("2019-01-05T23:30:00-05:00"),
            ("2019-01-05".into(), zone("23:30:00", -5 * 3600))
        );
        assert_eq!(
            at("Tue, 12 Jan 2021 15:04:05 +0100"),
            ("2021-01-12".into(), zone("15:04:05", 3600))
        );
        assert_eq!(
            at("2021-01-12 15:04 GMT"),
            ("2021-01-12".into(), zone("15:04:00", 0))
        );
        assert_eq!(Zone::Offset(-5 * 3600).label(), "-05:00");
        assert_eq!(Zone::Offset(19800).label(), "+05:30");
        assert_eq!(Zone::Offset(0).label(), "UTC");
        // Midnight is how many sites write a bare date.
        assert_eq!(at("2011-04-13T00:00:00"), ("2011-04-13".into(), None));
        assert_eq!(at("2017-07-18T00:00:00+02:00"), ("2017-07-18".into(), None));
        assert_eq!(at("2021-01-12"), ("2021-01-12".into(), None));
    }

    #[test]
    fn user_dates_take_their_places_in_the_trust_order() {
        let dir = std::env::temp_dir().join(format!("dateline-resolve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("dates.csv");
        std::fs::write(&csv, "a.json#2,1999-09-09\n").unwrap();
        let mut user = UserDates::default();
        user.load_sidecar(&csv).unwrap();
        user.set_path_pattern("{dd}.{mm}.{yyyy}".parse().unwrap());
        user.default = d(2000, 1, 1);
        user.years = Some(2004..=2005);
        let day = |y, m, dd| Published::from(d(y, m, dd).unwrap());
        // The sidecar wins over metadata, for the record it names only.
        let r = resolve(Some("2020-05-01"), "a.json#2", "a.json", "", "", &user);
        assert_eq!(r, Some((day(1999, 9, 9), DateSource::Sidecar)));
        let r = resolve(Some("2020-05-01"), "a.json#1", "a.json", "", "", &user);
        assert_eq!(r, Some((day(2020, 5, 1), DateSource::Metadata)));
        // The user's path pattern before the built-in path dates.
        let r = resolve(None, "x", "in/03.02.2005/2021-01-12.txt", "", "", &user);
        assert_eq!(r, Some((day(2005, 2, 3), DateSource::Path)));
        // A dateline without a year: the one year of --years that fits the weekday.
        let r = resolve(
            None,
            "b",
            "b.txt",
            "Chelsea v Barcelona",
            "Tuesday, 1 March\n\n1945 GMT kick-off",
            &user,
        );
        assert_eq!(r, Some((day(2005, 3, 1), DateSource::Text)));
        // Alone on one of the body's first lines (BBC sport puts the ground first).
        let r = resolve(
            None,
            "b",
            "b.txt",
            "Brentford v Southampton",
            "Griffin Park\n\nTuesday, 1 March\n\n1945 GMT",
            &user,
        );
        assert_eq!(r, Some((day(2005, 3, 1), DateSource::Text)));
        let r = resolve(
            None,
            "b",
            "b.txt",
            "",
            "Griffin Park\n\nTuesday, 1 March was cold",
            &user,
        );
        assert_eq!(r, Some((day(2000, 1, 1), DateSource::Default)));
        // A weekday that fits neither year: the default, not a guess.
        let r = resolve(None, "b", "b.txt", "", "Wednesday, 1 March\n\nText", &user);
        assert_eq!(r, Some((day(2000, 1, 1), DateSource::Default)));
        // A year that disagrees with the weekday is not replaced by an inferred one.
        let r = resolve(None, "b", "b.txt", "", "Wednesday, March 3, 2015", &user);
        assert_eq!(r, Some((day(2000, 1, 1), DateSource::Default)));
        std::fs::remove_dir_all(&dir).ok();
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
