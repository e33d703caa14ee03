//! Renderers: the same results as terminal text, JSON, JSON Lines or CSV.
//!
//! Renderers receive hits through [`HitSink`](crate::search::HitSink) and never run a
//! query. Results go to stdout; progress and diagnostics go to stderr.

pub mod color;
pub mod csv_out;
pub mod details;
pub mod fields;
pub mod json;
pub mod printable;
pub mod progress;
pub mod summary;
pub mod terminal;
pub mod width;

use std::io::Write;

use crate::search::HitSink;

crate::choice_enum! {
    /// Output formats for results.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum OutputFormat {
        #[default]
        Terminal = "terminal": "Human-readable blocks, coloured on a TTY unless NO_COLOR is set.",
        Json = "json": "One JSON object: {\"query\", \"total\", \"took_ms\", \"hits\": [...]}.",
        Jsonl = "jsonl": "One JSON object per hit, one per line.",
        Csv = "csv": "A header row, then one row per hit; entity lists joined with \"; \".",
    }
}

/// A name added to every JSON hit (JSONL) or envelope (JSON), so a script reading
/// several result sets can tell them apart: `"saved": "NAME"` for saved queries,
/// `"query": "NAME"` for batch runs.
#[derive(Debug, Clone)]
pub struct Label {
    pub key: &'static str,
    pub value: String,
}

/// Builds the sink for `format`, writing to `out`; `fields` (`--fields`) picks what
/// each hit carries in JSON, JSON Lines and CSV (all default fields when empty).
pub fn sink<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    color: bool,
    label: Option<Label>,
    fields: &[String],
) -> Box<dyn HitSink + 'a> {
    match format {
        OutputFormat::Terminal => Box::new(terminal::TerminalSink::new(out, color)),
        OutputFormat::Json => Box::new(json::JsonSink::new(out, label, fields)),
        OutputFormat::Jsonl => Box::new(json::JsonlSink::new(out, label, fields)),
        OutputFormat::Csv => Box::new(csv_out::CsvSink::new(out, fields)),
    }
}
