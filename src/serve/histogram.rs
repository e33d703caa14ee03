//! The date histogram as SVG drawn on the server: each bar is a link to its dates
//! (the page's script adds brushing across bars), so it works without JavaScript.

use chrono::{Datelike, Duration, NaiveDate};
use maud::{html, Markup};

use super::params::SearchParams;
use crate::search::facets::{DateBucket, Facets};

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 120.0;
const AXIS: f64 = 16.0;

/// The last day of the bucket starting on `start` (`interval` as the facets name it).
pub fn bucket_end(start: NaiveDate, interval: &str) -> NaiveDate {
    let next = match interval {
        "week" => Some(start + Duration::days(7)),
        "month" => match start.month() {
            12 => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
            m => NaiveDate::from_ymd_opt(start.year(), m + 1, 1),
        },
        "year" => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
        _ => Some(start + Duration::days(1)),
    };
    next.map_or(start, |n| n - Duration::days(1))
}

/// A bucket's label for people: `2021`, `2021-01`, `week of 2021-01-04`, `2021-01-12`.
fn label(start: NaiveDate, interval: &str) -> String {
    match interval {
        "year" => start.format("%Y").to_string(),
        "month" => start.format("%Y-%m").to_string(),
        "week" => format!("week of {}", start.format("%Y-%m-%d")),
        _ => start.format("%Y-%m-%d").to_string(),
    }
}

/// The histogram of `facets` (nothing when it has no dated hits), bars linking to
/// `params` narrowed to each bucket.
pub fn render(facets: &Facets, params: &SearchParams) -> Option<Markup> {
    let buckets: &[DateBucket] = facets.date.as_deref()?;
    let interval = facets.date_interval.unwrap_or("day");
    if buckets.is_empty() {
        return None;
    }
    let share = facets.share;
    let value = |b: &DateBucket| -> f64 {
        if share {
            b.share.unwrap_or(0.0)
        } else {
            b.count as f64
        }
    };
    let max = buckets.iter().map(value).fold(0.0, f64::max);
    let slot = WIDTH / buckets.len() as f64;
    let gap = if slot > 6.0 { 1.5 } else { 0.0 };
    let plot = HEIGHT - AXIS;
    let first = buckets.first().map(|b| b.start.as_str()).unwrap_or("");
    let last = buckets.last().map(|b| b.start.as_str()).unwrap_or("");
    let top = if share {
        format!("{:.1}% of the archive", max * 100.0)
    } else {
        format!("{max} {}", if max == 1.0 { "article" } else { "articles" })
    };
    let bars: Vec<Bar> = buckets
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let start = NaiveDate::parse_from_str(&b.start, "%Y-%m-%d").ok()?;
            let end = bucket_end(start, interval).format("%Y-%m-%d").to_string();
            let tip = if share {
                format!(
                    "{}: {} of {} articles ({:.1}%)",
                    label(start, interval),
                    b.count,
                    b.archive.unwrap_or(0),
                    b.share.unwrap_or(0.0) * 100.0
                )
            } else {
                format!(
                    "{}: {} {}",
                    label(start, interval),
                    b.count,
                    if b.count == 1 { "article" } else { "articles" }
                )
            };
            let height = if max > 0.0 {
                value(b) / max * (plot - 4.0)
            } else {
                0.0
            };
            Some(Bar {
                href: params.dated(Some(&b.start), Some(&end)).url("/search"),
                start: b.start.clone(),
                end,
                count: b.count,
                tip,
                x: i as f64 * slot,
                height,
            })
        })
        .collect();
    Some(html! {
        svg #histogram viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
            role="img" aria-label=(format!("hits per {interval}, {first} to {last}")) {
            @for bar in &bars {
                a.bar href=(bar.href) data-start=(bar.start) data-end=(bar.end) data-count=(bar.count) {
                    title { (bar.tip) }
                    rect.bar-hit x=(fmt(bar.x)) y="0" width=(fmt(slot)) height=(fmt(plot)) {}
                    rect.bar-fill x=(fmt(bar.x + gap / 2.0)) y=(fmt(plot - bar.height))
                        width=(fmt((slot - gap).max(0.5))) height=(fmt(bar.height)) {}
                }
            }
            text x="2" y="10" { (top) }
            text x="2" y=(fmt(HEIGHT - 3.0)) { (label_of(first, interval)) }
            text x=(fmt(WIDTH - 2.0)) y=(fmt(HEIGHT - 3.0)) text-anchor="end" { (label_of(last, interval)) }
        }
    })
}

/// One bar, computed before drawing.
struct Bar {
    href: String,
    start: String,
    end: String,
    count: u64,
    tip: String,
    x: f64,
    height: f64,
}

fn label_of(start: &str, interval: &str) -> String {
    NaiveDate::parse_from_str(start, "%Y-%m-%d")
        .map_or_else(|_| start.to_string(), |d| label(d, interval))
}

fn fmt(v: f64) -> String {
    format!("{v:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_end_on_their_last_day() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(bucket_end(d("2021-12-01"), "month"), d("2021-12-31"));
        assert_eq!(bucket_end(d("2020-02-01"), "month"), d("2020-02-29"));
        assert_eq!(bucket_end(d("2021-01-04"), "week"), d("2021-01-10"));
        assert_eq!(bucket_end(d("2021-01-01"), "year"), d("2021-12-31"));
        assert_eq!(bucket_end(d("2021-01-12"), "day"), d("2021-01-12"));
    }
}
