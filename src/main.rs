//! The `dateline` binary: parse arguments, run, map errors to exit code 2.

use std::process::ExitCode;

use clap::Parser;

/// Indexing allocates many small, short-lived strings per token (tokenizer, tagger,
/// tantivy's postings); mimalloc serves them much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dateline::app::release_memory_promptly();
    let cli = dateline::cli::Cli::parse();
    match dateline::app::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`dateline search … | head`) is not an error worth a message.
            if dateline::error::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let message = format!("{err:#}");
            eprintln!(
                "error: {}",
                dateline::output::printable::printable(&message)
            );
            ExitCode::from(2)
        }
    }
}
