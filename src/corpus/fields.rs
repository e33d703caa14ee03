//! Maps the field names that news exports commonly use onto [`RawArticle`].
//!
//! JSON, JSON Lines and Markdown front matter all arrive here as a JSON object, so the
//! list of accepted names lives in one place.

use serde_json::{Map, Value};

use crate::article::RawArticle;
use crate::entity::Entities;

const TITLE: &[&str] = &["title", "headline", "name"];
const BODY: &[&str] = &[
    "body",
    "text",
    "content",
    "articleBody",
    "article_body",
    "article",
    "story",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "pubDate",
    "pub_date",
    "datePublished",
    "date_published",
    "published_at",
    "publishedAt",
    "publication_date",
    "created",
];
const URL: &[&str] = &["url", "link", "href", "source_url", "sourceURL"];
const SOURCE: &[&str] = &["source", "publisher", "agency", "publication", "outlet"];
const PEOPLE: &[&str] = &["people", "persons", "person"];
const ORGS: &[&str] = &["organizations", "organisations", "orgs", "org"];
const PLACES: &[&str] = &["places", "locations", "location", "place"];

/// Every name above: a key among them is read into its own field, never kept as
/// metadata.
const KNOWN: [&[&str]; 8] = [TITLE, BODY, DATE, URL, SOURCE, PEOPLE, ORGS, PLACES];

/// Builds a raw article from a JSON object. `require_body` is false for front matter,
/// whose body is the Markdown text after it.
pub fn from_object(obj: &Map<String, Value>, require_body: bool) -> Result<RawArticle, String> {
    let mut article = RawArticle {
        title: first_text(obj, TITLE).unwrap_or_default(),
        body: first_text(obj, BODY).unwrap_or_default(),
        date_text: first_text(obj, DATE),
        url: first_text(obj, URL),
        source: first_text(obj, SOURCE),
        entities: Entities {
            people: names(obj, PEOPLE),
            orgs: names(obj, ORGS),
            places: names(obj, PLACES),
        },
        metadata: other_keys(obj),
        ..RawArticle::default()
    };
    article.body = article.body.trim().to_string();
    if require_body && article.body.is_empty() {
        return Err(format!(
            "no article text: expected one of the fields {}",
            BODY.join(", ")
        ));
    }
    Ok(article)
}

/// The keys none of the lists above names, with their values (one pair per value of an
/// array), for the metadata fields `schema.toml` may declare.
fn other_keys(obj: &Map<String, Value>) -> crate::article::Metadata {
    let known = |key: &str| {
        KNOWN
            .iter()
            .any(|names| names.iter().any(|n| n.eq_ignore_ascii_case(key)))
    };
    let mut out = Vec::new();
    for (key, value) in obj.iter().filter(|(key, _)| !known(key)) {
        let values: Vec<String> = match value {
            Value::Array(items) => items.iter().filter_map(as_text).collect(),
            Value::Bool(b) => vec![b.to_string()],
            other => as_text(other).into_iter().collect(),
        };
        for value in values {
            crate::article::keep_metadata(&mut out, key, &value);
        }
    }
    out
}

/// The first of `keys` present (case-insensitively) as text; objects with a `name`
/// (`"publisher": {"name": "AP"}`) yield that name.
fn first_text(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| lookup(obj, k))
        .filter_map(as_text)
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
}

fn lookup<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).or_else(|| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(as_text),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// Entity lists: an array of names (or of `{"name": …}`), or one string with names
/// separated by `;` or `|`.
fn names(obj: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let Some(value) = keys.iter().find_map(|k| lookup(obj, k)) else {
        return Vec::new();
    };
    let raw: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(as_text).collect(),
        Value::String(s) => s.split([';', '|']).map(str::to_string).collect(),
        other => as_text(other).into_iter().collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for name in raw {
        let name = name.trim().to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn common_alternative_names_are_understood() {
        let a = from_object(
            &obj(json!({
                "headline": "H", "content": "C", "pubDate": "2020-01-02",
                "publisher": {"name": "Reuters"}, "link": "http://x",
                "persons": ["Ann Lee", "Ann Lee"], "orgs": "UN; IMF", "locations": [{"name": "Iran"}]
            })),
            true,
        )
        .unwrap();
        assert_eq!(a.title, "H");
        assert_eq!(a.body, "C");
        assert_eq!(a.date_text.as_deref(), Some("2020-01-02"));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.entities.people, vec!["Ann Lee"]);
        assert_eq!(a.entities.orgs, vec!["UN", "IMF"]);
        assert_eq!(a.entities.places, vec!["Iran"]);
        assert!(a.metadata.is_empty(), "{:?}", a.metadata);
    }

    #[test]
    fn other_keys_are_kept_as_metadata_one_pair_per_value() {
        let a = from_object(
            &obj(json!({
                "title": "T", "body": "B", "Byline": " Ann Lee ", "tags": ["oil", {"name": "opec"}],
                "paywall": false, "nested": {"deep": 1}, "blob": "x".repeat(5000)
            })),
            true,
        )
        .unwrap();
        let pairs: Vec<(&str, &str)> = a
            .metadata
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Byline", "Ann Lee"),
                ("paywall", "false"),
                ("tags", "oil"),
                ("tags", "opec")
            ]
        );
    }

    #[test]
    fn a_missing_body_is_an_error_naming_the_fields() {
        let err = from_object(&obj(json!({"title": "only"})), true).unwrap_err();
        assert!(err.contains("body"), "{err}");
    }
}
