//! What was said: the content span after or before the cue, trimmed to its clause,
//! and the topic an anaphoric content (`denied the charges`) points back to.

use crate::attribution::cues::{cue_word, CueWord, AMBIGUOUS};
use crate::attribution::finder::source::past_or_cue;
use crate::attribution::finder::{
    capitalized, is_close_quote, is_dash, is_open_quote, is_punct, is_quote, is_straight_quote,
    quote_kind, Finder,
};
use crate::attribution::words::{
    is_adverb, is_time_word, ADDRESSEE_CUES, ANAPHORIC_NOUNS, AUDIENCE_NOUNS, AUDIENCE_TOKENS,
    CONTINUED_SENTENCES, DETERMINERS, FINITE_AUXILIARIES, PRONOUNS, QUOTED_PARAGRAPHS,
    QUOTE_SENTENCES,
};
use crate::attribution::Place;
use std::ops::Deref;

impl Finder<'_> {
    /// Content after a source-first cue ending at `cue_end`: (from, to, direct).
    pub(super) fn content_after(
        &self,
        s: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(usize, usize, bool)> {
        let range = self.sentences[s].clone();
        let mut from = cue_end;
        // `websites found by indexing the web`: the means, no words. (`responded
        // by saying ...`, `concluded by making it clear that ...` tell how the
        // speaker answered, and a gerund after them goes on with their speaker.)
        const ANSWERING: &[&str] = &[
            "respond", "reply", "react", "answer", "retort", "counter", "conclude", "begin",
            "open", "close", "end",
        ];
        if self.lower.get(from).is_some_and(|w| w == "by")
            && self.gerund_with_object(from + 1)
            && !ANSWERING.contains(&cue.lemma)
        {
            return None;
        }
        // `told reporters that`, `told the BBC:`: the addressee is not the content.
        let addressee = ADDRESSEE_CUES.contains(&cue.lemma);
        let that_within = (from..range.end.min(from + 8)).find(|j| self.lower[*j] == "that");
        if let Some(that) = that_within {
            // `said the test could change that.`: a clause already running (an
            // auxiliary after the cue) or a `that` closing the sentence is its object,
            // not the conjunction opening the content (`said that, if ...` is one).
            let pronoun = self
                .lower
                .get(that + 1)
                .is_none_or(|w| matches!(w.as_ref(), "." | "?" | "!" | ";"));
            let clause_before = |j: usize| {
                let w = self.lower[j].as_ref();
                FINITE_AUXILIARIES.contains(&w) || self.looks_finite_verb(j)
            };
            // `nobody can argue with that.`, `would tell you that.`, `can't ask for
            // more than that.`: the cue points back at what was said before; no words
            // of the content stand here.
            if pronoun && that - from <= 3 && !(from..that).any(clause_before) {
                return None;
            }
            let between_clean = !pronoun
                && (from..that).all(|j| {
                    !matches!(self.lower[j].as_ref(), "," | "\"" | "“" | "”" | ":")
                        && !clause_before(j)
                });
            if between_clean {
                from = that + 1;
            }
        } else if let Some(audience) = addressee
            .then(|| self.audience_end(from, range.end))
            .flatten()
        {
            // `told BBC One's Breakfast with Frost programme: "...`
            from = audience;
        } else if addressee {
            while from < range.end
                && !is_punct(&self.lower[from])
                && !matches!(
                    self.lower[from].as_ref(),
                    "that" | "he" | "she" | "they" | "it" | "we" | "i"
                )
                && from - cue_end < 6
            {
                from += 1;
            }
        }
        // `said on Tuesday`, `said in a statement`, `:`.
        loop {
            match self.lower.get(from).map(Deref::deref) {
                Some(",") | Some(":") | Some("that") => from += 1,
                Some("on") | Some("last")
                    if self.lower.get(from + 1).is_some_and(|w| is_time_word(w)) =>
                {
                    from += 2
                }
                // `pointed out in December, "In the week ..."`, `in March 2015`.
                Some("in")
                    if self.tokens.get(from + 1).is_some_and(|t| {
                        capitalized(t.text) && crate::extract::dates::month_number(t.text).is_some()
                    }) =>
                {
                    from += 2;
                    while self
                        .tokens
                        .get(from)
                        .is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()))
                    {
                        from += 1;
                    }
                }
                Some(w) if is_time_word(w) => from += 1,
                _ => break,
            }
        }
        if from >= range.end {
            // `He said:` closing its paragraph, the quote opening the next one.
            let colon = from > cue_end && self.lower[from - 1] == ":";
            let quote_next = self
                .tokens
                .get(from)
                .is_some_and(|t| t.paragraph_start && is_open_quote(t.text));
            if colon && quote_next {
                // The quote is the paragraph's own: it may run as long as the
                // paragraph does (a speech excerpt), its close must be in it.
                let close = self.closing_quote_over_paragraphs(from, CONTINUED_SENTENCES)?;
                return Some((from + 1, close, true));
            }
            return None;
        }
        // A quote opened here may run over the next sentences.
        if is_open_quote(self.tokens[from].text) {
            if let Some(close) = self.closing_quote_over_paragraphs(from, QUOTE_SENTENCES) {
                return Some((from + 1, close, true));
            }
        }
        let end = self.coordinated_cue(from, range.end).unwrap_or(range.end);
        let end = self.clause_break(from, end).unwrap_or(end);
        self.trimmed(from, end)
    }

    /// `said Mr. Bush had not won him over, but he sounded a nostalgic note`, `said
    /// they would switch; 62 percent of those were ...`, `said the film would be
    /// rated PG-13 - roughly a British 12A`, `said the plan was sound, saying ...`:
    /// where the reported words end before the sentence goes on in the writer's
    /// voice or in the speaker's next attribution: a semicolon, a lone dash, a new
    /// clause or a contrast after a comma, a gerund cue, a gloss. Not inside quote
    /// marks or brackets, and not at `from` itself.
    pub(super) fn clause_break(&self, from: usize, end: usize) -> Option<usize> {
        let dashes = (from..end).filter(|&k| is_dash(&self.lower[k])).count();
        let (mut quoted, mut bracketed) = (false, false);
        (from + 1..end).find(|&j| {
            let t = self.tokens[j].text;
            match t {
                _ if is_open_quote(t) && !quoted => quoted = true,
                _ if is_close_quote(t) && quoted => quoted = false,
                "(" => bracketed = true,
                ")" => bracketed = false,
                _ => {}
            }
            if quoted || bracketed {
                return false;
            }
            let next = self.lower.get(j + 1).map(Deref::deref);
            match self.lower[j].as_ref() {
                // (`($3.2bn; £1.7bn)` is one sum: brackets are skipped above.)
                ";" => true,
                // A pair of dashes sets off an aside inside what was said: `the
                // majority of its projects - which include ... - were performing`.
                w if is_dash(w) => j >= from + 2 && dashes == 1,
                // `, but he ...`, `, but officials said`: another clause with its own
                // subject (`, but that ...` goes on with what was said; `, but
                // substantially revised` is the content's own verb).
                "," if next == Some("but") => self
                    .tokens
                    .get(j + 2)
                    .is_some_and(|w| capitalized(w.text) || opens_a_clause(&self.lower[j + 2])),
                // `, and the party ...`: another clause with its own subject.
                "," if next == Some("and") => self
                    .lower
                    .get(j + 2)
                    .is_some_and(|w| PRONOUNS.contains(&w.as_ref())),
                // `..., saying ...`, `..., calling it ...`: the speaker's next
                // attribution.
                "," if next.is_some_and(|w| w.ends_with("ing") && cue_word(w).is_some()) => true,
                // `..., who may have to decide`: the writer's gloss. (Not `Deutsche
                // Boerse, which has asked ..., may offer`: an aside inside the
                // reported clause, which goes on after it.)
                "," if matches!(next, Some("which" | "who")) => !self.resumes_after(j + 2, end),
                "," => matches!(next, Some("though" | "although" | "whereas" | "while")),
                _ => false,
            }
        })
    }

    /// After a verb that names its addressee, the token just past an addressee that
    /// ends in an audience noun within [`AUDIENCE_TOKENS`] (`told BBC One's Breakfast
    /// with Frost programme`, `told MPs`), before any punctuation or pronoun: the
    /// content starts there, not in the middle of a programme's name.
    pub(super) fn audience_end(&self, from: usize, limit: usize) -> Option<usize> {
        let end = (from..limit.min(from + AUDIENCE_TOKENS))
            .take_while(|&j| {
                !is_punct(&self.lower[j])
                    && !matches!(
                        self.lower[j].as_ref(),
                        "that" | "he" | "she" | "they" | "it" | "we" | "i"
                    )
            })
            .filter(|&j| AUDIENCE_NOUNS.contains(&self.lower[j].as_ref()))
            .last()?
            + 1;
        let where_phrase = self
            .lower
            .get(end)
            .is_some_and(|w| matches!(w.as_ref(), "on" | "in" | "at" | "about" | "of" | "for"));
        if !where_phrase {
            // `told the Argentine newspaper Clarin it would`: the audience's name
            // follows its noun, before the content's subject pronoun.
            let name_end = (end..limit.min(end + 4))
                .take_while(|&j| capitalized(self.tokens[j].text))
                .last()
                .map_or(end, |j| j + 1);
            let pronoun_follows = name_end > end
                && self.lower.get(name_end).is_some_and(|w| {
                    matches!(
                        w.as_ref(),
                        "that" | "he" | "she" | "they" | "it" | "we" | "i"
                    )
                });
            return Some(if pronoun_follows { name_end } else { end });
        }
        // `he told a conference on ageing.`: a short phrase closing the sentence
        // after the audience says where, and the content is before the speaker.
        let rest = (end..limit).filter(|&j| !is_punct(&self.lower[j])).count();
        if rest <= 3 {
            return Some(limit);
        }
        // `told a meeting of the Metropolitan Police Authority it would be`: the
        // audience's name goes with it.
        let mut j = end + 1;
        if self
            .lower
            .get(j)
            .is_some_and(|w| matches!(w.as_ref(), "the" | "a"))
        {
            j += 1;
        }
        let name_from = j;
        while j < limit
            && (capitalized(self.tokens[j].text)
                || (j > name_from && matches!(self.lower[j].as_ref(), "and" | "of" | "&" | "'s")))
        {
            j += 1;
        }
        Some(if j > name_from { j } else { end })
    }

    /// `denied Mr Brown made that quote`: a verb between the cue and a `that` makes
    /// the `that` a determiner inside the content, not the start of the content.
    /// A lowercase verb-like word after a name or a pronoun counts.
    pub(super) fn looks_finite_verb(&self, j: usize) -> bool {
        let w = self.lower[j].as_ref();
        let t = self.tokens[j].text;
        if capitalized(t) {
            return false;
        }
        // Its subject: a name or a pronoun (`a statement released on` has none).
        let after_subject = j > 0
            && (capitalized(self.tokens[j - 1].text)
                || PRONOUNS.contains(&self.lower[j - 1].as_ref()));
        after_subject && (past_or_cue(w) || FINITE_AUXILIARIES.contains(&w))
    }

    /// `blasted Congress and said the state ...`: where a second cue of the same
    /// speaker (`and`/`but`, auxiliaries, a cue verb) starts, which ends the first
    /// cue's content. Not at `from` itself: `denied and condemned it` keeps its words.
    pub(super) fn coordinated_cue(&self, from: usize, end: usize) -> Option<usize> {
        (from + 1..end).find(|&j| {
            if !matches!(self.lower[j].as_ref(), "and" | "but") {
                return false;
            }
            let mut k = j + 1;
            while k < end && self.verb_modifier(k) {
                k += 1;
            }
            k < end
                && !capitalized(self.tokens[k].text)
                && !self.lower[k].ends_with("ing")
                && cue_word(&self.lower[k]).is_some()
                && !AMBIGUOUS.contains(&self.lower[k].as_ref())
        })
    }

    /// Content ending at token `end` of sentence `s` (a content-first attribution):
    /// (from, to, direct).
    pub(super) fn content_before(&self, s: usize, end: usize) -> Option<(usize, usize, bool)> {
        let range = self.sentences[s].clone();
        // A speaker that opens its sentence has nothing said before it.
        if end <= range.start {
            return None;
        }
        // Past the comma (`, said`) to a closing quote, if there is one.
        let mut close = end;
        while close > range.start
            && is_punct(&self.lower[close - 1])
            && !is_close_quote(self.tokens[close - 1].text)
        {
            close -= 1;
        }
        if close > range.start && is_close_quote(self.tokens[close - 1].text) {
            // The quote's opening may be in this sentence or an earlier one of the
            // same paragraph.
            if let Some(open) = self.opening_quote(close - 1, s) {
                if let Some(clause) = self.run_in_quote(range.start, open) {
                    return Some((clause, close, false));
                }
                let (from, to, _) = self.trimmed(open + 1, close - 1)?;
                // `"A.` ¶ `"B," he said.`: the quote began paragraphs before.
                let first = self.quote_opening_paragraphs_before(open);
                let from = if first < open {
                    self.trimmed(first + 1, close - 1)
                        .map_or(from, |(f, _, _)| f)
                } else {
                    from
                };
                return Some((from, to, true));
            }
        }
        // `the prices it charged.`: without a comma (or dash, colon) before the
        // speaker the words before are the speaker's own clause, not what was said.
        // (`..., and he said.` keeps the clause before its comma.)
        let conjoined = end >= range.start + 2
            && matches!(self.lower[end - 1].as_ref(), "and" | "but")
            && self.lower[end - 2] == ",";
        if close == end && !conjoined && !is_close_quote(self.tokens[end - 1].text) {
            // `..., which he denies.`, `..., a charge the company denies.`: an object
            // relative points back to the clause before its comma.
            let comma = (range.start..end)
                .rev()
                .take(4)
                .find(|&j| self.lower[j] == ",")?;
            const THINGS_SAID: &[&str] = &[
                "charge",
                "charges",
                "claim",
                "claims",
                "allegation",
                "allegations",
                "accusation",
                "accusations",
                "suggestion",
                "view",
                "move",
                "target",
                "figure",
                "report",
                "reports",
                "story",
                "rumour",
                "rumours",
                "idea",
                "point",
            ];
            let after = self.lower[comma + 1].as_ref();
            let points_back = (after == "which" && end == comma + 2)
                || (matches!(after, "a" | "an" | "the")
                    && end == comma + 3
                    && THINGS_SAID.contains(&self.lower[comma + 2].as_ref()));
            return if points_back {
                self.trimmed(range.start, comma)
            } else {
                None
            };
        }
        self.trimmed(range.start, end)
    }

    /// Whether a clause goes on after the next comma from `from` (before `end`) with
    /// its verb (`, may offer`, `, said`): the words before that comma were an aside.
    fn resumes_after(&self, from: usize, end: usize) -> bool {
        (from..end)
            .find(|&k| self.lower[k] == ",")
            .and_then(|k| {
                self.tokens
                    .get(k + 1)
                    .filter(|_| k + 1 < end)
                    .map(|t| (k + 1, t))
            })
            .is_some_and(|(v, t)| {
                !capitalized(t.text)
                    && (FINITE_AUXILIARIES.contains(&self.lower[v].as_ref())
                        || past_or_cue(&self.lower[v]))
            })
    }

    /// `Trump's misinformation may be "strategic," said Hemsley`, `This is a "raw
    /// time," he said`: a few quoted words that end a clause of the writer's are said
    /// with the clause, and PolNeAR marks the whole of it. Where that clause starts
    /// (past a dateline), when the quote opened at `open` inside the sentence
    /// starting at `start` after two words or more, none of them a quote mark, a colon
    /// or a cue.
    fn run_in_quote(&self, start: usize, open: usize) -> Option<usize> {
        let clause = self.past_dateline(start, open);
        let plain = (clause..open).all(|j| {
            !is_quote(self.tokens[j].text)
                && self.lower[j] != ":"
                && cue_word(&self.lower[j]).is_none()
        });
        (open >= clause + 2 && plain).then_some(clause)
    }

    /// `WASHINGTON, March 18 - U.S. power companies generated ..., the institute said`:
    /// a wire story's dateline opens its first sentence but is where and when it was
    /// filed, not what anyone said. The token after the dash, or `from` when the
    /// sentence has no dateline (capitalized place words, a comma, a month and a day,
    /// a dash, within its first ten tokens).
    pub(super) fn past_dateline(&self, from: usize, to: usize) -> usize {
        let dash = (from..to.min(from + 10)).find(|&j| is_dash(&self.lower[j]));
        let Some(dash) = dash else { return from };
        // `EDMONTON, Alberta, March 20 -`: the place may have commas of its own.
        let dated = dash >= from + 4
            && self.tokens[dash - 1]
                .text
                .bytes()
                .all(|b| b.is_ascii_digit())
            && crate::extract::dates::month_number(self.tokens[dash - 2].text).is_some()
            && self.lower[dash - 3] == ",";
        let place = dated
            && (from..dash - 3).all(|j| capitalized(self.tokens[j].text) || self.lower[j] == ",");
        if place {
            dash + 1
        } else {
            from
        }
    }

    /// `"... our country?" Clinton said.`: a quoted question or exclamation (or a
    /// quote closed after its period, `missing.” Trump said.`) ends its sentence, so
    /// the quote before a speaker that opens sentence `s` may be the end of the
    /// sentence before, in the same paragraph.
    pub(super) fn question_quote_before(&self, s: usize) -> Option<(usize, usize, bool)> {
        let start = self.sentences[s].start;
        if s == 0 || start < 2 || self.tokens[start].paragraph_start {
            return None;
        }
        let close = start - 1;
        // `need?’” Weaver said`: the question mark may sit inside a quote within it.
        let mut mark = close - 1;
        while mark > 0 && is_close_quote(self.tokens[mark].text) {
            mark -= 1;
        }
        // `missing.” Trump said.` ends the quote's sentence with a period, too.
        let asks = matches!(self.lower[mark].as_ref(), "?" | "!" | ".");
        if !is_close_quote(self.tokens[close].text) || !asks {
            return None;
        }
        let open = self.opening_quote(close, s - 1)?;
        let (from, to, _) = self.trimmed(open + 1, close)?;
        Some((from, to, true))
    }

    /// `from..to` without a dateline or punctuation at the ends; direct when it was
    /// quoted whole.
    pub(super) fn trimmed(&self, from: usize, mut to: usize) -> Option<(usize, usize, bool)> {
        let mut from = self.past_dateline(from, to);
        let quoted_open = from < to && is_open_quote(self.tokens[from].text);
        let outer_kind = self.tokens.get(from).and_then(|t| quote_kind(t.text));
        while from < to && is_punct(&self.lower[from]) {
            from += 1;
        }
        while to > from && is_punct(&self.lower[to - 1]) && !is_close_quote(&self.lower[to - 1]) {
            to -= 1;
        }
        let quoted_close = to > from && is_close_quote(self.tokens[to - 1].text);
        if quoted_close {
            to -= 1;
            while to > from && is_punct(&self.lower[to - 1]) {
                to -= 1;
            }
        }
        // A `‘quote within the quote’` keeps it direct; a second quote of the same kind
        // (`“A,” he said, “B”`) does not.
        let inner_quote = (from..to).any(|j| {
            let t = self.tokens[j].text;
            is_quote(t) && (quote_kind(t) == outer_kind || outer_kind.is_none())
        });
        (from < to).then_some((from, to, quoted_open && quoted_close && !inner_quote))
    }

    /// The closing quote of the quote opened at token `open`, of the same kind, within
    /// the paragraph and at most `max_sentences` sentences on.
    pub(super) fn closing_quote_within(&self, open: usize, max_sentences: usize) -> Option<usize> {
        let kind = quote_kind(self.tokens[open].text);
        let from = open + 1;
        let mut sentences_seen = 0;
        for j in from..self.tokens.len() {
            let t = self.tokens[j].text;
            // A quote mark ending its paragraph opens nothing in the next one.
            if self.tokens[j].paragraph_start {
                return None;
            }
            let closes = is_close_quote(t) && quote_kind(t) == kind;
            if closes && (!is_straight_quote(t) || j > from) {
                return Some(j);
            }
            if matches!(t, "." | "!" | "?") {
                sentences_seen += 1;
                if sentences_seen > max_sentences {
                    return None;
                }
            }
        }
        None
    }

    /// The close of the quote opened at token `open`, which may run over paragraphs as
    /// news copy prints a long quote: every paragraph but the last opens with a quote
    /// mark and leaves it open (`He said: ¶ "A. ¶ "B. ¶ "C."`). The first paragraph's
    /// part holds at most `max_sentences` sentences, the others [`CONTINUED_SENTENCES`]
    /// each; at most [`QUOTED_PARAGRAPHS`] paragraphs.
    pub(super) fn closing_quote_over_paragraphs(
        &self,
        open: usize,
        max_sentences: usize,
    ) -> Option<usize> {
        let mut at = open;
        let mut limit = max_sentences;
        for _ in 0..QUOTED_PARAGRAPHS {
            if let Some(close) = self.closing_quote_within(at, limit) {
                return Some(close);
            }
            let next = (at + 1..self.tokens.len()).find(|&j| self.tokens[j].paragraph_start)?;
            let sentences = (at + 1..next)
                .filter(|&j| matches!(self.tokens[j].text, "." | "!" | "?"))
                .count();
            if sentences > limit || !self.quote_runs_on(at, next) {
                return None;
            }
            at = next;
            limit = CONTINUED_SENTENCES;
        }
        None
    }

    /// The first paragraph of a quote whose part in this paragraph opens it at token
    /// `open` (`"A. ¶ "B," he said.`): the paragraphs before that open with a quote
    /// mark and never close it belong to the same quote. `open` itself when there
    /// are none.
    fn quote_opening_paragraphs_before(&self, open: usize) -> usize {
        let mut first = open;
        for _ in 0..QUOTED_PARAGRAPHS {
            if !self.tokens[first].paragraph_start || first == 0 {
                break;
            }
            let before = (0..first)
                .rev()
                .find(|&j| j == 0 || self.tokens[j].paragraph_start)
                .unwrap_or(0);
            if !self.opens_quote(before) || !self.quote_runs_on(before, first) {
                break;
            }
            first = before;
        }
        first
    }

    /// Whether the quote opened at token `open` runs on into the paragraph starting at
    /// `next`: no other mark of its kind follows it in its paragraph, and `next` opens
    /// with one typed alike (a straight mark opening each paragraph of an excerpt is
    /// not carried on by a curly quote of the speaker's inside it).
    pub(super) fn quote_runs_on(&self, open: usize, next: usize) -> bool {
        let kind = quote_kind(self.tokens[open].text);
        kind.is_some()
            && (open + 1..next).all(|j| quote_kind(self.tokens[j].text) != kind)
            && quote_kind(self.tokens[next].text) == kind
            && is_straight_quote(self.tokens[open].text)
                == is_straight_quote(self.tokens[next].text)
            && self.opens_quote(next)
    }

    /// Whether the quote mark at token `j` opens a quote (a straight double mark by
    /// the space before it).
    fn opens_quote(&self, j: usize) -> bool {
        self.double_quote_opens(j)
            .unwrap_or_else(|| is_open_quote(self.tokens[j].text))
    }

    /// The opening quote matching the closing one at `close`, searching back from it
    /// within its paragraph (at most six sentences back), or the closing mark typed
    /// for it (`”Fear. I am truly afraid ...” ― Name`). A pair of the same marks
    /// inside (`“... what he calls “hell” than live ...”`, web copy nesting double
    /// marks) is passed over.
    pub(super) fn opening_quote(&self, close: usize, s: usize) -> Option<usize> {
        let kind = quote_kind(self.tokens[close].text);
        let earliest = self.sentences[s.saturating_sub(6)].start;
        let mut nested = 0;
        let mut j = close;
        while j > earliest {
            j -= 1;
            let t = self.tokens[j].text;
            let same_kind = quote_kind(t) == kind;
            let opens = same_kind && (is_open_quote(t) || self.typed_for_opening(j));
            if opens && nested > 0 {
                nested -= 1;
            } else if opens {
                return Some(j);
            } else if same_kind && is_close_quote(t) && !is_straight_quote(t) {
                if !self.closes_scare_quote(j, earliest) {
                    return None;
                }
                nested += 1;
            }
            if self.tokens[j].paragraph_start && j < self.sentences[s].start {
                return None;
            }
        }
        None
    }

    /// Whether the curly closing mark at `close` ends a few quoted words inside a
    /// sentence (`what he calls “hell” than`), a pair a longer quote can hold; a
    /// quote of sentences is one of its own, and a straight mark's direction is a
    /// guess.
    fn closes_scare_quote(&self, close: usize, earliest: usize) -> bool {
        const MOST_WORDS: usize = 6;
        let kind = quote_kind(self.tokens[close].text);
        let mut j = close;
        while j > earliest && close - j <= MOST_WORDS {
            j -= 1;
            let t = self.tokens[j].text;
            if quote_kind(t) == kind {
                return t == "“" && j + 1 < close;
            }
            if matches!(t, "." | "!" | "?") || self.tokens[j].paragraph_start {
                return false;
            }
        }
        false
    }

    /// The sentence before, when the content only points back to it.
    pub(super) fn topic(&self, s: usize, from: usize, to: usize) -> Option<Place> {
        // The first clause decides (`all such charges, and did so again`).
        let clause_end = (from..to).find(|j| self.lower[*j] == ",").unwrap_or(to);
        let words: Vec<&str> = (from..clause_end.min(from + 4))
            .map(|j| self.lower[j].as_ref())
            .collect();
        let pronoun = |w: &str| matches!(w, "it" | "this" | "that" | "them");
        let names_a_charge = |rest: &[&str]| {
            rest.iter()
                .any(|w| ANAPHORIC_NOUNS.contains(w) && !pronoun(w))
        };
        let points_back = match words.as_slice() {
            [only] => ANAPHORIC_NOUNS.contains(only),
            // `denied it strongly`, `rejected that yesterday`; but in `told that it
            // must pay`, `it` opens a clause of its own and points nowhere.
            [first, rest @ ..] if pronoun(first) && !names_a_charge(rest) => (from + 1..clause_end)
                .all(|j| {
                    let w = self.lower[j].as_ref();
                    is_adverb(w) || is_time_word(w) || is_punct(w)
                }),
            // `all such charges`, `the accusations`, `these claims`.
            [first, rest @ ..] => {
                clause_end - from <= 6
                    && names_a_charge(rest)
                    && (DETERMINERS.contains(first) || *first == "all" || *first == "it")
            }
            [] => false,
        };
        if !points_back || s == 0 {
            return None;
        }
        let before = self.sentences[s - 1].clone();
        let (start, end) = (
            self.tokens[before.start].start,
            self.tokens[before.end - 1].end,
        );
        Some(Place {
            field: self.field,
            start: self.chars.at(start),
            end: self.chars.at(end),
        })
    }
}

/// A word that opens a clause with its own subject after `, but` (`that` goes on
/// with what was said).
fn opens_a_clause(word: &str) -> bool {
    word != "that"
        && (PRONOUNS.contains(&word)
            || DETERMINERS.contains(&word)
            || matches!(
                word,
                "there" | "many" | "most" | "others" | "officials" | "critics" | "analysts"
            ))
}
