#!/usr/bin/env python3
"""Builds index_schema/ner/case.tsv: how words are usually written mid-sentence.

Headlines in wire copy are often ALL CAPS ("TREASURY'S BAKER SAYS ..."), where the
tagger cannot see which words are names. dateline truecases such sentences before
tagging, using this table: for each word whose usual mid-sentence form is not
lowercase ("Baker", "Treasury", "OPEC"), that form. Words absent from the table are
lowercased.

Inputs (unlabelled text only; no entity labels are read):
  ../shared/data/reuters21578/reut2-*.sgm   <BODY> text (titles are all caps: skipped)
  ../shared/data/bbc/*/*.txt
  ../shared/data/conll2003/train.txt         first column (all-caps sentences skipped)
  ../shared/data/gum-wikinews/dep/*.conllu   "# text =" lines
Output: index_schema/ner/case.tsv, "lowercase<TAB>usual form", sorted; only words seen
mid-sentence at least 3 times whose usual form has a capital letter.

Usage (from the repository root, standard library only, deterministic):
  python3 index_schema/ner/scripts/build_case.py [--shared ../shared]
"""
import argparse
import collections
import glob
import html
import os
import re

TOKEN = re.compile(r"[A-Za-z][A-Za-z.'&-]*[A-Za-z.]|[A-Za-z]")
SENTENCE_END = re.compile(r"[.!?]$")


def read(path):
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sentences_from_text(text):
    for paragraph in re.split(r"\n\s*\n|\n    ", text):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[\"'A-Z])", paragraph):
            yield sentence


def count(sentence, counts):
    words = TOKEN.findall(sentence)
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) > 2 and all(w.upper() == w for w in letters):
        return  # all-caps headline: no case information
    for i, w in enumerate(words):
        if i == 0:
            continue  # sentence-initial capitals say nothing
        w = w.rstrip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", w) else w
        counts[w.lower()][w] += 1


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    args = ap.parse_args()
    data = os.path.join(args.shared, "data")
    counts = collections.defaultdict(collections.Counter)

    for path in sorted(glob.glob(os.path.join(data, "reuters21578", "reut2-*.sgm"))):
        for body in re.findall(r"<BODY>(.*?)</BODY>", read(path), re.S):
            body = html.unescape(re.sub(r"&#\d+;", " ", body))
            for s in sentences_from_text(body):
                count(s, counts)
    for path in sorted(glob.glob(os.path.join(data, "bbc", "*", "*.txt"))):
        text = read(path)
        body = text.split("\n", 1)[1] if "\n" in text else ""
        for s in sentences_from_text(body):
            count(s, counts)
    sentence = []
    for line in read(os.path.join(data, "conll2003", "train.txt")).splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sentence:
                count(" ".join(sentence), counts)
            sentence = []
        else:
            sentence.append(cols[0])
    if sentence:
        count(" ".join(sentence), counts)
    for path in sorted(glob.glob(os.path.join(data, "gum-wikinews", "dep", "*.conllu"))):
        for line in read(path).splitlines():
            if line.startswith("# text = "):
                count(line[len("# text = "):], counts)

    out = os.path.join(root, "index_schema", "ner", "case.tsv")
    rows = []
    for lower, forms in counts.items():
        total = sum(forms.values())
        form, n = max(forms.items(), key=lambda kv: (kv[1], kv[0]))
        if total >= 3 and form != lower and any(c.isupper() for c in form):
            rows.append((lower, form))
    rows.sort()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for lower, form in rows:
            f.write(f"{lower}\t{form}\n")
    print(f"wrote {out}: {len(rows)} words")


if __name__ == "__main__":
    main()
