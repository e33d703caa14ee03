//! Command handlers: each turns parsed arguments into library calls and an exit code.
//! Exit codes follow grep: 0 = hits (or success), 1 = no hits, 2 = error.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Command, ExtractArgs, IndexArgs, SearchArgs, ShowArgs, ShowFormat};
use crate::extract::aliases::{self, Aliases};
use crate::index::DatelineIndex;
use crate::ingest::{self, IndexOptions};
use crate::output::printable::{printable, Printable};
use crate::output::{self, color, summary};
use crate::search;

/// Runs the command line and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    color::set_choice(match cli.color {
        crate::cli::ColorChoice::Always => Some(true),
        crate::cli::ColorChoice::Never => Some(false),
        crate::cli::ColorChoice::Auto => None,
    });
    let aliases = match (&cli.command, cli.aliases.as_deref()) {
        // Indexing uses exactly the table given (none: the built-in one).
        (Command::Index(_) | Command::Extract(_) | Command::Quotes(_), user) => load_aliases(user)?,
        // Searching defaults to the table the index was built with.
        (_, None) => {
            load_aliases(Some(&cli.index.join(crate::index::ALIASES_FILE)).filter(|p| p.exists()))?
        }
        (_, Some(user)) => load_aliases(Some(user))?,
    };
    match cli.command {
        Command::Index(args) => index(&cli.index, args, aliases, cli.aliases.clone()),
        Command::Search(args) => search(&cli.index, args, &aliases),
        Command::Show(args) => show(&cli.index, args),
        Command::Extract(args) => extract(&cli.index, args, &aliases),
        Command::Quotes(args) => crate::commands::quotes::run(&cli.index, args, &aliases),
        Command::Export(args) => export(&cli.index, args, &aliases),
        Command::Entities(args) => crate::commands::entities::run(&cli.index, args, &aliases),
        Command::Saved(args) => crate::saved::run::saved(&cli.index, args.command, &aliases),
        Command::Check => check(&cli.index),
        Command::Stats { format } => crate::commands::stats::run(&cli.index, format, &aliases),
        Command::Batch(args) => crate::saved::run::batch(&cli.index, args, &aliases),
        Command::Serve(args) => crate::serve::run(&cli.index, args, aliases),
        Command::Dups { limit, format } => crate::commands::dups::run(&cli.index, limit, format),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "dateline", &mut io::stdout().lock());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { subcommand } => {
            let command = <Cli as clap::CommandFactory>::command();
            let page = match subcommand {
                None => command,
                Some(name) => command
                    .find_subcommand(&name)
                    .cloned()
                    .map(|sub| {
                        let full = format!("dateline-{}", sub.get_name());
                        sub.display_name(full.clone()).bin_name(full)
                    })
                    .with_context(|| format!("no subcommand `{name}`: see `dateline --help`"))?,
            };
            clap_mangen::Man::new(page).render(&mut io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The built-in alias table, extended by the user's `--aliases` file.
fn load_aliases<P: AsRef<std::path::Path>>(user: Option<P>) -> anyhow::Result<Aliases> {
    let user = user.as_ref().map(|p| p.as_ref());
    match user {
        None => Ok(aliases::EMBEDDED.clone()),
        Some(path) => Ok(aliases::EMBEDDED
            .with_user_file(path)
            .map_err(crate::Error::Aliases)?),
    }
}

/// Makes mimalloc hand freed pages back to the system at once. By default it keeps
/// them 10 ms of activity, and keeps a finished thread's pages longer still: the link
/// step's writer threads then allocate beside the indexing threads' leftovers, and an
/// 8 MiB article peaked at 20x its size instead of under 16x. Costs a few percent of
/// indexing time; peak memory on Reuters-21578 drops by about a fifth.
pub fn release_memory_promptly() {
    // `mi_option_purge_delay` in mimalloc v2's option enum (the crate exports no name
    // for it).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: only mimalloc's option table is touched; no preconditions.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

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

fn index(
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
        if !args.no_link {
            summary.linked = link_names(index_path, &options.aliases)
                .context("linking names across the archive")?;
        }
        if !args.no_stories {
            summary.stories = Some(
                crate::stories::assign(index_path, summary.first_stamp)
                    .context("finding wire copies")?,
            );
        }
        let changed = summary.articles_added
            + summary.articles_updated
            + summary.articles_removed
            + summary.linked.articles
            + summary.stories.as_ref().map_or(0, |s| s.relabelled);
        ingest::compact_after(index_path, changed).context("compacting the index")?;
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

fn search(
    index_path: &std::path::Path,
    args: SearchArgs,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let query = args.query.join(" ");
    let request = args.options.request(&query).map_err(anyhow::Error::msg)?;
    if args.explain {
        let e = search::explain::explain(&index, &query, &request.filters, aliases)?;
        let mut out = io::stdout().lock();
        if args.options.format == output::OutputFormat::Json {
            serde_json::to_writer_pretty(&mut out, &e)?;
            writeln!(out)?;
        } else {
            summary::write_explanation(&mut Printable::new(&mut out), &e)?;
        }
        return Ok(if e.total > 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if args.options.format == output::OutputFormat::Terminal && !args.options.fields.is_empty() {
        write_warnings(&["--fields applies to json, jsonl and csv output; the terminal shows every field (use `dateline show ID` for the full text)".to_string()]);
    }
    if args.options.format == output::OutputFormat::Csv && !request.facets.is_empty() {
        // Never drop what was asked for without saying so.
        write_warnings(&["--facets are not part of csv output (one row per hit): use -f json or jsonl, or the terminal format, to get them".to_string()]);
    }
    let stdout = io::stdout().lock();
    let mut sink = output::sink(
        args.options.format,
        io::BufWriter::new(stdout),
        color::stdout_wants_color(),
        None,
        &args.options.fields,
    );
    let outcome = search::run(&index, &request, aliases, sink.as_mut())?;
    write_warnings(&outcome.warnings);
    let total = outcome.total;
    Ok(if total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Warnings go to stderr whatever the output format, so a person piping JSON into a
/// script still sees them.
pub fn write_warnings(warnings: &[String]) {
    let mut err = io::stderr().lock();
    for w in warnings {
        let _ = writeln!(err, "warning: {}", printable(w));
    }
}

fn check(index_path: &std::path::Path) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let report = crate::index::check::check(&index)?;
    let mut out = Printable::new(io::stdout().lock());
    for file in &report.damaged_files {
        writeln!(out, "damaged: {} (checksum mismatch)", file.display())?;
    }
    writeln!(
        out,
        "checked {}: {} articles read, {} unreadable, {} damaged files",
        index_path.display(),
        report.articles_read,
        report.articles_unreadable,
        report.damaged_files.len()
    )?;
    if report.is_clean() {
        return Ok(ExitCode::SUCCESS);
    }
    anyhow::bail!(
        "the index at {} is damaged: re-run `dateline index --rebuild DIR` (DIR: {})",
        index_path.display(),
        index.meta.archive.display()
    )
}

fn show(index_path: &std::path::Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let article = search::find_by_id(&index, &args.id)?;
    let label = article.story.as_deref().and_then(crate::stories::label_of);
    let copies = match (args.copies, label) {
        (true, Some(label)) => {
            let members = crate::stories::members::members(&index, label)?;
            let other = members.into_iter().filter(|m| m.id != article.id);
            other
                .map(|m| {
                    let difference = crate::stories::members::difference(&article.body, &m.body);
                    summary::Copy {
                        article: m,
                        difference,
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            #[derive(serde::Serialize)]
            struct WithBody<'a> {
                #[serde(flatten)]
                article: &'a crate::index::document::StoredArticle,
                body: &'a str,
                #[serde(skip_serializing_if = "Option::is_none")]
                copies: Option<&'a [summary::Copy]>,
            }
            serde_json::to_writer_pretty(
                &mut out,
                &WithBody {
                    article: &article,
                    body: &article.body,
                    copies: args.copies.then_some(&copies[..]),
                },
            )?;
            writeln!(out)?;
        }
        ShowFormat::Terminal => {
            let mut out = Printable::new(&mut out);
            summary::write_article(&mut out, &article)?;
            if args.copies {
                summary::write_copies(&mut out, &copies)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

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

fn extract(
    index_path: &std::path::Path,
    args: ExtractArgs,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let results = enriched_file(index_path, &args.path, aliases)?;
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let articles: Vec<serde_json::Value> = results
                .iter()
                .map(|(article, mentions)| {
                    serde_json::json!({
                        "id": article.id,
                        "title": article.title,
                        "date": article.date.map(|d| d.format("%Y-%m-%d").to_string()),
                        "time": article.time.map(|t| t.time.format("%H:%M:%S").to_string()),
                        "time_zone": article.time.map(|t| t.zone.label()),
                        "date_source": article.date_source,
                        "people": article.people,
                        "orgs": article.orgs,
                        "places": article.places,
                        "mentions": mentions,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "articles": articles }))?;
            writeln!(out)?;
        }
        ShowFormat::Terminal => {
            for (article, mentions) in &results {
                summary::write_extracted(&mut out, article, mentions)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn export(
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
                    &index, selection, dir, &args.name, &progress,
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
