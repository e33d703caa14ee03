//! Curation: a person's corrections to the entity lists (merge, rename, retype, drop),
//! kept as a TOML overlay beside the index.
//!
//! The tagger and the alias table get most names right, but only a reader knows that
//! `Baker` in this archive is James Baker or that `Tory` is not a person. The overlay
//! records those decisions in a file a person can read, diff and keep under version
//! control (`dateline-curation.toml` in the index directory). It is applied in two
//! places, so every view agrees: to the stored articles it touches when a rule is
//! added (`apply::to_index`: no rebuild, no re-reading the archive), and to every
//! article an indexing run enriches afterwards (`Overlay::apply`), so re-indexing keeps
//! it. `--rebuild` never deletes the file.

pub mod apply;
pub mod links;
pub mod suspicious;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::entity::{Entities, EntityKind};
use crate::error::{Error, Result};

/// Every stored name of each kind with its article count: what suspects and links are
/// judged on.
pub type NameCounts = Vec<(EntityKind, Vec<(String, u64)>)>;

/// The overlay's file name inside the index directory.
pub const CURATION_FILE: &str = "dateline-curation.toml";

/// What becomes of one stored name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Removed from the article's lists.
    Drop,
    /// Listed as this kind and name instead (a merge, rename or retype).
    Becomes(EntityKind, String),
}

/// One rule as the file writes it: `type` and `name` pick the stored name; `into`
/// renames it (or merges it into an existing name), `retype` moves it to another kind,
/// `drop = true` removes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RuleRecord {
    #[serde(rename = "type")]
    kind: EntityKind,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    into: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retype: Option<EntityKind>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    drop: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct OverlayFile {
    #[serde(default, rename = "rule")]
    rules: Vec<RuleRecord>,
}

/// The rules, kept normalised: no rule's result is itself another rule's name, so
/// applying the overlay once is the same as applying it twice (stored articles that
/// already went through it may go through it again unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    rules: BTreeMap<(EntityKind, String), Outcome>,
}

const HEADER: &str =
    "# dateline's curation overlay: corrections to entity names, applied to search,\n\
# filters, facets and `entities`, and kept when the archive is re-indexed.\n\
# Edit with `dateline entities merge|rename|retype|drop` (editing by hand works too;\n\
# hand edits reach already indexed articles at the next `dateline index --rebuild`).\n\n";

impl Overlay {
    /// The overlay of the index at `index_path` (empty when it has none).
    pub fn load(index_path: &Path) -> Result<Overlay> {
        Overlay::read(index_path, CURATION_FILE)
    }

    /// The overlay kept as `file_name` in the index directory (empty when absent).
    fn read(index_path: &Path, file_name: &str) -> Result<Overlay> {
        let path = index_path.join(file_name);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Overlay::default()),
            Err(e) => return Err(Error::io(&path)(e)),
        };
        let file: OverlayFile = toml::from_str(&text)
            .map_err(|e| Error::Curation(format!("{}: {e}", path.display())))?;
        let mut overlay = Overlay::default();
        for record in file.rules {
            let outcome = if record.drop {
                Outcome::Drop
            } else {
                Outcome::Becomes(
                    record.retype.unwrap_or(record.kind),
                    record.into.unwrap_or_else(|| record.name.clone()),
                )
            };
            overlay.add(record.kind, &record.name, outcome);
        }
        Ok(overlay)
    }

    /// Writes the overlay beside the index (atomically: a crash leaves the old file).
    pub fn save(&self, index_path: &Path) -> Result<PathBuf> {
        self.write(index_path, CURATION_FILE, HEADER)
    }

    /// Writes the overlay as `file_name` in the index directory, under `header`.
    fn write(&self, index_path: &Path, file_name: &str, header: &str) -> Result<PathBuf> {
        let file = OverlayFile {
            rules: self
                .rules
                .iter()
                .map(|((kind, name), outcome)| match outcome {
                    Outcome::Drop => RuleRecord {
                        kind: *kind,
                        name: name.clone(),
                        into: None,
                        retype: None,
                        drop: true,
                    },
                    Outcome::Becomes(to_kind, to_name) => RuleRecord {
                        kind: *kind,
                        name: name.clone(),
                        into: (to_name != name).then(|| to_name.clone()),
                        retype: (to_kind != kind).then_some(*to_kind),
                        drop: false,
                    },
                })
                .collect(),
        };
        let body = toml::to_string(&file).map_err(|e| Error::Curation(e.to_string()))?;
        let path = index_path.join(file_name);
        let tmp = index_path.join(format!("{file_name}.tmp"));
        fs::write(&tmp, format!("{header}{body}")).map_err(Error::io(&tmp))?;
        fs::rename(&tmp, &path).map_err(Error::io(&path))?;
        Ok(path)
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Every rule, in name order.
    pub fn rules(&self) -> impl Iterator<Item = (EntityKind, &str, &Outcome)> {
        self.rules.iter().map(|((k, n), o)| (*k, n.as_str(), o))
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// What becomes of `name` of `kind`, if a rule says.
    pub fn outcome(&self, kind: EntityKind, name: &str) -> Option<&Outcome> {
        self.rules.get(&(kind, name.to_string()))
    }

    /// Adds a rule for `name` of `kind`, replacing any earlier one, and keeps the set
    /// normalised: a result that another rule renames follows that rule, and rules
    /// that led to `name` now lead where it goes. A rule that maps a name to itself
    /// removes the name's rule (an undo).
    pub fn add(&mut self, kind: EntityKind, name: &str, outcome: Outcome) {
        let key = (kind, name.to_string());
        let mut outcome = outcome;
        if let Outcome::Becomes(to_kind, to_name) = &outcome {
            let target = (*to_kind, to_name.clone());
            match self.rules.get(&target).cloned() {
                // The target itself used to become this name: it is now the name kept.
                Some(Outcome::Becomes(k, n)) if (k, n.as_str()) == (kind, name) => {
                    self.rules.remove(&target);
                }
                Some(further) => outcome = further,
                None => {}
            }
        }
        if outcome == Outcome::Becomes(kind, name.to_string()) {
            self.rules.remove(&key);
            return;
        }
        for existing in self.rules.values_mut() {
            if matches!(existing, Outcome::Becomes(k, n) if (*k, n.as_str()) == (kind, name)) {
                *existing = outcome.clone();
            }
        }
        self.rules
            .retain(|k, o| o != &Outcome::Becomes(k.0, k.1.clone()));
        self.rules.insert(key, outcome);
    }

    /// What a speaker's name becomes: `kind` is the speaker's kind when the extractor
    /// knew it; an affiliation's kind is not stored, and an affiliation is an org or a
    /// place, so the first rule for the name as an org or a place applies. `None` when
    /// the name is dropped.
    pub fn speaker(
        &self,
        kind: Option<EntityKind>,
        name: &str,
    ) -> Option<(Option<EntityKind>, String)> {
        let kinds = match kind {
            Some(kind) => vec![kind],
            None => vec![EntityKind::Org, EntityKind::Place],
        };
        for k in kinds {
            match self.outcome(k, name) {
                Some(Outcome::Drop) => return None,
                Some(Outcome::Becomes(to_kind, to_name)) => {
                    return Some((kind.map(|_| *to_kind), to_name.clone()))
                }
                None => {}
            }
        }
        Some((kind, name.to_string()))
    }

    /// Applies the rules to an article's names (people, orgs, places in that order),
    /// keeping each list's order and removing duplicates. True when anything changed.
    pub fn apply(&self, entities: &mut Entities) -> bool {
        if self.rules.is_empty() {
            return false;
        }
        let before = entities.clone();
        let mut out = Entities::default();
        for kind in EntityKind::ALL {
            for name in std::mem::take(entities.of_mut(kind)) {
                let (to_kind, to_name) = match self.outcome(kind, &name) {
                    None => (kind, name),
                    Some(Outcome::Drop) => continue,
                    Some(Outcome::Becomes(k, n)) => (*k, n.clone()),
                };
                let target = out.of_mut(to_kind);
                if !target.contains(&to_name) {
                    target.push(to_name);
                }
            }
        }
        // A rename can put a name beside a fuller form of it (`Boesky` → Ivan Boesky
        // in an article that says Ivan F. Boesky): one person, one name.
        crate::extract::entities::merge_partial_people(&mut out.people);
        *entities = out;
        *entities != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(p: &[&str], o: &[&str], l: &[&str]) -> [Vec<String>; 3] {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        [v(p), v(o), v(l)]
    }

    fn run(overlay: &Overlay, [people, orgs, places]: [Vec<String>; 3]) -> [Vec<String>; 3] {
        let mut entities = Entities {
            people,
            orgs,
            places,
        };
        overlay.apply(&mut entities);
        [entities.people, entities.orgs, entities.places]
    }

    #[test]
    fn merge_rename_retype_and_drop_apply_once_and_deduplicate() {
        let mut overlay = Overlay::default();
        overlay.add(
            EntityKind::Person,
            "Baker",
            Outcome::Becomes(EntityKind::Person, "James Baker".into()),
        );
        overlay.add(
            EntityKind::Person,
            "Chrysler",
            Outcome::Becomes(EntityKind::Org, "Chrysler".into()),
        );
        overlay.add(EntityKind::Person, "Tory", Outcome::Drop);
        let before = lists(
            &["James Baker", "Baker", "Tory", "Chrysler"],
            &["Chrysler"],
            &[],
        );
        let after = run(&overlay, before);
        assert_eq!(after, lists(&["James Baker"], &["Chrysler"], &[]));
        assert_eq!(run(&overlay, after.clone()), after, "idempotent");
    }

    #[test]
    fn rules_stay_normalised_whatever_the_order_they_come_in() {
        let mut overlay = Overlay::default();
        // B -> C first, then A -> B: A must end at C, in one step.
        overlay.add(
            EntityKind::Org,
            "B",
            Outcome::Becomes(EntityKind::Org, "C".into()),
        );
        overlay.add(
            EntityKind::Org,
            "A",
            Outcome::Becomes(EntityKind::Org, "B".into()),
        );
        assert_eq!(
            overlay.outcome(EntityKind::Org, "A"),
            Some(&Outcome::Becomes(EntityKind::Org, "C".into()))
        );
        // C -> D redirects both.
        overlay.add(
            EntityKind::Org,
            "C",
            Outcome::Becomes(EntityKind::Org, "D".into()),
        );
        assert_eq!(
            overlay.outcome(EntityKind::Org, "A"),
            Some(&Outcome::Becomes(EntityKind::Org, "D".into()))
        );
        // Turning round: D -> C makes C the kept name.
        overlay.add(
            EntityKind::Org,
            "D",
            Outcome::Becomes(EntityKind::Org, "C".into()),
        );
        assert_eq!(overlay.outcome(EntityKind::Org, "C"), None);
        assert_eq!(
            overlay.outcome(EntityKind::Org, "B"),
            Some(&Outcome::Becomes(EntityKind::Org, "C".into()))
        );
        let after = run(&overlay, lists(&[], &["A", "B", "C", "D"], &[]));
        assert_eq!(after, lists(&[], &["C"], &[]));
        assert_eq!(run(&overlay, after.clone()), after);
    }

    #[test]
    fn the_file_round_trips_and_reads_like_the_commands() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut overlay = Overlay::default();
        overlay.add(
            EntityKind::Person,
            "Baker",
            Outcome::Becomes(EntityKind::Person, "James Baker".into()),
        );
        overlay.add(
            EntityKind::Person,
            "Chrysler",
            Outcome::Becomes(EntityKind::Org, "Chrysler".into()),
        );
        overlay.add(EntityKind::Person, "Tory", Outcome::Drop);
        let path = overlay.save(dir.path()).expect("save");
        let text = fs::read_to_string(path).expect("read");
        assert!(
            text.contains("name = \"Baker\"\ninto = \"James Baker\""),
            "{text}"
        );
        assert!(text.contains("retype = \"org\""), "{text}");
        assert!(text.contains("drop = true"), "{text}");
        assert_eq!(Overlay::load(dir.path()).expect("load"), overlay);
        assert!(Overlay::load(&dir.path().join("none"))
            .expect("empty")
            .is_empty());
    }
}
