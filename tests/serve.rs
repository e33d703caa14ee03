//! `dateline serve` through the real binary and real HTTP: pages and API agree with
//! the CLI, article text never becomes markup, errors have the right status, and the
//! server writes only when told to, with a valid form token.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::{repo, Scratch};
use serde_json::Value;

/// A running `dateline serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(scratch: &Scratch, extra: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("dateline"))
            .arg("--index")
            .arg(scratch.index_path())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .env("DATELINE_CONFIG", "")
            .env_remove("DATELINE_ALIASES")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the server prints its address");
        let address = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("first line names the address: {line:?}"))
            .to_string();
        Server { child, address }
    }

    /// One request; returns (status, headers lower-cased, body).
    fn request(&self, method: &str, path: &str, extra: &[(&str, &str)], body: &[u8]) -> Response {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.address,
            body.len()
        );
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("sends");
        stream.write_all(body).expect("sends the body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("reads the answer");
        Response::parse(&raw)
    }

    fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Response {
        let body: Vec<String> = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.join("&").as_bytes(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header block");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Response {
            status,
            headers,
            body: String::from_utf8(body).expect("UTF-8 body"),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("JSON ({e}): {}", self.body))
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16)
            .expect("chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn corpus_index() -> Scratch {
    let scratch = Scratch::new();
    scratch.index(&repo().join("corpus"), &[]);
    scratch
}

#[test]
fn the_search_page_lists_the_ap_article_with_facets_and_histogram() {
    let scratch = corpus_index();
    let server = Server::start(&scratch, &[]);
    let page = server.get("/search?q=al-Qaida+AND+Iran");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));
    assert!(
        page.body
            .contains("Pompeo accuses Iran of secret ties with al-Qaida"),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"data-total="1""#));
    assert!(page.body.contains(r#"data-value="Mike Pompeo""#));
    assert!(page.body.contains(r#"<svg id="histogram""#));
    // Matched words are marked in the snippet.
    assert!(page.body.contains("<mark>Iran</mark>"), "{}", page.body);
    // A facet link adds its filter to the URL; the filtered page marks it active and
    // links back to the unfiltered one.
    let filtered = server.get("/search?q=Iran&person=Mike+Pompeo");
    assert!(filtered.body.contains(r#"data-total="1""#));
    assert!(filtered
        .body
        .contains(r#"class="facet-value active" href="/search?q=Iran""#));
    assert!(server
        .get("/search?q=Iran")
        .body
        .contains(r#"data-total="2""#));
    // The home page is the search page.
    let home = server.get("/");
    assert!(home.status == 303 || home.status == 307, "{}", home.status);
    assert_eq!(home.header("location"), Some("/search"));
    // Every response carries the content security policy.
    assert!(page
        .header("content-security-policy")
        .is_some_and(|p| p.contains("script-src 'self'")));
}

/// The API answers what `dateline search --format json` prints for the same options:
/// compared field by field, over queries of every kind.
#[test]
fn the_api_gives_the_cli_json_for_the_same_options() {
    let scratch = corpus_index();
    let server = Server::start(&scratch, &[]);
    let cases: &[(&str, &[&str])] = &[
        ("q=iran&facets=all", &["iran", "--facets", "all"]),
        (
            "q=SAID(speaker:iran+stance:deny+al-qaida)&facets=speakers,stances",
            &[
                "SAID(speaker:iran stance:deny al-qaida)",
                "--facets",
                "speakers,stances",
            ],
        ),
        (
            "q=NEAR/20(iran+deny)&sort=date&limit=3",
            &["NEAR/20(iran deny)", "--sort", "date", "-n", "3"],
        ),
        (
            "q=*&person=Donald+Trump&since=2017&facets=places&count=stories",
            &[
                "*",
                "--person",
                "Donald Trump",
                "--since",
                "2017",
                "--facets",
                "places",
                "--count",
                "stories",
            ],
        ),
        (
            "q=the&offset=5&limit=4&fields=id,date",
            &["the", "--offset", "5", "-n", "4", "--fields", "id,date"],
        ),
    ];
    for (query, args) in cases {
        let api = server.get(&format!("/api/search?{query}"));
        assert_eq!(api.status, 200, "{query}: {}", api.body);
        let mut api = api.json();
        let mut cli_args = vec!["search", "--format", "json"];
        cli_args.extend_from_slice(args);
        let out = scratch.cmd(&cli_args).output().expect("runs");
        let mut cli: Value = serde_json::from_slice(&out.stdout).expect("CLI JSON");
        for v in [&mut api, &mut cli] {
            v.as_object_mut().expect("an object").remove("took_ms");
        }
        assert_eq!(api, cli, "{query}");
        assert!(
            api["total"].as_u64().is_some_and(|t| t > 0),
            "{query}: no hits"
        );
    }
}

#[test]
fn article_and_entity_pages_mark_and_link_names() {
    let scratch = corpus_index();
    let server = Server::start(&scratch, &[]);
    let id = "ap/2021-01-12-pompeo-iran-al-qaida.txt";
    let page = server.get(&format!("/article?id={}", encode(id)));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(
        r#"<mark class="entity place" data-canonical="Iran" title="Iran (place)"><a href="/entity?type=place&amp;name=Iran">Iran</a></mark>"#
    ), "{}", page.body);
    assert!(page
        .body
        .contains(r#"<mark class="entity person" data-canonical="Mike Pompeo""#));
    // Who said what in it.
    assert!(page.body.contains(r#"<section id="quotes">"#));
    let entity = server.get("/entity?type=person&name=Mike+Pompeo");
    assert_eq!(entity.status, 200, "{}", entity.body);
    assert!(entity.body.contains("Pompeo accuses Iran"));
    // Who appears with him, linked to their pages, but not himself.
    assert!(entity
        .body
        .contains(r#"href="/entity?type=place&amp;name=Iran""#));
    let people = entity
        .body
        .split(r#"data-facet="people""#)
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("a people section");
    assert!(people.contains("Donald Trump"), "{people}");
    assert!(!people.contains("name=Mike+Pompeo"), "{people}");
    let api = server.get(&format!("/api/show?id={}", encode(id))).json();
    assert_eq!(api["id"], id);
    assert!(api["body"]
        .as_str()
        .is_some_and(|b| b.contains("National Press Club")));
    let entities = server.get("/api/entities?type=person&limit=3").json();
    assert_eq!(entities["articles"], 25);
    assert_eq!(
        entities["entities"]["people"].as_array().map(Vec::len),
        Some(3)
    );
}

#[test]
fn errors_have_their_status_and_say_what_to_do() {
    let scratch = corpus_index();
    let server = Server::start(&scratch, &[]);
    // A malformed query: 400 with the CLI's caret and hint, on the page and in the API.
    let page = server.get("/search?q=NEAR%2Fx%28iran%29");
    assert_eq!(page.status, 400);
    assert!(page.body.contains(r#"<div id="query-error""#));
    assert!(page.body.contains("  NEAR/x(iran)\n  ^"), "{}", page.body);
    assert!(page.body.contains("hint: write NEAR/20"));
    let api = server.get("/api/search?q=NEAR%2Fx%28iran%29");
    assert_eq!(api.status, 400);
    let api = api.json();
    assert_eq!(api["column"], 0);
    assert!(api["hint"].as_str().is_some_and(|h| h.contains("NEAR/20")));
    // Unknown articles, entities and pages: 404.
    assert_eq!(server.get("/article?id=no%2Fsuch.txt").status, 404);
    assert_eq!(server.get("/api/show?id=no%2Fsuch.txt").status, 404);
    assert_eq!(
        server.get("/entity?type=person&name=Nobody+Atall").status,
        404
    );
    assert_eq!(server.get("/no/such/page").status, 404);
    assert_eq!(server.get("/assets/secret.txt").status, 404);
    // Bad parameters: 400 naming what is accepted.
    let bad = server.get("/api/search?q=iran&colour=red");
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"]
        .as_str()
        .is_some_and(|e| e.contains("unknown parameter `colour`")));
    assert_eq!(server.get("/api/search?q=iran&limit=1000").status, 400);
    assert_eq!(server.get("/search?q=iran&page=100000").status, 400);
    let long = "a".repeat(5000);
    assert_eq!(server.get(&format!("/api/search?q={long}")).status, 400);
    assert_eq!(server.get("/entity?type=planet&name=Mars").status, 400);
    // A request for another host name (DNS rebinding) is refused.
    let mut stream = TcpStream::connect(&server.address).expect("connects");
    stream
        .write_all(
            b"GET /api/search?q=iran HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        )
        .expect("sends");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reads");
    assert_eq!(Response::parse(&raw).status, 421);
    // A body beyond the limit is refused before any handler.
    let big = vec![b'a'; 100 * 1024];
    let r = server.request(
        "POST",
        "/saved/add",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        &big,
    );
    assert_eq!(r.status, 413);
}

/// The tags the pages are made of.
const PAGE_TAGS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "link", "body", "header", "nav", "main", "form",
    "input", "button", "a", "div", "aside", "section", "article", "h1", "h2", "h3", "ul", "ol",
    "li", "span", "p", "strong", "code", "pre", "mark", "svg", "rect", "text", "script", "table",
    "tr", "th", "td",
];

/// The text of every tag in `html` (between `<` and `>`).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

/// The attributes of a tag's text as maud writes them (`name="value"`, values with
/// `"` escaped), names as written.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag
        .trim_start_matches('/')
        .split_once(char::is_whitespace)
        .map_or("", |(_, r)| r);
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..end].to_string();
        rest = &rest[end..];
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').expect("a closing quote");
            out.push((name, quoted[..close].to_string()));
            rest = &quoted[close + 1..];
        } else {
            out.push((name, String::new()));
        }
    }
}

#[test]
fn hostile_article_fields_render_as_text() {
    let scratch = Scratch::new();
    scratch.index(&repo().join("tests/fixtures/serve/xss"), &[]);
    let server = Server::start(&scratch, &[]);
    let pages = [
        server.get("/search?q=hostile"),
        server.get("/search"),
        server.get("/article?id=hostile.json"),
        server.get("/entity?type=source&name=%3Cb+onmouseover%3D%22window.__xss%3D%27source%27%22%3EEvil+Wire%3C%2Fb%3E"),
    ];
    for page in &pages {
        assert_eq!(page.status, 200, "{}", page.body);
        let html = &page.body;
        assert!(
            html.contains("window.__xss"),
            "the fixture is on the page: {html}"
        );
        // Escaped text holds no `<`: every `<` starts one of the page's own tags, none
        // with an event attribute or a script URL. The only script is the page's own.
        for tag in tags(html) {
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            assert!(PAGE_TAGS.contains(&name), "tag <{tag}> in {html}");
            for (attribute, value) in attributes(tag) {
                let attribute = attribute.to_lowercase();
                assert!(
                    !attribute.starts_with("on"),
                    "an event attribute in <{tag}>"
                );
                if ["href", "src", "action", "formaction"].contains(&attribute.as_str()) {
                    let value = value.trim().to_lowercase();
                    assert!(!value.starts_with("javascript:"), "a script URL in <{tag}>");
                }
            }
        }
        assert_eq!(html.matches("<script").count(), 1, "{html}");
        assert!(html.contains("&lt;script&gt;window.__xss="), "{html}");
    }
    // The article's javascript: URL is shown, not linked.
    assert!(
        pages[2]
            .body
            .contains(r#"<span id="article-url">javascript:window.__xss='url'</span>"#),
        "{}",
        pages[2].body
    );
}

#[test]
fn the_server_writes_saved_queries_only_when_allowed_and_with_the_token() {
    let scratch = corpus_index();
    {
        let server = Server::start(&scratch, &[]);
        let refused = server.post_form("/saved/add", &[("name", "iran"), ("q", "iran")]);
        assert_eq!(refused.status, 403);
        assert!(refused.body.contains("--allow-saved-edits"));
        let page = server.get("/saved");
        assert!(page.body.contains("Read-only"));
        assert!(!page.body.contains("name=\"token\""));
    }
    let before = entries(scratch.dir.path());
    let server = Server::start(&scratch, &["--allow-saved-edits"]);
    let page = server.get("/saved");
    let token = page
        .body
        .split(r#"name="token" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the add form carries a token")
        .to_string();
    assert_eq!(token.len(), 32);
    // Without the token, or with another one: refused.
    let forged = server.post_form("/saved/add", &[("name", "iran"), ("q", "iran")]);
    assert_eq!(forged.status, 403);
    let forged = server.post_form(
        "/saved/add",
        &[("name", "iran"), ("q", "iran"), ("token", &"0".repeat(32))],
    );
    assert_eq!(forged.status, 403);
    // With it: saved in the index's saved-queries file (what `saved list` reads), shown
    // with its count of new stories.
    let added = server.post_form(
        "/saved/add",
        &[
            ("name", "pompeo-iran"),
            ("q", "iran"),
            ("person", "Mike Pompeo"),
            ("token", &token),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.body);
    let list = server.get("/api/saved").json();
    assert_eq!(list["pompeo-iran"]["query"], "iran");
    assert_eq!(list["pompeo-iran"]["person"][0], "Mike Pompeo");
    assert_eq!(list["pompeo-iran"]["new"], 0, "saved now: nothing new yet");
    let cli = scratch
        .cmd(&["saved", "list", "--format", "json"])
        .output()
        .expect("runs");
    let cli: Value = serde_json::from_slice(&cli.stdout).expect("JSON");
    assert_eq!(cli["pompeo-iran"]["query"], "iran");
    // A bad query is refused with the parser's message; a duplicate name too.
    let bad = server.post_form(
        "/saved/add",
        &[("name", "bad"), ("q", "NEAR/x("), ("token", &token)],
    );
    assert_eq!(bad.status, 400, "{}", bad.body);
    let again = server.post_form(
        "/saved/add",
        &[("name", "pompeo-iran"), ("q", "x"), ("token", &token)],
    );
    assert_eq!(again.status, 400);
    // What the server wrote: the index's saved-queries file and its lock, nothing else.
    let mut written: Vec<String> = entries(scratch.dir.path())
        .into_iter()
        .filter(|e| !before.contains(e))
        .collect();
    written.sort();
    assert_eq!(written, ["index.queries.toml", "index.queries.toml.lock"]);
    let removed = server.post_form(
        "/saved/remove",
        &[("name", "pompeo-iran"), ("token", &token)],
    );
    assert_eq!(removed.status, 303);
    assert!(server
        .get("/api/saved")
        .json()
        .as_object()
        .is_some_and(|m| m.is_empty()));
}

/// Every file and directory under `dir`, as paths relative to it.
fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            let relative = path.strip_prefix(dir).expect("under dir");
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

#[test]
fn serving_beyond_loopback_needs_an_explicit_flag() {
    let scratch = corpus_index();
    let out = scratch
        .cmd(&["serve", "--bind", "0.0.0.0:0"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-remote"), "{stderr}");
    // No index: a start-up error naming the fix, not a server full of errors.
    let empty = Scratch::new();
    let out = empty
        .cmd(&["serve", "--bind", "127.0.0.1:0"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
