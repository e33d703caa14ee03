//! JSON and JSON Lines results. Field list documented in README ("Output").

use std::io::Write;

use serde::Serialize;

use super::{fields, Label};
use crate::search::facets::Facets;
use crate::search::{Header, Hit, HitSink};

/// Serialises `value` with the label's key added at the top level.
fn labelled<T: Serialize>(
    value: &T,
    label: &Option<Label>,
) -> serde_json::Result<serde_json::Value> {
    let mut v = serde_json::to_value(value)?;
    if let (Some(label), Some(obj)) = (label, v.as_object_mut()) {
        // Never overwrite a field of the value itself (the envelope has a `query`).
        let key = if obj.contains_key(label.key) {
            "name"
        } else {
            label.key
        };
        obj.insert(
            key.to_string(),
            serde_json::Value::String(label.value.clone()),
        );
    }
    Ok(v)
}

/// One JSON document: `{"query", "total", "took_ms", "offset", "hits": [...]}`.
pub struct JsonSink<W: Write> {
    out: W,
    label: Option<Label>,
    /// `--fields`: empty for every default field.
    fields: Vec<String>,
    header: Option<Header>,
    hits: Vec<serde_json::Value>,
    facets: Option<Facets>,
}

impl<W: Write> JsonSink<W> {
    /// A sink writing one JSON object to `out` when the search ends, each hit with
    /// `fields` (every default field when empty).
    pub fn new(out: W, label: Option<Label>, fields: &[String]) -> Self {
        JsonSink {
            out,
            label,
            fields: fields.to_vec(),
            header: None,
            hits: Vec::new(),
            facets: None,
        }
    }
}

#[derive(Serialize)]
struct JsonResults<'a> {
    #[serde(flatten)]
    header: &'a Header,
    hits: &'a [serde_json::Value],
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<&'a Facets>,
}

impl<W: Write> HitSink for JsonSink<W> {
    fn begin(&mut self, header: &Header) -> std::io::Result<()> {
        self.header = Some(header.clone());
        Ok(())
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        self.hits.push(fields::json(hit, &self.fields)?);
        Ok(())
    }
    fn facets(&mut self, facets: &Facets) -> std::io::Result<()> {
        self.facets = Some(facets.clone());
        Ok(())
    }
    fn end(&mut self) -> std::io::Result<()> {
        if let Some(header) = &self.header {
            let results = JsonResults {
                header,
                hits: &self.hits,
                facets: self.facets.as_ref(),
            };
            serde_json::to_writer_pretty(&mut self.out, &labelled(&results, &self.label)?)?;
            writeln!(self.out)?;
        }
        self.out.flush()
    }
}

/// One hit per line, streamed as found. When the search has warnings, every line
/// carries them too (`"warnings": [...]`): a script reading any line learns that the
/// answer may not be what it asked. Facets, when asked for, come last as one line
/// `{"type": "facets", "facets": {...}}` (hit lines have no `type`), so a stream
/// carries everything `json` does.
pub struct JsonlSink<W: Write> {
    out: W,
    label: Option<Label>,
    /// `--fields`: empty for every default field.
    fields: Vec<String>,
    warnings: Vec<String>,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing one JSON object per hit to `out`, with `fields` (every default
    /// field when empty).
    pub fn new(out: W, label: Option<Label>, fields: &[String]) -> Self {
        JsonlSink {
            out,
            label,
            fields: fields.to_vec(),
            warnings: Vec::new(),
        }
    }
}

impl<W: Write> HitSink for JsonlSink<W> {
    fn begin(&mut self, header: &Header) -> std::io::Result<()> {
        self.warnings = header.warnings.clone();
        Ok(())
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        let mut line = labelled(&fields::json(hit, &self.fields)?, &self.label)?;
        if let (false, Some(obj)) = (self.warnings.is_empty(), line.as_object_mut()) {
            obj.insert("warnings".into(), serde_json::json!(self.warnings));
        }
        serde_json::to_writer(&mut self.out, &line)?;
        writeln!(self.out)
    }
    fn facets(&mut self, facets: &Facets) -> std::io::Result<()> {
        let line = serde_json::json!({"type": "facets", "facets": facets});
        serde_json::to_writer(&mut self.out, &labelled(&line, &self.label)?)?;
        writeln!(self.out)
    }
    fn end(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
