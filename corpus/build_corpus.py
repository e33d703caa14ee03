#!/usr/bin/env python3
"""Regenerate the sample archive in corpus/ from the shared inputs.

Usage (from the repository root):

    python3 corpus/build_corpus.py [--shared PATH]

Inputs (under --shared, default ../shared relative to the repository root):

  * seed/000_018f6ad998b1343c.txt       the AP seed article (body kept byte-for-byte)
  * data/gum-wikinews/dep/GUM_news_*.conllu
                                        Wikinews news articles (CC BY 2.5) as
                                        tokenized in the GUM corpus
  * data/gum-wikinews/LICENSE.txt       license notes quoted in ATTRIBUTION.md

Outputs (all UTF-8, LF line endings, trailing newline):

  corpus/ap/2021-01-12-pompeo-iran-al-qaida.txt
  corpus/wikinews/md/<slug>.md            Markdown + YAML front matter
  corpus/wikinews/wikinews.jsonl          JSON Lines, one article per line
  corpus/wikinews/wikinews-array.json     JSON array, different field names
  corpus/wikinews/html/<slug>.html        web pages (meta tags or JSON-LD dates)
  corpus/wikinews/txt/<date>-<slug>.txt   plain text with a header block
  corpus/ATTRIBUTION.md
  corpus/README.md

The script deletes corpus/ap/, corpus/wikinews/, corpus/ATTRIBUTION.md and
corpus/README.md before writing them again, so a rerun gives identical output.
Anything else placed in corpus/ is left alone. Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

SEED_NAME = "000_018f6ad998b1343c.txt"
AP_OUT = Path("ap") / "2021-01-12-pompeo-iran-al-qaida.txt"
AP_TITLE = "Pompeo accuses Iran of secret ties with al-Qaida"
AP_DATE = "2021-01-12"

WIKINEWS_LICENSE_URL = "https://creativecommons.org/licenses/by/2.5/"

# Which format each Wikinews article goes to, by its position in the list of
# documents sorted by name (cycled if there are more documents than letters):
# m = Markdown, j = JSON Lines, a = JSON array, h = HTML, t = plain text.
# For the 24 GUM news documents this gives 8 m, 6 j, 3 a, 4 h, 3 t, spreads the
# years over every format, and puts documents with subheadings, block quotes
# and a source list into Markdown and HTML so those readers see such markup.
FORMAT_PATTERN = "mjhamtmjhjmatmjhmmajthjm"
FORMAT_CODES = {"m": "md", "j": "jsonl", "a": "json", "h": "html", "t": "txt"}
FORMAT_ORDER = ["md", "jsonl", "json", "html", "txt"]


# --------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------

def write_text(rel: Path, text: str) -> Path:
    """Write text as UTF-8 with LF endings and exactly one trailing newline."""
    if "\r" in text:
        raise ValueError(f"{rel}: carriage return in output")
    text = text.rstrip("\n") + "\n"
    path = CORPUS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return path


def write_bytes(rel: Path, data: bytes) -> Path:
    path = CORPUS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------
# GUM CoNLL-U reading
# --------------------------------------------------------------------------

BLOCK_RE = re.compile(r"^(?P<kind>\w+)(?:\s+(?P<attrs>.*?))?\s+\((?P<n>\d+) s\)$")


@dataclass
class Block:
    kind: str          # p, head, quote, figure, caption, list, item, ...
    remaining: int     # sentences still to come inside this block
    ident: int         # unique per document, to tell blocks apart


@dataclass
class Paragraph:
    kind: str                      # "p", "head", "quote", "item"
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass
class Article:
    doc: str            # GUM document name, e.g. GUM_news_afghan
    slug: str           # afghan
    title: str
    date: str           # YYYY-MM-DD (meta::dateCreated)
    url: str
    author: str
    paragraphs: list[Paragraph]
    notes: list[str] = field(default_factory=list)

    def plain_body(self) -> str:
        """Paragraphs (headings, quotes and list items included) as plain text."""
        return "\n\n".join(p.text for p in self.paragraphs)


def parse_conllu(path: Path) -> Article | None:
    meta: dict[str, str] = {}
    stack: list[Block] = []
    next_ident = 0
    newpar = False
    groups: list[tuple[tuple[int, ...], list[str], list[str]]] = []  # key, kinds, sentences
    forms_all_underscore = True

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("# meta::"):
                key, _, value = line[len("# meta::"):].partition(" = ")
                meta[key.strip()] = value.strip()
            elif line == "# newpar":
                newpar = True
            elif line.startswith("# newpar_block = "):
                newpar = True
                for part in line[len("# newpar_block = "):].split(" | "):
                    m = BLOCK_RE.match(part.strip())
                    if not m:
                        raise ValueError(f"{path.name}: cannot parse block {part!r}")
                    stack.append(Block(m.group("kind"), int(m.group("n")), next_ident))
                    next_ident += 1
            elif line.startswith("# text = "):
                text = line[len("# text = "):].strip()
                stack = [b for b in stack if b.remaining > 0]
                key = tuple(b.ident for b in stack)
                kinds = [b.kind for b in stack]
                # A new paragraph starts at every "# newpar" and wherever the
                # enclosing block structure changes (e.g. the rest of a <p>
                # after an embedded quote or image caption).
                if newpar or not groups or groups[-1][0] != key:
                    groups.append((key, kinds, []))
                groups[-1][2].append(text)
                for b in stack:
                    b.remaining -= 1
                newpar = False
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) > 1 and cols[1] != "_":
                    forms_all_underscore = False

    doc = path.stem
    if forms_all_underscore:
        return None  # text withheld (e.g. reddit documents): skip

    for required in ("title", "dateCreated", "sourceURL"):
        if required not in meta:
            raise ValueError(f"{path.name}: missing meta::{required}")
    date = meta["dateCreated"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise ValueError(f"{path.name}: dateCreated {date!r} is not YYYY-MM-DD")

    title = meta["title"]
    notes: list[str] = []
    paragraphs: list[Paragraph] = []
    for _key, kinds, sentences in groups:
        if all(set(s) <= {"_", " "} for s in sentences):
            continue
        if "figure" in kinds or "caption" in kinds:
            notes.append("omitted image caption: " + " ".join(sentences))
            continue
        if "head" in kinds:
            kind = "head"
        elif "item" in kinds:
            kind = "item"
        elif "quote" in kinds:
            kind = "quote"
        else:
            kind = "p"
        if kind == "p" and sentences[0] == "Categories:":
            notes.append("omitted category list: " + " | ".join(sentences[1:]))
            continue
        paragraphs.append(Paragraph(kind, list(sentences)))

    if paragraphs and paragraphs[0].kind == "head":
        if paragraphs[0].text == title:
            paragraphs.pop(0)
        else:
            notes.append(f"first heading differs from title: {paragraphs[0].text!r}")

    slug = doc.split("GUM_news_", 1)[-1]
    return Article(doc, slug, title, date, meta["sourceURL"],
                   meta.get("author", ""), paragraphs, notes)


# --------------------------------------------------------------------------
# Format writers
# --------------------------------------------------------------------------

def yaml_quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_plain_or_quoted(s: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9:/._%~;,()?=&+\-]*", s) and ": " not in s:
        return s
    return yaml_quote(s)


MD_LEADING = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s)")


def md_escape(s: str) -> str:
    s = s.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
    if MD_LEADING.match(s):
        s = "\\" + s
    return s


def render_markdown(a: Article) -> str:
    out = [
        "---",
        f"title: {yaml_quote(a.title)}",
        f"date: {a.date}",
        "source: Wikinews",
        f"url: {yaml_plain_or_quoted(a.url)}",
        "---",
        "",
    ]
    blocks: list[str] = []
    for p in a.paragraphs:
        if p.kind == "head":
            blocks.append("## " + md_escape(p.text))
        elif p.kind == "quote":
            blocks.append("> " + md_escape(p.text))
        elif p.kind == "item":
            item = "- " + md_escape(p.text)
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item   # keep the list tight
            else:
                blocks.append(item)
        else:
            blocks.append(md_escape(p.text))
    return "\n".join(out) + "\n" + "\n\n".join(blocks) + "\n"


def render_txt(title: str, date: str, source: str, url: str | None, body: str) -> str:
    header = [f"Title: {title}", f"Date: {date}", f"Source: {source}"]
    if url:
        header.append(f"URL: {url}")
    return "\n".join(header) + "\n\n" + body + "\n"


def h(s: str) -> str:
    """HTML-escape text; typographic punctuation becomes numeric references."""
    s = html.escape(s, quote=True)
    return "".join(f"&#{ord(c)};" if 0x2000 <= ord(c) <= 0x206F else c for c in s)


NAV = [("/", "Home"), ("/wiki/Category:World", "World"),
       ("/wiki/Category:Politics_and_conflicts", "Politics"),
       ("/wiki/Category:Science_and_technology", "Science"),
       ("/wiki/Category:Sports", "Sports")]


def render_html(a: Article, use_json_ld: bool, related: list[Article]) -> str:
    t = h(a.title)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{t} - Wikinews</title>",
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{t}">',
        '<meta property="og:site_name" content="Wikinews">',
        f'<meta property="og:url" content="{h(a.url)}">',
    ]
    if not use_json_ld:
        head.append(f'<meta property="article:published_time" content="{a.date}T00:00:00Z">')
    head += [
        f'<link rel="canonical" href="{h(a.url)}">',
        '<link rel="stylesheet" href="/static/site.css">',
    ]
    if use_json_ld:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": a.date,
            "url": a.url,
            "author": {"@type": "Organization", "name": "Wikinews"},
            "publisher": {"@type": "Organization", "name": "Wikinews"},
            "license": WIKINEWS_LICENSE_URL,
        }
        payload = json.dumps(ld, ensure_ascii=False, indent=2).replace("</", "<\\/")
        head.append('<script type="application/ld+json">\n' + payload + "\n</script>")
    head.append("</head>")

    body = ["<body>", '<nav class="site-nav" aria-label="Sections">', "  <ul>"]
    body += [f'    <li><a href="{href}">{label}</a></li>' for href, label in NAV]
    body += ["  </ul>", "</nav>",
             '<header class="site-header">',
             '  <p class="site-name"><a href="/">Wikinews</a></p>',
             '  <p class="tagline">The free news source you can write!</p>',
             "</header>",
             "<main>",
             "<article>",
             f"  <h1>{t}</h1>"]
    in_list = False
    for p in a.paragraphs:
        if p.kind == "item" and not in_list:
            body.append("  <ul>")
            in_list = True
        elif p.kind != "item" and in_list:
            body.append("  </ul>")
            in_list = False
        if p.kind == "head":
            body.append(f"  <h2>{h(p.text)}</h2>")
        elif p.kind == "quote":
            body.append(f"  <blockquote><p>{h(p.text)}</p></blockquote>")
        elif p.kind == "item":
            body.append(f"    <li>{h(p.text)}</li>")
        else:
            body.append(f"  <p>{h(p.text)}</p>")
    if in_list:
        body.append("  </ul>")
    body += ["</article>",
             '<aside class="sidebar">',
             "  <h2>Related stories</h2>",
             "  <ul>"]
    body += [f'    <li><a href="{h(r.url)}">{h(r.title)}</a></li>' for r in related]
    body += ["  </ul>",
             "</aside>",
             "</main>",
             "<footer>",
             f'  <p>Text from <a href="{h(a.url)}">Wikinews</a>, available under the '
             f'<a href="{WIKINEWS_LICENSE_URL}" rel="license">Creative Commons Attribution 2.5</a> '
             "license.</p>",
             '  <p><a href="/wiki/Wikinews:Privacy_policy">Privacy policy</a> &middot; '
             '<a href="/wiki/Wikinews:About">About Wikinews</a></p>',
             "</footer>",
             "</body>",
             "</html>"]
    return "\n".join(head + body) + "\n"


# --------------------------------------------------------------------------
# Distribution over formats
# --------------------------------------------------------------------------

def assign_formats(n: int) -> list[str]:
    return [FORMAT_CODES[FORMAT_PATTERN[i % len(FORMAT_PATTERN)]] for i in range(n)]


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def build(shared: Path) -> list[Path]:
    seed = shared / "seed" / SEED_NAME
    dep_dir = shared / "data" / "gum-wikinews" / "dep"
    license_txt = shared / "data" / "gum-wikinews" / "LICENSE.txt"
    for p in (seed, dep_dir, license_txt):
        if not p.exists():
            sys.exit(f"build_corpus: missing input {p}")

    # Remove everything this script generates, then write it again.
    for rel in ("ap", "wikinews"):
        shutil.rmtree(CORPUS / rel, ignore_errors=True)
    for rel in ("ATTRIBUTION.md", "README.md"):
        (CORPUS / rel).unlink(missing_ok=True)
    CORPUS.mkdir(exist_ok=True)
    written: list[Path] = []

    # 1. AP seed article: header block, blank line, the body byte-for-byte.
    body = seed.read_bytes()
    body.decode("utf-8")  # must be valid UTF-8
    if b"\r" in body:
        sys.exit("build_corpus: seed article has CR line endings")
    header = render_txt(AP_TITLE, AP_DATE, "AP", None, "").rstrip("\n") + "\n\n"
    data = header.encode("utf-8") + body + (b"" if body.endswith(b"\n") else b"\n")
    written.append(write_bytes(AP_OUT, data))
    assert written[-1].read_bytes()[len(header.encode()):][:len(body)] == body

    # 2. Wikinews articles.
    articles: list[Article] = []
    skipped: list[str] = []
    for path in sorted(dep_dir.glob("GUM_news_*.conllu")):
        art = parse_conllu(path)
        if art is None:
            skipped.append(path.stem)
        else:
            articles.append(art)
    if not articles:
        sys.exit(f"build_corpus: no GUM_news_*.conllu documents in {dep_dir}")

    plan = assign_formats(len(articles))
    by_format: dict[str, list[Article]] = {f: [] for f in FORMAT_ORDER}
    for art, fmt in zip(articles, plan):
        by_format[fmt].append(art)
    locations: dict[str, str] = {}

    for a in by_format["md"]:
        rel = Path("wikinews") / "md" / f"{a.slug}.md"
        written.append(write_text(rel, render_markdown(a)))
        locations[a.doc] = rel.as_posix()

    if by_format["jsonl"]:
        rel = Path("wikinews") / "wikinews.jsonl"
        lines = [json.dumps({"title": a.title, "date": a.date, "source": "Wikinews",
                             "url": a.url, "body": a.plain_body()},
                            ensure_ascii=False, sort_keys=True)
                 for a in by_format["jsonl"]]
        written.append(write_text(rel, "\n".join(lines)))
        for i, a in enumerate(by_format["jsonl"], 1):
            locations[a.doc] = f"{rel.as_posix()} (line {i})"

    if by_format["json"]:
        rel = Path("wikinews") / "wikinews-array.json"
        records = [{"headline": a.title, "datePublished": a.date, "publisher": "Wikinews",
                    "url": a.url, "text": a.plain_body()} for a in by_format["json"]]
        written.append(write_text(rel, json.dumps(records, ensure_ascii=False,
                                                  sort_keys=True, indent=2)))
        for i, a in enumerate(by_format["json"]):
            locations[a.doc] = f"{rel.as_posix()} (element {i})"

    for i, a in enumerate(by_format["html"]):
        rel = Path("wikinews") / "html" / f"{a.slug}.html"
        k = articles.index(a)
        related = [articles[(k + j) % len(articles)] for j in (1, 2, 3)]
        written.append(write_text(rel, render_html(a, use_json_ld=(i % 2 == 1), related=related)))
        style = "JSON-LD datePublished" if i % 2 == 1 else "article:published_time meta"
        locations[a.doc] = f"{rel.as_posix()} ({style})"

    for a in by_format["txt"]:
        rel = Path("wikinews") / "txt" / f"{a.date}-{a.slug}.txt"
        written.append(write_text(rel, render_txt(a.title, a.date, "Wikinews", a.url,
                                                  a.plain_body())))
        locations[a.doc] = rel.as_posix()

    # 3. ATTRIBUTION.md and 4. README.md
    written.append(write_text(Path("ATTRIBUTION.md"),
                              render_attribution(articles, locations, license_txt)))
    written.append(write_text(Path("README.md"), render_readme(by_format)))

    for s in skipped:
        print(f"build_corpus: skipped {s} (no text)", file=sys.stderr)
    for a in articles:
        for note in a.notes:
            if not note.startswith("omitted image caption"):
                print(f"build_corpus: {a.doc}: {note}", file=sys.stderr)
    n_captions = sum(n.startswith("omitted image caption") for a in articles for n in a.notes)
    print(f"build_corpus: {len(articles)} Wikinews articles, {n_captions} image captions omitted",
          file=sys.stderr)
    return written


def license_excerpt(license_txt: Path) -> str:
    """The parts of GUM's LICENSE.txt that concern the Wikinews texts and the annotations."""
    lines = license_txt.read_text(encoding="utf-8").splitlines()
    keep = []
    for line in lines:
        s = line.strip()
        if s.startswith("Wikinews") or s.startswith("All annotations are licensed"):
            keep.append(re.sub(r"\s+", " ", s))
    if not keep:
        sys.exit(f"build_corpus: no Wikinews line found in {license_txt}")
    return "\n".join(f"> {k}" for k in keep)


def render_attribution(articles: list[Article], locations: dict[str, str],
                       license_txt: Path) -> str:
    n_captions = sum(n.startswith("omitted image caption") for a in articles for n in a.notes)
    with_categories = [a.doc for a in articles
                       if any(n.startswith("omitted category list") for n in a.notes)]
    categories = ""
    if with_categories:
        categories = (", and the page's category list at the end of "
                      + ", ".join(f"`{locations[d].split(' ')[0]}`" for d in with_categories))
    out = [
        "# Attribution",
        "",
        "The files in this directory are generated by `corpus/build_corpus.py`; "
        "do not edit them by hand.",
        "",
        "## Associated Press seed article",
        "",
        f"`{AP_OUT.as_posix()}` is the project's seed article: an Associated Press story "
        "(Washington, 12 January 2021), \"Pompeo accuses Iran of secret ties with al-Qaida\". "
        "The dateline project was started from this article, and it is included here as the "
        "product's founding example. The title, date and source header was added; the body is "
        "byte-for-byte the seed file (`seed/000_018f6ad998b1343c.txt`), with only a final "
        "newline added at the end of the file. The text is the property of the Associated "
        "Press and is not covered by the Creative Commons license below.",
        "",
        "## Wikinews articles",
        "",
        f"The {len(articles)} articles under `wikinews/` are from Wikinews "
        "(https://en.wikinews.org), licensed under the Creative Commons Attribution 2.5 "
        f"license ({WIKINEWS_LICENSE_URL}). Author: Wikinews contributors (see each "
        "article's page history at its source URL).",
        "",
        "They were taken from the news documents of the Georgetown University Multilayer "
        "Corpus (GUM), https://gucorpling.org/gum/:",
        "",
        "> Zeldes, Amir (2017) \"The GUM Corpus: Creating Multilayer Resources in the "
        "Classroom\". Language Resources and Evaluation 51(3), 581–612. "
        "doi:10.1007/s10579-016-9343-x",
        "",
        "The article text was reconstructed from the tokenized corpus (the `# text` line "
        "of each sentence in GUM's CoNLL-U files, joined into the paragraphs marked there) "
        "and is otherwise unchanged, including any typos or spacing of the source (for "
        "example `six - member`, `$ 200`). Not reproduced: the headline as the first body "
        f"line (it is the title field), {n_captions} image captions (the images are not "
        f"included){categories}. Subheadings, block quotes and list items are kept as their "
        "own paragraphs (marked up as such in the Markdown and HTML files). The publication "
        "date is GUM's `dateCreated` metadata; the file formats and the HTML page around "
        "each article are ours.",
        "",
        "From GUM's LICENSE.txt, the notes that apply here:",
        "",
        license_excerpt(license_txt),
        "",
        "GUM's annotations themselves (syntax, entities, etc.) are not included in this "
        "directory; only the article text and the metadata listed below.",
        "",
        "| File | Title | Date | Source URL |",
        "|---|---|---|---|",
    ]
    for a in articles:
        title = a.title.replace("|", "\\|")
        path, _, where = locations[a.doc].partition(" ")
        out.append(f"| `{path}` {where} | {title} | {a.date} | <{a.url}> |".replace("  |", " |"))
    return "\n".join(out) + "\n"


def render_readme(by_format: dict[str, list[Article]]) -> str:
    n = {f: len(v) for f, v in by_format.items()}
    total = sum(n.values())
    return "\n".join([
        "# Sample archive",
        "",
        f"A small news archive for trying and testing dateline: one Associated Press "
        f"article and {total} Wikinews articles, spread over the file formats the "
        "readers understand. Sources and licenses: [ATTRIBUTION.md](ATTRIBUTION.md).",
        "",
        "| Path | Format | Articles | Where the date is |",
        "|---|---|---|---|",
        "| `ap/2021-01-12-pompeo-iran-al-qaida.txt` | plain text with a `Title:`/`Date:`/"
        "`Source:` header block, a blank line, then the body | 1 | `Date:` header (and the "
        "file name) |",
        f"| `wikinews/txt/<date>-<slug>.txt` | the same header block plus `URL:` | {n['txt']} "
        "| `Date:` header (and the file name) |",
        f"| `wikinews/md/<slug>.md` | Markdown with YAML front matter (`title`, `date`, "
        f"`source`, `url`); `##` subheadings, `>` quotes, `-` lists | {n['md']} | "
        "front matter `date` |",
        f"| `wikinews/wikinews.jsonl` | JSON Lines, one object per line: `title`, `date`, "
        f"`source`, `url`, `body` | {n['jsonl']} | `date` field |",
        f"| `wikinews/wikinews-array.json` | one JSON array of objects with different field "
        f"names: `headline`, `datePublished`, `publisher`, `url`, `text` | {n['json']} | "
        "`datePublished` field |",
        f"| `wikinews/html/<slug>.html` | web page with navigation, header, sidebar "
        f"(\"Related stories\") and footer around the `<article>` | {n['html']} | "
        "`<meta property=\"article:published_time\">` in half of them, JSON-LD "
        "`datePublished` (date only) in the other half |",
        "",
        "Bodies are paragraphs separated by a blank line. Most Wikinews bodies open with "
        "the page's own dateline line (e.g. `Friday, July 21, 2017`), which can differ "
        "from the metadata date. HTML text is entity-escaped (`&amp;`, `&quot;`, `&#x27;`, "
        "`&#8217;`, ...).",
        "",
        "## Regenerating",
        "",
        "Everything listed above is generated; edit the script, not the files:",
        "",
        "```sh",
        "python3 corpus/build_corpus.py            # reads ../shared",
        "python3 corpus/build_corpus.py --shared /path/to/shared",
        "```",
        "",
        "The script deletes and rewrites `ap/`, `wikinews/`, `ATTRIBUTION.md` and this "
        "README, and its output is deterministic (a rerun changes nothing).",
    ]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared inputs directory (default: ../shared next to the repo)")
    args = ap.parse_args()
    written = build(args.shared.resolve())
    for p in written:
        print(p.relative_to(REPO).as_posix())


if __name__ == "__main__":
    main()
