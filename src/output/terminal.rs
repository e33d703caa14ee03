//! Human-readable results: a header line, then one block per hit.

use std::io::Write;

use super::color::Style;
use super::printable::printable;
use crate::search::facets::Facets;
use crate::search::{Header, Hit, HitSink};

/// Prints hits as blocks for a person at a terminal.
pub struct TerminalSink<W: Write> {
    out: W,
    style: Style,
    rank: usize,
    /// From the header: where the page starts and how many hits there are.
    offset: usize,
    total: usize,
    footer_written: bool,
    /// Columns to wrap snippets at (`None`: one line each).
    width: Option<usize>,
}

impl<W: Write> TerminalSink<W> {
    /// A sink writing to `out`, coloured when `color`.
    pub fn new(out: W, color: bool) -> Self {
        TerminalSink {
            out,
            style: Style { enabled: color },
            rank: 0,
            offset: 0,
            total: 0,
            footer_written: false,
            width: super::width::output_width(),
        }
    }

    /// `showing 1-10 of 1,544 (next: --offset 10)` after the hits, when the page
    /// is not everything: a cut is always said.
    fn write_footer(&mut self) -> std::io::Result<()> {
        if self.footer_written {
            return Ok(());
        }
        self.footer_written = true;
        let shown = self.rank - self.offset;
        if shown == 0 || (self.offset == 0 && shown >= self.total) {
            return Ok(());
        }
        let next = if self.rank < self.total {
            format!(" (next: --offset {})", self.rank)
        } else {
            String::new()
        };
        writeln!(self.out)?;
        writeln!(
            self.out,
            "{}",
            self.style.dim(&format!(
                "showing {}-{} of {}{next}",
                self.offset + 1,
                self.rank,
                thousands(self.total)
            ))
        )
    }
}

/// `1544` as `1,544`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Columns a hit's lines are indented by.
const INDENT: usize = 5;

/// Entity names shown per type in a hit block.
const ENTITIES_SHOWN: usize = 5;

impl<W: Write> HitSink for TerminalSink<W> {
    fn begin(&mut self, header: &Header) -> std::io::Result<()> {
        self.rank = header.offset;
        self.offset = header.offset;
        // Collapsed by story, the page and --offset count stories.
        self.total = header.stories.unwrap_or(header.total);
        let noun = match (header.new_only, header.total == 1) {
            (true, true) => "new hit",
            (true, false) => "new hits",
            (false, true) => "hit",
            (false, false) => "hits",
        };
        let stories = match header.stories {
            Some(1) if header.total > 1 => " (1 story)".to_string(),
            Some(n) if n < header.total => format!(" ({n} stories)"),
            _ => String::new(),
        };
        writeln!(
            self.out,
            "{} {noun}{stories} for {} ({} ms)",
            header.total,
            self.style.bold(&printable(&header.query)),
            header.took_ms
        )?;
        Ok(())
    }

    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        self.rank += 1;
        let a = &hit.article;
        let s = self.style;
        writeln!(self.out)?;
        let date = match (&a.date, &a.time) {
            // Minutes are enough to tell which wire came first in a list.
            (Some(d), Some(t)) => format!("{d} {}", t.get(..5).unwrap_or(t)),
            (Some(d), None) => d.clone(),
            _ => "undated".to_string(),
        };
        writeln!(
            self.out,
            "{:>3}. {}  {}",
            self.rank,
            s.date(&printable(&date)),
            s.bold(&printable(&a.title))
        )?;
        let mut meta = Vec::new();
        if let Some(source) = &a.source {
            meta.push(source.clone());
        }
        meta.push(a.id.clone());
        match hit.copies {
            Some(1) => meta.push("(+1 copy)".to_string()),
            Some(n) if n > 1 => meta.push(format!("(+{n} copies)")),
            _ => {}
        }
        writeln!(self.out, "     {}", s.dim(&printable(&meta.join(" · "))))?;
        for (label, names) in [
            ("people", &a.entities.people),
            ("orgs", &a.entities.orgs),
            ("places", &a.entities.places),
        ] {
            if names.is_empty() {
                continue;
            }
            let mut shown = names
                .iter()
                .take(ENTITIES_SHOWN)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if names.len() > ENTITIES_SHOWN {
                shown.push_str(&format!(" (+{})", names.len() - ENTITIES_SHOWN));
            }
            let line = printable(&format!("{label}: {shown}")).into_owned();
            let ranges = match self.width {
                // Narrow enough for the continuation lines' deeper indent.
                Some(width) => {
                    super::width::wrap(&line, width.saturating_sub(INDENT + label.len() + 2))
                }
                None => std::iter::once(0..line.len()).collect(),
            };
            for (i, range) in ranges.into_iter().enumerate() {
                // Continuation lines line up under the first name.
                let indent = if i == 0 {
                    INDENT
                } else {
                    INDENT + label.len() + 2
                };
                writeln!(self.out, "{:indent$}{}", "", &line[range])?;
            }
        }
        if !hit.snippet.is_empty() {
            match self.width {
                None => writeln!(
                    self.out,
                    "{:INDENT$}{}",
                    "",
                    highlight(&hit.snippet, &hit.highlights, s)
                )?,
                // Without colour the brackets take columns: wrap what is printed.
                Some(width) if !s.enabled => {
                    let rendered = highlight(&hit.snippet, &hit.highlights, s);
                    for line in super::width::wrap(&rendered, width.saturating_sub(INDENT)) {
                        writeln!(self.out, "{:INDENT$}{}", "", &rendered[line])?;
                    }
                }
                // Colour codes take none: wrap the text, then colour each line.
                Some(width) => {
                    for line in super::width::wrap(&hit.snippet, width.saturating_sub(INDENT)) {
                        let ranges: Vec<[usize; 2]> = hit
                            .highlights
                            .iter()
                            .filter(|[a, b]| *a < line.end && *b > line.start)
                            .map(|[a, b]| {
                                [
                                    a.max(&line.start) - line.start,
                                    b.min(&line.end) - line.start,
                                ]
                            })
                            .collect();
                        writeln!(
                            self.out,
                            "{:INDENT$}{}",
                            "",
                            highlight(&hit.snippet[line.clone()], &ranges, s)
                        )?;
                    }
                }
            }
        }
        Ok(())
    }

    fn facets(&mut self, facets: &Facets) -> std::io::Result<()> {
        self.write_footer()?;
        write_facets(&mut self.out, facets, self.style, "--facet-size")
    }

    fn end(&mut self) -> std::io::Result<()> {
        self.write_footer()?;
        self.out.flush()
    }
}

/// The line under a cut facet list: how much it leaves out and how to see it.
fn left_out_line(
    left_out: &crate::search::facets::LeftOut,
    shown: usize,
    size_flag: &str,
) -> String {
    let more = if left_out.at_least { "at least " } else { "" };
    let noun = if left_out.values == 1 {
        "value"
    } else {
        "values"
    };
    let all = shown as u64 + left_out.values;
    // A lower bound only says counting stopped early: no size is sure to be enough.
    let hint = if left_out.at_least {
        format!("a larger {size_flag} lists more")
    } else {
        format!("{size_flag} {all} lists them all")
    };
    format!("… {more}{} more {noun} ({hint})", left_out.values)
}

/// Longest histogram bar, in characters.
const BAR_WIDTH: u64 = 40;

/// Facet tables (count, value) and the date histogram as bars. A cut table says
/// what it left out and names `size_flag`, the option that lists more.
pub fn write_facets(
    out: &mut dyn Write,
    facets: &Facets,
    style: Style,
    size_flag: &str,
) -> std::io::Result<()> {
    let stories = facets.counted == Some(crate::search::facets::CountUnit::Stories);
    for (name, values) in &facets.terms {
        writeln!(out)?;
        if stories {
            writeln!(out, "{}", style.bold(&format!("{name} (stories)")))?;
        } else {
            writeln!(out, "{}", style.bold(name))?;
        }
        if values.is_empty() {
            writeln!(out, "  (none)")?;
        }
        let width = values
            .iter()
            .map(|v| v.count.to_string().len())
            .max()
            .unwrap_or(1);
        for v in values {
            writeln!(out, "  {:>width$}  {}", v.count, printable(&v.value))?;
        }
        if let Some(left_out) = facets.left_out.get(name) {
            let line = left_out_line(left_out, values.len(), size_flag);
            writeln!(out, "  {}", style.dim(&line))?;
        }
    }
    if let Some(buckets) = &facets.date {
        writeln!(out)?;
        let interval = facets.date_interval.unwrap_or("day");
        let heading = match (facets.share, stories) {
            (true, false) => format!("date (by {interval}, share of the archive's articles)"),
            (true, true) => format!(
                "date (by {interval}, stories by first day, share of the archive's stories)"
            ),
            (false, false) => format!("date (by {interval})"),
            (false, true) => format!("date (by {interval}, stories by first day)"),
        };
        writeln!(out, "{}", style.bold(&heading))?;
        // Bars are scaled to the largest count, or to the largest share with --share.
        let size = |b: &crate::search::facets::DateBucket| -> f64 {
            if facets.share {
                b.share.unwrap_or(0.0)
            } else {
                b.count as f64
            }
        };
        let max = buckets.iter().map(size).fold(0.0_f64, f64::max);
        let count_width = buckets
            .iter()
            .map(|b| b.count.to_string().len())
            .max()
            .unwrap_or(1);
        let bar = if style.enabled { '█' } else { '#' };
        for b in buckets {
            let label = match interval {
                "year" => &b.start[..4],
                "month" => &b.start[..7],
                _ => &b.start[..],
            };
            // Nothing in the archive at all: a gap in coverage, not a drop to zero.
            if b.archive == Some(0) {
                writeln!(
                    out,
                    "  {label:<10} {:>count_width$} {}",
                    "-",
                    style.dim("(no articles in the archive)")
                )?;
                continue;
            }
            let len = if max > 0.0 && size(b) > 0.0 {
                ((size(b) * BAR_WIDTH as f64) / max).ceil() as usize
            } else {
                0
            };
            let share = match (facets.share, b.share) {
                (true, Some(share)) => format!(" {:>5.1}%", share * 100.0),
                _ => String::new(),
            };
            writeln!(
                out,
                "  {label:<10} {:>count_width$}{share} {}",
                b.count,
                bar.to_string().repeat(len)
            )?;
        }
        if let Some(undated) = facets.date_undated.filter(|n| *n > 0) {
            writeln!(out, "  {:<10} {undated:>count_width$}", "undated")?;
        }
        if let Some(outside) = facets.date_outside.filter(|n| *n > 0) {
            writeln!(
                out,
                "  {:<10} {outside:>count_width$} (dated outside the window)",
                "outside"
            )?;
        }
    }
    Ok(())
}

/// The snippet on one line with matched ranges styled.
fn highlight(snippet: &str, ranges: &[[usize; 2]], style: Style) -> String {
    let mut out = String::with_capacity(snippet.len() + 16);
    let mut last = 0;
    for [start, end] in ranges {
        let (start, end) = (*start, *end);
        if start < last
            || end > snippet.len()
            || !snippet.is_char_boundary(start)
            || !snippet.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&printable(&snippet[last..start]));
        out.push_str(&style.matched(&printable(&snippet[start..end])));
        last = end;
    }
    out.push_str(&printable(&snippet[last..]));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_bracketed_without_color() {
        let s = highlight(
            "Iran has denied\nall",
            &[[0, 4], [9, 15]],
            Style { enabled: false },
        );
        assert_eq!(s, "[Iran] has [denied] all");
    }
}
