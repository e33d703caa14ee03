//! `/api/*`: the pages' data as JSON, in the shapes of the CLI's `--format json`, so a
//! script can move between `dateline search -f json` and the server unchanged.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::params::{self, SearchParams};
use super::{run_blocking, AppState, ServeError};
use crate::entity::EntityKind;
use crate::search::facets::{FacetKind, FacetRequest};

/// An API answer: JSON with its status; errors as `{"error", "status", ...}`.
pub struct Json(StatusCode, Vec<u8>);

impl IntoResponse for Json {
    fn into_response(self) -> Response {
        (
            self.0,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            self.1,
        )
            .into_response()
    }
}

fn ok(value: &impl serde::Serialize) -> Json {
    match serde_json::to_vec_pretty(value) {
        Ok(bytes) => Json(StatusCode::OK, bytes),
        Err(e) => failed(ServeError::Internal(e.to_string())),
    }
}

/// The error as JSON: a malformed query also carries its column, hint and the
/// CLI's caret message (`message`).
fn failed(e: ServeError) -> Json {
    let status = e.status();
    let mut body = serde_json::json!({ "error": e.to_string(), "status": status.as_u16() });
    if let ServeError::Query(q) = &e {
        body["error"] = serde_json::json!(q.message);
        body["message"] = serde_json::json!(e.to_string());
        body["query"] = serde_json::json!(q.query);
        body["column"] = serde_json::json!(q.column);
        body["hint"] = serde_json::json!(q.hint);
    }
    Json(
        status,
        serde_json::to_vec_pretty(&body).unwrap_or_else(|_| b"{}".to_vec()),
    )
}

fn answer(result: Result<Json, ServeError>) -> Json {
    result.unwrap_or_else(failed)
}

/// `/api/search?q=...`: `dateline search --format json` with the same options as
/// parameters (`limit`, `offset`, `facets`, `person`, `since`, ...).
pub async fn search(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Json {
    answer(
        async {
            let params = SearchParams::parse(raw.as_deref())?;
            let options = params.options(10, &[])?;
            let request = options
                .request(params.query_text())
                .map_err(ServeError::BadRequest)?;
            let bytes = run_blocking(move || {
                let mut out = Vec::new();
                let mut sink = crate::output::json::JsonSink::new(&mut out, None, &options.fields);
                crate::search::run(&state.index, &request, &state.aliases, &mut sink)?;
                drop(sink);
                Ok(out)
            })
            .await?;
            Ok(Json(StatusCode::OK, bytes))
        }
        .await,
    )
}

/// `/api/show?id=ID`: `dateline show ID --format json` (the article with its body).
pub async fn show(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Json {
    answer(
        async {
            let pairs = params::pairs(raw.as_deref());
            let id = params::single(&pairs, "id")
                .ok_or_else(|| ServeError::BadRequest("parameter `id` is missing".into()))?
                .to_string();
            let article =
                run_blocking(move || Ok(crate::search::find_by_id(&state.index, &id)?)).await?;
            let mut value =
                serde_json::to_value(&article).map_err(|e| ServeError::Internal(e.to_string()))?;
            value["body"] = serde_json::json!(article.body);
            Ok(ok(&value))
        }
        .await,
    )
}

/// `/api/entities?type=person&q=...&limit=N`: `dateline entities --format json`.
pub async fn entities(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Json {
    answer(
        async {
            let pairs = params::pairs(raw.as_deref());
            let kinds = match params::single(&pairs, "type") {
                None | Some("") => FacetKind::ENTITIES.to_vec(),
                Some(name) => vec![kind_of(name).ok_or_else(|| {
                    ServeError::BadRequest(format!(
                        "parameter `type`: `{name}` is not one of: person, org, place, source"
                    ))
                })?],
            };
            let limit = match params::single(&pairs, "limit") {
                None => 20,
                Some(n) => n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n <= params::MAX_LIMIT)
                    .ok_or_else(|| {
                        ServeError::BadRequest(format!(
                            "parameter `limit`: `{n}` is not a number up to {}",
                            params::MAX_LIMIT
                        ))
                    })?,
            };
            let query = params::single(&pairs, "q")
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(str::to_string);
            let request = FacetRequest {
                kinds,
                size: limit,
                exact: true,
                ..Default::default()
            };
            let (total, facets) = run_blocking(move || {
                Ok(crate::search::facets_only(
                    &state.index,
                    query.as_deref(),
                    &request,
                    &state.aliases,
                )?)
            })
            .await?;
            Ok(ok(
                &serde_json::json!({ "articles": total, "entities": facets }),
            ))
        }
        .await,
    )
}

/// An entity type as the URL names it.
pub fn kind_of(name: &str) -> Option<FacetKind> {
    match EntityKind::parse_either(name) {
        Some(kind) => Some(FacetKind::from(kind)),
        None => (name == "source").then_some(FacetKind::Source),
    }
}

/// `/api/saved`: `dateline saved list --format json`, each query with `new`: the
/// stories it would report now with `saved run --new` (null when it fails, with
/// `error`).
pub async fn saved(State(state): State<Arc<AppState>>) -> Json {
    answer(
        async {
            let list = run_blocking(move || super::saved::with_new_counts(&state)).await?;
            let mut out = serde_json::Map::new();
            for entry in list {
                let mut value = serde_json::to_value(&entry.query)
                    .map_err(|e| ServeError::Internal(e.to_string()))?;
                value["new"] = serde_json::json!(entry.new);
                if let Some(e) = entry.error {
                    value["error"] = serde_json::json!(e);
                }
                out.insert(entry.name, value);
            }
            Ok(ok(&out))
        }
        .await,
    )
}
