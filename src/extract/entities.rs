//! From tagged tokens to canonical entities: the people, organizations and places an
//! article is about, each under one name.
//!
//! Steps, in order, for one article:
//! 1. the tagger's spans become mentions (PER, ORG, LOC, MISC) with byte spans;
//! 2. titles and roles are stripped from people ("Secretary of State Mike Pompeo" →
//!    "Mike Pompeo");
//! 3. in-article coreference: a surname alone takes the full name used elsewhere in the
//!    article (Pompeo → Mike Pompeo), an acronym takes the expansion the article gives
//!    ("International Atomic Energy Agency (IAEA)");
//! 4. the alias table (index_schema/aliases.toml plus `--aliases`) merges variants
//!    across articles (al-Qaeda → al-Qaida, U.S. → United States) and may correct the
//!    type (a curated organization tagged MISC becomes an org);
//! 5. demonyms become places (MISC "Iranian" → place Iran, via
//!    index_schema/ner/demonyms.tsv); other MISC mentions are not stored.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::aliases::{normalize, Aliases};
use super::canonical;
use super::ner::lexicon::{List, LEXICON};
use super::ner::tags::{spans, EntityType, Span};
use super::ner::Tagger;
use super::tokenize::{self, sentences, tokenize, Token};
use crate::entity::{Entities, EntityKind};

use crate::embedded::{CASE_TSV, DEMONYMS_TSV};

/// Lowercase word → its usual mid-sentence form, for words usually capitalized
/// (index_schema/ner/scripts/build_case.py).
static USUAL_CASE: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    CASE_TSV
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// Demonym (normalised) → place name.
static DEMONYMS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    DEMONYMS_TSV
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(d, p)| (normalize(d), p.trim().to_string()))
        .collect()
});

/// The kind dateline stores for a tagger type (MISC is not stored). The tagger keeps
/// CoNLL's types (it stands alone); this pair is the one place they meet dateline's.
pub fn kind_of_tag(tag: EntityType) -> Option<EntityKind> {
    match tag {
        EntityType::Per => Some(EntityKind::Person),
        EntityType::Org => Some(EntityKind::Org),
        EntityType::Loc => Some(EntityKind::Place),
        EntityType::Misc => None,
    }
}

/// The tagger type of a stored kind (the inverse of [`kind_of_tag`]).
pub fn tag_of_kind(kind: EntityKind) -> EntityType {
    match kind {
        EntityKind::Person => EntityType::Per,
        EntityKind::Org => EntityType::Org,
        EntityKind::Place => EntityType::Loc,
    }
}

/// How a thing (see [`Extracted::things`]) is stored: `org:PC`.
pub fn thing_label(kind: EntityKind, name: &str) -> String {
    format!("{}:{name}", kind.as_str())
}

/// The kind and name of a stored thing label, if it is one.
pub fn parse_thing_label(label: &str) -> Option<(EntityKind, &str)> {
    let (kind, name) = label.split_once(':')?;
    Some((EntityKind::parse(kind)?, name))
}

/// One mention of an entity in the article text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The canonical name this mention resolves to.
    pub canonical: String,
    /// The words as written.
    pub text: String,
    /// `title` or `body`.
    pub field: &'static str,
    /// Character (not byte) offsets in that field, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// What extraction found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    #[serde(flatten)]
    pub entities: Entities,
    pub mentions: Vec<Mention>,
    /// Names the article itself shows to be a work, a product or an event (`a PC`,
    /// `the film Vera Drake`), with the kind the tagger gave them, and left out of the
    /// lists above. Kept so the archive-wide link step can count them: one article
    /// rarely proves that `PC` is never an organization, fifty articles do.
    #[serde(skip)]
    pub things: Vec<(EntityKind, String)>,
    /// Byte spans of the body's sentences that hold a token, split as the index
    /// splits them (`index::sentences::sentence_spans`: the same windows, tokens and
    /// sentences), so indexing stores their starts without tokenizing the body again.
    #[serde(skip)]
    pub body_sentences: Vec<Range<usize>>,
}

/// A raw span from the tagger, before canonicalization.
struct RawMention {
    tag: EntityType,
    field: &'static str,
    /// Byte offsets in the field's text.
    start: usize,
    end: usize,
    /// Token texts of the span.
    words: Vec<String>,
    sentence_initial: bool,
}

/// Runs the tagger over `title` and `body` and returns canonical entities.
///
/// A body longer than [`tokenize::WINDOW_BYTES`] is read one window at a time (cut at a
/// paragraph break where one is near), so memory stays bounded by the window, not by
/// the article: a 50 MB file costs what a 1 MB one does. Names link to longer forms
/// within a window; the article's name lists are the union of its windows'.
pub fn extract(tagger: &Tagger, aliases: &Aliases, title: &str, body: &str) -> Extracted {
    extract_with(tagger, aliases, title, body, Keep::Mentions)
}

/// [`extract`] without the mention list: what indexing stores. A long article has
/// hundreds of thousands of mentions, and nothing needs them there.
pub fn extract_names(tagger: &Tagger, aliases: &Aliases, title: &str, body: &str) -> Extracted {
    extract_with(tagger, aliases, title, body, Keep::NamesOnly)
}

/// Whether [`Extracted::mentions`] is filled.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    Mentions,
    NamesOnly,
}

fn extract_with(
    tagger: &Tagger,
    aliases: &Aliases,
    title: &str,
    body: &str,
    keep: Keep,
) -> Extracted {
    if body.len() <= tokenize::WINDOW_BYTES {
        return extract_window(tagger, aliases, title, body, keep);
    }
    let mut out = Extracted::default();
    let mut seen: [std::collections::HashSet<String>; 3] = Default::default();
    let mut chars_before = 0;
    let mut bytes_before = 0;
    for (i, window) in tokenize::windows(body, tokenize::WINDOW_BYTES).enumerate() {
        let part = extract_window(
            tagger,
            aliases,
            if i == 0 { title } else { "" },
            window,
            keep,
        );
        for ((list, more), seen) in [
            (&mut out.entities.people, part.entities.people),
            (&mut out.entities.orgs, part.entities.orgs),
            (&mut out.entities.places, part.entities.places),
        ]
        .into_iter()
        .zip(&mut seen)
        {
            list.extend(more.into_iter().filter(|n| seen.insert(n.clone())));
        }
        for thing in part.things {
            if !out.things.contains(&thing) {
                out.things.push(thing);
            }
        }
        out.mentions.extend(part.mentions.into_iter().map(|mut m| {
            if m.field == "body" {
                m.start += chars_before;
                m.end += chars_before;
            }
            m
        }));
        out.body_sentences.extend(
            part.body_sentences
                .into_iter()
                .map(|r| bytes_before + r.start..bytes_before + r.end),
        );
        chars_before += window.chars().count();
        bytes_before += window.len();
    }
    out
}

/// A step that mends the tagger's spans of one sentence from its tokens.
type SpanStep = fn(&[Token<'_>], Vec<Span>) -> Vec<Span>;

/// The steps that mend the tagger's spans of a sentence where the text itself shows
/// a name's extent, in order.
const SPAN_STEPS: [SpanStep; 3] = [complete_cut_names, bracketed_firm_names, partnership_names];

/// [`extract`] for a body of bounded length.
fn extract_window(
    tagger: &Tagger,
    aliases: &Aliases,
    title: &str,
    body: &str,
    keep: Keep,
) -> Extracted {
    let title_tokens = tokenize(title);
    let body_tokens = tokenize(body);
    // The title is its own sentence; the body is split into sentences.
    let mut sentence_tokens: Vec<(&'static str, &[Token<'_>])> = Vec::new();
    if !title_tokens.is_empty() {
        sentence_tokens.push(("title", &title_tokens[..]));
    }
    let mut body_sentences = Vec::new();
    for range in sentences(&body_tokens) {
        let first = body_tokens.get(range.start);
        let last = range.end.checked_sub(1).and_then(|l| body_tokens.get(l));
        if let (false, Some(first), Some(last)) = (range.is_empty(), first, last) {
            body_sentences.push(first.start..last.end);
        }
        sentence_tokens.push(("body", &body_tokens[range]));
    }
    // Only all-caps sentences are recased, and only they need the article's forms.
    let mut body_forms: Option<HashMap<String, String>> = None;
    let truecased: Vec<Option<Vec<String>>> = sentence_tokens
        .iter()
        .map(|(_, toks)| {
            is_all_caps_sentence(toks).then(|| {
                let forms = body_forms.get_or_insert_with(|| usual_forms_in(&body_tokens));
                truecase(toks, forms)
            })
        })
        .collect();
    let words: Vec<Vec<&str>> = sentence_tokens
        .iter()
        .zip(&truecased)
        .map(|((_, toks), recased)| match recased {
            Some(forms) => forms.iter().map(String::as_str).collect(),
            None => toks.iter().map(|t| t.text).collect(),
        })
        .collect();
    let tags = tagger.tag_document(&words);
    let mut raw = Vec::new();
    for (((field, toks), tags), words) in sentence_tokens.iter().zip(&tags).zip(&words) {
        let sentence_first = raw.len();
        let mut covered = vec![false; toks.len()];
        let tagged = SPAN_STEPS
            .iter()
            .fold(spans(tags), |tagged, step| step(toks, tagged));
        let tagged = firms_before_tickers(words, tagged);
        let known = known_names(toks, &tagged, field, aliases);
        for (range, _) in &known {
            covered[range.clone()].iter_mut().for_each(|c| *c = true);
        }
        let inside_known = |span: &Span| known.iter().any(|(range, _)| range.contains(&span.start));
        for span in tagged.into_iter().filter(|s| !inside_known(s)) {
            let Some(span) = without_edge_marks(toks, without_leading_article(toks, span)) else {
                continue;
            };
            covered[span.start..span.end]
                .iter_mut()
                .for_each(|c| *c = true);
            raw.push(RawMention {
                tag: span.kind,
                field,
                start: toks[span.start].start,
                end: toks[span.end - 1].end,
                words: toks[span.start..span.end]
                    .iter()
                    .map(|t| t.text.to_string())
                    .collect(),
                sentence_initial: span.start == 0,
            });
        }
        raw.extend(known.into_iter().map(|(_, mention)| mention));
        raw.extend(alias_mentions(toks, &covered, field, aliases, 1));
        // The tagger's guess at a whole affixed word (`Houston-based` as a name)
        // gives way to the name inside it.
        let affixed = affixed_names(toks, field, aliases);
        // Only this sentence's mentions can be such a word: earlier ones stay.
        let mut this_sentence = raw.split_off(sentence_first);
        this_sentence.retain(|m| {
            !affixed
                .iter()
                .any(|(word, _)| m.field == *field && m.start == word.start && m.end == word.end)
        });
        raw.append(&mut this_sentence);
        raw.extend(affixed.into_iter().map(|(_, mention)| mention));
    }
    Extracted {
        body_sentences,
        ..resolve(raw, aliases, title, body, keep)
    }
}

/// An organization or place tagged with the article that opens its sentence (`A Home
/// Office spokesman said`, `The Commerce Department said`) starts after it: otherwise
/// "A Home Office" becomes the article's name for the Home Office, apart from its
/// other mentions. People keep theirs (`An Wang` is a name), and so do two-word
/// names with `The` (`The Guardian`, `The Hague`); a paper whose name has `The`
/// before two or more words gets it back from the alias table (`New York Times` is
/// The New York Times).
fn without_leading_article(toks: &[Token<'_>], mut span: Span) -> Span {
    let words = span.end - span.start;
    let indefinite = matches!(toks[span.start].text, "A" | "An") && words > 1;
    let definite = toks[span.start].text == "The" && words > 2;
    let leads = match span.kind {
        EntityType::Org => indefinite || definite,
        EntityType::Loc => indefinite,
        _ => false,
    };
    if leads {
        span.start += 1;
    }
    span
}

/// A tagged span less the quote marks, brackets and dashes at its edges: the tagger
/// sometimes takes in the closing quote before a name (`,” Espinoza said Friday`),
/// and `” Espinoza` would be a person of its own in every entity list. `None` when
/// nothing but marks was tagged.
fn without_edge_marks(toks: &[Token<'_>], mut span: Span) -> Option<Span> {
    let mark = |t: &Token<'_>| {
        t.text.chars().all(|c| {
            matches!(
                c,
                '"' | '\''
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '`'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '-'
                    | '—'
                    | '–'
                    | '―'
                    | ','
            )
        })
    };
    while span.start < span.end && mark(&toks[span.start]) {
        span.start += 1;
    }
    while span.end > span.start && mark(&toks[span.end - 1]) {
        span.end -= 1;
    }
    (span.start < span.end).then_some(span)
}

/// Words that join a name to the rest of it (`Bank of Nova Scotia`, `Banco de la
/// Republica`, `Fondation pour l'Enfance`); a name never ends in one.
const NAME_JOINERS: [&str; 11] = [
    "of", "de", "du", "des", "del", "della", "di", "da", "do", "pour", "for",
];
/// Articles that may stand between a joiner and the rest of the name (`Lord of the
/// Rings`, `Banco de la Republica`).
const ARTICLES_IN_NAMES: [&str; 6] = ["the", "la", "le", "les", "el", "los"];

/// The tagger's spans with the names it cut off after a joining word completed: it
/// stops at `Bank of` before `Nova Scotia` (then a place of its own), at `Rio de`
/// before `Janeiro`, at `Lord of` before `the Rings` (an organization of its own), and
/// both halves would be names in every entity list. A span ending in a joiner takes in
/// an article and the capitalized words after it, and any span among them; the whole
/// keeps the first span's type, except that a place joined to an organization is the
/// organization (a place's own name with `of` joins places: `Isle of Man`). With no
/// capitalized word after (`the Tories of "running scared"`), the joiner comes off.
fn complete_cut_names(toks: &[Token<'_>], tagged: Vec<Span>) -> Vec<Span> {
    // `l'Enfance` and `d'Ivoire` are capitalized words after their elided article.
    let capitalized = |t: &Token<'_>| {
        let word = ["l'", "d'", "l’", "d’"]
            .iter()
            .find_map(|elided| t.text.strip_prefix(elided))
            .unwrap_or(t.text);
        word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-' | '\''))
    };
    let mut out: Vec<Span> = Vec::with_capacity(tagged.len());
    let mut i = 0;
    while i < tagged.len() {
        let mut span = tagged[i];
        i += 1;
        let cut = span.end - span.start > 1 && NAME_JOINERS.contains(&toks[span.end - 1].text);
        if !cut {
            out.push(span);
            continue;
        }
        // A person named right after is not part of the name (`the Rio de Janeiro
        // Coffee Trade Association Carlos Calmon said`).
        let person_at = tagged[i..]
            .iter()
            .find(|next| next.kind == EntityType::Per)
            .filter(|_| span.kind != EntityType::Per)
            .map_or(toks.len(), |person| person.start);
        let mut end = span.end;
        if toks
            .get(end)
            .is_some_and(|t| ARTICLES_IN_NAMES.contains(&t.text))
        {
            end += 1;
        }
        let rest_starts = end;
        while end < person_at && toks.get(end).is_some_and(capitalized) {
            end += 1;
        }
        if end == rest_starts {
            span.end -= 1;
            out.push(span);
            continue;
        }
        while let Some(next) = tagged.get(i).filter(|next| next.start < end) {
            end = end.max(next.end);
            if span.kind == EntityType::Loc && next.kind == EntityType::Org {
                span.kind = EntityType::Org;
            }
            i += 1;
        }
        span.end = end;
        out.push(span);
    }
    out
}

/// The most tokens a firm's bracket may hold: the longest in Reuters-21578 holds 10
/// (`<Johnson, Lane, Space, Smith and Co Inc>`); a `<` with no `>` this close is a
/// stray mark, not a name.
const LONGEST_BRACKETED_NAME: usize = 16;

/// Names that the text itself marks as a firm's, in angle brackets: Reuters writes
/// `<Drexel Burnham Lambert Inc>` and `<James Capel and Co>` for a company without a
/// ticker. The tagger reads such names in pieces (`Burnham Lambert`, the place
/// `Co`, the person `Whitney` of `<Pratt and Whitney>`), and each piece would be a
/// name of its own in every entity list; the writer's bracket is surer than the
/// tagger's guess, so everything between the brackets is one organization. Only a
/// bracket that opens on a capitalized word and closes in the same sentence counts,
/// and not a ticker with its exchange (`<BLDS ST>` in Stockholm, `<REED L>` in
/// London; a headline's `<PACER SYSTEMS>` is a name). `<Chemical Bank of New <York>`,
/// a typo, counts not at all, and a possessive inside stays out (`<Siemens AG's>`).
fn bracketed_firm_names(toks: &[Token<'_>], tagged: Vec<Span>) -> Vec<Span> {
    if !toks.iter().any(|t| t.text == "<") {
        return tagged; // most sentences: no copy of their words
    }
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let mut firms: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] != "<" {
            i += 1;
            continue;
        }
        let limit = words.len().min(i + 2 + LONGEST_BRACKETED_NAME);
        let Some(close) = (i + 1..limit).find(|&j| matches!(words[j], "<" | ">")) else {
            i += 1;
            continue;
        };
        if words[close] == "<" {
            // Opened twice: neither bracket is trusted.
            i = (close + 1..words.len())
                .find(|&j| words[j] == ">")
                .map_or(close + 1, |j| j + 1);
            continue;
        }
        let mut end = close;
        if end > i + 2 && matches!(words[end - 1], "'s" | "’s") {
            end -= 1;
        }
        let inside = &words[i + 1..end];
        let opens_on_name = inside
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        let ticker = match inside {
            [symbol, exchange] => {
                exchange.chars().count() <= 2
                    && !symbol
                        .chars()
                        .chain(exchange.chars())
                        .any(char::is_lowercase)
            }
            _ => false,
        };
        if opens_on_name && !ticker {
            firms.push(Span {
                start: i + 1,
                end,
                kind: EntityType::Org,
            });
        }
        i = close + 1;
    }
    replaced_by(tagged, firms)
}

/// Whether a token is a wire ticker, `<BKO>` or `<GENA.O>`: the tokenizer keeps one
/// whole (a bracketed name, with lowercase letters, loses its brackets).
fn is_ticker(word: &str) -> bool {
    word.strip_prefix('<')
        .and_then(|w| w.strip_suffix('>'))
        .is_some_and(|inner| {
            inner.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && inner
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        })
}

/// Words that end a partnership's name as a firm's (`Harper and Row Publishers Inc`,
/// `Alex. Brown and Sons`, `Frank B. Hall and Co`): the legal forms, and the words
/// a partnership of people writes in their place.
fn ends_a_partnership(word: &str) -> bool {
    const PARTNERSHIP_WORDS: [&str; 9] = [
        "sons",
        "publishers",
        "holdings",
        "brothers",
        "associates",
        "partners",
        "securities",
        "industries",
        "company",
    ];
    canonical::is_legal_form(word) || PARTNERSHIP_WORDS.contains(&word.to_lowercase().as_str())
}

/// Firms named after their founders, joined by `and` and ended by a legal form or
/// its like: `Harper and Row Publishers Inc`, `Tate and Lyle Plc`, `Frank B. Hall and
/// Co Inc`. The tagger reads the first founder as a person (Reuters-21578 has 35
/// mentions of the person `Harper`, 8 of `Tate`, 5 of `Ball` of `Ball and Turben`), and
/// the rest as a firm of its own. A person span followed by `and` and such an ending
/// is one organization; so is a surname (or two words that are no first name and
/// surname) followed by `and`, one more capitalized word and the ending: `Asher
/// Edelman and Dominion Textiles Inc` are a man and a firm, and so are `Reagan and
/// ...` everywhere no legal form follows.
fn partnership_names(toks: &[Token<'_>], tagged: Vec<Span>) -> Vec<Span> {
    if !toks.iter().any(|t| matches!(t.text, "and" | "AND" | "&")) {
        return tagged;
    }
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let capitalized = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
    };
    // The first word of a name, unless it is a person's first name.
    let no_first_name = |w: &str| !is_first_name(&recase_if_all_caps(&[w.to_string()], true)[0]);
    let mut firms: Vec<Span> = Vec::new();
    for span in tagged.iter().filter(|s| s.kind == EntityType::Per) {
        let and = span.end;
        if !words
            .get(and)
            .is_some_and(|w| matches!(*w, "and" | "AND" | "&"))
        {
            continue;
        }
        // A surname alone (`Harper`), or two words that are no first name and surname.
        let founders_named = match span.end - span.start {
            1 => true,
            2 => no_first_name(words[span.start]),
            _ => false,
        };
        let mut end = and + 1;
        if !words.get(end).is_some_and(|w| ends_a_partnership(w)) {
            // One more founder's name, then the ending: `and Row Publishers`, `and
            // Lyle Plc` (`and Dominion Textiles Inc` is another firm).
            let partner = words.get(end).is_some_and(|w| capitalized(w));
            if !founders_named
                || !partner
                || !words.get(end + 1).is_some_and(|w| ends_a_partnership(w))
            {
                continue;
            }
            end += 1;
        }
        while words.get(end).is_some_and(|w| ends_a_partnership(w)) {
            end += 1;
        }
        firms.push(Span {
            start: span.start,
            end,
            kind: EntityType::Org,
        });
    }
    replaced_by(tagged, firms)
}

/// The tagger's spans, with those that overlap one of `firms` giving way to it.
fn replaced_by(tagged: Vec<Span>, firms: Vec<Span>) -> Vec<Span> {
    if firms.is_empty() {
        return tagged;
    }
    let inside_a_firm = |span: &Span| {
        firms
            .iter()
            .any(|firm| span.start < firm.end && firm.start < span.end)
    };
    let mut out: Vec<Span> = tagged.into_iter().filter(|s| !inside_a_firm(s)).collect();
    out.extend(firms);
    out.sort_by_key(|s| s.start);
    out
}

/// Whether news text writes a word capitalized mid-sentence (`Atlantic`, not `Forged`).
fn usually_capitalized(word: &str) -> bool {
    USUAL_CASE
        .get(word.to_lowercase().as_str())
        .is_some_and(|form| form.chars().next().is_some_and(char::is_uppercase))
}

/// Names right before a ticker are a listed firm's: Reuters writes `HUGHES <HT>`,
/// `ALLEGHENY <AI>`, `FIRST WISCONSIN <FWB>`, and the tagger took such headline
/// names for people (351 mentions) and places (274). A span just before a ticker is
/// an organization, and takes in the capitalized words right before it (`Phoenix`
/// of `PHOENIX AMERICAN <PHXA.O>`, `Crazy` of `CRAZY EDDIE <CRZY>`); capitalized
/// words before a ticker that no span holds are one too. `words` are the words as the
/// tagger saw them: an all-caps headline's recased from the article, so `FORCE` of
/// `SUES TO FORCE HUGHES <HT>` stays out. A sentence's capitalized first word that is
/// not usually capitalized (`FORGED` of `FORGED EXXON <XON>`, capitalized only as a
/// sentence's first word; alone before the ticker, only a common one: `The`), a
/// weekday or a month stays out too.
fn firms_before_tickers(words: &[&str], tagged: Vec<Span>) -> Vec<Span> {
    // A listed firm's name seldom runs longer: `Public Service Co of New Mexico`.
    const MOST_TOKENS: usize = 7;
    if !words.iter().any(|w| is_ticker(w)) {
        return tagged;
    }
    // `alone`: the word would be all the name (`MIDWAY <MDWY>`), not its first word.
    let name_word = |j: usize, alone: bool| {
        let w: &str = words[j];
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-' | '\''))
            && (j > 0 || (alone && !is_common_word(w)) || usually_capitalized(w))
            && super::dates::month_number(w).is_none()
            && super::dates::weekday(w).is_none()
    };
    let mut firms: Vec<Span> = Vec::new();
    for (at, _) in words.iter().enumerate().filter(|(_, w)| is_ticker(w)) {
        if let Some(span) = tagged.iter().find(|s| s.start <= at && at < s.end) {
            // The tagger took the ticker into the name (`MARINE MIDLAND <MM>`, a
            // person): it found the extent, not the type.
            firms.push(Span {
                kind: EntityType::Org,
                ..*span
            });
            continue;
        }
        let span_ending_at = |end: usize| tagged.iter().find(|s| s.end == end);
        let mut start = span_ending_at(at).map_or(at, |s| s.start);
        let floor = at.saturating_sub(MOST_TOKENS);
        let in_a_span = |j: usize| tagged.iter().any(|s| s.start <= j && j < s.end);
        loop {
            // A place or firm right before (`Atlantic` of `Atlantic Richfield`), or
            // one joined by `of` (`Dynamics Corp of America`), is the name's start.
            let joined = match span_ending_at(start) {
                Some(span) if span.kind != EntityType::Per => Some(span.start),
                _ if start >= 2 && words[start - 1] == "of" => span_ending_at(start - 1)
                    .map(|span| span.start)
                    .or_else(|| {
                        (!in_a_span(start - 2) && name_word(start - 2, false)).then_some(start - 2)
                    }),
                _ => None,
            };
            match joined {
                Some(earlier) if earlier >= floor => start = earlier,
                Some(_) => break,
                None if start > floor
                    && !in_a_span(start - 1)
                    && name_word(start - 1, start == at) =>
                {
                    start -= 1
                }
                None => break,
            }
        }
        if start < at {
            firms.push(Span {
                start,
                end: at,
                kind: EntityType::Org,
            });
        }
    }
    replaced_by(tagged, firms)
}

/// How the article's own text writes each word mid-sentence (not all caps), so an
/// all-caps headline can borrow it: lowercase → form.
fn usual_forms_in(tokens: &[Token<'_>]) -> HashMap<String, String> {
    let mut forms = HashMap::new();
    for pair in tokens.windows(2) {
        let (prev, t) = (&pair[0], &pair[1]);
        let sentence_start = matches!(prev.text, "." | "!" | "?" | "\"" | "“") || t.paragraph_start;
        if sentence_start || !t.text.chars().any(char::is_lowercase) {
            continue;
        }
        forms
            .entry(t.text.to_lowercase())
            .or_insert_with(|| t.text.to_string());
    }
    forms
}

/// True for a sentence of more than two words with letters, none of them lowercase.
fn is_all_caps_sentence(tokens: &[Token<'_>]) -> bool {
    let mut letters = tokens
        .iter()
        .map(|t| t.text)
        .filter(|w| w.chars().any(char::is_alphabetic));
    let mut count = 0;
    letters.all(|w| {
        count += 1;
        !w.chars().any(char::is_lowercase)
    }) && count > 2
}

/// The words of an all-caps sentence as the tagger should see them. An all-caps sentence (a
/// wire headline: "TREASURY'S BAKER SAYS ...") carries no case information, so each
/// word takes the form the article uses elsewhere, else its usual form in news text
/// (Baker, Treasury, OPEC), else lowercase; the first word is capitalized. A ticker
/// is written in capitals everywhere and stays so (`MARINE MIDLAND <MM>`: the name
/// before it is a listed firm's, `firms_before_tickers`).
fn truecase(tokens: &[Token<'_>], body_forms: &HashMap<String, String>) -> Vec<String> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if is_ticker(t.text) {
                return t.text.to_string();
            }
            let lower = t.text.to_lowercase();
            let form = body_forms
                .get(&lower)
                .cloned()
                .or_else(|| USUAL_CASE.get(lower.as_str()).map(|f| f.to_string()))
                .unwrap_or_else(|| lower.clone());
            if i == 0 {
                let mut chars = form.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or(form)
            } else {
                form
            }
        })
        .collect()
}

/// Names of several words written exactly as the alias table has them ("Osama bin
/// Laden", "Islamic Republic News Agency"), which win over the tagger where it only
/// found fragments of them ("Laden" as MISC): a curated multi-word name is more
/// reliable than a statistical guess inside it. A name that a tagged span crosses
/// (starts inside it and ends outside, or the reverse) is left to the tagger, unless
/// the span only adds legal forms (`Merrill Lynch, Pierce, Fenner and Smith` `Inc`,
/// where the tagger found `Fenner and Smith Inc`): the name takes them in.
fn known_names(
    toks: &[Token<'_>],
    tagged: &[Span],
    field: &'static str,
    aliases: &Aliases,
) -> Vec<(Range<usize>, RawMention)> {
    let nothing_covered = vec![false; toks.len()];
    alias_mentions(toks, &nothing_covered, field, aliases, 2)
        .into_iter()
        .filter_map(|mut m| {
            let first = toks.iter().position(|t| t.start == m.start)?;
            let mut range = first..first + m.words.len();
            let legal_forms_after = tagged.iter().find(|s| {
                s.start >= range.start
                    && s.start < range.end
                    && s.end > range.end
                    && toks[range.end..s.end]
                        .iter()
                        .all(|t| canonical::is_legal_form(t.text))
            });
            if let Some(span) = legal_forms_after {
                m.words
                    .extend(toks[range.end..span.end].iter().map(|t| t.text.to_string()));
                m.end = toks[span.end - 1].end;
                range.end = span.end;
            }
            let crossed = tagged.iter().any(|s| {
                let overlaps = s.start < range.end && range.start < s.end;
                overlaps && (s.start < range.start || s.end > range.end)
            });
            (!crossed).then_some((range, m))
        })
        .collect()
}

/// Alias-table names inside one hyphenated word with a lowercase affix, each with
/// the whole word's byte range: `OPEC-led`, `OPEC-member Gabon`, `U.S.-based`,
/// `non-OPEC Oman`. The tokenizer keeps such a
/// word whole (for `al-Qaida`), so neither the tagger nor the alias lookup sees the
/// name in it, and `org:opec` missed articles that name OPEC only this way. Only a
/// name the alias table knows, written as it writes it, and only beside an affix that
/// says the word is about that name.
fn affixed_names(
    toks: &[Token<'_>],
    field: &'static str,
    aliases: &Aliases,
) -> Vec<(Range<usize>, RawMention)> {
    /// `OPEC-led`: what follows a name.
    const SUFFIXES: &[&str] = &[
        "led",
        "backed",
        "based",
        "member",
        "owned",
        "controlled",
        "run",
        "sponsored",
        "brokered",
        "dominated",
        "funded",
        "linked",
        "allied",
        "affiliated",
        "born",
        "bound",
        "made",
        "era",
        "wide",
        "related",
        "registered",
        "listed",
        "headquartered",
        "supported",
        "appointed",
        "imposed",
    ];
    /// `non-OPEC`: what comes before one.
    const PREFIXES: &[&str] = &["non", "anti", "pro", "ex", "pre", "post"];
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let Some((head, tail)) = tok.text.split_once('-') else {
            continue;
        };
        let (name, offset) = if PREFIXES.contains(&head) {
            (tail, head.len() + 1)
        } else if let Some((name, suffix)) = tok.text.rsplit_once('-') {
            if !SUFFIXES.contains(&suffix) {
                continue;
            }
            (name, 0)
        } else {
            continue;
        };
        if !name.starts_with(|c: char| c.is_uppercase()) || !distinctive_word(name) {
            continue;
        }
        let Some((kind, _)) = aliases.surface(&[name]) else {
            continue;
        };
        let Some(kind) = EntityKind::parse(kind) else {
            continue;
        };
        let mention = RawMention {
            tag: tag_of_kind(kind),
            field,
            start: tok.start + offset,
            end: tok.start + offset + name.len(),
            words: vec![name.to_string()],
            sentence_initial: i == 0 && offset == 0,
        };
        out.push((tok.start..tok.end, mention));
    }
    out
}

/// A name of several words whose last keeps a sentence's period as an initial's
/// (`BBB by S and P.`), without it: the alias table writes `S and P`, and without
/// the table the tagger takes `P.` for a person.
fn without_final_period<'a>(form: &[&'a str]) -> Option<Vec<&'a str>> {
    let (last, rest) = form.split_last()?;
    let bare = last.strip_suffix('.')?;
    (!rest.is_empty() && !bare.is_empty()).then(|| rest.iter().copied().chain([bare]).collect())
}

/// Alias-table names of at least `min_words` words written verbatim in `toks` outside
/// the `covered` tokens ("bin Laden" after a lowercase "bin", where the tagger found
/// nothing), longest first, left to right.
fn alias_mentions(
    toks: &[Token<'_>],
    covered: &[bool],
    field: &'static str,
    aliases: &Aliases,
    min_words: usize,
) -> Vec<RawMention> {
    // `Merrill Lynch, Pierce, Fenner and Smith` is 8 tokens.
    const LONGEST: usize = 10;
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(longest) = aliases.longest_surface_from(words[i]) else {
            i += 1;
            continue;
        };
        let mut found = None;
        for len in (min_words..=LONGEST.min(longest).min(toks.len() - i)).rev() {
            if covered[i..i + len].iter().any(|c| *c) {
                continue;
            }
            if len == 1 && !distinctive_word(words[i]) {
                continue;
            }
            let form = &words[i..i + len];
            let written = aliases
                .surface(form)
                .or_else(|| without_final_period(form).and_then(|bare| aliases.surface(&bare)));
            if let Some((kind, _)) = written {
                let Some(kind) = EntityKind::parse(kind) else {
                    continue;
                };
                let tag = tag_of_kind(kind);
                found = Some((len, tag));
                break;
            }
        }
        match found {
            Some((len, tag)) => {
                out.push(RawMention {
                    tag,
                    field,
                    start: toks[i].start,
                    end: toks[i + len - 1].end,
                    words: words[i..i + len].iter().map(|w| w.to_string()).collect(),
                    sentence_initial: i == 0,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

fn resolve(
    raw: Vec<RawMention>,
    aliases: &Aliases,
    title: &str,
    body: &str,
    keep: Keep,
) -> Extracted {
    // Step 2: strip titles from people, markup and legal forms from organizations; drop
    // empty leftovers and anything on an earnings-table row (`Shr 1.20 dlrs vs ...`).
    let ends_of = |tag: EntityType| -> HashSet<(&'static str, usize)> {
        raw.iter()
            .filter(|m| m.tag == tag)
            .map(|m| (m.field, m.end))
            .collect()
    };
    let starts_of = |tag: EntityType| -> HashSet<(&'static str, usize)> {
        raw.iter()
            .filter(|m| m.tag == tag)
            .map(|m| (m.field, m.start))
            .collect()
    };
    let person_ends = ends_of(EntityType::Per);
    let person_starts = starts_of(EntityType::Per);
    let org_ends = ends_of(EntityType::Org);
    let place_ends = ends_of(EntityType::Loc);
    let place_starts = starts_of(EntityType::Loc);
    let text_of = |field: &str| if field == "title" { title } else { body };
    let mut mentions: Vec<(RawMention, Vec<String>)> = raw
        .into_iter()
        .filter(|m| !(m.field == "body" && canonical::on_table_line(body, m.start)))
        .map(|mut m| {
            if m.tag == EntityType::Org {
                // `First Boston Corp. said`: the tagger reads a sentence's `First` as
                // an adverb and keeps `Boston Corp.`, a place's name. In a capitals
                // headline only before a legal form or a ticker (`FIRST BOSTON INC`,
                // `FIRST INTERSTATE <I>`, not `UNVEILS FIRST IBM SYSTEM`).
                let ticker_after = text_of(m.field)
                    .get(m.end..)
                    .and_then(|after| after.split_whitespace().next())
                    .is_some_and(is_ticker);
                let capitals = canonical::ends_in_legal_form(&m.words) || ticker_after;
                if let Some((first, word)) = first_before(text_of(m.field), m.start, capitals) {
                    m.words.insert(0, word.to_string());
                    m.start = first;
                }
            }
            let words = recase_if_all_caps(&m.words, m.tag == EntityType::Per);
            if m.tag == EntityType::Per {
                let text = text_of(m.field);
                if names_a_firm(&words)
                    || works_for_it(text, m.start, m.field, &person_ends)
                    || heads_a_team(text, &m, &person_starts)
                    || club_on_a_team_sheet(text, &m, &person_ends)
                {
                    m.tag = EntityType::Org;
                } else if listed_with_places(text, &m, &words, &place_ends, &place_starts) {
                    m.tag = EntityType::Loc;
                }
            }
            let words = match m.tag {
                EntityType::Per => strip_titles(&canonical::without_markup(&words)),
                EntityType::Org => canonical::org_words(&words),
                _ => canonical::without_markup(&words),
            };
            (m, words)
        })
        .filter(|(m, w)| {
            // `30 mln N.Z. Dlrs`, `rated B.`, `(D-Ill)`: an amount, a rating, a party.
            let not_a_person = m.tag == EntityType::Per
                && (ends_in_title(w) || names_money(&join_words(w)) || names_no_one(w));
            !w.is_empty() && !not_a_person && !is_amount(w)
        })
        .collect();
    // Step 2b: a name the article itself shows to be a work, a product or an event
    // (`the film Vera Drake`, `a PC`, `the Six Nations championship`) is not a person
    // or an organization anywhere in it.
    let neighbours = Neighbours {
        org_ends,
        person_starts: person_starts.clone(),
    };
    let mut things: HashMap<(EntityType, String), Evidence> = HashMap::new();
    for (m, w) in &mentions {
        let text = text_of(m.field);
        let evidence = thing_evidence(text, m, w, &neighbours);
        // A title in a list of works is a work whichever of the two the tagger took it
        // for here (the next article may take it for the other); `the band Westlife`
        // only says it is no person.
        let person_or_org = matches!(m.tag, EntityType::Per | EntityType::Org);
        let work = (evidence.is_none() && person_or_org)
            .then(|| listed_as_a_work(text, m))
            .flatten();
        let Some(evidence) = evidence.or(work) else {
            continue;
        };
        let tags = if work.is_some() {
            vec![EntityType::Per, EntityType::Org]
        } else {
            vec![m.tag]
        };
        // `PCs` is a kind of thing, and so is the `PC` it is the plural of.
        let name = join_words(w);
        for tag in tags {
            if let Some(singular) = plural_acronym_stem(&name) {
                things.insert((tag, singular.to_string()), evidence);
            }
            let known = things.entry((tag, name.clone())).or_insert(evidence);
            *known = known.with(evidence);
        }
    }
    if !things.is_empty() {
        mentions.retain(|(m, w)| {
            things
                .get(&(m.tag, join_words(w)))
                .is_none_or(|evidence| !evidence.drops_here())
        });
    }
    let mut things: Vec<(EntityKind, String)> = things
        .into_iter()
        .filter(|(_, evidence)| evidence.counts_archive_wide())
        .filter_map(|((tag, name), _)| {
            // Things are names the tagger took for people or organizations.
            let kind = kind_of_tag(tag).filter(|k| *k != EntityKind::Place)?;
            let name = aliases
                .canonical(kind.as_str(), &name)
                .map_or(name, str::to_string);
            Some((kind, name))
        })
        .collect();
    things.sort();
    things.dedup();
    headline_people(&mut mentions, aliases, body);
    // Step 3a: the article's longer names, to which its short forms link.
    let names_of = |tag: EntityType| -> Vec<Vec<String>> {
        let mut names: Vec<Vec<String>> = mentions
            .iter()
            .filter(|(m, w)| m.tag == tag && w.len() >= 2)
            .map(|(_, w)| w.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let people = names_of(EntityType::Per);
    let orgs = names_of(EntityType::Org);
    // Step 3b: acronyms the article defines or whose expansion it uses.
    let expansions = acronym_expansions(&mentions);

    let mut out = Extracted {
        things,
        ..Extracted::default()
    };
    let mut chars = CharOffsets::default();
    // People's names, for a surname several of them share: those resolved so far, and
    // every full name in text order.
    let mut recent_people: Vec<Vec<String>> = Vec::new();
    let people_in_order: Vec<Vec<String>> = mentions
        .iter()
        .filter(|(m, w)| m.tag == EntityType::Per && w.len() >= 2)
        .map(|(_, w)| w.clone())
        .collect();
    // Organizations the article writes with a legal form (`Chrysler Corp`): firms.
    let mut incorporated: HashSet<String> = HashSet::new();
    // Places written where only a place can be, which no firm's name retypes.
    let mut places_in_place_contexts: HashSet<String> = HashSet::new();
    // One-word firms written right before a ticker (`BAKER <BKO>`): see Step 8.
    let mut listed_short_forms: HashSet<String> = HashSet::new();
    let mut incorporated_alone: HashSet<String> = HashSet::new();
    // Firms of several words the alias table named (`E.F. Hutton`): see Step 7.
    let mut aliased_firms: HashSet<String> = HashSet::new();
    for (m, words) in mentions.drain(..) {
        let surface = join_words(&words);
        if matches!(surface.as_str(), "Reuter" | "REUTER") {
            continue; // a wire sign-off, not a name
        }
        let mut kind = kind_of_tag(m.tag);
        let mut name = surface.clone();
        if m.field == "body" && m.start == 0 && continues_as_dateline(&body[m.end..]) {
            // Step 2d: the name a dateline opens with is where the story was filed,
            // whatever the tagger took it for: the person `Sao Paulo` (40 Reuters
            // articles), the minister `Colombo` (24), the firm `Oak Brook` (23). The
            // alias table still knows `UNITED NATIONS, March 2 -` as the organization.
            kind = Some(EntityKind::Place);
        }
        let text = text_of(m.field);
        let after = text.get(m.end..).unwrap_or_default();
        if words.len() == 1
            && kind == Some(EntityKind::Person)
            && speech_verb_before(&surface, after)
        {
            continue;
        }
        if words.len() == 1
            && kind == Some(EntityKind::Place)
            && m.sentence_initial
            && is_common_word(&surface)
            && !usually_capitalized(&surface)
            && !is_known_place(&surface)
            && aliases.lookup(&surface).is_none()
            && next_word_lower_case(after)
        {
            // `Born in Luton, ...`: a sentence's capitalized first word that news text
            // writes lower-case elsewhere, and that the sentence goes on from, is no
            // place (BBC: 10 articles' `Born`). A dateline's (`MOBILE, Ala.`) or a
            // headline's in capitals (`CENTRAL ...`) stays.
            continue;
        }
        let no_name = FORMATS_AND_HOLIDAYS
            .iter()
            .any(|word| word.eq_ignore_ascii_case(&surface))
            || (matches!(kind, Some(EntityKind::Person | EntityKind::Org))
                && tail_of_a_longer_name(text, m.start, &words));
        if no_name && aliases.lookup(&surface).is_none() {
            continue;
        }
        if let Some(place) = place_of_longer_demonym(&words, kind, after) {
            // `West German bonds`: the tagger took `West` alone for a place (157
            // Reuters mentions); with the demonym it opens, it is West Germany.
            name = place.to_string();
        }
        if kind == Some(EntityKind::Person) {
            // A surname, first name or shorter form takes the one longer name the
            // article uses (`Hernandez Grisanti` → `Arturo Hernandez Grisanti`).
            match canonical::longer_name(&words, &people, true) {
                Some(full) => name = full,
                None if words.len() == 1
                    && m.sentence_initial
                    && is_common_word(&surface)
                    && !people.iter().any(|p| p.contains(&words[0])) =>
                {
                    // A capitalized common word opening a sentence is not a person.
                    continue;
                }
                None => {
                    // Several people share the surname (`Jackson` beside Michael and
                    // Janet Jackson) or first name: it is the one named last before
                    // it, as a reader takes it, or (in a headline, say) the first one
                    // named after it.
                    let fits = |p: &&Vec<String>| {
                        p.len() > words.len()
                            && (p[p.len() - words.len()..] == words[..]
                                || (words.len() == 1 && p[0] == words[0]))
                    };
                    let named = recent_people
                        .iter()
                        .rev()
                        .find(fits)
                        .or_else(|| people_in_order.iter().find(fits));
                    if let Some(full) = named {
                        name = join_words(full);
                    }
                }
            }
            // `the Scot`, `the 31-year-old Briton`: a person described by nationality
            // is named elsewhere, if at all (BBC listed the person `Scot` in 8 articles).
            if words.len() == 1 && name == surface && DEMONYMS.contains_key(&normalize(&surface)) {
                continue;
            }
        }
        if kind == Some(EntityKind::Org) {
            // `Treasury` → `U.S. Treasury`; a one-word designator or common word also
            // names the one organization the article gives in full starting with it
            // (`the Bank` → `Bank of Canada`, `Labour` → `Labour Party`), while a
            // distinctive name (`Citicorp`) is not taken for its subsidiary.
            let generic =
                words.len() == 1 && (is_org_designator(&words[0]) || is_common_word(&words[0]));
            match canonical::longer_name(&words, &orgs, generic) {
                // `Hoechst AG` is not `American Hoechst`, its U.S. arm: a firm written
                // in full with its legal form is not its national arm (a name cut
                // short, `Electric Co` of `General Electric Co` or `Tire Corp` of
                // `<Canadian Tire Corp>`, still links).
                Some(longer)
                    if canonical::ends_in_legal_form(&m.words)
                        && m.words.first().is_some_and(|w| !w.starts_with('<'))
                        && national_arm(&longer, words.len()) => {}
                Some(longer) => name = longer,
                // A designator alone (`Bank`, `Commission`) names no particular one.
                None if words.len() == 1
                    && is_org_designator(&words[0])
                    && aliases
                        .canonical(EntityKind::Org.as_str(), &surface)
                        .is_none() =>
                {
                    continue
                }
                None => {}
            }
        }
        if kind == Some(EntityKind::Org) && words.len() == 1 {
            if let Some(expansion) = expansions.get(&surface) {
                name = expansion.clone();
            }
        }
        // Wire state abbreviations (`Calif.`, `N.Y.`; a bare `Conn` only when tagged as
        // a place; `ILL.`, `W. Va.` only after a city) are places in their state.
        let after_comma = text[..m.start].trim_end().ends_with(',');
        let period_only = kind != Some(EntityKind::Place) && !after_comma;
        let state = canonical::state_for(&surface, period_only)
            .or_else(|| after_comma.then(|| canonical::state_after_city(&surface))?);
        if let Some(state) = state {
            kind = Some(EntityKind::Place);
            name = state.to_string();
        }
        // Step 4: the alias table, same type first, then any type.
        let aliased = kind
            .and_then(|k| aliases.canonical(k.as_str(), &name).map(|c| (k, c)))
            .or_else(|| {
                aliases
                    .lookup(&name)
                    .and_then(|(k, c)| EntityKind::parse(k).map(|k| (k, c)))
            });
        if let Some((k, canonical)) = aliased {
            kind = Some(k);
            name = canonical.to_string();
            if k == EntityKind::Org && name.contains(' ') {
                aliased_firms.insert(name.clone());
            }
        } else if kind.is_none() || kind == Some(EntityKind::Place) {
            // Step 5: demonyms (usually MISC) name a place.
            if let Some(place) = DEMONYMS.get(&normalize(&name)) {
                // `West German`, the tagger splitting off `West`: with the word before
                // it, the demonym names West Germany, not Germany.
                let place = word_before(text, m.start)
                    .and_then(|word| DEMONYMS.get(&normalize(&format!("{word} {name}"))))
                    .unwrap_or(place);
                kind = Some(EntityKind::Place);
                name = aliases
                    .canonical(EntityKind::Place.as_str(), place)
                    .unwrap_or(place)
                    .to_string();
            }
        }
        let Some(kind) = kind else { continue };
        // Also what the mention says itself: `Muslim voters` is not the `Muslim
        // Council of Britain` of the same article. (A person may be called Christian
        // or Islam, `Louise Christian`; a firm `Islamic Corp`.)
        if kind != EntityKind::Person
            && aliased.is_none()
            && !canonical::ends_in_legal_form(&m.words)
            && (faith_or_genre(&name, aliases) || faith_or_genre(&m.words.join(" "), aliases))
        {
            continue;
        }
        if kind == EntityKind::Org && canonical::ends_in_legal_form(&m.words) {
            incorporated.insert(name.clone());
        }
        // The ticker ends the span (`BAKER <BKO>`, the tagger ran on) or follows it.
        let before_a_ticker = || {
            m.words.last().is_some_and(|w| is_ticker(w))
                || text
                    .get(m.end..)
                    .and_then(|after| after.split_whitespace().next())
                    .is_some_and(is_ticker)
        };
        if kind == EntityKind::Org && !name.contains(' ') {
            if before_a_ticker() {
                listed_short_forms.insert(name.clone());
            }
            // `Deere and Co`: a legal form, though a partnership's.
            let last_word = m.words.iter().rev().find(|w| !is_ticker(w));
            if last_word.is_some_and(|w| canonical::is_legal_form(w)) {
                incorporated_alone.insert(name.clone());
            }
        }
        if kind == EntityKind::Person {
            recent_people.push(name.split_whitespace().map(str::to_string).collect());
        }
        let function_alone =
            is_government_function(&name) && !canonical::ends_in_legal_form(&m.words);
        let kind_of_thing = text
            .get(..m.start)
            .is_some_and(|before| country_and_common_noun(&name, before))
            || (!canonical::ends_in_legal_form(&m.words)
                && text
                    .get(m.end..)
                    .is_some_and(|after| country_and_kind_of_thing(&name, after)))
            || text
                .get(m.end..)
                .is_some_and(|after| country_medium_before_a_noun(&name, after, aliases));
        if kind == EntityKind::Org
            && aliased.is_none()
            && (is_generic_word(&name)
                || is_everyday_word(&name)
                || is_generic_institution(&name)
                || function_alone
                || names_money(&name)
                || is_lone_abbreviation(&name)
                || names_a_market_term(&name, text, m.start, m.end)
                || kind_of_thing)
        {
            // `Bank`, `Commission`, `City`, `House` alone name no particular organization.
            continue;
        }
        // A place that opens the body (a dateline), follows a comma (`CALGARY, Alberta`,
        // `Europe, Middle East, Africa`) or is written another way (`Fla.`) is a
        // place even beside a firm of that name.
        let written_as_place = || {
            m.field == "body" && m.start == 0
                || text
                    .get(..m.start)
                    .is_some_and(|before| before.ends_with(", "))
                || !text[m.start..m.end].eq_ignore_ascii_case(&name)
        };
        if kind == EntityKind::Place && written_as_place() {
            places_in_place_contexts.insert(name.clone());
        }
        let list = match kind {
            EntityKind::Person => &mut out.entities.people,
            EntityKind::Org => &mut out.entities.orgs,
            EntityKind::Place => &mut out.entities.places,
        };
        if !list.contains(&name) {
            list.push(name.clone());
        }
        if keep == Keep::NamesOnly {
            continue;
        }
        out.mentions.push(Mention {
            kind,
            canonical: name,
            text: text[m.start..m.end].to_string(),
            field: m.field,
            start: chars.offset(m.field, text, m.start),
            end: chars.offset(m.field, text, m.end),
        });
    }
    merge_partial_names(&mut out);
    firms_taken_for_people_or_places(
        &mut out,
        &incorporated,
        &aliased_firms,
        &places_in_place_contexts,
    );
    incorporated_alone.extend(incorporated.iter().cloned());
    listed_firms_in_full(&mut out, &incorporated_alone, &listed_short_forms);
    out
}

/// Step 8: a one-word firm before a ticker (`BAKER <BKO>`, `USAIR <U>`) names a
/// listed firm, so the same word as a person in that article is the firm (`Baker
/// said` in a story on the Baker-Hughes merger). And the firm is the one incorporated
/// firm of the article its name opens (`Baker International Corp`, `USAir Group
/// Inc`): left as `Baker`, it is a second organization beside its full name, and the
/// archive-wide link (`curation::links`) counts `Baker` as an organization. A name the
/// article also writes with a legal form of its own (`Texaco Inc` beside `Texaco
/// Canada Inc`, `Deere and Co` beside `Deere Credit Co`), that opens two firms' names,
/// or whose longer firm is a subsidiary's (`Citicorp Capital Investors Ltd` below
/// `CITICORP <CCI>`) stays as written.
fn listed_firms_in_full(
    out: &mut Extracted,
    firms: &HashSet<String>,
    short_forms: &HashSet<String>,
) {
    // Words that make a firm's name a subsidiary's: a finance arm or a national unit.
    const SUBSIDIARY_WORDS: [&str; 11] = [
        "Finance",
        "Financing",
        "Credit",
        "Capital",
        "Funding",
        "Investors",
        "Leasing",
        "USA",
        "U.S.",
        "America",
        "Canada",
    ];
    let listed = |name: &String| short_forms.contains(name) && out.entities.orgs.contains(name);
    let people_named_so: Vec<String> = out
        .entities
        .people
        .iter()
        .filter(|p| listed(p))
        .cloned()
        .collect();
    if !people_named_so.is_empty() {
        for mention in out.mentions.iter_mut() {
            if mention.kind == EntityKind::Person && people_named_so.contains(&mention.canonical) {
                mention.kind = EntityKind::Org;
            }
        }
        out.entities.people.retain(|p| !people_named_so.contains(p));
    }
    let full_name = |short: &String| -> Option<String> {
        if firms.contains(short) {
            return None;
        }
        let mut opened = firms
            .iter()
            .filter(|f| f.split(' ').next() == Some(short.as_str()) && f.contains(' '))
            .filter(|f| !f.split(' ').any(|w| SUBSIDIARY_WORDS.contains(&w)));
        match (opened.next(), opened.next()) {
            (Some(only), None) => Some(only.clone()),
            _ => None,
        }
    };
    let into: HashMap<String, String> = short_forms
        .iter()
        .filter(|s| out.entities.orgs.contains(s))
        .filter_map(|s| Some((s.clone(), full_name(s)?)))
        .collect();
    if into.is_empty() {
        return;
    }
    for mention in out.mentions.iter_mut() {
        if mention.kind == EntityKind::Org {
            if let Some(full) = into.get(&mention.canonical) {
                mention.canonical = full.clone();
            }
        }
    }
    renamed_once_each(&mut out.entities.orgs, &into);
}

/// Renames the names of `list` that `into` maps, keeping the first place of each
/// name and listing a name two merged into only once.
fn renamed_once_each(list: &mut Vec<String>, into: &HashMap<String, String>) {
    let mut renamed: Vec<String> = Vec::with_capacity(list.len());
    for name in list.drain(..) {
        let name = into.get(&name).cloned().unwrap_or(name);
        if !renamed.contains(&name) {
            renamed.push(name);
        }
    }
    *list = renamed;
}

/// The rest of a dateline after its first name: an optional region and the day
/// the story was filed (`, Ill., March 17 -`, `, March 2 -`), or the agency
/// (` (AP) —`). A body that opens with a name and this is a dateline.
fn continues_as_dateline(rest: &str) -> bool {
    static FILED_ON: LazyLock<Regex> = LazyLock::new(|| {
        super::dates::re(r"^(?:,\s*[^,\n]{1,25})?,\s*([A-Za-z]{3,9})\.?\s+\d{1,2}\s*-")
    });
    static FILED_BY: LazyLock<Regex> =
        LazyLock::new(|| super::dates::re(r"^\s*\((?:AP|Reuters|AFP|UPI)\)\s*[-—–]"));
    let filed_on = FILED_ON
        .captures(rest)
        .and_then(|c| c.get(1))
        .is_some_and(|month| super::dates::month_number(month.as_str()).is_some());
    filed_on || FILED_BY.is_match(rest)
}

/// Step 2c: a headline's organization that names a person of the article (`Liverpool
/// pledge to keep Gerrard` beside Steven Gerrard, `Bush budget seeks deep cutbacks`)
/// is that person. A headline gives the tagger no context, and it often takes a bare
/// surname before a verb for a club or a firm; the body, which has the context, names
/// the person. The name stays an organization where the alias table knows it as one,
/// where it carries a legal form, where it fits several people, or where the body
/// itself writes it as an organization at least as often as it writes the person
/// (`Ford gains from finance not cars` beside Bill Ford and eight `Ford`s, the firm).
fn headline_people(mentions: &mut [(RawMention, Vec<String>)], aliases: &Aliases, body: &str) {
    let in_headline = |m: &RawMention| m.field == "title" && m.tag == EntityType::Org;
    if !mentions.iter().any(|(m, _)| in_headline(m)) {
        return;
    }
    let mut people: Vec<Vec<String>> = mentions
        .iter()
        .filter(|(m, _)| m.tag == EntityType::Per)
        .map(|(_, w)| w.clone())
        .collect();
    people.sort();
    people.dedup();
    let full_names: Vec<Vec<String>> = people.iter().filter(|p| p.len() >= 2).cloned().collect();
    let person_named = |words: &[String]| -> Option<Vec<String>> {
        match canonical::longer_name(words, &full_names, true) {
            Some(full) => Some(full.split_whitespace().map(str::to_string).collect()),
            None => people.iter().find(|p| p[..] == *words).cloned(),
        }
    };
    let in_body = |tag: EntityType, names: &dyn Fn(&RawMention, &[String]) -> bool| {
        mentions
            .iter()
            .filter(|(m, w)| m.field == "body" && m.tag == tag && names(m, w))
            .count()
    };
    let mut retagged: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, (m, words)) in mentions.iter().enumerate() {
        if !in_headline(m)
            || canonical::ends_in_legal_form(&m.words)
            || aliases
                .canonical(EntityKind::Org.as_str(), &join_words(words))
                .is_some()
        {
            continue;
        }
        let name = strip_titles(words);
        let Some(person) = person_named(&name) else {
            continue;
        };
        // The body shows a person: a full name with a first name (`Steven Gerrard`,
        // not `Automobiles Citroen`) or a title before the surname (`President Bush`).
        let shown_a_person = |m: &RawMention, w: &[String]| {
            (w == name || w == person)
                && if person.len() >= 2 {
                    is_first_name(&person[0])
                } else {
                    (m.words.len() > w.len() && is_title(&m.words[0]))
                        || body
                            .get(..m.start)
                            .and_then(|before| before.split_whitespace().next_back())
                            .is_some_and(is_title)
                }
        };
        let as_person = in_body(EntityType::Per, &|m, w| shown_a_person(m, w));
        // `Reidel Environmental Technologies Inc` writes `Reidel` as a firm too.
        let as_org = in_body(EntityType::Org, &|_, w| {
            name.iter().all(|part| w.contains(part))
        });
        if as_person > as_org {
            retagged.push((i, name));
        }
    }
    for (i, name) in retagged {
        mentions[i].0.tag = EntityType::Per;
        mentions[i].1 = name;
    }
}

/// Step 7: a person or a place with the very name of a firm the same article writes
/// with a legal form (`Chrysler said` after `Chrysler Corp`, `Phelps Dodge` after
/// `Phelps Dodge Corp`, `Security Pacific` after `Security Pacific Corp`) is that
/// firm: the tagger read a company named after its founder as a person, or after a
/// place as the place, and a people facet headed by `Chrysler` would be junk. Without
/// a legal form the person or place stays (`Michael Jackson` beside a mis-tagged
/// `Michael Jackson's`, the city of `Cardiff` beside the club), and so does a place the
/// article writes where only a place can be (`places`: the dateline `DALLAS` above
/// `Dallas Corp`, `DES MOINES, Iowa` beside `Iowa Cos`). A one-word person that
/// opens or ends one such firm's name, or one firm's name of several words from the
/// alias table (`aliased_firms`: `E.F. Hutton` written without a legal form), and no
/// person's is the firm too (`Hutton` after `E.F. Hutton Group Inc`).
fn firms_taken_for_people_or_places(
    out: &mut Extracted,
    firms: &HashSet<String>,
    aliased_firms: &HashSet<String>,
    places: &HashSet<String>,
) {
    let firm_not_place = |name: &String| firms.contains(name) && !places.contains(name);
    // A name alone that opens or ends one firm's name and no person's is that firm's
    // short form (`rejected by Hutton` after `E.F. Hutton Group Inc`, `ALLEGHENY`
    // above `Allegheny International Inc`).
    let mut firm_by_edge_word: HashMap<&str, Option<&String>> = HashMap::new();
    for firm in firms.union(aliased_firms).filter(|f| f.contains(' ')) {
        let edges = [firm.split(' ').next(), firm.rsplit(' ').next()];
        for edge in edges.into_iter().flatten() {
            let entry = firm_by_edge_word.entry(edge).or_insert(Some(firm));
            if *entry != Some(firm) {
                *entry = None; // two firms have it: neither is meant
            }
        }
    }
    let in_a_persons_name = |word: &str| {
        out.entities
            .people
            .iter()
            .any(|p| p.contains(' ') && p.split(' ').any(|w| w == word))
    };
    let short_forms: HashMap<String, String> = out
        .entities
        .people
        .iter()
        .filter(|p| !p.contains(' ') && !in_a_persons_name(p))
        .filter_map(|p| Some((p.clone(), (*firm_by_edge_word.get(p.as_str())?)?.clone())))
        .collect();
    if !short_forms.is_empty() {
        for mention in out.mentions.iter_mut() {
            if mention.kind == EntityKind::Person {
                if let Some(firm) = short_forms.get(&mention.canonical) {
                    mention.kind = EntityKind::Org;
                    mention.canonical = firm.clone();
                }
            }
        }
        out.entities.people.retain(|p| !short_forms.contains_key(p));
        for firm in short_forms.into_values() {
            if !out.entities.orgs.contains(&firm) {
                out.entities.orgs.push(firm);
            }
        }
    }
    let people_named_for_a_firm = out.entities.people.iter().any(|p| firms.contains(p));
    if !people_named_for_a_firm && !out.entities.places.iter().any(firm_not_place) {
        return;
    }
    for mention in out.mentions.iter_mut().filter(|m| {
        let person = m.kind == EntityKind::Person && firms.contains(&m.canonical);
        person || (m.kind == EntityKind::Place && firm_not_place(&m.canonical))
    }) {
        mention.kind = EntityKind::Org;
    }
    out.entities.people.retain(|p| !firms.contains(p));
    out.entities.places.retain(|p| !firm_not_place(p));
}

/// Step 6: a person named in part (`Sweeney`, `Robert Brown`, `Lula`) is the one
/// person of the article whose name holds all its words (`Sandi Haber Sweeney`,
/// `Robert C. Brown`, `Luiz Inacio Lula da Silva`). Step 3 links only a short form
/// that is a name's first or last words and has a single longer form; this also takes
/// middle initials and names written two ways. Where the words fit two people (`Baker`
/// beside James Baker and Howard Baker) the name stays as written.
fn merge_partial_names(out: &mut Extracted) {
    let into = merge_partial_people(&mut out.entities.people);
    for mention in out
        .mentions
        .iter_mut()
        .filter(|m| m.kind == EntityKind::Person)
    {
        if let Some(full) = into.get(&mention.canonical) {
            mention.canonical = full.clone();
        }
    }
}

/// [`merge_partial_names`] on one article's list of people: returns what each merged
/// name became. Curation and archive-wide links run it again after renaming, so a
/// link (`Boesky` → Ivan Boesky) never leaves a part beside a fuller name (Ivan F.
/// Boesky) in the same article.
pub fn merge_partial_people(people: &mut Vec<String>) -> HashMap<String, String> {
    let words: Vec<Vec<&str>> = people
        .iter()
        .map(|p| p.split_whitespace().collect())
        .collect();
    let holds = |big: usize, small: usize| {
        words[small].len() < words[big].len() && words[small].iter().all(|w| words[big].contains(w))
    };
    let mut into: HashMap<String, String> = HashMap::new();
    for small in 0..words.len() {
        let holders: Vec<usize> = (0..words.len()).filter(|&b| holds(b, small)).collect();
        let mut widest = holders
            .iter()
            .copied()
            .filter(|&b| !holders.iter().any(|&c| holds(c, b)));
        if let (Some(only), None) = (widest.next(), widest.next()) {
            into.insert(people[small].clone(), people[only].clone());
        }
    }
    if !into.is_empty() {
        renamed_once_each(people, &into);
    }
    into
}
/// Joins a name's tokens as text writes them: no space before a clitic or closing
/// punctuation ("Korean People's Army"), none after an opening bracket.
pub(crate) fn join_words(words: &[String]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let attaches = w.starts_with('\'')
            || w.starts_with('’')
            || matches!(w.as_str(), "," | "." | ")" | "n't");
        let after_open = i > 0 && words[i - 1] == "(";
        if i > 0 && !attaches && !after_open {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A name written in capitals ("NEW YORK" in a dateline, "TREASURY" in a headline)
/// gets its usual case: the form news text normally uses when that is capitalized
/// ("OPEC", "U.S."), otherwise Capitalized; short words that are not English words
/// stay as acronyms. The words that join a name's parts stay lowercase (`MARSH AND
/// MCLENNAN`, `BANK OF NEW YORK`, and for a place or firm `RIO DE JANEIRO`), or the
/// headline's name would be another than the body's (Reuters listed `Rio De Janeiro`
/// in 62 articles beside `Rio de Janeiro`); a person keeps a capital particle
/// (`CARLO DE BENEDETTI` is Carlo De Benedetti).
fn recase_if_all_caps(words: &[String], person: bool) -> Vec<String> {
    const JOINERS: [&str; 4] = ["of", "and", "the", "for"];
    const PARTICLES: [&str; 7] = ["de", "du", "del", "della", "di", "da", "do"];
    let letters = |w: &String| w.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = words.iter().any(|w| letters(w) > 1)
        && words.iter().all(|w| !w.chars().any(char::is_lowercase));
    if !all_caps {
        return words.to_vec();
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let joins = i > 0
                && i + 1 < words.len()
                && (JOINERS.contains(&lower.as_str())
                    || (!person && PARTICLES.contains(&lower.as_str())));
            // `ST. LOUIS`, `FT. WORTH`: a word cut short before the name's next word
            // is a word, not an acronym (a name's last word stays: `LA.` may end a
            // sentence about Los Angeles, and only after a city is it a state).
            let cut_word = i + 1 < words.len()
                && lower.strip_suffix('.').is_some_and(|stem| {
                    !stem.contains('.') && (2..=3).contains(&stem.chars().count())
                });
            match USUAL_CASE.get(lower.as_str()) {
                _ if joins => lower,
                Some(form) => form.to_string(),
                None if cut_word => title_case(&lower),
                None if letters(w) <= 4 && !is_common_word(w) => w.clone(),
                None => title_case(&lower),
            }
        })
        .collect()
}

/// A lower-case word with its first letter capitalized (`louis` → `Louis`).
fn title_case(lower: &str) -> String {
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether a one-word "person" is a speech verb a typist capitalized before the rest
/// of its clause (`Abbey National, the second largest building society in the U.K.,
/// Said it has arranged ...`: 11 Reuters articles listed the person `Said`). The name
/// `Said` stays where a name follows (`Mana Said al-Oteiba`) or it ends a clause.
fn speech_verb_before(word: &str, after: &str) -> bool {
    const SPEECH_VERBS: [&str; 3] = ["said", "says", "told"];
    SPEECH_VERBS
        .iter()
        .any(|verb| verb.eq_ignore_ascii_case(word))
        && next_word_lower_case(after)
}

/// Formats, a system, a computer and holidays that the tagger takes for organizations,
/// people or places (BBC mentions: `DVD` 25 and `HDTV` 25 as organizations, `ID` 25 of
/// `ID cards`, `Linux` 18 as a person, `MMS` 9, Apple's `Mac Mini` 5 as a person, `the
/// Christmas holiday` 12 as all three), which no one looks for among who and where,
/// and which no device noun after them flags as things the way `the new Xbox console`
/// does (`thing_evidence`; `PC` stays: Reuters' Canadian `PC` is the Progressive
/// Conservatives).
const FORMATS_AND_HOLIDAYS: [&str; 22] = [
    "dvd",
    "dvds",
    "cd",
    "cds",
    "hdtv",
    "lcd",
    "mp3",
    "vhs",
    "mms",
    "sms",
    "adsl",
    "gsm",
    "pda",
    "pdas",
    "linux",
    "mac mini",
    "id",
    "christmas",
    "easter",
    "ramadan",
    "thanksgiving",
    "halloween",
];

/// Whether a name of common words is the tail the tagger cut from a body's or a
/// treaty's longer name after `of` or `on` (`European Convention on Human Rights`: 9
/// BBC articles listed the organization `Human Rights`; Manila's `Presidential
/// Commission on Good Government`: 10 Reuters articles, `Good Government`; `Ministry of
/// Economic Affairs`). Alone it names nothing. After a person's title it is the whole
/// name (`chairman of Fleet Financial Group`), and a name news text capitalizes anyway
/// (`Bank of England`'s `England`) is no such tail.
fn tail_of_a_longer_name(text: &str, start: usize, words: &[String]) -> bool {
    const HEADS: [&str; 12] = [
        "Convention",
        "Covenant",
        "Committee",
        "Subcommittee",
        "Commission",
        "Conference",
        "Council",
        "Ministry",
        "Department",
        "Office",
        "Bureau",
        "Institute",
    ];
    let common_words = words.iter().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && !usually_capitalized(word)
            && english_zipf(word).is_some()
    });
    if !common_words {
        return false;
    }
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let before = before.strip_suffix(" the").unwrap_or(before);
    let Some(head) = before
        .strip_suffix(" of")
        .or_else(|| before.strip_suffix(" on"))
    else {
        return false;
    };
    HEADS
        .iter()
        .any(|word| head.strip_suffix(word).is_some_and(|b| b.ends_with(' ')))
}

/// The capitalized word right before a name, one space away (`West` of `West German`).
fn word_before(text: &str, start: usize) -> Option<&str> {
    let word = text
        .get(..start)?
        .strip_suffix(' ')?
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    word.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(word)
}

/// Whether the text right after a name goes on, after one space, with a lower-case
/// word: the sentence continues past it, as it does not after a dateline's comma or
/// inside a capitals headline.
fn next_word_lower_case(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_lowercase)
}

/// The place a one-word place and the capitalized word after it name together as a
/// demonym (`West` + `German` → West Germany, `South` + `Korean` → South Korea).
fn place_of_longer_demonym(
    words: &[String],
    kind: Option<EntityKind>,
    after: &str,
) -> Option<&'static str> {
    let [word] = words else { return None };
    if kind != Some(EntityKind::Place) {
        return None;
    }
    let next = after
        .strip_prefix(' ')?
        .split(|c: char| !c.is_alphabetic())
        .next()?;
    if !next.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    DEMONYMS
        .get(&normalize(&format!("{word} {next}")))
        .map(String::as_str)
}

/// Written forms that name no one though the tagger took them for a person: one
/// letter (`rated B.`, a bond rating), a lawmaker's party and state (`D-Ill`, `R-Kan.`,
/// after the name in Reuters) and anything with a slash (`May/Jul`, a futures spread;
/// `Amarillo/ Lubbock`, a price table's markets): 162 entries of Reuters' and BBC's
/// people lists. And God (`thank God`, `Work of God`: 8 BBC articles), whom no
/// journalist looks for in a people facet. And a policy named after its author or
/// its country (`the Cruzado Plan`: 9 Reuters articles, `the Baker Plan` 4): no
/// one's name ends in `Plan`, `Accord` or `Act`.
fn names_no_one(words: &[String]) -> bool {
    const DEITIES: [&str; 2] = ["God", "Allah"];
    let policy = words.len() >= 2
        && words.last().is_some_and(|w| {
            let lower = w.to_lowercase();
            LAW_WORDS.contains(&lower.as_str()) || PLAN_WORDS.contains(&lower.as_str())
        });
    static PARTY_AND_STATE: LazyLock<Regex> =
        LazyLock::new(|| super::dates::re(r"^[DRI]-[A-Z][A-Za-z.]*$"));
    let lone_initial = matches!(words, [word] if is_initial(word));
    // `Philippine Investment Notes, PINs,`: a plural of an abbreviation is things.
    let plural_acronym = matches!(words, [word] if plural_acronym_stem(word).is_some());
    lone_initial
        || plural_acronym
        || policy
        || words.iter().any(|w| w.contains('/'))
        || matches!(words, [word] if PARTY_AND_STATE.is_match(word))
        || matches!(words, [word] if DEITIES.contains(&word.as_str()))
}

/// Removes leading titles and roles ("Secretary of State", "spokesman", "Mr.") and a
/// trailing possessive from a person's name.
fn strip_titles(words: &[String]) -> Vec<String> {
    let mut start = 0;
    'outer: while start < words.len() {
        // Longest title starting here (titles can be several words).
        for len in (1..=4.min(words.len() - start)).rev() {
            let candidate = words[start..start + len].join(" ");
            if is_title(&candidate) && start + len < words.len() {
                start += len;
                continue 'outer;
            }
        }
        break;
    }
    words[start..]
        .iter()
        .filter(|w| !matches!(w.as_str(), "'s" | "’s" | "'" | "’"))
        .cloned()
        .collect()
}

/// A "person" that joins names with `and`/`&` (`Wagner and Brown`, `James Capel and
/// Co`) or ends in a legal form (`Smith Barney Inc`) or a sports club's (`Man Utd`,
/// `Leicester City`) is a firm or a club: one person's name never does any of these.
fn names_a_firm(words: &[String]) -> bool {
    const CLUB_ENDINGS: [&str; 9] = [
        "FC",
        "AFC",
        "Utd",
        "United",
        "Rovers",
        "Wanderers",
        "Athletic",
        "Albion",
        "City",
    ];
    words.len() >= 2
        && (words.iter().any(|w| w == "and" || w == "&")
            || words
                .last()
                .is_some_and(|w| is_org_designator(w) || CLUB_ENDINGS.contains(&w.as_str())))
}

/// A "person" someone works at, or a kind of firm names (`analyst at Smith Barney`,
/// `brokers James Capel`, `Peter Greenbaum of Smith Barney`), is the firm: people are
/// not worked at, and one person's name right after another's and `of`/`at`/`with` is
/// their employer or their town.
fn works_for_it(
    text: &str,
    start: usize,
    field: &'static str,
    person_ends: &HashSet<(&'static str, usize)>,
) -> bool {
    const FIRMS: [&str; 14] = [
        "broker",
        "brokers",
        "brokerage",
        "stockbroker",
        "stockbrokers",
        "stockbroking",
        "underwriter",
        "underwriters",
        "bankers",
        "dealers",
        "consultants",
        "consultancy",
        "auditors",
        "accountants",
    ];
    const WORKERS: [&str; 10] = [
        "analyst",
        "analysts",
        "economist",
        "economists",
        "strategist",
        "strategists",
        "trader",
        "traders",
        "dealer",
        "broker",
    ];
    const AT: [&str; 3] = ["at", "with", "of"];
    let Some(before) = text
        .get(start.saturating_sub(48)..start)
        .or_else(|| text.get(..start))
    else {
        return false;
    };
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let last = words.last().map(String::as_str);
    let second = words.len().checked_sub(2).map(|i| words[i].as_str());
    if last.is_some_and(|w| FIRMS.contains(&w)) && before.ends_with(' ') {
        return true;
    }
    if let (Some(prep), Some(worker)) = (last, second) {
        if AT.contains(&prep) && WORKERS.contains(&worker) {
            return true;
        }
    }
    // `Peter Greenbaum of Smith Barney`: the connector right after a person's name.
    ["of", "at", "with"].iter().any(|prep| {
        let gap = format!(" {prep} ");
        before.ends_with(&gap) && person_ends.contains(&(field, start - gap.len()))
    })
}

/// Where the other mentions of a field start and end, for rules that read a mention
/// by its neighbours.
struct Neighbours {
    org_ends: HashSet<(&'static str, usize)>,
    person_starts: HashSet<(&'static str, usize)>,
}

/// Nouns that name a work right before its title (`the film Vera Drake`, `low-budget
/// British movie Vera Drake`).
const WORK_NOUNS: [&str; 12] = [
    "film",
    "movie",
    "novel",
    "book",
    "album",
    "band",
    "musical",
    "sitcom",
    "documentary",
    "opera",
    "drama",
    "series",
];
/// Ships' kinds, which stand before a ship's name as a title before a person's (`the
/// aircraft carrier Kitty Hawk`: 3 Reuters articles took the carrier for a person).
const VESSEL_NOUNS: [&str; 14] = [
    "carrier",
    "tanker",
    "ship",
    "vessel",
    "frigate",
    "destroyer",
    "submarine",
    "freighter",
    "liner",
    "cruiser",
    "battleship",
    "warship",
    "yacht",
    "ferry",
];
/// Nouns that name a work only with an article right before (`the play Hamlet`, but
/// `expected to play Federer`).
const WORK_NOUNS_WITH_ARTICLE: [&str; 4] = ["play", "game", "single", "song"];
/// Plural works (and a work in parts, `the Lord of the Rings trilogy`) a title may
/// precede (`the Harry Potter films`) or follow (`films like
/// Harry Potter`).
const WORKS_PLURAL: [&str; 10] = [
    "films",
    "trilogy",
    "movies",
    "books",
    "novels",
    "albums",
    "games",
    "franchise",
    "sequel",
    "series",
];
/// Events a name may precede (`the Six Nations championship`).
const EVENT_NOUNS: [&str; 5] = [
    "championship",
    "championships",
    "tournament",
    "festival",
    "awards",
];
/// Times that make what follows an event or an edition (`this year's Six Nations`,
/// `Saturday's Six Nations match`), besides the weekdays.
const TIMES: [&str; 10] = [
    "year",
    "season",
    "week",
    "month",
    "weekend",
    "night",
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
];
/// Words that end a noun phrase (`won an Oscar for ...`), or that an award's name takes
/// (`an Oscar nomination`).
const FUNCTION_WORDS: [&str; 14] = [
    "for",
    "in",
    "at",
    "and",
    "or",
    "with",
    "as",
    "from",
    "to",
    "nomination",
    "nominations",
    "winner",
    "winners",
    "award",
];
/// Nouns that make the name before them a prize (`Oscar nomination`, `Grammy winner`).
const AWARD_TERMS: [&str; 17] = [
    "nomination",
    "nominations",
    "nominee",
    "nominees",
    "winner",
    "winners",
    "winning",
    "voters",
    "ceremony",
    "favourite",
    "hopeful",
    "hopefuls",
    "statuette",
    "statuettes",
    "night",
    "contender",
    "contenders",
];
/// A team's fixtures in a competition (`their Six Nations opener`).
const FIXTURES: [&str; 10] = [
    "opener",
    "clash",
    "decider",
    "campaign",
    "fixture",
    "fixtures",
    "title",
    "game",
    "encounter",
    "match",
];
/// Roles held in a team or a band, after its name and before the holder's
/// (`Franz Ferdinand frontman Alex Kapranos`, `Chelsea boss Jose Mourinho`).
const TEAM_ROLES: [&str; 26] = [
    "frontman",
    "flanker",
    "wing",
    "centre",
    "fly-half",
    "scrum-half",
    "full-back",
    "prop",
    "hooker",
    "lock",
    "director of rugby",
    "singer",
    "guitarist",
    "drummer",
    "bassist",
    "boss",
    "manager",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "captain",
    "skipper",
    "chairman",
];
/// Roles in a work (`Vera Drake star Imelda Staunton`, `director Mike Leigh`).
const WORK_ROLES: [&str; 5] = ["star", "director", "actress", "actor", "producer"];

/// How an article shows a name to be a thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Its own words say so (`a PC`, `the film Vera Drake`): counted archive-wide.
    Cue,
    /// An organization owns it by name (`Microsoft's Xbox`): a product or a
    /// subsidiary, so it decides this article only.
    Owned,
    /// A device's noun follows it (`the Xbox console`), as it follows a maker's name
    /// (`two Nokia handsets`): the article keeps the name, and the archive-wide links
    /// weigh it against every article that lists the name.
    Hint,
}

impl Evidence {
    /// What two mentions of one name in an article show together: different kinds of
    /// evidence make a thing (`Nintendo's DS` and `the DS handheld`).
    fn with(self, other: Evidence) -> Evidence {
        if self == other {
            self
        } else {
            Evidence::Cue
        }
    }

    /// Whether the article stops listing the name.
    fn drops_here(self) -> bool {
        self != Evidence::Hint
    }

    /// Whether the archive-wide links hear of it.
    fn counts_archive_wide(self) -> bool {
        self != Evidence::Owned
    }
}

/// Whether the words around a "person" or "organization" mention show it to be a
/// work (`the film Vera Drake`, `the band Franz Ferdinand`, `films like Harry Potter`),
/// a product (`a PC`, `PCs`, `Microsoft's Xbox`) or an event (`the Six Nations
/// championship`, `this year's Six Nations`).
fn thing_evidence(
    text: &str,
    m: &RawMention,
    words: &[String],
    around: &Neighbours,
) -> Option<Evidence> {
    if !matches!(m.tag, EntityType::Per | EntityType::Org) {
        return None;
    }
    let before = text.get(m.start.saturating_sub(32)..m.start).unwrap_or("");
    let before_words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let word_before = |n: usize| {
        before_words
            .len()
            .checked_sub(n)
            .map_or("", |i| before_words[i].as_str())
    };
    let after = text.get(m.end..).unwrap_or("");
    // After a name inside an affixed word (`a Labour-led coalition`), the affix:
    // the name qualifies what follows, as a word after a space would.
    let next_after = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix('-'))
        .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    let lowercase = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase());
    // The word right before, with one space and nothing else between.
    let before_lower = before.to_lowercase();
    let spaced = before.ends_with(' ')
        && !word_before(1).is_empty()
        && before_lower.ends_with(&format!("{} ", word_before(1)));
    // `the film Vera Drake`, `British movie Vera Drake`, `the play Hamlet`.
    if spaced
        && (WORK_NOUNS.contains(&word_before(1))
            || (WORK_NOUNS_WITH_ARTICLE.contains(&word_before(1))
                && matches!(word_before(2), "the" | "a" | "his" | "her" | "their")))
    {
        return Some(Evidence::Cue);
    }
    // `films like Harry Potter`, `movies such as Harry Potter`.
    let like = (word_before(1) == "like" && WORKS_PLURAL.contains(&word_before(2)))
        || (word_before(1) == "as"
            && word_before(2) == "such"
            && WORKS_PLURAL.contains(&word_before(3)));
    if spaced && like {
        return Some(Evidence::Cue);
    }
    // `the Harry Potter films`, `the Six Nations championship`, `the Six Nations title`.
    if lowercase(next_after)
        && word_before(1) == "the"
        && (WORKS_PLURAL.contains(&next_after)
            || EVENT_NOUNS.contains(&next_after)
            || FIXTURES.contains(&next_after))
    {
        return Some(Evidence::Cue);
    }
    // `the 2004 Six Nations`, `the entire Six Nations`: an edition, a stretch of time.
    let year = word_before(1).len() == 4
        && word_before(1).chars().all(|c| c.is_ascii_digit())
        && (word_before(1).starts_with("19") || word_before(1).starts_with("20"));
    // (Not `the 2018 FIFA World Cup`: there the name is part of the event's.)
    let capitalized_next = next_after.chars().next().is_some_and(char::is_uppercase);
    // A one-word name after a year is usually the organizer (`the 2018 FIFA football
    // World Cup`), so only longer names.
    if spaced
        && (year || word_before(1) == "entire")
        && word_before(2) == "the"
        && !capitalized_next
        && words.len() >= 2
    {
        return Some(Evidence::Cue);
    }
    // `this year's Six Nations`, `Saturday's Six Nations match`.
    let time_possessive = ["'s", "’s"].iter().any(|s| {
        let w = word_before(1);
        w.strip_suffix(s)
            .is_some_and(|t| TIMES.contains(&t) || super::dates::weekday(t).is_some())
    });
    // (Not `last week's OPEC meeting`: a name that qualifies a noun stays a name.)
    let ends_phrase = !lowercase(next_after)
        || EVENT_NOUNS.contains(&next_after)
        || FIXTURES.contains(&next_after);
    if spaced && time_possessive && ends_phrase {
        return Some(Evidence::Cue);
    }
    // `an Oscar`, `an Oscar for best film`, `a Picasso`: a person is not one of many
    // (but `a Blair government` is a government).
    if m.tag == EntityType::Per
        && words.len() == 1
        && spaced
        && matches!(word_before(1), "a" | "an")
        && before[..before.len() - 1].ends_with(word_before(1))
        && (!lowercase(next_after) || FUNCTION_WORDS.contains(&next_after))
    {
        return Some(Evidence::Cue);
    }
    // `Oscar winner Adrien Brody`, `whose Oscar nomination`, `Oscar voters`: a prize.
    // `the Oscar for best film`: a person is not "the X for" something.
    let the_for = word_before(1) == "the" && next_after == "for";
    if m.tag == EntityType::Per
        && words.len() == 1
        && (AWARD_TERMS.contains(&next_after) || the_for)
    {
        return Some(Evidence::Cue);
    }
    // `the Richter scale`, `the 12-point international Mercalli scale`: a person's
    // name before a scale is the scale's.
    if m.tag == EntityType::Per
        && next_after == "scale"
        && (words.len() == 1 || word_before(1) == "the")
    {
        return Some(Evidence::Cue);
    }
    // `the Dow Jones Industrial average`, `the Nikkei average`, `the Hang Seng
    // index`: a stock index, however its name was cut.
    if m.tag == EntityType::Per && matches!(next_after, "average" | "averages" | "index") {
        return Some(Evidence::Cue);
    }
    // `the aircraft carrier Kitty Hawk`, `the tanker Stena Concordia`: a ship.
    if m.tag == EntityType::Per && spaced && VESSEL_NOUNS.contains(&word_before(1)) {
        return Some(Evidence::Cue);
    }
    // `Chinese-made Silkworm missiles`, `Silkworm anti-shipping missiles`: a weapon.
    let weapon_follows = after.split_whitespace().take(2).any(|w| {
        matches!(
            w.trim_end_matches(|c: char| !c.is_alphanumeric()),
            "missile" | "missiles"
        )
    });
    if m.tag == EntityType::Per && after.starts_with(' ') && weapon_follows {
        return Some(Evidence::Cue);
    }
    // `dlrs per CWT (100 lbs)`, `per ADR.`: a unit (not `as per IMF rules`, nor `11
    // dlrs per First Federal share`, `PER NORSTAR SHARE`, where the name is the firm
    // whose share it is).
    if spaced && word_before(1) == "per" && word_before(2) != "as" && next_after.is_empty() {
        return Some(Evidence::Cue);
    }
    // `their Six Nations opener`.
    if lowercase(next_after)
        && matches!(word_before(1), "their" | "its")
        && FIXTURES.contains(&next_after)
    {
        return Some(Evidence::Cue);
    }
    // `Vera Drake star Imelda Staunton`.
    if m.tag == EntityType::Per && role_then_person(text, m, &WORK_ROLES, &around.person_starts) {
        return Some(Evidence::Cue);
    }
    // `the PlayStation 2`, `Halo 2 has broken records`: a model or a sequel's number
    // the tagger left out (not a channel's, `BBC Radio 4`, nor a score, `Chelsea 2
    // Arsenal 1 was fair`).
    let after_a_score = before.trim_end().ends_with(|c: char| c.is_ascii_digit());
    let determined = spaced
        && (matches!(
            word_before(1),
            "the" | "a" | "its" | "their" | "his" | "her" | "new"
        ) || word_before(1).ends_with("'s")
            || word_before(1).ends_with("’s"));
    let numbered = match model_number_after(after) {
        Some(ModelNumber::BeforeWord) => true,
        Some(ModelNumber::Closing) => determined,
        None => false,
    } && !after_a_score
        && words
            .last()
            .is_none_or(|w| !CHANNEL_WORDS.contains(&w.to_lowercase().as_str()));
    if numbered {
        return Some(Evidence::Cue);
    }
    let device_follows = {
        let mut next = after
            .split_whitespace()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
        let first = next.next().unwrap_or("");
        let device = if first == "games" {
            next.next().unwrap_or("")
        } else {
            first
        };
        after.starts_with(' ') && DEVICE_NOUNS.contains(&device)
    };
    if m.tag == EntityType::Org {
        // `Microsoft's Xbox`, `Microsoft's Internet Explorer`: what an organization
        // owns by name is a product, or a subsidiary (`Du Pont's Conoco`, `Texas Air's
        // Continental Airlines Inc`): not a name ending like a company's, and no
        // evidence beyond this article.
        let owned = ["'s ", "’s "].iter().any(|s| {
            before.ends_with(s) && around.org_ends.contains(&(m.field, m.start - s.len()))
        });
        let firm_like = words.len() > 1 && words.last().is_some_and(|w| is_org_designator(w));
        if owned && !firm_like {
            return Some(if device_follows {
                Evidence::Cue
            } else {
                Evidence::Owned
            });
        }
    }
    if device_follows {
        return Some(Evidence::Hint);
    }
    if m.tag == EntityType::Org && words.len() == 1 {
        let word = &words[0];
        // `PCs`, `DVDs`: an acronym in the plural is a kind of thing.
        let plural_acronym = plural_acronym_stem(word).is_some();
        // `a PC`, `an Xbox`: an organization is never one of many (but `a Sony
        // spokesman` is a spokesman, so only when no noun follows).
        // What follows ends the noun phrase: a capital, punctuation, or a word that
        // starts the next phrase (`a PC which`, `your PC as well`).
        const PHRASE_ENDERS: [&str; 20] = [
            "which", "that", "to", "and", "or", "but", "as", "in", "on", "via", "with", "for",
            "from", "at", "is", "was", "will", "can", "has", "into",
        ];
        let ends_phrase = !lowercase(next_after) || PHRASE_ENDERS.contains(&next_after);
        let counted = matches!(word_before(1), "a" | "an")
            && spaced
            && before[..before.len() - 1].ends_with(word_before(1))
            && ends_phrase;
        // `a cheap and cheerful PC`, `a laptop PC`: an article and only lowercase
        // words before it.
        let described = {
            let original: Vec<&str> = before
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            // At most three describing words (`a surprisingly good PC`), and no word
            // that would start another phrase (`a safe haven for al-Qaida`).
            const PHRASE_WORDS: [&str; 30] = [
                "the", "of", "to", "from", "by", "for", "with", "in", "on", "at", "that", "which",
                "as", "than", "about", "into", "over", "after", "before", "under", "against",
                "between", "is", "was", "are", "were", "be", "has", "have", "had",
            ];
            let mut described = false;
            for w in original.iter().rev().take(4) {
                if matches!(*w, "a" | "an") {
                    described = true;
                    break;
                }
                if !lowercase(w) || PHRASE_WORDS.contains(w) {
                    break;
                }
            }
            described && spaced && ends_phrase
        };
        if described {
            return Some(Evidence::Cue);
        }
        // `your PC`, `their PC`: people own things, not organizations.
        let owned_by_someone =
            spaced && matches!(word_before(1), "your" | "their" | "my" | "our") && ends_phrase;
        if plural_acronym || counted || owned_by_someone {
            return Some(Evidence::Cue);
        }
    }
    None
}

/// Words before a list of titles that speak of a part in a work (`her role in Closer`,
/// `starred in Ray and Alfie`): a hint only, since a part may be in a firm or a party
/// (`his role in Yukos`), so the archive-wide links decide.
const PART_IN_A_WORK: [&str; 8] = [
    "role in",
    "roles in",
    "starred in",
    "starring in",
    "appeared in",
    "performance in",
    "performances in",
    "sequel to",
];
/// Words before a list that make every title of it a work (`films such as Ray,
/// Aviator and Finding Neverland`).
const WORKS_SUCH_AS: [&str; 8] = [
    "films such as",
    "films like",
    "movies such as",
    "movies like",
    "books such as",
    "novels such as",
    "albums such as",
    "games such as",
];
/// Lowercase words a title may hold (`Eternal Sunshine of the Spotless Mind`).
const TITLE_SMALL_WORDS: [&str; 10] = [
    "of", "the", "a", "an", "in", "on", "to", "for", "with", "from",
];

/// Whether a "person" or "organization" is one of a list of titles after words that
/// name works or a part in one (`roles in Eternal Sunshine of the Spotless Mind and
/// Finding Neverland`; `films such as Million Dollar Baby, Aviator and Finding
/// Neverland`), or is followed by its cast or director (`Closer, starring Jude Law`).
/// BBC's film coverage never writes `the film Finding Neverland`; these are its cues.
/// A possessive (`his role in Labour's campaign`) owns what follows, so it is no title.
fn listed_as_a_work(text: &str, m: &RawMention) -> Option<Evidence> {
    let after = text.get(m.end..).unwrap_or("");
    if after.starts_with("'s") || after.starts_with("’s") {
        return None;
    }
    let credited = [", starring ", ", directed by "].iter().any(|credit| {
        after
            .strip_prefix(credit)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    });
    if credited {
        return Some(Evidence::Hint);
    }
    // Most names have neither a list's separator nor a cue's last word right before
    // them (`said `, `Mr `): those need no search for a cue.
    let near = text.get(..m.start).unwrap_or("");
    let separated = |s: &str| {
        [", ", " and ", " of ", " in ", " to ", " as ", " like "]
            .iter()
            .any(|end| s.ends_with(end))
    };
    let may_follow_a_cue = separated(near)
        || near
            .strip_suffix("the ")
            .is_some_and(|s| s.ends_with(" and ") || s.ends_with(" of "));
    if !may_follow_a_cue {
        return None;
    }
    let (from, _) = canonical::around(text, m.start, m.start, 160);
    let before = text.get(from..m.start)?;
    let cue_end = |cues: &[&str]| {
        cues.iter()
            .filter_map(|cue| {
                let (at, _) = before
                    .rmatch_indices(cue)
                    .find(|(at, _)| before[at + cue.len()..].starts_with(' '))?;
                let starts_a_word = before[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                starts_a_word.then_some(at + cue.len() + 1)
            })
            .max()
    };
    let (end, evidence) = match (cue_end(&WORKS_SUCH_AS), cue_end(&PART_IN_A_WORK)) {
        (Some(a), Some(b)) if b > a => (b, Evidence::Hint),
        (Some(a), _) => (a, Evidence::Cue),
        (None, Some(b)) => (b, Evidence::Hint),
        (None, None) => return None,
    };
    titles_before(&before[end..]).then_some(evidence)
}

/// Whether `between`, the text from a list's cue to a name, is titles the name
/// continues or follows: empty, or capitalized titles separated by commas and `and`,
/// ending in a separator or inside a title (`Eternal Sunshine of the `).
fn titles_before(between: &str) -> bool {
    if between.is_empty() {
        return true;
    }
    if between.contains(['.', ';', ':', '!', '?', '(', ')', '"', '“', '”']) {
        return false;
    }
    let separated = [", ", " and ", " and the ", " of ", " of the "]
        .iter()
        .any(|s| between.ends_with(s));
    if !separated {
        return false;
    }
    let listed = between.replace(", and ", ", ").replace(" and ", ", ");
    listed
        .split(", ")
        .filter(|title| !title.trim().is_empty())
        .all(|title| {
            let words: Vec<&str> = title.split_whitespace().collect();
            let first = words
                .iter()
                .position(|w| !matches!(*w, "the" | "The"))
                .and_then(|i| words.get(i));
            first.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || TITLE_SMALL_WORDS.contains(w)
                })
        })
}

/// Nouns of devices, after a product's name (`the PlayStation console`, `Nintendo's
/// DS handheld`) or a maker's (`two Nokia handsets`).
const DEVICE_NOUNS: [&str; 10] = [
    "console",
    "consoles",
    "handheld",
    "handhelds",
    "handset",
    "handsets",
    "gadget",
    "smartphone",
    "laptop",
    "laptops",
];
/// Last words of broadcasters' names, which a channel's number follows (`BBC Radio 4`,
/// `BBC 1's Breakfast with Frost`, `Sky Movies 1`).
const CHANNEL_WORDS: [&str; 12] = [
    "radio",
    "channel",
    "tv",
    "television",
    "fm",
    "network",
    "news",
    "bbc",
    "itv",
    "sky",
    "movies",
    "sports",
];

/// How a model's or a sequel's number follows a name (see [`model_number_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ModelNumber {
    /// A word goes on after it (`PlayStation 2 is`, `Halo 2, released`).
    BeforeWord,
    /// It ends the sentence or the text (`the Xbox 2.`): so do a table's scores and
    /// standings (`Somerset 4.`), so only after an article or an owner counts.
    Closing,
}

/// Units a number before them counts: a result, not a model (`Telekom 4 hours 48`,
/// `Polti 5 seconds behind`, `Glamorgan 3 pts`).
const UNITS: [&str; 22] = [
    "seconds", "secs", "sec", "minutes", "mins", "min", "hours", "hrs", "points", "pts", "runs",
    "goals", "wickets", "wkts", "laps", "games", "matches", "sets", "strokes", "shots", "for",
    "to",
];

/// Whether a model's or a sequel's number follows a name right away (`PlayStation 2
/// is`, `Halo 2, released`, `Xbox 2.`, `PlayStation 2's`): one digit, then a lower-case
/// word (not a unit nor `and`/`or`, which a table's rows have: `Cargill 1 and Merrill
/// Lynch 2`), a comma or a bracket before one, a possessive, or the end of a sentence.
/// `None` for anything else: a score (`Chelsea 2 Arsenal 1`, `2-1`), a longer number
/// (`Boeing 747`), a decimal (`Firefox 1.0`) or a digit in a word (`3G`).
fn model_number_after(after: &str) -> Option<ModelNumber> {
    let rest = after.strip_prefix(' ')?;
    let mut chars = rest.chars();
    let digit = chars.next()?;
    if !('1'..='9').contains(&digit) {
        return None;
    }
    let rest = chars.as_str();
    let lowercase_word_next = |s: &str| {
        s.strip_prefix(' ').is_some_and(|s| {
            let word = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            word.chars().next().is_some_and(char::is_lowercase)
                && !matches!(word, "and" | "or")
                && !UNITS.contains(&word)
        })
    };
    let mut next = rest.chars();
    match next.next() {
        None => Some(ModelNumber::Closing),
        Some(' ') if lowercase_word_next(rest) => Some(ModelNumber::BeforeWord),
        Some(',' | ')') if lowercase_word_next(next.as_str()) => Some(ModelNumber::BeforeWord),
        Some('.') if next.as_str().is_empty() || next.as_str().starts_with(char::is_whitespace) => {
            Some(ModelNumber::Closing)
        }
        Some('\'' | '’') if next.as_str().starts_with("s ") => Some(ModelNumber::BeforeWord),
        _ => None,
    }
}

/// The acronym a plural acronym is the plural of (`PCs` → `PC`).
fn plural_acronym_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('s')?;
    (stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())).then_some(stem)
}

/// True when `m` is followed by one of `roles` and then a person's name: `Chelsea boss
/// Jose Mourinho`.
fn role_then_person(
    text: &str,
    m: &RawMention,
    roles: &[&str],
    person_starts: &HashSet<(&'static str, usize)>,
) -> bool {
    let after = text.get(m.end..).unwrap_or("");
    roles.iter().any(|role| {
        let gap = format!(" {role} ");
        after.starts_with(&gap) && person_starts.contains(&(m.field, m.end + gap.len()))
    })
}

/// A "person" followed by a role in a team or a band and then a person's name is the
/// team or band: `Franz Ferdinand frontman Alex Kapranos`, `Chelsea boss Jose Mourinho`.
fn heads_a_team(
    text: &str,
    m: &RawMention,
    person_starts: &HashSet<(&'static str, usize)>,
) -> bool {
    role_then_person(text, m, &TEAM_ROLES, person_starts)
}

/// A "person" alone in brackets after a player written as an initial and a surname is
/// the player's club: team sheets write `J Lewsey (Wasps), C Hodgson (Sale Sharks)`.
/// Elsewhere a name in brackets after a person's is as often a person (an actor and
/// the part, `Sylvia (Kate Winslet)`; `Mike (Ruddock)`; `James (Jim) Baker`), so only
/// the team sheet's initial counts.
fn club_on_a_team_sheet(
    text: &str,
    m: &RawMention,
    person_ends: &HashSet<(&'static str, usize)>,
) -> bool {
    let closed = text
        .get(m.end..)
        .is_some_and(|after| after.starts_with(')'));
    let Some(before) = text.get(..m.start).and_then(|b| b.strip_suffix('(')) else {
        return false;
    };
    let player = before.trim_end();
    let mut words = player.rsplit(' ');
    let (_surname, initial) = (words.next(), words.next().unwrap_or(""));
    let initial = initial.strip_suffix('.').unwrap_or(initial);
    closed
        && player.len() < before.len()
        && person_ends.contains(&(m.field, player.len()))
        && initial.len() == 1
        && initial.chars().all(|c| c.is_ascii_uppercase())
}

/// A one-word "person" in a list of places (`the mints in Philadelphia and Denver`)
/// that the place gazetteer knows is the place: lists join things of one kind.
fn listed_with_places(
    text: &str,
    m: &RawMention,
    words: &[String],
    place_ends: &HashSet<(&'static str, usize)>,
    place_starts: &HashSet<(&'static str, usize)>,
) -> bool {
    if words.len() != 1 || !is_known_place(&words[0]) {
        return false;
    }
    let joins = [" and ", ", ", " or "];
    let after_place = joins.iter().any(|j| {
        m.start >= j.len()
            && text.get(m.start - j.len()..m.start) == Some(*j)
            && place_ends.contains(&(m.field, m.start - j.len()))
    });
    let before_place = joins.iter().any(|j| {
        text.get(m.end..m.end + j.len()) == Some(*j)
            && place_starts.contains(&(m.field, m.end + j.len()))
    });
    after_place || before_place
}

/// True when the first-name gazetteer knows `word` (`Alex`, `Oscar`): alone, such a
/// word names nobody in particular.
pub fn is_first_name(word: &str) -> bool {
    LEXICON.lists(word, List::FirstName)
}

/// One capital letter, with or without its period (`B`, `D.`): a first name cut to
/// its initial (`D O'Callaghan` on a team sheet), or a rating (`rated B.`).
pub fn is_initial(word: &str) -> bool {
    let letter = word.strip_suffix('.').unwrap_or(word);
    letter.chars().count() == 1 && letter.chars().all(char::is_uppercase)
}

fn is_known_place(word: &str) -> bool {
    LEXICON.lists(word, List::Place)
}

/// `A$2.6bn`, `US$ 5m`, `£3m`, `HK$1.20-a-share`: an amount of money, which the tagger
/// sometimes takes for an organization's name. It names no one.
fn is_amount(words: &[String]) -> bool {
    let joined = words.concat();
    // Up to three capitals name the currency's country (`A$`, `US$`, `HK$`).
    let rest = joined.trim_start_matches(|c: char| c.is_ascii_uppercase());
    joined.len() - rest.len() <= 3
        && rest
            .strip_prefix(['$', '£', '€', '¥'])
            .is_some_and(|amount| amount.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the words of `longer` before its last `tail_words` are a country or its
/// adjective: `American Hoechst` for `Hoechst`, the firm's arm in that country.
fn national_arm(longer: &str, tail_words: usize) -> bool {
    let words: Vec<&str> = longer.split_whitespace().collect();
    let Some(head) = words
        .len()
        .checked_sub(tail_words)
        .map(|n| words[..n].join(" "))
    else {
        return false;
    };
    !head.is_empty() && (DEMONYMS.contains_key(&normalize(&head)) || is_known_place(&head))
}

/// `U.S. Dlrs`, `H.K. Dlrs`, `European Currency Units`: a currency, which Reuters
/// capitalizes (`7.75 billion U.S. Dlrs`) and the tagger then takes for an
/// organization or a person. No firm's or person's name ends in a currency word.
fn names_money(name: &str) -> bool {
    const CURRENCY_WORDS: [&str; 11] = [
        "dlrs",
        "dlr",
        "dollars",
        "dollar",
        "currency",
        "currencies",
        "units",
        "yen",
        "stg",
        "lire",
        "pesos",
    ];
    let mut words = name.split_whitespace();
    let last = words.next_back();
    words.next().is_some()
        && last.is_some_and(|w| CURRENCY_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Where the word `First` (or `FIRST`, when `capitals` allows) ends just before byte
/// `at`, with one space between, and the word as written: the first word of `First
/// Boston`, `First Chicago`, cut off.
fn first_before(text: &str, at: usize, capitals: bool) -> Option<(usize, &'static str)> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let (rest, word) = match before.strip_suffix("First") {
        Some(rest) => (rest, "First"),
        None if capitals => (before.strip_suffix("FIRST")?, "FIRST"),
        None => return None,
    };
    let starts_word = rest
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    starts_word.then_some((rest.len(), word))
}

/// `the U.S. Market`, `a U.S. Bank said`, `the U.S. Trade deficit`: Reuters
/// capitalizes the word after `U.S.`, and the tagger takes a country and a common
/// noun for a firm. After an article it is a kind of thing in that country, not a
/// name (`U.S. Steel said` has none).
fn country_and_common_noun(name: &str, before: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [country, noun] = words.as_slice() else {
        return false;
    };
    let noun_lower = noun.to_lowercase();
    let article = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "one"));
    // An acronym is a name (`the U.S. DOT`), not a common noun.
    country_code(country)
        && article
        && noun.chars().any(char::is_lowercase)
        && !COUNTRY_INSTITUTIONS.contains(&noun_lower.as_str())
        && is_common_word(&noun_lower)
}

/// Whether a word is a country's or province's dotted code (`U.S.`, `U.K.`, `B.C.`).
fn country_code(word: &str) -> bool {
    word.len() <= 5
        && word.ends_with('.')
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// A country's own institutions are names: `the U.S. Navy`, `the U.K. Treasury`.
const COUNTRY_INSTITUTIONS: [&str; 14] = [
    "government",
    "administration",
    "navy",
    "army",
    "treasury",
    "congress",
    "senate",
    "embassy",
    "military",
    "parliament",
    "cabinet",
    "mint",
    "customs",
    "court",
];

/// What markets trade, price against or count in, which the tagger takes for a firm:
/// government bonds (`100 basis points over Treasuries`: 27 Reuters articles listed an
/// organization `Treasuries`), crude grades (`WTI AT 17.50 DLRS`: 20, `Brent` 10,
/// `Light Louisiana Sweet` 9), the interbank market (`Interbank rates were firmer`: 7),
/// units of account (`European Currency Unit` 20, `Special Drawing Rights` 15, `SDR`
/// 8), farm payments in kind (`PIK certificates` 18) and the public sector borrowing
/// requirement (`PSBR` 15).
const MARKET_TERMS: [&str; 15] = [
    "Treasuries",
    "Gilts",
    "Bunds",
    "WTI",
    "Brent",
    "West Texas Intermediate",
    "Light Louisiana Sweet",
    "Interbank",
    "European Currency Unit",
    "Special Drawing Rights",
    "SDR",
    "SDRs",
    "ECU",
    "PIK",
    "PSBR",
];

/// Whether an organization's name, or the words written for it (`Interbank` is folded
/// into `London Interbank` before this is asked), is a market term, a rate, a rating, a
/// month or total in a table, or a law or treaty, none of which is a firm.
fn names_a_market_term(name: &str, text: &str, start: usize, end: usize) -> bool {
    let written = text.get(start..end).unwrap_or(name);
    let after = text.get(end..).unwrap_or("");
    MARKET_TERMS.contains(&name)
        || MARKET_TERMS.contains(&written)
        || names_a_rate(name, after)
        || in_a_table(written)
        || names_a_law(name)
        || names_a_rating(written, text, start, end)
}

/// `FEB 26`, `Mch`, `Jly`, `Ttl`: Reuters' tables abbreviate months and totals in
/// capitals, which the tagger takes for firms (`Mch` 16 articles, `Jly` 13, `Ttl` 12).
/// (`Dec`, `Mar` and `May` stay: `DEC` is Digital Equipment.)
fn in_a_table(written: &str) -> bool {
    const ABBREVIATIONS: [&str; 14] = [
        "jan", "feb", "mch", "apl", "apr", "jne", "jun", "jly", "jul", "aug", "sep", "sept", "oct",
        "nov",
    ];
    let lower = written.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || lower == "ttl"
}

/// `the Financial Services Act` (9 Reuters articles), `the Maastricht Treaty`, `the
/// International Coffee Agreement` (9): a law or a treaty, not the body that made it.
fn names_a_law(name: &str) -> bool {
    // Capitalized as a name's last word is (`Act`, not `act` or `ACT`).
    let capitalized_law_word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|first| {
            first.is_ascii_uppercase()
                && LAW_WORDS.iter().any(|law| {
                    law.strip_prefix(first.to_ascii_lowercase())
                        .is_some_and(|rest| rest == chars.as_str())
                })
        })
    };
    name.contains(' ') && name.rsplit(' ').next().is_some_and(capitalized_law_word)
}

/// The last words of a law or a treaty's name: neither a person nor an organization
/// is called `... Act` (`names_a_law`, `names_no_one`).
const LAW_WORDS: [&str; 7] = [
    "act",
    "accord",
    "accords",
    "treaty",
    "amendment",
    "agreement",
    "protocol",
];

/// The last words of a policy's name that are no law (`Cruzado Plan`, `Baker
/// Initiative`, the `Mercalli scale`), which no person's name ends in either.
const PLAN_WORDS: [&str; 7] = [
    "plan",
    "plans",
    "program",
    "programme",
    "initiative",
    "doctrine",
    "scale",
];

/// `lowered ... to BBB from A-minus`, `the AA ratings on the long-term debt` (BBB 11
/// Reuters articles, AA 5, AAA 4): a credit rating, when the words around it speak of
/// ratings or debt (`BAA`, the airports, is written in capitals and is no rating).
fn names_a_rating(written: &str, text: &str, start: usize, end: usize) -> bool {
    const RATINGS: [&str; 7] = ["AAA", "AA", "BBB", "BB", "Aaa", "Aa", "Baa"];
    if !RATINGS.contains(&written) {
        return false;
    }
    let (from, to) = canonical::around(text, start, end, 120);
    let near = text.get(from..to).unwrap_or("").to_lowercase();
    ["rating", "rated", "debt", "debentures", "grade"]
        .iter()
        .any(|w| near.contains(w))
}

/// `the London Interbank Offered Rate` (34 Reuters articles), which the tagger also
/// cuts to `London Interbank` before `Offered Rate` (20): an interest rate, not the
/// banks that set it. No organization's name ends in `Rate`.
fn names_a_rate(name: &str, after: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    matches!(last, "Rate" | "Rates" | "RATE" | "RATES")
        || ["Offered Rate", "Offered Rates", "OFFERED RATE"]
            .iter()
            .any(|rate| after.strip_prefix(' ').is_some_and(|a| a.starts_with(rate)))
}

/// `U.S. Banks have`, `U.S. Trade negotiators`, `the massive U.S. Trade deficit`:
/// without an article before it, a country code and a common noun still name a kind
/// of thing when the noun is plural (the country's banks, not one bank) or when a
/// noun follows that the pair describes. `U.S. Steel said`, `U.S. Lines`, `U.K.
/// Treasury bills`, a name with a legal form (the caller skips them) and `U.S. Trade
/// Representative` are names.
fn country_and_kind_of_thing(name: &str, after: &str) -> bool {
    const DESCRIBED: [&str; 37] = [
        "production",
        "output",
        "imports",
        "exports",
        "firm",
        "firms",
        "company",
        "companies",
        "producers",
        "sector",
        "industry",
        "requests",
        "prices",
        "bill",
        "bills",
        "deficit",
        "deficits",
        "surplus",
        "gap",
        "negotiator",
        "negotiators",
        "official",
        "officials",
        "policy",
        "policies",
        "sanctions",
        "legislation",
        "law",
        "laws",
        "talks",
        "dispute",
        "barriers",
        "balance",
        "figures",
        "data",
        "delegation",
        "measures",
    ];
    // Plurals that name firms: `U.S. Lines`, `B.C. Resources`, `U.S. Industries`.
    const FIRM_PLURALS: [&str; 12] = [
        "lines",
        "airlines",
        "airways",
        "industries",
        "resources",
        "holdings",
        "systems",
        "communications",
        "enterprises",
        "mines",
        "stores",
        "homes",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let [country, noun] = words.as_slice() else {
        return false;
    };
    let lower = noun.to_lowercase();
    if !country_code(country)
        || !noun.chars().any(char::is_lowercase)
        || COUNTRY_INSTITUTIONS.contains(&lower.as_str())
        || FIRM_PLURALS.contains(&lower.as_str())
    {
        return false;
    }
    let plural = lower.strip_suffix('s').is_some_and(|one| {
        // `A.G. Edwards`: a family's name is no plural.
        one.len() > 2 && is_common_word(one) && is_common_word(&lower) && !is_first_name(one)
    });
    // `the massive U.S. Trade deficit.`, `U.S. TRADE DEFICIT`: the next word, without
    // its punctuation or capitals.
    let describes = after.split_whitespace().next().is_some_and(|next| {
        let next = next
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        DESCRIBED.contains(&next.as_str())
    });
    plural || (describes && is_common_word(&lower))
}

/// Faiths' and music genres' words, which the tagger takes for organizations or
/// places (`Muslim voters` in 10 BBC articles, `best R&B album` in 12; `a Latin pop
/// star` and `Latin for "truth"`, the place `Latin` in 8).
const FAITHS_AND_GENRES: [&str; 28] = [
    "muslim",
    "muslims",
    "moslem",
    "moslems",
    "islamic",
    "christian",
    "christians",
    "jew",
    "jews",
    "jewish",
    "hindu",
    "hindus",
    "sikh",
    "sikhs",
    "buddhist",
    "buddhists",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "sunni",
    "sunnis",
    "shia",
    "shiite",
    "shiites",
    "evangelicals",
    "r&b",
    "latin",
];

/// Whether an organization's or a place's name is a faith's or a genre's word, alone
/// or after places (`Muslims`, `British Muslim`, `UK Muslims`, `R&B`), or a country's
/// members of parliament (`Welsh MPs`, `Asian MPs`): a kind of people or music, no
/// body and no place (`Muslim Council of Britain` is a name; `Labour MPs` are the
/// Labour Party's, which the alias table names).
fn faith_or_genre(name: &str, aliases: &Aliases) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, qualifiers)) = words.split_last() else {
        return false;
    };
    let members = !qualifiers.is_empty() && canonical::MEMBERS_OF_PARLIAMENT.contains(last);
    (FAITHS_AND_GENRES.contains(&last.to_lowercase().as_str()) || members)
        && qualifiers.iter().all(|w| {
            DEMONYMS.contains_key(&normalize(w))
                || aliases.canonical(EntityKind::Place.as_str(), w).is_some()
        })
}

/// `US TV network Fox News`, `popular US TV show The Beverly Hillbillies`: a country
/// and a medium before the kind of thing they describe name no organization (the
/// tagger listed `US TV` in 15 BBC articles). `Tehran Radio said` is a station's name.
fn country_medium_before_a_noun(name: &str, after: &str, aliases: &Aliases) -> bool {
    const DESCRIBED: [&str; 29] = [
        "network",
        "networks",
        "channel",
        "channels",
        "station",
        "stations",
        "show",
        "shows",
        "series",
        "drama",
        "comedy",
        "sitcom",
        "special",
        "programme",
        "programmes",
        "program",
        "programs",
        "debut",
        "presenter",
        "host",
        "star",
        "audience",
        "audiences",
        "viewers",
        "ratings",
        "watchdog",
        "watchdogs",
        "industry",
        "executive",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let [country, medium] = words.as_slice() else {
        return false;
    };
    let next = after
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next());
    aliases
        .canonical(EntityKind::Place.as_str(), country)
        .is_some()
        && matches!(
            medium.to_lowercase().as_str(),
            "tv" | "television" | "radio"
        )
        && next.is_some_and(|word| DESCRIBED.contains(&word))
}

/// `ST.` (of `ST. JUDE MEDICAL` in a headline the tagger cut short), `Co.`: one
/// short abbreviation alone names no organization (unless the alias table knows it:
/// `U.N.`).
fn is_lone_abbreviation(name: &str) -> bool {
    !name.contains(char::is_whitespace) && name.ends_with('.') && name.chars().count() <= 4
}

/// `Finance`, `Federal`, `Trade`: a government function alone, what the tagger keeps
/// of `Finance Minister` or `Federal funds`, names no organization. (`Federal Co`,
/// written with its legal form, is a firm; `the Treasury` is one ministry, not a
/// function.)
fn is_government_function(name: &str) -> bool {
    // Left out alone: a party (`Labour`), `State` (of the State Department), `Health`
    // and `Education` (not read on real articles yet).
    const ALSO_NAMES: [&str; 5] = ["labour", "labor", "state", "health", "education"];
    let lower = name.to_lowercase();
    GOVERNMENT_FUNCTIONS.contains(&lower.as_str()) && !ALSO_NAMES.contains(&lower.as_str())
}

/// A "person" ending in a title (`U.K. Chancellor`, `Foreign Minister`) names an
/// office, not a person (the person is usually named next to it).
fn ends_in_title(words: &[String]) -> bool {
    words.len() >= 2 && words.last().is_some_and(|w| is_title(w))
}

fn is_title(candidate: &str) -> bool {
    LEXICON.lists(candidate, List::Title)
}

/// A single word safe to take as a name wherever it is written: mixed case
/// ("Volcker"), or an acronym that does not spell a common word ("OPEC", "GATT", "EC",
/// but not "US", "WHO", "IS").
fn distinctive_word(word: &str) -> bool {
    if word.chars().any(char::is_lowercase) {
        return true;
    }
    LEXICON.word_zipf(word).is_none_or(|z| z < 45)
}

/// Byte offsets to character offsets, counted on from the last offset asked for in the
/// same field: mentions come in text order, so a whole article costs one pass, not one
/// pass per mention (which made a megabyte article take minutes).
#[derive(Default)]
struct CharOffsets {
    /// Per field: the last byte offset converted and its character offset.
    last: HashMap<&'static str, (usize, usize)>,
}

impl CharOffsets {
    fn offset(&mut self, field: &'static str, text: &str, byte: usize) -> usize {
        let (last_byte, last_char) = self.last.get(field).copied().unwrap_or((0, 0));
        // Mentions within a sentence may come slightly out of order: step back then.
        let chars = if byte >= last_byte {
            last_char + text[last_byte..byte].chars().count()
        } else {
            last_char - text[byte..last_byte].chars().count()
        };
        self.last.insert(field, (byte, chars));
        chars
    }
}

/// True for a one-word name that names nothing in particular: a common English word
/// (`House`, `Federal`) or a company designator (`Bank`, `Corp`). For
/// `dateline entities --suspicious`.
pub fn is_generic_name(name: &str) -> bool {
    !name.contains(char::is_whitespace) && (is_generic_word(name) || is_org_designator(name))
}

/// A word that ends organization names (`Bank`, `Commission`, `Party`, `Ministry`:
/// the lexicon's org designators).
fn is_org_designator(word: &str) -> bool {
    LEXICON.lists(word, List::OrgDesignator)
}

/// A single lower-case-usual English word (`bank`, `commission`, `house`): as a
/// one-word organization it names a kind of organization, not one in particular.
/// Words news text usually capitalizes (`Labour`, `Treasury`) are not generic.
fn is_generic_word(name: &str) -> bool {
    if name.contains(char::is_whitespace) || !name.chars().any(char::is_lowercase) {
        return false;
    }
    let lower = name.to_lowercase();
    is_common_word(&lower) && !USUAL_CASE.contains_key(lower.as_str())
}

/// One of the few hundred commonest English words (`house`, `city`, `police`,
/// `government`), even if news capitalizes it (`the House`, `the City`): alone, as an
/// organization, it is which one the article means, not a name. (Zipf frequency of at
/// least 5.3; `Apple`, `Shell`, `Labour` are far below.)
fn is_everyday_word(name: &str) -> bool {
    if name.contains(char::is_whitespace) || !name.chars().any(char::is_lowercase) {
        return false;
    }
    LEXICON.word_zipf(name).is_some_and(|z| z >= 53)
}

/// How common a word is in everyday English, as ten times its Zipf frequency (`first`
/// 61, `american` 54, `ford` 45, `salomon` 29; none for a word the lexicon lacks): a
/// one-word name that is also a common word may stand for many things, which the
/// archive-wide links must not read as one firm.
pub fn english_zipf(word: &str) -> Option<u8> {
    LEXICON.word_zipf(word)
}

/// What a government does (`finance`, `foreign`, `trade`): alone, or with its
/// institution but no country, a function names a kind of organization every country
/// has, not one of them.
const GOVERNMENT_FUNCTIONS: [&str; 23] = [
    "central",
    "reserve",
    "finance",
    "foreign",
    "trade",
    "interior",
    "defence",
    "defense",
    "justice",
    "health",
    "agriculture",
    "economy",
    "economics",
    "industry",
    "energy",
    "labour",
    "labor",
    "education",
    "transport",
    "supreme",
    "state",
    "national",
    "federal",
];

/// `Finance Ministry`, `Central Bank`, `Supreme Court`: a government function and an
/// institution, without the country, name a kind of institution that every country
/// has, not one of them. (Named ones with their country, `Bank of Japan`, `U.S.
/// Treasury`, are distinct; the alias table gives the common full names.)
fn is_generic_institution(name: &str) -> bool {
    const INSTITUTIONS: [&str; 9] = [
        "bank",
        "ministry",
        "court",
        "department",
        "office",
        "council",
        "committee",
        "commission",
        "agency",
    ];
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    matches!(words.as_slice(), [function, institution]
        if GOVERNMENT_FUNCTIONS.contains(&function.as_str()) && INSTITUTIONS.contains(&institution.as_str()))
}

fn is_common_word(word: &str) -> bool {
    LEXICON.word_zipf(word).is_some_and(|z| z >= 40)
}

/// Acronym → expansion, from "Long Name (LN)" patterns and from multi-word
/// organization mentions whose initials spell an acronym mentioned in the article.
fn acronym_expansions(mentions: &[(RawMention, Vec<String>)]) -> HashMap<String, String> {
    const SKIP: [&str; 6] = ["of", "the", "for", "and", "on", "&"];
    let mut out = HashMap::new();
    let long_names: Vec<String> = mentions
        .iter()
        .filter(|(m, w)| m.tag == EntityType::Org && w.len() >= 2)
        .map(|(_, w)| join_words(w))
        .collect();
    for (m, words) in mentions {
        if m.tag != EntityType::Org || words.len() != 1 {
            continue;
        }
        let acronym = &words[0];
        if acronym.chars().count() < 2 || !acronym.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        for long in &long_names {
            let initials: String = long
                .split_whitespace()
                .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
                .filter_map(|w| w.chars().next())
                .collect();
            if initials == *acronym {
                out.insert(acronym.clone(), long.clone());
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_tagged_span_loses_the_quote_marks_at_its_edges() {
        let toks = tokenize("champion,” Espinoza said");
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        let quote = texts
            .iter()
            .position(|t| *t == "”")
            .expect("a closing quote token");
        let name = texts
            .iter()
            .position(|t| *t == "Espinoza")
            .expect("the name");
        let tagged = Span {
            start: quote,
            end: name + 1,
            kind: EntityType::Per,
        };
        let trimmed = without_edge_marks(&toks, tagged).expect("a name is left");
        assert_eq!((trimmed.start, trimmed.end), (name, name + 1));
        let only_marks = Span {
            start: quote,
            end: quote + 1,
            kind: EntityType::Per,
        };
        assert!(without_edge_marks(&toks, only_marks).is_none());
    }

    #[test]
    fn firms_and_offices_are_not_people() {
        for firm in [
            "Wagner and Brown",
            "Smith & Jones",
            "James Capel and Co",
            "Dean Witter Inc",
            "Man Utd",
            "Leicester City",
        ] {
            assert!(names_a_firm(&words(firm)), "{firm}");
        }
        for person in [
            "James Baker",
            "Baker",
            "Karl Otto Poehl",
            "Brian O'Driscoll",
        ] {
            assert!(!names_a_firm(&words(person)), "{person}");
        }
        for amount in [
            "A$2.6bn",
            "A$4.17-a-share",
            "US$ 5m",
            "£3m",
            "$1.2bn",
            "HK$1.20",
        ] {
            assert!(is_amount(&words(amount)), "{amount}");
        }
        for name in ["Multiplex", "A$ Holdings", "ABCD$1", "US Airways", "$"] {
            assert!(!is_amount(&words(name)), "{name}");
        }
        for office in ["U.K. Chancellor", "Foreign Minister"] {
            assert!(ends_in_title(&words(office)), "{office}");
        }
        for person in ["Nigel Lawson", "Minister"] {
            assert!(!ends_in_title(&words(person)), "{person}");
        }
    }

    /// What the embedded model and alias table extract from an article.
    fn extracted(title: &str, body: &str) -> Extracted {
        let Ok(tagger) = Tagger::embedded() else {
            panic!("the embedded model loads");
        };
        extract(tagger, &super::super::aliases::EMBEDDED, title, body)
    }

    /// The lists `extract` gives for `body` (empty title).
    fn lists(body: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let found = extracted("", body);
        (
            found.entities.people,
            found.entities.orgs,
            found.entities.places,
        )
    }

    #[test]
    fn names_inside_affixed_words_are_found() {
        // Reuters-21578 writes OPEC this way in articles that name it nowhere else.
        let (_, orgs, places) = lists(
            "Output from the OPEC-led group rose, while non-OPEC Oman and OPEC-member \
             Gabon cut exports, a U.S.-based analyst said.",
        );
        assert!(orgs.contains(&"OPEC".to_string()), "{orgs:?}");
        assert!(places.contains(&"United States".to_string()), "{places:?}");
        // BBC politics/303: after `a`, the name still qualifies what follows.
        let (_, orgs, _) = lists("Sir Edward mulled over a Labour-led coalition.");
        assert!(orgs.contains(&"Labour Party".to_string()), "{orgs:?}");
        // Not every hyphen: a word the alias table does not know, or an affix that
        // says nothing about the name, adds nothing.
        let (people, orgs, places) =
            lists("The Soviet-style plan for a Mazar-i-Sharif-area depot was dropped.");
        assert!(orgs.is_empty() && people.is_empty(), "{people:?} {orgs:?}");
        assert!(!places.iter().any(|p| p.contains("Soviet")), "{places:?}");
    }

    #[test]
    fn verbs_and_halves_of_demonyms_are_no_names() {
        // Reuters reut2-009 #168: a typist's capital `Said` is the verb.
        let (people, _, _) = lists(
            "Abbey National, the second largest building society in the U.K., Said it \
             has arranged a one billion dlr facility.",
        );
        assert!(people.is_empty(), "{people:?}");
        let (people, _, _) = lists("UAE Oil Minister Mana Said al-Oteiba spoke on Monday.");
        assert!(
            people.iter().any(|p| p.starts_with("Mana Said")),
            "{people:?}"
        );
        // BBC entertainment/016: `Born` opens a sentence about a writer's birth.
        let (_, _, places) = lists(
            "Arthur Hailey wrote novels. Born in Luton, Bedfordshire, on 5 April 1920, \
             Hailey was the only child of a factory worker.",
        );
        assert!(!places.contains(&"Born".to_string()), "{places:?}");
        assert!(places.contains(&"Luton".to_string()), "{places:?}");
        // Reuters: `West German bonds`, where the tagger may take `West` alone.
        let (_, _, places) = lists(
            "Bond activity in West German bond trading and syndication departments is \
             also expected to rise.",
        );
        assert_eq!(places, ["West Germany"]);
    }

    #[test]
    fn tails_of_longer_names_and_products_are_no_names() {
        // BBC politics/040.
        let (_, orgs, _) = lists(
            "The government opted out of part of the European Convention on Human Rights \
             concerning the right to a fair trial.",
        );
        assert!(!orgs.contains(&"Human Rights".to_string()), "{orgs:?}");
        // After a title, the words after `of` are the whole name.
        let (_, orgs, _) =
            lists("John Smith, chairman of Fleet Financial Group, said the bank would grow.");
        assert!(
            orgs.contains(&"Fleet Financial Group".to_string()),
            "{orgs:?}"
        );
        // BBC entertainment/073.
        let (people, orgs, places) =
            lists("Ray's takings came to $80m from DVD and video sales, and Linux fans cheered.");
        let all = [people, orgs, places].concat();
        assert!(!all.iter().any(|n| n == "DVD" || n == "Linux"), "{all:?}");
    }

    #[test]
    fn grounds_are_places_whatever_the_tagger_said() {
        // BBC sport/102: `leave Anfield` was a person in 12 articles.
        let (people, _, places) = lists(
            "Rumours persist that Steven Gerrard will leave Anfield if the Reds fail to \
             qualify for the competition.",
        );
        assert!(!people.contains(&"Anfield".to_string()), "{people:?}");
        assert!(places.contains(&"Anfield".to_string()), "{places:?}");
    }

    #[test]
    fn an_article_opening_the_sentence_is_not_part_of_an_organization() {
        // BBC politics/071: the spokesman's sentence named the Home Office for the
        // whole article.
        let (_, orgs, _) = lists(
            "Mr Leigh said the Home Office should now act. A Home Office spokesman said \
             the system had been toughened and tightened since the investigation.",
        );
        assert!(orgs.contains(&"Home Office".to_string()), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.starts_with("A ")), "{orgs:?}");
        // Reuters: `The Commerce Department said` is the department.
        let (_, orgs, _) = lists(
            "The Commerce Department said sales rose. Economists said the Commerce \
             Department figures were strong. The Guardian reported it too.",
        );
        assert!(!orgs.iter().any(|o| o.starts_with("The C")), "{orgs:?}");
        assert!(orgs.contains(&"The Guardian".to_string()), "{orgs:?}");
    }

    #[test]
    fn context_tells_firms_places_works_and_products_from_people() {
        // Where people work: firms, not people.
        let (people, _, _) = lists(
            "Peter Greenbaum of Smith Barney said the deal was fair. Geoffrey Dennis \
             of brokers James Capel agreed, and an oil analyst at Smith Barney added more.",
        );
        assert!(
            people.contains(&"Peter Greenbaum".to_string()),
            "{people:?}"
        );
        assert!(
            !people
                .iter()
                .any(|p| p.contains("Barney") || p.contains("Capel")),
            "{people:?}"
        );
        // A list of places.
        let (people, _, places) = lists(
            "Ball Corp said it will supply penny blanks to the U.S. mints in Philadelphia and Denver.",
        );
        assert!(!people.contains(&"Denver".to_string()), "{people:?}");
        assert!(places.contains(&"Denver".to_string()), "{places:?}");
        // Works and products named as such, anywhere in the article.
        let (people, orgs, _) = lists(
            "Imelda Staunton won for the film Vera Drake. Vera Drake opens in Paris on Friday. \
             Sales of the Harry Potter books rose, and Microsoft said every home needs a PC. \
             Many PCs were sold.",
        );
        assert!(
            people.contains(&"Imelda Staunton".to_string()),
            "{people:?}"
        );
        assert!(
            !people
                .iter()
                .any(|p| p.contains("Drake") || p.contains("Potter")),
            "{people:?}"
        );
        assert!(orgs.contains(&"Microsoft".to_string()), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o == "PC" || o == "PCs"), "{orgs:?}");
        // An organization that modifies a noun after `a` stays one.
        let (_, orgs, _) = lists("A spokesman said a Microsoft executive resigned.");
        assert!(orgs.contains(&"Microsoft".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_faith_a_genre_or_a_countrys_members_of_parliament_name_no_organization_or_place() {
        let aliases = &*super::super::aliases::EMBEDDED;
        let found = extracted(
            "Grammys",
            "R&B star Usher won best male R&B vocal performance. The Muslim Council of \
             Britain said Muslim voters could make a difference. Islamic Corp said it agreed.",
        );
        let (orgs, places) = (&found.entities.orgs, &found.entities.places);
        assert!(!orgs.iter().any(|o| o == "R&B"), "{orgs:?}");
        assert!(
            orgs.contains(&"Muslim Council of Britain".to_string()),
            "{orgs:?}"
        );
        assert!(orgs.contains(&"Islamic".to_string()), "{orgs:?}");
        let council_mentions = found
            .mentions
            .iter()
            .filter(|m| m.canonical == "Muslim Council of Britain")
            .count();
        assert_eq!(council_mentions, 1, "{:?}", found.mentions);
        assert!(!places.iter().any(|p| p.contains("Muslim")), "{places:?}");
        // From BBC politics: a party's members of parliament are the party, a
        // country's are no organization.
        let found = extracted(
            "Vote",
            "Some 40 Labour MPs backed the plan. Welsh MPs said they would abstain.",
        );
        assert_eq!(
            found.entities.orgs,
            vec!["Labour Party"],
            "{:?}",
            found.mentions
        );
        for (name, faith) in [
            ("British Muslims", true),
            ("UK Muslims", true),
            ("Muslims", true),
            ("R&B", true),
            ("Muslim Brotherhood", false),
            ("Muslim Council of Britain", false),
            ("Ramadan Moslems", false),
            ("Welsh MPs", true),
            ("Asian MPs", true),
            ("Labour MPs", false),
            ("MPs", false),
        ] {
            assert_eq!(super::faith_or_genre(name, aliases), faith, "{name}");
        }
    }

    #[test]
    fn titles_listed_after_a_part_in_a_work_are_works() {
        // BBC's film coverage: parts in works, lists of films, a possessive after `role
        // in`.
        let found = extracted(
            "Oscar race",
            "Kate Winslet earned two nods for her roles in Eternal Sunshine of the Spotless \
             Mind and Finding Neverland. Audiences like to see darker films such as Million \
             Dollar Baby, Gladiator and Billy Elliot. Alan Milburn played a key role in \
             Labour's campaign, and Yukos played a role in Gazprom's plans.",
        );
        let names = |kind: EntityKind| -> Vec<&str> {
            found
                .things
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, n)| n.as_str())
                .collect()
        };
        // A hint for the archive-wide links, under both readings the tagger may give.
        for kind in [EntityKind::Person, EntityKind::Org] {
            for work in ["Finding Neverland", "Eternal Sunshine", "Spotless Mind"] {
                assert!(
                    names(kind).contains(&work),
                    "{kind:?} {work}: {:?}",
                    found.things
                );
            }
        }
        let listed: Vec<&str> = found
            .mentions
            .iter()
            .map(|m| m.canonical.as_str())
            .collect();
        assert!(listed.contains(&"Finding Neverland"), "{listed:?}");
        // A list after `films such as` is works here and now.
        for film in ["Million Dollar Baby", "Gladiator", "Billy Elliot"] {
            assert!(!listed.contains(&film), "{listed:?}");
        }
        // What a part is in, when owned, is no title.
        for owner in ["Labour Party", "Gazprom", "Yukos"] {
            assert!(listed.contains(&owner), "{listed:?}");
            assert!(
                !found.things.iter().any(|(_, n)| n == owner),
                "{:?}",
                found.things
            );
        }
        assert!(super::titles_before(""));
        assert!(super::titles_before("Eternal Sunshine of the "));
        assert!(super::titles_before("I Heart Huckabees, "));
        assert!(super::titles_before(
            "Titanic, Gladiator, and the Lord of the "
        ));
        assert!(!super::titles_before("the "));
        assert!(!super::titles_before("Closer. The "));
        assert!(!super::titles_before("Closer and now "));
    }

    #[test]
    fn a_model_number_or_a_device_after_a_name_makes_it_a_product() {
        let Ok(tagger) = Tagger::embedded() else {
            panic!("the embedded model loads");
        };
        let aliases = &*super::super::aliases::EMBEDDED;
        // BBC tech: consoles, their model numbers and their makers.
        let found = extract(
            tagger,
            aliases,
            "",
            "Microsoft's Xbox 2 may be out in 2005, and the PlayStation 3 is expected in \
             2006. Halo 2 has broken sales records for Microsoft. Gamers want the new Xbox \
             console.",
        );
        let things: Vec<&str> = found.things.iter().map(|(_, n)| n.as_str()).collect();
        let orgs = &found.entities.orgs;
        assert!(things.contains(&"Xbox"), "{things:?}");
        assert!(things.contains(&"Halo"), "{things:?}");
        assert!(!orgs.contains(&"Xbox".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"Microsoft".to_string()), "{orgs:?}");
        // A device's noun after a name alone is only a hint (`two Nokia handsets`):
        // the article keeps the name, the archive-wide links weigh it.
        let found = extract(
            tagger,
            aliases,
            "",
            "The high demand for the PlayStation 2 has meant that prices rose. Gamers want \
             the new Xbox console.",
        );
        let things: Vec<&str> = found.things.iter().map(|(_, n)| n.as_str()).collect();
        assert!(things.contains(&"Xbox"), "{things:?}");
        assert!(
            found.entities.orgs.contains(&"Xbox".to_string()),
            "{:?}",
            found.entities.orgs
        );
        // A channel's number, a score, a longer number: no product.
        let found = extract(
            tagger,
            aliases,
            "",
            "He told BBC Radio 4's Today programme that Chelsea 2 Arsenal 1 was fair. \
             Boeing 747 jets were sold by Boeing to Qantas.",
        );
        assert!(found.things.is_empty(), "{:?}", found.things);
    }

    #[test]
    fn a_model_number_is_one_digit_before_a_small_word_or_a_sentence_end() {
        for after in [" 2 is", " 2, which", " 2's slimmer"] {
            let found = model_number_after(after);
            assert_eq!(found, Some(ModelNumber::BeforeWord), "{after:?}");
        }
        for after in [" 2.", " 2. Simply", " 3"] {
            let found = model_number_after(after);
            assert_eq!(found, Some(ModelNumber::Closing), "{after:?}");
        }
        for after in [
            " 2 Arsenal",
            " 2-1",
            " 747 jets",
            " 1.0",
            " 3G",
            " 1 and Merrill",
            "2 is",
            " 0 is",
            " 4 hours 48",
            " 3 pts",
        ] {
            assert!(model_number_after(after).is_none(), "{after:?}");
        }
    }

    #[test]
    fn a_body_longer_than_a_window_keeps_names_and_true_offsets() {
        let Ok(tagger) = Tagger::embedded() else {
            panic!("the embedded model loads");
        };
        let aliases = &*super::super::aliases::EMBEDDED;
        let paragraph = "Secretary of State Mike Pompeo said Iran was home to al-Qaida. \
                         Iranian Foreign Minister Mohammad Javad Zarif denied it in Tehran.\n\n";
        let body = paragraph.repeat(tokenize::WINDOW_BYTES / paragraph.len() * 2 + 3);
        let found = extract(tagger, aliases, "Ünïcode title", &body);
        assert!(
            found.entities.people.contains(&"Mike Pompeo".to_string()),
            "{:?}",
            found.entities.people
        );
        assert_eq!(
            found
                .entities
                .people
                .iter()
                .filter(|p| *p == "Mike Pompeo")
                .count(),
            1,
            "names are listed once"
        );
        let chars: Vec<char> = body.chars().collect();
        let last = found.mentions.iter().rfind(|m| m.field == "body").map(|m| {
            (
                chars[m.start..m.end].iter().collect::<String>(),
                m.text.clone(),
            )
        });
        let Some((at_offsets, text)) = last else {
            panic!("mentions are found in the last window");
        };
        assert_eq!(at_offsets, text);
        let per_window = found.mentions.len() / 3;
        assert!(per_window > 1000, "every window is extracted");
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn capitals_and_possessives_are_written_as_names() {
        assert_eq!(
            recase_if_all_caps(&strings(&["SAO", "PAULO"]), false),
            strings(&["Sao", "Paulo"])
        );
        assert_eq!(
            recase_if_all_caps(&strings(&["NEW", "YORK"]), false),
            strings(&["New", "York"])
        );
        assert_eq!(
            recase_if_all_caps(&strings(&["OPEC"]), false),
            strings(&["OPEC"])
        );
        assert_eq!(
            recase_if_all_caps(&strings(&["KCNA"]), false),
            strings(&["KCNA"])
        );
        // A word cut short before the name goes on is a word; the name's last stays.
        assert_eq!(
            recase_if_all_caps(&strings(&["ST.", "LOUIS"]), false),
            strings(&["St.", "Louis"])
        );
        assert_eq!(
            recase_if_all_caps(&strings(&["OAK", "BROOK", "ILL."]), false),
            strings(&["Oak", "Brook", "ILL."])
        );
        assert_eq!(
            recase_if_all_caps(&strings(&["U.S.", "STEEL"]), false),
            strings(&["U.S.", "Steel"])
        );
        assert_eq!(
            recase_if_all_caps(&strings(&["Mike", "Pompeo"]), false),
            strings(&["Mike", "Pompeo"])
        );
        assert_eq!(
            join_words(&strings(&["Korean", "People", "'s", "Army"])),
            "Korean People's Army"
        );
    }

    #[test]
    fn titles_and_roles_are_stripped() {
        assert_eq!(
            strip_titles(&strings(&["Secretary", "of", "State", "Mike", "Pompeo"])),
            strings(&["Mike", "Pompeo"])
        );
        assert_eq!(
            strip_titles(&strings(&["spokesman", "Saeed", "Khatibzadeh"])),
            strings(&["Saeed", "Khatibzadeh"])
        );
        assert_eq!(
            strip_titles(&strings(&["President", "Donald", "Trump"])),
            strings(&["Donald", "Trump"])
        );
        // A title alone is kept rather than erased.
        assert_eq!(
            strip_titles(&strings(&["President"])),
            strings(&["President"])
        );
    }

    fn raw(tag: EntityType, words: &[&str], start: usize, end: usize) -> RawMention {
        RawMention {
            tag,
            field: "body",
            start,
            end,
            words: strings(words),
            sentence_initial: false,
        }
    }

    #[test]
    fn surnames_and_acronyms_resolve_within_the_article() {
        let body = "Mike Pompeo spoke. Pompeo left. The International Atomic Energy Agency said the IAEA would act.";
        let mentions = vec![
            raw(EntityType::Per, &["Mike", "Pompeo"], 0, 11),
            raw(EntityType::Per, &["Pompeo"], 19, 25),
            raw(
                EntityType::Org,
                &["International", "Atomic", "Energy", "Agency"],
                36,
                72,
            ),
            raw(EntityType::Org, &["IAEA"], 82, 86),
        ];
        let out = resolve(mentions, &Aliases::default(), "", body, Keep::Mentions);
        assert_eq!(out.entities.people, vec!["Mike Pompeo"]);
        assert_eq!(
            out.entities.orgs,
            vec!["International Atomic Energy Agency"]
        );
        assert_eq!(out.mentions[1].canonical, "Mike Pompeo");
        assert_eq!(out.mentions[1].text, "Pompeo");
        assert_eq!((out.mentions[3].start, out.mentions[3].end), (82, 86));
    }

    #[test]
    fn currencies_functions_and_lone_abbreviations_name_no_firm_and_europes_legal_forms_come_off() {
        // From Reuters-21578: `7.75 billion U.S. Dlrs`, `Finance and Petroleum
        // Minister`, `ST. JUDE MEDICAL`, `Volkswagen AG` and `VW` in one story,
        // `Hoechst AG` beside `American Hoechst`, its U.S. arm.
        let body = "Imports rose to 7.75 billion U.S. Dlrs. Finance and Petroleum Minister \
                    Sheikh Abdul-Aziz spoke. ST. JUDE voted. Volkswagen AG said VW lost. \
                    Hoechst AG owns American Hoechst. Federal Co reported.";
        let span = |w: &str| {
            let at = body.find(w).unwrap_or(0);
            (at, at + w.len())
        };
        let mut mentions = Vec::new();
        for words in [
            vec!["U.S.", "Dlrs"],
            vec!["Finance"],
            vec!["ST."],
            vec!["Volkswagen", "AG"],
            vec!["VW"],
            vec!["Hoechst", "AG"],
            vec!["American", "Hoechst"],
            vec!["Federal", "Co"],
        ] {
            let (start, end) = span(&words.join(" "));
            mentions.push(raw(EntityType::Org, &words, start, end));
        }
        let aliases = Aliases::parse(
            "[[entity]]\ntype = \"org\"\nname = \"Volkswagen\"\naliases = [\"VW\"]\n",
        )
        .expect("a valid alias table");
        let out = resolve(mentions, &aliases, "", body, Keep::Mentions);
        assert_eq!(
            out.entities.orgs,
            vec!["Volkswagen", "Hoechst", "American Hoechst", "Federal"]
        );
    }

    /// The words and types of `tagged` (the tagger's spans over `text`, as token
    /// ranges) after one step that mends the tagger's spans.
    fn after_step(
        step: SpanStep,
        text: &str,
        tagged: &[(usize, usize, EntityType)],
    ) -> Vec<(String, EntityType)> {
        let toks = tokenize(text);
        let spans = tagged
            .iter()
            .map(|&(start, end, kind)| Span { start, end, kind })
            .collect();
        step(&toks, spans)
            .into_iter()
            .map(|s| {
                let words: Vec<&str> = toks[s.start..s.end].iter().map(|t| t.text).collect();
                (words.join(" "), s.kind)
            })
            .collect()
    }

    #[test]
    fn a_dateline_a_scale_a_nationality_and_an_agency_at_a_sentence_end_are_not_people() {
        // From Reuters-21578: the tagger took each for a person.
        let (people, orgs, places) = lists(
            "SAO PAULO, March 25 - A nationwide bank strike began.\n\nAn earthquake \
             measuring 6.5 on the Richter scale hit Chile.\n\nThe issue is rated BBB by S and \
             P.\n\nThe 31-year-old Scot was suspended.",
        );
        assert!(people.is_empty(), "{people:?}");
        assert!(places.contains(&"Sao Paulo".to_string()), "{places:?}");
        assert!(orgs.contains(&"Standard & Poor's".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_dateline_continues_with_the_day_or_the_agency() {
        // From Reuters-21578 and the AP seed article.
        assert!(continues_as_dateline(
            ", March 25 - A nationwide bank strike"
        ));
        assert!(continues_as_dateline(
            ", ILL., Oct 20 - Shr 61 cts vs 55 cts"
        ));
        assert!(continues_as_dateline(
            ", Switzerland, June 19 - Ciba-Geigy AG"
        ));
        assert!(continues_as_dateline(
            " (AP) — Secretary of State Mike Pompeo"
        ));
        // A name opening a sentence, a table, a headline run into the body.
        assert!(!continues_as_dateline(" said on Tuesday it would"));
        assert!(!continues_as_dateline(
            " OFFICIAL FORWARD VOLUMES - APR 7 Volume"
        ));
        assert!(!continues_as_dateline(", the investor, said 12 - 3"));
        assert!(!continues_as_dateline(", 100,000 AT 16-1/2, UNCH"));
    }

    #[test]
    fn a_firm_named_after_its_founders_is_one_firm() {
        // From Reuters-21578: the tagger took the first founder for a person.
        let firms = |text: &str, tagged: &[(usize, usize, EntityType)]| {
            after_step(partnership_names, text, tagged)
        };
        let name = |words: &str, kind| (words.to_string(), kind);
        assert_eq!(
            firms(
                "Harper and Row Publishers Inc said",
                &[(0, 1, EntityType::Per), (2, 5, EntityType::Org)]
            ),
            vec![name("Harper and Row Publishers Inc", EntityType::Org)]
        );
        // `and Co` ends a firm whoever it names first.
        assert_eq!(
            firms(
                "underwritten by Frank B. Hall and Co Inc.",
                &[(2, 5, EntityType::Per), (6, 7, EntityType::Loc)]
            ),
            vec![name("Frank B. Hall and Co Inc.", EntityType::Org)]
        );
        // A man and a firm, two politicians, a firm without a legal form: unchanged.
        for (text, tagged) in [
            (
                "Asher Edelman and Dominion Textiles Inc said",
                &[(0, 2, EntityType::Per), (3, 6, EntityType::Org)][..],
            ),
            (
                "Baker and Stoltenberg met",
                &[(0, 1, EntityType::Per), (2, 3, EntityType::Per)][..],
            ),
            (
                "Weinberger and Defense Department officials",
                &[(0, 1, EntityType::Per), (2, 4, EntityType::Org)][..],
            ),
        ] {
            let spans = firms(text, tagged);
            assert_eq!(spans.len(), tagged.len(), "{text}: {spans:?}");
        }
    }

    #[test]
    fn a_name_before_a_ticker_is_a_listed_firm() {
        let firms = |words: &[&str], tagged: &[(usize, usize, EntityType)]| {
            let spans = tagged
                .iter()
                .map(|&(start, end, kind)| Span { start, end, kind })
                .collect();
            firms_before_tickers(words, spans)
                .into_iter()
                .map(|s| (words[s.start..s.end].join(" "), s.kind))
                .collect::<Vec<_>>()
        };
        let org = |words: &str| (words.to_string(), EntityType::Org);
        // A headline as the tagger saw it (recased): `Hughes` was a person, and
        // `force`, a common word, stays out.
        assert_eq!(
            firms(
                &["Baker", "<BKO>", "sues", "to", "force", "Hughes", "<HT>", "merger"],
                &[(0, 1, EntityType::Per), (5, 6, EntityType::Per)]
            ),
            vec![org("Baker"), org("Hughes")]
        );
        // The words and spans right before make the name (`Atlantic` was a place,
        // `Corp of` joins `America`); a weekday stays out.
        assert_eq!(
            firms(
                &[
                    "Monday",
                    "Atlantic",
                    "Richfield",
                    "<ARC>",
                    "and",
                    "Dynamics",
                    "Corp"
                ]
                .into_iter()
                .chain(["of", "America", "<DYA>"])
                .collect::<Vec<_>>(),
                &[
                    (1, 2, EntityType::Loc),
                    (5, 7, EntityType::Org),
                    (8, 9, EntityType::Loc)
                ]
            ),
            vec![org("Atlantic Richfield"), org("Dynamics Corp of America")]
        );
        // A ticker the tagger took into the name leaves its extent as it is.
        assert_eq!(
            firms(&["Texaco", "Inc", "<TX>"], &[(0, 3, EntityType::Org)]),
            vec![org("Texaco Inc <TX>")]
        );
        assert_eq!(
            firms(
                &["Marine", "Midland", "<MM>", "buys"],
                &[(0, 3, EntityType::Per)]
            ),
            vec![org("Marine Midland <MM>")]
        );
        // A headline's ticker stays a ticker when the headline is recased.
        let found = extracted(
            "MARINE MIDLAND <MM> SELLS CAPITAL NOTES",
            "NEW YORK, March 20 - Marine Midland Banks Inc is offering 125 mln dlrs of \
             subordinated capital notes due 1997.",
        );
        assert!(found.entities.people.is_empty(), "{:?}", found.entities);
    }

    #[test]
    fn ships_scales_weapons_and_units_are_nobody() {
        // Reuters-21578 reut2-007.sgm, reut2-002.sgm, reut2-009.sgm, reut2-000.sgm.
        let (people, _, _) = lists(
            "A U.S. Navy battle group led by the U.S. aircraft carrier Kitty Hawk is in \
             the Arabian Sea. The quake registered six on the 12-point international \
             Mercalli scale. Iran had acquired Chinese-made Silkworm missiles, the \
             spokesman said. X-1986 rates. Y-dlrs per CWT (100 lbs). Energy Secretary \
             John Herrington said the carrier was safe.",
        );
        assert_eq!(people, vec!["John Herrington".to_string()], "{people:?}");
    }

    #[test]
    fn a_stock_index_is_nobody() {
        // BBC business/121.txt.
        let (people, _, _) = lists(
            "The Fed did not rule out raising rates once again in December. The Dow Jones \
             Industrial average closed down 0.5% at 10,386. Analyst Avery Shenfeld said the \
             move was expected.",
        );
        assert_eq!(people, vec!["Avery Shenfeld".to_string()], "{people:?}");
    }

    #[test]
    fn a_country_and_a_kind_of_thing_or_a_bond_name_no_firm() {
        // Reuters-21578 reut2-000.sgm, reut2-003.sgm and reut2-000.sgm.
        let (_, orgs, _) = lists(
            "Finance Minister Dilson Funaro said. U.S. Banks have 50 pct representation \
             on the committee. U.S. Trade negotiators here last week said the pact was \
             in jeopardy. The notes yield 100 basis points over Treasuries.",
        );
        assert!(
            orgs.iter()
                .all(|o| !o.starts_with("U.S.") && o != "Treasuries"),
            "{orgs:?}"
        );
        assert!(country_and_kind_of_thing("U.S. Trade", " deficit widened"));
        assert!(country_and_kind_of_thing(
            "U.S. Trade",
            " deficit.\n\nRemsperger"
        ));
        assert!(country_and_kind_of_thing("U.S. Trade", " DEFICIT IS MAJOR"));
        assert!(country_and_kind_of_thing("U.S. Oil", " company Tenneco"));
        assert!(country_and_kind_of_thing("U.S. Bank", " sector paper"));
        assert!(!country_and_kind_of_thing("U.S. Oil", " <USOL> TO SELL"));
        assert!(!country_and_kind_of_thing("U.S. Steel", " said it would"));
        assert!(!country_and_kind_of_thing(
            "U.S. Trade",
            " Representative Clayton"
        ));
        let (_, orgs, _) = lists("Alex. Brown and Sons Inc said it bought the shares.");
        assert_eq!(orgs, vec!["Alex. Brown and Sons"]);
    }

    #[test]
    fn a_crude_grade_or_an_interbank_rate_names_no_firm() {
        // Reuters-21578 reut2-003.sgm#354, #245 and BBC business/273.txt.
        let (_, orgs, _) = lists(
            "Conoco raised crude oil prices by one dlr, with WTI at 17.50 dlrs. Drawings \
             will be at 10 basis points over the London Interbank Offered Rate. In London, \
             the benchmark Brent crude price closed down 51 cents. Interbank rates were \
             firmer.",
        );
        assert!(
            orgs.iter()
                .all(|o| !MARKET_TERMS.contains(&o.as_str()) && !o.contains("Interbank")),
            "{orgs:?}"
        );
        assert!(names_a_rate("London Interbank", " Offered Rate, Libor"));
        // Reuters-21578 reut2-001.sgm#186, reut2-000.sgm#99 and BBC politics/033.txt.
        let rated = "lowered the ratings on Loral Corp's subordinated debt to BBB from A-minus";
        let at = rated.find("BBB").unwrap_or_default();
        assert!(names_a_rating("BBB", rated, at, at + 3));
        let airports = "BAA's expansion of Stansted Airport in Essex";
        assert!(!names_a_rating("BAA", airports, 0, 3));
        assert!(in_a_table("FEB") && in_a_table("Jly") && !in_a_table("Dec"));
        assert!(names_a_law("Financial Services Act"));
        assert!(names_a_law("International Coffee Agreement"));
        assert!(!names_a_law("Act") && !names_a_law("Labour Party"));
        assert!(names_a_rate("Paris Interbank Offered Rates", ""));
        assert!(!names_a_rate("Chase Manhattan", " said"));
    }

    #[test]
    fn a_long_alias_takes_in_the_legal_forms_the_tagger_found_after_it() {
        // Reuters-21578 reut2-003.sgm: the tagger found `Pierce` (a person) and
        // `Fenner and Smith Inc` inside the firm's one name.
        let (people, orgs, _) = lists(
            "It said underwriters may include Merrill Lynch, Pierce, Fenner and Smith \
             Inc, Salomon Brothers Inc and Dean Witter Reynolds Inc.",
        );
        assert!(people.is_empty(), "{people:?}");
        assert!(orgs.contains(&"Merrill Lynch".to_string()), "{orgs:?}");
        assert!(orgs.iter().all(|o| !o.contains("Fenner")), "{orgs:?}");
        let (people, orgs, _) = lists(
            "Dutch merchant bank Pierson, Heldring en Pierson said in its February \
             economic outlook that growth would slow.",
        );
        assert!(people.is_empty(), "{people:?}");
        assert_eq!(orgs, vec!["Pierson, Heldring en Pierson"]);
    }

    #[test]
    fn a_headlines_listed_firm_is_the_firm_its_name_opens_below() {
        // Reuters-21578 reut2-001.sgm, `USAIR <U>` above `USAir Group Inc`.
        let found = extracted(
            "USAIR <U> FEBRUARY LOAD FACTOR RISES",
            "WASHINGTON, March 4 - USAir Group Inc said its February load factor rose \
             to 62.2 pct from 56.9 pct a year ago.",
        );
        assert_eq!(
            found.entities.orgs,
            vec!["USAir Group"],
            "{:?}",
            found.entities
        );
        assert!(found.mentions.iter().all(|m| m.canonical != "USAir"));
        // The headline's firm is the parent, the one below its finance arm.
        let found = extracted(
            "DEERE <DE> UNIT SELLS NOTES",
            "NEW YORK, April 2 - Deere Credit Co, a unit of Deere and Co, is offering \
             100 mln dlrs of notes.",
        );
        assert!(
            found.entities.orgs.contains(&"Deere Credit".to_string()),
            "{:?}",
            found.entities
        );
        assert!(found.mentions.iter().any(|m| m.canonical == "Deere"));
        // The same word said as a person, in the article of a listed firm, is the firm.
        let found = extracted(
            "BAKER <BKO> DEBT RATING AFFIRMED",
            "NEW YORK, March 5 - Baker International Corp's debt was affirmed. If the \
             merger does not occur, Baker said it would sell assets.",
        );
        assert!(found.entities.people.is_empty(), "{:?}", found.entities);
        assert_eq!(
            found.entities.orgs,
            vec!["Baker International"],
            "{:?}",
            found.entities
        );
    }

    #[test]
    fn a_firms_short_form_and_its_joiners_in_capitals_are_the_firms() {
        let (people, orgs, places) = lists(
            "Shearson's offer to the E.F. Hutton Group Inc was rejected by Hutton, \
             analysts said.\n\nSales of BANK OF NEW YORK rose in RIO DE JANEIRO.\n\n\
             Cash balances should fluctuate around 30 mln N.Z. Dlrs.\n\nThe implied \
             senior debt rating is B.",
        );
        assert!(people.is_empty(), "{people:?}");
        assert!(orgs.contains(&"E.F. Hutton".to_string()), "{orgs:?}");
        assert!(places.contains(&"Rio de Janeiro".to_string()), "{places:?}");
        // Without a legal form, the alias table's firm of several words is the one
        // the lone name ends (Reuters reut2-012.sgm).
        let (people, orgs, _) = lists(
            "E.F. Hutton's offer for Purolator was extended. Neither Hutton nor \
             Purolator had any immediate comment.",
        );
        assert!(people.is_empty(), "{people:?}");
        assert!(orgs.contains(&"E.F. Hutton".to_string()), "{orgs:?}");
        assert_eq!(
            recase_if_all_caps(&strings(&["CARLO", "DE", "BENEDETTI"]), true),
            strings(&["Carlo", "De", "Benedetti"])
        );
        for junk in [
            &["D-Ill"][..],
            &["R-Kan."],
            &["May/Jul"],
            &["B."],
            &["Amarillo/", "Lubbock"],
            &["God"],
            &["Cruzado", "Plan"],
            &["BAKER", "PLAN"],
            &["PINs"],
        ] {
            assert!(names_no_one(&strings(junk)), "{junk:?}");
        }
        for name in [
            &["Paul", "Simon"][..],
            &["D'Arcy"],
            &["Jean-Pierre"],
            &["Li"],
            &["Plan"],
        ] {
            assert!(!names_no_one(&strings(name)), "{name:?}");
        }
        assert_eq!(
            recase_if_all_caps(&strings(&["MARSH", "AND", "MCLENNAN"]), false)[1],
            "and"
        );
    }

    #[test]
    fn a_name_in_angle_brackets_is_one_firm() {
        // From Reuters-21578: the tagger's spans, as token ranges.
        let firms = |text: &str, tagged: &[(usize, usize, EntityType)]| {
            after_step(bracketed_firm_names, text, tagged)
        };
        let name = |words: &str, kind| (words.to_string(), kind);
        // `Co` was a place, `James Capel` a person.
        assert_eq!(
            firms(
                "Wardley Ltd <WAIA.HK> and <James Capel and Co>, analysts said.",
                &[
                    (0, 2, EntityType::Org),
                    (5, 7, EntityType::Per),
                    (8, 9, EntityType::Loc)
                ]
            ),
            vec![
                name("Wardley Ltd", EntityType::Org),
                name("James Capel and Co", EntityType::Org)
            ]
        );
        // A possessive stays out; names outside the brackets stay as tagged.
        assert_eq!(
            firms(
                "Smith said <Siemens AG's> unit",
                &[(0, 1, EntityType::Per), (3, 4, EntityType::Org)]
            ),
            vec![
                name("Smith", EntityType::Per),
                name("Siemens AG", EntityType::Org)
            ]
        );
        // A ticker is no name, nor is a bracket opened twice or on a lowercase word.
        assert_eq!(
            firms(
                "<Chemical Bank of New <York>, <the Reuters> unit of Boliden AB <BLDS ST>.",
                &[
                    (1, 3, EntityType::Org),
                    (6, 7, EntityType::Loc),
                    (11, 12, EntityType::Org),
                    (15, 17, EntityType::Org)
                ]
            ),
            vec![
                name("Chemical Bank", EntityType::Org),
                name("York", EntityType::Loc),
                name("Reuters", EntityType::Org),
                name("Boliden AB", EntityType::Org)
            ]
        );
    }

    #[test]
    fn a_name_cut_after_a_joining_word_is_completed_or_loses_the_joiner() {
        // From Reuters-21578 and BBC: the tagger's spans, as token ranges.
        let complete = |text: &str, tagged: &[(usize, usize, EntityType)]| {
            after_step(complete_cut_names, text, tagged)
        };
        let name = |words: &str, kind| (words.to_string(), kind);
        assert_eq!(
            complete(
                "It is guaranteed by the Bank of Nova Scotia.",
                &[(5, 7, EntityType::Org), (7, 9, EntityType::Loc)]
            ),
            vec![name("Bank of Nova Scotia", EntityType::Org)]
        );
        // A place joined to an organization is the organization.
        assert_eq!(
            complete(
                "the third Lord of the Rings film",
                &[(2, 4, EntityType::Loc), (5, 6, EntityType::Org)]
            ),
            vec![name("Lord of the Rings", EntityType::Org)]
        );
        // The capitalized words run up to a person named right after.
        assert_eq!(
            complete(
                "President of the Rio de Janeiro Coffee Trade Association Carlos Calmon said",
                &[
                    (3, 5, EntityType::Loc),
                    (5, 9, EntityType::Org),
                    (9, 11, EntityType::Per)
                ]
            ),
            vec![
                name("Rio de Janeiro Coffee Trade Association", EntityType::Org),
                name("Carlos Calmon", EntityType::Per)
            ]
        );
        assert_eq!(
            complete(
                "Money will go to the Fondation pour l'Enfance (Foundation for Childhood)",
                &[(5, 7, EntityType::Org)]
            ),
            vec![name("Fondation pour l'Enfance", EntityType::Org)]
        );
        // Nothing capitalized after: the joiner comes off.
        assert_eq!(
            complete(
                "Jack Straw accused the Tories of \"running scared\"",
                &[(0, 2, EntityType::Per), (4, 6, EntityType::Org)]
            ),
            vec![
                name("Jack Straw", EntityType::Per),
                name("Tories", EntityType::Org)
            ]
        );
        // A whole name with a joiner inside is left alone.
        assert_eq!(
            complete("He flew to the Isle of Man.", &[(4, 7, EntityType::Loc)]),
            vec![name("Isle of Man", EntityType::Loc)]
        );
    }

    #[test]
    fn a_cut_off_first_is_put_back_and_a_country_with_a_common_noun_after_an_article_is_no_firm() {
        // From Reuters-21578: the tagger keeps `Boston Corp.` of `First Boston Corp.`
        // and takes `the U.S. Market` and `a U.S. Bank` for firms.
        let body = "First Boston Corp. said it sold. Exports to the U.S. Market fell, a U.S. \
                    Bank said. U.S. Steel said prices rose. The U.S. Navy sailed.";
        let mut mentions = Vec::new();
        for words in [
            vec!["Boston", "Corp."],
            vec!["U.S.", "Market"],
            vec!["U.S.", "Bank"],
            vec!["U.S.", "Steel"],
            vec!["U.S.", "Navy"],
        ] {
            let text = words.join(" ");
            let at = body.find(&text).unwrap_or(0);
            mentions.push(raw(EntityType::Org, &words, at, at + text.len()));
        }
        let out = resolve(mentions, &Aliases::default(), "", body, Keep::Mentions);
        assert_eq!(
            out.entities.orgs,
            vec!["First Boston", "U.S. Steel", "U.S. Navy"]
        );
        assert_eq!(out.mentions[0].text, "First Boston Corp.");
        assert_eq!(out.mentions[0].start, 0);
    }

    #[test]
    fn a_country_and_a_medium_before_what_they_describe_name_no_organization() {
        let aliases = &super::super::aliases::EMBEDDED;
        let described =
            |name: &str, after: &str| country_medium_before_a_noun(name, after, aliases);
        assert!(described("US TV", " network Fox News"));
        assert!(described("US TV", " show The Beverly Hillbillies"));
        // A station's name, a medium alone, a firm with a country's name.
        assert!(!described("Tehran Radio", " said on Sunday"));
        assert!(!described("US TV", "."));
        assert!(!described("Sky TV", " show"));
        assert!(!described("US Steel", " network"));
    }

    #[test]
    fn a_club_in_brackets_on_a_team_sheet_or_before_a_position_is_the_club() {
        let body = "Backs: J Lewsey (Wasps), J. Noon (Newcastle). Wasps flanker Joe \
                    Worsley starts. It explored Sylvia (Kate Winslet) and Mike (Ruddock).";
        let span = |w: &str, nth: usize| {
            let at = body.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
            raw(
                EntityType::Per,
                &w.split(' ').collect::<Vec<_>>(),
                at,
                at + w.len(),
            )
        };
        let mentions = vec![
            span("J Lewsey", 0),
            span("Wasps", 0),
            span("J. Noon", 0),
            span("Newcastle", 0),
            span("Wasps", 1),
            span("Joe Worsley", 0),
            span("Sylvia", 0),
            span("Kate Winslet", 0),
            span("Mike", 0),
            span("Ruddock", 0),
        ];
        let out = resolve(mentions, &Aliases::default(), "", body, Keep::NamesOnly);
        assert_eq!(out.entities.orgs, strings(&["Wasps", "Newcastle"]));
        // An actor after the part, a surname after a first name: people.
        for name in ["Kate Winslet", "Ruddock", "Joe Worsley", "J Lewsey"] {
            assert!(
                out.entities.people.iter().any(|p| p.ends_with(name)),
                "{name}: {:?}",
                out.entities.people
            );
        }
    }

    #[test]
    fn a_headlines_organization_named_as_a_person_of_the_body_is_that_person() {
        // (headline, body, the tagger's spans: (tag, field, text, nth occurrence))
        type Spans<'a> = Vec<(EntityType, &'static str, &'a str, usize)>;
        let resolved = |title: &str, body: &str, spans: Spans| {
            let mentions = spans
                .into_iter()
                .map(|(tag, field, text, nth)| {
                    let source = if field == "title" { title } else { body };
                    let start = source.match_indices(text).nth(nth).map_or(0, |(i, _)| i);
                    let mut m = raw(
                        tag,
                        &text.split(' ').collect::<Vec<_>>(),
                        start,
                        start + text.len(),
                    );
                    m.field = field;
                    m
                })
                .collect();
            let out = resolve(mentions, &Aliases::default(), title, body, Keep::NamesOnly);
            (out.entities.people, out.entities.orgs)
        };
        let (per, org) = (EntityType::Per, EntityType::Org);
        // A bare surname in the headline is the person the body names in full.
        let title = "Liverpool pledge to keep Gerrard";
        let body = "Liverpool will keep Steven Gerrard. Gerrard is happy.";
        let (people, orgs) = resolved(
            title,
            body,
            vec![
                (org, "title", "Liverpool", 0),
                (org, "title", "Gerrard", 0),
                (org, "body", "Liverpool", 0),
                (per, "body", "Steven Gerrard", 0),
                (per, "body", "Gerrard", 1),
            ],
        );
        assert_eq!(
            (people, orgs),
            (strings(&["Steven Gerrard"]), strings(&["Liverpool"]))
        );
        // A title before the name (outside the tagged span) shows a person too.
        let (people, orgs) = resolved(
            "Bush budget seeks deep cutbacks",
            "President Bush sent his budget, Mr Bush said.",
            vec![
                (org, "title", "Bush", 0),
                (per, "body", "Bush", 0),
                (per, "body", "Bush", 1),
            ],
        );
        assert_eq!((people, orgs), (strings(&["Bush"]), vec![]));
        // The body writes the firm more often than the person it is named after.
        let body = "Ford made money. Ford's chairman Bill Ford said so. Ford sells cars.";
        let (people, orgs) = resolved(
            "Ford gains from finance not cars",
            body,
            vec![
                (org, "title", "Ford", 0),
                (org, "body", "Ford", 0),
                (per, "body", "Bill Ford", 0),
                (org, "body", "Ford", 3),
            ],
        );
        assert_eq!(
            (people, orgs),
            (strings(&["Bill Ford"]), strings(&["Ford"]))
        );
        // A firm the tagger took for a person has no first name.
        let (_, orgs) = resolved(
            "Citroen sales rise",
            "Automobiles Citroen said sales rose.",
            vec![
                (org, "title", "Citroen", 0),
                (per, "body", "Automobiles Citroen", 0),
            ],
        );
        assert_eq!(orgs, strings(&["Citroen"]));
        // A body that names a firm after the person as often as the person keeps it.
        let (_, orgs) = resolved(
            "Reidel buys unit",
            "Reidel Environmental Technologies Inc bought it, Mr Reidel said.",
            vec![
                (org, "title", "Reidel", 0),
                (org, "body", "Reidel Environmental Technologies Inc", 0),
                (per, "body", "Mr Reidel", 0),
            ],
        );
        assert!(orgs.contains(&"Reidel".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_person_with_the_name_of_a_firm_written_with_a_legal_form_is_that_firm() {
        let body = "Chrysler Corp said it will buy Electrospace. Chrysler said the deal \
                    is done. Mario Gabelli, head of Mario Gabelli and Co, said he sold.";
        let span = |w: &str, nth: usize| {
            let at = body.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
            (at, at + w.len())
        };
        let mut mentions = Vec::new();
        for (tag, words, text, nth) in [
            (
                EntityType::Org,
                vec!["Chrysler", "Corp"],
                "Chrysler Corp",
                0,
            ),
            (EntityType::Per, vec!["Chrysler"], "Chrysler", 1),
            (
                EntityType::Per,
                vec!["Mario", "Gabelli"],
                "Mario Gabelli",
                0,
            ),
            (
                EntityType::Org,
                vec!["Mario", "Gabelli", "and", "Co"],
                "Mario Gabelli and Co",
                0,
            ),
        ] {
            let (start, end) = span(text, nth);
            mentions.push(raw(tag, &words, start, end));
        }
        let out = resolve(mentions, &Aliases::default(), "", body, Keep::Mentions);
        // The firm's partnership is named after a person who is in the story too.
        assert_eq!(out.entities.people, vec!["Mario Gabelli"]);
        assert_eq!(out.entities.orgs, vec!["Chrysler", "Mario Gabelli"]);
        assert_eq!(out.mentions[1].kind, EntityKind::Org, "{:?}", out.mentions);
        // What indexing stores (no mention list) says the same.
        let names = resolve(
            vec![
                raw(EntityType::Org, &["Chrysler", "Corp"], 0, 13),
                raw(
                    EntityType::Per,
                    &["Chrysler"],
                    span("Chrysler", 1).0,
                    span("Chrysler", 1).1,
                ),
            ],
            &Aliases::default(),
            "",
            body,
            Keep::NamesOnly,
        );
        assert!(names.entities.people.is_empty(), "{:?}", names.entities);
    }

    #[test]
    fn a_place_with_the_name_of_a_firm_written_with_a_legal_form_is_that_firm() {
        // From Reuters-21578: the tagger reads a firm named after a place as the place;
        // a dateline, a place after a comma and an abbreviated state stay places.
        let body = "DALLAS, March 3 - Dallas Corp said Security Pacific Corp agreed. \
                    Security Pacific will pay. Iowa Cos and Florida Inc said Dallas and \
                    Ames, Iowa, and Tampa, Fla., gain.";
        let span = |w: &str, nth: usize| {
            let at = body.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
            (at, at + w.len())
        };
        let mut mentions = Vec::new();
        for (tag, text, nth) in [
            (EntityType::Loc, "DALLAS", 0),
            (EntityType::Org, "Dallas Corp", 0),
            (EntityType::Org, "Security Pacific Corp", 0),
            (EntityType::Loc, "Security Pacific", 1),
            (EntityType::Org, "Iowa Cos", 0),
            (EntityType::Org, "Florida Inc", 0),
            (EntityType::Loc, "Dallas", 1),
            (EntityType::Loc, "Iowa", 1),
            (EntityType::Loc, "Fla.", 0),
        ] {
            let (start, end) = span(text, nth);
            let words: Vec<&str> = text.split(' ').collect();
            mentions.push(raw(tag, &words, start, end));
        }
        let out = resolve(mentions, &Aliases::default(), "", body, Keep::Mentions);
        assert_eq!(
            out.entities.orgs,
            vec!["Dallas", "Security Pacific", "Iowa", "Florida"]
        );
        assert_eq!(
            out.entities.places,
            vec!["Dallas", "Iowa", "Florida"],
            "{:?}",
            out.mentions
        );
        let pacific = out
            .mentions
            .iter()
            .filter(|m| m.canonical == "Security Pacific");
        assert!(pacific.clone().count() == 2 && pacific.clone().all(|m| m.kind == EntityKind::Org));
    }

    #[test]
    fn a_shared_surname_is_the_person_named_last_and_parts_join_the_full_name() {
        let body = "Jackson spoke. Michael Jackson sang. Jackson left. Janet Jackson came. \
                    Jackson stayed. Robert Brown and Robert C. Brown are one man.";
        let at = |w: &str, nth: usize| body.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
        let span = |w: &str, nth: usize| (at(w, nth), at(w, nth) + w.len());
        let mut mentions = Vec::new();
        for (words, text, nth) in [
            (vec!["Jackson"], "Jackson", 0),
            (vec!["Michael", "Jackson"], "Michael Jackson", 0),
            (vec!["Jackson"], "Jackson", 2),
            (vec!["Janet", "Jackson"], "Janet Jackson", 0),
            (vec!["Jackson"], "Jackson", 4),
            (vec!["Robert", "Brown"], "Robert Brown", 0),
            (vec!["Robert", "C.", "Brown"], "Robert C. Brown", 0),
        ] {
            let (start, end) = span(text, nth);
            mentions.push(raw(EntityType::Per, &words, start, end));
        }
        let out = resolve(mentions, &Aliases::default(), "", body, Keep::Mentions);
        assert_eq!(
            out.entities.people,
            vec!["Michael Jackson", "Janet Jackson", "Robert C. Brown"]
        );
        let canonical: Vec<&str> = out.mentions.iter().map(|m| m.canonical.as_str()).collect();
        assert_eq!(
            canonical,
            [
                "Michael Jackson", // before any full name: the first one named after
                "Michael Jackson",
                "Michael Jackson", // the one named last before it
                "Janet Jackson",
                "Janet Jackson",
                "Robert C. Brown",
                "Robert C. Brown",
            ]
        );
    }

    #[test]
    fn aliases_merge_variants_and_demonyms_become_places() {
        let aliases = Aliases::parse(
            "[[entity]]\ntype = \"org\"\nname = \"al-Qaida\"\naliases = [\"al-Qaeda\"]\n\n[[entity]]\ntype = \"place\"\nname = \"Iran\"\n",
        )
        .unwrap();
        let body = "al-Qaeda and Iranian officials";
        let mentions = vec![
            raw(EntityType::Misc, &["al-Qaeda"], 0, 8),
            raw(EntityType::Misc, &["Iranian"], 13, 20),
        ];
        let out = resolve(mentions, &aliases, "", body, Keep::Mentions);
        assert_eq!(out.entities.orgs, vec!["al-Qaida"]);
        assert_eq!(out.entities.places, vec!["Iran"]);
    }
}
