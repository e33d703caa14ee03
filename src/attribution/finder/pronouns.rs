//! A `he` or `she` speaker within one field: the person named in the sentences before.

use crate::attribution::finder::Finder;
use crate::attribution::gender;
use crate::attribution::roles::{is_one_in_a_role, pronoun_clashes, role_noun, Antecedent};
use crate::attribution::words::PRONOUN_SENTENCES;
use crate::attribution::Attribution;
use crate::entity::EntityKind;
use crate::extract::entities::Mention;

impl Finder<'_> {
    /// `He said` as a reader takes it: `he` or `she` is who the sentences before were
    /// about. Walking back from its own sentence at most [`PRONOUN_SENTENCES`]
    /// sentences, the first that names someone decides: its speaker when it has one
    /// that is a person (`A Labour Party spokesman criticised Michael Howard's record
    /// ... He said` is the spokesman), else the first person it names outside quotes
    /// (`Mr Blunkett had to answer an emergency question. He said`), skipping anyone
    /// the article calls Mr for a `she` (or Mrs/Ms/Miss for a `he`). People named after
    /// a sentence's own `he` or `she` do not count: it is about someone named further
    /// back. A speaker that is a description not yet tied to a name (`the spokesman`)
    /// leaves the pronoun to [`resolve_pronoun_speakers`], as does a long body's window
    /// (no mentions).
    pub(super) fn resolve_pronoun_sources(&self, found: &mut [Attribution], quoted: &[bool]) {
        if self.mentions.is_empty() {
            return;
        }
        for at in 0..found.len() {
            let Some(source) = found[at].source.as_ref() else {
                continue;
            };
            // `Antara quoted him as saying`: an object pronoun stands for its person too.
            let pronoun = match source.span.text.to_lowercase().as_str() {
                "him" => "he".to_string(),
                "her" => "she".to_string(),
                other => other.to_string(),
            };
            if !matches!(pronoun.as_str(), "he" | "she") || source.canonical.is_some() {
                continue;
            }
            let Some(token) = self.token_starting_at(source.span.start) else {
                continue;
            };
            let sentence = self.sentences.partition_point(|r| r.end <= token);
            let start = source.span.start;
            // Whoever the statements report on is not their speaker (`Mr Blair has
            // failed, he claimed`): names inside contents are passed over.
            let reported: Vec<(usize, usize)> = found[..=at]
                .iter()
                .flat_map(|a| std::iter::once(&a.content).chain(&a.continued))
                .filter(|span| span.field == self.field)
                .map(|span| (span.start, span.end))
                .collect();
            let Some(antecedent) = self.antecedent(
                sentence,
                (&pronoun, start, found[at].content.start),
                (&found[..at], &reported),
                quoted,
            ) else {
                continue;
            };
            if let Some(source) = found[at].source.as_mut() {
                source.canonical = antecedent.canonical;
                source.kind = antecedent.kind;
                source.affiliations = antecedent.affiliations;
            }
        }
    }

    /// Who `pronoun` (a source starting at character `at`, in sentence `s`) points
    /// back to (see [`Finder::resolve_pronoun_sources`]); `earlier` are this field's
    /// attributions before it, `reported` the character spans of their contents and
    /// the pronoun's own (which starts at `own_content_start`). Its own sentence comes
    /// first, up to the pronoun (`Mr Martin revealed ... and he also cautioned`),
    /// unless the pronoun's own words stand there.
    pub(super) fn antecedent(
        &self,
        s: usize,
        (pronoun, at, own_content_start): (&str, usize, usize),
        (earlier, reported): (&[Attribution], &[(usize, usize)]),
        quoted: &[bool],
    ) -> Option<Antecedent> {
        let is_reported = |start: usize| reported.iter().any(|&(f, t)| start >= f && start < t);
        for prev in (s.saturating_sub(PRONOUN_SENTENCES)..=s).rev() {
            let range = self.sentences[prev].clone();
            // `Mr Blair's government was "bossy," he added`: before the pronoun in its
            // own sentence stand its words, not who it is.
            let own_words_first = prev == s && own_content_start < at;
            if range.is_empty() || own_words_first {
                continue;
            }
            let from = self.chars.at(self.tokens[range.start].start);
            let to = if prev == s {
                at
            } else {
                self.chars.at(self.tokens[range.end - 1].end)
            };
            let within = |start: usize| start >= from && start < to;
            let speaker = earlier
                .iter()
                .filter_map(|a| a.source.as_ref())
                .find(|source| within(source.span.start) && !is_reported(source.span.start));
            if let Some(source) = speaker {
                let lower = source.span.text.to_lowercase();
                let named = source.canonical.is_some();
                let person = source.kind == Some(EntityKind::Person) && named;
                let pronoun_before = matches!(lower.as_str(), "he" | "she");
                let canonical = source.canonical.as_deref();
                let clashes = pronoun_clashes(pronoun, &lower, canonical)
                    || self.titled_otherwise(pronoun, canonical);
                if (person || is_one_in_a_role(&lower) || (pronoun_before && named)) && !clashes {
                    return Some(Antecedent::of(source, lower));
                }
                // `the spokesman said`, or a `he` no name was found for: who that is
                // is decided later, from the speakers before.
                if !named && (role_noun(&lower).is_some() || pronoun_before) {
                    return None;
                }
            }
            // The people the sentence names outside quotes, in order, up to a `he` or
            // `she` of its own (then it is about someone named further back).
            let first_pronoun = range
                .clone()
                .find(|&j| !quoted[j] && matches!(self.lower[j].as_ref(), "he" | "she"))
                .map(|j| self.chars.at(self.tokens[j].start))
                .filter(|&p| p < to)
                .unwrap_or(to);
            let mut named: Vec<&Mention> = self
                .mentions
                .iter()
                .filter(|m| {
                    m.kind == EntityKind::Person && m.start >= from && m.start < first_pronoun
                })
                .filter(|m| self.token_starting_at(m.start).is_some_and(|j| !quoted[j]))
                .filter(|m| !is_reported(m.start))
                .copied()
                .collect();
            named.sort_by_key(|m| m.start);
            let person = named
                .into_iter()
                .find(|m| !self.gender_clashes(pronoun, Some(&m.canonical)));
            if let Some(m) = person {
                // A person quoted earlier keeps the ties their words gave them.
                let affiliations = earlier
                    .iter()
                    .filter_map(|a| a.source.as_ref())
                    .find(|src| src.canonical.as_deref() == Some(m.canonical.as_str()))
                    .map(|src| src.affiliations.clone())
                    .unwrap_or_default();
                return Some(Antecedent {
                    words: m.text.to_lowercase(),
                    canonical: Some(m.canonical.clone()),
                    kind: Some(EntityKind::Person),
                    affiliations,
                });
            }
        }
        None
    }

    /// True when the name itself tells (a first name, a title of rank) or the article
    /// calls `canonical` Mr (for `she`) or Mrs/Ms/Miss (for `he`) anywhere: the
    /// pronoun cannot be them.
    pub(super) fn gender_clashes(&self, pronoun: &str, canonical: Option<&str>) -> bool {
        canonical.is_some_and(|name| gender::clashes(pronoun, name))
            || self.titled_otherwise(pronoun, canonical)
    }

    /// True when the article calls `canonical` Mr (for `she`) or Mrs/Ms/Miss (for
    /// `he`) anywhere.
    fn titled_otherwise(&self, pronoun: &str, canonical: Option<&str>) -> bool {
        let Some(canonical) = canonical else {
            return false;
        };
        let titles: &[&str] = if pronoun == "she" {
            &["mr", "mr."]
        } else {
            &["mrs", "mrs.", "ms", "ms.", "miss"]
        };
        self.mentions
            .iter()
            .filter(|m| m.canonical == canonical)
            .filter_map(|m| self.token_starting_at(m.start))
            .any(|j| j > 0 && titles.contains(&self.lower[j - 1].as_ref()))
    }
}
