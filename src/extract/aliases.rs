//! The entity alias table: variants of one entity's name across articles
//! (al-Qaida = al-Qaeda = Al Qaeda) mapped to one canonical name.
//!
//! The table ships as `index_schema/aliases.toml`; users can add their own file in the
//! same format (`--aliases FILE`), whose entries win. Matching ignores case and
//! punctuation, so `U.S.`, `US` and `u.s` are one key.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;

/// The alias table shipped with dateline.
pub const ALIASES_TOML: &str = include_str!("../../index_schema/aliases.toml");

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
    /// Written forms as token sequences joined by spaces (case kept) → index: the
    /// names extraction finds in text even where the tagger misses them.
    surface: HashMap<String, usize>,
    /// Hash of the source texts, so an index notices when the table changed.
    fingerprint: u64,
}

/// The embedded table, parsed on first use. A broken embedded file is a build defect
/// caught by the unit tests; at run time it degrades to an empty table.
pub static EMBEDDED: LazyLock<Aliases> =
    LazyLock::new(|| Aliases::parse(ALIASES_TOML).unwrap_or_default());

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
                if is_distinctive(variant) {
                    let tokens: Vec<&str> = super::tokenize::tokenize(variant)
                        .into_iter()
                        .map(|t| t.text)
                        .collect();
                    self.surface.insert(tokens.join(" "), index);
                }
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

    /// The entity written exactly as `tokens` (case-sensitive): `(type, name)`.
    pub fn surface(&self, tokens: &[&str]) -> Option<(&str, &str)> {
        self.surface.get(&tokens.join(" ")).map(|&i| {
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
