//! `dateline extract PATH...`: what the indexer would store for files and folders,
//! with entity mentions, without an index ([`read_articles`] is shared with `quotes`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::article::Article;
use crate::cli::{ExtractArgs, FileFormat};
use crate::corpus::{self, Format};
use crate::extract::aliases::Aliases;
use crate::extract::entities::Mention;
use crate::extract::Enricher;
use crate::output::{details, summary};

/// The articles of one file, as the indexer would store them, with their mentions.
pub(crate) type FileResults = Vec<(Article, Vec<Mention>)>;

/// How reading went: the files read, and how many could not be (each named on stderr
/// as it happened), so the command can exit 2 and a script notices.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    pub files: usize,
    pub failed: usize,
}

/// Reads every path's articles (a folder is walked as `index` walks an archive: hidden
/// entries, README/LICENSE and other formats passed over) and hands them to `visit`
/// one file at a time, so a folder streams instead of waiting for its last file. A
/// file that cannot be read or parsed is named on stderr and skipped: one bad file in
/// a folder must not cost the others. The tagger and the index's curation are loaded
/// once for the whole run.
pub(crate) fn read_articles(
    index_path: &Path,
    paths: &[PathBuf],
    aliases: &Aliases,
    mut visit: impl FnMut(FileResults) -> anyhow::Result<()>,
) -> anyhow::Result<Reading> {
    let tagger =
        crate::extract::ner::Tagger::embedded().map_err(|e| crate::Error::Model(e.to_string()))?;
    // What the indexer would store includes the index's curation, when it has one.
    let curation = crate::curation::Overlay::load(index_path)?;
    let dates = crate::extract::user_dates::UserDates::default();
    let enricher = Enricher {
        aliases,
        tagger: Some(tagger),
        curation: &curation,
        dates: &dates,
    };
    let mut reading = Reading::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut bytes).context("reading stdin")?;
            read_one(
                &enricher,
                "-",
                Format::Text,
                Ok(bytes),
                &mut reading,
                &mut visit,
            )?;
        } else if path.is_dir() {
            read_folder(&enricher, index_path, path, &mut reading, &mut visit)?;
        } else {
            let name = path.display().to_string();
            let Some(format) = Format::of(path) else {
                report_failure(
                    &name,
                    "not a supported article format (txt, md, json, jsonl, html, sgm)",
                    &mut reading,
                );
                continue;
            };
            let bytes = read_file(path);
            read_one(&enricher, &name, format, bytes, &mut reading, &mut visit)?;
        }
    }
    Ok(reading)
}

fn read_folder(
    enricher: &Enricher,
    index_path: &Path,
    folder: &Path,
    reading: &mut Reading,
    visit: &mut impl FnMut(FileResults) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let listing = corpus::walk::walk(folder, Some(index_path), &globset::GlobSet::empty());
    for skipped in &listing.skipped {
        let name = folder.join(&skipped.path).display().to_string();
        if skipped.unreadable {
            report_failure(&name, &skipped.reason, reading);
        } else {
            eprintln!(
                "skipped {}: {}",
                printable(&name),
                printable(&skipped.reason)
            );
        }
    }
    if listing.files.is_empty() {
        eprintln!(
            "note: {}: no article files ({} other files passed over)",
            printable(&folder.display().to_string()),
            listing.ignored
        );
    }
    for file in &listing.files {
        let name = file.path.display().to_string();
        read_one(
            enricher,
            &name,
            file.format,
            read_file(&file.path),
            reading,
            visit,
        )?;
    }
    Ok(())
}

fn read_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let max = corpus::MAX_FILE_MIB * 1024 * 1024;
    Ok(corpus::read_bounded(path, max)?)
}

/// Parses and enriches one file's bytes and hands its articles to `visit`; a file that
/// cannot be read or parsed is reported and counted instead.
fn read_one(
    enricher: &Enricher,
    name: &str,
    format: Format,
    bytes: anyhow::Result<Vec<u8>>,
    reading: &mut Reading,
    visit: &mut impl FnMut(FileResults) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let parsed = match bytes.and_then(|b| Ok(corpus::parse_file(format, b)?)) {
        Ok(parsed) => parsed,
        Err(err) => {
            report_failure(name, &err.to_string(), reading);
            return Ok(());
        }
    };
    for problem in &parsed.record_errors {
        eprintln!("bad record in {}: {}", printable(name), printable(problem));
    }
    reading.files += 1;
    let results = parsed
        .articles
        .into_iter()
        .map(|raw| enricher.enrich_with_mentions(name, raw))
        .collect();
    visit(results)
}

fn report_failure(name: &str, reason: &str, reading: &mut Reading) {
    eprintln!("error: {}: {}; skipped", printable(name), printable(reason));
    reading.failed += 1;
}

fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    crate::output::printable::printable(text)
}

/// The exit code once everything was printed: 2 when a file could not be read (even
/// if others were), else `found`'s verdict.
pub(crate) fn exit_code(reading: &Reading, found: bool) -> ExitCode {
    if reading.failed > 0 {
        if reading.files > 0 {
            eprintln!(
                "error: {} of {} files could not be read (named above)",
                reading.failed,
                reading.failed + reading.files
            );
        }
        ExitCode::from(2)
    } else if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Runs the subcommand.
pub fn run(index_path: &Path, args: ExtractArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let mut collected: FileResults = Vec::new();
    let reading = read_articles(index_path, &args.paths, aliases, |results| {
        match args.format {
            FileFormat::Json => collected.extend(results),
            FileFormat::Jsonl => {
                for (article, mentions) in &results {
                    details::json_line(&mut out, &details::extracted_value(article, mentions))?;
                }
            }
            FileFormat::Terminal => {
                for (article, mentions) in &results {
                    summary::write_extracted(&mut out, article, mentions)?;
                }
            }
        }
        Ok(())
    })?;
    if args.format == FileFormat::Json {
        details::extracted_json(&mut out, &collected)?;
    }
    out.flush()?;
    Ok(exit_code(&reading, true))
}
