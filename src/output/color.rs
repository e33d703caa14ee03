//! When and how to colour: only on a terminal, never when `NO_COLOR` is set.

use std::io::IsTerminal;

use std::sync::OnceLock;

/// What `--color` asked for: `Some(true)` always, `Some(false)` never, `None` auto.
static CHOICE: OnceLock<Option<bool>> = OnceLock::new();

/// Records `--color` once, at start-up (`always` → `Some(true)`, `never` →
/// `Some(false)`, `auto` → `None`).
pub fn set_choice(choice: Option<bool>) {
    let _ = CHOICE.set(choice);
}

/// Whether to colour stdout: `--color always|never` decide; otherwise colour when
/// `NO_COLOR` is unset or empty and either `CLICOLOR_FORCE` is set (not `0`) or stdout
/// is a terminal.
pub fn stdout_wants_color() -> bool {
    if let Some(Some(choice)) = CHOICE.get() {
        return *choice;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    set("CLICOLOR_FORCE") || std::io::stdout().is_terminal()
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
