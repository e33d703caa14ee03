//! How wide the terminal is, and word wrapping that never breaks inside a word.

use std::io::IsTerminal;
use std::ops::Range;

/// Narrowest width wrapped to: below it, wrapping does more harm than good.
const MIN_WIDTH: usize = 30;

/// Columns to wrap terminal output at: the terminal's width when stdout is one, else
/// `$COLUMNS` when set (so `COLUMNS=80 dateline search … | less` wraps too), else
/// none: a pipe gets one line per snippet, as scripts expect.
pub fn output_width() -> Option<usize> {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let width = if std::io::stdout().is_terminal() {
        terminal_size::terminal_size()
            .map(|(terminal_size::Width(w), _)| usize::from(w))
            .or(from_env)
    } else {
        from_env
    };
    width.map(|w| w.max(MIN_WIDTH))
}

/// Byte ranges of `text` cut into lines of at most `width` characters at spaces (a
/// word longer than the width gets a line of its own). The spaces at the cuts are
/// left out; the ranges cover everything else, in order.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    // (byte where the current line's last fitting word ends, chars so far)
    let mut line_chars = 0;
    let mut last_break: Option<usize> = None;
    let mut chars_at_break = 0;
    for (at, c) in text.char_indices() {
        if c == ' ' {
            last_break = Some(at);
            chars_at_break = line_chars;
        }
        line_chars += 1;
        if line_chars > width {
            if let Some(cut) = last_break.filter(|&b| b > start) {
                lines.push(start..cut);
                start = cut + 1;
                line_chars -= chars_at_break + 1;
                last_break = None;
            }
        }
    }
    if start < text.len() || lines.is_empty() {
        lines.push(start..text.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_the_width_and_keeps_every_word() {
        let text = "Iran’s foreign ministry spokesman denied the accusation on Tuesday";
        let lines: Vec<&str> = wrap(text, 20).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            lines,
            vec![
                "Iran’s foreign",
                "ministry spokesman",
                "denied the",
                "accusation on",
                "Tuesday"
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(lines.join(" "), text);
        let long = "a supercalifragilistic word";
        let lines: Vec<&str> = wrap(long, 10).into_iter().map(|r| &long[r]).collect();
        assert_eq!(lines, vec!["a", "supercalifragilistic", "word"]);
        assert_eq!(wrap("", 10), vec![0..0]);
    }
}
