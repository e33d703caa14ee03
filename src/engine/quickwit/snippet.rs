//! Snippets for hits another engine returned: the engine's own highlighter sees the
//! shadow fields, not the text, so the passage is chosen here, in the body, the way
//! local hits choose it: tantivy's `SnippetGenerator` over the body's words that the
//! query's words (or prefixes) match, each weighing 1 / (1 + the number of articles
//! whose body holds it). Those counts come from the engine, asked once per word, so
//! a hit's snippet is the one the local index shows for it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;

use super::EngineError;
use crate::query::ast::{Field, Node, NodeKind};
use crate::query::scope::stemmed_prefix;

/// What a query looks for in article text.
pub struct Snippets {
    analyzer: TextAnalyzer,
    stems: HashSet<String>,
    prefixes: Vec<String>,
    /// Each matched word's weight (`None`: no article's body holds it, so, as
    /// locally, it is not highlighted); asked of the engine once per word.
    weights: HashMap<String, Option<f32>>,
}

impl Snippets {
    /// The stems and stemmed prefixes of `tree`'s words searched in the body (negated
    /// ones are not highlighted; title-only words are not in the body's snippet).
    pub fn for_tree(tree: &Node) -> Snippets {
        let mut snippets = Snippets {
            // The body's analyzer, as every dateline index registers it.
            analyzer: crate::index::stemming::analyzer(),
            stems: HashSet::new(),
            prefixes: Vec::new(),
            weights: HashMap::new(),
        };
        snippets.collect(tree);
        snippets
    }

    fn collect(&mut self, node: &Node) {
        let body_field = |f: &Field| matches!(f, Field::Default | Field::Body);
        match &node.kind {
            NodeKind::Text { field, text, .. } if body_field(field) => {
                let mut stream = self.analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    self.stems.insert(token.text.clone());
                }
            }
            NodeKind::Prefix { field, prefix } if body_field(field) => {
                let pattern = stemmed_prefix(prefix, &mut self.analyzer);
                self.prefixes.push(pattern);
            }
            NodeKind::And(children) | NodeKind::Or(children) => {
                children.iter().for_each(|c| self.collect(c))
            }
            _ => {}
        }
    }

    /// The snippet of `body` and the byte ranges of its matched words, within the
    /// snippet. `doc_freq` gives the number of articles whose body holds a word.
    pub fn of(
        &mut self,
        body: &str,
        doc_freq: &mut dyn FnMut(&str) -> Result<u64, EngineError>,
    ) -> Result<(String, Vec<[usize; 2]>), EngineError> {
        let mut words: BTreeSet<String> = BTreeSet::new();
        {
            let mut stream = self.analyzer.token_stream(body);
            while let Some(token) = stream.next() {
                let hit = self.stems.contains(&token.text)
                    || self
                        .prefixes
                        .iter()
                        .any(|p| token.text.starts_with(p.as_str()));
                if hit {
                    words.insert(token.text.clone());
                }
            }
        }
        let mut terms: BTreeMap<String, f32> = BTreeMap::new();
        for word in words {
            let weight = match self.weights.get(&word) {
                Some(weight) => *weight,
                None => {
                    let articles = doc_freq(&word)?;
                    let weight = (articles > 0).then(|| 1.0 / (1.0 + articles as f32));
                    self.weights.insert(word.clone(), weight);
                    weight
                }
            };
            if let Some(weight) = weight {
                terms.insert(word, weight);
            }
        }
        let generator = SnippetGenerator::new(
            terms,
            self.analyzer.clone(),
            // Only `snippet_from_doc` reads the field; `snippet` is given the text.
            tantivy::schema::Field::from_field_id(0),
            crate::search::SNIPPET_CHARS,
        );
        Ok(crate::search::snippet_of(&generator, body))
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn snippets(query: &str) -> Snippets {
        let tree = crate::query::parse(query).expect("parses");
        Snippets::for_tree(&tree)
    }

    fn words<'a>(snippet: &'a str, highlights: &[[usize; 2]]) -> Vec<&'a str> {
        highlights.iter().map(|[s, e]| &snippet[*s..*e]).collect()
    }

    #[test]
    fn the_passage_holds_the_match_and_highlights_every_form() {
        let body = format!(
            "{} Iran denied any link. Officials keep denying it.",
            "Filler words here. ".repeat(20)
        );
        let (snippet, highlights) = snippets("deny").of(&body, &mut |_| Ok(3)).expect("snippet");
        assert!(snippet.contains("Iran denied"), "{snippet}");
        assert_eq!(words(&snippet, &highlights), ["denied", "denying"]);
        assert!(snippet.chars().count() <= crate::search::SNIPPET_CHARS);
    }

    #[test]
    fn the_rarer_word_chooses_the_passage_as_locally() {
        let body = format!(
            "Oil prices rose on Monday. {} OPEC ministers meet next week.",
            "Filler words here. ".repeat(20)
        );
        let mut by_word = |word: &str| Ok(if word == "opec" { 10 } else { 5_000 });
        let (snippet, highlights) = snippets("oil OR opec")
            .of(&body, &mut by_word)
            .expect("snippet");
        assert_eq!(words(&snippet, &highlights), ["OPEC"], "{snippet}");
    }

    #[test]
    fn negated_and_unheld_words_are_not_highlighted_and_no_match_gives_the_lead() {
        let (snippet, highlights) = snippets("oil AND NOT gas")
            .of("Gas prices rose. Oil fell.", &mut |_| Ok(4))
            .expect("snippet");
        assert_eq!(words(&snippet, &highlights), ["Oil"]);
        // A word no article's body holds (the hit matched it in the title).
        let (_, highlights) = snippets("oil")
            .of("Gas prices rose. Oil fell.", &mut |_| Ok(0))
            .expect("snippet");
        assert!(highlights.is_empty());
        let (snippet, highlights) = snippets("person:pompeo")
            .of("The lead paragraph.", &mut |_| Ok(1))
            .expect("snippet");
        assert_eq!(snippet, "The lead paragraph.");
        assert!(highlights.is_empty());
    }

    #[test]
    fn a_failed_count_is_an_error_not_a_different_snippet() {
        let failed = snippets("oil").of("Oil fell.", &mut |_| {
            Err(EngineError::Response("down".into()))
        });
        assert!(failed.is_err());
    }
}
