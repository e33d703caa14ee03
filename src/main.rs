//! The `dateline` binary: parse arguments, run, map errors to exit code 2.

use std::process::ExitCode;

/// Indexing allocates many small, short-lived strings per token (tokenizer, tagger,
/// tantivy's postings); mimalloc serves them much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dateline::app::release_memory_promptly();
    let (args, config_files) = match dateline::config::expand(std::env::args_os().collect()) {
        Ok(expanded) => expanded,
        Err(err) => {
            eprintln!("error: config {err}");
            return ExitCode::from(2);
        }
    };
    let cli = match dateline::cli::parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => {
            // A flag from a config file that the command refuses: say where it came from.
            if err.use_stderr() && !config_files.is_empty() {
                let files: Vec<String> = config_files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect();
                let _ = err.print();
                eprintln!("note: default flags were read from {}", files.join(" and "));
                return ExitCode::from(2);
            }
            err.exit()
        }
    };
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
