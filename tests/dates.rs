//! Dates through the binary (issue 17): times of day kept and used by sorting and
//! `--since`, and the dates a user supplies (`--dates` sidecar, `--date-from-path`,
//! `--default-date`, `--years` for datelines without a year).

mod common;

use std::path::Path;

use common::{repo, Scratch};
use serde_json::Value;

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// `(id, date, time, time_zone, date_source)` of every hit, oldest first.
fn dated(s: &Scratch, flags: &[&str]) -> Vec<(String, Value, Value, Value, Value)> {
    let mut args = vec!["--all", "--sort", "oldest"];
    args.extend_from_slice(flags);
    s.search_json("*", &args)["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["id"].as_str().expect("id").to_string(),
                h["date"].clone(),
                h["time"].clone(),
                h["time_zone"].clone(),
                h["date_source"].clone(),
            )
        })
        .collect()
}

#[test]
fn wire_times_order_a_day_and_since_takes_a_time() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("tests/fixtures/formats/wire"), "wire");
    write(
        &archive,
        "web.json",
        r#"{"title": "Late edition", "date": "2015-08-21T23:30:00-05:00", "body": "Filed late in New York."}"#,
    );
    s.index(&archive, &[]);
    let hits = dated(&s, &[]);
    let order: Vec<(&str, &str, &str)> = hits
        .iter()
        .map(|(id, d, t, _, _)| {
            (
                id.as_str(),
                d.as_str().unwrap_or("-"),
                t.as_str().unwrap_or("-"),
            )
        })
        .collect();
    // Reuters stamps have no zone. The JSON date has one, kept beside: day and time
    // stay the article's own (in UTC it would be the next day). A day without a time
    // sorts at its start.
    assert_eq!(
        order
            .iter()
            .map(|(_, d, t)| format!("{d} {t}"))
            .collect::<Vec<_>>(),
        [
            "2015-08-21 -",
            "2015-08-21 15:01:01",
            "2015-08-21 23:30:00",
            "2015-08-22 09:20:42"
        ],
        "{hits:?}"
    );
    let zones: Vec<&str> = hits.iter().filter_map(|h| h.3.as_str()).collect();
    assert_eq!(zones, ["unstated", "-05:00", "unstated"]);
    // --since with a time of day cuts inside a day.
    let later = dated(&s, &["--since", "2015-08-22T05:00"]);
    assert_eq!(later.len(), 1, "{later:?}");
    assert_eq!(later[0].2, "09:20:42");
    // --until takes in the whole minute it names.
    let upto = dated(&s, &["--until", "2015-08-21 23:30"]);
    assert_eq!(upto.len(), 3, "{upto:?}");
    // People read the time too.
    let out = s.cmd(&["show", &hits[1].0]).output().expect("show");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2015-08-21 15:01:01, time zone not stated (from metadata)"),
        "{text}"
    );
    let out = s.cmd(&["show", "web.json"]).output().expect("show");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2015-08-21 23:30:00 -05:00 (from metadata)"),
        "{text}"
    );
    let out = s
        .cmd(&["search", "*", "--sort", "oldest", "-n", "2"])
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2. 2015-08-21 15:01  "), "{text}");
}

#[test]
fn dates_the_user_supplies_fill_in_what_the_files_do_not_say() {
    let s = Scratch::new();
    let archive = s.dir.path().join("clippings");
    write(
        &archive,
        "sport/brentford.txt",
        "Brentford v Southampton\n\nGriffin Park\n\nTuesday, 1 March\n\n1945 GMT\n\nBrentford host Southampton in the FA Cup fifth round replay.\n",
    );
    write(
        &archive,
        "sport/wednesday.txt",
        "Cup draw\n\nWednesday, 1 March\n\nThe draw was made at Soho Square.\n",
    );
    write(
        &archive,
        "desk/05.03.2005/budget.txt",
        "Budget row\n\nThe chancellor defended his budget.\n",
    );
    write(
        &archive,
        "desk/letters.txt",
        "Letters\n\nReaders wrote in about the budget.\n",
    );
    write(
        &archive,
        "feed.jsonl",
        "{\"title\": \"One\", \"date\": \"2005-01-02\", \"body\": \"First record.\"}\n{\"title\": \"Two\", \"date\": \"2005-01-02\", \"body\": \"Second record.\"}\n",
    );
    let sidecar = s.dir.path().join("dates.csv");
    std::fs::write(
        &sidecar,
        "path,date\ndesk/letters.txt,2005-03-07 08:15\nfeed.jsonl#2,2005-01-03\nmissing.txt,2005-01-01\nfeed.jsonl#1,someday\n",
    )
    .expect("write sidecar");

    // Without help: only the JSON records' own dates.
    let summary = s.index(&archive, &[]);
    assert_eq!(summary["dates"]["undated"], 4, "{summary}");

    let out = s
        .cmd(&[
            "index",
            "--json",
            "--dates",
            sidecar.to_str().expect("utf-8"),
            "--date-from-path",
            "{dd}.{mm}.{yyyy}",
            "--years",
            "2004-2005",
            "--default-date",
            "2005-12-31",
        ])
        .arg(&archive)
        .output()
        .expect("index");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("dates.csv:5") && stderr.contains("`someday` is not a date"),
        "{stderr}"
    );
    let got: Vec<(String, String)> = dated(&s, &[])
        .into_iter()
        .map(|(id, d, t, _, src)| {
            let when = match t.as_str() {
                Some(t) => format!("{} {t}", d.as_str().unwrap_or("-")),
                None => d.as_str().unwrap_or("-").to_string(),
            };
            (id, format!("{when} {}", src.as_str().unwrap_or("-")))
        })
        .collect();
    let expected = [
        ("feed.jsonl#1", "2005-01-02 metadata"),
        ("feed.jsonl#2", "2005-01-03 sidecar"),
        // 1 March 2005 was a Tuesday (2004's a Monday): the one year that fits.
        ("sport/brentford.txt", "2005-03-01 text"),
        ("desk/05.03.2005/budget.txt", "2005-03-05 path"),
        ("desk/letters.txt", "2005-03-07 08:15:00 sidecar"),
        // No year in 2004-2005 has a Wednesday 1 March: the default, never a guess.
        ("sport/wednesday.txt", "2005-12-31 default"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn bad_date_flags_are_refused_with_the_rule() {
    let s = Scratch::new();
    for (flag, value, says) in [
        ("--date-from-path", "{yyyy}/{mm}", "needs a year"),
        ("--default-date", "2005-13-01", "not a day"),
        ("--years", "2005-2004", "range of years"),
    ] {
        let out = s
            .cmd(&["index", flag, value, "corpus"])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{flag} {value}: {stderr}");
    }
}
