//! Evaluates the built-in entity tagger on a CoNLL-2003-style file, or dateline's whole
//! extraction on raw text.
//!
//!     cargo run --release --bin ner-eval -- ../shared/data/conll2003/dev.txt
//!     cargo run --release --bin ner-eval -- --raw ../shared/data/conll2003/dev.txt
//!     cargo run --release --bin ner-eval -- --raw DIR      (NAME.txt + NAME.ann, brat)
//!
//! Prints precision, recall and F1 per type and overall (exact span match) and the
//! speed. The tagger alone is scored on the file's own tokens; `--raw` scores what
//! `dateline extract` finds in plain text (the CoNLL documents rebuilt as text, or a
//! standoff directory) by character spans: tokenization, recasing and the context rules
//! included. `--predictions OUT.jsonl` writes one JSON object per sentence (tagger mode).

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use dateline::extract::entities;
use dateline::extract::ner::eval::Scores;
use dateline::extract::ner::model::Model;
use dateline::extract::ner::tags::{spans, EntityType};
use dateline::extract::ner::{conll, features, raw, Tagger};

/// Evaluate the named-entity tagger.
#[derive(Debug, Parser)]
struct Args {
    /// CoNLL-2003-style file: word first, IOB1/IOB2 label last, -DOCSTART- between documents.
    file: PathBuf,
    /// Write predictions, one JSON object per sentence: {"entities":[{"start","end","label"}]}.
    #[arg(long, value_name = "OUT.jsonl")]
    predictions: Option<PathBuf>,
    /// Use this model file instead of the built-in one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Score dateline's extraction end to end on raw text: FILE is a CoNLL file (its
    /// documents rebuilt as plain text, one sentence per line) or a directory of
    /// NAME.txt + NAME.ann (brat standoff) files.
    #[arg(long)]
    raw: bool,
    /// With --raw and a CoNLL file: also write the rebuilt documents as standoff files
    /// into this directory.
    #[arg(long, value_name = "DIR", requires = "raw")]
    write_raw: Option<PathBuf>,
    /// With --raw: print every miss and false alarm of this type (PER, ORG or LOC),
    /// with what was found in its place, to see what to fix.
    #[arg(long, value_name = "TYPE", requires = "raw")]
    errors: Option<String>,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    let own;
    let tagger: &Tagger = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            own = Tagger::new(Model::from_bytes(&bytes, features::FEATURE_VERSION)?);
            &own
        }
        None => Tagger::embedded().map_err(|e| anyhow::anyhow!("built-in model: {e}"))?,
    };
    if args.raw {
        return run_raw(&args, tagger);
    }
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let docs = conll::parse(&text);
    let tokens: usize = docs.iter().flatten().map(|s| s.words.len()).sum();
    // Warm up the lexicon so its one-time parsing is not counted as tagging time.
    let _ = tagger.tag_document(&[vec!["Warm", "up"]]);
    let started = Instant::now();
    let predicted: Vec<Vec<Vec<usize>>> = docs
        .iter()
        .map(|doc| {
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            tagger.tag_document(&words)
        })
        .collect();
    let secs = started.elapsed().as_secs_f64();
    let mut scores = Scores::default();
    for (doc, tags) in docs.iter().zip(&predicted) {
        for (sentence, t) in doc.iter().zip(tags) {
            scores.add(&sentence.tags, t);
        }
    }
    print_scores(&scores, false);
    println!(
        "{tokens} tokens in {secs:.2}s: {:.0} tokens/s (one thread)",
        tokens as f64 / secs
    );
    if let Some(path) = args.predictions {
        let file =
            std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        for tags in predicted.iter().flatten() {
            let entities: Vec<serde_json::Value> = spans(tags)
                .into_iter()
                .map(|s| serde_json::json!({"start": s.start, "end": s.end, "label": s.kind.label()}))
                .collect();
            serde_json::to_writer(&mut out, &serde_json::json!({ "entities": entities }))?;
            writeln!(out)?;
        }
        out.flush()?;
    }
    Ok(())
}

/// The score table: per type, then overall.
fn print_scores(scores: &Scores, raw: bool) {
    println!(
        "{:<8} {:>9} {:>9} {:>9} {:>7}",
        "type", "precision", "recall", "F1", "gold"
    );
    for kind in EntityType::ALL {
        if raw && kind == EntityType::Misc {
            continue;
        }
        let c = scores.by_type.get(&kind).copied().unwrap_or_default();
        println!(
            "{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7}",
            kind.label(),
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp + c.fn_
        );
    }
    let o = scores.overall;
    println!(
        "{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7}",
        "overall",
        o.precision(),
        o.recall(),
        o.f1(),
        o.tp + o.fn_
    );
}

/// `--raw`: extraction as `dateline extract` runs it, on plain text, by character span.
fn run_raw(args: &Args, tagger: &Tagger) -> anyhow::Result<()> {
    let (docs, misc) = if args.file.is_dir() {
        let docs = raw::read_standoff(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?;
        let misc = vec![HashSet::new(); docs.len()];
        (docs, misc)
    } else {
        let text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?;
        let conll_docs = conll::parse(&text);
        (raw::from_conll(&conll_docs), raw::misc_spans(&conll_docs))
    };
    if let Some(dir) = &args.write_raw {
        raw::write_standoff(&docs, dir).with_context(|| format!("writing {}", dir.display()))?;
    }
    let aliases = &*dateline::extract::aliases::EMBEDDED;
    let _ = tagger.tag_document(&[vec!["Warm", "up"]]);
    let started = Instant::now();
    let mut scores = Scores::default();
    let mut chars = 0usize;
    for (doc, misc) in docs.iter().zip(&misc) {
        chars += doc.text.chars().count();
        let found = entities::extract(tagger, aliases, "", &doc.text);
        let predicted: Vec<raw::GoldSpan> = found
            .mentions
            .iter()
            .filter(|m| m.field == "body")
            .map(|m| raw::GoldSpan {
                kind: entities::tag_of_kind(m.kind),
                start: m.start,
                end: m.end,
            })
            .collect();
        raw::score(&doc.gold, &predicted, misc, &mut scores);
        if let Some(kind) = &args.errors {
            print_errors(&doc.text, &doc.gold, &predicted, misc, kind);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "end to end on raw text: {} documents, exact character spans (PER, ORG, LOC)",
        docs.len()
    );
    print_scores(&scores, true);
    println!(
        "{chars} characters in {secs:.2}s: {:.0} characters/s (one thread)",
        chars as f64 / secs
    );
    Ok(())
}

/// `--errors TYPE`: the document's misses and false alarms of one type.
fn print_errors(
    text: &str,
    gold: &[raw::GoldSpan],
    predicted: &[raw::GoldSpan],
    misc: &HashSet<(usize, usize)>,
    kind: &str,
) {
    let chars: Vec<char> = text.chars().collect();
    let show = |s: &raw::GoldSpan| -> String {
        let t: String = chars[s.start.min(chars.len())..s.end.min(chars.len())]
            .iter()
            .collect();
        format!("{} {:?}", s.kind.label(), t.replace('\n', " "))
    };
    let overlapping = |s: &raw::GoldSpan, others: &[raw::GoldSpan]| -> Vec<String> {
        others
            .iter()
            .filter(|o| o.start < s.end && s.start < o.end && *o != s)
            .map(show)
            .collect()
    };
    for g in gold.iter().filter(|g| g.kind.label() == kind) {
        if !predicted.contains(g) {
            println!("miss  {}  found: {:?}", show(g), overlapping(g, predicted));
        }
    }
    for p in predicted.iter().filter(|p| p.kind.label() == kind) {
        if !gold.contains(p) && !misc.contains(&(p.start, p.end)) {
            println!("false {}  gold: {:?}", show(p), overlapping(p, gold));
        }
    }
}
