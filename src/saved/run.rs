//! The `saved` and `batch` commands: run stored queries through the same search and
//! renderers as `dateline search`, and record a saved query's run only after its
//! output was written in full.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime as ChronoDateTime, SecondsFormat, Utc};

use super::batch::{self, BatchQuery};
use super::{file_for, unknown, validate_name, SavedError, SavedQuery, Store};
use crate::cli::{BatchArgs, SavedCommand, SearchOptions, ShowFormat};
use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;
use crate::output::{self, color, Label, OutputFormat};
use crate::search::{self, Outcome};

/// Exit code for a set of runs: 2 if any failed, else 0 if any hit, else 1.
fn exit_code(any_error: bool, any_hit: bool) -> ExitCode {
    if any_error {
        ExitCode::from(2)
    } else if any_hit {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Runs a `saved` subcommand.
pub fn saved(
    index_path: &Path,
    command: SavedCommand,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let store = Store::new(file_for(index_path));
    let mut out = io::stdout().lock();
    match command {
        SavedCommand::Add {
            name,
            query,
            options,
            force,
        } => {
            add(index_path, &store, &name, query, *options, force)?;
            eprintln!("saved `{name}` in {}", store.path().display());
        }
        SavedCommand::List { format } => {
            let all = store.load()?;
            match format {
                ShowFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &all)?;
                    writeln!(out)?;
                }
                ShowFormat::Terminal => {
                    let width = all.keys().map(String::len).max().unwrap_or(4).max(4);
                    for (name, q) in &all {
                        let last = q.last_run.as_deref().unwrap_or("never run");
                        writeln!(out, "{name:<width$}  {}  ({last})", q.query)?;
                    }
                    if all.is_empty() {
                        eprintln!("no saved queries in {}", store.path().display());
                    }
                }
            }
        }
        SavedCommand::Show { name, format } => {
            let q = store.get(&name)?;
            match format {
                ShowFormat::Json => serde_json::to_writer_pretty(&mut out, &q)?,
                ShowFormat::Terminal => {
                    // The same shape as in the file, so it can be pasted back.
                    let mut queries = toml::Table::new();
                    queries.insert(name.clone(), toml::Value::try_from(&q)?);
                    let mut table = toml::Table::new();
                    table.insert("queries".into(), toml::Value::Table(queries));
                    write!(out, "{}", toml::to_string_pretty(&table)?)?;
                }
            }
            writeln!(out)?;
        }
        SavedCommand::Rm { name } => {
            store.update(|queries| -> Result<(), SavedError> {
                if queries.remove(&name).is_none() {
                    return Err(unknown(&name, queries));
                }
                Ok(())
            })?;
            eprintln!("removed `{name}`");
        }
        SavedCommand::Rename { old, new, force } => {
            validate_name(&new)?;
            store.update(|queries| -> Result<(), SavedError> {
                if queries.contains_key(&new) && !force {
                    return Err(SavedError::Exists(new.clone()));
                }
                let q = queries.remove(&old).ok_or_else(|| unknown(&old, queries))?;
                queries.insert(new.clone(), q);
                Ok(())
            })?;
            eprintln!("renamed `{old}` to `{new}`");
        }
        SavedCommand::Run {
            name,
            all,
            new,
            format,
        } => {
            drop(out);
            return run_saved(index_path, &store, name, all, new, format, aliases);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Saves `query` under `name` (`saved add`, and the web page's form): checked now
/// rather than at 3 a.m. in cron, and watermarked so its first `--new` run reports
/// only what arrives after it was saved.
pub fn add(
    index_path: &Path,
    store: &Store,
    name: &str,
    query: String,
    options: SearchOptions,
    force: bool,
) -> anyhow::Result<()> {
    validate_name(name)?;
    crate::query::parse(&query)?;
    options.request(&query).map_err(anyhow::Error::msg)?;
    let watermark = current_watermark(index_path)?;
    store.update(|queries| -> Result<(), SavedError> {
        if queries.contains_key(name) && !force {
            return Err(SavedError::Exists(name.to_string()));
        }
        queries.insert(
            name.to_string(),
            SavedQuery {
                query,
                options,
                created: Some(now()),
                last_run: None,
                watermark: watermark.map(format_stamp),
            },
        );
        Ok(())
    })?;
    Ok(())
}

fn run_saved(
    index_path: &Path,
    store: &Store,
    name: Option<String>,
    all: bool,
    new: bool,
    format: Option<OutputFormat>,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let queries = store.load()?;
    let names: Vec<String> = match (&name, all) {
        (Some(n), _) => {
            if !queries.contains_key(n) {
                return Err(unknown(n, &queries).into());
            }
            vec![n.clone()]
        }
        (None, _) => queries.keys().cloned().collect(),
    };
    let index = DatelineIndex::open(index_path)?;
    let (mut any_error, mut any_hit) = (false, false);
    for name in names {
        // Read, run, print and record under the store's lock: the run is recorded
        // only once its output is written, and runs of one query never overlap.
        let result = store.update(|queries| -> anyhow::Result<usize> {
            let Some(saved) = queries.get_mut(&name) else {
                return Ok(0); // removed since this command started
            };
            let mut options = saved.options.clone();
            if let Some(f) = format {
                options.format = f;
            }
            if new {
                // Every new article, whatever the saved limit: the watermark moves past
                // all of them, so none may be left unprinted.
                options.all = true;
                options.offset = 0;
            }
            let watermark = match (&saved.watermark, new) {
                (Some(w), true) => Some(
                    parse_stamp(w)
                        .with_context(|| format!("saved query `{name}`: bad watermark"))?,
                ),
                _ => None,
            };
            if all && options.format == OutputFormat::Terminal {
                println!("== {name}: {}", saved.query);
            }
            let job = Job {
                name: &name,
                label_key: "saved",
                query: &saved.query,
                options: &options,
                indexed_after: watermark,
                color: color::stdout_wants_color(),
            };
            let outcome = run_one(&index, &job, aliases, &mut io::stdout().lock())?;
            saved.last_run = Some(now());
            if let Some(stamp) = outcome.latest_stamp {
                saved.watermark = Some(format_stamp(stamp));
            }
            // A new copy of a story reported before is not news: nothing listed.
            Ok(outcome.listed)
        });
        match result {
            Ok(total) => any_hit |= total > 0,
            Err(e) if crate::error::is_broken_pipe(&e) => {
                // The reader went away (`| head`): nothing recorded, nothing to report.
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) => {
                any_error = true;
                eprintln!("error: saved query `{name}`: {e:#}");
            }
        }
    }
    Ok(exit_code(any_error, any_hit))
}

/// One query to run and where its name goes in JSON output.
struct Job<'a> {
    name: &'a str,
    label_key: &'static str,
    query: &'a str,
    options: &'a SearchOptions,
    indexed_after: Option<tantivy::DateTime>,
    /// Colour terminal output (only when writing to a terminal).
    color: bool,
}

/// Runs one query into `out` with a label, flushing before returning.
fn run_one(
    index: &DatelineIndex,
    job: &Job<'_>,
    aliases: &Aliases,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let mut request = job.options.request(job.query).map_err(anyhow::Error::msg)?;
    request.filters.indexed_after = job.indexed_after;
    let label = Label {
        key: job.label_key,
        value: job.name.to_string(),
    };
    let mut sink = output::sink(
        job.options.format,
        io::BufWriter::new(&mut *out),
        job.color,
        Some(label),
        &job.options.fields,
    );
    let outcome = search::run(index, &request, aliases, sink.as_mut())?;
    let named: Vec<String> = outcome
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", job.name))
        .collect();
    crate::app::write_warnings(&named);
    drop(sink);
    out.flush()?;
    Ok(outcome)
}

/// `stem`, or `stem-2`, `stem-3`... : the first not used yet in this batch run
/// (compared case-insensitively, for case-insensitive file systems).
fn unique_stem(stem: &str, used: &mut std::collections::HashSet<String>) -> String {
    let mut candidate = stem.to_string();
    let mut n = 1;
    while !used.insert(candidate.to_lowercase()) {
        n += 1;
        candidate = format!("{stem}-{n}");
    }
    candidate
}

/// The newest `indexed_at` in the index at `index_path`; `None` when there is no
/// index yet (then every article counts as new).
fn current_watermark(index_path: &Path) -> anyhow::Result<Option<tantivy::DateTime>> {
    let index = match DatelineIndex::open(index_path) {
        Ok(index) => index,
        Err(crate::Error::NoIndex { .. }) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let searcher = index.searcher()?;
    Ok(crate::index::manifest::latest_stamp(&searcher)?)
}

/// A saved query's watermark as a tantivy time.
pub(crate) fn parse_stamp(text: &str) -> anyhow::Result<tantivy::DateTime> {
    let dt = ChronoDateTime::parse_from_rfc3339(text)?;
    Ok(tantivy::DateTime::from_timestamp_micros(
        dt.timestamp_micros(),
    ))
}

fn format_stamp(stamp: tantivy::DateTime) -> String {
    ChronoDateTime::<Utc>::from_timestamp_micros(stamp.into_timestamp_micros())
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Micros, true))
        .unwrap_or_default()
}

/// Runs `dateline batch`.
pub fn batch(index_path: &Path, args: BatchArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let queries = batch::parse(&args.file, &text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let index = DatelineIndex::open(index_path)?;
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut rows: Vec<(String, Result<usize, String>)> = Vec::new();
    // Result file stems already used in this run: two names that sanitise alike (or a
    // name given twice) get `-2`, `-3`... instead of overwriting each other's results.
    let mut used_stems: std::collections::HashSet<String> = std::collections::HashSet::new();
    for BatchQuery {
        name,
        query,
        mut options,
        line,
    } in queries
    {
        if let Some(f) = args.format {
            options.format = f;
        }
        let job = Job {
            name: &name,
            label_key: "query",
            query: &query,
            options: &options,
            indexed_after: None,
            color: args.out_dir.is_none() && color::stdout_wants_color(),
        };
        let result = match &args.out_dir {
            Some(dir) => {
                let stem = unique_stem(&file_stem(&name), &mut used_stems);
                let path = dir.join(format!("{stem}.{}", extension(options.format)));
                let result = std::fs::File::create(&path)
                    .with_context(|| format!("creating {}", path.display()))
                    .and_then(|mut f| run_one(&index, &job, aliases, &mut f));
                if result.is_err() {
                    // No half-written or empty result file for a query that failed.
                    let _ = std::fs::remove_file(&path);
                }
                result
            }
            None => run_one(&index, &job, aliases, &mut io::stdout().lock()),
        };
        match result {
            Ok(outcome) => rows.push((name, Ok(outcome.total))),
            // The reader went away (`batch FILE | head -1`): nothing more to say.
            Err(e) if crate::error::is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
            Err(e) => {
                let message = format!("{e:#}");
                eprintln!("{}:{line}: query `{name}`: {message}", args.file.display());
                rows.push((name, Err(message.lines().next().unwrap_or("").to_string())));
            }
        }
    }
    // The summary goes where it does not mix with results.
    let summary = summary_table(&rows);
    if args.out_dir.is_some() {
        print!("{summary}");
    } else {
        eprint!("{summary}");
    }
    let any_error = rows.iter().any(|(_, r)| r.is_err());
    let any_hit = rows.iter().any(|(_, r)| matches!(r, Ok(n) if *n > 0));
    Ok(exit_code(any_error, any_hit))
}

fn summary_table(rows: &[(String, Result<usize, String>)]) -> String {
    let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(5).max(5);
    let mut out = format!("{:<width$}  {:>8}\n", "query", "hits");
    for (name, result) in rows {
        match result {
            Ok(n) => out.push_str(&format!("{name:<width$}  {n:>8}\n")),
            Err(e) => out.push_str(&format!("{name:<width$}  {:>8}  {e}\n", "error")),
        }
    }
    out
}

fn file_stem(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn extension(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Terminal => "txt",
        OutputFormat::Json => "json",
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Csv => "csv",
    }
}
