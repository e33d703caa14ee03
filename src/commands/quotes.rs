//! `dateline quotes FILE`: the attributions of a file's articles, as `extract` prints
//! its entities.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use crate::article::Article;
use crate::cli::{ExtractArgs, ShowFormat};
use crate::extract::aliases::Aliases;
use crate::output::details;

/// Prints the attributions of every article in `args.path`; exit 1 when there are none.
pub fn run(index_path: &Path, args: ExtractArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let articles: Vec<Article> =
        crate::commands::extract::enriched_file(index_path, &args.path, aliases)?
            .into_iter()
            .map(|(article, _)| article)
            .collect();
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => details::quotes_json(&mut out, &articles)?,
        ShowFormat::Terminal => details::quotes_text(&mut out, &articles)?,
    }
    let any = articles.iter().any(|a| !a.attributions.is_empty());
    Ok(if any {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
