//! The entity alias table: variants of one entity's name across articles
//! (al-Qaida = al-Qaeda = Al Qaeda) mapped to one canonical name.
//!
//! The table ships as `index_schema/aliases.toml`; users can add their own file in the
//! same format (`--aliases FILE`), whose entries win. Matching ignores case and
//! punctuation, so `U.S.`, `US` and `u.s` are one key.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use serde::Deserialize;

use super::ner::hash::{hash_str, HashKeyed};

use crate::embedded::ALIASES_FLAT;
pub use crate::embedded::ALIASES_TOML;

/// One entity with its canonical name and variants.
#[derive(Debug, Clone, Deserialize)]
pub struct AliasEntity {
    /// `person`, `org` or `place`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The canonical name shown in hits and facets.
    pub name: String,
    /// Other ways of writing it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct AliasFile {
    #[serde(default, rename = "entity")]
    entities: Vec<AliasEntity>,
}

/// Lookup table from normalised variant to canonical entity.
#[derive(Debug, Default, Clone)]
pub struct Aliases {
    entities: Vec<AliasEntity>,
    /// (kind, normalised variant) → index into `entities`.
    by_key: HashMap<(String, String), usize>,
    /// normalised variant → index, for lookups that do not know the type.
    any_kind: HashMap<String, usize>,
    /// The names extraction looks for verbatim in text, built on first use: only
    /// indexing needs them, and tokenizing every variant would slow every search.
    surface: OnceLock<SurfaceForms>,
    /// Hash of the source texts, so an index notices when the table changed.
    fingerprint: u64,
}

/// Written forms of the table's distinctive names, for matching text.
#[derive(Debug, Default, Clone)]
struct SurfaceForms {
    /// Token sequence joined by spaces (case kept) → index into `entities`.
    by_tokens: HashMap<String, usize>,
    /// First token of each form → the most tokens any form starting with it has, so
    /// text scanning rejects almost every word with one lookup and no joins.
    starts: HashKeyed<usize>,
}

impl SurfaceForms {
    /// Later entities win, as in the rest of the table.
    fn build(entities: &[AliasEntity]) -> SurfaceForms {
        let mut forms = SurfaceForms::default();
        for (index, entity) in entities.iter().enumerate() {
            let variants = std::iter::once(&entity.name).chain(entity.aliases.iter());
            for variant in variants.filter(|v| is_distinctive(v) && !normalize(v).is_empty()) {
                let tokens: Vec<&str> = super::tokenize::tokenize(variant)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                if let Some(first) = tokens.first() {
                    let longest = forms.starts.entry(hash_str(0, first)).or_default();
                    *longest = (*longest).max(tokens.len());
                }
                forms.by_tokens.insert(tokens.join(" "), index);
            }
        }
        forms
    }
}

/// The embedded table, read on first use. `build.rs` refuses to build with a broken
/// `aliases.toml`, and a unit test checks the flat copy matches it.
pub static EMBEDDED: LazyLock<Aliases> = LazyLock::new(|| {
    let mut aliases = Aliases {
        fingerprint: xxhash_rust::xxh3::xxh3_64(ALIASES_TOML.as_bytes()),
        ..Aliases::default()
    };
    aliases.extend(parse_flat(ALIASES_FLAT));
    aliases
});

/// Reads the flat form `build.rs` writes (see [`ALIASES_FLAT`]).
fn parse_flat(text: &str) -> Vec<AliasEntity> {
    text.lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let kind = cols.next()?.to_string();
            let name = cols.next()?.to_string();
            let aliases = cols.map(str::to_string).collect();
            Some(AliasEntity {
                kind,
                name,
                aliases,
            })
        })
        .collect()
}

/// Case- and punctuation-insensitive key: letters and digits only, lowercased.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Aliases {
    /// Parses a table in the `aliases.toml` format.
    pub fn parse(text: &str) -> Result<Aliases, toml::de::Error> {
        let file: AliasFile = toml::from_str(text)?;
        let mut aliases = Aliases {
            fingerprint: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            ..Aliases::default()
        };
        aliases.extend(file.entities);
        Ok(aliases)
    }

    /// Reads a user alias file; its entries override the shipped ones.
    pub fn with_user_file(&self, path: &Path) -> Result<Aliases, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read alias file {}: {e}", path.display()))?;
        let user =
            Aliases::parse(&text).map_err(|e| format!("alias file {}: {e}", path.display()))?;
        let mut merged = self.clone();
        merged.fingerprint = self.fingerprint.rotate_left(17) ^ user.fingerprint;
        merged.extend(user.entities);
        Ok(merged)
    }

    fn extend(&mut self, entities: Vec<AliasEntity>) {
        self.surface = OnceLock::new();
        for entity in entities {
            let index = self.entities.len();
            for variant in std::iter::once(&entity.name).chain(entity.aliases.iter()) {
                let key = normalize(variant);
                if key.is_empty() {
                    continue;
                }
                self.by_key
                    .insert((entity.kind.clone(), key.clone()), index);
                self.any_kind.insert(key, index);
            }
            self.entities.push(entity);
        }
    }

    /// The canonical name of `name` as an entity of `kind`, if the table knows it.
    pub fn canonical(&self, kind: &str, name: &str) -> Option<&str> {
        self.by_key
            .get(&(kind.to_string(), normalize(name)))
            .map(|&i| self.entities[i].name.as_str())
    }

    /// The canonical entity for `name` whatever its type: `(type, name)`.
    pub fn lookup(&self, name: &str) -> Option<(&str, &str)> {
        self.any_kind.get(&normalize(name)).map(|&i| {
            let e = &self.entities[i];
            (e.kind.as_str(), e.name.as_str())
        })
    }

    /// The number of tokens of the longest written form that starts with `first`, or
    /// `None` when no form does. Scanning text for forms asks this once per token and
    /// skips most tokens at once.
    pub fn longest_surface_from(&self, first: &str) -> Option<usize> {
        self.surface_forms()
            .starts
            .get(&hash_str(0, first))
            .copied()
    }

    fn surface_forms(&self) -> &SurfaceForms {
        self.surface
            .get_or_init(|| SurfaceForms::build(&self.entities))
    }

    /// The entity written exactly as `tokens` (case-sensitive): `(type, name)`.
    pub fn surface(&self, tokens: &[&str]) -> Option<(&str, &str)> {
        let forms = self.surface_forms();
        let longest = tokens
            .first()
            .and_then(|t| forms.starts.get(&hash_str(0, t)))?;
        if tokens.len() > *longest {
            return None;
        }
        forms.by_tokens.get(&tokens.join(" ")).map(|&i| {
            let e = &self.entities[i];
            (e.kind.as_str(), e.name.as_str())
        })
    }

    /// Every written form of the entity `name` of `kind` (canonical name first).
    pub fn variants(&self, kind: &str, name: &str) -> Vec<String> {
        match self.by_key.get(&(kind.to_string(), normalize(name))) {
            Some(&i) => {
                let e = &self.entities[i];
                std::iter::once(e.name.clone())
                    .chain(e.aliases.iter().cloned())
                    .collect()
            }
            None => vec![name.to_string()],
        }
    }

    /// Changes whenever the table's source files change.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Every entity in the table.
    pub fn entities(&self) -> &[AliasEntity] {
        &self.entities
    }
}

/// A written form worth looking for verbatim in text: it has a capital letter
/// ("bin Laden", "al-Qaeda", "OPEC"). Lowercase codes ("usa", "worldbank") are not
/// how text writes names. Acronyms that spell common words ("US", "WHO") are
/// filtered where text is matched ([`crate::extract::entities`]).
fn is_distinctive(variant: &str) -> bool {
    variant.chars().any(char::is_uppercase) && variant.chars().count() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_embedded_copy_matches_the_toml_source() {
        let from_toml = Aliases::parse(ALIASES_TOML).expect("aliases.toml parses");
        let embedded = &*EMBEDDED;
        assert_eq!(embedded.fingerprint(), from_toml.fingerprint());
        assert_eq!(embedded.entities().len(), from_toml.entities().len());
        for (a, b) in embedded.entities().iter().zip(from_toml.entities()) {
            assert_eq!(
                (&a.kind, &a.name, &a.aliases),
                (&b.kind, &b.name, &b.aliases)
            );
        }
        assert_eq!(
            embedded.surface(&["al-Qaeda"]),
            from_toml.surface(&["al-Qaeda"])
        );
    }

    #[test]
    fn shipped_table_parses_and_merges_common_variants() {
        let a = Aliases::parse(ALIASES_TOML).expect("aliases.toml parses");
        for variant in ["al-Qaeda", "Al Qaeda", "al-Qa'ida", "al-Qaida"] {
            assert_eq!(a.canonical("org", variant), Some("al-Qaida"), "{variant}");
        }
        assert_eq!(
            a.canonical("place", "U.S."),
            a.canonical("place", "United States")
        );
        assert_eq!(
            a.canonical("org", "IMF"),
            Some("International Monetary Fund")
        );
        assert_eq!(a.canonical("org", "worldbank"), Some("World Bank"));
    }

    #[test]
    fn user_entries_override_shipped_ones() {
        let base = Aliases::parse(
            "[[entity]]\ntype = \"org\"\nname = \"Islamic State\"\naliases = [\"IS\", \"ISIS\"]\n",
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(
            &path,
            "[[entity]]\ntype = \"org\"\nname = \"ISIL\"\naliases = [\"ISIS\"]\n",
        )
        .unwrap();
        let merged = base.with_user_file(&path).unwrap();
        assert_eq!(merged.canonical("org", "isis"), Some("ISIL"));
        assert_eq!(merged.canonical("org", "IS"), Some("Islamic State"));
        assert!(base
            .with_user_file(&dir.path().join("missing.toml"))
            .is_err());
    }
}
