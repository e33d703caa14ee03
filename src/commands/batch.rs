//! `dateline batch FILE`: many queries in one run, each into its own file or one
//! labelled stream, with a summary table.

use std::io::{self};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::backend::Backend;
use super::saved::{exit_code, run_one, Job};
use crate::cli::BatchArgs;
use crate::extract::aliases::Aliases;
use crate::output::{color, OutputFormat};
use crate::saved::batch::{self, BatchQuery};

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

/// Runs `dateline batch`.
pub fn run(index_path: &Path, args: BatchArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let queries = batch::parse(&args.file, &text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let backend = Backend::open(index_path, &args.engine)?;
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
                    .and_then(|mut f| run_one(&backend, &job, aliases, &mut f));
                if result.is_err() {
                    // No half-written or empty result file for a query that failed.
                    let _ = std::fs::remove_file(&path);
                }
                result
            }
            None => run_one(&backend, &job, aliases, &mut io::stdout().lock()),
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
