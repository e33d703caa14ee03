//! The HTTP side of `--engine quickwit URL`: one JSON request to Quickwit's REST
//! search endpoint, one JSON answer. Plain `http://` only (a Quickwit node on the
//! same network or behind a proxy that terminates TLS); anything else is refused with
//! that reason rather than sent somewhere unexpected.

use std::time::Duration;

use serde_json::Value;

use super::EngineError;

/// Largest answer read (a page of whole articles with their bodies).
const MAX_RESPONSE_BYTES: u64 = 512 * 1024 * 1024;

/// A Quickwit index to send searches to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quickwit {
    /// `http://host:port`, without a trailing slash.
    pub base: String,
    /// The index id (`dateline export --to quickwit --name`).
    pub index: String,
}

impl Quickwit {
    /// Reads `http://host:port[/INDEX]`: the last path segment names the index,
    /// `dateline` (export's default name) when there is none.
    pub fn from_url(url: &str) -> Result<Quickwit, EngineError> {
        let bad = |reason: &str| EngineError::Url {
            url: url.to_string(),
            reason: reason.to_string(),
        };
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| bad("give a plain http:// address of a Quickwit node, e.g. http://127.0.0.1:7280 (https is not supported yet)"))?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() {
            return Err(bad("no host"));
        }
        let path = path.trim_matches('/');
        if path.contains('/') {
            return Err(bad(
                "the path may only name the index, e.g. http://127.0.0.1:7280/dateline",
            ));
        }
        let index = if path.is_empty() { "dateline" } else { path };
        if !index
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(bad("an index id is letters, digits, '-', '_' and '.'"));
        }
        Ok(Quickwit {
            base: format!("http://{host}"),
            index: index.to_string(),
        })
    }

    /// The search endpoint's address.
    pub fn search_url(&self) -> String {
        format!("{}/api/v1/{}/search", self.base, self.index)
    }

    /// Sends one search body and returns Quickwit's JSON answer; an HTTP error comes
    /// back with Quickwit's own message.
    pub fn search(&self, body: &Value) -> Result<Value, EngineError> {
        let url = self.search_url();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into();
        let unreachable = |e: ureq::Error| EngineError::Http {
            url: url.clone(),
            message: e.to_string(),
        };
        let mut response = agent.post(&url).send_json(body).map_err(unreachable)?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_string()
            .map_err(unreachable)?;
        if status != 200 {
            return Err(EngineError::Status {
                url,
                status,
                message: error_message(text),
            });
        }
        serde_json::from_str(&text).map_err(|e| EngineError::Response(format!("{url}: {e}")))
    }
}

/// The `message` of Quickwit's error answer (`{"message": "..."}`), or the answer
/// itself when it is not one.
fn error_message(answer: String) -> String {
    serde_json::from_str::<Value>(&answer)
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_string))
        .unwrap_or(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quickwit_s_own_error_message_is_passed_on() {
        // Recorded from Quickwit 0.9 (a query it cannot parse).
        let answer = include_str!("../../../tests/fixtures/quickwit/bad-query-response.json");
        assert_eq!(
            error_message(answer.to_string()),
            "failed to parse query: `title_stem:\"a`"
        );
        assert_eq!(error_message("Bad Gateway".into()), "Bad Gateway");
    }

    #[test]
    fn the_url_names_the_node_and_the_index() {
        let q = Quickwit::from_url("http://127.0.0.1:7280").expect("valid");
        assert_eq!(
            q.search_url(),
            "http://127.0.0.1:7280/api/v1/dateline/search"
        );
        let q = Quickwit::from_url("http://qw.local:7280/news/").expect("valid");
        assert_eq!(q.search_url(), "http://qw.local:7280/api/v1/news/search");
        for bad in [
            "https://qw:7280",
            "127.0.0.1:7280",
            "http://",
            "http://qw/a/b",
            "http://qw/n?x",
        ] {
            assert!(Quickwit::from_url(bad).is_err(), "{bad}");
        }
    }
}
