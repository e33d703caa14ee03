//! `dateline saved`: run stored queries through the same search and renderers as
//! `dateline search`, and record a saved query's run only after its output was
//! written in full. `batch.rs` shares [`run_one`] and [`exit_code`].

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::backend::Backend;
use crate::cli::{SavedCommand, SearchOptions, ShowFormat};
use crate::extract::aliases::Aliases;
use crate::output::{self, color, Label, OutputFormat};
use crate::saved::record::{add, format_stamp, now, parse_stamp};
use crate::saved::{file_for, unknown, validate_name, SavedError, Store};
use crate::search::Outcome;

/// Exit code for a set of runs: 2 if any failed, else 0 if any hit, else 1.
pub(crate) fn exit_code(any_error: bool, any_hit: bool) -> ExitCode {
    if any_error {
        ExitCode::from(2)
    } else if any_hit {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Runs a `saved` subcommand.
pub fn run(
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
            engine,
        } => {
            drop(out);
            let backend = Backend::open(index_path, &engine)?;
            if new && matches!(backend, Backend::Quickwit(_)) {
                anyhow::bail!("saved run --new needs the local index: what is new is told by indexing times, which the export leaves out");
            }
            return run_saved(&backend, &store, name, all, new, format, aliases);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_saved(
    backend: &Backend,
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
    let (mut any_error, mut any_hit) = (false, false);
    for name in names {
        // Read, run, print and record under the store's lock: the run is recorded
        // only once its output is written, and runs of one query never overlap.
        let result = store.update(|queries| -> anyhow::Result<usize> {
            let Some(saved) = queries.get_mut(&name) else {
                return Ok(0); // removed since this command started
            };
            let mut options = SearchOptions::from(saved.options.clone());
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
            let outcome = run_one(backend, &job, aliases, &mut io::stdout().lock())?;
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
pub(crate) struct Job<'a> {
    pub(crate) name: &'a str,
    pub(crate) label_key: &'static str,
    pub(crate) query: &'a str,
    pub(crate) options: &'a SearchOptions,
    pub(crate) indexed_after: Option<tantivy::DateTime>,
    /// Colour terminal output (only when writing to a terminal).
    pub(crate) color: bool,
}

/// Runs one query into `out` with a label, flushing before returning.
pub(crate) fn run_one(
    backend: &Backend,
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
    let outcome = backend.search(&request, aliases, sink.as_mut())?;
    let named: Vec<String> = outcome
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", job.name))
        .collect();
    crate::commands::search::write_warnings(&named);
    drop(sink);
    out.flush()?;
    Ok(outcome)
}
