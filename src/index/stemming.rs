//! The `en_stem` analyzer with a memo of stems: the same terms as tantivy's own, at a
//! fraction of the cost.
//!
//! A profile of indexing the x10 archive (BENCHMARKS.md, "Stems remembered, and where
//! the peak RSS is") put the Snowball stemmer at 6% of all CPU: every token of every
//! title and body ran the full algorithm, though news text repeats a vocabulary of a
//! few tens of thousands of words. Each analyzer instance (tantivy clones one per
//! field and segment writer, and one per query) keeps the stems it has computed, so a
//! word is stemmed once per segment instead of once per occurrence. The terms are exactly tantivy's: the
//! same tokenizer, filters and stemmer, the memo only remembers their answers.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};
use tantivy::Index;

/// The analyzer's name in the schema (`index_schema/schema.toml`): replacing tantivy's
/// built-in under the same name keeps every existing index and query meaning the same.
pub const EN_STEM: &str = "en_stem";
/// Tokens longer than this are dropped, as tantivy's `en_stem` does.
const LONGEST_TOKEN: usize = 40;
/// Memo entries kept before it starts over: a news archive's working vocabulary fits
/// well below this, while a stream of unique tokens (ids, garbled text) cannot grow
/// it without bound.
const MEMO_LIMIT: usize = 100_000;

/// Registers the memoised `en_stem` on `index`, before any writer or query parser
/// takes an analyzer from it.
pub fn register(index: &Index) {
    index.tokenizers().register(EN_STEM, analyzer());
}

/// The analyzer: tantivy's `en_stem` chain with [`MemoStemmer`] as its last filter.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// English Snowball stemming of lowercased tokens, remembering each word's stem.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner: tokenizer,
            memo: FxHashMap::default(),
        }
    }
}

/// The filter as an analyzer holds it: the memo lives as long as the analyzer.
#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
    /// Word -> its stem, `None` when the stem is the word itself (most words).
    memo: FxHashMap<Box<str>, Option<Box<str>>>,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MEMO_LIMIT {
            self.memo.clear();
        }
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// Stems each token of the stream below it, looking the word up first.
pub struct MemoStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut FxHashMap<Box<str>, Option<Box<str>>>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stem = match self.memo.get(token.text.as_str()) {
            Some(stem) => stem.as_deref(),
            None => {
                let stem = match self.stemmer.stem(&token.text) {
                    Cow::Borrowed(same) if same == token.text => None,
                    other => Some(Box::<str>::from(other.as_ref())),
                };
                self.memo
                    .entry(token.text.as_str().into())
                    .or_insert(stem)
                    .as_deref()
            }
        };
        if let Some(stem) = stem {
            token.text.clear();
            token.text.push_str(stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    /// The memo must never change a term: every index written before it, and every
    /// query, reads terms from tantivy's own `en_stem`.
    #[test]
    fn terms_are_tantivys_en_stem_terms_on_repeated_text() {
        let mut builtin = tantivy::tokenizer::TokenizerManager::default()
            .get(EN_STEM)
            .expect("tantivy registers en_stem");
        let mut memo = analyzer();
        let texts = [
            "Iran denied the charges; its spokesmen DENIED all such charges again.",
            "Rates, rating and rated: the rates of interest RATES rates. Caffè Nero's.",
            "Generously, generous generalisations generated general generators.",
            "Iran denied the charges; its spokesmen DENIED all such charges again.",
            "supercalifragilisticexpialidociouslylongwordbeyondfortychars kept? no",
        ];
        // Twice over, so the second pass answers from the memo.
        for text in texts.iter().chain(texts.iter()) {
            assert_eq!(terms(&mut memo, text), terms(&mut builtin, text), "{text}");
        }
    }

    /// The same on real news text, when `../shared/data/bbc` is there: every file of
    /// the BBC archive through one memoised analyzer and one of tantivy's.
    #[test]
    fn terms_are_tantivys_on_the_bbc_archive_when_present() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
        if !root.is_dir() {
            eprintln!("skipped: {} is absent", root.display());
            return;
        }
        let mut builtin = tantivy::tokenizer::TokenizerManager::default()
            .get(EN_STEM)
            .expect("tantivy registers en_stem");
        let mut memo = analyzer();
        let mut files = 0;
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.expect("readable archive");
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(
                terms(&mut memo, &text),
                terms(&mut builtin, &text),
                "{}",
                entry.path().display()
            );
            files += 1;
        }
        assert!(files > 2000, "read {files} files");
    }

    #[test]
    fn a_full_memo_starts_over_and_still_stems() {
        let mut memo = analyzer();
        let many: String = (0..MEMO_LIMIT + 10).map(|i| format!("w{i} ")).collect();
        terms(&mut memo, &many);
        let after = terms(&mut memo, "running runs");
        let words: Vec<&str> = after.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(words, ["run", "run"]);
    }
}
