//! HTML character references left in plain text (`caf&#233;`, `Blair&#191;s`, `&lt;`).
//!
//! Archives scraped from the web often keep them in `.txt`, Markdown and JSON bodies
//! (22 of the 2,225 BBC articles do). Left as they are, they are searched as the words
//! `233`, and the entity tagger reads `Blair&#191;s` as a person's name. Only
//! references closed by `;` are decoded, and only the numeric ones plus the five that
//! XML predefines, so `AT&T` or `R&D` in ordinary prose stay as written.

use std::borrow::Cow;

/// Decodes the character references in `text`. An inverted question mark between two
/// letters (`person&#191;s`) is a curly apostrophe lost on the way through a legacy
/// code page, never Spanish punctuation (which opens a sentence), and becomes `'`.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        match reference(tail) {
            Some((decoded, len)) => {
                let after = &tail[len..];
                if decoded == '¿' && ends_with_letter(&out) && starts_with_letter(after) {
                    out.push('\'');
                } else {
                    out.push(decoded);
                }
                rest = after;
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `s` stands for, and the reference's length
/// in bytes; `None` when `s` does not start with a decodable reference.
fn reference(s: &str) -> Option<(char, usize)> {
    // The longest accepted reference, `&#x10FFFF;`, is 10 bytes.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                number.parse().ok()?
            }
            None => return None,
        };
        char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
    } else {
        match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => return None,
        }
    };
    Some((decoded, end + 1))
}

fn ends_with_letter(s: &str) -> bool {
    s.chars().next_back().is_some_and(char::is_alphabetic)
}

fn starts_with_letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn numeric_and_xml_references_are_decoded() {
        assert_eq!(unescape("internet caf&#233;."), "internet café.");
        assert_eq!(unescape("caf&#xE9; &#xe9;"), "café é");
        assert_eq!(unescape("&lt;b&gt; &amp; &quot;x&quot;"), "<b> & \"x\"");
        assert_eq!(unescape("cost &#163;5m"), "cost £5m");
    }

    #[test]
    fn a_lost_apostrophe_becomes_one() {
        assert_eq!(unescape("Blair&#191;s plan"), "Blair's plan");
        assert_eq!(unescape("asked &#191;Qué?"), "asked ¿Qué?");
    }

    #[test]
    fn ordinary_ampersands_and_unknown_names_stay() {
        for text in [
            "AT&T and R&D",
            "a & b",
            "&copy; 2005",
            "&#; &#x; &#12a; &#99999999999;",
            "&#0; &#1;",
            "trailing &",
            "&#233",
            "&#1114112;",
        ] {
            assert_eq!(unescape(text), text, "{text}");
        }
    }

    #[test]
    fn text_without_ampersand_is_not_copied() {
        assert!(matches!(
            unescape("plain words"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
