//! Quickwit and Elasticsearch/OpenSearch exports: engine configuration generated from
//! `index_schema/schema.toml`, and the documents in each engine's ingest format.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use serde_json::{json, Map, Value};

use super::stems::{self, Stemmer};
use super::{for_each_article, CountingWriter, ExportSummary, Selection};
use crate::choice::Choice;
use crate::error::{Error, Result};
use crate::index::schema::{FieldSpec, SchemaSpec};
use crate::index::DatelineIndex;

/// Fields that are local bookkeeping or dateline's own search aids, not article data:
/// never exported (other engines have no sentence scopes to feed, and no `SAID(...)`
/// to read attributions with).
const LOCAL_FIELDS: [&str; 11] = [
    "fingerprint",
    "things",
    "attributions",
    "speakers",
    "stances",
    "cues",
    "indexed_at",
    "story",
    "minhash",
    crate::index::sentences::TITLE_SENTENCES,
    crate::index::sentences::BODY_SENTENCES,
];

/// Largest Elasticsearch bulk file.
pub const BULK_FILE_LIMIT: u64 = 100 * 1000 * 1000;

/// The fields an engine receives: the schema minus bookkeeping and minus the hidden
/// exact-value twins (each engine gets exact values from the entity field itself:
/// Quickwit fast text fields, Elasticsearch `keyword` sub-fields).
fn exported_fields(spec: &SchemaSpec) -> Vec<&FieldSpec> {
    spec.fields
        .iter()
        .filter(|f| f.facet_of.is_none() && !LOCAL_FIELDS.contains(&f.name.as_str()))
        .collect()
}

/// True when `name` has an exact-value twin (so engines should make it aggregatable).
fn has_exact_twin(spec: &SchemaSpec, name: &str) -> bool {
    spec.fields
        .iter()
        .any(|f| f.facet_of.as_deref() == Some(name))
}

crate::choice_enum! {
    /// The Quickwit release an index config is written for: their tokenizers differ
    /// (0.9 removed `en_stem`), and a config naming a tokenizer its server lacks does
    /// not load at all.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum QuickwitVersion {
        #[default]
        V0_9 = "0.9": "Quickwit 0.9: title and body use the `default` tokenizer (lower-cased words); stemmed search goes to title_stem and body_stem.",
        V0_8 = "0.8": "Quickwit 0.8: title and body keep Quickwit's `en_stem` too.",
    }
}

/// The text fields dateline stems (`en_stem` in schema.toml): the ones that get a
/// stemmed shadow field in every engine export.
fn is_stemmed(f: &FieldSpec) -> bool {
    f.kind == "text" && f.tokenizer.as_deref() == Some("en_stem")
}

/// The Quickwit index config (YAML) for dateline's schema. No field is the
/// timestamp field: Quickwit rejects a document without one, and undated articles
/// are part of an archive (`date` stays a fast field for ranges, sorting and
/// histograms).
pub fn quickwit_config(
    spec: &SchemaSpec,
    index_id: &str,
    version: QuickwitVersion,
) -> Result<String> {
    let mut mappings = Vec::new();
    for f in exported_fields(spec) {
        let ty = match f.kind.as_str() {
            "text" | "string" => "text",
            "date" => "datetime",
            "u64" => "u64",
            other => {
                return Err(Error::Schema(format!(
                    "no Quickwit type for kind `{other}`"
                )))
            }
        };
        let ty = if f.multi {
            format!("array<{ty}>")
        } else {
            ty.to_string()
        };
        let mut m = Map::new();
        m.insert("name".into(), json!(f.name));
        m.insert("type".into(), json!(ty));
        match f.kind.as_str() {
            "text" => {
                let tokenizer = match (f.tokenizer.as_deref(), version) {
                    (Some("en_stem"), QuickwitVersion::V0_9) => "default",
                    (Some(tokenizer), _) => tokenizer,
                    (None, _) => "default",
                };
                m.insert("tokenizer".into(), json!(tokenizer));
                m.insert(
                    "record".into(),
                    json!(if f.positions { "position" } else { "freq" }),
                );
                m.insert("fieldnorms".into(), json!(true));
                if has_exact_twin(spec, &f.name) {
                    m.insert("fast".into(), json!(true));
                }
            }
            "string" => {
                m.insert("tokenizer".into(), json!("raw"));
                if f.fast {
                    m.insert("fast".into(), json!(true));
                }
            }
            "date" => {
                m.insert("input_formats".into(), json!(["rfc3339"]));
                m.insert("output_format".into(), json!("rfc3339"));
                m.insert("fast".into(), json!(f.fast));
                m.insert("fast_precision".into(), json!("seconds"));
            }
            _ => {
                m.insert("fast".into(), json!(f.fast));
            }
        }
        m.insert("stored".into(), json!(f.stored));
        mappings.push(Value::Object(m));
        if is_stemmed(f) {
            mappings.push(json!({
                "name": format!("{}{}", f.name, stems::SUFFIX),
                "type": "text",
                "tokenizer": "whitespace",
                "record": "position",
                "fieldnorms": true,
                "stored": false,
            }));
        }
    }
    let config = json!({
        "version": version.name(),
        "index_id": index_id,
        "doc_mapping": {
            "mode": "strict",
            "field_mappings": mappings,
        },
        "search_settings": {"default_search_fields": ["title", "body"]},
        "indexing_settings": {"commit_timeout_secs": 30},
    });
    let yaml = serde_yaml_ng::to_string(&config).map_err(|e| Error::Schema(e.to_string()))?;
    Ok(format!(
        "# Quickwit {} index config generated by `dateline export --to quickwit` from\n# index_schema/schema.toml (schema version {}). Do not edit by hand.\n# title_stem and body_stem hold dateline's stems of title and body (search them\n# with stemmed, lower-case words: body_stem:rate finds rates, rated, rating).\n{yaml}",
        version.name(),
        spec.version
    ))
}

/// The Elasticsearch/OpenSearch index body (settings + mapping) for dateline's schema.
pub fn elasticsearch_mapping(spec: &SchemaSpec) -> Result<Value> {
    let mut properties = Map::new();
    for f in exported_fields(spec) {
        let mapping = match f.kind.as_str() {
            "text" => {
                let analyzer = match f.tokenizer.as_deref() {
                    Some("en_stem") => "english",
                    _ => "standard",
                };
                if has_exact_twin(spec, &f.name) {
                    json!({"type": "text", "analyzer": analyzer,
                           "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}})
                } else {
                    json!({"type": "text", "analyzer": analyzer})
                }
            }
            "string" => json!({"type": "keyword"}),
            "date" => json!({"type": "date", "format": "strict_date_optional_time"}),
            "u64" => json!({"type": "unsigned_long"}),
            other => {
                return Err(Error::Schema(format!(
                    "no Elasticsearch type for kind `{other}`"
                )))
            }
        };
        properties.insert(f.name.clone(), mapping);
        if is_stemmed(f) {
            properties.insert(
                format!("{}{}", f.name, stems::SUFFIX),
                json!({"type": "text", "analyzer": "whitespace", "index_options": "positions"}),
            );
        }
    }
    Ok(json!({
        "settings": {"number_of_shards": 1},
        "mappings": {"dynamic": "strict", "properties": properties},
    }))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// Writes `index-config.yaml` and `docs.ndjson` into `dir`.
pub fn export_quickwit(
    index: &DatelineIndex,
    selection: Selection<'_>,
    dir: &Path,
    index_id: &str,
    version: QuickwitVersion,
    progress: &indicatif::ProgressBar,
) -> Result<ExportSummary> {
    let started = Instant::now();
    let spec = SchemaSpec::embedded()?;
    let config_path = dir.join("index-config.yaml");
    let config = quickwit_config(&spec, index_id, version)?;
    let mut stemmer = Stemmer::english()?;
    fs::write(&config_path, &config).map_err(io(&config_path))?;
    let docs_path = dir.join("docs.ndjson");
    let file = File::create(&docs_path).map_err(io(&docs_path))?;
    let mut w = CountingWriter {
        inner: BufWriter::new(file),
        bytes: 0,
    };
    let articles = for_each_article(
        index,
        selection,
        |a| {
            let a = a.for_engine(&mut stemmer);
            serde_json::to_writer(&mut w, &a).map_err(|e| io(&docs_path)(e.into()))?;
            w.write_all(b"\n").map_err(io(&docs_path))
        },
        progress,
    )?;
    w.flush().map_err(io(&docs_path))?;
    Ok(ExportSummary {
        articles,
        bytes: w.bytes + config.len() as u64,
        files: vec![
            config_path.display().to_string(),
            docs_path.display().to_string(),
        ],
        elapsed_secs: started.elapsed().as_secs_f64(),
    })
}

/// Writes `mapping.json` and `bulk-NNNN.ndjson` files (each at most 100 MB) into `dir`.
pub fn export_elasticsearch(
    index: &DatelineIndex,
    selection: Selection<'_>,
    dir: &Path,
    index_name: &str,
    progress: &indicatif::ProgressBar,
) -> Result<ExportSummary> {
    let started = Instant::now();
    let spec = SchemaSpec::embedded()?;
    let mapping_path = dir.join("mapping.json");
    let mapping = serde_json::to_string_pretty(&elasticsearch_mapping(&spec)?)
        .map_err(|e| Error::Schema(e.to_string()))?;
    fs::write(&mapping_path, format!("{mapping}\n")).map_err(io(&mapping_path))?;
    let mut files = vec![mapping_path.display().to_string()];
    let mut total_bytes = mapping.len() as u64 + 1;
    let mut current: Option<(std::path::PathBuf, CountingWriter<BufWriter<File>>)> = None;
    let mut stemmer = Stemmer::english()?;
    let articles = for_each_article(
        index,
        selection,
        |a| {
            let a = a.for_engine(&mut stemmer);
            let action = json!({"index": {"_index": index_name, "_id": a.id}});
            let mut pair = serde_json::to_vec(&action).map_err(|e| Error::Schema(e.to_string()))?;
            pair.push(b'\n');
            serde_json::to_writer(&mut pair, &a).map_err(|e| Error::Schema(e.to_string()))?;
            pair.push(b'\n');
            let full = current
                .as_ref()
                .is_some_and(|(_, w)| w.bytes + pair.len() as u64 > BULK_FILE_LIMIT);
            if full || current.is_none() {
                if let Some((path, mut w)) = current.take() {
                    w.flush().map_err(io(&path))?;
                    total_bytes += w.bytes;
                }
                let path = dir.join(format!("bulk-{:04}.ndjson", files.len()));
                let file = File::create(&path).map_err(io(&path))?;
                files.push(path.display().to_string());
                current = Some((
                    path,
                    CountingWriter {
                        inner: BufWriter::new(file),
                        bytes: 0,
                    },
                ));
            }
            if let Some((path, w)) = current.as_mut() {
                w.write_all(&pair).map_err(io(path))?;
            }
            Ok(())
        },
        progress,
    )?;
    if let Some((path, mut w)) = current.take() {
        w.flush().map_err(io(&path))?;
        total_bytes += w.bytes;
    }
    Ok(ExportSummary {
        articles,
        bytes: total_bytes,
        files,
        elapsed_secs: started.elapsed().as_secs_f64(),
    })
}
