//! Entity types and the BIO tag set the tagger predicts.

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityType {
    /// All types, in tag order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// CoNLL label: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a CoNLL label.
    pub fn from_label(label: &str) -> Option<EntityType> {
        Some(match label {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Number of tags: O plus B- and I- for each type.
pub const NUM_TAGS: usize = 9;

/// A BIO tag as an index: 0 = O, 1 + 2k = B-type k, 2 + 2k = I-type k.
pub type Tag = usize;

/// The outside tag.
pub const O: Tag = 0;

/// The B- tag of `t`.
pub fn begin(t: EntityType) -> Tag {
    1 + 2 * t.index()
}

/// The I- tag of `t`.
pub fn inside(t: EntityType) -> Tag {
    2 + 2 * t.index()
}

/// The entity type of a tag (None for O).
pub fn type_of(tag: Tag) -> Option<EntityType> {
    (tag != O).then(|| EntityType::ALL[(tag - 1) / 2])
}

/// True for I- tags.
pub fn is_inside(tag: Tag) -> bool {
    tag != O && (tag - 1) % 2 == 1
}

/// Whether `tag` may follow `prev` (None = sentence start) in BIO: an I- tag only
/// continues an entity of its own type.
pub fn allowed(prev: Option<Tag>, tag: Tag) -> bool {
    if !is_inside(tag) {
        return true;
    }
    match prev {
        Some(p) => p != O && type_of(p) == type_of(tag),
        None => false,
    }
}

/// `PER`-style name of a tag, `B-PER`, `I-PER` or `O`.
pub fn tag_name(tag: Tag) -> String {
    match type_of(tag) {
        None => "O".into(),
        Some(t) if is_inside(tag) => format!("I-{}", t.label()),
        Some(t) => format!("B-{}", t.label()),
    }
}

/// An entity span over token indices `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// Spans of a BIO tag sequence.
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues =
            is_inside(tag) && current.is_some_and(|c| Some(c.kind) == type_of(tag) && c.end == i);
        if continues {
            if let Some(c) = current.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        if let Some(c) = current.take() {
            out.push(c);
        }
        if let Some(kind) = type_of(tag) {
            current = Some(Span {
                start: i,
                end: i + 1,
                kind,
            });
        }
    }
    out.extend(current);
    out
}

/// Converts IOB1 or IOB2 labels (`I-PER`, `B-ORG`, `O`) to BIO tags.
pub fn from_iob(labels: &[&str]) -> Vec<Tag> {
    let mut out = Vec::with_capacity(labels.len());
    let mut prev_type: Option<EntityType> = None;
    for label in labels {
        let (prefix, kind) = match label.split_once('-') {
            Some((p, k)) => (p, EntityType::from_label(k)),
            None => ("O", None),
        };
        let tag = match kind {
            None => O,
            Some(k) if prefix == "B" || prev_type != Some(k) => begin(k),
            Some(k) => inside(k),
        };
        prev_type = kind;
        out.push(tag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_give_the_same_spans() {
        let iob1 = from_iob(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]);
        let iob2 = from_iob(&["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-MISC"]);
        assert_eq!(iob1, iob2);
        let s = spans(&iob1);
        assert_eq!(s.len(), 4);
        assert_eq!((s[0].start, s[0].end, s[0].kind), (0, 2, EntityType::Per));
        assert_eq!((s[2].start, s[2].end), (4, 5));
    }

    #[test]
    fn inside_tags_only_continue_their_type() {
        assert!(!allowed(None, inside(EntityType::Per)));
        assert!(!allowed(Some(O), inside(EntityType::Per)));
        assert!(!allowed(
            Some(begin(EntityType::Org)),
            inside(EntityType::Per)
        ));
        assert!(allowed(
            Some(begin(EntityType::Per)),
            inside(EntityType::Per)
        ));
        assert!(allowed(
            Some(inside(EntityType::Per)),
            begin(EntityType::Per)
        ));
    }
}
