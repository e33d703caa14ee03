//! Command-line definitions (clap derive). Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::OutputFormat;
use crate::query::DateSpan;
use crate::search::SortOrder;

/// Full-text and entity search for news archives.
///
/// Index a directory of articles once, then search it by words, people,
/// organizations, places and dates.
///
/// Examples:
///   dateline index corpus/
///   dateline search 'al-Qaida AND Iran'
///   dateline search 'source:ap date:2021-01' --format json
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about, verbatim_doc_comment)]
pub struct Cli {
    /// Index directory.
    #[arg(
        long,
        global = true,
        env = "DATELINE_INDEX",
        default_value = ".dateline"
    )]
    pub index: PathBuf,

    /// Extra entity aliases (TOML, format of index_schema/aliases.toml); its entries
    /// override the built-in ones. Used when indexing, searching and extracting.
    #[arg(long, global = true, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index from an archive directory
    ///
    /// Reads .txt, .md, .json, .jsonl, .html and Reuters .sgm files. Re-running
    /// only re-reads changed files and drops articles of deleted files.
    #[command(verbatim_doc_comment)]
    Index(IndexArgs),
    /// Search the index
    Search(SearchArgs),
    /// Print one article whole, by id (as shown in search results)
    Show(ShowArgs),
    /// Show what the indexer would store for a file: entities with spans, date
    ///
    /// Reads any supported format (by extension); `-` reads plain text from stdin.
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
}

/// Arguments of `dateline extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article file, or `-` for plain text on stdin.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
    pub format: ShowFormat,
}

/// Arguments of `dateline index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Archive directory to index.
    pub dir: PathBuf,
    /// Start over: drop everything in the index first.
    #[arg(long)]
    pub rebuild: bool,
    /// Skip files larger than this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = 32)]
    pub max_file_size: u64,
    /// Leave out files matching this glob (archive-relative; a pattern without `/`
    /// matches any file or folder name). Repeatable. Example: --exclude '*-strings*.txt'
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Do not extract people, organizations and places from the text (metadata
    /// entities are still indexed). Faster.
    #[arg(long)]
    pub no_extract: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `dateline search`.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SearchArgs {
    /// Query, in tantivy's grammar with AND by default. Examples:
    ///   'iran al-qaida'            both words (in title or body)
    ///   '"nuclear deal" -trump'    a phrase, without trump
    ///   'iran OR iraq'             either word
    ///   'person:pompeo org:opec place:iran source:ap title:sanctions'
    ///   'date:2021'  'date:2021-01'  'date:[2020-06 TO 2021-02]'
    #[arg(verbatim_doc_comment)]
    pub query: String,
    /// Only articles dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_span)]
    pub since: Option<DateSpan>,
    /// Only articles dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_span)]
    pub until: Option<DateSpan>,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    pub sort: SortOrder,
    /// Number of hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits first (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Every hit, streamed, no limit.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Terminal)]
    pub format: OutputFormat,
}

/// Arguments of `dateline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, e.g. `ap/2021-01-12-pompeo-iran-al-qaida.txt` or `reut2-000.sgm#17`.
    pub id: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
    pub format: ShowFormat,
}

/// Formats of `dateline show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    /// Title, metadata lines, a blank line, the text.
    Terminal,
    /// One JSON object: the hit fields plus `body`.
    Json,
}

fn parse_span(s: &str) -> Result<DateSpan, String> {
    s.parse()
}
