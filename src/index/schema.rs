//! The index schema, read from `index_schema/schema.toml` (embedded at build time).
//!
//! Keeping the schema as data means one file documents every field, its options and the
//! version an index records; the code only turns it into a tantivy [`Schema`] and a
//! typed handle struct ([`Fields`]) so the rest of the crate never looks fields up by
//! string.

use serde::Deserialize;
use tantivy::schema::{
    BytesOptions, DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};

use crate::error::{Error, Result};

pub use crate::embedded::SCHEMA_TOML;

/// One field as written in `schema.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldSpec {
    /// Field name in the tantivy index.
    pub name: String,
    /// `text`, `string`, `date` or `u64`.
    pub kind: String,
    /// Tokenizer of a `text` field.
    #[serde(default)]
    pub tokenizer: Option<String>,
    /// Whether a `text` field records positions (needed for phrase queries).
    #[serde(default)]
    pub positions: bool,
    /// Whether the value comes back with a hit.
    #[serde(default)]
    pub stored: bool,
    /// Whether the field has a column for sorting, ranges and aggregations.
    #[serde(default)]
    pub fast: bool,
    /// Whether a `u64` or `string` field can be searched; `false` keeps a column alone
    /// (sentence starts are read per article, never searched) or a stored value alone
    /// (the attributions).
    #[serde(default = "yes")]
    pub indexed: bool,
    /// Precision of a `date` field: `seconds` (default) or `microseconds`.
    #[serde(default)]
    pub precision: Option<String>,
    /// Several values per article (exports declare an array).
    #[serde(default)]
    pub multi: bool,
    /// For hidden exact-value twins: the text field they mirror.
    #[serde(default)]
    pub facet_of: Option<String>,
    /// The source metadata keys that fill this field (`["author", "byline"]`): a JSON or
    /// front-matter key, an HTML `<meta>` name, an SGML tag, matched case-insensitively.
    /// Such a field needs no code: readers keep every metadata key they do not use
    /// themselves, the indexer stores the ones named here, queries search it by its
    /// name (`author:smith`), and hits, `show`, CSV and exports carry it.
    #[serde(default)]
    pub metadata: Vec<String>,
    /// Human documentation (not used by code).
    #[serde(default)]
    pub doc: Option<String>,
}

fn yes() -> bool {
    true
}

/// The parsed `schema.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct SchemaSpec {
    /// Version recorded in every index; a mismatch refuses to open.
    pub version: u32,
    /// Field definitions, in order.
    #[serde(rename = "field")]
    pub fields: Vec<FieldSpec>,
}

impl SchemaSpec {
    /// Parses the embedded schema. The file is part of the binary, so a failure here is
    /// a build defect, reported rather than panicking.
    pub fn embedded() -> Result<SchemaSpec> {
        toml::from_str(SCHEMA_TOML).map_err(|e| Error::Schema(e.to_string()))
    }

    /// The schema this binary was built with, parsed once: what queries, renderers and
    /// exports consult for the metadata fields. `None` only if the embedded file does
    /// not parse, which the unit tests rule out and opening an index reports.
    pub fn shared() -> Option<&'static SchemaSpec> {
        static SPEC: std::sync::OnceLock<Option<SchemaSpec>> = std::sync::OnceLock::new();
        SPEC.get_or_init(|| SchemaSpec::embedded().ok()).as_ref()
    }

    /// The fields filled from source metadata (those with `metadata` keys), each with
    /// its handle in the schema [`SchemaSpec::to_tantivy`] builds (fields are numbered in
    /// the order they are added).
    pub fn metadata_fields(&self) -> impl Iterator<Item = (Field, &FieldSpec)> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.metadata.is_empty())
            .map(|(i, f)| (Field::from_field_id(i as u32), f))
    }

    /// The names of the embedded schema's metadata fields: what queries, `--fields` and
    /// hints accept beside the built-in names.
    pub fn metadata_names() -> Vec<&'static str> {
        SchemaSpec::shared()
            .into_iter()
            .flat_map(|spec| spec.metadata_fields().map(|(_, f)| f.name.as_str()))
            .collect()
    }

    /// The metadata field a query or `--fields` name means, if any.
    pub fn metadata_field(&self, name: &str) -> Option<(Field, &FieldSpec)> {
        self.metadata_fields()
            .find(|(_, f)| f.name.eq_ignore_ascii_case(name))
    }

    /// Builds the tantivy schema described by this spec.
    pub fn to_tantivy(&self) -> Result<Schema> {
        let mut builder = Schema::builder();
        for f in &self.fields {
            let stored_text = f.stored && matches!(f.kind.as_str(), "text" | "string");
            if !f.metadata.is_empty() && !stored_text {
                return Err(Error::Schema(format!(
                    "metadata field `{}` must be a stored text or string field",
                    f.name
                )));
            }
            match f.kind.as_str() {
                "text" => {
                    let tokenizer = f.tokenizer.as_deref().unwrap_or("default");
                    let record = if f.positions {
                        IndexRecordOption::WithFreqsAndPositions
                    } else {
                        IndexRecordOption::WithFreqs
                    };
                    let mut opts = TextOptions::default().set_indexing_options(
                        TextFieldIndexing::default()
                            .set_tokenizer(tokenizer)
                            .set_index_option(record),
                    );
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    builder.add_text_field(&f.name, opts);
                }
                "string" => {
                    let mut opts: TextOptions = if f.indexed {
                        STRING
                    } else {
                        TextOptions::default()
                    };
                    if f.stored {
                        opts = opts | STORED;
                    }
                    if f.fast {
                        opts = opts.set_fast("raw");
                    }
                    builder.add_text_field(&f.name, opts);
                }
                "date" => {
                    let precision = match f.precision.as_deref() {
                        None | Some("seconds") => DateTimePrecision::Seconds,
                        Some("microseconds") => DateTimePrecision::Microseconds,
                        Some(other) => {
                            return Err(Error::Schema(format!(
                                "field `{}` has unknown precision `{other}`",
                                f.name
                            )))
                        }
                    };
                    let mut opts = DateOptions::default()
                        .set_indexed()
                        .set_precision(precision);
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        opts = opts.set_fast();
                    }
                    builder.add_date_field(&f.name, opts);
                }
                "u64" => {
                    let mut opts = NumericOptions::default();
                    if f.indexed {
                        opts = opts.set_indexed();
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        opts = opts.set_fast();
                    }
                    builder.add_u64_field(&f.name, opts);
                }
                "bytes" => {
                    let mut opts = BytesOptions::default();
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        opts = opts.set_fast();
                    }
                    builder.add_bytes_field(&f.name, opts);
                }
                other => {
                    return Err(Error::Schema(format!(
                        "field `{}` has unknown kind `{other}`",
                        f.name
                    )))
                }
            }
        }
        Ok(builder.build())
    }
}

/// Typed handles to every field the code uses.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub title: Field,
    pub body: Field,
    pub date: Field,
    pub date_source: Field,
    pub time_zone: Field,
    pub people: Field,
    pub people_exact: Field,
    pub orgs: Field,
    pub orgs_exact: Field,
    pub places: Field,
    pub places_exact: Field,
    pub source: Field,
    pub source_exact: Field,
    pub url: Field,
    pub fingerprint: Field,
    pub indexed_at: Field,
    pub title_sentences: Field,
    pub body_sentences: Field,
    pub story: Field,
    pub minhash: Field,
    pub things: Field,
    pub attributions: Field,
    pub speakers: Field,
    pub speakers_exact: Field,
    pub stances: Field,
    pub cues: Field,
    /// The schema the handles come from: its metadata fields are found by name
    /// ([`SchemaSpec::metadata_fields`]) instead of by a handle here, so adding one is a
    /// `schema.toml` change alone.
    pub spec: &'static SchemaSpec,
}

impl Fields {
    /// Resolves every handle, failing with the missing field's name when the schema and
    /// the code disagree.
    pub fn resolve(schema: &Schema) -> Result<Fields> {
        let spec = SchemaSpec::shared()
            .ok_or_else(|| Error::Schema("the embedded schema.toml does not parse".into()))?;
        Fields::resolve_with(schema, spec)
    }

    /// [`Fields::resolve`] for a schema built from `spec` (tests build their own).
    pub fn resolve_with(schema: &Schema, spec: &'static SchemaSpec) -> Result<Fields> {
        for (handle, f) in spec.metadata_fields() {
            if schema.get_field(&f.name).ok() != Some(handle) {
                return Err(Error::Schema(format!(
                    "metadata field `{}` is not where schema.toml puts it",
                    f.name
                )));
            }
        }
        let get = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| Error::Schema(format!("schema has no field `{name}`")))
        };
        Ok(Fields {
            id: get("id")?,
            path: get("path")?,
            title: get("title")?,
            body: get("body")?,
            date: get("date")?,
            date_source: get("date_source")?,
            time_zone: get("time_zone")?,
            people: get("people")?,
            people_exact: get("people_exact")?,
            orgs: get("orgs")?,
            orgs_exact: get("orgs_exact")?,
            places: get("places")?,
            places_exact: get("places_exact")?,
            source: get("source")?,
            source_exact: get("source_exact")?,
            url: get("url")?,
            fingerprint: get("fingerprint")?,
            indexed_at: get("indexed_at")?,
            title_sentences: get(super::sentences::TITLE_SENTENCES)?,
            body_sentences: get(super::sentences::BODY_SENTENCES)?,
            story: get("story")?,
            minhash: get("minhash")?,
            things: get("things")?,
            attributions: get("attributions")?,
            speakers: get("speakers")?,
            speakers_exact: get("speakers_exact")?,
            stances: get("stances")?,
            cues: get("cues")?,
            spec,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_builds_and_has_every_field() {
        let spec = SchemaSpec::embedded().unwrap();
        assert!(spec.version >= 1);
        let schema = spec.to_tantivy().unwrap();
        Fields::resolve(&schema).unwrap();
    }
}
