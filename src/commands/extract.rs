//! `dateline extract FILE`: what the indexer would store for a file, with entity
//! mentions, without an index (`enriched_file` is shared with `quotes`).

use std::io;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{ExtractArgs, ShowFormat};
use crate::extract::aliases::Aliases;
use crate::output::{details, summary};

/// The articles of one file (or of plain text on stdin, for `-`) as the indexer would
/// store them, with their entity mentions: what `extract` and `quotes` print.
pub(crate) fn enriched_file(
    index_path: &std::path::Path,
    path: &std::path::Path,
    aliases: &Aliases,
) -> anyhow::Result<
    Vec<(
        crate::article::Article,
        Vec<crate::extract::entities::Mention>,
    )>,
> {
    let from_stdin = path.as_os_str() == "-";
    let (bytes, format, name) = if from_stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut io::stdin(), &mut bytes).context("reading stdin")?;
        (bytes, crate::corpus::Format::Text, "-".to_string())
    } else {
        let format = crate::corpus::Format::of(path).with_context(|| {
            format!(
                "{}: not a supported article format (txt, md, json, jsonl, html, sgm)",
                path.display()
            )
        })?;
        let max = crate::corpus::MAX_FILE_MIB * 1024 * 1024;
        let bytes = crate::corpus::read_bounded(path, max)
            .with_context(|| format!("reading {}", path.display()))?;
        (bytes, format, path.display().to_string())
    };
    let parsed = crate::corpus::parse_file(format, bytes).with_context(|| name.clone())?;
    for problem in &parsed.record_errors {
        eprintln!("bad record in {name}: {problem}");
    }
    let tagger =
        crate::extract::ner::Tagger::embedded().map_err(|e| crate::Error::Model(e.to_string()))?;
    // What the indexer would store includes the index's curation, when it has one.
    let curation = crate::curation::Overlay::load(index_path)?;
    let enricher = crate::extract::Enricher {
        aliases,
        tagger: Some(tagger),
        curation: &curation,
        dates: &crate::extract::user_dates::UserDates::default(),
    };
    Ok(parsed
        .articles
        .into_iter()
        .map(|raw| enricher.enrich_with_mentions(&name, raw))
        .collect())
}

/// Runs the subcommand.
pub fn run(
    index_path: &std::path::Path,
    args: ExtractArgs,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let results = enriched_file(index_path, &args.path, aliases)?;
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => details::extracted_json(&mut out, &results)?,
        ShowFormat::Terminal => {
            for (article, mentions) in &results {
                summary::write_extracted(&mut out, article, mentions)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
