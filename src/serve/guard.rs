//! Checks every request passes before any handler runs, and the headers every
//! response carries.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// What a page may load and run: only the server's own assets, no inline script, no
/// framing. Escaping keeps article text from becoming markup; this keeps anything
/// that slipped through from running.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Refuses requests addressed to another host name when serving on loopback: a web
/// page cannot then reach this server by pointing its own domain at 127.0.0.1 (DNS
/// rebinding) and read the archive. Adds the security headers to every response.
pub async fn check_host(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    if let Some((address, false)) = state.address() {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !is_local_host(host, address.port()) {
            return (
                StatusCode::MISDIRECTED_REQUEST,
                format!("this server answers only to localhost:{}", address.port()),
            )
                .into_response();
        }
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// `localhost`, `127.x.x.x` or `[::1]`, with the server's port (or none).
fn is_local_host(host: &str, port: u16) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, p)) if !name.ends_with(':') && !p.contains(']') => {
            if p != port.to_string() {
                return false;
            }
            name
        }
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::is_local_host;

    #[test]
    fn loopback_names_with_the_right_port_only() {
        assert!(is_local_host("127.0.0.1:7700", 7700));
        assert!(is_local_host("localhost:7700", 7700));
        assert!(is_local_host("LOCALHOST", 7700));
        assert!(is_local_host("[::1]:7700", 7700));
        assert!(!is_local_host("127.0.0.1:7701", 7700));
        assert!(!is_local_host("evil.example:7700", 7700));
        assert!(!is_local_host("", 7700));
        assert!(!is_local_host("127.0.0.1.evil.example:7700", 7700));
    }
}
