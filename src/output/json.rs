//! JSON and JSON Lines results. Field list documented in README ("Output fields").

use std::io::Write;

use serde::Serialize;

use crate::search::{Header, Hit, HitSink};

/// One JSON document: `{"query", "total", "took_ms", "offset", "hits": [...]}`.
pub struct JsonSink<W: Write> {
    out: W,
    header: Option<Header>,
    hits: Vec<Hit>,
}

impl<W: Write> JsonSink<W> {
    /// A sink writing one JSON object to `out` when the search ends.
    pub fn new(out: W) -> Self {
        JsonSink {
            out,
            header: None,
            hits: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct JsonResults<'a> {
    #[serde(flatten)]
    header: &'a Header,
    hits: &'a [Hit],
}

impl<W: Write> HitSink for JsonSink<W> {
    fn begin(&mut self, header: &Header) -> std::io::Result<()> {
        self.header = Some(header.clone());
        Ok(())
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        self.hits.push(hit.clone());
        Ok(())
    }
    fn end(&mut self) -> std::io::Result<()> {
        if let Some(header) = &self.header {
            let results = JsonResults {
                header,
                hits: &self.hits,
            };
            serde_json::to_writer_pretty(&mut self.out, &results)?;
            writeln!(self.out)?;
        }
        self.out.flush()
    }
}

/// One hit per line, streamed as found.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing one JSON object per hit to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> HitSink for JsonlSink<W> {
    fn begin(&mut self, _header: &Header) -> std::io::Result<()> {
        Ok(())
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, hit)?;
        writeln!(self.out)
    }
    fn end(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
