//! The orders news writing puts an attribution in: source first (`Pompeo accused
//! Iran of ...`), content first (`"...," the spokesman said`), `according to`, a
//! speaker's colon and a signature dash.

use crate::attribution::cues::{cue_word, CueWord, Stance, AMBIGUOUS};
use crate::attribution::finder::{
    capitalized, is_close_quote, is_dash, is_open_quote, is_punct, is_quote, Finder,
};
use crate::attribution::roles::ONE_PERSON_ROLES;
use crate::attribution::words::{
    is_adverb, is_time_word, ly_adverb, ADDRESSEE_CUES, AUXILIARIES, CLAUSE_WORDS, DETERMINERS,
    FINITE_AUXILIARIES, INDEFINITE_PRONOUNS, IRREGULAR_PAST, PEOPLE_NOUNS, PRONOUNS,
    QUOTE_SENTENCES,
};
use crate::attribution::{Attribution, Cue, Source};
use crate::entity::EntityKind;
use std::collections::HashMap;
use std::ops::Deref;

/// Labels that end in a colon but name no speaker: a section, a kind of piece, a
/// note to the reader (`Profile:`, `Update:`, `Q:`).
const SECTION_LABELS: &[&str] = &[
    "note",
    "update",
    "updated",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "related",
    "correction",
    "clarification",
    "see",
    "also",
    "transcript",
    "caption",
    "credit",
    "image",
    "q",
    "latest",
    "breaking",
    "analysis",
    "opinion",
    "profile",
    "interview",
    "timeline",
];

impl Finder<'_> {
    /// `SPEAKER [aux] CUE [that] CONTENT`.
    pub(super) fn source_first(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
        gerund: bool,
    ) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let source = if gerund {
            self.speaker_of_sentence(s, i)
        } else {
            self.speaker_before(range.start, i)
        };
        // `are sometimes expected to`: adverbs may stand between `be` and the cue.
        let be_at = (range.start..i)
            .rev()
            .take(3)
            .find(|&j| !is_adverb(&self.lower[j]))
            .filter(|&j| j + 3 >= i);
        // (`is demanding`: a progressive, never a passive.)
        let passive = !self.lower[i].ends_with("ing")
            && be_at.is_some_and(|j| {
                matches!(
                    self.lower[j].as_ref(),
                    "was" | "were" | "been" | "being" | "be" | "is" | "are"
                )
            });
        // A gerund may be an aside after the subject (`Greece, responding to a
        // warning by Turkey, said`), but a phrase with a verb before its comma is a
        // clause, no subject (`After Smith resigned, Labour took ..., saying`).
        let source = source
            .or_else(|| self.coordinated_subject(s, i))
            .or_else(|| {
                self.appositive_subject(s, i)
                    .filter(|&(from, to)| {
                        !gerund
                            || (from..to).all(|j| {
                                capitalized(self.tokens[j].text) || !self.looks_like_verb(j)
                            })
                    })
                    // `ATHENS, March 2 - Greece, responding to ...`: not the dateline.
                    .map(|(from, to)| {
                        (
                            self.past_dateline(from, to)
                                .min(to.saturating_sub(1))
                                .max(from),
                            to,
                        )
                    })
            });
        // `Voters who backed Trump said`: the clause's noun phrase speaks (also for a
        // gerund: `An official who relayed the exchange said ..., telling`).
        let relative = source.filter(|_| !passive).and_then(|(from, to)| {
            self.restrictive_relative(range.start, (from, to))
                .map(|phrase| (phrase, to))
        });
        let source = relative.map_or(source, |((from, _), to)| Some((from, to)));
        let antecedent = match source {
            None => self.relative_antecedent(s, i),
            Some(_) => None,
        };
        let source = source.or(antecedent.map(|(who, _)| (who, who + 1)));
        if cue.lemma == "quote" {
            if let Some(found) =
                self.quoted_as_saying(s, (i, cue_end), cue, source, antecedent, passive)
            {
                return Some(found);
            }
        }
        if source.is_none() && !passive && !gerund {
            return None;
        }
        // `The reports were denied by the ministry`: what was denied stands before the
        // cue, who denied it after `by`.
        let by_agent = self.agent_by(cue_end, range.end).is_some();

        // `The issue is guaranteed by the parent`, `was not worried by his injury`,
        // `is threatened by violence`, `could be explained by a shift of funds`: the
        // agent is a guarantor or a cause, nobody speaking.
        if passive
            && by_agent
            && matches!(cue.lemma, "guarantee" | "worry" | "threaten" | "explain")
        {
            return None;
        }
        if let Some((from, to)) = source.filter(|_| passive && by_agent) {
            // `it was told by Baird that ...`: a passive `tell`'s subject is who was
            // told; what was said is the clause after the agent.
            let told = ADDRESSEE_CUES
                .contains(&cue.lemma)
                .then(|| self.content_after(s, cue_end, cue))
                .flatten()
                .filter(|&(after, _, _)| (cue_end..after).any(|j| self.lower[j] == "that"));
            let (from, to) = told.map_or((from, to), |(after, end, _)| (after, end));
            return Some((
                self.attribution(
                    self.agent_after(cue_end, range.end),
                    (i, cue_end, cue),
                    (from, to),
                    false,
                    Some(s),
                )?,
                cue_end,
            ));
        }
        // `I think`, `we believe`: an opinion voiced inside someone's quote, not an
        // attribution of its own.
        let first_person = source.is_some_and(|(from, to)| {
            to - from == 1 && matches!(self.lower[from].as_ref(), "i" | "we" | "you")
        });
        if first_person && cue.stance == Stance::Believe {
            return None;
        }
        // `Something tells me`: an indefinite pronoun speaks only in idioms.
        let indefinite = source.is_some_and(|(from, to)| {
            to - from == 1 && INDEFINITE_PRONOUNS.contains(&self.lower[from].as_ref())
        });
        if indefinite {
            return None;
        }
        // `"...," the minister said.`: nothing after the cue, the content before the
        // speaker.
        let (source, before_speaker) = match source {
            Some((from, to)) if from > range.start => match self.content_before(s, from) {
                Some(before) => (source, Some(before)),
                // `..., oil traders and analysts said.`: a speaker cut short at a
                // word of its own phrase reaches back to the comma before it.
                None => match self.speaker_from_comma(range.start, from) {
                    Some(wider) => (Some((wider, to)), self.content_before(s, wider)),
                    None => (source, None),
                },
            },
            Some(_) => (source, self.question_quote_before(s)),
            None => (None, None),
        };
        // `..., Fiat said this week, as it exits ...`: a phrase saying when may stand
        // between the cue and the punctuation that closes it.
        let mut closing = cue_end;
        while closing < range.end
            && closing < cue_end + 3
            && (is_time_word(&self.lower[closing])
                || matches!(
                    self.lower[closing].as_ref(),
                    "this" | "last" | "on" | "late"
                ))
        {
            closing += 1;
        }
        // `But as Ann Richards said last Thursday, "..."`: a comma before a quote
        // opens the content rather than closing the cue.
        let quote_follows = self.lower.get(closing).is_some_and(|w| w == ",")
            && self
                .tokens
                .get(closing + 1)
                .is_some_and(|t| is_open_quote(t.text))
            && !before_speaker.is_some_and(|(_, _, direct)| direct);
        let cue_closes = !quote_follows
            && self
                .lower
                .get(closing)
                .is_some_and(|w| matches!(w.as_ref(), "," | "." | ";"));
        // `The Tories, he said, can cut crime`: the sentence goes on after the speaker
        // and cue set in its middle, and what was said is all of it.
        let medial = before_speaker.is_some_and(|(_, _, direct)| !direct)
            && cue_closes
            && self.lower[closing] == ","
            && self.predicate_follows(closing + 1, range.end);
        let after = match before_speaker {
            Some((from, _, _)) if medial => self.trimmed(from, range.end),
            Some(_) if cue_closes => None,
            Some((quote_from, _, true)) => {
                // `"...," Cruz said`: the quote opens the sentence (or an earlier one).
                let opens_sentence = quote_from <= range.start + 1;
                let in_sentence =
                    opens_sentence && source.is_some_and(|(from, _)| from > range.start);
                self.content_after(s, cue_end, cue)
                    .filter(|&(from, to, _)| self.opens_content(cue_end, from, to, in_sentence))
            }
            // `Trump’s excesses are sickening, Hollande said Tuesday in Paris`: after
            // words said before the speaker in the same sentence, a phrase saying
            // only where or when is no content of its own. (`hinted at`, `accused
            // of`: other verbs' prepositions bring their content.)
            Some((before_from, _, _))
                if before_from >= range.start && matches!(cue.lemma, "say" | "add") =>
            {
                self.content_after(s, cue_end, cue)
                    .filter(|&(from, to, _)| self.opens_content(cue_end, from, to, false))
            }
            Some(_) => self.content_after(s, cue_end, cue),
            None => self.content_after(s, cue_end, cue),
        };
        let (content_from, content_to, direct) = after.or(before_speaker)?;
        // `This view was echoed by spokesmen of other banks`: with no subject found, a
        // passive's content is still what stands before it, not its agent.
        let by_content = passive && self.lower[content_from] == "by";
        let (content_from, content_to, direct) = if by_content {
            self.trimmed(range.start, self.modifiers_start(range.start, i))?
        } else {
            (content_from, content_to, direct)
        };
        // `was shown to the cabinet`, `were earlier reported under the daily system`,
        // `is expected at 3.2%`: a passive report with no agent whose words after the
        // cue open on a preposition say to whom, where or how much, not what was said.
        // (`is accused of fraud`, `were blamed for the fall`: a stance's preposition
        // brings its charge.)
        // (`was quoted in the Herald saying: "..."` reports its quote.)
        let saying =
            || (content_from..content_to.min(content_from + 10)).any(|j| self.lower[j] == "saying");
        if passive
            && matches!(cue.stance, Stance::Say | Stance::Believe | Stance::Confirm)
            && content_from >= cue_end
            && self.opens_on_preposition(content_from)
            && self.agent_after(cue_end, range.end).is_none()
            && !saying()
        {
            return None;
        }
        // `O’Malley, who noted that ..., spoke`: the relative clause ends at its comma.
        let content_to = match antecedent {
            Some(_) if !direct => (content_from + 1..content_to)
                .find(|j| self.lower[*j] == ",")
                .unwrap_or(content_to),
            _ => content_to,
        };
        // `Greece, responding to a warning by Turkey, said ...`: a gerund set off after
        // the subject is an aside; its words end at the comma before the main verb.
        let content_to = if gerund && !direct {
            (content_from + 1..content_to)
                .find(|&j| self.lower[j] == "," && self.finite_cue_after(j + 1))
                .unwrap_or(content_to)
        } else {
            content_to
        };
        // `Pensioners are being promised energy savings by the Liberal Democrats`: a
        // passive's object may stand between the cue and its agent; the agent is
        // who spoke, not part of what was promised.
        let agent_limit = content_to;
        let content_to = match self.by_near(cue_end, content_to) {
            Some(by)
                if passive
                    && !by_content
                    && !direct
                    && by > content_from
                    && self.agent_after(cue_end, content_to).is_some() =>
            {
                by
            }
            _ => content_to,
        };
        let content = self.span(content_from, content_to)?;
        let topic = self.topic(s, content_from, content_to);
        let source = if passive {
            self.agent_after(cue_end, if by_content { range.end } else { agent_limit })
        } else {
            source
                .and_then(|(from, to)| self.source(from, to))
                .map(|found| self.named_by_antecedent(found, antecedent))
                .map(|found| self.named_by_its_phrase(found, relative.map(|(phrase, _)| phrase)))
        };
        Some((
            Attribution {
                source,
                cue: self.cue(i, cue_end, cue)?,
                content,
                direct,
                topic,
                continued: Vec::new(),
            },
            cue_end,
        ))
    }

    /// `Miyazawa was quoted as saying that ...`, `Kyodo quoted Miyazawa as saying the
    /// dollar was stable`, `"...," he is quoted as saying by Manager Magazin`: who
    /// spoke is the one quoted (the passive's subject, or the active verb's object),
    /// not the paper or agency quoting them; what they said follows `as saying`, or
    /// stands before the clause when a phrase of where or through whom follows it.
    /// The cue spans tokens `i..cue_end`; `subject` is the speaker found before it, and
    /// `antecedent` what its `who` stands for.
    pub(super) fn quoted_as_saying(
        &self,
        s: usize,
        (i, cue_end): (usize, usize),
        cue: CueWord,
        subject: Option<(usize, usize)>,
        antecedent: Option<(usize, (usize, usize))>,
        passive: bool,
    ) -> Option<(Attribution, usize)> {
        /// Words that open a phrase of where, when or through whom, not a speaker or
        /// what was said (`quoted in a French newspaper as saying`, `as saying via his
        /// lawyers`). Lowercase only: `quoted AT and T chairman James E. Olson`.
        const PHRASE_OPENERS: &[&str] = &[
            "by", "in", "on", "at", "via", "from", "through", "during", "after", "before", "to",
        ];
        let range = self.sentences[s].clone();
        // `as` within a short object or medium phrase, with no quote or colon between:
        // past those, `as saying` belongs to someone else's words.
        let as_at = (cue_end..range.end.min(cue_end + 14))
            .take_while(|&j| {
                !matches!(self.lower[j].as_ref(), ":" | ";") && !is_quote(self.tokens[j].text)
            })
            .find(|&j| {
                self.lower[j] == "as"
                    && self
                        .lower
                        .get(j + 1)
                        .is_some_and(|w| matches!(w.as_ref(), "saying" | "stating" | "telling"))
            })?;
        let saying_end = as_at + 2;
        // The object of an active `quoted X as saying`: a phrase of its own, not the
        // medium of a passive (`quoted by the SPA`, `in a French newspaper`).
        // (`quoted Mobil president Richard Tucker, currently in Peking, as saying`: the
        // object ends at its comma.)
        let object_end = (cue_end..as_at)
            .find(|&j| self.lower[j] == ",")
            .unwrap_or(as_at);
        let object = (!passive
            && object_end > cue_end
            && !PHRASE_OPENERS.contains(&self.tokens[cue_end].text))
        .then_some((cue_end, object_end));
        let source = match object {
            Some((from, to)) => self.source(from, to),
            None => {
                let (from, to) = subject?;
                self.source(from, to)
                    .map(|found| self.named_by_antecedent(found, antecedent))
            }
        };
        // `as telling Labour members he wants ...`: the addressee is no part of it.
        let reported = match self.lower[as_at + 1].as_ref() {
            "telling" => cue_word("told").unwrap_or(cue),
            _ => cue,
        };
        // `"We don't want to go down that road," Reagan was quoted as telling Prime
        // Minister Jacques Chirac after ...`: a quote before the clause is what was said.
        let before = subject.and_then(|(from, _)| self.content_before(s, from));
        let after = self
            .content_after(s, saying_end, reported)
            .filter(|&(from, _, _)| !PHRASE_OPENERS.contains(&self.tokens[from].text));
        let (from, to, direct) = match (before, after) {
            (Some(quote), _) if quote.2 => quote,
            (_, Some(found)) => found,
            (before, None) => before?,
        };
        Some((
            self.attribution(source, (i, cue_end, cue), (from, to), direct, Some(s))?,
            saying_end,
        ))
    }

    /// Whether the words from token `j` open on a preposition (`under the system`, `to
    /// the cabinet`, `at 3.2%`) rather than a clause or an infinitive (`to resign`, `to
    /// be struggling`).
    pub(super) fn opens_on_preposition(&self, j: usize) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "with", "under", "at", "in", "on", "into", "for", "from", "over", "after", "before",
            "during", "against", "without", "within", "among", "through", "since", "until", "upon",
            "onto",
        ];
        let Some(first) = self.lower.get(j).map(Deref::deref) else {
            return false;
        };
        let to_a_noun = first == "to"
            && self.tokens.get(j + 1).is_some_and(|t| {
                capitalized(t.text)
                    || matches!(
                        t.text,
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "our"
                            | "him"
                            | "them"
                            | "me"
                            | "us"
                            | "hospital"
                            | "court"
                    )
            });
        PREPOSITIONS.contains(&first) || to_a_noun
    }

    /// `..., analysts polled by Reuters said.`, `..., officials of the Transport
    /// Ministry said.`: where a speaker found up to a word of its own phrase really
    /// starts, the comma or quote before it, when the words between hold no verb or
    /// clause of their own. `None` when no such comma is within sixteen words.
    pub(super) fn speaker_from_comma(&self, floor: usize, from: usize) -> Option<usize> {
        if from == floor || is_punct(&self.lower[from - 1]) {
            return None;
        }
        let lowest = floor.max(from.saturating_sub(16));
        // Where a list of names crossed so far starts (`France, Britain and Canada`).
        let mut list_start = None;
        let mut j = from;
        while j > lowest {
            j -= 1;
            let w = self.lower[j].as_ref();
            // `Officials from France, Britain and Canada said`: a list's comma, and
            // the name before it.
            if w == "," && self.continues_a_list(j, from, floor) {
                j = self.mention_start_before(j - 1, floor);
                list_start = Some(j);
                continue;
            }
            if w == "," || is_close_quote(self.tokens[j].text) {
                // `..., and he said`: a clause of its own, its speaker already whole.
                // `oil traders and analysts` joins two plain noun phrases, not
                // `meet on 12 March at Twickenham and Kirwan`.
                let phrase = j + 1..from;
                // (A list's `and` joins names, not phrases.)
                let joined = list_start.is_none() && phrase.clone().any(|k| self.lower[k] == "and");
                let placed = phrase.clone().any(|k| {
                    matches!(
                        self.lower[k].as_ref(),
                        "in" | "on" | "at" | "to" | "by" | "from"
                    )
                });
                let opens_clause = matches!(self.lower[j + 1].as_ref(), "and" | "but" | "or");
                let ok = j + 1 < from && !opens_clause && !(joined && placed);
                return if ok { Some(j + 1) } else { list_start };
            }
            if w.ends_with("ing") && !capitalized(self.tokens[j].text) {
                return list_start;
            }
            let participle = w.ends_with("ed") && self.lower.get(j + 1).is_some_and(|n| n == "by");
            // `..., she and another reporter said.`: a pronoun joined by `and` to the
            // speaker is one of them, no clause of its own.
            let coordinated_pronoun = matches!(w, "he" | "she" | "they" | "we" | "i")
                && self.lower.get(j + 1).is_some_and(|n| n == "and");
            let clause =
                (!capitalized(self.tokens[j].text) && self.looks_like_verb(j) && !participle)
                    || (PRONOUNS.contains(&w) && !coordinated_pronoun)
                    || (CLAUSE_WORDS.contains(&w)
                        && !matches!(
                            w,
                            "and" | "of" | "for" | "by" | "in" | "on" | "at" | "from" | "to"
                        ))
                    || is_punct(w);
            if clause {
                return list_start;
            }
        }
        if j == floor {
            list_start.map(|_| floor)
        } else {
            list_start
        }
    }

    /// Whether the words from `j` continue the sentence that a speaker and cue were
    /// set into (`can cut crime`, `Congress cannot back away` after `In the meantime,
    /// he said,`) rather than add a clause of the speaker's own (`adding ...`, `but
    /// ...`, `as ...`): a word that is no conjunction, preposition or gerund.
    pub(super) fn predicate_follows(&self, j: usize, limit: usize) -> bool {
        const OPENERS: &[&str] = &[
            "and",
            "but",
            "or",
            "as",
            "while",
            "although",
            "though",
            "because",
            "after",
            "before",
            "when",
            "since",
            "until",
            "unless",
            "if",
            "with",
            "without",
            "in",
            "on",
            "at",
            "for",
            "to",
            "of",
            "from",
            "by",
            "which",
            "who",
            "where",
            "so",
            "then",
            "despite",
            "amid",
            "than",
            "according",
            "noting",
            "not",
            "even",
            "just",
            "only",
            "whom",
            "whose",
            "what",
            "nor",
            "about",
            "into",
            "over",
            "under",
            "that",
        ];
        if j + 2 > limit {
            return false;
        }
        let t = self.tokens[j].text;
        let w = self.lower[j].as_ref();
        t.chars().all(|c| c.is_alphabetic()) && !w.ends_with("ing") && !OPENERS.contains(&w)
    }

    /// `CONTENT, said SPEAKER.` and `"CONTENT," said SPEAKER.`: the speaker follows
    /// the cue (`"...," the spokesman said.` is found from the speaker's side, by
    /// [`Finder::source_first`]).
    pub(super) fn content_first(
        &self,
        s: usize,
        i: usize,
        cue_end: usize,
        cue: CueWord,
    ) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        // `..., told Mr Hain`: a verb that names its addressee next never inverts; nor
        // does a word that is as often a noun (`"attack mongrel" shows Labour is`).
        if ADDRESSEE_CUES.contains(&cue.lemma) || AMBIGUOUS.contains(&self.lower[i].as_ref()) {
            return None;
        }
        let (from, to) = self.noun_phrase_after(cue_end, range.end)?;
        if !self.inverted_speaker(from, to) {
            return None;
        }
        // Everything before the cue, up to its comma or closing quote.
        let (content_from, content_to, direct) = self.content_before(s, i)?;
        Some((
            self.attribution(
                self.source(from, to),
                (i, cue_end, cue),
                (content_from, content_to),
                direct,
                Some(s),
            )?,
            to,
        ))
    }

    /// Whether tokens `from..to` after an inverting cue read as its speaker
    /// (`said Mr Howard.`, `say analysts`, `said the ministry in a statement`): not an
    /// object (`say anything`, `claim it`), and the phrase ends its clause rather than
    /// opening one (`said Labour would ...`, `told the BBC that ...`).
    pub(super) fn inverted_speaker(&self, from: usize, to: usize) -> bool {
        /// Words that are an object, never a speaker, after the verb.
        const OBJECTS: &[&str] = &[
            "it", "this", "that", "them", "him", "her", "me", "us", "so", "no", "yes", "hello",
            "goodbye", "sorry",
        ];
        /// Words that open a phrase saying when (`said last week`, `said late
        /// yesterday`), not who.
        const WHEN: &[&str] = &[
            "last",
            "next",
            "late",
            "early",
            "earlier",
            "later",
            "recently",
            "previously",
            "again",
            "once",
            // `said only when property was protected would inventors prosper`.
            "only",
            "simply",
            "merely",
            "just",
        ];
        let first = self.lower[from].as_ref();
        // `Lord Coe, admitted he would never dream of ...`: a pronoun with words after
        // it is a clause's subject; `..., said he.` alone is a speaker.
        let clause = (from..to).any(|j| FINITE_AUXILIARIES.contains(&self.lower[j].as_ref()))
            || (PRONOUNS.contains(&first) && to > from + 1);
        // `said the talks would resume`: `talks` ended the phrase as a cue, leaving
        // only its article.
        let only_articles = (from..to).all(|j| DETERMINERS.contains(&self.lower[j].as_ref()));
        // `said talks went on`, `said profits jumped`, `said the campaign raised money`,
        // `said February car sales fell six pct`: a subject and its past verb (`Ford
        // of Canada, 90 pct-owned by Ford, said ...` reads so; `said Paine Webber
        // originally planned` too). A past form right after an article, or after an
        // article and an adverb, describes a noun (`said an unnamed official`, `said
        // a widely respected analyst`).
        let ends_in_past = (from + 1..to).any(|k| {
            let word = self.tokens[k].text;
            let mut before = k - 1;
            while before > from
                && (is_adverb(&self.lower[before])
                    || ly_adverb(&self.lower[before]) && !capitalized(self.tokens[before].text))
            {
                before -= 1;
            }
            let before = self.lower[before].as_ref();
            // `said a senior official involved in the talks`: after a person's role
            // in a phrase opened by an article, a participle and its preposition
            // describe them.
            let describes_the_person = DETERMINERS.contains(&first)
                && word.ends_with("ed")
                && (ONE_PERSON_ROLES.contains(&before) || PEOPLE_NOUNS.contains(&before))
                && self.lower.get(k + 1).is_some_and(|w| {
                    matches!(w.as_ref(), "in" | "with" | "at" | "on" | "for" | "by")
                });
            word.chars().next().is_some_and(char::is_lowercase)
                && (IRREGULAR_PAST.contains(&word) || (word.len() > 4 && word.ends_with("ed")))
                && !DETERMINERS.contains(&before)
                && !is_punct(before)
                && !describes_the_person
        });
        if clause
            || only_articles
            || ends_in_past
            || OBJECTS.contains(&first)
            || INDEFINITE_PRONOUNS.contains(&first)
            || WHEN.contains(&first)
        {
            return false;
        }
        match self.lower.get(to).map(Deref::deref) {
            None => true,
            Some(w) => {
                w != "that"
                    && !FINITE_AUXILIARIES.contains(&w)
                    && !is_open_quote(self.tokens[to].text)
            }
        }
    }

    /// `PENCE: Well, look, ...` in a transcript, `Pence: Flowers Won't Be at Debate` in
    /// a headline: a name of one to four capitalized words opening its sentence, then a
    /// colon, speaks what follows to the end of the paragraph.
    pub(super) fn speaker_colon(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        if let Some(found) = self.headline_colon(s, i) {
            return Some(found);
        }
        /// Labels besides [`SECTION_LABELS`] that end in a colon but name no speaker here.
        const LABELS: &[&str] = &[
            "source",
            "sources",
            "editor",
            "advertisement",
            "a",
            "exclusive",
            "poll",
            "polls",
            "notes",
            "state",
            "states",
            "province",
            "region",
        ];
        let range = self.sentences[s].clone();
        let mut from = range.start;
        while from < i && is_open_quote(self.tokens[from].text) {
            from += 1;
        }
        let words = &self.tokens[from..i];
        let named = !words.is_empty()
            && words.len() <= 4
            && words
                .iter()
                .all(|t| capitalized(t.text) || t.text == "." || t.text == "'s" || t.text == "’s")
            && capitalized(words[0].text)
            && !self.lower[from..i]
                .iter()
                .any(|w| SECTION_LABELS.contains(&w.as_ref()) || LABELS.contains(&w.as_ref()));
        if !named {
            return self.name_colon_quote(s, i);
        }
        // To the end of the paragraph (a transcript's turn), not past it.
        let mut to = i + 1;
        while to < self.tokens.len() && !self.tokens[to].paragraph_start {
            to += 1;
        }
        let (content_from, content_to, direct) = self.trimmed(i + 1, to)?;
        // Only a person or an organization speaks so: `NOTES:`, `Due:`, `PARANA
        // STATE:` head tables and notes. A transcript's turns name people the tagger
        // may not know (`WALLACE:`), but they come back turn after turn.
        let source = self.source(from, i)?;
        let known_speaker = matches!(source.kind, Some(EntityKind::Person | EntityKind::Org));
        if !known_speaker && (source.kind.is_some() || !self.transcript_turn(from, i)) {
            return None;
        }
        self.colon_says(source, i, (content_from, content_to, direct), i + 1)
    }

    /// `Campbell: E-mail row 'silly fuss'`, `Poll: Trump and Clinton hold narrow leads
    /// in Pennsylvania`, `Clinton to Planned Parenthood: Trump will reverse Roe v. Wade`:
    /// in a headline, a short label before a colon says the clause after it, whoever or
    /// whatever it names (PolNeAR marks `Poll`, `Newspaper` and `Insiders` as sources);
    /// an addressee after `to` is not the speaker, nor is a section label before a dash
    /// (`EXCLUSIVE – Roger Stone:`). A description is no saying (`Johnny Depp: The acting
    /// outlaw`, `Japan's ageing workforce: built to last`): the words after the colon
    /// must quote or have a verb. Section labels (`Profile:`, `DVD review:`) and
    /// datelines (`WASHINGTON:`, a place) say nothing.
    fn headline_colon(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        /// Longest label, in tokens (`Former AG Mukasey at RNC`).
        const MOST_WORDS: usize = 7;
        /// Kinds of piece besides [`SECTION_LABELS`] that label a headline.
        const SECTIONS: &[&str] = &[
            "live",
            "review",
            "preview",
            "obituary",
            "glance",
            "quiz",
            "factbox",
            "explainer",
            "recap",
            "podcast",
        ];
        /// Words that make a clause of what follows the colon: a verb's auxiliary, a
        /// subject pronoun, a negated verb's part.
        const CLAUSE_MARKS: &[&str] = &[
            "be", "been", "do", "i", "we", "he", "she", "they", "it", "n't", "n’t", "'d", "’d",
            "'re", "’re", "'m", "’m", "'ll", "’ll", "won't", "can't", "don't",
        ];
        let range = self.sentences[s].clone();
        // `CD:UK`, `10:50`: a colon inside a word or a time is no label's.
        let spaced = self
            .tokens
            .get(i + 1)
            .is_some_and(|next| next.start > self.tokens[i].end);
        let end = self.headline_end(s).filter(|_| spaced)?;
        // `Republican pollster Daron Shaw: “...”`: a known name's quote reads as it would
        // anywhere (the speaker is the name, not the whole label).
        if let Some(found) = self.name_colon_quote(s, i) {
            return Some(found);
        }
        let (content_from, mut content_to, direct) = self.trimmed(i + 1, end)?;
        // `E-mail row 'silly fuss'`: a straight apostrophe that closes a quote is kept.
        let apostrophe = |j: usize| self.tokens.get(j).is_some_and(|t| t.text == "'");
        if content_to < end && apostrophe(content_to) && (content_from..content_to).any(apostrophe)
        {
            content_to += 1;
        }
        // `CHINA MUST CUT DEMAND, CONTINUE REFORMS: ZHAO`: a wire headline names its
        // speaker after the colon, in one word or a name the tagger knows (a table's
        // `CLOSING PRICES: CENTS PER` names none).
        let speaker_last = content_to - content_from <= 3
            && i - range.start >= 3
            && (content_from..content_to).all(|j| capitalized(self.tokens[j].text));
        if speaker_last {
            let (said_from, said_to, said_direct) = self.trimmed(range.start, i)?;
            let source = self.source(content_from, content_to)?;
            if source.kind.is_none() && content_to - content_from > 1 {
                return None;
            }
            return self.colon_says(source, i, (said_from, said_to, said_direct), end);
        }
        let mut from = range.start;
        if let Some(dash) = (from..i).find(|&j| is_dash(self.tokens[j].text)) {
            from = dash + 1;
        }
        // `The result: ...`, `It was the scene at Wembley: ...`: a phrase or a clause
        // of the writer's own is no label.
        let label = &self.lower[from..i];
        let label_ok = !label.is_empty()
            && label.len() <= MOST_WORDS
            && capitalized(self.tokens[from].text)
            && !DETERMINERS.contains(&label[0].as_ref())
            && !PRONOUNS.contains(&label[0].as_ref())
            && !label.iter().any(|w| {
                SECTION_LABELS.contains(&w.as_ref())
                    || SECTIONS.contains(&w.as_ref())
                    || FINITE_AUXILIARIES.contains(&w.as_ref())
                    || is_punct(w)
            });
        // `Clinton to Planned Parenthood`: who was spoken to is not the speaker; a cue
        // in the speaker's part (`Mr Law said: "..."`) is a sentence's own.
        let source_to = (from + 1..i).find(|&j| self.lower[j] == "to").unwrap_or(i);
        let names_a_speaker = !self.lower[from..source_to]
            .iter()
            .any(|w| cue_word(w).is_some());
        if !label_ok || !names_a_speaker {
            return None;
        }
        let clause = (content_from..content_to).any(|j| {
            let (text, w) = (self.tokens[j].text, self.lower[j].as_ref());
            is_quote(text)
                || text == "'"
                || FINITE_AUXILIARIES.contains(&w)
                || CLAUSE_MARKS.contains(&w)
                || (w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed"))
        });
        if content_to - content_from < 2 || !clause {
            return None;
        }
        let source = self.source(from, source_to)?;
        if source.kind == Some(EntityKind::Place) {
            return None;
        }
        self.colon_says(source, i, (content_from, content_to, direct), end)
    }

    /// The attribution whose cue is the colon at token `i` (a `say`), with the token to
    /// look from next.
    fn colon_says(
        &self,
        source: Source,
        i: usize,
        (from, to, direct): (usize, usize, bool),
        next: usize,
    ) -> Option<(Attribution, usize)> {
        let cue = CueWord {
            lemma: "say",
            stance: Stance::Say,
        };
        Some((
            self.attribution(Some(source), (i, i + 1, cue), (from, to), direct, None)?,
            next,
        ))
    }

    /// `Labour accused of broken pledge`, `Holmes urged to compete at Worlds`, `Act on
    /// detention ruling, UK urged`: a headline drops a passive's `is`, and headlines
    /// tell what someone does in the present (`Iran denies link`), so a bare participle
    /// of a verb that acts on someone, with a preposition after it or nothing, is a
    /// passive: the name before it is who was accused or urged, not who did it. Such an
    /// attribution keeps its cue and content but loses that speaker (an agent after
    /// `by` stays: `MP attacked by muggers`). An object after the participle leaves it
    /// active (`UKIP MEP attacked German 'empire'`, Reuters' `Bank of France added
    /// money market liquidity`). Outside a headline only a verb that cannot be active
    /// with that preposition right after it counts (`a film accused of being
    /// anti-Semitic`, `the minister, criticised for ...`): `He warned of`, `she asked
    /// to see` are active.
    pub(super) fn bare_passives_name_no_speaker(&self, found: &mut [Attribution]) {
        /// Anywhere: a lemma and the prepositions its active verb never has right after
        /// it (it takes someone first: `accused him of`, `urged them to`).
        const PASSIVE_PAIRS: &[(&str, &[&str])] = &[
            ("accuse", &["of"]),
            ("blame", &["for"]),
            ("fault", &["for"]),
            ("charge", &["with"]),
            ("urge", &["to"]),
            ("tell", &["to"]),
            ("criticize", &["for", "over"]),
            ("criticise", &["for", "over"]),
            ("condemn", &["for", "over"]),
            ("slam", &["for", "over"]),
            ("blast", &["for", "over"]),
            ("rebuke", &["for", "over"]),
            ("castigate", &["for", "over"]),
            ("ridicule", &["for", "over"]),
            ("scold", &["for", "over"]),
            ("chide", &["for", "over"]),
            ("praise", &["for"]),
            ("hail", &["for", "as"]),
            ("commend", &["for"]),
            ("applaud", &["for"]),
        ];
        /// Participles that do not end in -ed.
        const IRREGULAR: &[&str] = &["told", "shown", "sworn", "found"];
        // A title is all headline; a body only when its first sentence opens one.
        let headline_end = match self.field {
            "title" => self.tokens.len(),
            _ if self.sentences.is_empty() => 0,
            _ => self.headline_end(0).unwrap_or(0),
        };
        for a in found.iter_mut() {
            let Some(source) = a.source.as_ref() else {
                continue;
            };
            let Some(i) = self.token_starting_at(a.cue.span.start) else {
                continue;
            };
            let one_word = self.chars.at(self.tokens[i].end) == a.cue.span.end;
            let word = self.lower[i].as_ref();
            let participle = word.ends_with("ed") || IRREGULAR.contains(&word);
            let source_before = source.span.end <= a.cue.span.start;
            if !one_word || !participle || !source_before {
                continue;
            }
            // `Thanou told To Vima newspaper`: a capital is a name's word, no preposition.
            let right_after = self.tokens.get(i + 1).map_or("", |t| t.text);
            // `the GOP field who he accused of preying`, `what Baghdad hailed as`: the
            // relative word before the speaker is the verb's object, so it is active.
            let object_before = self
                .token_starting_at(source.span.start)
                .and_then(|from| from.checked_sub(1))
                .is_some_and(|j| {
                    matches!(
                        self.lower[j].as_ref(),
                        "who" | "whom" | "which" | "that" | "what"
                    )
                });
            if object_before {
                continue;
            }
            let passive = if i < headline_end {
                self.headline_passive(i, headline_end, a.cue.stance, a.cue.lemma)
            } else {
                PASSIVE_PAIRS
                    .iter()
                    .any(|(lemma, after)| *lemma == a.cue.lemma && after.contains(&right_after))
            };
            if passive {
                a.source = None;
            }
        }
    }

    /// Whether the headline's bare participle at token `i` (its headline ending before
    /// token `end`) is a passive (see [`Finder::bare_passives_name_no_speaker`]).
    fn headline_passive(&self, i: usize, end: usize, stance: Stance, lemma: &str) -> bool {
        /// Words after a headline's participle that show it passive.
        const AFTER_PASSIVE: &[&str] = &[
            "of", "over", "on", "for", "to", "with", "about", "after", "at", "as", "against", "in",
            "from", "amid",
        ];
        let acts_on_someone = matches!(
            stance,
            Stance::Urge
                | Stance::Accuse
                | Stance::Criticize
                | Stance::Praise
                | Stance::Warn
                | Stance::Promise
                | Stance::Reject
        ) || matches!(
            lemma,
            "tell" | "inform" | "brief" | "remind" | "quote" | "question"
        );
        if !acts_on_someone {
            return false;
        }
        // Ending the headline, a warning or a promise may be active (`..., officials
        // warned`); an urging, accusing or attacking verb needs its object.
        let may_end = !matches!(stance, Stance::Warn | Stance::Promise);
        match (i + 1..end).find(|&j| !is_punct(&self.lower[j])) {
            None => may_end,
            Some(j) => j == i + 1 && AFTER_PASSIVE.contains(&self.lower[j].as_ref()),
        }
    }

    /// Where the headline that sentence `s` opens ends (the end of its paragraph), if
    /// it opens one: a title's sentence, or the first of a body that opens with a
    /// headline ([`Finder::opening_with_headline`]) when its paragraph is short.
    fn headline_end(&self, s: usize) -> Option<usize> {
        /// Longest headline, in tokens.
        const MOST_TOKENS: usize = 30;
        let start = self.sentences[s].start;
        let opens = self.field == "title" || (self.headline_first && start == 0);
        if !opens {
            return None;
        }
        let end = (start + 1..self.tokens.len())
            .find(|&j| self.tokens[j].paragraph_start)
            .unwrap_or(self.tokens.len());
        (self.field == "title" || end <= MOST_TOKENS).then_some(end)
    }

    /// `Republican pollster Daron Shaw: “Historically, ...”`, `... he tweeted about
    /// ... Donald Trump: "Appreciate the congrats ..."`: a person or organization
    /// named right before a colon that opens a quote says the quote, wherever the name
    /// stands in its sentence.
    fn name_colon_quote(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        /// Words of a name: up to four (`Hillary Rodham Clinton`, `Sen. Trey Gowdy`).
        const MOST_WORDS: usize = 4;
        let range = self.sentences[s].clone();
        if !self
            .tokens
            .get(i + 1)
            .is_some_and(|t| is_open_quote(t.text))
        {
            return None;
        }
        let mut from = i;
        while from > range.start
            && i - from < MOST_WORDS
            && (capitalized(self.tokens[from - 1].text) || self.tokens[from - 1].text == ".")
        {
            from -= 1;
        }
        if from == i || !capitalized(self.tokens[from].text) {
            return None;
        }
        // `Deutsche Boerse told Reuters: "..."`, `a source told the BBC: "..."`: after
        // a cue earlier in the sentence, the name is its audience, not a speaker. A
        // roundup's item starts after a dash (`Pollsters agree - Carl Bialik: "..."`).
        let item_start = (range.start..from)
            .rev()
            .find(|&j| is_dash(self.tokens[j].text))
            .map_or(range.start, |dash| dash + 1);
        if (item_start..from).any(|j| cue_word(&self.lower[j]).is_some() || self.lower[j] == "to") {
            return None;
        }
        let source = self.source(from, i)?;
        if !matches!(source.kind, Some(EntityKind::Person | EntityKind::Org)) {
            return None;
        }
        let close = self.closing_quote_within(i + 1, QUOTE_SENTENCES)?;
        self.colon_says(source, i, (i + 2, close, true), i + 1)
    }

    /// Whether the label `from..to` (before a colon) is a transcript's speaker: words
    /// in capitals (`WALLACE`, `SEN. KAINE`) that open two paragraphs or more of the
    /// field as `LABEL:`.
    fn transcript_turn(&self, from: usize, to: usize) -> bool {
        let label = &self.tokens[from..to];
        let in_capitals = label
            .iter()
            .any(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            && label
                .iter()
                .all(|t| !t.text.chars().any(char::is_lowercase));
        in_capitals
            && self
                .turn_labels()
                .get(&self.label_key(from, to))
                .is_some_and(|&turns| turns >= 2)
    }

    /// How many paragraphs each label opens (after any opening quote marks).
    fn turn_labels(&self) -> &HashMap<String, usize> {
        self.turn_labels.get_or_init(|| {
            let mut counts = HashMap::new();
            for start in (0..self.tokens.len()).filter(|&j| self.tokens[j].paragraph_start) {
                let mut from = start;
                while from < self.tokens.len() && is_open_quote(self.tokens[from].text) {
                    from += 1;
                }
                let colon = (from..self.tokens.len().min(from + 5)).find(|&j| {
                    self.tokens[j].text == ":" || (self.tokens[j].paragraph_start && j > start)
                });
                if let Some(colon) = colon.filter(|&c| c > from && self.tokens[c].text == ":") {
                    *counts.entry(self.label_key(from, colon)).or_insert(0) += 1;
                }
            }
            counts
        })
    }

    /// The words `from..to` as one key.
    fn label_key(&self, from: usize, to: usize) -> String {
        self.tokens[from..to]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `“He represents our greatest shame.” ― Sonya Herridge`: a quote signed with a
    /// dash and a name of one to four capitalized words.
    pub(super) fn dash_signature(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        let closes = i > 0 && is_close_quote(self.tokens[i - 1].text);
        if !closes {
            return None;
        }
        // Up to four words: `Julie A. Diaz Martinez`, `Christina N Luis Olidem`.
        const MOST_WORDS: usize = 4;
        let mut to = i + 1;
        while to < self.tokens.len()
            && to - (i + 1) < MOST_WORDS
            && capitalized(self.tokens[to].text)
            && !is_quote(self.tokens[to].text)
            && (to == i + 1 || !self.tokens[to].paragraph_start)
        {
            to += 1;
        }
        // The name ends the sentence or the paragraph, or a new quote starts.
        let ends = self.tokens.get(to).is_none_or(|t| {
            t.paragraph_start || matches!(t.text, "." | "," | ";") || is_open_quote(t.text)
        });
        if to == i + 1 || !ends {
            return None;
        }
        let open = self.opening_quote(i - 1, s)?;
        let (content_from, content_to, _) = self.trimmed(open + 1, i - 1)?;
        let cue = CueWord {
            lemma: "say",
            stance: Stance::Say,
        };
        Some((
            self.attribution(
                self.source(i + 1, to),
                (i, i + 1, cue),
                (content_from, content_to),
                true,
                None,
            )?,
            to,
        ))
    }

    /// `According to SPEAKER, CONTENT` and `CONTENT, according to SPEAKER.`
    pub(super) fn according_to(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let (from, mut to) = self.noun_phrase_after(i + 2, range.end)?;
        // `according to a report`: after its article, a cue word is the source's noun.
        if to < range.end && cue_word(&self.lower[to]).is_some() && self.after_determiner(to, from)
        {
            if let Some((_, end)) = self.noun_phrase_after(to, range.end) {
                to = end;
            }
        }
        // `according to a report earlier this week from the British Retail
        // Consortium`: whose report it is belongs to the source.
        let mut next = to;
        while next < range.end
            && (is_time_word(&self.lower[next])
                || matches!(self.lower[next].as_ref(), "this" | "last" | "on"))
        {
            next += 1;
        }
        if matches!(
            self.lower.get(next).map(Deref::deref),
            Some("from" | "by" | "of")
        ) {
            if let Some((_, end)) = self.noun_phrase_after(next + 1, range.end) {
                to = end;
            }
        }
        let cue = CueWord {
            lemma: "according to",
            stance: Stance::Say,
        };
        let opens = (range.start..i).all(|j| {
            is_punct(&self.lower[j]) || matches!(self.lower[j].as_ref(), "but" | "and" | "yet")
        });
        let (content_from, content_to, direct) = if opens {
            let mut start = to;
            while start < range.end && is_punct(&self.lower[start]) {
                start += 1;
            }
            self.trimmed(start, range.end)?
        } else {
            let mut end = i;
            while end > range.start && is_punct(&self.lower[end - 1]) {
                end -= 1;
            }
            self.trimmed(range.start, end)?
        };
        Some((
            self.attribution(
                self.source(from, to),
                (i, i + 2, cue),
                (content_from, content_to),
                direct,
                Some(s),
            )?,
            to,
        ))
    }

    /// `In an NBC News/Wall Street Journal poll released Monday, 50 percent of
    /// respondents chose Clinton`, `Obama was winning blacks by 28 points in the same
    /// poll`: a poll or survey reports its findings as `according to` does (and is
    /// searched as that lemma); PolNeAR marks the `in` as the cue. The poll's phrase is
    /// the source, with what says when or by whom it was taken; the content is the rest
    /// of the sentence after its comma when the phrase opens the sentence, else the
    /// words before the `in`.
    pub(super) fn in_a_poll(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        /// The nouns of a poll's findings.
        const POLLS: &[&str] = &["poll", "polls", "survey", "surveys"];
        /// Words a poll's phrase may open on besides a determiner or a name.
        const POLL_OPENERS: &[&str] = &[
            "latest",
            "recent",
            "new",
            "public",
            "national",
            "polls",
            "surveys",
            "several",
            "many",
            "most",
            "early",
            "independent",
            "both",
            "state",
            "exit",
            "two",
            "three",
        ];
        /// Words that may follow the poll's noun: the end of its phrase, or what says
        /// when, by whom or of whom it was taken.
        const AFTER_POLL: &[&str] = &[
            "released",
            "conducted",
            "published",
            "taken",
            "out",
            "by",
            "of",
            "for",
            "from",
            "on",
            "in",
            "last",
            "this",
            "ahead",
            "among",
            "since",
            "after",
            "before",
            "and",
        ];
        /// Tokens the poll's phrase may run over.
        const PHRASE_TOKENS: usize = 10;
        let range = self.sentences[s].clone();
        // `GANDHI PARTY BADLY DEFEATED IN INDIA STATE POLL`: a headline's poll is
        // as often an election.
        if self.tokens[i].text == "IN" {
            return None;
        }
        let first = self.tokens.get(i + 1)?;
        let opener = self.lower[i + 1].as_ref();
        if !(DETERMINERS.contains(&opener)
            || POLL_OPENERS.contains(&opener)
            || capitalized(first.text))
        {
            return None;
        }
        let poll = (i + 1..range.end.min(i + 1 + PHRASE_TOKENS))
            .take_while(|&j| {
                // (`a team is now in India for a survey`: a preposition before the
                // noun puts the poll in another phrase.)
                !matches!(
                    self.lower[j].as_ref(),
                    "," | ";"
                        | ":"
                        | "("
                        | "that"
                        | "which"
                        | "for"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "with"
                        | "by"
                        | "about"
                        | "from"
                ) && !is_quote(self.tokens[j].text)
            })
            .find(|&j| POLLS.contains(&self.lower[j].as_ref()))?;
        let after = self.lower.get(poll + 1).map(Deref::deref);
        let phrase_ends = after.is_none_or(|w| is_punct(w) || AFTER_POLL.contains(&w));
        if !phrase_ends {
            // `the poll tax`: another noun's modifier, no poll.
            return None;
        }
        let opens = (range.start..i).all(|j| {
            is_punct(&self.lower[j]) || matches!(self.lower[j].as_ref(), "but" | "and" | "yet")
        });
        // After the words it reports, only one poll (`in a CNN national poll`), not
        // a standing in the polls (`a drop in national polls`, `plummeted in the
        // polls`, `strength in the polls`), which reports no one's findings.
        let one_poll = matches!(opener, "a" | "an") || capitalized(first.text);
        let findings =
            opens || (one_poll && matches!(self.lower[poll].as_ref(), "poll" | "survey"));
        if !findings {
            return None;
        }
        // `In its monthly survey of ..., the association said`: the poll's owner
        // speaks later in the sentence, and that attribution reports the findings.
        if opens && matches!(opener, "its" | "their" | "his" | "her" | "our") {
            return None;
        }
        // `A year earlier, in a similar survey, 53 pct said`: a phrase set off by
        // commas is an aside of the sentence's own report; `... in an opinion poll,
        // reversing ... in a comparable poll`: the words before hold a poll already.
        let aside = i > range.start && is_punct(&self.lower[i - 1]);
        let another_poll = (range.start..i).any(|j| POLLS.contains(&self.lower[j].as_ref()));
        if !opens && (aside || another_poll) {
            return None;
        }
        let cue = CueWord {
            lemma: "according to",
            stance: Stance::Say,
        };
        let (to, (content_from, content_to, direct)) = if opens {
            // The phrase runs to its comma, which must come soon.
            let comma = (poll + 1..range.end.min(poll + 1 + PHRASE_TOKENS))
                .take_while(|&j| !is_quote(self.tokens[j].text))
                .find(|&j| self.lower[j] == ",")?;
            (comma, self.trimmed(comma + 1, range.end)?)
        } else {
            let mut end = i;
            while end > range.start && is_punct(&self.lower[end - 1]) {
                end -= 1;
            }
            (poll + 1, self.trimmed(range.start, end)?)
        };
        Some((
            self.attribution(
                self.source(i + 1, to),
                (i, i + 1, cue),
                (content_from, content_to),
                direct,
                Some(s),
            )?,
            to,
        ))
    }

    /// The cue's span, with the day right after it (`said Friday`, `said Thursday
    /// morning`): the words of one speech act.
    pub(super) fn cue(&self, mut from: usize, mut to: usize, word: CueWord) -> Option<Cue> {
        // `has also said`, `would not comment`, `is expected`: the words that make the
        // verb's tense, mood and manner belong to the cue, as attribution corpora mark
        // it (PolNeAR train: `has` before a cue is inside its span 725 times, outside
        // 4; `also` 281 to 9). The speaker ends before them (`speaker_before`).
        while from > 0
            && !self.tokens[from].paragraph_start
            && AUXILIARIES.contains(&self.lower[from - 1].as_ref())
        {
            from -= 1;
        }
        let day = |j: usize| {
            self.lower.get(j).is_some_and(|w| {
                crate::extract::dates::weekday(w).is_some()
                    || matches!(w.as_ref(), "today" | "yesterday" | "tonight")
            })
        };
        if day(to) {
            to += 1;
            let part_of_day = self.lower.get(to).is_some_and(|w| {
                matches!(w.as_ref(), "morning" | "afternoon" | "evening" | "night")
            });
            if part_of_day {
                to += 1;
            }
        }
        // `did not deny`, `has never accused`, `couldn't confirm`: the auxiliaries
        // taken in above hold the negation.
        let negated = (from..to).any(|j| {
            let w = self.lower[j].as_ref();
            matches!(w, "not" | "never" | "cannot") || w.ends_with("n't") || w.ends_with("n’t")
        });
        Some(Cue {
            span: self.span(from, to)?,
            lemma: word.lemma,
            stance: word.stance,
            negated,
        })
    }
}
