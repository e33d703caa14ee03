//! The speaker phrase before a cue: where it starts (`Iranian foreign ministry
//! spokesman Saeed Khatibzadeh`), leaving out time phrases, occasions and list items.

use crate::attribution::cues::{cue_word, CueWord, Stance};
use crate::attribution::finder::{capitalized, is_dash, is_punct, Finder};
use crate::attribution::words::{
    is_adverb, is_time_word, ly_adverb, AUXILIARIES, CLAUSE_WORDS, DETERMINERS, EXPERT_NOUNS,
    LIST_ITEMS, PEOPLE_NOUNS, PRONOUNS, RAISING_VERBS, STATEMENTS,
};
use crate::attribution::Attribution;
use crate::extract::entities::Mention;
use std::ops::Deref;

impl Finder<'_> {
    /// The speaker's noun phrase ending right before the cue at `i` (auxiliaries and a
    /// time phrase skipped), with the names joined to it by `and` (`Smith and Jones
    /// said`): token range.
    pub(super) fn speaker_before(&self, sentence_start: usize, i: usize) -> Option<(usize, usize)> {
        let (mut start, end) = self.phrase_before(sentence_start, i)?;
        if let Some(left) = self.conjunct_before(sentence_start, start) {
            start = left;
        }
        Some((start, end))
    }

    /// [`Finder::speaker_before`] without the `and` conjuncts: one phrase, so the
    /// conjuncts' own search never recurses (`A and B and C and ...` in a long
    /// sentence costs one step per conjunct, not a stack frame).
    pub(super) fn phrase_before(&self, sentence_start: usize, i: usize) -> Option<(usize, usize)> {
        let mut end = i;
        loop {
            let before = end.checked_sub(1).filter(|b| *b >= sentence_start)?;
            let w = self.lower[before].as_ref();
            if self.verb_modifier(before) {
                end = before;
            } else if w == ")" {
                // `Sen. David Perdue (R-Ga.) said`: a short parenthetical between the
                // speaker and the cue.
                let open = (sentence_start..before)
                    .rev()
                    .take(8)
                    .find(|j| self.lower[*j] == "(");
                match open {
                    Some(open) if open > sentence_start => end = open,
                    _ => break,
                }
            } else if let Some(from) = self.time_phrase_before(end, sentence_start) {
                end = from;
            } else if let Some(from) = self.occasion_before(end, sentence_start) {
                end = from;
            } else if matches!(w, "all" | "both")
                && before > sentence_start
                && !is_punct(&self.lower[before - 1])
                && !CLAUSE_WORDS.contains(&self.lower[before - 1].as_ref())
            {
                // `The CML, the BBA and the BSA all said`, `Analysts both said`.
                end = before;
            } else if is_time_word(w) {
                // `on Tuesday`, `last week`, `earlier this month`.
                end = before;
                while end > sentence_start
                    && matches!(
                        self.lower[end - 1].as_ref(),
                        "on" | "last" | "this" | "late" | "early" | "earlier" | "next"
                    )
                {
                    end -= 1;
                }
            } else {
                break;
            }
        }
        let mut start = end;
        while start > sentence_start && end - start < 12 {
            let t = self.tokens[start - 1].text;
            let w = self.lower[start - 1].as_ref();
            // `LONDON - Goldman Sachs said`: a dash between spaces ends a dateline.
            let spaced_dash = is_dash(w) && {
                let token = &self.tokens[start - 1];
                let around = |b: usize| {
                    self.text
                        .as_bytes()
                        .get(b)
                        .is_some_and(u8::is_ascii_whitespace)
                };
                token.start > 0 && around(token.start - 1) && around(token.end)
            };
            if spaced_dash {
                break;
            }
            let inside_name = (matches!(w, "'s" | "’s" | "." | "-" | "of" | "&")
                || self.plural_possessive(start - 1))
                && start - 1 > sentence_start
                && start < end;
            if inside_name {
                start -= 1;
                continue;
            }
            if w == "," && self.continues_a_list(start - 1, end, sentence_start) {
                start -= 1;
                continue;
            }
            // `Mary Jones from Exxon said`, `an analyst at Merrill Lynch said`, `a
            // lawyer for the news outlets`: a preposition before a name or a definite
            // noun phrase is the speaker's affiliation, not a new clause.
            // `Traders in the region said`, `an aide to USDA Secretary Richard Lyng`.
            let joined = self.joins_its_noun(start - 1, sentence_start);
            let affiliation = (matches!(w, "from" | "at" | "for") || joined)
                && start < end
                && (capitalized(self.tokens[start].text) || self.lower[start] == "the" || joined)
                && start - 1 > sentence_start
                && !is_punct(self.lower[start - 2].as_ref())
                && !CLAUSE_WORDS.contains(&self.lower[start - 2].as_ref());
            if affiliation {
                start -= 1;
                continue;
            }
            // `the claims`, `the annual report said`: a cue word that is a noun here.
            let a_noun = self.after_determiner(start - 1, sentence_start)
                || (start == end && self.noun_after_adjectives(start - 1, sentence_start));
            // `On Wednesday Mr Blair denied`: a day or time word is not the speaker's;
            // nor is `once again` in `once again Martyn denied`.
            if is_punct(w)
                || CLAUSE_WORDS.contains(&w)
                || AUXILIARIES.contains(&w)
                || RAISING_VERBS.contains(&w)
                || (cue_word(w).is_some() && !capitalized(t) && !a_noun)
                || is_time_word(w)
            {
                break;
            }
            if PRONOUNS.contains(&w) {
                if start == end {
                    start -= 1;
                }
                break;
            }
            if DETERMINERS.contains(&w) {
                start -= 1;
                // `a lawyer for the news outlets`: the affiliation's article;
                // `Smith of the company`, `Economists at the bank`.
                let affiliation = (start > sentence_start
                    && self.joins_its_noun(start - 1, sentence_start))
                    || (start > sentence_start + 1
                        && matches!(self.lower[start - 1].as_ref(), "for" | "at" | "from" | "of")
                        && !is_punct(&self.lower[start - 2])
                        && !CLAUSE_WORDS.contains(&self.lower[start - 2].as_ref()));
                if affiliation {
                    continue;
                }
                break;
            }
            // Lowercase words are a speaker's description (`foreign ministry
            // spokesman`).
            start -= 1;
        }
        // `Last year's honorary winner`: the time word ended the phrase, and its
        // possessive mark opens no speaker.
        while start < end && matches!(self.lower[start].as_ref(), "'s" | "’s") {
            start += 1;
        }
        if start < end {
            start = self.mention_start_before(start, sentence_start);
        }
        (start < end).then_some((start, end))
    }

    /// `Smith and Jones said`, `Experts on North Korea and nuclear nonproliferation
    /// said`: when the speaker phrase opening at token `start` follows `and`, and
    /// before it stand names or groups of people (`General Foods and A and P`) that
    /// open the sentence (or a clause after punctuation) with no verb among them, all
    /// the conjuncts speak: the first one's start. (`Prices fell in Asia and analysts
    /// said`: `Asia` follows `in`, so the sentence is two clauses and only the second
    /// one's subject speaks.) A loop, not a recursion, over at most [`LIST_ITEMS`]
    /// conjuncts, so a long sentence of them costs no stack.
    pub(super) fn conjunct_before(&self, sentence_start: usize, start: usize) -> Option<usize> {
        let mut start = start;
        for _ in 0..LIST_ITEMS {
            let from = self.conjunct_left_of(sentence_start, start)?;
            if from > sentence_start && self.lower[from - 1] == "and" {
                start = from;
                continue;
            }
            let opens = from == sentence_start || is_punct(self.lower[from - 1].as_ref());
            return opens.then_some(from);
        }
        None
    }

    /// The start of the one conjunct (with the list items before it) joined by `and`
    /// to the phrase opening at `start`, when it is a name or a group of people with
    /// no verb.
    pub(super) fn conjunct_left_of(&self, sentence_start: usize, start: usize) -> Option<usize> {
        let and = start.checked_sub(1).filter(|a| *a > sentence_start)?;
        if self.lower[and] != "and" {
            return None;
        }
        let last = and - 1;
        let people = |w: &str| PEOPLE_NOUNS.contains(&w) || EXPERT_NOUNS.contains(&w);
        let named = self.ends_a_mention(last) || capitalized(self.tokens[last].text);
        if !(named || people(self.lower[last].as_ref())) {
            return None;
        }
        let (mut from, to) = self.phrase_before(sentence_start, and)?;
        if to != and {
            return None;
        }
        // `Paramount, Universal and Warner Brothers said`: back through the list (a
        // list of names, not a page of them).
        let mut items = 0;
        while from > sentence_start + 1 && self.lower[from - 1] == "," && items < LIST_ITEMS {
            items += 1;
            let item = self
                .phrase_before(sentence_start, from - 1)
                .filter(|&(item_from, end)| {
                    // `However, S and P said`: a sentence adverb is no list item.
                    let named = self.ends_a_mention(end - 1)
                        || (capitalized(self.tokens[end - 1].text) && item_from > sentence_start);
                    end == from - 1 && named && !is_adverb(&self.lower[end - 1])
                });
            match item {
                Some((item_from, _)) => from = item_from,
                None => break,
            }
        }
        // `including Lord Campbell and ...`: a participle or a verb is no subject's.
        let participle =
            |j: usize| self.lower[j].ends_with("ing") && !capitalized(self.tokens[j].text);
        let verbless = (from..to).all(|j| !self.looks_like_verb(j) && !participle(j));
        verbless.then_some(from)
    }

    /// Whether `say` at token `i` is the noun (`a greater say in how it is run`, `the
    /// final say on`, `to have more say over`) or the `say` of `a cap of say 50
    /// dlrs` (for example), not the verb: after an adjective of degree, or after a
    /// quantity word that itself follows a verb of having, or after `of`/`like`.
    pub(super) fn say_is_a_noun(&self, i: usize, sentence_start: usize) -> bool {
        /// Adjectives that make `say` the noun of having a voice in something.
        const OF_DEGREE: &[&str] = &[
            "greater",
            "greatest",
            "bigger",
            "biggest",
            "larger",
            "largest",
            "final",
            "last",
            "real",
            "full",
            "fuller",
            "equal",
            "decisive",
            "direct",
            "strong",
            "stronger",
            "proper",
            "fair",
            "genuine",
            "effective",
            "formal",
            "meaningful",
            "own",
            "major",
            "significant",
            "considerable",
            "louder",
            "big",
        ];
        /// Quantity words that make it the noun only after a verb of having.
        const QUANTITIES: &[&str] = &["more", "less", "little", "much"];
        const HAVING: &[&str] = &[
            "have",
            "has",
            "had",
            "having",
            "get",
            "gets",
            "got",
            "give",
            "given",
            "gives",
            "want",
            "wants",
            "wanted",
            "demand",
            "demanded",
            "demanding",
            "seek",
            "seeking",
        ];
        let Some(prev) = i.checked_sub(1).filter(|p| *p >= sentence_start) else {
            return false;
        };
        let before = self.lower[prev].as_ref();
        OF_DEGREE.contains(&before)
            || matches!(before, "of" | "like")
            || (QUANTITIES.contains(&before)
                && prev > sentence_start
                && HAVING.contains(&self.lower[prev - 1].as_ref()))
    }

    /// `Exxon for the first time said`, `Smith at the time said`: where a phrase of
    /// `at`/`for`/`in` + `the` + a time noun ends right before token `end`, its
    /// first token, so it is skipped like `on Tuesday` rather than read as the
    /// speaker's affiliation.
    pub(super) fn time_phrase_before(&self, end: usize, sentence_start: usize) -> Option<usize> {
        let noun = end.checked_sub(1).filter(|n| *n > sentence_start)?;
        if !matches!(self.lower[noun].as_ref(), "time" | "weekend" | "moment") {
            return None;
        }
        let mut the = noun - 1;
        if matches!(
            self.lower[the].as_ref(),
            "first" | "same" | "last" | "second"
        ) {
            the = the.checked_sub(1).filter(|t| *t > sentence_start)?;
        }
        let prep = the.checked_sub(1).filter(|p| *p >= sentence_start)?;
        (self.lower[the] == "the" && matches!(self.lower[prep].as_ref(), "at" | "for" | "in"))
            .then_some(prep)
    }

    /// `Jeb Bush in a statement said`, `Smith at a news conference on Tuesday said`,
    /// `Brown in an interview with the BBC denied`: where a phrase of the occasion
    /// or medium of speaking, ending at `end` (before the cue), starts; it belongs to
    /// the cue, and the speaker stands before it. `None` when there is none, or when
    /// nothing but punctuation or a verb stands before it (`He said in a statement`),
    /// so that the phrase is nobody's affiliation.
    pub(super) fn occasion_before(&self, end: usize, sentence_start: usize) -> Option<usize> {
        /// Occasions of speaking that a phrase before the cue names, besides
        /// [`STATEMENTS`].
        const EVENTS: &[&str] = &[
            "conference",
            "gaggle",
            "hearing",
            "rally",
            "testimony",
            "broadcast",
            "message",
            "remarks",
            "comments",
            "meeting",
            "session",
        ];
        let is_occasion = |w: &str| STATEMENTS.contains(&w) || EVENTS.contains(&w);
        let floor = sentence_start.max(end.saturating_sub(10));
        // The occasion's preposition: `in`, `at` or `during`, with a determiner (or a
        // plural `remarks`) after it, then at most three describing words, the occasion
        // noun (`a White House news conference`), and at most one short phrase (`with
        // the BBC`, `to reporters`).
        let prep = (floor..end).rev().find(|&p| {
            matches!(self.lower[p].as_ref(), "in" | "at" | "during")
                && p + 1 < end
                && (DETERMINERS.contains(&self.lower[p + 1].as_ref())
                    || matches!(self.lower[p + 1].as_ref(), "remarks" | "comments"))
        })?;
        if prep <= sentence_start {
            return None;
        }
        let first = if DETERMINERS.contains(&self.lower[prep + 1].as_ref()) {
            prep + 2
        } else {
            prep + 1
        };
        let noun = (first..end.min(first + 4)).find(|&j| is_occasion(&self.lower[j]))?;
        let describing = (first..noun).all(|j| {
            let w = self.lower[j].as_ref();
            !is_punct(w) && !CLAUSE_WORDS.contains(&w)
        });
        let after = noun + 1..end;
        let trailing = after.is_empty()
            || (matches!(
                self.lower[noun + 1].as_ref(),
                "with" | "to" | "on" | "before"
            ) && after.len() <= 6
                && (noun + 2..end).all(|j| {
                    let w = self.lower[j].as_ref();
                    !is_punct(w) && !CLAUSE_WORDS.contains(&w) && !AUXILIARIES.contains(&w)
                }));
        // `IMF directors at a meeting expected to take place next month`: a participle
        // after the occasion describes it; nobody spoke.
        let describes_occasion = after.is_empty()
            && EVENTS.contains(&self.lower[noun].as_ref())
            && self.lower.get(end).is_some_and(|w| w.ends_with("ed"))
            && self.lower.get(end + 1).is_some_and(|w| w == "to");
        if describes_occasion {
            return None;
        }
        let before = self.lower[prep - 1].as_ref();
        let spoken_by_someone = !is_punct(before)
            && !CLAUSE_WORDS.contains(&before)
            && (cue_word(before).is_none() || capitalized(self.tokens[prep - 1].text))
            && !self.looks_like_verb(prep - 1);
        (describing && trailing && spoken_by_someone).then_some(prep)
    }

    /// Whether the `by` at token `by` says how something was said (`said by telephone
    /// from Milwaukee`, `told by letter.`), not who said it. (`by telephone callers`
    /// are people: a noun after the medium word.)
    pub(super) fn by_medium(&self, by: usize) -> bool {
        const MEDIA: &[&str] = &[
            "telephone",
            "phone",
            "fax",
            "telex",
            "email",
            "e-mail",
            "letter",
            "cable",
            "satellite",
            "videolink",
            "video",
            "radio",
            "mail",
            "post",
            "text",
            "teleconference",
            "videoconference",
        ];
        let word = |j: usize| self.lower.get(j).map_or("", Deref::deref);
        let next = word(by + 2);
        word(by) == "by"
            && MEDIA.contains(&word(by + 1))
            && (is_punct(next) || CLAUSE_WORDS.contains(&next) || is_time_word(next))
    }

    /// The cue at `i` and what follows it, its speaker unknown.
    pub(super) fn without_speaker(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(Attribution, usize)> {
        let (content_from, content_to, direct) = self.content_after(s, cue_end, cue)?;
        Some((
            self.attribution(
                None,
                (i, cue_end, cue),
                (content_from, content_to),
                direct,
                Some(s),
            )?,
            cue_end,
        ))
    }

    /// `Asked whether Clinton has the integrity ..., 40 percent said no`, `said when
    /// asked if ...`: the question put to someone, its asker unnamed. The content is
    /// the question, up to its comma.
    pub(super) fn asked_question(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        const QUESTION_WORDS: &[&str] = &[
            "whether", "if", "what", "who", "whom", "why", "how", "when", "which", "where", "about",
        ];
        let range = self.sentences[s].clone();
        let opens_clause =
            i == range.start || matches!(self.lower[i - 1].as_ref(), "when" | "," | "after");
        let mut from = i + 1;
        if self.lower.get(from).is_some_and(|w| w.ends_with("ly")) {
            from += 1; // `Asked specifically what ...`
        }
        if !opens_clause
            || !self
                .lower
                .get(from)
                .is_some_and(|w| QUESTION_WORDS.contains(&w.as_ref()))
        {
            return None;
        }
        // The question ends at a comma, or where its answer's speaker starts without
        // one (`Asked whether she was nervous she said ...`).
        let to = (from + 1..range.end)
            .find(|j| matches!(self.lower[*j].as_ref(), "," | ";" | ":") || self.answer_starts(*j))
            .unwrap_or(range.end);
        let (content_from, content_to, direct) = self.trimmed(from, to)?;
        let cue = CueWord {
            lemma: "ask",
            stance: Stance::Urge,
        };
        Some((
            self.attribution(
                None,
                (i, i + 1, cue),
                (content_from, content_to),
                direct,
                None,
            )?,
            to,
        ))
    }

    /// Whether a speaker and its saying verb start at token `j`: `he said`, `Mr Blair
    /// replied`, `she has said`.
    pub(super) fn answer_starts(&self, j: usize) -> bool {
        let w = self.lower[j].as_ref();
        if !(matches!(w, "he" | "she" | "they" | "i" | "we") || capitalized(self.tokens[j].text)) {
            return false;
        }
        let mut k = j + 1;
        while k < self.lower.len() && capitalized(self.tokens[k].text) {
            k += 1;
        }
        while k < self.lower.len() && self.verb_modifier(k) {
            k += 1;
        }
        k < self.lower.len()
            && !capitalized(self.tokens[k].text)
            && cue_word(&self.lower[k]).is_some_and(|c| c.stance == Stance::Say)
    }

    /// `said in a statement`, `told CNN in an interview`: the medium belongs to the
    /// cue (PolNeAR marks it inside 72 times, outside 50), and it is not the content.
    pub(super) fn past_medium(&self, cue_end: usize) -> usize {
        let word = |j: usize| self.lower.get(j).map(Deref::deref).unwrap_or("");
        if self.by_medium(cue_end) {
            return cue_end + 2;
        }
        if word(cue_end) != "in"
            || !matches!(
                word(cue_end + 1),
                "a" | "an" | "his" | "her" | "its" | "their"
            )
        {
            return cue_end;
        }
        // One describing word may stand before the medium (`a written statement`).
        for end in [cue_end + 2, cue_end + 3] {
            if STATEMENTS.contains(&word(end)) {
                return end + 1;
            }
        }
        cue_end
    }

    /// True when an auxiliary (`was`, `has been`) stands right before token `i`.
    pub(super) fn after_auxiliary(&self, i: usize) -> bool {
        i > 0 && AUXILIARIES.contains(&self.lower[i - 1].as_ref())
    }

    /// `another board member, accused by Anil of creating a rift`: a participle with
    /// its agent and no auxiliary. The agent speaks; what follows the agent is said.
    pub(super) fn reduced_passive(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let (agent_from, phrase_to) = self.noun_phrase_after(cue_end + 1, range.end)?;
        // The agent ends where the accusation begins (`by Anil of creating a rift`).
        let agent_to = (agent_from + 1..phrase_to)
            .find(|j| {
                matches!(
                    self.lower[*j].as_ref(),
                    "of" | "for" | "over" | "as" | "after"
                )
            })
            .unwrap_or(phrase_to);
        let (content_from, mut content_to, direct) = self.content_after(s, agent_to, cue)?;
        // Set off by commas (`a member, accused by Anil of ..., was`), it ends at the
        // next one.
        if i > 0 && self.lower[i - 1] == "," {
            content_to = (content_from..content_to)
                .find(|j| self.lower[*j] == ",")
                .unwrap_or(content_to);
        }
        Some((
            self.attribution(
                self.source(agent_from, agent_to),
                (i, cue_end, cue),
                (content_from, content_to),
                direct,
                Some(s),
            )?,
            content_to,
        ))
    }

    /// `the reports`, `Iran's claims`: token `j` follows a determiner or a possessive,
    /// so it is a noun even when it is also a cue word.
    pub(super) fn after_determiner(&self, j: usize, sentence_start: usize) -> bool {
        j > sentence_start && {
            let before = self.lower[j - 1].as_ref();
            DETERMINERS.contains(&before) || before == "'s" || before == "’s"
        }
    }

    /// `the congressional report said`, `the annual report said`: token `j`, a cue word
    /// that is also the name of a document, ends a noun phrase opened by a determiner
    /// one or two plain lowercase words before it, so it is the speaker's noun, not a
    /// verb of its own. (Only documents: `a percentage point predicted`, `arson
    /// attacks blamed on` are what was predicted or blamed, not who spoke.)
    pub(super) fn noun_after_adjectives(&self, j: usize, sentence_start: usize) -> bool {
        if !matches!(
            self.lower[j].as_ref(),
            "report" | "statement" | "study" | "survey"
        ) {
            return false;
        }
        let plain = |k: usize| {
            let w = self.lower[k].as_ref();
            self.tokens[k].text.chars().all(|c| c.is_ascii_lowercase())
                && cue_word(w).is_none()
                && !CLAUSE_WORDS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && !PRONOUNS.contains(&w)
                && !ly_adverb(w)
        };
        (1..=2).any(|n| {
            j > sentence_start + n
                && (j - n..j).all(plain)
                && self.after_determiner(j - n, sentence_start)
        })
    }

    /// `Sanders’ campaign manager`: a `’` or `'` straight after a word ending in `s`,
    /// before a space and a word, is a plural possessive, not a closing quote.
    pub(super) fn plural_possessive(&self, j: usize) -> bool {
        let mark = &self.tokens[j];
        if !matches!(mark.text, "’" | "'") || j == 0 || j + 1 >= self.tokens.len() {
            return false;
        }
        let word = &self.tokens[j - 1];
        let next = &self.tokens[j + 1];
        word.end == mark.start
            && word.text.ends_with('s')
            && next.start > mark.end
            && next.text.chars().next().is_some_and(char::is_alphabetic)
    }

    /// `France, Britain and Canada said`: whether the comma at `comma` parts names
    /// of a list that ends in `and`/`or` before `end`, with a name on either side,
    /// so the speaker is the whole list. A name after a fronted preposition opens no
    /// list (`In Tokyo, Britain and Canada said`).
    pub(super) fn continues_a_list(&self, comma: usize, end: usize, sentence_start: usize) -> bool {
        let conjunction = (comma + 1..end).any(|j| matches!(self.lower[j].as_ref(), "and" | "or"))
            // `in Frankfurt, New York and San Francisco by RSA Security`: places, not
            // the speaker.
            && (comma + 1..end).all(|j| self.lower[j] != "by");
        let names_right = self.mention_starting_at(comma + 1).is_some();
        let Some(left) = comma
            .checked_sub(1)
            .filter(|l| *l >= sentence_start && self.ends_a_mention(*l))
        else {
            return false;
        };
        let left_start = self.mention_start_before(left, sentence_start);
        let fronted = left_start
            .checked_sub(1)
            .filter(|b| *b >= sentence_start)
            .is_some_and(|b| {
                matches!(
                    self.lower[b].as_ref(),
                    "in" | "on"
                        | "at"
                        | "after"
                        | "before"
                        | "during"
                        | "since"
                        | "with"
                        | "across"
                        | "like"
                        | "unlike"
                )
            });
        conjunction && names_right && !fronted
    }

    /// The mention whose first character is token `j`'s first.
    pub(super) fn mention_starting_at(&self, j: usize) -> Option<&Mention> {
        let at = self.chars.at(self.tokens.get(j)?.start);
        self.mentions.iter().find(|m| m.start == at).copied()
    }

    /// Whether a mention ends with token `j`.
    pub(super) fn ends_a_mention(&self, j: usize) -> bool {
        self.tokens.get(j).is_some_and(|token| {
            let at = self.chars.at(token.end);
            self.mentions.iter().any(|m| m.end == at)
        })
    }

    /// `Ironhorse Oil and Gas has denied`: when a name the tagger found starts before
    /// token `start` and runs into it, the token its first word is (within the
    /// sentence); `start` otherwise.
    pub(super) fn mention_start_before(&self, start: usize, sentence_start: usize) -> usize {
        let at = self.chars.at(self.tokens[start].start);
        let Some(mention) = self.mentions.iter().find(|m| m.start < at && at < m.end) else {
            return start;
        };
        (sentence_start..start)
            .rev()
            .take_while(|j| self.chars.at(self.tokens[*j].end) > mention.start)
            .last()
            .unwrap_or(start)
    }
}
