//! Enrichment: turns a reader's [`RawArticle`] into an indexable [`Article`]: stable id,
//! resolved publication date, cleaned entity lists.
//!
//! This stage never sees files or the index; it is pure and runs in parallel.

pub mod dates;

use crate::article::{article_id, Article, RawArticle};

/// Builds the indexable article for record `raw` of the file at archive path `path`.
pub fn enrich(path: &str, raw: RawArticle) -> Article {
    let date = dates::resolve(raw.date_text.as_deref(), path, &raw.title, &raw.body);
    let title = if raw.title.trim().is_empty() {
        fallback_title(&raw.body, path)
    } else {
        raw.title.trim().to_string()
    };
    Article {
        id: article_id(path, raw.record),
        path: path.to_string(),
        title,
        body: raw.body,
        date: date.map(|(d, _)| d),
        date_source: date.map(|(_, s)| s),
        source: raw.source.filter(|s| !s.trim().is_empty()),
        url: raw.url.filter(|s| !s.trim().is_empty()),
        people: raw.people,
        orgs: raw.orgs,
        places: raw.places,
    }
}

/// A title for articles that lack one: the first words of the body, else the file name.
fn fallback_title(body: &str, path: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().take(12).collect();
    if words.is_empty() {
        path.rsplit('/').next().unwrap_or(path).to_string()
    } else {
        format!("{}…", words.join(" "))
    }
}
