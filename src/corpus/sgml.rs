//! Reuters-21578 SGML (`.sgm`): many `<REUTERS>` records per file, each with DATE,
//! TITLE, DATELINE, BODY and the human PEOPLE/ORGS/PLACES tags.
//!
//! The files are not well-formed XML (unescaped `&`, control characters as `&#3;`), so
//! this reader scans tags itself rather than using an XML parser.

use super::{FileArticles, ReadError};
use crate::article::RawArticle;
use crate::entity::Entities;

const OPEN: &str = "<REUTERS";
const CLOSE: &str = "</REUTERS>";

/// The tags of the Reuters DTD this reader does not use itself, kept as metadata
/// (`topics`, `author`, ...) for the fields `schema.toml` may declare.
const OTHER_TAGS: [&str; 4] = ["AUTHOR", "TOPICS", "EXCHANGES", "COMPANIES"];

/// Parses a Reuters SGML file. A record without its closing tag is read up to the
/// next `<REUTERS` (or the end of the file) and noted, so one lost tag never costs the
/// file's other records, or the record itself.
pub fn read(text: &str) -> Result<FileArticles, ReadError> {
    let mut out = FileArticles::default();
    let mut rest = text;
    let mut record = 0;
    // Line numbers are counted incrementally: one pass over the file, not one per record.
    let mut line = 1;
    while let Some(start) = rest.find(OPEN) {
        record += 1;
        line += rest[..start].matches('\n').count();
        let after = &rest[start..];
        let next_open = after[OPEN.len()..].find(OPEN).map(|p| p + OPEN.len());
        let end = after.find(CLOSE);
        let (chunk, advance) = match (end, next_open) {
            (Some(e), Some(n)) if e < n => (&after[..e], e + CLOSE.len()),
            (Some(e), None) => (&after[..e], e + CLOSE.len()),
            (_, Some(n)) => {
                out.record_errors.push(format!(
                    "record {record} (line {line}): no closing </REUTERS>; read up to the next record"
                ));
                (&after[..n], n)
            }
            (None, None) => {
                out.record_errors.push(format!(
                    "record {record} (line {line}): no closing </REUTERS>; read up to the end of the file"
                ));
                (after, after.len())
            }
        };
        out.articles.push(parse_record(chunk, record));
        line += after[..advance].matches('\n').count();
        rest = &after[advance..];
    }
    if out.articles.is_empty() {
        return Err(ReadError::Malformed(
            "no <REUTERS> records found".to_string(),
        ));
    }
    Ok(out)
}

fn parse_record(chunk: &str, record: usize) -> RawArticle {
    let text_part = element(chunk, "TEXT").unwrap_or("");
    let title = element(text_part, "TITLE").map(clean).unwrap_or_default();
    let dateline = element(text_part, "DATELINE").map(clean);
    let body = match element(text_part, "BODY") {
        Some(body) => clean_body(body),
        // TYPE="UNPROC" records have unmarked text; TYPE="BRIEF" only a title.
        None if element(text_part, "TITLE").is_none() => clean_body(text_part),
        None => String::new(),
    };
    let body = strip_signoff(&body);
    let body = match dateline {
        Some(d) if !d.is_empty() && !body.is_empty() => format!("{d} {body}"),
        _ => body,
    };
    RawArticle {
        record,
        title,
        body,
        date_text: element(chunk, "DATE").map(|d| clean(d).to_string()),
        source: Some("Reuters".to_string()),
        entities: Entities {
            people: values(chunk, "PEOPLE"),
            orgs: values(chunk, "ORGS"),
            places: values(chunk, "PLACES"),
        },
        url: None,
        metadata: other_tags(chunk, text_part),
    }
}

/// The values of [`OTHER_TAGS`]: each `<D>` of a list, else the element's text.
fn other_tags(chunk: &str, text_part: &str) -> crate::article::Metadata {
    let mut out = Vec::new();
    for tag in OTHER_TAGS {
        let Some(content) = element(chunk, tag).or_else(|| element(text_part, tag)) else {
            continue;
        };
        let key = tag.to_ascii_lowercase();
        let found = if content.contains("<D>") {
            values(chunk, tag)
        } else {
            vec![clean(content)]
        };
        for value in found {
            crate::article::keep_metadata(&mut out, &key, &value);
        }
    }
    out
}

/// Drops the wire sign-off ("Reuter", "REUTER", also typed "Reuter..." or "Reuter4")
/// that ends most bodies: it is not article text, and would be read as a name (the
/// tagger made "Reuter..." a person in 18 articles).
fn strip_signoff(body: &str) -> String {
    let trimmed = body.trim_end();
    let word = trimmed.trim_end_matches(|c: char| c == '.' || c.is_ascii_digit());
    for signoff in ["Reuter", "REUTER", "Reuters", "REUTERS"] {
        if let Some(rest) = word.strip_suffix(signoff) {
            // Typed with dots or a digit, it must follow a finished sentence (the
            // body's lines are joined by now): `he told Reuters.` ends a sentence.
            let after_sentence = word.len() == trimmed.len()
                || rest
                    .trim_end()
                    .chars()
                    .last()
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '\'' | ')'));
            if (rest.is_empty() || rest.ends_with(char::is_whitespace)) && after_sentence {
                return rest.trim_end().to_string();
            }
        }
    }
    trimmed.to_string()
}

/// The content of the first `<NAME …>…</NAME>` element.
fn element<'a>(haystack: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut search = 0;
    while let Some(pos) = haystack[search..].find(&open) {
        let start = search + pos;
        let after_name = &haystack[start + open.len()..];
        // `<TEXT` must not match `<TEXTS`: the name ends at `>` or whitespace.
        if after_name.starts_with('>') || after_name.starts_with(char::is_whitespace) {
            let content_start = start + open.len() + after_name.find('>')? + 1;
            let end = haystack[content_start..].find(&close)?;
            return Some(&haystack[content_start..content_start + end]);
        }
        search = start + open.len();
    }
    None
}

/// The `<D>…</D>` values of a list element, entity-decoded, in order.
fn values(chunk: &str, name: &str) -> Vec<String> {
    let Some(list) = element(chunk, name) else {
        return Vec::new();
    };
    list.split("<D>")
        .filter_map(|part| part.split("</D>").next())
        .map(clean)
        .filter(|v| !v.is_empty())
        .collect()
}

/// Decodes entities, drops control characters, collapses whitespace.
fn clean(raw: &str) -> String {
    decode(raw).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Like [`clean`] but keeps paragraph structure: Reuters marks paragraphs with an
/// indented line.
fn clean_body(raw: &str) -> String {
    let decoded = decode(raw);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in decoded.lines() {
        if line.starts_with("    ") && !current.is_empty() {
            paragraphs.push(current.join(" "));
            current.clear();
        }
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            current.push(trimmed);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

fn decode(raw: &str) -> String {
    htmlize::unescape(raw)
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sign_off_goes_also_when_typed_with_dots_or_a_digit() {
        for body in [
            "Prices rose.\n Reuter\n",
            "Prices rose.\n Reuter...\n",
            "Prices rose.\n Reuter...\r\n",
            "Prices rose.\n Reuter4",
            "Prices rose.\n Reuters.",
            "Prices rose. REUTER...",
        ] {
            assert_eq!(strip_signoff(body), "Prices rose.", "{body:?}");
        }
        // A sentence that ends on the agency's name keeps it.
        assert_eq!(
            strip_signoff("The bank told Reuters."),
            "The bank told Reuters."
        );
    }

    const TWO: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D></PLACES>
<PEOPLE><D>volcker</D></PEOPLE>
<ORGS></ORGS>
<TEXT>&#2;
<TITLE>BAHIA COCOA &lt;REVIEW></TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued
throughout the week.
    The dry period &amp; more.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="2">
<DATE>  3-MAR-1987 00:43:42.82</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>BRIEF ONLY</TITLE>
&#3;
</TEXT>
</REUTERS>
"#;

    #[test]
    fn records_tags_and_entities() {
        let f = read(TWO).unwrap();
        assert_eq!(f.articles.len(), 2);
        let a = &f.articles[0];
        assert_eq!(a.record, 1);
        assert_eq!(a.title, "BAHIA COCOA <REVIEW>");
        assert_eq!(a.date_text.as_deref(), Some("26-FEB-1987 15:01:01.79"));
        assert_eq!(a.entities.places, vec!["el-salvador", "usa"]);
        assert_eq!(a.entities.people, vec!["volcker"]);
        assert_eq!(
            a.metadata,
            vec![("topics".to_string(), "cocoa".to_string())]
        );
        assert!(a.entities.orgs.is_empty());
        assert_eq!(
            a.body,
            "SALVADOR, Feb 26 - Showers continued throughout the week.\n\nThe dry period & more."
        );
        assert_eq!(f.articles[1].title, "BRIEF ONLY");
        assert_eq!(f.articles[1].body, "");
    }

    #[test]
    fn an_unclosed_record_is_reported_and_others_kept() {
        let broken = TWO.replacen("</REUTERS>", "", 1);
        let f = read(&broken).unwrap();
        assert_eq!(
            f.articles.len(),
            2,
            "the unclosed record is read up to the next"
        );
        assert_eq!(f.articles[1].title, "BRIEF ONLY");
        let none_closed = TWO.replace("</REUTERS>", "");
        let f = read(&none_closed).unwrap();
        assert_eq!(f.articles.len(), 2);
        assert_eq!(f.record_errors.len(), 2);
        assert!(
            f.record_errors[0].contains("line 2"),
            "{:?}",
            f.record_errors
        );
    }

    #[test]
    fn no_records_is_malformed() {
        assert!(matches!(
            read("<html>nope</html>"),
            Err(ReadError::Malformed(_))
        ));
    }
}
