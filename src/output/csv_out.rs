//! CSV results: one header row, one row per hit, lists joined with "; ".

use std::io::Write;

use super::fields;
use super::printable::printable;
use crate::search::{Header, Hit, HitSink};

/// Column order of the CSV output (documented in the README).
pub const COLUMNS: [&str; 13] = [
    "id",
    "path",
    "title",
    "date",
    "time",
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
    /// `--fields`, or empty for [`COLUMNS`].
    fields: Vec<String>,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing CSV to `out`, with the `fields` columns (all of [`COLUMNS`] when
    /// empty).
    pub fn new(out: W, fields: &[String]) -> Self {
        CsvSink {
            writer: csv::Writer::from_writer(out),
            fields: fields.to_vec(),
        }
    }

    fn columns(&self) -> Vec<String> {
        if self.fields.is_empty() {
            COLUMNS.iter().map(|c| c.to_string()).collect()
        } else {
            self.fields.clone()
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
        let columns = self.columns();
        self.writer.write_record(columns).map_err(to_io)
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        let row: Vec<String> = self
            .columns()
            .into_iter()
            .map(|column| fields::csv_cell(hit, &column))
            .collect();
        // Spreadsheets and terminals both show CSV to people: no control characters.
        self.writer
            .write_record(row.iter().map(|field| printable(field).into_owned()))
            .map_err(to_io)
    }
    fn end(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}
