//! `dateline index DIR`: one indexing run (`crate::ingest`), then the archive-wide
//! steps (names linked across articles, wire copies grouped), then the summary.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::IndexArgs;
use crate::extract::aliases::Aliases;
use crate::ingest::{self, IndexOptions};
use crate::output::printable::{printable, Printable};
use crate::output::summary;

/// Counts every stored name and applies the archive-wide links it makes clear. A
/// link changes the counts (a merged surname, a moved company), which can make another
/// link clear, so this repeats, at most [`LINK_ROUNDS`] times, until nothing is left.
fn link_names(
    index_path: &std::path::Path,
    aliases: &Aliases,
) -> anyhow::Result<crate::curation::links::Linked> {
    let curation = crate::curation::Overlay::load(index_path)?;
    let mut all = Vec::new();
    let mut linked = crate::curation::links::Linked::default();
    for _ in 0..LINK_ROUNDS {
        let (names, things) = {
            let index = crate::index::DatelineIndex::open(index_path)?;
            (
                crate::commands::entities::stored_names(&index, None, aliases)?,
                index.thing_counts()?,
            )
        };
        let links = crate::curation::links::derive(&names, &things, &curation);
        if links.is_empty() {
            break;
        }
        all.extend(links);
        let articles = linked.articles;
        // Earlier rounds' names are gone from the articles: only new ones are found.
        (_, linked) = crate::curation::links::apply(index_path, &all)?;
        linked.articles += articles;
    }
    Ok(linked)
}

/// How many times `index` re-counts names to link (see [`link_names`]).
const LINK_ROUNDS: usize = 3;

/// What the user said about dates (`--dates`, `--date-from-path`, `--default-date`,
/// `--years`), with the years of the index's own dates when `--years` is not given.
fn user_dates(
    index_path: &std::path::Path,
    args: &IndexArgs,
) -> anyhow::Result<crate::extract::user_dates::UserDates> {
    let mut dates = crate::extract::user_dates::UserDates::default();
    if let Some(file) = &args.dates {
        let warnings = dates
            .load_sidecar(file)
            .with_context(|| format!("reading --dates {}", file.display()))?;
        for warning in warnings {
            eprintln!("warning: {}", printable(&warning));
        }
    }
    if let Some(pattern) = &args.date_from_path {
        dates.set_path_pattern(pattern.parse().map_err(anyhow::Error::msg)?);
    }
    dates.default = args
        .default_date
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    dates.years = args.years.clone();
    if args.years.is_none() && !args.rebuild {
        dates.archive_years = crate::index::DatelineIndex::open(index_path)
            .ok()
            .and_then(|index| index.index.reader().ok())
            .and_then(|reader| crate::search::explain::date_bounds(&reader.searcher()))
            .map(|(first, last)| {
                use chrono::Datelike;
                first.year()..=last.year()
            });
    }
    Ok(dates)
}

/// Runs the subcommand.
pub fn run(
    index_path: &std::path::Path,
    args: IndexArgs,
    aliases: Aliases,
    aliases_file: Option<std::path::PathBuf>,
) -> anyhow::Result<ExitCode> {
    let mut excludes = globset::GlobSetBuilder::new();
    for pattern in &args.exclude {
        let glob = globset::Glob::new(pattern)
            .with_context(|| format!("--exclude {pattern}: not a valid glob"))?;
        excludes.add(glob);
    }
    let dates = user_dates(index_path, &args)?;
    let options = IndexOptions {
        excludes: excludes.build().context("building --exclude patterns")?,
        archive: args.dir.clone(),
        rebuild: args.rebuild,
        max_file_size: args.max_file_size.saturating_mul(1024 * 1024),
        progress: true,
        extract: !args.no_extract,
        commit_every: usize::try_from(args.commit_every).unwrap_or(usize::MAX),
        dates,
        // Linking and the stories step rewrite articles after the run: then one
        // compaction, after them.
        compact: args.no_link && args.no_stories,
        stories: !args.no_stories,
        aliases,
        aliases_file_text: match &aliases_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("reading --aliases {}", path.display()))?,
            ),
            None => None,
        },
    };
    let mut summary = ingest::run(index_path, &options)
        .with_context(|| format!("indexing {}", args.dir.display()))?;
    let after_run = !summary.nothing_changed() || args.rebuild;
    if after_run && !(args.no_link && args.no_stories) {
        let started = std::time::Instant::now();
        let mut step_started = started;
        let mut step_done = |summary: &mut ingest::Summary, step: &'static str| {
            summary.steps.push(ingest::Step {
                step,
                secs: step_started.elapsed().as_secs_f64(),
            });
            step_started = std::time::Instant::now();
        };
        summary.steps.push(ingest::Step {
            step: "read and index",
            secs: summary.elapsed_secs,
        });
        if !args.no_link {
            summary.linked = link_names(index_path, &options.aliases)
                .context("linking names across the archive")?;
            step_done(&mut summary, "link names");
        }
        if !args.no_stories {
            summary.stories = Some(
                crate::stories::assign(index_path, summary.first_stamp)
                    .context("finding wire copies")?,
            );
            step_done(&mut summary, "group copies");
        }
        let changed = summary.articles_added
            + summary.articles_updated
            + summary.articles_removed
            + summary.linked.articles
            + summary.stories.as_ref().map_or(0, |s| s.relabelled);
        ingest::compact_after(index_path, changed).context("compacting the index")?;
        step_done(&mut summary, "merge");
        // The run's time includes the linking step, so the rate is what a user waits.
        summary.elapsed_secs += started.elapsed().as_secs_f64();
    }
    summary::write_index_summary(&mut Printable::new(io::stderr().lock()), &summary)?;
    if args.json {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
    }
    // Part of the archive was not read: the index is consistent but not complete, and
    // a cron job must notice.
    if !summary.unreadable.is_empty() {
        return Ok(ExitCode::from(2));
    }
    // An empty index is almost always the wrong folder or unsupported files: say so,
    // and let scripts see it (exit 1, like a search without hits).
    if summary.articles_in_index == 0 {
        eprintln!(
            "no articles found in {}: dateline reads .txt, .md, .json, .jsonl/.ndjson, .html and Reuters .sgm files{}",
            printable(&args.dir.display().to_string()),
            match summary.files_ignored {
                0 => String::new(),
                n => format!(
                    "; {n} other file{} passed over{}",
                    if n == 1 { " was" } else { "s were" },
                    summary::ignored_kinds(&summary)
                ),
            }
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
