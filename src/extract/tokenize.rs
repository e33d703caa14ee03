//! Tokens and sentences for raw news text.
//!
//! The tagger was trained on CoNLL-2003 (Reuters, Penn-Treebank-like tokens), so raw
//! text is cut the same way: punctuation and quotes split off, possessive `'s` and
//! `n't` separated, while abbreviations (`U.S.`, `Aug.`, `Gen.`), initials (`J.`),
//! hyphenated names (`al-Qaida`, `Mazar-i-Sharif`), inner apostrophes (`O'Brien`,
//! `al-Qa'ida`) and numbers (`1,000`, `3.5`) stay whole. Every token keeps its byte
//! span in the original text, so entities can be reported with exact positions.

use std::ops::Range;

/// One token: its text (quotes normalised as written) and byte span in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// True when the token begins a new paragraph (a blank line precedes it).
    pub paragraph_start: bool,
}

/// Abbreviations that keep their final period, with the first names firms still write
/// abbreviated (`Alex. Brown and Sons`, `Wm. Wrigley`): split there, the firm lost its
/// first word (`Brown and Sons` in 23 Reuters articles).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
    "adm", "cmdr", "rev", "st", "jr", "sr", "messrs", "mt", "ft", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "plc", "bros", "no", "nos",
    "vs", "v", "etc", "approx", "dept", "est", "fig", "ave", "blvd", "rd", "univ", "assn", "gov't",
    "pres", "supt", "atty", "sgt", "cpl", "pvt", "ky", "ala", "ariz", "ark", "calif", "colo",
    "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "la", "md", "mass", "mich", "minn",
    "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo", "alex", "wm", "chas", "thos", "jas",
];

/// Abbreviations after which a capitalised word does not start a sentence (titles).
const NO_BREAK_AFTER: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
    "adm", "cmdr", "rev", "st", "messrs", "mt", "no", "nos", "vs", "v", "pres", "supt", "atty",
    "cpl", "pvt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
];

/// Marks split off the front of a word. `”` is there because web copy types it for
/// the opening mark (`”Fear. I am afraid.”`): left on the word, `”Fear` is no word
/// the tagger knows and no quote mark the attribution finder can pair.
fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '”' | '‘' | '«' | '‹' | '„' | '¿' | '¡'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '.'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut paragraph_start = true;
    let mut newlines = 0;
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_dash(c) {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, &mut paragraph_start, &mut tokens);
            }
            if c == '\n' {
                newlines += 1;
                if newlines >= 2 {
                    paragraph_start = true;
                }
            }
            if is_dash(c) {
                push(&mut tokens, text, i, i + c.len_utf8(), &mut paragraph_start);
            }
            continue;
        }
        newlines = 0;
        if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), &mut paragraph_start, &mut tokens);
    }
    tokens
}

fn push<'a>(
    tokens: &mut Vec<Token<'a>>,
    text: &'a str,
    start: usize,
    end: usize,
    paragraph_start: &mut bool,
) {
    if start < end {
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            paragraph_start: *paragraph_start,
        });
        *paragraph_start = false;
    }
}

/// Splits one whitespace-delimited chunk `text[start..end]` into tokens.
fn split_chunk<'a>(
    text: &'a str,
    mut start: usize,
    mut end: usize,
    paragraph_start: &mut bool,
    tokens: &mut Vec<Token<'a>>,
) {
    // "--" is a dash in plain-text wire copy.
    // A byte scan: `str::find` builds a substring searcher, costly per short word.
    if let Some(pos) = text.as_bytes()[start..end]
        .windows(2)
        .position(|pair| pair == b"--")
    {
        let mid = start + pos;
        split_chunk(text, start, mid, paragraph_start, tokens);
        push(tokens, text, mid, mid + 2, paragraph_start);
        split_chunk(text, mid + 2, end, paragraph_start, tokens);
        return;
    }
    if let Some((mark, after)) = glued_quote(&text[start..end]) {
        split_chunk(text, start, start + mark, paragraph_start, tokens);
        push(tokens, text, start + mark, start + after, paragraph_start);
        split_chunk(text, start + after, end, paragraph_start, tokens);
        return;
    }
    // Reuters-21578 brackets a firm's name, `<Drexel Burnham Lambert Inc>`, and its
    // ticker, `<DBL>`: the brackets of a name come off its first and last words, so
    // the tagger reads `Drexel` (left on, `<Drexel` is no word it knows, and the
    // name was cut to `Burnham Lambert`); a ticker, without lowercase letters, stays
    // one token of markup.
    let name_bracket = {
        let chunk = text[start..end].trim_end_matches(is_close_punct);
        let whole_ticker = chunk.starts_with('<') && chunk.ends_with('>');
        !whole_ticker || chunk.chars().any(char::is_lowercase)
    };
    // Leading punctuation, one token each.
    while start < end {
        let c = first_char(&text[start..end]);
        let opens = is_open_punct(c) || (c == '<' && name_bracket);
        if opens && text[start..end].chars().count() > 1 {
            push(tokens, text, start, start + c.len_utf8(), paragraph_start);
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, peeled right to left; each char becomes a token.
    let chunk_end = end;
    while start < end {
        let word = &text[start..end];
        let c = last_char(word);
        let closes = is_close_punct(c) || (c == '>' && name_bracket);
        if !closes || word.chars().count() == 1 {
            break;
        }
        if c == '.' && keeps_period(word) {
            break;
        }
        if (c == '\'' || c == '’') && is_plural_possessive(word) {
            // "ministers'" → "ministers" + "'"
            end -= c.len_utf8();
            break;
        }
        end -= c.len_utf8();
    }
    // Possessive 's and the n't contraction.
    match clitic_split(&text[start..end]) {
        Some(offset) => {
            push(tokens, text, start, start + offset, paragraph_start);
            push(tokens, text, start + offset, end, paragraph_start);
        }
        None => push(tokens, text, start, end, paragraph_start),
    }
    for (offset, c) in text[end..chunk_end].char_indices() {
        let at = end + offset;
        push(tokens, text, at, at + c.len_utf8(), paragraph_start);
    }
}

/// Where a quote mark is glued to the next word, as web copy and Reuters-21578 lose
/// the space after it (`paranoia,”Clinton said`, `profound."He`, `said,“Look`): the
/// mark's byte range in `chunk`, when a word and its comma, full stop, `!` or `?` come
/// before it and a letter after it. Kept as one token, the quote, its speaker and the
/// sentence's end were lost, and the tagger read `Maxwell."It` as a person. An
/// apostrophe typed as a double quote (`OPEC"s`) has a letter before it: not one.
fn glued_quote(chunk: &str) -> Option<(usize, usize)> {
    // Most chunks hold no quote mark: a byte test before the char walk (0xE2 leads
    // the curly marks' UTF-8).
    if !chunk.bytes().any(|b| b == b'"' || b == 0xE2) {
        return None;
    }
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    chars.windows(4).find_map(|w| {
        let &[(_, word), (_, punct), (mark, quote), (after, letter)] = w else {
            return None;
        };
        let glued = word.is_alphanumeric()
            && matches!(punct, ',' | '.' | '!' | '?')
            && matches!(quote, '"' | '“' | '”')
            && letter.is_alphabetic();
        glued.then_some((mark, after))
    })
}

/// Byte offset where a trailing `'s` / `n't` starts in `word`, if it has one.
fn clitic_split(word: &str) -> Option<usize> {
    // Reuters-21578 writes the apostrophe as a double quote: `Gandhi"s`.
    let apostrophe = |c: char| c == '\'' || c == '’' || c == '"';
    let mut from_end = word.char_indices().rev();
    let (_, last) = from_end.next()?;
    let (second_at, second) = from_end.next()?;
    // Neither clitic is a word on its own: something must precede it.
    let (third_at, third) = from_end.next()?;
    let fourth_exists = from_end.next().is_some();
    if fourth_exists
        && third.eq_ignore_ascii_case(&'n')
        && apostrophe(second)
        && last.eq_ignore_ascii_case(&'t')
    {
        return Some(third_at);
    }
    if apostrophe(second) && last.eq_ignore_ascii_case(&'s') {
        return Some(second_at);
    }
    None
}

fn is_plural_possessive(word: &str) -> bool {
    let body = &word[..word.len() - last_char(word).len_utf8()];
    body.ends_with('s') && body.chars().count() > 2
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or(' ')
}

/// Whether a word ending in `.` keeps it: abbreviations, initials, dotted acronyms.
fn keeps_period(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "U.N.", "a.m."
    let letters_and_dots = stem.chars().all(|c| c.is_alphabetic() || c == '.');
    if letters_and_dots && stem.chars().filter(|c| c.is_alphabetic()).count() == 1 {
        return stem.chars().all(|c| c.is_uppercase() || c == '.');
    }
    if letters_and_dots && stem.contains('.') {
        return true;
    }
    let lower = stem.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Token index ranges of the sentences of `tokens`.
pub fn sentences(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > start && tokens[i].paragraph_start {
            out.push(start..i);
            start = i;
        }
        let t = tokens[i].text;
        let ends = matches!(t, "." | "!" | "?" | "…")
            || (t.ends_with('.') && t.len() > 1 && breaks_after_abbreviation(tokens, i));
        if ends {
            // Closing quotes and brackets belong to the sentence they end.
            let mut j = i + 1;
            while j < tokens.len()
                && matches!(tokens[j].text, "\"" | "'" | "''" | "”" | "’" | ")" | "]")
                && !tokens[j].paragraph_start
            {
                j += 1;
            }
            let next_starts = tokens.get(j).is_none_or(|n| {
                let c = first_char(n.text);
                c.is_uppercase() || c.is_ascii_digit() || is_open_punct(c) || n.paragraph_start
            });
            if next_starts {
                out.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// After an abbreviation with its period ("U.S.", "Inc."), a sentence ends only when
/// the abbreviation is not a title and the next word is a typical sentence opener.
fn breaks_after_abbreviation(tokens: &[Token<'_>], i: usize) -> bool {
    let stem = tokens[i].text.trim_end_matches('.').to_lowercase();
    if NO_BREAK_AFTER.contains(&stem.as_str()) || stem.chars().count() == 1 {
        return false;
    }
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "But",
        "And",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "As",
        "After",
        "Before",
        "While",
        "When",
        "If",
        "However",
        "Meanwhile",
        "Earlier",
        "Later",
        "Officials",
        "Some",
        "Many",
        "Most",
    ];
    tokens
        .get(i + 1)
        .is_some_and(|n| OPENERS.contains(&n.text) || n.paragraph_start)
}

/// The most text tokenized at once when a long text is read window by window
/// (entity extraction, sentence scopes): memory follows the window, not the text.
pub const WINDOW_BYTES: usize = 1 << 17;

/// Consecutive slices of `text`, each at most `max` bytes (or one character, when a
/// character is longer), together exactly `text`. A cut prefers the last paragraph
/// break in the window's second half, then the last line break, then the last
/// whitespace, so sentences and names are rarely split.
pub fn windows(text: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= max {
            return Some(std::mem::take(&mut rest));
        }
        let mut limit = max;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        if limit == 0 {
            limit = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        let head = &rest[..limit];
        let half = limit / 2;
        let cut = [
            head.rfind("\n\n"),
            head.rfind('\n'),
            head.rfind(char::is_whitespace),
        ]
        .into_iter()
        .flatten()
        .find(|&at| at >= half)
        .map_or(limit, |at| {
            at + head[at..].chars().next().map_or(1, char::len_utf8)
        });
        let (window, tail) = rest.split_at(cut);
        rest = tail;
        Some(window)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_text_exactly_within_the_limit() {
        let text = "Iran\u{3000}denied ünd ärger.\n\nPompeo said so. ".repeat(50);
        for max in [1, 2, 7, 16, 64, 1000] {
            let parts: Vec<&str> = windows(&text, max).collect();
            assert_eq!(parts.concat(), text, "max {max}");
            assert!(parts.iter().all(|p| p.len() <= max.max(3)), "max {max}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_quote_mark_glued_to_the_next_word_is_split_off() {
        assert_eq!(
            words("paranoia,”Clinton said."),
            vec!["paranoia", ",", "”", "Clinton", "said", "."]
        );
        assert_eq!(
            words("profound.\"He added,\"Carlucci said"),
            vec!["profound", ".", "\"", "He", "added", ",", "\"", "Carlucci", "said"]
        );
        assert_eq!(
            words("said,“Look, now."),
            vec!["said", ",", "“", "Look", ",", "now", "."]
        );
        // Reuters-21578's apostrophe typed as a double quote, and a quote after a
        // space, are left as they were.
        assert_eq!(words("OPEC\"s quota"), vec!["OPEC", "\"s", "quota"]);
        assert_eq!(
            words("\"We won,\" he"),
            vec!["\"", "We", "won", ",", "\"", "he"]
        );
    }

    #[test]
    fn abbreviations_initials_and_acronyms_keep_their_periods() {
        assert_eq!(
            words("Gen. J. Smith met U.S. and U.N. officials on Aug. 7, Sept. 11."),
            vec![
                "Gen.",
                "J.",
                "Smith",
                "met",
                "U.S.",
                "and",
                "U.N.",
                "officials",
                "on",
                "Aug.",
                "7",
                ",",
                "Sept.",
                "11",
                "."
            ]
        );
        assert_eq!(
            words("Mr. Pompeo left."),
            vec!["Mr.", "Pompeo", "left", "."]
        );
    }

    #[test]
    fn a_closing_mark_typed_to_open_a_quote_is_split_off() {
        assert_eq!(
            words("”Fear. I am afraid.” ― Name"),
            vec!["”", "Fear", ".", "I", "am", "afraid", ".", "”", "―", "Name"]
        );
    }

    #[test]
    fn datelines_dashes_and_quotes() {
        assert_eq!(
            words("WASHINGTON (AP) — Secretary of State Mike Pompeo on Tuesday"),
            vec![
                "WASHINGTON",
                "(",
                "AP",
                ")",
                "—",
                "Secretary",
                "of",
                "State",
                "Mike",
                "Pompeo",
                "on",
                "Tuesday"
            ]
        );
        assert_eq!(
            words("“Today, I can confirm,” Pompeo said…"),
            vec!["“", "Today", ",", "I", "can", "confirm", ",", "”", "Pompeo", "said", "…"]
        );
        assert_eq!(
            words("BRUSSELS -- The EU"),
            vec!["BRUSSELS", "--", "The", "EU"]
        );
    }

    #[test]
    fn a_firms_name_in_angle_brackets_loses_them_but_a_ticker_keeps_them() {
        assert_eq!(
            words("<Drexel Burnham Lambert Inc>, <DBL>, <PACER SYSTEMS> and <IMMA.O>."),
            vec![
                "<", "Drexel", "Burnham", "Lambert", "Inc", ">", ",", "<DBL>", ",", "<", "PACER",
                "SYSTEMS", ">", "and", "<IMMA.O>", "."
            ]
        );
        assert_eq!(words("<Airbus>."), vec!["<", "Airbus", ">", "."]);
    }

    #[test]
    fn possessives_and_contractions_are_split() {
        assert_eq!(
            words("Pompeo’s remarks, Iran's denial, the ministers' talks don't"),
            vec![
                "Pompeo",
                "’s",
                "remarks",
                ",",
                "Iran",
                "'s",
                "denial",
                ",",
                "the",
                "ministers",
                "'",
                "talks",
                "do",
                "n't"
            ]
        );
    }

    #[test]
    fn hyphens_apostrophes_and_numbers_stay_inside_words() {
        assert_eq!(
            words("al-Qaida, al-Qa'ida and O'Brien in Mazar-i-Sharif paid $1,000.50 (3.5%)."),
            vec![
                "al-Qaida",
                ",",
                "al-Qa'ida",
                "and",
                "O'Brien",
                "in",
                "Mazar-i-Sharif",
                "paid",
                "$1,000.50",
                "(",
                "3.5%",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn spans_point_into_the_source() {
        let text = "Iran’s “denial”";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn sentences_split_at_terminal_punctuation_but_not_titles() {
        let text = "Mr. Pompeo spoke in the U.S. Senate. He left on Aug. 7. “It is over,” he said. The U.S. The end\n\nNew paragraph";
        let tokens = tokenize(text);
        let sents: Vec<String> = sentences(&tokens)
            .into_iter()
            .map(|r| {
                tokens[r]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            sents,
            vec![
                "Mr. Pompeo spoke in the U.S. Senate .",
                "He left on Aug. 7 .",
                "“ It is over , ” he said .",
                "The U.S.",
                "The end",
                "New paragraph"
            ]
        );
        // A first name a firm abbreviates ends no sentence; before an opener it does.
        let text = "Alex. Brown and Sons Inc said it bought shares. He met Alex. The talks";
        let tokens = tokenize(text);
        let starts: Vec<&str> = sentences(&tokens)
            .into_iter()
            .map(|r| tokens[r.start].text)
            .collect();
        assert_eq!(starts, vec!["Alex.", "He", "The"]);
    }
}
