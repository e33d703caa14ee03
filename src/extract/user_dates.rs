//! Dates the user supplies for an index run, for archives whose files do not date
//! themselves: a sidecar CSV (`path,date`), a pattern for dates in paths
//! (`--date-from-path '{yyyy}/{mm}/{dd}'`), a default date, and the years the archive
//! covers (which date a dateline without a year, `Tuesday, 1 March`).
//!
//! Everything here is part of the enrichment fingerprint: changing a sidecar row or the
//! pattern re-reads the files it concerns.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::Path;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

use super::dates::{parse_published, Published};
use crate::error::Error;

/// What the user told `index` about dates. The default tells nothing.
#[derive(Debug, Clone, Default)]
pub struct UserDates {
    /// Sidecar rows by archive-relative path or article id (`file.jsonl#3`).
    sidecar: HashMap<String, Published>,
    /// Hash of the sidecar's rows, for the fingerprint.
    sidecar_hash: u64,
    path_pattern: Option<PathPattern>,
    /// `--default-date`: for articles nothing else dates.
    pub default: Option<NaiveDate>,
    /// `--years`: where a dateline without a year may fall.
    pub years: Option<RangeInclusive<i32>>,
    /// The years of the index's dates before this run, used when `--years` is not
    /// given. Not in the fingerprint: the archive growing must not re-read every file.
    pub archive_years: Option<RangeInclusive<i32>>,
}

impl UserDates {
    /// Reads a sidecar CSV of `path,date` rows (a header row is allowed). A row whose
    /// date does not parse is reported by line and skipped: one typo must not stop a
    /// run. Returns the warnings.
    pub fn load_sidecar(&mut self, file: &Path) -> Result<Vec<String>, Error> {
        let text = std::fs::read_to_string(file).map_err(|e| Error::Io {
            path: file.to_path_buf(),
            source: e,
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut warnings = Vec::new();
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (row, record) in reader.records().enumerate() {
            let line = record
                .as_ref()
                .ok()
                .and_then(|r| r.position())
                .map_or(row + 1, |p| p.line() as usize);
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    warnings.push(format!("{}:{line}: {e}; row skipped", file.display()));
                    continue;
                }
            };
            let (Some(path), Some(date)) = (record.get(0), record.get(1)) else {
                warnings.push(format!(
                    "{}:{line}: expected `path,date`; row skipped",
                    file.display()
                ));
                continue;
            };
            let is_header = row == 0 && matches!(path, "path" | "id" | "file");
            if is_header {
                continue;
            }
            match parse_published(date) {
                Some(published) => {
                    let path = path.trim_start_matches("./").replace('\\', "/");
                    hasher.update(path.as_bytes());
                    hasher.update(date.as_bytes());
                    self.sidecar.insert(path, published);
                }
                None => warnings.push(format!(
                    "{}:{line}: `{date}` is not a date (use YYYY-MM-DD, optionally with a time); row skipped",
                    file.display()
                )),
            }
        }
        self.sidecar_hash = hasher.digest();
        Ok(warnings)
    }

    /// Sets the `--date-from-path` pattern.
    pub fn set_path_pattern(&mut self, pattern: PathPattern) {
        self.path_pattern = Some(pattern);
    }

    /// How many dates the sidecar holds.
    pub fn sidecar_rows(&self) -> usize {
        self.sidecar.len()
    }

    /// The sidecar's date for record `id` of the file at `path` (the id wins).
    pub fn sidecar_date(&self, id: &str, path: &str) -> Option<Published> {
        self.sidecar
            .get(id)
            .or_else(|| self.sidecar.get(path))
            .copied()
    }

    /// The date the user's path pattern reads from `path`.
    pub fn path_date(&self, path: &str) -> Option<NaiveDate> {
        self.path_pattern.as_ref()?.date(path)
    }

    /// The one year in `--years` where `month`/`day` falls on `weekday`; none when no
    /// years were given or several fit (a guess is worse than no date).
    pub fn infer_year(&self, weekday: Weekday, month: u32, day: u32) -> Option<NaiveDate> {
        let years = self.years.clone().or_else(|| self.archive_years.clone())?;
        let mut fits = years
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .filter(|d| d.weekday() == weekday);
        let first = fits.next()?;
        fits.next().is_none().then_some(first)
    }

    /// Changes whenever these settings would date some article differently.
    pub fn fingerprint(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&self.sidecar_hash.to_le_bytes());
        if let Some(p) = &self.path_pattern {
            h.update(p.source.as_bytes());
        }
        if let Some(d) = self.default {
            h.update(d.to_string().as_bytes());
        }
        if let Some(y) = &self.years {
            h.update(format!("{}-{}", y.start(), y.end()).as_bytes());
        }
        h.digest()
    }
}

/// A `--date-from-path` pattern: `{yyyy}` (or `{yy}`), `{mm}` (or `{mon}`, a month
/// name) and `{dd}` stand for the date's parts, `*` for any characters within one folder
/// or name, `**` for any characters; everything else matches itself. It may match any
/// run of whole path segments: `{yyyy}/{mm}/{dd}` dates `news/2005/03/01/story.txt`.
#[derive(Debug, Clone)]
pub struct PathPattern {
    regex: Regex,
    source: String,
}

impl FromStr for PathPattern {
    type Err = String;

    fn from_str(pattern: &str) -> Result<PathPattern, String> {
        let mut out = String::from("(?i)(?:^|/)");
        let mut rest = pattern;
        let mut seen = Vec::new();
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("**") {
                out.push_str(".*");
                rest = after;
            } else if let Some(after) = rest.strip_prefix('*') {
                out.push_str("[^/]*");
                rest = after;
            } else if c == '{' {
                let end = rest
                    .find('}')
                    .ok_or_else(|| format!("`{pattern}`: `{{` without `}}`"))?;
                let name = &rest[1..end];
                let group = match name {
                    "yyyy" => r"(?P<yyyy>\d{4})",
                    "yy" => r"(?P<yy>\d{2})",
                    "mm" => r"(?P<mm>\d{1,2})",
                    "mon" => r"(?P<mon>[a-z]{3,9})",
                    "dd" => r"(?P<dd>\d{1,2})",
                    _ => {
                        return Err(format!(
                            "`{pattern}`: unknown part `{{{name}}}` (use {{yyyy}}, {{yy}}, {{mm}}, {{mon}}, {{dd}})"
                        ))
                    }
                };
                if seen.contains(&name) {
                    return Err(format!("`{pattern}`: `{{{name}}}` twice"));
                }
                seen.push(name);
                out.push_str(group);
                rest = &rest[end + 1..];
            } else {
                out.push_str(&regex::escape(&c.to_string()));
                rest = &rest[c.len_utf8()..];
            }
        }
        let has = |n: &str| seen.contains(&n);
        if !(has("yyyy") || has("yy")) || !(has("mm") || has("mon")) || !has("dd") {
            return Err(format!(
                "`{pattern}`: a path date needs a year ({{yyyy}} or {{yy}}), a month ({{mm}} or {{mon}}) and a day ({{dd}})"
            ));
        }
        // The date's last part must end at a separator or the end, so `{dd}` does not
        // read the first digits of a longer number.
        out.push_str(r"(?:[^0-9]|$)");
        let regex = Regex::new(&out).map_err(|e| format!("`{pattern}`: {e}"))?;
        Ok(PathPattern {
            regex,
            source: pattern.to_string(),
        })
    }
}

impl PathPattern {
    /// The first date the pattern reads in `path`.
    pub fn date(&self, path: &str) -> Option<NaiveDate> {
        self.regex.captures_iter(path).find_map(|c| {
            let year: i32 = match (c.name("yyyy"), c.name("yy")) {
                (Some(y), _) => y.as_str().parse().ok()?,
                (None, Some(y)) => {
                    let y: i32 = y.as_str().parse().ok()?;
                    // Two-digit years: 70-99 are the 1900s, as news archives use them.
                    if y >= 70 {
                        1900 + y
                    } else {
                        2000 + y
                    }
                }
                _ => return None,
            };
            let month = match (c.name("mm"), c.name("mon")) {
                (Some(m), _) => m.as_str().parse().ok()?,
                (None, Some(m)) => super::dates::month_number(m.as_str())?,
                _ => return None,
            };
            let day = c.name("dd")?.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(year, month, day)
        })
    }
}

/// Parses `--years`: `2005` or `2004-2005`.
pub fn parse_years(s: &str) -> Result<RangeInclusive<i32>, String> {
    let bad = || format!("`{s}`: use a year (2005) or a range of years (2004-2005)");
    let year = |p: &str| -> Result<i32, String> {
        let p = p.trim();
        if p.len() != 4 {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let (first, last) = match s.split_once('-') {
        Some((a, b)) => (year(a)?, year(b)?),
        None => (year(s)?, year(s)?),
    };
    if first > last || last - first > 100 {
        return Err(bad());
    }
    Ok(first..=last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn path_patterns_read_dates_from_whole_segments() {
        let p: PathPattern = "{yyyy}/{mm}/{dd}".parse().unwrap();
        assert_eq!(p.date("news/2005/03/01/story.txt"), d(2005, 3, 1));
        assert_eq!(p.date("2005/3/1/a.txt"), d(2005, 3, 1));
        assert_eq!(p.date("x2005/03/01/a.txt"), None);
        assert_eq!(p.date("2005/13/01/a.txt"), None);
        let p: PathPattern = "{dd}-{mon}-{yy}*".parse().unwrap();
        assert_eq!(p.date("wire/01-Mar-05 lead.txt"), d(2005, 3, 1));
        assert_eq!(p.date("wire/26-feb-87.txt"), d(1987, 2, 26));
        let p: PathPattern = "**/{yyyy}{mm}{dd}_*".parse().unwrap();
        assert_eq!(p.date("a/b/20190305_x.md"), d(2019, 3, 5));
    }

    #[test]
    fn path_patterns_without_a_whole_date_are_refused() {
        for bad in [
            "{yyyy}/{mm}",
            "{mm}/{dd}",
            "{yyyy}/{month}/{dd}",
            "{dd/{mm}",
        ] {
            assert!(bad.parse::<PathPattern>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_year_is_inferred_only_when_one_fits_the_weekday() {
        let mut user = UserDates::default();
        // No years given: never guess.
        assert_eq!(user.infer_year(Weekday::Tue, 3, 1), None);
        user.years = Some(2004..=2005);
        // 1 March 2005 was a Tuesday; 1 March 2004 a Monday.
        assert_eq!(user.infer_year(Weekday::Tue, 3, 1), d(2005, 3, 1));
        assert_eq!(user.infer_year(Weekday::Mon, 3, 1), d(2004, 3, 1));
        assert_eq!(user.infer_year(Weekday::Wed, 3, 1), None);
        // Over a long span several years fit: no date.
        user.years = Some(1990..=2010);
        assert_eq!(user.infer_year(Weekday::Tue, 3, 1), None);
    }

    #[test]
    fn sidecar_rows_with_bad_dates_are_reported_and_skipped() {
        let dir = std::env::temp_dir().join(format!("dateline-sidecar-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("dates.csv");
        std::fs::write(
            &file,
            "path,date\nsport/180.txt,2005-03-01\n\"a, b.txt\",2005-03-02 19:45\nx.txt,soon\n",
        )
        .unwrap();
        let mut user = UserDates::default();
        let warnings = user.load_sidecar(&file).unwrap();
        assert_eq!(user.sidecar_rows(), 2);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("dates.csv:4"), "{warnings:?}");
        let p = user.sidecar_date("a, b.txt", "a, b.txt").unwrap();
        assert_eq!(p.day, d(2005, 3, 2).unwrap());
        assert!(p.time.is_some());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn years_parse() {
        assert_eq!(parse_years("2005"), Ok(2005..=2005));
        assert_eq!(parse_years("2004-2005"), Ok(2004..=2005));
        assert!(parse_years("2005-2004").is_err());
        assert!(parse_years("05").is_err());
    }
}
