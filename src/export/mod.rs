//! Exports: the whole index as JSON Lines, as a Quickwit index config plus ingest file,
//! or as an Elasticsearch/OpenSearch mapping plus bulk files, for archives that
//! outgrow one machine.
//!
//! Articles stream out in id order (deterministic whatever the segment layout), one
//! stored document at a time, so memory stays bounded (only the ids are held). The
//! engine configurations are generated from `index_schema/schema.toml`, not written
//! twice. `indexed_at` and the file fingerprint are local bookkeeping and are left out,
//! so exporting the same archive always gives the same bytes.

pub mod engines;
pub mod stems;
pub mod target;

use std::io::Write;
use std::time::Instant;

use serde::Serialize;
use tantivy::{DocAddress, TantivyDocument};

use crate::entity::Entities;
use crate::error::{Error, Result};
use crate::index::document::from_document;
use crate::index::DatelineIndex;

/// One exported article.
#[derive(Debug, Serialize)]
pub struct ExportedArticle {
    pub id: String,
    pub path: String,
    pub title: String,
    pub body: String,
    /// RFC 3339 (UTC midnight when only the day is known; the source's offset when it
    /// stated one), or absent when undated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The zone of the time in `date` (`UTC`, `+11:00`, `unstated`) when the source
    /// gave a time of day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Canonical names by kind (serialized flat: `people`, `orgs`, `places`).
    #[serde(flatten)]
    pub entities: Entities,
    /// The wire-copy story (16 hex digits), shared by copies of one story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// How many other articles of the index are in the same story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<usize>,
    /// dateline's stems of the title, for engines ([`stems`]); not in the plain export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_stem: Option<String>,
    /// dateline's stems of the body, for engines ([`stems`]); not in the plain export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_stem: Option<String>,
    /// The metadata fields `schema.toml` declares, the ones the article has (absent
    /// when unknown, as `date` and `url` are).
    #[serde(flatten)]
    pub metadata: std::collections::BTreeMap<String, serde_json::Value>,
}

impl ExportedArticle {
    /// The article for another engine: with the stemmed shadow fields its config
    /// declares, and without story bookkeeping, which is dateline's own (the engine
    /// configs have no such fields).
    pub fn for_engine(self, stemmer: &mut stems::Stemmer) -> ExportedArticle {
        ExportedArticle {
            story: None,
            copies: None,
            title_stem: Some(stemmer.shadow(&self.title)),
            body_stem: Some(stemmer.shadow(&self.body)),
            ..self
        }
    }
}

/// What an export wrote.
#[derive(Debug, Default, Serialize)]
pub struct ExportSummary {
    pub articles: u64,
    pub bytes: u64,
    pub files: Vec<String>,
    pub elapsed_secs: f64,
}

/// Which articles an export writes: all of them, or a query's hits
/// (`export --query`), so a result set leaves with its full text in one command.
pub type Selection<'a> = Option<&'a dyn tantivy::query::Query>;

/// The address of every selected article, sorted by id.
fn addresses_by_id(
    index: &DatelineIndex,
    selection: Selection<'_>,
) -> Result<(tantivy::Searcher, Vec<DocAddress>)> {
    let searcher = index.searcher()?;
    let selected = match selection {
        Some(query) => Some(
            searcher
                .search(query, &tantivy::collector::DocSetCollector)
                .map_err(Error::tantivy("selecting the articles to export"))?,
        ),
        None => None,
    };
    let mut ids: Vec<(String, DocAddress)> = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let values = crate::index::manifest::StrValues::read(segment, "id")?;
        for doc in segment.doc_ids_alive() {
            let address = DocAddress::new(ord as u32, doc);
            if selected.as_ref().is_some_and(|s| !s.contains(&address)) {
                continue;
            }
            let id = values.first(doc).unwrap_or_default().to_string();
            ids.push((id, address));
        }
    }
    ids.sort();
    Ok((searcher, ids.into_iter().map(|(_, a)| a).collect()))
}

/// Streams every article, in id order, to `each`.
pub fn for_each_article(
    index: &DatelineIndex,
    selection: Selection<'_>,
    mut each: impl FnMut(ExportedArticle) -> Result<()>,
    progress: &indicatif::ProgressBar,
) -> Result<u64> {
    let (searcher, addresses) = addresses_by_id(index, selection)?;
    let census = crate::stories::members::Census::read(&searcher)?;
    progress.set_length(addresses.len() as u64);
    let mut n = 0;
    for address in addresses {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(Error::tantivy("reading a stored article"))?;
        let a = from_document(&index.fields, &doc);
        let label = a.story.as_deref().and_then(crate::stories::label_of);
        let copies = label.map(|l| census.stories.get(&l).map_or(0, |m| m.len() - 1));
        each(ExportedArticle {
            story: a.story,
            copies,
            id: a.id,
            path: a.path,
            title: a.title,
            body: a.body,
            // Engines want full timestamps: as stored (UTC midnight for a bare day).
            date: a
                .date
                .map(|d| format!("{d}T{}Z", a.time.as_deref().unwrap_or("00:00:00"))),
            time_zone: a.time_zone,
            date_source: a.date_source,
            source: a.source,
            url: a.url,
            entities: a.entities,
            title_stem: None,
            body_stem: None,
            metadata: a
                .metadata
                .into_iter()
                .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                .collect(),
        })?;
        n += 1;
        progress.inc(1);
    }
    Ok(n)
}

/// Writes one JSON object per line, counting bytes.
pub struct CountingWriter<W: Write> {
    pub inner: W,
    pub bytes: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Plain JSON Lines export to `out`.
pub fn export_jsonl(
    index: &DatelineIndex,
    selection: Selection<'_>,
    out: &mut dyn Write,
    progress: &indicatif::ProgressBar,
) -> Result<ExportSummary> {
    let started = Instant::now();
    let mut w = CountingWriter {
        inner: std::io::BufWriter::new(out),
        bytes: 0,
    };
    let io = |e: std::io::Error| Error::Io {
        path: "<export>".into(),
        source: e,
    };
    let articles = for_each_article(
        index,
        selection,
        |a| {
            serde_json::to_writer(&mut w, &a).map_err(|e| io(e.into()))?;
            w.write_all(b"\n").map_err(io)
        },
        progress,
    )?;
    w.flush().map_err(io)?;
    Ok(ExportSummary {
        articles,
        bytes: w.bytes,
        files: Vec::new(),
        elapsed_secs: started.elapsed().as_secs_f64(),
    })
}
