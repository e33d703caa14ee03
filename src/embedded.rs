//! Every data file compiled into the binary, listed in one place: what a release
//! carries, and what enrichment's fingerprint must hash so that changing any of it
//! re-reads the archive on the next `dateline index`.
//!
//! The tagger's own data (its model and the lexicon tables build.rs freezes) is
//! included inside `extract/ner`, which imports nothing from the rest of the crate so
//! that it could be its own crate; it is re-exported here. The web page's stylesheet
//! and script are code, not data, and stay with `serve/assets.rs`.

/// The index schema (`index_schema/schema.toml`).
pub const SCHEMA_TOML: &str = include_str!("../index_schema/schema.toml");

/// The alias table shipped with dateline, as people edit it.
pub const ALIASES_TOML: &str = include_str!("../index_schema/aliases.toml");

/// The same table as `build.rs` flattened it: one entity per line, tab-separated
/// `type`, `name`, aliases. Every `dateline search` loads the table, and parsing TOML
/// took a third of a short query's time; splitting lines takes microseconds.
pub const ALIASES_FLAT: &str = include_str!(concat!(env!("OUT_DIR"), "/aliases.tsv"));

/// Demonyms and adjectives → the place they name (`Iranian` → Iran).
pub const DEMONYMS_TSV: &str = include_str!("../index_schema/ner/demonyms.tsv");

/// Lowercase word → its usual mid-sentence form, for words usually capitalized.
pub const CASE_TSV: &str = include_str!("../index_schema/ner/case.tsv");

/// US state abbreviations (with their periods) → state.
pub const US_STATES_TSV: &str = include_str!("../index_schema/ner/us_states.tsv");

/// The tagger's model (`index_schema/ner/model.bin`).
pub(crate) use crate::extract::ner::EMBEDDED_MODEL as NER_MODEL;

/// The tagger's lexicon tables, built by build.rs from `index_schema/ner/`.
pub(crate) use crate::extract::ner::lexicon::EMBEDDED_TABLES as NER_TABLES;

/// Everything extraction reads besides the alias table (which has its own
/// fingerprint, since users extend it): the model, its tables and the word lists
/// entity resolution uses.
pub fn extraction_data() -> impl Iterator<Item = &'static [u8]> {
    [NER_MODEL]
        .into_iter()
        .chain(NER_TABLES)
        .chain([DEMONYMS_TSV, CASE_TSV, US_STATES_TSV].map(str::as_bytes))
}
