//! Article-wide speakers that are organisations: wire copy names a firm once and then
//! calls it `the company` or `it`; a search for the firm's statements must find all of them.

use crate::attribution::roles::{role_head, role_noun, Antecedent, ONE_PERSON_ROLES};
use crate::attribution::words::{
    is_adverb, names_people, CLAUSE_WORDS, DETERMINERS, FINITE_AUXILIARIES, PEOPLE_NOUNS,
    PEOPLE_WORDS, PRONOUNS, SENTENCE_LINKS,
};
use crate::attribution::{Attribution, Place};
use crate::entity::EntityKind;
use crate::extract::entities::Mention;
use crate::extract::tokenize::{sentences, tokenize};
use std::collections::HashMap;

/// `Eagle Telephonics Inc said it signed ... The company said ... It added`: wire copy
/// names the firm once and then calls it `the company` or `it`, and a search for the
/// firm's statements must find all of them. An `it` source is the last named
/// organisation that spoke, unless another thing spoke since (`The report said ... It
/// found`: the report, whom no name is found for); `the company` (or firm, group, ...)
/// is the last organisation that spoke; `the bank`, `the finance ministry` the last
/// one whose name holds those words (`Bank of England`, `Japan's Finance Ministry`).
/// Either stays unnamed when another organisation or place was a subject in between
/// (`Even Porsche may join the race, although it insists`), or when the words are
/// inside someone's quote (`"It claims ...`, after `Nunn said.`); an `it` that shows
/// something ([`EVIDENCE_LEMMAS`]) stays unnamed too.
pub(super) fn resolve_organisation_speakers(
    attributions: &mut [Attribution],
    fields: &Fields,
    mentions: &[Mention],
) {
    // Named organisations that spoke so far, last one last, with where they spoke.
    // With no mentions (a long body read window by window) no speaker has a name, so
    // there is nothing to point back to.
    if mentions.is_empty() {
        return;
    }
    let mut organisations: Vec<(Antecedent, Place)> = Vec::new();
    // The last speaker that is a thing, not people: what an `it` can point back to.
    let mut last_thing: Option<(Antecedent, Place)> = None;
    // Where a new report or study is a sentence's subject, with the names inside it;
    // found once, when the first `it` could be a firm.
    let mut documents: Option<Vec<(Place, Vec<&str>)>> = None;
    let said_places = |a: &Attribution| -> Vec<Place> {
        std::iter::once(&a.content)
            .chain(&a.continued)
            .map(Place::of)
            .collect()
    };
    let reported: Vec<Place> = attributions.iter().flat_map(said_places).collect();
    // What each organisation said, by name: its own statements and those of people
    // who speak for it (`a Cooper spokesman`); this pass adds the ones it names.
    let mut statements_of: HashMap<String, Vec<Place>> = HashMap::new();
    for a in attributions.iter() {
        if let Some(source) = &a.source {
            for name in source.canonical.iter().chain(&source.affiliations) {
                statements_of
                    .entry(name.clone())
                    .or_default()
                    .extend(said_places(a));
            }
        }
    }
    for a in attributions.iter_mut() {
        let own_statement = said_places(a);
        let Some(source) = a.source.as_mut() else {
            continue;
        };
        let lower = source.span.text.to_lowercase();
        let here = Place::of(&source.span);
        if source.canonical.is_none() {
            let described = organisation_description(&lower);
            let employer = described
                .is_none()
                .then(|| employer_description(&lower))
                .flatten();
            let description = described.as_ref().or(employer.as_ref());
            let antecedent = if lower == "it" && !EVIDENCE_LEMMAS.contains(&a.cue.lemma) {
                last_thing.as_ref().filter(|(thing, spoke)| {
                    if thing.kind != Some(EntityKind::Org) {
                        return false;
                    }
                    let documents = documents.get_or_insert_with(|| {
                        fields
                            .document_subjects()
                            .into_iter()
                            .map(|d| {
                                let names = mentions
                                    .iter()
                                    .filter(|m| d.holds(m.field, m.start, m.end))
                                    .map(|m| m.canonical.as_str())
                                    .collect();
                                (d, names)
                            })
                            .collect()
                    });
                    let firm = thing.canonical.as_deref().unwrap_or_default();
                    !documents.iter().any(|(d, names)| {
                        d.at_or_after(spoke.field, spoke.end)
                            && here.at_or_after(d.field, d.end)
                            // `An Ifo report said`: the firm's own report.
                            && !names.contains(&firm)
                    })
                })
            } else {
                description.and_then(|words| {
                    organisations
                        .iter()
                        .rev()
                        .find(|(organisation, _)| words.fits(organisation))
                })
            };
            let antecedent = antecedent.filter(|(antecedent, spoke)| {
                let quoted = fields.after_opening_quote(&here)
                    || reported.iter().any(|r| {
                        r.field == here.field && r.start <= here.start && here.start < r.end
                    });
                let named = antecedent.canonical.as_deref().unwrap_or_default();
                !quoted
                    && !fields.subject_between(mentions, spoke, &here, |m| {
                        !same_firm(&m.canonical, named)
                            // `Goldman privately placed the debt, the company said`: a
                            // subject inside the firm's own statements is what it said,
                            // not who it is; in someone else's it may be the new topic.
                            && !own_statement
                                .iter()
                                .any(|r| r.holds(m.field, m.start, m.end))
                            && !statements_of.get(named).is_some_and(|said| {
                                said.iter().any(|r| r.holds(m.field, m.start, m.end))
                            })
                            && description
                                .is_none_or(|words| words.any_organisation || words.names(m))
                    })
            });
            match antecedent {
                // `a company spokesman` speaks for the company and stays a person.
                Some((antecedent, _)) if employer.is_some() => {
                    if let Some(name) = &antecedent.canonical {
                        if !source.affiliations.contains(name) {
                            source.affiliations.push(name.clone());
                        }
                    }
                }
                Some((antecedent, _)) => {
                    source.canonical = antecedent.canonical.clone();
                    source.kind = antecedent.kind;
                    source.affiliations = antecedent.affiliations.clone();
                }
                None => {}
            }
            // `The company said Executive Life Insurance Co gave ...`: what the firm
            // said under another name is its statement too.
            for name in source.canonical.iter().chain(&source.affiliations) {
                statements_of
                    .entry(name.clone())
                    .or_default()
                    .extend(own_statement.iter().cloned());
            }
        }
        let organisation = source.kind == Some(EntityKind::Org) && source.canonical.is_some();
        if organisation {
            organisations.push((Antecedent::of(source, lower.clone()), here.clone()));
        }
        if organisation || (source.canonical.is_none() && names_a_thing(&lower)) {
            last_thing = Some((Antecedent::of(source, lower), here));
        }
    }
}

/// Documents that speak for themselves in news copy (`The report found ...`, `a
/// survey by Gallup shows ...`): when one is a sentence's subject, a later `it` may be
/// that document.
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "report", "study", "survey", "poll", "research", "paper", "analysis", "review", "audit",
    "inquiry", "document",
];

/// Whether a sentence opens with a new document as its subject (`But a recent report
/// from ...`, `A survey by Gallup ...`): a sentence link, an indefinite article and at most
/// three words before one of [`DOCUMENT_NOUNS`], none of them a verb or clause word
/// (`The company issued a report` is the company's sentence). Returns where the noun
/// ends, in characters from the sentence's start.
pub(super) fn document_opening_sentence(sentence: &str) -> Option<usize> {
    // Each word with the byte offset where it ends.
    let mut read = 0;
    let mut words = sentence
        .split_inclusive(char::is_whitespace)
        .filter_map(|piece| {
            let word = piece.trim_end();
            read += piece.len();
            let end = read - (piece.len() - word.len());
            let lower = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            (!word.is_empty()).then_some((lower, word, end))
        });
    let (mut first, _, _) = words.next()?;
    if SENTENCE_LINKS.contains(&first.as_str()) {
        first = words.next()?.0;
    }
    // `The report` is mostly the one the firm just spoke of: only a new one counts.
    if !matches!(first.as_str(), "a" | "an" | "another" | "one") {
        return None;
    }
    for (lower, word, end) in words.take(4) {
        if DOCUMENT_NOUNS.contains(&lower.as_str()) {
            return sentence.get(..end).map(|s| s.chars().count());
        }
        let verb_or_clause = DETERMINERS.contains(&lower.as_str())
            || CLAUSE_WORDS.contains(&lower.as_str())
            || FINITE_AUXILIARIES.contains(&lower.as_str())
            || lower.ends_with("ed");
        if verb_or_clause || word.ends_with(',') {
            return None;
        }
    }
    None
}

/// Whether two organisation names are one firm's, the shorter the start of the
/// longer (`Hyundai` and `Hyundai Motor America`), not just sharing a first word
/// (`American Express`, `American Airlines`).
pub(super) fn same_firm(one: &str, other: &str) -> bool {
    let (short, long) = if one.len() <= other.len() {
        (one, other)
    } else {
        (other, one)
    };
    long.strip_prefix(short)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Cues of what something shows rather than says: after them `it` is mostly the
/// situation (`If he can help ..., then it shows politics isn't worthless`), not the
/// firm that last spoke.
pub(super) const EVIDENCE_LEMMAS: &[&str] = &[
    "show",
    "suggest",
    "indicate",
    "prove",
    "mean",
    "demonstrate",
];

/// An article's two fields, for reading the words around a mention.
pub(super) struct Fields<'a> {
    pub(super) title: &'a str,
    pub(super) body: &'a str,
}

impl Fields<'_> {
    /// Whether a mention that `blocks` (an organisation or place) is the subject of a
    /// clause after `from` and before `to` (`Porsche may join`, `The ODPM
    /// attributed`): a later `it` or `the company` may be that one.
    fn subject_between(
        &self,
        mentions: &[Mention],
        from: &Place,
        to: &Place,
        blocks: impl Fn(&Mention) -> bool,
    ) -> bool {
        mentions
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Org | EntityKind::Place))
            .filter(|m| {
                let at = |field: &str, offset: usize| (field == "body", offset);
                at(m.field, m.start) >= at(from.field, from.end)
                    && at(m.field, m.end) <= at(to.field, to.start)
            })
            .filter(|m| blocks(m))
            .any(|m| self.opens_clause(m) && self.verb_follows(m))
    }

    /// Where a sentence's subject is a report, study or survey (`But a recent report
    /// from Continental Research reflects ...`): an `it` after it is that document
    /// more likely than the firm that spoke before, even when no name is found for it.
    /// One pass over both fields, so an article with many `it` sources pays it once;
    /// sentences as the rest of extraction splits them (`the U.S. report` is no
    /// sentence start).
    fn document_subjects(&self) -> Vec<Place> {
        let mut found = Vec::new();
        for (field, text) in [("title", self.title), ("body", self.body)] {
            let tokens = tokenize(text);
            for range in sentences(&tokens) {
                let (Some(first), Some(last)) =
                    (tokens.get(range.start), tokens.get(range.end - 1))
                else {
                    continue;
                };
                let Some(sentence) = text.get(first.start..last.end) else {
                    continue;
                };
                if let Some(noun_end) = document_opening_sentence(sentence) {
                    // Places count characters, not bytes.
                    let start = match text.is_ascii() {
                        true => first.start,
                        false => text.get(..first.start).map_or(0, |t| t.chars().count()),
                    };
                    found.push(Place {
                        field,
                        start,
                        end: start + noun_end,
                    });
                }
            }
        }
        found
    }

    /// Whether a mention stands where a clause's subject does: at the start of its
    /// field, after punctuation, a clause word, `the` or an adverb (`Even Porsche may
    /// join`), not inside another noun phrase (`its Arco Seed Co operations`, `shares
    /// of Texaco rose`), where it is no subject however the next word reads, nor
    /// after a subordinating word (`since General Electric bought RCA`), where it is
    /// background to the sentence, not its topic.
    fn opens_clause(&self, m: &Mention) -> bool {
        let (text, byte) = self.byte_at(m.field, m.start);
        let Some(before) = byte.and_then(|b| text.get(..b)).map(str::trim_end) else {
            return false;
        };
        let Some(last) = before.chars().next_back() else {
            return true;
        };
        if !last.is_alphanumeric() {
            return !matches!(last, '$' | '&' | '-' | '/' | '\'');
        }
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        const PREPOSITIONS: &[&str] = &[
            "to", "in", "on", "at", "for", "with", "by", "from", "about", "into", "over", "under",
        ];
        // `since General Electric bought RCA last year`: background, not the topic.
        const SUBORDINATORS: &[&str] = &[
            "after", "before", "since", "when", "while", "because", "although", "though", "unless",
            "until", "as", "if",
        ];
        let lower = word.to_lowercase();
        if SUBORDINATORS.contains(&lower.as_str()) {
            return false;
        }
        lower == "the"
            || (CLAUSE_WORDS.contains(&lower.as_str()) && !PREPOSITIONS.contains(&lower.as_str()))
            || SENTENCE_LINKS.contains(&lower.as_str())
            || is_adverb(&lower)
    }

    /// The text of `field` and the byte offset of its character `at`.
    fn byte_at(&self, field: &str, at: usize) -> (&str, Option<usize>) {
        let text = if field == "title" {
            self.title
        } else {
            self.body
        };
        let byte = if text.is_ascii() {
            Some(at)
        } else {
            text.char_indices().nth(at).map(|(b, _)| b)
        };
        (text, byte)
    }

    /// Whether a speaker's words open a quote (`"It indicates ...`): they are the
    /// quoted person's, whatever the quote marks around them were paired with. A mark
    /// that closes a quote (`"...," the company said`) is no such mark: a straight
    /// quote opens only after a space or at the start.
    fn after_opening_quote(&self, place: &Place) -> bool {
        let (text, byte) = self.byte_at(place.field, place.start);
        let Some(before) = byte.and_then(|b| text.get(..b)).map(str::trim_end) else {
            return false;
        };
        let mut back = before.chars().rev();
        match back.next() {
            Some('\u{201c}') => true,
            Some('"' | '\'') => back.next().is_none_or(char::is_whitespace),
            _ => false,
        }
    }

    /// Whether the word after a mention (and any adverbs) is a verb it is the subject
    /// of (`could`, `attributed`, `also insists`), not a noun it modifies or a
    /// preposition.
    fn verb_follows(&self, m: &Mention) -> bool {
        let (text, byte) = self.byte_at(m.field, m.end);
        let Some(rest) = byte.and_then(|b| text.get(b..)) else {
            return false;
        };
        // `Microsoft also made`: an adverb may stand before the verb.
        let Some(word) = rest
            .split_whitespace()
            .take(3)
            .find(|word| !is_adverb(word))
        else {
            return false;
        };
        if !rest.starts_with(' ') || !word.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        // A plural name speaks in the base form (`The Lib Dems say`).
        const PLURAL_SPEECH: &[&str] = &[
            "say", "argue", "insist", "warn", "claim", "believe", "think", "want", "hope", "fear",
            "expect", "agree", "deny", "accuse", "plan",
        ];
        // Past tenses that do not end in -ed (`Microsoft also made`).
        const IRREGULAR_PAST: &[&str] = &[
            "made", "took", "gave", "won", "sold", "bought", "paid", "got", "put", "set", "cut",
            "left", "lost", "held", "kept", "brought", "found", "saw", "chose", "began", "became",
            "went", "came", "ran", "grew", "rose", "fell", "hit", "led", "built", "spent", "sent",
            "struck", "thought", "knew", "meant", "wrote", "spoke",
        ];
        FINITE_AUXILIARIES.contains(&word)
            || PLURAL_SPEECH.contains(&word)
            || IRREGULAR_PAST.contains(&word)
            || (word.ends_with("ed") && word.len() > 4)
            || (word.ends_with('s') && !word.ends_with("ss") && word.len() > 3)
    }
}

/// A speaker described as an organisation (`the company`, `the central bank`):
/// lowercase words after `the`, the last one a noun for a body.
pub(super) struct OrganisationDescription<'a> {
    /// The words after `the` (`finance`, `ministry`).
    words: Vec<&'a str>,
    /// `company`, `firm`: any organisation; `bank`, `ministry`: one whose name says so.
    any_organisation: bool,
}

/// Nouns for an organisation of any name (`the company` after `Eagle Telephonics
/// Inc`).
pub(super) const ANY_ORGANISATION_NOUNS: &[&str] =
    &["company", "firm", "group", "corporation", "concern"];

/// Nouns for an organisation whose name holds the noun (`the bank` after `Bank of
/// England` or `Bundesbank`, `the department` after `U.S. Agriculture Department`).
pub(super) const NAMED_ORGANISATION_NOUNS: &[&str] = &[
    "bank",
    "department",
    "ministry",
    "agency",
    "exchange",
    "union",
    "commission",
    "committee",
    "council",
    "bureau",
    "office",
    "board",
    "fund",
    "association",
    "federation",
    "institute",
    "authority",
    "administration",
    "party",
    "airline",
    "airlines",
];

/// Words of an organisation description that its name need not hold (`the central
/// bank` is the Bank of Japan, `the state oil company` a company of any name).
pub(super) const DESCRIPTIVE_WORDS: &[&str] =
    &["central", "state", "federal", "national", "official"];

/// `a company spokesman`, `bank officials`: people who speak for an organisation
/// described by one of its nouns (see [`OrganisationDescription`]), which a search for
/// that organisation's statements must find too.
pub(super) fn employer_description(lower_source: &str) -> Option<OrganisationDescription<'_>> {
    let words: Vec<&str> = lower_source
        .split_whitespace()
        .skip_while(|w| DETERMINERS.contains(w) || matches!(*w, "one" | "two" | "three"))
        .collect();
    let (head, modifiers) = words.split_last()?;
    let speaks = ONE_PERSON_ROLES.contains(head) || PEOPLE_NOUNS.contains(head);
    let plain = |w: &&str| w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    if !speaks || modifiers.is_empty() || modifiers.len() > 3 || !modifiers.iter().all(plain) {
        return None;
    }
    let noun = modifiers
        .iter()
        .rev()
        .find(|w| ANY_ORGANISATION_NOUNS.contains(w) || NAMED_ORGANISATION_NOUNS.contains(w))?;
    Some(OrganisationDescription {
        words: vec![noun],
        any_organisation: ANY_ORGANISATION_NOUNS.contains(noun),
    })
}

/// `the company`, `the finance ministry`: see [`OrganisationDescription`].
pub(super) fn organisation_description(lower_source: &str) -> Option<OrganisationDescription<'_>> {
    let head = role_noun(lower_source)?;
    let any_organisation = ANY_ORGANISATION_NOUNS.contains(&head);
    if !any_organisation && !NAMED_ORGANISATION_NOUNS.contains(&head) {
        return None;
    }
    let words = lower_source.split_whitespace().skip(1).collect();
    Some(OrganisationDescription {
        words,
        any_organisation,
    })
}

impl OrganisationDescription<'_> {
    /// Whether a named organisation that spoke before can be the one described.
    fn fits(&self, organisation: &Antecedent) -> bool {
        self.any_organisation
            || self.held_by(
                &organisation
                    .canonical
                    .as_deref()
                    .unwrap_or_default()
                    .to_lowercase(),
                &organisation.words,
            )
    }

    /// Whether a mentioned organisation's name holds the description's words.
    fn names(&self, m: &Mention) -> bool {
        self.held_by(&m.canonical.to_lowercase(), &m.text.to_lowercase())
    }

    /// Whether an organisation's canonical name or its own words (`the New China News
    /// Agency` for Xinhua) hold every word of the description but the merely
    /// descriptive ones.
    fn held_by(&self, name: &str, words: &str) -> bool {
        self.words.iter().all(|word| {
            DESCRIPTIVE_WORDS.contains(word) || name.contains(word) || words.contains(word)
        })
    }
}

/// Whether an unnamed speaker is a thing an `it` can stand for (`the report`, `the
/// survey`), not people (`analysts`, `he`, `the spokesman`).
pub(super) fn names_a_thing(lower_source: &str) -> bool {
    let head = role_head(lower_source);
    let plural = head.ends_with('s') && !head.ends_with("ss");
    !PRONOUNS.contains(&lower_source)
        && !plural
        && !names_people(head)
        && !PEOPLE_WORDS.contains(&head)
        && head.chars().all(|c| c.is_alphabetic())
        && !head.is_empty()
}
