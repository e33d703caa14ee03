//! Who said what: attributions found in an article's text, each with its source (the
//! speaker), its cue (the speech or stance words, with a lemma and a stance class), its
//! content, whether the content is a direct quote, and, when the content only points
//! back ("Iran denied the charges"), the sentence it points to.
//!
//! Pure rules over the tokens, sentences and entity mentions dateline already has; no
//! model. The patterns are the ones news writing lives on:
//!
//! - source first: `Pompeo on Tuesday accused Iran of ...`, `He told reporters that ...`;
//! - content first: `"We will respond," the spokesman said.`, `..., said Saeed
//!   Khatibzadeh.`, with quotes running over several sentences;
//! - `according to`: `According to officials, ...`, `..., according to the ministry.`
//!
//! Scored on PolNeAR by `quotes-eval` (see README).

pub mod cues;
mod finder;
mod firms;
mod gender;
mod roles;
pub mod stored;
mod words;

/// The rules' own source, part of the extraction fingerprint: any change to them
/// (a pattern, a cue word) makes the next `index` re-read every file instead of
/// keeping the old rules' attributions, with no version number to forget to bump.
/// Every file of rules is listed, and the word lists they embed (the tests are not:
/// they change no output).
pub const RULES_SOURCE: [&str; 16] = [
    include_str!("mod.rs"),
    include_str!("gender.rs"),
    gender::FIRST_NAMES_TSV,
    include_str!("cues.rs"),
    include_str!("firms.rs"),
    include_str!("roles.rs"),
    include_str!("words.rs"),
    include_str!("finder/mod.rs"),
    include_str!("finder/content.rs"),
    include_str!("finder/cue.rs"),
    include_str!("finder/patterns.rs"),
    include_str!("finder/pronouns.rs"),
    include_str!("finder/quotes.rs"),
    include_str!("finder/source.rs"),
    include_str!("finder/speaker.rs"),
    include_str!("finder/subject.rs"),
];

use crate::entity::EntityKind;
use crate::extract::entities::Mention;
use cues::Stance;
use finder::Finder;
use roles::resolve_pronoun_speakers;
use serde::Serialize;

use firms::{resolve_organisation_speakers, Fields};

/// A span of one field, in characters (as `extract`'s mentions are).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Where an anaphoric content points: a span without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
}

impl Place {
    /// Where a span stands, without its text: enough to compare positions.
    fn of(span: &Span) -> Place {
        Place {
            field: span.field,
            start: span.start,
            end: span.end,
        }
    }

    /// Whether the characters `start..end` of `field` lie within this place.
    fn holds(&self, field: &str, start: usize, end: usize) -> bool {
        self.field == field && self.start <= start && end <= self.end
    }

    /// Whether this place starts at or after character `offset` of `field`, reading
    /// the title before the body.
    fn at_or_after(&self, field: &str, offset: usize) -> bool {
        let order = |field: &str| field == "body";
        (order(self.field), self.start) >= (order(field), offset)
    }
}

/// The speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    #[serde(flatten)]
    pub span: Span,
    /// The entity the speaker is, when the words name one or a pronoun points to one.
    pub canonical: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<EntityKind>,
    /// Other entities the speaker's words tie it to (`Iranian foreign ministry
    /// spokesman Saeed Khatibzadeh` → Iran): a search for Iran's statements finds its
    /// spokesman's.
    pub affiliations: Vec<String>,
}

/// The speech or stance words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    #[serde(flatten)]
    pub span: Span,
    pub lemma: &'static str,
    pub stance: Stance,
    /// The cue is negated (`did not deny`, `has never accused`, `could not confirm`):
    /// its class says which act was not done, so `stance:deny` must not find it (a
    /// spokesman who did not deny a report half confirms it); `stance:not-deny` does.
    /// In JSON only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

/// What a negated cue's class or lemma is called in the index and in queries:
/// `not-deny`.
pub const NEGATED_PREFIX: &str = "not-";

/// What a `stance:` value asks of a cue: a class (`stance:deny`) or a cue's lemma
/// (`stance:denied`, `stance:condemn`). They differ where a cue's class is not its
/// lemma's: a court that `denied the motion` rejects it, so `stance:deny` (and the
/// stances facet) leaves it out and `stance:denied` finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceAsked {
    /// The class or lemma, without `not-`.
    pub name: String,
    /// A class, looked up in the `stances` field; else a lemma, in `cues`.
    pub class: bool,
    pub negated: bool,
}

impl StanceAsked {
    /// The value of a `stance:` node as [`crate::query::passes::resolve_stances`]
    /// left it: `text` is a class or lemma name (`deny`, `not-deny`), `written` what
    /// the user typed when that differs (`denied`, `Deny`). A class name typed as
    /// such asks for the class; anything else (a verb form) for the lemma.
    pub fn of(text: &str, written: Option<&str>) -> StanceAsked {
        let (negated, name) = match text.strip_prefix(NEGATED_PREFIX) {
            Some(bare) => (true, bare),
            None => (false, text),
        };
        let typed_as_class = written.is_none_or(|w| {
            let w = w.to_lowercase();
            cues::Stance::parse(w.strip_prefix(NEGATED_PREFIX).unwrap_or(&w)).is_some()
        });
        StanceAsked {
            name: name.to_string(),
            class: typed_as_class && cues::Stance::parse(name).is_some(),
            negated,
        }
    }

    /// The index term: `deny`, `not-deny` (in `stances` for a class, `cues` for a
    /// lemma).
    pub fn term(&self) -> String {
        negated_name(self.negated, &self.name)
    }
}

impl Cue {
    /// The class as the index and `stance:` name it: `deny`, or `not-deny` when
    /// negated.
    pub fn stance_name(&self) -> String {
        self.negated_name(self.stance.as_str())
    }

    /// The lemma as the index and `stance:` name it: `condemn`, or `not-condemn`.
    pub fn lemma_name(&self) -> String {
        self.negated_name(self.lemma)
    }

    /// Whether a `stance:` value asks for this cue: its class or its lemma, as the
    /// value says, negated exactly when the value says `not-`. SAID checks every
    /// candidate's attributions with it, so it builds no strings.
    pub fn is_asked_by(&self, asked: &StanceAsked) -> bool {
        let named = if asked.class {
            asked.name == self.stance.as_str()
        } else {
            asked.name == self.lemma
        };
        asked.negated == self.negated && named
    }

    fn negated_name(&self, name: &str) -> String {
        negated_name(self.negated, name)
    }
}

/// `name`, or `not-name` when `negated`: how the index and queries spell a class or
/// lemma.
fn negated_name(negated: bool, name: &str) -> String {
    if negated {
        format!("{NEGATED_PREFIX}{name}")
    } else {
        name.to_string()
    }
}

/// One attribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub source: Option<Source>,
    pub cue: Cue,
    pub content: Span,
    /// The content is quoted word for word.
    pub direct: bool,
    /// The sentence an anaphoric content (`all such charges`, `it`) refers back to.
    pub topic: Option<Place>,
    /// The later parts of a direct quote broken by its cue: in `"A," she said. "B."`
    /// B is hers too, and a search for her words must find it. In text order, each
    /// without its quote marks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continued: Vec<Span>,
}

/// Every attribution in the title and body, in text order; `mentions` are the
/// article's entity mentions (from `extract`), used to name the speakers.
pub fn find(title: &str, body: &str, mentions: &[Mention]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (field, text) in [("title", title), ("body", body)] {
        let field_mentions: Vec<&Mention> = mentions.iter().filter(|m| m.field == field).collect();
        let untitled_body = field == "body" && title.trim().is_empty();
        Finder::new(field, text, &field_mentions)
            .opening_with_headline(untitled_body)
            .run(&mut out);
    }
    resolve_organisation_speakers(&mut out, &Fields { title, body }, mentions);
    resolve_pronoun_speakers(&mut out);
    out
}

/// [`find`] for an article of any length, as indexing runs it: a body longer than one
/// extraction window ([`crate::extract::tokenize::WINDOW_BYTES`]) is read window by
/// window and without `mentions` (indexing does not keep a long body's mentions), so its
/// speakers keep their words but get no entity names.
pub fn find_in_article(title: &str, body: &str, mentions: &[Mention]) -> Vec<Attribution> {
    use crate::extract::tokenize::{windows, WINDOW_BYTES};
    if body.len() <= WINDOW_BYTES {
        return find(title, body, mentions);
    }
    let mut out = find(title, "", &[]);
    let mut chars_before = 0;
    for window in windows(body, WINDOW_BYTES) {
        let mut found = Vec::new();
        Finder::new("body", window, &[]).run(&mut found);
        for a in &mut found {
            a.shift(chars_before);
        }
        out.extend(found);
        chars_before += window.chars().count();
    }
    resolve_organisation_speakers(&mut out, &Fields { title, body }, &[]);
    resolve_pronoun_speakers(&mut out);
    out
}

impl Attribution {
    /// Moves the body spans `by` characters on (a window's attributions into the
    /// whole body's offsets).
    fn shift(&mut self, by: usize) {
        let spans = [Some(&mut self.cue.span), Some(&mut self.content)]
            .into_iter()
            .chain([self.source.as_mut().map(|s| &mut s.span)])
            .flatten()
            .chain(self.continued.iter_mut());
        for span in spans.filter(|s| s.field == "body") {
            span.start += by;
            span.end += by;
        }
        if let Some(topic) = self.topic.as_mut().filter(|t| t.field == "body") {
            topic.start += by;
            topic.end += by;
        }
    }

    /// The content's words with those of its continued quote parts, joined by `gap`.
    pub fn content_text(&self, gap: &str) -> String {
        let mut text = self.content.text.clone();
        for part in &self.continued {
            text.push_str(gap);
            text.push_str(&part.text);
        }
        text
    }

    /// The entity names the speaker goes by in searches and facets: the entity it is
    /// and the ones its words tie it to (`Iranian foreign ministry spokesman` → Iran).
    pub fn speaker_names(&self) -> Vec<&str> {
        let Some(source) = &self.source else {
            return Vec::new();
        };
        let mut names: Vec<&str> = source.canonical.iter().map(String::as_str).collect();
        for a in &source.affiliations {
            if !names.contains(&a.as_str()) {
                names.push(a);
            }
        }
        names
    }
}

/// Longest content shown in a one-line attribution, in characters.
const CONTENT_CHARS: usize = 160;
/// Longest topic excerpt shown in a one-line attribution, in characters.
const TOPIC_CHARS: usize = 80;

/// An attribution on one line, and the byte ranges of its speaker and cue in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

impl Attribution {
    /// `Iran — has denied (deny) — all such charges (about: ...)`: what `quotes` prints
    /// and what a `SAID(...)` hit shows as its snippet. `title` and `body` are the
    /// article's, for the topic's words.
    pub fn one_line(&self, title: &str, body: &str) -> Line {
        let speaker = match &self.source {
            Some(s) => match &s.canonical {
                Some(c) if *c != s.span.text => format!("{} ({c})", s.span.text),
                _ => s.span.text.clone(),
            },
            None => "(unattributed)".to_string(),
        };
        let content = shortened(&self.content_text(" … "), CONTENT_CHARS);
        let content = if self.direct {
            format!("\"{content}\"")
        } else {
            content
        };
        let mut text = speaker.clone();
        let mut highlights = Vec::new();
        if self.source.is_some() {
            highlights.push([0, self.source.as_ref().map_or(0, |s| s.span.text.len())]);
        }
        text.push_str(" — ");
        let cue_start = text.len();
        text.push_str(&self.cue.span.text);
        highlights.push([cue_start, text.len()]);
        let stance = self.cue.stance.as_str();
        let stance = if self.cue.negated {
            format!("not {stance}")
        } else {
            stance.to_string()
        };
        text.push_str(&format!(" ({stance}) — {content}"));
        if let Some(topic) = &self.topic {
            let source = if topic.field == "title" { title } else { body };
            let about = stored::CharText::new(source).slice(topic.start, topic.end);
            text.push_str(&format!(" (about: {})", shortened(about, TOPIC_CHARS)));
        }
        Line { text, highlights }
    }
}

/// `text` on one line, cut at `max` characters with an ellipsis.
fn shortened(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests;
