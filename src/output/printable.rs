//! Text from articles, file names and queries made safe for a terminal.
//!
//! An article, a title or a file name may hold control characters: `ESC ] 52 ; c ; ...`
//! writes the user's clipboard, other sequences retitle windows or fake output. Human
//! output (terminal, `show`, summaries, CSV, error messages) shows every control
//! character as a visible symbol instead (`␛` for ESC, `␇` for BEL, `�` for C1 and
//! DEL), keeping only newline and tab. JSON output stays exact: its escaping is safe.

use std::borrow::Cow;
use std::io::{self, Write};

/// True for characters a terminal may interpret: C0 controls but newline and tab, DEL,
/// and C1 controls.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// The visible stand-in for an unsafe character.
fn visible(c: char) -> char {
    match c as u32 {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        _ => '\u{FFFD}',
    }
}

/// `text` with control characters (except newline and tab) made visible.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { visible(c) } else { c })
            .collect(),
    )
}

/// A writer that makes everything written through it printable. For output without
/// styling (summaries, `show`, `--explain`); styled output cleans its fields instead.
pub struct Printable<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut by a write boundary.
    pending: Vec<u8>,
}

impl<W: Write> Printable<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Printable {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut out = String::with_capacity(self.pending.len());
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    out.push_str(&printable(text));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    out.push_str(&printable(std::str::from_utf8(valid).unwrap_or_default()));
                    match e.error_len() {
                        // Cut at the end of this write: wait for the rest.
                        None => {
                            rest = after;
                            break;
                        }
                        Some(n) => {
                            out.push('\u{FFFD}');
                            rest = &after[n..];
                        }
                    }
                }
            }
        }
        let keep = rest.to_vec();
        self.inner.write_all(out.as_bytes())?;
        self.pending = keep;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(printable("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(printable("a\x1b]52;c;aGk=\x07b"), "a␛]52;c;aGk=␇b");
        assert_eq!(printable("x\u{9b}31m\r"), "x\u{FFFD}31m␍");
    }

    #[test]
    fn the_writer_cleans_across_write_boundaries() {
        let mut w = Printable::new(Vec::new());
        let bytes = "é\x1b[2J".as_bytes();
        w.write_all(&bytes[..1]).expect("write");
        w.write_all(&bytes[1..]).expect("write");
        assert_eq!(String::from_utf8(w.inner).expect("utf-8"), "é␛[2J");
    }
}
