#!/usr/bin/env python3
"""Builds the benchmark archive from the Reuters-21578 SGML files.

Why a separate generator: the benchmark must feed dateline and tantivy-cli the *same*
articles, and dateline's own SGML reader must not be the thing that decides what those
articles are. This script parses the SGML independently (standard library only) and
writes, for each of N copies:

  OUT/txt/copyK/reut2-NNN/NEWID.txt   one plain-text article per file, with a
                                      `Title:` / `Date:` header (dateline's txt format)
  OUT/docs.ndjson                     the same articles as one JSON object per line for
                                      `tantivy index` (id, title, body, date, and the
                                      entities dateline extracted, when --entities is given)
  OUT/ids.txt                         every article id, one per line (for fault tests)

Usage: make_archive.py --reuters DIR --out DIR --copies N [--entities EXPORT.jsonl]

--entities takes `dateline export --format jsonl` output of an index built from copy 0
with extraction on; its people/orgs/places are copied into docs.ndjson so that entity
filters and facets mean the same thing in both engines.
"""

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path

REUTERS = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(r'NEWID="(\d+)"')
MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})")


def tag(record, name):
    """Text of the first <name>...</name> in a record, entity-decoded, or ''."""
    m = re.search(rf"<{name}>(.*?)</{name}>", record, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def parse_date(text):
    """Reuters dates look like ` 5-MAR-1987 09:28:19.38` with junk around them."""
    m = DATE.search(text)
    if not m or m.group(2) not in MONTHS:
        return None
    return f"{m.group(3)}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def articles(reuters_dir):
    """Yields (file stem, newid, title, date, body) for every record, in file order."""
    for sgm in sorted(Path(reuters_dir).glob("reut2-*.sgm")):
        text = sgm.read_bytes().decode("latin-1")
        for attrs, record in REUTERS.findall(text):
            newid = NEWID.search(attrs).group(1)
            title = tag(record, "TITLE")
            body = tag(record, "BODY")
            if not body:
                # UNPROC/BRIEF records keep their text directly under <TEXT>.
                inner = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", record, re.S)
                body = html.unescape(re.sub(r"<[^>]+>", " ", inner.group(1))).strip() if inner else ""
            body = body.replace("\x03", "").strip()
            if not title:
                title = " ".join(body.split()[:12]) or f"Reuters {newid}"
            yield sgm.stem, newid, " ".join(title.split()), parse_date(tag(record, "DATE")), body


def load_entities(path):
    """Maps NEWID to (people, orgs, places) from a dateline jsonl export of copy 0."""
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            newid = Path(doc["id"]).stem
            table[newid] = (doc.get("people", []), doc.get("orgs", []), doc.get("places", []))
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reuters", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--entities")
    args = ap.parse_args()

    out = Path(args.out)
    entities = load_entities(args.entities) if args.entities else {}
    records = list(articles(args.reuters))
    n = 0
    with open(out / "docs.ndjson", "w", encoding="utf-8") as nd, \
            open(out / "ids.txt", "w", encoding="utf-8") as ids:
        for copy in range(args.copies):
            for stem, newid, title, date, body in records:
                rel = f"copy{copy}/{stem}/{newid}.txt"
                path = out / "txt" / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                header = f"Title: {title}\n" + (f"Date: {date}\n" if date else "")
                path.write_text(f"{header}\n{body}\n", encoding="utf-8")
                doc = {"id": rel, "title": title, "body": body}
                if date:
                    doc["date"] = f"{date}T00:00:00Z"
                people, orgs, places = entities.get(newid, ([], [], []))
                # The `_exact` twins mirror dateline's schema: whole names, for facets.
                doc.update(people=people, orgs=orgs, places=places, people_exact=people,
                           orgs_exact=orgs, places_exact=places)
                nd.write(json.dumps(doc, ensure_ascii=False) + "\n")
                ids.write(rel + "\n")
                n += 1
    print(f"{n} articles ({len(records)} x {args.copies}) in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
