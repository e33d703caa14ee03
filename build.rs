//! Flattens `index_schema/aliases.toml` into `OUT_DIR/aliases.tsv` (one entity per
//! line: type, name, aliases, tab-separated) so the binary reads its embedded alias
//! table without a TOML parser: every `dateline search` loads it, and parsing TOML
//! dominated short queries. A malformed table fails the build, not a user's run.
//!
//! Also builds the tagger's lexicon tables (gazetteers with the alias names and the
//! embedded model's training names, word clusters, word frequencies) as
//! `OUT_DIR/*.table` (see `src/extract/ner/frozen.rs`), so no run parses word lists.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The tagger's hashing, the embedded table format and the tokenizer, compiled here as
// well so that what build.rs writes is what the binary reads.
#[allow(dead_code)]
#[path = "src/extract/ner/hash.rs"]
mod hash;

#[path = "src/extract/ner/frozen.rs"]
mod frozen;

#[allow(dead_code)]
#[path = "src/extract/tokenize.rs"]
mod tokenize;

#[derive(serde::Deserialize)]
struct AliasFile {
    #[serde(default, rename = "entity")]
    entities: Vec<Entity>,
}

#[derive(serde::Deserialize)]
struct Entity {
    #[serde(rename = "type")]
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

fn out_dir() -> PathBuf {
    PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
}

fn main() {
    embed_version();
    let source = Path::new("index_schema/aliases.toml");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let file: AliasFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{} is invalid: {e}", source.display()));
    embed_lexicon(&file.entities);
    let mut flat = String::new();
    for entity in file.entities {
        let fields = [&entity.kind, &entity.name]
            .into_iter()
            .chain(entity.aliases.iter());
        let mut line = Vec::new();
        for field in fields {
            assert!(
                !field.contains(['\t', '\n', '\r']),
                "{}: {:?} contains a tab or line break",
                source.display(),
                field
            );
            line.push(field.as_str());
        }
        let _ = writeln!(flat, "{}", line.join("\t"));
    }
    let out = out_dir().join("aliases.tsv");
    std::fs::write(&out, flat).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// `dateline --version` names the commit it was built from (`0.1.0 (abc1234)`), so a
/// bug report says exactly which build; `(unknown commit)` outside a git checkout.
fn embed_version() {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "unknown commit".to_string());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rustc-env=DATELINE_VERSION={version} ({commit})");
    for path in [".git/HEAD", ".git/refs/heads"] {
        if Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// Reads a data file of the lexicon, telling cargo to rebuild when it changes.
fn read_data(path: &str) -> Vec<u8> {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn text(path: &str) -> String {
    String::from_utf8(read_data(path)).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}"))
}

fn write_table(name: &str, width: usize, entries: HashMap<u64, Vec<u8>>) {
    let out = out_dir().join(name);
    let bytes = frozen::freeze(width, entries.into_iter().collect());
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The tagger's lexicon as `gazetteer.table`, `clusters.table` and `zipf.table`.
fn embed_lexicon(aliases: &[Entity]) {
    use frozen::bits;
    let mut gazetteer: HashMap<u64, u16> = HashMap::new();
    let mut add = |entry: &str, bit: u16| {
        frozen::add_entry(&mut gazetteer, entry, bit);
    };
    for (path, bit) in [
        ("index_schema/ner/gazetteers/loc.txt", bits::LOC),
        (
            "index_schema/ner/gazetteers/per_first.txt",
            bits::FIRST_NAME,
        ),
        ("index_schema/ner/gazetteers/per_title.txt", bits::TITLE),
        (
            "index_schema/ner/gazetteers/org_suffix.txt",
            bits::ORG_SUFFIX,
        ),
    ] {
        for line in text(path).lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                add(line, bit);
            }
        }
    }
    for entity in aliases {
        let bit = match entity.kind.as_str() {
            "person" => bits::ALIAS_PERSON,
            "org" => bits::ALIAS_ORG,
            "place" => bits::ALIAS_PLACE,
            _ => continue,
        };
        for name in std::iter::once(&entity.name).chain(entity.aliases.iter()) {
            // Reuters codes like `west-germany` are aliases too; only names with a
            // capital letter are written forms worth matching in text.
            if name.chars().any(char::is_uppercase) {
                let tokens: Vec<&str> = tokenize::tokenize(name)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                add(&tokens.join(" "), bit);
            }
        }
    }
    // The embedded model's training names, merged as `Gazetteer::merged` does.
    for (sequence, value) in training_names(&read_data("index_schema/ner/model.bin")) {
        *gazetteer.entry(sequence).or_default() |= value;
    }
    let gazetteer = gazetteer
        .into_iter()
        .map(|(k, v)| (k, v.to_le_bytes().to_vec()))
        .collect();
    write_table("gazetteer.table", 2, gazetteer);

    let mut clusters = HashMap::new();
    for line in text("index_schema/ner/clusters.tsv").lines() {
        let mut cols = line.split('\t');
        let Some(word) = cols.next() else { continue };
        let ids: Vec<u16> = cols.filter_map(|c| c.trim().parse().ok()).collect();
        if ids.len() == 3 {
            let value = ids.iter().flat_map(|id| id.to_le_bytes()).collect();
            clusters.insert(hash::hash_str(frozen::CLUSTER_SEED, word), value);
        }
    }
    write_table("clusters.table", 6, clusters);

    let mut zipf = HashMap::new();
    for line in text("index_schema/ner/gazetteers/common_words.tsv").lines() {
        let mut cols = line.split('\t');
        if let (Some(word), Some(freq)) = (cols.next(), cols.next()) {
            if let Ok(f) = freq.trim().parse::<f32>() {
                let tenths = (f.clamp(1.0, 8.0) * 10.0) as u8;
                zipf.insert(hash::hash_str(frozen::WORD_SEED, word), vec![tenths]);
            }
        }
    }
    write_table("zipf.table", 1, zipf);
}

/// The training-data gazetteer stored at the end of `model.bin` (format 2, see
/// `Model::to_bytes`): `(sequence hash, bits)` pairs.
fn training_names(model: &[u8]) -> Vec<(u64, u16)> {
    // Tags per weight row (`tags::NUM_TAGS`); a wrong value fails the length check below.
    const NUM_TAGS: usize = 9;
    let bytes = |at: usize, n: usize| -> &[u8] {
        model
            .get(at..at + n)
            .unwrap_or_else(|| panic!("index_schema/ner/model.bin is truncated at byte {at}"))
    };
    let u32_at = |at: usize| u32::from_le_bytes(bytes(at, 4).try_into().expect("4 bytes")) as usize;
    assert!(
        bytes(0, 6) == b"DLNER\0",
        "index_schema/ner/model.bin is not a model"
    );
    let format = u16::from_le_bytes(bytes(6, 2).try_into().expect("2 bytes"));
    assert!(
        format == 2,
        "index_schema/ner/model.bin has format {format}; build.rs reads format 2 (retrain it)"
    );
    let weights = u32_at(12);
    let mut at = 20 + weights * (8 + 2 * NUM_TAGS) + (NUM_TAGS * NUM_TAGS + NUM_TAGS) * 4;
    let entries = u32_at(at);
    at += 4;
    let names = (0..entries)
        .map(|i| {
            let entry = bytes(at + i * 10, 10);
            let sequence = u64::from_le_bytes(entry[..8].try_into().expect("8 bytes"));
            (sequence, u16::from_le_bytes([entry[8], entry[9]]))
        })
        .collect();
    assert_eq!(
        at + entries * 10,
        model.len(),
        "index_schema/ner/model.bin: unexpected length"
    );
    names
}
