//! Why a request failed, as an HTTP status: pages render it in the layout, the API as
//! `{"error": ...}`.

use axum::http::StatusCode;

use crate::query::QueryError;

/// A failed request.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A malformed query: shown with the CLI's caret and hint.
    #[error("{0}")]
    Query(QueryError),
    /// A parameter out of range or of the wrong kind.
    #[error("{0}")]
    BadRequest(String),
    /// No such article, entity page or asset.
    #[error("{0}")]
    NotFound(String),
    /// Writing is switched off, or the form's token is wrong.
    #[error("{0}")]
    Forbidden(String),
    /// The index failed (damaged, unreadable): the CLI's message, which names the fix.
    #[error("{0}")]
    Internal(String),
}

impl ServeError {
    /// The status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            ServeError::Query(_) | ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServeError::NotFound(_) => StatusCode::NOT_FOUND,
            ServeError::Forbidden(_) => StatusCode::FORBIDDEN,
            ServeError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<crate::Error> for ServeError {
    fn from(e: crate::Error) -> ServeError {
        match e {
            crate::Error::Query(q) => ServeError::Query(q),
            crate::Error::NoSuchArticle(id) => {
                ServeError::NotFound(format!("no article with id `{id}` in this index"))
            }
            other => ServeError::Internal(other.to_string()),
        }
    }
}

impl From<crate::saved::SavedError> for ServeError {
    fn from(e: crate::saved::SavedError) -> ServeError {
        use crate::saved::SavedError;
        match e {
            SavedError::Unknown { .. } | SavedError::Exists(_) | SavedError::BadName(_) => {
                ServeError::BadRequest(e.to_string())
            }
            other => ServeError::Internal(other.to_string()),
        }
    }
}
