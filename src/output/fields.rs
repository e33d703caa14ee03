//! `search --fields`: which fields each hit carries in JSON, JSON Lines and CSV, so a
//! script gets the full text (`body`, not in hits by default) or only what it needs,
//! without one `show` per hit.

use crate::search::Hit;

/// Every field a hit can carry, in the default order.
pub const HIT_FIELDS: [&str; 19] = [
    "id",
    "path",
    "title",
    "date",
    "time",
    "time_zone",
    "date_source",
    "source",
    "url",
    "people",
    "orgs",
    "places",
    "indexed_at",
    "story",
    "copies",
    "score",
    "snippet",
    "highlights",
    "body",
];

/// Checks one `--fields` name.
pub fn check(name: &str) -> Result<String, String> {
    let metadata = crate::index::schema::SchemaSpec::metadata_names();
    if HIT_FIELDS.contains(&name) || metadata.contains(&name) {
        Ok(name.to_string())
    } else {
        let all: Vec<&str> = HIT_FIELDS.iter().copied().chain(metadata).collect();
        Err(format!("`{name}`: fields are {}", all.join(", ")))
    }
}

/// The hit as JSON: every default field, or only `fields` when given (`body` only
/// when asked for: it is the whole article).
pub fn json(hit: &Hit, fields: &[String]) -> serde_json::Result<serde_json::Value> {
    let mut value = serde_json::to_value(hit)?;
    if fields.is_empty() {
        return Ok(value);
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "body".into(),
            serde_json::Value::String(hit.article.body.clone()),
        );
        obj.retain(|key, _| fields.iter().any(|f| f == key));
    }
    Ok(value)
}

/// One CSV cell: lists joined with "; ", whitespace of snippets and bodies folded, the
/// time with its offset.
pub fn csv_cell(hit: &Hit, field: &str) -> String {
    let a = &hit.article;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let fold = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    match field {
        "id" => a.id.clone(),
        "path" => a.path.clone(),
        "title" => a.title.clone(),
        "date" => opt(&a.date),
        "time" => match (&a.time, a.time_zone.as_deref()) {
            (Some(t), Some("UTC")) => format!("{t}Z"),
            (Some(t), Some(zone)) if zone.starts_with(['+', '-']) => format!("{t}{zone}"),
            (Some(t), _) => t.clone(),
            _ => String::new(),
        },
        "time_zone" => opt(&a.time_zone),
        "date_source" => opt(&a.date_source),
        "source" => opt(&a.source),
        "url" => opt(&a.url),
        "people" => a.entities.people.join("; "),
        "orgs" => a.entities.orgs.join("; "),
        "places" => a.entities.places.join("; "),
        "indexed_at" => opt(&a.indexed_at),
        "story" => opt(&a.story),
        "copies" => hit.copies.map(|c| c.to_string()).unwrap_or_default(),
        "score" => hit.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
        "snippet" => fold(&hit.snippet),
        "highlights" => hit
            .highlight_chars
            .iter()
            .map(|[s, e]| format!("{s}-{e}"))
            .collect::<Vec<_>>()
            .join("; "),
        "body" => fold(&a.body),
        other => a.metadata_text(other).unwrap_or_default(),
    }
}
