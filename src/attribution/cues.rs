//! The words that attribute: speech and stance verbs with their lemma and stance class,
//! and the multi-word cues (`according to`).
//!
//! A cue's stance class is what a search asks for (`stance:deny`): "denied",
//! "dismissed" and "rejected" are three words, but a journalist asking who denied a
//! link wants all the ways of saying no, so each lemma belongs to one class.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

/// How a source relates to what it says: the classes `stance:` searches by.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Neutral report: said, told, added, noted, according to.
    Say,
    /// Says something is not so: denied.
    Deny,
    /// Says someone did wrong: accused, blamed, alleged.
    Accuse,
    /// Judges harshly: condemned, criticized, denounced, slammed.
    Criticize,
    /// Turns down or dismisses: rejected, dismissed, refuted.
    Reject,
    /// Asserts against doubt: claimed, insisted, argued, maintained.
    Claim,
    /// Foretells harm: warned, threatened, cautioned.
    Warn,
    /// Concedes: admitted, acknowledged, conceded, confessed.
    Admit,
    /// Commits: promised, pledged, vowed.
    Promise,
    /// Asks or urges: asked, urged, called for, demanded.
    Urge,
    /// Confirms what others said: confirmed, agreed.
    Confirm,
    /// Thinks or expects: believed, thought, expected, predicted, suggested.
    Believe,
    /// Praises: praised, welcomed, hailed.
    Praise,
}

impl Stance {
    /// The name a query uses (`stance:deny`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Say => "say",
            Stance::Deny => "deny",
            Stance::Accuse => "accuse",
            Stance::Criticize => "criticize",
            Stance::Reject => "reject",
            Stance::Claim => "claim",
            Stance::Warn => "warn",
            Stance::Admit => "admit",
            Stance::Promise => "promise",
            Stance::Urge => "urge",
            Stance::Confirm => "confirm",
            Stance::Believe => "believe",
            Stance::Praise => "praise",
        }
    }

    /// The class named `name`, if there is one.
    pub fn parse(name: &str) -> Option<Stance> {
        STANCES.iter().copied().find(|s| s.as_str() == name)
    }
}

/// Every stance class, in the order `--help` lists them.
pub const STANCES: [Stance; 13] = [
    Stance::Say,
    Stance::Deny,
    Stance::Accuse,
    Stance::Criticize,
    Stance::Reject,
    Stance::Claim,
    Stance::Warn,
    Stance::Admit,
    Stance::Promise,
    Stance::Urge,
    Stance::Confirm,
    Stance::Believe,
    Stance::Praise,
];

/// Lemmas by class. Inflected forms are generated ([`inflections`]); irregular ones are
/// in [`IRREGULAR`].
const LEMMAS: &[(Stance, &[&str])] = &[
    (
        Stance::Say,
        &[
            "say",
            "tell",
            "add",
            "note",
            "state",
            "explain",
            "write",
            "report",
            "announce",
            "declare",
            "remark",
            "comment",
            "observe",
            "recall",
            "mention",
            "reply",
            "respond",
            "answer",
            "continue",
            "read",
            "interject",
            "exclaim",
            "scream",
            "muse",
            "laugh",
            "testify",
            "disclose",
            "reveal",
            "indicate",
            "point",
            "quote",
            "cite",
            "describe",
            "brief",
            "inform",
            "stress",
            "emphasize",
            "emphasise",
            "tweet",
            "post",
            "joke",
            "complain",
            "boast",
            "shout",
            "chant",
            "yell",
            "whisper",
            "show",
            "find",
            "express",
            "conclude",
            "refer",
            "lament",
            "talk",
            "remind",
            "hint",
            "retweet",
            "liken",
            "portray",
        ],
    ),
    (Stance::Deny, &["deny", "refute", "dispute", "contradict"]),
    (
        Stance::Accuse,
        &["accuse", "blame", "allege", "charge", "fault"],
    ),
    (
        Stance::Criticize,
        &[
            "condemn",
            "criticize",
            "criticise",
            "denounce",
            "slam",
            "attack",
            "blast",
            "decry",
            "lambast",
            "lambaste",
            "assail",
            "berate",
            "rebuke",
            "castigate",
            "mock",
            "ridicule",
            "deplore",
            "scold",
            "deride",
            "disparage",
            "chide",
            "rail",
        ],
    ),
    (
        Stance::Reject,
        &[
            "reject",
            "dismiss",
            "rebuff",
            "brush",
            "repudiate",
            "spurn",
            "decline",
            "refuse",
            "oppose",
        ],
    ),
    (
        Stance::Claim,
        &[
            "claim", "insist", "argue", "maintain", "contend", "assert", "counter", "retort",
            "proclaim", "affirm", "defend",
        ],
    ),
    (Stance::Warn, &["warn", "threaten", "caution"]),
    (
        Stance::Admit,
        &["admit", "acknowledge", "concede", "confess", "grant"],
    ),
    (
        Stance::Promise,
        &["promise", "pledge", "vow", "swear", "guarantee", "assure"],
    ),
    (
        Stance::Urge,
        &[
            "ask",
            "urge",
            "demand",
            "call",
            "request",
            "appeal",
            "implore",
            "press",
            "plead",
            "recommend",
        ],
    ),
    (
        Stance::Confirm,
        &["confirm", "agree", "concur", "echo", "reiterate", "repeat"],
    ),
    (
        Stance::Believe,
        &[
            "believe",
            "think",
            "expect",
            "predict",
            "suggest",
            "hope",
            "fear",
            "estimate",
            "forecast",
            "doubt",
            "feel",
            "worry",
            "wonder",
            "speculate",
            "suspect",
            "guess",
            "question",
        ],
    ),
    (
        Stance::Praise,
        &[
            "praise", "welcome", "hail", "applaud", "commend", "laud", "endorse", "tout",
            "champion",
        ],
    ),
];

/// Forms the suffix rules get wrong: (form, lemma).
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("thought", "think"),
    ("felt", "feel"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("found", "find"),
    ("shown", "show"),
    ("forecast", "forecast"),
];

/// Words that are cues only as verbs and are usually something else (`the show`, `a
/// call`, `a post`): only taken after a name or pronoun, never at the head of a noun
/// phrase. Checked by the pattern code.
pub const AMBIGUOUS: &[&str] = &[
    "called",
    "show",
    "shows",
    "find",
    "finds",
    "call",
    "calls",
    "post",
    "posts",
    "tweet",
    "tweets",
    "point",
    "points",
    "press",
    "report",
    "reports",
    "charge",
    "charges",
    "claim",
    "claims",
    "attack",
    "attacks",
    "answer",
    "grant",
    "brush",
    "continue",
    "continues",
    "continued",
    "state",
    "states",
    "quote",
    "quotes",
    "fear",
    "fears",
    "hope",
    "hopes",
    "doubt",
    "doubts",
    "question",
    "questions",
    "echo",
    "guess",
    "feel",
    "comment",
    "comments",
    "appeal",
    "request",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "vow",
    "vows",
    "demand",
    "demands",
    "note",
    "notes",
    "counter",
    "blast",
    "slam",
    "brief",
    "mock",
    "repeat",
    "expect",
    "add",
    "estimate",
    "forecast",
    "respond",
    "reply",
    "talk",
    "talks",
    "remark",
    "remarks",
    "hint",
    "hints",
    "champion",
    "lament",
    "rail",
    "rails",
];

/// Verbs a cue needs a particle after (`called for`, `called on`, `pointed out`,
/// `brushed aside`): the lemma and the particles that make it a cue.
pub const PARTICLES: &[(&str, &[&str])] = &[
    ("call", &["for", "on", "upon"]),
    ("point", &["out"]),
    ("brush", &["aside", "off"]),
    ("appeal", &["for", "to"]),
    ("press", &["for"]),
    ("plead", &["for", "with"]),
    ("refer", &["to"]),
    ("talk", &["about", "of"]),
    ("rail", &["against", "at"]),
    // `declined to comment`, `refused to say`; `sales declined 5%` is no statement.
    ("decline", &["to"]),
    ("refuse", &["to"]),
];

/// Of the verbs in [`PARTICLES`], those that are cues without their particle too, as
/// long as a speaker comes first (`Trump called it a disgrace`): PolNeAR train marks
/// `called` a cue in 57% of its uses, most of them with no particle.
pub const PARTICLE_OPTIONAL: &[&str] = &["call"];

/// Lemmas that report speech only when they go on with someone's quoted words (`"We
/// said further ...," Baker continued`); otherwise a policy, a strike or the rain
/// continues (BBC and Reuters: nearly all of 257 such attributions).
pub const QUOTED_ONLY: &[&str] = &["continue"];

/// Lemmas that report speech only beside quoted words, and that are no cue to any
/// other step either (a reader's `read`, `reading equipment`, a crowd that screams or
/// laughs): only [`any_cue_word`] knows them, where a cue opens an attribution, and
/// the attribution stands only with quoted words (`"... come to Louisiana," the
/// editorial read`, `Hannity interjected: "..."`: PolNeAR marks them; on its train
/// set, 25 predicted, 22 right). As ordinary cues they cut `the chip ... can read 40
/// encyclopedia volumes` from IBM's words and took `An index reading above 50 pct`
/// for a speaker.
pub const QUOTE_BOUND: &[&str] = &["read", "interject", "exclaim", "scream", "muse", "laugh"];

/// Forms that are almost never a cue in news although their lemma is: `state` is the
/// noun (`a Democratic state`, `state lawmakers`; PolNeAR train marks 33 of its lemma's
/// 128 predictions), `feel` the adjective-taking verb (`feel free`, `feel betrayed`; 10
/// of 90), `champion` the sportsman (`former AAA champion Diane Allahgreen`).
/// `stated`, `states`, `felt`, `championed` stay cues.
const NOT_CUES: &[&str] = &["state", "feel", "champion", "champions"];

/// A cue word: its lemma and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    pub lemma: &'static str,
    pub stance: Stance,
}

/// Every form of every lemma.
static FORMS: LazyLock<HashMap<String, CueWord>> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    let class_of: HashMap<&str, Stance> = LEMMAS
        .iter()
        .flat_map(|(stance, lemmas)| lemmas.iter().map(move |l| (*l, *stance)))
        .collect();
    for (stance, lemmas) in LEMMAS {
        for lemma in *lemmas {
            for form in inflections(lemma) {
                forms.entry(form).or_insert(CueWord {
                    lemma,
                    stance: *stance,
                });
            }
        }
    }
    for (form, lemma) in IRREGULAR {
        if let Some((lemma, stance)) = class_of.get_key_value(lemma) {
            forms.insert(
                form.to_string(),
                CueWord {
                    lemma,
                    stance: *stance,
                },
            );
        }
    }
    for form in NOT_CUES {
        forms.remove(*form);
    }
    forms
});

/// The cue word `word` (any case) is a form of, if any; a [`QUOTE_BOUND`] word is none.
pub fn cue_word(word: &str) -> Option<CueWord> {
    any_cue_word(word).filter(|cue| !QUOTE_BOUND.contains(&cue.lemma))
}

/// The cue word `word` is a form of, [`QUOTE_BOUND`] ones too: for the one step that
/// opens attributions, which keeps those only with quoted words.
pub fn any_cue_word(word: &str) -> Option<CueWord> {
    let lower = word.to_lowercase();
    FORMS.get(lower.as_str()).copied()
}

/// The lemma named `name`, as the tables spell it: reading stored attributions back
/// must not depend on which inflected forms count as cues (`state` is a lemma, not a
/// cue form).
pub fn lemma_named(name: &str) -> Option<&'static str> {
    LEMMAS
        .iter()
        .flat_map(|(_, lemmas)| lemmas.iter().copied())
        .find(|l| *l == name)
}

/// The class of a lemma, for scoring a gold cue (`denied` → deny).
pub fn stance_of_lemma(lemma: &str) -> Option<Stance> {
    LEMMAS
        .iter()
        .find(|(_, lemmas)| lemmas.contains(&lemma))
        .map(|(stance, _)| *stance)
}

/// The regular forms of a verb: base, third person, past, gerund.
fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b' ');
    let before_last = bytes.len().checked_sub(2).map(|i| bytes[i]);
    let vowel = |c: u8| b"aeiou".contains(&c);
    if last == b'e' {
        let stem = &lemma[..lemma.len() - 1];
        out.push(format!("{lemma}s"));
        out.push(format!("{lemma}d"));
        out.push(format!("{stem}ing"));
    } else if last == b'y' && before_last.is_some_and(|c| !vowel(c)) {
        let stem = &lemma[..lemma.len() - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{lemma}ing"));
    } else {
        let sibilant = lemma.ends_with('s')
            || lemma.ends_with("sh")
            || lemma.ends_with("ch")
            || lemma.ends_with('x');
        out.push(if sibilant {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        });
        // One short vowel before one final consonant doubles it (`admit` → admitted,
        // `slam` → slammed); words stressed on the first syllable do not, and the few
        // cue verbs that are (`counter`, `echo`) do not end that way.
        let doubles = bytes.len() >= 3
            && !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && before_last.is_some_and(vowel)
            && bytes.len().checked_sub(3).is_some_and(|i| !vowel(bytes[i]))
            && DOUBLING.contains(&lemma);
        if doubles {
            out.push(format!("{lemma}{}ed", last as char));
            out.push(format!("{lemma}{}ing", last as char));
        } else {
            out.push(format!("{lemma}ed"));
            out.push(format!("{lemma}ing"));
        }
    }
    out
}

/// Cue verbs that double their last consonant (`admitted`, `slammed`).
const DOUBLING: &[&str] = &["admit", "slam", "regret", "commit", "omit", "plan", "refer"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_left_out_of_the_cues_is_still_a_lemma_stored_attributions_name() {
        assert_eq!(cue_word("state"), None);
        assert_eq!(cue_word("stated").map(|c| c.lemma), Some("state"));
        assert_eq!(cue_word("feel"), None);
        assert_eq!(cue_word("felt").map(|c| c.lemma), Some("feel"));
        for (_, lemmas) in LEMMAS {
            for lemma in *lemmas {
                assert_eq!(lemma_named(lemma), Some(*lemma));
            }
        }
        assert_eq!(lemma_named("stated"), None);
    }

    #[test]
    fn forms_map_to_their_lemma_and_class() {
        let lemma = |w: &str| cue_word(w).map(|c| (c.lemma, c.stance));
        assert_eq!(lemma("said"), Some(("say", Stance::Say)));
        assert_eq!(lemma("Denied"), Some(("deny", Stance::Deny)));
        assert_eq!(lemma("denies"), Some(("deny", Stance::Deny)));
        assert_eq!(lemma("accusing"), Some(("accuse", Stance::Accuse)));
        assert_eq!(lemma("admitted"), Some(("admit", Stance::Admit)));
        assert_eq!(lemma("slammed"), Some(("slam", Stance::Criticize)));
        assert_eq!(lemma("condemned"), Some(("condemn", Stance::Criticize)));
        assert_eq!(lemma("dismissed"), Some(("dismiss", Stance::Reject)));
        assert_eq!(lemma("told"), Some(("tell", Stance::Say)));
        assert_eq!(lemma("vowed"), Some(("vow", Stance::Promise)));
        assert_eq!(lemma("table"), None);
        assert_eq!(Stance::parse("deny"), Some(Stance::Deny));
        assert_eq!(stance_of_lemma("reject"), Some(Stance::Reject));
    }
}
