#!/usr/bin/env python3
"""Check the example outputs in README.md against the dateline binary, or regenerate them.

    python3 .ci/readme_examples.py [--binary PATH] [--shared PATH]            # check
    python3 .ci/readme_examples.py [--binary PATH] [--shared PATH] --update   # rewrite README.md

--binary (default target/release/dateline) and --shared (default ../shared/data) are taken
relative to the repository root.

Standard library only. Exit 0 when every checked example matches, 1 when one does not (a
unified diff per mismatching command, with its README line), 2 on a setup or usage error.

Which blocks are checked
  A fenced code block whose line just before is an HTML comment

      <!-- example: ARCHIVE -->          or          <!-- example: ARCHIVE fresh -->

  with ARCHIVE one of `corpus` (the sample archive corpus/), `reuters` (Reuters-21578) or
  `bbc` (BBC News). Every other block is left alone. Inside a checked block a line starting
  with `$ ` is a command; it goes on over the following lines while a line ends in `\\`.
  The lines after it, up to the next `$ ` line or the end of the block, are its expected
  output: stdout and stderr as one stream, as a terminal shows them.

How commands run
  Each command runs as `sh -c COMMAND` from the repository root, one after another in README
  order, with `dateline` on PATH being a shim for `BINARY --index INDEX "$@"` (so a checked
  command must not pass --index itself), standard input from /dev/null, and the environment
  NO_COLOR=1, COLUMNS=100 (dateline wraps its terminal output to COLUMNS), TZ=UTC, LC_ALL=C
  (for sort), without DATELINE_INDEX, DATELINE_ALIASES, CLICOLOR and CLICOLOR_FORCE. In
  commands, `../shared/data` stands for the --shared directory.

  INDEX is, for `<!-- example: ARCHIVE -->`, one index of that archive built once per run
  into a temporary directory before its first block runs:
      corpus:   dateline index corpus/
      reuters:  dateline index --exclude '*.txt' ../shared/data/reuters21578
      bbc:      dateline index ../shared/data/bbc
  All blocks of an archive share it, and what a command changes (saved queries) is seen by
  the blocks after it. For `<!-- example: ARCHIVE fresh -->` INDEX is a new, empty index
  directory of the block's own, so the block can show indexing from scratch.

  When the shared data (its reuters21578 or bbc folder) is absent, those blocks are skipped (reported on a
  `SKIPPED:` line, not a failure); so are blocks running jq when jq is not installed.

Elision
  A line that is `...` (after any indentation) in an expected output stands for zero or more
  lines of the actual output. At the end of an output it elides the rest of it; inside, the
  expected lines after it must come later in the output, in order; the lines after the last
  `...` must be the output's last lines. Dots inside a line (`warning: ...`, `Iran, …`)
  are ordinary text. `--update` keeps every `...` and the lines between them, lined up
  with the output: the first lines, the last lines, and for a run between two `...` the
  place in the output where it matches, else where most of its lines do; a run keeps its
  length, unless the output gained or lost lines inside it.

Normalisation (the only differences not reported)
  Applied to the actual output before comparing and before writing it into README.md:
    - the temporary index directory is written `.dateline` (the default index, which is
      what the commands look like they use): `saved in .dateline.queries.toml`;
    - the repository root is written /work/main and the shared data directory
      /work/shared/data, so the README reads the same wherever it is checked.
  Applied to expected and actual lines before comparing them (and such lines that differ
  only there are left as README has them by --update):
    - trailing whitespace, and blank lines at the end of an output, are ignored (and not
      written);
    - search durations `(12 ms)` and JSON `"took_ms": 12`;
    - the `time:` line of the index summary (`time:     0.27s, 94 articles/s, 0.4 MB/s`)
      and the seconds of its `steps:` line (`read and index 0.17s, ...`);
    - RFC 3339 UTC timestamps (`2026-11-28T20:31:40.192719Z`, `2026-11-28T20:43:03Z`):
      `indexed at:` of show, `created`, `last_run` and `watermark` of saved queries.
  Anything else, counts, order and wrapping included, must match exactly.
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
README = os.path.join(REPO, "README.md")
ARCHIVES = ("corpus", "reuters", "bbc")
README_REPO = "/work/main"
README_SHARED = "/work/shared/data"
README_INDEX = ".dateline"

MARKER = re.compile(r"^<!--\s*example:\s*(\w+)(\s+fresh)?\s*-->\s*$")
FENCE = re.compile(r"^(`{3,})")
ELLIPSIS = "..."

COMPARE_RULES = [
    (re.compile(r"\(\d+ ms\)"), "(# ms)"),
    (re.compile(r'("took_ms":\s*)\d+'), r"\1#"),
    (
        re.compile(r"^(\s*time:\s+)\d+(\.\d+)?s, \d+ articles/s, \d+(\.\d+)? MB/s$"),
        r"\1#s, # articles/s, # MB/s",
    ),
    (re.compile(r"^(\s*steps:\s+.*)$"), lambda m: re.sub(r"\d+\.\d+s\b", "#s", m.group(1))),
    (re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\b"), "<timestamp>"),
]


def die(message):
    sys.stderr.write("readme_examples: %s\n" % message)
    sys.exit(2)


def compare_form(line):
    line = line.rstrip()
    for pattern, repl in COMPARE_RULES:
        line = pattern.sub(repl, line)
    return line


def is_ellipsis(line):
    return line.strip() == ELLIPSIS


class Command:
    def __init__(self, lineno, lines):
        self.lineno = lineno  # 1-based README line of the `$ ` line
        self.lines = lines  # the command as written, `$ ` included
        self.expected = []  # expected output lines as written
        self.text = "\n".join([lines[0][2:]] + lines[1:])


class Block:
    def __init__(self, archive, fresh, start, end, commands):
        self.archive = archive
        self.fresh = fresh
        self.start = start  # 0-based index of the first line inside the fence
        self.end = end  # 0-based index of the closing fence
        self.commands = commands


def parse(lines):
    """The checked blocks of README lines (without line ends)."""
    blocks = []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if not m:
            i += 1
            continue
        archive, fresh = m.group(1), bool(m.group(2))
        where = "README.md:%d" % (i + 1)
        if archive not in ARCHIVES:
            die("%s: unknown archive %r (one of %s)" % (where, archive, ", ".join(ARCHIVES)))
        if i + 1 >= len(lines) or not FENCE.match(lines[i + 1]):
            die("%s: an example marker must be followed by a fenced code block" % where)
        fence = FENCE.match(lines[i + 1]).group(1)
        j = i + 2
        while j < len(lines) and lines[j].rstrip() != fence:
            j += 1
        if j >= len(lines):
            die("%s: the code block is not closed" % where)
        commands = []
        k = i + 2
        while k < j:
            line = lines[k]
            if line.startswith("$ "):
                cmd_lines = [line]
                start = k
                while cmd_lines[-1].endswith("\\") and k + 1 < j:
                    k += 1
                    cmd_lines.append(lines[k])
                commands.append(Command(start + 1, cmd_lines))
            elif not commands:
                die("README.md:%d: a checked block must start with a `$ ` command" % (k + 1))
            else:
                commands[-1].expected.append(line)
            k += 1
        if not commands:
            die("%s: the checked block holds no command" % where)
        blocks.append(Block(archive, fresh, i + 2, j, commands))
        i = j + 1
    return blocks


def segments(expected):
    """Expected lines split at `...` lines: [run, run, ...], one more run than `...`s."""
    runs = [[]]
    for line in expected:
        if is_ellipsis(line):
            runs.append([])
        else:
            runs[-1].append(line)
    return runs


def find_run(run, actual, lo, hi):
    """Earliest p in [lo, hi - len(run)] where run matches actual[p:], or None."""
    want = [compare_form(x) for x in run]
    for p in range(lo, hi - len(run) + 1):
        if [compare_form(x) for x in actual[p : p + len(run)]] == want:
            return p
    return None


def best_place(run, actual, lo, hi):
    """The p in [lo, hi - len(run)] where most lines of run equal actual[p:] (earliest of
    the best), or None if no line does anywhere."""
    want = [compare_form(x) for x in run]
    best, best_p = 0, None
    for p in range(lo, hi - len(run) + 1):
        n = sum(1 for i, w in enumerate(want) if compare_form(actual[p + i]) == w)
        if n > best:
            best, best_p = n, p
    return best_p


def matches(expected, actual):
    runs = segments(expected)
    if len(runs) == 1:
        return [compare_form(x) for x in expected] == [compare_form(x) for x in actual]
    head, middle, tail = runs[0], runs[1:-1], runs[-1]
    if len(head) + len(tail) > len(actual):
        return False
    hi = len(actual) - len(tail)
    if find_run(head, actual, 0, len(head)) != 0 or find_run(tail, actual, hi, len(actual)) != hi:
        return False
    pos = len(head)
    for run in middle:
        p = find_run(run, actual, pos, hi)
        if p is None:
            return False
        pos = p + len(run)
    return True


def merge(old, new):
    """`new`, keeping the lines of `old` that equal it after normalisation."""
    a = [compare_form(x) for x in old]
    b = [compare_form(x) for x in new]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        out.extend(old[i1:i2] if tag == "equal" else [x.rstrip() for x in new[j1:j2]])
    return out


def matched(run, lines):
    """How many lines of run appear in lines, in order (after normalisation)."""
    a = [compare_form(x) for x in run]
    b = [compare_form(x) for x in lines]
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(m.size for m in blocks)


def best_end(run, actual, start, lo, hi):
    """The end e in [lo, hi] for which actual[start:e] holds most lines of run; of those,
    the one whose length is closest to run's."""
    return max(range(lo, hi + 1), key=lambda e: (matched(run, actual[start:e]), -abs(e - start - len(run))))


def best_start(run, actual, end, lo, hi):
    """The start q in [lo, hi] for which actual[q:end] holds most lines of run; of those,
    the one whose length is closest to run's."""
    return max(range(lo, hi + 1), key=lambda q: (matched(run, actual[q:end]), -abs(end - q - len(run))))


def updated(expected, actual):
    """The expected lines rewritten from actual, keeping the `...`s; None if impossible.

    Each run of lines between `...`s stands for the lines of the output it lines up with:
    the head for the output's first lines, the tail for its last, a middle run for the
    place where it matches (else where most of its lines do). Lines the output gained or
    lost inside a run are gained or lost there too.
    """
    runs = segments(expected)
    if len(runs) == 1:
        return merge(expected, actual)
    ellipses = [x for x in expected if is_ellipsis(x)]
    head, middle, tail = runs[0], runs[1:-1], runs[-1]
    n = len(actual)
    end = best_end(head, actual, 0, 0, n) if head else 0
    parts = [merge(head, actual[:end])]
    pos = end
    for run in middle:
        p = find_run(run, actual, pos, n)
        if p is None:
            p = best_place(run, actual, pos, n)
        if p is None:
            return None
        end = best_end(run, actual, p, p, n)
        parts.append(merge(run, actual[p:end]))
        pos = end
    start = best_start(tail, actual, n, pos, n) if tail else n
    parts.append(merge(tail, actual[start:]))
    out = parts[0]
    for ell, part in zip(ellipses, parts[1:]):
        out = out + [ell] + part
    return out


class Runner:
    def __init__(self, binary, shared, tmp):
        self.binary = binary
        self.shared = shared
        self.tmp = tmp
        self.built = {}
        self.fresh_count = 0
        shim_dir = os.path.join(tmp, "bin")
        os.mkdir(shim_dir)
        shim = os.path.join(shim_dir, "dateline")
        with open(shim, "w") as f:
            f.write('#!/bin/sh\nexec %s --index "$README_EXAMPLE_INDEX" "$@"\n' % shlex.quote(binary))
        os.chmod(shim, 0o755)
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATELINE_INDEX", "DATELINE_ALIASES", "CLICOLOR", "CLICOLOR_FORCE")
        }
        env.update(
            PATH=shim_dir + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
            NO_COLOR="1",
            COLUMNS="100",
            TZ="UTC",
            LC_ALL="C",
        )
        self.env = env
        # Longest first, so that a path inside another is replaced as a whole.
        self.paths = []

    def add_path(self, path, shown):
        for p in {path, os.path.abspath(path), os.path.realpath(path)}:
            self.paths.append((p, shown))
        self.paths.sort(key=lambda x: -len(x[0]))

    def shown(self, text):
        for path, shown in self.paths:
            text = text.replace(path, shown)
        return text

    def run(self, command, index):
        if self.shared != "../shared/data":
            command = command.replace("../shared/data", shlex.quote(self.shared))
        env = dict(self.env, README_EXAMPLE_INDEX=index)
        try:
            proc = subprocess.run(
                ["sh", "-c", command],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            return None, "(readme_examples: no answer after 600 s)\n"
        return proc.returncode, proc.stdout.decode("utf-8", errors="replace")

    def index_for(self, block):
        if block.fresh:
            self.fresh_count += 1
            index = os.path.join(self.tmp, "fresh-%d" % self.fresh_count)
            self.add_path(index, README_INDEX)
            return index
        if block.archive in self.built:
            return self.built[block.archive]
        index = os.path.join(self.tmp, block.archive)
        setup = {
            "corpus": "dateline index corpus/",
            "reuters": "dateline index --exclude '*.txt' ../shared/data/reuters21578",
            "bbc": "dateline index ../shared/data/bbc",
        }[block.archive]
        code, out = self.run(setup, index)
        if code != 0:
            sys.stderr.write(out)
            die("setup failed (exit %s): %s" % (code, setup))
        self.add_path(index, README_INDEX)
        self.built[block.archive] = index
        return index


def output_lines(text):
    """The lines of a command's output, without the blank lines that end it."""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default="target/release/dateline", help="the dateline binary (default: %(default)s)")
    ap.add_argument("--shared", default="../shared/data", help="the shared data (default: %(default)s)")
    ap.add_argument("--update", action="store_true", help="rewrite the checked outputs in README.md")
    args = ap.parse_args()

    binary = os.path.abspath(os.path.join(REPO, args.binary) if not os.path.isabs(args.binary) else args.binary)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        die("no dateline binary at %s (build it with cargo build --release, or pass --binary)" % binary)
    shared_abs = os.path.normpath(os.path.join(REPO, args.shared))
    default_shared = os.path.normpath(os.path.join(REPO, "../shared/data"))
    shared = "../shared/data" if shared_abs == default_shared else shared_abs

    with open(README, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    blocks = parse(lines)

    have_jq = shutil.which("jq") is not None
    skipped_shared = 0
    skipped_jq = 0
    checked = {a: [0, 0] for a in ARCHIVES}  # archive: [blocks, commands]
    failures = 0
    unfixable = 0
    replacements = []  # (start, end, new lines) of block contents

    with tempfile.TemporaryDirectory(prefix="readme-examples-") as tmp:
        runner = Runner(binary, shared, tmp)
        runner.add_path(REPO, README_REPO)
        if os.path.isdir(shared_abs):
            runner.add_path(shared_abs, README_SHARED)
        for block in blocks:
            if block.archive != "corpus":
                sub = {"reuters": "reuters21578", "bbc": "bbc"}[block.archive]
                if not os.path.isdir(os.path.join(shared_abs, sub)):
                    skipped_shared += 1
                    continue
            if not have_jq and any(re.search(r"\bjq\b", c.text) for c in block.commands):
                skipped_jq += 1
                continue
            index = runner.index_for(block)
            new_content = []
            changed = False
            for cmd in block.commands:
                _, out = runner.run(cmd.text, index)
                actual = output_lines(runner.shown(out))
                new_content.extend(cmd.lines)
                expected = output_lines("\n".join(cmd.expected))
                if matches(expected, actual):
                    new_content.extend(cmd.expected)
                    continue
                failures += 1
                new = updated(expected, actual)
                shown_new = new if new is not None else actual
                head = "README.md:%d: %s" % (cmd.lineno, cmd.lines[0])
                diff = difflib.unified_diff(
                    expected,
                    shown_new,
                    "README.md:%d (expected)" % (cmd.lineno + len(cmd.lines)),
                    "actual" if new is None else "actual, as --update writes it",
                    lineterm="",
                )
                print(head)
                print("\n".join(diff))
                if new is None:
                    print("(the `...` elisions no longer fit the output: edit this example by hand)")
                    unfixable += 1
                    new_content.extend(cmd.expected)
                else:
                    new_content.extend(new + cmd.expected[len(expected) :])  # blank lines kept
                    changed = True
                print()
            checked[block.archive][0] += 1
            checked[block.archive][1] += len(block.commands)
            if changed:
                replacements.append((block.start, block.end, new_content))

    summary = ", ".join("%s %d (%d commands)" % (a, b, c) for a, (b, c) in checked.items() if b)
    print("checked examples: %s" % (summary or "none"))
    if skipped_shared:
        print("SKIPPED: %d reuters/bbc examples need %s" % (skipped_shared, args.shared))
    if skipped_jq:
        print("SKIPPED: %d examples need jq" % skipped_jq)

    if args.update:
        for start, end, content in sorted(replacements, reverse=True):
            lines[start:end] = content
        if replacements:
            with open(README, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        print("updated %d command outputs in README.md" % (failures - unfixable))
        return 1 if unfixable else 0
    if failures:
        print("%d command outputs differ from README.md (python3 .ci/readme_examples.py --update rewrites them)" % failures)
        return 1
    print("README examples match the binary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
