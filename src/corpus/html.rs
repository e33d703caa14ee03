//! HTML news pages: title, publication date from `<meta>` or JSON-LD, and the main text
//! without navigation, sidebars or footers.
//!
//! Main-text extraction is a small readability-style heuristic: prefer an explicit
//! container (`<article>`, `[itemprop=articleBody]`, `<main>`), else the element whose
//! paragraphs hold the most text; then keep its block-level text (paragraphs, headings,
//! list items, quotes), skipping anything inside boilerplate elements.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::{FileArticles, ReadError};
use crate::article::RawArticle;

fn selector(css: &'static str) -> Selector {
    // The selectors below are constants of this file; a failure is a programming error
    // caught by the unit tests, never a property of the input.
    Selector::parse(css).unwrap_or_else(|e| panic!("bad built-in selector {css}: {e}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static CONTAINERS: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        r#"[itemprop="articleBody"]"#,
        "article",
        "main",
        r#"[role="main"]"#,
    ]
    .into_iter()
    .map(selector)
    .collect()
});
static BLOCKS: LazyLock<Selector> =
    LazyLock::new(|| selector("p, h2, h3, h4, h5, li, blockquote, pre"));
static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));

/// Elements whose text is never article text.
const BOILERPLATE: [&str; 10] = [
    "nav", "aside", "footer", "header", "script", "style", "form", "noscript", "button", "figure",
];

const DATE_META: [&str; 8] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dcterms.created",
];

/// Parses one HTML page into one article.
pub fn read(text: &str) -> Result<FileArticles, ReadError> {
    check_nesting(text)?;
    let doc = Html::parse_document(text);
    let ld = json_ld_article(&doc);
    let meta = |names: &[&str]| -> Option<String> {
        doc.select(&META).find_map(|m| {
            let el = m.value();
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))?
                .to_ascii_lowercase();
            names
                .contains(&key.as_str())
                .then(|| el.attr("content").map(|c| c.trim().to_string()))
                .flatten()
                .filter(|c| !c.is_empty())
        })
    };
    let ld_text = |key: &str| ld.as_ref().and_then(|v| text_of(v.get(key)?));

    let body = main_text(&doc);
    if body.trim().is_empty() {
        return Err(ReadError::NoText);
    }
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld_text("headline"))
        .or_else(|| doc.select(&H1).next().map(element_text))
        .or_else(|| doc.select(&TITLE).next().map(element_text))
        .unwrap_or_default();
    let date_text = meta(&DATE_META)
        .or_else(|| ld_text("datePublished"))
        .or_else(|| ld_text("dateCreated"))
        .or_else(|| {
            doc.select(&TIME)
                .next()
                .and_then(|t| t.value().attr("datetime").map(str::to_string))
        });
    let source = meta(&["og:site_name", "application-name"]).or_else(|| ld_text("publisher"));
    let url = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href").map(str::to_string))
        .or_else(|| meta(&["og:url"]))
        .or_else(|| ld_text("url"));

    Ok(FileArticles::single(RawArticle {
        title: collapse_ws(&title),
        body,
        date_text,
        source,
        url,
        metadata: metadata(&doc, ld.as_ref()),
        ..RawArticle::default()
    }))
}

/// Every `<meta>` (by its property, name or itemprop) and every top-level JSON-LD key
/// (`author`'s name, `keywords`, ...), for the metadata fields `schema.toml` may declare.
fn metadata(doc: &Html, ld: Option<&Value>) -> crate::article::Metadata {
    let mut out = Vec::new();
    let mut keep = |key: &str, value: &str| crate::article::keep_metadata(&mut out, key, value);
    for m in doc.select(&META) {
        let el = m.value();
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            keep(key, content);
        }
    }
    if let Some(Value::Object(ld)) = ld {
        for (key, value) in ld.iter().filter(|(key, _)| !key.starts_with('@')) {
            match value {
                Value::Array(items) => items.iter().filter_map(text_of).for_each(|v| keep(key, &v)),
                other => text_of(other).into_iter().for_each(|v| keep(key, &v)),
            }
        }
    }
    out
}

/// The first JSON-LD object whose `@type` is an article type, searching arrays and
/// `@graph`. Invalid JSON-LD is ignored: it is common on real pages.
/// Deepest nesting of container elements accepted. News pages nest a few dozen
/// levels; browsers stop nesting at 512. The HTML parser's scope checks walk the stack
/// of open elements, so a million nested `<div>`s take quadratic time: refused at once.
const MAX_DEPTH: usize = 512;

/// A linear pre-scan of container tags (`div`, `section`, `span`...: the ones pages
/// close) for their nesting depth.
fn check_nesting(text: &str) -> Result<(), ReadError> {
    const CONTAINERS: [&[u8]; 10] = [
        b"div",
        b"section",
        b"article",
        b"span",
        b"table",
        b"ul",
        b"ol",
        b"blockquote",
        b"main",
        b"aside",
    ];
    let bytes = text.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = bytes[name_start..name_start + name_len].to_ascii_lowercase();
        if CONTAINERS.contains(&name.as_slice()) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = name_start + name_len;
    }
    if deepest > MAX_DEPTH {
        return Err(ReadError::Malformed(format!(
            "HTML nests {deepest} elements deep (at most {MAX_DEPTH} are read)"
        )));
    }
    Ok(())
}

fn json_ld_article(doc: &Html) -> Option<Value> {
    fn find(v: &Value) -> Option<&Value> {
        match v {
            Value::Array(items) => items.iter().find_map(find),
            Value::Object(o) => {
                let is_article = match o.get("@type") {
                    Some(Value::String(t)) => t.contains("Article") || t == "BlogPosting",
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .filter_map(Value::as_str)
                        .any(|t| t.contains("Article")),
                    _ => false,
                };
                if is_article {
                    Some(v)
                } else {
                    o.get("@graph").and_then(find)
                }
            }
            _ => None,
        }
    }
    doc.select(&JSON_LD).find_map(|s| {
        let raw: String = s.text().collect();
        let value: Value = serde_json::from_str(raw.trim()).ok()?;
        find(&value).cloned()
    })
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").and_then(text_of),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

fn main_text(doc: &Html) -> String {
    let container = CONTAINERS
        .iter()
        .find_map(|sel| {
            doc.select(sel)
                .filter(|el| !inside_boilerplate(*el))
                .max_by_key(|el| paragraph_chars(*el))
                .filter(|el| paragraph_chars(*el) > 0)
        })
        .or_else(|| densest_paragraph_parent(doc))
        .or_else(|| doc.select(&BODY).next());
    let Some(container) = container else {
        return String::new();
    };
    let mut blocks: Vec<String> = Vec::new();
    for block in container.select(&BLOCKS) {
        if inside_boilerplate(block) || has_block_ancestor_within(block, container) {
            continue;
        }
        let text = collapse_ws(&element_text(block));
        if !text.is_empty() {
            blocks.push(text);
        }
    }
    if blocks.is_empty() {
        // No block markup at all: take the container's text minus boilerplate.
        return collapse_ws(&visible_text(container));
    }
    blocks.join("\n\n")
}

/// The element holding the most paragraph text, for pages without semantic markup.
fn densest_paragraph_parent(doc: &Html) -> Option<ElementRef<'_>> {
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for p in doc.select(&PARAGRAPH) {
        if inside_boilerplate(p) {
            continue;
        }
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let score = paragraph_chars(parent);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, parent));
        }
    }
    best.map(|(_, el)| el)
}

fn paragraph_chars(el: ElementRef<'_>) -> usize {
    el.select(&PARAGRAPH)
        .filter(|p| !inside_boilerplate(*p))
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

fn inside_boilerplate(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(|n| n.value().as_element())
        .any(|e| BOILERPLATE.contains(&e.name()))
        || BOILERPLATE.contains(&el.value().name())
}

/// True when a block element sits inside another block element (an `<li>` holding a
/// `<p>`), so its text is not emitted twice.
fn has_block_ancestor_within(el: ElementRef<'_>, container: ElementRef<'_>) -> bool {
    for ancestor in el.ancestors() {
        if ancestor.id() == container.id() {
            return false;
        }
        if let Some(e) = ancestor.value().as_element() {
            if matches!(e.name(), "p" | "li" | "blockquote" | "pre") {
                return true;
            }
        }
    }
    false
}

fn visible_text(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        if let Some(text) = node.value().as_text() {
            let hidden = node
                .ancestors()
                .filter_map(|n| n.value().as_element())
                .any(|e| BOILERPLATE.contains(&e.name()));
            if !hidden {
                out.push_str(text);
                out.push(' ');
            }
        }
    }
    out
}

fn element_text(el: ElementRef<'_>) -> String {
    el.text().collect()
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Story - Site</title>
<meta property="og:title" content="Iran &amp; the bomb">
<meta property="article:published_time" content="2021-01-12T15:00:00Z">
<meta property="og:site_name" content="AP News">
<meta name="author" content=" Jon Gambrell ">
<link rel="canonical" href="https://example.org/story"></head>
<body><nav><a href="/">Home</a><ul><li>World</li><li>Sports</li></ul></nav>
<header><p>Subscribe now</p></header>
<article><h1>Iran &amp; the bomb</h1><p>First   paragraph &#8217;quoted&#8217;.</p>
<ul><li>A point</li></ul><p>Second paragraph.</p>
<aside><p>Related stories</p></aside></article>
<footer><p>Copyright</p></footer></body></html>"#;

    #[test]
    fn metadata_and_main_text_without_boilerplate() {
        let f = read(PAGE).unwrap();
        let a = &f.articles[0];
        assert_eq!(a.title, "Iran & the bomb");
        assert_eq!(a.date_text.as_deref(), Some("2021-01-12T15:00:00Z"));
        assert_eq!(a.source.as_deref(), Some("AP News"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/story"));
        assert_eq!(
            a.body,
            "First paragraph \u{2019}quoted\u{2019}.\n\nA point\n\nSecond paragraph."
        );
        assert!(
            a.metadata
                .contains(&("author".to_string(), "Jon Gambrell".to_string())),
            "{:?}",
            a.metadata
        );
    }

    #[test]
    fn json_ld_date_and_headline() {
        let page = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"LD title","datePublished":"2015-05-18","publisher":{"@type":"Organization","name":"Wikinews"},"author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Li"}]}]}
</script></head><body><div><p>Only text here.</p></div></body></html>"#;
        let a = &read(page).unwrap().articles[0];
        assert_eq!(a.title, "LD title");
        assert_eq!(a.date_text.as_deref(), Some("2015-05-18"));
        assert_eq!(a.source.as_deref(), Some("Wikinews"));
        assert_eq!(a.body, "Only text here.");
        let authors: Vec<&str> = a
            .metadata
            .iter()
            .filter(|(k, _)| k == "author")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(authors, vec!["Ann Lee", "Bo Li"]);
    }

    #[test]
    fn absurd_nesting_is_refused_without_parsing() {
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let err = read(&deep).unwrap_err().to_string();
        assert!(err.contains("100000 elements deep"), "{err}");
        let fine = format!(
            "<html><body>{}<p>Text of the article.</p>{}</body></html>",
            "<div>".repeat(40),
            "</div>".repeat(40)
        );
        assert!(read(&fine).is_ok());
    }

    #[test]
    fn a_page_without_text_is_refused() {
        assert!(matches!(
            read("<html><body><nav>Home</nav></body></html>"),
            Err(ReadError::NoText)
        ));
    }
}
