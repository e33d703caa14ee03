//! Checking a scope on the index's word positions instead of the stored text.
//!
//! For every item alternative the segment's postings (with positions) are opened once;
//! each candidate article then costs a seek per term and the sentence starts stored in
//! a fast-field column ([`crate::index::sentences`]). Decompressing and re-analysing
//! the stored text costs about 0.2 ms per candidate; this path costs microseconds, and
//! follows the same definition ([`super::near_window`], [`super::sentence_window`]).

use tantivy::columnar::Column;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, Term};

use super::{near_window, sentence_window, Alternative, Occurrence, ScopeSpec};
use crate::index::sentences::{BODY_SENTENCES, TITLE_SENTENCES};
use crate::query::ast::ScopeKind;

/// More index words than this for one item's prefixes in one field, and the scope is
/// checked on the stored text: a seek per word per candidate would cost more.
const MAX_PREFIX_WORDS: usize = 128;

/// A scope's items as postings of title and body in one segment.
pub struct SegmentPositions {
    kind: ScopeKind,
    fields: Vec<FieldPositions>,
}

impl SegmentPositions {
    /// The positional check for `spec` in the segment, or `None` when it must run on
    /// the stored text (a fuzzy item, a prefix with very many words).
    pub fn open(
        spec: &ScopeSpec,
        reader: &SegmentReader,
        title: Field,
        body: Field,
    ) -> tantivy::Result<Option<SegmentPositions>> {
        let mut fields = Vec::with_capacity(2);
        for (field, column) in [(title, TITLE_SENTENCES), (body, BODY_SENTENCES)] {
            match FieldPositions::open(spec, reader, field, column)? {
                Some(f) => fields.push(f),
                None => return Ok(None),
            }
        }
        Ok(Some(SegmentPositions {
            kind: spec.kind,
            fields,
        }))
    }

    /// True when the scope holds in the title or the body of `doc`. Candidates must
    /// come in increasing doc order (postings only move forward).
    pub fn holds(&mut self, doc: DocId) -> bool {
        let kind = self.kind;
        self.fields.iter_mut().any(|f| f.holds(doc, kind))
    }
}

/// Where an item alternative's words are, in one field.
enum Located {
    /// These words at consecutive positions (one word is a run of one).
    Run(Vec<SegmentPostings>),
    /// Any one of these words (a prefix's expansion).
    AnyOf(Vec<SegmentPostings>),
}

struct FieldPositions {
    /// Per item, its alternatives found in this field's dictionary.
    items: Vec<Vec<Located>>,
    sentence_starts: Column<u64>,
}

impl FieldPositions {
    fn open(
        spec: &ScopeSpec,
        reader: &SegmentReader,
        field: Field,
        column: &str,
    ) -> tantivy::Result<Option<FieldPositions>> {
        let inverted = reader.inverted_index(field)?;
        let with_positions = IndexRecordOption::WithFreqsAndPositions;
        let mut items = Vec::with_capacity(spec.items.len());
        for alternatives in &spec.items {
            let mut located = Vec::new();
            let mut prefix_words = 0;
            for alternative in alternatives {
                match alternative {
                    Alternative::Tokens(words) => {
                        let mut run = Vec::with_capacity(words.len());
                        for word in words {
                            let term = Term::from_field_text(field, word);
                            match inverted.read_postings(&term, with_positions)? {
                                Some(postings) => run.push(postings),
                                None => break,
                            }
                        }
                        // A word missing from the field: this alternative never occurs.
                        if run.len() == words.len() && !run.is_empty() {
                            located.push(Located::Run(run));
                        }
                    }
                    Alternative::Prefix(prefix) => {
                        let mut stream = inverted
                            .terms()
                            .range()
                            .ge(prefix.as_bytes())
                            .into_stream()?;
                        let mut any = Vec::new();
                        while stream.advance() {
                            if !stream.key().starts_with(prefix.as_bytes()) {
                                break;
                            }
                            prefix_words += 1;
                            if prefix_words > MAX_PREFIX_WORDS {
                                return Ok(None);
                            }
                            any.push(
                                inverted
                                    .read_postings_from_terminfo(stream.value(), with_positions)?,
                            );
                        }
                        if !any.is_empty() {
                            located.push(Located::AnyOf(any));
                        }
                    }
                    Alternative::Fuzzy { .. } => return Ok(None),
                }
            }
            items.push(located);
        }
        let Ok(sentence_starts) = reader.fast_fields().u64(column) else {
            return Ok(None);
        };
        Ok(Some(FieldPositions {
            items,
            sentence_starts,
        }))
    }

    fn holds(&mut self, doc: DocId, kind: ScopeKind) -> bool {
        let Some(occurrences) = self.occurrences(doc) else {
            return false;
        };
        let items = self.items.len();
        match kind {
            ScopeKind::Near(n) => near_window(&occurrences, items, n as usize).is_some(),
            ScopeKind::Sentence => {
                let starts: Vec<u32> = self
                    .sentence_starts
                    .values_for_doc(doc)
                    .filter_map(|s| u32::try_from(s).ok())
                    .collect();
                sentence_window(&starts, &occurrences, items).is_some()
            }
        }
    }

    /// Every occurrence of every item in `doc`, sorted by first position; `None` when
    /// an item does not occur (the scope cannot hold).
    fn occurrences(&mut self, doc: DocId) -> Option<Vec<Occurrence>> {
        let mut out = Vec::new();
        let mut buffer = Vec::new();
        for (item, alternatives) in self.items.iter_mut().enumerate() {
            let before = out.len();
            for alternative in alternatives.iter_mut() {
                match alternative {
                    Located::Run(words) => find_run(words, doc, item, &mut out),
                    Located::AnyOf(words) => {
                        for postings in words.iter_mut() {
                            if positions_in(postings, doc, &mut buffer) {
                                out.extend(buffer.iter().map(|&p| at(item, p, p)));
                            }
                        }
                    }
                }
            }
            if out.len() == before {
                return None;
            }
        }
        out.sort_by_key(|o| (o.first, o.last, o.item));
        Some(out)
    }
}

/// The occurrences in `doc` of `words` at consecutive positions.
fn find_run(words: &mut [SegmentPostings], doc: DocId, item: usize, out: &mut Vec<Occurrence>) {
    let mut lists: Vec<Vec<u32>> = Vec::with_capacity(words.len());
    for postings in words.iter_mut() {
        let mut positions = Vec::new();
        if !positions_in(postings, doc, &mut positions) {
            return;
        }
        lists.push(positions);
    }
    let Some((head, rest)) = lists.split_first() else {
        return;
    };
    for &first in head {
        let follows = rest.iter().zip(1u32..).all(|(list, k)| {
            first
                .checked_add(k)
                .is_some_and(|p| list.binary_search(&p).is_ok())
        });
        if follows {
            let last = first.saturating_add(u32::try_from(rest.len()).unwrap_or(u32::MAX));
            out.push(at(item, first, last));
        }
    }
}

/// Moves `postings` to `doc` and fills `positions` with the word's positions there;
/// false when the word is not in `doc`.
fn positions_in(postings: &mut SegmentPostings, doc: DocId, positions: &mut Vec<u32>) -> bool {
    if postings.doc() < doc {
        postings.seek(doc);
    }
    if postings.doc() != doc {
        return false;
    }
    positions.clear();
    postings.positions(positions);
    true
}

/// An occurrence over positions `first..=last` (bytes are unknown here and unused).
fn at(item: usize, first: u32, last: u32) -> Occurrence {
    Occurrence {
        item,
        first: first as usize,
        last: last as usize,
        start: 0,
        end: 0,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tantivy::{DateTime, Index, TantivyDocument};

    use super::*;
    use crate::article::Article;
    use crate::extract::aliases::Aliases;
    use crate::index::document::to_document;
    use crate::index::schema::{Fields, SchemaSpec};
    use crate::query::ast::NodeKind;
    use crate::query::lexer::lex;
    use crate::query::parser::parse;
    use crate::query::scope::Matcher;

    const BODIES: [&str; 3] = [
        "Iran denied the report. Pompeo said al-Qaida had a base there.",
        "The minister denied that Iran had any link with the group.",
        "Nobody denied anything. Iran was not mentioned until now.",
    ];

    fn index() -> (Index, Fields) {
        let schema = SchemaSpec::embedded()
            .and_then(|s| s.to_tantivy())
            .expect("schema");
        let fields = Fields::resolve(&schema).expect("fields");
        let index = Index::create_in_ram(schema);
        let mut writer = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        for (i, body) in BODIES.iter().enumerate() {
            let article = Article {
                id: format!("a{i}"),
                path: format!("a{i}.txt"),
                title: String::new(),
                body: body.to_string(),
                date: None,
                time: None,
                date_source: None,
                source: None,
                url: None,
                entities: Default::default(),
                things: vec![],
                attributions: vec![],
                stored_attributions: None,
                body_sentences: None,
                metadata: vec![],
            };
            let doc: TantivyDocument =
                to_document(&fields, &article, None, 0, DateTime::from_timestamp_secs(0));
            writer.add_document(doc).expect("add");
        }
        writer.commit().expect("commit");
        (index, fields)
    }

    fn spec(q: &str) -> ScopeSpec {
        let tokens = lex(q).expect("lexes");
        let NodeKind::Scope { kind, items } = parse(q, &tokens).expect("parses").kind else {
            panic!("not a scope: {q}");
        };
        let mut analyzer = tantivy::tokenizer::TokenizerManager::default()
            .get("en_stem")
            .expect("en_stem");
        ScopeSpec::new(kind, &items, &Aliases::default(), &mut analyzer)
    }

    /// The docs where the scope holds, by positions, and by the stored-text matcher.
    fn both_ways(index: &Index, fields: &Fields, q: &str) -> (Vec<DocId>, Vec<DocId>) {
        let searcher = index.reader().expect("reader").searcher();
        let segment = searcher.segment_reader(0);
        let spec = spec(q);
        let mut positions = SegmentPositions::open(&spec, segment, fields.title, fields.body)
            .expect("opens")
            .expect("a positions check for words and prefixes");
        let analyzer = tantivy::tokenizer::TokenizerManager::default()
            .get("en_stem")
            .expect("en_stem");
        let mut matcher = Matcher::new(Arc::new(spec), analyzer);
        let by_positions = (0..3).filter(|d| positions.holds(*d)).collect();
        let by_text = (0..3)
            .filter(|d| matcher.holds(BODIES[*d as usize]))
            .collect();
        (by_positions, by_text)
    }

    #[test]
    fn positions_agree_with_the_stored_text() {
        let (index, fields) = index();
        for (q, expected) in [
            ("SENTENCE(iran deny)", vec![0, 1]),
            ("SENTENCE(iran qaida)", vec![]),
            ("NEAR/6(iran qaida)", vec![]),
            ("NEAR/8(iran qaida)", vec![0]),
            ("SENTENCE(\"al qaida\" pompeo)", vec![0]),
            ("SENTENCE(deni* (link OR base))", vec![1]),
            ("SENTENCE(iran mention*)", vec![2]),
        ] {
            let (by_positions, by_text) = both_ways(&index, &fields, q);
            assert_eq!(by_positions, expected, "{q} on positions");
            assert_eq!(by_text, expected, "{q} on the stored text");
        }
    }

    #[test]
    fn fuzzy_items_are_checked_on_the_stored_text() {
        let (index, fields) = index();
        let searcher = index.reader().expect("reader").searcher();
        let spec = spec("SENTENCE(iran denid~1)");
        let opened =
            SegmentPositions::open(&spec, searcher.segment_reader(0), fields.title, fields.body);
        assert!(opened.expect("opens").is_none());
    }
}
