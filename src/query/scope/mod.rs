//! Co-occurrence scopes, `NEAR/N(a b c)` and `SENTENCE(a b c)`, as a real tantivy
//! query: a scope composes with OR, NOT and nesting like any other clause.
//!
//! [`ScopeQuery`] wraps a candidate query (the conjunction of its items, each the union
//! of its alternatives, on title and body) and lets through only the candidates whose
//! title or body holds the scope. It checks that on the index's word positions
//! ([`positions`]: the items' postings and the stored sentence starts) and, where the
//! items cannot be looked up as a few terms (a fuzzy item, a prefix with very many
//! words), on the stored text with a [`Matcher`]. The same matcher finds the passage
//! shown as the hit's snippet.
//!
//! Semantics: an item's occurrences in a text are runs of the text's analysed tokens
//! (English-stemmed) at consecutive word positions, numbered as tantivy indexes them
//! (every word counts, also one too long to be indexed). `NEAR/N` holds when one
//! occurrence per item fits in a window whose last position minus its first is at
//! most N; `SENTENCE` when one sentence ([`crate::index::sentences`]) holds an
//! occurrence of every item whole. Title and body are checked separately.

mod positions;
mod query;

use std::ops::Range;
use std::sync::Arc;

use tantivy::tokenizer::TextAnalyzer;

pub use query::ScopeQuery;

use super::ast::{NodeKind, ScopeItem, ScopeKind};
use crate::extract::aliases::Aliases;
use crate::index::sentences::{self, sentence_of};

/// One way an item may be written in the text.
#[derive(Debug, Clone, PartialEq)]
enum Alternative {
    /// These analysed tokens in a row.
    Tokens(Vec<String>),
    /// One token starting so.
    Prefix(String),
    /// One token within `distance` edits of `word` or of `stem`.
    Fuzzy {
        word: String,
        stem: String,
        distance: u8,
    },
}

/// A scope with its items resolved into token patterns.
#[derive(Debug, Clone)]
pub struct ScopeSpec {
    kind: ScopeKind,
    items: Vec<Vec<Alternative>>,
    /// Every word of every [`Alternative::Tokens`], for [`ScopeSpec::may_match`].
    words: std::collections::HashSet<String>,
}

impl ScopeSpec {
    /// Resolves `items` with the body's `analyzer` (English stemming) and the alias
    /// table: an entity item (`org:al-qaida`) matches every written variant of the
    /// entity, and so does a bare word the table knows that is unlikely to be a common
    /// word (longer than three letters, or with punctuation, like `al-qaeda`).
    pub fn new(
        kind: ScopeKind,
        items: &[ScopeItem],
        aliases: &Aliases,
        analyzer: &mut TextAnalyzer,
    ) -> ScopeSpec {
        let items = items
            .iter()
            .map(|item| {
                let mut out: Vec<Alternative> = Vec::new();
                for node in &item.alternatives {
                    for alternative in alternatives(&node.kind, aliases, analyzer) {
                        if !out.contains(&alternative) {
                            out.push(alternative);
                        }
                    }
                }
                out
            })
            .collect::<Vec<Vec<Alternative>>>();
        let words = items
            .iter()
            .flatten()
            .filter_map(|alternative| match alternative {
                Alternative::Tokens(words) => Some(words.iter().cloned()),
                _ => None,
            })
            .flatten()
            .collect();
        ScopeSpec { kind, items, words }
    }

    /// True when analysed token `token` could be part of an occurrence of some item.
    fn may_match(&self, token: &str) -> bool {
        self.words.contains(token)
            || self
                .items
                .iter()
                .flatten()
                .any(|alternative| match alternative {
                    Alternative::Tokens(_) => false,
                    Alternative::Prefix(prefix) => token.starts_with(prefix.as_str()),
                    Alternative::Fuzzy {
                        word,
                        stem,
                        distance,
                    } => {
                        let d = usize::from(*distance);
                        within_edits(token, word, d) || within_edits(token, stem, d)
                    }
                })
    }
}

fn alternatives(
    node: &NodeKind,
    aliases: &Aliases,
    analyzer: &mut TextAnalyzer,
) -> Vec<Alternative> {
    match node {
        NodeKind::Text {
            field,
            text,
            written,
            quoted,
            ..
        } => {
            let forms = written_forms(*field, text, written.as_deref(), *quoted, aliases);
            forms
                .iter()
                .map(|form| {
                    analyse(analyzer, form, |_| true)
                        .into_iter()
                        .map(|t| t.text)
                        .collect()
                })
                .filter(|tokens: &Vec<String>| !tokens.is_empty())
                .map(Alternative::Tokens)
                .collect()
        }
        NodeKind::Prefix { prefix, .. } => {
            vec![Alternative::Prefix(stemmed_prefix(prefix, analyzer))]
        }
        NodeKind::Fuzzy { word, distance, .. } => {
            let stem = analyse(analyzer, word, |_| true)
                .into_iter()
                .next()
                .map_or_else(|| word.clone(), |t| t.text);
            vec![Alternative::Fuzzy {
                word: word.clone(),
                stem,
                distance: *distance,
            }]
        }
        _ => Vec::new(),
    }
}

/// The ways a scope's word or entity item may be written: as given (and as typed, when
/// the alias table replaced it), plus every variant of the entity it names. A quoted
/// phrase is only itself. A bare word
/// counts as a name only when it is unlikely to be a common word (longer than three
/// letters, or with punctuation, like `al-qaeda`). Planning retrieves candidates with
/// the same forms the matcher checks.
pub fn written_forms(
    field: super::ast::Field,
    text: &str,
    written: Option<&str>,
    quoted: bool,
    aliases: &Aliases,
) -> Vec<String> {
    let mut forms = vec![text.to_string()];
    forms.extend(written.map(str::to_string));
    let entity = match field.entity_kind() {
        Some(kind) => aliases
            .canonical(kind.as_str(), text)
            .map(|c| (kind.as_str(), c.to_string())),
        // A "quoted phrase" means exactly these words.
        None if quoted => None,
        None => aliases
            .lookup(text)
            .map(|(k, c)| (k, c.to_string()))
            .filter(|_| text.chars().any(|c| !c.is_alphanumeric()) || text.chars().count() > 3),
    };
    if let Some((kind, canonical)) = entity {
        forms.extend(aliases.variants(kind, &canonical));
    }
    forms.sort();
    forms.dedup();
    forms
}

/// The prefix to look for among stemmed words: the stem of what was typed when the
/// typed text starts with it (`denie*` looks for `deni`, as `denied` is indexed), else
/// the typed text.
pub fn stemmed_prefix(prefix: &str, analyzer: &mut TextAnalyzer) -> String {
    let lower = prefix.to_lowercase();
    match analyse(analyzer, &lower, |_| true).into_iter().next() {
        Some(stem) if lower.starts_with(&stem.text) && !stem.text.is_empty() => stem.text,
        _ => lower,
    }
}

/// One analysed token of a text that some item may match: its text, its position
/// among all the text's tokens, and its byte span.
struct Analysed {
    text: String,
    position: usize,
    span: Range<usize>,
}

/// The tokens of `text` that pass `keep`. A matcher keeps only what its items may
/// match, so memory follows the matches, not the length of the text (a 50 MB article
/// holds millions of tokens).
fn analyse(analyzer: &mut TextAnalyzer, text: &str, keep: impl Fn(&str) -> bool) -> Vec<Analysed> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        if keep(&t.text) {
            out.push(Analysed {
                text: t.text.clone(),
                position: t.position,
                span: t.offset_from..t.offset_to,
            });
        }
    }
    out
}

/// Where a scope matched: the passage and the matched byte ranges in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

/// An occurrence of item `item` over token positions `first..=last`, bytes
/// `start..end`.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    item: usize,
    first: usize,
    last: usize,
    start: usize,
    end: usize,
}

impl Occurrence {
    fn of(item: usize, tokens: &[Analysed]) -> Option<Occurrence> {
        let (head, tail) = (tokens.first()?, tokens.last()?);
        Some(Occurrence {
            item,
            first: head.position,
            last: tail.position,
            start: head.span.start,
            end: tail.span.end,
        })
    }
}

/// A scope ready to test texts.
#[derive(Clone)]
pub struct Matcher {
    spec: Arc<ScopeSpec>,
    analyzer: TextAnalyzer,
}

impl Matcher {
    /// A matcher for `spec`; `analyzer` is the body field's.
    pub fn new(spec: Arc<ScopeSpec>, analyzer: TextAnalyzer) -> Matcher {
        Matcher { spec, analyzer }
    }

    /// The passage of `text` where the scope holds (the tightest window for NEAR, the
    /// first sentence for SENTENCE), if any.
    pub fn find(&mut self, text: &str) -> Option<Passage> {
        let spec = &self.spec;
        let tokens = analyse(&mut self.analyzer, text, |t| spec.may_match(t));
        let occurrences = self.occurrences(&tokens)?;
        let items = self.spec.items.len();
        let (chosen, (start, end)) = match self.spec.kind {
            ScopeKind::Near(n) => {
                let chosen = near_window(&occurrences, items, n as usize)?;
                let first = chosen.iter().map(|o| o.start).min()?;
                let last = chosen.iter().map(|o| o.end).max()?;
                (
                    chosen,
                    (context_start(text, first), context_end(text, last)),
                )
            }
            ScopeKind::Sentence => {
                let sentences = sentences::sentences(text);
                let starts: Vec<u32> = sentences.iter().map(|s| s.start).collect();
                let (sentence, chosen) = sentence_window(&starts, &occurrences, items)?;
                let bytes = sentences.get(sentence)?.bytes.clone();
                (chosen, (bytes.start, bytes.end))
            }
        };
        let mut highlights: Vec<[usize; 2]> = chosen
            .iter()
            .map(|o| [o.start - start, o.end - start])
            .filter(|[s, e]| s < e && *e <= end - start)
            .collect();
        highlights.sort_unstable();
        highlights.dedup();
        Some(Passage {
            text: text[start..end].to_string(),
            highlights,
        })
    }

    /// True when the scope holds in `text`.
    pub fn holds(&mut self, text: &str) -> bool {
        let spec = &self.spec;
        let tokens = analyse(&mut self.analyzer, text, |t| spec.may_match(t));
        let Some(occurrences) = self.occurrences(&tokens) else {
            return false;
        };
        let items = self.spec.items.len();
        match self.spec.kind {
            ScopeKind::Near(n) => near_window(&occurrences, items, n as usize).is_some(),
            ScopeKind::Sentence => {
                let starts: Vec<u32> = sentences::sentences(text)
                    .into_iter()
                    .map(|s| s.start)
                    .collect();
                sentence_window(&starts, &occurrences, items).is_some()
            }
        }
    }

    /// Every occurrence of every item, sorted by first token; `None` when an item does
    /// not occur at all (the scope cannot hold).
    fn occurrences(&self, tokens: &[Analysed]) -> Option<Vec<Occurrence>> {
        let mut out = Vec::new();
        for (item, alternatives) in self.spec.items.iter().enumerate() {
            let before = out.len();
            for alternative in alternatives {
                find_alternative(tokens, alternative, item, &mut out);
            }
            if out.len() == before {
                return None;
            }
        }
        out.sort_by_key(|o| (o.first, o.last, o.item));
        Some(out)
    }
}

fn find_alternative(
    tokens: &[Analysed],
    alt: &Alternative,
    item: usize,
    out: &mut Vec<Occurrence>,
) {
    match alt {
        Alternative::Tokens(words) => {
            let Some(head) = words.first() else {
                return;
            };
            for start in 0..tokens.len() {
                if tokens[start].text != *head || start + words.len() > tokens.len() {
                    continue;
                }
                let run = &tokens[start..start + words.len()];
                // Kept tokens are a subset: the words must also be adjacent in the text.
                let whole = run
                    .iter()
                    .zip(words)
                    .enumerate()
                    .all(|(k, (t, w))| t.text == *w && t.position == run[0].position + k);
                if whole {
                    out.extend(Occurrence::of(item, run));
                }
            }
        }
        Alternative::Prefix(prefix) => {
            for (i, t) in tokens.iter().enumerate() {
                if t.text.starts_with(prefix.as_str()) {
                    out.extend(Occurrence::of(item, &tokens[i..=i]));
                }
            }
        }
        Alternative::Fuzzy {
            word,
            stem,
            distance,
        } => {
            for (i, t) in tokens.iter().enumerate() {
                let d = usize::from(*distance);
                if within_edits(&t.text, word, d) || within_edits(&t.text, stem, d) {
                    out.extend(Occurrence::of(item, &tokens[i..=i]));
                }
            }
        }
    }
}

/// True when `a` and `b` are at most `max` edits apart (insert, delete, substitute, or
/// swap two neighbours: tantivy's fuzzy distance with transpositions costing one).
pub fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()] <= max
}

/// The tightest set of occurrences, one per item, whose tokens span at most `n`
/// positions (last index minus first), if any.
fn near_window(occurrences: &[Occurrence], items: usize, n: usize) -> Option<Vec<Occurrence>> {
    let mut best: Option<(usize, Vec<Occurrence>)> = None;
    for (i, anchor) in occurrences.iter().enumerate() {
        // Windows starting at the anchor's first token: every occurrence that starts
        // no earlier and ends within n of it is usable; pick the earliest-ending one per
        // item.
        let limit = anchor.first + n;
        let mut chosen: Vec<Option<Occurrence>> = vec![None; items];
        for o in occurrences[i..].iter().take_while(|o| o.first <= limit) {
            if o.last <= limit && chosen[o.item].is_none_or(|c| o.last < c.last) {
                chosen[o.item] = Some(*o);
            }
        }
        // Occurrences tied with the anchor's start but sorted before it also count.
        for o in occurrences[..i]
            .iter()
            .rev()
            .take_while(|o| o.first == anchor.first)
        {
            if o.last <= limit && chosen[o.item].is_none_or(|c| o.last < c.last) {
                chosen[o.item] = Some(*o);
            }
        }
        if chosen.iter().all(Option::is_some) {
            let set: Vec<Occurrence> = chosen.into_iter().flatten().collect();
            let width = set.iter().map(|o| o.last).max().unwrap_or(0) - anchor.first;
            if best.as_ref().is_none_or(|(w, _)| width < *w) {
                best = Some((width, set));
            }
        }
    }
    best.map(|(_, set)| set)
}

/// The first sentence (its index in `starts`, the sentences' first word positions)
/// that holds one whole occurrence of every item, and those occurrences.
fn sentence_window(
    starts: &[u32],
    occurrences: &[Occurrence],
    items: usize,
) -> Option<(usize, Vec<Occurrence>)> {
    let sentence = |position: usize| sentence_of(starts, u32::try_from(position).ok()?);
    let mut current = None;
    let mut chosen: Vec<Option<Occurrence>> = vec![None; items];
    // Occurrences come sorted by first position, so sentence by sentence.
    for o in occurrences {
        let Some(s) = sentence(o.first).filter(|s| sentence(o.last) == Some(*s)) else {
            continue;
        };
        if current != Some(s) {
            current = Some(s);
            chosen.fill(None);
        }
        chosen[o.item].get_or_insert(*o);
        if chosen.iter().all(Option::is_some) {
            return Some((s, chosen.into_iter().flatten().collect()));
        }
    }
    None
}

/// Passage context: up to 80 bytes before, at a word boundary.
fn context_start(text: &str, at: usize) -> usize {
    let mut start = at.saturating_sub(80);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..at]
        .find(char::is_whitespace)
        .map_or(start, |p| start + p + 1)
        .min(at)
}

fn context_end(text: &str, at: usize) -> usize {
    let mut end = (at + 80).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[at..end]
        .rfind(char::is_whitespace)
        .map_or(end, |p| at + p)
        .max(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lexer::lex;
    use crate::query::parser::parse;

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
            .filter(tantivy::tokenizer::RemoveLongFilter::limit(40))
            .filter(tantivy::tokenizer::LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::new(
                tantivy::tokenizer::Language::English,
            ))
            .build()
    }

    fn matcher(q: &str, aliases: &Aliases) -> Matcher {
        let tokens = lex(q).expect("lexes");
        let tree = parse(q, &tokens).expect("parses");
        let NodeKind::Scope { kind, items } = tree.kind else {
            panic!("not a scope: {q}");
        };
        let mut analyzer = analyzer();
        let spec = ScopeSpec::new(kind, &items, aliases, &mut analyzer);
        Matcher::new(Arc::new(spec), analyzer)
    }

    #[test]
    fn sentence_and_near_scopes_on_real_text() {
        let aliases = Aliases::parse(
            "[[entity]]\ntype = \"org\"\nname = \"al-Qaida\"\naliases = [\"al-Qaeda\"]\n",
        )
        .expect("aliases");
        let text = "Pompeo asserted that al-Qaeda had now based its leadership in Tehran.\n\nIran has denied all such charges, and did so again on Tuesday.";
        assert_eq!(
            matcher("SENTENCE(iran deny org:al-qaida)", &aliases).find(text),
            None
        );
        let p = matcher("NEAR/20(iran deny org:al-qaida)", &aliases)
            .find(text)
            .expect("within 20 words");
        assert!(
            p.text.contains("al-Qaeda") && p.text.contains("denied"),
            "{p:?}"
        );
        assert!(!matcher("NEAR/3(iran deny org:al-qaida)", &aliases).holds(text));
        let p = matcher("SENTENCE(iran deny)", &aliases)
            .find(text)
            .expect("holds");
        assert_eq!(
            p.text,
            "Iran has denied all such charges, and did so again on Tuesday."
        );
        assert_eq!(p.highlights, vec![[0, 4], [9, 15]]);
        assert!(matcher("SENTENCE(deny (doping OR charg*))", &aliases).holds(text));
        assert!(matcher("SENTENCE(tehran leadershp~1)", &aliases).holds(text));
    }

    #[test]
    fn near_counts_the_window_from_first_to_last_token() {
        let none = Aliases::default();
        let text = "alpha beta gamma delta epsilon";
        assert!(matcher("NEAR/4(alpha epsilon)", &none).holds(text));
        assert!(!matcher("NEAR/3(alpha epsilon)", &none).holds(text));
        // A long phrase starting early must not hide a short item starting later.
        assert!(matcher("NEAR/2(\"alpha beta gamma delta\" OR gamma alpha)", &none).holds(text));
    }

    #[test]
    fn edits_count_transpositions_as_one() {
        assert!(within_edits("qaida", "qaeda", 1));
        assert!(within_edits("form", "from", 1));
        assert!(!within_edits("qaida", "qatar", 1));
    }
}
