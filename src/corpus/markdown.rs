//! Markdown articles with optional YAML front matter (`---` … `---`).

use serde_json::Value;

use super::{FileArticles, ReadError};
use crate::corpus::{fields, txt};

/// Parses one Markdown article.
pub fn read(text: &str) -> Result<FileArticles, ReadError> {
    let Some((front, body)) = split_front_matter(text) else {
        let mut article = txt::read(text);
        article.title = article.title.trim_start_matches('#').trim().to_string();
        return Ok(FileArticles::single(article));
    };
    check_front_matter_bounds(front)?;
    // serde_yaml_ng's message already names the line and column inside the front
    // matter; the front matter starts on line 2 of the file.
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(front).map_err(|e| {
        ReadError::Malformed(format!("invalid YAML front matter (from line 2): {e}"))
    })?;
    let json: Value = serde_json::to_value(&yaml)
        .map_err(|e| ReadError::Malformed(format!("unusable YAML front matter: {e}")))?;
    let Value::Object(obj) = json else {
        return Err(ReadError::Malformed(
            "front matter is not a mapping of keys to values".into(),
        ));
    };
    let mut article = fields::from_object(&obj, false).map_err(ReadError::Malformed)?;
    let mut body = body.trim();
    if article.title.is_empty() {
        if let Some(first) = body.lines().next().filter(|l| l.starts_with('#')) {
            article.title = first.trim_start_matches('#').trim().to_string();
            body = body[first.len()..].trim();
        }
    }
    article.body = body.to_string();
    Ok(FileArticles::single(article))
}

/// Largest front matter accepted: metadata, not content.
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// Deepest `[`/`{` nesting accepted in front matter.
const MAX_FRONT_MATTER_DEPTH: usize = 32;

/// Refuses front matter the YAML parser would take super-linear time on (200,000 `[`
/// took two minutes): too large, or nested too deep. A linear pre-scan.
fn check_front_matter_bounds(front: &str) -> Result<(), ReadError> {
    if front.len() > MAX_FRONT_MATTER_BYTES {
        return Err(ReadError::Malformed(format!(
            "front matter is {} KiB; at most {} KiB of metadata is read",
            front.len() / 1024,
            MAX_FRONT_MATTER_BYTES / 1024
        )));
    }
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    for c in front.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '\n') => quote = None,
            _ => {}
        }
    }
    if deepest > MAX_FRONT_MATTER_DEPTH {
        return Err(ReadError::Malformed(format!(
            "front matter nests {deepest} levels deep (at most {MAX_FRONT_MATTER_DEPTH})"
        )));
    }
    Ok(())
}

/// Splits `---\nYAML\n---\nbody` into its parts; `None` when there is no front matter.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.strip_prefix('\n')?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_are_read() {
        let f = read("---\ntitle: \"A: b\"\ndate: 2017-07-18\nsource: Wikinews\nurl: https://x\n---\n\nPara one.\n\nPara two.\n").unwrap();
        let a = &f.articles[0];
        assert_eq!(a.title, "A: b");
        assert_eq!(a.date_text.as_deref(), Some("2017-07-18"));
        assert_eq!(a.source.as_deref(), Some("Wikinews"));
        assert_eq!(a.body, "Para one.\n\nPara two.");
    }

    #[test]
    fn heading_is_the_title_without_front_matter() {
        let f = read("# Big news\n\nText.").unwrap();
        assert_eq!(f.articles[0].title, "Big news");
        assert_eq!(f.articles[0].body, "Text.");
    }

    #[test]
    fn hostile_front_matter_is_refused_at_once() {
        let deep = format!("---\ntitle: {}\n---\nbody", "[".repeat(200_000));
        assert!(read(&deep).unwrap_err().to_string().contains("KiB"));
        let nested = format!("---\ntitle: {}\n---\nbody", "[".repeat(100));
        assert!(read(&nested)
            .unwrap_err()
            .to_string()
            .contains("levels deep"));
        let quoted = format!("---\ntitle: \"{}\"\n---\nbody", "[".repeat(100));
        assert!(read(&quoted).is_ok());
    }

    #[test]
    fn broken_yaml_is_reported_with_position() {
        let err = read("---\ntitle: [unclosed\n---\nbody")
            .unwrap_err()
            .to_string();
        assert!(err.contains("front matter"), "{err}");
    }
}
