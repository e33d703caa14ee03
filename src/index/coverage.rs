//! How the index is dated: counts and range, for the run summary and `dateline stats`.

use tantivy::{DateTime, Term};

use crate::error::{Error, Result};

/// How many articles of the index have a date, and from where, and the range: a
/// timeline over an archive that is mostly undated says little, and the user should
/// know before drawing one.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DateCoverage {
    pub dated: u64,
    /// Dated from their text (a dateline), the least trusted source.
    pub from_text: u64,
    pub undated: u64,
    /// `YYYY-MM-DD` of the oldest and newest dated article.
    pub first: Option<String>,
    pub last: Option<String>,
}

impl DateCoverage {
    /// `, 1987-02-26 to 1987-10-20` when anything is dated, else nothing: the tail of
    /// the summary's and `stats`' dates line.
    pub fn range_suffix(&self) -> String {
        match (&self.first, &self.last) {
            (Some(first), Some(last)) => format!(", {first} to {last}"),
            _ => String::new(),
        }
    }
}

/// Counts dated, text-dated and undated articles and finds the date range (for the
/// run summary and `dateline stats`).
pub fn date_coverage(
    searcher: &tantivy::Searcher,
    fields: &super::schema::Fields,
) -> Result<DateCoverage> {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{ExistsQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::Order;
    let dated_query = ExistsQuery::new("date".to_string(), false);
    let dated = searcher
        .search(&dated_query, &Count)
        .map_err(Error::tantivy("counting dated articles"))? as u64;
    let from_text = searcher
        .search(
            &TermQuery::new(
                Term::from_field_text(fields.date_source, "text"),
                IndexRecordOption::Basic,
            ),
            &Count,
        )
        .map_err(Error::tantivy("counting articles dated from text"))? as u64;
    let end = |order: Order| -> Result<Option<String>> {
        let top = searcher
            .search(
                &dated_query,
                &TopDocs::with_limit(1).order_by_fast_field::<DateTime>("date", order),
            )
            .map_err(Error::tantivy("finding the date range"))?;
        Ok(top
            .first()
            .and_then(|(date, _)| date.and_then(super::document::datetime_to_day))
            .map(|d| d.format("%Y-%m-%d").to_string()))
    };
    Ok(DateCoverage {
        dated,
        from_text,
        undated: searcher.num_docs().saturating_sub(dated),
        first: end(Order::Asc)?,
        last: end(Order::Desc)?,
    })
}
