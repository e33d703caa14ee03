//! `dateline dups`: how much of the archive is copies, and the largest stories, so a
//! user knows how far raw article counts overstate the news.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use tantivy::TantivyDocument;

use crate::cli::ShowFormat;
use crate::index::document::from_document;
use crate::index::DatelineIndex;
use crate::output::printable::printable;
use crate::stories::label_text;
use crate::stories::members::Census;
use crate::Error;

/// Members listed per story in the terminal (JSON lists all of the shown stories').
const MEMBERS_SHOWN: usize = 5;

/// What `dups` reports.
#[derive(Debug, Serialize)]
struct Report {
    articles: usize,
    stories: usize,
    /// Articles that copy an earlier one (all but one per story).
    copies: usize,
    /// `copies / articles`.
    duplicate_rate: f64,
    stories_with_copies: usize,
    /// Articles indexed with `--no-stories` (never grouped).
    unlabelled: usize,
    largest: Vec<Story>,
}

#[derive(Debug, Serialize)]
struct Story {
    story: String,
    articles: usize,
    members: Vec<Member>,
}

#[derive(Debug, Serialize)]
struct Member {
    id: String,
    date: Option<String>,
    source: Option<String>,
    title: String,
}

/// Runs `dateline dups` on the index at `index_path`, listing the `limit` largest
/// stories.
pub fn run(index_path: &Path, limit: usize, format: ShowFormat) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let searcher = index.searcher()?;
    let census = Census::read(&searcher)?;
    let with_copies = census.with_copies();
    let mut largest = Vec::new();
    for (label, addresses) in with_copies.iter().take(limit) {
        let mut members = Vec::new();
        for address in addresses.iter() {
            let doc: TantivyDocument = searcher
                .doc(*address)
                .map_err(Error::tantivy("reading a stored article"))?;
            let a = from_document(&index.fields, &doc);
            members.push(Member {
                id: a.id,
                date: a.date,
                source: a.source,
                title: a.title,
            });
        }
        members.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id))
        });
        largest.push(Story {
            story: label_text(*label),
            articles: addresses.len(),
            members,
        });
    }
    let copies = census.copies();
    let report = Report {
        articles: census.articles,
        stories: census.stories.len() + census.unlabelled,
        copies,
        duplicate_rate: copies as f64 / census.articles.max(1) as f64,
        stories_with_copies: with_copies.len(),
        unlabelled: census.unlabelled,
        largest,
    };
    let mut out = io::stdout().lock();
    match format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        ShowFormat::Terminal => write_report(&mut out, &report)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_report(out: &mut impl Write, r: &Report) -> io::Result<()> {
    writeln!(
        out,
        "{} articles in {} stories: {} are copies of another article ({:.1}%), in {} stories with copies",
        r.articles,
        r.stories,
        r.copies,
        100.0 * r.duplicate_rate,
        r.stories_with_copies
    )?;
    if r.unlabelled > 0 {
        writeln!(
            out,
            "{} articles were indexed with --no-stories and are not grouped",
            r.unlabelled
        )?;
    }
    for (rank, story) in r.largest.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{:>3}. {} articles  story {}",
            rank + 1,
            story.articles,
            story.story
        )?;
        for m in story.members.iter().take(MEMBERS_SHOWN) {
            let date = m.date.as_deref().unwrap_or("undated");
            writeln!(
                out,
                "     {date}  {}  {}",
                printable(&m.id),
                printable(&m.title)
            )?;
        }
        if story.members.len() > MEMBERS_SHOWN {
            writeln!(
                out,
                "     … and {} more (dateline show {} --copies)",
                story.members.len() - MEMBERS_SHOWN,
                printable(&story.members[0].id)
            )?;
        }
    }
    if r.largest.is_empty() {
        writeln!(out, "no story has copies")?;
    }
    Ok(())
}
