//! `dateline quotes FILE`: the attributions of a file's articles, as `extract` prints
//! its entities.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::attribution::Attribution;
use crate::cli::{ExtractArgs, ShowFormat};
use crate::extract::aliases::Aliases;

/// Prints the attributions of every article in `args.path`; exit 1 when there are none.
pub fn run(index_path: &Path, args: ExtractArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let articles = crate::commands::extract::enriched_file(index_path, &args.path, aliases)?;
    let found: Vec<(&crate::article::Article, &[Attribution])> = articles
        .iter()
        .map(|(article, _)| (article, article.attributions.as_slice()))
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
                for a in attributions.iter() {
                    let line = a.one_line(&article.title, &article.body);
                    writeln!(out, "  {}", line.text)?;
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
