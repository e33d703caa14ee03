//! Partial dates as users type them (`2021`, `2021-01`, `2021-01-12`) and the spans
//! of days they denote, for `date:` sugar and the `--since/--until` flags.

use std::str::FromStr;

use chrono::NaiveDate;

/// The days a partial date covers: `[start, end_exclusive)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end_exclusive: NaiveDate,
}

impl FromStr for DateSpan {
    type Err = String;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<DateSpan, String> {
        let bad = || format!("`{s}` is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
        let parts: Vec<&str> = s.trim().split('-').collect();
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
                start,
                end_exclusive,
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
        let s: DateSpan = "2020-02".parse().unwrap();
        assert_eq!(s.start, NaiveDate::from_ymd_opt(2020, 2, 1).unwrap());
        assert_eq!(
            s.end_exclusive,
            NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()
        );
        let s: DateSpan = "2020-12-31".parse().unwrap();
        assert_eq!(
            s.end_exclusive,
            NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()
        );
        assert!("21".parse::<DateSpan>().is_err());
        assert!("2021-02-30".parse::<DateSpan>().is_err());
        assert!("2021-1-x".parse::<DateSpan>().is_err());
    }
}
