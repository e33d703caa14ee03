//! Conversion between [`Article`] and tantivy documents, both ways.

use chrono::{DateTime as ChronoDateTime, NaiveDate, Utc};
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use super::sentences;
use crate::article::Article;
use crate::entity::Entities;

/// Seconds since the epoch of a day's UTC midnight: how a date without a time is
/// stored, and where date ranges start.
pub fn day_to_datetime(day: NaiveDate) -> DateTime {
    let secs = day
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_default();
    DateTime::from_timestamp_secs(secs)
}

/// The calendar day of a stored date.
pub fn datetime_to_day(dt: DateTime) -> Option<NaiveDate> {
    ChronoDateTime::<Utc>::from_timestamp(dt.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// Builds the document stored for `article`, stamped with the file's fingerprint and
/// the time of this indexing run, and with its wire-copy fingerprint unless the stories
/// step is off.
pub fn to_document(
    fields: &Fields,
    article: &Article,
    copy: Option<&crate::stories::Fingerprint>,
    fingerprint: u64,
    indexed_at: DateTime,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    if let Some(copy) = copy {
        doc.add_u64(fields.story, copy.label);
        doc.add_bytes(fields.minhash, &copy.signature.to_bytes());
    }
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    add_sentence_starts(
        fields,
        &mut doc,
        &article.title,
        &article.body,
        article.body_sentences.as_deref(),
    );
    if let (Some(day), Some(source)) = (article.date, article.date_source) {
        match article.time {
            Some(t) => {
                let secs = day.and_time(t.time).and_utc().timestamp();
                doc.add_date(fields.date, DateTime::from_timestamp_secs(secs));
                doc.add_text(fields.time_zone, t.zone.label());
            }
            None => doc.add_date(fields.date, day_to_datetime(day)),
        }
        doc.add_text(fields.date_source, source.as_str());
    }
    for (text_field, exact_field, names) in [
        (fields.people, fields.people_exact, &article.entities.people),
        (fields.orgs, fields.orgs_exact, &article.entities.orgs),
        (fields.places, fields.places_exact, &article.entities.places),
    ] {
        for name in names {
            doc.add_text(text_field, name);
            doc.add_text(exact_field, name);
        }
    }
    for thing in &article.things {
        doc.add_text(fields.things, thing);
    }
    add_attributions(fields, &mut doc, article);
    if let Some(source) = &article.source {
        doc.add_text(fields.source, source);
        doc.add_text(fields.source_exact, source);
    }
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    add_metadata(fields, &mut doc, &article.metadata);
    doc.add_u64(fields.fingerprint, fingerprint);
    doc.add_date(fields.indexed_at, indexed_at);
    doc
}

/// The metadata fields `schema.toml` declares, from the source's metadata: for each,
/// the values of the first of its keys that the source gave (matched
/// case-insensitively), all of them for a `multi` field, else the first.
fn add_metadata(fields: &Fields, doc: &mut TantivyDocument, metadata: &crate::article::Metadata) {
    for (field, spec) in fields.spec.metadata_fields() {
        let values = spec.metadata.iter().find_map(|key| {
            let values: Vec<&str> = metadata
                .iter()
                .filter(|(k, v)| k.eq_ignore_ascii_case(key) && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
                .collect();
            (!values.is_empty()).then_some(values)
        });
        let Some(values) = values else { continue };
        let mut kept: Vec<&str> = Vec::new();
        for value in values {
            if !kept.contains(&value) {
                kept.push(value);
            }
        }
        kept.truncate(if spec.multi { kept.len() } else { 1 });
        for value in kept {
            doc.add_text(field, value);
        }
    }
}

/// A stored document's metadata fields, by field name: every field `schema.toml`
/// declares, as a string (an array for a `multi` field), null when the source had none,
/// so each hit carries the same keys.
pub fn metadata_values(
    spec: &crate::index::schema::SchemaSpec,
    mut values_of: impl FnMut(tantivy::schema::Field, &crate::index::schema::FieldSpec) -> Vec<String>,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    use serde_json::Value as Json;
    spec.metadata_fields()
        .map(|(field, f)| {
            let values = values_of(field, f).into_iter().map(Json::String);
            let value = if f.multi {
                Json::Array(values.collect())
            } else {
                values.into_iter().next().unwrap_or(Json::Null)
            };
            (f.name.clone(), value)
        })
        .collect()
}

/// A stored document again, with other entity lists: what curation writes back. Every
/// stored field is copied as it is (id, fingerprint and `indexed_at` included, so the
/// manifest and saved queries see no change); the unstored columns are rebuilt, the
/// wire-copy signature from `minhash` (read with [`minhash_of`]).
/// With `speakers`, the article's attributions are replaced too (their stored value and
/// speakers' names, see [`crate::attribution::stored::renamed`]).
pub fn with_entities(
    fields: &Fields,
    stored: &TantivyDocument,
    minhash: Option<&[u8]>,
    [people, orgs, places]: [&[String]; 3],
    speakers: Option<(&str, &[String])>,
) -> TantivyDocument {
    let mut doc = rebuilt(
        fields,
        stored,
        minhash,
        [people, orgs, places],
        None,
        speakers.is_some(),
    );
    if let Some((json, names)) = speakers {
        doc.add_text(fields.attributions, json);
        for name in names {
            doc.add_text(fields.speakers, name);
            doc.add_text(fields.speakers_exact, name);
        }
    }
    doc
}

/// The `minhash` column's value for the article at `address`: a column only (storing
/// 300 incompressible bytes per article slowed indexing by a tenth), so a rewrite must
/// carry it over itself.
pub fn minhash_of(
    searcher: &tantivy::Searcher,
    address: tantivy::DocAddress,
) -> tantivy::Result<Option<Vec<u8>>> {
    let segment = searcher.segment_reader(address.segment_ord);
    let Some(column) = segment.fast_fields().bytes("minhash")? else {
        return Ok(None);
    };
    let Some(ord) = column.term_ords(address.doc_id).next() else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    column.ord_to_bytes(ord, &mut bytes)?;
    Ok(Some(bytes))
}

/// A stored document again, in another story: what the stories step writes back when
/// it finds an article to be a copy (see [`with_entities`] for what is kept).
pub fn with_story(
    fields: &Fields,
    stored: &TantivyDocument,
    minhash: Option<&[u8]>,
    story: u64,
) -> TantivyDocument {
    let names = |field| -> Vec<String> {
        stored
            .get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let (people, orgs, places) = (
        names(fields.people),
        names(fields.orgs),
        names(fields.places),
    );
    rebuilt(
        fields,
        stored,
        minhash,
        [&people, &orgs, &places],
        Some(story),
        false,
    )
}

/// `stored` with the given entity lists and, when given, story; every other stored
/// field copied (but the attributions and speakers when `without_speakers`, which the
/// caller adds), the unstored columns rebuilt.
fn rebuilt(
    fields: &Fields,
    stored: &TantivyDocument,
    minhash: Option<&[u8]>,
    [people, orgs, places]: [&[String]; 3],
    story: Option<u64>,
    without_speakers: bool,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    if let Some(minhash) = minhash {
        doc.add_bytes(fields.minhash, minhash);
    }
    let replaced = [
        fields.people,
        fields.orgs,
        fields.places,
        fields.people_exact,
        fields.orgs_exact,
        fields.places_exact,
        fields.source_exact,
        fields.speakers_exact,
    ];
    if let Some(story) = story {
        doc.add_u64(fields.story, story);
    }
    for (field, value) in stored.field_values() {
        if replaced.contains(&field)
            || (story.is_some() && field == fields.story)
            || (without_speakers && (field == fields.speakers || field == fields.attributions))
        {
            continue;
        }
        // The unstored exact twins of stored fields that are copied as they are.
        for (stored_field, exact) in [
            (fields.source, fields.source_exact),
            (fields.speakers, fields.speakers_exact),
        ] {
            if field == stored_field {
                if let Some(value) = value.as_str() {
                    doc.add_text(exact, value);
                }
            }
        }
        doc.add_field_value(field, value);
    }
    let text = |field| {
        stored
            .get_first(field)
            .and_then(|v| v.as_str())
            .unwrap_or("")
    };
    add_sentence_starts(
        fields,
        &mut doc,
        text(fields.title),
        text(fields.body),
        None,
    );
    for (text_field, exact_field, names) in [
        (fields.people, fields.people_exact, people),
        (fields.orgs, fields.orgs_exact, orgs),
        (fields.places, fields.places_exact, places),
    ] {
        for name in names {
            doc.add_text(text_field, name);
            doc.add_text(exact_field, name);
        }
    }
    doc
}

/// The stored attributions and what searches and facets find them by: each speaker's
/// entity names once, each stance class and cue lemma once.
fn add_attributions(fields: &Fields, doc: &mut TantivyDocument, article: &Article) {
    let computed;
    let indexed = match &article.stored_attributions {
        Some(indexed) => indexed,
        None => match crate::attribution::stored::indexed(&article.attributions) {
            Some(found) => {
                computed = found;
                &computed
            }
            None => return,
        },
    };
    doc.add_text(fields.attributions, &indexed.json);
    for name in &indexed.speakers {
        doc.add_text(fields.speakers, name);
        doc.add_text(fields.speakers_exact, name);
    }
    for stance in &indexed.stances {
        doc.add_text(fields.stances, stance);
    }
    for lemma in &indexed.lemmas {
        doc.add_text(fields.cues, lemma);
    }
}

/// The unstored sentence-start columns, which `SENTENCE` scopes read instead of the
/// stored text. `body_spans` are the body's sentences when extraction already split
/// them (the same split as [`sentences::starts`] makes).
fn add_sentence_starts(
    fields: &Fields,
    doc: &mut TantivyDocument,
    title: &str,
    body: &str,
    body_spans: Option<&[std::ops::Range<usize>]>,
) {
    let body_starts = match body_spans {
        Some(spans) => sentences::starts_of_spans(body, spans),
        None => sentences::starts(body),
    };
    for start in sentences::starts(title) {
        doc.add_u64(fields.title_sentences, start);
    }
    for start in body_starts {
        doc.add_u64(fields.body_sentences, start);
    }
}

/// An article as read back from the index: what hits, `show` and exports print.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoredArticle {
    pub id: String,
    pub path: String,
    pub title: String,
    /// `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// `HH:MM:SS` when the source gave a time of day, as the source wrote it (so is
    /// `date`), else null.
    pub time: Option<String>,
    /// The zone of `time`: `UTC`, `+11:00`, or `unstated` when the source gave none;
    /// null without a time.
    pub time_zone: Option<String>,
    pub date_source: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Canonical names by kind (serialized flat: `people`, `orgs`, `places`).
    #[serde(flatten)]
    pub entities: Entities,
    /// RFC 3339 time this version of the article was indexed.
    pub indexed_at: Option<String>,
    /// The wire-copy story it belongs to (16 hex digits; null when indexed with
    /// `--no-stories`): copies of one story share it.
    pub story: Option<String>,
    /// The metadata fields `schema.toml` declares (`author`, ...), by name: serialized
    /// flat beside the fields above.
    #[serde(flatten)]
    pub metadata: std::collections::BTreeMap<String, serde_json::Value>,
    #[serde(skip)]
    pub body: String,
}

impl StoredArticle {
    /// A metadata field's value as one line of text (several values joined with "; "),
    /// for the terminal and CSV; `None` when the article has none.
    pub fn metadata_text(&self, name: &str) -> Option<String> {
        let text = match self.metadata.get(name)? {
            serde_json::Value::String(value) => value.clone(),
            serde_json::Value::Array(values) => values
                .iter()
                .filter_map(serde_json::Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    }
}

/// Reads the stored fields of a document.
pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> StoredArticle {
    let text = |f| {
        doc.get_first(f)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let all = |f| {
        doc.get_all(f)
            .filter_map(|v| v.as_str())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let moment = doc
        .get_first(fields.date)
        .and_then(|v| v.as_datetime())
        .and_then(|dt| ChronoDateTime::<Utc>::from_timestamp(dt.into_timestamp_secs(), 0));
    let date = moment.map(|d| d.format("%Y-%m-%d").to_string());
    let time_zone = text(fields.time_zone);
    let time = moment
        .filter(|_| time_zone.is_some())
        .map(|d| d.format("%H:%M:%S").to_string());
    let indexed_at = doc
        .get_first(fields.indexed_at)
        .and_then(|v| v.as_datetime())
        .and_then(|dt| ChronoDateTime::<Utc>::from_timestamp_micros(dt.into_timestamp_micros()))
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
    StoredArticle {
        id: text(fields.id).unwrap_or_default(),
        path: text(fields.path).unwrap_or_default(),
        title: text(fields.title).unwrap_or_default(),
        date,
        time,
        time_zone,
        date_source: text(fields.date_source),
        source: text(fields.source),
        url: text(fields.url),
        entities: Entities {
            people: all(fields.people),
            orgs: all(fields.orgs),
            places: all(fields.places),
        },
        indexed_at,
        story: doc
            .get_first(fields.story)
            .and_then(|v| v.as_u64())
            .map(crate::stories::label_text),
        metadata: metadata_values(fields.spec, |field, _| {
            doc.get_all(field)
                .filter_map(|v| v.as_str())
                .map(str::to_string)
                .collect()
        }),
        body: text(fields.body).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::SchemaSpec;

    /// The embedded schema plus two metadata fields, as a `schema.toml` edit would add
    /// them: no other code knows their names.
    fn spec_with_metadata_fields() -> &'static SchemaSpec {
        let toml = format!(
            "{}\n{}",
            crate::embedded::SCHEMA_TOML,
            r#"
[[field]]
name = "byline"
kind = "text"
tokenizer = "default"
positions = true
stored = true
metadata = ["author", "byline"]

[[field]]
name = "tags"
multi = true
kind = "string"
stored = true
metadata = ["keywords", "tags"]
"#
        );
        Box::leak(Box::new(toml::from_str(&toml).unwrap()))
    }

    fn article(metadata: &[(&str, &str)]) -> Article {
        Article {
            id: "a".into(),
            path: "a.json".into(),
            title: "T".into(),
            body: "B".into(),
            date: None,
            time: None,
            date_source: None,
            source: None,
            url: None,
            entities: Entities::default(),
            things: vec![],
            attributions: vec![],
            stored_attributions: None,
            body_sentences: None,
            metadata: metadata
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn metadata_fields_declared_in_the_schema_are_stored_and_read_back() {
        let spec = spec_with_metadata_fields();
        let schema = spec.to_tantivy().unwrap();
        let fields = Fields::resolve_with(&schema, spec).unwrap();
        let stored = |metadata: &[(&str, &str)]| {
            let doc = to_document(&fields, &article(metadata), None, 0, DateTime::MIN);
            from_document(&fields, &doc).metadata
        };
        let found = stored(&[
            ("Byline", "by Ann Lee"),
            ("AUTHOR", " Bo Li "),
            ("tags", "opec"),
            ("tags", "oil"),
            ("tags", "opec"),
            ("section", "World"),
        ]);
        // The first key of the field's list wins (author before byline), matched
        // case-insensitively; a multi field keeps every distinct value in order.
        assert_eq!(found["byline"], serde_json::json!("Bo Li"));
        assert_eq!(found["tags"], serde_json::json!(["opec", "oil"]));
        let declared = crate::embedded::SCHEMA_TOML
            .matches("\nmetadata = ")
            .count();
        assert_eq!(found.len(), declared + 2, "{found:?}");
        assert!(
            !found.contains_key("section"),
            "undeclared keys are not stored"
        );
        let none = stored(&[]);
        assert_eq!(none["byline"], serde_json::Value::Null);
        assert_eq!(none["tags"], serde_json::json!([]));
    }

    #[test]
    fn a_metadata_field_must_be_stored_text() {
        let toml = format!(
            "{}\n[[field]]\nname = \"n\"\nkind = \"u64\"\nstored = true\nmetadata = [\"n\"]\n",
            crate::embedded::SCHEMA_TOML
        );
        let spec: SchemaSpec = toml::from_str(&toml).unwrap();
        let err = spec.to_tantivy().unwrap_err().to_string();
        assert!(err.contains("metadata field `n`"), "{err}");
    }
}
