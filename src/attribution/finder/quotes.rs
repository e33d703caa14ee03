//! Quote marks: which tokens are inside a quote, and quotes that run on after their
//! speaker's sentence.

use crate::attribution::finder::{
    capitalized, is_open_quote, is_punct, is_straight_quote, quote_kind, Finder, QuoteKind,
};
use crate::attribution::words::CONTINUED_SENTENCES;
use crate::attribution::Attribution;

impl Finder<'_> {
    /// For each token, whether it is inside a double-quoted passage. A straight
    /// quote's direction comes from its spacing (` "We` opens, `it." ` closes), so
    /// the BBC's merged quoted paragraphs (`said: "A. "B. "C."`, each opening with no
    /// closing mark before it) pair up as a reader pairs them. A quote still open at
    /// its paragraph's end counts as none (a transcript's `"PENCE: ...` opens one and
    /// never closes it, and a cue in it is the transcript's), unless the next
    /// paragraph opens with a quote mark again: then it is one quote printed over
    /// paragraphs (`"A. ¶ "B."`, a transcript of several turns). Curly marks inside a
    /// quote opened by a straight one (`"PENCE: ... an episode of “Shark Tank.” But`)
    /// are a title or a quote within it, not its end.
    pub(super) fn quoted_tokens(&self) -> Vec<bool> {
        let mut quoted = vec![false; self.tokens.len()];
        // The token after the mark that opened the quote we are in.
        let mut open: Option<usize> = None;
        // Inside a curly pair within a quote a straight mark opened.
        let mut within_curly = false;
        for (j, token) in self.tokens.iter().enumerate() {
            if token.paragraph_start {
                // `"A. ¶ "B."`: a quote left open at a paragraph's end runs on when
                // the next paragraph opens with a quote mark again.
                let runs_on = |from: usize| {
                    self.quote_runs_on(from - 1, j)
                        && !self.opens_a_turn(from - 1)
                        && !self.opens_a_turn(j)
                };
                if let Some(from) = open.filter(|&from| runs_on(from)) {
                    quoted[from..j].iter_mut().for_each(|q| *q = true);
                }
                open = None;
                within_curly = false;
            }
            if let Some(opens) = self.double_quote_opens(j) {
                let curly = !is_straight_quote(token.text);
                let opened_straight =
                    open.is_some_and(|from| is_straight_quote(self.tokens[from - 1].text));
                if curly && opened_straight && (opens || within_curly) {
                    within_curly = opens;
                    continue;
                }
                if let Some(from) = open {
                    quoted[from..j].iter_mut().for_each(|q| *q = true);
                }
                open = opens.then_some(j + 1);
            }
        }
        quoted
    }

    /// For a double quote mark at token `j`, whether it opens (rather than closes) a
    /// quote; `None` for any other token.
    pub(super) fn double_quote_opens(&self, j: usize) -> Option<bool> {
        let t = self.tokens[j].text;
        if quote_kind(t) != Some(QuoteKind::Double) {
            return None;
        }
        if !is_straight_quote(t) {
            return Some(is_open_quote(t) || self.typed_for_opening(j));
        }
        Some(
            self.char_before(j)
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-')),
        )
    }

    /// The character right before token `j` in the text, if any (a quote mark's
    /// spacing tells its direction).
    fn char_before(&self, j: usize) -> Option<char> {
        let start = self.tokens[j].start;
        self.text.get(..start).and_then(|b| b.chars().next_back())
    }

    /// Whether the quote mark at token `mark` opens a transcript's turn (`"WALLACE:
    /// Let's start`): one to four capitalized words and a colon. Each turn has its own
    /// speaker, so turns printed as one quote over paragraphs still speak one by one.
    fn opens_a_turn(&self, mark: usize) -> bool {
        const MOST_WORDS: usize = 4;
        let words = (mark + 1..self.tokens.len().min(mark + 1 + MOST_WORDS))
            .take_while(|&j| capitalized(self.tokens[j].text) || self.tokens[j].text == ".")
            .count();
        words > 0
            && self
                .tokens
                .get(mark + 1 + words)
                .is_some_and(|t| t.text == ":")
    }

    /// Whether the closing mark at token `j` was typed for an opening one, as web copy
    /// does (`said: ”Fear.”`, a paragraph opening `”Mr. Trump ...`): after a space
    /// or at the start, with a word right after it, it can close nothing.
    pub(super) fn typed_for_opening(&self, j: usize) -> bool {
        let token = &self.tokens[j];
        if token.text != "”" {
            return false;
        }
        let after = self.text.get(token.end..).and_then(|a| a.chars().next());
        self.char_before(j).is_none_or(char::is_whitespace)
            && after.is_some_and(char::is_alphanumeric)
    }

    /// Most continued quotes kept for one attribution.
    pub(super) const MAX_CONTINUED: usize = 8;

    /// `"A," she said. "B."` and `"A," she said, "B."`: a direct quote broken by its cue
    /// goes on in the quote that follows, when that quote is a sentence (or the rest of
    /// one) of its own in the same paragraph with no cue of its own (it may run on over
    /// the next paragraphs, `"B. ¶ "C."`); and so on while quoted sentences follow.
    /// `ends` holds the token after each attribution's words.
    pub(super) fn continue_quotes(&self, found: &mut [Attribution], ends: &[usize]) {
        let cue_tokens: Vec<usize> = found
            .iter()
            .filter_map(|a| self.token_starting_at(a.cue.span.start))
            .collect();
        for (k, a) in found.iter_mut().enumerate() {
            if !a.direct {
                continue;
            }
            let Some(mut close) = self.closing_quote_after(a.content.end) else {
                continue;
            };
            let mut at = ends[k].max(close + 1);
            while a.continued.len() < Self::MAX_CONTINUED {
                let Some(open) = self.next_quote_opening(at, a.continued.is_empty()) else {
                    break;
                };
                let Some(next_close) =
                    self.closing_quote_over_paragraphs(open, CONTINUED_SENTENCES)
                else {
                    break;
                };
                let sentence_end = self.sentence_end_after(next_close);
                let own_cue = cue_tokens
                    .iter()
                    .any(|&c| c >= at && c < sentence_end.max(next_close + 1));
                // The quote must make up the rest of its sentence: `"B," she added` has
                // its own cue, `"Title" was written by` is no quote of hers.
                let ends_with_sentence = next_close > 0
                    && matches!(self.lower[next_close - 1].as_ref(), "." | "?" | "!");
                let rest_is_punctuation = ends_with_sentence
                    || (next_close + 1..sentence_end).all(|j| is_punct(&self.lower[j]));
                if own_cue || !rest_is_punctuation {
                    break;
                }
                let Some((from, to, _)) = self.trimmed(open + 1, next_close) else {
                    break;
                };
                let Some(span) = self.span(from, to) else {
                    break;
                };
                a.continued.push(span);
                close = next_close;
                at = close + 1;
            }
        }
    }
}
