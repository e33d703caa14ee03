//! Whether a cue word opens an attribution at all (`said` as a verb, not `the said
//! company`; `claims` as a verb, not `his claims`), and which pattern reads it.

use crate::attribution::cues::{
    any_cue_word, cue_word, CueWord, Stance, AMBIGUOUS, PARTICLES, PARTICLE_OPTIONAL,
};
use crate::attribution::finder::source::EVIDENCE;
use crate::attribution::finder::{capitalized, is_close_quote, is_open_quote, is_punct, Finder};
use crate::attribution::words::{
    is_time_word, ly_adverb, ADVERBIAL_OPENERS, ADVERBIAL_TOKENS, AUXILIARIES, CLAUSE_WORDS,
    DETERMINERS, PRONOUNS,
};
use crate::attribution::Attribution;
use std::ops::Deref;

/// Prepositions after which a cue's form is part of a noun phrase (`over reported
/// remarks`, `with strong demand`), shared by the rules that tell such a noun from
/// the verb.
const PREPOSITIONS_BEFORE_A_NOUN: &[&str] = &[
    "of", "over", "for", "about", "in", "with", "on", "into", "against", "from", "after",
    "despite", "amid", "by",
];

impl Finder<'_> {
    /// A cue starting at token `i` of sentence `s`, with its attribution; and the
    /// token to look from next.
    pub(super) fn attribution_at(&self, s: usize, i: usize) -> Option<(Attribution, usize)> {
        let range = self.sentences[s].clone();
        let word = self.lower[i].as_ref();
        if word == "according" && self.lower.get(i + 1).map(Deref::deref) == Some("to") {
            return self.according_to(s, i);
        }
        if word == ":" {
            return self.speaker_colon(s, i);
        }
        if word == "in" {
            return self.in_a_poll(s, i);
        }
        if matches!(word, "―" | "—" | "–" | "--") {
            return self.dash_signature(s, i);
        }
        if word == "asked" {
            if let Some(found) = self.asked_question(s, i) {
                return Some(found);
            }
        }
        // A capitalized cue word is part of a name (`Secretary of State`, `Press`).
        if capitalized(self.tokens[i].text) {
            return None;
        }
        let cue = any_cue_word(word)?;
        let prev = (i > range.start).then(|| self.lower[i - 1].as_ref());
        // `the claims`, `Pompeo's comments`: a noun (`He's claiming`: a verb).
        let possessive =
            |p: &str| (p == "'s" || p == "’s") && !self.progressive(i, i + 1, range.end, cue.lemma);
        if prev.is_some_and(|p| DETERMINERS.contains(&p) || possessive(p)) {
            return None;
        }
        // `because of alleged business ties`, `over reported remarks`: an adjective.
        const ADJECTIVE_FORMS: &[&str] = &[
            "alleged",
            "reported",
            "rumoured",
            "rumored",
            "suspected",
            "claimed",
            "purported",
        ];
        if ADJECTIVE_FORMS.contains(&word)
            && prev.is_some_and(|p| PREPOSITIONS_BEFORE_A_NOUN.contains(&p))
        {
            return None;
        }
        // `a greater say in`, `the final say`, `have more say over`: the noun.
        if word == "say" && self.say_is_a_noun(i, range.start) {
            return None;
        }
        if self.describes_a_noun(i, range.start) || self.base_form_as_noun(i, range.start, cue) {
            return None;
        }
        // `an "attack mongrel"`: a quoted phrase opening on the word, not a verb.
        if i > range.start && self.opens_quote_on(i - 1) {
            return None;
        }
        if self.plural_noun_after_name(i, range.start) || self.noun_in_its_phrase(i, range.start) {
            return None;
        }
        // A particle some verbs need (`called for`), kept in the cue.
        let mut cue_end = i + 1;
        let mut cue = cue;
        if let Some((_, particles)) = PARTICLES.iter().find(|(l, _)| *l == cue.lemma) {
            let next = self.lower.get(i + 1).map(Deref::deref).unwrap_or("");
            if particles.contains(&next) {
                cue_end = i + 2;
            } else if PARTICLE_OPTIONAL.contains(&cue.lemma) {
                // `called him a liar`, `called it a success`: naming, no appeal.
                cue.stance = Stance::Say;
            } else {
                return None;
            }
        }
        // `declined to comment` is a statement; `profits declined to 5 mln dlrs`,
        // `value declined to nine mln stg` and `declined to a record low` are not: a
        // verb must follow the `to`, and the speaker must come first.
        if matches!(cue.lemma, "decline" | "refuse") {
            /// Words after `declined to` that make it a fall, not a refusal.
            const NOT_VERBS: &[&str] = &[
                "an", "about", "around", "near", "below", "above", "date", "record", "new", "low",
                "lows", "high", "levels", "level", "zero", "one", "two", "three", "four", "five",
                "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
                "forty", "fifty", "hundred", "half", "minus",
            ];
            let verb = self.tokens.get(i + 2).is_some_and(|t| {
                t.text.chars().all(|c| c.is_ascii_lowercase())
                    && !DETERMINERS.contains(&t.text)
                    && !NOT_VERBS.contains(&t.text)
            });
            let after_content = prev.is_some_and(|p| p == "," || is_close_quote(p));
            if !verb || after_content {
                return None;
            }
        }
        // `is charged with ensuring order in the chamber`: a duty, not an accusation.
        // (`charged with murdering` stays one: only the verbs of a task count.)
        const DUTIES: &[&str] = &[
            "ensuring",
            "overseeing",
            "running",
            "managing",
            "finding",
            "developing",
            "leading",
            "delivering",
            "implementing",
            "protecting",
            "investigating",
            "reviewing",
            "organising",
            "organizing",
            "monitoring",
            "enforcing",
            "regulating",
            "promoting",
            "handling",
            "coordinating",
            "drawing",
            "drafting",
            "setting",
            "looking",
            "producing",
            "preparing",
            "supervising",
            "maintaining",
            "improving",
        ];
        let duty = cue.lemma == "charge"
            && self.lower.get(i + 1).is_some_and(|w| w == "with")
            && self
                .lower
                .get(i + 2)
                .is_some_and(|w| DUTIES.contains(&w.as_ref()));
        if duty || self.a_price_or_a_launch(i, cue) {
            return None;
        }
        // `a Swansea theatre thought to be Wales' oldest`, `those said to be possible
        // replacements`: a reduced passive describing the noun before it, whose
        // speaker is not that noun; `Iraq continued to be in breach`: no speech.
        let to_be = self.lower.get(i + 1).is_some_and(|w| w == "to")
            && self
                .lower
                .get(i + 2)
                .is_some_and(|w| matches!(w.as_ref(), "be" | "have"));
        let reduced_passive_to = to_be
            && matches!(
                word,
                "said"
                    | "thought"
                    | "believed"
                    | "alleged"
                    | "reported"
                    | "estimated"
                    | "understood"
                    | "rumoured"
                    | "rumored"
            )
            && !self.after_be(i);
        let goes_on = cue.lemma == "continue" && self.lower.get(i + 1).is_some_and(|w| w == "to");
        if reduced_passive_to || goes_on {
            return None;
        }
        // `Ireland conceded a penalty`, `conceded two late goals`: a match report.
        const SCORES: &[&str] = &[
            "penalty",
            "penalties",
            "goal",
            "goals",
            "try",
            "tries",
            "corner",
            "corners",
            "free-kick",
            "free-kicks",
            "points",
            "set",
            "sets",
            "game",
            "games",
            "wicket",
            "wickets",
            "runs",
            "foul",
            "fouls",
            "equaliser",
            "equalizer",
            "own-goal",
            "possession",
            "ground",
            "lead",
            "break",
            "breaks",
        ];
        let conceded_score = cue.lemma == "concede"
            && (i + 1..(i + 4).min(range.end)).any(|j| SCORES.contains(&self.lower[j].as_ref()));
        if conceded_score {
            return None;
        }
        // `SMC posted a net income of 448.8 mln pesos`, `the balance of payments
        // showed a surplus`: a result posted or shown is a figure, not a post or a
        // finding (`figures show exports rose` stays one).
        const RESULTS: &[&str] = &[
            "surplus",
            "surpluses",
            "deficit",
            "deficits",
            "loss",
            "losses",
            "profit",
            "profits",
            "income",
            "earnings",
            "gain",
            "gains",
            "revenue",
            "revenues",
            "turnover",
        ];
        let posted_result = (cue.lemma == "post"
            || (cue.lemma == "show" && !self.after_evidence(i)))
            && (i + 1..(i + 6).min(range.end))
                .take_while(|j| !is_punct(&self.lower[*j]) && !self.looks_like_verb(*j))
                .any(|j| RESULTS.contains(&self.lower[j].as_ref()));
        if posted_result {
            return None;
        }
        // `its board declared a quarterly dividend`, `declared force majeure`: an act
        // put into force, not a statement of what is so.
        const DECLARED_ACTS: &[&str] = &[
            "dividend",
            "dividends",
            "div",
            "split",
            "payout",
            "distribution",
            "majeure",
            "moratorium",
            "emergency",
            "bankruptcy",
            "curfew",
            "holiday",
            "war",
        ];
        let declared_act = cue.lemma == "declare"
            && (i + 1..(i + 7).min(range.end))
                .take_while(|j| !is_punct(&self.lower[*j]) && !self.looks_like_verb(*j))
                .any(|j| DECLARED_ACTS.contains(&self.lower[j].as_ref()));
        if declared_act {
            return None;
        }
        // `spyware found on people's PCs`: a participle placing a thing, not a finding.
        let placed = cue.lemma == "find"
            && self
                .lower
                .get(i + 1)
                .is_some_and(|w| matches!(w.as_ref(), "on" | "in" | "at" | "inside" | "near"));
        if placed {
            return None;
        }
        if cue.lemma == "deny" && self.keeps_from(i, cue_end) {
            return None;
        }
        if self.deed_not_word(cue_end, cue.lemma) {
            return None;
        }
        let cue = if cue.lemma == "deny" && self.rules_on(cue_end) {
            CueWord {
                stance: Stance::Reject,
                ..cue
            }
        } else {
            cue
        };
        let cue_end = self.past_medium(cue_end);
        // `Trump is demanding a pledge`, `He's claiming that ...`: a progressive is a
        // finite verb with its own subject, not a gerund continuing another's.
        let gerund = word.ends_with("ing") && !self.progressive(i, cue_end, range.end, cue.lemma);
        // `, saying ...`: the gerund continues the sentence's speaker; so does a
        // saying verb after a preposition (`began by saying ...`, `after telling
        // ...`). Other gerunds there are deeds (`by claiming the Grand Slam`, `after
        // defending champion ...`, `by denying them seats`), and `refrained from
        // saying` says nothing.
        const GERUND_LEADS: &[&str] = &["by", "after", "before", "while", "in"];
        const SAYING_LEMMAS: &[&str] = &[
            "say", "tell", "argue", "insist", "suggest", "warn", "accuse", "note",
        ];
        let after_preposition =
            prev.is_some_and(|p| GERUND_LEADS.contains(&p)) && SAYING_LEMMAS.contains(&cue.lemma);
        if gerund && prev != Some(",") && !after_preposition {
            return None;
        }
        let after_content = prev.is_some_and(|p| p == "," || is_close_quote(p));
        // `"...," said the minister` inverts; nobody writes `..., accused the
        // minister`: after a comma such a verb follows an appositive (`Stephen King,
        // last year's winner, accused the industry ...`) and has the subject's speaker.
        let inverts = !matches!(
            cue.stance,
            Stance::Deny
                | Stance::Accuse
                | Stance::Criticize
                | Stance::Reject
                | Stance::Praise
                | Stance::Promise
                | Stance::Urge
        );
        if after_content && !gerund && (inverts || is_close_quote(prev.unwrap_or(""))) {
            // `Furman, who leads the council, said that ...`: no speaker after the
            // cue, so the comma closed an appositive, not a content.
            return self.content_first(s, i, cue_end, cue).or_else(|| {
                (prev == Some(","))
                    .then(|| self.source_first(s, i, cue_end, cue, gerund))
                    .flatten()
            });
        }
        // (`said by telephone`, `said by the end of the year ...` go on as any `said`.)
        if self.lower.get(cue_end).is_some_and(|w| w == "by")
            && !self.after_auxiliary(i)
            && self.names_an_agent(cue_end + 1)
        {
            return self.reduced_passive(s, i, cue_end, cue);
        }
        if after_content && !gerund {
            // No subject found across the appositive: the accusation without a
            // speaker, rather than the appositive's words as one.
            return self
                .source_first(s, i, cue_end, cue, gerund)
                .or_else(|| self.without_speaker(s, i, cue_end, cue));
        }
        // `Jeb Bush in a Medium post said`: a cue word right before another one is
        // the noun that speaks through it.
        let noun_before_cue = || {
            self.lower
                .get(i + 1)
                .and_then(|w| cue_word(w))
                .is_some_and(|next| next.stance == Stance::Say)
                && self.tokens[i]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        };
        // `Obama, who called him "unfit"`, `Cruz knocked Rubio on trade and called
        // him a "moderate"`: a relative or a second verb of the subject's names
        // someone. (Other words there are mostly nouns: `and demand for exports`.)
        let names_someone = || {
            cue.lemma == "call"
                && self
                    .lower
                    .get(cue_end)
                    .is_some_and(|w| NAMED_PRONOUNS.contains(&w.as_ref()))
                && (self.relative_antecedent(s, i).is_some()
                    || self.coordinated_subject(s, i).is_some())
        };
        let speaker_before = || self.speaker_ends_at(i) || names_someone();
        if AMBIGUOUS.contains(&word)
            && (noun_before_cue() || !speaker_before())
            && !self.evidence_shows(i)
        {
            return None;
        }
        self.source_first(s, i, cue_end, cue, gerund)
    }

    /// `the earlier reported profit`, `an earlier caution`, `its widely reported
    /// removal`, `contradicting earlier reports`, `recent comments`: the cue word after
    /// a determiner and an adverb, or after an adjective of time, is a participle or a
    /// noun describing a thing, not a verb with a speaker. (`a report that earlier
    /// said`, `the two leaders each also said`: a relative or a pronoun subject
    /// speaks.)
    pub(super) fn describes_a_noun(&self, i: usize, sentence_start: usize) -> bool {
        if i <= sentence_start {
            return false;
        }
        let prev = self.lower[i - 1].as_ref();
        // (`Mr Prior remarks`: a name.)
        let adjective = matches!(prev, "previous" | "recent" | "prior" | "latest" | "initial");
        if adjective && !capitalized(self.tokens[i - 1].text) {
            return true;
        }
        let plural = self.lower[i].ends_with('s') && !self.lower[i].ends_with("ss");
        if prev == "earlier" && plural {
            return true;
        }
        // (`Moody's also said`, `the People's Daily said`, `the weekly said`: a name
        // or a noun speaks.)
        const MODIFYING: &[&str] = &[
            "previously",
            "earlier",
            "recently",
            "newly",
            "widely",
            "originally",
            "initially",
            "publicly",
            "officially",
            "formally",
            "often",
            "first",
            "most",
            "much",
            "long",
        ];
        MODIFYING.contains(&self.tokens[i - 1].text)
            && i >= sentence_start + 2
            && matches!(
                self.lower[i - 2].as_ref(),
                "the" | "a" | "an" | "its" | "their" | "our" | "his" | "my" | "your" | "'s" | "’s"
            )
    }

    /// `charged against 1986 earnings`, `net charge-offs`, `it charges barge customers
    /// for heating oil`, `would charge 17.25 dlrs`: money, not an accusation (which
    /// takes `with`, `that` or a clause); `blasted off from Sriharikota`: a launch.
    pub(super) fn a_price_or_a_launch(&self, i: usize, cue: CueWord) -> bool {
        // (Not `at`: `charged at a news conference that ...` accuses.)
        const MONEY_NEXT: &[&str] = &["against", "to", "off", "-", "per", "$", "dlrs"];
        const MOST_TOKENS: usize = 6;
        let next = self.lower.get(i + 1).map_or("", Deref::deref);
        match cue.lemma {
            "blast" => next == "off",
            "charge" => {
                let amount = next.starts_with(|c: char| c.is_ascii_digit());
                let for_a_price = (i + 1..(i + 1 + MOST_TOKENS).min(self.lower.len()))
                    .map(|j| self.lower[j].as_ref())
                    .take_while(|w| !matches!(*w, "with" | "that" | "," | "."))
                    .any(|w| w == "for");
                MONEY_NEXT.contains(&next) || amount || for_a_price
            }
            _ => false,
        }
    }

    /// `a pay dispute`, `a federal guarantee`, `a stinging rebuke`, `full of praise`,
    /// `without fault`: a cue's bare form (`dispute`, not `disputes`) after a
    /// preposition, or closing a phrase that opened with `a`/`an` over singular
    /// words (`an overnight Iranian attack`), is a noun: a verb there would need its
    /// `-s` (`a spokesman disputes`). A phrase counting people (`a few analysts say`, `a majority
    /// believe`) still speaks.
    pub(super) fn base_form_as_noun(&self, i: usize, sentence_start: usize, cue: CueWord) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "of", "over", "about", "with", "from", "without", "despite", "amid", "into", "against",
        ];
        /// Words after `a` that make the phrase a number of people, and words that
        /// open a clause of its own (`a man whom many believe`, `a step they
        /// believe`, `a winning candidate might claim`).
        const COUNTS: &[&str] = &[
            "few", "lot", "number", "majority", "minority", "third", "quarter", "half", "handful",
            "couple", "dozen", "group", "host", "range", "series", "variety", "total", "many",
            "most", "some", "all", "both", "several", "who", "whom", "whose", "which", "that",
            "people", "police", "data", "staff", "media", "can", "must", "shall", "to", "and",
            "or",
        ];
        const MOST_WORDS: usize = 4;
        // (`a statement read`, `a ministry forecast`: the past is the bare form.)
        let past_alike = matches!(cue.lemma, "read" | "forecast");
        if self.lower[i] != cue.lemma || i <= sentence_start || past_alike {
            return false;
        }
        if PREPOSITIONS.contains(&self.lower[i - 1].as_ref()) {
            return true;
        }
        let singular_word = |j: usize| {
            let w = self.lower[j].as_ref();
            let plural = looks_plural(w);
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !plural
                && !w.ends_with("ly")
                && !COUNTS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && !PRONOUNS.contains(&w)
                && cue_word(w).is_none()
        };
        let mut j = i;
        while j > sentence_start && i - j < MOST_WORDS {
            let w = self.lower[j - 1].as_ref();
            // (`A and P hope`: a capital `A` inside a sentence is a letter.)
            let article = j - 1 == sentence_start || !capitalized(self.tokens[j - 1].text);
            if matches!(w, "a" | "an") && article {
                return j < i;
            }
            if !singular_word(j - 1) {
                break;
            }
            j -= 1;
        }
        self.noun_after_a_singular_word(i, sentence_start, cue)
    }

    /// `the talk show`, `Strong demand triggers oil rally`, `Fresh hope after
    /// Argentine crisis`, `with domestic demand`: a cue word whose noun is the
    /// commoner reading, right after a singular word that opens its sentence or
    /// follows a determiner or preposition, is that noun. (`Police praise`, `MPs
    /// criticise`, `We hope`: plural subjects speak.)
    fn noun_after_a_singular_word(&self, i: usize, sentence_start: usize, cue: CueWord) -> bool {
        /// Lemmas more often nouns than verbs in news copy.
        const MOSTLY_NOUNS: &[&str] = &[
            "show",
            "demand",
            "hope",
            "fear",
            "praise",
            "dispute",
            "guarantee",
            "attack",
            "remark",
            "rebuke",
            "rebuff",
            "welcome",
            "joke",
            "fault",
            "worry",
            "stress",
            "caution",
            "recall",
            "chant",
            "retort",
            "whisper",
            "mention",
        ];
        /// Plurals without an `-s`, and words a verb follows.
        const NOT_SINGULAR: &[&str] = &[
            "people", "police", "data", "staff", "media", "i", "you", "we", "they", "who", "which",
            "that", "to", "not", "and", "or", "all", "both", "many", "most", "some", "few",
            "several", "just", "only", "even", "now", "ever",
        ];
        if i <= sentence_start || !MOSTLY_NOUNS.contains(&cue.lemma) {
            return false;
        }
        let prev = i - 1;
        let w = self.lower[prev].as_ref();
        let opens_sentence = prev == sentence_start;
        let lowercase = !capitalized(self.tokens[prev].text);
        // Mid-sentence, the word must itself open a noun phrase (`the talk show`,
        // `with strong demand`): `and hope`, `could help show` are verbs. Only a
        // plural disputes (`the two countries dispute`, `workers and management
        // dispute`): `the U.S.-Japan trade dispute`, `overtime wage dispute` are
        // the noun.
        let in_a_noun_phrase = lowercase
            && prev > sentence_start
            && ((cue.lemma == "dispute"
                && !matches!(self.lower[prev - 1].as_ref(), "and" | "or" | "&"))
                || DETERMINERS.contains(&self.lower[prev - 1].as_ref())
                || PREPOSITIONS_BEFORE_A_NOUN.contains(&self.lower[prev - 1].as_ref())
                || matches!(self.lower[prev - 1].as_ref(), "at" | "without"));
        let plural = looks_plural(w);
        let word = w.chars().all(|c| c.is_alphabetic() || c == '-') && !w.ends_with("ly");
        (opens_sentence || in_a_noun_phrase)
            && word
            && !plural
            && !NOT_SINGULAR.contains(&w)
            && !AUXILIARIES.contains(&w)
            && !PRONOUNS.contains(&w)
    }

    /// Whether the word before token `i`, past auxiliaries and adverbs (`figures
    /// have also shown`), is a record that can speak (`EVIDENCE`).
    pub(super) fn after_evidence(&self, i: usize) -> bool {
        self.modifiers_start(0, i)
            .checked_sub(1)
            .is_some_and(|b| EVIDENCE.contains(&self.lower[b].as_ref()))
    }

    /// `a poll shows Sanders leading`, `fundraising reports show`, `the survey
    /// finds`: a record speaks through `show` or `find`, which after any other noun
    /// are too often something else (`the show`, `finds` as a noun) to be a cue.
    pub(super) fn evidence_shows(&self, i: usize) -> bool {
        matches!(self.lower[i].as_ref(), "show" | "shows" | "find" | "finds")
            && self.after_evidence(i)
    }

    /// Cue words in a sense that reports no words (BBC, Reuters): `Diageo has agreed
    /// to buy Chalone` (a deal), `its tax dispute with the government` (a noun),
    /// `would be counter to the work` (an adjective), `I find myself lying` (a state),
    /// `the ruling could threaten production` (a danger).
    fn deed_not_word(&self, cue_end: usize, lemma: &str) -> bool {
        let next = self.lower.get(cue_end).map_or("", Deref::deref);
        let after_next = self.lower.get(cue_end + 1).map_or("", Deref::deref);
        match lemma {
            // `agreed to the plan`, `agreed to pay` and `OPEC agreed this weekend in
            // Vienna on an output ceiling` are deals; `agreed that` and `agreed with`
            // report a view.
            "agree" => {
                let deal = |w: &str| matches!(w, "to" | "on" | "upon");
                deal(next)
                    || (cue_end..self.lower.len().min(cue_end + 6))
                        .take_while(|&j| !is_punct(&self.lower[j]) && self.lower[j] != "that")
                        .any(|j| {
                            self.lower[j] == "on"
                                && self.lower.get(j + 1).is_some_and(|w| {
                                    matches!(w.as_ref(), "a" | "an" | "the" | "new")
                                })
                        })
            }
            "dispute" => matches!(next, "with" | "over" | "between" | "is" | "was" | "has"),
            // `threatened to sue`, `threatened legal action`, `threatened that ...` are
            // said; `could threaten the production of cheeses`, `Row threatens museum
            // plan`, `was threatened with the sack`, `Rangers threatened until ...` are
            // dangers and chances (154 BBC and Reuters cues, most of them these).
            "threaten" => {
                const THREATS: &[&str] = &[
                    "action",
                    "sanctions",
                    "strike",
                    "strikes",
                    "boycott",
                    "veto",
                    "reprisals",
                    "retaliation",
                    "penalties",
                    "lawsuit",
                    "lawsuits",
                    "legal",
                    "resign",
                    "resignation",
                    "walkout",
                ];
                !(matches!(next, "to" | "that")
                    || (cue_end..self.lower.len().min(cue_end + 4))
                        .any(|j| THREATS.contains(&self.lower[j].as_ref())))
            }
            "counter" => next == "to",
            "find" => {
                matches!(
                    next,
                    "myself" | "himself" | "herself" | "itself" | "themselves" | "ourselves"
                ) || (next == "my" && after_next == "self")
            }
            _ => false,
        }
    }

    /// `is demanding a pledge`, `are once again questioning`, `He's claiming that`,
    /// `was calling for`: an `-ing` cue after a form of `be` (across adverbs) with
    /// something said after it. (`the outlook is promising.`: an adjective; `'s`
    /// is `is` only after a pronoun, else a possessive.)
    pub(super) fn progressive(
        &self,
        i: usize,
        cue_end: usize,
        sentence_end: usize,
        lemma: &str,
    ) -> bool {
        /// Cues whose progressive reports speech; others are deeds in that form
        /// (`is finding it difficult`, `is writing an episode`, `is showing two
        /// SUVs`, `is recalling cars`, `are continuing`, `was responding to`).
        const SPEECH_IN_PROGRESS: &[&str] = &[
            "say",
            "tell",
            "ask",
            "urge",
            "demand",
            "call",
            "press",
            "push",
            "talk",
            "warn",
            "predict",
            "forecast",
            "insist",
            "suggest",
            "argue",
            "claim",
            "accuse",
            "blame",
            "criticize",
            "criticise",
            "denounce",
            "condemn",
            "defend",
            "deny",
            "reject",
            "question",
            "stress",
            "promise",
            "pledge",
            "vow",
            "encourage",
            "propose",
            "tout",
            "trumpet",
            "praise",
            "congratulate",
            "slam",
            "blast",
            "dismiss",
            "admit",
            "acknowledge",
            "concede",
            "complain",
            "plead",
            "hint",
            "emphasize",
            "emphasise",
            "lobby",
            "appeal",
        ];
        /// Of those, the ones that speak only with their particle (`is calling for`,
        /// `is pressing for`, `is talking about`; not `is calling a meeting`).
        const WITH_PARTICLE: &[&str] = &["call", "press", "push", "talk", "appeal", "lobby"];
        let speaks = SPEECH_IN_PROGRESS.contains(&lemma)
            && (cue_end > i + 1 || !WITH_PARTICLE.contains(&lemma));
        if !speaks
            || !self.lower[i].ends_with("ing")
            || cue_end >= sentence_end
            || is_punct(&self.lower[cue_end])
        {
            return false;
        }
        let mut j = i;
        while let Some(before) = j.checked_sub(1) {
            match self.lower[before].as_ref() {
                "is" | "are" | "was" | "were" | "am" | "been" | "'re" | "’re" | "'m" | "’m" => {
                    return true
                }
                "'s" | "’s" => return self.contracted_is(before),
                w if ly_adverb(w)
                    || matches!(
                        w,
                        "also"
                            | "already"
                            | "still"
                            | "now"
                            | "not"
                            | "n't"
                            | "n’t"
                            | "once"
                            | "again"
                            | "always"
                            | "increasingly"
                            | "openly"
                            | "even"
                    ) =>
                {
                    j = before
                }
                _ => return false,
            }
        }
        false
    }

    /// Whether a form of `be` comes before token `i`, across adverbs (`are also
    /// believed`, `is widely thought`): `i` is then a passive's participle.
    pub(super) fn after_be(&self, i: usize) -> bool {
        let mut j = i;
        while let Some(before) = j.checked_sub(1) {
            let w = self.lower[before].as_ref();
            if matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being") {
                return true;
            }
            let adverb = ly_adverb(w)
                || matches!(
                    w,
                    "also" | "already" | "still" | "now" | "not" | "n't" | "often"
                );
            if !adverb {
                return false;
            }
            j = before;
        }
        false
    }

    /// `The keeper denied Gerrard with a late tackle`, `Newcastle were denied a late
    /// try`, `Chelsea denied by James heroics`: "deny" for keeping something from
    /// someone, which match reports use every week, is no statement. A statement's
    /// denial is of a clause (`denied Iran was involved`), a report (`denied Pompeo's
    /// claims`) or nothing.
    pub(super) fn keeps_from(&self, i: usize, cue_end: usize) -> bool {
        /// Who a match report says was kept from a goal.
        const PLAYERS: &[&str] = &[
            "player",
            "striker",
            "keeper",
            "goalkeeper",
            "forward",
            "midfielder",
            "defender",
            "winger",
            "visitors",
            "hosts",
            "champions",
            "side",
            "team",
            "opponents",
        ];
        let word = |j: usize| self.lower.get(j).map(Deref::deref).unwrap_or("");
        let next = word(cue_end);
        // `was also denied`: the passive's auxiliary may stand a few words back.
        let passive = (i.saturating_sub(3)..i)
            .rev()
            .take_while(|j| AUXILIARIES.contains(&word(*j)) || ly_adverb(word(*j)))
            .any(|j| {
                matches!(
                    word(j),
                    "was" | "were" | "been" | "being" | "be" | "is" | "are"
                )
            });
        if passive {
            // A passive statement has no object and names who denied: `the report was
            // denied by ...`. Without one (`the claim was denied.`) it says nothing a
            // search by speaker could use.
            return self.agent_by(cue_end, self.tokens.len()).is_none();
        }
        // A participle after a name, no auxiliary: a headline's passive.
        if next == "by" {
            return true;
        }
        // A name, then an article or a preposition: the name is who was kept.
        let mut j = cue_end;
        while j < self.tokens.len()
            && j - cue_end < 4
            && capitalized(self.tokens[j].text)
            && !is_time_word(&self.lower[j])
        {
            j += 1;
        }
        if j > cue_end
            && matches!(
                word(j),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "with"
                    | "from"
                    | "by"
                    | "at"
                    | "in"
                    | "on"
                    | "any"
                    | "victory"
                    | "penalty"
                    | ","
            )
        {
            return true;
        }
        // `denied the England striker`.
        let object = (cue_end..(cue_end + 5).min(self.tokens.len()))
            .take_while(|j| !is_punct(word(*j)))
            .any(|j| PLAYERS.contains(&word(j)));
        DETERMINERS.contains(&next) && object
    }

    /// `the court denied NEC's motion`, `the NASD denied Knapp's application`: denying
    /// a request is turning it down (stance reject), not saying something is untrue.
    pub(super) fn rules_on(&self, cue_end: usize) -> bool {
        /// What is asked for, and turned down, in filings and applications.
        const REQUESTS: &[&str] = &[
            "motion",
            "motions",
            "petition",
            "petitions",
            "request",
            "requests",
            "application",
            "applications",
            "appeal",
            "appeals",
            "bid",
            "bids",
            "permission",
            "access",
            "bail",
            "visa",
            "visas",
            "entry",
            "injunction",
            "licence",
            "license",
            "approval",
            "review",
            "relief",
            "asylum",
        ];
        // The object's head within its first few words (`a stockholder's request`).
        (cue_end..(cue_end + 5).min(self.tokens.len()))
            .take_while(|j| !is_punct(&self.lower[*j]))
            .take_while(|j| !matches!(self.lower[*j].as_ref(), "that" | "of" | "to" | "for" | "by"))
            .any(|j| REQUESTS.contains(&self.lower[j].as_ref()))
    }

    /// True when the token before `i` (after auxiliaries) can end a speaker: a name or
    /// a pronoun, or any noun when an auxiliary makes the cue a verb (`the group has
    /// claimed`); a bare lowercase word before an ambiguous cue is usually its
    /// modifier (`terrorist attacks`).
    pub(super) fn speaker_ends_at(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && AUXILIARIES.contains(&self.lower[j - 1].as_ref()) {
            j -= 1;
        }
        if j == i && self.nationality_before_noun(i) {
            return false;
        }
        j > 0 && {
            let w = self.lower[j - 1].as_ref();
            PRONOUNS.contains(&w)
                || (capitalized(self.tokens[j - 1].text) && !DETERMINERS.contains(&w))
                || (j < i
                    && !is_punct(w)
                    && !CLAUSE_WORDS.contains(&w)
                    && !DETERMINERS.contains(&w))
        }
    }

    /// Whether token `q` is a quote mark that opens a quote on the word right after
    /// it (`an "attack mongrel"`): a curly or backtick opener, or a straight mark with
    /// no space after it and a space (or nothing) before it.
    pub(super) fn opens_quote_on(&self, q: usize) -> bool {
        let (mark, next) = (&self.tokens[q], self.tokens.get(q + 1));
        let attached = next.is_some_and(|n| n.start == mark.end);
        let spaced_before = mark.start == 0
            || self
                .text
                .as_bytes()
                .get(mark.start - 1)
                .is_some_and(|b| b.is_ascii_whitespace() || b"([".contains(b));
        match mark.text {
            "“" | "``" | "‘" => attached,
            "\"" | "''" => attached && spaced_before,
            _ => false,
        }
    }

    /// `hit back at Labour claims`, `over White House charges`: a form that is also a
    /// plural noun, after a name that itself follows a preposition, is the noun the
    /// name describes (the name is the preposition's object, so it speaks no verb).
    pub(super) fn plural_noun_after_name(&self, i: usize, sentence_start: usize) -> bool {
        /// Cue forms that are as often plural nouns.
        const PLURAL_NOUNS: &[&str] = &[
            "claims",
            "charges",
            "attacks",
            "calls",
            "promises",
            "pledges",
            "demands",
            "comments",
            "reports",
            "notes",
            "remarks",
            "questions",
            "fears",
            "hopes",
            "doubts",
            "estimates",
            "forecasts",
            "tweets",
            "replies",
            "answers",
            "vows",
            "threats",
            "warnings",
            "urges",
            "requests",
            "appeals",
            "denials",
            "complaints",
        ];
        const BEFORE_NAME: &[&str] = &[
            "at", "of", "over", "against", "about", "on", "to", "by", "with", "from", "for",
            "despite", "amid", "after", "into",
        ];
        if !PLURAL_NOUNS.contains(&self.lower[i].as_ref()) {
            return false;
        }
        let mut j = i;
        while j > sentence_start && capitalized(self.tokens[j - 1].text) {
            j -= 1;
        }
        j < i && j > sentence_start && BEFORE_NAME.contains(&self.lower[j - 1].as_ref())
    }

    /// `below estimates`, `beat forecasts`, `according to preliminary central bank
    /// estimates,`, `Inflationary fears are unjustified`, `the HUD report said`: a cue
    /// form that is also a noun is the noun when a preposition or another verb comes
    /// right before it, when what follows only follows a noun (`of`, `are`, a saying
    /// verb), or when its phrase opens with a determiner or preposition and a noun's
    /// follower (`for`, a comma) comes next. `The company estimates that ...` stays a
    /// verb: `that` follows verbs.
    pub(super) fn noun_in_its_phrase(&self, i: usize, sentence_start: usize) -> bool {
        /// Cue forms that are also nouns, besides the plural ones.
        const NOUN_FORMS: &[&str] = &[
            "estimates",
            "estimate",
            "forecasts",
            "forecast",
            "claims",
            "claim",
            "reports",
            "report",
            "hopes",
            "fears",
            "warnings",
            "charges",
            "comments",
            "remarks",
            "promises",
            "pledges",
            "demands",
            "threats",
            "denials",
            "complaints",
            "appeals",
        ];
        /// Words before a noun, not a verb: prepositions and verbs taking it as object.
        const BEFORE_NOUN: &[&str] = &[
            "at", "of", "over", "against", "about", "on", "by", "with", "from", "for", "despite",
            "amid", "into", "than", "below", "above", "beyond", "under", "like", "in", "beat",
            "beats", "beating", "exceeded", "exceeds", "missed", "topped", "met", "matched",
        ];
        /// Words that follow only the noun.
        const AFTER_NOUN: &[&str] = &["of", "are", "were"];
        /// Words that follow the noun when its phrase opened as a noun's does.
        const AFTER_NOUN_PHRASE: &[&str] = &[
            "for",
            ",",
            ".",
            ";",
            ":",
            ")",
            "by",
            "have",
            "had",
            "show",
            "showed",
            "suggest",
            "suggested",
            "put",
        ];
        let word = self.lower[i].as_ref();
        if !NOUN_FORMS.contains(&word) || i == sentence_start {
            return false;
        }
        let prev = self.lower[i - 1].as_ref();
        let next = self.lower.get(i + 1).map_or("", Deref::deref);
        if BEFORE_NOUN.contains(&prev)
            || (cue_word(prev).is_some() && !capitalized(self.tokens[i - 1].text))
        {
            return true;
        }
        if AFTER_NOUN.contains(&next) || cue_word(next).is_some() {
            return true;
        }
        if !AFTER_NOUN_PHRASE.contains(&next) {
            return false;
        }
        let mut j = i;
        while j > sentence_start && i - j < 4 {
            let w = self.lower[j - 1].as_ref();
            if DETERMINERS.contains(&w) || BEFORE_NOUN.contains(&w) || w == "to" {
                return true;
            }
            let plain = w.chars().all(|c| c.is_ascii_lowercase());
            if !plain || AUXILIARIES.contains(&w) || PRONOUNS.contains(&w) {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// `the Iranian charges`, `despite Iraqi claims`: a nationality after a determiner
    /// or a preposition makes the next word a noun it describes, not a cue.
    pub(super) fn nationality_before_noun(&self, i: usize) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "despite",
            "of",
            "over",
            "to",
            "against",
            "about",
            "amid",
            "with",
            "by",
            "from",
            "for",
            "after",
            "on",
            "in",
            "denied",
            "rejected",
            "dismissed",
        ];
        if i < 2 {
            return false;
        }
        let adjective = self.tokens[i - 1].text;
        let before = self.lower[i - 2].as_ref();
        let nationality = capitalized(adjective)
            && adjective.chars().count() > 4
            && ["ian", "an", "ese", "i", "ish"]
                .iter()
                .any(|end| adjective.ends_with(end));
        nationality && (DETERMINERS.contains(&before) || PREPOSITIONS.contains(&before))
    }

    /// Whether what follows a cue at `cue_end`, from token `from` on, is its content
    /// when a quote stands before the speaker: `that`, a colon or a quote opens one;
    /// after a quote in the same sentence (`in_sentence`) nothing else does (`"...,"
    /// Cruz said at the time.`), after one ending the sentence before, no phrase that
    /// only says when, where or how (`"Too little?" he added on Twitter.`).
    pub(super) fn opens_content(
        &self,
        cue_end: usize,
        from: usize,
        to: usize,
        in_sentence: bool,
    ) -> bool {
        let Some(first) = self.lower.get(from) else {
            return false;
        };
        let opened = (cue_end..=from).any(|j| {
            matches!(self.lower[j].as_ref(), "that" | ":") || is_open_quote(self.tokens[j].text)
        });
        if opened {
            return true;
        }
        let adverbial = (ADVERBIAL_OPENERS.contains(&first.as_ref()) || is_time_word(first))
            && to - from <= ADVERBIAL_TOKENS;
        !in_sentence && !adverbial
    }
}

/// Objects of a naming `call` (`called him a liar`, `calls herself a progressive`).
const NAMED_PRONOUNS: &[&str] = &[
    "him",
    "her",
    "them",
    "it",
    "me",
    "us",
    "himself",
    "herself",
    "themselves",
    "itself",
];

/// `analysts`, `Tories`, not `business` or `consensus`: a plural by its ending, the
/// subject a bare verb form agrees with.
fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}
