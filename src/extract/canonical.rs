//! Name clean-up that turns what a text writes into one canonical name per entity:
//! wire markup and company suffixes off organization names, state abbreviations to
//! their states, short forms to the longer name the same article uses, and the lines
//! of earnings tables, whose column heads (`Shr`, `Net`, `Revs`) are not names at all.
//!
//! Everything here is rules about kinds of words (suffixes, markup, tables), never a
//! list of particular names.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::embedded::US_STATES_TSV;

/// State abbreviation (with its period) → state.
static US_STATES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    US_STATES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// The same, keyed as `abbreviation_key` writes an abbreviation.
static US_STATES_LOOSE: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    US_STATES
        .iter()
        .map(|(abbreviation, state)| (abbreviation_key(abbreviation), *state))
        .collect()
});

/// An abbreviation as the state table is keyed: an all-caps dateline writes `OAK
/// BROOK, ILL.` and some copy spaces `W. Va.`, and both name the state of `Ill.` and
/// `W.Va.`.
fn abbreviation_key(word: &str) -> String {
    word.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Legal-form words that end company names in wire copy (`Pennzoil Co`,
/// `Texaco Inc.`): the same company is written with and without them.
const COMPANY_SUFFIXES: [&str; 34] = [
    "co", "co.", "cos", "cos.", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc",
    "l.p.", "n.v.", "nv", // Europe's forms: `Volkswagen AG`, `Pirelli Spa`, `Philips NV`.
    "ag", "a.g.", "sa", "s.a.", "spa", "s.p.a.", "bv", "b.v.", "gmbh", "ab", "asa", "a/s", "oy",
    "oyj", "pty", "bhd", "berhad", "k.k.", "sarl",
];

/// The state a wire abbreviation names (`Calif.` → California); `with_period_only`
/// refuses the bare form (`Conn` may be a surname; `Conn.` after a city is not).
pub fn state_for(word: &str, with_period_only: bool) -> Option<&'static str> {
    if let Some(state) = US_STATES.get(word) {
        return Some(state);
    }
    if with_period_only {
        return None;
    }
    US_STATES.get(format!("{word}.").as_str()).copied()
}

/// The state an abbreviation written in capitals or with a space names (`OAK BROOK,
/// ILL.`, `Charleston, W. Va.`). Only right after a city and its comma: elsewhere
/// `LA.` ends a sentence about Los Angeles.
pub fn state_after_city(word: &str) -> Option<&'static str> {
    US_STATES_LOOSE.get(&abbreviation_key(word)).copied()
}

/// Whether an organization is written with a legal form (`Chrysler Corp`, `Texaco
/// Inc. <TX>`): then it is a firm, whatever else the tagger took its name for. A
/// partnership (`Mario Gabelli and Co`) does not count: it is named after a person
/// who is usually in the story too.
pub fn ends_in_legal_form(words: &[String]) -> bool {
    let words = without_markup(words);
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    let partnership = rest
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "and" | "&"));
    is_legal_form(last) && !partnership
}

/// Whether one word is a legal form (`Inc`, `Co.`, `AG`, `plc`), in any case: the
/// ending that makes a name a firm's.
pub fn is_legal_form(word: &str) -> bool {
    COMPANY_SUFFIXES.contains(&word.to_lowercase().as_str())
}

/// Members of a parliament named by their party or country (`Labour MPs`, `UKIP
/// MEPs`, `Welsh MPs`): the tagger takes the group for an organization, but the
/// organization there is the party, and a country's members name none.
pub(crate) const MEMBERS_OF_PARLIAMENT: [&str; 5] = ["MPs", "MEPs", "MSPs", "AMs", "TDs"];

/// An organization's words without wire ticker markup (`<PZL>`, a stray `>`), without
/// trailing legal-form words and the connectors they leave (`Smith Barney, Harris Upham
/// and Co` → `Smith Barney, Harris Upham`), and without the members of a parliament
/// after their party (`Labour MPs` → `Labour`). Empty when nothing but markup and
/// suffixes was there.
pub fn org_words(words: &[String]) -> Vec<String> {
    let mut out = without_markup(words);
    if out.len() > 1
        && out
            .last()
            .is_some_and(|w| MEMBERS_OF_PARLIAMENT.contains(&w.as_str()))
    {
        out.pop();
    }
    while let Some(last) = out.last() {
        let lower = last.to_lowercase();
        let is_suffix = COMPANY_SUFFIXES.contains(&lower.as_str());
        let is_connector = matches!(lower.as_str(), "and" | "&" | "," | "-" | "und" | "et");
        if (is_suffix || is_connector) && out.len() > 1 {
            out.pop();
        } else if is_suffix {
            out.clear();
        } else {
            break;
        }
    }
    out
}

/// Words without wire markup (`<PZL>`, `Corp>`): a ticker is not part of a name. Some
/// Reuters lines end in a carriage return spelt out, `^M` (`Pratt^M and Whitney`,
/// `Rolls-Royce^M`): it comes off the word, and the sign-off `REUTER^M` it leaves is
/// no name (16 articles listed an organization `Reuter^m`).
pub fn without_markup(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !w.contains(['<', '>']))
        .filter_map(|w| {
            if !w.contains('^') {
                return Some(w.clone());
            }
            let bare = w.replace("^M", "").replace("^m", "");
            let sign_off = bare.trim_end_matches('.').eq_ignore_ascii_case("reuter");
            (!bare.is_empty() && !sign_off && !bare.contains('^')).then_some(bare)
        })
        .collect()
}

/// The bytes from up to `reach` before `start` to up to `reach` after `end`, shrunk to
/// char boundaries: the checks that read a mention's surroundings look this far and
/// no farther, so they stay constant-time per mention in a megabyte article.
pub fn around(text: &str, start: usize, end: usize, reach: usize) -> (usize, usize) {
    let mut from = start.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = end.saturating_add(reach).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from, to)
}

/// True when the line holding byte `at` of `text` is a row of an accounts table: more
/// number-like tokens than words, with money words (`Shr 1.20 dlrs vs 1.10 dlrs`,
/// `Revs 35.6 mln vs 30.1 mln`), whose labels (`Shr`, `Revs`) are not names. A row of
/// a label and bare figures (`BALTIMORE 74 65 .532`, `Denver 1.56 1.56`) keeps its
/// name: sports standings and price tables list real teams and places.
pub fn on_table_line(text: &str, at: usize) -> bool {
    // Table rows are short: look at most this far each way, so the check stays
    // constant-time per mention in a one-paragraph megabyte article.
    const ROW: usize = 160;
    let (from, to) = around(text, at, at, ROW);
    // A line longer than that either way is prose, not a table row.
    let start = match text[from..at].rfind('\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let end = match text[at..to].find('\n') {
        Some(p) => at + p,
        None if to == text.len() => to,
        None => return false,
    };
    let (mut numbers, mut words, mut money) = (0, 0, 0);
    for token in text[start..end].split_whitespace() {
        let unit = matches!(
            token,
            "vs" | "vs." | "dlrs" | "mln" | "cts" | "billion" | "pct"
        );
        if unit {
            money += 1;
        }
        if unit || token.chars().any(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else {
            words += 1;
        }
    }
    // A table row is a short label and figures; wrapped prose with figures has words.
    numbers >= 2 && numbers > words && words <= 3 && money > 0
}

/// The one longer name in `names` whose words end with `words` (or begin with them,
/// for a first name), when exactly one does: `Hernandez Grisanti` → `Arturo Hernandez
/// Grisanti`, `Treasury` → `U.S. Treasury`. `None` when none or several do (then the
/// short form is ambiguous and stays).
pub fn longer_name(words: &[String], names: &[Vec<String>], allow_head: bool) -> Option<String> {
    let mut found: Option<&Vec<String>> = None;
    for name in names {
        if name.len() <= words.len() {
            continue;
        }
        let tail = name[name.len() - words.len()..] == *words;
        let head = allow_head && words.len() == 1 && name[0] == words[0];
        if tail || head {
            if found.is_some_and(|f| f != name) {
                return None;
            }
            found = Some(name);
        }
    }
    found.map(|n| super::entities::join_words(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn markup_and_suffixes_come_off_org_names() {
        assert_eq!(org_words(&w("Pennzoil Co <PZL>")), w("Pennzoil"));
        assert_eq!(org_words(&w("Pennzoil Co")), w("Pennzoil"));
        assert_eq!(
            org_words(&w("Smith Barney , Harris Upham and Co")),
            w("Smith Barney , Harris Upham")
        );
        assert_eq!(org_words(&w("Corp >")), Vec::<String>::new());
        assert_eq!(org_words(&w("Roche und Co AG")), w("Roche"));
        assert_eq!(org_words(&w("Volkswagen AG <VOWG.F>")), w("Volkswagen"));
        assert_eq!(org_words(&w("Inc")), Vec::<String>::new());
        assert_eq!(org_words(&w("Bank of England")), w("Bank of England"));
        assert_eq!(org_words(&w("Labour MPs")), w("Labour"));
        assert_eq!(org_words(&w("MPs")), w("MPs"));
        // Reuters-21578 reut2-000.sgm#264 and reut2-011.sgm#861.
        assert_eq!(org_words(&w("Pratt^M and Whitney")), w("Pratt and Whitney"));
        assert_eq!(org_words(&w("Rolls-Royce^M")), w("Rolls-Royce"));
        assert_eq!(org_words(&w("REUTER^M")), Vec::<String>::new());
        assert_eq!(org_words(&w("Reuter...^M")), Vec::<String>::new());
    }

    #[test]
    fn state_abbreviations() {
        assert_eq!(state_for("Calif.", true), Some("California"));
        assert_eq!(state_for("Conn", true), None);
        assert_eq!(state_for("Conn", false), Some("Connecticut"));
        assert_eq!(state_for("N.Y.", true), Some("New York"));
        assert_eq!(state_for("Wisc.", true), Some("Wisconsin"));
        // All-caps datelines and spaced forms, after a city.
        assert_eq!(state_for("ILL.", false), None);
        assert_eq!(state_after_city("ILL."), Some("Illinois"));
        assert_eq!(state_after_city("W. Va."), Some("West Virginia"));
        assert_eq!(state_after_city("MINN"), None);
    }

    #[test]
    fn a_long_paragraph_is_never_a_table_row() {
        let prose = "word 1 2 ".repeat(100_000);
        assert!(!on_table_line(&prose, prose.len() / 2));
    }

    #[test]
    fn table_rows_are_recognised() {
        let text = "Pennzoil said net rose.\nShr 1.20 dlrs vs 1.10 dlrs\nNet 5.0 mln vs 4.1 mln";
        assert!(on_table_line(text, text.find("Shr").unwrap_or(0)));
        assert!(!on_table_line(text, 0));
        // Standings and price tables name real teams and places.
        let standings = "Standings:\nBALTIMORE 74 65 .532 -\nPohang 3 1 0 6 2 10";
        assert!(!on_table_line(
            standings,
            standings.find("BALTIMORE").unwrap_or(0)
        ));
        assert!(!on_table_line(
            standings,
            standings.find("Pohang").unwrap_or(0)
        ));
    }

    #[test]
    fn short_forms_take_the_one_longer_name() {
        let names = vec![w("Arturo Hernandez Grisanti"), w("Dilson Funaro")];
        assert_eq!(
            longer_name(&w("Hernandez Grisanti"), &names, true).as_deref(),
            Some("Arturo Hernandez Grisanti")
        );
        assert_eq!(
            longer_name(&w("Funaro"), &names, true).as_deref(),
            Some("Dilson Funaro")
        );
        assert_eq!(
            longer_name(&w("Dilson"), &names, true).as_deref(),
            Some("Dilson Funaro")
        );
        assert_eq!(longer_name(&w("Dilson"), &names, false), None);
        let two = vec![w("James Baker"), w("Howard Baker")];
        assert_eq!(longer_name(&w("Baker"), &two, true), None);
    }
}
