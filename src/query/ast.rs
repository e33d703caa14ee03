//! The typed query tree: what the parser produces, the passes rewrite, the planner
//! turns into a tantivy query and `--explain` prints back as query syntax.
//!
//! Every node keeps the span of the text it came from, so a later pass can point at
//! the user's words in an error or a warning.

use std::fmt;

use chrono::{NaiveDateTime, NaiveTime};

use crate::entity::EntityKind;

/// A char range of the query text (`start..end`, 0-based columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The index field (or pair of fields) a clause searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Title and body: bare words and phrases (a title match weighs double).
    Default,
    Title,
    Body,
    People,
    Orgs,
    Places,
    Source,
    Id,
    Path,
    DateSource,
    Date,
    /// The entity names of the article's speakers (`speaker:iran`).
    Speaker,
    /// The stance classes and cue lemmas of its attributions (`stance:deny`).
    Stance,
    /// A metadata field `schema.toml` declares (`author`), by its name there: searched
    /// by that name, matched as its kind and tokenizer say.
    Meta(&'static str),
}

/// How a field's values are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// English-stemmed words with positions (title, body).
    Stemmed,
    /// Lower-cased words with positions (entity names, source).
    Words,
    /// Whole values, exact and case-sensitive (id, path, date_source).
    Exact,
    /// Publication dates.
    Date,
}

impl Field {
    /// The field a user-facing name means (`person`, `org:`, `text:`...), if any.
    pub fn from_name(name: &str) -> Option<Field> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => Field::Title,
            "body" | "text" => Field::Body,
            "person" | "people" => Field::People,
            "org" | "orgs" | "organization" | "organizations" => Field::Orgs,
            "place" | "places" | "location" => Field::Places,
            "source" => Field::Source,
            "id" => Field::Id,
            "path" => Field::Path,
            "date_source" => Field::DateSource,
            "date" => Field::Date,
            "speaker" | "speakers" => Field::Speaker,
            "stance" | "stances" => Field::Stance,
            _ => {
                let spec = crate::index::schema::SchemaSpec::shared()?;
                let (_, field) = spec.metadata_field(name)?;
                Field::Meta(&field.name)
            }
        })
    }

    /// Every name users may write ([`Field::NAMES`] and the metadata fields), for hints.
    pub fn all_names() -> Vec<&'static str> {
        let metadata = crate::index::schema::SchemaSpec::metadata_names();
        Field::NAMES.iter().copied().chain(metadata).collect()
    }

    /// The names users may write, for hints.
    pub const NAMES: &'static [&'static str] = &[
        "title",
        "body",
        "text",
        "person",
        "people",
        "org",
        "orgs",
        "organization",
        "place",
        "places",
        "location",
        "source",
        "id",
        "path",
        "date_source",
        "date",
        "speaker",
        "stance",
    ];

    /// How values of this field are matched.
    pub fn kind(self) -> FieldKind {
        match self {
            Field::Default | Field::Title | Field::Body => FieldKind::Stemmed,
            Field::People | Field::Orgs | Field::Places | Field::Source | Field::Speaker => {
                FieldKind::Words
            }
            Field::Id | Field::Path | Field::DateSource | Field::Stance => FieldKind::Exact,
            Field::Date => FieldKind::Date,
            Field::Meta(name) => {
                let spec = crate::index::schema::SchemaSpec::shared()
                    .and_then(|spec| spec.metadata_field(name));
                match spec.map(|(_, f)| (f.kind.as_str(), f.tokenizer.as_deref())) {
                    Some(("text", Some("en_stem"))) => FieldKind::Stemmed,
                    Some(("text", _)) => FieldKind::Words,
                    _ => FieldKind::Exact,
                }
            }
        }
    }

    /// The entity kind an entity field holds.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            Field::People => Some(EntityKind::Person),
            Field::Orgs => Some(EntityKind::Org),
            Field::Places => Some(EntityKind::Place),
            _ => None,
        }
    }

    /// The name `--explain` prints.
    pub fn name(self) -> &'static str {
        match self {
            Field::Default => "",
            Field::Title => "title",
            Field::Body => "body",
            Field::People | Field::Orgs | Field::Places => {
                self.entity_kind().map_or("", EntityKind::as_str)
            }
            Field::Source => "source",
            Field::Id => "id",
            Field::Path => "path",
            Field::DateSource => "date_source",
            Field::Date => "date",
            Field::Speaker => "speaker",
            Field::Stance => "stance",
            Field::Meta(name) => name,
        }
    }
}

/// NEAR/N or SENTENCE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// All items within this many word positions, any order.
    Near(u32),
    /// All items in one sentence (the title's sentences count).
    Sentence,
}

/// One item of a scope: any of its alternatives (`(doping OR drugs)`) will do.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeItem {
    /// Each alternative is a `Text`, `Prefix` or `Fuzzy` node.
    pub alternatives: Vec<Node>,
    pub span: Span,
}

/// A query node and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

/// What a node asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// Every article (`*`).
    All,
    /// A word or a quoted phrase in `field`, analysed like the field's text: one word is
    /// a term, several are a phrase (`slop` words apart at most, in tantivy's sense).
    Text {
        field: Field,
        text: String,
        quoted: bool,
        slop: u32,
        /// The value as written, when the alias table replaced it by a canonical name.
        written: Option<String>,
    },
    /// Any word of `field` starting with `prefix` (lower-cased; as typed on exact fields).
    Prefix {
        field: Field,
        prefix: String,
    },
    /// Any word of `field` within `distance` edits of `word` (or of its stem).
    Fuzzy {
        field: Field,
        word: String,
        distance: u8,
    },
    /// The article has any value in `field` (`person:*`).
    Exists {
        field: Field,
    },
    /// Published on a day in `[from, until)`; `None` is open.
    Date {
        from: Option<NaiveDateTime>,
        until: Option<NaiveDateTime>,
    },
    /// Indexed after this moment (saved queries' `--new`), in microseconds.
    IndexedAfter(i64),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Scope {
        kind: ScopeKind,
        items: Vec<ScopeItem>,
    },
    /// `SAID(...)`: one attribution of the article holds every item: `speaker:` items
    /// name its source, `stance:` items its cue's class or lemma, the others are words
    /// of its content or of the sentence the content points back to.
    Said {
        items: Vec<ScopeItem>,
    },
}

impl Node {
    /// A node without a position in the query text (from a flag such as `--person`).
    pub fn synthetic(kind: NodeKind) -> Node {
        Node {
            kind,
            span: Span::default(),
        }
    }

    /// Every node of the tree, parents before children (scope items included).
    pub fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a Node)) {
        visit(self);
        match &self.kind {
            NodeKind::And(children) | NodeKind::Or(children) => {
                for child in children {
                    child.walk(visit);
                }
            }
            NodeKind::Not(child) => child.walk(visit),
            NodeKind::Scope { items, .. } | NodeKind::Said { items } => {
                for item in items {
                    for alternative in &item.alternatives {
                        alternative.walk(visit);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Prints the node as dateline query syntax (what `--explain` shows).
impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = |f: &mut fmt::Formatter<'_>, field: &Field| {
            if *field != Field::Default {
                write!(f, "{}:", field.name())?;
            }
            Ok(())
        };
        match &self.kind {
            NodeKind::All => write!(f, "*"),
            NodeKind::Text {
                field: fl,
                text,
                quoted,
                slop,
                ..
            } => {
                field(f, fl)?;
                if *quoted || text.contains(char::is_whitespace) || text.is_empty() {
                    write!(f, "\"{}\"", text.replace('"', ""))?;
                } else {
                    write!(f, "{text}")?;
                }
                if *slop > 0 {
                    write!(f, "~{slop}")?;
                }
                Ok(())
            }
            NodeKind::Prefix { field: fl, prefix } => {
                field(f, fl)?;
                write!(f, "{prefix}*")
            }
            NodeKind::Fuzzy {
                field: fl,
                word,
                distance,
            } => {
                field(f, fl)?;
                write!(f, "{word}~{distance}")
            }
            NodeKind::Exists { field: fl } => {
                field(f, fl)?;
                write!(f, "*")
            }
            NodeKind::Date { from, until } => {
                let show = |d: &NaiveDateTime| {
                    if d.time() == NaiveTime::MIN {
                        d.date().to_string()
                    } else {
                        d.format("%Y-%m-%dT%H:%M:%S").to_string()
                    }
                };
                let lower = from.as_ref().map_or("*".to_string(), show);
                let upper = until.as_ref().map_or("*".to_string(), show);
                write!(f, "date:[{lower} TO {upper}}}")
            }
            NodeKind::IndexedAfter(micros) => write!(f, "indexed_after:{micros}"),
            NodeKind::And(children) => write_group(f, children, " AND "),
            NodeKind::Or(children) => write_group(f, children, " OR "),
            NodeKind::Not(child) => write!(f, "NOT {child}"),
            NodeKind::Scope { kind, items } => {
                match kind {
                    ScopeKind::Near(n) => write!(f, "NEAR/{n}(")?,
                    ScopeKind::Sentence => write!(f, "SENTENCE(")?,
                }
                write_items(f, items)
            }
            NodeKind::Said { items } => {
                write!(f, "SAID(")?;
                write_items(f, items)
            }
        }
    }
}

/// A scope's items and its closing parenthesis.
fn write_items(f: &mut fmt::Formatter<'_>, items: &[ScopeItem]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            write!(f, " ")?;
        }
        if item.alternatives.len() == 1 {
            write!(f, "{}", item.alternatives[0])?;
        } else {
            write_group(f, &item.alternatives, " OR ")?;
        }
    }
    write!(f, ")")
}

fn write_group(f: &mut fmt::Formatter<'_>, children: &[Node], op: &str) -> fmt::Result {
    write!(f, "(")?;
    for (i, child) in children.iter().enumerate() {
        if i > 0 {
            write!(f, "{op}")?;
        }
        write!(f, "{child}")?;
    }
    write!(f, ")")
}
