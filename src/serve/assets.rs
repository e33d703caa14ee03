//! The page's stylesheet and its one small script, embedded in the binary: nothing
//! is fetched from the internet.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::ServeError;

const STYLE: &str = include_str!("assets/style.css");
const SCRIPT: &str = include_str!("assets/app.js");

/// `/assets/NAME`.
pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "style.css" => (STYLE, "text/css; charset=utf-8"),
        "app.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        _ => {
            return super::pages::error_page(ServeError::NotFound(format!(
                "no asset named `{name}`"
            )))
        }
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}
