//! Whom a `he` or `she` can stand for: a reader never takes `She said` after Jeffrey
//! Jones as his words, nor `He said` after Hillary Clinton as hers. The article's own
//! titles (`Mr`, `Mrs`) are one sign (see `Finder::gender_clashes`); a person's first
//! name or title in their canonical name is another, and the one that works when the
//! article never titles them.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The embedded list of first names with the sex they nearly always name.
pub const FIRST_NAMES_TSV: &str = include_str!("../../index_schema/ner/first_names.tsv");

/// A person's grammatical gender as English pronouns mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

static FIRST_NAMES: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    FIRST_NAMES_TSV
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (name, sex) = line.split_once('\t')?;
            let gender = match sex.trim() {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => return None,
            };
            Some((name.trim(), gender))
        })
        .collect()
});

/// The gender `he`/`him` or `she`/`her` (any case) marks; none for other words.
pub fn of_pronoun(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a person's name gives away: a title of rank before it (`Sir Alex
/// Ferguson`, `Queen Elizabeth`) or its first name (`Jeffrey M. Jones`). None when
/// neither tells (`Reagan`, `Jordan Smith`).
pub fn of_name(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?;
    let bare = first.trim_end_matches('.');
    match bare.to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "pope" => return Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => {
            return Some(Gender::Female)
        }
        _ => {}
    }
    FIRST_NAMES.get(bare).copied()
}

/// Whether the pronoun `pronoun` cannot stand for the person named `name`.
pub fn clashes(pronoun: &str, name: &str) -> bool {
    matches!((of_pronoun(pronoun), of_name(name)), (Some(p), Some(n)) if p != n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_and_titles_tell_and_unknown_names_do_not() {
        assert_eq!(of_name("Jeffrey M. Jones"), Some(Gender::Male));
        assert_eq!(of_name("Hillary Clinton"), Some(Gender::Female));
        assert_eq!(of_name("Sir Alex Ferguson"), Some(Gender::Male));
        assert_eq!(of_name("Queen Elizabeth"), Some(Gender::Female));
        assert_eq!(of_name("Reagan"), None);
        // Given to both: left out on purpose.
        assert_eq!(of_name("Jordan Smith"), None);
        assert_eq!(of_name("Hilary Benn"), None);
        assert_eq!(of_name(""), None);
    }

    #[test]
    fn a_pronoun_clashes_only_with_a_name_of_the_other_gender() {
        assert!(clashes("She", "Jeffrey M. Jones"));
        assert!(clashes("he", "Hillary Clinton"));
        assert!(clashes("him", "Beth Reiners"));
        assert!(!clashes("she", "Hillary Clinton"));
        assert!(!clashes("he", "Reagan"));
        assert!(!clashes("they", "Hillary Clinton"));
    }

    #[test]
    fn the_list_is_well_formed_and_names_no_one_twice() {
        let mut seen = std::collections::HashSet::new();
        for line in FIRST_NAMES_TSV.lines().filter(|l| !l.starts_with('#')) {
            let (name, sex) = line.split_once('\t').unwrap_or((line, ""));
            assert!(matches!(sex, "m" | "f"), "bad line {line:?}");
            assert!(seen.insert(name), "{name} listed twice");
        }
        assert!(seen.len() > 500);
    }
}
