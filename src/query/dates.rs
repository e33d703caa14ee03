//! Partial dates as users type them (`2021`, `2021-01`, `2021-01-12`,
//! `1987-02-26T15:00`) and the spans of time they denote, for `date:` sugar and the
//! `--since/--until` flags.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The moments a partial date covers: `[start, end_exclusive)`. A day covers its 24
/// hours on the articles' own clocks (as dates are stored), a minute its 60 seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: NaiveDateTime,
    pub end_exclusive: NaiveDateTime,
}

impl FromStr for DateSpan {
    type Err = String;

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a day with a time
    /// (`YYYY-MM-DDTHH:MM[:SS]`, or with a space instead of `T`).
    fn from_str(s: &str) -> Result<DateSpan, String> {
        let bad =
            || format!("`{s}` is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
        let trimmed = s.trim();
        if let Some((day, time)) = trimmed.split_once(['T', ' ']) {
            let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| bad())?;
            let (time, step) = match NaiveTime::parse_from_str(time, "%H:%M:%S") {
                Ok(t) => (t, chrono::Duration::seconds(1)),
                Err(_) => (
                    NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| bad())?,
                    chrono::Duration::minutes(1),
                ),
            };
            let start = day.and_time(time);
            return Ok(DateSpan {
                start,
                end_exclusive: start + step,
            });
        }
        let parts: Vec<&str> = trimmed.split('-').collect();
        let num = |p: &str| -> Result<u32, String> {
            if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        let year = i32::try_from(num(parts[0])?).map_err(|_| bad())?;
        if parts[0].len() != 4 {
            return Err(bad());
        }
        let (start, end) = match parts.len() {
            1 => (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year + 1, 1, 1),
            ),
            2 => {
                let month = num(parts[1])?;
                let start = NaiveDate::from_ymd_opt(year, month, 1);
                (
                    start,
                    start.and_then(|d| d.checked_add_months(chrono::Months::new(1))),
                )
            }
            3 => {
                let start = NaiveDate::from_ymd_opt(year, num(parts[1])?, num(parts[2])?);
                (start, start.and_then(|d| d.succ_opt()))
            }
            _ => return Err(bad()),
        };
        match (start, end) {
            (Some(start), Some(end_exclusive)) => Ok(DateSpan {
                start: start.and_time(NaiveTime::MIN),
                end_exclusive: end_exclusive.and_time(NaiveTime::MIN),
            }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        let day = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_time(NaiveTime::MIN)
        };
        let s: DateSpan = "2020-02".parse().unwrap();
        assert_eq!(s.start, day(2020, 2, 1));
        assert_eq!(s.end_exclusive, day(2020, 3, 1));
        let s: DateSpan = "2020-12-31".parse().unwrap();
        assert_eq!(s.end_exclusive, day(2021, 1, 1));
        let s: DateSpan = "1987-02-26T15:01".parse().unwrap();
        assert_eq!(s.start, day(1987, 2, 26) + chrono::Duration::minutes(901));
        assert_eq!(s.end_exclusive, s.start + chrono::Duration::minutes(1));
        let s: DateSpan = "1987-02-26 15:01:01".parse().unwrap();
        assert_eq!(s.end_exclusive, s.start + chrono::Duration::seconds(1));
        assert!("1987-02-26T25:00".parse::<DateSpan>().is_err());
        assert!("21".parse::<DateSpan>().is_err());
        assert!("2021-02-30".parse::<DateSpan>().is_err());
        assert!("2021-1-x".parse::<DateSpan>().is_err());
    }
}
