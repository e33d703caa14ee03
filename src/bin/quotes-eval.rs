//! Scores `dateline quotes` against attribution annotations in brat standoff, as
//! PolNeAR ships them: `DIR/text/NAME.txt` and `DIR/attributions/NAME_XXXX.ann` (the
//! first file in sort order when an article has several annotators).
//!
//! Cue, source and content are each matched one to one with the gold spans of the same
//! role by character overlap (Jaccard of the character sets >= 0.5), and scored by
//! precision, recall and F1; direct-quote contents on their own; and, for gold cues
//! whose lemma is deny, accuse, condemn or reject, how often the matched cue has the
//! right stance class. Also reports the quote step's speed (tokens per second, one
//! thread, extraction of entities not counted).
//!
//!   cargo run --release --bin quotes-eval -- ../shared/data/polnear/dev

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;

use dateline::attribution::{self, cues, Attribution};
use dateline::extract::entities;
use dateline::extract::ner::Tagger;

#[derive(Parser)]
#[command(about = "Score dateline's attributions against brat standoff annotations (PolNeAR)")]
struct Args {
    /// Folder with `text/` and `attributions/`.
    dir: PathBuf,
    /// Print the misses and false alarms of one role: cue, source or content; or,
    /// with `spans`, the attributions whose cue is right but whose content is not
    /// (cue, predicted content, gold content): where the boundaries go wrong.
    #[arg(long, value_name = "ROLE")]
    errors: Option<String>,
    /// How many errors to print.
    #[arg(long, default_value_t = 40)]
    limit: usize,
    /// Print each cue lemma's predictions and how many matched a gold cue: which
    /// words earn their place in the lexicon.
    #[arg(long)]
    lemmas: bool,
}

/// A span of character positions (possibly discontinuous).
#[derive(Debug, Clone)]
struct Chars {
    ranges: Vec<(usize, usize)>,
}

impl Chars {
    fn set(&self) -> HashSet<usize> {
        self.ranges.iter().flat_map(|(s, e)| *s..*e).collect()
    }

    fn jaccard(&self, other: &Chars) -> f64 {
        let (a, b) = (self.set(), other.set());
        let union = a.union(&b).count();
        if union == 0 {
            return 0.0;
        }
        a.intersection(&b).count() as f64 / union as f64
    }

    /// The span with 60 characters either side, on one line: what an error report
    /// needs to be read without opening the article.
    fn context(&self, chars: &[char]) -> String {
        let (Some(first), Some(last)) = (self.ranges.first(), self.ranges.last()) else {
            return String::new();
        };
        let start = first.0.saturating_sub(60).min(chars.len());
        let end = (last.1 + 60).min(chars.len()).max(start);
        chars[start..end]
            .iter()
            .map(|c| if c.is_whitespace() { ' ' } else { *c })
            .collect()
    }

    fn text(&self, chars: &[char]) -> String {
        self.ranges
            .iter()
            .map(|(s, e)| {
                chars[(*s).min(chars.len())..(*e).min(chars.len())]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

/// One gold attribution.
#[derive(Debug, Default)]
struct Gold {
    source: Option<Chars>,
    cue: Option<Chars>,
    content: Option<Chars>,
}

/// Reads one brat file: text-bound spans by id, then attribution events.
fn read_ann(text: &str) -> Vec<Gold> {
    let mut spans: std::collections::HashMap<&str, Chars> = std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in text.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(info)) = (parts.next(), parts.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut words = info.splitn(2, ' ');
            let _role = words.next();
            let ranges = words
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect();
            spans.insert(id, Chars { ranges });
        } else if id.starts_with('E') {
            events.push(info);
        }
    }
    events
        .into_iter()
        .map(|info| {
            let mut gold = Gold::default();
            for arg in info.split_whitespace() {
                let Some((role, id)) = arg.split_once(':') else {
                    continue;
                };
                let span = spans.get(id).cloned();
                match role.trim_end_matches(char::is_numeric) {
                    "Source" => gold.source = span,
                    "Cue" => gold.cue = span,
                    "Content" => gold.content = span,
                    _ => {}
                }
            }
            gold
        })
        .collect()
}

/// Matched, predicted and gold counts of one role.
#[derive(Default, Clone, Copy)]
struct Score {
    matched: usize,
    predicted: usize,
    gold: usize,
}

impl Score {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Greedy one-to-one matching by best overlap: pairs (predicted index, gold index).
fn matches(predicted: &[Chars], gold: &[Chars]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, p) in predicted.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let overlap = p.jaccard(g);
            if overlap >= 0.5 {
                pairs.push((overlap, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_p, mut used_g) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if used_p.insert(i) {
            if used_g.insert(j) {
                out.push((i, j));
            } else {
                used_p.remove(&i);
            }
        }
    }
    out
}

fn span_chars(start: usize, end: usize) -> Chars {
    Chars {
        ranges: vec![(start, end)],
    }
}

/// A predicted content with the later parts of its quote, as PolNeAR marks a quote
/// broken by its cue (one discontinuous span).
fn content_chars(a: &Attribution) -> Chars {
    let mut chars = span_chars(a.content.start, a.content.end);
    chars
        .ranges
        .extend(a.continued.iter().map(|c| (c.start, c.end)));
    chars
}

/// Gold content quoted word for word: quotation marks right around it, or at its ends
/// (`"`, `“ ”`, and the doubled apostrophes or backticks some papers print).
fn is_direct(content: &Chars, chars: &[char]) -> bool {
    let at = |i: Option<usize>| i.and_then(|i| chars.get(i)).copied();
    let quote = |i: Option<usize>| at(i).is_some_and(|c| matches!(c, '"' | '“' | '”'));
    let doubled = |i: Option<usize>, j: Option<usize>| {
        matches!(
            (at(i), at(j)),
            (Some('\''), Some('\'')) | (Some('`'), Some('`'))
        )
    };
    let (Some(first), Some(last)) = (content.ranges.first(), content.ranges.last()) else {
        return false;
    };
    let (start, end) = (first.0, last.1);
    let opens = quote(Some(start))
        || quote(start.checked_sub(1))
        || doubled(Some(start), Some(start + 1))
        || doubled(start.checked_sub(2), start.checked_sub(1));
    let closes = quote(end.checked_sub(1))
        || quote(Some(end))
        || doubled(end.checked_sub(2), end.checked_sub(1))
        || doubled(Some(end), Some(end + 1));
    opens && closes
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let tagger = Tagger::embedded().map_err(|e| anyhow::anyhow!("built-in model: {e}"))?;
    let aliases = &*dateline::extract::aliases::EMBEDDED;
    let texts = list(&args.dir.join("text"), "txt")?;
    let anns = list(&args.dir.join("attributions"), "ann")?;
    let mut scores = [Score::default(); 4]; // cue, source, content, direct content
    let (mut stance_right, mut stance_total) = (0usize, 0usize);
    let mut quote_time = Duration::ZERO;
    let mut tokens = 0usize;
    let mut errors: Vec<String> = Vec::new();
    let mut articles = 0;
    // lemma -> (predicted, matched)
    let mut by_lemma: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for text_path in &texts {
        let stem = text_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let Some(ann) = anns.iter().find(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{stem}_")))
        }) else {
            continue;
        };
        articles += 1;
        let text = std::fs::read_to_string(text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let chars: Vec<char> = text.chars().collect();
        let gold = read_ann(
            &std::fs::read_to_string(ann).with_context(|| format!("reading {}", ann.display()))?,
        );
        let found = entities::extract(tagger, aliases, "", &text);
        let started = Instant::now();
        let predicted: Vec<Attribution> = attribution::find("", &text, &found.mentions);
        quote_time += started.elapsed();
        tokens += dateline::extract::tokenize::tokenize(&text).len();

        let roles: [(&str, Vec<Chars>, Vec<Chars>); 4] = [
            (
                "cue",
                predicted
                    .iter()
                    .map(|a| span_chars(a.cue.span.start, a.cue.span.end))
                    .collect(),
                gold.iter().filter_map(|g| g.cue.clone()).collect(),
            ),
            (
                "source",
                predicted
                    .iter()
                    .filter_map(|a| a.source.as_ref())
                    .map(|s| span_chars(s.span.start, s.span.end))
                    .collect(),
                gold.iter().filter_map(|g| g.source.clone()).collect(),
            ),
            (
                "content",
                predicted.iter().map(content_chars).collect(),
                gold.iter().filter_map(|g| g.content.clone()).collect(),
            ),
            (
                "direct",
                predicted
                    .iter()
                    .filter(|a| a.direct)
                    .map(content_chars)
                    .collect(),
                gold.iter()
                    .filter_map(|g| g.content.clone())
                    .filter(|c| is_direct(c, &chars))
                    .collect(),
            ),
        ];
        for (k, (role, p, g)) in roles.iter().enumerate() {
            let pairs = matches(p, g);
            scores[k].matched += pairs.len();
            scores[k].predicted += p.len();
            scores[k].gold += g.len();
            if args.errors.as_deref() == Some(*role) {
                let (hit_p, hit_g): (HashSet<usize>, HashSet<usize>) =
                    pairs.iter().copied().unzip();
                for (j, span) in g.iter().enumerate().filter(|(j, _)| !hit_g.contains(j)) {
                    let _ = j;
                    errors.push(format!(
                        "{stem}\tmissed\t{}\t{}",
                        span.text(&chars),
                        span.context(&chars)
                    ));
                }
                for (i, span) in p.iter().enumerate().filter(|(i, _)| !hit_p.contains(i)) {
                    let _ = i;
                    errors.push(format!(
                        "{stem}\tfalse\t{}\t{}",
                        span.text(&chars),
                        span.context(&chars)
                    ));
                }
            }
            if *role == "cue" && args.errors.as_deref() == Some("spans") {
                let gold_content: Vec<Option<&Chars>> = gold
                    .iter()
                    .filter(|g| g.cue.is_some())
                    .map(|g| g.content.as_ref())
                    .collect();
                for (i, j) in &pairs {
                    let Some(wanted) = gold_content.get(*j).copied().flatten() else {
                        continue;
                    };
                    let got = content_chars(&predicted[*i]);
                    if got.jaccard(wanted) < 0.5 {
                        errors.push(format!(
                            "{stem}\t{}\t{}\t{}",
                            p[*i].text(&chars),
                            got.text(&chars),
                            wanted.text(&chars)
                        ));
                    }
                }
            }
            if *role == "cue" {
                for a in &predicted {
                    by_lemma.entry(a.cue.lemma).or_default().0 += 1;
                }
                for (i, _) in &pairs {
                    by_lemma.entry(predicted[*i].cue.lemma).or_default().1 += 1;
                }
                for (i, j) in &pairs {
                    let gold_text = g[*j].text(&chars).to_lowercase();
                    let lemma = gold_text
                        .split(|c: char| !c.is_alphabetic())
                        .filter_map(cues::cue_word)
                        .map(|c| c.lemma)
                        .find(|l| matches!(*l, "deny" | "accuse" | "condemn" | "reject"));
                    if let Some(lemma) = lemma {
                        stance_total += 1;
                        let expected = cues::stance_of_lemma(lemma);
                        if Some(predicted[*i].cue.stance) == expected {
                            stance_right += 1;
                        }
                    }
                }
            }
        }
    }
    println!("{articles} articles scored ({})", args.dir.display());
    println!(
        "{:<16} {:>7} {:>7} {:>7} {:>8} {:>6}",
        "role", "P", "R", "F1", "predicted", "gold"
    );
    for (name, score) in ["cue", "source", "content", "direct content"]
        .iter()
        .zip(scores)
    {
        let (p, r, f) = score.f1();
        println!(
            "{name:<16} {:>7.3} {:>7.3} {:>7.3} {:>8} {:>6}",
            p, r, f, score.predicted, score.gold
        );
    }
    println!(
        "stance of deny/accuse/condemn/reject cues: {stance_right}/{stance_total} = {:.3}",
        stance_right as f64 / stance_total.max(1) as f64
    );
    println!(
        "quote step: {tokens} tokens in {:.3} s = {:.0} tokens/s (one thread)",
        quote_time.as_secs_f64(),
        tokens as f64 / quote_time.as_secs_f64().max(1e-9)
    );
    if args.lemmas {
        let mut rows: Vec<_> = by_lemma.into_iter().collect();
        rows.sort_by_key(|(_, (predicted, _))| std::cmp::Reverse(*predicted));
        println!(
            "{:<16} {:>9} {:>7} {:>6}",
            "lemma", "predicted", "matched", "P"
        );
        for (lemma, (predicted, matched)) in rows {
            println!(
                "{lemma:<16} {predicted:>9} {matched:>7} {:>6.2}",
                matched as f64 / predicted.max(1) as f64
            );
        }
    }
    for line in errors.iter().take(args.limit) {
        println!("{line}");
    }
    Ok(())
}

/// The files of `dir` with extension `ext`, sorted.
fn list(dir: &Path, ext: &str) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    Ok(files)
}
