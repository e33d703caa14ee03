//! The archive side of the pipeline: which files are articles, and what is in them.
//!
//! `walk` lists the files of an archive directory; `parse_file` turns one file's bytes
//! into [`RawArticle`]s using the reader for its format. Readers know nothing of the
//! index, and nothing here ever fails a whole run: a bad file is a [`ReadError`], a bad
//! record inside a good file is a line in [`FileArticles::record_errors`].

pub mod char_refs;
pub mod decode;
pub mod fields;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sgml;
pub mod txt;
pub mod walk;

use std::path::Path;

use crate::article::RawArticle;

/// Default of `--max-file-size`, in MiB: larger files are skipped with a note.
pub const MAX_FILE_MIB: u64 = 32;

/// Reads a regular file of at most `max_bytes`. A FIFO, a device (a symlink to
/// `/dev/zero`) or a file that grows past the limit while being read is refused, so
/// reading is bounded in time and memory whatever the path points to.
pub fn read_bounded(path: &std::path::Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let too_large = |size: u64| ReadError::TooLarge {
        size_mib: size as f64 / (1024.0 * 1024.0),
        limit_mib: max_bytes / (1024 * 1024),
    };
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    if metadata.len() > max_bytes {
        return Err(too_large(metadata.len()));
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A short summary of many record errors: the count and the first three (each cut
/// to 200 characters), so one broken file never prints a 70 KB line.
pub fn first_errors(errors: &[String]) -> String {
    let shown: Vec<String> = errors
        .iter()
        .take(3)
        .map(|e| {
            if e.chars().count() > 200 {
                e.chars().take(200).collect::<String>() + "…"
            } else {
                e.clone()
            }
        })
        .collect();
    match errors.len() {
        n if n <= 3 => shown.join("; "),
        n => format!("{n} bad records; first: {}", shown.join("; ")),
    }
}

/// Why a file was skipped. Displayed after the file's path in the run summary.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("binary file (NUL bytes), not text")]
    Binary,
    #[error("empty file")]
    Empty,
    #[error(
        "file is {size_mib:.1} MiB, over the {limit_mib} MiB limit (raise it with --max-file-size)"
    )]
    TooLarge { size_mib: f64, limit_mib: u64 },
    #[error("malformed: {0}")]
    Malformed(String),
    #[error("not a regular file (a pipe, device or socket): not read")]
    NotRegular,
    #[error("no article text found")]
    NoText,
    #[error("holds no articles")]
    NoArticles,
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

/// The formats dateline reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
    ReutersSgml,
}

impl Format {
    /// The format of a file by its extension; `None` for files that are not articles.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "html" | "htm" | "xhtml" => Format::Html,
            "sgm" | "sgml" => Format::ReutersSgml,
            _ => return None,
        })
    }

    /// Short name used in summaries.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
            Format::ReutersSgml => "sgml",
        }
    }

    /// Whether the reader leaves HTML character references (`caf&#233;`) in titles and
    /// bodies: the HTML and SGML readers decode them as part of their markup.
    fn keeps_character_references(self) -> bool {
        !matches!(self, Format::Html | Format::ReutersSgml)
    }
}

/// What one file yielded: its articles, plus problems with individual records that did
/// not stop the rest of the file from being read.
#[derive(Debug, Default)]
pub struct FileArticles {
    pub articles: Vec<RawArticle>,
    /// Human-readable, each naming the record's position (line, record number).
    pub record_errors: Vec<String>,
    /// Set when the file was not UTF-8 and was decoded with this legacy encoding.
    pub fallback_encoding: Option<&'static str>,
}

impl FileArticles {
    /// A file holding exactly one article (record 0).
    pub fn single(article: RawArticle) -> FileArticles {
        FileArticles {
            articles: vec![article],
            ..FileArticles::default()
        }
    }
}

/// Bumped whenever a reader yields something different for the same bytes, so that
/// the next `index` re-reads every file instead of keeping what the old reader made.
pub const READERS_VERSION: u32 = 3;

fn unescape_in_place(text: &mut String) {
    if let std::borrow::Cow::Owned(decoded) = char_refs::unescape(text) {
        *text = decoded;
    }
}

/// Decodes and parses a file's bytes with the reader for `format`.
pub fn parse_file(format: Format, bytes: Vec<u8>) -> Result<FileArticles, ReadError> {
    let decoded = decode::decode(bytes)?;
    let text = decoded.text.as_str();
    let mut parsed = match format {
        Format::Text => FileArticles::single(txt::read(text)),
        Format::Markdown => markdown::read(text)?,
        Format::Json => json::read_json(text)?,
        Format::JsonLines => json::read_jsonl(text)?,
        Format::Html => html::read(text)?,
        Format::ReutersSgml => sgml::read(text)?,
    };
    if parsed.articles.is_empty() && parsed.record_errors.is_empty() {
        return Err(ReadError::NoArticles);
    }
    if format.keeps_character_references() {
        for article in &mut parsed.articles {
            unescape_in_place(&mut article.title);
            unescape_in_place(&mut article.body);
        }
    }
    parsed.fallback_encoding = decoded.fallback_encoding;
    Ok(parsed)
}
