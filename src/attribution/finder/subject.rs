//! A sentence's subject when it is the speaker: coordinated and appositive subjects,
//! relative clauses, and the noun phrase a cue's subject names.

use crate::attribution::cues::cue_word;
use crate::attribution::finder::source::past_or_cue;
use crate::attribution::finder::{capitalized, is_open_quote, is_punct, is_quote, Finder};
use crate::attribution::words::{
    is_time_word, ly_adverb, names_people, ADVERBIAL_OPENERS, ADVERBIAL_TOKENS, AUXILIARIES,
    CLAUSE_WORDS, DETERMINERS, EXPERT_NOUNS, PEOPLE_NOUNS, PEOPLE_WORDS, PRONOUNS, ROLES_TO,
    SENTENCE_LINKS, SPEAKING_SUBJECTS,
};
use crate::attribution::Source;
use std::ops::Deref;

impl Finder<'_> {
    /// `Wilson praised Rubio's positions and said ...`, `He met the families but
    /// declined to ...`: a cue right after `and` or `but` (auxiliaries and adverbs
    /// skipped) shares the subject that opens its sentence.
    pub(super) fn coordinated_subject(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let j = self.modifiers_start(range.start, i);
        let conjunction = j.checked_sub(1).filter(|c| *c > range.start)?;
        if !matches!(self.lower[conjunction].as_ref(), "and" | "but") {
            return None;
        }
        let (from, to, verb) = self.sentence_subject(s)?;
        // `The key is if Gerrard comes out and says`: after a form of `be`, a
        // conjunction opens another clause, whose subject is the one that speaks.
        // (`The BPI is concerned that ... and said`, `Blinkx is software that watches
        // ... and suggests`: a complement or a relative clause keeps the subject.)
        let copula = matches!(self.lower[verb].as_ref(), "is" | "was" | "are" | "were");
        let another_clause = copula
            && (verb + 1..conjunction).any(|j| {
                matches!(
                    self.lower[j].as_ref(),
                    "if" | "when"
                        | "whether"
                        | "because"
                        | "while"
                        | "since"
                        | "although"
                        | "though"
                        | "unless"
                        | "once"
                )
            });
        // The subject's verb must come between it and the conjunction.
        (to <= verb && verb < conjunction && !another_clause).then_some((from, to))
    }

    /// An auxiliary or a lowercase `-ly` adverb (`has`, `would not`, `also`,
    /// `repeatedly`): the words between a subject and its cue that belong to neither.
    pub(super) fn verb_modifier(&self, j: usize) -> bool {
        let w = self.lower[j].as_ref();
        // `has so far refused`, `have thus far declined`.
        let so_far = (w == "far" && j > 0 && matches!(self.lower[j - 1].as_ref(), "so" | "thus"))
            || (matches!(w, "so" | "thus") && self.lower.get(j + 1).is_some_and(|n| n == "far"));
        // `who have all denied`, `are both expected`.
        let floating = matches!(w, "all" | "both")
            && j > 0
            && AUXILIARIES.contains(&self.lower[j - 1].as_ref());
        AUXILIARIES.contains(&w)
            || self.contracted_is(j)
            || so_far
            || floating
            || ly_adverb(w) && !capitalized(self.tokens[j].text)
    }

    /// `He's claiming`: token `j` is `'s` after a pronoun, so `is`, never a possessive.
    pub(super) fn contracted_is(&self, j: usize) -> bool {
        matches!(self.lower[j].as_ref(), "'s" | "’s")
            && j.checked_sub(1)
                .is_some_and(|p| matches!(self.lower[p].as_ref(), "he" | "she" | "it" | "who"))
    }

    /// Where the run of [`Finder::verb_modifier`] words right before token `i` starts
    /// (`i` itself when there is none), not before `floor`.
    pub(super) fn modifiers_start(&self, floor: usize, i: usize) -> usize {
        let mut j = i;
        while j > floor && self.verb_modifier(j - 1) {
            j -= 1;
        }
        j
    }

    /// `Martin O’Malley, who noted that ...`: a cue in a relative clause. Returns the
    /// `who` token (the speaker's words, as annotators mark them) and the noun phrase
    /// it stands for (whose entity the speaker is).
    pub(super) fn relative_antecedent(
        &self,
        s: usize,
        i: usize,
    ) -> Option<(usize, (usize, usize))> {
        let range = self.sentences[s].clone();
        let who = self.modifiers_start(range.start, i);
        let who = who.checked_sub(1).filter(|w| *w > range.start + 1)?;
        if self.lower[who] != "who" || self.lower[who - 1] != "," {
            return None;
        }
        Some((who, self.speaker_before(range.start, who - 1)?))
    }

    /// `Voters who backed Trump said`, `Officials who spoke on condition of anonymity
    /// said`: a speaker phrase `from..to` inside a relative clause with no comma before
    /// its `who` (nor any punctuation up to the phrase's end) is only the end of the
    /// subject; the speaker is the noun phrase the clause belongs to. Returns that noun
    /// phrase's span, which ends at the `who`: the speaker's words run from its start
    /// to `to` (as PolNeAR marks them), but who speaks is the noun phrase alone, never a
    /// name inside the clause (the voters, not Trump).
    pub(super) fn restrictive_relative(
        &self,
        sentence_start: usize,
        (from, to): (usize, usize),
    ) -> Option<(usize, usize)> {
        /// How far back the `who` may stand: a clause of a few phrases.
        const CLAUSE_TOKENS: usize = 24;
        /// Words that open a clause of their own inside the relative one (`who would
        /// govern by dividing the camps that Mr. Obama argued`), whose subject speaks.
        const INNER_CLAUSE: &[&str] = &[
            "that", "which", "whom", "whose", "when", "while", "because", "if", "where", "what",
            "whether", "though", "although", "unless", "until", "since",
        ];
        /// Words after `who` that are the clause's own subject (`a man who many
        /// believe betrayed`, `people who they believe speak Spanish`): an object
        /// relative, whose subject is the speaker.
        const OBJECT_RELATIVE: &[&str] = &["many", "most", "some", "few", "others"];
        let who = (sentence_start + 1..from)
            .rev()
            .take(CLAUSE_TOKENS)
            .find(|&j| self.lower[j] == "who")?;
        let set_off = (who - 1..to)
            .filter(|&j| j != who)
            .any(|j| is_punct(&self.lower[j]) || is_quote(self.tokens[j].text));
        let after_who = self.lower[who + 1].as_ref();
        let object_relative = PRONOUNS.contains(&after_who)
            || OBJECT_RELATIVE.contains(&after_who)
            || DETERMINERS.contains(&after_who)
            || capitalized(self.tokens[who + 1].text);
        // `... get their presents early as experts predict`: a phrase opening after
        // `as` or `than` is the subject of a clause of its own.
        let own_subject = PRONOUNS.contains(&self.lower[from].as_ref())
            || matches!(self.lower[from - 1].as_ref(), "as" | "than")
            || (who + 1..from).any(|j| INNER_CLAUSE.contains(&self.lower[j].as_ref()));
        if set_off || object_relative || own_subject {
            return None;
        }
        let (start, end) = self.phrase_before(sentence_start, who)?;
        // `voters in Florida who ...`: a noun phrase inside another one's
        // preposition is no speaker of its own.
        let inside_a_phrase = start > sentence_start
            && matches!(
                self.tokens[start - 1].text,
                "in" | "of" | "from" | "at" | "for" | "with" | "on" | "to" | "by" | "about"
            );
        (end == who && !inside_a_phrase).then_some((start, end))
    }

    /// A speaker with a restrictive relative clause (see
    /// [`Finder::restrictive_relative`]) is who its noun phrase `phrase` names, with
    /// that phrase's affiliations: none when it names no one (`Voters who backed
    /// Trump` are not Trump, nor his).
    pub(super) fn named_by_its_phrase(
        &self,
        mut found: Source,
        phrase: Option<(usize, usize)>,
    ) -> Source {
        let Some((from, to)) = phrase else {
            return found;
        };
        if let Some(named) = self.source(from, to) {
            found.canonical = named.canonical;
            found.kind = named.kind;
            found.affiliations = named.affiliations;
        }
        found
    }

    /// A `who` speaker takes the entity of the phrase it stands for.
    pub(super) fn named_by_antecedent(
        &self,
        found: Source,
        antecedent: Option<(usize, (usize, usize))>,
    ) -> Source {
        self.named_by_its_phrase(found, antecedent.map(|(_, phrase)| phrase))
    }

    /// `Norman Brennan, director of the Victims of Crime Trust, accused Lord Woolf of
    /// ...`: a cue after the comma closing an appositive has the sentence's subject as
    /// its speaker, also behind its auxiliaries (`Snyder, for his part, has denied`).
    /// The speaker's span takes in its appositive (`Brian Fallon, the campaign's press
    /// secretary,`), as PolNeAR marks it, unless the commas hold an aside (`for his
    /// part`, `however`).
    pub(super) fn appositive_subject(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let verb = self.modifiers_start(range.start, i);
        let closing = verb.checked_sub(1).filter(|c| self.lower[*c] == ",")?;
        // `Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said`: a party and
        // state may stand between the subject and its comma.
        let comma_at = |to: usize| match self.lower.get(to).map(Deref::deref) {
            Some(",") => true,
            Some("(") => (to + 1..range.end.min(to + 8))
                .find(|k| self.lower[*k] == ")")
                .is_some_and(|close| self.lower.get(close + 1).is_some_and(|w| w == ",")),
            _ => false,
        };
        let (from, to) = match self.sentence_subject(s) {
            Some((from, to, subject_verb))
                if subject_verb <= i
                    && (subject_verb..i).all(|j| self.verb_modifier(j))
                    && comma_at(to) =>
            {
                (from, to)
            }
            _ => self
                .subject_before_appositive(range.start, closing)
                .or_else(|| self.whole_subject_before_comma(s, i, closing))?,
        };
        let aside = matches!(
            self.lower.get(to + 1).map(Deref::deref),
            Some(
                "for"
                    | "in"
                    | "on"
                    | "at"
                    | "however"
                    | "meanwhile"
                    | "though"
                    | "too"
                    | "by"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "speaking"
                    | "asked"
            )
        ) || self
            .lower
            .get(to + 1)
            // `The firm, reporting its results, said`: a participle's clause.
            .is_some_and(|w| w.ends_with("ing") && cue_word(w).is_some());
        Some(if aside || to >= closing {
            (from, to)
        } else {
            (from, closing)
        })
    }

    /// `William Siedenburg of Smith Barney Harris Upham and Co, said Phelps has ...`:
    /// wire copy sometimes puts a comma between a long subject and its verb. The
    /// subject is then everything from the sentence's start (past its dateline) to the
    /// comma, when that is one speaker phrase opening with a capital and the cue is a
    /// finite saying verb: `The transaction, expected to close in March, involves`
    /// and `Nemeth, recalled in place of Job, was denied` open a participle's aside.
    pub(super) fn whole_subject_before_comma(
        &self,
        s: usize,
        i: usize,
        closing: usize,
    ) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let finite = matches!(
            self.lower[i].as_ref(),
            "said" | "says" | "told" | "tells" | "added" | "adds"
        ) && !self
            .lower
            .get(i + 1)
            .is_some_and(|w| matches!(w.as_ref(), "to" | "by"));
        let start = self.past_dateline(range.start, range.end);
        if !finite || !capitalized(self.tokens.get(start)?.text) {
            return None;
        }
        let opener = closing == start + 1
            && (matches!(
                self.lower[start].as_ref(),
                "however"
                    | "meanwhile"
                    | "moreover"
                    | "furthermore"
                    | "instead"
                    | "separately"
                    | "yesterday"
                    | "today"
                    | "overall"
                    | "still"
                    | "also"
            ) || ly_adverb(&self.lower[start]));
        if opener {
            return None;
        }
        let (from, to) = self.speaker_before(start, closing)?;
        (from == start && to == closing).then_some((from, to))
    }

    /// `A lawyer for the news outlets, David Schulz, said`, `Mr. King, 82, told me`:
    /// the noun phrase before the comma that opens the appositive closing at
    /// `closing`, when nothing in between is a quote or a cue of its own.
    pub(super) fn subject_before_appositive(
        &self,
        sentence_start: usize,
        closing: usize,
    ) -> Option<(usize, usize)> {
        let floor = sentence_start.max(closing.saturating_sub(30));
        let opening = (floor..closing).rev().find(|j| {
            // A plural possessive's `’` (`Sanders’ campaign manager`) is no quote.
            self.lower[*j] == ","
                || (is_quote(self.tokens[*j].text) && !self.plural_possessive(*j))
                || self.lower[*j] == ":"
        })?;
        if self.lower[opening] != "," || opening + 1 >= closing {
            return None;
        }
        // `Hillary Clinton, at a later press gaggle, said`: an aside of a preposition
        // and its noun phrase has no verb, so a cue word in it is a noun's.
        let prepositional = matches!(
            self.lower[opening + 1].as_ref(),
            "at" | "in" | "during" | "on" | "after" | "before" | "following"
        ) && opening + 2 < closing
            && DETERMINERS.contains(&self.lower[opening + 2].as_ref())
            && !(opening + 3..closing).any(|j| {
                let w = self.lower[j].as_ref();
                matches!(w, "who" | "which" | "that" | "where" | "when") || is_punct(w)
            });
        // `A Bank of England spokesman, commenting on the figures, said`: a gerund
        // opening the aside is an attribution of its own, set inside the subject's.
        let gerund_aside = self.lower[opening + 1].ends_with("ing");
        let own_cue = !prepositional
            && (opening + 1 + usize::from(gerund_aside)..closing).any(|j| {
                !capitalized(self.tokens[j].text)
                    && cue_word(&self.lower[j]).is_some()
                    && !self.after_determiner(j, opening + 1)
            });
        if own_cue {
            return None;
        }
        let (from, to) = self.speaker_before(sentence_start, opening)?;
        // `Rep. Elijah Cummings (D-Md.), chair of ...`: a party and state between
        // the name and its comma.
        let parenthetical = self.lower[to] == "(" && self.lower[opening - 1] == ")";
        (to == opening || parenthetical).then_some((from, to))
    }

    /// The name or pronoun opening sentence `s` (after a `But` or `And`), when a verb
    /// follows it: `Wilson praised`, `Sen. Ted Cruz, R-Texas, said`, `She declared`,
    /// `The group called`. Returns the subject's token range and its verb's token.
    pub(super) fn sentence_subject(&self, s: usize) -> Option<(usize, usize, usize)> {
        let range = self.sentences[s].clone();
        // `BONN, April 24 - Economics Minister Martin Bangemann, who ..., said`.
        let mut start = self.past_dateline(range.start, range.end);
        if start + 1 >= range.end {
            return None;
        }
        if SENTENCE_LINKS.contains(&self.lower[start].as_ref()) {
            start += 1;
            if self.lower.get(start).is_some_and(|w| w == ",") {
                start += 1;
            }
            if start + 1 >= range.end {
                return None;
            }
        }
        // `At his last press conference, he laughed and said`: past an adverbial
        // phrase and its comma.
        let opener = &self.lower[start];
        if ADVERBIAL_OPENERS.contains(&opener.as_ref()) || is_time_word(opener) {
            let limit = range.end.min(start + ADVERBIAL_TOKENS + 2);
            let comma = (start + 1..limit).find(|&j| self.lower[j] == ",");
            if let Some(comma) = comma.filter(|&c| {
                c + 2 < range.end && (start..c).all(|j| !is_quote(self.tokens[j].text))
            }) {
                start = comma + 1;
            }
        }
        let first = self.lower[start].as_ref();
        let mut end = start;
        if matches!(first, "he" | "she" | "they" | "we") {
            end = start + 1;
        } else {
            // `The group called`: a determiner and one noun; otherwise a name of up to
            // five capitalized words (`Sen.`, `Lt. Gen.` and `of` inside it).
            if first == "the" && range.end > start + 2 {
                let noun = &self.tokens[start + 1];
                if !capitalized(noun.text) && noun.text.chars().all(char::is_alphabetic) {
                    end = start + 2;
                }
            }
            if end == start {
                let skip = usize::from(first == "the");
                end = start + skip;
                while end < range.end
                    && end - start < 6
                    && (capitalized(self.tokens[end].text)
                        || (end > start + skip
                            && matches!(self.lower[end].as_ref(), "." | "of" | "'s" | "’s")))
                {
                    end += 1;
                }
                if end == start + skip || !capitalized(self.tokens[end - 1].text) {
                    return None;
                }
            }
        }
        // A party and state (`Rick Scott (R) blasted`) or an appositive (`Cruz, a
        // Texas senator,`) between the name and its verb.
        let mut verb = end;
        if self.lower.get(verb).is_some_and(|w| w == "(") {
            verb = (verb + 1..range.end.min(verb + 8)).find(|k| self.lower[*k] == ")")? + 1;
        }
        if self.lower.get(verb).is_some_and(|w| w == ",") {
            verb = (verb + 1..range.end.min(verb + 12)).find(|k| self.lower[*k] == ",")? + 1;
        }
        let verb_word = self.tokens.get(verb).filter(|_| verb < range.end)?.text;
        // `Trump was angry and said`: a form of `be` is a verb here, though it ends a
        // speaker phrase read backwards; but only after someone who can speak (a
        // pronoun, `Analysts`, `The senator`, a name the tagger found: looked up only
        // for a form of `be`), not `The price is ... and will continue` or `There
        // were ... and estimates vary`.
        let speaks = || {
            // (A pronoun subject is one word: its head is `first`.)
            names_people(&self.lower[end - 1])
                || (start..end).any(|j| self.mention_starting_at(j).is_some())
        };
        let copula = matches!(verb_word, "is" | "was" | "are" | "were") && speaks();
        let verb_like = verb_word.chars().all(|c| c.is_ascii_lowercase())
            && (cue_word(verb_word).is_some() || copula || !CLAUSE_WORDS.contains(&verb_word))
            && !DETERMINERS.contains(&verb_word);
        // `A senior Ivory Coast Agriculture Ministry official confirmed ... and said`,
        // `West German finance minister Gerhard Stoltenberg suggested`: the name is
        // only the start of a longer subject when a description follows it.
        if verb_like && verb == end && !self.looks_like_verb(verb) {
            if let Some((to, verb)) = self.verb_after_description(start, end, range.end) {
                return Some((start, to, verb));
            }
        }
        // `A spokesman for the firm refused ... but said`: an article alone is no
        // subject; the phrase it opens runs, prepositions and all, up to its verb.
        if end == start + 1 && DETERMINERS.contains(&first) {
            let verb = (end..range.end.min(end + 12))
                .take_while(|&j| !is_punct(&self.lower[j]))
                .find(|&j| !capitalized(self.tokens[j].text) && self.looks_like_verb(j))?;
            let (from, to) = self.speaker_before(start, verb)?;
            return (from == start && to == self.modifiers_start(start, verb))
                .then_some((from, to, verb));
        }
        verb_like.then_some((start, end, verb))
    }

    /// A word that is plainly a verb: a cue, an auxiliary, a past form (`-ed` or a
    /// common irregular one).
    pub(super) fn looks_like_verb(&self, j: usize) -> bool {
        let w = self.lower[j].as_ref();
        past_or_cue(w) || AUXILIARIES.contains(&w) || matches!(w, "wants" | "plans")
    }

    /// Whether the preposition at `prep` joins the noun before it into one speaker
    /// phrase: `in` after a plural noun of people (`traders in Tokyo`), `to` after a
    /// role that serves someone (`an aide to Lyng`).
    pub(super) fn joins_its_noun(&self, prep: usize, sentence_start: usize) -> bool {
        if prep <= sentence_start {
            return false;
        }
        let noun = self.lower[prep - 1].as_ref();
        match self.lower[prep].as_ref() {
            "in" => PEOPLE_NOUNS.contains(&noun),
            // `sources close to the company`.
            "to" => ROLES_TO.contains(&noun) || noun == "close",
            // `experts on North Korea`: what they know about, not who they are.
            "on" => EXPERT_NOUNS.contains(&noun),
            // `people familiar with the matter`.
            "with" => noun == "familiar",
            _ => false,
        }
    }

    /// The verb ending the subject that opens at `start` with a name ending at `end`,
    /// when lowercase description words (and more names) stand between: the first
    /// plain verb within ten words, with [`Finder::speaker_before`] reading all the
    /// words from `start` to it (auxiliaries aside) as one speaker. Returns the
    /// subject's end and the verb.
    pub(super) fn verb_after_description(
        &self,
        start: usize,
        end: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let verb = (end..limit.min(end + 10))
            .take_while(|&j| {
                let w = self.lower[j].as_ref();
                !is_punct(w) && !CLAUSE_WORDS.contains(&w) && w != "to"
            })
            .find(|&j| !capitalized(self.tokens[j].text) && self.looks_like_verb(j))?;
        let (from, to) = self.speaker_before(start, verb)?;
        (from == start && to == self.modifiers_start(start, verb)).then_some((to, verb))
    }

    /// The subject of the sentence, for a gerund cue (`..., saying ...`): the first
    /// speaker-like phrase before the first cue of the sentence.
    pub(super) fn speaker_of_sentence(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        // (`The charges ..., alleging`, `The comments come after Tony Blair defended
        // ..., warning`: a cue word after a determiner is a noun.)
        let first_cue = (range.start..i).find(|j| {
            cue_word(&self.lower[*j]).is_some()
                && !capitalized(self.tokens[*j].text)
                && !self.lower[*j].ends_with("ing")
                && !self.after_determiner(*j, range.start)
        });
        match first_cue {
            Some(cue) => self.speaker_before(range.start, cue),
            None => self.subject_who_can_speak(s, i),
        }
    }

    /// `Labour later took the image off its website, saying ...`, `Other analysts were
    /// less optimistic, predicting ...`, `After Carson died, President Bush led the
    /// tribute, saying ...`: with no cue before a gerund, the subject of the
    /// sentence's main clause speaks when it is someone: a pronoun, people (`analysts`,
    /// `a US woman`), a body (`the firm`), or a name the tagger found ending it. Not
    /// `Brent crude rose ..., adding $1.89`, `The BBC's search engine was used ...,
    /// helping`, `Wimbledon was a more refreshing affair as ..., showing`, nor a
    /// subject inside a quote (`"Xavi did things ...," the paper beams, adding`).
    pub(super) fn subject_who_can_speak(&self, s: usize, i: usize) -> Option<(usize, usize)> {
        let range = self.sentences[s].clone();
        let open = self.past_dateline(range.start, range.end);
        // A clause opens the sentence (`But`, `However,` aside), or follows an
        // adverbial opening phrase and its comma (`After Carson died,`, `Last July,`).
        let opens_clause = |from: usize| {
            let plain = |j: usize| {
                let w = self.lower[j].as_ref();
                (is_punct(w) && !is_open_quote(self.tokens[j].text)) || SENTENCE_LINKS.contains(&w)
            };
            let adverbial = from > open + 1
                && self.lower[from - 1] == ","
                && (open..from - 1).all(|j| !is_open_quote(self.tokens[j].text))
                && (ADVERBIAL_OPENERS.contains(&self.lower[open].as_ref())
                    || is_time_word(&self.lower[open])
                    || matches!(
                        self.lower[open].as_ref(),
                        "last" | "despite" | "although" | "though" | "since" | "because" | "if"
                    ));
            (open..from).all(plain) || adverbial
        };
        let (from, to, verb) = (open..i)
            .filter(|&j| !capitalized(self.tokens[j].text) && self.looks_like_verb(j))
            .find_map(|verb| {
                // `is suing`: the speaker is read back from the verb past its
                // auxiliaries.
                let mut main = verb;
                while main + 1 < i
                    && AUXILIARIES.contains(&self.lower[main].as_ref())
                    && (self.looks_like_verb(main + 1) || self.lower[main + 1].ends_with("ing"))
                {
                    main += 1;
                }
                let (from, to) = self.speaker_before(range.start, main)?;
                (to > from && opens_clause(from)).then_some((from, to, main))
            })?;
        // `Wimbledon was a more refreshing affair`: a subject described, not acting.
        let described = matches!(self.lower[verb].as_ref(), "is" | "was" | "are" | "were")
            && self
                .lower
                .get(verb + 1)
                .is_some_and(|w| matches!(w.as_ref(), "a" | "an" | "the"));
        if described {
            return None;
        }
        let head = self.lower[to - 1].as_ref();
        let named = self.ends_a_mention(to - 1);
        let speaks = names_people(head)
            || PEOPLE_WORDS.contains(&head)
            || SPEAKING_SUBJECTS.contains(&head)
            || named;
        speaks.then_some((from, to))
    }

    /// A noun phrase from `from` up to punctuation or a clause word: token range.
    pub(super) fn noun_phrase_after(&self, from: usize, limit: usize) -> Option<(usize, usize)> {
        // `spoke on condition of anonymity`: a preposition starts no speaker.
        if self
            .lower
            .get(from)
            .is_none_or(|w| CLAUSE_WORDS.contains(&w.as_ref()) || is_time_word(w))
        {
            return None;
        }
        let mut to = from;
        while to < limit && to - from < 12 {
            let w = self.lower[to].as_ref();
            let inside = matches!(w, "'s" | "’s" | "." | "-" | "&" | "of")
                && to > from
                && to + 1 < limit
                && !is_punct(&self.lower[to + 1]);
            if inside {
                to += 1;
                continue;
            }
            if is_punct(w)
                || (to > from && (CLAUSE_WORDS.contains(&w) || is_time_word(w)))
                || (to > from
                    && cue_word(w).is_some()
                    && !capitalized(self.tokens[to].text)
                    // `according to central bank estimates.`: ending the phrase, a
                    // noun.
                    && self.lower.get(to + 1).is_some_and(|n| !is_punct(n)))
            {
                break;
            }
            to += 1;
        }
        (to > from).then_some((from, to))
    }
}
