#!/usr/bin/env python3
"""Load benchmark for `dateline serve`: many clients, mixed searches, against targets.

Why it exists: `dateline serve` promises that a shared archive stays quick with a
newsroom's worth of people on it at once: with 20 clients hammering a mix of HTML
search pages (which compute every facet), faceted API searches, scopes, entity lists
and entity pages, no request fails, p95 latency stays at or under 50 ms and the
server's peak RSS at or under 256 MiB.

Steps: index the archive if the index does not exist yet (--archive) -> start
`dateline serve --bind 127.0.0.1:0` and read its port -> warm up with one sequential
pass over every path (each must answer 200; timed, the slowest are listed) -> wrk with
benches/serve_load.lua for --seconds, sampling the server's RSS every 0.2 s -> a
summary, a Markdown row for BENCHMARKS.md, exit 1 when a target is missed.

    python3 benches/serve_load.py --binary target/release/dateline --index /tmp/reuters_idx \\
        --archive /work/shared/data/reuters21578 [--clients 20] [--seconds 30]

The paths are the ones in benches/serve_load.lua (Reuters-21578 queries); for another
archive give --paths-file FILE (one URL-encoded path per line, `#` comments), which is
used for the warm-up and handed to the wrk script in DATELINE_LOAD_PATHS.

Needs wrk (`apt-get install wrk`). Standard library only.
"""

import argparse
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
LUA_SCRIPT = HERE / "serve_load.lua"

# The targets.
MAX_ERRORS = 0
MAX_P95_MS = 50.0
MAX_PEAK_RSS_MIB = 256.0

LISTENING = re.compile(r"listening on (http://\S+?)/?\s*$")
WRK_LINE = re.compile(r"^(requests|errors|socket_errors|non200|p50_ms|p95_ms|p99_ms|max_ms|rps) (\S+)$")
START_TIMEOUT_S = 60
WARMUP_TIMEOUT_S = 60
RSS_INTERVAL_S = 0.2


class BenchError(Exception):
    """A step failed; main() prints the message and exits 2."""


def log(msg):
    print(msg, flush=True)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, type=Path, help="the dateline binary (target/release/dateline)")
    ap.add_argument("--index", required=True, type=Path, help="index directory (built from --archive if missing)")
    ap.add_argument("--archive", type=Path, help="archive to index first when --index does not exist")
    ap.add_argument("--clients", type=int, default=20, help="concurrent connections (wrk -c; default 20)")
    ap.add_argument("--seconds", type=int, default=30, help="load duration (wrk -d; default 30)")
    ap.add_argument("--threads", type=int, default=2, help="wrk threads (wrk -t; default 2)")
    ap.add_argument("--paths-file", type=Path,
                    help="paths to request instead of the Reuters list in serve_load.lua")
    ap.add_argument("--wrk", default="wrk", help="the wrk executable (default: wrk on PATH)")
    args = ap.parse_args(argv)
    if args.clients < 1 or args.seconds < 1 or args.threads < 1:
        ap.error("--clients, --seconds and --threads must be at least 1")
    return args


# --- paths -------------------------------------------------------------------------


def lua_paths(script):
    """The default path list of the wrk script: the quoted strings between its
    `-- paths:begin` and `-- paths:end` lines (one source for warm-up and load)."""
    text = script.read_text(encoding="utf-8")
    match = re.search(r"^-- paths:begin$(.*?)^-- paths:end$", text, re.M | re.S)
    if not match:
        raise BenchError(f"{script}: no `-- paths:begin` ... `-- paths:end` block")
    paths = re.findall(r'^\s*"([^"\\]*)",?\s*(?:--.*)?$', match.group(1), re.M)
    if not paths:
        raise BenchError(f"{script}: the paths block is empty")
    return paths


def file_paths(path):
    """Paths from --paths-file: one per line, blank lines and `#` comments skipped."""
    paths = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    paths = [p for p in paths if p and not p.startswith("#")]
    if not paths:
        raise BenchError(f"{path}: no paths")
    for p in paths:
        if not p.startswith("/") or any(c.isspace() for c in p):
            raise BenchError(f"{path}: `{p}` is not a URL-encoded path starting with /")
    return paths


# --- index and server ----------------------------------------------------------------


def ensure_index(binary, index, archive):
    if index.exists():
        log(f"index: {index} exists, reused")
        return
    if archive is None:
        raise BenchError(f"{index} does not exist: give --archive DIR to build it")
    if not archive.is_dir():
        raise BenchError(f"--archive {archive} is not a directory")
    cmd = [str(binary), "--index", str(index), "index", str(archive)]
    log(f"index: {' '.join(cmd)}")
    start = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.monotonic() - start
    if done.returncode != 0:
        raise BenchError(f"indexing failed (exit {done.returncode}):\n{done.stdout[-4000:]}")
    log(f"index: built in {elapsed:.1f} s")


class Server:
    """`dateline serve` on an ephemeral loopback port; stderr goes to a temporary file."""

    def __init__(self, binary, index):
        self.stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        cmd = [str(binary), "--index", str(index), "serve", "--bind", "127.0.0.1:0"]
        log(f"server: {' '.join(cmd)}")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=self.stderr, text=True, bufsize=1)
        self.lines = queue.Queue()
        # Keeps draining stdout so the server can never block on a full pipe.
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self.url = self._wait_for_url()
        log(f"server: pid {self.proc.pid}, {self.url}")

    def _read_stdout(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _wait_for_url(self):
        deadline = time.monotonic() + START_TIMEOUT_S
        seen = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BenchError(f"the server printed no `listening on` line in {START_TIMEOUT_S} s"
                                 + self._context(seen))
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                self.proc.wait()
                raise BenchError(f"the server exited ({self.proc.returncode}) before listening"
                                 + self._context(seen))
            seen.append(line)
            match = LISTENING.search(line)
            if match:
                return match.group(1).rstrip("/")

    def _context(self, stdout_lines):
        out = "".join(stdout_lines).strip()
        return (f"\nstdout:\n{out}" if out else "") + f"\nstderr:\n{self.stderr_text().strip()}"

    def status(self):
        """VmRSS and VmHWM of the server in KiB (None once it has gone)."""
        try:
            text = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return None
        values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", text, re.M))
        return {k: int(v) for k, v in values.items()}

    def stderr_text(self):
        self.stderr.flush()
        self.stderr.seek(0)
        return self.stderr.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()  # graceful shutdown on SIGTERM
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


class RssSampler(threading.Thread):
    """Reads the server's VmRSS every RSS_INTERVAL_S until stopped."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server = server
        self.samples = []
        self.halt = threading.Event()

    def run(self):
        while not self.halt.is_set():
            status = self.server.status()
            if status and "VmRSS" in status:
                self.samples.append(status["VmRSS"])
            self.halt.wait(RSS_INTERVAL_S)


# --- warm-up and load ----------------------------------------------------------------


def warm_up(url, paths):
    """One sequential GET per path; each must answer 200. Returns [(ms, path)]."""
    # No proxy: an http_proxy in the environment must not see loopback requests.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    timings = []
    for path in paths:
        start = time.perf_counter()
        try:
            with opener.open(url + path, timeout=WARMUP_TIMEOUT_S) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
        except (urllib.error.URLError, OSError) as e:
            raise BenchError(f"warm-up: GET {path} failed: {e}")
        ms = (time.perf_counter() - start) * 1000
        if status != 200:
            text = body.decode("utf-8", "replace")
            raise BenchError(f"warm-up: GET {path} answered {status}, not 200:\n{text[:3000]}")
        timings.append((ms, path, len(body)))
    return timings


def run_wrk(wrk, url, clients, seconds, threads, paths_file):
    threads = min(threads, clients)  # wrk needs at least one connection per thread
    cmd = [wrk, f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "-s", str(LUA_SCRIPT), url + "/"]
    env = dict(os.environ)
    env.pop("DATELINE_LOAD_PATHS", None)
    if paths_file is not None:
        env["DATELINE_LOAD_PATHS"] = str(paths_file.resolve())
    log(f"load: {' '.join(cmd)}" + (f"  (DATELINE_LOAD_PATHS={env['DATELINE_LOAD_PATHS']})"
                                    if paths_file is not None else ""))
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    print(done.stdout.rstrip(), flush=True)
    if done.stderr.strip():
        print(done.stderr.rstrip(), file=sys.stderr, flush=True)
    if done.returncode != 0:
        raise BenchError(f"wrk failed (exit {done.returncode})")
    numbers, statuses = {}, ""
    for line in done.stdout.splitlines():
        match = WRK_LINE.match(line.strip())
        if match:
            numbers[match.group(1)] = float(match.group(2))
        elif line.startswith("statuses "):
            statuses = line[len("statuses "):].strip()
    missing = {"requests", "errors", "p50_ms", "p95_ms", "p99_ms", "max_ms", "rps"} - numbers.keys()
    if missing:
        raise BenchError(f"wrk printed no {', '.join(sorted(missing))}: is {LUA_SCRIPT} the script it ran?")
    return numbers, statuses


# --- main ----------------------------------------------------------------------------


def main(argv):
    args = parse_args(argv)
    wrk = shutil.which(args.wrk)
    if wrk is None:
        raise BenchError(f"wrk is not installed (no `{args.wrk}` on PATH): install it with "
                         "`apt-get install wrk` (Debian/Ubuntu) or `brew install wrk`, or give --wrk PATH")
    if not (args.binary.is_file() and os.access(args.binary, os.X_OK)):
        raise BenchError(f"--binary {args.binary} is not an executable file (cargo build --release?)")
    paths = file_paths(args.paths_file) if args.paths_file else lua_paths(LUA_SCRIPT)
    log(f"paths: {len(paths)} from {args.paths_file or LUA_SCRIPT.name}")

    ensure_index(args.binary, args.index, args.archive)
    server = Server(args.binary, args.index)
    try:
        timings = warm_up(server.url, paths)
        total_ms = sum(t[0] for t in timings)
        log(f"warm-up: {len(timings)} paths, all 200, {total_ms:.0f} ms in all; slowest:")
        for ms, path, size in sorted(timings, reverse=True)[:5]:
            log(f"  {ms:8.1f} ms  {size:>8} B  {path}")

        sampler = RssSampler(server)
        sampler.start()
        try:
            numbers, statuses = run_wrk(wrk, server.url, args.clients, args.seconds,
                                        args.threads, args.paths_file)
        finally:
            sampler.halt.set()
            sampler.join()
        status = server.status() or {}
        if server.proc.poll() is not None:
            raise BenchError(f"the server exited ({server.proc.returncode}) during the load"
                             + server._context([]))
    except BenchError as e:
        server.stop()
        raise BenchError(f"{e}\nserver stderr:\n{server.stderr_text().strip()[-4000:]}") from None
    finally:
        code = server.stop()
        stderr = server.stderr_text()

    peak_kib = max([status.get("VmHWM", 0)] + sampler.samples)
    peak_mib = peak_kib / 1024
    sampled_mib = max(sampler.samples, default=0) / 1024
    # The banner (`serving ...; Ctrl-C stops`) is expected; anything else is news.
    other = [line for line in stderr.splitlines() if line.strip() and not line.startswith("serving ")]
    if other:
        log(f"server stderr ({len(other)} lines besides the banner; exit {code}):")
        for line in other[:20]:
            log(f"  {line}")
        if len(other) > 20:
            log(f"  ... {len(other) - 20} more")

    requests, errors = int(numbers["requests"]), int(numbers["errors"])
    p50, p95, p99, max_ms, rps = (numbers[k] for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms", "rps"))
    log("")
    log("summary")
    log(f"  clients        {args.clients} (wrk -t{min(args.threads, args.clients)})")
    log(f"  seconds        {args.seconds}")
    log(f"  requests       {requests}")
    log(f"  req/s          {rps:.1f}")
    log(f"  errors         {errors} (socket {int(numbers.get('socket_errors', 0))}, "
        f"non-200 {int(numbers.get('non200', 0))}{'; ' + statuses if statuses else ''})")
    log(f"  latency ms     p50 {p50:.2f}  p95 {p95:.2f}  p99 {p99:.2f}  max {max_ms:.2f}")
    log(f"  server RSS     peak {peak_mib:.1f} MiB (VmHWM {status.get('VmHWM', 0) / 1024:.1f}, "
        f"sampled max {sampled_mib:.1f} over {len(sampler.samples)} samples)")
    log("")
    log("| clients | seconds | requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms | server peak RSS MiB |")
    log("|---|---|---|---|---|---|---|---|---|---|")
    log(f"| {args.clients} | {args.seconds} | {requests} | {rps:.1f} | {errors} | {p50:.2f} | {p95:.2f} "
        f"| {p99:.2f} | {max_ms:.2f} | {peak_mib:.1f} |")
    log("")

    failed = []
    if errors > MAX_ERRORS:
        failed.append(f"errors: {errors} > {MAX_ERRORS}")
    if p95 > MAX_P95_MS:
        failed.append(f"p95 latency: {p95:.2f} ms > {MAX_P95_MS:g} ms")
    if peak_mib > MAX_PEAK_RSS_MIB:
        failed.append(f"server peak RSS: {peak_mib:.1f} MiB > {MAX_PEAK_RSS_MIB:g} MiB")
    for f in failed:
        log(f"TARGET MISSED: {f}")
    if not failed:
        log(f"targets met: no errors, p95 <= {MAX_P95_MS:g} ms, peak RSS <= {MAX_PEAK_RSS_MIB:g} MiB")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BenchError as e:
        print(f"serve_load: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
