//! Sentence boundaries as token positions, stored with every article.
//!
//! `SENTENCE(a b)` asks whether one sentence holds every item. Checking that on the
//! stored text means decompressing, re-tokenizing and re-stemming every candidate
//! article (about 0.2 ms each: most of a query's time on a large archive). Storing
//! where each sentence starts, in the position numbering tantivy gives the words of
//! `title` and `body`, lets a scope run on the postings' positions alone.
//!
//! The definition is shared by the index and by the stored-text check, so both paths
//! agree exactly: a sentence (as [`tokenize::sentences`] splits them) starts at the
//! position of its first indexed word and runs to the next sentence's start; a
//! sentence without words has no start.

use std::ops::Range;

use tantivy::tokenizer::{SimpleTokenizer, TokenStream, Tokenizer};

use crate::extract::tokenize;

/// Fast-field column holding the sentence starts of `title`.
pub const TITLE_SENTENCES: &str = "title_sentences";
/// Fast-field column holding the sentence starts of `body`.
pub const BODY_SENTENCES: &str = "body_sentences";

/// One sentence: the position of its first word and its bytes in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: u32,
    pub bytes: Range<usize>,
}

/// The sentences of `text` that hold at least one indexed word, in order. Positions
/// count words as tantivy's `en_stem` (and `default`) tokenizer numbers them: every
/// alphanumeric run, also those too long to be indexed.
pub fn sentences(text: &str) -> Vec<Sentence> {
    sentences_of_spans(text, &sentence_spans(text))
}

/// [`sentences`] from spans already split ([`sentence_spans`] of `text`, or the same
/// spans as extraction found them).
fn sentences_of_spans(text: &str, spans: &[Range<usize>]) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::with_capacity(spans.len());
    let mut next = spans.iter().cloned().peekable();
    let mut tokenizer = SimpleTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        let Ok(position) = u32::try_from(token.position) else {
            break;
        };
        // Every sentence that starts at or before this word; only the last of them
        // holds it (the others are sentences of punctuation alone).
        let mut starting = None;
        while let Some(span) = next.next_if(|s| s.start <= token.offset_from) {
            starting = Some(span);
        }
        if let Some(bytes) = starting {
            out.push(Sentence {
                start: position,
                bytes,
            });
        }
    }
    out
}

/// The sentence starts of `text`, as stored in the index.
pub fn starts(text: &str) -> Vec<u64> {
    starts_of_spans(text, &sentence_spans(text))
}

/// [`starts`] given the spans of `text`'s sentences as [`sentence_spans`] splits them
/// (extraction hands them over: indexing then tokenizes the body once, not twice).
pub fn starts_of_spans(text: &str, spans: &[Range<usize>]) -> Vec<u64> {
    sentences_of_spans(text, spans)
        .into_iter()
        .map(|s| u64::from(s.start))
        .collect()
}

/// The index in `starts` (ascending) of the sentence holding word `position`, if any.
pub fn sentence_of(starts: &[u32], position: u32) -> Option<usize> {
    starts.partition_point(|s| *s <= position).checked_sub(1)
}

/// Byte spans of the sentences of `text`, in order. A long text is split one window
/// at a time (cut at paragraph breaks, as extraction does), so only one window's
/// tokens are ever held.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for window in tokenize::windows(text, tokenize::WINDOW_BYTES) {
        let tokens = tokenize::tokenize(window);
        out.extend(
            tokenize::sentences(&tokens)
                .into_iter()
                .filter(|r| !r.is_empty())
                .map(|r| offset + tokens[r.start].start..offset + tokens[r.end - 1].end),
        );
        offset += window.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extracted(title: &str, body: &str) -> crate::extract::entities::Extracted {
        let Ok(tagger) = crate::extract::ner::Tagger::embedded() else {
            panic!("the embedded model loads");
        };
        let aliases = &crate::extract::aliases::EMBEDDED;
        crate::extract::entities::extract(tagger, aliases, title, body)
    }

    /// Indexing stores sentence starts from extraction's split: it must be the index's
    /// own split exactly, also for a body read in several windows.
    #[test]
    fn body_sentences_are_the_index_split() {
        let paragraph = "TEHRAN, Jan 8 - Iran denied the charges. \"We have no link,\" the U.S. \
                         embassy said... Mr. Pompeo disagreed!\n\n-- (c) 2019 --\n\n";
        let long = paragraph.repeat(crate::extract::tokenize::WINDOW_BYTES / paragraph.len() + 40);
        for body in ["", "no sentence end", "¿Qué? Sí. Ça va.", paragraph, &long] {
            let found = extracted("Iran denies", body).body_sentences;
            assert_eq!(found, sentence_spans(body));
        }
        assert!(extracted("", &long).body_sentences.len() > 1000);
    }

    #[test]
    fn starts_are_word_positions() {
        let text = "Iran denied it. The U.S. embassy said so.\n\n\"We left,\" he said.";
        let got = sentences(text);
        let spans: Vec<&str> = got.iter().map(|s| &text[s.bytes.clone()]).collect();
        assert_eq!(
            spans,
            [
                "Iran denied it.",
                "The U.S. embassy said so.",
                "\"We left,\" he said."
            ]
        );
        // iran=0 denied=1 it=2 the=3 u=4 s=5 embassy=6 said=7 so=8 we=9
        assert_eq!(starts(text), [0, 3, 9]);
    }

    #[test]
    fn sentences_without_words_have_no_start() {
        let text = "One.\n\n* * *\n\nTwo.";
        assert_eq!(sentence_spans(text).len(), 3);
        assert_eq!(starts(text), [0, 1]);
        assert_eq!(sentence_of(&[0, 1], 0), Some(0));
        assert_eq!(sentence_of(&[0, 1], 5), Some(1));
        assert_eq!(sentence_of(&[2], 1), None);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(starts("").is_empty());
        assert!(starts("   \n\n ").is_empty());
    }
}
