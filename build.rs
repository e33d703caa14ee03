//! Flattens `index_schema/aliases.toml` into `OUT_DIR/aliases.tsv` (one entity per
//! line: type, name, aliases, tab-separated) so the binary reads its embedded alias
//! table without a TOML parser: every `dateline search` loads it, and parsing TOML
//! dominated short queries. A malformed table fails the build, not a user's run.

use std::fmt::Write as _;
use std::path::Path;

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

fn main() {
    embed_version();
    let source = Path::new("index_schema/aliases.toml");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let file: AliasFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{} is invalid: {e}", source.display()));
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
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("aliases.tsv");
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
