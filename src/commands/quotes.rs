//! `dateline quotes PATH...`: the attributions of files' and folders' articles, as
//! `extract` prints their entities.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::article::Article;
use crate::cli::{ExtractArgs, FileFormat};
use crate::commands::extract::{exit_code, read_articles};
use crate::extract::aliases::Aliases;
use crate::output::details;

/// Prints the attributions of every article in `args.paths`; exit 1 when there are
/// none, 2 when a file could not be read.
pub fn run(index_path: &Path, args: ExtractArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let mut collected: Vec<Article> = Vec::new();
    let mut any = false;
    let reading = read_articles(index_path, &args.paths, aliases, |results| {
        let articles: Vec<Article> = results.into_iter().map(|(article, _)| article).collect();
        any |= articles.iter().any(|a| !a.attributions.is_empty());
        match args.format {
            FileFormat::Json => collected.extend(articles),
            FileFormat::Jsonl => {
                for article in &articles {
                    details::json_line(&mut out, &details::quotes_value(article))?;
                }
            }
            FileFormat::Terminal => details::quotes_text(&mut out, &articles)?,
        }
        Ok(())
    })?;
    if args.format == FileFormat::Json {
        details::quotes_json(&mut out, &collected)?;
    }
    out.flush()?;
    Ok(exit_code(&reading, any))
}
