//! Where `search`, `saved run` and `batch` send their requests: the local index, or
//! another engine (`--engine quickwit URL`) holding its export. One place decides, so
//! every command that searches takes the same flag and the same refusals.

use std::path::Path;

use crate::cli::EngineArgs;
use crate::engine::quickwit::{self, Quickwit};
use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;
use crate::search::{self, HitSink, Outcome, SearchRequest};

/// The engine searches run on.
pub enum Backend {
    Local(Box<DatelineIndex>),
    Quickwit(Quickwit),
}

impl Backend {
    /// The engine `args` (or `DATELINE_ENGINE="ENGINE URL"`) names; the index at
    /// `index_path` when none does. A remote engine needs no local index.
    pub fn open(index_path: &Path, args: &EngineArgs) -> anyhow::Result<Backend> {
        match engine(&args.engine)? {
            Some(quickwit) => Ok(Backend::Quickwit(quickwit)),
            None => Ok(Backend::Local(Box::new(DatelineIndex::open(index_path)?))),
        }
    }

    /// Runs one search into `sink`.
    pub fn search(
        &self,
        request: &SearchRequest,
        aliases: &Aliases,
        sink: &mut dyn HitSink,
    ) -> anyhow::Result<Outcome> {
        Ok(match self {
            Backend::Local(index) => search::run(index, request, aliases, sink)?,
            Backend::Quickwit(qw) => quickwit::run(qw, request, aliases, sink)?,
        })
    }
}

/// The remote engine named by `words` (`quickwit URL`) or by `DATELINE_ENGINE` when
/// the flag is absent; `None` for the local index (`local`, or nothing).
pub fn engine(words: &[String]) -> anyhow::Result<Option<Quickwit>> {
    let from_env;
    let words: Vec<&str> = if words.is_empty() {
        from_env = std::env::var("DATELINE_ENGINE").unwrap_or_default();
        from_env.split_whitespace().collect()
    } else {
        words.iter().map(String::as_str).collect()
    };
    match words.as_slice() {
        [] | ["local"] => Ok(None),
        ["quickwit", url] => Ok(Some(Quickwit::from_url(url)?)),
        _ => anyhow::bail!(
            "--engine takes an engine and its address, e.g. --engine quickwit http://127.0.0.1:7280 (got `{}`)",
            words.join(" ")
        ),
    }
}
