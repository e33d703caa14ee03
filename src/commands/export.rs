//! `dateline export`: the index (or a query's hits) as JSON Lines or an engine's files.

use std::io::{self};
use std::process::ExitCode;

use anyhow::Context;

use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;

/// Runs the subcommand.
pub fn run(
    index_path: &std::path::Path,
    args: crate::cli::ExportArgs,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    use crate::cli::ExportEngine;
    use std::io::IsTerminal;
    let index = DatelineIndex::open(index_path)?;
    let progress = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles ({per_sec}, eta {eta})",
        ) {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    use crate::export::target;
    let query = match &args.query {
        Some(text) => Some(crate::query::build(
            &index.index,
            &index.fields,
            text,
            &Default::default(),
            aliases,
        )?),
        None => None,
    };
    let selection = query.as_deref();
    let summary = match (args.to, &args.out) {
        (Some(engine), Some(dir)) => {
            target::prepare_dir(dir, args.force)?;
            let summary = match engine {
                ExportEngine::Quickwit => crate::export::engines::export_quickwit(
                    &index,
                    selection,
                    dir,
                    &args.name,
                    args.quickwit_version,
                    &progress,
                )?,
                ExportEngine::Elasticsearch => crate::export::engines::export_elasticsearch(
                    &index, selection, dir, &args.name, &progress,
                )?,
            };
            target::record(dir, &summary.files)?;
            summary
        }
        (_, Some(file)) => {
            target::check_file(file, args.force)?;
            let mut f = std::fs::File::create(file)
                .with_context(|| format!("creating {}", file.display()))?;
            crate::export::export_jsonl(&index, selection, &mut f, &progress)?
        }
        (_, None) => {
            crate::export::export_jsonl(&index, selection, &mut io::stdout().lock(), &progress)?
        }
    };
    progress.finish_and_clear();
    eprintln!(
        "exported {} articles, {:.1} MB, in {:.2}s{}",
        summary.articles,
        summary.bytes as f64 / 1e6,
        summary.elapsed_secs,
        if summary.files.is_empty() {
            String::new()
        } else {
            format!(": {}", summary.files.join(", "))
        }
    );
    Ok(ExitCode::SUCCESS)
}
