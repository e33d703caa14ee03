//! How a saved query (or a batch file's query) keeps its search flags on disk.
//!
//! Its own type rather than the command line's `SearchOptions`: the file is written
//! by people and kept in version control, so its keys must not change when a flag is
//! renamed or regrouped. The mapping to and from the command line is spelled out
//! field by field below, and a test pins the file's spelling.

use serde::{Deserialize, Serialize};

use crate::cli::SearchOptions;
use crate::output::OutputFormat;
use crate::search::facets::{CountUnit, Interval};
use crate::search::SortOrder;

/// The search flags of one stored query, as the file spells them (defaults left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoredOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    pub all: bool,
    pub format: OutputFormat,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub person: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub org: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facets: Vec<String>,
    pub facet_size: usize,
    pub interval: Interval,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub share: bool,
    #[serde(skip_serializing_if = "is_articles")]
    pub count: CountUnit,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub copies: bool,
}

/// Leaves the default count out of the file.
fn is_articles(count: &CountUnit) -> bool {
    *count == CountUnit::Articles
}

impl Default for StoredOptions {
    /// The command line's defaults: a key left out of the file means what leaving the
    /// flag out means.
    fn default() -> Self {
        StoredOptions::from(SearchOptions::default())
    }
}

impl From<SearchOptions> for StoredOptions {
    fn from(o: SearchOptions) -> Self {
        StoredOptions {
            since: o.since,
            until: o.until,
            sort: o.sort,
            limit: o.limit,
            offset: o.offset,
            all: o.all,
            format: o.format,
            fields: o.fields,
            person: o.person,
            org: o.org,
            place: o.place,
            source: o.source,
            facets: o.facets,
            facet_size: o.facet_size,
            interval: o.interval,
            share: o.share,
            count: o.count,
            copies: o.copies,
        }
    }
}

impl From<StoredOptions> for SearchOptions {
    fn from(o: StoredOptions) -> Self {
        SearchOptions {
            since: o.since,
            until: o.until,
            sort: o.sort,
            limit: o.limit,
            offset: o.offset,
            all: o.all,
            format: o.format,
            fields: o.fields,
            person: o.person,
            org: o.org,
            place: o.place,
            source: o.source,
            facets: o.facets,
            facet_size: o.facet_size,
            interval: o.interval,
            share: o.share,
            count: o.count,
            copies: o.copies,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file format, pinned: changing a key here breaks every user's saved queries.
    #[test]
    fn the_file_spells_every_flag_as_it_always_has() {
        let options = StoredOptions {
            since: Some("1987-03".into()),
            until: Some("1987".into()),
            sort: SortOrder::Date,
            limit: 5,
            offset: 10,
            all: true,
            format: OutputFormat::Jsonl,
            fields: vec!["id".into(), "title".into()],
            person: vec!["pompeo".into()],
            org: vec!["opec".into()],
            place: vec!["iran".into()],
            source: vec!["Reuters".into()],
            facets: vec!["people".into(), "date".into()],
            facet_size: 20,
            interval: Interval::Month,
            share: true,
            count: CountUnit::Stories,
            copies: true,
        };
        let text = toml::to_string(&options).expect("toml");
        let expected = r#"since = "1987-03"
until = "1987"
sort = "date"
limit = 5
offset = 10
all = true
format = "jsonl"
fields = ["id", "title"]
person = ["pompeo"]
org = ["opec"]
place = ["iran"]
source = ["Reuters"]
facets = ["people", "date"]
facet_size = 20
interval = "month"
share = true
count = "stories"
copies = true
"#;
        assert_eq!(text, expected);
        let back: StoredOptions = toml::from_str(&text).expect("parse");
        assert_eq!(back, options);
        // Through the command line's type and back, nothing is lost.
        assert_eq!(StoredOptions::from(SearchOptions::from(back)), options);
    }

    #[test]
    fn defaults_stay_out_of_the_file_and_unknown_keys_are_refused() {
        let text = toml::to_string(&StoredOptions::default()).expect("toml");
        assert_eq!(
            text,
            "sort = \"relevance\"\nlimit = 10\noffset = 0\nall = false\nformat = \"terminal\"\nfacet_size = 10\ninterval = \"auto\"\n"
        );
        assert_eq!(
            toml::from_str::<StoredOptions>("").expect("empty"),
            StoredOptions::default()
        );
        assert!(toml::from_str::<StoredOptions>("colour = \"red\"").is_err());
    }
}
