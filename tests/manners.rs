//! ripgrep manners (issue 17): shell completions that the shells accept, manual pages
//! that `man` renders, and a quiet exit when the reader of the output goes away.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::{repo, Scratch};

/// True when `program` can be run (the CI installs zsh and fish; a bare checkout may
/// lack them, and the test says so).
fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn completions_parse_in_each_shell() {
    let s = Scratch::new();
    for (shell, checker, args) in [
        ("bash", "bash", &["-n"][..]),
        ("zsh", "zsh", &["-n"][..]),
        ("fish", "fish", &["--no-execute"][..]),
    ] {
        let out = s.cmd(&["completions", shell]).output().expect("run");
        assert_eq!(out.status.code(), Some(0));
        let script = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            script.contains("saved") && script.contains("facets"),
            "{shell}"
        );
        if !have(checker) {
            println!("skipped: {checker} is not installed, its completion script is not parsed");
            continue;
        }
        let file = s.dir.path().join(format!("dateline.{shell}"));
        std::fs::write(&file, &script).expect("write");
        let parsed = Command::new(checker)
            .args(args)
            .arg(&file)
            .output()
            .expect("run the shell");
        assert!(
            parsed.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&parsed.stderr)
        );
    }
}

#[test]
fn man_pages_render() {
    let s = Scratch::new();
    for args in [&["man"][..], &["man", "search"][..]] {
        let out = s.cmd(args).output().expect("run");
        assert_eq!(out.status.code(), Some(0));
        let roff = String::from_utf8(out.stdout).expect("utf-8");
        assert!(roff.starts_with(".ie") || roff.contains(".TH"), "{roff}");
        if !have("man") {
            println!("skipped: man is not installed, the page is not rendered");
            continue;
        }
        let file = s.dir.path().join("dateline.1");
        std::fs::write(&file, &roff).expect("write");
        let rendered = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .expect("run man");
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(
            rendered.status.success(),
            "{}",
            String::from_utf8_lossy(&rendered.stderr)
        );
        if args.len() == 2 {
            assert!(
                text.contains("dateline-search") && text.contains("--facets"),
                "{text}"
            );
        } else {
            assert!(
                text.contains("SUBCOMMANDS") || text.contains("search"),
                "{text}"
            );
        }
    }
    s.cmd(&["man", "nosuch"]).assert().code(2);
}

/// Reads one line of `args`' output, closes the pipe, and returns the exit code and
/// stderr: a closed pipe is no error, in any format or command.
fn first_line_then_close(s: &Scratch, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .arg("--index")
        .arg(s.index_path())
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 1];
    let _ = stdout.read(&mut first);
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_every_format_quietly() {
    let s = Scratch::new();
    // Enough output that the pipe buffer fills and the writer sees it closed.
    let archive = s.dir.path().join("many");
    std::fs::create_dir_all(&archive).expect("mkdir");
    let article =
        std::fs::read_to_string(repo().join("corpus/ap/2021-01-12-pompeo-iran-al-qaida.txt"))
            .expect("read");
    for i in 0..400 {
        std::fs::write(archive.join(format!("{i:03}.txt")), &article).expect("write");
    }
    s.index(&archive, &["--no-extract"]);
    for format in ["terminal", "json", "jsonl", "csv"] {
        let (code, stderr) = first_line_then_close(&s, &["search", "iran", "--all", "-f", format]);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert!(
            !stderr.contains("Broken pipe") && !stderr.contains("error"),
            "{format}: {stderr}"
        );
    }
    for args in [
        &["export", "--format", "jsonl"][..],
        &["entities", "-n", "1000"][..],
    ] {
        let (code, stderr) = first_line_then_close(&s, args);
        assert!(matches!(code, Some(0) | Some(1)), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}

#[test]
fn the_summary_names_what_it_passed_over_and_how_the_index_is_dated() {
    let s = Scratch::new();
    let archive = s.dir.path().join("unsupported");
    std::fs::create_dir_all(&archive).expect("mkdir");
    for name in ["feed.rss", "old.rss", "mail.eml", "scan.pdf"] {
        std::fs::write(archive.join(name), "x").expect("write");
    }
    let out = s.cmd(&["index"]).arg(&archive).output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("4 not article formats (.rss 2, .eml, .pdf)"),
        "{stderr}"
    );
    assert!(stderr.contains("no articles found in"), "{stderr}");
    assert!(!stderr.contains("up to date"), "{stderr}");

    let s = Scratch::new();
    let summary = s.index(&repo().join("corpus"), &[]);
    let dates = &summary["dates"];
    assert_eq!(dates["dated"], 25, "{summary}");
    assert_eq!(dates["undated"], 0);
    assert_eq!(dates["from_text"], 0);
    assert_eq!(dates["first"], "2006-01-12");
    assert_eq!(dates["last"], "2023-02-23");
}

#[test]
fn stats_and_export_query_describe_and_take_out_a_result_set() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s.cmd(&["stats", "-f", "json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stats["articles"], 25, "{stats}");
    assert_eq!(stats["formats"][".jsonl"], 6, "{stats}");
    assert_eq!(stats["dates"]["dated"], 25);
    assert_eq!(stats["sources"], 2);
    assert!(stats["people"].as_u64().is_some_and(|n| n > 100));
    let text = s.cmd(&["stats"]).output().expect("run");
    assert!(String::from_utf8_lossy(&text.stdout).contains("articles  25"));

    // export --query: the search's hits, whole, in id order.
    let out = s
        .cmd(&["search", "scientology", "--all", "-f", "json"])
        .output()
        .expect("run");
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut ids: Vec<String> = hits["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    let out = s
        .cmd(&["export", "--query", "scientology"])
        .output()
        .expect("run");
    let exported: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let exported_ids: Vec<String> = exported
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(exported_ids, ids);
    assert!(exported
        .iter()
        .all(|a| a["body"].as_str().is_some_and(|b| b.len() > 200)));
    s.cmd(&["export", "--query", "(unclosed"]).assert().code(2);
}

#[test]
fn dateline_toml_beside_the_index_gives_default_flags_the_command_line_overrides() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let home = s.dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let run = |args: &[&str]| {
        let mut cmd = s.cmd(args);
        cmd.env_remove("DATELINE_CONFIG");
        cmd.env("HOME", &home).env_remove("XDG_CONFIG_HOME");
        cmd.output().expect("run")
    };
    let hits = |out: &std::process::Output| -> usize {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["hits"].as_array().expect("hits").len()
    };
    let before = run(&["search", "the", "-f", "json"]);
    assert_eq!(hits(&before), 10);
    std::fs::write(
        s.dir.path().join("dateline.toml"),
        "# defaults for this archive\n[search]\nlimit = 2\nfacets = [\"people\"]\n",
    )
    .expect("write config");
    let with_config = run(&["search", "the", "-f", "json"]);
    assert_eq!(hits(&with_config), 2);
    let v: serde_json::Value = serde_json::from_slice(&with_config.stdout).expect("json");
    assert!(v["facets"]["people"].is_array(), "{v}");
    // The command line wins over the file.
    assert_eq!(hits(&run(&["search", "the", "-f", "json", "-n", "3"])), 3);
    // The user's own file is read too, before the one beside the index.
    std::fs::create_dir_all(home.join(".config/dateline")).expect("mkdir");
    std::fs::write(
        home.join(".config/dateline/dateline.toml"),
        "[search]\nlimit = 1\nformat = \"json\"\n",
    )
    .expect("write user config");
    assert_eq!(hits(&run(&["search", "the"])), 2);
    // A flag the command does not have: refused, naming the file.
    std::fs::write(s.dir.path().join("dateline.toml"), "[search]\nlimmit = 2\n")
        .expect("write config");
    let out = run(&["search", "the"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--limmit") && stderr.contains("dateline.toml"),
        "{stderr}"
    );
    // A broken file: its path and the TOML error.
    std::fs::write(s.dir.path().join("dateline.toml"), "[search\n").expect("write config");
    let out = run(&["search", "the"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dateline.toml"), "{stderr}");
}
