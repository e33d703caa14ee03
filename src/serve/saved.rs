//! Saved queries as the pages show them: each with how many new stories it would
//! report now, without moving its watermark (only `saved run` does that).

use super::{AppState, ServeError};
use crate::saved::{file_for, SavedQuery, Store};
use crate::search::{Header, Hit, HitSink};

/// One saved query and what a `saved run --new` would report now.
pub struct SavedEntry {
    pub name: String,
    pub query: SavedQuery,
    /// New stories since its last run (or since it was saved); `None` when it fails.
    pub new: Option<usize>,
    /// Why it fails (a query the current syntax rejects, a bad watermark).
    pub error: Option<String>,
}

/// Every saved query with its count of new stories.
pub fn with_new_counts(state: &AppState) -> Result<Vec<SavedEntry>, ServeError> {
    let store = Store::new(file_for(&state.index.path));
    let all = store.load()?;
    Ok(all
        .into_iter()
        .map(|(name, query)| {
            let (new, error) = match count_new(state, &query) {
                Ok(n) => (Some(n), None),
                Err(e) => (None, Some(e)),
            };
            SavedEntry {
                name,
                query,
                new,
                error,
            }
        })
        .collect())
}

fn count_new(state: &AppState, saved: &SavedQuery) -> Result<usize, String> {
    let options = crate::cli::SearchOptions::from(saved.options.clone());
    let mut request = options.request(&saved.query)?;
    request.filters.indexed_after = saved
        .watermark
        .as_deref()
        .map(crate::saved::record::parse_stamp)
        .transpose()
        .map_err(|e| format!("bad watermark: {e}"))?;
    request.all = false;
    request.limit = 0;
    request.offset = 0;
    request.facets = Default::default();
    let outcome = crate::search::run(&state.index, &request, &state.aliases, &mut Discard)
        .map_err(|e| e.to_string())?;
    Ok(outcome.listed)
}

/// A sink that keeps nothing: only the outcome's counts are wanted.
struct Discard;

impl HitSink for Discard {
    fn begin(&mut self, _: &Header) -> std::io::Result<()> {
        Ok(())
    }
    fn hit(&mut self, _: &Hit) -> std::io::Result<()> {
        Ok(())
    }
    fn end(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
