//! `SAID(speaker:iran stance:deny al-qaida)`: articles where one attribution holds
//! every item, as a tantivy query that composes with every other clause.
//!
//! Candidates come from the index (the speakers' names in `speakers` or in the text,
//! the stance in `stances`/`cues`, the content words in title or body); each candidate's
//! stored attributions ([`crate::attribution::stored`]) are then read back and checked:
//!
//! - a `speaker:` item holds when the attribution's source is that entity (its
//!   canonical name, or one it is affiliated with: an Iranian spokesman speaks for
//!   Iran) or its words contain the typed words (`speaker:spokesman`);
//! - a `stance:` item holds when the cue's class is that class (`deny`) or its lemma
//!   that lemma (`condemn`), and the cue is not negated; `not-deny` asks for a negated
//!   one (`did not deny`);
//! - every other item must occur in the content or in the sentence the content points
//!   back to (its topic: "Iran denied *all such charges*"), matched as scope items are
//!   (stemmed words, phrases, entity variants, prefixes, fuzzy words).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, Value};
use tantivy::store::StoreReader;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, Score, SegmentReader, TantivyDocument, Term};

use super::ast::{Field as QueryField, NodeKind, ScopeItem, ScopeKind};
use super::filtered::{explain_passed, DocCheck, FilteredScorer};
use super::scope::{Matcher, ScopeSpec};
use crate::attribution::stored::{self, CharText, DecodeError};
use crate::attribution::{Attribution, StanceAsked};
use crate::extract::aliases::Aliases;

/// Content items may be anywhere in the content and topic: a window this wide.
const ANYWHERE: u32 = 1 << 30;

/// One way a `speaker:` item may name a source.
#[derive(Debug, Clone)]
struct SpeakerForm {
    /// The value lower-cased: a canonical name when the alias table knew it.
    name: String,
    /// Its words, lower-cased.
    words: Vec<String>,
}

impl SpeakerForm {
    fn new(text: &str) -> SpeakerForm {
        SpeakerForm {
            name: text.to_lowercase(),
            words: words(text),
        }
    }

    fn holds(&self, a: &Attribution) -> bool {
        let Some(source) = &a.source else {
            return false;
        };
        a.speaker_names()
            .into_iter()
            .chain([source.span.text.as_str()])
            .any(|key| key.to_lowercase() == self.name || contains_words(key, &self.words))
    }
}

/// The lower-cased letter-and-digit runs of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when every one of `wanted` is a word of `text`.
fn contains_words(text: &str, wanted: &[String]) -> bool {
    if wanted.is_empty() {
        return false;
    }
    let have = words(text);
    wanted.iter().all(|w| have.contains(w))
}

/// A `SAID(...)` resolved: each item a list of alternatives of one sort.
#[derive(Debug, Clone)]
pub struct SaidSpec {
    speakers: Vec<Vec<SpeakerForm>>,
    /// Stance classes or cue lemmas, as the user asked for them (see
    /// [`super::passes::resolve_stances`]).
    stances: Vec<Vec<StanceAsked>>,
    /// The content items, all to be found in the content or its topic.
    content: Option<Arc<ScopeSpec>>,
}

impl SaidSpec {
    /// Sorts `items` by what they ask of an attribution; the content items are resolved
    /// with the body's `analyzer` and the alias table, as a scope's are.
    pub fn new(items: &[ScopeItem], aliases: &Aliases, analyzer: &mut TextAnalyzer) -> SaidSpec {
        let mut speakers = Vec::new();
        let mut stances = Vec::new();
        let mut content = Vec::new();
        for item in items {
            let mut forms = Vec::new();
            let mut names = Vec::new();
            for node in &item.alternatives {
                if let NodeKind::Text {
                    field,
                    text,
                    written,
                    ..
                } = &node.kind
                {
                    match field {
                        QueryField::Speaker => {
                            forms.push(SpeakerForm::new(text));
                            forms.extend(written.as_deref().map(SpeakerForm::new));
                        }
                        QueryField::Stance => names.push(StanceAsked::of(text, written.as_deref())),
                        _ => {}
                    }
                }
            }
            if !forms.is_empty() {
                speakers.push(forms);
            } else if !names.is_empty() {
                stances.push(names);
            } else {
                content.push(item.clone());
            }
        }
        let content = (!content.is_empty()).then(|| {
            Arc::new(ScopeSpec::new(
                ScopeKind::Near(ANYWHERE),
                &content,
                aliases,
                analyzer,
            ))
        });
        SaidSpec {
            speakers,
            stances,
            content,
        }
    }

    /// True when attribution `a` of the article with `title` and `body` holds every
    /// item; `matcher` checks the content items.
    pub fn holds(
        &self,
        a: &Attribution,
        matcher: Option<&mut Matcher>,
        title: &CharText,
        body: &CharText,
    ) -> bool {
        let speakers = self
            .speakers
            .iter()
            .all(|forms| forms.iter().any(|f| f.holds(a)));
        let stances = self
            .stances
            .iter()
            .all(|names| names.iter().any(|n| a.cue.is_asked_by(n)));
        if !speakers || !stances {
            return false;
        }
        let Some(matcher) = matcher else {
            return true;
        };
        let mut text = a.content_text("\n\n");
        if let Some(topic) = &a.topic {
            let source = if topic.field == "title" { title } else { body };
            text.push_str("\n\n");
            text.push_str(source.slice(topic.start, topic.end));
        }
        matcher.holds(&text)
    }
}

/// The stored fields a `SAID` check reads.
#[derive(Debug, Clone, Copy)]
pub struct SaidFields {
    pub attributions: Field,
    pub title: Field,
    pub body: Field,
}

/// `SAID(...)` as a tantivy query: candidates from `candidates`, kept when one stored
/// attribution holds the spec.
pub struct SaidQuery {
    spec: Arc<SaidSpec>,
    matcher: Option<Matcher>,
    candidates: Box<dyn Query>,
    fields: SaidFields,
    /// Stored articles whose attributions could not be read while checking: the caller
    /// reports them (a damaged index), never a silent non-match.
    unreadable: Arc<AtomicUsize>,
}

impl std::fmt::Debug for SaidQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SaidQuery({:?}, {:?})", self.spec, self.candidates)
    }
}

impl Clone for SaidQuery {
    fn clone(&self) -> Self {
        SaidQuery {
            spec: self.spec.clone(),
            matcher: self.matcher.clone(),
            candidates: self.candidates.box_clone(),
            fields: self.fields,
            unreadable: self.unreadable.clone(),
        }
    }
}

impl SaidQuery {
    /// `spec` over `candidates` (a superset of the articles where it holds);
    /// `analyzer` is the body field's.
    pub fn new(
        spec: SaidSpec,
        analyzer: TextAnalyzer,
        candidates: Box<dyn Query>,
        fields: SaidFields,
    ) -> SaidQuery {
        let matcher = spec
            .content
            .as_ref()
            .map(|content| Matcher::new(content.clone(), analyzer));
        SaidQuery {
            spec: Arc::new(spec),
            matcher,
            candidates,
            fields,
            unreadable: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// How many stored articles could not be read while checking.
    pub fn unreadable_articles(&self) -> usize {
        self.unreadable.load(Ordering::Relaxed)
    }

    /// The attributions of a stored article that hold this `SAID`, in text order:
    /// what a hit shows.
    pub fn matching(&self, doc: &TantivyDocument) -> Result<Vec<Attribution>, DecodeError> {
        let mut matcher = self.matcher.clone();
        matching(&self.spec, matcher.as_mut(), &self.fields, doc)
    }
}

/// The attributions of `doc` that hold `spec`.
fn matching(
    spec: &SaidSpec,
    mut matcher: Option<&mut Matcher>,
    fields: &SaidFields,
    doc: &TantivyDocument,
) -> Result<Vec<Attribution>, DecodeError> {
    let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("");
    let json = match doc.get_first(fields.attributions).and_then(|v| v.as_str()) {
        Some(json) => json,
        None => return Ok(Vec::new()),
    };
    let (title, body) = (text(fields.title), text(fields.body));
    let all = stored::decode(json, title, body)?;
    let (title, body) = (CharText::new(title), CharText::new(body));
    Ok(all
        .into_iter()
        .filter(|a| spec.holds(a, matcher.as_deref_mut(), &title, &body))
        .collect())
}

impl Query for SaidQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SaidWeight {
            inner: self.candidates.weight(enable_scoring)?,
            query: self.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.candidates.query_terms(visitor);
    }
}

struct SaidWeight {
    inner: Box<dyn Weight>,
    query: SaidQuery,
}

impl Weight for SaidWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let check = SaidCheck {
            store: reader.get_store_reader(16)?,
            query: self.query.clone(),
        };
        Ok(Box::new(FilteredScorer::new(
            self.inner.scorer(reader, boost)?,
            check,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_passed(self, self.inner.as_ref(), reader, doc, "SAID scope")
    }
}

/// Reads a candidate's stored attributions and checks them.
struct SaidCheck {
    store: StoreReader,
    query: SaidQuery,
}

impl DocCheck for SaidCheck {
    fn holds(&mut self, doc: DocId) -> bool {
        let q = &mut self.query;
        let found = match self.store.get::<TantivyDocument>(doc) {
            Ok(stored) => matching(&q.spec, q.matcher.as_mut(), &q.fields, &stored).ok(),
            Err(_) => None,
        };
        match found {
            Some(found) => !found.is_empty(),
            None => {
                q.unreadable.fetch_add(1, Ordering::Relaxed);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lexer::lex;
    use crate::query::parser::parse;
    use crate::query::passes;

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
            .filter(tantivy::tokenizer::LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::new(
                tantivy::tokenizer::Language::English,
            ))
            .build()
    }

    /// The attributions of `body` that `query` (a lone `SAID(...)`) accepts, by the
    /// text of their cue.
    fn accepted(query: &str, body: &str, aliases: &Aliases) -> Vec<String> {
        let tokens = lex(query).expect("lexes");
        let mut tree = parse(query, &tokens).expect("parses");
        passes::resolve_entities(&mut tree, aliases);
        passes::resolve_stances(&mut tree, query).expect("stances");
        let NodeKind::Said { items } = tree.kind else {
            panic!("not SAID: {query}");
        };
        let mut analyzer = analyzer();
        let spec = SaidSpec::new(&items, aliases, &mut analyzer);
        let mut matcher = spec
            .content
            .as_ref()
            .map(|c| Matcher::new(c.clone(), analyzer.clone()));
        let (title, text) = (CharText::new(""), CharText::new(body));
        crate::attribution::find("", body, &[])
            .into_iter()
            .filter(|a| spec.holds(a, matcher.as_mut(), &title, &text))
            .map(|a| a.cue.span.text)
            .collect()
    }

    const AP: &str = "Pompeo asserted that al-Qaida had now based its leadership in Tehran.\n\nIran has denied all such charges, and did so again on Tuesday. The Iranian foreign ministry spokesman condemned the accusations.";

    #[test]
    fn the_words_of_a_continued_quote_are_the_speakers() {
        let body = "“The talks failed,” the minister said. “We will try again next week.”";
        assert_eq!(
            accepted("SAID(stance:say week)", body, &Aliases::default()),
            vec!["said"]
        );
    }

    #[test]
    fn every_item_must_hold_in_one_attribution() {
        let none = Aliases::default();
        assert_eq!(
            accepted("SAID(speaker:iran stance:deny al-qaida)", AP, &none),
            vec!["has denied"],
            "the denial's topic is the sentence before it"
        );
        assert_eq!(
            accepted("SAID(speaker:pompeo stance:claim al-qaida)", AP, &none),
            vec!["asserted"]
        );
        assert!(accepted("SAID(speaker:pompeo stance:deny)", AP, &none).is_empty());
        assert!(accepted("SAID(speaker:iran stance:claim)", AP, &none).is_empty());
        assert_eq!(
            accepted("SAID(speaker:spokesman stance:condemned accus*)", AP, &none),
            vec!["condemned"]
        );
        assert_eq!(
            accepted(
                "SAID((speaker:tehran OR speaker:iran) stance:criticize)",
                AP,
                &none
            ),
            Vec::<String>::new(),
            "no entity names without mentions: `Iranian` is not the word iran"
        );
    }

    #[test]
    fn a_negated_cue_is_not_its_stance_but_its_negation() {
        // Reuters 1987-04-24, PHIBRO ENERGY CHAIRMAN SAID TO HAVE RESIGNED.
        let none = Aliases::default();
        let body = "A Salomon spokesman did not deny O'Malley had left the company. Iran denied the report.";
        assert_eq!(accepted("SAID(stance:deny)", body, &none), vec!["denied"]);
        for query in ["SAID(stance:not-deny)", "SAID(stance:not-denied)"] {
            assert_eq!(
                accepted(query, body, &none),
                vec!["did not deny"],
                "{query}"
            );
        }
        assert!(accepted("SAID(stance:not-accuse)", body, &none).is_empty());
    }

    #[test]
    fn unknown_stances_are_errors() {
        let query = "SAID(speaker:iran stance:frobnicate)";
        let tokens = lex(query).expect("lexes");
        let mut tree = parse(query, &tokens).expect("parses");
        let e = passes::resolve_stances(&mut tree, query).unwrap_err();
        assert!(e.message.contains("frobnicate"), "{e}");
        assert_eq!(e.column, Some(18));
    }

    #[test]
    fn a_lemma_whose_bare_form_is_no_cue_is_still_a_stance() {
        for query in ["SAID(stance:state)", "SAID(stance:stated)"] {
            let tokens = lex(query).expect("lexes");
            let mut tree = parse(query, &tokens).expect("parses");
            passes::resolve_stances(&mut tree, query).expect("state is a lemma");
            assert!(format!("{tree:?}").contains("\"state\""), "{tree:?}");
        }
    }
}
