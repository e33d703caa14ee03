//! The word lists the attribution rules read: auxiliaries, determiners, clause words,
//! roles and the like, kept in one place so each rule reads as prose.

use crate::attribution::roles::ONE_PERSON_ROLES;

/// Adverbs that stand between a verb's auxiliary and the verb (`is sometimes
/// expected`, `was widely reported`), never its subject.
pub(super) fn is_adverb(lower: &str) -> bool {
    const ADVERBS: &[&str] = &[
        "sometimes",
        "often",
        "also",
        "still",
        "now",
        "not",
        "never",
        "already",
        "always",
        "long",
        "once",
        "again",
        "even",
        "since",
        "yet",
        "n't",
        "later",
        "earlier",
        "just",
    ];
    ADVERBS.contains(&lower) || (lower.len() > 4 && ly_adverb(lower))
}

/// Whether a lowercase word ending in `-ly` is an adverb (`repeatedly`), not one of
/// the nouns that end so: `his family has said` is the family's statement, and `the
/// Tehran daily said` a newspaper's.
pub(super) fn ly_adverb(lower: &str) -> bool {
    const LY_NOUNS: &[&str] = &[
        "family",
        "ally",
        "assembly",
        "rally",
        "monopoly",
        "oligopoly",
        "duopoly",
        "supply",
        "reply",
        "anomaly",
        "tally",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "bully",
    ];
    lower.ends_with("ly") && !LY_NOUNS.contains(&lower)
}

/// Most tokens an addressee ending in an audience noun runs over (`BBC One's
/// Breakfast with Frost programme` is 7).
pub(super) const AUDIENCE_TOKENS: usize = 9;

/// Nouns that end an addressee: who or what a statement was told to.
pub(super) const AUDIENCE_NOUNS: &[&str] = &[
    "programme",
    "program",
    "show",
    "newspaper",
    "magazine",
    "website",
    "station",
    "channel",
    "agency",
    "reporters",
    "journalists",
    "audience",
    "conference",
    "convention",
    "committee",
    "mps",
    "peers",
    "delegates",
    "supporters",
    "members",
    "senators",
    "lawmakers",
    "inquiry",
    "hearing",
    "debate",
    "meeting",
    "rally",
    "forum",
    "summit",
    "interview",
];

/// How many sentences back a `he` or `she` looks for who it is.
pub(super) const PRONOUN_SENTENCES: usize = 3;

/// Most sentences a quote after a source-first cue runs over: a stray quote mark must
/// not make the rest of a long paragraph someone's words.
pub(super) const QUOTE_SENTENCES: usize = 6;
/// Most sentences a continued quote runs over: it already opened a sentence of its own
/// right after its speaker, so only its paragraph bounds it, and a speech excerpt can
/// hold a dozen sentences.
pub(super) const CONTINUED_SENTENCES: usize = 20;
/// Most paragraphs one quote runs over (a speech excerpt printed paragraph by
/// paragraph, each opening with a quote mark and only the last closing it).
pub(super) const QUOTED_PARAGRAPHS: usize = 8;

/// Words that make the next word a noun (`the claims`, `his warning`), not a cue.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "such", "no", "any", "every", "each", "some", "that",
];
/// Words between a speaker and the cue (`has also said`, `repeatedly denied`).
pub(super) const AUXILIARIES: &[&str] = &[
    "n't",
    "n’t",
    "has",
    "have",
    "had",
    "also",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "later",
    "previously",
    "again",
    "often",
    "then",
    "already",
    "once",
    "still",
    "publicly",
    "privately",
    "reportedly",
    "repeatedly",
    "quickly",
    "flatly",
    "strongly",
    "firmly",
    "swiftly",
    "immediately",
    "openly",
    "angrily",
    "falsely",
    "recently",
    "earlier",
    "first",
    "just",
    "been",
    "being",
    "be",
    "long",
    "yet",
    "even",
    "indeed",
    "can",
    "cannot",
    "must",
    "shall",
    // `can't`, `won't` and `shan't` tokenize as `ca`/`wo`/`sha` + `n't`.
    "ca",
    "wo",
    "sha",
    "always",
    "now",
    "since",
    "twice",
];
/// Verbs that take a clause's subject as their object (`the trial which saw Scholl
/// deny the charges`): they end a speaker phrase on its left.
pub(super) const RAISING_VERBS: &[&str] = &[
    "saw", "see", "sees", "seen", "watched", "heard", "made", "make", "makes", "let", "lets",
    "helped", "had",
];
/// Words that end a speaker's noun phrase on its left (`officials who said`).
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "when", "while", "as", "because", "if",
    "after", "before", "since", "where", "what", "so", "than", "or", "nor", "though", "although",
    "unless", "until", "to", "in", "on", "at", "for", "with", "by", "from", "about", "into",
    "over", "under", "said", "says", "told", "is", "was", "are", "were", "it's",
];
/// What a statement is made in (`said in a statement`, `Jeb Bush in an interview
/// said`): the phrase belongs to the cue, never to the speaker or the content.
pub(super) const STATEMENTS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "tweet",
    "email",
    "memo",
    "post",
    "op-ed",
    "video",
    "address",
    "briefing",
];
/// Time words skipped between a speaker and a cue (`Pompeo on Tuesday accused`),
/// besides the weekdays ([`is_time_word`]).
pub(super) const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// A word that says when (`Tuesday`, `yesterday`, `week`).
pub(super) fn is_time_word(word: &str) -> bool {
    TIME_WORDS.contains(&word) || crate::extract::dates::weekday(word).is_some()
}

/// Auxiliaries that make a finite verb phrase: after a noun phrase they open a clause
/// (`said Labour would ...`), so that phrase is its subject, not a speaker or addressee.
pub(super) const FINITE_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "should", "may",
    "might", "can", "must", "did", "does",
];
/// Pronouns that stand for no one: an object (`say anything`), or a speaker only in
/// idioms (`Something tells me`).
/// Plural nouns of people who speak as a group from a place (`traders in Tokyo`),
/// so `in` after them joins the place to the speaker.
pub(super) const PEOPLE_NOUNS: &[&str] = &[
    "traders",
    "dealers",
    "analysts",
    "officials",
    "sources",
    "economists",
    "bankers",
    "diplomats",
    "experts",
    "observers",
    "residents",
    "executives",
    "brokers",
    "producers",
    "exporters",
    "importers",
    "farmers",
    "delegates",
    "leaders",
];

/// Words that link a sentence to the one before (`But`, `However,`) and stand before
/// its subject, no part of it.
pub(super) const SENTENCE_LINKS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "now",
    "then",
];

/// Whether a subject's head word names people who can speak: a personal pronoun,
/// people (`analysts`) or one person's role (`spokesman`).
pub(super) fn names_people(head: &str) -> bool {
    matches!(head, "he" | "she" | "they" | "we")
        || PEOPLE_NOUNS.contains(&head)
        || ONE_PERSON_ROLES.contains(&head)
}

/// Heads of a sentence subject that can go on speaking in a gerund after it (`The
/// firm cut 500 jobs, saying ...`, `A US woman is suing HP, saying ...`), besides
/// [`PEOPLE_NOUNS`], [`ONE_PERSON_ROLES`] and [`PEOPLE_WORDS`]: people and the bodies
/// that speak.
pub(super) const SPEAKING_SUBJECTS: &[&str] = &[
    "critics",
    "campaigners",
    "ministers",
    "mps",
    "government",
    "ministry",
    "department",
    "company",
    "firm",
    "group",
    "union",
    "unions",
    "party",
    "committee",
    "board",
    "bank",
    "club",
];

/// Nouns for people that are neither a role nor a group that speaks as one ([`names_people`]):
/// a gerund after them is theirs ([`SPEAKING_SUBJECTS`]), and an `it` is never them.
pub(super) const PEOPLE_WORDS: &[&str] = &["man", "men", "woman", "women", "people", "police"];

/// Items a speaker list reaches back over before its last `and` (`France, Britain,
/// Canada and Japan said`).
pub(super) const LIST_ITEMS: usize = 12;

/// Plural nouns of people known for what they study, so `on` after them names their
/// subject (`experts on North Korea`), not a new phrase.
pub(super) const EXPERT_NOUNS: &[&str] = &[
    "experts",
    "specialists",
    "analysts",
    "authorities",
    "scholars",
    "researchers",
    "commentators",
    "observers",
    "watchers",
    "economists",
];

/// Frequent irregular past forms (a regular one ends in -ed), and `do`, `been`: the
/// verbs a name's description runs up to.
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "made", "took", "gave", "got", "went", "came", "saw", "knew", "thought", "put", "kept", "held",
    "won", "lost", "ran", "left", "met", "paid", "sent", "brought", "bought", "do", "sold",
    "wrote", "spoke", "found", "began", "been", "led", "set", "cut", "rose", "fell",
];

/// Roles named by whom they serve (`an aide to the president`, `adviser to Mr
/// Brown`), so `to` after them joins the person served to the speaker.
pub(super) const ROLES_TO: &[&str] = &[
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "assistant",
    "counsel",
    "consultant",
    "consultants",
    "ambassador",
    "envoy",
    "deputy",
    "successor",
];

pub(super) const INDEFINITE_PRONOUNS: &[&str] = &["anything", "something", "nothing", "everything"];
/// Cue lemmas whose next noun phrase is whom they spoke to (`told reporters that`),
/// so it is neither the content nor, after a comma, an inverted speaker.
pub(super) const ADDRESSEE_CUES: &[&str] = &["tell", "inform", "brief", "assure", "remind"];
/// Pronoun speakers.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Words that open a phrase saying when, where or how something was said (`said on
/// Tuesday`, `said after the meeting`, `added via Twitter`), not what.
pub(super) const ADVERBIAL_OPENERS: &[&str] = &[
    "at",
    "on",
    "in",
    "after",
    "as",
    "during",
    "before",
    "while",
    "when",
    "via",
    "through",
    "outside",
    "inside",
    "following",
    "later",
    "afterwards",
    "from",
    "of",
    "with",
];
/// Longest phrase read as only saying when, where or how (`in his New Year message`,
/// `with The Times newspaper, published on Friday`); a longer one holds a content
/// (`after meeting Tony Blair he had been left with the impression that ...`).
pub(super) const ADVERBIAL_TOKENS: usize = 10;
/// Nouns after which a content points back (`denied the charges`).
pub(super) const ANAPHORIC_NOUNS: &[&str] = &[
    "charge",
    "charges",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "report",
    "reports",
    "remarks",
    "comments",
    "statement",
    "statements",
    "it",
    "this",
    "that",
    "them",
    "suggestion",
    "suggestions",
    "idea",
];
