//! Human text for the indexing summary and for `dateline show`.

use std::io::Write;

use crate::article::Article;
use crate::extract::entities::Mention;
use crate::index::document::StoredArticle;
use crate::ingest::Summary;

/// Skipped files listed one by one before the list is cut short.
const LIST_AT_MOST: usize = 50;

/// ` (.pdf 3, .rss)`: what the files that are no articles were, most common first.
pub fn ignored_kinds(s: &Summary) -> String {
    if s.ignored_by_kind.is_empty() {
        return String::new();
    }
    let mut kinds: Vec<(&String, &usize)> = s.ignored_by_kind.iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = kinds
        .iter()
        .take(6)
        .map(|(k, n)| {
            if **n == 1 {
                k.to_string()
            } else {
                format!("{k} {n}")
            }
        })
        .collect();
    let more = if kinds.len() > 6 { ", …" } else { "" };
    format!(" ({}{more})", shown.join(", "))
}

/// Writes the end-of-run summary of `dateline index`.
pub fn write_index_summary(out: &mut dyn Write, s: &Summary) -> std::io::Result<()> {
    for (label, list) in [
        ("skipped", &s.skipped),
        ("bad record in", &s.record_errors),
        ("note:", &s.decoded_with_fallback),
    ] {
        for item in list.iter().take(LIST_AT_MOST) {
            writeln!(out, "{label} {}: {}", item.path, item.reason)?;
        }
        if list.len() > LIST_AT_MOST {
            writeln!(out, "… and {} more ({label})", list.len() - LIST_AT_MOST)?;
        }
    }
    let articles_read = s.articles_added + s.articles_updated;
    writeln!(out, "indexed {}", s.archive.display())?;
    writeln!(
        out,
        "  files:    {} seen, {} unchanged, {} new or changed, {} removed, {} skipped, {} not article formats{}",
        s.files_seen,
        s.files_unchanged,
        s.files_seen - s.files_unchanged - s.skipped.len(),
        s.files_removed,
        s.skipped.len(),
        s.files_ignored,
        ignored_kinds(s)
    )?;
    writeln!(
        out,
        "  articles: {} added, {} updated, {} removed, {} unchanged; {} in the index",
        s.articles_added,
        s.articles_updated,
        s.articles_removed,
        s.articles_unchanged,
        s.articles_in_index
    )?;
    if !s.articles_by_format.is_empty() {
        let parts: Vec<String> = s
            .articles_by_format
            .iter()
            .map(|(f, n)| format!("{n} {f}"))
            .collect();
        writeln!(out, "  read:     {} (by format)", parts.join(", "))?;
    }
    if !s.record_errors.is_empty() {
        writeln!(out, "  bad records skipped: {}", s.record_errors.len())?;
    }
    if s.articles_in_index > 0 {
        let d = &s.dates;
        writeln!(
            out,
            "  dates:    {} dated ({} from the text), {} undated{}",
            d.dated,
            d.from_text,
            d.undated,
            d.range_suffix()
        )?;
    }
    if s.linked.names > 0 {
        writeln!(
            out,
            "  linked:   {} names across the archive, {} articles updated ({}{}; see dateline-links.toml)",
            s.linked.names,
            s.linked.articles,
            s.linked.examples.join(", "),
            if s.linked.names > s.linked.examples.len() { ", …" } else { "" }
        )?;
    }
    if let Some(st) = &s.stories {
        writeln!(
            out,
            "  copies:   {} articles joined an existing story; {} stories have copies ({} articles; see `dateline dups`)",
            st.joined, st.stories_with_copies, st.articles_in_them
        )?;
    }
    let secs = s.elapsed_secs.max(1e-6);
    writeln!(
        out,
        "  time:     {:.2}s, {:.0} articles/s, {:.1} MB/s",
        s.elapsed_secs,
        articles_read as f64 / secs,
        s.bytes_read as f64 / 1e6 / secs
    )?;
    if !s.steps.is_empty() {
        let steps: Vec<String> = s
            .steps
            .iter()
            .map(|step| format!("{} {:.2}s", step.step, step.secs))
            .collect();
        writeln!(out, "  steps:    {}", steps.join(", "))?;
    }
    if s.nothing_changed() && s.unreadable.is_empty() && s.articles_in_index > 0 {
        writeln!(out, "index is up to date: nothing changed")?;
    }
    if !s.unreadable.is_empty() {
        let names: Vec<&str> = s
            .unreadable
            .iter()
            .take(3)
            .map(|u| {
                if u.path.is_empty() {
                    "."
                } else {
                    u.path.as_str()
                }
            })
            .collect();
        let more = s.unreadable.len().saturating_sub(names.len());
        writeln!(
            out,
            "error: {} {} could not be read ({}{}); {}. Fix the permissions and run again.",
            s.unreadable.len(),
            if s.unreadable.len() == 1 {
                "entry"
            } else {
                "entries"
            },
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            },
            match s.articles_kept_unread {
                0 => "none of their articles is in the index".to_string(),
                n => format!("the {n} articles indexed from there were kept as they were"),
            }
        )?;
    }
    Ok(())
}

/// Writes one article whole, metadata first, for `dateline show`.
pub fn write_article(out: &mut dyn Write, a: &StoredArticle) -> std::io::Result<()> {
    writeln!(out, "{}", a.title)?;
    let line = |out: &mut dyn Write, k: &str, v: &str| writeln!(out, "{k:<12} {v}");
    line(out, "id:", &a.id)?;
    line(out, "path:", &a.path)?;
    let date = match (&a.date, &a.date_source, &a.time, a.time_zone.as_deref()) {
        (Some(d), Some(s), Some(t), Some("unstated") | None) => {
            format!("{d} {t}, time zone not stated (from {s})")
        }
        (Some(d), Some(s), Some(t), Some(zone)) => format!("{d} {t} {zone} (from {s})"),
        (Some(d), Some(s), None, _) => format!("{d} (from {s})"),
        _ => "undated".to_string(),
    };
    line(out, "date:", &date)?;
    for (k, v) in [("source:", &a.source), ("url:", &a.url)] {
        if let Some(v) = v {
            line(out, k, v)?;
        }
    }
    for (k, v) in [
        ("people:", &a.entities.people),
        ("orgs:", &a.entities.orgs),
        ("places:", &a.entities.places),
    ] {
        if !v.is_empty() {
            line(out, k, &v.join("; "))?;
        }
    }
    for name in a.metadata.keys() {
        if let Some(value) = a.metadata_text(name) {
            line(out, &format!("{name}:"), &value)?;
        }
    }
    if let Some(t) = &a.indexed_at {
        line(out, "indexed at:", t)?;
    }
    if let Some(story) = &a.story {
        line(out, "story:", story)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", a.body)?;
    Ok(())
}

/// Writes what extraction found in one article, for `dateline extract`.
pub fn write_extracted(
    out: &mut dyn Write,
    a: &Article,
    mentions: &[Mention],
) -> std::io::Result<()> {
    writeln!(out, "{}", a.title)?;
    writeln!(out, "{:<8} {}", "id:", a.id)?;
    let date = match (a.date, a.date_source, a.time) {
        (Some(d), Some(s), Some(t)) => format!(
            "{d} {}{} (from {})",
            t.time.format("%H:%M:%S"),
            match t.zone {
                crate::article::Zone::Unstated => ", time zone not stated".to_string(),
                zone => format!(" {}", zone.label()),
            },
            s.as_str()
        ),
        (Some(d), Some(s), None) => format!("{d} (from {})", s.as_str()),
        _ => "undated".to_string(),
    };
    writeln!(out, "{:<8} {date}", "date:")?;
    for (k, v) in [
        ("people:", &a.entities.people),
        ("orgs:", &a.entities.orgs),
        ("places:", &a.entities.places),
    ] {
        writeln!(out, "{k:<8} {}", v.join("; "))?;
    }
    if !mentions.is_empty() {
        writeln!(out, "mentions:")?;
        for m in mentions {
            writeln!(
                out,
                "  {:<6} {:<32} {:?} {} {}..{}",
                m.kind.as_str(),
                m.canonical,
                m.text,
                m.field,
                m.start,
                m.end
            )?;
        }
    }
    writeln!(out)
}

/// Writes `--explain` output.
pub fn write_explanation(
    out: &mut dyn Write,
    e: &crate::search::explain::Explanation,
) -> std::io::Result<()> {
    writeln!(out, "query:     {}", e.query)?;
    writeln!(out, "rewritten: {}", e.rewritten)?;
    writeln!(out, "hits per clause:")?;
    write_explained(out, &e.tree, 1)?;
    writeln!(out, "total:     {} hits", e.total)?;
    for w in &e.warnings {
        writeln!(out, "warning:   {w}")?;
    }
    Ok(())
}

fn write_explained(
    out: &mut dyn Write,
    node: &crate::search::explain::ExplainedNode,
    depth: usize,
) -> std::io::Result<()> {
    let shown: String = node.query.chars().take(120).collect();
    let cut = if node.query.chars().count() > 120 {
        "…"
    } else {
        ""
    };
    writeln!(
        out,
        "{:>9}  {}{shown}{cut}",
        node.hits,
        "  ".repeat(depth - 1)
    )?;
    for child in &node.children {
        write_explained(out, child, depth + 1)?;
    }
    Ok(())
}

/// Another article of the shown article's story, and how its paragraphs differ.
#[derive(Debug, serde::Serialize)]
pub struct Copy {
    #[serde(flatten)]
    pub article: StoredArticle,
    pub difference: crate::stories::members::Difference,
}

/// `show --copies`: the story's other articles, oldest first, each with its date,
/// source, id, title and paragraph difference from the shown article.
pub fn write_copies(out: &mut dyn Write, copies: &[Copy]) -> std::io::Result<()> {
    writeln!(out)?;
    if copies.is_empty() {
        return writeln!(out, "no copies: this article is its story's only one");
    }
    let noun = if copies.len() == 1 { "copy" } else { "copies" };
    writeln!(out, "{} {noun} of this story:", copies.len())?;
    for c in copies {
        let a = &c.article;
        let d = c.difference;
        let change = if d.added == 0 && d.removed == 0 {
            "same paragraphs".to_string()
        } else {
            format!("+{} -{} paragraphs ({} shared)", d.added, d.removed, d.same)
        };
        writeln!(
            out,
            "  {}  {}  {}  {}  [{change}]",
            a.date.as_deref().unwrap_or("undated"),
            a.source.as_deref().unwrap_or("-"),
            a.id,
            a.title
        )?;
    }
    Ok(())
}
