//! Prefix (`qaid*`) and fuzzy (`qaeda~1`) terms, which tantivy's parser accepts but
//! silently matches nothing with on analysed fields, are expanded here into the terms
//! the index actually holds: `qaid*` → `(qaida OR qaidas)`, `qaeda~1` → `(qaida)`.
//!
//! Expanding against the term dictionary keeps the rest of the pipeline unchanged:
//! the parser sees ordinary terms, snippets highlight them, and `--explain` can show
//! what a pattern became.

use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::{Index, Searcher, Term};

/// Most terms one pattern may expand to; more means the pattern is too short.
pub const MAX_EXPANSIONS: usize = 256;

/// One expanded pattern, for `--explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub pattern: String,
    pub terms: Vec<String>,
    /// True when the pattern matched more than [`MAX_EXPANSIONS`] terms.
    pub truncated: bool,
}

enum Pattern {
    Prefix(String),
    Fuzzy(String, u8),
}

/// Rewrites every prefix and fuzzy term of `text` (already in index field names) into
/// a group of the terms it matches. Quoted phrases and ranges are left alone.
pub fn expand(
    text: &str,
    index: &Index,
    searcher: &Searcher,
    default_fields: &[Field],
) -> (String, Vec<Expansion>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut expansions = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' || c == '[' || c == '{' {
            let close = match c {
                '"' => '"',
                _ => ']',
            };
            let end = chars[i + 1..]
                .iter()
                .position(|&x| x == close || (close == ']' && x == '}'))
                .map_or(chars.len(), |p| i + 1 + p + 1);
            out.extend(&chars[i..end.min(chars.len())]);
            i = end;
            continue;
        }
        let at_start = i == 0 || matches!(chars[i - 1], ' ' | '\t' | '(' | '+' | '-' | ':');
        if at_start && c.is_alphanumeric() {
            let len = chars[i..]
                .iter()
                .take_while(|c| !c.is_whitespace() && !matches!(c, ')' | ':'))
                .count();
            let token: String = chars[i..i + len].iter().collect();
            let followed_by_colon = chars.get(i + len) == Some(&':');
            if !followed_by_colon {
                if let Some(pattern) = parse_pattern(&token) {
                    let field_name = field_before(&chars, i);
                    let fields: Vec<Field> = match field_name
                        .as_deref()
                        .and_then(|f| index.schema().get_field(f).ok())
                    {
                        Some(f) => vec![f],
                        None => default_fields.to_vec(),
                    };
                    let (terms, truncated) = matching_terms(index, searcher, &fields, &pattern);
                    let replacement = if terms.is_empty() {
                        // Nothing in the index matches: a term that matches nothing.
                        token
                            .trim_end_matches(['*', '~', '0', '1', '2'])
                            .to_lowercase()
                    } else {
                        format!("({})", terms.join(" OR "))
                    };
                    out.push_str(&replacement);
                    expansions.push(Expansion {
                        pattern: token,
                        terms,
                        truncated,
                    });
                    i += len;
                    continue;
                }
            }
            out.extend(&chars[i..i + len]);
            i += len;
            continue;
        }
        out.push(c);
        i += 1;
    }
    (out, expansions)
}

/// `word*` or `word~N` (N = 1 or 2; `word~` means 1).
fn parse_pattern(token: &str) -> Option<Pattern> {
    if let Some(stem) = token.strip_suffix('*') {
        if !stem.is_empty() && stem.chars().all(char::is_alphanumeric) {
            return Some(Pattern::Prefix(stem.to_lowercase()));
        }
    }
    let (word, distance) = token.split_once('~')?;
    let distance = match distance {
        "" | "1" => 1,
        "2" => 2,
        _ => return None,
    };
    (!word.is_empty() && word.chars().all(char::is_alphanumeric))
        .then(|| Pattern::Fuzzy(word.to_lowercase(), distance))
}

/// The field name written right before position `i` (`orgs:qaid*` → `orgs`).
fn field_before(chars: &[char], i: usize) -> Option<String> {
    if i == 0 || chars[i - 1] != ':' {
        return None;
    }
    let start = chars[..i - 1]
        .iter()
        .rposition(|c| !(c.is_alphanumeric() || *c == '_'))
        .map_or(0, |p| p + 1);
    Some(chars[start..i - 1].iter().collect())
}

/// The terms of `fields` matching `pattern`, sorted and de-duplicated.
fn matching_terms(
    index: &Index,
    searcher: &Searcher,
    fields: &[Field],
    pattern: &Pattern,
) -> (Vec<String>, bool) {
    let mut terms = std::collections::BTreeSet::new();
    let mut truncated = false;
    for &field in fields {
        let analysed = |word: &str| -> String {
            index
                .tokenizer_for_field(field)
                .ok()
                .and_then(|mut analyzer| {
                    let mut stream = analyzer.token_stream(word);
                    stream.advance().then(|| stream.token().text.clone())
                })
                .unwrap_or_else(|| word.to_string())
        };
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let dict = inverted.terms();
            let mut collect = |key: &[u8]| {
                if terms.len() >= MAX_EXPANSIONS {
                    truncated = true;
                    return false;
                }
                if let Ok(s) = std::str::from_utf8(key) {
                    terms.insert(s.to_string());
                }
                true
            };
            match pattern {
                Pattern::Prefix(prefix) => {
                    // Stemmed index terms may be shorter than the typed prefix
                    // ("denie*" must find "deni").
                    let stem = analysed(prefix);
                    let p = if prefix.starts_with(&stem) {
                        stem
                    } else {
                        prefix.clone()
                    };
                    let mut upper = p.clone().into_bytes();
                    if let Some(last) = upper.last_mut() {
                        *last = last.saturating_add(1);
                    }
                    if let Ok(mut stream) = dict.range().ge(p.as_bytes()).lt(&upper).into_stream() {
                        while stream.advance() {
                            if !collect(stream.key()) {
                                break;
                            }
                        }
                    }
                }
                Pattern::Fuzzy(word, distance) => {
                    // Both the word as typed and its stem: stemming can move a short
                    // word further from the indexed form ("pompe" → "pomp").
                    let stem = analysed(word);
                    let forms: Vec<&str> = if stem == *word {
                        vec![word]
                    } else {
                        vec![word, &stem]
                    };
                    for form in forms {
                        let term = Term::from_field_text(field, form);
                        let query = FuzzyTermQuery::new(term, *distance, true);
                        let Ok(automaton) = query.automaton() else {
                            continue;
                        };
                        if let Ok(mut stream) = dict.search(automaton).into_stream() {
                            while stream.advance() {
                                if !collect(stream.key()) {
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    (terms.into_iter().collect(), truncated)
}
