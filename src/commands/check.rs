//! `dateline check`: reads every stored article and checksum, says what is damaged.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::index::DatelineIndex;
use crate::output::printable::Printable;

/// Runs the subcommand.
pub fn run(index_path: &std::path::Path) -> anyhow::Result<ExitCode> {
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
