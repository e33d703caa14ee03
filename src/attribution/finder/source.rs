//! Which mention in a speaker phrase is the speaker (`Iranian spokesman Saeed
//! Khatibzadeh`, not Iran), which are its affiliations, and agents after a cue
//! (`was denied by the ministry`).

use crate::attribution::cues::{cue_word, QUOTED_ONLY, QUOTE_BOUND};
use crate::attribution::finder::Finder;
use crate::attribution::words::{
    is_adverb, is_time_word, DETERMINERS, EXPERT_NOUNS, IRREGULAR_PAST, PRONOUNS,
};
use crate::attribution::{Attribution, Source, Span};
use crate::entity::EntityKind;
use crate::extract::entities::Mention;
use std::ops::Deref;

/// A past form (regular `-ed` or a common irregular one) or a cue: the verb forms
/// both [`Finder::looks_like_verb`] and [`Finder::looks_finite_verb`] know.
pub(super) fn past_or_cue(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w) || cue_word(w).is_some() || (w.len() > 4 && w.ends_with("ed"))
}

/// The mention a speaker phrase names as its speaker: the last one, the phrase's head
/// (`Iranian spokesman Saeed Khatibzadeh`), unless it ends a person's affiliation:
/// `Gov. Terry Branstad of Iowa` and `John Smith, a spokesman for Exxon` are the
/// person speaking (Iowa and Exxon stay as affiliations, so `speaker:iowa` finds them).
pub(in crate::attribution) fn head_mention<'m>(
    inside: &[&&'m Mention],
    span: &Span,
) -> Option<&'m Mention> {
    if let Some(named) = inside.iter().find(|m| opens_with_apposition(m, span)) {
        return Some(**named);
    }
    let last: &'m Mention = inside.last().map(|m| **m)?;
    // `Traders in Singapore`, `an aide to Richard Lyng`, `Lyng's aide`: a name after
    // `in` or `to`, or owning the speaker, says where the speaker is or whom they
    // serve; the speaker is unnamed (the name stays an affiliation). `a spokesman for
    // Exxon` speaks for Exxon.
    if placed_after_noun(last, span) || serves_the_person(last, span) {
        // `Lyng, who plans to be in Japan`: a name before it may still be the head.
        let before = &inside[..inside.len() - 1];
        return head_mention(before, span);
    }
    // `the United States and Britain`, `Costa Rica and Honduras`: the phrase's first
    // conjunct heads it, the others are affiliations, so each is found.
    let mut first_conjunct = inside.len() - 1;
    if first_conjunct > 0 && coordinated(inside[first_conjunct - 1], last, span, false) {
        first_conjunct -= 1;
        // `Illinois, Kentucky and Michigan`: back through the list's commas.
        while first_conjunct > 0
            && coordinated(
                inside[first_conjunct - 1],
                inside[first_conjunct],
                span,
                true,
            )
        {
            first_conjunct -= 1;
        }
        return head_mention(&inside[..=first_conjunct], span);
    }
    if last.kind == EntityKind::Person {
        return Some(last);
    }
    // The nearest person before it, when the words after the person open an
    // affiliation (`of`, `from`, `for`, `at`, or a comma before a role).
    let Some(person) = inside.iter().rposition(|m| m.kind == EntityKind::Person) else {
        return Some(last);
    };
    let next = inside[person + 1];
    let between: String = span
        .text
        .chars()
        .skip(inside[person].end.saturating_sub(span.start))
        .take(next.start.saturating_sub(inside[person].end))
        .collect::<String>()
        .to_lowercase();
    let first_word = between
        .trim_start()
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let opens_affiliation =
        between.trim_start().starts_with(',') || matches!(first_word, "of" | "from" | "for" | "at");
    Some(if opens_affiliation {
        *inside[person]
    } else {
        last
    })
}

/// Whether an attribution stands: a [`QUOTED_ONLY`] or [`QUOTE_BOUND`] cue needs quoted
/// words.
pub(super) fn speech_continued(a: &Attribution) -> bool {
    a.direct || !(QUOTED_ONLY.contains(&a.cue.lemma) || QUOTE_BOUND.contains(&a.cue.lemma))
}

/// Whether `later` is joined to `earlier` by `and`/`or` alone (`West Germany and the
/// Netherlands`), or with `comma` by a list's comma alone: two names of one kind
/// side by side, neither describing the other. Names of two kinds are often one name
/// the tagger split (`Rohm and Haas`, `SNECMA of France and General Electric`); a
/// comma alone is no list (`Davenport, Iowa`), so it only continues one that ends in
/// `and`.
pub(super) fn coordinated(earlier: &Mention, later: &Mention, span: &Span, comma: bool) -> bool {
    if earlier.kind != later.kind || earlier.end > later.start {
        return false;
    }
    let between: String = span
        .text
        .chars()
        .skip(earlier.end.saturating_sub(span.start))
        .take(later.start - earlier.end)
        .collect();
    if comma {
        return matches!(between.trim(), "," | ", the");
    }
    matches!(
        between.split_whitespace().collect::<Vec<_>>().as_slice(),
        ["and"] | ["and", "the"] | ["or"] | [",", "and"] | [",", "and", "the"]
    )
}

/// Whether mention `m` is the name a speaker phrase opens with (only titles before
/// it), set off by a comma before a description: `Gardini, commenting on
/// Callebaut's remarks`, `Heineken, which also owns the Amstel brand`, `WEDGE Group
/// Inc, a Houston investment firm`. The description's names are affiliations.
pub(in crate::attribution) fn opens_with_apposition(m: &Mention, span: &Span) -> bool {
    let offset = m.start.saturating_sub(span.start);
    let before: String = span.text.chars().take(offset).collect();
    let titles_only = before
        .split_whitespace()
        .all(|w| w == "the" || w.chars().next().is_some_and(char::is_uppercase));
    let after: String = span
        .text
        .chars()
        .skip(m.end.saturating_sub(span.start))
        .collect();
    // `Rep. Elijah Cummings (D-Md.), chair of ...`: past a party and state.
    let after = match after
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
    {
        Some((inside, rest)) if inside.len() <= 12 => rest,
        _ => after.as_str(),
    };
    let described = after.strip_prefix(", ").is_some_and(opens_a_description);
    titles_only && described
}

/// Whether the words after an apposition's comma describe the name before it: they
/// open lowercase (`a unit of DuPont`, `the Dominican Republic's ambassador`), with
/// a possessive (`Taiwan's main trading partner`), or with a title and `of`
/// (`Chairman of the Council of Economic Advisers`).
pub(in crate::attribution) fn opens_a_description(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(5).collect();
    let lowercase = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    let Some(first) = words.first() else {
        return false;
    };
    if lowercase(first) {
        return true;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let possessive = words
        .iter()
        .position(|w| {
            // `Sanders’s campaign manager`, and the plural's `Sanders’ campaign manager`.
            w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with(['\'', '\u{2019}'])
        })
        .is_some_and(|at| {
            words[..=at].iter().all(capitalised) && words.get(at + 1).is_some_and(lowercase)
        });
    let title_of = words.get(1) == Some(&"of") && first.chars().all(char::is_alphabetic);
    possessive || title_of
}

/// Records that speak through `show` or `find` (`official figures show`, `a poll
/// finds`).
pub(super) const EVIDENCE: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "report",
    "reports",
    "records",
    "data",
    "figures",
    "study",
    "studies",
    "analysis",
    "research",
    "results",
    "numbers",
    "statistics",
    "documents",
    "filings",
    "footage",
    "evidence",
    "census",
    "review",
    "audit",
    "investigation",
    "inquiry",
];

/// What a person writes or issues: `Chirac's statement`, `Mr Peston's book` speak
/// for their author, unlike `Lyng's aide`.
pub(super) const AUTHORED: &[&str] = &[
    "statement",
    "statements",
    "paper",
    "book",
    "letter",
    "report",
    "plan",
    "proposal",
    "proposals",
    "speech",
    "remarks",
    "comments",
    "testimony",
    "memo",
    "memoirs",
    "article",
    "column",
    "message",
    "words",
    "study",
    "autobiography",
    "diary",
    "blog",
    "website",
    "budget",
    "bill",
];

/// Whether place `m` only says where the speaker phrase's head noun is from, and that
/// noun names a business, a trade, a paper or people of sport (`Japanese traders`, `a
/// Brazilian firm`, `the French press`, `the European champion`), not the place's
/// state (`Japanese officials`, `a Soviet spokesman`, `the Iranian government` speak
/// for it).
pub(super) fn of_a_place(m: &Mention, span: &Span) -> bool {
    const NOT_THE_STATE: &[&str] = &[
        "bank",
        "banks",
        "firm",
        "firms",
        "company",
        "companies",
        "trader",
        "traders",
        "dealer",
        "dealers",
        "analyst",
        "analysts",
        "banker",
        "bankers",
        "exporter",
        "exporters",
        "importer",
        "importers",
        "economist",
        "economists",
        "industry",
        "newspaper",
        "newspapers",
        "maker",
        "makers",
        "operator",
        "operators",
        "producer",
        "producers",
        "grower",
        "growers",
        "worker",
        "workers",
        "lawyer",
        "lawyers",
        "journalist",
        "journalists",
        "subsidiary",
        "experts",
        "press",
        "media",
        "radio",
        "television",
        "union",
        "unions",
        "businessmen",
        "investors",
        "broker",
        "brokers",
        "farmers",
        "manufacturers",
        "airline",
        "carrier",
        "refiners",
        "mills",
        "shippers",
        "champion",
        "medallist",
        "player",
        "players",
        "boys",
        "fans",
        // Private people: `a US woman is suing`, `a British man said`.
        "man",
        "men",
        "woman",
        "women",
        "mother",
        "father",
        "girl",
        "boy",
        "teenager",
        "student",
        "students",
        "couple",
        "family",
        "tourist",
        "tourists",
        "shoppers",
        "consumers",
    ];
    let after: String = span
        .text
        .chars()
        .skip(m.end.saturating_sub(span.start))
        .collect();
    let words: Vec<&str> = after.split_whitespace().collect();
    after.starts_with(' ')
        && words.len() <= 4
        && all_lowercase(&words)
        && words
            .last()
            .is_some_and(|noun| NOT_THE_STATE.contains(noun))
}

/// Whether every word is plain lowercase (hyphens allowed): the common nouns and
/// adjectives after a name in a speaker phrase (`administration official`), no
/// second name.
pub(super) fn all_lowercase(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
}

/// Whether mention `m` follows a personal title in its speaker phrase (`Mr Irish`,
/// `Dr. Bay`): whatever the tagger made of it, the words name a person.
pub(super) fn after_honorific(m: &Mention, span: &Span) -> bool {
    const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady"];
    let before: String = span
        .text
        .chars()
        .take(m.start.saturating_sub(span.start))
        .collect();
    let word = before
        .trim_end()
        .trim_end_matches('.')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    before.ends_with(' ') && HONORIFICS.contains(&word.as_str())
}

/// Whether person `m` is the possessor of a lowercase noun that ends the speaker
/// phrase (`Lyng's aide`, `Mr Blair's official spokesman`), or names the camp of
/// one (`a Brown ally`, `Blair aides`, `a Reagan administration official`): the
/// speaker serves or sides with them, and is not them.
pub(super) fn serves_the_person(m: &Mention, span: &Span) -> bool {
    /// People named by whose side they are on (`a Brown ally`).
    const ALLIES: &[&str] = &[
        "ally",
        "allies",
        "supporter",
        "supporters",
        "loyalist",
        "loyalists",
        "backer",
        "backers",
        "friend",
        "friends",
        "critic",
        "critics",
        "rival",
        "rivals",
        "opponent",
        "opponents",
        "camp",
        "aides",
        "staff",
        "staffer",
        "staffers",
    ];
    if m.kind != EntityKind::Person {
        return false;
    }
    let after: String = span
        .text
        .chars()
        .skip(m.end.saturating_sub(span.start))
        .collect();
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        // `a Brown ally`, `a Reagan administration official`: the name before the
        // noun, with no possessive mark. (Not `a Chrysler spokesman`: the tagger
        // takes many a one-word company before a role for a person.)
        let words: Vec<&str> = after.split_whitespace().collect();
        let camp = words.last().is_some_and(|noun| ALLIES.contains(noun))
            || (words.len() > 1 && matches!(words[0], "administration" | "campaign"));
        // (`Rep. Stangeland and other supporters` are he and they.)
        let joined = words.iter().any(|w| matches!(*w, "and" | "or" | "other"));
        return after.starts_with(' ') && camp && !joined && all_lowercase(&words);
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.last().is_some_and(|noun| !AUTHORED.contains(noun)) && all_lowercase(&words)
}

/// The preposition before mention `m` in its speaker phrase, skipping capitalised
/// title words (`to USDA Secretary Richard Lyng`), and the word before that
/// preposition: the two words that say how the name relates to the speaker.
pub(super) fn preposition_before(m: &Mention, span: &Span) -> Option<(String, String)> {
    let before: String = span
        .text
        .chars()
        .take(m.start.saturating_sub(span.start))
        .collect();
    let words: Vec<&str> = before
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect();
    let titles = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with(','))
        .count();
    let at = words.len().checked_sub(titles + 1)?;
    let word_before = at.checked_sub(1).map(|n| {
        // `Traders in Tokyo` opens a sentence capitalised.
        if n == 0 && words[n].chars().all(|c| c.is_ascii_alphabetic()) {
            words[n].to_lowercase()
        } else {
            words[n].to_string()
        }
    })?;
    Some((words[at].to_string(), word_before))
}

/// Whether mention `m` is the agent of a participle in the speaker phrase (`bankers
/// polled by Reuters`, `Tehran radio, monitored by the BBC`): neither the speaker
/// nor whom the speaker speaks for. `figures compiled by the Tories` are the Tories'
/// words, so authoring participles do not count.
pub(super) fn participle_agent(m: &Mention, span: &Span) -> bool {
    const AUTHORING: &[&str] = &[
        "compiled",
        "published",
        "issued",
        "prepared",
        "released",
        "produced",
        "written",
        "commissioned",
        "drafted",
        "signed",
        "conducted",
    ];
    preposition_before(m, span).is_some_and(|(preposition, participle)| {
        preposition == "by" && past_or_cue(&participle) && !AUTHORING.contains(&participle.as_str())
    })
}

/// Whether the words before mention `m` in the speaker phrase are a lowercase noun
/// and a preposition of place or service (`traders in`, `an aide to the`), with
/// only capitalised title words between (`an aide to USDA Secretary Richard Lyng`),
/// or `m` is a participle's agent, so `m` is not who speaks.
pub(super) fn placed_after_noun(m: &Mention, span: &Span) -> bool {
    let placed = preposition_before(m, span).is_some_and(|(preposition, noun)| {
        matches!(
            preposition.as_str(),
            "in" | "to" | "near" | "outside" | "inside"
        ) && (noun.chars().all(|c| c.is_ascii_lowercase())
            // `the Agriculture Department's Counselor in Warsaw`; but `Ambassador to
            // GATT Michael Samuels` is the ambassador.
            || (preposition != "to" && noun.chars().all(|c| c.is_ascii_alphabetic())))
    });
    placed || participle_agent(m, span) || subject_studied(m, span)
}

/// Whether mention `m` is what the speakers study (`Experts on North Korea said`):
/// neither who speaks nor whom they speak for.
pub(super) fn subject_studied(m: &Mention, span: &Span) -> bool {
    preposition_before(m, span).is_some_and(|(preposition, noun)| {
        preposition == "on" && EXPERT_NOUNS.contains(&noun.to_lowercase().as_str())
    })
}

impl Finder<'_> {
    /// The `by` that brings a passive cue's agent when only words saying when or how
    /// stand between them (`were denied yesterday by the ministry`, `was rejected on
    /// Monday by Iran`, `criticized privately by`, `at the time by`): then what was
    /// denied is the subject, as with `by` right after the cue. Not `accused of fraud
    /// by`: there the subject is who was accused.
    pub(super) fn agent_by(&self, cue_end: usize, limit: usize) -> Option<usize> {
        let by = self.by_near(cue_end, limit)?;
        let says_when = |j: usize| {
            let word = self.lower[j].as_ref();
            is_time_word(word)
                || is_adverb(word)
                || matches!(
                    word,
                    "on" | "last" | "this" | "at" | "in" | "the" | "time" | "past"
                )
        };
        (cue_end..by).all(says_when).then_some(by)
    }

    /// The first `by` within a few words after a cue ending at `cue_end`: the one
    /// window [`Finder::agent_by`] and [`Finder::agent_after`] must agree on.
    pub(super) fn by_near(&self, cue_end: usize, limit: usize) -> Option<usize> {
        (cue_end..limit.min(cue_end + 4)).find(|j| self.lower[*j] == "by")
    }

    /// The agent of a passive cue (`was accused by Washington of ...`).
    pub(super) fn agent_after(&self, cue_end: usize, limit: usize) -> Option<Source> {
        let by = self.by_near(cue_end, limit)?;
        // `accused of Islamophobia by`, `written for her by`, not `is expected to
        // conclude by`: the `by` of another verb.
        let another_verb = (cue_end..by).any(|j| self.lower[j] == "to");
        if another_verb || !self.names_an_agent(by + 1) {
            return None;
        }
        let (from, to) = self.noun_phrase_after(by + 1, limit)?;
        // `by the city of Los Angeles just before ...`, `by the Conservatives last
        // week`: an adverb or a phrase of time ends it.
        let to = (from + 1..to)
            .find(|&j| {
                matches!(
                    self.tokens[j].text,
                    "just" | "later" | "earlier" | "already"
                ) || self.says_when_from(j)
            })
            .unwrap_or(to);
        self.source(from, to)
    }

    /// Whether a phrase of time opens at token `j` (`last week`, `this month`, `on
    /// Tuesday`, `yesterday`): lowercase words only, so `Next plc` stays a name.
    fn says_when_from(&self, j: usize) -> bool {
        let word = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        let time_next = self.lower.get(j + 1).is_some_and(|w| is_time_word(w));
        (matches!(word(j), "last" | "this" | "next" | "on" | "early" | "late") && time_next)
            || matches!(word(j), "yesterday" | "today" | "tonight")
    }

    /// Whether the words from token `j` after `by` can be who acted: `by 46%`, `by
    /// 2010`, `by the end of the year`, `by Friday` say how much or when.
    pub(super) fn names_an_agent(&self, j: usize) -> bool {
        /// Nouns that make `by the ...` a time.
        const TIMES: &[&str] = &[
            "end",
            "middle",
            "start",
            "beginning",
            "time",
            "turn",
            "close",
            "summer",
            "autumn",
            "spring",
            "winter",
            "weekend",
            "year",
            "month",
            "week",
            "deadline",
            "first",
            "second",
            "third",
            "fourth",
        ];
        let Some(first) = self.lower.get(j).map(Deref::deref) else {
            return false;
        };
        let next = self.lower.get(j + 1).map_or("", Deref::deref);
        let when = |w: &str| {
            crate::extract::dates::weekday(w).is_some()
                || crate::extract::dates::month_number(w).is_some()
                || matches!(
                    w,
                    "then"
                        | "now"
                        | "far"
                        | "mid"
                        | "early"
                        | "late"
                        | "next"
                        | "about"
                        | "around"
                        | "up"
                        | "as"
                        | "more"
                        | "less"
                        | "half"
                        | "tomorrow"
                        | "tonight"
                        | "today"
                        | "yesterday"
                        | "nearly"
                        | "almost"
                )
        };
        if j > 0 && self.by_medium(j - 1) {
            return false;
        }
        let amount = first.starts_with(|c: char| c.is_ascii_digit());
        let time_noun = DETERMINERS.contains(&first) && TIMES.contains(&next);
        !(amount || when(first) || time_noun || self.gerund_with_object(j))
    }

    /// `responded by using the example of Chicago`, `reacted by citing Chicago`: a
    /// gerund taking an object after `by` is the means, not an agent (`by leading
    /// economists`, an adjective before its noun, still is one).
    pub(super) fn gerund_with_object(&self, j: usize) -> bool {
        let Some(token) = self.tokens.get(j) else {
            return false;
        };
        let gerund = token.text.len() > 4
            && token.text.ends_with("ing")
            && token.text.starts_with(|c: char| c.is_ascii_lowercase());
        gerund
            && self.tokens.get(j + 1).is_some_and(|object| {
                let lower = self.lower[j + 1].as_ref();
                DETERMINERS.contains(&lower)
                    || PRONOUNS.contains(&lower)
                    || matches!(lower, "him" | "them" | "us" | "me")
                    || object.text.starts_with(|c: char| c.is_uppercase())
            })
    }

    /// The speaker's span with the entity it names: a mention inside it (the last one,
    /// the phrase's head: `Iranian spokesman Saeed Khatibzadeh`), or for `he`/`she` the
    /// last person named before the cue at `cue`.
    pub(super) fn source(&self, from: usize, to: usize) -> Option<Source> {
        let span = self.span(from, to)?;
        let mut inside: Vec<&&Mention> = self
            .mentions
            .iter()
            .filter(|m| m.start >= span.start && m.end <= span.end)
            .collect();
        // The extractor lists alias matches after the tagger's names, not in text
        // order; the head rules read the phrase left to right (`Manchester United
        // manager Sir Alex Ferguson`).
        inside.sort_by_key(|m| (m.start, m.end));
        let mut canonical = None;
        let mut kind = None;
        let mut affiliations = Vec::new();
        let mut head = head_mention(&inside, &span);
        if let Some(named) = head {
            if named.kind == EntityKind::Place && after_honorific(named, &span) {
                // `said Mr Irish`, `Ms Essex said`: a person whose surname the tagger
                // took for a place; who they are is unknown, and Ireland did not
                // speak. (A company may bear a title: `Mr. Rooter Corp`.)
                kind = Some(EntityKind::Person);
                inside.retain(|m| m.canonical != named.canonical);
                head = None;
            } else if named.kind == EntityKind::Place && of_a_place(named, &span) {
                // `Japanese traders said`, `a Brazilian firm said`: a business or
                // trade of the place spoke, not its state; the place stays an
                // affiliation, so `SAID(speaker:japan)` still finds them.
                head = None;
            } else {
                canonical = Some(named.canonical.clone());
                kind = Some(named.kind);
            }
        }
        for m in &inside {
            let is_head = head.is_some_and(|h| h.canonical == m.canonical);
            if !is_head
                && !affiliations.contains(&m.canonical)
                && !participle_agent(m, &span)
                && !subject_studied(m, &span)
            {
                affiliations.push(m.canonical.clone());
            }
        }
        Some(Source {
            span,
            canonical,
            kind,
            affiliations,
        })
    }
}
