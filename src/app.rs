//! The dispatcher: sets colour, loads the alias table, and hands each subcommand to
//! its handler in `commands/` (or `serve`). Exit codes follow grep: 0 = hits (or
//! success), 1 = no hits, 2 = error.

use std::io;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Command};
use crate::commands;
use crate::extract::aliases::{self, Aliases};
use crate::output::color;

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
        Command::Index(args) => {
            commands::index::run(&cli.index, args, aliases, cli.aliases.clone())
        }
        Command::Search(args) => commands::search::run(&cli.index, args, &aliases),
        Command::Show(args) => commands::show::run(&cli.index, args),
        Command::Extract(args) => commands::extract::run(&cli.index, args, &aliases),
        Command::Quotes(args) => crate::commands::quotes::run(&cli.index, args, &aliases),
        Command::Export(args) => commands::export::run(&cli.index, args, &aliases),
        Command::Entities(args) => crate::commands::entities::run(&cli.index, args, &aliases),
        Command::Saved(args) => commands::saved::run(&cli.index, args.command, &aliases),
        Command::Check => commands::check::run(&cli.index),
        Command::Stats { format } => crate::commands::stats::run(&cli.index, format, &aliases),
        Command::Batch(args) => commands::batch::run(&cli.index, args, &aliases),
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
pub(crate) fn load_aliases<P: AsRef<std::path::Path>>(user: Option<P>) -> anyhow::Result<Aliases> {
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
