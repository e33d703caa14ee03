//! The article types that flow down the pipeline: readers produce [`RawArticle`]s,
//! the enricher turns them into [`Article`]s, the indexer stores those.

use chrono::NaiveDate;
use serde::Serialize;

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
}

impl DateSource {
    /// The value stored in the index and printed to users.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Path => "path",
            DateSource::Text => "text",
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
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
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
    pub date_source: Option<DateSource>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
}

/// Builds the stable id of record `record` of the file at `path`.
pub fn article_id(path: &str, record: usize) -> String {
    if record == 0 {
        path.to_string()
    } else {
        format!("{path}#{record}")
    }
}
