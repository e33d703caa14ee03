//! Renderers: the same results as terminal text, JSON, JSON Lines or CSV.
//!
//! Renderers receive hits through [`HitSink`](crate::search::HitSink) and never run a
//! query. Results go to stdout; progress and diagnostics go to stderr.

pub mod color;
pub mod csv_out;
pub mod json;
pub mod summary;
pub mod terminal;

use std::io::Write;

use crate::search::HitSink;

/// Output formats for results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable blocks, coloured on a TTY unless NO_COLOR is set.
    #[default]
    Terminal,
    /// One JSON object: {"query", "total", "took_ms", "hits": [...]}.
    Json,
    /// One JSON object per hit, one per line.
    Jsonl,
    /// A header row, then one row per hit; entity lists joined with "; ".
    Csv,
}

/// Builds the sink for `format`, writing to `out`.
pub fn sink<'a, W: Write + 'a>(format: OutputFormat, out: W, color: bool) -> Box<dyn HitSink + 'a> {
    match format {
        OutputFormat::Terminal => Box::new(terminal::TerminalSink::new(out, color)),
        OutputFormat::Json => Box::new(json::JsonSink::new(out)),
        OutputFormat::Jsonl => Box::new(json::JsonlSink::new(out)),
        OutputFormat::Csv => Box::new(csv_out::CsvSink::new(out)),
    }
}
