//! Evaluates the built-in entity tagger on a CoNLL-2003-style file.
//!
//!     cargo run --release --bin ner-eval -- ../shared/data/conll2003/dev.txt
//!
//! Prints precision, recall and F1 per type and overall (exact span match) and the
//! tagging speed; `--predictions OUT.jsonl` writes one JSON object per sentence.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use dateline::extract::ner::eval::Scores;
use dateline::extract::ner::model::Model;
use dateline::extract::ner::tags::{spans, EntityType};
use dateline::extract::ner::{conll, features, Tagger};

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
    println!(
        "{:<8} {:>9} {:>9} {:>9} {:>7}",
        "type", "precision", "recall", "F1", "gold"
    );
    for kind in EntityType::ALL {
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
