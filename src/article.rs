//! The article types that flow down the pipeline: readers produce [`RawArticle`]s,
//! the enricher turns them into [`Article`]s, the indexer stores those.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::entity::Entities;

/// Where an article's publication date came from, in decreasing order of trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// An explicit metadata field: front matter, JSON field, HTML meta, SGML tag.
    Metadata,
    /// A date in the file's path or name (`2021/01/12/…`, `2021-01-12-…`).
    Path,
    /// A date in the article's dateline or first lines.
    Text,
    /// The user's sidecar file (`--dates FILE.csv`): what the user says wins.
    Sidecar,
    /// The user's `--default-date`, for articles nothing else dates.
    Default,
}

impl DateSource {
    /// The value stored in the index and printed to users.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Path => "path",
            DateSource::Text => "text",
            DateSource::Sidecar => "sidecar",
            DateSource::Default => "default",
        }
    }
}

/// The time of day an article was published, when its source says: Reuters' wire
/// stamps (`26-FEB-1987 15:01:01.79`), RFC 3339 and RFC 2822 metadata. "Which wire came
/// first" needs it, and sorting by date orders articles of one day by it.
///
/// Day and time stay as the source wrote them (the article's own calendar: an article
/// of 23 February in Sydney is found under `date:2006-02-23`); the zone is kept beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeOfDay {
    /// Whole seconds, local to the source.
    pub time: NaiveTime,
    pub zone: Zone,
}

/// The zone of a time of day, when the source stated one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Seconds east of UTC (`+11:00`; `Z`, `GMT` and `UTC` are 0).
    Offset(i32),
    /// The source gave no zone (Reuters-21578).
    Unstated,
}

impl Zone {
    /// The value stored in the index (`time_zone`) and printed: `UTC`, `+11:00`,
    /// `-05:00` or `unstated`.
    pub fn label(self) -> String {
        match self {
            Zone::Offset(0) => "UTC".to_string(),
            Zone::Offset(secs) => {
                let sign = if secs < 0 { '-' } else { '+' };
                let m = secs.unsigned_abs() / 60;
                format!("{sign}{:02}:{:02}", m / 60, m % 60)
            }
            Zone::Unstated => "unstated".to_string(),
        }
    }
}

/// One article as a format reader found it: text plus whatever metadata the file
/// carried. Readers never guess dates from paths or text; that is [`crate::extract::dates`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawArticle {
    /// 1-based record number inside a multi-article file; 0 for single-article formats.
    pub record: usize,
    pub title: String,
    pub body: String,
    /// The date string exactly as the metadata gave it, parsed later.
    pub date_text: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Names the source's own metadata gives (Reuters `<PEOPLE>`, a JSON `people`).
    pub entities: Entities,
    /// Every other metadata value the source gave (a JSON key, an HTML `<meta>`, an
    /// SGML tag), as key and text, a key once per value: the index keeps the ones
    /// `schema.toml` names in a field's `metadata`, so a new field needs no reader change.
    pub metadata: Metadata,
}

/// Source metadata as (key as the source wrote it, value) pairs.
pub type Metadata = Vec<(String, String)>;

/// Longest metadata value kept: metadata is bylines, sections and tags; a longer value
/// is text (an embedded page, a summary) that no metadata field wants.
pub const METADATA_VALUE_LIMIT: usize = 2048;

/// Adds one metadata value as readers keep them: trimmed, and only when it is neither
/// empty nor longer than [`METADATA_VALUE_LIMIT`].
pub fn keep_metadata(metadata: &mut Metadata, key: &str, value: &str) {
    let value = value.trim();
    if !value.is_empty() && value.len() <= METADATA_VALUE_LIMIT {
        metadata.push((key.to_string(), value.to_string()));
    }
}

/// An article ready for the index: identity, resolved date, entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Stable id: archive-relative path, plus `#N` for record N of a multi-article file.
    pub id: String,
    /// Archive-relative path with `/` separators.
    pub path: String,
    pub title: String,
    pub body: String,
    pub date: Option<NaiveDate>,
    /// The time of day on `date`, when the source gave one.
    #[serde(skip)]
    pub time: Option<TimeOfDay>,
    pub date_source: Option<DateSource>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Canonical names by kind (serialized flat: `people`, `orgs`, `places`).
    #[serde(flatten)]
    pub entities: Entities,
    /// Names the article shows to be a work, a product or an event rather than the
    /// person or organization the tagger took them for, as `kind:name` (`org:PC`): not
    /// listed above, but stored so the archive-wide link step can count the evidence.
    #[serde(skip)]
    pub things: Vec<String>,
    /// Who said what in the title and body, for `dateline quotes` (empty when
    /// indexing, which keeps `stored_attributions` instead, and under `--no-extract`).
    #[serde(skip)]
    pub attributions: Vec<crate::attribution::Attribution>,
    /// What the index stores of them, for `SAID(...)` searches, the
    /// `speakers`/`stances` facets and hits' snippets.
    #[serde(skip)]
    pub stored_attributions: Option<crate::attribution::stored::Indexed>,
    /// Byte spans of the body's sentences as extraction split them (`None` without
    /// extraction): the index stores where they start instead of splitting the body
    /// a second time.
    #[serde(skip)]
    pub body_sentences: Option<Vec<std::ops::Range<usize>>>,
    /// The source's other metadata ([`RawArticle::metadata`]).
    #[serde(skip)]
    pub metadata: Metadata,
}

/// Builds the stable id of record `record` of the file at `path`.
pub fn article_id(path: &str, record: usize) -> String {
    if record == 0 {
        path.to_string()
    } else {
        format!("{path}#{record}")
    }
}
