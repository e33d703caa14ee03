#!/usr/bin/env python3
"""Benchmark harness: dateline against tantivy-cli and ripgrep on the Reuters-21578 archive.

Why it exists: dateline promises that entity extraction keeps indexing within a small factor
of plain tantivy, that faceted queries cost about what tantivy aggregations cost, that a query
beats grepping the archive by a wide margin, and that memory stays bounded. Such claims only
count if anyone can regenerate the numbers with one command, with the *same* articles fed to
every tool, and with the medians, tool versions and machine written next to them. So: build ->
archives (benches/make_archive.py; tantivy gets the entities of a dateline export) -> indexing
under /usr/bin/time -> queries under hyperfine -> NER throughput -> BENCHMARKS.md and
WORK/results.json (every raw number). Standard library only; see --help.
"""

import argparse, datetime, hashlib, json, os, platform, re, shlex, shutil, statistics, subprocess, sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKER = "<!-- notes: kept by hand below this line -->"
AGG = {k: {"terms": {"field": f"{k}_exact", "size": 10}} for k in ("people", "orgs", "places")}
AGG["date"] = {"date_histogram": {"field": "date", "fixed_interval": "1d"}}
STEM = "dateline and tantivy stem English (dollars/rates/oils match), rg matches literal words"
# (name, dateline query, tantivy query, rg command with {dir}, why hit counts may differ)
QUERIES = [
    ("single term", "opec", "opec", "rg -l -i -w opec {dir}",
     "tantivy-cli searches every indexed text field (also people/orgs/places), dateline's "
     "bare words search title and body only"),
    ("boolean", "dollar AND baker", "+dollar +baker",
     "rg -l -i -w -0 baker {dir} | xargs -0 -r rg -l -i -w dollar", STEM),
    ("phrase", '"interest rates"', '"interest rates"', r"rg -l -i -U 'interest\s+rates' {dir}",
     STEM + " (the stemmed phrase also matches 'interest rate')"),
    ("entity filter", "org:opec", "orgs:opec", "rg -l -w OPEC {dir}",
     "the engines filter on extracted organizations (aliases resolved, e.g. 'Organization of "
     "Petroleum Exporting Countries'); rg finds the literal word OPEC wherever it occurs"),
    ("date range", "oil AND date:1987-03",
     "+oil +date:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}",
     "rg -l -0 '^Date: 1987-03' {dir} | xargs -0 -r rg -l -i -w oil", STEM),
]
# dateline-only co-occurrence scopes (no tantivy-cli or rg equivalent): (name, query).
# Targets at x10: the SENTENCE query in at most 50 ms end to end, a scope inside OR within
# 2x of the scope alone. The fuzzy item is checked on the stored text (no positions path).
SCOPES = [
    ("sentence", "SENTENCE(baker dollar)"),
    ("near", "NEAR/5(baker dollar)"),
    ("sentence, rare words", "SENTENCE(deny quota)"),
    ("scope inside OR", "opec OR SENTENCE(deny quota)"),
    ("scope under NOT", "opec -SENTENCE(deny quota)"),
    ("fuzzy item (stored text)", "SENTENCE(baker dollar~1)"),
]
NER_LINE = re.compile(r"(\d+) tokens in ([\d.]+)s: (\d+) tokens/s")


class HarnessError(Exception):
    """A step failed; main() prints the message and exits non-zero."""


def log(msg):
    """Progress line with a timestamp on stderr."""
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def run(cmd, ok=(0,), stdout=subprocess.PIPE, stderr=subprocess.PIPE, shell=False, cwd=None):
    """Runs cmd (argv list, or a bash string with shell=True); raises unless its exit code is in ok."""
    argv = ["bash", "-o", "pipefail", "-c", cmd] if shell else [str(c) for c in cmd]
    try:
        p = subprocess.run(argv, stdout=stdout, stderr=stderr, cwd=cwd, text=True, errors="replace")
    except OSError as e:
        raise HarnessError(f"cannot run {argv[0]}: {e}") from e
    if p.returncode not in ok:
        tail = (p.stderr or "").strip()[-2000:] if stderr == subprocess.PIPE else "(see output above)"
        raise HarnessError(f"exit {p.returncode}: {cmd if shell else shlex.join(argv)}\n{tail}")
    return p


def first_line(cmd):
    """First output line of a version command, or 'unknown'."""
    try:
        p = run(cmd)
        return (p.stdout.strip() or p.stderr.strip()).splitlines()[0]
    except (HarnessError, IndexError):
        return "unknown"


def count_lines(f):
    """Number of lines in a binary file object (read in 1 MiB chunks), or in the file at path f."""
    if not hasattr(f, "read"):
        with open(f, "rb") as fh:
            return count_lines(fh)
    return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


def stream_count(cmd):
    """Runs cmd and counts its output lines without holding the output in memory."""
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen([str(c) for c in cmd], stdout=subprocess.PIPE, stderr=err)
        n = count_lines(p.stdout)
        if p.wait() != 0:
            err.seek(0)
            raise HarnessError(f"exit {p.returncode}: {shlex.join(map(str, cmd))}\n{err.read()[-2000:]}")
    return n


def timed(cmd, out_path, ok=(0,)):
    """Runs cmd under GNU time, stdout to out_path; returns wall/CPU seconds and peak RSS MiB."""
    tf = out_path.with_suffix(".time")
    with open(out_path, "w") as out:
        run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf, *cmd], ok=ok, stdout=out)
    wall, user, sys_, rss = tf.read_text().strip().splitlines()[-1].split()
    return {"wall_s": float(wall), "cpu_s": float(user) + float(sys_), "rss_mib": int(rss) / 1024}


def du_mib(path):
    """Disk usage of a directory in MiB, as du reports it."""
    return int(run(["du", "-sk", path]).stdout.split()[0]) / 1024


def setup(args, work):
    """Builds dateline, installs missing tools, returns (dateline, ner-eval, tantivy) paths."""
    if not args.skip_build:
        log("cargo build --release --locked --bins --features dev-tools")
        run(["cargo", "build", "--release", "--locked", "--bins", "--features", "dev-tools"],
            cwd=REPO, stdout=None, stderr=None)
    missing = [t for t in ("rg", "hyperfine", "/usr/bin/time") if not shutil.which(t)]
    if missing:
        if os.geteuid() != 0:
            raise HarnessError(f"missing tools {missing}: install ripgrep, hyperfine and GNU time")
        log(f"installing {missing} with apt-get")
        run(["apt-get", "update"])
        run(["apt-get", "install", "-y", "ripgrep", "hyperfine", "time"])
    tantivy = Path(args.tantivy) if args.tantivy else work / "tools" / "bin" / "tantivy"
    if not tantivy.exists():
        if args.tantivy:
            raise HarnessError(f"--tantivy {tantivy}: no such file")
        # Not --locked: tantivy-cli's lock file pins an old `traitobject` that no longer builds.
        log(f"cargo install tantivy-cli --root {work / 'tools'}")
        run(["cargo", "install", "tantivy-cli", "--root", work / "tools"], stdout=None, stderr=None)
    dl, ner = args.bin_dir / "dateline", args.bin_dir / "ner-eval"
    for b in (dl, ner):
        if not os.access(b, os.X_OK):
            raise HarnessError(f"{b} missing: build it, or drop --skip-build / fix --bin-dir")
    return dl, ner, tantivy


def machine(dl, tantivy):
    """Machine and tool versions for the report."""
    lscpu = run(["lscpu"]).stdout
    cpu = re.search(r"^Model name:\s*(.+)$", lscpu, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    commit = first_line(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    dirty = first_line(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"]) != "unknown"
    return {"cpu": cpu.group(1) if cpu else "unknown", "cores": os.cpu_count(),
            "ram_gib": round(int(mem.group(1)) / 2**20, 1) if mem else None,
            "kernel": platform.release(), "rustc": first_line(["rustc", "--version"]),
            "dateline": first_line([dl, "--version"]),
            "commit": commit + (" (working tree modified)" if dirty else ""),
            "tantivy": first_line([tantivy, "--version"]), "rg": first_line(["rg", "--version"]),
            "hyperfine": first_line(["hyperfine", "--version"])}


def extraction_stamp():
    """A digest of everything dateline's extracted entities depend on (the model, word
    lists and alias table in index_schema/, the extraction code), so the entities the
    tantivy-cli documents carry are re-extracted whenever extraction changes."""
    h = hashlib.sha256()
    files = list((REPO / "index_schema").rglob("*")) + list((REPO / "src" / "extract").rglob("*.rs"))
    for f in sorted(p for p in files if p.is_file()):
        h.update(str(f.relative_to(REPO)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def prepare_archives(args, work, dl, sizes):
    """Builds WORK/xN for each size, with the entities dateline extracts from copy 0.

    Returns the number of articles per copy. An archive is reused when its stamp says it
    was built from the current entities file and ids.txt has the right count."""
    ents, x1 = work / "entities.jsonl", work / "x1"

    def build(d, copies, entities):
        (d / "built.json").unlink(missing_ok=True)
        shutil.rmtree(d / "txt", ignore_errors=True)
        d.mkdir(parents=True, exist_ok=True)
        log(f"building archive {d.name} ({copies} copies{', with entities' if entities else ''})")
        cmd = [sys.executable, REPO / "benches" / "make_archive.py", "--reuters",
               args.shared / "reuters21578", "--out", d, "--copies", copies]
        run(cmd + (["--entities", entities] if entities else []))

    def valid(d, copies, per_copy):
        stamp = d / "built.json"
        if args.fresh or not stamp.exists() or not (d / "ids.txt").exists():
            return False
        s = json.loads(stamp.read_text())
        return (s.get("copies") == copies and s.get("entities_mtime") == ents.stat().st_mtime
                and count_lines(d / "ids.txt") == per_copy * copies)

    stamp_file, stamp = work / "entities.stamp", extraction_stamp()
    stale = not stamp_file.exists() or stamp_file.read_text() != stamp
    if args.fresh or stale or not ents.exists() or not valid(x1, 1, count_lines(ents)):
        build(x1, 1, None)
        tmp = work / "entities-idx"
        shutil.rmtree(tmp, ignore_errors=True)
        log("indexing x1 with extraction to export its entities")
        run([dl, "--index", tmp, "index", x1 / "txt", "--rebuild", "--json"])
        run([dl, "--index", tmp, "export", "--format", "jsonl", ents])
        shutil.rmtree(tmp)
        stamp_file.write_text(stamp)
    per_copy = count_lines(ents)
    if per_copy != count_lines(x1 / "ids.txt"):
        raise HarnessError(f"{ents} has {per_copy} articles, x1/ids.txt {count_lines(x1 / 'ids.txt')}")
    for n in sorted(set(sizes) | {1}):
        d = work / f"x{n}"
        if valid(d, n, per_copy):
            log(f"archive x{n} is up to date ({per_copy * n} articles)")
            continue
        build(d, n, ents)
        got = count_lines(d / "ids.txt")
        if got != per_copy * n:
            raise HarnessError(f"x{n}/ids.txt has {got} ids, expected {per_copy * n}")
        (d / "built.json").write_text(json.dumps(
            {"copies": n, "articles": got, "entities_mtime": ents.stat().st_mtime}))
    return per_copy


def warm(d):
    """Reads every archive file once, so that every tool starts from a warm page cache."""
    run(f"find {shlex.quote(str(d))} -type f -exec cat {{}} + | wc -c >/dev/null", shell=True)


def bench_indexing(args, work, tools, n, expected):
    """Indexes WORK/xN --runs times per engine, each into a fresh directory; returns medians."""
    dl, _, tv = tools
    d, idx, logs = work / f"x{n}", work / "idx" / f"x{n}", work / "logs"
    idx.mkdir(parents=True, exist_ok=True)
    logs.mkdir(exist_ok=True)
    engines = {
        "dateline": [dl, "--index", idx / "dateline", "index", d / "txt", "--rebuild", "--json"],
        "dateline-noextract": [dl, "--index", idx / "dateline-noextract", "index", d / "txt",
                               "--rebuild", "--no-extract", "--json"],
        "tantivy": [tv, "index", "-i", idx / "tantivy", "-t", "2", "-f", d / "docs.ndjson"]}
    runs = {name: [] for name in engines}
    for r in range(args.runs):
        for name, cmd in engines.items():
            shutil.rmtree(idx / name, ignore_errors=True)
            if name == "tantivy":
                (idx / name).mkdir()
                shutil.copy(REPO / "benches" / "tantivy-meta.json", idx / name / "meta.json")
            out = logs / f"index-x{n}-{name}-{r}.out"
            m = timed(cmd, out)
            if name != "tantivy":
                got = json.loads(out.read_text())["articles_in_index"]
                if got != expected:
                    raise HarnessError(f"{name} index of x{n} holds {got} articles, expected {expected}")
            log(f"x{n} index {name} run {r + 1}: {m['wall_s']:.2f}s wall, {m['cpu_s']:.2f}s CPU, "
                f"{m['rss_mib']:.0f} MiB")
            runs[name].append(m)
    got = stream_count([tv, "search", "-i", idx / "tantivy", "-q", "*"])
    if got != expected:
        raise HarnessError(f"tantivy index of x{n} holds {got} documents, expected {expected}")
    return {name: {**{k: statistics.median(m[k] for m in ms) for k in ms[0]},
                   "index_mib": du_mib(idx / name), "runs": ms} for name, ms in runs.items()}


def hyperfine(cmd, out, runs, shell=False, ignore_failure=False):
    """Times one command (argv list, or a bash string with shell=True) with hyperfine; ms stats."""
    cmd = cmd if isinstance(cmd, str) else shlex.join(map(str, cmd))
    hf = ["hyperfine", "--style", "basic", "--warmup", "1", "--runs", str(runs), "--output", "null",
          "--export-json", out, "--shell=bash" if shell else "-N"] + (["-i"] if ignore_failure else [])
    run(hf + [cmd], stdout=subprocess.DEVNULL)
    r = json.loads(Path(out).read_text())["results"][0]
    return {"median_ms": r["median"] * 1000, "mean_ms": r["mean"] * 1000, "times_s": r["times"]}


def bench_queries(args, work, tools, n):
    """Hit counts, then hyperfine timings of every query form on WORK/xN."""
    dl, _, tv = tools
    idx, logs, txt = work / "idx" / f"x{n}", work / "logs", work / f"x{n}" / "txt"
    agg, results = json.dumps(AGG), []
    for name, dq, tq, rg_tmpl, why in QUERIES:
        dcmd = [dl, "--index", idx / "dateline", "search", dq]
        tcmd = [tv, "search", "-i", idx / "tantivy", "-q", tq]
        rg = rg_tmpl.format(dir=shlex.quote(str(txt)))
        p = run(dcmd + ["--format", "json"], ok=(0, 1))
        dl_hits, dl_fail = json.loads(p.stdout)["total"], p.returncode == 1
        search_rss = timed(dcmd + ["--facets", "all"], logs / f"search-x{n}.out", ok=(0, 1))["rss_mib"]
        tv_hits = stream_count(tcmd)
        aggs = json.loads(run(tcmd + ["-a", agg]).stdout)
        if set(aggs) != set(AGG):
            raise HarnessError(f"tantivy aggregation answer lacks {set(AGG) - set(aggs)}: {aggs}")
        p = run(rg, ok=(0, 1, 123), shell=True)
        if p.stderr.strip():
            raise HarnessError(f"rg reported errors for {rg}:\n{p.stderr[-2000:]}")
        rg_hits = len([line for line in p.stdout.splitlines() if line])
        log(f"x{n} {name}: hits dateline {dl_hits}, tantivy {tv_hits}, rg {rg_hits}; timing")
        hf = lambda key, cmd, **kw: hyperfine(
            cmd, logs / f"hf-x{n}-{name.replace(' ', '_')}-{key}.json", args.query_runs, **kw)
        t = {"dateline": hf("dl", dcmd, ignore_failure=dl_fail),
             "dateline_facets": hf("dlf", dcmd + ["--facets", "all"], ignore_failure=dl_fail),
             "tantivy": hf("tv", tcmd), "tantivy_agg": hf("tva", tcmd + ["-a", agg]),
             "rg": hf("rg", rg, shell="|" in rg, ignore_failure=p.returncode != 0)}
        med = {k: v["median_ms"] for k, v in t.items()}
        log(f"x{n} {name}: " + ", ".join(f"{k} {v:.1f} ms" for k, v in med.items()))
        results.append({"name": name, "dateline_query": dq, "tantivy_query": tq, "rg": rg_tmpl,
                        "why": why, "hits": {"dateline": dl_hits, "tantivy": tv_hits, "rg": rg_hits},
                        "search_rss_mib": search_rss, "median_ms": med, "hyperfine": t,
                        "facets_vs_agg": med["dateline_facets"] / med["tantivy_agg"],
                        "rg_vs_facets": med["rg"] / med["dateline_facets"]})
    return results


def bench_scopes(args, work, tools, n):
    """Hit counts and hyperfine timings of the SCOPES queries on WORK/xN (dateline only)."""
    dl = tools[0]
    idx, logs = work / "idx" / f"x{n}", work / "logs"
    results = []
    for name, q in SCOPES:
        cmd = [dl, "--index", idx / "dateline", "search", q]
        p = run(cmd + ["--format", "json"], ok=(0, 1))
        hits = json.loads(p.stdout)["total"]
        t = hyperfine(cmd, logs / f"hf-x{n}-scope-{name.replace(' ', '_')}.json", args.query_runs,
                      ignore_failure=p.returncode == 1)
        log(f"x{n} scope {name}: {hits} hits, {t['median_ms']:.1f} ms")
        results.append({"name": name, "query": q, "hits": hits, "median_ms": t["median_ms"],
                        "hyperfine": t})
    return results


def bench_ner(args, ner):
    """ner-eval on CoNLL dev and train, --runs times each; median tokens/s."""
    out = {}
    for split in ("dev", "train"):
        path, rates = args.shared / "conll2003" / f"{split}.txt", []
        for _ in range(args.runs):
            p = run([ner, path])
            m = NER_LINE.findall(p.stdout + p.stderr)
            if not m:
                raise HarnessError(f"no 'N tokens in Ss: R tokens/s' line in ner-eval {path} output")
            tokens = int(m[-1][0])
            rates.append(int(m[-1][2]))
        out[split] = {"tokens": tokens, "tokens_per_s": statistics.median(rates), "runs": rates}
        log(f"ner-eval {split}: {tokens} tokens, median {out[split]['tokens_per_s']:.0f} tokens/s")
    return out


def table(header, rows):
    """A Markdown table; pipes inside cells are escaped."""
    cell = lambda c: str(c).replace("|", "\\|")
    return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                     + ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows])


def targets(res, sizes):
    """Rows of the Targets table: (target with its limit, measured, pass/FAIL)."""
    big, rows = max(sizes), []
    mark = lambda ok: "pass" if ok else "**FAIL**"
    for n in sizes:
        ix = res["sizes"][n]["indexing"]
        for eng, limit in (("dateline", 3.0), ("dateline-noextract", 1.3)):
            r = ix[eng]["wall_s"] / ix["tantivy"]["wall_s"]
            what = "with extraction" if eng == "dateline" else "extraction off"
            rows.append((f"x{n} indexing {what} ≤ {limit}× tantivy wall", f"{r:.2f}×", mark(r <= limit)))
    q, at = res["sizes"][big]["queries"], f"x{big}" + ("" if big == 10 else " (x10 not run)")
    w = max(q, key=lambda x: x["facets_vs_agg"])
    rows.append((f"{at} every query with facets ≤ 1.5× tantivy with agg",
                 f"worst {w['facets_vs_agg']:.2f}× ({w['name']})", mark(w["facets_vs_agg"] <= 1.5)))
    w = min(q, key=lambda x: x["rg_vs_facets"])
    rows.append((f"{at} every query with facets ≥ 15× faster than rg",
                 f"worst {w['rg_vs_facets']:.1f}× ({w['name']})", mark(w["rg_vs_facets"] >= 15)))
    sc = {x["name"]: x for x in res["sizes"][big]["scopes"]}
    ms = sc["sentence"]["median_ms"]
    rows.append((f"{at} `{sc['sentence']['query']}` ≤ 50 ms", f"{ms:.1f} ms", mark(ms <= 50)))
    r = sc["scope inside OR"]["median_ms"] / sc["sentence, rare words"]["median_ms"]
    rows.append((f"{at} `{sc['scope inside OR']['query']}` ≤ 2× the scope alone", f"{r:.2f}×", mark(r <= 2)))
    for n in sizes:
        s = res["sizes"][n]
        rss = max([m["rss_mib"] for e in ("dateline", "dateline-noextract") for m in s["indexing"][e]["runs"]]
                  + [x["search_rss_mib"] for x in s["queries"]])
        rows.append((f"x{n} dateline peak RSS (index and search) ≤ 512 MiB", f"{rss:.0f} MiB", mark(rss <= 512)))
    return rows


def report(args, res, sizes):
    """The Markdown text of the report (without the Notes section)."""
    m, f = res["machine"], lambda x, d=1: f"{x:.{d}f}"
    engines, kinds = ("dateline", "dateline-noextract", "tantivy"), ("dateline", "dateline_facets",
                                                                    "tantivy", "tantivy_agg", "rg")
    out = [
        "# dateline benchmarks", "",
        f"Generated by `{' '.join(['python3 benches/run.py', *map(shlex.quote, sys.argv[1:])])}`" +
        f" on {res['date']}. To regenerate in full: `python3 benches/run.py --sizes 1,10 --runs 3` "
        "(builds dateline, the archives and tantivy-cli as needed; raw numbers in "
        "`target/bench/results.json`).", "", "## Machine", "",
        table(["item", "value"], [
            ("CPU", m["cpu"]), ("cores", m["cores"]), ("RAM", f"{m['ram_gib']} GiB"), ("kernel", m["kernel"]),
            ("rustc", m["rustc"]), ("dateline", f"{m['dateline']}, commit {m['commit']}"),
            ("tantivy-cli", m["tantivy"]), ("ripgrep", m["rg"]), ("hyperfine", m["hyperfine"])]), "",
        "## Methodology", "",
        f"- Archive xN is Reuters-21578 ({res['per_copy']} articles) copied N times: one `.txt` file per "
        "article for dateline and rg, the same articles as `docs.ndjson` for `tantivy index`, with the "
        "people/orgs/places dateline extracted from copy 0 (`dateline export`), so entity filters and "
        "facets use the same values in both engines.",
        "- Warm page cache: every archive file is read once before indexing.",
        f"- Indexing: {args.runs} run(s) per engine, each into a fresh empty directory, under GNU "
        "`/usr/bin/time`; medians of wall time, CPU (user+sys) and peak RSS. dateline runs with entity "
        "extraction and with `--no-extract`; tantivy-cli runs `index -t 2` with "
        "`benches/tantivy-meta.json`. Index size is `du -sk`.",
        f"- Queries: end-to-end process time with hyperfine (1 warm-up, {args.query_runs} runs, output "
        "to /dev/null), median. dateline prints its default terminal output (10 hits); with facets, "
        "`--facets all`. tantivy-cli has a single search mode that prints **every** matching document "
        "as a JSON line; with facets it runs `-a` (terms aggregations, size 10, on people_exact, "
        "orgs_exact, places_exact and a 1-day date_histogram) and prints only the aggregation. rg "
        "prints file names and has no facets, so its one time is compared with dateline's faceted one.",
        "- Hit counts: dateline `--format json` total, tantivy output lines, rg file names.", "",
        table(["query", "dateline", "tantivy-cli", "rg (DIR = xN/txt)"],
              [(n, f"`{d}`", f"`{t}`", f"`{r.format(dir='DIR')}`") for n, d, t, r, _ in QUERIES]), ""]
    for n in sizes:
        ix, qs = res["sizes"][n]["indexing"], res["sizes"][n]["queries"]
        out += [f"## x{n}: {res['per_copy'] * n} articles", "", "### Indexing", "",
                table(["engine", "wall s", "CPU s", "peak RSS MiB", "index MiB", "wall vs tantivy"],
                      [(e, f(ix[e]["wall_s"], 2), f(ix[e]["cpu_s"], 2), f(ix[e]["rss_mib"], 0), f(ix[e]["index_mib"]),
                        f"{ix[e]['wall_s'] / ix['tantivy']['wall_s']:.2f}×") for e in engines]), "",
                "### Queries (median ms)", "",
                table(["query", "hits dl / tv / rg", "dateline", "dateline facets", "tantivy (all docs)",
                       "tantivy agg", "rg", "dl facets / tv agg", "rg / dl facets"],
                      [(q["name"], " / ".join(map(str, q["hits"].values())), *(f(q["median_ms"][k]) for k in kinds),
                        f"{q['facets_vs_agg']:.2f}×", f"{q['rg_vs_facets']:.1f}×") for q in qs]), ""]
        out += ["### Co-occurrence scopes (dateline only, median ms)", "",
                table(["query", "dateline", "hits", "ms"],
                      [(q["name"], f"`{q['query']}`", q["hits"], f(q["median_ms"]))
                       for q in res["sizes"][n]["scopes"]]), ""]
        diff = [f"- {q['name']}: {q['why']}." for q in qs if len(set(q["hits"].values())) > 1]
        out += ["Why hit counts differ:", "", *diff, ""] if diff else []
    pair = list(dict.fromkeys((sizes[0], sizes[-1])))  # x1 and x10, or one size
    rows = [(e, label, *(res["sizes"][n]["indexing"][e][key] for n in pair)) for e in engines
            for key, label in (("wall_s", "indexing wall s"), ("cpu_s", "indexing CPU s"),
                               ("rss_mib", "peak RSS MiB"), ("index_mib", "index MiB"))]
    rows += [(k.replace("_", " "), "median ms over the queries",
              *(statistics.median(q["median_ms"][k] for q in res["sizes"][n]["queries"]) for n in pair))
             for k in kinds]
    rows = [(a, b, *(f(v, 2) for v in vs), *([f"{vs[1] / vs[0]:.1f}×"] if len(vs) == 2 else []))
            for a, b, *vs in rows]
    out += ["## Scaling", "", table(["engine", "metric", *(f"x{n}" for n in pair),
                                     *(["growth"] if len(pair) == 2 else [])], rows), "",
            "## NER throughput", "",
            table(["CoNLL-2003 file", "tokens", "median tokens/s (one thread)"],
                  [(k, v["tokens"], f"{v['tokens_per_s']:.0f}") for k, v in res["ner"].items()]), "",
            f"Median of {args.runs} run(s) of `ner-eval FILE`. The tagger was trained on train.txt, which "
            "serves here only as a bigger input for throughput (dev.txt takes well under a second).", "",
            "## Targets", "", table(["target", "measured", "result"], targets(res, sizes)), ""]
    return "\n".join(out)


def write_report(path, text):
    """Writes text plus the Notes section, keeping whatever follows the notes marker."""
    old = path.read_text() if path.exists() else ""
    notes = old[old.index(MARKER) + len(MARKER):] if MARKER in old else ""
    path.write_text(text + f"\n## Notes\n\n{MARKER}" + (notes or "\n"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,10", help="archive sizes in Reuters copies (default 1,10)")
    ap.add_argument("--runs", type=int, default=3, help="indexing and ner-eval runs (median)")
    ap.add_argument("--query-runs", type=int, default=10, help="hyperfine runs per query")
    ap.add_argument("--work", type=Path, default=REPO / "target" / "bench")
    ap.add_argument("--bin-dir", type=Path, default=REPO / "target" / "release")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--tantivy", help="tantivy-cli binary (default WORK/tools/bin/tantivy, installed if missing)")
    ap.add_argument("--skip-build", action="store_true", help="do not run cargo build")
    ap.add_argument("--fresh", action="store_true", help="rebuild the archives even when up to date")
    ap.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    args = ap.parse_args()
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",")})
        if not sizes or sizes[0] < 1 or args.runs < 1 or args.query_runs < 1:
            raise ValueError
    except ValueError:
        ap.error("--sizes takes positive integers like 1,10; --runs and --query-runs must be ≥ 1")
    args.work, args.shared = args.work.resolve(), args.shared.resolve()
    try:
        if not (args.shared / "reuters21578").is_dir():
            raise HarnessError(f"no Reuters data at {args.shared / 'reuters21578'} (use --shared)")
        args.work.mkdir(parents=True, exist_ok=True)
        tools = setup(args, args.work)
        res = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "machine": machine(tools[0], tools[2]), "sizes": {}}
        log(", ".join(f"{k}: {v}" for k, v in res["machine"].items()))
        res["per_copy"] = prepare_archives(args, args.work, tools[0], sizes)
        for n in sizes:
            log(f"x{n}: warming the page cache")
            warm(args.work / f"x{n}")
            res["sizes"][n] = {"indexing": bench_indexing(args, args.work, tools, n, res["per_copy"] * n)}
            res["sizes"][n]["queries"] = bench_queries(args, args.work, tools, n)
            res["sizes"][n]["scopes"] = bench_scopes(args, args.work, tools, n)
        res["ner"] = bench_ner(args, tools[1])
        (args.work / "results.json").write_text(json.dumps(res, indent=1))
        write_report(args.out, report(args, res, sizes))
        log(f"wrote {args.out} and {args.work / 'results.json'}")
    except HarnessError as e:
        sys.exit(f"run.py: error: {e}")


if __name__ == "__main__":
    main()
