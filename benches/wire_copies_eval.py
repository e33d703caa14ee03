#!/usr/bin/env python3
"""Scores predicted wire-copy stories against the truth of make_wire_copies.py.

Why it exists: the copy detector has two ways to fail that one number hides. It can
miss copies (a cut, re-led, edited or OCR-damaged reprint left alone), or merge
different stories (same people, same day). So this reports pairwise precision, recall
per copy kind, false merges of hard negatives and background, the adjusted Rand index
over the whole archive, and examples of both failures by file name.

Usage: wire_copies_eval.py DIR PREDICTIONS.jsonl [--json]

DIR holds truth.tsv (file, story, kind, source). PREDICTIONS.jsonl has one object per
line with "id" (the article's path relative to DIR/articles; a leading "articles/" or
"./" and a "#N" suffix are stripped) and "story" (missing or null: a singleton), e.g.
the output of `dateline export --format jsonl` on an index of DIR/articles. Ids not in
the truth are ignored; truth files without a prediction count as singletons and are
listed. Exit status 0 whatever the scores (it is a report), 2 on unreadable input.
Standard library only.
"""

import argparse
import json
import re
import sys
from collections import Counter, defaultdict

COPY_KINDS = ("truncation", "update", "edit", "noise")
ALONE_KINDS = ("negative", "background")
SHOW = 10


def fail(message):
    """Unreadable input is the one case that is not a report: exit 2."""
    print(f"wire_copies_eval: {message}", file=sys.stderr)
    sys.exit(2)


def read_truth(path):
    """file -> (story, kind, source) from truth.tsv, checking its header."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        fail(f"cannot read {path}: {e}")
    if not lines or lines[0].split("\t")[:4] != ["file", "story", "kind", "source"]:
        fail(f"{path}: expected the header file<TAB>story<TAB>kind<TAB>source")
    truth = {}
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) < 4:
            fail(f"{path}:{n}: expected 4 columns")
        truth[cols[0]] = (cols[1], cols[2], cols[3])
    return truth


def normalise_id(raw):
    """Exports name articles by archive-relative path, maybe with `#N` for the N-th
    article of a multi-article file; the truth names files relative to DIR/articles."""
    ident = re.sub(r"#\d+$", "", str(raw).replace("\\", "/"))
    while ident.startswith("./"):
        ident = ident[2:]
    return ident[len("articles/"):] if ident.startswith("articles/") else ident


def read_predictions(path, truth):
    """file -> predicted story label, plus counts of what was ignored."""
    pred, ignored, repeated = {}, 0, 0
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    fail(f"{path}:{n}: not JSON ({e})")
                ident = normalise_id(obj.get("id", "")) if isinstance(obj, dict) else ""
                if ident not in truth:
                    ignored += 1
                elif ident in pred:
                    repeated += 1  # a file split into several articles: first one counts
                else:
                    story = obj.get("story")
                    pred[ident] = None if story is None else str(story)
    except (OSError, UnicodeDecodeError) as e:
        fail(f"cannot read {path}: {e}")
    return pred, ignored, repeated


def pairs(n):
    """n choose 2: the number of article pairs inside a group of n."""
    return n * (n - 1) // 2


def adjusted_rand(cells, rows, cols, n):
    """Hubert-Arabie ARI from the contingency table: (index - expected) / (max - expected).
    Both partitions trivial (all singletons on both sides, say) gives 1."""
    index = sum(pairs(v) for v in cells.values())
    a, b = sum(pairs(v) for v in rows.values()), sum(pairs(v) for v in cols.values())
    expected = a * b / pairs(n) if n > 1 else 0.0
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def evaluate(truth, pred):
    """All figures, from the truth and the predicted labels (None: a singleton)."""
    files = sorted(truth)
    # A missing or null story is its own group: label it by the file so it meets nobody.
    label = {f: ("p", pred[f]) if pred.get(f) is not None else ("alone", f) for f in files}
    members = defaultdict(list)
    for f in files:
        members[label[f]].append(f)
    cells = Counter((truth[f][0], label[f]) for f in files)
    rows = Counter(truth[f][0] for f in files)
    cols = Counter(label[f] for f in files)
    predicted_pairs = sum(pairs(v) for v in cols.values())
    true_pairs = sum(pairs(v) for v in rows.values())
    correct_pairs = sum(pairs(v) for v in cells.values())

    orig = {story: f for f, (story, kind, _) in truth.items() if kind == "orig"}
    found, total, missed = Counter(), Counter(), []
    for f in files:
        story, kind, source = truth[f]
        if kind not in COPY_KINDS:
            continue
        total[kind] += 1
        o = orig.get(story)
        if o is not None and label[f] == label[o]:
            found[kind] += 1
        else:
            mates = [m for m in members[label[f]] if m != f]
            missed.append(dict(file=f, kind=kind, source=source, original=o,
                               grouped_with=mates[:5], grouped_with_count=len(mates)))

    merged = Counter()
    for f in files:
        if truth[f][1] in ALONE_KINDS and cols[label[f]] > 1:
            merged[truth[f][1]] += 1
    wrong = []
    for lab, fs in members.items():
        stories = Counter(truth[f][0] for f in fs)
        if len(stories) > 1:
            bad = pairs(len(fs)) - sum(pairs(v) for v in stories.values())
            wrong.append(dict(story=lab[1], wrong_pairs=bad, size=len(fs),
                              files=[f"{f} ({truth[f][1]})" for f in fs[:8]]))
    wrong.sort(key=lambda w: (-w["wrong_pairs"], w["files"]))
    kinds = Counter(k for _, k, _ in truth.values())
    return dict(
        articles=len(files),
        predicted_pairs=predicted_pairs,
        true_pairs=true_pairs,
        pairwise_precision=correct_pairs / predicted_pairs if predicted_pairs else None,
        pairwise_recall=correct_pairs / true_pairs if true_pairs else None,
        recall_by_kind={k: found[k] / total[k] if total[k] else None for k in COPY_KINDS},
        copies_found=sum(found.values()), copies=sum(total.values()),
        false_merges={k: merged[k] for k in ALONE_KINDS},
        alone_articles={k: kinds[k] for k in ALONE_KINDS},
        ari=adjusted_rand(cells, rows, cols, len(files)),
        missed_copies=missed[:SHOW], missed_count=len(missed),
        wrong_merges=wrong[:SHOW], wrong_merge_groups=len(wrong))


def fraction(x):
    return "n/a" if x is None else f"{x:.3f}"


def report(r):
    """The human-readable form of evaluate()'s figures."""
    print(f"articles: {r['articles']} (predictions for {r['predicted_articles']}; "
          f"{r['missing_count']} missing, counted as singletons)")
    if r["missing"]:
        print("  missing: " + ", ".join(r["missing"]))
    print(f"pairwise precision: {fraction(r['pairwise_precision'])} "
          f"({r['predicted_pairs']} predicted pairs)")
    print(f"pairwise recall:    {fraction(r['pairwise_recall'])} ({r['true_pairs']} true pairs)")
    print(f"adjusted Rand index: {r['ari']:.4f}")
    print(f"copies with their original: {r['copies_found']}/{r['copies']}")
    for kind, v in r["recall_by_kind"].items():
        print(f"  {kind:<11} {fraction(v)}")
    print("merged with another article (should stay alone):")
    for kind, n in r["false_merges"].items():
        print(f"  {kind:<11} {n}/{r['alone_articles'][kind]}")
    print(f"missed copies ({r['missed_count']}, first {SHOW}):")
    for m in r["missed_copies"]:
        mates = ", ".join(m["grouped_with"]) or "alone"
        print(f"  {m['file']} ({m['kind']}, {m['source']}): original {m['original']}; "
              f"grouped with {mates}" + (" ..." if m["grouped_with_count"] > 5 else ""))
    print(f"wrong merges ({r['wrong_merge_groups']} predicted stories mixing true ones, "
          f"first {SHOW}):")
    for w in r["wrong_merges"]:
        print(f"  story {w['story']}: {w['wrong_pairs']} wrong pairs in {w['size']}: "
              + ", ".join(w["files"]) + (" ..." if w["size"] > len(w["files"]) else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="output directory of make_wire_copies.py (holds truth.tsv)")
    ap.add_argument("predictions", help="JSON Lines with id and story per article")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    truth = read_truth(f"{args.dir}/truth.tsv")
    pred, ignored, repeated = read_predictions(args.predictions, truth)
    result = evaluate(truth, pred)
    missing = sorted(set(truth) - set(pred))
    result.update(predicted_articles=len(pred), missing_count=len(missing),
                  missing=missing[:SHOW], ignored_lines=ignored, repeated_ids=repeated)
    if args.json:
        print(json.dumps(result, indent=None, sort_keys=True))
    else:
        report(result)
        if ignored or repeated:
            print(f"({ignored} prediction lines not in the truth ignored, "
                  f"{repeated} repeated ids after the first ignored)")


if __name__ == "__main__":
    main()
