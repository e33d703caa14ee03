//! How an article's attributions are kept in the index: one JSON array per article in
//! the stored-only `attributions` field, with character offsets but no texts (the
//! texts are the article's own title and body, stored beside it), so the quote step
//! adds little to the store.
//!
//! The stored shape is its own serde type, so a change to what `quotes` prints cannot
//! change the index format by accident (the schema version guards the format).

use serde::{Deserialize, Serialize};

use super::cues::{self, Stance};
use super::{Attribution, Cue, Place, Source, Span};
use crate::entity::EntityKind;

/// Why a stored attributions value cannot be read back: a damaged or foreign index.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("unreadable attributions: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown cue lemma `{0}` in the stored attributions")]
    Lemma(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum KeptField {
    #[serde(rename = "t")]
    Title,
    #[serde(rename = "b")]
    Body,
}

impl KeptField {
    fn of(name: &str) -> KeptField {
        if name == "title" {
            KeptField::Title
        } else {
            KeptField::Body
        }
    }

    fn name(self) -> &'static str {
        match self {
            KeptField::Title => "title",
            KeptField::Body => "body",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct KeptSpan {
    #[serde(rename = "f")]
    field: KeptField,
    #[serde(rename = "s")]
    start: usize,
    #[serde(rename = "e")]
    end: usize,
}

// Short keys throughout: a long article holds thousands of attributions.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeptSource {
    #[serde(flatten)]
    span: KeptSpan,
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    canonical: Option<String>,
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    kind: Option<EntityKind>,
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    affiliations: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeptCue {
    #[serde(flatten)]
    span: KeptSpan,
    #[serde(rename = "l")]
    lemma: String,
    #[serde(rename = "c")]
    stance: Stance,
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    negated: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kept {
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    source: Option<KeptSource>,
    #[serde(rename = "c")]
    cue: KeptCue,
    #[serde(rename = "t")]
    content: KeptSpan,
    #[serde(rename = "d", default, skip_serializing_if = "std::ops::Not::not")]
    direct: bool,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    topic: Option<KeptSpan>,
    #[serde(rename = "m", default, skip_serializing_if = "Vec::is_empty")]
    continued: Vec<KeptSpan>,
}

fn kept_span(span: &Span) -> KeptSpan {
    KeptSpan {
        field: KeptField::of(span.field),
        start: span.start,
        end: span.end,
    }
}

/// The stored value for `attributions` (an empty array when there are none).
pub fn encode(attributions: &[Attribution]) -> String {
    let kept: Vec<Kept> = attributions
        .iter()
        .map(|a| Kept {
            source: a.source.as_ref().map(|s| KeptSource {
                span: kept_span(&s.span),
                canonical: s.canonical.clone(),
                kind: s.kind,
                affiliations: s.affiliations.clone(),
            }),
            cue: KeptCue {
                span: kept_span(&a.cue.span),
                lemma: a.cue.lemma.to_string(),
                stance: a.cue.stance,
                negated: a.cue.negated,
            },
            content: kept_span(&a.content),
            direct: a.direct,
            topic: a.topic.as_ref().map(|t| KeptSpan {
                field: KeptField::of(t.field),
                start: t.start,
                end: t.end,
            }),
            continued: a.continued.iter().map(kept_span).collect(),
        })
        .collect();
    // Plain data with string keys: serialising cannot fail. No spare capacity: a long
    // article's value is megabytes, held until its document is written.
    let mut json = serde_json::to_string(&kept).unwrap_or_else(|_| "[]".to_string());
    json.shrink_to_fit();
    json
}

/// What the index keeps of an article's attributions, ready to add to its document:
/// built as soon as they are found, so a long article's thousands of attributions are
/// not held as structures until the document is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Indexed {
    /// The stored `attributions` value ([`encode`]).
    pub json: String,
    /// Each speaker's entity names, once (`speakers`).
    pub speakers: Vec<String>,
    /// Each stance class, once (`stances`); a negated cue's as `not-deny`.
    pub stances: Vec<String>,
    /// Each cue lemma, once (`cues`); a negated cue's as `not-condemn`.
    pub lemmas: Vec<String>,
}

/// The stored attributions `json` with each speaker's entity names passed through
/// `rename` (a name's kind, when known, and the name; `None` drops it, as a curation
/// rule drops a name): with the new stored value and the speakers' names, once each,
/// or `None` when no name changed (or the value cannot be read). Curation and the
/// archive-wide links rename entities in stored articles; without this,
/// `SAID(speaker:...)` and the speakers facet would still hold the old names
/// (`Salomon` after it became Salomon Brothers everywhere else).
pub fn renamed(
    json: &str,
    rename: impl Fn(Option<EntityKind>, &str) -> Option<(Option<EntityKind>, String)>,
) -> Option<(String, Vec<String>)> {
    let mut kept: Vec<Kept> = serde_json::from_str(json).ok()?;
    let mut changed = false;
    for source in kept.iter_mut().filter_map(|k| k.source.as_mut()) {
        if let Some(name) = source.canonical.take() {
            let renamed = rename(source.kind, &name);
            changed |= renamed
                .as_ref()
                .is_none_or(|(kind, to)| *to != name || *kind != source.kind);
            match renamed {
                Some((kind, to)) => {
                    source.canonical = Some(to);
                    source.kind = kind;
                }
                None => source.kind = None,
            }
        }
        let mut affiliations: Vec<String> = Vec::new();
        for name in std::mem::take(&mut source.affiliations) {
            match rename(None, &name) {
                Some((_, to)) => {
                    changed |= to != name;
                    if !affiliations.contains(&to) && source.canonical.as_ref() != Some(&to) {
                        affiliations.push(to);
                    }
                }
                None => changed = true,
            }
        }
        source.affiliations = affiliations;
    }
    if !changed {
        return None;
    }
    let mut speakers: Vec<String> = Vec::new();
    for source in kept.iter().filter_map(|k| k.source.as_ref()) {
        for name in source.canonical.iter().chain(&source.affiliations) {
            if !speakers.contains(name) {
                speakers.push(name.clone());
            }
        }
    }
    let json = serde_json::to_string(&kept).ok()?;
    Some((json, speakers))
}

/// The index's form of `attributions`; `None` when there are none.
pub fn indexed(attributions: &[Attribution]) -> Option<Indexed> {
    if attributions.is_empty() {
        return None;
    }
    let mut out = Indexed {
        json: encode(attributions),
        speakers: Vec::new(),
        stances: Vec::new(),
        lemmas: Vec::new(),
    };
    for a in attributions {
        for name in a.speaker_names() {
            if !out.speakers.iter().any(|s| s == name) {
                out.speakers.push(name.to_string());
            }
        }
        let stance = a.cue.stance_name();
        if !out.stances.contains(&stance) {
            out.stances.push(stance);
        }
        let lemma = a.cue.lemma_name();
        if !out.lemmas.contains(&lemma) {
            out.lemmas.push(lemma);
        }
    }
    Some(out)
}

/// The attributions of a stored article again, texts cut from its `title` and `body`.
pub fn decode(json: &str, title: &str, body: &str) -> Result<Vec<Attribution>, DecodeError> {
    let kept: Vec<Kept> = serde_json::from_str(json)?;
    let texts = Texts::new(title, body);
    kept.into_iter()
        .map(|k| {
            let lemma = static_lemma(&k.cue.lemma).ok_or(DecodeError::Lemma(k.cue.lemma))?;
            Ok(Attribution {
                source: k.source.map(|s| Source {
                    span: texts.span(s.span),
                    canonical: s.canonical,
                    kind: s.kind,
                    affiliations: s.affiliations,
                }),
                cue: Cue {
                    span: texts.span(k.cue.span),
                    lemma,
                    stance: k.cue.stance,
                    negated: k.cue.negated,
                },
                content: texts.span(k.content),
                direct: k.direct,
                topic: k.topic.map(|t| Place {
                    field: t.field.name(),
                    start: t.start,
                    end: t.end,
                }),
                continued: k.continued.into_iter().map(|c| texts.span(c)).collect(),
            })
        })
        .collect()
}

/// The lemma as the cue tables spell it (they hand out `&'static str`).
fn static_lemma(lemma: &str) -> Option<&'static str> {
    if lemma == "according to" {
        return Some("according to");
    }
    cues::lemma_named(lemma)
}

/// An article's two texts, cut by character offsets.
struct Texts<'a> {
    title: CharText<'a>,
    body: CharText<'a>,
}

impl<'a> Texts<'a> {
    fn new(title: &'a str, body: &'a str) -> Texts<'a> {
        Texts {
            title: CharText::new(title),
            body: CharText::new(body),
        }
    }

    fn span(&self, kept: KeptSpan) -> Span {
        let text = match kept.field {
            KeptField::Title => &self.title,
            KeptField::Body => &self.body,
        };
        Span {
            field: kept.field.name(),
            start: kept.start,
            end: kept.end,
            text: text.slice(kept.start, kept.end).to_string(),
        }
    }
}

/// A text that can be cut at character offsets: ASCII directly, else through the
/// byte offset of every character.
pub struct CharText<'a> {
    text: &'a str,
    starts: Option<Vec<usize>>,
}

impl<'a> CharText<'a> {
    /// Indexes `text` for cutting (nothing to do for ASCII).
    pub fn new(text: &'a str) -> CharText<'a> {
        let starts = (!text.is_ascii()).then(|| text.char_indices().map(|(b, _)| b).collect());
        CharText { text, starts }
    }

    /// Characters `start..end`; out-of-range offsets are clamped (never a panic).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let byte = |c: usize| match &self.starts {
            None => c.min(self.text.len()),
            Some(starts) => starts.get(c).copied().unwrap_or(self.text.len()),
        };
        let (s, e) = (byte(start), byte(end.max(start)));
        self.text.get(s..e).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_survive_the_store_with_their_texts() {
        let title = "Iran denies ties";
        let body = "“We never did,” the spokesman said. “We never will.” Iran has denied all such charges. The ministry did not deny the report.";
        let found = super::super::find(title, body, &[]);
        assert!(found.len() >= 2, "{found:?}");
        assert!(found.iter().any(|a| a.cue.negated), "{found:?}");
        assert_eq!(
            found[1].continued.len(),
            1,
            "the quote after `said`: {found:?}"
        );
        let json = encode(&found);
        assert!(!json.contains("spokesman"), "texts are not stored: {json}");
        let back = decode(&json, title, body).expect("decodes");
        assert_eq!(back, found);
    }

    #[test]
    fn speakers_names_are_renamed_and_dropped_as_curation_says() {
        let json = r#"[{"s":{"f":"b","s":0,"e":7,"n":"Salomon","k":"org"},"c":{"f":"b","s":8,"e":12,"l":"say","c":"say"},"t":{"f":"b","s":13,"e":20}},{"s":{"f":"b","s":30,"e":40,"n":"Baker","k":"person","a":["Salomon","Treasury"]},"c":{"f":"b","s":41,"e":45,"l":"say","c":"say"},"t":{"f":"b","s":46,"e":50}}]"#;
        let rename = |kind: Option<EntityKind>, name: &str| match (kind, name) {
            (Some(EntityKind::Person), "Baker") => None,
            (_, "Salomon") => Some((kind, "Salomon Brothers".to_string())),
            _ => Some((kind, name.to_string())),
        };
        let (json, speakers) = renamed(json, rename).expect("names changed");
        assert_eq!(speakers, ["Salomon Brothers", "Treasury"]);
        let back = decode(&json, "", &"x".repeat(60)).expect("decodes");
        let source = |i: usize| back[i].source.as_ref().expect("a source");
        assert_eq!(source(0).canonical.as_deref(), Some("Salomon Brothers"));
        assert_eq!(source(0).kind, Some(EntityKind::Org));
        // A dropped name leaves the speaker unnamed, with its affiliations renamed.
        assert_eq!((source(1).canonical.as_ref(), source(1).kind), (None, None));
        assert_eq!(source(1).affiliations, ["Salomon Brothers", "Treasury"]);
        // Nothing to rename: nothing to rewrite.
        assert!(renamed(&json, |kind, name| Some((kind, name.to_string()))).is_none());
    }

    #[test]
    fn a_damaged_value_is_an_error_not_a_panic() {
        assert!(decode("[{", "", "").is_err());
        let unknown =
            r#"[{"c":{"f":"b","s":0,"e":1,"l":"zzz","c":"say"},"t":{"f":"b","s":0,"e":1}}]"#;
        assert!(matches!(
            decode(unknown, "", "x"),
            Err(DecodeError::Lemma(_))
        ));
        let far =
            r#"[{"c":{"f":"b","s":50,"e":90,"l":"say","c":"say"},"t":{"f":"t","s":3,"e":1}}]"#;
        let back = decode(far, "ab", "é").expect("clamped");
        assert_eq!(back[0].cue.span.text, "");
    }
}
