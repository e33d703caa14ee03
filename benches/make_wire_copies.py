#!/usr/bin/env python3
"""Builds a wire-copy (near-duplicate article) benchmark archive from BBC and Reuters-21578.

Why it exists: dateline groups reprints of one story (cut, re-led, edited, OCR-damaged)
into one story, and must not merge different stories about the same people on the same
day. Neither corpus labels copies, so this script makes them: it picks real seed articles,
writes each with 2-4 synthetic copies (truncation, update, edit, noise), adds for each
seed 1-2 real *different* articles sharing its names and date (hard negatives), and
unrelated background. wire_copies_eval.py then scores a `dateline export` against it.

Usage: make_wire_copies.py --bbc DIR --reuters DIR --out DIR [--seeds 400] [--seed 1]

Writes DIR/articles/<file>.txt (Title/Date/Source header, blank-line paragraphs) and
DIR/truth.tsv (file, story, kind, source). Deterministic for a given --seed. Real
corpora already hold near-duplicates (Reuters re-sends, templated reports; repeated BBC
pages), so articles whose word 3-grams overlap are grouped into "families" first and at
most one article of a family is used: the truth must not call two real copies different.
Standard library only.
"""

import argparse
import datetime
import html
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

KINDS = ("truncation", "update", "edit", "noise")
MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
MON_ABBR = [None, "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
# Capitalised words that are not names even mid-sentence.
NOT_NAMES = set("""I Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec The A An It He She We They This That""".split())
# Abbreviations whose final period does not end a sentence.
ABBREV = {"Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Corp", "Inc",
          "Co", "Ltd", "U.S", "U.K", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "No"}
SYNONYMS = {
    "said": ["stated", "told reporters", "added"], "rose": ["climbed", "increased"],
    "fell": ["dropped", "declined"], "big": ["large"], "large": ["big", "major"],
    "company": ["firm", "group"], "firm": ["company"], "bought": ["acquired"], "buy": ["acquire"],
    "shares": ["stock"], "government": ["administration"], "expected": ["forecast", "likely"],
    "also": ["additionally"], "about": ["around", "some"], "but": ["however"],
    "increase": ["rise", "gain"], "cut": ["reduce"], "new": ["fresh"], "help": ["assist"],
    "plans": ["intends"], "major": ["key"], "show": ["reveal"], "says": ["states"],
    "million": ["mln"], "mln": ["million"], "billion": ["bn"], "officials": ["authorities"],
}
AGENCIES = [("AP", "{city} (AP) -- "), ("AFP", "{city}, {mon} {day} (AFP) - "),
            ("UPI", "{city} (UPI) -- "), ("Reuters", "{city}, {mon} {day} (Reuters) - "),
            ("Bloomberg", "{city} (Bloomberg) -- ")]
CITIES = ["LONDON", "NEW YORK", "WASHINGTON", "PARIS", "TOKYO", "BRUSSELS", "FRANKFURT", "MANCHESTER"]
OUTLETS = ["BBC", "Reuters", "AP", "The Guardian", "Financial Times", "Daily Telegraph", "Wire feed"]
BYLINES = ["Jane Smith", "Tom Alvarez", "Priya Natarajan", "Michael O'Neill", "Sarah Kowalski",
           "David Chen", "Helen Okafor", "Peter Lindqvist"]
OCR = {"l": "1I", "1": "l", "I": "l1", "O": "0", "0": "O", "o": "0e", "e": "co", "c": "e",
       "rn": "m", "m": "rn", "S": "5", "5": "S", "B": "8", "h": "b", "b": "h", "i": "l",
       "a": "o", "g": "q", "t": "f", "u": "v", "n": "ri", ",": ".", ".": ","}
WORD = re.compile(r"[a-z0-9]+")


def read_bbc(root):
    """Yields BBC articles: first line title, paragraphs split on blank lines."""
    for path in sorted(Path(root).glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # one file (sport/199.txt) is Latin-1
        title, _, rest = text.strip().partition("\n")
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rest) if p.strip()]
        yield dict(coll="bbc", title=title.strip(), paras=paras, dateline="", date=None)


def reuters_date(text):
    """Reuters stamps read like ` 5-MAR-1987 09:28:19.38`; returns a date or None."""
    m = re.search(r"(\d{1,2})-([A-Z]{3})-(\d{4})", text)
    try:
        return datetime.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    except (AttributeError, KeyError, ValueError):
        return None


def read_reuters(root):
    """Yields Reuters articles; paragraphs start at indented lines (or blank lines)."""
    def tag(record, name):
        m = re.search(rf"<{name}>(.*?)</{name}>", record, re.S)
        return html.unescape(m.group(1)) if m else ""
    for sgm in sorted(Path(root).glob("reut2-*.sgm")):
        text = sgm.read_bytes().decode("latin-1")
        for record in re.findall(r"<REUTERS\b[^>]*>(.*?)</REUTERS>", text, re.S):
            body = tag(record, "BODY").replace("\x03", "").replace("&#3;", "")
            body = re.sub(r"\s*\bREUTER\w*\s*$", "", body.rstrip(), flags=re.I)
            paras = [" ".join(p.split()) for p in re.split(r"\n(?=[ \t]+\S)|\n\s*\n", body)]
            dateline = " ".join(tag(record, "DATELINE").split())
            paras = [p for p in paras if p]
            if paras and dateline:
                paras[0] = f"{dateline} {paras[0]}"
            yield dict(coll="reuters", title=" ".join(tag(record, "TITLE").split()),
                       paras=paras, dateline=f"{dateline} " if dateline else "",
                       date=reuters_date(tag(record, "DATE")))


def eligible(a):
    """Articles long enough to cut and re-lead, made of sentences (not tables)."""
    words = " ".join(a["paras"]).split()
    alpha = sum(w.strip("\"'()[],;:.!?").isalpha() for w in words) / max(1, len(words))
    if a["coll"] == "bbc":
        return len(a["paras"]) >= 4 and alpha > 0.6
    return bool(a["title"]) and len(a["paras"]) >= 3 and len(words) >= 80 and alpha > 0.6


def undated(a):
    """The paragraphs with the dateline (`SALVADOR, Feb 26 - `) cut off the first."""
    paras, d = list(a["paras"]), a["dateline"]
    if d and paras and paras[0].startswith(d):
        paras[0] = paras[0][len(d):]
    return paras


def names(a):
    """Capitalised tokens not at a sentence start: cheap people/organisation candidates."""
    found = Counter()
    for para in undated(a):
        prev = None
        for raw in para.split():
            clean = raw.strip("\"'()[],;:.!?")
            starts = prev is None or (re.search(r"[.!?][\"')\]]*$", prev) and
                                      prev.strip("\"'()[],;:.!?") not in ABBREV)
            if (not starts and len(clean) > 1 and re.fullmatch(r"[A-Z][A-Za-z&'.-]*", clean)
                    and clean not in NOT_NAMES):
                found[clean.rstrip(".")] += 1
            prev = raw
    return found


def shingles(a):
    """Word 3-grams of the body, the unit dateline's copy detection compares."""
    w = WORD.findall(" ".join(a["paras"]).lower())
    return {hash(tuple(w[i:i + 3])) for i in range(len(w) - 2)}


def overlaps(a, b, min_jaccard, min_contained):
    """Whether two 3-gram sets overlap like copies (or like a rewrite of one report)."""
    n = len(a & b)
    return n / max(1, len(a | b)) >= min_jaccard or n / max(1, min(len(a), len(b))) >= min_contained


def families(arts, min_jaccard=0.1, min_contained=0.25, max_df=40, min_rare=3):
    """Union-find over textually overlapping articles (Jaccard or containment of 3-grams).

    Why: Reuters re-sends and re-words stories and BBC repeats pages; a truth that calls
    such pairs different stories would punish a correct engine. Candidates are pairs
    sharing min_rare 3-grams found in at most max_df articles (all-pairs is too slow);
    the test itself is on all their 3-grams."""
    sets = [shingles(a) for a in arts]
    post = defaultdict(list)
    for i, s in enumerate(sets):
        for g in s:
            post[g].append(i)
    shared = Counter()
    for ids in post.values():
        if 1 < len(ids) <= max_df:
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    shared[ids[x], ids[y]] += 1
    parent = list(range(len(arts)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for (i, j), n in shared.items():
        if n >= min_rare and overlaps(sets[i], sets[j], min_jaccard, min_contained):
            parent[find(i)] = find(j)
    return [find(i) for i in range(len(arts))]


def sentences(paras):
    """Sentences of the body, split at . ! ? before a capital or quote."""
    return [s for p in paras for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", p) if len(s.split()) > 3]


def make_truncation(rng, a):
    """The first 40-90% of paragraphs, as papers print a wire story cut to fit."""
    n = len(a["paras"])
    keep = min(n - 1, max(1, round(n * rng.uniform(0.4, 0.9))))
    return dict(a, paras=a["paras"][:keep])


def make_update(rng, a, donor, seed_names, common):
    """A new lead (sentences of another article, its main name swapped for the seed's)
    before the seed's paragraphs, a new headline, sometimes without the last paragraph."""
    donor_paras = undated(donor)
    sents = sentences(donor_paras)
    start = rng.randrange(max(1, len(sents) - 5))
    n_par = rng.randint(1, 3)
    lead, pos = [], start
    for _ in range(n_par):
        take = sents[pos:pos + rng.randint(1, 2)]
        pos += len(take)
        if take:
            lead.append(" ".join(take))
    lead = lead or donor_paras[:1]
    donor_names = [n for n, _ in names(donor).most_common() if n not in common]
    for old, new in zip(donor_names[:1], seed_names[:1]):
        lead = [re.sub(rf"\b{re.escape(old)}\b", new, p) for p in lead]
    body = undated(a)
    lead[0] = a["dateline"] + lead[0]
    if len(body) >= 3 and rng.random() < 0.4:
        body = body[:-1]
    title = rng.choice([f"UPDATE {rng.randint(1, 3)}-{a['title']}", f"{a['title']} - latest",
                        f"{a['title']}, officials say", f"New details: {a['title']}"])
    return dict(a, title=title, paras=lead + body)


def substitute_words(rng, paras, rate):
    """Replaces `rate` of the words by a synonym or another word of the same article."""
    vocab = [w for p in paras for w in p.split() if w.isalpha() and w.islower()]
    out = []
    for p in paras:
        words = p.split()
        for i, w in enumerate(words):
            core = w.rstrip(".,;:!?\"')")
            if core.isalpha() and rng.random() < rate:
                alt = SYNONYMS.get(core.lower())
                words[i] = (rng.choice(alt) if alt else rng.choice(vocab or [core])) + w[len(core):]
        out.append(" ".join(words))
    return out


def make_edit(rng, a, date):
    """Copy-edited reprint: 5-10% words changed, later paragraphs reordered, another
    agency's dateline and a byline."""
    paras = substitute_words(rng, undated(a), rng.uniform(0.05, 0.10))
    for _ in range(rng.randint(1, 2)):
        i, j = rng.sample(range(1, len(paras)), 2)
        paras[i], paras[j] = paras[j], paras[i]
    city = a["dateline"].split(",")[0].strip() if a["dateline"] else rng.choice(CITIES)
    agencies = [g for g in AGENCIES if g[0] != ("Reuters" if a["coll"] == "reuters" else "BBC")]
    agency, form = rng.choice(agencies)
    paras[0] = form.format(city=city, mon=MON_ABBR[date.month], day=date.day) + paras[0]
    return dict(a, paras=[f"By {rng.choice(BYLINES)}"] + paras, source=agency)


def ocr_noise(rng, text, rate):
    """OCR-like damage to `rate` of the characters: look-alikes, drops, inserts, spaces."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if rng.random() >= rate:
            out.append(c)
        elif text[i:i + 2] in OCR and rng.random() < 0.5:
            out.append(OCR[text[i:i + 2]])
            i += 1
        else:
            op = rng.random()
            if c == " ":
                out.append("" if op < 0.7 else "  ")
            elif c in OCR and op < 0.5:
                out.append(rng.choice(OCR[c]))
            elif op < 0.7:
                pass  # dropped character
            elif op < 0.85:
                out.append(c + rng.choice("abcdefghilmnorstu.,'"))
            else:
                out.append(c + " ")
        i += 1
    return "".join(out)


def make_noise(rng, a):
    """A scanned-and-OCRed print copy: 2-5% of characters damaged, title included."""
    rate = rng.uniform(0.02, 0.05)
    return dict(a, title=ocr_noise(rng, a["title"], rate),
                paras=[ocr_noise(rng, p, rate) for p in a["paras"]])


def write_article(path, a, date, source):
    """Writes the header block dateline's txt reader honours, then the paragraphs."""
    head = f"Title: {a['title']}\nDate: {date.isoformat()}\nSource: {source}\n\n"
    path.write_text(head + "\n\n".join(a["paras"]) + "\n", encoding="utf-8")


def load_pool(coll, reader):
    """Distinct eligible articles of one collection, with families and names, and the
    names too common to count (in more than 2% of articles: U.S., London, Reuters)."""
    seen, arts, total, dups, empty = set(), [], 0, 0, 0
    for a in reader:
        total += 1
        key = " ".join(WORD.findall(" ".join(a["paras"]).lower()))
        empty += not key
        dups += bool(key) and key in seen
        if key and key not in seen and eligible(a):
            arts.append(a)
        seen.add(key)
    fam = families(arts)
    for a, f in zip(arts, fam):
        a["family"], a["names"] = (coll, f), names(a)
    sizes = [v for v in Counter(fam).values() if v > 1]
    print(f"{coll}: {total} articles, {empty} without body, {dups} exact duplicates dropped, "
          f"{len(arts)} eligible, {sum(sizes)} in {len(sizes)} near-duplicate families",
          file=sys.stderr)
    counts = Counter(n for a in arts for n in a["names"])
    return arts, {n for n, c in counts.items() if c > 0.02 * len(arts)}


def pick_negatives(rng, seed, pool, used):
    """Indices in `pool` of 1-2 hard negatives for `seed`: most shared key names, unused
    family (marked used here), and little shared wording, since Reuters often re-reports
    one filing in new words (EVEREX SYSTEMS FILES INITIAL PUBLIC OFFER, 3-gram Jaccard
    0.15 to its twin): that is not a "different story"."""
    key = set(seed["key"])
    scored = [(len(key & a["names"].keys()), rng.random(), i) for i, a in enumerate(pool)
              if a["family"] not in used]
    want, picked, seed_grams = rng.randint(1, 2), [], shingles(seed)
    for shared, _, i in sorted(scored, reverse=True):
        if shared == 0 or len(picked) == want:
            break
        if pool[i]["family"] not in used and not overlaps(seed_grams, shingles(pool[i]), 0.08, 0.2):
            picked.append(i)
            used.add(pool[i]["family"])
    return picked


def random_day(rng):
    """BBC files carry no date; the dataset covers 2004-2005."""
    return datetime.date(2004, 1, 1) + datetime.timedelta(rng.randrange(731))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bbc", required=True)
    ap.add_argument("--reuters", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", type=int, default=400)
    ap.add_argument("--background", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for old in (out / "articles").glob("*.txt"):
        if re.fullmatch(r"[sbn]\d{4}(-\w+)?\.txt", old.name):
            old.unlink()

    pools, df = {}, {}
    for coll, reader in (("bbc", read_bbc(args.bbc)), ("reuters", read_reuters(args.reuters))):
        pools[coll], df[coll] = load_pool(coll, reader)

    used = set()  # families already in the archive (or lent to an update lead)

    def take(arts):
        """Removes and returns the first article whose family is still unused."""
        while arts:
            a = arts.pop()
            if a["family"] not in used:
                used.add(a["family"])
                return a
        sys.exit("ran out of articles; use fewer --seeds")

    rows, per_kind = [], Counter()

    def emit(name, story, kind, a, date, source):
        write_article(out / "articles" / name, a, date, source)
        rows.append((name, story, kind, a["coll"]))
        per_kind[kind] += 1

    half = [args.seeds - args.seeds // 2, args.seeds // 2]
    seeds = []
    for coll, n in zip(("bbc", "reuters"), half):
        rng.shuffle(pools[coll])
        seeds += [take(pools[coll]) for _ in range(n)]
    rng.shuffle(seeds)
    for k, s in enumerate(seeds):
        s["id"] = f"s{k:04d}"
        s["date"] = s["date"] or random_day(rng)
        s["key"] = [n for n, _ in s["names"].most_common() if n not in df[s["coll"]]]

    src_name = {"bbc": "BBC", "reuters": "Reuters"}
    for s in seeds:
        sid, coll = s["id"], s["coll"]
        emit(f"{sid}-orig.txt", sid, "orig", s, s["date"], src_name[coll])
        kinds = rng.sample(KINDS, rng.randint(2, 4))
        for c, kind in enumerate(kinds, 1):
            date = s["date"] + datetime.timedelta(days=rng.random() < 0.3)
            source = rng.choice(OUTLETS)
            if kind == "truncation":
                copy = make_truncation(rng, s)
            elif kind == "update":
                copy = make_update(rng, s, take(pools[coll]), s["key"], df[coll])
            elif kind == "edit":
                copy = make_edit(rng, s, date)
                source = copy["source"]
            else:
                copy = make_noise(rng, s)
            emit(f"{sid}-c{c}.txt", sid, kind, copy, date, source)
        picked = pick_negatives(rng, s, pools[coll], used)
        for m, i in enumerate(sorted(picked, reverse=True), 1):
            neg = pools[coll].pop(i)
            emit(f"n{sid[1:]}-{m}.txt", f"n{sid[1:]}-{m}", "negative", neg, s["date"], src_name[coll])

    for k in range(args.background):
        a = take(pools["bbc" if k % 2 == 0 else "reuters"])
        date = a["date"] or random_day(rng)
        emit(f"b{k:04d}.txt", f"b{k:04d}", "background", a, date, src_name[a["coll"]])

    with open(out / "truth.tsv", "w", encoding="utf-8") as f:
        f.write("file\tstory\tkind\tsource\n")
        f.writelines("\t".join(r) + "\n" for r in sorted(rows))
    order = ["orig", *KINDS, "negative", "background"]
    print(f"{len(rows)} files in {out / 'articles'}: " +
          ", ".join(f"{k} {per_kind[k]}" for k in order))


if __name__ == "__main__":
    main()
