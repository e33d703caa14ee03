//! Plain-text articles: the title is the first non-empty line, unless a leading header
//! block (`Title:`, `Date:`, `Source:`, `URL:`) says otherwise; its `Author:`,
//! `Byline:`, `Section:`, `Tags:` and `Keywords:` lines are kept as metadata.

use crate::article::RawArticle;

/// Header keys honoured at the top of a `.txt` article (case-insensitive).
const HEADER_KEYS: [&str; 11] = [
    "title",
    "date",
    "source",
    "url",
    "published",
    "author",
    "headline",
    "byline",
    "section",
    "tags",
    "keywords",
];

/// Parses one plain-text article.
pub fn read(text: &str) -> RawArticle {
    let mut article = RawArticle::default();
    let mut lines = text.lines().peekable();
    let mut saw_header = false;

    while let Some(line) = lines.peek() {
        let Some((key, value)) = header_line(line) else {
            break;
        };
        saw_header = true;
        let value = value.trim();
        if !value.is_empty() {
            match key.as_str() {
                "title" | "headline" => article.title = value.to_string(),
                "date" | "published" => article.date_text = Some(value.to_string()),
                "source" => article.source = Some(value.to_string()),
                "url" => article.url = Some(value.to_string()),
                _ => crate::article::keep_metadata(&mut article.metadata, &key, value),
            }
        }
        lines.next();
    }
    if saw_header {
        // The header block ends at the first blank line.
        while lines.peek().is_some_and(|l| l.trim().is_empty()) {
            lines.next();
        }
    }
    let rest: Vec<&str> = lines.collect();
    let mut body_start = 0;
    if article.title.is_empty() {
        if let Some(pos) = rest.iter().position(|l| !l.trim().is_empty()) {
            article.title = rest[pos].trim().to_string();
            body_start = pos + 1;
        }
    }
    article.body = rest[body_start..].join("\n").trim().to_string();
    article
}

fn header_line(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    // `URL: https://…` must not split at the scheme's colon: split_once takes the first.
    HEADER_KEYS.contains(&key.as_str()).then_some((key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title_without_header() {
        let a = read("\n\nAd sales boost Time Warner profit\n\nQuarterly profits at US media giant...\nMore.\n");
        assert_eq!(a.title, "Ad sales boost Time Warner profit");
        assert_eq!(a.body, "Quarterly profits at US media giant...\nMore.");
        assert_eq!(a.date_text, None);
    }

    #[test]
    fn header_block_is_honoured() {
        let a = read("Title: Pompeo accuses Iran\nDate: 2021-01-12\nSource: AP\nURL: https://example.org/a?b=c\n\nWASHINGTON (AP) — Secretary of State...\n");
        assert_eq!(a.title, "Pompeo accuses Iran");
        assert_eq!(a.date_text.as_deref(), Some("2021-01-12"));
        assert_eq!(a.source.as_deref(), Some("AP"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a?b=c"));
        assert_eq!(a.body, "WASHINGTON (AP) — Secretary of State...");
        assert!(a.metadata.is_empty());
    }

    #[test]
    fn byline_and_section_lines_are_kept_as_metadata() {
        let a = read(
            "Title: T
Author: Matthew Lee
Section: World

Text.
",
        );
        assert_eq!(a.title, "T");
        assert_eq!(
            a.metadata,
            vec![
                ("author".to_string(), "Matthew Lee".to_string()),
                ("section".to_string(), "World".to_string())
            ]
        );
        assert_eq!(a.body, "Text.");
    }

    #[test]
    fn a_colon_in_the_first_line_is_not_a_header() {
        let a = read("Update: markets fall\n\nShares fell.");
        assert_eq!(a.title, "Update: markets fall");
        assert_eq!(a.body, "Shares fell.");
    }
}
