//! Command-line definitions (clap derive). Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::choice::Choice;
use crate::export::engines::QuickwitVersion;
use crate::output::OutputFormat;
use crate::query::DateSpan;
use crate::search::facets::{facet_item, CountUnit, Interval};
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
#[command(
    name = "dateline",
    version = env!("DATELINE_VERSION"),
    about,
    long_about,
    verbatim_doc_comment
)]
pub struct Cli {
    /// Index directory.
    #[arg(
        long,
        global = true,
        env = "DATELINE_INDEX",
        default_value = ".dateline"
    )]
    pub index: PathBuf,

    /// Extra entity aliases: a TOML file of `[[entity]]` tables (name, type, aliases;
    /// see README, "Canonical names"); its entries override the built-in ones. Used when
    /// indexing, searching and extracting.
    #[arg(long, global = true, value_name = "FILE", env = "DATELINE_ALIASES")]
    pub aliases: Option<PathBuf>,

    /// When to colour output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE=1
    /// forces it, e.g. through `less -R`), always, or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// Parses a command line in which a flag may come twice, the later winning: the flags
/// of `dateline.toml` come first (see [`crate::config`]), the user's own after them.
pub fn parse_from(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let command = Cli::command()
        .args_override_self(true)
        .mut_subcommands(|sub| sub.args_override_self(true));
    let matches = command.try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
    /// Show what the indexer would store for files: entities with spans, date
    ///
    /// Reads any supported format (by extension), whole folders, or `-` (plain text
    /// from stdin). A file that cannot be read is named on stderr and skipped (exit 2).
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
    /// Who said what in files: each attribution's speaker, cue (with its stance:
    /// say, deny, accuse, criticize, reject, ...), content and whether it is quoted
    ///
    /// Reads any supported format (by extension), whole folders, or `-` (plain text
    /// from stdin). A file that cannot be read is named on stderr and skipped (exit 2).
    ///   dateline quotes bbc/politics -f jsonl > quotes.jsonl
    #[command(verbatim_doc_comment)]
    Quotes(ExtractArgs),
    /// List the people, organizations, places and sources in the index, by article count
    Entities(EntitiesArgs),
    /// Export every article: JSON Lines, or files to load into Quickwit or Elasticsearch
    ///
    ///   dateline export --format jsonl > articles.jsonl
    ///   dateline export --to quickwit out/      (index-config.yaml + docs.ndjson)
    ///   dateline export --to elasticsearch out/ (mapping.json + bulk-NNNN.ndjson)
    #[command(verbatim_doc_comment)]
    Export(ExportArgs),
    /// Save, list and re-run named queries (stored beside the index)
    Saved(SavedArgs),
    /// Verify the index: every file's checksum and every stored article (exit 2 if damaged)
    Check,
    /// What the index holds: articles by file type, dated share and date range, sources,
    /// distinct entity names, curation rules, size
    Stats {
        #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
        format: ShowFormat,
    },
    /// Run many queries from a file: TOML (saved-query format), CSV (name,query) or one per line
    Batch(BatchArgs),
    /// Wire copies: the archive's duplicate rate and its largest stories (reprints,
    /// cut-down, updated and edited versions of one story)
    Dups {
        /// Stories listed, largest first.
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
        format: ShowFormat,
    },
    /// Browse and search the index in a web browser (a local page; read-only by default)
    ///
    ///   dateline serve --open          http://127.0.0.1:7700/ in your browser
    ///   dateline serve --bind 127.0.0.1:8080
    /// The same queries, facets and histogram as `search`; `/api/search?q=...` answers
    /// in the shapes of `--format json`.
    #[command(verbatim_doc_comment)]
    Serve(ServeArgs),
    /// Print a shell completion script, e.g.
    ///   dateline completions bash > ~/.local/share/bash-completion/completions/dateline
    ///   dateline completions zsh > ~/.zfunc/_dateline
    ///   dateline completions fish > ~/.config/fish/completions/dateline.fish
    #[command(verbatim_doc_comment)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. dateline man | man -l -   or   dateline man search | man -l -
    Man {
        /// A subcommand's own page (its every option), e.g. `search`.
        subcommand: Option<String>,
    },
}

/// Arguments of `dateline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0: any free port, printed at start).
    /// Only loopback addresses unless --allow-remote.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7700")]
    pub bind: std::net::SocketAddr,
    /// Allow a --bind address other than loopback: anyone who can reach it can read
    /// the whole archive (there is no login).
    #[arg(long)]
    pub allow_remote: bool,
    /// Open the search page in the default browser once the server listens.
    #[arg(long)]
    pub open: bool,
    /// Let the page add and remove saved queries (each form carries a token, so
    /// another site cannot do it in your name). Without it the server never writes.
    #[arg(long)]
    pub allow_saved_edits: bool,
}

/// Arguments of `dateline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write engine files into OUT for this engine.
    #[arg(long, value_enum, requires = "out")]
    pub to: Option<ExportEngine>,
    /// Plain export format (without --to).
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Output directory (with --to) or file (default: stdout).
    pub out: Option<PathBuf>,
    /// Index name inside the engine.
    #[arg(long, default_value = "dateline")]
    pub name: String,
    /// The Quickwit release the index config is for (with --to quickwit).
    #[arg(long, value_name = "VERSION", value_parser = choice::<QuickwitVersion>(), default_value_t = QuickwitVersion::V0_9)]
    pub quickwit_version: QuickwitVersion,
    /// Replace an earlier export in OUT (only the files it wrote are removed).
    #[arg(long)]
    pub force: bool,
    /// Export only the articles matching this query (the search language), e.g.
    /// --query 'org:opec date:1987-03': a result set with its full text.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
}

/// Engines `dateline export --to` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportEngine {
    Quickwit,
    Elasticsearch,
}

/// Plain export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per article per line.
    Jsonl,
}

/// Arguments of `dateline entities`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EntitiesArgs {
    /// Correct the entity lists (kept in dateline-curation.toml beside the index).
    #[command(subcommand)]
    pub curate: Option<CurateCommand>,
    /// List the names most likely to be junk, each with the reason and a fix.
    #[arg(long)]
    pub suspicious: bool,
    /// Only this kind (default: people, orgs and places).
    #[arg(long = "type", value_enum)]
    pub kind: Option<EntityKindArg>,
    /// Count only in articles matching this query, e.g. --query 'opec date:1987-03'
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Entities listed per kind.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
    pub format: ShowFormat,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// `dateline entities merge|rename|retype|drop|rules`: curation that takes effect at
/// once in search, filters, facets and `entities`, without re-indexing, and stays
/// through later `index` runs (including `--rebuild`).
#[derive(Debug, Subcommand)]
pub enum CurateCommand {
    /// Merge names into one, e.g.
    ///   dateline entities merge --type person Baker 'Jim Baker' --into 'James Baker'
    #[command(verbatim_doc_comment)]
    Merge {
        #[arg(long = "type", value_enum)]
        kind: CuratedKind,
        /// The names to merge away.
        #[arg(required = true)]
        names: Vec<String>,
        /// The name they become (may already exist).
        #[arg(long)]
        into: String,
    },
    /// Rename a name, e.g. dateline entities rename --type org "Brown and Sons" "Alex. Brown and Sons"
    Rename {
        #[arg(long = "type", value_enum)]
        kind: CuratedKind,
        name: String,
        new_name: String,
    },
    /// Move a name to another kind, e.g. dateline entities retype --type person Chrysler --to org
    Retype {
        #[arg(long = "type", value_enum)]
        kind: CuratedKind,
        name: String,
        #[arg(long, value_enum)]
        to: CuratedKind,
    },
    /// Remove names from every article, e.g. dateline entities drop --type person Tory
    Drop {
        #[arg(long = "type", value_enum)]
        kind: CuratedKind,
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Print the curation rules in force.
    Rules,
}

/// The entity kinds curation works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CuratedKind {
    Person,
    Org,
    Place,
}

impl CuratedKind {
    /// The extractor's kind.
    pub fn kind(self) -> crate::entity::EntityKind {
        use crate::entity::EntityKind;
        match self {
            CuratedKind::Person => EntityKind::Person,
            CuratedKind::Org => EntityKind::Org,
            CuratedKind::Place => EntityKind::Place,
        }
    }
}

/// Entity kinds for `dateline entities --type`: the entity kinds plus `source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntityKindArg {
    Person,
    Org,
    Place,
    Source,
}

impl EntityKindArg {
    /// The entity kind meant (none for `source`).
    pub fn entity(self) -> Option<crate::entity::EntityKind> {
        use crate::entity::EntityKind;
        match self {
            EntityKindArg::Person => Some(EntityKind::Person),
            EntityKindArg::Org => Some(EntityKind::Org),
            EntityKindArg::Place => Some(EntityKind::Place),
            EntityKindArg::Source => None,
        }
    }

    /// The facet that lists it.
    pub fn facet(self) -> crate::search::facets::FacetKind {
        use crate::search::facets::FacetKind;
        self.entity().map_or(FacetKind::Source, FacetKind::from)
    }
}

/// Arguments of `dateline saved`.
#[derive(Debug, Args)]
pub struct SavedArgs {
    #[command(subcommand)]
    pub command: SavedCommand,
}

/// The `saved` subcommands.
#[derive(Debug, Subcommand)]
pub enum SavedCommand {
    /// Save a query with its search flags, e.g.
    ///   dateline saved add iran-aq 'org:al-qaida AND place:iran' --sort date -f jsonl
    #[command(verbatim_doc_comment)]
    Add {
        /// Name: letters, digits, `-`, `_`, `.` (at most 64).
        name: String,
        /// Query text, as for `dateline search`.
        query: String,
        // Boxed: the search flags outweigh every other variant together.
        #[command(flatten)]
        options: Box<SearchOptions>,
        /// Replace an existing query of that name.
        #[arg(long)]
        force: bool,
    },
    /// List saved queries
    List {
        #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
        format: ShowFormat,
    },
    /// Show one saved query
    Show {
        name: String,
        #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
        format: ShowFormat,
    },
    /// Delete a saved query
    Rm { name: String },
    /// Rename a saved query
    Rename {
        old: String,
        new: String,
        /// Replace a query that already has the new name.
        #[arg(long)]
        force: bool,
    },
    /// Run a saved query (or all of them); records the run when its output is written
    Run {
        /// Name of the query to run.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        name: Option<String>,
        /// Run every saved query.
        #[arg(long)]
        all: bool,
        /// Only articles added or changed in the index since this query last ran.
        #[arg(long)]
        new: bool,
        /// Output format (default: the one saved with the query).
        #[arg(long, short = 'f', value_parser = choice::<OutputFormat>())]
        format: Option<OutputFormat>,
        #[command(flatten)]
        engine: EngineArgs,
    },
}

/// Arguments of `dateline batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Batch file: .toml (saved-query format), .csv (name,query columns), else one query per line.
    pub file: PathBuf,
    /// Write each query's hits to DIR/NAME.jsonl (or .json/.csv/.txt) instead of stdout.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Output format for every query (default: JSON Lines, or each TOML entry's own).
    #[arg(long, short = 'f', value_parser = choice::<OutputFormat>())]
    pub format: Option<OutputFormat>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Arguments of `dateline extract` and `dateline quotes`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders (a folder is walked as `index` walks an archive), or
    /// `-` for plain text on stdin.
    #[arg(required = true, num_args = 1.., value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: `json` is one document for the whole run, `jsonl` one article per
    /// line as each file is read (for folders and pipes).
    #[arg(long, short = 'f', value_enum, default_value_t = FileFormat::Terminal)]
    pub format: FileFormat,
}

/// Formats of `dateline extract` and `dateline quotes`, which read files rather than
/// the index and so can stream a folder article by article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FileFormat {
    /// Text for a person to read.
    Terminal,
    /// One JSON document, `{"articles": [...]}` (shapes in the README).
    Json,
    /// One JSON object per article and line, written as each file is read.
    Jsonl,
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
    #[arg(long, value_name = "MIB", default_value_t = crate::corpus::MAX_FILE_MIB)]
    pub max_file_size: u64,
    /// Leave out files matching this glob (archive-relative; a pattern without `/`
    /// matches any file or folder name). Repeatable. Example: --exclude '*-strings*.txt'
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Do not extract people, organizations and places from the text (metadata
    /// entities are still indexed). Faster.
    #[arg(long)]
    pub no_extract: bool,
    /// Do not link names across the archive after indexing (a lone `Baker` to James
    /// Baker, a `Chrysler` listed as a person to the org; see dateline-links.toml in
    /// the index directory). Your own `entities` curation always applies.
    #[arg(long)]
    pub no_link: bool,
    /// Do not look for wire copies (reprints, cut-down, updated or edited versions of
    /// one story). Searches then show every copy, and `dups` finds none.
    #[arg(long)]
    pub no_stories: bool,
    /// Commit (make searchable, and safe from a crash) after every N articles. Lower
    /// means less work redone after an interruption; higher means fewer segments.
    #[arg(long, value_name = "N", default_value_t = crate::ingest::COMMIT_EVERY as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_every: u64,
    /// Dates you supply: a CSV file of `path,date` rows (archive-relative paths as ids
    /// show them, or an id with `#N` for one record of a multi-article file; dates as
    /// YYYY-MM-DD, optionally with a time). They win over every other date.
    #[arg(long, value_name = "FILE.csv")]
    pub dates: Option<PathBuf>,
    /// Read dates from paths with this pattern: {yyyy} or {yy}, {mm} or {mon}, {dd},
    /// `*` (within a folder or name), `**` (anything). Example: --date-from-path
    /// '{yyyy}/{mm}/{dd}' dates news/2005/03/01/story.txt. Used after file metadata.
    #[arg(long, value_name = "PATTERN", value_parser = check_path_pattern)]
    pub date_from_path: Option<String>,
    /// Date for articles that nothing else dates (YYYY-MM-DD), e.g. a folder of one
    /// day's clippings. Such articles show `from default`.
    #[arg(long, value_name = "DATE", value_parser = check_day)]
    pub default_date: Option<String>,
    /// Years the archive covers (2005 or 2004-2005): a dateline without a year
    /// (`Tuesday, 1 March`) is dated when exactly one of them fits its weekday.
    /// Without it, the years of the articles already in the index are used.
    #[arg(long, value_name = "YEARS", value_parser = crate::extract::user_dates::parse_years)]
    pub years: Option<std::ops::RangeInclusive<i32>>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

fn check_path_pattern(s: &str) -> Result<String, String> {
    s.parse::<crate::extract::user_dates::PathPattern>()
        .map(|_| s.to_string())
}

fn check_day(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|_| s.to_string())
        .map_err(|_| format!("`{s}` is not a day (use YYYY-MM-DD)"))
}

/// Arguments of `dateline search`.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SearchArgs {
    /// Query, with AND by default (several arguments are joined by spaces). Examples:
    ///   'iran al-qaida'            both words (in title or body)
    ///   '"nuclear deal" -trump'    a phrase, without trump
    ///   'iran OR iraq'             either word
    ///   'person:pompeo org:opec place:iran source:ap title:sanctions'
    ///   'date:2021'  'date:2021-01'  'date:[2020-06 TO 2021-02]'
    ///   'NEAR/20(iran deny org:al-qaida)'  'SENTENCE(deny (doping OR drugs))'
    #[arg(verbatim_doc_comment, required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub options: SearchOptions,
    /// Show how the query was rewritten, the hits of each clause, and why parts of it
    /// may match nothing, instead of the hits.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Where searches run: the local index, or another engine holding its export.
#[derive(Debug, Clone, Default, Args)]
pub struct EngineArgs {
    /// Run on another engine instead of the local index: `--engine quickwit
    /// http://127.0.0.1:7280[/INDEX]` searches a Quickwit index loaded from `dateline
    /// export --to quickwit` (INDEX defaults to `dateline`; or set DATELINE_ENGINE="quickwit
    /// URL"). Same query language, aliases, filters, facets and output; what Quickwit
    /// cannot answer the same way (NEAR, SENTENCE, SAID, fuzzy words, --count stories,
    /// --new) is refused.
    #[arg(long, num_args = 2, value_names = ["ENGINE", "URL"])]
    pub engine: Vec<String>,
}

/// How to run and print a search: shared by `search`, `saved add`, batch files and
/// the web page. Saved queries and batch files store it as `saved::StoredOptions`.
#[derive(Debug, Clone, Args, PartialEq)]
pub struct SearchOptions {
    /// Only articles dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = check_span)]
    pub since: Option<String>,
    /// Only articles dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = check_span)]
    pub until: Option<String>,
    /// Order of hits.
    #[arg(long, value_parser = choice::<SortOrder>(), default_value_t = SortOrder::Relevance)]
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
    #[arg(long, short = 'f', value_parser = choice::<OutputFormat>(), default_value_t = OutputFormat::Terminal)]
    pub format: OutputFormat,
    /// Fields of each hit in json, jsonl and csv output (csv columns in this order), e.g.
    /// --fields id,date,title,body (`body` is the whole text, not in hits otherwise).
    /// Fields: id, path, title, date, time, time_zone, date_source, source, url, people,
    /// orgs, places, indexed_at, story, copies, score, snippet, highlights, body.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = crate::output::fields::check)]
    pub fields: Vec<String>,
    /// Only articles naming this person (repeatable; alias-resolved), e.g. --person pompeo
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles naming this organization (repeatable; alias-resolved)
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,
    /// Only articles naming this place (repeatable; alias-resolved)
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// Only articles from this source (repeatable)
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Count the most frequent values over all hits: people,orgs,places,source,date or
    /// all. `date:FROM..TO` draws the histogram over that window (e.g.
    /// date:1987-03..1987-06; either end may be left open), empty ends included.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = check_facet)]
    pub facets: Vec<String>,
    /// Values shown per facet.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub facet_size: usize,
    /// Date histogram buckets.
    #[arg(long, value_parser = choice::<Interval>(), default_value_t = Interval::Auto)]
    pub interval: Interval,
    /// Draw the date histogram as the hits' share of all articles in each bucket (how
    /// much of the coverage a story got), not as counts.
    #[arg(long)]
    pub share: bool,
    /// What facet values and histogram bars count: `articles` (the default, every
    /// matching article, wire copies included, as `entities` and `stats` count) or
    /// `stories` (a story filed as five copies counts once; in the histogram on the
    /// day it first appeared).
    #[arg(long, value_parser = choice::<CountUnit>(), default_value_t = CountUnit::Articles)]
    pub count: CountUnit,
    /// List every copy of a story as its own hit. By default wire copies (reprints,
    /// cut-down, updated or edited versions) are folded into the story's best hit,
    /// marked `(+N copies)`, and counts, paging and --offset are over stories.
    #[arg(long, visible_alias = "no-collapse")]
    pub copies: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            since: None,
            until: None,
            sort: SortOrder::Relevance,
            limit: 10,
            offset: 0,
            all: false,
            format: OutputFormat::Terminal,
            fields: Vec::new(),
            person: Vec::new(),
            org: Vec::new(),
            place: Vec::new(),
            source: Vec::new(),
            facets: Vec::new(),
            facet_size: 10,
            interval: Interval::Auto,
            share: false,
            count: CountUnit::Articles,
            copies: false,
        }
    }
}

/// Arguments of `dateline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, e.g. `ap/2021-01-12-pompeo-iran-al-qaida.txt` or `reut2-000.sgm#17`.
    pub id: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Terminal)]
    pub format: ShowFormat,
    /// Also list every copy of the article's story: date, source, id, title and how
    /// its paragraphs differ from this article's.
    #[arg(long)]
    pub copies: bool,
}

/// Formats of `dateline show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    /// Text for a person to read.
    Terminal,
    /// JSON for scripts (shapes in the README).
    Json,
}

/// Checks one `--facets` item (the web page's `facets` parameter is checked the same
/// way, by [`facet_item`]).
pub fn check_facet(s: &str) -> Result<String, String> {
    facet_item(s).map(|_| s.to_string())
}

/// The command line's reader for a domain [`Choice`]: clap lists the names and their
/// help, while the domain enum itself stays free of clap.
fn choice<T: Choice + Clone + Send + Sync>() -> impl TypedValueParser<Value = T> {
    let values = T::ALL
        .iter()
        .map(|value| PossibleValue::new(value.name()).help(value.help()));
    PossibleValuesParser::new(values).try_map(|name: String| {
        T::from_name(&name).ok_or_else(|| format!("`{name}` {}", T::expected()))
    })
}

fn check_span(s: &str) -> Result<String, String> {
    s.parse::<DateSpan>().map(|_| s.to_string())
}
