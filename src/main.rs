//! The `dateline` binary: parse arguments, run, map errors to exit code 2.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = dateline::cli::Cli::parse();
    match dateline::app::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`dateline search … | head`) is not an error worth a message.
            let broken_pipe = err.chain().any(|cause| {
                let io = cause
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind);
                let json = cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind);
                io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
