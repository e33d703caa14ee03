//! Reading CoNLL-2003-style files: one token per line, the word in the first column
//! and the IOB1/IOB2 label in the last; blank lines end sentences; `-DOCSTART-` lines
//! separate documents.

use super::tags::{from_iob, Tag};

/// A labelled sentence.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// A document: sentences that share context.
pub type Document = Vec<Sentence>;

/// Parses the text of a CoNLL file into documents. A file without `-DOCSTART-` lines
/// is one document.
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut doc: Document = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let flush_sentence = |doc: &mut Document, words: &mut Vec<String>, labels: &mut Vec<String>| {
        if !words.is_empty() {
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            doc.push(Sentence {
                tags: from_iob(&refs),
                words: std::mem::take(words),
            });
            labels.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush_sentence(&mut doc, &mut words, &mut labels);
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else { continue };
        if word == "-DOCSTART-" {
            flush_sentence(&mut doc, &mut words, &mut labels);
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let label = cols.next_back().unwrap_or("O");
        words.push(word.to_string());
        labels.push(label.to_string());
    }
    flush_sentence(&mut doc, &mut words, &mut labels);
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::tags::{begin, inside, EntityType, O};

    #[test]
    fn documents_sentences_and_labels() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nX B-LOC\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[0][0].tags, vec![begin(EntityType::Org), O]);
        assert_eq!(
            docs[0][1].tags,
            vec![begin(EntityType::Per), inside(EntityType::Per)]
        );
        assert_eq!(docs[1][0].words, vec!["X"]);
    }
}
