//! Trains the entity tagger on CoNLL-2003 and rewrites `index_schema/ner/model.bin`.
//!
//!     cargo run --release --bin ner-train
//!
//! Deterministic: the same data and options give the same file byte for byte. The
//! best epoch on the dev file is kept.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use dateline::extract::ner::{conll, train};

/// Train the named-entity tagger.
#[derive(Debug, Parser)]
struct Args {
    /// Labelled training data (CoNLL-2003 format).
    #[arg(long, default_value = "../shared/data/conll2003/train.txt")]
    train: PathBuf,
    /// Labelled data used to pick the best epoch.
    #[arg(long, default_value = "../shared/data/conll2003/dev.txt")]
    dev: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = train::TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the order documents are visited in (the perceptron depends on it).
    #[arg(long, default_value_t = train::TrainOptions::default().seed)]
    seed: u64,
    /// Where to write the model.
    #[arg(long, default_value = "index_schema/ner/model.bin")]
    out: PathBuf,
    /// Do not train: read this model file (any supported format) and write it to
    /// --out in the current format, weights unchanged (how format 1's text entries
    /// became hashes).
    #[arg(long, value_name = "MODEL")]
    resave: Option<PathBuf>,
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
    if let Some(old) = &args.resave {
        let bytes = std::fs::read(old).with_context(|| format!("reading {}", old.display()))?;
        let model = dateline::extract::ner::model::Model::from_bytes(
            &bytes,
            dateline::extract::ner::features::FEATURE_VERSION,
        )?;
        let out = model.to_bytes();
        std::fs::write(&args.out, &out)
            .with_context(|| format!("writing {}", args.out.display()))?;
        eprintln!(
            "re-saved {} as {} ({:.1} MB, {} features)",
            old.display(),
            args.out.display(),
            out.len() as f64 / 1e6,
            model.weights.len()
        );
        return Ok(());
    }
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))
    };
    let train_docs = conll::parse(&read(&args.train)?);
    let dev_docs = conll::parse(&read(&args.dev)?);
    eprintln!(
        "training on {} documents ({} sentences), tuning on {} documents",
        train_docs.len(),
        train_docs.iter().map(Vec::len).sum::<usize>(),
        dev_docs.len()
    );
    let options = train::TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        ..train::TrainOptions::default()
    };
    let started = std::time::Instant::now();
    let model = train::train(&train_docs, Some(&dev_docs), &options, |line| {
        eprintln!("{line}");
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB, {} features) in {:.0}s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.weights.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
