//! Snippets for hits another engine returned: the engine's own highlighter sees the
//! shadow fields, not the text, so the passage is found here, in the body, with
//! dateline's analyzer: the first place a searched word (or prefix) occurs, and every
//! such word in the passage highlighted.

use std::collections::HashSet;

use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

use crate::query::ast::{Field, Node, NodeKind};
use crate::query::scope::stemmed_prefix;

/// Longest snippet, in characters (as local hits).
const SNIPPET_CHARS: usize = 240;
/// Characters kept before the first match, so it is read in context.
const LEAD_CHARS: usize = 60;

/// What a query looks for in article text.
pub struct Snippets {
    analyzer: TextAnalyzer,
    stems: HashSet<String>,
    prefixes: Vec<String>,
}

impl Snippets {
    /// The stems and stemmed prefixes of `tree`'s title and body words (negated ones
    /// are not highlighted).
    pub fn for_tree(tree: &Node) -> Snippets {
        let mut snippets = Snippets {
            analyzer: TokenizerManager::default()
                .get("en_stem")
                .unwrap_or_else(|| {
                    TextAnalyzer::from(tantivy::tokenizer::SimpleTokenizer::default())
                }),
            stems: HashSet::new(),
            prefixes: Vec::new(),
        };
        snippets.collect(tree);
        snippets
    }

    fn collect(&mut self, node: &Node) {
        let text_field = |f: &Field| matches!(f, Field::Default | Field::Title | Field::Body);
        match &node.kind {
            NodeKind::Text { field, text, .. } if text_field(field) => {
                let mut stream = self.analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    self.stems.insert(token.text.clone());
                }
            }
            NodeKind::Prefix { field, prefix } if text_field(field) => {
                let pattern = stemmed_prefix(prefix, &mut self.analyzer);
                self.prefixes.push(pattern);
            }
            NodeKind::And(children) | NodeKind::Or(children) => {
                children.iter().for_each(|c| self.collect(c))
            }
            _ => {}
        }
    }

    /// The snippet of `body` and the byte ranges of its matched words.
    pub fn of(&mut self, body: &str) -> (String, Vec<[usize; 2]>) {
        let mut matches: Vec<[usize; 2]> = Vec::new();
        let mut stream = self.analyzer.token_stream(body);
        while let Some(token) = stream.next() {
            let hit = self.stems.contains(&token.text)
                || self
                    .prefixes
                    .iter()
                    .any(|p| token.text.starts_with(p.as_str()));
            if hit {
                matches.push([token.offset_from, token.offset_to]);
            }
        }
        let first = matches.first().map_or(0, |m| m[0]);
        let start = window_start(body, first);
        let end = window_end(body, start);
        let snippet = body[start..end].to_string();
        let highlights = matches
            .into_iter()
            .filter(|[s, e]| *s >= start && *e <= end)
            .map(|[s, e]| [s - start, e - start])
            .collect();
        (snippet, highlights)
    }
}

/// Up to `LEAD_CHARS` before `at`, moved forward to the start of a word.
fn window_start(body: &str, at: usize) -> usize {
    let lead_start = body[..at]
        .char_indices()
        .rev()
        .nth(LEAD_CHARS - 1)
        .map_or(0, |(i, _)| i);
    if lead_start == 0 {
        return 0;
    }
    match body[lead_start..at].find(char::is_whitespace) {
        Some(space) => lead_start + space + 1,
        None => lead_start,
    }
}

/// At most `SNIPPET_CHARS` after `start`, cut back to the end of a word.
fn window_end(body: &str, start: usize) -> usize {
    let rest = &body[start..];
    let Some((limit, _)) = rest.char_indices().nth(SNIPPET_CHARS) else {
        return body.len();
    };
    match rest[..limit].rfind(char::is_whitespace) {
        Some(space) if space > 0 => start + space,
        _ => start + limit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippets(query: &str) -> Snippets {
        let tree = crate::query::parse(query).expect("parses");
        Snippets::for_tree(&tree)
    }

    #[test]
    fn the_passage_starts_near_the_first_match_and_highlights_every_form() {
        let body = format!(
            "{} Iran denied any link. Officials keep denying it.",
            "Filler words here. ".repeat(10)
        );
        let (snippet, highlights) = snippets("deny").of(&body);
        assert!(snippet.contains("Iran denied"), "{snippet}");
        let words: Vec<&str> = highlights.iter().map(|[s, e]| &snippet[*s..*e]).collect();
        assert_eq!(words, ["denied", "denying"]);
        assert!(snippet.chars().count() <= SNIPPET_CHARS);
    }

    #[test]
    fn negated_words_are_not_highlighted_and_no_match_gives_the_lead() {
        let (snippet, highlights) = snippets("oil AND NOT gas").of("Gas prices rose. Oil fell.");
        let words: Vec<&str> = highlights.iter().map(|[s, e]| &snippet[*s..*e]).collect();
        assert_eq!(words, ["Oil"]);
        let (snippet, highlights) = snippets("person:pompeo").of("The lead paragraph.");
        assert_eq!(snippet, "The lead paragraph.");
        assert!(highlights.is_empty());
    }
}
