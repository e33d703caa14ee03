//! What a saved query records about itself: adding one (checked and watermarked)
//! and the `indexed_at` watermarks its `--new` runs compare against. Used by the
//! `saved` command and the web page's save form.

use std::path::Path;

use chrono::{DateTime as ChronoDateTime, SecondsFormat, Utc};

use super::{validate_name, SavedError, SavedQuery, Store};
use crate::cli::SearchOptions;
use crate::index::DatelineIndex;

/// Now, as saved queries record times (RFC 3339, seconds).
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Saves `query` under `name` (`saved add`, and the web page's form): checked now
/// rather than at 3 a.m. in cron, and watermarked so its first `--new` run reports
/// only what arrives after it was saved.
pub fn add(
    index_path: &Path,
    store: &Store,
    name: &str,
    query: String,
    options: SearchOptions,
    force: bool,
) -> anyhow::Result<()> {
    validate_name(name)?;
    crate::query::parse(&query)?;
    options.request(&query).map_err(anyhow::Error::msg)?;
    let watermark = current_watermark(index_path)?;
    store.update(|queries| -> Result<(), SavedError> {
        if queries.contains_key(name) && !force {
            return Err(SavedError::Exists(name.to_string()));
        }
        queries.insert(
            name.to_string(),
            SavedQuery {
                query,
                options: options.into(),
                created: Some(now()),
                last_run: None,
                watermark: watermark.map(format_stamp),
            },
        );
        Ok(())
    })?;
    Ok(())
}

/// The newest `indexed_at` in the index at `index_path`; `None` when there is no
/// index yet (then every article counts as new).
pub fn current_watermark(index_path: &Path) -> anyhow::Result<Option<tantivy::DateTime>> {
    let index = match DatelineIndex::open(index_path) {
        Ok(index) => index,
        Err(crate::Error::NoIndex { .. }) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let searcher = index.searcher()?;
    Ok(crate::index::manifest::latest_stamp(&searcher)?)
}

/// A saved query's watermark as a tantivy time.
pub fn parse_stamp(text: &str) -> anyhow::Result<tantivy::DateTime> {
    let dt = ChronoDateTime::parse_from_rfc3339(text)?;
    Ok(tantivy::DateTime::from_timestamp_micros(
        dt.timestamp_micros(),
    ))
}

/// A watermark as the file records it (RFC 3339, microseconds).
pub fn format_stamp(stamp: tantivy::DateTime) -> String {
    ChronoDateTime::<Utc>::from_timestamp_micros(stamp.into_timestamp_micros())
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Micros, true))
        .unwrap_or_default()
}
