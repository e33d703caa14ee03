//! End-to-end evaluation on raw text: what `dateline extract` finds in plain text,
//! scored against gold character spans (exact match; PER, ORG and LOC). The tagger's
//! own score (on pre-tokenized CoNLL) leaves out what users meet: tokenization,
//! recasing of all-caps lines, the context rules, dropped generic names. This counts
//! them all.
//!
//! Gold comes from a directory of `NAME.txt` + `NAME.ann` files (brat standoff, as
//! PolNeAR and many corpora ship: `T1<TAB>PER 10 23<TAB>text`; `person`/`org`/`place`
//! and `LOC`/`ORG`/`PER`/`MISC` are understood, character offsets), or is rebuilt from a
//! CoNLL file: each document's tokens joined back into text as a wire would write it
//! (`U.S. officials, who ...`), one sentence per line.

use std::collections::HashSet;
use std::path::Path;

use super::conll::Document;
use super::eval::Scores;
use super::tags::{spans, EntityType};

/// One plain-text document and its gold entities.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    pub name: String,
    pub text: String,
    pub gold: Vec<GoldSpan>,
}

/// A gold entity: type and character offsets, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GoldSpan {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
}

/// Rebuilds plain text and character-offset gold (PER, ORG, LOC) from CoNLL documents.
pub fn from_conll(docs: &[Document]) -> Vec<RawDocument> {
    rebuild(docs, false)
}

fn rebuild(docs: &[Document], keep_misc: bool) -> Vec<RawDocument> {
    docs.iter()
        .enumerate()
        .map(|(i, doc)| {
            let mut text = String::new();
            let mut chars = 0usize;
            let mut gold = Vec::new();
            for (s, sentence) in doc.iter().enumerate() {
                if s > 0 {
                    text.push('\n');
                    chars += 1;
                }
                let mut starts = Vec::with_capacity(sentence.words.len());
                let mut ends = Vec::with_capacity(sentence.words.len());
                let mut open_quote = false;
                let mut glue_next = true;
                for word in &sentence.words {
                    let word = word.as_str();
                    let is_quote = word == "\"";
                    let closes = is_quote && open_quote;
                    let no_space_before = glue_next
                        || closes
                        || matches!(
                            word,
                            "," | "."
                                | ";"
                                | ":"
                                | "?"
                                | "!"
                                | ")"
                                | "]"
                                | "}"
                                | "%"
                                | "'s"
                                | "'S"
                                | "n't"
                                | "'re"
                                | "'ve"
                                | "'ll"
                                | "'d"
                                | "'m"
                        );
                    if !no_space_before {
                        text.push(' ');
                        chars += 1;
                    }
                    starts.push(chars);
                    text.push_str(word);
                    chars += word.chars().count();
                    ends.push(chars);
                    if is_quote {
                        open_quote = !open_quote;
                    }
                    glue_next = matches!(word, "(" | "[" | "{" | "$") || (is_quote && open_quote);
                }
                for span in spans(&sentence.tags) {
                    if span.kind == EntityType::Misc && !keep_misc {
                        continue;
                    }
                    gold.push(GoldSpan {
                        kind: span.kind,
                        start: starts[span.start],
                        end: ends[span.end - 1],
                    });
                }
            }
            RawDocument {
                name: format!("doc{:04}", i + 1),
                text,
                gold,
            }
        })
        .collect()
}

/// Reads `NAME.txt` + `NAME.ann` pairs (brat standoff) from `dir`, in name order. A
/// `.txt` without its `.ann` has no entities; lines other than entity spans of a known
/// type are ignored, so the same files may carry other annotation.
pub fn read_standoff(dir: &Path) -> std::io::Result<Vec<RawDocument>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))?;
        let ann = std::fs::read_to_string(dir.join(format!("{name}.ann"))).unwrap_or_default();
        let gold = ann.lines().filter_map(parse_span_line).collect();
        docs.push(RawDocument { name, text, gold });
    }
    Ok(docs)
}

/// `T3<TAB>ORG 10 23<TAB>...` → the span; other lines and types → none.
fn parse_span_line(line: &str) -> Option<GoldSpan> {
    let mut cols = line.split('\t');
    if !cols.next()?.starts_with('T') {
        return None;
    }
    let mut parts = cols.next()?.split_whitespace();
    let kind = match parts.next()? {
        "PER" | "person" | "Person" | "PERSON" => EntityType::Per,
        "ORG" | "org" | "organization" | "Organization" | "ORGANIZATION" => EntityType::Org,
        "LOC" | "place" | "location" | "Location" | "LOCATION" | "GPE" => EntityType::Loc,
        _ => return None,
    };
    let start = parts.next()?.parse().ok()?;
    // A discontinuous span (`10 15;20 23`) is scored by its outer bounds.
    let end = parts.last()?.parse().ok()?;
    Some(GoldSpan { kind, start, end })
}

/// Writes `docs` as `NAME.txt` + `NAME.ann` into `dir` (created), so the rebuilt text
/// can be read, diffed and scored again.
pub fn write_standoff(docs: &[RawDocument], dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for doc in docs {
        std::fs::write(dir.join(format!("{}.txt", doc.name)), &doc.text)?;
        let chars: Vec<char> = doc.text.chars().collect();
        let mut ann = String::new();
        for (i, g) in doc.gold.iter().enumerate() {
            let surface: String = chars[g.start..g.end.min(chars.len())].iter().collect();
            ann.push_str(&format!(
                "T{}\t{} {} {}\t{}\n",
                i + 1,
                g.kind.label(),
                g.start,
                g.end,
                surface
            ));
        }
        std::fs::write(dir.join(format!("{}.ann", doc.name)), ann)?;
    }
    Ok(())
}

/// Adds one document's predictions to `scores` (exact span and type match). A
/// prediction on exactly a gold MISC span is not counted either way when `misc` holds
/// it: dateline lists a demonym (`Iranian`) as its place on purpose.
pub fn score(
    gold: &[GoldSpan],
    predicted: &[GoldSpan],
    misc: &HashSet<(usize, usize)>,
    scores: &mut Scores,
) {
    let g: HashSet<GoldSpan> = gold.iter().copied().collect();
    let p: HashSet<GoldSpan> = predicted
        .iter()
        .copied()
        .filter(|s| !misc.contains(&(s.start, s.end)))
        .collect();
    scores.add_sets(&g, &p, |s| s.kind);
}

/// The MISC spans of CoNLL documents, by document, in the character offsets of
/// [`from_conll`]'s text.
pub fn misc_spans(docs: &[Document]) -> Vec<HashSet<(usize, usize)>> {
    rebuild(docs, true)
        .into_iter()
        .map(|d| {
            d.gold
                .into_iter()
                .filter(|g| g.kind == EntityType::Misc)
                .map(|g| (g.start, g.end))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::conll;

    #[test]
    fn conll_is_rebuilt_as_wire_text_with_exact_spans() {
        let docs = conll::parse(
            "-DOCSTART- -X- -X- O\n\nU.S. NNP I-NP I-LOC\nofficials NNS I-NP O\n, , O O\n\" \" O O\nChina NNP I-NP I-LOC\n\" \" O O\nsaid VBD I-VP O\n( ( O O\nReuters NNP I-NP I-ORG\n) ) O O\n. . O O\n\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\nwon VBD I-VP O\n. . O O\n",
        );
        let raw = from_conll(&docs);
        assert_eq!(raw.len(), 1);
        assert_eq!(
            raw[0].text,
            "U.S. officials, \"China\" said (Reuters).\nJohn Smith won."
        );
        let chars: Vec<char> = raw[0].text.chars().collect();
        let got: Vec<(EntityType, String)> = raw[0]
            .gold
            .iter()
            .map(|g| (g.kind, chars[g.start..g.end].iter().collect()))
            .collect();
        assert_eq!(
            got,
            [
                (EntityType::Loc, "U.S.".to_string()),
                (EntityType::Loc, "China".to_string()),
                (EntityType::Org, "Reuters".to_string()),
                (EntityType::Per, "John Smith".to_string()),
            ]
        );
    }

    #[test]
    fn standoff_lines_are_read_by_type() {
        assert_eq!(
            parse_span_line("T1\tPER 0 10\tJohn Smith"),
            Some(GoldSpan {
                kind: EntityType::Per,
                start: 0,
                end: 10
            })
        );
        assert_eq!(
            parse_span_line("T2\tplace 5 9;12 20\tx").map(|g| (g.start, g.end)),
            Some((5, 20))
        );
        assert_eq!(parse_span_line("T3\tCue 5 9\tsaid"), None);
        assert_eq!(parse_span_line("E1\tAttribution:T4"), None);
    }
}
