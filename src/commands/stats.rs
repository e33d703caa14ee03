//! `dateline stats`: what the index holds, at a glance: the first thing to check
//! before trusting a count or a timeline drawn from it.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::ShowFormat;
use crate::curation::Overlay;
use crate::extract::aliases::Aliases;
use crate::index::coverage::{date_coverage, DateCoverage};
use crate::index::manifest::StrValues;
use crate::index::DatelineIndex;
use crate::output::printable::printable;
use crate::search::{self, facets::FacetKind, facets::FacetRequest};

/// Everything `stats` reports.
#[derive(Debug, Serialize)]
struct Stats {
    index: String,
    archive: String,
    articles: u64,
    /// Articles by the extension of their file (`.sgm`, `.txt`, ...).
    formats: BTreeMap<String, u64>,
    dates: DateCoverage,
    /// Distinct sources, and the most frequent ones.
    sources: usize,
    top_sources: Vec<(String, u64)>,
    /// Distinct canonical names per kind.
    people: usize,
    orgs: usize,
    places: usize,
    curation_rules: usize,
    /// Bytes of the index directory's files.
    index_bytes: u64,
}

/// Runs `dateline stats` on the index at `index_path`.
pub fn run(index_path: &Path, format: ShowFormat, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let searcher = index.searcher()?;
    let mut formats: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let paths = StrValues::read(segment, "path")?;
        for doc in segment.doc_ids_alive() {
            let path = paths.first(doc).unwrap_or_default();
            let ext = Path::new(path)
                .extension()
                .map_or("(none)".to_string(), |e| {
                    format!(".{}", e.to_string_lossy())
                });
            *formats.entry(ext).or_default() += 1;
        }
    }
    let request = FacetRequest {
        kinds: vec![
            FacetKind::People,
            FacetKind::Orgs,
            FacetKind::Places,
            FacetKind::Source,
        ],
        size: 10_000_000,
        ..Default::default()
    };
    let (_, facets) = search::facets_only(&index, None, &request, aliases)?;
    let distinct = |kind: FacetKind| facets.terms.get(kind.name()).map_or(0, Vec::len);
    let top_sources = facets
        .terms
        .get(FacetKind::Source.name())
        .map(|v| {
            v.iter()
                .take(5)
                .map(|f| (f.value.clone(), f.count))
                .collect()
        })
        .unwrap_or_default();
    let index_bytes = std::fs::read_dir(index_path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    let stats = Stats {
        index: index_path.display().to_string(),
        archive: index.meta.archive.display().to_string(),
        articles: searcher.num_docs(),
        formats,
        dates: date_coverage(&searcher, &index.fields)?,
        sources: distinct(FacetKind::Source),
        top_sources,
        people: distinct(FacetKind::People),
        orgs: distinct(FacetKind::Orgs),
        places: distinct(FacetKind::Places),
        curation_rules: Overlay::load(index_path)?.len(),
        index_bytes,
    };
    let mut out = io::stdout().lock();
    match format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        }
        ShowFormat::Terminal => write_terminal(&mut out, &stats)?,
    }
    Ok(if stats.articles > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_terminal(out: &mut dyn Write, s: &Stats) -> io::Result<()> {
    let share = |n: u64| {
        if s.articles == 0 {
            0.0
        } else {
            n as f64 * 100.0 / s.articles as f64
        }
    };
    writeln!(out, "index     {}", printable(&s.index))?;
    writeln!(out, "archive   {}", printable(&s.archive))?;
    writeln!(out, "articles  {}", s.articles)?;
    let formats: Vec<String> = s.formats.iter().map(|(f, n)| format!("{n} {f}")).collect();
    writeln!(out, "files     {}", printable(&formats.join(", ")))?;
    let d = &s.dates;
    writeln!(
        out,
        "dates     {} dated ({:.1}%; {} from the text), {} undated{}",
        d.dated,
        share(d.dated),
        d.from_text,
        d.undated,
        d.range_suffix()
    )?;
    let top: Vec<String> = s
        .top_sources
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    let top = if top.is_empty() {
        String::new()
    } else {
        format!(" (top: {})", top.join(", "))
    };
    writeln!(out, "sources   {}{}", s.sources, printable(&top))?;
    writeln!(
        out,
        "entities  {} people, {} orgs, {} places (distinct names); {} curation rules",
        s.people, s.orgs, s.places, s.curation_rules
    )?;
    writeln!(out, "size      {:.1} MB", s.index_bytes as f64 / 1e6)
}
