//! Batch files: many queries in one file, run one after another by `dateline batch`.
//!
//! Three formats, by extension: `.toml` in the saved-queries format, `.csv` with `name`
//! and `query` columns, anything else one query per line (blank lines and `#` comments
//! skipped; the name is `line-N`). Every query returns all its hits unless the TOML
//! entry says otherwise.

use std::path::Path;

use super::StoredOptions;
use crate::cli::SearchOptions;

/// One query of a batch, with where it came from.
#[derive(Debug, Clone)]
pub struct BatchQuery {
    pub name: String,
    pub query: String,
    pub options: SearchOptions,
    /// Line in the batch file (1-based), for error messages.
    pub line: usize,
}

/// Options for batch queries that do not set their own: every hit, as JSON Lines.
pub fn batch_defaults() -> SearchOptions {
    SearchOptions {
        all: true,
        format: crate::output::OutputFormat::Jsonl,
        ..SearchOptions::default()
    }
}

/// Parses a batch file. A malformed file is an error naming line and column.
pub fn parse(path: &Path, text: &str) -> Result<Vec<BatchQuery>, String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "toml" => parse_toml(text),
        "csv" => parse_csv(text),
        _ => Ok(parse_lines(text)),
    }
}

fn parse_toml(text: &str) -> Result<Vec<BatchQuery>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        queries: std::collections::BTreeMap<String, toml::Value>,
    }
    let file: File = toml::from_str(text).map_err(|e| super::describe_toml_error(text, &e))?;
    let mut out = Vec::new();
    for (name, value) in file.queries {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with(&format!("[queries.{name}]")))
            .map_or(0, |i| i + 1);
        let mut table = value
            .as_table()
            .cloned()
            .ok_or_else(|| format!("queries.{name}: expected a table"))?;
        let query = table
            .remove("query")
            .and_then(|q| q.as_str().map(str::to_string))
            .ok_or_else(|| format!("line {line}: queries.{name} has no `query`"))?;
        for bookkeeping in ["created", "last_run", "watermark"] {
            table.remove(bookkeeping);
        }
        let mut defaults = toml::Table::try_from(StoredOptions::from(batch_defaults()))
            .map_err(|e| e.to_string())?;
        defaults.extend(table);
        let stored: StoredOptions =
            toml::Value::Table(defaults)
                .try_into()
                .map_err(|e: toml::de::Error| {
                    format!("line {line}: queries.{name}: {}", e.message())
                })?;
        let options = SearchOptions::from(stored);
        out.push(BatchQuery {
            name,
            query,
            options,
            line,
        });
    }
    Ok(out)
}

fn parse_csv(text: &str) -> Result<Vec<BatchQuery>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("CSV header: {e}"))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(name_col), Some(query_col)) = (column("name"), column("query")) else {
        return Err("line 1: a CSV batch file needs `name` and `query` columns".into());
    };
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| format!("line {line}: {e}"))?;
        out.push(BatchQuery {
            name: record.get(name_col).unwrap_or_default().trim().to_string(),
            query: record.get(query_col).unwrap_or_default().to_string(),
            options: batch_defaults(),
            line,
        });
    }
    Ok(out)
}

fn parse_lines(text: &str) -> Vec<BatchQuery> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| BatchQuery {
            name: format!("line-{}", i + 1),
            query: l.trim().to_string(),
            options: batch_defaults(),
            line: i + 1,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SortOrder;

    #[test]
    fn three_formats() {
        let q = parse(Path::new("q.txt"), "# comment\niran\n\n  opec  \n").unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!(
            (q[1].name.as_str(), q[1].query.as_str(), q[1].line),
            ("line-4", "opec", 4)
        );
        assert!(q[0].options.all);

        let q = parse(
            Path::new("q.csv"),
            "name,query\noil,\"opec AND price\"\nfed,volcker\n",
        )
        .unwrap();
        assert_eq!(q[0].name, "oil");
        assert_eq!(q[0].query, "opec AND price");
        assert_eq!(q[1].line, 3);
        assert!(parse(Path::new("q.csv"), "a,b\n1,2\n").is_err());

        let q = parse(
            Path::new("q.toml"),
            "[queries.oil]\nquery = \"opec\"\nsort = \"date\"\nlimit = 5\nall = false\nlast_run = \"x\"\n",
        )
        .unwrap();
        assert_eq!(q[0].options.sort, SortOrder::Date);
        assert_eq!(q[0].options.limit, 5);
        assert!(!q[0].options.all);
        assert_eq!(q[0].line, 1);
        let err = parse(Path::new("q.toml"), "[queries.oil]\nquery = \n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
    }
}
