//! `dateline entities --suspicious`: the names most likely to be junk, each with the
//! reason and, where the archive makes the fix clear, the curation command for it.

use std::collections::HashMap;

use serde::Serialize;

use super::Outcome;
use crate::entity::EntityKind;
use crate::extract::entities::{is_first_name, is_generic_name, thing_label};

/// One listed name and why it looks wrong.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suspect {
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub name: String,
    /// Articles that list it.
    pub articles: u64,
    pub reasons: Vec<String>,
    /// A `dateline entities …` command that would fix it, when one fix is clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The same fix as a curation outcome: what `index` applies on its own
    /// ([`super::links`]).
    #[serde(skip)]
    pub outcome: Option<Outcome>,
}

/// Share of the articles of a name's longer forms that one of them must hold for the
/// short form to be merged into it without asking.
const DOMINANT_SHARE: f64 = 0.75;

/// A name listed as a person is moved to org or place when that reading has at least
/// this share of the person reading's articles (and two articles): the tagger's
/// commonest slip is a company or place taken for a person (`Chrysler Corp`, `Sao
/// Paulo`), while a real person is almost never listed as an org or a place.
const PERSON_ELSEWHERE_SHARE: f64 = 0.5;

/// A name is dropped as a work, a product or an event when at least this many
/// articles show it to be one (`a PC`, `this year's Six Nations`, `the film Vera
/// Drake`)...
const THING_ARTICLES_MIN: u64 = 3;
/// ...and they are at least this share of all the articles that name it: most uses
/// (`PC makers`, `in the Six Nations`) carry no cue either way, so a sizeable minority
/// of articles with a cue speaks for all of them, while a club in a few `Saturday's
/// Chelsea match` is still a club.
const THING_SHARE: f64 = 0.3;

/// Finds suspects among every stored name of each kind, with its article count, and
/// `things`, the articles that showed a name to be a work, a product or an event
/// (by `kind:name` label, see [`crate::index::DatelineIndex::thing_counts`]); the
/// result is ordered by article count, most first.
pub fn find(
    names: &[(EntityKind, Vec<(String, u64)>)],
    things: &HashMap<String, u64>,
) -> Vec<Suspect> {
    let count_of: HashMap<(EntityKind, &str), u64> = names
        .iter()
        .flat_map(|(kind, list)| list.iter().map(move |(n, c)| ((*kind, n.as_str()), *c)))
        .collect();
    // People's full names by surname. Only people: a place or org inside a longer
    // one is usually another entity (Australia, South Australia; Google, Google
    // Science Fair), while a lone surname is the same person, or an ambiguous one.
    let mut longer: HashMap<(EntityKind, &str), Vec<(&str, u64)>> = HashMap::new();
    for (kind, list) in names.iter().filter(|(k, _)| *k == EntityKind::Person) {
        for (name, count) in list {
            let words: Vec<&str> = name.split_whitespace().collect();
            if let [_, .., last] = words.as_slice() {
                longer
                    .entry((*kind, last))
                    .or_default()
                    .push((name, *count));
            }
        }
    }
    // Articles of the full names each word opens: `Charles` opens far more people's
    // names (Charles Kennedy, Charles Clarke) than it ends (Ray Charles), so alone it
    // is a first name, and no surname merge is clear.
    let mut opens: HashMap<&str, u64> = HashMap::new();
    for (_, list) in names.iter().filter(|(k, _)| *k == EntityKind::Person) {
        for (name, count) in list {
            let words: Vec<&str> = name.split_whitespace().collect();
            if let [first, _, ..] = words.as_slice() {
                *opens.entry(first).or_default() += count;
            }
        }
    }
    let mut out = Vec::new();
    for (kind, list) in names {
        for (name, count) in list {
            let mut reasons = Vec::new();
            let mut outcome = None;
            if name.contains(['<', '>', '[', ']', '{', '}', '|', '"'])
                || !name.chars().any(char::is_alphabetic)
            {
                reasons.push("markup or no letters".to_string());
                outcome = Some(Outcome::Drop);
            }
            if is_generic_name(name) {
                reasons.push("a generic word, not a name".to_string());
                outcome.get_or_insert(Outcome::Drop);
            }
            let shown_a_thing = things.get(&thing_label(*kind, name)).copied().unwrap_or(0);
            if shown_a_thing >= THING_ARTICLES_MIN
                && shown_a_thing as f64 >= THING_SHARE * (count + shown_a_thing) as f64
            {
                reasons.push(format!(
                    "a work, a product or an event in {shown_a_thing} other articles"
                ));
                outcome.get_or_insert(Outcome::Drop);
            }
            let mut best_elsewhere: Option<(EntityKind, u64)> = None;
            for other in [EntityKind::Person, EntityKind::Org, EntityKind::Place] {
                if other == *kind {
                    continue;
                }
                let elsewhere = count_of.get(&(other, name.as_str())).copied().unwrap_or(0);
                let share_suffices = *kind == EntityKind::Person
                    && elsewhere >= 2
                    && elsewhere as f64 >= PERSON_ELSEWHERE_SHARE * *count as f64;
                if elsewhere > *count || share_suffices {
                    reasons.push(format!("{} in {elsewhere} articles", article_of(other)));
                    // A majority of "person" is no evidence (see
                    // PERSON_ELSEWHERE_SHARE): no retype to person is suggested.
                    if other != EntityKind::Person
                        && best_elsewhere.is_none_or(|(_, c)| elsewhere > c)
                    {
                        best_elsewhere = Some((other, elsewhere));
                    }
                }
            }
            if let Some((other, _)) = best_elsewhere {
                outcome.get_or_insert(Outcome::Becomes(other, name.clone()));
            }
            if !name.contains(char::is_whitespace) {
                if let Some(forms) = longer.get(&(*kind, name.as_str())) {
                    let mut forms = forms.clone();
                    forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                    let total: u64 = forms.iter().map(|f| f.1).sum();
                    let shown: Vec<String> = forms
                        .iter()
                        .take(3)
                        .map(|(n, c)| format!("{n} ({c})"))
                        .collect();
                    let more = forms.len().saturating_sub(3);
                    let tail = if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    };
                    reasons.push(format!(
                        "a surname alone; full names: {}{tail}",
                        shown.join(", ")
                    ));
                    if let Some((top, top_count)) = forms.first() {
                        let first_name = opens.get(name.as_str()).is_some_and(|o| *o >= total);
                        if *top_count as f64 >= DOMINANT_SHARE * total as f64 && !first_name {
                            outcome.get_or_insert(Outcome::Becomes(*kind, top.to_string()));
                        } else if forms.len() >= 2 && *kind == EntityKind::Person {
                            // `Johnson` beside Manuel, Magic and Lyndon Johnson, none of
                            // them dominant: one count for several people misleads.
                            reasons.push(
                                "names several people; which one, the archive does not say"
                                    .to_string(),
                            );
                            outcome.get_or_insert(Outcome::Drop);
                        }
                    }
                }
            }
            // `Alex` alone, where the archive has Alex Ferguson and Alex Salmond: a first
            // name that opens other people's names but ends none names nobody in
            // particular (and is often part of something else: `Alex. Brown and Sons`).
            // A first name that opens no name here is kept: Bono, Cher, Aaliyah.
            let lone_first_name = *kind == EntityKind::Person
                && !name.contains(char::is_whitespace)
                && is_first_name(name)
                && opens.get(name.as_str()).is_some_and(|o| *o > 0)
                && !longer.contains_key(&(*kind, name.as_str()));
            if lone_first_name {
                reasons.push("a first name alone".to_string());
                outcome.get_or_insert(Outcome::Drop);
            }
            let fix = outcome.as_ref().map(|o| command(*kind, name, o));
            if !reasons.is_empty() {
                out.push(Suspect {
                    kind: *kind,
                    name: name.clone(),
                    articles: *count,
                    reasons,
                    fix,
                    outcome,
                });
            }
        }
    }
    out.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));
    out
}

fn article_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "a person",
        EntityKind::Org => "an org",
        EntityKind::Place => "a place",
    }
}

/// The `dateline entities` command that applies `outcome` to `name`.
fn command(kind: EntityKind, name: &str, outcome: &Outcome) -> String {
    let (kind_name, quoted) = (kind.as_str(), shell_quote(name));
    match outcome {
        Outcome::Drop => format!("dateline entities drop --type {kind_name} {quoted}"),
        Outcome::Becomes(to, to_name) if *to != kind => format!(
            "dateline entities retype --type {kind_name} {quoted} --to {}",
            to.as_str()
        ),
        Outcome::Becomes(_, to_name) => format!(
            "dateline entities merge --type {kind_name} {quoted} --into {}",
            shell_quote(to_name)
        ),
    }
}

/// `name` as one shell word.
fn shell_quote(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ','))
    {
        name.to_string()
    } else if name.contains('\'') && !name.contains(['"', '$', '`', '\\', '!']) {
        format!("\"{name}\"")
    } else {
        format!("'{}'", name.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(kind: EntityKind, list: &[(&str, u64)]) -> (EntityKind, Vec<(String, u64)>) {
        (
            kind,
            list.iter().map(|(n, c)| (n.to_string(), *c)).collect(),
        )
    }

    #[test]
    fn lone_first_names_and_shared_surnames_are_dropped_but_mononyms_kept() {
        let all = [names(
            EntityKind::Person,
            &[
                ("Alex Ferguson", 40),
                ("Alex Salmond", 7),
                ("Alex", 20),
                ("Bono", 12),
                ("Manuel Johnson", 10),
                ("Magic Johnson", 9),
                ("Johnson", 24),
            ],
        )];
        let found = find(&all, &HashMap::new());
        let outcome = |n: &str| {
            found
                .iter()
                .find(|s| s.name == n)
                .and_then(|s| s.outcome.clone())
        };
        assert_eq!(outcome("Alex"), Some(Outcome::Drop), "{found:?}");
        assert_eq!(outcome("Johnson"), Some(Outcome::Drop), "{found:?}");
        // A first name that opens no name in the archive is someone's whole name.
        assert_eq!(outcome("Bono"), None, "{found:?}");
    }

    #[test]
    fn fragments_other_types_generic_words_and_markup_are_suspects() {
        let all = [
            names(
                EntityKind::Person,
                &[
                    ("James Baker", 255),
                    ("Baker", 59),
                    ("Howard Baker", 20),
                    ("Chrysler", 55),
                    ("Dilson Funaro", 54),
                    ("Funaro", 3),
                    ("Sao Paulo", 40),
                ],
            ),
            names(
                EntityKind::Org,
                &[("Chrysler", 160), ("Bank", 126), ("Pennzoil Co <PZL>", 4)],
            ),
            names(EntityKind::Place, &[("Sao Paulo", 37)]),
        ];
        let found = find(&all, &HashMap::new());
        let by_name = |n: &str, k: EntityKind| {
            found
                .iter()
                .find(|s| s.name == n && s.kind == k)
                .cloned()
                .unwrap_or_else(|| panic!("{n} is a suspect: {found:?}"))
        };
        let baker = by_name("Baker", EntityKind::Person);
        assert!(
            baker.reasons[0].contains("James Baker (255), Howard Baker (20)"),
            "{baker:?}"
        );
        assert_eq!(
            baker.fix.as_deref(),
            Some("dateline entities merge --type person Baker --into 'James Baker'")
        );
        let chrysler = by_name("Chrysler", EntityKind::Person);
        assert_eq!(
            chrysler.fix.as_deref(),
            Some("dateline entities retype --type person Chrysler --to org")
        );
        assert!(by_name("Bank", EntityKind::Org).reasons[0].contains("generic"));
        assert!(by_name("Pennzoil Co <PZL>", EntityKind::Org).reasons[0].contains("markup"));
        assert!(by_name("Funaro", EntityKind::Person).fix.is_some());
        // Flagged, but never "fixed" into a person: that majority is usually the slip.
        let chrysler_org = found
            .iter()
            .find(|s| s.name == "Chrysler" && s.kind == EntityKind::Org);
        assert!(chrysler_org.is_none(), "the org form is the majority");
        assert_eq!(shell_quote("O'Connell"), "\"O'Connell\"");
        let sao_paulo = by_name("Sao Paulo", EntityKind::Place);
        assert!(sao_paulo.reasons[0].contains("a person in 40 articles"));
        assert_eq!(sao_paulo.fix, None);
        // Full names nobody contradicts are not suspects; the list is by count.
        assert!(found.iter().all(|s| s.name != "James Baker"));
        assert_eq!(found[0].name, "Bank");
    }

    #[test]
    fn names_many_articles_show_to_be_things_are_dropped() {
        let all = [names(
            EntityKind::Org,
            &[("PC", 56), ("Chelsea", 69), ("Six Nations", 20)],
        )];
        let things: HashMap<String, u64> = [
            ("org:PC".to_string(), 40),
            ("org:Chelsea".to_string(), 4),
            ("org:Six Nations".to_string(), 9),
        ]
        .into_iter()
        .collect();
        let found = find(&all, &things);
        let outcome = |n: &str| {
            found
                .iter()
                .find(|s| s.name == n)
                .and_then(|s| s.outcome.clone())
        };
        assert_eq!(outcome("PC"), Some(Outcome::Drop), "{found:?}");
        assert_eq!(outcome("Six Nations"), Some(Outcome::Drop), "{found:?}");
        // Four `Saturday's Chelsea match` among 73 articles do not make a club a match.
        assert_eq!(outcome("Chelsea"), None, "{found:?}");
        let pc = found.iter().find(|s| s.name == "PC");
        assert!(
            pc.is_some_and(|s| s.reasons[0].contains("40 other articles")),
            "{found:?}"
        );
    }
}
