//! Command handlers: each turns parsed arguments into library calls and an exit code.
//! Exit codes follow grep: 0 = hits (or success), 1 = no hits, 2 = error.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Command, IndexArgs, SearchArgs, ShowArgs, ShowFormat};
use crate::index::writer::{self, IndexOptions};
use crate::index::DatelineIndex;
use crate::output::{self, color, summary};
use crate::query::Filters;
use crate::search::{self, SearchRequest};

/// Runs the command line and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => index(&cli.index, args),
        Command::Search(args) => search(&cli.index, args),
        Command::Show(args) => show(&cli.index, args),
    }
}

fn index(index_path: &std::path::Path, args: IndexArgs) -> anyhow::Result<ExitCode> {
    let mut excludes = globset::GlobSetBuilder::new();
    for pattern in &args.exclude {
        let glob = globset::Glob::new(pattern)
            .with_context(|| format!("--exclude {pattern}: not a valid glob"))?;
        excludes.add(glob);
    }
    let options = IndexOptions {
        excludes: excludes.build().context("building --exclude patterns")?,
        archive: args.dir.clone(),
        rebuild: args.rebuild,
        max_file_size: args.max_file_size.saturating_mul(1024 * 1024),
        progress: true,
    };
    let summary = writer::run(index_path, &options)
        .with_context(|| format!("indexing {}", args.dir.display()))?;
    summary::write_index_summary(&mut io::stderr().lock(), &summary)?;
    if args.json {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn search(index_path: &std::path::Path, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let request = SearchRequest {
        query: args.query,
        filters: Filters {
            since: args.since,
            until: args.until,
        },
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
        all: args.all,
    };
    let stdout = io::stdout().lock();
    let mut sink = output::sink(
        args.format,
        io::BufWriter::new(stdout),
        color::stdout_wants_color(),
    );
    let total = search::run(&index, &request, sink.as_mut())?;
    Ok(if total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn show(index_path: &std::path::Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let article = search::find_by_id(&index, &args.id)?;
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            #[derive(serde::Serialize)]
            struct WithBody<'a> {
                #[serde(flatten)]
                article: &'a crate::index::document::StoredArticle,
                body: &'a str,
            }
            serde_json::to_writer_pretty(
                &mut out,
                &WithBody {
                    article: &article,
                    body: &article.body,
                },
            )?;
            writeln!(out)?;
        }
        ShowFormat::Terminal => summary::write_article(&mut out, &article)?,
    }
    Ok(ExitCode::SUCCESS)
}
