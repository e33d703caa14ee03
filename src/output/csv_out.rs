//! CSV results: one header row, one row per hit, lists joined with "; ".

use std::io::Write;

use super::printable::printable;
use crate::search::{Header, Hit, HitSink};

/// Column order of the CSV output (documented in the README).
pub const COLUMNS: [&str; 12] = [
    "id",
    "path",
    "title",
    "date",
    "date_source",
    "source",
    "url",
    "people",
    "orgs",
    "places",
    "score",
    "snippet",
];

/// Writes hits as CSV rows.
pub struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing CSV to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            writer: csv::Writer::from_writer(out),
        }
    }
}

/// The I/O error itself when there is one, so a closed pipe (`| head -1`) is seen as
/// one and ends the program quietly, as for the other formats.
fn to_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> HitSink for CsvSink<W> {
    fn begin(&mut self, _header: &Header) -> std::io::Result<()> {
        self.writer.write_record(COLUMNS).map_err(to_io)
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        let a = &hit.article;
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let snippet = hit.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
        let row = [
            a.id.clone(),
            a.path.clone(),
            a.title.clone(),
            opt(&a.date),
            opt(&a.date_source),
            opt(&a.source),
            opt(&a.url),
            a.people.join("; "),
            a.orgs.join("; "),
            a.places.join("; "),
            hit.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
            snippet,
        ];
        // Spreadsheets and terminals both show CSV to people: no control characters.
        self.writer
            .write_record(row.iter().map(|field| printable(field).into_owned()))
            .map_err(to_io)
    }
    fn end(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}
