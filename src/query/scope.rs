//! Co-occurrence scopes: `NEAR/N(a b c)` (all items within N words of each other, in
//! any order) and `SENTENCE(a b c)` (all items in one sentence).
//!
//! An item is a word (`deny` matches denied/denies through English stemming), a
//! "quoted phrase", or an entity `org:al-qaida` (every variant of the entity in the
//! alias table counts: al-Qaeda, Al Qaeda, …). For candidate retrieval a scope becomes
//! the conjunction of its items; each candidate's stored text is then checked here,
//! and the matching passage becomes the hit's snippet.

use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use super::QueryError;
use crate::extract::aliases::Aliases;
use crate::extract::tokenize;

/// How close the items must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// All items within this many word positions, any order.
    Near(usize),
    /// All items in one sentence (the title counts as a sentence).
    Sentence,
}

/// A scope as written: its kind and raw items.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    pub kind: ScopeKind,
    pub items: Vec<String>,
}

/// Finds every scope in `text`, replacing each by the conjunction of its items (a
/// bare word the alias table knows also finds its canonical name: `al-qaeda` finds
/// articles that write al-Qaida).
pub fn split(text: &str, aliases: &Aliases) -> Result<(String, Vec<Scope>), QueryError> {
    let err = |message: String, column: usize| QueryError {
        query: text.to_string(),
        message,
        column: Some(column),
        hint: Some("write NEAR/20(iran deny org:al-qaida) or SENTENCE(baker dollar)".into()),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut scopes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '"' {
            let end = chars[i + 1..]
                .iter()
                .position(|&c| c == '"')
                .map_or(chars.len(), |p| i + p + 2);
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        let at_start = i == 0 || matches!(chars[i - 1], ' ' | '(' | '+' | '-');
        let rest: String = chars[i..].iter().collect();
        let (kind, open) = if at_start && rest.starts_with("NEAR/") {
            let digits: String = rest[5..].chars().take_while(char::is_ascii_digit).collect();
            let n: usize = digits.parse().map_err(|_| {
                err(
                    "NEAR/ needs a distance in words, e.g. NEAR/20(...)".into(),
                    i,
                )
            })?;
            (ScopeKind::Near(n), 5 + digits.len())
        } else if at_start && rest.starts_with("SENTENCE") {
            (ScopeKind::Sentence, 8)
        } else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        if chars.get(i + open) != Some(&'(') {
            return Err(err("a scope needs its items in parentheses".into(), i));
        }
        let body_start = i + open + 1;
        let mut depth = 1;
        let mut in_quote = false;
        let mut j = body_start;
        while j < chars.len() {
            match chars[j] {
                '"' => in_quote = !in_quote,
                '(' if !in_quote => depth += 1,
                ')' if !in_quote => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(err("unclosed scope".into(), i));
        }
        let body: String = chars[body_start..j].iter().collect();
        let items = scope_items(&body);
        if items.len() < 2 {
            return Err(err("a scope needs at least two items".into(), i));
        }
        let retrieval: Vec<String> = items
            .iter()
            .map(|item| match aliases.lookup(item) {
                Some((_, canonical)) if !item.contains([':', '"']) && canonical != item => {
                    format!("({item} OR \"{}\")", canonical.replace('"', ""))
                }
                _ => item.clone(),
            })
            .collect();
        out.push('(');
        out.push_str(&retrieval.join(" AND "));
        out.push(')');
        scopes.push(Scope { kind, items });
        i = j + 1;
    }
    Ok((out, scopes))
}

/// Items separated by spaces; "quoted phrases" stay together.
fn scope_items(body: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut in_quote = false;
    for c in body.chars() {
        match c {
            '"' => {
                in_quote = !in_quote;
                current.push(c);
            }
            c if c.is_whitespace() && !in_quote => {
                if !current.is_empty() {
                    items.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        items.push(current);
    }
    items
}

/// One analysed token of a text: its stem and byte span.
struct Stemmed {
    stem: String,
    span: Range<usize>,
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Stemmed> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push(Stemmed {
            stem: t.text.clone(),
            span: t.offset_from..t.offset_to,
        });
    }
    out
}

/// The stemmed token sequences an item may appear as.
fn alternatives(item: &str, aliases: &Aliases, analyzer: &mut TextAnalyzer) -> Vec<Vec<String>> {
    let mut forms: Vec<String> = Vec::new();
    let (field, value) = match item.split_once(':') {
        Some((f, v)) if !v.is_empty() => (Some(f.to_ascii_lowercase()), v),
        _ => (None, item),
    };
    let value = value.trim_matches('"');
    forms.push(value.to_string());
    let kind = match field.as_deref() {
        Some("person" | "people") => Some("person"),
        Some("org" | "orgs" | "organization") => Some("org"),
        Some("place" | "places" | "location") => Some("place"),
        _ => None,
    };
    // Entities, and bare words that are known names, match every written variant.
    let entity = match kind {
        Some(k) => aliases.canonical(k, value).map(|c| (k, c.to_string())),
        None => aliases
            .lookup(value)
            .map(|(k, c)| (k, c.to_string()))
            .filter(|_| value.chars().any(|c| !c.is_alphanumeric()) || value.len() > 3),
    };
    if let Some((k, canonical)) = entity {
        forms.extend(aliases.variants(k, &canonical).iter().cloned());
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    for form in forms {
        let stems: Vec<String> = analyse(analyzer, &form)
            .into_iter()
            .map(|t| t.stem)
            .collect();
        if !stems.is_empty() && !out.contains(&stems) {
            out.push(stems);
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

/// A scope ready to test texts.
pub struct Matcher {
    kind: ScopeKind,
    items: Vec<Vec<Vec<String>>>,
    analyzer: TextAnalyzer,
}

impl Matcher {
    /// Prepares `scope`; `analyzer` is the body field's (English stemming).
    pub fn new(scope: &Scope, aliases: &Aliases, mut analyzer: TextAnalyzer) -> Matcher {
        let items = scope
            .items
            .iter()
            .map(|item| alternatives(item, aliases, &mut analyzer))
            .collect();
        Matcher {
            kind: scope.kind,
            items,
            analyzer,
        }
    }

    /// The first passage of `text` where the scope holds, if any.
    pub fn find(&mut self, text: &str) -> Option<Passage> {
        let tokens = analyse(&mut self.analyzer, text);
        // Occurrences: (item, first token, last token).
        let mut occurrences: Vec<(usize, usize, usize)> = Vec::new();
        for (item, alts) in self.items.iter().enumerate() {
            for alt in alts {
                for start in 0..tokens.len() {
                    let end = start + alt.len();
                    if end <= tokens.len()
                        && tokens[start..end]
                            .iter()
                            .zip(alt)
                            .all(|(t, s)| t.stem == *s)
                    {
                        occurrences.push((item, start, end - 1));
                    }
                }
            }
        }
        occurrences.sort_by_key(|o| o.1);
        let wanted = self.items.len();
        let window = match self.kind {
            ScopeKind::Near(n) => {
                best_window(&occurrences, wanted, |a, b| b.2.saturating_sub(a.1) <= n)
            }
            ScopeKind::Sentence => {
                let sentences = sentence_spans(text);
                let sentence_of = |tok: usize| {
                    sentences
                        .iter()
                        .position(|s| s.contains(&tokens[tok].span.start))
                };
                best_window(&occurrences, wanted, |a, b| {
                    sentence_of(a.1).is_some() && sentence_of(a.1) == sentence_of(b.2)
                })
            }
        }?;
        let (from, to) = window;
        let first = &tokens[occurrences[from].1].span;
        let last = occurrences[from..=to]
            .iter()
            .map(|o| tokens[o.2].span.end)
            .max()
            .unwrap_or(first.end);
        let (start, end) = match self.kind {
            ScopeKind::Sentence => sentence_spans(text)
                .into_iter()
                .find(|s| s.contains(&first.start))
                .map_or((first.start, last), |s| (s.start, s.end)),
            ScopeKind::Near(_) => (context_start(text, first.start), context_end(text, last)),
        };
        let highlights = occurrences[from..=to]
            .iter()
            .map(|o| [tokens[o.1].span.start - start, tokens[o.2].span.end - start])
            .filter(|[s, e]| *e <= end - start && s < e)
            .collect();
        Some(Passage {
            text: text[start..end].to_string(),
            highlights,
        })
    }
}

/// The smallest run of consecutive occurrences `[from, to]` naming every item whose
/// first and last occurrence satisfy `close`.
fn best_window(
    occurrences: &[(usize, usize, usize)],
    wanted: usize,
    close: impl Fn(&(usize, usize, usize), &(usize, usize, usize)) -> bool,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for from in 0..occurrences.len() {
        let mut seen = vec![false; wanted];
        let mut count = 0;
        for to in from..occurrences.len() {
            if !close(&occurrences[from], &occurrences[to]) {
                break;
            }
            let item = occurrences[to].0;
            if !seen[item] {
                seen[item] = true;
                count += 1;
            }
            if count == wanted {
                let width = occurrences[to].2 - occurrences[from].1;
                if best.is_none_or(|(f, t)| width < occurrences[t].2 - occurrences[f].1) {
                    best = Some((from, to));
                }
                break;
            }
        }
    }
    best
}

/// Byte spans of the sentences of `text`.
fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let tokens = tokenize::tokenize(text);
    tokenize::sentences(&tokens)
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| tokens[r.start].start..tokens[r.end - 1].end)
        .collect()
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

    #[test]
    fn scopes_become_conjunctions() {
        let (text, scopes) =
            split("NEAR/20(iran deny org:al-qaida) -iraq", &Aliases::default()).unwrap();
        assert_eq!(text, "(iran AND deny AND org:al-qaida) -iraq");
        assert_eq!(scopes[0].kind, ScopeKind::Near(20));
        let (text, scopes) = split(
            "SENTENCE(baker \"the dollar\") \"NEAR/2(x y)\"",
            &Aliases::default(),
        )
        .unwrap();
        assert_eq!(text, "(baker AND \"the dollar\") \"NEAR/2(x y)\"");
        assert_eq!(scopes[0].items, vec!["baker", "\"the dollar\""]);
        assert!(split("NEAR/(a b)", &Aliases::default()).is_err());
        assert!(split("SENTENCE(a b", &Aliases::default()).is_err());
        assert!(split("SENTENCE(a)", &Aliases::default()).is_err());
    }

    fn matcher(q: &str, aliases: &Aliases) -> Matcher {
        let (_, scopes) = split(q, aliases).unwrap();
        let analyzer = tantivy::tokenizer::TextAnalyzer::builder(
            tantivy::tokenizer::SimpleTokenizer::default(),
        )
        .filter(tantivy::tokenizer::LowerCaser)
        .filter(tantivy::tokenizer::Stemmer::new(
            tantivy::tokenizer::Language::English,
        ))
        .build();
        Matcher::new(&scopes[0], aliases, analyzer)
    }

    #[test]
    fn sentence_and_near_scopes_on_real_text() {
        let aliases = Aliases::parse(
            "[[entity]]\ntype = \"org\"\nname = \"al-Qaida\"\naliases = [\"al-Qaeda\"]\n",
        )
        .unwrap();
        let text = "Pompeo asserted that al-Qaeda had now based its leadership in Tehran.\n\nIran has denied all such charges, and did so again on Tuesday.";
        let mut sentence = matcher("SENTENCE(iran deny org:al-qaida)", &aliases);
        assert_eq!(sentence.find(text), None);
        let mut near = matcher("NEAR/20(iran deny org:al-qaida)", &aliases);
        let p = near.find(text).expect("within 20 words");
        assert!(
            p.text.contains("al-Qaeda") && p.text.contains("denied"),
            "{p:?}"
        );
        let mut tight = matcher("NEAR/3(iran deny org:al-qaida)", &aliases);
        assert_eq!(tight.find(text), None);
        let mut one = matcher("SENTENCE(iran deny)", &aliases);
        let p = one.find(text).unwrap();
        assert_eq!(
            p.text,
            "Iran has denied all such charges, and did so again on Tuesday."
        );
        assert_eq!(p.highlights, vec![[0, 4], [9, 15]]);
    }
}
