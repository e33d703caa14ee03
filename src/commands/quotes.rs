//! `dateline quotes FILE`: the attributions of a file's articles, as `extract` prints
//! its entities.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::attribution::{self, Attribution};
use crate::cli::{ExtractArgs, ShowFormat};
use crate::extract::aliases::Aliases;

/// Longest content shown in the terminal, in characters.
const CONTENT_CHARS: usize = 160;
/// Longest topic excerpt shown in the terminal, in characters.
const TOPIC_CHARS: usize = 80;

/// Prints the attributions of every article in `args.path`; exit 1 when there are none.
pub fn run(index_path: &Path, args: ExtractArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let articles = crate::app::enriched_file(index_path, &args.path, aliases)?;
    let found: Vec<(&crate::article::Article, Vec<Attribution>)> = articles
        .iter()
        .map(|(article, mentions)| {
            (
                article,
                attribution::find(&article.title, &article.body, mentions),
            )
        })
        .collect();
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let json: Vec<serde_json::Value> = found
                .iter()
                .map(|(article, attributions)| {
                    serde_json::json!({
                        "id": article.id,
                        "title": article.title,
                        "attributions": attributions,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "articles": json }))?;
            writeln!(out)?;
        }
        ShowFormat::Terminal => {
            for (article, attributions) in &found {
                writeln!(out, "{}  {}", article.id, article.title)?;
                if attributions.is_empty() {
                    writeln!(out, "  (no attributions)")?;
                }
                for a in attributions {
                    writeln!(out, "  {}", line(a, article))?;
                }
            }
        }
    }
    let any = found.iter().any(|(_, a)| !a.is_empty());
    Ok(if any {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `Iran — denied — "all such charges" (about: ...)`.
pub fn line(a: &Attribution, article: &crate::article::Article) -> String {
    let speaker = match &a.source {
        Some(s) => match &s.canonical {
            Some(c) if *c != s.span.text => format!("{} ({c})", s.span.text),
            _ => s.span.text.clone(),
        },
        None => "(unattributed)".to_string(),
    };
    let content = shortened(&a.content.text, CONTENT_CHARS);
    let content = if a.direct {
        format!("\"{content}\"")
    } else {
        content
    };
    let mut line = format!(
        "{speaker} — {} [{}] — {content}",
        a.cue.span.text,
        a.cue.stance.as_str()
    );
    if let Some(topic) = &a.topic {
        let text = if topic.field == "title" {
            &article.title
        } else {
            &article.body
        };
        let about: String = text
            .chars()
            .skip(topic.start)
            .take(topic.end.saturating_sub(topic.start))
            .collect();
        line.push_str(&format!(" (about: {})", shortened(&about, TOPIC_CHARS)));
    }
    line
}

/// `text` on one line, cut at `max` characters with an ellipsis.
fn shortened(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    }
}
