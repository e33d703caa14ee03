//! The attributions of one field: [`Finder`] walks the field's tokens and sentences,
//! tries each cue word's patterns, and then mends what a sentence-by-sentence reading
//! gets wrong (quotes that run on, pronoun speakers, gerunds).

use crate::attribution::cues::cue_word;
use crate::attribution::cues::CueWord;
use crate::attribution::finder::source::speech_continued;
use crate::attribution::firms::EVIDENCE_LEMMAS;
use crate::attribution::words::{is_time_word, names_people, DETERMINERS, PRONOUNS};
use crate::attribution::{Attribution, Source, Span};
use crate::extract::entities::Mention;
use crate::extract::tokenize::{sentences, tokenize, Token};
use std::borrow::Cow;
use std::collections::HashMap;

mod content;
mod cue;
mod patterns;
mod pronouns;
mod quotes;
pub(super) mod source;
mod speaker;
mod subject;

/// Byte offsets to character offsets for one text.
struct Chars {
    /// Character offset of every byte, or none for ASCII text (offsets equal).
    table: Option<Vec<u32>>,
}

impl Chars {
    fn of(text: &str) -> Chars {
        if text.is_ascii() {
            return Chars { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        let mut bytes = text.char_indices().peekable();
        for (i, slot) in table.iter_mut().enumerate() {
            while bytes.peek().is_some_and(|(b, _)| *b < i) {
                bytes.next();
                count += 1;
            }
            *slot = count;
        }
        Chars { table: Some(table) }
    }

    fn at(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t.get(byte).copied().unwrap_or(0) as usize,
        }
    }
}

fn is_open_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "‘" | "``" | "''")
}

/// Words that join a second clause, which may have a speaker of its own (`, and the
/// chancellor told reporters`).
const COORDINATORS: &[&str] = &["and", "but", "while", "whereas"];

/// Words that, with time words, say when or how a coordinated clause follows
/// (`, and last week the ministry said`, `, and as a result the company said`).
const WHEN_WORDS: &[&str] = &[
    "last",
    "this",
    "next",
    "later",
    "early",
    "late",
    "also",
    "then",
    "now",
    "meanwhile",
    "separately",
    "as",
    "a",
    "result",
    "in",
    "addition",
];

/// Words that open a clause of time or concession, which may stand between a
/// coordinator and the next attribution's speaker (`, and before he left for Africa
/// the chancellor told reporters`).
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "once", "since", "although", "though", "until", "while",
];

/// A quote mark that opens and closes alike (`"`, and `''` as some papers print it).
fn is_straight_quote(t: &str) -> bool {
    matches!(t, "\"" | "''")
}

fn is_close_quote(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "''")
}

fn is_quote(t: &str) -> bool {
    is_open_quote(t) || is_close_quote(t)
}

/// Double quote marks (`“ ” " `` ''`) and single ones (`‘ ’`) pair only with their own
/// kind: a `‘quote within a quote’` or a plural possessive's `’` inside `“...”` must
/// not end the outer quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteKind {
    Double,
    Single,
}

fn quote_kind(t: &str) -> Option<QuoteKind> {
    match t {
        "\"" | "“" | "”" | "``" | "''" => Some(QuoteKind::Double),
        "‘" | "’" => Some(QuoteKind::Single),
        _ => None,
    }
}

/// The tokens of `text`, with a doubled apostrophe or backtick (`''`, ```` `` ````), as
/// some papers and plain-text archives print quotation marks, made one quote token: the
/// tokenizer splits punctuation char by char, which suits the tagger but would read
/// `''We` as two apostrophes.
fn tokens_with_doubled_quotes(text: &str) -> Vec<Token<'_>> {
    let mut tokens = tokenize(text);
    let mut merged: Vec<Token<'_>> = Vec::with_capacity(tokens.len());
    for mut token in tokens.drain(..) {
        // The tokenizer keeps a backtick on its word (```` ``It ````).
        if token.text.len() > 2 && token.text.starts_with("``") {
            merged.push(Token {
                text: &token.text[..2],
                end: token.start + 2,
                ..token
            });
            token = Token {
                text: &token.text[2..],
                start: token.start + 2,
                paragraph_start: false,
                ..token
            };
        }
        if let Some(last) = merged.last_mut() {
            let doubled = last.end == token.start
                && last.text.len() == 1
                && token.text == last.text
                && matches!(token.text, "'" | "`");
            if doubled {
                if let Some(both) = text.get(last.start..token.end) {
                    last.text = both;
                    last.end = token.end;
                    continue;
                }
            }
        }
        if let Some(last) = merged.last_mut() {
            // Three apostrophes after a word close a quote within the quote and then
            // the quote (`a special case,'''`): the single one comes first, and the
            // doubled pair that ends the quote is the last two. Read as `''` + `'`,
            // the quote ran on into the next one.
            let closes_both = last.text == "''"
                && token.text == "'"
                && last.end == token.start
                && text
                    .get(..last.start)
                    .and_then(|before| before.chars().next_back())
                    .is_some_and(|c| !c.is_whitespace());
            if closes_both {
                if let (Some(single), Some(double)) = (
                    text.get(last.start..last.start + 1),
                    text.get(last.start + 1..token.end),
                ) {
                    let double_start = last.start + 1;
                    last.text = single;
                    last.end = double_start;
                    merged.push(Token {
                        text: double,
                        start: double_start,
                        paragraph_start: false,
                        ..token
                    });
                    continue;
                }
            }
        }
        merged.push(token);
    }
    merged
}

fn capitalized(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

fn is_punct(t: &str) -> bool {
    !t.chars().any(char::is_alphanumeric)
}

/// A dash between words (`-` spaced, `--`, `—`, `–`): it ends a dateline, a
/// speaker's phrase or what was said.
fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "—" | "–")
}

/// `word` as `str::to_lowercase` gives it, borrowed when that changes nothing: an
/// ASCII word without capitals (other scripts take the full rules).
fn lowercased(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The attributions of one field.
pub(super) struct Finder<'a> {
    field: &'static str,
    text: &'a str,
    tokens: Vec<Token<'a>>,
    sentences: Vec<std::ops::Range<usize>>,
    /// Each token lowercased: borrowed from the text when it has no capital (most
    /// words), so the finder allocates only for capitalized tokens.
    lower: Vec<Cow<'a, str>>,
    chars: Chars,
    mentions: &'a [&'a Mention],
    /// How many paragraphs each `LABEL:` opens (up to four words before the colon),
    /// counted on first need: a transcript's turns.
    turn_labels: std::cell::OnceCell<HashMap<String, usize>>,
    /// Whether the field's first paragraph is a headline: a title's is, and so is a
    /// body's when the article has no title (a text whose first line is its headline,
    /// as PolNeAR's are); a titled article's body opens with its lead.
    headline_first: bool,
}

impl<'a> Finder<'a> {
    pub(super) fn new(
        field: &'static str,
        text: &'a str,
        mentions: &'a [&'a Mention],
    ) -> Finder<'a> {
        let tokens = tokens_with_doubled_quotes(text);
        let sentences = sentences(&tokens);
        let lower = tokens.iter().map(|t| lowercased(t.text)).collect();
        Finder {
            field,
            text,
            tokens,
            sentences,
            lower,
            chars: Chars::of(text),
            mentions,
            turn_labels: std::cell::OnceCell::new(),
            headline_first: field == "title",
        }
    }

    /// The finder, with its first paragraph read as a headline when `headline` (a body
    /// whose article has no title; see `headline_first`).
    pub(super) fn opening_with_headline(mut self, headline: bool) -> Self {
        self.headline_first |= headline;
        self
    }

    pub(super) fn run(&self, out: &mut Vec<Attribution>) {
        let first = out.len();
        // The token after each attribution's words.
        let mut ends = Vec::new();
        let quoted = self.quoted_tokens();
        for (s, range) in self.sentences.iter().enumerate() {
            let mut i = range.start;
            while i < range.end {
                match self
                    .attribution_at(s, i)
                    .filter(|(a, _)| speech_continued(a))
                {
                    // `"He told me he would go," she said`: who told is her account,
                    // part of her words, not a statement the article reports. Its
                    // words may run on past the quote (`"I think by the end she will
                    // win," Fallon said` read as the end thinking): the search goes on
                    // where the quote closes, so the speaker after it is still found.
                    Some((_, next)) if quoted[i] => {
                        let quote_end = (i..range.end).find(|&j| !quoted[j]).unwrap_or(range.end);
                        i = next.min(quote_end).max(i + 1);
                    }
                    Some((found, next)) => {
                        out.push(found);
                        ends.push(next.max(i + 1));
                        i = next.max(i + 1);
                    }
                    None => i += 1,
                }
            }
        }
        self.bare_passives_name_no_speaker(&mut out[first..]);
        self.continue_quotes(&mut out[first..], &ends);
        self.end_contents_at_inverted_speakers(&mut out[first..]);
        self.end_contents_at_coordinated_speakers(&mut out[first..]);
        self.gerunds_keep_their_sentences_speaker(&mut out[first..]);
        self.resolve_pronoun_sources(&mut out[first..], &quoted);
    }

    /// `Sales are expected to fall in 2005, Fiat said this week, as it exits ...` and
    /// `Privately ministers believe this will be the option, our correspondent added`:
    /// a content running on from its cue ends where another attribution's speaker and
    /// cue follow the words they report (`, Fiat said`), since those words are that
    /// speaker's account and the tail is not part of what the first one said.
    fn end_contents_at_inverted_speakers(&self, found: &mut [Attribution]) {
        // Each inverted attribution: its content's start and end, and where its
        // speaker-and-cue tail starts.
        let tails: Vec<(usize, usize, usize)> = found
            .iter()
            .filter_map(|b| {
                let tail = b
                    .source
                    .as_ref()
                    .map_or(b.cue.span.start, |s| s.span.start.min(b.cue.span.start));
                let between = self.tokens_between(b.content.end, tail);
                let separated = between.clone().all(|j| is_punct(&self.lower[j]))
                    && between
                        .clone()
                        .any(|j| self.lower[j] == "," || is_close_quote(self.tokens[j].text));
                (b.content.end <= tail && separated).then_some((
                    b.content.start,
                    b.content.end,
                    tail,
                ))
            })
            .collect();
        for a in found.iter_mut() {
            let (start, end) = (a.content.start, a.content.end);
            let cut = tails
                .iter()
                .filter(|&&(from, to, tail)| {
                    from <= start && to > start && tail > start && tail < end
                })
                .map(|&(_, _, tail)| tail)
                .min();
            let (Some(cut), Some(from)) = (cut, self.token_starting_at(start)) else {
                continue;
            };
            let Some(to) = self.token_starting_at(cut) else {
                continue;
            };
            self.end_content(a, from, to);
        }
    }

    /// `Mr Blair denied Mr Brown made that quote, and before he left for Africa the
    /// chancellor told reporters: "..."`, `he had met his golden rule and he said
    /// borrowing would fall`: a content running on past a coordinator into another
    /// attribution's speaker and cue ends before the coordinator, since the clause
    /// after it is the article's report of another statement. Only after a comma
    /// (`, and`, `, but`, `, while`) or before a pronoun speaker (`and he said`):
    /// `Brown and Prescott agreed` is one subject.
    fn end_contents_at_coordinated_speakers(&self, found: &mut [Attribution]) {
        // Where each coordinated clause starts (its comma or coordinator), in
        // characters.
        let clauses: Vec<usize> = found
            .iter()
            .filter_map(|b| {
                let source = b.source.as_ref()?;
                if source.span.start >= b.cue.span.start {
                    return None;
                }
                let first = self.token_starting_at(source.span.start)?;
                if !self.starts_like_a_speaker(first, &source.span) {
                    return None;
                }
                let adjacent = first
                    .checked_sub(1)
                    .filter(|&k| COORDINATORS.contains(&self.lower[k].as_ref()));
                let start = match adjacent {
                    Some(coordinator) => {
                        let comma = coordinator.checked_sub(1).filter(|&j| self.lower[j] == ",");
                        let pronoun = PRONOUNS.contains(&self.lower[first].as_ref())
                            && self.tokens[first].end
                                == self.tokens[first].start + source.span.text.len();
                        comma.or(pronoun.then_some(coordinator))?
                    }
                    // `, and before he left for Africa the chancellor told`: a clause
                    // of its own may stand between the coordinator and the speaker.
                    None => self.comma_coordinator_before(first)?,
                };
                Some(self.chars.at(self.tokens[start].start))
            })
            .collect();
        for a in found.iter_mut() {
            // `The poll showed 58 pct doubted it, and 70 pct rejected ...`: what
            // evidence shows may be several people's views.
            if EVIDENCE_LEMMAS.contains(&a.cue.lemma) {
                continue;
            }
            let (start, end) = (a.content.start, a.content.end);
            let Some(cut) = clauses
                .iter()
                .copied()
                .filter(|&c| c > start && c < end)
                .min()
            else {
                continue;
            };
            let (Some(from), Some(to)) =
                (self.token_starting_at(start), self.token_starting_at(cut))
            else {
                continue;
            };
            self.end_content(a, from, to);
        }
    }

    /// `Mr Haji-Ioannou, who plans ..., vowed to fight back, saying: "..."`, `"...,"
    /// he said, insisting ...`: a `, saying` with no speaker of its own continues the
    /// speaker of the sentence's attribution before it, however that one was found
    /// (an appositive, an inversion). Not after `according to`, whose source reports
    /// the sentence rather than speaking in it. With none before it, an aside
    /// (`Baker, defending the strategy, said`) has the speaker of the verb after it.
    fn gerunds_keep_their_sentences_speaker(&self, found: &mut [Attribution]) {
        for k in 0..found.len() {
            if found[k].source.is_some() {
                continue;
            }
            let cue_start = found[k].cue.span.start;
            let Some(cue) = self.token_starting_at(cue_start) else {
                continue;
            };
            if cue == 0 || self.lower[cue - 1] != "," || !self.lower[cue].ends_with("ing") {
                continue;
            }
            let s = self.sentences.partition_point(|r| r.end <= cue);
            let Some(sentence_start) = self.sentences.get(s).map(|r| self.tokens[r.start].start)
            else {
                continue;
            };
            let sentence_start = self.chars.at(sentence_start);
            let before = found[..k]
                .iter()
                .rev()
                .take_while(|b| b.cue.span.start >= sentence_start)
                .find(|b| b.cue.span.end <= cue_start && b.source.is_some());
            if let Some(before) = before.filter(|b| b.cue.lemma != "according to") {
                found[k].source = before.source.clone();
                continue;
            }
            // An aside (`..., responding to a warning, said`) is spoken by the speaker of
            // the verb its words end before.
            let content_end = found[k].content.end;
            let main = found[k + 1..].iter().find(|b| {
                b.cue.span.start >= content_end
                    && self
                        .tokens_between(content_end, b.cue.span.start)
                        .all(|j| is_punct(&self.lower[j]) || self.verb_modifier(j))
            });
            let Some(mut source) = main.and_then(|m| m.source.clone()) else {
                continue;
            };
            // Its span, which takes in the aside as an appositive, ends before it.
            if source.span.end > cue_start {
                let from = self.token_starting_at(source.span.start);
                match from.and_then(|from| self.span(from, cue - 1)) {
                    Some(span) => source.span = span,
                    None => continue,
                }
            }
            found[k].source = Some(source);
        }
    }

    /// Whether a finite cue verb (`said`, `today told`, `has denied`) starts at token
    /// `j`, past auxiliaries, adverbs and words saying when: the main verb an aside
    /// ends at.
    fn finite_cue_after(&self, mut j: usize) -> bool {
        while j < self.lower.len() && (self.verb_modifier(j) || is_time_word(&self.lower[j])) {
            j += 1;
        }
        j < self.lower.len()
            && !capitalized(self.tokens[j].text)
            && !self.lower[j].ends_with("ing")
            && cue_word(&self.lower[j]).is_some()
    }

    /// The tokens starting at or after character `from` and before character `to`.
    fn tokens_between(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let first = |c: usize| self.tokens.partition_point(|t| self.chars.at(t.start) < c);
        first(from)..first(to).max(first(from))
    }

    /// Whether token `first`, which opens the speaker `speaker`, can open one: a name,
    /// a noun phrase, a count or a pronoun does (`and he`, `, but committee sources`,
    /// `, and many analysts`, `and 70 pct`, `, and market sources here`, `, and one
    /// broker in London`), a verb does not (`and accept issue requests`).
    fn starts_like_a_speaker(&self, first: usize, speaker: &Span) -> bool {
        const QUANTIFIERS: &[&str] = &["many", "most", "several", "few", "both", "all", "one"];
        let lower = self.lower[first].as_ref();
        self.tokens[first]
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || DETERMINERS.contains(&lower)
            || PRONOUNS.contains(&lower)
            || QUANTIFIERS.contains(&lower)
            || lower.ends_with('s')
            || self
                .tokens_between(speaker.start, speaker.end)
                .any(|j| names_people(&self.lower[j]))
    }

    /// The comma of the nearest `, and` / `, but` / `, while` at most 12 tokens
    /// before token `first`, in its sentence, with no other comma between, and no
    /// `that` or `whether` (`, and that the rebels refused` is still reported).
    /// What stands between must open a clause of time or concession (`, and before
    /// he left ...`) or only say when (`, but earlier today Tokyo dealers said`, `,
    /// and as a result Nostalgia Network said`): otherwise it is more of the content
    /// (`attacked, seized, and sank an Iranian ship they said ...`, `, and in line
    /// with ... agreed rules`).
    fn comma_coordinator_before(&self, first: usize) -> Option<usize> {
        let s = self.sentences.partition_point(|r| r.end <= first);
        let sentence_start = self.sentences.get(s)?.start;
        let comma = (sentence_start + 1..first)
            .rev()
            .take(12)
            .take_while(|&j| {
                self.lower[j] != ","
                    || self
                        .lower
                        .get(j + 1)
                        .is_some_and(|w| COORDINATORS.contains(&w.as_ref()))
            })
            .find(|&j| {
                self.lower[j] == "," && COORDINATORS.contains(&self.lower[j + 1].as_ref())
            })?;
        let between = comma + 2..first;
        if between.is_empty() {
            return None;
        }
        let opens_a_clause = SUBORDINATORS.contains(&self.lower[between.start].as_ref());
        let says_when = between.clone().all(|j| {
            let word = self.lower[j].as_ref();
            let word = word.strip_suffix("'s").unwrap_or(word);
            is_time_word(word) || WHEN_WORDS.contains(&word) || DETERMINERS.contains(&word)
        });
        let reported = between
            .clone()
            .any(|j| matches!(self.lower[j].as_ref(), "that" | "whether"));
        ((opens_a_clause || says_when) && !reported).then_some(comma)
    }

    /// Makes `a`'s content the tokens `from..to`, trimmed as every content is, with
    /// a quote mark that closes a quote inside it kept: both content cuts end here.
    fn end_content(&self, a: &mut Attribution, from: usize, to: usize) {
        if let Some((from, to, direct)) = self.trimmed(from, to) {
            let to = self.keeping_closing_quote(from, to);
            if let Some(content) = self.span(from, to) {
                a.content = content;
                a.direct = a.direct && direct;
            }
        }
    }

    /// `there's a "long road ahead"`, cut before `but he feels ...`: a content cut
    /// right after a quoted phrase keeps the mark that closes it (trimming takes
    /// trailing punctuation, quote marks too), so the text shown is balanced.
    fn keeping_closing_quote(&self, from: usize, to: usize) -> usize {
        let Some(next) = self.tokens.get(to).map(|t| t.text) else {
            return to;
        };
        let Some(kind) = quote_kind(next).filter(|_| is_close_quote(next)) else {
            return to;
        };
        let marks = (from..to)
            .filter(|&j| quote_kind(self.tokens[j].text) == Some(kind))
            .count();
        if marks % 2 == 1 {
            to + 1
        } else {
            to
        }
    }

    /// The token that starts at character `char_start`.
    fn token_starting_at(&self, char_start: usize) -> Option<usize> {
        let j = self
            .tokens
            .partition_point(|t| self.chars.at(t.start) < char_start);
        (j < self.tokens.len() && self.chars.at(self.tokens[j].start) == char_start).then_some(j)
    }

    /// The closing quote just after a direct content ending at character `char_end`
    /// (past the punctuation [`Finder::trimmed`] took off: `day,”`).
    fn closing_quote_after(&self, char_end: usize) -> Option<usize> {
        let j = self
            .tokens
            .partition_point(|t| self.chars.at(t.start) < char_end);
        (j..self.tokens.len().min(j + 4))
            .take_while(|&k| is_punct(&self.lower[k]))
            .find(|&k| is_close_quote(self.tokens[k].text))
    }

    /// Where a continued quote opens, looking from token `at` within the paragraph:
    /// as the next sentence (`she said. "B`, or `"B." "C` for a later part), or, for
    /// the first part only (`first`), after a comma or colon that ends the cue's
    /// clause (`she said, "B`, `Tester said, referring to the excuse, "B`).
    fn next_quote_opening(&self, at: usize, first: bool) -> Option<usize> {
        let mut j = at;
        while !is_quote(self.tokens.get(j)?.text) {
            if self.tokens[j].paragraph_start {
                return None;
            }
            j += 1;
        }
        if !is_open_quote(self.tokens[j].text) || self.tokens[j].paragraph_start {
            return None;
        }
        let ends_sentence = |k: usize| matches!(self.lower[k].as_ref(), "." | "?" | "!");
        let before = j.checked_sub(1).map(|k| self.lower[k].as_ref());
        let new_sentence = self.sentences.iter().any(|r| r.start == j)
            || j.checked_sub(1).is_some_and(ends_sentence)
            || (before.is_some_and(is_close_quote) && j.checked_sub(2).is_some_and(ends_sentence));
        let after_clause = first && matches!(before, Some("," | ":"));
        // Words between: only the rest of the cue's clause, no sentence of narrative.
        let gap_ends_sentence = (at..j.saturating_sub(2)).any(ends_sentence);
        let gap_has_words = (at..j).any(|k| !is_punct(&self.lower[k]));
        let gap_ok = !gap_ends_sentence && (first || !gap_has_words);
        ((new_sentence || after_clause) && gap_ok).then_some(j)
    }

    /// The end (exclusive) of the sentence holding token `j`.
    fn sentence_end_after(&self, j: usize) -> usize {
        let s = self.sentences.partition_point(|r| r.end <= j);
        self.sentences
            .get(s)
            .map_or(self.tokens.len(), |range| range.end)
    }

    /// One attribution: `source`, the cue `word` on tokens `cue.0..cue.1`, the content on
    /// tokens `content.0..content.1`, and its topic looked up from sentence `topic_in`
    /// when given (a signed or urged quote has none). Every pattern builds this one
    /// shape; `None` when the cue or the content is empty.
    pub(super) fn attribution(
        &self,
        source: Option<Source>,
        (cue_from, cue_to, word): (usize, usize, CueWord),
        (from, to): (usize, usize),
        direct: bool,
        topic_in: Option<usize>,
    ) -> Option<Attribution> {
        Some(Attribution {
            source,
            cue: self.cue(cue_from, cue_to, word)?,
            content: self.span(from, to)?,
            direct,
            topic: topic_in.and_then(|s| self.topic(s, from, to)),
            continued: Vec::new(),
        })
    }

    /// The span of tokens `from..to` (exclusive), trimmed of punctuation at its ends
    /// except quotes that are part of a direct quote.
    fn span(&self, from: usize, to: usize) -> Option<Span> {
        if from >= to || to > self.tokens.len() {
            return None;
        }
        let (start, end) = (self.tokens[from].start, self.tokens[to - 1].end);
        Some(Span {
            field: self.field,
            start: self.chars.at(start),
            end: self.chars.at(end),
            text: self.text.get(start..end)?.to_string(),
        })
    }
}
