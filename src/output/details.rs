//! The JSON (and the terminal text not shared with search hits) of the commands that
//! describe articles and names rather than list hits: `show`, `extract`, `quotes`
//! and `entities`. Their shapes are documented in the README, so they live with the
//! other renderers, one function per shape, and the commands only pick one.

use std::io::{self, Write};

use serde::Serialize;

use super::printable::printable;
use super::summary::Copy;
use crate::article::Article;
use crate::attribution::Attribution;
use crate::curation::suspicious::Suspect;
use crate::extract::entities::Mention;
use crate::index::document::StoredArticle;
use crate::search::facets::Facets;

/// `show --format json`: the stored article with its whole body, and with
/// `--copies` its story's other members (`copies` is absent without the flag, and
/// an empty list when the article is its story's only one).
pub fn article_json(
    out: &mut dyn Write,
    article: &StoredArticle,
    copies: Option<&[Copy]>,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct WithBody<'a> {
        #[serde(flatten)]
        article: &'a StoredArticle,
        body: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        copies: Option<&'a [Copy]>,
    }
    let shown = WithBody {
        article,
        body: &article.body,
        copies,
    };
    pretty(out, &shown)
}

/// `extract --format json`: `{"articles": [...]}`, each with what the indexer would
/// store and every entity mention with its character offsets.
pub fn extracted_json(out: &mut dyn Write, results: &[(Article, Vec<Mention>)]) -> io::Result<()> {
    let articles: Vec<serde_json::Value> = results
        .iter()
        .map(|(article, mentions)| extracted_value(article, mentions))
        .collect();
    pretty(out, &serde_json::json!({ "articles": articles }))
}

/// One article of `extract`'s output: the same object in `json` and `jsonl`, so a
/// script reading either sees one shape.
pub fn extracted_value(article: &Article, mentions: &[Mention]) -> serde_json::Value {
    serde_json::json!({
        "id": article.id,
        "title": article.title,
        "date": article.date.map(|d| d.format("%Y-%m-%d").to_string()),
        "time": article.time.map(|t| t.time.format("%H:%M:%S").to_string()),
        "time_zone": article.time.map(|t| t.zone.label()),
        "date_source": article.date_source,
        "people": article.entities.people,
        "orgs": article.entities.orgs,
        "places": article.entities.places,
        "mentions": mentions,
    })
}

/// `quotes --format json`: `{"articles": [{id, title, attributions}]}`.
pub fn quotes_json(out: &mut dyn Write, articles: &[Article]) -> io::Result<()> {
    let articles: Vec<serde_json::Value> = articles.iter().map(quotes_value).collect();
    pretty(out, &serde_json::json!({ "articles": articles }))
}

/// One article of `quotes`' output, the same object in `json` and `jsonl`.
pub fn quotes_value(article: &Article) -> serde_json::Value {
    serde_json::json!({
        "id": article.id,
        "title": article.title,
        "attributions": article.attributions,
    })
}

/// One JSON Lines record: the object on one line.
pub fn json_line(out: &mut dyn Write, value: &serde_json::Value) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// `quotes`: each article's id and title, then one line per attribution.
pub fn quotes_text(out: &mut dyn Write, articles: &[Article]) -> io::Result<()> {
    for article in articles {
        writeln!(out, "{}  {}", article.id, printable(&article.title))?;
        if article.attributions.is_empty() {
            writeln!(out, "  (no attributions)")?;
        }
        for attribution in &article.attributions {
            writeln!(out, "  {}", one_line(attribution, article))?;
        }
    }
    Ok(())
}

fn one_line(attribution: &Attribution, article: &Article) -> String {
    printable(&attribution.one_line(&article.title, &article.body).text).into_owned()
}

/// `entities --format json`: `{"articles": N, "entities": {facets}}`, and
/// `"left_out"` beside `entities` (not among its lists, one per entity type) when
/// `-n` cut a list.
pub fn entities_json(out: &mut dyn Write, articles: usize, facets: &Facets) -> io::Result<()> {
    let mut lists = facets.clone();
    let left_out = std::mem::take(&mut lists.left_out);
    let mut answer = serde_json::json!({ "articles": articles, "entities": lists });
    if !left_out.is_empty() {
        answer["left_out"] = serde_json::json!(left_out);
    }
    pretty(out, &answer)
}

/// `entities --suspicious --format json`: `{"suspects": [...]}`.
pub fn suspects_json(out: &mut dyn Write, suspects: &[Suspect]) -> io::Result<()> {
    pretty(out, &serde_json::json!({ "suspects": suspects }))
}

/// `entities --suspicious`: one line per suspect (count, type, name: reasons), and
/// the command that would fix it under it when one fix is clear.
pub fn suspects_text(out: &mut dyn Write, suspects: &[Suspect]) -> io::Result<()> {
    for s in suspects {
        writeln!(
            out,
            "{:>6}  {:<6}  {}: {}",
            s.articles,
            s.kind.as_str(),
            printable(&s.name),
            printable(&s.reasons.join("; "))
        )?;
        if let Some(fix) = &s.fix {
            writeln!(out, "{:>16}{}", "fix: ", printable(fix))?;
        }
    }
    Ok(())
}

fn pretty(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
