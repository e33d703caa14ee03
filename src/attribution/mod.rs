//! Who said what: attributions found in an article's text, each with its source (the
//! speaker), its cue (the speech or stance words, with a lemma and a stance class), its
//! content, whether the content is a direct quote, and, when the content only points
//! back ("Iran denied the charges"), the sentence it points to.
//!
//! Pure rules over the tokens, sentences and entity mentions dateline already has; no
//! model. The patterns are the ones news writing lives on:
//!
//! - source first: `Pompeo on Tuesday accused Iran of ...`, `He told reporters that ...`;
//! - content first: `"We will respond," the spokesman said.`, `..., said Saeed
//!   Khatibzadeh.`, with quotes running over several sentences;
//! - `according to`: `According to officials, ...`, `..., according to the ministry.`
//!
//! Scored on PolNeAR by `quotes-eval` (see README).

pub mod cues;
pub mod stored;

/// The rules' own source, part of the extraction fingerprint: any change to them
/// (a pattern, a cue word) makes the next `index` re-read every file instead of
/// keeping the old rules' attributions, with no version number to forget to bump.
pub const RULES_SOURCE: [&str; 2] = [include_str!("mod.rs"), include_str!("cues.rs")];

use std::collections::HashMap;

use serde::Serialize;

use crate::entity::EntityKind;
use crate::extract::entities::Mention;
use crate::extract::tokenize::{sentences, tokenize, Token};
use cues::{cue_word, CueWord, Stance, AMBIGUOUS, PARTICLES, PARTICLE_OPTIONAL, QUOTED_ONLY};

/// A span of one field, in characters (as `extract`'s mentions are).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Where an anaphoric content points: a span without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
}

impl Place {
    /// Where a span stands, without its text: enough to compare positions.
    fn of(span: &Span) -> Place {
        Place {
            field: span.field,
            start: span.start,
            end: span.end,
        }
    }

    /// Whether the characters `start..end` of `field` lie within this place.
    fn holds(&self, field: &str, start: usize, end: usize) -> bool {
        self.field == field && self.start <= start && end <= self.end
    }

    /// Whether this place starts at or after character `offset` of `field`, reading
    /// the title before the body.
    fn at_or_after(&self, field: &str, offset: usize) -> bool {
        let order = |field: &str| field == "body";
        (order(self.field), self.start) >= (order(field), offset)
    }
}

/// The speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    #[serde(flatten)]
    pub span: Span,
    /// The entity the speaker is, when the words name one or a pronoun points to one.
    pub canonical: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<EntityKind>,
    /// Other entities the speaker's words tie it to (`Iranian foreign ministry
    /// spokesman Saeed Khatibzadeh` → Iran): a search for Iran's statements finds its
    /// spokesman's.
    pub affiliations: Vec<String>,
}

/// The speech or stance words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    #[serde(flatten)]
    pub span: Span,
    pub lemma: &'static str,
    pub stance: Stance,
}

/// One attribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub source: Option<Source>,
    pub cue: Cue,
    pub content: Span,
    /// The content is quoted word for word.
    pub direct: bool,
    /// The sentence an anaphoric content (`all such charges`, `it`) refers back to.
    pub topic: Option<Place>,
    /// The later parts of a direct quote broken by its cue: in `"A," she said. "B."`
    /// B is hers too, and a search for her words must find it. In text order, each
    /// without its quote marks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continued: Vec<Span>,
}

/// Every attribution in the title and body, in text order; `mentions` are the
/// article's entity mentions (from `extract`), used to name the speakers.
pub fn find(title: &str, body: &str, mentions: &[Mention]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (field, text) in [("title", title), ("body", body)] {
        let field_mentions: Vec<&Mention> = mentions.iter().filter(|m| m.field == field).collect();
        Finder::new(field, text, &field_mentions).run(&mut out);
    }
    resolve_organisation_speakers(&mut out, &Fields { title, body }, mentions);
    resolve_pronoun_speakers(&mut out);
    out
}

/// [`find`] for an article of any length, as indexing runs it: a body longer than one
/// extraction window ([`crate::extract::tokenize::WINDOW_BYTES`]) is read window by
/// window and without `mentions` (indexing does not keep a long body's mentions), so its
/// speakers keep their words but get no entity names.
pub fn find_in_article(title: &str, body: &str, mentions: &[Mention]) -> Vec<Attribution> {
    use crate::extract::tokenize::{windows, WINDOW_BYTES};
    if body.len() <= WINDOW_BYTES {
        return find(title, body, mentions);
    }
    let mut out = find(title, "", &[]);
    let mut chars_before = 0;
    for window in windows(body, WINDOW_BYTES) {
        let mut found = Vec::new();
        Finder::new("body", window, &[]).run(&mut found);
        for a in &mut found {
            a.shift(chars_before);
        }
        out.extend(found);
        chars_before += window.chars().count();
    }
    resolve_organisation_speakers(&mut out, &Fields { title, body }, &[]);
    resolve_pronoun_speakers(&mut out);
    out
}

impl Attribution {
    /// Moves the body spans `by` characters on (a window's attributions into the
    /// whole body's offsets).
    fn shift(&mut self, by: usize) {
        let spans = [Some(&mut self.cue.span), Some(&mut self.content)]
            .into_iter()
            .chain([self.source.as_mut().map(|s| &mut s.span)])
            .flatten()
            .chain(self.continued.iter_mut());
        for span in spans.filter(|s| s.field == "body") {
            span.start += by;
            span.end += by;
        }
        if let Some(topic) = self.topic.as_mut().filter(|t| t.field == "body") {
            topic.start += by;
            topic.end += by;
        }
    }

    /// The content's words with those of its continued quote parts, joined by `gap`.
    pub fn content_text(&self, gap: &str) -> String {
        let mut text = self.content.text.clone();
        for part in &self.continued {
            text.push_str(gap);
            text.push_str(&part.text);
        }
        text
    }

    /// The entity names the speaker goes by in searches and facets: the entity it is
    /// and the ones its words tie it to (`Iranian foreign ministry spokesman` → Iran).
    pub fn speaker_names(&self) -> Vec<&str> {
        let Some(source) = &self.source else {
            return Vec::new();
        };
        let mut names: Vec<&str> = source.canonical.iter().map(String::as_str).collect();
        for a in &source.affiliations {
            if !names.contains(&a.as_str()) {
                names.push(a);
            }
        }
        names
    }
}

/// Longest content shown in a one-line attribution, in characters.
const CONTENT_CHARS: usize = 160;
/// Longest topic excerpt shown in a one-line attribution, in characters.
const TOPIC_CHARS: usize = 80;

/// An attribution on one line, and the byte ranges of its speaker and cue in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

impl Attribution {
    /// `Iran — has denied (deny) — all such charges (about: ...)`: what `quotes` prints
    /// and what a `SAID(...)` hit shows as its snippet. `title` and `body` are the
    /// article's, for the topic's words.
    pub fn one_line(&self, title: &str, body: &str) -> Line {
        let speaker = match &self.source {
            Some(s) => match &s.canonical {
                Some(c) if *c != s.span.text => format!("{} ({c})", s.span.text),
                _ => s.span.text.clone(),
            },
            None => "(unattributed)".to_string(),
        };
        let content = shortened(&self.content_text(" … "), CONTENT_CHARS);
        let content = if self.direct {
            format!("\"{content}\"")
        } else {
            content
        };
        let mut text = speaker.clone();
        let mut highlights = Vec::new();
        if self.source.is_some() {
            highlights.push([0, self.source.as_ref().map_or(0, |s| s.span.text.len())]);
        }
        text.push_str(" — ");
        let cue_start = text.len();
        text.push_str(&self.cue.span.text);
        highlights.push([cue_start, text.len()]);
        text.push_str(&format!(" ({}) — {content}", self.cue.stance.as_str()));
        if let Some(topic) = &self.topic {
            let source = if topic.field == "title" { title } else { body };
            let about = stored::CharText::new(source).slice(topic.start, topic.end);
            text.push_str(&format!(" (about: {})", shortened(about, TOPIC_CHARS)));
        }
        Line { text, highlights }
    }
}

/// `text` on one line, cut at `max` characters with an ellipsis.
fn shortened(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// `he said` after a quoted person is that person, as a reader takes it: a `he` or
/// `she` source is the last one-person speaker before it, named (`Mr Leigh said`) or
/// newly introduced (`A Home Office spokesman said ... He added`); `the spokesman` is the last
/// person named as a speaker whose words held `spokesman`, or the last unnamed one
/// who speaks for someone (`A Chrysler spokesman said ... The spokesman said`). Either
/// takes that speaker's entity and affiliations too (Khatibzadeh's `he` still speaks
/// for Iran).
fn resolve_pronoun_speakers(attributions: &mut [Attribution]) {
    // One-person speakers so far, last one last.
    let mut speakers: Vec<Antecedent> = Vec::new();
    for a in attributions.iter_mut() {
        let Some(source) = a.source.as_mut() else {
            continue;
        };
        let lower = source.span.text.to_lowercase();
        let pronoun = matches!(lower.as_str(), "he" | "she");
        let antecedent = if pronoun && source.canonical.is_none() {
            speakers.last()
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
fn resolve_organisation_speakers(
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
const DOCUMENT_NOUNS: &[&str] = &[
    "report", "study", "survey", "poll", "research", "paper", "analysis", "review", "audit",
    "inquiry", "document",
];

/// Whether a sentence opens with a new document as its subject (`But a recent report
/// from ...`, `A survey by Gallup ...`): a sentence link, an indefinite article and at most
/// three words before one of [`DOCUMENT_NOUNS`], none of them a verb or clause word
/// (`The company issued a report` is the company's sentence). Returns where the noun
/// ends, in characters from the sentence's start.
fn document_opening_sentence(sentence: &str) -> Option<usize> {
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
fn same_firm(one: &str, other: &str) -> bool {
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
const EVIDENCE_LEMMAS: &[&str] = &[
    "show",
    "suggest",
    "indicate",
    "prove",
    "mean",
    "demonstrate",
];

/// An article's two fields, for reading the words around a mention.
struct Fields<'a> {
    title: &'a str,
    body: &'a str,
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
    /// One pass over both fields, so an article with many `it` sources pays it once.
    fn document_subjects(&self) -> Vec<Place> {
        let mut found = Vec::new();
        for (field, text) in [("title", self.title), ("body", self.body)] {
            // Characters read so far: places count characters, not bytes.
            let mut read = 0;
            for piece in text.split_inclusive(['.', '!', '?']) {
                let sentence = piece.trim_start();
                let start = read + piece.chars().count() - sentence.chars().count();
                if let Some(noun_end) = document_opening_sentence(sentence) {
                    found.push(Place {
                        field,
                        start,
                        end: start + noun_end,
                    });
                }
                read += piece.chars().count();
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
struct OrganisationDescription<'a> {
    /// The words after `the` (`finance`, `ministry`).
    words: Vec<&'a str>,
    /// `company`, `firm`: any organisation; `bank`, `ministry`: one whose name says so.
    any_organisation: bool,
}

/// Nouns for an organisation of any name (`the company` after `Eagle Telephonics
/// Inc`).
const ANY_ORGANISATION_NOUNS: &[&str] = &["company", "firm", "group", "corporation", "concern"];

/// Nouns for an organisation whose name holds the noun (`the bank` after `Bank of
/// England` or `Bundesbank`, `the department` after `U.S. Agriculture Department`).
const NAMED_ORGANISATION_NOUNS: &[&str] = &[
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
const DESCRIPTIVE_WORDS: &[&str] = &["central", "state", "federal", "national", "official"];

/// `a company spokesman`, `bank officials`: people who speak for an organisation
/// described by one of its nouns (see [`OrganisationDescription`]), which a search for
/// that organisation's statements must find too.
fn employer_description(lower_source: &str) -> Option<OrganisationDescription<'_>> {
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
fn organisation_description(lower_source: &str) -> Option<OrganisationDescription<'_>> {
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
fn names_a_thing(lower_source: &str) -> bool {
    let head = role_head(lower_source);
    let plural = head.ends_with('s') && !head.ends_with("ss");
    !PRONOUNS.contains(&lower_source)
        && !plural
        && !names_people(head)
        && !PEOPLE_WORDS.contains(&head)
        && head.chars().all(|c| c.is_alphabetic())
        && !head.is_empty()
}

/// Adverbs that stand between a verb's auxiliary and the verb (`is sometimes
/// expected`, `was widely reported`), never its subject.
fn is_adverb(lower: &str) -> bool {
    const ADVERBS: &[&str] = &[
        "sometimes",
        "often",
        "also",
        "still",
        "now",
        "not",
        "never",
        "already",
        "always",
        "long",
        "once",
        "again",
        "even",
        "since",
        "yet",
        "n't",
        "later",
        "earlier",
        "just",
    ];
    ADVERBS.contains(&lower) || (lower.len() > 4 && ly_adverb(lower))
}

/// Whether a lowercase word ending in `-ly` is an adverb (`repeatedly`), not one of
/// the nouns that end so: `his family has said` is the family's statement, and `the
/// Tehran daily said` a newspaper's.
fn ly_adverb(lower: &str) -> bool {
    const LY_NOUNS: &[&str] = &[
        "family",
        "ally",
        "assembly",
        "rally",
        "monopoly",
        "oligopoly",
        "duopoly",
        "supply",
        "reply",
        "anomaly",
        "tally",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "bully",
    ];
    lower.ends_with("ly") && !LY_NOUNS.contains(&lower)
}

/// A speaker a later `he`, `she` or `the spokesman` can point back to.
struct Antecedent {
    /// The speaker phrase, lowercase (`committee chairman edward leigh`).
    words: String,
    canonical: Option<String>,
    kind: Option<EntityKind>,
    affiliations: Vec<String>,
}

impl Antecedent {
    fn of(source: &Source, lower: String) -> Antecedent {
        Antecedent {
            words: lower,
            canonical: source.canonical.clone(),
            kind: source.kind,
            affiliations: source.affiliations.clone(),
        }
    }
}

/// Most tokens an addressee ending in an audience noun runs over (`BBC One's
/// Breakfast with Frost programme` is 7).
const AUDIENCE_TOKENS: usize = 9;

/// Nouns that end an addressee: who or what a statement was told to.
const AUDIENCE_NOUNS: &[&str] = &[
    "programme",
    "program",
    "show",
    "newspaper",
    "magazine",
    "website",
    "station",
    "channel",
    "agency",
    "reporters",
    "journalists",
    "audience",
    "conference",
    "convention",
    "committee",
    "mps",
    "peers",
    "delegates",
    "supporters",
    "members",
    "senators",
    "lawmakers",
    "inquiry",
    "hearing",
    "debate",
    "meeting",
    "rally",
    "forum",
    "summit",
    "interview",
];

/// How many sentences back a `he` or `she` looks for who it is.
const PRONOUN_SENTENCES: usize = 3;

/// `a spokesman`, `Home Office spokeswoman`: someone new, one person. (`The
/// minister` may well be someone named before under another description, so it is no
/// antecedent of its own.)
fn is_one_in_a_role(lower_source: &str) -> bool {
    !lower_source.starts_with("the ") && ONE_PERSON_ROLES.contains(&role_head(lower_source))
}

/// The head noun of a speaker description: its last word, or the last before `for`,
/// `of` or `at` (`a spokeswoman for Human Rights Watch`).
fn role_head(lower_source: &str) -> &str {
    let words: Vec<&str> = lower_source.split_whitespace().collect();
    let head_end = words
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "at"))
        .unwrap_or(words.len());
    words[..head_end].last().copied().unwrap_or("")
}

/// A spokesman is no `she` and a spokeswoman no `he`.
fn role_gender_clashes(pronoun: &str, lower_source: &str) -> bool {
    let head = role_head(lower_source);
    let female = head.ends_with("woman") || head.ends_with("women");
    let male = head.ends_with("man") && !female;
    (pronoun == "he" && female) || (pronoun == "she" && male)
}

/// Head nouns of an unnamed speaker who is one person (`A Home Office spokesman`, `a
/// senior official`): a `he` after them is them, not the last person named before.
const ONE_PERSON_ROLES: &[&str] = &[
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
fn role_noun(lower_source: &str) -> Option<&str> {
    let rest = lower_source.strip_prefix("the ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let all_words = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    (all_words && !words.is_empty() && words.len() <= 3)
        .then(|| words.last().copied())
        .flatten()
}

/// Byte offsets to character offsets for one text.
struct Chars {
    /// Character offset of every byte, or none for ASCII text (offsets equal).
    table: Option<Vec<u32>>,
}

impl Chars {
    fn of(text: &str) -> Chars {
        if text.is_ascii() {
            return Chars { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        let mut bytes = text.char_indices().peekable();
        for (i, slot) in table.iter_mut().enumerate() {
            while bytes.peek().is_some_and(|(b, _)| *b < i) {
                bytes.next();
                count += 1;
            }
            *slot = count;
        }
        Chars { table: Some(table) }
    }

    fn at(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t.get(byte).copied().unwrap_or(0) as usize,
        }
    }
}

/// Most sentences a quote after a source-first cue runs over: a stray quote mark must
/// not make the rest of a long paragraph someone's words.
const QUOTE_SENTENCES: usize = 6;
/// Most sentences a continued quote runs over: it already opened a sentence of its own
/// right after its speaker, so only its paragraph bounds it, and a speech excerpt can
/// hold a dozen sentences.
const CONTINUED_SENTENCES: usize = 20;

/// Words that make the next word a noun (`the claims`, `his warning`), not a cue.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "such", "no", "any", "every", "each", "some", "that",
];
/// Words between a speaker and the cue (`has also said`, `repeatedly denied`).
const AUXILIARIES: &[&str] = &[
    "n't",
    "n’t",
    "has",
    "have",
    "had",
    "also",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "later",
    "previously",
    "again",
    "often",
    "then",
    "already",
    "once",
    "still",
    "publicly",
    "privately",
    "reportedly",
    "repeatedly",
    "quickly",
    "flatly",
    "strongly",
    "firmly",
    "swiftly",
    "immediately",
    "openly",
    "angrily",
    "falsely",
    "recently",
    "earlier",
    "first",
    "just",
    "been",
    "being",
    "be",
    "long",
    "yet",
    "even",
    "indeed",
    "can",
    "cannot",
    "must",
    "shall",
    // `can't`, `won't` and `shan't` tokenize as `ca`/`wo`/`sha` + `n't`.
    "ca",
    "wo",
    "sha",
    "always",
    "now",
    "since",
    "twice",
];
/// Verbs that take a clause's subject as their object (`the trial which saw Scholl
/// deny the charges`): they end a speaker phrase on its left.
const RAISING_VERBS: &[&str] = &[
    "saw", "see", "sees", "seen", "watched", "heard", "made", "make", "makes", "let", "lets",
    "helped", "had",
];
/// Words that end a speaker's noun phrase on its left (`officials who said`).
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "when", "while", "as", "because", "if",
    "after", "before", "since", "where", "what", "so", "than", "or", "nor", "though", "although",
    "unless", "until", "to", "in", "on", "at", "for", "with", "by", "from", "about", "into",
    "over", "under", "said", "says", "told", "is", "was", "are", "were", "it's",
];
/// What a statement is made in (`said in a statement`, `Jeb Bush in an interview
/// said`): the phrase belongs to the cue, never to the speaker or the content.
const STATEMENTS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "tweet",
    "email",
    "memo",
    "post",
    "op-ed",
    "video",
    "address",
    "briefing",
];
/// Time words skipped between a speaker and a cue (`Pompeo on Tuesday accused`),
/// besides the weekdays ([`is_time_word`]).
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// A word that says when (`Tuesday`, `yesterday`, `week`).
fn is_time_word(word: &str) -> bool {
    TIME_WORDS.contains(&word) || crate::extract::dates::weekday(word).is_some()
}

/// Auxiliaries that make a finite verb phrase: after a noun phrase they open a clause
/// (`said Labour would ...`), so that phrase is its subject, not a speaker or addressee.
const FINITE_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "should", "may",
    "might", "can", "must", "did", "does",
];
/// Pronouns that stand for no one: an object (`say anything`), or a speaker only in
/// idioms (`Something tells me`).
/// Plural nouns of people who speak as a group from a place (`traders in Tokyo`),
/// so `in` after them joins the place to the speaker.
const PEOPLE_NOUNS: &[&str] = &[
    "traders",
    "dealers",
    "analysts",
    "officials",
    "sources",
    "economists",
    "bankers",
    "diplomats",
    "experts",
    "observers",
    "residents",
    "executives",
    "brokers",
    "producers",
    "exporters",
    "importers",
    "farmers",
    "delegates",
    "leaders",
];

/// Words that link a sentence to the one before (`But`, `However,`) and stand before
/// its subject, no part of it.
const SENTENCE_LINKS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "now",
    "then",
];

/// Whether a subject's head word names people who can speak: a personal pronoun,
/// people (`analysts`) or one person's role (`spokesman`).
fn names_people(head: &str) -> bool {
    matches!(head, "he" | "she" | "they" | "we")
        || PEOPLE_NOUNS.contains(&head)
        || ONE_PERSON_ROLES.contains(&head)
}

/// Heads of a sentence subject that can go on speaking in a gerund after it (`The
/// firm cut 500 jobs, saying ...`, `A US woman is suing HP, saying ...`), besides
/// [`PEOPLE_NOUNS`], [`ONE_PERSON_ROLES`] and [`PEOPLE_WORDS`]: people and the bodies
/// that speak.
const SPEAKING_SUBJECTS: &[&str] = &[
    "critics",
    "campaigners",
    "ministers",
    "mps",
    "government",
    "ministry",
    "department",
    "company",
    "firm",
    "group",
    "union",
    "unions",
    "party",
    "committee",
    "board",
    "bank",
    "club",
];

/// Nouns for people that are neither a role nor a group that speaks as one ([`names_people`]):
/// a gerund after them is theirs ([`SPEAKING_SUBJECTS`]), and an `it` is never them.
const PEOPLE_WORDS: &[&str] = &["man", "men", "woman", "women", "people", "police"];

/// Items a speaker list reaches back over before its last `and` (`France, Britain,
/// Canada and Japan said`).
const LIST_ITEMS: usize = 12;

/// Plural nouns of people known for what they study, so `on` after them names their
/// subject (`experts on North Korea`), not a new phrase.
const EXPERT_NOUNS: &[&str] = &[
    "experts",
    "specialists",
    "analysts",
    "authorities",
    "scholars",
    "researchers",
    "commentators",
    "observers",
    "watchers",
    "economists",
];

/// Frequent irregular past forms (a regular one ends in -ed), and `do`, `been`: the
/// verbs a name's description runs up to.
const IRREGULAR_PAST: &[&str] = &[
    "made", "took", "gave", "got", "went", "came", "saw", "knew", "thought", "put", "kept", "held",
    "won", "lost", "ran", "left", "met", "paid", "sent", "brought", "bought", "do", "sold",
    "wrote", "spoke", "found", "began", "been", "led", "set", "cut", "rose", "fell",
];

/// Roles named by whom they serve (`an aide to the president`, `adviser to Mr
/// Brown`), so `to` after them joins the person served to the speaker.
const ROLES_TO: &[&str] = &[
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "assistant",
    "counsel",
    "consultant",
    "consultants",
    "ambassador",
    "envoy",
    "deputy",
    "successor",
];

const INDEFINITE_PRONOUNS: &[&str] = &["anything", "something", "nothing", "everything"];
/// Cue lemmas whose next noun phrase is whom they spoke to (`told reporters that`),
/// so it is neither the content nor, after a comma, an inverted speaker.
const ADDRESSEE_CUES: &[&str] = &["tell", "inform", "brief", "assure", "remind"];
/// Pronoun speakers.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Words that open a phrase saying when, where or how something was said (`said on
/// Tuesday`, `said after the meeting`, `added via Twitter`), not what.
const ADVERBIAL_OPENERS: &[&str] = &[
    "at",
    "on",
    "in",
    "after",
    "as",
    "during",
    "before",
    "while",
    "when",
    "via",
    "through",
    "outside",
    "inside",
    "following",
    "later",
    "afterwards",
    "from",
    "of",
    "with",
];
/// Longest phrase read as only saying when, where or how (`in his New Year message`,
/// `with The Times newspaper, published on Friday`); a longer one holds a content
/// (`after meeting Tony Blair he had been left with the impression that ...`).
const ADVERBIAL_TOKENS: usize = 10;
/// Nouns after which a content points back (`denied the charges`).
const ANAPHORIC_NOUNS: &[&str] = &[
    "charge",
    "charges",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "report",
    "reports",
    "remarks",
    "comments",
    "statement",
    "statements",
    "it",
    "this",
    "that",
    "them",
    "suggestion",
    "suggestions",
    "idea",
];

fn is_open_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "‘" | "``" | "''")
}

/// A quote mark that opens and closes alike (`"`, and `''` as some papers print it).
fn is_straight_quote(t: &str) -> bool {
    matches!(t, "\"" | "''")
}

fn is_close_quote(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "''")
}

fn is_quote(t: &str) -> bool {
    is_open_quote(t) || is_close_quote(t)
}

/// Double quote marks (`“ ” " `` ''`) and single ones (`‘ ’`) pair only with their own
/// kind: a `‘quote within a quote’` or a plural possessive's `’` inside `“...”` must
/// not end the outer quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteKind {
    Double,
    Single,
}

fn quote_kind(t: &str) -> Option<QuoteKind> {
    match t {
        "\"" | "“" | "”" | "``" | "''" => Some(QuoteKind::Double),
        "‘" | "’" => Some(QuoteKind::Single),
        _ => None,
    }
}

/// The tokens of `text`, with a doubled apostrophe or backtick (`''`, ```` `` ````), as
/// some papers and plain-text archives print quotation marks, made one quote token: the
/// tokenizer splits punctuation char by char, which suits the tagger but would read
/// `''We` as two apostrophes.
fn tokens_with_doubled_quotes(text: &str) -> Vec<Token<'_>> {
    let mut tokens = tokenize(text);
    let mut merged: Vec<Token<'_>> = Vec::with_capacity(tokens.len());
    for mut token in tokens.drain(..) {
        // The tokenizer keeps a backtick on its word (```` ``It ````).
        if token.text.len() > 2 && token.text.starts_with("``") {
            merged.push(Token {
                text: &token.text[..2],
                end: token.start + 2,
                ..token
            });
            token = Token {
                text: &token.text[2..],
                start: token.start + 2,
                paragraph_start: false,
                ..token
            };
        }
        if let Some(last) = merged.last_mut() {
            let doubled = last.end == token.start
                && last.text.len() == 1
                && token.text == last.text
                && matches!(token.text, "'" | "`");
            if doubled {
                if let Some(both) = text.get(last.start..token.end) {
                    last.text = both;
                    last.end = token.end;
                    continue;
                }
            }
        }
        merged.push(token);
    }
    merged
}

fn capitalized(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

fn is_punct(t: &str) -> bool {
    !t.chars().any(char::is_alphanumeric)
}

/// The attributions of one field.
struct Finder<'a> {
    field: &'static str,
    text: &'a str,
    tokens: Vec<Token<'a>>,
    sentences: Vec<std::ops::Range<usize>>,
    lower: Vec<String>,
    chars: Chars,
    mentions: &'a [&'a Mention],
}

impl<'a> Finder<'a> {
    fn new(field: &'static str, text: &'a str, mentions: &'a [&'a Mention]) -> Finder<'a> {
        let tokens = tokens_with_doubled_quotes(text);
        let sentences = sentences(&tokens);
        let lower = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        Finder {
            field,
            text,
            tokens,
            sentences,
            lower,
            chars: Chars::of(text),
            mentions,
        }
    }

    fn run(&self, out: &mut Vec<Attribution>) {
        let first = out.len();
        // The token after each attribution's words.
        let mut ends = Vec::new();
        let quoted = self.quoted_tokens();
        for (s, range) in self.sentences.iter().enumerate() {
            let mut i = range.start;
            while i < range.end {
                match self
                    .attribution_at(s, i)
                    .filter(|(a, _)| speech_continued(a))
                {
                    // `"He told me he would go," she said`: who told is her account,
                    // part of her words, not a statement the article reports. Its
                    // words may run on past the quote (`"I think by the end she will
                    // win," Fallon said` read as the end thinking): the search goes on
                    // where the quote closes, so the speaker after it is still found.
                    Some((_, next)) if quoted[i] => {
                        let quote_end = (i..range.end).find(|&j| !quoted[j]).unwrap_or(range.end);
                        i = next.min(quote_end).max(i + 1);
                    }
                    Some((found, next)) => {
                        out.push(found);
                        ends.push(next.max(i + 1));
                        i = next.max(i + 1);
                    }
                    None => i += 1,
                }
            }
        }
        self.continue_quotes(&mut out[first..], &ends);
        self.end_contents_at_inverted_speakers(&mut out[first..]);
        self.gerunds_keep_their_sentences_speaker(&mut out[first..]);
        self.resolve_pronoun_sources(&mut out[first..], &quoted);
    }

    /// `Sales are expected to fall in 2005, Fiat said this week, as it exits ...` and
    /// `Privately ministers believe this will be the option, our correspondent added`:
    /// a content running on from its cue ends where another attribution's speaker and
    /// cue follow the words they report (`, Fiat said`), since those words are that
    /// speaker's account and the tail is not part of what the first one said.
    fn end_contents_at_inverted_speakers(&self, found: &mut [Attribution]) {
        // Each inverted attribution: its content's start and end, and where its
        // speaker-and-cue tail starts.
        let tails: Vec<(usize, usize, usize)> = found
            .iter()
            .filter_map(|b| {
                let tail = b
                    .source
                    .as_ref()
                    .map_or(b.cue.span.start, |s| s.span.start.min(b.cue.span.start));
                let between = self.tokens_between(b.content.end, tail);
                let separated = between.clone().all(|j| is_punct(&self.lower[j]))
                    && between
                        .clone()
                        .any(|j| self.lower[j] == "," || is_close_quote(self.tokens[j].text));
                (b.content.end <= tail && separated).then_some((
                    b.content.start,
                    b.content.end,
                    tail,
                ))
            })
            .collect();
        for a in found.iter_mut() {
            let (start, end) = (a.content.start, a.content.end);
            let cut = tails
                .iter()
                .filter(|&&(from, to, tail)| {
                    from <= start && to > start && tail > start && tail < end
                })
                .map(|&(_, _, tail)| tail)
                .min();
            let (Some(cut), Some(from)) = (cut, self.token_starting_at(start)) else {
                continue;
            };
            let Some(to) = self.token_starting_at(cut) else {
                continue;
            };
            if let Some((from, to, direct)) = self.trimmed(from, to) {
                if let Some(content) = self.span(from, to) {
                    a.content = content;
                    a.direct = a.direct && direct;
                }
            }
        }
    }

    /// `Mr Haji-Ioannou, who plans ..., vowed to fight back, saying: "..."`, `"...,"
    /// he said, insisting ...`: a `, saying` with no speaker of its own continues the
    /// speaker of the sentence's attribution before it, however that one was found
    /// (an appositive, an inversion). Not after `according to`, whose source reports
    /// the sentence rather than speaking in it. With none before it, an aside
    /// (`Baker, defending the strategy, said`) has the speaker of the verb after it.
    fn gerunds_keep_their_sentences_speaker(&self, found: &mut [Attribution]) {
        for k in 0..found.len() {
            if found[k].source.is_some() {
                continue;
            }
            let cue_start = found[k].cue.span.start;
            let Some(cue) = self.token_starting_at(cue_start) else {
                continue;
            };
            if cue == 0 || self.lower[cue - 1] != "," || !self.lower[cue].ends_with("ing") {
                continue;
            }
            let s = self.sentences.partition_point(|r| r.end <= cue);
            let Some(sentence_start) = self.sentences.get(s).map(|r| self.tokens[r.start].start)
            else {
                continue;
            };
            let sentence_start = self.chars.at(sentence_start);
            let before = found[..k]
                .iter()
                .rev()
                .take_while(|b| b.cue.span.start >= sentence_start)
                .find(|b| b.cue.span.end <= cue_start && b.source.is_some());
            if let Some(before) = before.filter(|b| b.cue.lemma != "according to") {
                found[k].source = before.source.clone();
                continue;
            }
            // An aside (`..., responding to a warning, said`) is spoken by the speaker of
            // the verb its words end before.
            let content_end = found[k].content.end;
            let main = found[k + 1..].iter().find(|b| {
                b.cue.span.start >= content_end
                    && self
                        .tokens_between(content_end, b.cue.span.start)
                        .all(|j| is_punct(&self.lower[j]) || self.verb_modifier(j))
            });
            let Some(mut source) = main.and_then(|m| m.source.clone()) else {
                continue;
            };
            // Its span, which takes in the aside as an appositive, ends before it.
            if source.span.end > cue_start {
                let from = self.token_starting_at(source.span.start);
                match from.and_then(|from| self.span(from, cue - 1)) {
                    Some(span) => source.span = span,
                    None => continue,
                }
            }
            found[k].source = Some(source);
        }
    }

    /// Whether a finite cue verb (`said`, `today told`, `has denied`) starts at token
    /// `j`, past auxiliaries, adverbs and words saying when: the main verb an aside
    /// ends at.
    fn finite_cue_after(&self, mut j: usize) -> bool {
        while j < self.lower.len() && (self.verb_modifier(j) || is_time_word(&self.lower[j])) {
            j += 1;
        }
        j < self.lower.len()
            && !capitalized(self.tokens[j].text)
            && !self.lower[j].ends_with("ing")
            && cue_word(&self.lower[j]).is_some()
    }

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
    fn resolve_pronoun_sources(&self, found: &mut [Attribution], quoted: &[bool]) {
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
    fn antecedent(
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
                let clashes = self.gender_clashes(pronoun, source.canonical.as_deref())
                    || role_gender_clashes(pronoun, &lower)
                    || (pronoun_before && lower != pronoun);
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
                .find(|&j| !quoted[j] && matches!(self.lower[j].as_str(), "he" | "she"))
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

    /// True when the article calls `canonical` Mr (for `she`) or Mrs/Ms/Miss (for
    /// `he`) anywhere: the pronoun cannot be them.
    fn gender_clashes(&self, pronoun: &str, canonical: Option<&str>) -> bool {
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
            .any(|j| j > 0 && titles.contains(&self.lower[j - 1].as_str()))
    }

    /// For each token, whether it is inside a double-quoted passage. A straight
    /// quote's direction comes from its spacing (` "We` opens, `it." ` closes), so
    /// the BBC's merged quoted paragraphs (`said: "A. "B. "C."`, each opening with no
    /// closing mark before it) pair up as a reader pairs them. A quote still open at
    /// its paragraph's end counts as none: a transcript's `"PENCE: ...` opens one and
    /// never closes it, and a cue in it is the transcript's.
    fn quoted_tokens(&self) -> Vec<bool> {
        let mut quoted = vec![false; self.tokens.len()];
        // The token after the mark that opened the quote we are in.
        let mut open: Option<usize> = None;
        for (j, token) in self.tokens.iter().enumerate() {
            if token.paragraph_start {
                open = None;
            }
            if let Some(opens) = self.double_quote_opens(j) {
                if let Some(from) = open {
                    quoted[from..j].iter_mut().for_each(|q| *q = true);
                }
                open = opens.then_some(j + 1);
            }
        }
        quoted
    }

    /// For a double quote mark at token `j`, whether it opens (rather than closes) a
    /// quote; `None` for any other token.
    fn double_quote_opens(&self, j: usize) -> Option<bool> {
        let t = self.tokens[j].text;
        if quote_kind(t) != Some(QuoteKind::Double) {
            return None;
        }
        if !is_straight_quote(t) {
            return Some(is_open_quote(t));
        }
        let start = self.tokens[j].start;
        let before = self.text.get(..start).and_then(|b| b.chars().next_back());
        Some(before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-')))
    }

    /// Most continued quotes kept for one attribution.
    const MAX_CONTINUED: usize = 8;

    /// `"A," she said. "B."` and `"A," she said, "B."`: a direct quote broken by its cue
    /// goes on in the quote that follows, when that quote is a sentence (or the rest of
    /// one) of its own in the same paragraph with no cue of its own; and so on while
    /// quoted sentences follow. `ends` holds the token after each attribution's words.
    fn continue_quotes(&self, found: &mut [Attribution], ends: &[usize]) {
        let cue_tokens: Vec<usize> = found
            .iter()
            .filter_map(|a| self.token_starting_at(a.cue.span.start))
            .collect();
        for (k, a) in found.iter_mut().enumerate() {
            if !a.direct {
                continue;
            }
            let Some(mut close) = self.closing_quote_after(a.content.end) else {
                continue;
            };
            let mut at = ends[k].max(close + 1);
            while a.continued.len() < Self::MAX_CONTINUED {
                let Some(open) = self.next_quote_opening(at, a.continued.is_empty()) else {
                    break;
                };
                let Some(next_close) = self.closing_quote_within(open, CONTINUED_SENTENCES) else {
                    break;
                };
                let sentence_end = self.sentence_end_after(next_close);
                let own_cue = cue_tokens
                    .iter()
                    .any(|&c| c >= at && c < sentence_end.max(next_close + 1));
                // The quote must make up the rest of its sentence: `"B," she added` has
                // its own cue, `"Title" was written by` is no quote of hers.
                let ends_with_sentence = next_close > 0
                    && matches!(self.lower[next_close - 1].as_str(), "." | "?" | "!");
                let rest_is_punctuation = ends_with_sentence
                    || (next_close + 1..sentence_end).all(|j| is_punct(&self.lower[j]));
                if own_cue || !rest_is_punctuation {
                    break;
                }
                let Some((from, to, _)) = self.trimmed(open + 1, next_close) else {
                    break;
                };
                let Some(span) = self.span(from, to) else {
                    break;
                };
                a.continued.push(span);
                close = next_close;
                at = close + 1;
            }
        }
    }

    /// The tokens starting at or after character `from` and before character `to`.
    fn tokens_between(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let first = |c: usize| self.tokens.partition_point(|t| self.chars.at(t.start) < c);
        first(from)..first(to).max(first(from))
    }

    /// The token that starts at character `char_start`.
    fn token_starting_at(&self, char_start: usize) -> Option<usize> {
        let j = self
            .tokens
            .partition_point(|t| self.chars.at(t.start) < char_start);
        (j < self.tokens.len() && self.chars.at(self.tokens[j].start) == char_start).then_some(j)
    }

    /// The closing quote just after a direct content ending at character `char_end`
    /// (past the punctuation [`Finder::trimmed`] took off: `day,”`).
    fn closing_quote_after(&self, char_end: usize) -> Option<usize> {
        let j = self
            .tokens
            .partition_point(|t| self.chars.at(t.start) < char_end);
        (j..self.tokens.len().min(j + 4))
            .take_while(|&k| is_punct(&self.lower[k]))
            .find(|&k| is_close_quote(self.tokens[k].text))
    }

    /// Where a continued quote opens, looking from token `at` within the paragraph:
    /// as the next sentence (`she said. "B`, or `"B." "C` for a later part), or, for
    /// the first part only (`first`), after a comma or colon that ends the cue's
    /// clause (`she said, "B`, `Tester said, referring to the excuse, "B`).
    fn next_quote_opening(&self, at: usize, first: bool) -> Option<usize> {
        let mut j = at;
        while !is_quote(self.tokens.get(j)?.text) {
            if self.tokens[j].paragraph_start {
                return None;
            }
            j += 1;
        }
        if !is_open_quote(self.tokens[j].text) || self.tokens[j].paragraph_start {
            return None;
        }
        let ends_sentence = |k: usize| matches!(self.lower[k].as_str(), "." | "?" | "!");
        let before = j.checked_sub(1).map(|k| self.lower[k].as_str());
        let new_sentence = self.sentences.iter().any(|r| r.start == j)
            || j.checked_sub(1).is_some_and(ends_sentence)
            || (before.is_some_and(is_close_quote) && j.checked_sub(2).is_some_and(ends_sentence));
        let after_clause = first && matches!(before, Some("," | ":"));
        // Words between: only the rest of the cue's clause, no sentence of narrative.
        let gap_ends_sentence = (at..j.saturating_sub(2)).any(ends_sentence);
        let gap_has_words = (at..j).any(|k| !is_punct(&self.lower[k]));
        let gap_ok = !gap_ends_sentence && (first || !gap_has_words);
        ((new_sentence || after_clause) && gap_ok).then_some(j)
    }

    /// The end (exclusive) of the sentence holding token `j`.
    fn sentence_end_after(&self, j: usize) -> usize {
        let s = self.sentences.partition_point(|r| r.end <= j);
        self.sentences
            .get(s)
            .map_or(self.tokens.len(), |range| range.end)
    }

    /// The span of tokens `from..to` (exclusive), trimmed of punctuation at its ends
    /// except quotes that are part of a direct quote.
    fn span(&self, from: usize, to: usize) -> Option<Span> {
        if from >= to || to > self.tokens.len() {
            return None;
        }
        let (start, end) = (self.tokens[from].start, self.tokens[to - 1].end);
        Some(Span {
            field: self.field,
            start: self.chars.at(start),
            end: self.chars.at(end),
            text: self.text.get(start..end)?.to_string(),
        })
    }

    /// A cue starting at token `i` of sentence `s`, with its attribution; and the
    /// token to look from next.
    fn attribution_at(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let word = self.lower[i].as_str();
        if word == "according" && self.lower.get(i + 1).map(String::as_str) == Some("to") {
            return self.according_to(s, i);
        }
        if word == ":" {
            return self.speaker_colon(s, i);
        }
        if matches!(word, "―" | "—" | "–" | "--") {
            return self.dash_signature(s, i);
        }
        if word == "asked" {
            if let Some(found) = self.asked_question(s, i) {
                return Some(found);
            }
        }
        // A capitalized cue word is part of a name (`Secretary of State`, `Press`).
        if capitalized(self.tokens[i].text) {
            return None;
        }
        let cue = cue_word(word)?;
        let prev = (i > range.start).then(|| self.lower[i - 1].as_str());
        // `the claims`, `Pompeo's comments`: a noun.
        if prev.is_some_and(|p| DETERMINERS.contains(&p) || p == "'s" || p == "’s") {
            return None;
        }
        // `because of alleged business ties`, `over reported remarks`: an adjective.
        const ADJECTIVE_FORMS: &[&str] = &[
            "alleged",
            "reported",
            "rumoured",
            "rumored",
            "suspected",
            "claimed",
            "purported",
        ];
        const PREPOSITIONS: &[&str] = &[
            "of", "over", "for", "about", "in", "with", "on", "into", "against", "from", "after",
            "despite", "amid", "by",
        ];
        if ADJECTIVE_FORMS.contains(&word) && prev.is_some_and(|p| PREPOSITIONS.contains(&p)) {
            return None;
        }
        // `a greater say in`, `the final say`, `have more say over`: the noun.
        if word == "say" && self.say_is_a_noun(i, range.start) {
            return None;
        }
        if self.describes_a_noun(i, range.start) {
            return None;
        }
        // `an "attack mongrel"`: a quoted phrase opening on the word, not a verb.
        if i > range.start && self.opens_quote_on(i - 1) {
            return None;
        }
        if self.plural_noun_after_name(i, range.start) || self.noun_in_its_phrase(i, range.start) {
            return None;
        }
        // A particle some verbs need (`called for`), kept in the cue.
        let mut cue_end = i + 1;
        let mut cue = cue;
        if let Some((_, particles)) = PARTICLES.iter().find(|(l, _)| *l == cue.lemma) {
            let next = self.lower.get(i + 1).map(String::as_str).unwrap_or("");
            if particles.contains(&next) {
                cue_end = i + 2;
            } else if PARTICLE_OPTIONAL.contains(&cue.lemma) {
                // `called him a liar`, `called it a success`: naming, no appeal.
                cue.stance = Stance::Say;
            } else {
                return None;
            }
        }
        // `declined to comment` is a statement; `profits declined to 5 mln dlrs`,
        // `value declined to nine mln stg` and `declined to a record low` are not: a
        // verb must follow the `to`, and the speaker must come first.
        if matches!(cue.lemma, "decline" | "refuse") {
            /// Words after `declined to` that make it a fall, not a refusal.
            const NOT_VERBS: &[&str] = &[
                "an", "about", "around", "near", "below", "above", "date", "record", "new", "low",
                "lows", "high", "levels", "level", "zero", "one", "two", "three", "four", "five",
                "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
                "forty", "fifty", "hundred", "half", "minus",
            ];
            let verb = self.tokens.get(i + 2).is_some_and(|t| {
                t.text.chars().all(|c| c.is_ascii_lowercase())
                    && !DETERMINERS.contains(&t.text)
                    && !NOT_VERBS.contains(&t.text)
            });
            let after_content = prev.is_some_and(|p| p == "," || is_close_quote(p));
            if !verb || after_content {
                return None;
            }
        }
        // `is charged with ensuring order in the chamber`: a duty, not an accusation.
        // (`charged with murdering` stays one: only the verbs of a task count.)
        const DUTIES: &[&str] = &[
            "ensuring",
            "overseeing",
            "running",
            "managing",
            "finding",
            "developing",
            "leading",
            "delivering",
            "implementing",
            "protecting",
            "investigating",
            "reviewing",
            "organising",
            "organizing",
            "monitoring",
            "enforcing",
            "regulating",
            "promoting",
            "handling",
            "coordinating",
            "drawing",
            "drafting",
            "setting",
            "looking",
            "producing",
            "preparing",
            "supervising",
            "maintaining",
            "improving",
        ];
        let duty = cue.lemma == "charge"
            && self.lower.get(i + 1).is_some_and(|w| w == "with")
            && self
                .lower
                .get(i + 2)
                .is_some_and(|w| DUTIES.contains(&w.as_str()));
        if duty {
            return None;
        }
        // `a Swansea theatre thought to be Wales' oldest`, `those said to be possible
        // replacements`: a reduced passive describing the noun before it, whose
        // speaker is not that noun; `Iraq continued to be in breach`: no speech.
        let to_be = self.lower.get(i + 1).is_some_and(|w| w == "to")
            && self
                .lower
                .get(i + 2)
                .is_some_and(|w| matches!(w.as_str(), "be" | "have"));
        let reduced_passive_to = to_be
            && matches!(
                word,
                "said"
                    | "thought"
                    | "believed"
                    | "alleged"
                    | "reported"
                    | "estimated"
                    | "understood"
                    | "rumoured"
                    | "rumored"
            )
            && !self.after_be(i);
        let goes_on = cue.lemma == "continue" && self.lower.get(i + 1).is_some_and(|w| w == "to");
        if reduced_passive_to || goes_on {
            return None;
        }
        // `Ireland conceded a penalty`, `conceded two late goals`: a match report.
        const SCORES: &[&str] = &[
            "penalty",
            "penalties",
            "goal",
            "goals",
            "try",
            "tries",
            "corner",
            "corners",
            "free-kick",
            "free-kicks",
            "points",
            "set",
            "sets",
            "game",
            "games",
            "wicket",
            "wickets",
            "runs",
            "foul",
            "fouls",
            "equaliser",
            "equalizer",
            "own-goal",
            "possession",
            "ground",
            "lead",
            "break",
            "breaks",
        ];
        let conceded_score = cue.lemma == "concede"
            && (i + 1..(i + 4).min(range.end)).any(|j| SCORES.contains(&self.lower[j].as_str()));
        if conceded_score {
            return None;
        }
        // `SMC posted a net income of 448.8 mln pesos`, `the balance of payments
        // showed a surplus`: a result posted or shown is a figure, not a post or a
        // finding (`figures show exports rose` stays one).
        const RESULTS: &[&str] = &[
            "surplus",
            "surpluses",
            "deficit",
            "deficits",
            "loss",
            "losses",
            "profit",
            "profits",
            "income",
            "earnings",
            "gain",
            "gains",
            "revenue",
            "revenues",
            "turnover",
        ];
        let posted_result = (cue.lemma == "post"
            || (cue.lemma == "show" && !self.after_evidence(i)))
            && (i + 1..(i + 6).min(range.end))
                .take_while(|j| !is_punct(&self.lower[*j]) && !self.looks_like_verb(*j))
                .any(|j| RESULTS.contains(&self.lower[j].as_str()));
        if posted_result {
            return None;
        }
        // `its board declared a quarterly dividend`, `declared force majeure`: an act
        // put into force, not a statement of what is so.
        const DECLARED_ACTS: &[&str] = &[
            "dividend",
            "dividends",
            "div",
            "split",
            "payout",
            "distribution",
            "majeure",
            "moratorium",
            "emergency",
            "bankruptcy",
            "curfew",
            "holiday",
            "war",
        ];
        let declared_act = cue.lemma == "declare"
            && (i + 1..(i + 7).min(range.end))
                .take_while(|j| !is_punct(&self.lower[*j]) && !self.looks_like_verb(*j))
                .any(|j| DECLARED_ACTS.contains(&self.lower[j].as_str()));
        if declared_act {
            return None;
        }
        // `spyware found on people's PCs`: a participle placing a thing, not a finding.
        let placed = cue.lemma == "find"
            && self
                .lower
                .get(i + 1)
                .is_some_and(|w| matches!(w.as_str(), "on" | "in" | "at" | "inside" | "near"));
        if placed {
            return None;
        }
        if cue.lemma == "deny" && self.keeps_from(i, cue_end) {
            return None;
        }
        let cue = if cue.lemma == "deny" && self.rules_on(cue_end) {
            CueWord {
                stance: Stance::Reject,
                ..cue
            }
        } else {
            cue
        };
        let cue_end = self.past_medium(cue_end);
        let gerund = word.ends_with("ing");
        // `, saying ...`: the gerund continues the sentence's speaker.
        if gerund && prev != Some(",") {
            return None;
        }
        let after_content = prev.is_some_and(|p| p == "," || is_close_quote(p));
        // `"...," said the minister` inverts; nobody writes `..., accused the
        // minister`: after a comma such a verb follows an appositive (`Stephen King,
        // last year's winner, accused the industry ...`) and has the subject's speaker.
        let inverts = !matches!(
            cue.stance,
            Stance::Deny
                | Stance::Accuse
                | Stance::Criticize
                | Stance::Reject
                | Stance::Praise
                | Stance::Promise
                | Stance::Urge
        );
        if after_content && !gerund && (inverts || is_close_quote(prev.unwrap_or(""))) {
            // `Furman, who leads the council, said that ...`: no speaker after the
            // cue, so the comma closed an appositive, not a content.
            return self.content_first(s, i, cue_end, cue).or_else(|| {
                (prev == Some(","))
                    .then(|| self.source_first(s, i, cue_end, cue, gerund))
                    .flatten()
            });
        }
        // (`said by telephone`, `said by the end of the year ...` go on as any `said`.)
        if self.lower.get(cue_end).is_some_and(|w| w == "by")
            && !self.after_auxiliary(i)
            && self.names_an_agent(cue_end + 1)
        {
            return self.reduced_passive(s, i, cue_end, cue);
        }
        if after_content && !gerund {
            // No subject found across the appositive: the accusation without a
            // speaker, rather than the appositive's words as one.
            return self
                .source_first(s, i, cue_end, cue, gerund)
                .or_else(|| self.without_speaker(s, i, cue_end, cue));
        }
        // `Jeb Bush in a Medium post said`: a cue word right before another one is
        // the noun that speaks through it.
        let noun_before_cue = || {
            self.lower
                .get(i + 1)
                .and_then(|w| cue_word(w))
                .is_some_and(|next| next.stance == Stance::Say)
                && self.tokens[i]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        };
        if AMBIGUOUS.contains(&word)
            && (noun_before_cue() || !self.speaker_ends_at(i))
            && !self.evidence_shows(i)
        {
            return None;
        }
        self.source_first(s, i, cue_end, cue, gerund)
    }

    /// `the earlier reported profit`, `an earlier caution`, `its widely reported
    /// removal`, `contradicting earlier reports`, `recent comments`: the cue word after
    /// a determiner and an adverb, or after an adjective of time, is a participle or a
    /// noun describing a thing, not a verb with a speaker. (`a report that earlier
    /// said`, `the two leaders each also said`: a relative or a pronoun subject
    /// speaks.)
    fn describes_a_noun(&self, i: usize, sentence_start: usize) -> bool {
        if i <= sentence_start {
            return false;
        }
        let prev = self.lower[i - 1].as_str();
        // (`Mr Prior remarks`: a name.)
        let adjective = matches!(prev, "previous" | "recent" | "prior" | "latest" | "initial");
        if adjective && !capitalized(self.tokens[i - 1].text) {
            return true;
        }
        let plural = self.lower[i].ends_with('s') && !self.lower[i].ends_with("ss");
        if prev == "earlier" && plural {
            return true;
        }
        // (`Moody's also said`, `the People's Daily said`, `the weekly said`: a name
        // or a noun speaks.)
        const MODIFYING: &[&str] = &[
            "previously",
            "earlier",
            "recently",
            "newly",
            "widely",
            "originally",
            "initially",
            "publicly",
            "officially",
            "formally",
            "often",
            "first",
            "most",
            "much",
            "long",
        ];
        MODIFYING.contains(&self.tokens[i - 1].text)
            && i >= sentence_start + 2
            && matches!(
                self.lower[i - 2].as_str(),
                "the" | "a" | "an" | "its" | "their" | "our" | "his" | "my" | "your" | "'s" | "’s"
            )
    }

    /// Whether the word before token `i`, past auxiliaries and adverbs (`figures
    /// have also shown`), is a record that can speak (`EVIDENCE`).
    fn after_evidence(&self, i: usize) -> bool {
        self.modifiers_start(0, i)
            .checked_sub(1)
            .is_some_and(|b| EVIDENCE.contains(&self.lower[b].as_str()))
    }

    /// `a poll shows Sanders leading`, `fundraising reports show`, `the survey
    /// finds`: a record speaks through `show` or `find`, which after any other noun
    /// are too often something else (`the show`, `finds` as a noun) to be a cue.
    fn evidence_shows(&self, i: usize) -> bool {
        matches!(self.lower[i].as_str(), "show" | "shows" | "find" | "finds")
            && self.after_evidence(i)
    }

    /// Whether a form of `be` comes before token `i`, across adverbs (`are also
    /// believed`, `is widely thought`): `i` is then a passive's participle.
    fn after_be(&self, i: usize) -> bool {
        let mut j = i;
        while let Some(before) = j.checked_sub(1) {
            let w = self.lower[before].as_str();
            if matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being") {
                return true;
            }
            let adverb = ly_adverb(w)
                || matches!(
                    w,
                    "also" | "already" | "still" | "now" | "not" | "n't" | "often"
                );
            if !adverb {
                return false;
            }
            j = before;
        }
        false
    }

    /// `The keeper denied Gerrard with a late tackle`, `Newcastle were denied a late
    /// try`, `Chelsea denied by James heroics`: "deny" for keeping something from
    /// someone, which match reports use every week, is no statement. A statement's
    /// denial is of a clause (`denied Iran was involved`), a report (`denied Pompeo's
    /// claims`) or nothing.
    fn keeps_from(&self, i: usize, cue_end: usize) -> bool {
        /// Who a match report says was kept from a goal.
        const PLAYERS: &[&str] = &[
            "player",
            "striker",
            "keeper",
            "goalkeeper",
            "forward",
            "midfielder",
            "defender",
            "winger",
            "visitors",
            "hosts",
            "champions",
            "side",
            "team",
            "opponents",
        ];
        let word = |j: usize| self.lower.get(j).map(String::as_str).unwrap_or("");
        let next = word(cue_end);
        // `was also denied`: the passive's auxiliary may stand a few words back.
        let passive = (i.saturating_sub(3)..i)
            .rev()
            .take_while(|j| AUXILIARIES.contains(&word(*j)) || ly_adverb(word(*j)))
            .any(|j| {
                matches!(
                    word(j),
                    "was" | "were" | "been" | "being" | "be" | "is" | "are"
                )
            });
        if passive {
            // A passive statement has no object and names who denied: `the report was
            // denied by ...`. Without one (`the claim was denied.`) it says nothing a
            // search by speaker could use.
            return self.agent_by(cue_end, self.tokens.len()).is_none();
        }
        // A participle after a name, no auxiliary: a headline's passive.
        if next == "by" {
            return true;
        }
        // A name, then an article or a preposition: the name is who was kept.
        let mut j = cue_end;
        while j < self.tokens.len()
            && j - cue_end < 4
            && capitalized(self.tokens[j].text)
            && !is_time_word(&self.lower[j])
        {
            j += 1;
        }
        if j > cue_end
            && matches!(
                word(j),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "with"
                    | "from"
                    | "by"
                    | "at"
                    | "in"
                    | "on"
                    | "any"
                    | "victory"
                    | "penalty"
                    | ","
            )
        {
            return true;
        }
        // `denied the England striker`.
        let object = (cue_end..(cue_end + 5).min(self.tokens.len()))
            .take_while(|j| !is_punct(word(*j)))
            .any(|j| PLAYERS.contains(&word(j)));
        DETERMINERS.contains(&next) && object
    }

    /// `the court denied NEC's motion`, `the NASD denied Knapp's application`: denying
    /// a request is turning it down (stance reject), not saying something is untrue.
    fn rules_on(&self, cue_end: usize) -> bool {
        /// What is asked for, and turned down, in filings and applications.
        const REQUESTS: &[&str] = &[
            "motion",
            "motions",
            "petition",
            "petitions",
            "request",
            "requests",
            "application",
            "applications",
            "appeal",
            "appeals",
            "bid",
            "bids",
            "permission",
            "access",
            "bail",
            "visa",
            "visas",
            "entry",
            "injunction",
            "licence",
            "license",
            "approval",
            "review",
            "relief",
            "asylum",
        ];
        // The object's head within its first few words (`a stockholder's request`).
        (cue_end..(cue_end + 5).min(self.tokens.len()))
            .take_while(|j| !is_punct(&self.lower[*j]))
            .take_while(|j| !matches!(self.lower[*j].as_str(), "that" | "of" | "to" | "for" | "by"))
            .any(|j| REQUESTS.contains(&self.lower[j].as_str()))
    }

    /// True when the token before `i` (after auxiliaries) can end a speaker: a name or
    /// a pronoun, or any noun when an auxiliary makes the cue a verb (`the group has
    /// claimed`); a bare lowercase word before an ambiguous cue is usually its
    /// modifier (`terrorist attacks`).
    fn speaker_ends_at(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && AUXILIARIES.contains(&self.lower[j - 1].as_str()) {
            j -= 1;
        }
        if j == i && self.nationality_before_noun(i) {
            return false;
        }
        j > 0 && {
            let w = self.lower[j - 1].as_str();
            PRONOUNS.contains(&w)
                || (capitalized(self.tokens[j - 1].text) && !DETERMINERS.contains(&w))
                || (j < i
                    && !is_punct(w)
                    && !CLAUSE_WORDS.contains(&w)
                    && !DETERMINERS.contains(&w))
        }
    }

    /// Whether token `q` is a quote mark that opens a quote on the word right after
    /// it (`an "attack mongrel"`): a curly or backtick opener, or a straight mark with
    /// no space after it and a space (or nothing) before it.
    fn opens_quote_on(&self, q: usize) -> bool {
        let (mark, next) = (&self.tokens[q], self.tokens.get(q + 1));
        let attached = next.is_some_and(|n| n.start == mark.end);
        let spaced_before = mark.start == 0
            || self
                .text
                .as_bytes()
                .get(mark.start - 1)
                .is_some_and(|b| b.is_ascii_whitespace() || b"([".contains(b));
        match mark.text {
            "“" | "``" | "‘" => attached,
            "\"" | "''" => attached && spaced_before,
            _ => false,
        }
    }

    /// `hit back at Labour claims`, `over White House charges`: a form that is also a
    /// plural noun, after a name that itself follows a preposition, is the noun the
    /// name describes (the name is the preposition's object, so it speaks no verb).
    fn plural_noun_after_name(&self, i: usize, sentence_start: usize) -> bool {
        /// Cue forms that are as often plural nouns.
        const PLURAL_NOUNS: &[&str] = &[
            "claims",
            "charges",
            "attacks",
            "calls",
            "promises",
            "pledges",
            "demands",
            "comments",
            "reports",
            "notes",
            "remarks",
            "questions",
            "fears",
            "hopes",
            "doubts",
            "estimates",
            "forecasts",
            "tweets",
            "replies",
            "answers",
            "vows",
            "threats",
            "warnings",
            "urges",
            "requests",
            "appeals",
            "denials",
            "complaints",
        ];
        const BEFORE_NAME: &[&str] = &[
            "at", "of", "over", "against", "about", "on", "to", "by", "with", "from", "for",
            "despite", "amid", "after", "into",
        ];
        if !PLURAL_NOUNS.contains(&self.lower[i].as_str()) {
            return false;
        }
        let mut j = i;
        while j > sentence_start && capitalized(self.tokens[j - 1].text) {
            j -= 1;
        }
        j < i && j > sentence_start && BEFORE_NAME.contains(&self.lower[j - 1].as_str())
    }

    /// `below estimates`, `beat forecasts`, `according to preliminary central bank
    /// estimates,`, `Inflationary fears are unjustified`, `the HUD report said`: a cue
    /// form that is also a noun is the noun when a preposition or another verb comes
    /// right before it, when what follows only follows a noun (`of`, `are`, a saying
    /// verb), or when its phrase opens with a determiner or preposition and a noun's
    /// follower (`for`, a comma) comes next. `The company estimates that ...` stays a
    /// verb: `that` follows verbs.
    fn noun_in_its_phrase(&self, i: usize, sentence_start: usize) -> bool {
        /// Cue forms that are also nouns, besides the plural ones.
        const NOUN_FORMS: &[&str] = &[
            "estimates",
            "estimate",
            "forecasts",
            "forecast",
            "claims",
            "claim",
            "reports",
            "report",
            "hopes",
            "fears",
            "warnings",
            "charges",
            "comments",
            "remarks",
            "promises",
            "pledges",
            "demands",
            "threats",
            "denials",
            "complaints",
            "appeals",
        ];
        /// Words before a noun, not a verb: prepositions and verbs taking it as object.
        const BEFORE_NOUN: &[&str] = &[
            "at", "of", "over", "against", "about", "on", "by", "with", "from", "for", "despite",
            "amid", "into", "than", "below", "above", "beyond", "under", "like", "in", "beat",
            "beats", "beating", "exceeded", "exceeds", "missed", "topped", "met", "matched",
        ];
        /// Words that follow only the noun.
        const AFTER_NOUN: &[&str] = &["of", "are", "were"];
        /// Words that follow the noun when its phrase opened as a noun's does.
        const AFTER_NOUN_PHRASE: &[&str] = &[
            "for",
            ",",
            ".",
            ";",
            ":",
            ")",
            "by",
            "have",
            "had",
            "show",
            "showed",
            "suggest",
            "suggested",
            "put",
        ];
        let word = self.lower[i].as_str();
        if !NOUN_FORMS.contains(&word) || i == sentence_start {
            return false;
        }
        let prev = self.lower[i - 1].as_str();
        let next = self.lower.get(i + 1).map_or("", String::as_str);
        if BEFORE_NOUN.contains(&prev)
            || (cue_word(prev).is_some() && !capitalized(self.tokens[i - 1].text))
        {
            return true;
        }
        if AFTER_NOUN.contains(&next) || cue_word(next).is_some() {
            return true;
        }
        if !AFTER_NOUN_PHRASE.contains(&next) {
            return false;
        }
        let mut j = i;
        while j > sentence_start && i - j < 4 {
            let w = self.lower[j - 1].as_str();
            if DETERMINERS.contains(&w) || BEFORE_NOUN.contains(&w) || w == "to" {
                return true;
            }
            let plain = w.chars().all(|c| c.is_ascii_lowercase());
            if !plain || AUXILIARIES.contains(&w) || PRONOUNS.contains(&w) {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// `the Iranian charges`, `despite Iraqi claims`: a nationality after a determiner
    /// or a preposition makes the next word a noun it describes, not a cue.
    fn nationality_before_noun(&self, i: usize) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "despite",
            "of",
            "over",
            "to",
            "against",
            "about",
            "amid",
            "with",
            "by",
            "from",
            "for",
            "after",
            "on",
            "in",
            "denied",
            "rejected",
            "dismissed",
        ];
        if i < 2 {
            return false;
        }
        let adjective = self.tokens[i - 1].text;
        let before = self.lower[i - 2].as_str();
        let nationality = capitalized(adjective)
            && adjective.chars().count() > 4
            && ["ian", "an", "ese", "i", "ish"]
                .iter()
                .any(|end| adjective.ends_with(end));
        nationality && (DETERMINERS.contains(&before) || PREPOSITIONS.contains(&before))
    }

    /// Whether what follows a cue at `cue_end`, from token `from` on, is its content
    /// when a quote stands before the speaker: `that`, a colon or a quote opens one;
    /// after a quote in the same sentence (`in_sentence`) nothing else does (`"...,"
    /// Cruz said at the time.`), after one ending the sentence before, no phrase that
    /// only says when, where or how (`"Too little?" he added on Twitter.`).
    fn opens_content(&self, cue_end: usize, from: usize, to: usize, in_sentence: bool) -> bool {
        let Some(first) = self.lower.get(from) else {
            return false;
        };
        let opened = (cue_end..=from).any(|j| {
            matches!(self.lower[j].as_str(), "that" | ":") || is_open_quote(self.tokens[j].text)
        });
        if opened {
            return true;
        }
        let adverbial = (ADVERBIAL_OPENERS.contains(&first.as_str()) || is_time_word(first))
            && to - from <= ADVERBIAL_TOKENS;
        !in_sentence && !adverbial
    }

    /// `SPEAKER [aux] CUE [that] CONTENT`.
    fn source_first(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
        gerund: bool,
    ) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let source = if gerund {
            self.speaker_of_sentence(s, i)
        } else {
            self.speaker_before(range.start, i)
        };
        // `are sometimes expected to`: adverbs may stand between `be` and the cue.
        let be_at = (range.start..i)
            .rev()
            .take(3)
            .find(|&j| !is_adverb(&self.lower[j]))
            .filter(|&j| j + 3 >= i);
        let passive = be_at.is_some_and(|j| {
            matches!(
                self.lower[j].as_str(),
                "was" | "were" | "been" | "being" | "be" | "is" | "are"
            )
        });
        // A gerund may be an aside after the subject (`Greece, responding to a
        // warning by Turkey, said`), but a phrase with a verb before its comma is a
        // clause, no subject (`After Smith resigned, Labour took ..., saying`).
        let source = source
            .or_else(|| self.coordinated_subject(s, i))
            .or_else(|| {
                self.appositive_subject(s, i)
                    .filter(|&(from, to)| {
                        !gerund
                            || (from..to).all(|j| {
                                capitalized(self.tokens[j].text) || !self.looks_like_verb(j)
                            })
                    })
                    // `ATHENS, March 2 - Greece, responding to ...`: not the dateline.
                    .map(|(from, to)| {
                        (
                            self.past_dateline(from, to)
                                .min(to.saturating_sub(1))
                                .max(from),
                            to,
                        )
                    })
            });
        let antecedent = match source {
            None => self.relative_antecedent(s, i),
            Some(_) => None,
        };
        let source = source.or(antecedent.map(|(who, _)| (who, who + 1)));
        if cue.lemma == "quote" {
            if let Some(found) =
                self.quoted_as_saying(s, (i, cue_end), cue, source, antecedent, passive)
            {
                return Some(found);
            }
        }
        if source.is_none() && !passive && !gerund {
            return None;
        }
        // `The reports were denied by the ministry`: what was denied stands before the
        // cue, who denied it after `by`.
        let by_agent = self.agent_by(cue_end, range.end).is_some();

        // `The issue is guaranteed by the parent`, `was not worried by his injury`,
        // `is threatened by violence`, `could be explained by a shift of funds`: the
        // agent is a guarantor or a cause, nobody speaking.
        if passive
            && by_agent
            && matches!(cue.lemma, "guarantee" | "worry" | "threaten" | "explain")
        {
            return None;
        }
        if let Some((from, to)) = source.filter(|_| passive && by_agent) {
            // `it was told by Baird that ...`: a passive `tell`'s subject is who was
            // told; what was said is the clause after the agent.
            let told = ADDRESSEE_CUES
                .contains(&cue.lemma)
                .then(|| self.content_after(s, cue_end, cue))
                .flatten()
                .filter(|&(after, _, _)| (cue_end..after).any(|j| self.lower[j] == "that"));
            let (from, to) = told.map_or((from, to), |(after, end, _)| (after, end));
            return Some((
                Attribution {
                    source: self.agent_after(cue_end, range.end),
                    cue: self.cue(i, cue_end, cue)?,
                    content: self.span(from, to)?,
                    direct: false,
                    topic: self.topic(s, from, to),
                    continued: Vec::new(),
                },
                cue_end,
            ));
        }
        // `I think`, `we believe`: an opinion voiced inside someone's quote, not an
        // attribution of its own.
        let first_person = source.is_some_and(|(from, to)| {
            to - from == 1 && matches!(self.lower[from].as_str(), "i" | "we" | "you")
        });
        if first_person && cue.stance == Stance::Believe {
            return None;
        }
        // `Something tells me`: an indefinite pronoun speaks only in idioms.
        let indefinite = source.is_some_and(|(from, to)| {
            to - from == 1 && INDEFINITE_PRONOUNS.contains(&self.lower[from].as_str())
        });
        if indefinite {
            return None;
        }
        // `"...," the minister said.`: nothing after the cue, the content before the
        // speaker.
        let (source, before_speaker) = match source {
            Some((from, to)) if from > range.start => match self.content_before(s, from) {
                Some(before) => (source, Some(before)),
                // `..., oil traders and analysts said.`: a speaker cut short at a
                // word of its own phrase reaches back to the comma before it.
                None => match self.speaker_from_comma(range.start, from) {
                    Some(wider) => (Some((wider, to)), self.content_before(s, wider)),
                    None => (source, None),
                },
            },
            Some(_) => (source, self.question_quote_before(s)),
            None => (None, None),
        };
        // `..., Fiat said this week, as it exits ...`: a phrase saying when may stand
        // between the cue and the punctuation that closes it.
        let mut closing = cue_end;
        while closing < range.end
            && closing < cue_end + 3
            && (is_time_word(&self.lower[closing])
                || matches!(
                    self.lower[closing].as_str(),
                    "this" | "last" | "on" | "late"
                ))
        {
            closing += 1;
        }
        // `But as Ann Richards said last Thursday, "..."`: a comma before a quote
        // opens the content rather than closing the cue.
        let quote_follows = self.lower.get(closing).is_some_and(|w| w == ",")
            && self
                .tokens
                .get(closing + 1)
                .is_some_and(|t| is_open_quote(t.text))
            && !before_speaker.is_some_and(|(_, _, direct)| direct);
        let cue_closes = !quote_follows
            && self
                .lower
                .get(closing)
                .is_some_and(|w| matches!(w.as_str(), "," | "." | ";"));
        // `The Tories, he said, can cut crime`: the sentence goes on after the speaker
        // and cue set in its middle, and what was said is all of it.
        let medial = before_speaker.is_some_and(|(_, _, direct)| !direct)
            && cue_closes
            && self.lower[closing] == ","
            && self.predicate_follows(closing + 1, range.end);
        let after = match before_speaker {
            Some((from, _, _)) if medial => self.trimmed(from, range.end),
            Some(_) if cue_closes => None,
            Some((quote_from, _, true)) => {
                // `"...," Cruz said`: the quote opens the sentence (or an earlier one).
                let opens_sentence = quote_from <= range.start + 1;
                let in_sentence =
                    opens_sentence && source.is_some_and(|(from, _)| from > range.start);
                self.content_after(s, cue_end, cue)
                    .filter(|&(from, to, _)| self.opens_content(cue_end, from, to, in_sentence))
            }
            // `Trump’s excesses are sickening, Hollande said Tuesday in Paris`: after
            // words said before the speaker in the same sentence, a phrase saying
            // only where or when is no content of its own. (`hinted at`, `accused
            // of`: other verbs' prepositions bring their content.)
            Some((before_from, _, _))
                if before_from >= range.start && matches!(cue.lemma, "say" | "add") =>
            {
                self.content_after(s, cue_end, cue)
                    .filter(|&(from, to, _)| self.opens_content(cue_end, from, to, false))
            }
            Some(_) => self.content_after(s, cue_end, cue),
            None => self.content_after(s, cue_end, cue),
        };
        let (content_from, content_to, direct) = after.or(before_speaker)?;
        // `This view was echoed by spokesmen of other banks`: with no subject found, a
        // passive's content is still what stands before it, not its agent.
        let by_content = passive && self.lower[content_from] == "by";
        let (content_from, content_to, direct) = if by_content {
            self.trimmed(range.start, self.modifiers_start(range.start, i))?
        } else {
            (content_from, content_to, direct)
        };
        // `was shown to the cabinet`, `were earlier reported under the daily system`,
        // `is expected at 3.2%`: a passive report with no agent whose words after the
        // cue open on a preposition say to whom, where or how much, not what was said.
        // (`is accused of fraud`, `were blamed for the fall`: a stance's preposition
        // brings its charge.)
        // (`was quoted in the Herald saying: "..."` reports its quote.)
        let saying =
            || (content_from..content_to.min(content_from + 10)).any(|j| self.lower[j] == "saying");
        if passive
            && matches!(cue.stance, Stance::Say | Stance::Believe | Stance::Confirm)
            && content_from >= cue_end
            && self.opens_on_preposition(content_from)
            && self.agent_after(cue_end, range.end).is_none()
            && !saying()
        {
            return None;
        }
        // `O’Malley, who noted that ..., spoke`: the relative clause ends at its comma.
        let content_to = match antecedent {
            Some(_) if !direct => (content_from + 1..content_to)
                .find(|j| self.lower[*j] == ",")
                .unwrap_or(content_to),
            _ => content_to,
        };
        // `Greece, responding to a warning by Turkey, said ...`: a gerund set off after
        // the subject is an aside; its words end at the comma before the main verb.
        let content_to = if gerund && !direct {
            (content_from + 1..content_to)
                .find(|&j| self.lower[j] == "," && self.finite_cue_after(j + 1))
                .unwrap_or(content_to)
        } else {
            content_to
        };
        let content = self.span(content_from, content_to)?;
        let topic = self.topic(s, content_from, content_to);
        let source = if passive {
            self.agent_after(cue_end, if by_content { range.end } else { content_to })
        } else {
            source
                .and_then(|(from, to)| self.source(from, to))
                .map(|found| self.named_by_antecedent(found, antecedent))
        };
        Some((
            Attribution {
                source,
                cue: self.cue(i, cue_end, cue)?,
                content,
                direct,
                topic,
                continued: Vec::new(),
            },
            cue_end,
        ))
    }

    /// `Miyazawa was quoted as saying that ...`, `Kyodo quoted Miyazawa as saying the
    /// dollar was stable`, `"...," he is quoted as saying by Manager Magazin`: who
    /// spoke is the one quoted (the passive's subject, or the active verb's object),
    /// not the paper or agency quoting them; what they said follows `as saying`, or
    /// stands before the clause when a phrase of where or through whom follows it.
    /// The cue spans tokens `i..cue_end`; `subject` is the speaker found before it, and
    /// `antecedent` what its `who` stands for.
    fn quoted_as_saying(
        &self,
        s: usize,
        (i, cue_end): (usize, usize),
        cue: CueWord,
        subject: Option<(usize, usize)>,
        antecedent: Option<(usize, (usize, usize))>,
        passive: bool,
    ) -> Option<(Attribution, usize)> {
        /// Words that open a phrase of where, when or through whom, not a speaker or
        /// what was said (`quoted in a French newspaper as saying`, `as saying via his
        /// lawyers`). Lowercase only: `quoted AT and T chairman James E. Olson`.
        const PHRASE_OPENERS: &[&str] = &[
            "by", "in", "on", "at", "via", "from", "through", "during", "after", "before", "to",
        ];
        let range = self.sentences[s].clone();
        // `as` within a short object or medium phrase, with no quote or colon between:
        // past those, `as saying` belongs to someone else's words.
        let as_at = (cue_end..range.end.min(cue_end + 14))
            .take_while(|&j| {
                !matches!(self.lower[j].as_str(), ":" | ";") && !is_quote(self.tokens[j].text)
            })
            .find(|&j| {
                self.lower[j] == "as"
                    && self
                        .lower
                        .get(j + 1)
                        .is_some_and(|w| matches!(w.as_str(), "saying" | "stating" | "telling"))
            })?;
        let saying_end = as_at + 2;
        // The object of an active `quoted X as saying`: a phrase of its own, not the
        // medium of a passive (`quoted by the SPA`, `in a French newspaper`).
        // (`quoted Mobil president Richard Tucker, currently in Peking, as saying`: the
        // object ends at its comma.)
        let object_end = (cue_end..as_at)
            .find(|&j| self.lower[j] == ",")
            .unwrap_or(as_at);
        let object = (!passive
            && object_end > cue_end
            && !PHRASE_OPENERS.contains(&self.tokens[cue_end].text))
        .then_some((cue_end, object_end));
        let source = match object {
            Some((from, to)) => self.source(from, to),
            None => {
                let (from, to) = subject?;
                self.source(from, to)
                    .map(|found| self.named_by_antecedent(found, antecedent))
            }
        };
        // `as telling Labour members he wants ...`: the addressee is no part of it.
        let reported = match self.lower[as_at + 1].as_str() {
            "telling" => cue_word("told").unwrap_or(cue),
            _ => cue,
        };
        // `"We don't want to go down that road," Reagan was quoted as telling Prime
        // Minister Jacques Chirac after ...`: a quote before the clause is what was said.
        let before = subject.and_then(|(from, _)| self.content_before(s, from));
        let after = self
            .content_after(s, saying_end, reported)
            .filter(|&(from, _, _)| !PHRASE_OPENERS.contains(&self.tokens[from].text));
        let (from, to, direct) = match (before, after) {
            (Some(quote), _) if quote.2 => quote,
            (_, Some(found)) => found,
            (before, None) => before?,
        };
        Some((
            Attribution {
                source,
                cue: self.cue(i, cue_end, cue)?,
                content: self.span(from, to)?,
                direct,
                topic: self.topic(s, from, to),
                continued: Vec::new(),
            },
            saying_end,
        ))
    }

    /// Whether the words from token `j` open on a preposition (`under the system`, `to
    /// the cabinet`, `at 3.2%`) rather than a clause or an infinitive (`to resign`, `to
    /// be struggling`).
    fn opens_on_preposition(&self, j: usize) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "with", "under", "at", "in", "on", "into", "for", "from", "over", "after", "before",
            "during", "against", "without", "within", "among", "through", "since", "until", "upon",
            "onto",
        ];
        let Some(first) = self.lower.get(j).map(String::as_str) else {
            return false;
        };
        let to_a_noun = first == "to"
            && self.tokens.get(j + 1).is_some_and(|t| {
                capitalized(t.text)
                    || matches!(
                        t.text,
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "our"
                            | "him"
                            | "them"
                            | "me"
                            | "us"
                            | "hospital"
                            | "court"
                    )
            });
        PREPOSITIONS.contains(&first) || to_a_noun
    }

    /// `..., analysts polled by Reuters said.`, `..., officials of the Transport
    /// Ministry said.`: where a speaker found up to a word of its own phrase really
    /// starts, the comma or quote before it, when the words between hold no verb or
    /// clause of their own. `None` when no such comma is within sixteen words.
    fn speaker_from_comma(&self, floor: usize, from: usize) -> Option<usize> {
        if from == floor || is_punct(&self.lower[from - 1]) {
            return None;
        }
        let lowest = floor.max(from.saturating_sub(16));
        // Where a list of names crossed so far starts (`France, Britain and Canada`).
        let mut list_start = None;
        let mut j = from;
        while j > lowest {
            j -= 1;
            let w = self.lower[j].as_str();
            // `Officials from France, Britain and Canada said`: a list's comma, and
            // the name before it.
            if w == "," && self.continues_a_list(j, from, floor) {
                j = self.mention_start_before(j - 1, floor);
                list_start = Some(j);
                continue;
            }
            if w == "," || is_close_quote(self.tokens[j].text) {
                // `..., and he said`: a clause of its own, its speaker already whole.
                // `oil traders and analysts` joins two plain noun phrases, not
                // `meet on 12 March at Twickenham and Kirwan`.
                let phrase = j + 1..from;
                // (A list's `and` joins names, not phrases.)
                let joined = list_start.is_none() && phrase.clone().any(|k| self.lower[k] == "and");
                let placed = phrase.clone().any(|k| {
                    matches!(
                        self.lower[k].as_str(),
                        "in" | "on" | "at" | "to" | "by" | "from"
                    )
                });
                let opens_clause = matches!(self.lower[j + 1].as_str(), "and" | "but" | "or");
                let ok = j + 1 < from && !opens_clause && !(joined && placed);
                return if ok { Some(j + 1) } else { list_start };
            }
            if w.ends_with("ing") && !capitalized(self.tokens[j].text) {
                return list_start;
            }
            let participle = w.ends_with("ed") && self.lower.get(j + 1).is_some_and(|n| n == "by");
            // `..., she and another reporter said.`: a pronoun joined by `and` to the
            // speaker is one of them, no clause of its own.
            let coordinated_pronoun = matches!(w, "he" | "she" | "they" | "we" | "i")
                && self.lower.get(j + 1).is_some_and(|n| n == "and");
            let clause =
                (!capitalized(self.tokens[j].text) && self.looks_like_verb(j) && !participle)
                    || (PRONOUNS.contains(&w) && !coordinated_pronoun)
                    || (CLAUSE_WORDS.contains(&w)
                        && !matches!(
                            w,
                            "and" | "of" | "for" | "by" | "in" | "on" | "at" | "from" | "to"
                        ))
                    || is_punct(w);
            if clause {
                return list_start;
            }
        }
        if j == floor {
            list_start.map(|_| floor)
        } else {
            list_start
        }
    }

    /// Whether the words from `j` continue the sentence that a speaker and cue were
    /// set into (`can cut crime`, `Congress cannot back away` after `In the meantime,
    /// he said,`) rather than add a clause of the speaker's own (`adding ...`, `but
    /// ...`, `as ...`): a word that is no conjunction, preposition or gerund.
    fn predicate_follows(&self, j: usize, limit: usize) -> bool {
        const OPENERS: &[&str] = &[
            "and",
            "but",
            "or",
            "as",
            "while",
            "although",
            "though",
            "because",
            "after",
            "before",
            "when",
            "since",
            "until",
            "unless",
            "if",
            "with",
            "without",
            "in",
            "on",
            "at",
            "for",
            "to",
            "of",
            "from",
            "by",
            "which",
            "who",
            "where",
            "so",
            "then",
            "despite",
            "amid",
            "than",
            "according",
            "noting",
            "not",
            "even",
            "just",
            "only",
            "whom",
            "whose",
            "what",
            "nor",
            "about",
            "into",
            "over",
            "under",
            "that",
        ];
        if j + 2 > limit {
            return false;
        }
        let t = self.tokens[j].text;
        let w = self.lower[j].as_str();
        t.chars().all(|c| c.is_alphabetic()) && !w.ends_with("ing") && !OPENERS.contains(&w)
    }

    /// `CONTENT, said SPEAKER.` and `"CONTENT," said SPEAKER.`: the speaker follows
    /// the cue (`"...," the spokesman said.` is found from the speaker's side, by
    /// [`Finder::source_first`]).
    fn content_first(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        // `..., told Mr Hain`: a verb that names its addressee next never inverts; nor
        // does a word that is as often a noun (`"attack mongrel" shows Labour is`).
        if ADDRESSEE_CUES.contains(&cue.lemma) || AMBIGUOUS.contains(&self.lower[i].as_str()) {
            return None;
        }
        let (from, to) = self.noun_phrase_after(cue_end, range.end)?;
        if !self.inverted_speaker(from, to) {
            return None;
        }
        // Everything before the cue, up to its comma or closing quote.
        let (content_from, content_to, direct) = self.content_before(s, i)?;
        Some((
            Attribution {
                source: self.source(from, to),
                cue: self.cue(i, cue_end, cue)?,
                content: self.span(content_from, content_to)?,
                direct,
                topic: self.topic(s, content_from, content_to),
                continued: Vec::new(),
            },
            to,
        ))
    }

    /// Whether tokens `from..to` after an inverting cue read as its speaker
    /// (`said Mr Howard.`, `say analysts`, `said the ministry in a statement`): not an
    /// object (`say anything`, `claim it`), and the phrase ends its clause rather than
    /// opening one (`said Labour would ...`, `told the BBC that ...`).
    fn inverted_speaker(&self, from: usize, to: usize) -> bool {
        /// Words that are an object, never a speaker, after the verb.
        const OBJECTS: &[&str] = &[
            "it", "this", "that", "them", "him", "her", "me", "us", "so", "no", "yes", "hello",
            "goodbye", "sorry",
        ];
        /// Words that open a phrase saying when (`said last week`, `said late
        /// yesterday`), not who.
        const WHEN: &[&str] = &[
            "last",
            "next",
            "late",
            "early",
            "earlier",
            "later",
            "recently",
            "previously",
            "again",
            "once",
            // `said only when property was protected would inventors prosper`.
            "only",
            "simply",
            "merely",
            "just",
        ];
        let first = self.lower[from].as_str();
        // `Lord Coe, admitted he would never dream of ...`: a pronoun with words after
        // it is a clause's subject; `..., said he.` alone is a speaker.
        let clause = (from..to).any(|j| FINITE_AUXILIARIES.contains(&self.lower[j].as_str()))
            || (PRONOUNS.contains(&first) && to > from + 1);
        // `said the talks would resume`: `talks` ended the phrase as a cue, leaving
        // only its article.
        let only_articles = (from..to).all(|j| DETERMINERS.contains(&self.lower[j].as_str()));
        // `said talks went on`, `said profits jumped`, `said the campaign raised money`,
        // `said February car sales fell six pct`: a subject and its past verb (`Ford
        // of Canada, 90 pct-owned by Ford, said ...` reads so; `said Paine Webber
        // originally planned` too). A past form right after an article, or after an
        // article and an adverb, describes a noun (`said an unnamed official`, `said
        // a widely respected analyst`).
        let ends_in_past = (from + 1..to).any(|k| {
            let word = self.tokens[k].text;
            let mut before = k - 1;
            while before > from
                && (is_adverb(&self.lower[before])
                    || ly_adverb(&self.lower[before]) && !capitalized(self.tokens[before].text))
            {
                before -= 1;
            }
            let before = self.lower[before].as_str();
            // `said a senior official involved in the talks`: after a person's role
            // in a phrase opened by an article, a participle and its preposition
            // describe them.
            let describes_the_person = DETERMINERS.contains(&first)
                && word.ends_with("ed")
                && (ONE_PERSON_ROLES.contains(&before) || PEOPLE_NOUNS.contains(&before))
                && self.lower.get(k + 1).is_some_and(|w| {
                    matches!(w.as_str(), "in" | "with" | "at" | "on" | "for" | "by")
                });
            word.chars().next().is_some_and(char::is_lowercase)
                && (IRREGULAR_PAST.contains(&word) || (word.len() > 4 && word.ends_with("ed")))
                && !DETERMINERS.contains(&before)
                && !is_punct(before)
                && !describes_the_person
        });
        if clause
            || only_articles
            || ends_in_past
            || OBJECTS.contains(&first)
            || INDEFINITE_PRONOUNS.contains(&first)
            || WHEN.contains(&first)
        {
            return false;
        }
        match self.lower.get(to).map(String::as_str) {
            None => true,
            Some(w) => {
                w != "that"
                    && !FINITE_AUXILIARIES.contains(&w)
                    && !is_open_quote(self.tokens[to].text)
            }
        }
    }

    /// `PENCE: Well, look, ...` in a transcript, `Pence: Flowers Won't Be at Debate` in
    /// a headline: a name of one to four capitalized words opening its sentence, then a
    /// colon, speaks what follows to the end of the paragraph.
    fn speaker_colon(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        /// Labels that end in a colon but name no speaker.
        const LABELS: &[&str] = &[
            "note",
            "update",
            "updated",
            "photo",
            "photos",
            "video",
            "watch",
            "read",
            "related",
            "source",
            "sources",
            "editor",
            "correction",
            "clarification",
            "see",
            "also",
            "transcript",
            "advertisement",
            "caption",
            "credit",
            "image",
            "q",
            "a",
            "latest",
            "breaking",
            "exclusive",
            "analysis",
            "opinion",
            "poll",
            "polls",
            "profile",
            "interview",
            "timeline",
            "notes",
            "state",
            "states",
            "province",
            "region",
        ];
        let range = self.sentences[s].clone();
        let mut from = range.start;
        while from < i && is_open_quote(self.tokens[from].text) {
            from += 1;
        }
        let words = &self.tokens[from..i];
        let named = !words.is_empty()
            && words.len() <= 4
            && words
                .iter()
                .all(|t| capitalized(t.text) || t.text == "." || t.text == "'s" || t.text == "’s")
            && capitalized(words[0].text)
            && !self.lower[from..i]
                .iter()
                .any(|w| LABELS.contains(&w.as_str()));
        if !named {
            return None;
        }
        // To the end of the paragraph (a transcript's turn), not past it.
        let mut to = i + 1;
        while to < self.tokens.len() && !self.tokens[to].paragraph_start {
            to += 1;
        }
        let (content_from, content_to, direct) = self.trimmed(i + 1, to)?;
        let cue = CueWord {
            lemma: "say",
            stance: Stance::Say,
        };
        // Only a person or an organization speaks so: `NOTES:`, `Due:`, `PARANA
        // STATE:` head tables and notes.
        let source = self.source(from, i)?;
        if !matches!(source.kind, Some(EntityKind::Person | EntityKind::Org)) {
            return None;
        }
        Some((
            Attribution {
                source: Some(source),
                cue: self.cue(i, i + 1, cue)?,
                content: self.span(content_from, content_to)?,
                direct,
                topic: None,
                continued: Vec::new(),
            },
            i + 1,
        ))
    }

    /// `“He represents our greatest shame.” ― Sonya Herridge`: a quote signed with a
    /// dash and a name of one to four capitalized words.
    fn dash_signature(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        let closes = i > 0 && is_close_quote(self.tokens[i - 1].text);
        if !closes {
            return None;
        }
        let mut to = i + 1;
        while to < self.tokens.len()
            && to - i <= 4
            && capitalized(self.tokens[to].text)
            && !is_quote(self.tokens[to].text)
            && (to == i + 1 || !self.tokens[to].paragraph_start)
        {
            to += 1;
        }
        // The name ends the sentence or the paragraph, or a new quote starts.
        let ends = self.tokens.get(to).is_none_or(|t| {
            t.paragraph_start || matches!(t.text, "." | "," | ";") || is_open_quote(t.text)
        });
        if to == i + 1 || to - i > 4 || !ends {
            return None;
        }
        let open = self.opening_quote(i - 1, s)?;
        let (content_from, content_to, _) = self.trimmed(open + 1, i - 1)?;
        let cue = CueWord {
            lemma: "say",
            stance: Stance::Say,
        };
        Some((
            Attribution {
                source: self.source(i + 1, to),
                cue: self.cue(i, i + 1, cue)?,
                content: self.span(content_from, content_to)?,
                direct: true,
                topic: None,
                continued: Vec::new(),
            },
            to,
        ))
    }

    /// `According to SPEAKER, CONTENT` and `CONTENT, according to SPEAKER.`
    fn according_to(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let (from, mut to) = self.noun_phrase_after(i + 2, range.end)?;
        // `according to a report`: after its article, a cue word is the source's noun.
        if to < range.end && cue_word(&self.lower[to]).is_some() && self.after_determiner(to, from)
        {
            if let Some((_, end)) = self.noun_phrase_after(to, range.end) {
                to = end;
            }
        }
        // `according to a report earlier this week from the British Retail
        // Consortium`: whose report it is belongs to the source.
        let mut next = to;
        while next < range.end
            && (is_time_word(&self.lower[next])
                || matches!(self.lower[next].as_str(), "this" | "last" | "on"))
        {
            next += 1;
        }
        if matches!(
            self.lower.get(next).map(String::as_str),
            Some("from" | "by" | "of")
        ) {
            if let Some((_, end)) = self.noun_phrase_after(next + 1, range.end) {
                to = end;
            }
        }
        let cue = CueWord {
            lemma: "according to",
            stance: Stance::Say,
        };
        let opens = (range.start..i).all(|j| {
            is_punct(&self.lower[j]) || matches!(self.lower[j].as_str(), "but" | "and" | "yet")
        });
        let (content_from, content_to, direct) = if opens {
            let mut start = to;
            while start < range.end && is_punct(&self.lower[start]) {
                start += 1;
            }
            self.trimmed(start, range.end)?
        } else {
            let mut end = i;
            while end > range.start && is_punct(&self.lower[end - 1]) {
                end -= 1;
            }
            self.trimmed(range.start, end)?
        };
        Some((
            Attribution {
                source: self.source(from, to),
                cue: self.cue(i, i + 2, cue)?,
                content: self.span(content_from, content_to)?,
                direct,
                topic: self.topic(s, content_from, content_to),
                continued: Vec::new(),
            },
            to,
        ))
    }

    /// The cue's span, with the day right after it (`said Friday`, `said Thursday
    /// morning`): the words of one speech act.
    fn cue(&self, mut from: usize, mut to: usize, word: CueWord) -> Option<Cue> {
        // `has also said`, `would not comment`, `is expected`: the words that make the
        // verb's tense, mood and manner belong to the cue, as attribution corpora mark
        // it (PolNeAR train: `has` before a cue is inside its span 725 times, outside
        // 4; `also` 281 to 9). The speaker ends before them (`speaker_before`).
        while from > 0
            && !self.tokens[from].paragraph_start
            && AUXILIARIES.contains(&self.lower[from - 1].as_str())
        {
            from -= 1;
        }
        let day = |j: usize| {
            self.lower.get(j).is_some_and(|w| {
                crate::extract::dates::weekday(w).is_some()
                    || matches!(w.as_str(), "today" | "yesterday" | "tonight")
            })
        };
        if day(to) {
            to += 1;
            let part_of_day = self.lower.get(to).is_some_and(|w| {
                matches!(w.as_str(), "morning" | "afternoon" | "evening" | "night")
            });
            if part_of_day {
                to += 1;
            }
        }
        Some(Cue {
            span: self.span(from, to)?,
            lemma: word.lemma,
            stance: word.stance,
        })
    }

    /// The speaker's noun phrase ending right before the cue at `i` (auxiliaries and a
    /// time phrase skipped), with the names joined to it by `and` (`Smith and Jones
    /// said`): token range.
    fn speaker_before(&self, sentence_start: usize, i: usize) -> Option<(usize, usize)> {
        let (mut start, end) = self.phrase_before(sentence_start, i)?;
        if let Some(left) = self.conjunct_before(sentence_start, start) {
            start = left;
        }
        Some((start, end))
    }

    /// [`Finder::speaker_before`] without the `and` conjuncts: one phrase, so the
    /// conjuncts' own search never recurses (`A and B and C and ...` in a long
    /// sentence costs one step per conjunct, not a stack frame).
    fn phrase_before(&self, sentence_start: usize, i: usize) -> Option<(usize, usize)> {
        let mut end = i;
        loop {
            let before = end.checked_sub(1).filter(|b| *b >= sentence_start)?;
            let w = self.lower[before].as_str();
            if self.verb_modifier(before) {
                end = before;
            } else if w == ")" {
                // `Sen. David Perdue (R-Ga.) said`: a short parenthetical between the
                // speaker and the cue.
                let open = (sentence_start..before)
                    .rev()
                    .take(8)
                    .find(|j| self.lower[*j] == "(");
                match open {
                    Some(open) if open > sentence_start => end = open,
                    _ => break,
                }
            } else if let Some(from) = self.time_phrase_before(end, sentence_start) {
                end = from;
            } else if let Some(from) = self.occasion_before(end, sentence_start) {
                end = from;
            } else if matches!(w, "all" | "both")
                && before > sentence_start
                && !is_punct(&self.lower[before - 1])
                && !CLAUSE_WORDS.contains(&self.lower[before - 1].as_str())
            {
                // `The CML, the BBA and the BSA all said`, `Analysts both said`.
                end = before;
            } else if is_time_word(w) {
                // `on Tuesday`, `last week`, `earlier this month`.
                end = before;
                while end > sentence_start
                    && matches!(
                        self.lower[end - 1].as_str(),
                        "on" | "last" | "this" | "late" | "early" | "earlier" | "next"
                    )
                {
                    end -= 1;
                }
            } else {
                break;
            }
        }
        let mut start = end;
        while start > sentence_start && end - start < 12 {
            let t = self.tokens[start - 1].text;
            let w = self.lower[start - 1].as_str();
            // `LONDON - Goldman Sachs said`: a dash between spaces ends a dateline.
            let spaced_dash = matches!(w, "-" | "--" | "—" | "–") && {
                let token = &self.tokens[start - 1];
                let around = |b: usize| {
                    self.text
                        .as_bytes()
                        .get(b)
                        .is_some_and(u8::is_ascii_whitespace)
                };
                token.start > 0 && around(token.start - 1) && around(token.end)
            };
            if spaced_dash {
                break;
            }
            let inside_name = (matches!(w, "'s" | "’s" | "." | "-" | "of" | "&")
                || self.plural_possessive(start - 1))
                && start - 1 > sentence_start
                && start < end;
            if inside_name {
                start -= 1;
                continue;
            }
            if w == "," && self.continues_a_list(start - 1, end, sentence_start) {
                start -= 1;
                continue;
            }
            // `Mary Jones from Exxon said`, `an analyst at Merrill Lynch said`, `a
            // lawyer for the news outlets`: a preposition before a name or a definite
            // noun phrase is the speaker's affiliation, not a new clause.
            // `Traders in the region said`, `an aide to USDA Secretary Richard Lyng`.
            let joined = self.joins_its_noun(start - 1, sentence_start);
            let affiliation = (matches!(w, "from" | "at" | "for") || joined)
                && start < end
                && (capitalized(self.tokens[start].text) || self.lower[start] == "the" || joined)
                && start - 1 > sentence_start
                && !is_punct(self.lower[start - 2].as_str())
                && !CLAUSE_WORDS.contains(&self.lower[start - 2].as_str());
            if affiliation {
                start -= 1;
                continue;
            }
            // `the claims`, `the annual report said`: a cue word that is a noun here.
            let a_noun = self.after_determiner(start - 1, sentence_start)
                || (start == end && self.noun_after_adjectives(start - 1, sentence_start));
            // `On Wednesday Mr Blair denied`: a day or time word is not the speaker's;
            // nor is `once again` in `once again Martyn denied`.
            if is_punct(w)
                || CLAUSE_WORDS.contains(&w)
                || AUXILIARIES.contains(&w)
                || RAISING_VERBS.contains(&w)
                || (cue_word(w).is_some() && !capitalized(t) && !a_noun)
                || is_time_word(w)
            {
                break;
            }
            if PRONOUNS.contains(&w) {
                if start == end {
                    start -= 1;
                }
                break;
            }
            if DETERMINERS.contains(&w) {
                start -= 1;
                // `a lawyer for the news outlets`: the affiliation's article;
                // `Smith of the company`, `Economists at the bank`.
                let affiliation = (start > sentence_start
                    && self.joins_its_noun(start - 1, sentence_start))
                    || (start > sentence_start + 1
                        && matches!(self.lower[start - 1].as_str(), "for" | "at" | "from" | "of")
                        && !is_punct(&self.lower[start - 2])
                        && !CLAUSE_WORDS.contains(&self.lower[start - 2].as_str()));
                if affiliation {
                    continue;
                }
                break;
            }
            // Lowercase words are a speaker's description (`foreign ministry
            // spokesman`).
            start -= 1;
        }
        // `Last year's honorary winner`: the time word ended the phrase, and its
        // possessive mark opens no speaker.
        while start < end && matches!(self.lower[start].as_str(), "'s" | "’s") {
            start += 1;
        }
        if start < end {
            start = self.mention_start_before(start, sentence_start);
        }
        (start < end).then_some((start, end))
    }

    /// `Smith and Jones said`, `Experts on North Korea and nuclear nonproliferation
    /// said`: when the speaker phrase opening at token `start` follows `and`, and
    /// before it stand names or groups of people (`General Foods and A and P`) that
    /// open the sentence (or a clause after punctuation) with no verb among them, all
    /// the conjuncts speak: the first one's start. (`Prices fell in Asia and analysts
    /// said`: `Asia` follows `in`, so the sentence is two clauses and only the second
    /// one's subject speaks.) A loop, not a recursion, over at most [`LIST_ITEMS`]
    /// conjuncts, so a long sentence of them costs no stack.
    fn conjunct_before(&self, sentence_start: usize, start: usize) -> Option<usize> {
        let mut start = start;
        for _ in 0..LIST_ITEMS {
            let from = self.conjunct_left_of(sentence_start, start)?;
            if from > sentence_start && self.lower[from - 1] == "and" {
                start = from;
                continue;
            }
            let opens = from == sentence_start || is_punct(self.lower[from - 1].as_str());
            return opens.then_some(from);
        }
        None
    }

    /// The start of the one conjunct (with the list items before it) joined by `and`
    /// to the phrase opening at `start`, when it is a name or a group of people with
    /// no verb.
    fn conjunct_left_of(&self, sentence_start: usize, start: usize) -> Option<usize> {
        let and = start.checked_sub(1).filter(|a| *a > sentence_start)?;
        if self.lower[and] != "and" {
            return None;
        }
        let last = and - 1;
        let people = |w: &str| PEOPLE_NOUNS.contains(&w) || EXPERT_NOUNS.contains(&w);
        let named = self.ends_a_mention(last) || capitalized(self.tokens[last].text);
        if !(named || people(self.lower[last].as_str())) {
            return None;
        }
        let (mut from, to) = self.phrase_before(sentence_start, and)?;
        if to != and {
            return None;
        }
        // `Paramount, Universal and Warner Brothers said`: back through the list (a
        // list of names, not a page of them).
        let mut items = 0;
        while from > sentence_start + 1 && self.lower[from - 1] == "," && items < LIST_ITEMS {
            items += 1;
            let item = self
                .phrase_before(sentence_start, from - 1)
                .filter(|&(item_from, end)| {
                    // `However, S and P said`: a sentence adverb is no list item.
                    let named = self.ends_a_mention(end - 1)
                        || (capitalized(self.tokens[end - 1].text) && item_from > sentence_start);
                    end == from - 1 && named && !is_adverb(&self.lower[end - 1])
                });
            match item {
                Some((item_from, _)) => from = item_from,
                None => break,
            }
        }
        // `including Lord Campbell and ...`: a participle or a verb is no subject's.
        let participle =
            |j: usize| self.lower[j].ends_with("ing") && !capitalized(self.tokens[j].text);
        let verbless = (from..to).all(|j| !self.looks_like_verb(j) && !participle(j));
        verbless.then_some(from)
    }

    /// Whether `say` at token `i` is the noun (`a greater say in how it is run`, `the
    /// final say on`, `to have more say over`) or the `say` of `a cap of say 50
    /// dlrs` (for example), not the verb: after an adjective of degree, or after a
    /// quantity word that itself follows a verb of having, or after `of`/`like`.
    fn say_is_a_noun(&self, i: usize, sentence_start: usize) -> bool {
        /// Adjectives that make `say` the noun of having a voice in something.
        const OF_DEGREE: &[&str] = &[
            "greater",
            "greatest",
            "bigger",
            "biggest",
            "larger",
            "largest",
            "final",
            "last",
            "real",
            "full",
            "fuller",
            "equal",
            "decisive",
            "direct",
            "strong",
            "stronger",
            "proper",
            "fair",
            "genuine",
            "effective",
            "formal",
            "meaningful",
            "own",
            "major",
            "significant",
            "considerable",
            "louder",
            "big",
        ];
        /// Quantity words that make it the noun only after a verb of having.
        const QUANTITIES: &[&str] = &["more", "less", "little", "much"];
        const HAVING: &[&str] = &[
            "have",
            "has",
            "had",
            "having",
            "get",
            "gets",
            "got",
            "give",
            "given",
            "gives",
            "want",
            "wants",
            "wanted",
            "demand",
            "demanded",
            "demanding",
            "seek",
            "seeking",
        ];
        let Some(prev) = i.checked_sub(1).filter(|p| *p >= sentence_start) else {
            return false;
        };
        let before = self.lower[prev].as_str();
        OF_DEGREE.contains(&before)
            || matches!(before, "of" | "like")
            || (QUANTITIES.contains(&before)
                && prev > sentence_start
                && HAVING.contains(&self.lower[prev - 1].as_str()))
    }

    /// `Exxon for the first time said`, `Smith at the time said`: where a phrase of
    /// `at`/`for`/`in` + `the` + a time noun ends right before token `end`, its
    /// first token, so it is skipped like `on Tuesday` rather than read as the
    /// speaker's affiliation.
    fn time_phrase_before(&self, end: usize, sentence_start: usize) -> Option<usize> {
        let noun = end.checked_sub(1).filter(|n| *n > sentence_start)?;
        if !matches!(self.lower[noun].as_str(), "time" | "weekend" | "moment") {
            return None;
        }
        let mut the = noun - 1;
        if matches!(
            self.lower[the].as_str(),
            "first" | "same" | "last" | "second"
        ) {
            the = the.checked_sub(1).filter(|t| *t > sentence_start)?;
        }
        let prep = the.checked_sub(1).filter(|p| *p >= sentence_start)?;
        (self.lower[the] == "the" && matches!(self.lower[prep].as_str(), "at" | "for" | "in"))
            .then_some(prep)
    }

    /// `Jeb Bush in a statement said`, `Smith at a news conference on Tuesday said`,
    /// `Brown in an interview with the BBC denied`: where a phrase of the occasion
    /// or medium of speaking, ending at `end` (before the cue), starts; it belongs to
    /// the cue, and the speaker stands before it. `None` when there is none, or when
    /// nothing but punctuation or a verb stands before it (`He said in a statement`),
    /// so that the phrase is nobody's affiliation.
    fn occasion_before(&self, end: usize, sentence_start: usize) -> Option<usize> {
        /// Occasions of speaking that a phrase before the cue names, besides
        /// [`STATEMENTS`].
        const EVENTS: &[&str] = &[
            "conference",
            "gaggle",
            "hearing",
            "rally",
            "testimony",
            "broadcast",
            "message",
            "remarks",
            "comments",
            "meeting",
            "session",
        ];
        let is_occasion = |w: &str| STATEMENTS.contains(&w) || EVENTS.contains(&w);
        let floor = sentence_start.max(end.saturating_sub(10));
        // The occasion's preposition: `in`, `at` or `during`, with a determiner (or a
        // plural `remarks`) after it, then at most three describing words, the occasion
        // noun (`a White House news conference`), and at most one short phrase (`with
        // the BBC`, `to reporters`).
        let prep = (floor..end).rev().find(|&p| {
            matches!(self.lower[p].as_str(), "in" | "at" | "during")
                && p + 1 < end
                && (DETERMINERS.contains(&self.lower[p + 1].as_str())
                    || matches!(self.lower[p + 1].as_str(), "remarks" | "comments"))
        })?;
        if prep <= sentence_start {
            return None;
        }
        let first = if DETERMINERS.contains(&self.lower[prep + 1].as_str()) {
            prep + 2
        } else {
            prep + 1
        };
        let noun = (first..end.min(first + 4)).find(|&j| is_occasion(&self.lower[j]))?;
        let describing = (first..noun).all(|j| {
            let w = self.lower[j].as_str();
            !is_punct(w) && !CLAUSE_WORDS.contains(&w)
        });
        let after = noun + 1..end;
        let trailing = after.is_empty()
            || (matches!(
                self.lower[noun + 1].as_str(),
                "with" | "to" | "on" | "before"
            ) && after.len() <= 6
                && (noun + 2..end).all(|j| {
                    let w = self.lower[j].as_str();
                    !is_punct(w) && !CLAUSE_WORDS.contains(&w) && !AUXILIARIES.contains(&w)
                }));
        // `IMF directors at a meeting expected to take place next month`: a participle
        // after the occasion describes it; nobody spoke.
        let describes_occasion = after.is_empty()
            && EVENTS.contains(&self.lower[noun].as_str())
            && self.lower.get(end).is_some_and(|w| w.ends_with("ed"))
            && self.lower.get(end + 1).is_some_and(|w| w == "to");
        if describes_occasion {
            return None;
        }
        let before = self.lower[prep - 1].as_str();
        let spoken_by_someone = !is_punct(before)
            && !CLAUSE_WORDS.contains(&before)
            && (cue_word(before).is_none() || capitalized(self.tokens[prep - 1].text))
            && !self.looks_like_verb(prep - 1);
        (describing && trailing && spoken_by_someone).then_some(prep)
    }

    /// Whether the `by` at token `by` says how something was said (`said by telephone
    /// from Milwaukee`, `told by letter.`), not who said it. (`by telephone callers`
    /// are people: a noun after the medium word.)
    fn by_medium(&self, by: usize) -> bool {
        const MEDIA: &[&str] = &[
            "telephone",
            "phone",
            "fax",
            "telex",
            "email",
            "e-mail",
            "letter",
            "cable",
            "satellite",
            "videolink",
            "video",
            "radio",
            "mail",
            "post",
            "text",
            "teleconference",
            "videoconference",
        ];
        let word = |j: usize| self.lower.get(j).map_or("", String::as_str);
        let next = word(by + 2);
        word(by) == "by"
            && MEDIA.contains(&word(by + 1))
            && (is_punct(next) || CLAUSE_WORDS.contains(&next) || is_time_word(next))
    }

    /// The cue at `i` and what follows it, its speaker unknown.
    fn without_speaker(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(Attribution, usize)> {
        let (content_from, content_to, direct) = self.content_after(s, cue_end, cue)?;
        Some((
            Attribution {
                source: None,
                cue: self.cue(i, cue_end, cue)?,
                content: self.span(content_from, content_to)?,
                direct,
                topic: self.topic(s, content_from, content_to),
                continued: Vec::new(),
            },
            cue_end,
        ))
    }

    /// `Asked whether Clinton has the integrity ..., 40 percent said no`, `said when
    /// asked if ...`: the question put to someone, its asker unnamed. The content is
    /// the question, up to its comma.
    fn asked_question(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        const QUESTION_WORDS: &[&str] = &[
            "whether", "if", "what", "who", "whom", "why", "how", "when", "which", "where", "about",
        ];
        let range = self.sentences[s].clone();
        let opens_clause =
            i == range.start || matches!(self.lower[i - 1].as_str(), "when" | "," | "after");
        let mut from = i + 1;
        if self.lower.get(from).is_some_and(|w| w.ends_with("ly")) {
            from += 1; // `Asked specifically what ...`
        }
        if !opens_clause
            || !self
                .lower
                .get(from)
                .is_some_and(|w| QUESTION_WORDS.contains(&w.as_str()))
        {
            return None;
        }
        // The question ends at a comma, or where its answer's speaker starts without
        // one (`Asked whether she was nervous she said ...`).
        let to = (from + 1..range.end)
            .find(|j| matches!(self.lower[*j].as_str(), "," | ";" | ":") || self.answer_starts(*j))
            .unwrap_or(range.end);
        let (content_from, content_to, direct) = self.trimmed(from, to)?;
        let cue = CueWord {
            lemma: "ask",
            stance: Stance::Urge,
        };
        Some((
            Attribution {
                source: None,
                cue: self.cue(i, i + 1, cue)?,
                content: self.span(content_from, content_to)?,
                direct,
                topic: None,
                continued: Vec::new(),
            },
            to,
        ))
    }

    /// Whether a speaker and its saying verb start at token `j`: `he said`, `Mr Blair
    /// replied`, `she has said`.
    fn answer_starts(&self, j: usize) -> bool {
        let w = self.lower[j].as_str();
        if !(matches!(w, "he" | "she" | "they" | "i" | "we") || capitalized(self.tokens[j].text)) {
            return false;
        }
        let mut k = j + 1;
        while k < self.lower.len() && capitalized(self.tokens[k].text) {
            k += 1;
        }
        while k < self.lower.len() && self.verb_modifier(k) {
            k += 1;
        }
        k < self.lower.len()
            && !capitalized(self.tokens[k].text)
            && cue_word(&self.lower[k]).is_some_and(|c| c.stance == Stance::Say)
    }

    /// `said in a statement`, `told CNN in an interview`: the medium belongs to the
    /// cue (PolNeAR marks it inside 72 times, outside 50), and it is not the content.
    fn past_medium(&self, cue_end: usize) -> usize {
        let word = |j: usize| self.lower.get(j).map(String::as_str).unwrap_or("");
        if self.by_medium(cue_end) {
            return cue_end + 2;
        }
        if word(cue_end) != "in"
            || !matches!(
                word(cue_end + 1),
                "a" | "an" | "his" | "her" | "its" | "their"
            )
        {
            return cue_end;
        }
        // One describing word may stand before the medium (`a written statement`).
        for end in [cue_end + 2, cue_end + 3] {
            if STATEMENTS.contains(&word(end)) {
                return end + 1;
            }
        }
        cue_end
    }

    /// True when an auxiliary (`was`, `has been`) stands right before token `i`.
    fn after_auxiliary(&self, i: usize) -> bool {
        i > 0 && AUXILIARIES.contains(&self.lower[i - 1].as_str())
    }

    /// `another board member, accused by Anil of creating a rift`: a participle with
    /// its agent and no auxiliary. The agent speaks; what follows the agent is said.
    fn reduced_passive(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let (agent_from, phrase_to) = self.noun_phrase_after(cue_end + 1, range.end)?;
        // The agent ends where the accusation begins (`by Anil of creating a rift`).
        let agent_to = (agent_from + 1..phrase_to)
            .find(|j| {
                matches!(
                    self.lower[*j].as_str(),
                    "of" | "for" | "over" | "as" | "after"
                )
            })
            .unwrap_or(phrase_to);
        let (content_from, mut content_to, direct) = self.content_after(s, agent_to, cue)?;
        // Set off by commas (`a member, accused by Anil of ..., was`), it ends at the
        // next one.
        if i > 0 && self.lower[i - 1] == "," {
            content_to = (content_from..content_to)
                .find(|j| self.lower[*j] == ",")
                .unwrap_or(content_to);
        }
        Some((
            Attribution {
                source: self.source(agent_from, agent_to),
                cue: self.cue(i, cue_end, cue)?,
                content: self.span(content_from, content_to)?,
                direct,
                topic: self.topic(s, content_from, content_to),
                continued: Vec::new(),
            },
            content_to,
        ))
    }

    /// `the reports`, `Iran's claims`: token `j` follows a determiner or a possessive,
    /// so it is a noun even when it is also a cue word.
    fn after_determiner(&self, j: usize, sentence_start: usize) -> bool {
        j > sentence_start && {
            let before = self.lower[j - 1].as_str();
            DETERMINERS.contains(&before) || before == "'s" || before == "’s"
        }
    }

    /// `the congressional report said`, `the annual report said`: token `j`, a cue word
    /// that is also the name of a document, ends a noun phrase opened by a determiner
    /// one or two plain lowercase words before it, so it is the speaker's noun, not a
    /// verb of its own. (Only documents: `a percentage point predicted`, `arson
    /// attacks blamed on` are what was predicted or blamed, not who spoke.)
    fn noun_after_adjectives(&self, j: usize, sentence_start: usize) -> bool {
        if !matches!(
            self.lower[j].as_str(),
            "report" | "statement" | "study" | "survey"
        ) {
            return false;
        }
        let plain = |k: usize| {
            let w = self.lower[k].as_str();
            self.tokens[k].text.chars().all(|c| c.is_ascii_lowercase())
                && cue_word(w).is_none()
                && !CLAUSE_WORDS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && !PRONOUNS.contains(&w)
                && !ly_adverb(w)
        };
        (1..=2).any(|n| {
            j > sentence_start + n
                && (j - n..j).all(plain)
                && self.after_determiner(j - n, sentence_start)
        })
    }

    /// `Sanders’ campaign manager`: a `’` or `'` straight after a word ending in `s`,
    /// before a space and a word, is a plural possessive, not a closing quote.
    fn plural_possessive(&self, j: usize) -> bool {
        let mark = &self.tokens[j];
        if !matches!(mark.text, "’" | "'") || j == 0 || j + 1 >= self.tokens.len() {
            return false;
        }
        let word = &self.tokens[j - 1];
        let next = &self.tokens[j + 1];
        word.end == mark.start
            && word.text.ends_with('s')
            && next.start > mark.end
            && next.text.chars().next().is_some_and(char::is_alphabetic)
    }

    /// `France, Britain and Canada said`: whether the comma at `comma` parts names
    /// of a list that ends in `and`/`or` before `end`, with a name on either side,
    /// so the speaker is the whole list. A name after a fronted preposition opens no
    /// list (`In Tokyo, Britain and Canada said`).
    fn continues_a_list(&self, comma: usize, end: usize, sentence_start: usize) -> bool {
        let conjunction = (comma + 1..end).any(|j| matches!(self.lower[j].as_str(), "and" | "or"))
            // `in Frankfurt, New York and San Francisco by RSA Security`: places, not
            // the speaker.
            && (comma + 1..end).all(|j| self.lower[j] != "by");
        let names_right = self.mention_starting_at(comma + 1).is_some();
        let Some(left) = comma
            .checked_sub(1)
            .filter(|l| *l >= sentence_start && self.ends_a_mention(*l))
        else {
            return false;
        };
        let left_start = self.mention_start_before(left, sentence_start);
        let fronted = left_start
            .checked_sub(1)
            .filter(|b| *b >= sentence_start)
            .is_some_and(|b| {
                matches!(
                    self.lower[b].as_str(),
                    "in" | "on"
                        | "at"
                        | "after"
                        | "before"
                        | "during"
                        | "since"
                        | "with"
                        | "across"
                        | "like"
                        | "unlike"
                )
            });
        conjunction && names_right && !fronted
    }

    /// The mention whose first character is token `j`'s first.
    fn mention_starting_at(&self, j: usize) -> Option<&Mention> {
        let at = self.chars.at(self.tokens.get(j)?.start);
        self.mentions.iter().find(|m| m.start == at).copied()
    }

    /// Whether a mention ends with token `j`.
    fn ends_a_mention(&self, j: usize) -> bool {
        self.tokens.get(j).is_some_and(|token| {
            let at = self.chars.at(token.end);
            self.mentions.iter().any(|m| m.end == at)
        })
    }

    /// `Ironhorse Oil and Gas has denied`: when a name the tagger found starts before
    /// token `start` and runs into it, the token its first word is (within the
    /// sentence); `start` otherwise.
    fn mention_start_before(&self, start: usize, sentence_start: usize) -> usize {
        let at = self.chars.at(self.tokens[start].start);
        let Some(mention) = self.mentions.iter().find(|m| m.start < at && at < m.end) else {
            return start;
        };
        (sentence_start..start)
            .rev()
            .take_while(|j| self.chars.at(self.tokens[*j].end) > mention.start)
            .last()
            .unwrap_or(start)
    }

    /// `Wilson praised Rubio's positions and said ...`, `He met the families but
    /// declined to ...`: a cue right after `and` or `but` (auxiliaries and adverbs
    /// skipped) shares the subject that opens its sentence.
    fn coordinated_subject(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let j = self.modifiers_start(range.start, i);
        let conjunction = j.checked_sub(1).filter(|c| *c > range.start)?;
        if !matches!(self.lower[conjunction].as_str(), "and" | "but") {
            return None;
        }
        let (from, to, verb) = self.sentence_subject(s)?;
        // `The key is if Gerrard comes out and says`: after a form of `be`, a
        // conjunction opens another clause, whose subject is the one that speaks.
        // (`The BPI is concerned that ... and said`, `Blinkx is software that watches
        // ... and suggests`: a complement or a relative clause keeps the subject.)
        let copula = matches!(self.lower[verb].as_str(), "is" | "was" | "are" | "were");
        let another_clause = copula
            && (verb + 1..conjunction).any(|j| {
                matches!(
                    self.lower[j].as_str(),
                    "if" | "when"
                        | "whether"
                        | "because"
                        | "while"
                        | "since"
                        | "although"
                        | "though"
                        | "unless"
                        | "once"
                )
            });
        // The subject's verb must come between it and the conjunction.
        (to <= verb && verb < conjunction && !another_clause).then_some((from, to))
    }

    /// An auxiliary or a lowercase `-ly` adverb (`has`, `would not`, `also`,
    /// `repeatedly`): the words between a subject and its cue that belong to neither.
    fn verb_modifier(&self, j: usize) -> bool {
        let w = self.lower[j].as_str();
        // `has so far refused`, `have thus far declined`.
        let so_far = (w == "far" && j > 0 && matches!(self.lower[j - 1].as_str(), "so" | "thus"))
            || (matches!(w, "so" | "thus") && self.lower.get(j + 1).is_some_and(|n| n == "far"));
        // `who have all denied`, `are both expected`.
        let floating = matches!(w, "all" | "both")
            && j > 0
            && AUXILIARIES.contains(&self.lower[j - 1].as_str());
        AUXILIARIES.contains(&w)
            || so_far
            || floating
            || ly_adverb(w) && !capitalized(self.tokens[j].text)
    }

    /// Where the run of [`Finder::verb_modifier`] words right before token `i` starts
    /// (`i` itself when there is none), not before `floor`.
    fn modifiers_start(&self, floor: usize, i: usize) -> usize {
        let mut j = i;
        while j > floor && self.verb_modifier(j - 1) {
            j -= 1;
        }
        j
    }

    /// `Martin O’Malley, who noted that ...`: a cue in a relative clause. Returns the
    /// `who` token (the speaker's words, as annotators mark them) and the noun phrase
    /// it stands for (whose entity the speaker is).
    fn relative_antecedent(&self, s: usize, i: usize) -> Option<(usize, (usize, usize))> {
        let range = self.sentences[s].clone();
        let who = self.modifiers_start(range.start, i);
        let who = who.checked_sub(1).filter(|w| *w > range.start + 1)?;
        if self.lower[who] != "who" || self.lower[who - 1] != "," {
            return None;
        }
        Some((who, self.speaker_before(range.start, who - 1)?))
    }

    /// A `who` speaker takes the entity of the phrase it stands for.
    fn named_by_antecedent(
        &self,
        mut found: Source,
        antecedent: Option<(usize, (usize, usize))>,
    ) -> Source {
        let Some((_, (from, to))) = antecedent else {
            return found;
        };
        if let Some(named) = self.source(from, to) {
            found.canonical = named.canonical;
            found.kind = named.kind;
            found.affiliations = named.affiliations;
        }
        found
    }

    /// `Norman Brennan, director of the Victims of Crime Trust, accused Lord Woolf of
    /// ...`: a cue after the comma closing an appositive has the sentence's subject as
    /// its speaker, also behind its auxiliaries (`Snyder, for his part, has denied`).
    /// The speaker's span takes in its appositive (`Brian Fallon, the campaign's press
    /// secretary,`), as PolNeAR marks it, unless the commas hold an aside (`for his
    /// part`, `however`).
    fn appositive_subject(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let verb = self.modifiers_start(range.start, i);
        let closing = verb.checked_sub(1).filter(|c| self.lower[*c] == ",")?;
        // `Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said`: a party and
        // state may stand between the subject and its comma.
        let comma_at = |to: usize| match self.lower.get(to).map(String::as_str) {
            Some(",") => true,
            Some("(") => (to + 1..range.end.min(to + 8))
                .find(|k| self.lower[*k] == ")")
                .is_some_and(|close| self.lower.get(close + 1).is_some_and(|w| w == ",")),
            _ => false,
        };
        let (from, to) = match self.sentence_subject(s) {
            Some((from, to, subject_verb))
                if subject_verb <= i
                    && (subject_verb..i).all(|j| self.verb_modifier(j))
                    && comma_at(to) =>
            {
                (from, to)
            }
            _ => self
                .subject_before_appositive(range.start, closing)
                .or_else(|| self.whole_subject_before_comma(s, i, closing))?,
        };
        let aside = matches!(
            self.lower.get(to + 1).map(String::as_str),
            Some(
                "for"
                    | "in"
                    | "on"
                    | "at"
                    | "however"
                    | "meanwhile"
                    | "though"
                    | "too"
                    | "by"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "speaking"
                    | "asked"
            )
        ) || self
            .lower
            .get(to + 1)
            // `The firm, reporting its results, said`: a participle's clause.
            .is_some_and(|w| w.ends_with("ing") && cue_word(w).is_some());
        Some(if aside || to >= closing {
            (from, to)
        } else {
            (from, closing)
        })
    }

    /// `William Siedenburg of Smith Barney Harris Upham and Co, said Phelps has ...`:
    /// wire copy sometimes puts a comma between a long subject and its verb. The
    /// subject is then everything from the sentence's start (past its dateline) to the
    /// comma, when that is one speaker phrase opening with a capital and the cue is a
    /// finite saying verb: `The transaction, expected to close in March, involves`
    /// and `Nemeth, recalled in place of Job, was denied` open a participle's aside.
    fn whole_subject_before_comma(
        &self,
        s: usize,
        i: usize,
        closing: usize,
    ) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let finite = matches!(
            self.lower[i].as_str(),
            "said" | "says" | "told" | "tells" | "added" | "adds"
        ) && !self
            .lower
            .get(i + 1)
            .is_some_and(|w| matches!(w.as_str(), "to" | "by"));
        let start = self.past_dateline(range.start, range.end);
        if !finite || !capitalized(self.tokens.get(start)?.text) {
            return None;
        }
        let opener = closing == start + 1
            && (matches!(
                self.lower[start].as_str(),
                "however"
                    | "meanwhile"
                    | "moreover"
                    | "furthermore"
                    | "instead"
                    | "separately"
                    | "yesterday"
                    | "today"
                    | "overall"
                    | "still"
                    | "also"
            ) || ly_adverb(&self.lower[start]));
        if opener {
            return None;
        }
        let (from, to) = self.speaker_before(start, closing)?;
        (from == start && to == closing).then_some((from, to))
    }

    /// `A lawyer for the news outlets, David Schulz, said`, `Mr. King, 82, told me`:
    /// the noun phrase before the comma that opens the appositive closing at
    /// `closing`, when nothing in between is a quote or a cue of its own.
    fn subject_before_appositive(
        &self,
        sentence_start: usize,
        closing: usize,
    ) -> Option<(usize, usize)> {
        let floor = sentence_start.max(closing.saturating_sub(30));
        let opening = (floor..closing).rev().find(|j| {
            // A plural possessive's `’` (`Sanders’ campaign manager`) is no quote.
            self.lower[*j] == ","
                || (is_quote(self.tokens[*j].text) && !self.plural_possessive(*j))
                || self.lower[*j] == ":"
        })?;
        if self.lower[opening] != "," || opening + 1 >= closing {
            return None;
        }
        // `Hillary Clinton, at a later press gaggle, said`: an aside of a preposition
        // and its noun phrase has no verb, so a cue word in it is a noun's.
        let prepositional = matches!(
            self.lower[opening + 1].as_str(),
            "at" | "in" | "during" | "on" | "after" | "before" | "following"
        ) && opening + 2 < closing
            && DETERMINERS.contains(&self.lower[opening + 2].as_str())
            && !(opening + 3..closing).any(|j| {
                let w = self.lower[j].as_str();
                matches!(w, "who" | "which" | "that" | "where" | "when") || is_punct(w)
            });
        // `A Bank of England spokesman, commenting on the figures, said`: a gerund
        // opening the aside is an attribution of its own, set inside the subject's.
        let gerund_aside = self.lower[opening + 1].ends_with("ing");
        let own_cue = !prepositional
            && (opening + 1 + usize::from(gerund_aside)..closing).any(|j| {
                !capitalized(self.tokens[j].text)
                    && cue_word(&self.lower[j]).is_some()
                    && !self.after_determiner(j, opening + 1)
            });
        if own_cue {
            return None;
        }
        let (from, to) = self.speaker_before(sentence_start, opening)?;
        // `Rep. Elijah Cummings (D-Md.), chair of ...`: a party and state between
        // the name and its comma.
        let parenthetical = self.lower[to] == "(" && self.lower[opening - 1] == ")";
        (to == opening || parenthetical).then_some((from, to))
    }

    /// The name or pronoun opening sentence `s` (after a `But` or `And`), when a verb
    /// follows it: `Wilson praised`, `Sen. Ted Cruz, R-Texas, said`, `She declared`,
    /// `The group called`. Returns the subject's token range and its verb's token.
    fn sentence_subject(&self, s: usize) -> Option<(usize, usize, usize)> {
        let range = self.sentences[s].clone();
        // `BONN, April 24 - Economics Minister Martin Bangemann, who ..., said`.
        let mut start = self.past_dateline(range.start, range.end);
        if start + 1 >= range.end {
            return None;
        }
        if SENTENCE_LINKS.contains(&self.lower[start].as_str()) {
            start += 1;
            if self.lower.get(start).is_some_and(|w| w == ",") {
                start += 1;
            }
            if start + 1 >= range.end {
                return None;
            }
        }
        let first = self.lower[start].as_str();
        let mut end = start;
        if matches!(first, "he" | "she" | "they" | "we") {
            end = start + 1;
        } else {
            // `The group called`: a determiner and one noun; otherwise a name of up to
            // five capitalized words (`Sen.`, `Lt. Gen.` and `of` inside it).
            if first == "the" && range.end > start + 2 {
                let noun = &self.tokens[start + 1];
                if !capitalized(noun.text) && noun.text.chars().all(char::is_alphabetic) {
                    end = start + 2;
                }
            }
            if end == start {
                let skip = usize::from(first == "the");
                end = start + skip;
                while end < range.end
                    && end - start < 6
                    && (capitalized(self.tokens[end].text)
                        || (end > start + skip
                            && matches!(self.lower[end].as_str(), "." | "of" | "'s" | "’s")))
                {
                    end += 1;
                }
                if end == start + skip || !capitalized(self.tokens[end - 1].text) {
                    return None;
                }
            }
        }
        // A party and state (`Rick Scott (R) blasted`) or an appositive (`Cruz, a
        // Texas senator,`) between the name and its verb.
        let mut verb = end;
        if self.lower.get(verb).is_some_and(|w| w == "(") {
            verb = (verb + 1..range.end.min(verb + 8)).find(|k| self.lower[*k] == ")")? + 1;
        }
        if self.lower.get(verb).is_some_and(|w| w == ",") {
            verb = (verb + 1..range.end.min(verb + 12)).find(|k| self.lower[*k] == ",")? + 1;
        }
        let verb_word = self.tokens.get(verb).filter(|_| verb < range.end)?.text;
        // `Trump was angry and said`: a form of `be` is a verb here, though it ends a
        // speaker phrase read backwards; but only after someone who can speak (a
        // pronoun, `Analysts`, `The senator`, a name the tagger found: looked up only
        // for a form of `be`), not `The price is ... and will continue` or `There
        // were ... and estimates vary`.
        let speaks = || {
            // (A pronoun subject is one word: its head is `first`.)
            names_people(&self.lower[end - 1])
                || (start..end).any(|j| self.mention_starting_at(j).is_some())
        };
        let copula = matches!(verb_word, "is" | "was" | "are" | "were") && speaks();
        let verb_like = verb_word.chars().all(|c| c.is_ascii_lowercase())
            && (cue_word(verb_word).is_some() || copula || !CLAUSE_WORDS.contains(&verb_word))
            && !DETERMINERS.contains(&verb_word);
        // `A senior Ivory Coast Agriculture Ministry official confirmed ... and said`,
        // `West German finance minister Gerhard Stoltenberg suggested`: the name is
        // only the start of a longer subject when a description follows it.
        if verb_like && verb == end && !self.looks_like_verb(verb) {
            if let Some((to, verb)) = self.verb_after_description(start, end, range.end) {
                return Some((start, to, verb));
            }
        }
        // `A spokesman for the firm refused ... but said`: an article alone is no
        // subject; the phrase it opens runs, prepositions and all, up to its verb.
        if end == start + 1 && DETERMINERS.contains(&first) {
            let verb = (end..range.end.min(end + 12))
                .take_while(|&j| !is_punct(&self.lower[j]))
                .find(|&j| !capitalized(self.tokens[j].text) && self.looks_like_verb(j))?;
            let (from, to) = self.speaker_before(start, verb)?;
            return (from == start && to == self.modifiers_start(start, verb))
                .then_some((from, to, verb));
        }
        verb_like.then_some((start, end, verb))
    }

    /// A word that is plainly a verb: a cue, an auxiliary, a past form (`-ed` or a
    /// common irregular one).
    fn looks_like_verb(&self, j: usize) -> bool {
        let w = self.lower[j].as_str();
        past_or_cue(w) || AUXILIARIES.contains(&w) || matches!(w, "wants" | "plans")
    }

    /// Whether the preposition at `prep` joins the noun before it into one speaker
    /// phrase: `in` after a plural noun of people (`traders in Tokyo`), `to` after a
    /// role that serves someone (`an aide to Lyng`).
    fn joins_its_noun(&self, prep: usize, sentence_start: usize) -> bool {
        if prep <= sentence_start {
            return false;
        }
        let noun = self.lower[prep - 1].as_str();
        match self.lower[prep].as_str() {
            "in" => PEOPLE_NOUNS.contains(&noun),
            // `sources close to the company`.
            "to" => ROLES_TO.contains(&noun) || noun == "close",
            // `experts on North Korea`: what they know about, not who they are.
            "on" => EXPERT_NOUNS.contains(&noun),
            // `people familiar with the matter`.
            "with" => noun == "familiar",
            _ => false,
        }
    }

    /// The verb ending the subject that opens at `start` with a name ending at `end`,
    /// when lowercase description words (and more names) stand between: the first
    /// plain verb within ten words, with [`Finder::speaker_before`] reading all the
    /// words from `start` to it (auxiliaries aside) as one speaker. Returns the
    /// subject's end and the verb.
    fn verb_after_description(
        &self,
        start: usize,
        end: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let verb = (end..limit.min(end + 10))
            .take_while(|&j| {
                let w = self.lower[j].as_str();
                !is_punct(w) && !CLAUSE_WORDS.contains(&w) && w != "to"
            })
            .find(|&j| !capitalized(self.tokens[j].text) && self.looks_like_verb(j))?;
        let (from, to) = self.speaker_before(start, verb)?;
        (from == start && to == self.modifiers_start(start, verb)).then_some((to, verb))
    }

    /// The subject of the sentence, for a gerund cue (`..., saying ...`): the first
    /// speaker-like phrase before the first cue of the sentence.
    fn speaker_of_sentence(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        // (`The charges ..., alleging`, `The comments come after Tony Blair defended
        // ..., warning`: a cue word after a determiner is a noun.)
        let first_cue = (range.start..i).find(|j| {
            cue_word(&self.lower[*j]).is_some()
                && !capitalized(self.tokens[*j].text)
                && !self.lower[*j].ends_with("ing")
                && !self.after_determiner(*j, range.start)
        });
        match first_cue {
            Some(cue) => self.speaker_before(range.start, cue),
            None => self.subject_who_can_speak(s, i),
        }
    }

    /// `Labour later took the image off its website, saying ...`, `Other analysts were
    /// less optimistic, predicting ...`, `After Carson died, President Bush led the
    /// tribute, saying ...`: with no cue before a gerund, the subject of the
    /// sentence's main clause speaks when it is someone: a pronoun, people (`analysts`,
    /// `a US woman`), a body (`the firm`), or a name the tagger found ending it. Not
    /// `Brent crude rose ..., adding $1.89`, `The BBC's search engine was used ...,
    /// helping`, `Wimbledon was a more refreshing affair as ..., showing`, nor a
    /// subject inside a quote (`"Xavi did things ...," the paper beams, adding`).
    fn subject_who_can_speak(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let open = self.past_dateline(range.start, range.end);
        // A clause opens the sentence (`But`, `However,` aside), or follows an
        // adverbial opening phrase and its comma (`After Carson died,`, `Last July,`).
        let opens_clause = |from: usize| {
            let plain = |j: usize| {
                let w = self.lower[j].as_str();
                (is_punct(w) && !is_open_quote(self.tokens[j].text)) || SENTENCE_LINKS.contains(&w)
            };
            let adverbial = from > open + 1
                && self.lower[from - 1] == ","
                && (open..from - 1).all(|j| !is_open_quote(self.tokens[j].text))
                && (ADVERBIAL_OPENERS.contains(&self.lower[open].as_str())
                    || is_time_word(&self.lower[open])
                    || matches!(
                        self.lower[open].as_str(),
                        "last" | "despite" | "although" | "though" | "since" | "because" | "if"
                    ));
            (open..from).all(plain) || adverbial
        };
        let (from, to, verb) = (open..i)
            .filter(|&j| !capitalized(self.tokens[j].text) && self.looks_like_verb(j))
            .find_map(|verb| {
                // `is suing`: the speaker is read back from the verb past its
                // auxiliaries.
                let mut main = verb;
                while main + 1 < i
                    && AUXILIARIES.contains(&self.lower[main].as_str())
                    && (self.looks_like_verb(main + 1) || self.lower[main + 1].ends_with("ing"))
                {
                    main += 1;
                }
                let (from, to) = self.speaker_before(range.start, main)?;
                (to > from && opens_clause(from)).then_some((from, to, main))
            })?;
        // `Wimbledon was a more refreshing affair`: a subject described, not acting.
        let described = matches!(self.lower[verb].as_str(), "is" | "was" | "are" | "were")
            && self
                .lower
                .get(verb + 1)
                .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the"));
        if described {
            return None;
        }
        let head = self.lower[to - 1].as_str();
        let named = self.ends_a_mention(to - 1);
        let speaks = names_people(head)
            || PEOPLE_WORDS.contains(&head)
            || SPEAKING_SUBJECTS.contains(&head)
            || named;
        speaks.then_some((from, to))
    }

    /// A noun phrase from `from` up to punctuation or a clause word: token range.
    fn noun_phrase_after(&self, from: usize, limit: usize) -> Option<(usize, usize)> {
        // `spoke on condition of anonymity`: a preposition starts no speaker.
        if self
            .lower
            .get(from)
            .is_none_or(|w| CLAUSE_WORDS.contains(&w.as_str()) || is_time_word(w))
        {
            return None;
        }
        let mut to = from;
        while to < limit && to - from < 12 {
            let w = self.lower[to].as_str();
            let inside = matches!(w, "'s" | "’s" | "." | "-" | "&" | "of")
                && to > from
                && to + 1 < limit
                && !is_punct(&self.lower[to + 1]);
            if inside {
                to += 1;
                continue;
            }
            if is_punct(w)
                || (to > from && (CLAUSE_WORDS.contains(&w) || is_time_word(w)))
                || (to > from
                    && cue_word(w).is_some()
                    && !capitalized(self.tokens[to].text)
                    // `according to central bank estimates.`: ending the phrase, a
                    // noun.
                    && self.lower.get(to + 1).is_some_and(|n| !is_punct(n)))
            {
                break;
            }
            to += 1;
        }
        (to > from).then_some((from, to))
    }

    /// Content after a source-first cue ending at `cue_end`: (from, to, direct).
    fn content_after(
        &self,
        s: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(usize, usize, bool)> {
        let range = self.sentences[s].clone();
        let mut from = cue_end;
        // `told reporters that`, `told the BBC:`: the addressee is not the content.
        let addressee = ADDRESSEE_CUES.contains(&cue.lemma);
        let that_within = (from..range.end.min(from + 8)).find(|j| self.lower[*j] == "that");
        if let Some(that) = that_within {
            // `said the test could change that.`: a clause already running (an
            // auxiliary after the cue) or a `that` closing the sentence is its object,
            // not the conjunction opening the content (`said that, if ...` is one).
            let pronoun = self
                .lower
                .get(that + 1)
                .is_none_or(|w| matches!(w.as_str(), "." | "?" | "!" | ";"));
            let clause_before = |j: usize| {
                let w = self.lower[j].as_str();
                FINITE_AUXILIARIES.contains(&w) || self.looks_finite_verb(j)
            };
            // `nobody can argue with that.`, `would tell you that.`, `can't ask for
            // more than that.`: the cue points back at what was said before; no words
            // of the content stand here.
            if pronoun && that - from <= 3 && !(from..that).any(clause_before) {
                return None;
            }
            let between_clean = !pronoun
                && (from..that).all(|j| {
                    !matches!(self.lower[j].as_str(), "," | "\"" | "“" | "”" | ":")
                        && !clause_before(j)
                });
            if between_clean {
                from = that + 1;
            }
        } else if let Some(audience) = addressee
            .then(|| self.audience_end(from, range.end))
            .flatten()
        {
            // `told BBC One's Breakfast with Frost programme: "...`
            from = audience;
        } else if addressee {
            while from < range.end
                && !is_punct(&self.lower[from])
                && !matches!(
                    self.lower[from].as_str(),
                    "that" | "he" | "she" | "they" | "it" | "we" | "i"
                )
                && from - cue_end < 6
            {
                from += 1;
            }
        }
        // `said on Tuesday`, `said in a statement`, `:`.
        loop {
            match self.lower.get(from).map(String::as_str) {
                Some(",") | Some(":") | Some("that") => from += 1,
                Some("on") | Some("last")
                    if self.lower.get(from + 1).is_some_and(|w| is_time_word(w)) =>
                {
                    from += 2
                }
                Some(w) if is_time_word(w) => from += 1,
                _ => break,
            }
        }
        if from >= range.end {
            // `He said:` closing its paragraph, the quote opening the next one.
            let colon = from > cue_end && self.lower[from - 1] == ":";
            let quote_next = self
                .tokens
                .get(from)
                .is_some_and(|t| t.paragraph_start && is_open_quote(t.text));
            if colon && quote_next {
                let close = self.closing_quote_within(from, QUOTE_SENTENCES)?;
                return Some((from + 1, close, true));
            }
            return None;
        }
        // A quote opened here may run over the next sentences.
        if is_open_quote(self.tokens[from].text) {
            if let Some(close) = self.closing_quote_within(from, QUOTE_SENTENCES) {
                return Some((from + 1, close, true));
            }
        }
        let end = self.coordinated_cue(from, range.end).unwrap_or(range.end);
        self.trimmed(from, end)
    }

    /// After a verb that names its addressee, the token just past an addressee that
    /// ends in an audience noun within [`AUDIENCE_TOKENS`] (`told BBC One's Breakfast
    /// with Frost programme`, `told MPs`), before any punctuation or pronoun: the
    /// content starts there, not in the middle of a programme's name.
    fn audience_end(&self, from: usize, limit: usize) -> Option<usize> {
        let end = (from..limit.min(from + AUDIENCE_TOKENS))
            .take_while(|&j| {
                !is_punct(&self.lower[j])
                    && !matches!(
                        self.lower[j].as_str(),
                        "that" | "he" | "she" | "they" | "it" | "we" | "i"
                    )
            })
            .filter(|&j| AUDIENCE_NOUNS.contains(&self.lower[j].as_str()))
            .last()?
            + 1;
        let where_phrase = self
            .lower
            .get(end)
            .is_some_and(|w| matches!(w.as_str(), "on" | "in" | "at" | "about" | "of" | "for"));
        if !where_phrase {
            // `told the Argentine newspaper Clarin it would`: the audience's name
            // follows its noun, before the content's subject pronoun.
            let name_end = (end..limit.min(end + 4))
                .take_while(|&j| capitalized(self.tokens[j].text))
                .last()
                .map_or(end, |j| j + 1);
            let pronoun_follows = name_end > end
                && self.lower.get(name_end).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "that" | "he" | "she" | "they" | "it" | "we" | "i"
                    )
                });
            return Some(if pronoun_follows { name_end } else { end });
        }
        // `he told a conference on ageing.`: a short phrase closing the sentence
        // after the audience says where, and the content is before the speaker.
        let rest = (end..limit).filter(|&j| !is_punct(&self.lower[j])).count();
        if rest <= 3 {
            return Some(limit);
        }
        // `told a meeting of the Metropolitan Police Authority it would be`: the
        // audience's name goes with it.
        let mut j = end + 1;
        if self
            .lower
            .get(j)
            .is_some_and(|w| matches!(w.as_str(), "the" | "a"))
        {
            j += 1;
        }
        let name_from = j;
        while j < limit
            && (capitalized(self.tokens[j].text)
                || (j > name_from && matches!(self.lower[j].as_str(), "and" | "of" | "&" | "'s")))
        {
            j += 1;
        }
        Some(if j > name_from { j } else { end })
    }

    /// `denied Mr Brown made that quote`: a verb between the cue and a `that` makes
    /// the `that` a determiner inside the content, not the start of the content.
    /// A lowercase verb-like word after a name or a pronoun counts.
    fn looks_finite_verb(&self, j: usize) -> bool {
        let w = self.lower[j].as_str();
        let t = self.tokens[j].text;
        if capitalized(t) {
            return false;
        }
        // Its subject: a name or a pronoun (`a statement released on` has none).
        let after_subject = j > 0
            && (capitalized(self.tokens[j - 1].text)
                || PRONOUNS.contains(&self.lower[j - 1].as_str()));
        after_subject && (past_or_cue(w) || FINITE_AUXILIARIES.contains(&w))
    }

    /// `blasted Congress and said the state ...`: where a second cue of the same
    /// speaker (`and`/`but`, auxiliaries, a cue verb) starts, which ends the first
    /// cue's content. Not at `from` itself: `denied and condemned it` keeps its words.
    fn coordinated_cue(&self, from: usize, end: usize) -> Option<usize> {
        (from + 1..end).find(|&j| {
            if !matches!(self.lower[j].as_str(), "and" | "but") {
                return false;
            }
            let mut k = j + 1;
            while k < end && self.verb_modifier(k) {
                k += 1;
            }
            k < end
                && !capitalized(self.tokens[k].text)
                && !self.lower[k].ends_with("ing")
                && cue_word(&self.lower[k]).is_some()
                && !AMBIGUOUS.contains(&self.lower[k].as_str())
        })
    }

    /// Content ending at token `end` of sentence `s` (a content-first attribution):
    /// (from, to, direct).
    fn content_before(&self, s: usize, end: usize) -> Option<(usize, usize, bool)> {
        let range = self.sentences[s].clone();
        // A speaker that opens its sentence has nothing said before it.
        if end <= range.start {
            return None;
        }
        // Past the comma (`, said`) to a closing quote, if there is one.
        let mut close = end;
        while close > range.start
            && is_punct(&self.lower[close - 1])
            && !is_close_quote(self.tokens[close - 1].text)
        {
            close -= 1;
        }
        if close > range.start && is_close_quote(self.tokens[close - 1].text) {
            // The quote's opening may be in this sentence or an earlier one of the
            // same paragraph.
            if let Some(open) = self.opening_quote(close - 1, s) {
                let (from, to, _) = self.trimmed(open + 1, close - 1)?;
                return Some((from, to, true));
            }
        }
        // `the prices it charged.`: without a comma (or dash, colon) before the
        // speaker the words before are the speaker's own clause, not what was said.
        // (`..., and he said.` keeps the clause before its comma.)
        let conjoined = end >= range.start + 2
            && matches!(self.lower[end - 1].as_str(), "and" | "but")
            && self.lower[end - 2] == ",";
        if close == end && !conjoined && !is_close_quote(self.tokens[end - 1].text) {
            // `..., which he denies.`, `..., a charge the company denies.`: an object
            // relative points back to the clause before its comma.
            let comma = (range.start..end)
                .rev()
                .take(4)
                .find(|&j| self.lower[j] == ",")?;
            const THINGS_SAID: &[&str] = &[
                "charge",
                "charges",
                "claim",
                "claims",
                "allegation",
                "allegations",
                "accusation",
                "accusations",
                "suggestion",
                "view",
                "move",
                "target",
                "figure",
                "report",
                "reports",
                "story",
                "rumour",
                "rumours",
                "idea",
                "point",
            ];
            let after = self.lower[comma + 1].as_str();
            let points_back = (after == "which" && end == comma + 2)
                || (matches!(after, "a" | "an" | "the")
                    && end == comma + 3
                    && THINGS_SAID.contains(&self.lower[comma + 2].as_str()));
            return if points_back {
                self.trimmed(range.start, comma)
            } else {
                None
            };
        }
        self.trimmed(range.start, end)
    }

    /// `WASHINGTON, March 18 - U.S. power companies generated ..., the institute said`:
    /// a wire story's dateline opens its first sentence but is where and when it was
    /// filed, not what anyone said. The token after the dash, or `from` when the
    /// sentence has no dateline (capitalized place words, a comma, a month and a day,
    /// a dash, within its first ten tokens).
    fn past_dateline(&self, from: usize, to: usize) -> usize {
        let dash = (from..to.min(from + 10))
            .find(|&j| matches!(self.lower[j].as_str(), "-" | "--" | "—" | "–"));
        let Some(dash) = dash else { return from };
        // `EDMONTON, Alberta, March 20 -`: the place may have commas of its own.
        let dated = dash >= from + 4
            && self.tokens[dash - 1]
                .text
                .bytes()
                .all(|b| b.is_ascii_digit())
            && crate::extract::dates::month_number(self.tokens[dash - 2].text).is_some()
            && self.lower[dash - 3] == ",";
        let place = dated
            && (from..dash - 3).all(|j| capitalized(self.tokens[j].text) || self.lower[j] == ",");
        if place {
            dash + 1
        } else {
            from
        }
    }

    /// `"... our country?" Clinton said.`: a quoted question or exclamation (or a
    /// quote closed after its period, `missing.” Trump said.`) ends its sentence, so
    /// the quote before a speaker that opens sentence `s` may be the end of the
    /// sentence before, in the same paragraph.
    fn question_quote_before(&self, s: usize) -> Option<(usize, usize, bool)> {
        let start = self.sentences[s].start;
        if s == 0 || start < 2 || self.tokens[start].paragraph_start {
            return None;
        }
        let close = start - 1;
        // `need?’” Weaver said`: the question mark may sit inside a quote within it.
        let mut mark = close - 1;
        while mark > 0 && is_close_quote(self.tokens[mark].text) {
            mark -= 1;
        }
        // `missing.” Trump said.` ends the quote's sentence with a period, too.
        let asks = matches!(self.lower[mark].as_str(), "?" | "!" | ".");
        if !is_close_quote(self.tokens[close].text) || !asks {
            return None;
        }
        let open = self.opening_quote(close, s - 1)?;
        let (from, to, _) = self.trimmed(open + 1, close)?;
        Some((from, to, true))
    }

    /// `from..to` without a dateline or punctuation at the ends; direct when it was
    /// quoted whole.
    fn trimmed(&self, from: usize, mut to: usize) -> Option<(usize, usize, bool)> {
        let mut from = self.past_dateline(from, to);
        let quoted_open = from < to && is_open_quote(self.tokens[from].text);
        let outer_kind = self.tokens.get(from).and_then(|t| quote_kind(t.text));
        while from < to && is_punct(&self.lower[from]) {
            from += 1;
        }
        while to > from && is_punct(&self.lower[to - 1]) && !is_close_quote(&self.lower[to - 1]) {
            to -= 1;
        }
        let quoted_close = to > from && is_close_quote(self.tokens[to - 1].text);
        if quoted_close {
            to -= 1;
            while to > from && is_punct(&self.lower[to - 1]) {
                to -= 1;
            }
        }
        // A `‘quote within the quote’` keeps it direct; a second quote of the same kind
        // (`“A,” he said, “B”`) does not.
        let inner_quote = (from..to).any(|j| {
            let t = self.tokens[j].text;
            is_quote(t) && (quote_kind(t) == outer_kind || outer_kind.is_none())
        });
        (from < to).then_some((from, to, quoted_open && quoted_close && !inner_quote))
    }

    /// The closing quote of the quote opened at token `open`, of the same kind, within
    /// the paragraph and at most `max_sentences` sentences on.
    fn closing_quote_within(&self, open: usize, max_sentences: usize) -> Option<usize> {
        let kind = quote_kind(self.tokens[open].text);
        let from = open + 1;
        let mut sentences_seen = 0;
        for j in from..self.tokens.len() {
            let t = self.tokens[j].text;
            // A quote mark ending its paragraph opens nothing in the next one.
            if self.tokens[j].paragraph_start {
                return None;
            }
            let closes = is_close_quote(t) && quote_kind(t) == kind;
            if closes && (!is_straight_quote(t) || j > from) {
                return Some(j);
            }
            if matches!(t, "." | "!" | "?") {
                sentences_seen += 1;
                if sentences_seen > max_sentences {
                    return None;
                }
            }
        }
        None
    }

    /// The opening quote matching the closing one at `close`, searching back from it
    /// within its paragraph (at most six sentences back).
    fn opening_quote(&self, close: usize, s: usize) -> Option<usize> {
        let kind = quote_kind(self.tokens[close].text);
        let earliest = self.sentences[s.saturating_sub(6)].start;
        let mut j = close;
        while j > earliest {
            j -= 1;
            let t = self.tokens[j].text;
            let same_kind = quote_kind(t) == kind;
            if same_kind && is_open_quote(t) {
                return Some(j);
            }
            if same_kind && is_close_quote(t) && !is_straight_quote(t) {
                return None;
            }
            if self.tokens[j].paragraph_start && j < self.sentences[s].start {
                return None;
            }
        }
        None
    }

    /// The `by` that brings a passive cue's agent when only words saying when or how
    /// stand between them (`were denied yesterday by the ministry`, `was rejected on
    /// Monday by Iran`, `criticized privately by`, `at the time by`): then what was
    /// denied is the subject, as with `by` right after the cue. Not `accused of fraud
    /// by`: there the subject is who was accused.
    fn agent_by(&self, cue_end: usize, limit: usize) -> Option<usize> {
        let by = self.by_near(cue_end, limit)?;
        let says_when = |j: usize| {
            let word = self.lower[j].as_str();
            is_time_word(word)
                || is_adverb(word)
                || matches!(
                    word,
                    "on" | "last" | "this" | "at" | "in" | "the" | "time" | "past"
                )
        };
        (cue_end..by).all(says_when).then_some(by)
    }

    /// The first `by` within a few words after a cue ending at `cue_end`: the one
    /// window [`Finder::agent_by`] and [`Finder::agent_after`] must agree on.
    fn by_near(&self, cue_end: usize, limit: usize) -> Option<usize> {
        (cue_end..limit.min(cue_end + 4)).find(|j| self.lower[*j] == "by")
    }

    /// The agent of a passive cue (`was accused by Washington of ...`).
    fn agent_after(&self, cue_end: usize, limit: usize) -> Option<Source> {
        let by = self.by_near(cue_end, limit)?;
        // `accused of Islamophobia by`, `written for her by`, not `is expected to
        // conclude by`: the `by` of another verb.
        let another_verb = (cue_end..by).any(|j| self.lower[j] == "to");
        if another_verb || !self.names_an_agent(by + 1) {
            return None;
        }
        let (from, to) = self.noun_phrase_after(by + 1, limit)?;
        // `by the city of Los Angeles just before ...`: an adverb of time ends it.
        let to = (from + 1..to)
            .find(|&j| {
                matches!(
                    self.tokens[j].text,
                    "just" | "later" | "earlier" | "already"
                )
            })
            .unwrap_or(to);
        self.source(from, to)
    }

    /// Whether the words from token `j` after `by` can be who acted: `by 46%`, `by
    /// 2010`, `by the end of the year`, `by Friday` say how much or when.
    fn names_an_agent(&self, j: usize) -> bool {
        /// Nouns that make `by the ...` a time.
        const TIMES: &[&str] = &[
            "end",
            "middle",
            "start",
            "beginning",
            "time",
            "turn",
            "close",
            "summer",
            "autumn",
            "spring",
            "winter",
            "weekend",
            "year",
            "month",
            "week",
            "deadline",
            "first",
            "second",
            "third",
            "fourth",
        ];
        let Some(first) = self.lower.get(j).map(String::as_str) else {
            return false;
        };
        let next = self.lower.get(j + 1).map_or("", String::as_str);
        let when = |w: &str| {
            crate::extract::dates::weekday(w).is_some()
                || crate::extract::dates::month_number(w).is_some()
                || matches!(
                    w,
                    "then"
                        | "now"
                        | "far"
                        | "mid"
                        | "early"
                        | "late"
                        | "next"
                        | "about"
                        | "around"
                        | "up"
                        | "as"
                        | "more"
                        | "less"
                        | "half"
                        | "tomorrow"
                        | "tonight"
                        | "today"
                        | "yesterday"
                        | "nearly"
                        | "almost"
                )
        };
        if j > 0 && self.by_medium(j - 1) {
            return false;
        }
        let amount = first.starts_with(|c: char| c.is_ascii_digit());
        let time_noun = DETERMINERS.contains(&first) && TIMES.contains(&next);
        !(amount || when(first) || time_noun)
    }

    /// The speaker's span with the entity it names: a mention inside it (the last one,
    /// the phrase's head: `Iranian spokesman Saeed Khatibzadeh`), or for `he`/`she` the
    /// last person named before the cue at `cue`.
    fn source(&self, from: usize, to: usize) -> Option<Source> {
        let span = self.span(from, to)?;
        let mut inside: Vec<&&Mention> = self
            .mentions
            .iter()
            .filter(|m| m.start >= span.start && m.end <= span.end)
            .collect();
        // The extractor lists alias matches after the tagger's names, not in text
        // order; the head rules read the phrase left to right (`Manchester United
        // manager Sir Alex Ferguson`).
        inside.sort_by_key(|m| (m.start, m.end));
        let mut canonical = None;
        let mut kind = None;
        let mut affiliations = Vec::new();
        let mut head = head_mention(&inside, &span);
        if let Some(named) = head {
            if named.kind == EntityKind::Place && after_honorific(named, &span) {
                // `said Mr Irish`, `Ms Essex said`: a person whose surname the tagger
                // took for a place; who they are is unknown, and Ireland did not
                // speak. (A company may bear a title: `Mr. Rooter Corp`.)
                kind = Some(EntityKind::Person);
                inside.retain(|m| m.canonical != named.canonical);
                head = None;
            } else if named.kind == EntityKind::Place && of_a_place(named, &span) {
                // `Japanese traders said`, `a Brazilian firm said`: a business or
                // trade of the place spoke, not its state; the place stays an
                // affiliation, so `SAID(speaker:japan)` still finds them.
                head = None;
            } else {
                canonical = Some(named.canonical.clone());
                kind = Some(named.kind);
            }
        }
        for m in &inside {
            let is_head = head.is_some_and(|h| h.canonical == m.canonical);
            if !is_head
                && !affiliations.contains(&m.canonical)
                && !participle_agent(m, &span)
                && !subject_studied(m, &span)
            {
                affiliations.push(m.canonical.clone());
            }
        }
        Some(Source {
            span,
            canonical,
            kind,
            affiliations,
        })
    }

    /// The sentence before, when the content only points back to it.
    fn topic(&self, s: usize, from: usize, to: usize) -> Option<Place> {
        // The first clause decides (`all such charges, and did so again`).
        let clause_end = (from..to).find(|j| self.lower[*j] == ",").unwrap_or(to);
        let words: Vec<&str> = (from..clause_end.min(from + 4))
            .map(|j| self.lower[j].as_str())
            .collect();
        let points_back = match words.as_slice() {
            [only] => ANAPHORIC_NOUNS.contains(only),
            _ => {
                clause_end - from <= 6
                    && words.iter().any(|w| ANAPHORIC_NOUNS.contains(w))
                    && words
                        .first()
                        .is_some_and(|w| DETERMINERS.contains(w) || *w == "all" || *w == "it")
            }
        };
        if !points_back || s == 0 {
            return None;
        }
        let before = self.sentences[s - 1].clone();
        let (start, end) = (
            self.tokens[before.start].start,
            self.tokens[before.end - 1].end,
        );
        Some(Place {
            field: self.field,
            start: self.chars.at(start),
            end: self.chars.at(end),
        })
    }
}

/// A past form (regular `-ed` or a common irregular one) or a cue: the verb forms
/// both [`Finder::looks_like_verb`] and [`Finder::looks_finite_verb`] know.
fn past_or_cue(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w) || cue_word(w).is_some() || (w.len() > 4 && w.ends_with("ed"))
}

/// The mention a speaker phrase names as its speaker: the last one, the phrase's head
/// (`Iranian spokesman Saeed Khatibzadeh`), unless it ends a person's affiliation:
/// `Gov. Terry Branstad of Iowa` and `John Smith, a spokesman for Exxon` are the
/// person speaking (Iowa and Exxon stay as affiliations, so `speaker:iowa` finds them).
fn head_mention<'m>(inside: &[&&'m Mention], span: &Span) -> Option<&'m Mention> {
    if let Some(named) = inside.iter().find(|m| opens_with_apposition(m, span)) {
        return Some(**named);
    }
    let last: &'m Mention = inside.last().map(|m| **m)?;
    // `Traders in Singapore`, `an aide to Richard Lyng`, `Lyng's aide`: a name after
    // `in` or `to`, or owning the speaker, says where the speaker is or whom they
    // serve; the speaker is unnamed (the name stays an affiliation). `a spokesman for
    // Exxon` speaks for Exxon.
    if placed_after_noun(last, span) || serves_the_person(last, span) {
        // `Lyng, who plans to be in Japan`: a name before it may still be the head.
        let before = &inside[..inside.len() - 1];
        return head_mention(before, span);
    }
    // `the United States and Britain`, `Costa Rica and Honduras`: the phrase's first
    // conjunct heads it, the others are affiliations, so each is found.
    let mut first_conjunct = inside.len() - 1;
    if first_conjunct > 0 && coordinated(inside[first_conjunct - 1], last, span, false) {
        first_conjunct -= 1;
        // `Illinois, Kentucky and Michigan`: back through the list's commas.
        while first_conjunct > 0
            && coordinated(
                inside[first_conjunct - 1],
                inside[first_conjunct],
                span,
                true,
            )
        {
            first_conjunct -= 1;
        }
        return head_mention(&inside[..=first_conjunct], span);
    }
    if last.kind == EntityKind::Person {
        return Some(last);
    }
    // The nearest person before it, when the words after the person open an
    // affiliation (`of`, `from`, `for`, `at`, or a comma before a role).
    let Some(person) = inside.iter().rposition(|m| m.kind == EntityKind::Person) else {
        return Some(last);
    };
    let next = inside[person + 1];
    let between: String = span
        .text
        .chars()
        .skip(inside[person].end.saturating_sub(span.start))
        .take(next.start.saturating_sub(inside[person].end))
        .collect::<String>()
        .to_lowercase();
    let first_word = between
        .trim_start()
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let opens_affiliation =
        between.trim_start().starts_with(',') || matches!(first_word, "of" | "from" | "for" | "at");
    Some(if opens_affiliation {
        *inside[person]
    } else {
        last
    })
}

/// Whether an attribution stands: a [`QUOTED_ONLY`] cue needs quoted words.
fn speech_continued(a: &Attribution) -> bool {
    a.direct || !QUOTED_ONLY.contains(&a.cue.lemma)
}

/// Whether `later` is joined to `earlier` by `and`/`or` alone (`West Germany and the
/// Netherlands`), or with `comma` by a list's comma alone: two names of one kind
/// side by side, neither describing the other. Names of two kinds are often one name
/// the tagger split (`Rohm and Haas`, `SNECMA of France and General Electric`); a
/// comma alone is no list (`Davenport, Iowa`), so it only continues one that ends in
/// `and`.
fn coordinated(earlier: &Mention, later: &Mention, span: &Span, comma: bool) -> bool {
    if earlier.kind != later.kind || earlier.end > later.start {
        return false;
    }
    let between: String = span
        .text
        .chars()
        .skip(earlier.end.saturating_sub(span.start))
        .take(later.start - earlier.end)
        .collect();
    if comma {
        return matches!(between.trim(), "," | ", the");
    }
    matches!(
        between.split_whitespace().collect::<Vec<_>>().as_slice(),
        ["and"] | ["and", "the"] | ["or"] | [",", "and"] | [",", "and", "the"]
    )
}

/// Whether mention `m` is the name a speaker phrase opens with (only titles before
/// it), set off by a comma before a description: `Gardini, commenting on
/// Callebaut's remarks`, `Heineken, which also owns the Amstel brand`, `WEDGE Group
/// Inc, a Houston investment firm`. The description's names are affiliations.
fn opens_with_apposition(m: &Mention, span: &Span) -> bool {
    let offset = m.start.saturating_sub(span.start);
    let before: String = span.text.chars().take(offset).collect();
    let titles_only = before
        .split_whitespace()
        .all(|w| w == "the" || w.chars().next().is_some_and(char::is_uppercase));
    let after: String = span
        .text
        .chars()
        .skip(m.end.saturating_sub(span.start))
        .collect();
    // `Rep. Elijah Cummings (D-Md.), chair of ...`: past a party and state.
    let after = match after
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
    {
        Some((inside, rest)) if inside.len() <= 12 => rest,
        _ => after.as_str(),
    };
    let described = after.strip_prefix(", ").is_some_and(opens_a_description);
    titles_only && described
}

/// Whether the words after an apposition's comma describe the name before it: they
/// open lowercase (`a unit of DuPont`, `the Dominican Republic's ambassador`), with
/// a possessive (`Taiwan's main trading partner`), or with a title and `of`
/// (`Chairman of the Council of Economic Advisers`).
fn opens_a_description(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(5).collect();
    let lowercase = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    let Some(first) = words.first() else {
        return false;
    };
    if lowercase(first) {
        return true;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let possessive = words
        .iter()
        .position(|w| {
            // `Sanders’s campaign manager`, and the plural's `Sanders’ campaign manager`.
            w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with(['\'', '\u{2019}'])
        })
        .is_some_and(|at| {
            words[..=at].iter().all(capitalised) && words.get(at + 1).is_some_and(lowercase)
        });
    let title_of = words.get(1) == Some(&"of") && first.chars().all(char::is_alphabetic);
    possessive || title_of
}

/// Records that speak through `show` or `find` (`official figures show`, `a poll
/// finds`).
const EVIDENCE: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "report",
    "reports",
    "records",
    "data",
    "figures",
    "study",
    "studies",
    "analysis",
    "research",
    "results",
    "numbers",
    "statistics",
    "documents",
    "filings",
    "footage",
    "evidence",
    "census",
    "review",
    "audit",
    "investigation",
    "inquiry",
];

/// What a person writes or issues: `Chirac's statement`, `Mr Peston's book` speak
/// for their author, unlike `Lyng's aide`.
const AUTHORED: &[&str] = &[
    "statement",
    "statements",
    "paper",
    "book",
    "letter",
    "report",
    "plan",
    "proposal",
    "proposals",
    "speech",
    "remarks",
    "comments",
    "testimony",
    "memo",
    "memoirs",
    "article",
    "column",
    "message",
    "words",
    "study",
    "autobiography",
    "diary",
    "blog",
    "website",
    "budget",
    "bill",
];

/// Whether place `m` only says where the speaker phrase's head noun is from, and that
/// noun names a business, a trade, a paper or people of sport (`Japanese traders`, `a
/// Brazilian firm`, `the French press`, `the European champion`), not the place's
/// state (`Japanese officials`, `a Soviet spokesman`, `the Iranian government` speak
/// for it).
fn of_a_place(m: &Mention, span: &Span) -> bool {
    const NOT_THE_STATE: &[&str] = &[
        "bank",
        "banks",
        "firm",
        "firms",
        "company",
        "companies",
        "trader",
        "traders",
        "dealer",
        "dealers",
        "analyst",
        "analysts",
        "banker",
        "bankers",
        "exporter",
        "exporters",
        "importer",
        "importers",
        "economist",
        "economists",
        "industry",
        "newspaper",
        "newspapers",
        "maker",
        "makers",
        "operator",
        "operators",
        "producer",
        "producers",
        "grower",
        "growers",
        "worker",
        "workers",
        "lawyer",
        "lawyers",
        "journalist",
        "journalists",
        "subsidiary",
        "experts",
        "press",
        "media",
        "radio",
        "television",
        "union",
        "unions",
        "businessmen",
        "investors",
        "broker",
        "brokers",
        "farmers",
        "manufacturers",
        "airline",
        "carrier",
        "refiners",
        "mills",
        "shippers",
        "champion",
        "medallist",
        "player",
        "players",
        "boys",
        "fans",
        // Private people: `a US woman is suing`, `a British man said`.
        "man",
        "men",
        "woman",
        "women",
        "mother",
        "father",
        "girl",
        "boy",
        "teenager",
        "student",
        "students",
        "couple",
        "family",
        "tourist",
        "tourists",
        "shoppers",
        "consumers",
    ];
    let after: String = span
        .text
        .chars()
        .skip(m.end.saturating_sub(span.start))
        .collect();
    let words: Vec<&str> = after.split_whitespace().collect();
    after.starts_with(' ')
        && words.len() <= 4
        && all_lowercase(&words)
        && words
            .last()
            .is_some_and(|noun| NOT_THE_STATE.contains(noun))
}

/// Whether every word is plain lowercase (hyphens allowed): the common nouns and
/// adjectives after a name in a speaker phrase (`administration official`), no
/// second name.
fn all_lowercase(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
}

/// Whether mention `m` follows a personal title in its speaker phrase (`Mr Irish`,
/// `Dr. Bay`): whatever the tagger made of it, the words name a person.
fn after_honorific(m: &Mention, span: &Span) -> bool {
    const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady"];
    let before: String = span
        .text
        .chars()
        .take(m.start.saturating_sub(span.start))
        .collect();
    let word = before
        .trim_end()
        .trim_end_matches('.')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    before.ends_with(' ') && HONORIFICS.contains(&word.as_str())
}

/// Whether person `m` is the possessor of a lowercase noun that ends the speaker
/// phrase (`Lyng's aide`, `Mr Blair's official spokesman`), or names the camp of
/// one (`a Brown ally`, `Blair aides`, `a Reagan administration official`): the
/// speaker serves or sides with them, and is not them.
fn serves_the_person(m: &Mention, span: &Span) -> bool {
    /// People named by whose side they are on (`a Brown ally`).
    const ALLIES: &[&str] = &[
        "ally",
        "allies",
        "supporter",
        "supporters",
        "loyalist",
        "loyalists",
        "backer",
        "backers",
        "friend",
        "friends",
        "critic",
        "critics",
        "rival",
        "rivals",
        "opponent",
        "opponents",
        "camp",
        "aides",
        "staff",
        "staffer",
        "staffers",
    ];
    if m.kind != EntityKind::Person {
        return false;
    }
    let after: String = span
        .text
        .chars()
        .skip(m.end.saturating_sub(span.start))
        .collect();
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        // `a Brown ally`, `a Reagan administration official`: the name before the
        // noun, with no possessive mark. (Not `a Chrysler spokesman`: the tagger
        // takes many a one-word company before a role for a person.)
        let words: Vec<&str> = after.split_whitespace().collect();
        let camp = words.last().is_some_and(|noun| ALLIES.contains(noun))
            || (words.len() > 1 && matches!(words[0], "administration" | "campaign"));
        // (`Rep. Stangeland and other supporters` are he and they.)
        let joined = words.iter().any(|w| matches!(*w, "and" | "or" | "other"));
        return after.starts_with(' ') && camp && !joined && all_lowercase(&words);
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.last().is_some_and(|noun| !AUTHORED.contains(noun)) && all_lowercase(&words)
}

/// The preposition before mention `m` in its speaker phrase, skipping capitalised
/// title words (`to USDA Secretary Richard Lyng`), and the word before that
/// preposition: the two words that say how the name relates to the speaker.
fn preposition_before(m: &Mention, span: &Span) -> Option<(String, String)> {
    let before: String = span
        .text
        .chars()
        .take(m.start.saturating_sub(span.start))
        .collect();
    let words: Vec<&str> = before
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect();
    let titles = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with(','))
        .count();
    let at = words.len().checked_sub(titles + 1)?;
    let word_before = at.checked_sub(1).map(|n| {
        // `Traders in Tokyo` opens a sentence capitalised.
        if n == 0 && words[n].chars().all(|c| c.is_ascii_alphabetic()) {
            words[n].to_lowercase()
        } else {
            words[n].to_string()
        }
    })?;
    Some((words[at].to_string(), word_before))
}

/// Whether mention `m` is the agent of a participle in the speaker phrase (`bankers
/// polled by Reuters`, `Tehran radio, monitored by the BBC`): neither the speaker
/// nor whom the speaker speaks for. `figures compiled by the Tories` are the Tories'
/// words, so authoring participles do not count.
fn participle_agent(m: &Mention, span: &Span) -> bool {
    const AUTHORING: &[&str] = &[
        "compiled",
        "published",
        "issued",
        "prepared",
        "released",
        "produced",
        "written",
        "commissioned",
        "drafted",
        "signed",
        "conducted",
    ];
    preposition_before(m, span).is_some_and(|(preposition, participle)| {
        preposition == "by" && past_or_cue(&participle) && !AUTHORING.contains(&participle.as_str())
    })
}

/// Whether the words before mention `m` in the speaker phrase are a lowercase noun
/// and a preposition of place or service (`traders in`, `an aide to the`), with
/// only capitalised title words between (`an aide to USDA Secretary Richard Lyng`),
/// or `m` is a participle's agent, so `m` is not who speaks.
fn placed_after_noun(m: &Mention, span: &Span) -> bool {
    let placed = preposition_before(m, span).is_some_and(|(preposition, noun)| {
        matches!(
            preposition.as_str(),
            "in" | "to" | "near" | "outside" | "inside"
        ) && (noun.chars().all(|c| c.is_ascii_lowercase())
            // `the Agriculture Department's Counselor in Warsaw`; but `Ambassador to
            // GATT Michael Samuels` is the ambassador.
            || (preposition != "to" && noun.chars().all(|c| c.is_ascii_alphabetic())))
    });
    placed || participle_agent(m, span) || subject_studied(m, span)
}

/// Whether mention `m` is what the speakers study (`Experts on North Korea said`):
/// neither who speaks nor whom they speak for.
fn subject_studied(m: &Mention, span: &Span) -> bool {
    preposition_before(m, span).is_some_and(|(preposition, noun)| {
        preposition == "on" && EXPERT_NOUNS.contains(&noun.to_lowercase().as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str) -> Vec<Attribution> {
        find("", body, &[])
    }

    /// The words of an attribution's speaker, if it has one.
    fn speaker_of(a: &Attribution) -> Option<&str> {
        a.source.as_ref().map(|s| s.span.text.as_str())
    }

    #[test]
    fn source_first_with_that_and_time() {
        let a = found("Secretary of State Mike Pompeo on Tuesday accused Iran of having secret ties with al-Qaida.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.lemma, "accuse");
        assert_eq!(a[0].cue.stance, Stance::Accuse);
        assert_eq!(speaker_of(&a[0]), Some("Secretary of State Mike Pompeo"));
        assert_eq!(
            a[0].content.text,
            "Iran of having secret ties with al-Qaida"
        );
        assert!(!a[0].direct);
    }

    #[test]
    fn a_say_in_something_is_a_noun_not_a_cue() {
        for body in [
            "Workers want a greater say in how the club is run.",
            "Parliament will have the final say on the budget.",
            "Lenders would get more say over the loans.",
            "There is an automatic monthly cap of say 50 pounds.",
        ] {
            let a = found(body);
            assert!(a.iter().all(|x| x.cue.lemma != "say"), "{body}: {a:?}");
        }
        let a = found("Analysts say the club is run badly.");
        assert_eq!(speaker_of(&a[0]), Some("Analysts"));
    }

    #[test]
    fn a_family_so_far_and_alleged_ties_are_no_speakers() {
        // `family` ends in -ly but is no adverb; `so far` is one.
        let a = found("Jerry Scoggins has died at the age of 93, his family has said.");
        assert_eq!(speaker_of(&a[0]), Some("his family"), "{a:?}");
        let a = found("The director says the film is fine and has so far refused to withdraw it.");
        let refused = a.iter().find(|x| x.cue.lemma == "refuse").expect("refused");
        assert_eq!(speaker_of(refused), Some("The director"), "{a:?}");
        // `alleged` after a preposition describes the ties; nobody alleges here.
        let a = found("Turkcell is a risk because of alleged business ties with Israel.");
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn continue_reports_only_quoted_words() {
        let a = found("Sullivan will continue as president and chief executive officer.");
        assert!(a.is_empty(), "{a:?}");
        let a = found("Rain continued over central Texas into the morning hours.");
        assert!(a.is_empty(), "{a:?}");
        let a = found("\"We are willing to cooperate,\" Baker continued.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.lemma, "continue");
        assert!(a[0].direct);
    }

    #[test]
    fn said_by_telephone_says_how_not_who() {
        let a = found("The mayor said by telephone from Milwaukee that the plant would close.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("The mayor"));
        assert_eq!(a[0].cue.span.text, "said by telephone");
        assert_eq!(a[0].content.text, "the plant would close");
        let a = found("The union will meet on Sunday, a spokeswoman for Local 222 said by phone.");
        assert_eq!(a[0].content.text, "The union will meet on Sunday");
        // People after the medium word are the agent.
        let a = found("The plan was criticised by telephone callers.");
        assert_eq!(speaker_of(&a[0]), Some("telephone callers"));
    }

    #[test]
    fn the_occasion_before_a_cue_is_not_the_speaker() {
        for (body, speaker) in [
            (
                "Jeb Bush in a statement said the plan was wrong.",
                "Jeb Bush",
            ),
            (
                "Smith at a news conference said the plan was wrong.",
                "Smith",
            ),
            (
                "Smith in an interview with the BBC denied the report.",
                "Smith",
            ),
            (
                "Smith at a White House news conference on Tuesday denied the report.",
                "Smith",
            ),
            (
                "Reagan in a message to Congress said he had a plan.",
                "Reagan",
            ),
            (
                "Officials at the meeting said prices would rise.",
                "Officials",
            ),
        ] {
            let a = found(body);
            assert_eq!(a.len(), 1, "{body}: {a:?}");
            assert_eq!(speaker_of(&a[0]), Some(speaker), "{body}");
        }
        // A participle after the occasion describes it: `expected` is no one's.
        let a = found("Directors at a meeting expected to take place next month approved it.");
        assert!(
            a.iter().all(|x| speaker_of(x) != Some("Directors")),
            "{a:?}"
        );
        // A cue word in an aside of a preposition is a noun (`press`).
        let a = found(
            "Democratic nominee Hillary Clinton, at a later press gaggle, said, \"We will win.\"",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            speaker_of(&a[0]),
            Some("Democratic nominee Hillary Clinton")
        );
        assert_eq!(a[0].content.text, "We will win.");
    }

    #[test]
    fn an_article_alone_is_never_the_speaker() {
        // A subject shared across `but`: the whole phrase, prepositions and all.
        let a = found("A spokesman for the firm refused to comment on the reports, but said any results would come later.");
        let said: Vec<_> = a.iter().filter(|x| x.cue.span.text == "said").collect();
        assert_eq!(said.len(), 1, "{a:?}");
        assert_eq!(speaker_of(said[0]), Some("A spokesman for the firm"));
        // A gerund's speaker is the subject of the sentence's first cue that is a
        // verb, not of a noun after a determiner (`The comments`, `The charges`).
        let a = found("The comments come after Tony Blair defended his proposals, warning that it would be wrong to wait.");
        let warning: Vec<_> = a.iter().filter(|x| x.cue.span.text == "warning").collect();
        assert_eq!(warning.len(), 1, "{a:?}");
        assert_eq!(speaker_of(warning[0]), Some("Tony Blair"));
        let a = found("The charges have been brought against individuals as well as companies, alleging they created false accounts.");
        assert!(a.iter().all(|x| speaker_of(x) != Some("The")), "{a:?}");
        // A floating `all` or `both` is neither the speaker nor the cue.
        let a =
            found("Marks and Spencer and Big Food all said the festive period was disappointing.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("Marks and Spencer and Big Food"));
        let a = found(
            "Tzekos, Thanou and Kenteris, who have all denied the charges, can expect a decision.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("who"));
        // `all` after `and` is the subject itself.
        let a = found("He asked the stars and all had agreed to be in it.");
        assert!(a.iter().any(|x| speaker_of(x) == Some("all")), "{a:?}");
    }

    #[test]
    fn a_gerund_continues_the_speaker_of_its_sentence() {
        let gerund = |body: &str, cue: &str| {
            let a = found(body);
            let hit: Vec<_> = a.iter().filter(|x| x.cue.span.text == cue).collect();
            assert_eq!(hit.len(), 1, "{a:?}");
            speaker_of(hit[0]).map(str::to_string)
        };
        // No cue before the gerund: the main clause's subject, when it is someone.
        assert_eq!(
            gerund("Other analysts were less optimistic, predicting consumers would now be less likely to sign up.", "predicting").as_deref(),
            Some("Other analysts")
        );
        assert_eq!(
            gerund("A US woman is suing the printer maker, saying its ink cartridges are programmed to expire.", "saying").as_deref(),
            Some("A US woman")
        );
        assert_eq!(
            gerund("After Carson died, the president led the public tribute, saying the presenter had a profound influence.", "saying").as_deref(),
            Some("the president")
        );
        assert_eq!(
            gerund("The firm cut 500 jobs, saying demand had fallen.", "saying").as_deref(),
            Some("The firm")
        );
        // A subject that is no speaker, a description, or words inside a quote.
        assert_eq!(
            gerund(
                "Brent crude also rose in London trading, adding $1.89 to $48.62 at the close.",
                "adding"
            ),
            None
        );
        assert_eq!(gerund("Wimbledon was a more refreshing affair as she captivated the crowd, showing nerves of steel.", "showing"), None);
        assert_eq!(gerund("\"Xavi did things on Wednesday which were worthy of Maradona,\" the paper beams, adding, \"What a work-rate!\"", "adding"), None);
        // After a cue whose speaker was found another way (an appositive, an
        // inversion), the gerund has the same speaker.
        assert_eq!(
            gerund("However, Mr Haji-Ioannou, who plans to launch a phone service next month, vowed to fight back, saying: \"We have nothing to be afraid of.\"", "saying").as_deref(),
            Some("Mr Haji-Ioannou, who plans to launch a phone service next month")
        );
        // An aside after the subject still takes it.
        assert_eq!(
            gerund(
                "ATHENS, March 2 - Greece, responding to a warning by Turkey, said it would go on drilling.",
                "responding"
            )
            .as_deref(),
            Some("Greece")
        );
    }

    #[test]
    fn a_gerund_aside_ends_before_the_main_verb_and_shares_its_speaker() {
        let a = found("A Bank of England spokesman, commenting on the figures, said that the government does not want sterling to rise.");
        let summary: Vec<_> = a
            .iter()
            .map(|x| {
                (
                    speaker_of(x),
                    x.cue.span.text.as_str(),
                    x.content.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Some("A Bank of England spokesman"),
                    "commenting",
                    "on the figures"
                ),
                (
                    Some("A Bank of England spokesman"),
                    "said",
                    "the government does not want sterling to rise"
                ),
            ]
        );
    }

    #[test]
    fn a_titled_surname_taken_for_a_place_is_an_unknown_person() {
        let body = "\"The iPod mini is likely to be this year's hit,\" said Mr Irish. Ireland denied the report.";
        let mentions = [
            first_mention(body, EntityKind::Place, "Ireland", "Irish"),
            first_mention(body, EntityKind::Place, "Ireland", "Ireland"),
        ];
        let a = find("", body, &mentions);
        let speakers: Vec<_> = a
            .iter()
            .filter_map(|x| x.source.as_ref())
            .map(|s| {
                (
                    s.span.text.as_str(),
                    s.canonical.as_deref(),
                    s.kind,
                    s.affiliations.len(),
                )
            })
            .collect();
        assert_eq!(
            speakers,
            vec![
                ("Mr Irish", None, Some(EntityKind::Person), 0),
                ("Ireland", Some("Ireland"), Some(EntityKind::Place), 0),
            ]
        );
    }

    /// Each speaker's canonical name and affiliations, in text order.
    fn canonicals_and_affiliations(a: &[Attribution]) -> Vec<(Option<&str>, Vec<&str>)> {
        a.iter()
            .filter_map(|x| x.source.as_ref())
            .map(|s| {
                let affiliations = s.affiliations.iter().map(String::as_str).collect();
                (s.canonical.as_deref(), affiliations)
            })
            .collect()
    }

    #[test]
    fn a_firm_or_trader_of_a_place_is_not_the_place_speaking() {
        let body = "Japanese traders said prices would rise. A Soviet spokesman denied the report. The Australian firm said it would break even.";
        let mentions = [
            first_mention(body, EntityKind::Place, "Japan", "Japanese"),
            first_mention(body, EntityKind::Place, "Soviet Union", "Soviet"),
            first_mention(body, EntityKind::Place, "Australia", "Australian"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            canonicals_and_affiliations(&a),
            vec![
                (None, vec!["Japan"]),
                (Some("Soviet Union"), vec![]),
                (None, vec!["Australia"]),
            ]
        );
    }

    /// Each source's words and the entity it was resolved to, in text order.
    fn sources_named(a: &[Attribution]) -> Vec<(&str, Option<&str>)> {
        a.iter()
            .filter_map(|x| x.source.as_ref())
            .map(|s| (s.span.text.as_str(), s.canonical.as_deref()))
            .collect()
    }

    #[test]
    fn the_company_it_and_a_company_spokesman_are_the_firm_that_spoke_before() {
        let body = "Eagle Telephonics Inc said it signed an agreement with Pacific Bell. The company said the deal is worth 10 mln dlrs. It added that talks with the Bank of England went well. A company spokesman said the deal would close in May. The bank said it had no comment.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Org,
                "Eagle Telephonics",
                "Eagle Telephonics Inc",
            ),
            first_mention(body, EntityKind::Org, "Pacific Bell", "Pacific Bell"),
            first_mention(body, EntityKind::Org, "Bank of England", "Bank of England"),
        ];
        let a = find("", body, &mentions);
        // The Bank of England never spoke before `the bank`, so the bank stays unnamed.
        assert_eq!(
            sources_named(&a),
            vec![
                ("Eagle Telephonics Inc", Some("Eagle Telephonics")),
                ("The company", Some("Eagle Telephonics")),
                ("It", Some("Eagle Telephonics")),
                ("A company spokesman", None),
                ("The bank", None),
            ]
        );
        // The spokesman stays a person of their own, who speaks for the firm.
        assert_eq!(
            canonicals_and_affiliations(&a)[3],
            (None, vec!["Eagle Telephonics"])
        );
        let body = "The Bank of England said rates would hold. Barclays said it agreed. The central bank said inflation was low.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Org,
                "Bank of England",
                "The Bank of England",
            ),
            first_mention(body, EntityKind::Org, "Barclays", "Barclays"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("The central bank", Some("Bank of England"))),
            "the last organisation whose name holds `bank`: {a:?}"
        );
    }

    #[test]
    fn a_declared_dividend_is_no_statement() {
        let body = "Texaco Inc said its board declared a quarterly dividend of 75 cts a share. It said the dividend is payable June 10.";
        let mentions = [first_mention(body, EntityKind::Org, "Texaco", "Texaco Inc")];
        let a = find("", body, &mentions);
        let cues: Vec<&str> = a.iter().map(|x| x.cue.span.text.as_str()).collect();
        assert_eq!(cues, vec!["said", "said"], "{a:?}");
        assert_eq!(
            sources_named(&a),
            vec![("Texaco Inc", Some("Texaco")), ("It", Some("Texaco"))]
        );
    }

    #[test]
    fn it_stays_unnamed_after_another_subject_a_report_or_inside_a_quote() {
        // Another organisation was the subject since the firm spoke.
        let body = "GM said sales rose. Even Porsche may join the race, although it insists it is still considering the plan.";
        let mentions = [
            first_mention(body, EntityKind::Org, "General Motors", "GM"),
            first_mention(body, EntityKind::Org, "Porsche", "Porsche"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a),
            vec![("GM", Some("General Motors")), ("it", None)]
        );
        // A report spoke since: `it` is the report, which has no name.
        let body =
            "GM said sales rose. The report said prices fell. It found that demand was weak.";
        let mentions = [first_mention(body, EntityKind::Org, "General Motors", "GM")];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a),
            vec![
                ("GM", Some("General Motors")),
                ("The report", None),
                ("It", None)
            ]
        );
        // Inside a speaker's quote, `it` is the speaker's word for something else.
        let body = "GM said sales rose. \"I think this report hurts that,\" Nunn said. \"It claims that the council had influence.";
        let mentions = [
            first_mention(body, EntityKind::Org, "General Motors", "GM"),
            first_mention(body, EntityKind::Person, "Sam Nunn", "Nunn"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
        // A name inside another noun phrase is no subject, whatever word follows it.
        let body = "Atlantic Richfield Co said it would sell its Arco Seed Co operations. The company said the price was not set.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Org,
                "Atlantic Richfield",
                "Atlantic Richfield Co",
            ),
            first_mention(body, EntityKind::Org, "Arco Seed", "Arco Seed Co"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("The company", Some("Atlantic Richfield"))),
            "{a:?}"
        );
        // A subject after an adverb is still a subject.
        let body = "GM said sales rose. Ford now owns the plant. It said prices fell.";
        let mentions = [
            first_mention(body, EntityKind::Org, "General Motors", "GM"),
            first_mention(body, EntityKind::Org, "Ford", "Ford"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
        // A subject inside what the firm said is part of its statement.
        let body = "Foothill Group said its unit placed debt. Goldman Sachs privately placed the debt, the company said.";
        let mentions = [
            first_mention(body, EntityKind::Org, "Foothill Group", "Foothill Group"),
            first_mention(body, EntityKind::Org, "Goldman Sachs", "Goldman Sachs"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("the company", Some("Foothill Group"))),
            "{a:?}"
        );
        // After a quote it closes, `the company` is the firm again.
        let body = "GM said sales rose. \"We are pleased,\" the company said.";
        let mentions = [first_mention(body, EntityKind::Org, "General Motors", "GM")];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("the company", Some("General Motors"))),
            "{a:?}"
        );
    }

    #[test]
    fn the_spokesman_speaks_for_the_firm_the_first_spokesman_spoke_for() {
        // Named after the firm.
        let body = "Prices rose 2 pct, a Chrysler spokesman said. The spokesman said the rise covers costs.";
        let mentions = [first_mention(body, EntityKind::Org, "Chrysler", "Chrysler")];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a),
            vec![
                ("a Chrysler spokesman", Some("Chrysler")),
                ("The spokesman", Some("Chrysler"))
            ]
        );
        // Tied to the firm as `a company spokesman`.
        let body = "Fiat Spa said it had no plans, a company spokesman said. The spokesman said the rise covers costs.";
        let mentions = [first_mention(body, EntityKind::Org, "Fiat", "Fiat Spa")];
        let a = find("", body, &mentions);
        let last = a.last().and_then(|a| a.source.as_ref());
        assert_eq!(
            last.map(|s| s.span.text.as_str()),
            Some("The spokesman"),
            "{a:?}"
        );
        assert_eq!(
            last.map(|s| s.affiliations.clone()),
            Some(vec!["Fiat".to_string()]),
            "{a:?}"
        );
        assert_eq!(last.and_then(|s| s.canonical.clone()), None);
    }

    #[test]
    fn a_new_report_or_another_firm_in_between_keeps_it_unnamed_but_the_firms_own_words_do_not() {
        // A new report became the subject: `It` is that report, which has no name.
        let body = "The MDA said texting rose. But a recent report from Continental Research reflects the battle. It said that 36% never sent one.";
        let mentions = [first_mention(
            body,
            EntityKind::Org,
            "Mobile Data Association",
            "MDA",
        )];
        let a = find("", body, &mentions);
        assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
        // The firm's own report is the firm speaking.
        let body =
            "Ifo said output fell. An Ifo report showed that engineering was hit. It added that orders fell.";
        let mentions = [
            first_mention(body, EntityKind::Org, "Ifo", "Ifo"),
            mention_at(
                body.find("Ifo report").expect("in the text"),
                EntityKind::Org,
                "Ifo",
                "Ifo",
            ),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("It", Some("Ifo"))),
            "{a:?}"
        );
        // An irregular past tense is a verb: Microsoft is the subject in between.
        let body = "Archos said the focus is video. Microsoft also made some announcements. It has agreed a deal with TiVo.";
        let mentions = [
            first_mention(body, EntityKind::Org, "Archos", "Archos"),
            first_mention(body, EntityKind::Org, "Microsoft", "Microsoft"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
        // A short name of the same firm is no other subject.
        let body = "Stifel Financial Corp said it got a proposal. Stifel has about 3.6 mln shares outstanding. The company said its board will consider it.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Org,
                "Stifel Financial",
                "Stifel Financial Corp",
            ),
            mention_at(
                body.find("Stifel has").expect("in the text"),
                EntityKind::Org,
                "Stifel",
                "Stifel",
            ),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("The company", Some("Stifel Financial"))),
            "{a:?}"
        );
        // What `the company` said, once named, is the firm's statement too.
        let body = "First Executive Corp said its unit got funds. The company said Executive Life Insurance Co gave the capital. It said the funds total 280 mln dlrs.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Org,
                "First Executive",
                "First Executive Corp",
            ),
            first_mention(
                body,
                EntityKind::Org,
                "Executive Life Insurance",
                "Executive Life Insurance Co",
            ),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("It", Some("First Executive"))),
            "{a:?}"
        );
        // A subject in a subordinate clause is background, not the new topic.
        let body = "Cardinal Technologies said it was started by RCA managers. It was sold since General Electric bought RCA last year. The company said sales will rise.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Org,
                "Cardinal Technologies",
                "Cardinal Technologies",
            ),
            first_mention(
                body,
                EntityKind::Org,
                "General Electric",
                "General Electric",
            ),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            sources_named(&a).last(),
            Some(&("The company", Some("Cardinal Technologies"))),
            "{a:?}"
        );
    }

    #[test]
    fn a_relative_clause_after_a_party_and_state_keeps_the_main_speaker() {
        let a =
            found("Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said she would vote.");
        let said: Vec<_> = a.iter().filter(|x| x.cue.span.text == "said").collect();
        assert_eq!(said.len(), 1, "{a:?}");
        assert!(
            speaker_of(said[0]).is_some_and(|s| s.starts_with("Sen. Claire McCaskill")),
            "{a:?}"
        );
        assert_eq!(said[0].content.text, "she would vote");
    }

    #[test]
    fn a_persons_ally_or_administration_official_is_not_the_person() {
        let body = "A Brown ally rejected the claims. A Reagan administration official said the plan would work. Rep. Stangeland and other supporters said the bill would pass.";
        let mentions = [
            first_mention(body, EntityKind::Person, "Gordon Brown", "Brown"),
            first_mention(body, EntityKind::Person, "Ronald Reagan", "Reagan"),
            first_mention(body, EntityKind::Person, "Arlan Stangeland", "Stangeland"),
        ];
        let a = find("", body, &mentions);
        assert_eq!(
            canonicals_and_affiliations(&a),
            vec![
                (None, vec!["Gordon Brown"]),
                (None, vec!["Ronald Reagan"]),
                (Some("Arlan Stangeland"), vec![]),
            ]
        );
    }

    #[test]
    fn a_group_described_by_what_it_knows_or_is_close_to_is_one_speaker() {
        for (body, speaker) in [
            (
                "Experts on North Korea and nuclear nonproliferation said the test failed.",
                "Experts on North Korea and nuclear nonproliferation",
            ),
            (
                "Sources close to the company said the talks had failed.",
                "Sources close to the company",
            ),
            (
                "People familiar with the matter said the talks had failed.",
                "People familiar with the matter",
            ),
            (
                "Economists at the bank said the talks had failed.",
                "Economists at the bank",
            ),
            (
                "Smith of the company said the talks had failed.",
                "Smith of the company",
            ),
            (
                "Exxon for the first time said the talks had failed.",
                "Exxon",
            ),
        ] {
            let a = found(body);
            assert_eq!(speaker_of(&a[0]), Some(speaker), "{body}: {a:?}");
        }
        // What experts study is neither who speaks nor whom they speak for.
        let body = "Experts on China said the talks had failed.";
        let china = first_mention(body, EntityKind::Place, "China", "China");
        let a = find("", body, &[china]);
        let source = a[0].source.as_ref().expect("a speaker");
        assert_eq!(source.span.text, "Experts on China");
        assert_eq!(source.canonical, None);
        assert!(source.affiliations.is_empty(), "{source:?}");
    }

    #[test]
    fn names_joined_by_and_speak_together() {
        for (body, speaker) in [
            (
                "Smith and Jones said the talks had failed.",
                "Smith and Jones",
            ),
            (
                "Officials in Washington and Tokyo said the talks had failed.",
                "Officials in Washington and Tokyo",
            ),
            // A sentence adverb is no list item, and a clause before `and` is no
            // conjunct.
            ("However, S and P said the rating stands.", "S and P"),
            (
                "Prices fell in Asia and analysts said the talks had failed.",
                "analysts",
            ),
        ] {
            let a = found(body);
            let said = a.iter().find(|x| x.cue.lemma == "say").expect("said");
            assert_eq!(speaker_of(said), Some(speaker), "{body}: {a:?}");
        }
        let a = found("General Foods and A and P hope their new products will sell.");
        assert_eq!(
            speaker_of(&a[0]),
            Some("General Foods and A and P"),
            "{a:?}"
        );
        // A sentence of thousands of conjuncts is read in bounded steps.
        let body = format!(
            "{}Iraq said the talks had failed.",
            "Iran and ".repeat(20_000)
        );
        let a = found(&body);
        assert_eq!(a.len(), 1);
        // A list's first item at the sentence's start counts when it is a name.
        let body = "Paramount, Universal and Warner Brothers said they chose the format.";
        let studios: Vec<Mention> = ["Paramount", "Universal", "Warner Brothers"]
            .iter()
            .map(|name| first_mention(body, EntityKind::Org, name, name))
            .collect();
        let a = find("", body, &studios);
        assert_eq!(
            speaker_of(&a[0]),
            Some("Paramount, Universal and Warner Brothers")
        );
        let body = "Iran and Iraq said the talks had failed.";
        let iran = first_mention(body, EntityKind::Place, "Iran", "Iran");
        let iraq = first_mention(body, EntityKind::Place, "Iraq", "Iraq");
        let a = find("", body, &[iran, iraq]);
        let source = a[0].source.as_ref().expect("a speaker");
        assert_eq!(source.canonical.as_deref(), Some("Iran"));
        assert_eq!(source.affiliations, vec!["Iraq".to_string()]);
    }

    #[test]
    fn a_that_ending_the_content_is_its_object_not_its_conjunction() {
        // `that` within a few words of the cue opens the content only when no clause
        // runs before it and it is not the sentence's last word.
        for (body, content) in [
            (
                "Officials said the latest nuclear test could change that.",
                "the latest nuclear test could change that",
            ),
            ("He said it could change that.", "it could change that"),
            (
                "But the Pentagon said there was no evidence that any British detainee was tortured.",
                "there was no evidence that any British detainee was tortured",
            ),
            (
                "The Taft family said the board did not conclude that their offer was unfair.",
                "the board did not conclude that their offer was unfair",
            ),
            (
                "He told reporters on Tuesday that the test could change that.",
                "the test could change that",
            ),
        ] {
            let a = found(body);
            // (A verb inside the content may report too: `the board did not conclude`.)
            assert!(!a.is_empty(), "{body}");
            assert_eq!(a[0].content.text, content, "{body}");
        }
        for body in [
            "Nobody can argue with that.",
            "Readers would tell you that.",
        ] {
            assert!(found(body).is_empty(), "{body}: {:?}", found(body));
        }
        let a = found("The company said that, due to insolvency, it closed the plant.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "due to insolvency, it closed the plant");
    }

    #[test]
    fn a_plural_possessive_in_an_appositive_and_a_described_official_after_said() {
        let a = found("\"We are going to win this state,\" Jeff Weaver, Sanders\u{2019} campaign manager, said.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            speaker_of(&a[0]),
            Some("Jeff Weaver, Sanders\u{2019} campaign manager")
        );
        assert!(opens_a_description("Sanders\u{2019} campaign manager"));
        assert!(opens_a_description("Sanders's campaign manager"));
        let a = found("\"Prices will rise,\" said a senior official involved in the talks.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(
            speaker_of(&a[0]).is_some_and(|s| s.starts_with("a senior official")),
            "{a:?}"
        );
        assert_eq!(a[0].content.text, "Prices will rise");
        // A subject and its past verb after `said` stay the content's.
        let a = found("Ford Motor Co of Canada, 90 pct-owned by Ford Motor Co, said February car sales fell six pct.");
        assert!(
            a.iter()
                .all(|x| speaker_of(x) != Some("February car sales fell six pct")),
            "{a:?}"
        );
    }

    #[test]
    fn a_place_or_time_after_the_speaker_of_earlier_words_is_no_content() {
        let a = found("Trump\u{2019}s excesses are sickening, Hollande said Tuesday in Paris.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "Trump\u{2019}s excesses are sickening");
        // A wire story's lede: what was said first, then who, and where they said it.
        let a = found("Sugar production in Peru has been revised to 593,000 tonnes, the Agriculture Department said in its World Production and Trade Report.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].content.text,
            "Sugar production in Peru has been revised to 593,000 tonnes"
        );
        // Another verb's preposition brings its content (`hinted at`).
        let a = found("Formerly an aide, Ed Balls hinted at a Budget giveaway.");
        assert!(
            a.iter().any(|x| x.content.text == "a Budget giveaway"
                || x.content.text == "at a Budget giveaway"),
            "{a:?}"
        );
        // A noun that is also a cue word, right before `said`, speaks through it.
        let a = found("Jeb Bush in a Medium post said he would appoint judges.");
        assert!(a.iter().all(|x| x.cue.lemma != "post"), "{a:?}");
    }

    #[test]
    fn a_party_and_state_between_a_name_and_its_appositive() {
        let a = found("Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said that it was committed.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(
            speaker_of(&a[0]).is_some_and(|s| s.starts_with("Rep. Elijah Cummings")),
            "{a:?}"
        );
        assert_eq!(a[0].content.text, "it was committed");
        let text = "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee";
        let span = Span {
            field: "body",
            start: 0,
            end: text.len(),
            text: text.to_string(),
        };
        let cummings = first_mention(
            text,
            EntityKind::Person,
            "Elijah Cummings",
            "Elijah Cummings",
        );
        assert!(opens_with_apposition(&cummings, &span));
    }

    #[test]
    fn a_pronoun_and_a_name_after_the_words_they_said() {
        for (body, speaker) in [
            (
                "The story was about affirmative action, she and another reporter said.",
                "she and another reporter",
            ),
            (
                "It is about convincing audiences, he and Mr. Allen said.",
                "he and Mr. Allen",
            ),
        ] {
            let a = found(body);
            assert_eq!(a.len(), 1, "{body}: {a:?}");
            assert_eq!(speaker_of(&a[0]), Some(speaker), "{body}");
            assert!(!a[0].content.text.is_empty(), "{body}");
        }
    }

    #[test]
    fn a_cue_inside_a_quote_does_not_hide_the_speaker_after_it() {
        // Read alone, `think by the end ...` has `the end` as a passive's agent and
        // runs past the quote; the quote's own speaker must still be found.
        for body in [
            "“I think by the middle of the week she’ll be out there campaigning,” Clinton campaign spokesman Brian Fallon said on Monday.",
            "\"I expect by the early 1990s the U.S. will be running a net trade surplus,\" Roderick said.",
        ] {
            let a = found(body);
            assert_eq!(a.len(), 1, "{body}: {a:?}");
            assert_eq!(a[0].cue.span.text, "said", "{body}");
            assert!(a[0].direct, "{body}");
            assert!(a[0].content.text.starts_with("I "), "{body}: {a:?}");
        }
        let a = found("“I think by the end she will win,” Fallon said.");
        assert_eq!(speaker_of(&a[0]), Some("Fallon"), "{a:?}");
    }

    #[test]
    fn a_colon_closing_its_paragraph_introduces_the_quote_in_the_next() {
        let a = found("Trump wants to show that gun control fails. He said:\n\n\"We have a situation where our inner cities are living in hell.\"\n\nHe went on.");
        let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
        assert_eq!(said.len(), 1, "{a:?}");
        assert_eq!(
            said[0].content.text,
            "We have a situation where our inner cities are living in hell."
        );
        assert!(said[0].direct);
        // A list after the colon is no quote: the words before it stay the content.
        let a = found("Judge Rand Rubin said she must:\n\n- Spend three years on probation.");
        assert_eq!(a[0].content.text, "she must", "{a:?}");
        assert!(!a[0].direct);
    }

    #[test]
    fn a_described_speaker_before_said_is_not_read_as_content_after_it() {
        // (speaker, content) of the one `said` in each sentence.
        for (body, speaker, content) in [
            (
                "Ford Motor Co of Canada, 90 pct-owned by Ford Motor Co, said February car sales fell six pct.",
                "Ford Motor Co of Canada, 90 pct-owned by Ford Motor Co",
                "February car sales fell six pct",
            ),
            (
                "Richard Tucker, Mobil president, said the company raised prices.",
                "Richard Tucker, Mobil president",
                "the company raised prices",
            ),
            (
                "The firms, co-managers of the underwriting group, said Paine Webber originally planned to offer 3.6 mln shares.",
                "The firms, co-managers of the underwriting group",
                "Paine Webber originally planned to offer 3.6 mln shares",
            ),
            // Still inverted: the speaker after `said` is described, not a clause.
            (
                "\"Prices will rise,\" said an unnamed official.",
                "an unnamed official",
                "Prices will rise",
            ),
            (
                "\"Prices will rise,\" said a widely respected analyst.",
                "a widely respected analyst",
                "Prices will rise",
            ),
            // A document with adjectives before it speaks (`report` is also a cue).
            (
                "The annual report said reserves fell.",
                "The annual report",
                "reserves fell",
            ),
            // A plural possessive is part of the speaker's description.
            (
                "Jeff Weaver, Sanders’ campaign manager, said the campaign raised money.",
                "Jeff Weaver, Sanders’ campaign manager",
                "the campaign raised money",
            ),
        ] {
            let a = found(body);
            let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
            assert_eq!(said.len(), 1, "{body}: {a:?}");
            assert_eq!(speaker_of(said[0]), Some(speaker), "{body}");
            assert_eq!(said[0].content.text, content, "{body}");
        }
    }

    #[test]
    fn a_speaker_described_with_be_shares_the_verb_after_and() {
        let a = found("The senator was angry and said his words had been misconstrued.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("The senator"));
        // A clause opened by `if` has its own subject; `The key` says nothing. (The
        // unit finder has no tagger's names, so `Gerrard` is not found as the speaker
        // here; the point is that `The key` is not.)
        let a = found("The key is if Gerrard comes out and says that he is happy.");
        assert!(a.iter().all(|a| speaker_of(a) != Some("The key")), "{a:?}");
        // Not a thing: `The price` continues nothing anyone said.
        let a = found(
            "The price is expected to rise and will continue in a range between 380 and 430 dlrs.",
        );
        assert!(
            a.iter()
                .all(|a| a.source.is_none() && !a.cue.span.text.contains("continue")),
            "{a:?}"
        );
    }

    #[test]
    fn a_second_verb_after_and_shares_the_sentence_subject() {
        let speakers = |body: &str| -> Vec<(String, String)> {
            found(body)
                .into_iter()
                .map(|a| {
                    let source = a.source.map(|s| s.span.text).unwrap_or_default();
                    (source, a.cue.span.text)
                })
                .collect()
        };
        assert_eq!(
            speakers(
                "Wilson praised Rubio's positions on defense and said the Florida senator can win."
            ),
            vec![
                ("Wilson".to_string(), "praised".to_string()),
                ("Wilson".to_string(), "said".to_string())
            ]
        );
        assert_eq!(
            speakers("Sen. Ted Cruz, R-Texas, met the families but repeatedly denied the report."),
            vec![("Sen. Ted Cruz".to_string(), "repeatedly denied".to_string())]
        );
        assert_eq!(
            speakers("She won the vote and warned that the fight was not over."),
            vec![("She".to_string(), "warned".to_string())]
        );
        // No verb of its own between the subject and `and`: not a shared subject.
        assert!(speakers("Prices and said the market would fall.").is_empty());
        // A speaker of its own before the cue wins.
        assert_eq!(
            speakers("Kuwait raised output and analysts said prices would fall."),
            vec![("analysts".to_string(), "said".to_string())]
        );
    }

    #[test]
    fn accusations_after_an_appositive_or_with_an_agent_keep_who_accuses() {
        let a = found("But Norman Brennan, director of the Victims of Crime Trust, accused Lord Woolf of having an agenda.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            speaker_of(&a[0]),
            Some("Norman Brennan, director of the Victims of Crime Trust")
        );
        assert_eq!(a[0].content.text, "Lord Woolf of having an agenda");

        let a = found("He asked that another board member, accused by Anil of creating a rift, be thrown out.");
        let accused: Vec<_> = a.iter().filter(|a| a.cue.lemma == "accuse").collect();
        assert_eq!(accused.len(), 1, "{a:?}");
        assert_eq!(speaker_of(accused[0]), Some("Anil"));
        assert_eq!(accused[0].content.text, "of creating a rift");

        // Saying verbs do invert after a quote or a comma.
        let a = found("Prices will rise, warned the minister.");
        assert_eq!(speaker_of(&a[0]), Some("the minister"));
    }

    #[test]
    fn keeping_a_goal_from_a_player_is_no_denial() {
        for body in [
            "Paulo Ferreira denied Gerrard with a last-ditch tackle.",
            "Newcastle were denied a late try.",
            "Chelsea denied by James heroics.",
            "The keeper denied the same player again ten minutes later.",
            "Arsenal denied Chelsea victory at Highbury.",
            "James denied Damien Duff, Jiri Jarosik and Mateja Kezman.",
            "Greene was also denied Olympic gold in the relay.",
            "The team was initially denied visas to enter the United States.",
            "Hewitt would not be denied.",
        ] {
            assert!(found(body).is_empty(), "{body}: {:?}", found(body));
        }
        for (body, content) in [
            ("Iran denied Pompeo's claims.", "Pompeo's claims"),
            (
                "Iran denied Thursday that it had ties with al-Qaida.",
                "it had ties with al-Qaida",
            ),
            ("The ministry denied the report.", "the report"),
            ("The reports were denied by the ministry.", "The reports"),
        ] {
            let a = found(body);
            assert_eq!(a.len(), 1, "{body}: {a:?}");
            assert_eq!(a[0].content.text, content, "{body}");
            assert_eq!(a[0].cue.stance, Stance::Deny, "{body}");
        }
        // Turning down a request is a rejection.
        let a = found("A U.S. District Court judge denied NEC's motion to disqualify the judge.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].cue.lemma, a[0].cue.stance), ("deny", Stance::Reject));
        assert!(found("The allegations were denied.").is_empty());
    }

    #[test]
    fn adverbs_and_verbs_before_a_name_are_not_the_speaker() {
        let speaker = |body: &str| {
            found(body)
                .into_iter()
                .next()
                .and_then(|a| a.source)
                .map(|s| s.span.text)
        };
        assert_eq!(
            speaker("Dr Khoo intends to take it private, but he has always denied this."),
            Some("he".to_string())
        );
        assert_eq!(
            speaker("It was the trial which saw Scholl initially deny the charges."),
            Some("Scholl".to_string())
        );
        // `can't` is `ca` + `n't`: an auxiliary, never a speaker.
        let speakers: Vec<String> = found("Officials can't deny the pressure is on.")
            .into_iter()
            .filter_map(|a| a.source.map(|s| s.span.text))
            .collect();
        assert_eq!(speakers, vec!["Officials"]);
    }

    #[test]
    fn a_cue_inside_someones_quote_is_part_of_their_words() {
        let a = found("\"We can't deny the pressure is on,\" he said.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.span.text, "said");
        assert_eq!(a[0].content.text, "We can't deny the pressure is on");
        let b = found("“He told me he would resign,” Ms Lee said. Mr Park denied it.");
        let cues: Vec<&str> = b.iter().map(|a| a.cue.span.text.as_str()).collect();
        assert_eq!(cues, ["said", "denied"], "{b:?}");
        // The BBC prints quoted paragraphs run together, each opening with a mark and
        // none closed before the next: the denial after them is no one's quote.
        let c = found("Mr Law said: \"It was ill-advised. \"We will go on.\" Mr Park denied it. He said \"all is well\".");
        let cues: Vec<&str> = c.iter().map(|a| a.cue.span.text.as_str()).collect();
        assert_eq!(cues, ["said", "denied", "said"], "{c:?}");
    }

    #[test]
    fn after_a_quote_a_phrase_of_when_or_where_is_no_content() {
        for body in [
            "\"No, this is not politics,\" Mr Cruz said at the time.",
            "“We will go on,” the president said after meeting the prime minister.",
            "“Too little,” he added on Twitter.",
        ] {
            let a = found(body);
            assert_eq!(a.len(), 1, "{body}: {a:?}");
            assert!(a[0].direct, "{body}: {a:?}");
        }
        let that = found("“It is over,” she said in a statement that nobody would resign.");
        assert_eq!(that[0].content.text, "nobody would resign", "{that:?}");
    }

    #[test]
    fn a_cue_keeps_its_auxiliaries_and_adverbs_and_the_speaker_does_not() {
        let a = found("The ministry has also flatly denied the report.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.span.text, "has also flatly denied");
        assert_eq!(speaker_of(&a[0]), Some("The ministry"));
    }

    #[test]
    fn declining_to_comment_is_a_statement_and_falling_prices_are_not() {
        let a = found("Pompeo declined to comment on the report.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.stance, Stance::Reject);
        assert!(found("Net profit declined to 5 mln dlrs from 7 mln.").is_empty());
        assert!(found("Shares declined to a record low on Tuesday.").is_empty());
        assert!(found("The value declined to nine mln stg from 10 mln.").is_empty());
    }

    #[test]
    fn called_needs_a_speaker_before_it() {
        let a = found("Trump called the deal a disaster.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.lemma, "call");
        assert!(found("He joined a group called the Friends of Syria.").is_empty());
    }

    #[test]
    fn tweets_after_an_adjective_or_of_are_posts_not_a_cue() {
        let a = found("Trump tweets that the judge is biased.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.lemma, "tweet");
        for body in [
            "He did not address his early-morning tweets about the judge.",
            "Trump unleashed a series of tweets attacking the judge.",
        ] {
            let a = found(body);
            assert!(a.iter().all(|a| a.cue.lemma != "tweet"), "{body}: {a:?}");
        }
    }

    #[test]
    fn quote_first_inverted_and_multi_sentence() {
        let a = found("\"We will respond. This is a lie,\" said Saeed Khatibzadeh, a spokesman.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "We will respond. This is a lie");
        assert!(a[0].direct);
        assert_eq!(speaker_of(&a[0]), Some("Saeed Khatibzadeh"));
        let b = found("“The talks failed,” the minister said.");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].content.text, "The talks failed");
        assert!(b[0].direct);
        assert_eq!(speaker_of(&b[0]), Some("the minister"));
    }

    /// The texts of each attribution's continued quote parts.
    fn continued(a: &[Attribution]) -> Vec<Vec<&str>> {
        a.iter()
            .map(|a| a.continued.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_quote_broken_by_its_cue_goes_on_after_it() {
        let next_sentence =
            found("“The talks failed,” the minister said. “We will try again next week.”");
        assert_eq!(next_sentence.len(), 1, "{next_sentence:?}");
        assert_eq!(next_sentence[0].content.text, "The talks failed");
        assert_eq!(continued(&next_sentence), [["We will try again next week"]]);
        let same_sentence = found("\"My hope,\" he said, \"is that the vote passes.\"");
        assert_eq!(continued(&same_sentence), [["is that the vote passes"]]);
        let after_an_aside = found(
            "“Every delay costs jobs,” Ms Smith said, pointing to the figures, “and we cannot wait.”",
        );
        assert_eq!(continued(&after_an_aside), [["and we cannot wait"]]);
        let after_an_appositive = found(
            "“It was a good deal,” said Ann Lee, a lawyer in the case. “Nobody else would buy.”",
        );
        assert_eq!(continued(&after_an_appositive), [["Nobody else would buy"]]);
        let two_parts = found("“Prices rose,” she said. “Wages did not.” “Nobody is happy.”");
        assert_eq!(
            continued(&two_parts),
            [["Wages did not", "Nobody is happy"]]
        );
        let indirect_first = found("He said, “Prices rose.” “Wages did not.”");
        assert_eq!(continued(&indirect_first), [["Wages did not"]]);
    }

    #[test]
    fn a_quote_that_is_not_the_speakers_does_not_continue_hers() {
        // The next quote has its own speaker.
        let own_cue = found("“We have a plan,” she said. “They have no plan,” he replied.");
        assert!(continued(&own_cue)[0].is_empty(), "{own_cue:?}");
        // Narrative between, a new paragraph, a quoted title in a sentence.
        for body in [
            "“The talks failed,” the minister said. Officials left early. “We will try again.”",
            "“The talks failed,” the minister said.\n\n“We will try again.”",
            "“The talks failed,” the minister said. “Hope” is the name of the new plan.",
            "“The talks failed,” the minister said, calling the offer “an insult.”",
        ] {
            let a = found(body);
            assert!(a.iter().all(|a| a.continued.is_empty()), "{body}: {a:?}");
        }
    }

    #[test]
    fn quotes_printed_as_doubled_apostrophes() {
        let a = found("''We've never dug a tunnel using them,'' said David Shaw, a special agent.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "We've never dug a tunnel using them");
        assert!(a[0].direct);
        assert_eq!(speaker_of(&a[0]), Some("David Shaw"));
        let b = found("``It is over,'' the minister said.");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].content.text, "It is over");
        assert!(b[0].direct);
    }

    #[test]
    fn a_quote_within_the_quote_does_not_end_it() {
        let a = found(
            "“She was the only one to ask us, ‘What can I do? What help do you need?’” Weaver said.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].content.text,
            "She was the only one to ask us, ‘What can I do? What help do you need"
        );
        assert!(a[0].direct);
        assert_eq!(speaker_of(&a[0]), Some("Weaver"));
        // A plural possessive's apostrophe inside the quote is no closing quote.
        let b = found("“It is the ministers’ plan, not ours,” the mayor said.");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].content.text, "It is the ministers’ plan, not ours");
        assert!(b[0].direct);
    }

    #[test]
    fn an_appositive_before_an_auxiliary_and_its_cue() {
        let a = found("Snyder, for his part, has denied that Clinton had anything to do with it.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.span.text, "has denied");
        assert_eq!(speaker_of(&a[0]), Some("Snyder"));
    }

    #[test]
    fn a_saying_verb_after_an_appositive_has_the_subject_as_speaker() {
        let a = found("John Bulgaro, the president of Teamsters Local 294 in Albany, said that Mr. Trump had generated excitement.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.span.text, "said");
        assert_eq!(
            speaker_of(&a[0]),
            Some("John Bulgaro, the president of Teamsters Local 294 in Albany")
        );
        assert_eq!(a[0].content.text, "Mr. Trump had generated excitement");
        // The inverted order still wins where a speaker follows the cue.
        let b = found("The talks failed, said the minister.");
        assert_eq!(speaker_of(&b[0]), Some("the minister"));
    }

    #[test]
    fn a_relative_clause_speaker_is_who_standing_for_its_antecedent() {
        let mentions = vec![Mention {
            field: "body",
            start: 0,
            end: 15,
            text: "Martin O’Malley".to_string(),
            canonical: "Martin O'Malley".to_string(),
            kind: EntityKind::Person,
        }];
        let a = find(
            "",
            "Martin O’Malley, who noted that he had raised the minimum wage, spoke first.",
            &mentions,
        );
        assert_eq!(a.len(), 1, "{a:?}");
        let source = a[0].source.as_ref().expect("a speaker");
        assert_eq!(source.span.text, "who");
        assert_eq!(source.canonical.as_deref(), Some("Martin O'Malley"));
        assert_eq!(a[0].content.text, "he had raised the minimum wage");
    }

    #[test]
    fn a_second_cue_ends_the_first_ones_content() {
        let a = found(
            "Florida Gov. Rick Scott (R) blasted Congress and said the state allocated more funds.",
        );
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].content.text, "Congress");
        assert_eq!(a[1].cue.span.text, "said");
        assert_eq!(speaker_of(&a[1]), Some("Florida Gov. Rick Scott"));
        assert_eq!(a[1].content.text, "the state allocated more funds");
    }

    #[test]
    fn a_quote_closed_after_its_period_before_the_speaker() {
        let a = found("“We will get the emails that are missing.” Trump said.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "We will get the emails that are missing");
        assert!(a[0].direct);
    }

    #[test]
    fn the_speaker_before_an_appositive_that_is_no_sentence_subject() {
        let a =
            found("A lawyer for the news outlets, David Schulz, said no decision had been made.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            speaker_of(&a[0]),
            Some("A lawyer for the news outlets, David Schulz")
        );
        assert_eq!(a[0].content.text, "no decision had been made");
        // An aside between the commas is not part of the speaker.
        let b = found("Snyder, for his part, has denied the charges.");
        assert_eq!(speaker_of(&b[0]), Some("Snyder"));
    }

    #[test]
    fn a_programme_told_is_the_addressee_not_the_start_of_the_content() {
        // BBC politics/296 and /166: the content began at `programme`.
        let a = found("Dr Liam Fox told BBC One's Breakfast with Frost programme there was no place for vindictiveness in politics.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].content.text,
            "there was no place for vindictiveness in politics"
        );
        let b = found("She told BBC One's Breakfast with Frost programme: \"He is just really down for the job.\"");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].content.text, "He is just really down for the job.");
        assert!(b[0].direct);
        let c = found("The minister told MPs the plan had failed.");
        assert_eq!(c[0].content.text, "the plan had failed");
    }

    #[test]
    fn after_a_comma_only_a_closing_noun_phrase_is_an_inverted_speaker() {
        // The BBC's `Mr Hain, Leader of the Commons, told BBC Radio Four's Today
        // programme that ...`: `told` names its addressee, who is no speaker.
        let a = found("Mr Hain, Leader of the Commons, told BBC Radio Four's Today programme that the stance was putting the country at risk.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("Mr Hain, Leader of the Commons"));
        assert_eq!(
            a[0].content.text,
            "the stance was putting the country at risk"
        );
        // `say anything` has an object, not a speaker; `shows Labour is` a clause.
        let b =
            found("He said Labour would do anything, say anything, claim anything to cling on.");
        assert!(
            b.iter()
                .all(|a| a.source.as_ref().is_some_and(|s| s.span.text == "He")),
            "{b:?}"
        );
        let c =
            found("The claim that he acted like an \"attack mongrel\" shows Labour is rattled.");
        assert!(c.is_empty(), "{c:?}");
        // The inverted order itself still holds.
        let d = found("Prices will rise, say analysts.");
        assert_eq!(speaker_of(&d[0]), Some("analysts"));
        // `said last week` says when: the speaker is the subject before it.
        let e = found("Tim Collins, the shadow education secretary, said last week it would be a huge boost to the party.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            speaker_of(&e[0]),
            Some("Tim Collins, the shadow education secretary")
        );
        // A pronoun opening a clause after the cue is no inverted speaker.
        let g = found(
            "The bid chairman, Lord Coe, admitted he would never dream of running a marathon.",
        );
        assert!(
            g.iter()
                .all(|a| a.content.text != "The bid chairman, Lord Coe"),
            "{g:?}"
        );
        // A quote after the phrase saying when is what was said.
        let f = found("But as State Treasurer Ann Richards said last Thursday, \"The goose is still cooking.\"");
        assert!(
            f[0].content.text.starts_with("The goose is still cooking"),
            "{f:?}"
        );
    }

    #[test]
    fn a_wire_storys_dateline_is_not_part_of_what_was_said() {
        let c = found("EDMONTON, Alberta, March 20 - The province will raise taxes, treasurer Dick Johnston said.");
        assert_eq!(c[0].content.text, "The province will raise taxes", "{c:?}");
        let a = found("WASHINGTON, March 18 - U.S. power companies generated 48.31 billion kilowatt-hours in the week, the Edison Electric Institute said.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].content.text,
            "U.S. power companies generated 48.31 billion kilowatt-hours in the week"
        );
        // A sentence that only looks like one keeps its words.
        let b = found("Smith, Jones and Brown - the three partners - said profits rose.");
        assert!(b.iter().all(|a| !a.content.text.is_empty()), "{b:?}");
    }

    #[test]
    fn a_content_ends_where_another_speaker_follows_the_words_they_report() {
        let a = found("Sales are expected to fall in 2005, Fiat said this week, as it exits unprofitable areas.");
        let expected = a.iter().find(|a| a.cue.span.text == "are expected");
        assert_eq!(
            expected.map(|a| a.content.text.as_str()),
            Some("to fall in 2005"),
            "{a:?}"
        );
        let fiat = a.iter().find(|a| speaker_of(a) == Some("Fiat"));
        assert_eq!(
            fiat.map(|a| a.content.text.as_str()),
            Some("Sales are expected to fall in 2005"),
            "{a:?}"
        );
        let b = found("Privately ministers believe this will be the \"less painful\" option, our correspondent added.");
        let believe = b.iter().find(|a| a.cue.lemma == "believe");
        assert_eq!(
            believe.map(|a| a.content.text.as_str()),
            Some("this will be the \"less painful\" option"),
            "{b:?}"
        );
    }

    #[test]
    fn a_passive_without_its_subject_still_reports_what_stands_before_it() {
        let a = found("This view was echoed by spokesmen of several other major U.S. banks.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "This view");
        assert_eq!(
            speaker_of(&a[0]),
            Some("spokesmen of several other major U.S. banks")
        );
    }

    #[test]
    fn a_quoted_persons_words_are_theirs_not_the_papers() {
        for (sentence, speaker, content) in [
            (
                "Finance Minister Kiichi Miyazawa was quoted as saying that the yen would not rise.",
                "Finance Minister Kiichi Miyazawa",
                "the yen would not rise",
            ),
            (
                "The newspaper quoted unnamed industry sources as saying output would fall.",
                "unnamed industry sources",
                "output would fall",
            ),
            // The object ends at its comma; an all-capital name is no preposition.
            (
                "It quoted Mobil president Richard Tucker, currently in Peking, as saying he is optimistic.",
                "Mobil president Richard Tucker",
                "he is optimistic",
            ),
            (
                "The Handelsblatt newspaper quoted AT and T chairman James Olson as saying prices would rise.",
                "AT and T chairman James Olson",
                "prices would rise",
            ),
            // A phrase of where after the verb is the medium, not who was quoted.
            (
                "Anelka was quoted in a French newspaper as saying he would like to play for a bigger club.",
                "Anelka",
                "he would like to play for a bigger club",
            ),
            // `as telling` passes over the addressee.
            (
                "Home Secretary Charles Clarke has been quoted as telling Labour members he wants more migrants.",
                "Home Secretary Charles Clarke",
                "he wants more migrants",
            ),
            // A quote before the clause is what was said, whatever follows.
            (
                "\"We don't want to go down that road,\" Reagan was quoted as telling Prime Minister Jacques Chirac after the visiting French official expressed concern.",
                "Reagan",
                "We don't want to go down that road",
            ),
            // Nothing after `as saying` but the medium: the words stand before.
            (
                "\"I demand better transparency,\" he is quoted as saying by Manager Magazin.",
                "he",
                "I demand better transparency",
            ),
        ] {
            let a = found(sentence);
            let quoted = a.iter().find(|a| a.cue.lemma == "quote");
            assert_eq!(
                quoted.map(|a| (speaker_of(a), a.content.text.as_str())),
                Some((Some(speaker), content)),
                "{sentence}: {a:?}"
            );
        }
    }

    #[test]
    fn a_passive_agent_may_follow_words_saying_when() {
        for (sentence, cue, agent) in [
            (
                "The claims were denied yesterday by the ministry.",
                "were denied",
                "the ministry",
            ),
            (
                "The claims were denied on Monday by the Foreign Ministry.",
                "were denied",
                "the Foreign Ministry",
            ),
            (
                "The claims were later denied by officials.",
                "were later denied",
                "officials",
            ),
        ] {
            let a = found(sentence);
            assert_eq!(a.len(), 1, "{sentence}: {a:?}");
            assert!(a[0].cue.span.text.starts_with(cue), "{sentence}: {a:?}");
            assert_eq!(a[0].content.text, "The claims", "{sentence}");
            assert_eq!(speaker_of(&a[0]), Some(agent), "{sentence}");
        }
        let told =
            found("Mark IV said it was told by Baird that Baird had given no such assurance.");
        let told = told.iter().find(|a| a.cue.lemma == "tell");
        assert_eq!(
            told.map(|a| (speaker_of(a), a.content.text.as_str())),
            Some((Some("Baird"), "Baird had given no such assurance")),
            "{told:?}"
        );
        let welcomed = found("The plan was welcomed at the time by Beijing.");
        assert_eq!(welcomed[0].content.text, "The plan", "{welcomed:?}");
        // The `by` of another phrase brings no agent of the cue.
        let b = found("He was accused of fraud by the regulator.");
        assert!(b.iter().all(|a| a.content.text != "He"), "{b:?}");
    }

    #[test]
    fn participles_and_nouns_describing_a_thing_are_no_reports() {
        // Reuters reut2-000, reut2-016, reut2-003; BBC business/481.
        for sentence in [
            "The earlier reported 57.1 mln dlr profit was also aided by lower rates.",
            "The company's previously announced merger has been approved.",
            "Contradicting earlier reports from strike headquarters, the strikers stayed.",
            "The recent dispute over economic policy was responsible for the fall.",
            "An earlier caution from the governor not to read too much into it was heeded.",
        ] {
            let a = found(sentence);
            assert!(a.is_empty(), "{sentence}: {a:?}");
        }
        // A name or a noun before the adverb speaks.
        for (sentence, speaker) in [
            ("Moody's also said it expects strong earnings.", "Moody's"),
            (
                "The People's Daily said prices rose too fast.",
                "The People's Daily",
            ),
            (
                "The two leaders each also said the talks went well.",
                "each",
            ),
        ] {
            let a = found(sentence);
            assert_eq!(
                a.first().and_then(speaker_of),
                Some(speaker),
                "{sentence}: {a:?}"
            );
        }
    }

    #[test]
    fn an_agentless_passive_before_a_preposition_reports_nothing() {
        // BBC politics/184, Reuters reut2-010#175, BBC business/195.
        for sentence in [
            "It was the same statement that was earlier shown to the cabinet as it met.",
            "The figures were earlier reported under the daily reporting system.",
            "Inflation is expected at 3.2% in 2004.",
        ] {
            let a = found(sentence);
            assert!(a.is_empty(), "{sentence}: {a:?}");
        }
        // A clause, an infinitive, a quote or a stance's charge still counts.
        for (sentence, content) in [
            (
                "It was announced in a statement that the plant would close.",
                "the plant would close",
            ),
            ("The firm is said to be struggling.", "to be struggling"),
            ("He is accused of fraud.", "of fraud"),
            (
                "He was quoted in the Herald saying: \"We will win.\"",
                "We will win",
            ),
        ] {
            let a = found(sentence);
            assert!(
                a.iter().any(|a| a.content.text.contains(content)),
                "{sentence}: {a:?}"
            );
        }
        // The agent's phrase ends before an adverb of time.
        let a = found(
            "The house was declared a landmark by the city of Los Angeles just before his death.",
        );
        assert_eq!(
            a.first().and_then(speaker_of),
            Some("the city of Los Angeles"),
            "{a:?}"
        );
    }

    #[test]
    fn a_wire_subject_is_found_past_its_dateline_and_a_stray_comma() {
        let a = found("BONN, April 24 - Economics Minister Martin Bangemann, who flies to Washington this weekend, said boosting growth would not cut the deficit.");
        assert_eq!(
            speaker_of(&a[0]),
            Some("Economics Minister Martin Bangemann, who flies to Washington this weekend")
        );
        assert_eq!(
            a[0].content.text,
            "boosting growth would not cut the deficit"
        );
        let b = found("William Siedenburg of Smith Barney, said Phelps has lowered costs.");
        assert_eq!(
            speaker_of(&b[0]),
            Some("William Siedenburg of Smith Barney")
        );
        assert_eq!(b[0].content.text, "Phelps has lowered costs");
        let d = found("BONN, March 18 - West German finance minister Gerhard Stoltenberg suggested that the U.K. should join and also urged members to act.");
        assert!(
            d.iter().any(|a| a.cue.span.text.ends_with("urged")
                && speaker_of(a) == Some("West German finance minister Gerhard Stoltenberg")),
            "{d:?}"
        );
        let c = found("Traders in the region, meanwhile, said prices might be pressured.");
        assert_eq!(speaker_of(&c[0]), Some("Traders in the region"));
    }

    #[test]
    fn a_speaker_set_inside_a_sentence_reports_all_of_it() {
        let a = found("The Tories, he said, can cut crime without raising taxes.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].content.text,
            "The Tories, he said, can cut crime without raising taxes"
        );
        // A clause of its own after the comma is not what was said.
        let c = found("In the meantime, he said, Congress cannot back away from its goals.");
        assert_eq!(
            c[0].content.text,
            "In the meantime, he said, Congress cannot back away from its goals"
        );
        let b = found("Sales rose, he said, adding that costs fell.");
        assert!(
            b.iter().all(|a| !a.content.text.contains("adding")),
            "{b:?}"
        );
    }

    #[test]
    fn words_that_only_look_like_cues_are_none() {
        // The speaker's own relative clause, with no comma before it.
        let a =
            found("Wipro said demand was strong, allowing it to increase the prices it charged.");
        assert!(a.iter().all(|a| a.cue.lemma != "charge"), "{a:?}");
        // An object relative still reports the clause it points back to.
        let d = found("Doherty faced blackmail and robbery charges in court, which he denies.");
        assert_eq!(
            d.iter()
                .map(|a| a.content.text.as_str())
                .collect::<Vec<_>>(),
            ["Doherty faced blackmail and robbery charges in court"]
        );
        let b = found("She shared first place with former AAA champion Diane Allahgreen.");
        assert!(b.is_empty(), "{b:?}");
        let c = found("Complaints about spyware found on people's PCs rose by 6%.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn an_audience_and_a_patron_belong_to_their_phrase() {
        let a = found(
            "Aguas Argentinas told the Argentine newspaper Clarin it would not accept any change.",
        );
        assert_eq!(a[0].content.text, "it would not accept any change");
        let c = found("Britain and Japan agreed to operate 12 flights a week, officials of the Transport Ministry said.");
        let said = c.iter().find(|a| a.cue.span.text == "said");
        assert_eq!(
            said.and_then(speaker_of),
            Some("officials of the Transport Ministry"),
            "{c:?}"
        );
        let d = found("Prices fell on profit taking, oil traders and analysts said.");
        assert_eq!(speaker_of(&d[0]), Some("oil traders and analysts"));
        assert_eq!(d[0].content.text, "Prices fell on profit taking");
        let b = found("Farmers will sign up, an aide to USDA Secretary Richard Lyng said.");
        assert_eq!(
            speaker_of(&b[0]),
            Some("an aide to USDA Secretary Richard Lyng")
        );
    }

    #[test]
    fn charged_with_a_duty_is_no_accusation() {
        let a = found("The Speaker is charged with ensuring order in the chamber.");
        assert!(a.is_empty(), "{a:?}");
        let b = found("Police said he was charged with murdering his wife.");
        assert!(b.iter().any(|a| a.cue.lemma == "charge"), "{b:?}");
    }

    #[test]
    fn estimates_and_reports_as_nouns_are_no_cues() {
        for body in [
            "It claimed revenues were likely to be 6bn below estimates by the end of the tax year.",
            "Reserves fell sharply, according to preliminary central bank estimates.",
            "Inflationary fears are unjustified and exaggerated.",
            "The HUD report said prices rose.",
            "Profits beat forecasts for the third quarter.",
        ] {
            let a = found(body);
            assert!(
                a.iter().all(|a| !matches!(
                    a.cue.span.text.as_str(),
                    "estimates" | "fears" | "report" | "forecasts"
                )),
                "{body}: {a:?}"
            );
        }
        // The verbs stay cues.
        for (body, cue) in [
            ("The company estimates that sales will rise.", "estimates"),
            (
                "Gaspar estimates earnings per share at 25 cts.",
                "estimates",
            ),
            ("He hopes the agreement will hold.", "hopes"),
        ] {
            let a = found(body);
            assert!(a.iter().any(|a| a.cue.span.text == cue), "{body}: {a:?}");
        }
    }

    #[test]
    fn nouns_after_a_named_object_and_idioms_are_no_cues() {
        let a = found("Mr Howard also hit back at Labour claims he had used Mrs Dixon.");
        assert!(a.is_empty(), "{a:?}");
        let b = found("\"Something tells me that someone is rattled,\" Mr Howard said.");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].cue.span.text, "said");
        // Calling someone something is naming, not an appeal.
        let c = found("Peter Hain even called me a mongrel.");
        assert_eq!(c[0].cue.stance, Stance::Say, "{c:?}");
        let d = found("Mr Smith called for a strike.");
        assert_eq!(d[0].cue.stance, Stance::Urge, "{d:?}");
    }

    #[test]
    fn a_that_after_a_verb_is_inside_the_content() {
        let a = found("Mr Blair directly denied Mr Brown made that quote.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "Mr Brown made that quote");
        // `that` after an addressee or a time still opens the content.
        let b = found("He told reporters on Tuesday that the talks had failed.");
        assert_eq!(b[0].content.text, "the talks had failed");
    }

    #[test]
    fn a_question_without_a_comma_ends_where_the_answer_starts() {
        let a = found("Asked whether she was nervous about the race she said she was ready.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].content.text, "whether she was nervous about the race");
        assert_eq!(speaker_of(&a[1]), Some("she"));
        assert_eq!(a[1].content.text, "she was ready");
    }

    #[test]
    fn a_question_put_to_someone() {
        let a =
            found("Asked if Trump’s comments had rattled them as well, Ryan said he did not know.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].cue.span.text, "Asked");
        assert!(a[0].source.is_none());
        assert_eq!(
            a[0].content.text,
            "if Trump’s comments had rattled them as well"
        );
        assert_eq!(a[1].cue.span.text, "said");
        // Someone asked for something is no question.
        let b = found("The mayor asked residents to stay home.");
        assert!(b.iter().all(|a| a.source.is_some()), "{b:?}");
    }

    #[test]
    fn the_medium_belongs_to_the_cue() {
        let a = found("The ministry said in a statement that the talks had failed.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.span.text, "said in a statement");
        assert_eq!(a[0].content.text, "the talks had failed");
        let b = found("“We will appeal,” Erin Brockovich said in a written statement.");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].content.text, "We will appeal");
    }

    #[test]
    fn according_to_and_anaphoric_denials() {
        let body = "Demand fell, according to a report earlier this week from the British Retail Consortium.";
        let brc = first_mention(
            body,
            EntityKind::Org,
            "British Retail Consortium",
            "British Retail Consortium",
        );
        let a = find("", body, &[brc]);
        let source = a[0].source.as_ref().expect("a source");
        assert_eq!(
            source.span.text,
            "a report earlier this week from the British Retail Consortium"
        );
        assert_eq!(
            source.canonical.as_deref(),
            Some("British Retail Consortium")
        );
        // After the cue, a determiner and a cue noun are no inverted speaker.
        let a =
            found("Bruce Wilkinson, president of the company, said the charges would be taken.");
        assert_eq!(
            speaker_of(&a[0]),
            Some("Bruce Wilkinson, president of the company")
        );
        let a = found("Tehran backs the group, according to U.S. officials.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].cue.lemma, "according to");
        assert_eq!(a[0].content.text, "Tehran backs the group");
        let b = found("Pompeo said Iran hosts al-Qaida leaders. Iran has denied the charges.");
        let denial = b.iter().find(|x| x.cue.lemma == "deny").expect("denial");
        assert_eq!(denial.content.text, "the charges");
        assert_eq!(denial.topic.as_ref().map(|t| t.start), Some(0));
        assert_eq!(b[0].content.text, "Iran hosts al-Qaida leaders");
    }

    #[test]
    fn nouns_are_not_cues() {
        assert!(found("The claims were false and his warning came late.").is_empty());
        // Reuters-21578: a nationality before an ambiguous cue word is its adjective.
        assert!(
            found("Kuwait denies it is a belligerent despite Iranian charges that it backs Iraq.")
                .iter()
                .all(|a| a.cue.lemma != "charge"),
            "{:?}",
            found("Kuwait denies it is a belligerent despite Iranian charges that it backs Iraq.")
        );
    }

    #[test]
    fn he_after_an_unnamed_spokesman_is_the_spokesman_not_the_last_name() {
        // BBC politics/071: `He added` was Edward Leigh, the committee chairman quoted
        // before, and the Home Office's words went to its critic.
        let body = "Mr Leigh said the Home Office should act. A Home Office spokesman said the system had been toughened. He added that checks would be simpler.";
        let mentions = [
            first_mention(body, EntityKind::Person, "Edward Leigh", "Leigh"),
            // The spokesman's Home Office, not the one Mr Leigh named.
            mention_at(
                body.find("Home Office spokesman").expect("in the text"),
                EntityKind::Org,
                "Home Office",
                "Home Office",
            ),
        ];
        let a = find("", body, &mentions);
        let added = a
            .iter()
            .find(|x| x.cue.lemma == "add")
            .unwrap_or_else(|| panic!("He added: {a:#?}"));
        let source = added.source.as_ref().expect("a source");
        assert_eq!(source.span.text, "He");
        assert_eq!(source.canonical.as_deref(), Some("Home Office"), "{a:#?}");
    }

    /// A body mention of `text` at byte `start` (ASCII test bodies: bytes are
    /// characters).
    fn mention_at(start: usize, kind: EntityKind, canonical: &str, text: &str) -> Mention {
        Mention {
            kind,
            canonical: canonical.to_string(),
            text: text.to_string(),
            field: "body",
            start,
            end: start + text.len(),
        }
    }

    /// The mention of `text`'s first occurrence in `body`.
    fn first_mention(body: &str, kind: EntityKind, canonical: &str, text: &str) -> Mention {
        let start = body.find(text).expect("in the text");
        mention_at(start, kind, canonical, text)
    }

    /// Who each `he`/`she` source in `body` resolves to, in text order.
    fn pronoun_speakers(body: &str, people: &[(&str, &str)]) -> Vec<Option<String>> {
        let mentions: Vec<Mention> = people
            .iter()
            .flat_map(|(text, canonical)| {
                body.match_indices(text)
                    .map(|(start, _)| mention_at(start, EntityKind::Person, canonical, text))
            })
            .collect();
        find("", body, &mentions)
            .into_iter()
            .filter_map(|a| a.source)
            .filter(|s| matches!(s.span.text.as_str(), "He" | "he" | "She" | "she"))
            .map(|s| s.canonical)
            .collect()
    }

    #[test]
    fn he_is_who_the_sentence_before_is_about_not_the_last_speaker() {
        // BBC politics/031: the spokeswoman spoke last, but the sentence before `He
        // said` is about Mr Blunkett.
        let body = "A Home Office spokeswoman said the review was under way. Mr Blunkett had to answer an emergency question in Parliament. He said he would act.";
        assert_eq!(
            pronoun_speakers(body, &[("Blunkett", "David Blunkett")]),
            vec![Some("David Blunkett".to_string())]
        );
        // BBC politics/166: `she` is not the man the sentence names first.
        let body = "Mr Blunkett is taking legal action to gain access to Mrs Quinn's son. She denies he is the father.";
        let people = [("Blunkett", "David Blunkett"), ("Quinn", "Kimberly Quinn")];
        assert_eq!(
            pronoun_speakers(body, &people),
            vec![Some("Kimberly Quinn".to_string())]
        );
        // BBC politics/367: who a statement is about is not who makes it.
        let body = "Michael Howard said the country was heading the wrong way. Mr Blair's government was bossy and interfering, he added.";
        let people = [
            ("Michael Howard", "Michael Howard"),
            ("Blair", "Tony Blair"),
        ];
        assert_eq!(
            pronoun_speakers(body, &people),
            vec![Some("Michael Howard".to_string())]
        );
        // BBC politics/123: its own sentence first.
        let body = "The devices gained prominence after Alastair Campbell used his. Mr Martin revealed some MPs had used them and he also cautioned members against it.";
        let people = [
            ("Alastair Campbell", "Alastair Campbell"),
            ("Martin", "Michael Martin"),
        ];
        assert_eq!(
            pronoun_speakers(body, &people),
            vec![Some("Michael Martin".to_string())]
        );
    }

    #[test]
    fn a_name_after_in_or_to_is_no_speakers_own() {
        let body = "Prices fell on profit taking, traders in Singapore said. Farmers will sign up, an aide to Richard Lyng said. Profits rose, a spokesman for Exxon said. Talks go on, Clark, who plans to be in Japan, said.";
        let mentions = [
            first_mention(body, EntityKind::Place, "Singapore", "Singapore"),
            first_mention(body, EntityKind::Person, "Richard Lyng", "Richard Lyng"),
            first_mention(body, EntityKind::Org, "Exxon", "Exxon"),
            first_mention(body, EntityKind::Person, "Joe Clark", "Clark"),
            first_mention(body, EntityKind::Place, "Japan", "Japan"),
        ];
        let named: Vec<(Option<String>, Vec<String>)> = find("", body, &mentions)
            .into_iter()
            .filter_map(|a| a.source)
            .map(|s| (s.canonical, s.affiliations))
            .collect();
        assert_eq!(
            named,
            [
                (None, vec!["Singapore".to_string()]),
                (None, vec!["Richard Lyng".to_string()]),
                (Some("Exxon".to_string()), vec![]),
                (Some("Joe Clark".to_string()), vec!["Japan".to_string()]),
            ]
        );
    }

    #[test]
    fn a_cause_a_guarantor_or_a_time_after_by_is_no_speaker() {
        // BBC sport/480, Reuters bond issues, BBC business.
        for body in [
            "The Russian added that he was not worried by his ankle injury.",
            "The issue is guaranteed by the parent company.",
            "The rise could be explained by a shift of funds.",
        ] {
            let a = found(body);
            assert!(a.iter().all(|x| x.cue.lemma == "add"), "{body}: {a:#?}");
        }
        let a = found("Output is expected to rise by 46% by the end of the decade.");
        assert!(a.iter().all(|x| x.source.is_none()), "{a:#?}");
        let a = found("The reports were denied by the ministry.");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(speaker_of(&a[0]), Some("the ministry"));
    }

    #[test]
    fn conceded_goals_reduced_passives_and_said_only_are_no_statements() {
        let a = found(
            "When Ireland conceded a penalty close to their own line, Scotland kicked it to touch.",
        );
        assert!(a.is_empty(), "{a:#?}");
        // Conceding a point in an argument is an admission, not a score.
        let a = found("The minister conceded the point that the scheme had failed.");
        assert_eq!(a.len(), 1, "{a:#?}");
        // Reuters reut2-008: a reduced passive; BBC: `continued to be` is no speech.
        for body in [
            "The men said to be possible replacements for Shad are Charles Cox and Edward Fleischman.",
            "Iraq continued to be in material breach of the resolution.",
        ] {
            let a = found(body);
            assert!(a.is_empty(), "{body}: {a:#?}");
        }
        let a = found("He said to reporters that the talks would resume.");
        assert_eq!(a.len(), 1, "{a:#?}");
        let a = found("The talks are also believed to have failed.");
        assert_eq!(a.len(), 1, "{a:#?}");
        let a = found("Hugo Lueders, European director at CompTIA, said only when property was protected would inventors prosper.");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(
            speaker_of(&a[0]),
            Some("Hugo Lueders, European director at CompTIA")
        );
    }

    /// Each attribution's speaker head in `body`, in text order.
    fn speaker_heads(body: &str, mentions: &[Mention]) -> Vec<Option<String>> {
        find("", body, mentions)
            .into_iter()
            .map(|a| a.source.and_then(|s| s.canonical))
            .collect()
    }

    #[test]
    fn a_speaker_phrase_is_read_in_text_order_whatever_order_mentions_come_in() {
        // BBC sport/096: the extractor lists the alias match (the club) after the
        // tagger's name, and the club headed the phrase.
        let body = "Manchester United manager Sir Alex Ferguson hinted that Roy Keane would play.";
        let mentions = [
            first_mention(
                body,
                EntityKind::Person,
                "Alex Ferguson",
                "Sir Alex Ferguson",
            ),
            first_mention(body, EntityKind::Person, "Roy Keane", "Roy Keane"),
            first_mention(
                body,
                EntityKind::Org,
                "Manchester United",
                "Manchester United",
            ),
        ];
        assert_eq!(
            speaker_heads(body, &mentions),
            [Some("Alex Ferguson".to_string())]
        );
    }

    #[test]
    fn figures_and_polls_show_but_a_posted_result_is_no_statement() {
        // BBC business, Reuters-21578.
        let a = found("Official figures show the jobless total rose for the second month.");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(speaker_of(&a[0]), Some("Official figures"));
        assert_eq!(
            a[0].content.text,
            "the jobless total rose for the second month"
        );
        let a = found("A new poll shows Sanders leading Clinton in Iowa.");
        assert_eq!(a.len(), 1, "{a:#?}");
        // Figures reporting a result still speak; a company posting one does not.
        let a = found("Unadjusted figures show a surplus of 53 mln dlrs.");
        assert_eq!(a.len(), 1, "{a:#?}");
        for body in [
            "The show finds its audience late at night.",
            "SMC posted a net income of 448.8 mln pesos in 1985.",
            "Italy's balance of payments showed a surplus of 1,461 billion lire in February.",
        ] {
            let a = found(body);
            assert!(a.is_empty(), "{body}: {a:#?}");
        }
    }

    #[test]
    fn a_list_is_headed_by_its_first_name_and_an_apposition_by_the_name_it_describes() {
        // Reuters-21578 phrasings, with the mentions in text order.
        /// A body, its names in text order, and the head expected.
        type Case<'a> = (&'a str, &'a [(EntityKind, &'a str)], Option<&'a str>);
        let cases: [Case; 6] = [
            (
                "Officials from France, Britain and Canada said output fell.",
                &[
                    (EntityKind::Place, "France"),
                    (EntityKind::Place, "Britain"),
                    (EntityKind::Place, "Canada"),
                ],
                Some("France"),
            ),
            (
                "The United States, Taiwan's main trading partner, said talks went on.",
                &[
                    (EntityKind::Place, "United States"),
                    (EntityKind::Place, "Taiwan"),
                ],
                Some("United States"),
            ),
            (
                "Beryl Sprinkel, Chairman of the Council of Economic Advisers, said growth would pick up.",
                &[
                    (EntityKind::Person, "Beryl Sprinkel"),
                    (EntityKind::Org, "Council of Economic Advisers"),
                ],
                Some("Beryl Sprinkel"),
            ),
            (
                "Damage to the crop is minor, the Agriculture Department's Counselor in Warsaw said.",
                &[
                    (EntityKind::Org, "Agriculture Department"),
                    (EntityKind::Place, "Warsaw"),
                ],
                Some("Agriculture Department"),
            ),
            (
                "U.S. Ambassador to GATT Michael Samuels said the talks would go on.",
                &[
                    (EntityKind::Org, "GATT"),
                    (EntityKind::Person, "Michael Samuels"),
                ],
                Some("Michael Samuels"),
            ),
            // No list: a city and its state.
            (
                "An investor from Davenport, Iowa, said he sold.",
                &[(EntityKind::Place, "Davenport"), (EntityKind::Place, "Iowa")],
                Some("Iowa"),
            ),
        ];
        for (body, names, head) in cases {
            let mentions: Vec<Mention> = names
                .iter()
                .map(|(kind, text)| first_mention(body, *kind, text, text))
                .collect();
            let heads = speaker_heads(body, &mentions);
            assert_eq!(
                heads[0].as_deref(),
                head,
                "{body}: {:#?}",
                find("", body, &mentions)
            );
        }
    }

    #[test]
    fn titles_after_in_or_to_and_a_persons_aide_are_no_speakers_own() {
        let body = "Farmers will sign up, an aide to Agriculture Secretary Richard Lyng said. Traders in Tokyo said the yen rose. Talks will go on, Lyng's aide said. Trade is fair, the U.S. ambassador to Japan, Mike Mansfield, said. Nancy Tackett, Kampleman's staff assistant, said the talks would resume. Chirac's statement said the deal was good.";
        let mentions = [
            first_mention(body, EntityKind::Person, "Richard Lyng", "Richard Lyng"),
            first_mention(body, EntityKind::Place, "Tokyo", "Tokyo"),
            mention_at(
                body.find("Lyng's").expect("in the text"),
                EntityKind::Person,
                "Richard Lyng",
                "Lyng",
            ),
            first_mention(body, EntityKind::Place, "United States", "U.S."),
            first_mention(body, EntityKind::Place, "Japan", "Japan"),
            first_mention(body, EntityKind::Person, "Mike Mansfield", "Mike Mansfield"),
            first_mention(body, EntityKind::Person, "Nancy Tackett", "Nancy Tackett"),
            first_mention(body, EntityKind::Person, "Max Kampelman", "Kampleman"),
            first_mention(body, EntityKind::Person, "Jacques Chirac", "Chirac"),
        ];
        assert_eq!(
            speaker_heads(body, &mentions),
            [
                None,
                None,
                None,
                Some("Mike Mansfield".to_string()),
                Some("Nancy Tackett".to_string()),
                Some("Jacques Chirac".to_string()),
            ]
        );
        let heads: Vec<Option<String>> = find(
            "",
            "Gardini, commenting on Callebaut's remarks, said talks went on. Prices rose, bankers polled by Reuters said. Crime fell, figures compiled by the Tories said.",
            &[
                mention_at(0, EntityKind::Person, "Raul Gardini", "Gardini"),
                mention_at(23, EntityKind::Person, "Pierre Callebaut", "Callebaut"),
                mention_at(95, EntityKind::Org, "Reuters", "Reuters"),
                mention_at(145, EntityKind::Org, "Conservative Party", "Tories"),
            ],
        )
        .into_iter()
        .filter(|a| a.cue.span.text == "said")
        .map(|a| a.source.and_then(|s| s.canonical))
        .collect();
        assert_eq!(
            heads,
            [
                Some("Raul Gardini".to_string()),
                None,
                Some("Conservative Party".to_string())
            ]
        );
        // Reuters polled the bankers: it neither speaks nor is spoken for.
        let polled = find(
            "",
            "Prices rose, bankers polled by Reuters said.",
            &[mention_at(31, EntityKind::Org, "Reuters", "Reuters")],
        );
        assert_eq!(polled.len(), 1, "{polled:?}");
        assert_eq!(polled[0].speaker_names(), Vec::<&str>::new());
        // `talks` stops the phrase after `said` as a cue: no speaker `the`.
        let a = found("Nancy Tackett, an assistant, said the talks would resume.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("Nancy Tackett, an assistant"));
        assert_eq!(a[0].content.text, "the talks would resume");
    }

    #[test]
    fn the_spokesman_and_he_are_the_named_spokesman() {
        let body = "Iranian foreign ministry spokesman Saeed Khatibzadeh condemned the accusations. Later the spokesman said talks would go on. He added that Iran was calm.";
        let mentions = [
            first_mention(body, EntityKind::Place, "Iran", "Iranian"),
            first_mention(
                body,
                EntityKind::Person,
                "Saeed Khatibzadeh",
                "Saeed Khatibzadeh",
            ),
        ];
        let a = find("", body, &mentions);
        assert_eq!(a.len(), 3, "{a:#?}");
        for x in &a {
            let source = x.source.as_ref().expect("a source");
            assert_eq!(
                source.canonical.as_deref(),
                Some("Saeed Khatibzadeh"),
                "{x:?}"
            );
            assert_eq!(source.affiliations, vec!["Iran".to_string()], "{x:?}");
        }
        assert_eq!(role_noun("the foreign minister"), Some("minister"));
        assert_eq!(role_noun("a spokesman"), None);
        assert_eq!(role_noun("the U.S. officials"), None);
    }

    #[test]
    fn a_place_or_company_after_a_person_is_the_speakers_affiliation() {
        let body = "Gov. Terry Branstad of Iowa said the farm bill would pass. Mary Jones from Exxon said prices would rise. Iowa officials said the harvest was late.";
        let mention = |kind, canonical: &str, text: &str, nth: usize| {
            let start = body.match_indices(text).nth(nth).expect("in the text").0;
            Mention {
                kind,
                canonical: canonical.to_string(),
                text: text.to_string(),
                field: "body",
                start,
                end: start + text.len(),
            }
        };
        let mentions = [
            mention(EntityKind::Person, "Terry Branstad", "Terry Branstad", 0),
            mention(EntityKind::Place, "Iowa", "Iowa", 0),
            mention(EntityKind::Person, "Mary Jones", "Mary Jones", 0),
            mention(EntityKind::Org, "Exxon", "Exxon", 0),
            mention(EntityKind::Place, "Iowa", "Iowa", 1),
        ];
        let a = find("", body, &mentions);
        let speakers: Vec<(Option<&str>, &[String])> = a
            .iter()
            .filter_map(|x| x.source.as_ref())
            .map(|s| (s.canonical.as_deref(), s.affiliations.as_slice()))
            .collect();
        assert_eq!(
            speakers,
            vec![
                (Some("Terry Branstad"), &["Iowa".to_string()][..]),
                (Some("Mary Jones"), &["Exxon".to_string()][..]),
                (Some("Iowa"), &[][..]),
            ],
            "{a:#?}"
        );
        // A comma before a role: the person, not the employer (and `and` joins two).
        let phrase = "John Smith, a spokesman for Exxon";
        let span = Span {
            field: "body",
            start: 0,
            end: phrase.len(),
            text: phrase.to_string(),
        };
        let at = |text: &str, kind| {
            let start = phrase.find(text).expect("in the phrase");
            Mention {
                kind,
                canonical: text.to_string(),
                text: text.to_string(),
                field: "body",
                start,
                end: start + text.len(),
            }
        };
        let (smith, exxon) = (
            at("John Smith", EntityKind::Person),
            at("Exxon", EntityKind::Org),
        );
        let inside = [&smith, &exxon];
        let inside: Vec<&&Mention> = inside.iter().collect();
        assert_eq!(
            head_mention(&inside, &span).map(|m| m.canonical.as_str()),
            Some("John Smith")
        );
        let phrase = "Smith and Exxon";
        let span = Span {
            text: phrase.to_string(),
            end: phrase.len(),
            ..span
        };
        let (smith, exxon) = (
            Mention {
                start: 0,
                end: 5,
                ..smith
            },
            Mention {
                start: 10,
                end: 15,
                ..exxon
            },
        );
        let inside = [&smith, &exxon];
        let inside: Vec<&&Mention> = inside.iter().collect();
        assert_eq!(
            head_mention(&inside, &span).map(|m| m.canonical.as_str()),
            Some("Exxon")
        );
    }

    #[test]
    fn questions_parentheticals_and_negations_keep_their_speakers() {
        let a = found("“How often must we see this?” Clinton said. “In Tulsa, a man died.”");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].content.text, "How often must we see this");
        assert!(a[0].direct);
        let c = found("On Wednesday Mr Blair denied the claims.");
        assert_eq!(speaker_of(&c[0]), Some("Mr Blair"));
        let b = found("Sen. David Perdue (R-Ga.) said he didn’t believe the reports.");
        let said = b.iter().find(|x| x.cue.lemma == "say").expect("said");
        assert_eq!(speaker_of(said), Some("Sen. David Perdue"));
        let believe = b
            .iter()
            .find(|x| x.cue.lemma == "believe")
            .expect("believe");
        assert_eq!(speaker_of(believe), Some("he"));
    }

    #[test]
    fn a_name_and_a_colon_speak_to_the_end_of_the_paragraph() {
        let body = "\"PENCE: Well, look, the debate is tomorrow. We are ready.\n\nThe Latest: Trump urges supporters to vote.\n\nNOTES: Sales rose.";
        let pence = Mention {
            kind: EntityKind::Person,
            canonical: "Mike Pence".to_string(),
            text: "PENCE".to_string(),
            field: "body",
            start: 1,
            end: 6,
        };
        let a = find("", body, &[pence]);
        let colons: Vec<&Attribution> = a.iter().filter(|x| x.cue.span.text == ":").collect();
        assert_eq!(colons.len(), 1, "{a:?}");
        assert_eq!(speaker_of(&a[0]), Some("PENCE"));
        assert_eq!(
            a[0].content.text,
            "Well, look, the debate is tomorrow. We are ready"
        );
        assert_eq!(a[0].cue.span.text, ":");
        assert!(found("Partial transcript as follows: the debate.").is_empty());
    }

    #[test]
    fn a_quote_signed_with_a_dash_is_its_signers() {
        let a = found("“He represents our greatest shame.” ― Sonya Herridge “During the debate he lied.”― Pamela Padilla\n\nOther text.");
        let signed: Vec<(&str, &str)> = a
            .iter()
            .map(|x| {
                (
                    x.source.as_ref().map_or("", |s| s.span.text.as_str()),
                    x.content.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            signed,
            vec![
                ("Sonya Herridge", "He represents our greatest shame"),
                ("Pamela Padilla", "During the debate he lied"),
            ]
        );
        // A dash inside a sentence is no signature.
        assert!(found("“Not now” — the answer came fast.").is_empty());
    }

    #[test]
    fn a_dateline_is_not_part_of_the_speaker() {
        let a = found("WASHINGTON, March 23 - U.S. Treasury Secretary James Baker said the dollar was stable.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            speaker_of(&a[0]),
            Some("U.S. Treasury Secretary James Baker")
        );
        // A hyphen inside a name still belongs to it.
        let b = found("Coca-Cola said profits rose.");
        assert_eq!(speaker_of(&b[0]), Some("Coca-Cola"));
    }
}
