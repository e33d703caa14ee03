//! When and how to colour: only on a terminal, never when `NO_COLOR` is set.

use std::io::IsTerminal;

/// True when stdout is a terminal and `NO_COLOR` is unset or empty.
pub fn stdout_wants_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

/// ANSI styling that collapses to plain text when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub enabled: bool,
}

impl Style {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    /// Titles.
    pub fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    /// Secondary details: path, source.
    pub fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    /// Dates.
    pub fn date(&self, text: &str) -> String {
        self.wrap("36", text)
    }
    /// Matched words: coloured on a TTY, `[bracketed]` otherwise so matches stay
    /// visible in a pipe or with NO_COLOR.
    pub fn matched(&self, text: &str) -> String {
        if self.enabled {
            self.wrap("1;31", text)
        } else {
            format!("[{text}]")
        }
    }
}
