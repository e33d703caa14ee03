//! JSON (one object, an array of objects, or `{"articles": [...]}`) and JSON Lines.

use serde_json::Value;

use super::{FileArticles, ReadError};
use crate::corpus::fields;

/// Keys under which a wrapper object commonly holds its article array.
const WRAPPER_KEYS: [&str; 4] = ["articles", "items", "data", "results"];

/// Parses a `.json` file.
pub fn read_json(text: &str) -> Result<FileArticles, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        ReadError::Malformed(format!(
            "invalid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(obj) => {
            match WRAPPER_KEYS
                .iter()
                .find_map(|k| obj.get(*k).and_then(Value::as_array))
            {
                Some(items) => items.clone(),
                None => {
                    let article = fields::from_object(&obj, true).map_err(ReadError::Malformed)?;
                    return Ok(FileArticles::single(article));
                }
            }
        }
        _ => {
            return Err(ReadError::Malformed(
                "expected a JSON object or an array of objects".into(),
            ))
        }
    };
    let mut out = FileArticles::default();
    for (i, item) in items.iter().enumerate() {
        let record = i + 1;
        match item.as_object() {
            Some(obj) => match fields::from_object(obj, true) {
                Ok(mut a) => {
                    a.record = record;
                    out.articles.push(a);
                }
                Err(e) => out.record_errors.push(format!("array item {record}: {e}")),
            },
            None => out
                .record_errors
                .push(format!("array item {record}: not a JSON object")),
        }
    }
    Ok(out)
}

/// Parses a `.jsonl`/`.ndjson` file; a bad line is reported and the others are kept.
pub fn read_jsonl(text: &str) -> Result<FileArticles, ReadError> {
    let mut out = FileArticles::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(line)
            .map_err(|e| {
                let message = e.to_string();
                let message = message.split(" at line ").next().unwrap_or(&message);
                format!(
                    "line {line_no}, column {}: invalid JSON: {message}",
                    e.column()
                )
            })
            .and_then(|v| match v {
                Value::Object(obj) => {
                    fields::from_object(&obj, true).map_err(|e| format!("line {line_no}: {e}"))
                }
                _ => Err(format!("line {line_no}: not a JSON object")),
            });
        match parsed {
            Ok(mut a) => {
                a.record = line_no;
                out.articles.push(a);
            }
            Err(e) => out.record_errors.push(e),
        }
    }
    if out.articles.is_empty() && !out.record_errors.is_empty() {
        return Err(ReadError::Malformed(super::first_errors(
            &out.record_errors,
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_gives_numbered_records() {
        let f = read_json(r#"[{"title":"a","body":"x"},{"title":"b","text":"y"}]"#).unwrap();
        assert_eq!(f.articles.len(), 2);
        assert_eq!(f.articles[1].record, 2);
        assert_eq!(f.articles[1].body, "y");
    }

    #[test]
    fn a_single_object_is_one_article_with_record_zero() {
        let f = read_json(r#"{"headline":"a","articleBody":"x"}"#).unwrap();
        assert_eq!(f.articles.len(), 1);
        assert_eq!(f.articles[0].record, 0);
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = read_json("[\n{\"title\": }\n]").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn a_bad_jsonl_line_is_reported_and_the_rest_kept() {
        let f = read_jsonl(
            "{\"title\":\"a\",\"body\":\"x\"}\n{oops\n\n{\"title\":\"c\",\"body\":\"z\"}\n",
        )
        .unwrap();
        assert_eq!(f.articles.len(), 2);
        assert_eq!(f.articles[1].record, 4);
        assert_eq!(f.record_errors.len(), 1);
        assert!(
            f.record_errors[0].starts_with("line 2"),
            "{:?}",
            f.record_errors
        );
    }
}
