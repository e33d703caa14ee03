//! Stemmed shadow fields (`title_stem`, `body_stem`): dateline's own analyzer output
//! for title and body, written as plain words, so an engine without an English
//! stemmer (Quickwit 0.9 removed `en_stem`) or with a different one (Elasticsearch's
//! `english` analyzer drops stop words and uses Porter 1) still matches exactly the
//! terms dateline matches: `rates` and `rate` find the same articles, and phrases and
//! `"a b"~N` see the same positions. The engine indexes the field with a tokenizer
//! that only splits on spaces; queries against it must be stemmed the same way (what
//! `--engine quickwit` does).

use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

use crate::error::{Error, Result};

/// The suffix of a shadow field's name: `body` is shadowed by `body_stem`.
pub const SUFFIX: &str = "_stem";

/// Stands in for a token the analyzer dropped (longer than its limit), so the words
/// after it keep their positions; no query ever contains it.
const GAP: &str = "_";

/// Turns text into the shadow field's words.
pub struct Stemmer {
    analyzer: TextAnalyzer,
}

impl Stemmer {
    /// dateline's analyzer for title and body (tantivy's `en_stem`: words split at
    /// anything not alphanumeric, tokens over 40 bytes dropped, lower-cased, Snowball
    /// English stems).
    pub fn english() -> Result<Stemmer> {
        let analyzer = TokenizerManager::default()
            .get("en_stem")
            .ok_or_else(|| Error::Schema("tantivy has no `en_stem` tokenizer".into()))?;
        Ok(Stemmer { analyzer })
    }

    /// The stems of `text` separated by single spaces, one word per position: a
    /// dropped token leaves a `_` in its place.
    pub fn shadow(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut stream = self.analyzer.token_stream(text);
        let mut next_position = 0;
        while let Some(token) = stream.next() {
            while next_position < token.position {
                push_word(&mut out, GAP);
                next_position += 1;
            }
            push_word(&mut out, &token.text);
            next_position = token.position + 1;
        }
        out
    }
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_lowercase_and_keep_one_word_per_position() {
        let mut stemmer = Stemmer::english().expect("en_stem");
        assert_eq!(
            stemmer.shadow("Interest RATES rose; U.S. banks' rating"),
            "interest rate rose u s bank rate"
        );
    }

    #[test]
    fn a_dropped_long_token_keeps_its_place() {
        let mut stemmer = Stemmer::english().expect("en_stem");
        let long = "x".repeat(50);
        assert_eq!(stemmer.shadow(&format!("oil {long} prices")), "oil _ price");
    }

    #[test]
    fn empty_text_gives_an_empty_field() {
        let mut stemmer = Stemmer::english().expect("en_stem");
        assert_eq!(stemmer.shadow(" -- "), "");
    }
}
