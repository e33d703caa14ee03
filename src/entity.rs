//! The three kinds of entity dateline stores, and an article's lists of them.
//!
//! One enum, so that the alias table's `person`, the index fields `people` and
//! `people_exact`, and the facet `people` are spelled in one place: adding a kind, or
//! renaming a field, is a change here and in `index_schema/schema.toml`, not a hunt
//! through mapping tables. The tagger's own CoNLL types (`extract::ner::tags`, with
//! MISC) stay its own, since the tagger stands alone; `extract` maps them here.

use serde::{Deserialize, Serialize};

/// A person, an organization or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Place,
}

impl EntityKind {
    /// Every kind, in the order lists and facets show them.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Org, EntityKind::Place];

    /// The singular name: the alias table's `type`, the query field (`person:baker`)
    /// and curation's labels (`org:PC`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        }
    }

    /// The kind named by its singular name (`person`), as the alias table and
    /// curation labels write it.
    pub fn parse(name: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| name == kind.as_str())
    }

    /// The kind named by its singular (`person`) or plural (`people`) name, as a user
    /// may type it.
    pub fn parse_either(name: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| name == kind.as_str() || name == kind.field())
    }

    /// The plural name: the analysed index field, the JSON key and the facet.
    pub fn field(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            EntityKind::Org => "orgs",
            EntityKind::Place => "places",
        }
    }

    /// The index field holding each name whole (for facets and exact filters).
    pub fn exact_field(self) -> &'static str {
        match self {
            EntityKind::Person => "people_exact",
            EntityKind::Org => "orgs_exact",
            EntityKind::Place => "places_exact",
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An article's canonical names by kind. Serialized flat (`people`, `orgs`,
/// `places`), as every JSON output and export has always shown them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
}

impl Entities {
    /// The names of `kind`.
    pub fn of(&self, kind: EntityKind) -> &Vec<String> {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Org => &self.orgs,
            EntityKind::Place => &self.places,
        }
    }

    /// The names of `kind`, to change.
    pub fn of_mut(&mut self, kind: EntityKind) -> &mut Vec<String> {
        match kind {
            EntityKind::Person => &mut self.people,
            EntityKind::Org => &mut self.orgs,
            EntityKind::Place => &mut self.places,
        }
    }

    /// Each kind with its names, in [`EntityKind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (EntityKind, &Vec<String>)> {
        EntityKind::ALL
            .into_iter()
            .map(|kind| (kind, self.of(kind)))
    }

    /// True when no name of any kind is listed.
    pub fn is_empty(&self) -> bool {
        self.iter().all(|(_, names)| names.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_one_spelling_per_use() {
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::parse(kind.as_str()), Some(kind));
            assert_eq!(EntityKind::parse(kind.field()), None);
            assert_eq!(EntityKind::parse_either(kind.field()), Some(kind));
            assert_eq!(kind.exact_field(), format!("{}_exact", kind.field()));
            assert_eq!(
                serde_json::to_string(&kind).expect("json"),
                format!("\"{}\"", kind.as_str())
            );
        }
        assert_eq!(EntityKind::parse("source"), None);
    }

    #[test]
    fn entities_serialize_flat_under_their_plural_names() {
        let mut entities = Entities::default();
        entities.of_mut(EntityKind::Org).push("OPEC".to_string());
        let json = serde_json::to_value(&entities).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"people": [], "orgs": ["OPEC"], "places": []})
        );
        assert!(!entities.is_empty());
        assert_eq!(
            entities.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            EntityKind::ALL
        );
    }
}
