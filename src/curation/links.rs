//! Archive-wide name linking: the fixes `entities --suspicious` is sure of, applied by
//! every `dateline index` run.
//!
//! One article rarely tells whether `Baker` is James Baker or whether `Chrysler` is a
//! person; the whole archive usually does (James Baker holds nearly all the articles
//! of the full names ending in Baker; Chrysler is an org in more articles than it is a
//! person). After indexing, the stored names are counted, [`suspicious::find`] judges
//! them, and its clear fixes (merge a lone surname into its dominant full name, move a
//! company or place taken for a person, drop markup and generic words) are applied to
//! the stored articles. The rules of a run are written to `dateline-links.toml` in the
//! index directory, so a reader can see why a name changed; a person's own curation
//! (`dateline-curation.toml`) always wins, and `index --no-link` turns the step off.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{apply, suspicious, Outcome, Overlay};
use crate::entity::EntityKind;
use crate::error::Result;
use crate::index::lock::WriterLock;
use crate::index::DatelineIndex;

/// The file, in the index directory, that records the last run's links.
pub const LINKS_FILE: &str = "dateline-links.toml";

const HEADER: &str =
    "# Names dateline linked across the archive at the last `dateline index` run\n\
# (rewritten by every run; edit dateline-curation.toml, with `dateline entities ...`,\n\
# to decide otherwise: a curation rule for a name always wins over a link).\n\n";

/// What a linking step did, for the index summary.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Linked {
    /// Names the step merged, moved or dropped.
    pub names: usize,
    /// Articles whose entity lists changed.
    pub articles: usize,
    /// A few of the rules, biggest first (`Baker -> James Baker (person)`).
    pub examples: Vec<String>,
}

/// The links for the stored names `names` (each kind's names with article counts, and
/// the articles that showed a name to be a thing, see [`suspicious::find`]):
/// every suspect with a clear fix, except names `curation` already decides. Of the
/// retypes only person to org or place is automatic: the tagger confuses an org with
/// its place (`Nokia`, `Downing Street`) in both directions, so a majority there is no
/// evidence; `--suspicious` still lists those.
pub fn derive(
    names: &super::NameCounts,
    things: &HashMap<String, u64>,
    curation: &Overlay,
) -> Vec<(EntityKind, String, Outcome)> {
    suspicious::find(names, things)
        .into_iter()
        .filter(|s| curation.outcome(s.kind, &s.name).is_none())
        .filter_map(|s| s.outcome.map(|o| (s.kind, s.name, o)))
        .filter(|(kind, _, outcome)| match outcome {
            Outcome::Becomes(to, _) => to == kind || *kind == EntityKind::Person,
            Outcome::Drop => true,
        })
        .collect()
}

/// Records `links` beside the index at `index_path` and applies them to its articles,
/// in one commit. The caller must not hold the writer lock.
pub fn apply(
    index_path: &Path,
    links: &[(EntityKind, String, Outcome)],
) -> Result<(PathBuf, Linked)> {
    let handle = DatelineIndex::open(index_path)?;
    let _lock = WriterLock::acquire(index_path)?;
    let mut overlay = Overlay::default();
    for (kind, name, outcome) in links {
        overlay.add(*kind, name, outcome.clone());
    }
    let file = overlay.write(index_path, LINKS_FILE, HEADER)?;
    let names: Vec<(EntityKind, String)> = links.iter().map(|(k, n, _)| (*k, n.clone())).collect();
    let articles = apply::rewrite(&handle, &overlay, &names, false)?;
    let examples = links
        .iter()
        .take(5)
        .map(|(kind, name, outcome)| match outcome {
            Outcome::Drop => format!("{name} ({}) dropped", kind.as_str()),
            Outcome::Becomes(to, to_name) => format!("{name} -> {to_name} ({})", to.as_str()),
        })
        .collect();
    Ok((
        file,
        Linked {
            names: links.len(),
            articles,
            examples,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_fixes_become_links_unless_curation_decides() {
        let names = vec![
            (
                EntityKind::Person,
                vec![
                    ("James Baker".to_string(), 250),
                    ("Baker".to_string(), 59),
                    ("Howard Baker".to_string(), 20),
                    ("Chrysler".to_string(), 55),
                    ("Johnson".to_string(), 25),
                    ("Lyndon Johnson".to_string(), 5),
                    ("Magic Johnson".to_string(), 5),
                ],
            ),
            (
                EntityKind::Org,
                vec![("Chrysler".to_string(), 30), ("Nokia".to_string(), 3)],
            ),
            (EntityKind::Place, vec![("Nokia".to_string(), 5)]),
        ];
        let links = derive(&names, &HashMap::new(), &Overlay::default());
        assert!(links.contains(&(
            EntityKind::Person,
            "Baker".to_string(),
            Outcome::Becomes(EntityKind::Person, "James Baker".to_string())
        )));
        assert!(links.contains(&(
            EntityKind::Person,
            "Chrysler".to_string(),
            Outcome::Becomes(EntityKind::Org, "Chrysler".to_string())
        )));
        // An org is not moved to place (nor back) on a majority alone.
        assert!(links.iter().all(|(_, n, _)| n != "Nokia"), "{links:?}");
        // A surname several people share, none of them dominant, counts nobody: dropped.
        assert!(links.contains(&(EntityKind::Person, "Johnson".to_string(), Outcome::Drop)));
        let mut curation = Overlay::default();
        curation.add(
            EntityKind::Person,
            "Baker",
            Outcome::Becomes(EntityKind::Person, "Howard Baker".into()),
        );
        let links = derive(&names, &HashMap::new(), &curation);
        assert!(links.iter().all(|(_, n, _)| n != "Baker"), "{links:?}");
    }
}
