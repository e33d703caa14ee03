//! Article-wide speakers named by role: `he said` and `the spokesman said` after a
//! quoted person are that person, as a reader takes them.

use crate::attribution::gender;
use crate::attribution::{Attribution, Source};
use crate::entity::EntityKind;

/// `he said` after a quoted person is that person, as a reader takes it: a `he` or
/// `she` source is the last one-person speaker before it, named (`Mr Leigh said`) or
/// newly introduced (`A Home Office spokesman said ... He added`); `the spokesman` is the last
/// person named as a speaker whose words held `spokesman`, or the last unnamed one
/// who speaks for someone (`A Chrysler spokesman said ... The spokesman said`). Either
/// takes that speaker's entity and affiliations too (Khatibzadeh's `he` still speaks
/// for Iran).
pub(super) fn resolve_pronoun_speakers(attributions: &mut [Attribution]) {
    // One-person speakers so far, last one last.
    let mut speakers: Vec<Antecedent> = Vec::new();
    for a in attributions.iter_mut() {
        let Some(source) = a.source.as_mut() else {
            continue;
        };
        let lower = source.span.text.to_lowercase();
        let pronoun = matches!(lower.as_str(), "he" | "she");
        let antecedent = if pronoun && source.canonical.is_none() {
            // The last speaker the pronoun can stand for: `Mr Leigh said ... Mrs
            // Hodge said ... He added` is Mr Leigh.
            speakers.iter().rev().find(|s| !s.clashes_with(&lower))
        } else if source.canonical.is_none() {
            role_noun(&lower).and_then(|role| {
                speakers.iter().rev().find(|s| {
                    // `A Chrysler spokesman said ... The spokesman said`: the same
                    // firm's spokesman, named after it or tied to it.
                    let affiliated = s.canonical.is_none() && !s.affiliations.is_empty();
                    (matches!(s.kind, Some(EntityKind::Person | EntityKind::Org)) || affiliated)
                        && s.words.split_whitespace().any(|w| w == role)
                })
            })
        } else {
            None
        };
        if let Some(antecedent) = antecedent {
            source.canonical = antecedent.canonical.clone();
            source.kind = antecedent.kind;
            source.affiliations = antecedent.affiliations.clone();
            continue;
        }
        let named_person = source.kind == Some(EntityKind::Person) && source.canonical.is_some();
        let resolved_pronoun = pronoun && source.canonical.is_some();
        if named_person || resolved_pronoun || is_one_in_a_role(&lower) {
            speakers.push(Antecedent::of(source, lower));
        }
    }
}

/// A speaker a later `he`, `she` or `the spokesman` can point back to.
pub(super) struct Antecedent {
    /// The speaker phrase, lowercase (`committee chairman edward leigh`).
    pub(super) words: String,
    pub(super) canonical: Option<String>,
    pub(super) kind: Option<EntityKind>,
    pub(super) affiliations: Vec<String>,
}

impl Antecedent {
    /// Whether `pronoun` (`he` or `she`, lowercase) cannot stand for this speaker:
    /// their name or role says otherwise (`Hillary Clinton`, `a spokeswoman`), or
    /// they were themselves the other pronoun.
    fn clashes_with(&self, pronoun: &str) -> bool {
        pronoun_clashes(pronoun, &self.words, self.canonical.as_deref())
    }

    pub(super) fn of(source: &Source, lower: String) -> Antecedent {
        Antecedent {
            words: lower,
            canonical: source.canonical.clone(),
            kind: source.kind,
            affiliations: source.affiliations.clone(),
        }
    }
}

/// `a spokesman`, `Home Office spokeswoman`: someone new, one person. (`The
/// minister` may well be someone named before under another description, so it is no
/// antecedent of its own.)
pub(super) fn is_one_in_a_role(lower_source: &str) -> bool {
    !lower_source.starts_with("the ") && ONE_PERSON_ROLES.contains(&role_head(lower_source))
}

/// The head noun of a speaker description: its last word, or the last before `for`,
/// `of` or `at` (`a spokeswoman for Human Rights Watch`).
pub(super) fn role_head(lower_source: &str) -> &str {
    let words: Vec<&str> = lower_source.split_whitespace().collect();
    let head_end = words
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "at"))
        .unwrap_or(words.len());
    words[..head_end].last().copied().unwrap_or("")
}

/// Whether `pronoun` (`he` or `she`, lowercase) cannot stand for a speaker whose
/// words are `lower_source` and whose entity is `canonical`: their name or role says
/// otherwise (`Hillary Clinton`, `a spokeswoman`), or they were themselves the other
/// pronoun. Both pronoun steps ask this, the sentence-by-sentence one adding what the
/// article's own Mr and Mrs say.
pub(super) fn pronoun_clashes(pronoun: &str, lower_source: &str, canonical: Option<&str>) -> bool {
    let other_pronoun = matches!(lower_source, "he" | "she") && lower_source != pronoun;
    other_pronoun
        || role_gender_clashes(pronoun, lower_source)
        || canonical.is_some_and(|name| gender::clashes(pronoun, name))
}

/// A spokesman is no `she` and a spokeswoman no `he`.
pub(super) fn role_gender_clashes(pronoun: &str, lower_source: &str) -> bool {
    let head = role_head(lower_source);
    let female = head.ends_with("woman") || head.ends_with("women");
    let male = head.ends_with("man") && !female;
    (pronoun == "he" && female) || (pronoun == "she" && male)
}

/// Head nouns of an unnamed speaker who is one person (`A Home Office spokesman`, `a
/// senior official`): a `he` after them is them, not the last person named before.
pub(super) const ONE_PERSON_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "president",
    "director",
    "executive",
    "chief",
    "leader",
    "governor",
    "senator",
    "ambassador",
    "analyst",
    "economist",
    "dealer",
    "trader",
    "aide",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "judge",
    "commissioner",
    "officer",
    "manager",
    "mayor",
    "prosecutor",
    "diplomat",
    "banker",
];

/// The role a definite description names (`the spokesman` → `spokesman`, `the
/// foreign minister` → `minister`): a source of lowercase words after `the`.
pub(super) fn role_noun(lower_source: &str) -> Option<&str> {
    let rest = lower_source.strip_prefix("the ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let all_words = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    (all_words && !words.is_empty() && words.len() <= 3)
        .then(|| words.last().copied())
        .flatten()
}
