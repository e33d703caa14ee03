//! `dateline search QUERY`: flags to a request, the hits to the chosen renderer.

use std::io::{self, Write};
use std::process::ExitCode;

use super::backend::Backend;
use crate::cli::SearchArgs;
use crate::engine::quickwit::Quickwit;
use crate::extract::aliases::Aliases;
use crate::output::printable::{printable, Printable};
use crate::output::{self, color, summary};
use crate::search;

/// Runs the subcommand.
pub fn run(
    index_path: &std::path::Path,
    args: SearchArgs,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    let request = args.options.request(&query).map_err(anyhow::Error::msg)?;
    let backend = Backend::open(index_path, &args.engine)?;
    if let (true, Backend::Quickwit(quickwit)) = (args.explain, &backend) {
        return explain_on_quickwit(quickwit, &request, aliases);
    }
    if let (true, Backend::Local(index)) = (args.explain, &backend) {
        let e = search::explain::explain(index, &query, &request.filters, aliases)?;
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
    let outcome = backend.search(&request, aliases, sink.as_mut())?;
    write_warnings(&outcome.warnings);
    let total = outcome.total;
    Ok(if total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `--explain` on Quickwit: the resolved query and the query text Quickwit would get.
fn explain_on_quickwit(
    quickwit: &Quickwit,
    request: &search::SearchRequest,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let tree = crate::query::resolve(&request.query, &request.filters, aliases)?;
    let prepared = crate::engine::quickwit::search::prepare(&tree, request)?;
    let mut out = io::stdout().lock();
    writeln!(out, "dateline: {tree}")?;
    match &prepared.query {
        Some(text) => writeln!(out, "quickwit: {text}")?,
        None => writeln!(out, "quickwit: nothing to send: no article can match")?,
    }
    writeln!(out, "sent to:  {}", quickwit.search_url())?;
    Ok(ExitCode::SUCCESS)
}

/// Warnings go to stderr whatever the output format, so a person piping JSON into a
/// script still sees them.
pub fn write_warnings(warnings: &[String]) {
    let mut err = io::stderr().lock();
    for w in warnings {
        let _ = writeln!(err, "warning: {}", printable(w));
    }
}
