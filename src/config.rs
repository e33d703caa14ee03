//! Default flags from `dateline.toml`, so a user who always wants `-n 20 --facets
//! people,date`, or an archive that always needs `--exclude '*.txt' --years 2004-2005`,
//! says it once.
//!
//! Two files are read, when they exist: the user's (`$XDG_CONFIG_HOME/dateline/
//! dateline.toml`, else `~/.config/dateline/dateline.toml`), then the one beside the
//! index (in the folder that holds the index directory). `DATELINE_CONFIG=FILE` reads
//! that file alone; `DATELINE_CONFIG=` (empty) reads none. Each `[command]` table holds
//! that command's long flags (`limit = 20`, `facets = ["people", "date"]`, `all = true`),
//! `[global]` the global ones (`color = "never"`). The flags are put before the
//! command line's own, and the command line wins: a flag given twice takes its last
//! value, a list flag collects both.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The subcommands a config table may name (others take sub-subcommands or no flags).
const COMMANDS: [&str; 9] = [
    "index", "search", "show", "extract", "entities", "export", "stats", "batch", "check",
];

/// Global flags that take a value: skipped when looking for the subcommand.
const GLOBAL_WITH_VALUE: [&str; 3] = ["--index", "--aliases", "--color"];

/// Errors in a config file: which file, what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The command line with the config files' flags put in, and the files used.
pub fn expand(args: Vec<OsString>) -> Result<(Vec<OsString>, Vec<PathBuf>), ConfigError> {
    let files: Vec<PathBuf> = config_files(&args)
        .into_iter()
        .filter(|f| f.is_file())
        .collect();
    if files.is_empty() {
        return Ok((args, files));
    }
    let Some(command_at) = subcommand_position(&args) else {
        return Ok((args, files));
    };
    let command = args[command_at].to_string_lossy().to_string();
    let mut global = Vec::new();
    let mut local = Vec::new();
    for file in &files {
        let (g, l) = flags_of(file, &command)?;
        global.extend(g);
        local.extend(l);
    }
    let mut out: Vec<OsString> = Vec::with_capacity(args.len() + global.len() + local.len());
    out.push(args[0].clone());
    out.extend(global.into_iter().map(OsString::from));
    out.extend(args[1..=command_at].iter().cloned());
    out.extend(local.into_iter().map(OsString::from));
    out.extend(args[command_at + 1..].iter().cloned());
    Ok((out, files))
}

/// The files to read, in order (later ones win).
fn config_files(args: &[OsString]) -> Vec<PathBuf> {
    if let Some(chosen) = std::env::var_os("DATELINE_CONFIG") {
        return if chosen.is_empty() {
            Vec::new()
        } else {
            vec![PathBuf::from(chosen)]
        };
    }
    let mut files = Vec::new();
    let user_dir = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(dir) = user_dir {
        files.push(dir.join("dateline").join("dateline.toml"));
    }
    let index = index_path(args);
    let beside = index
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("dateline.toml");
    if !files.contains(&beside) {
        files.push(beside);
    }
    files
}

/// `--index` as the command line or `DATELINE_INDEX` give it, before clap runs.
fn index_path(args: &[OsString]) -> PathBuf {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            break;
        }
        if text == "--index" {
            if let Some(value) = iter.next() {
                return PathBuf::from(value);
            }
        }
        if let Some(value) = text.strip_prefix("--index=") {
            return PathBuf::from(value);
        }
    }
    std::env::var_os("DATELINE_INDEX")
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from(".dateline"), PathBuf::from)
}

/// Where the subcommand is in `args`, when it is one a config table may name.
fn subcommand_position(args: &[OsString]) -> Option<usize> {
    let mut i = 1;
    while i < args.len() {
        let text = args[i].to_string_lossy();
        if GLOBAL_WITH_VALUE.contains(&text.as_ref()) {
            i += 2;
            continue;
        }
        if text.starts_with('-') {
            i += 1;
            continue;
        }
        return COMMANDS.contains(&text.as_ref()).then_some(i);
    }
    None
}

/// The `[global]` flags and the `[command]` flags of one file.
fn flags_of(file: &Path, command: &str) -> Result<(Vec<String>, Vec<String>), ConfigError> {
    let invalid = |message: String| ConfigError::Invalid {
        path: file.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(file).map_err(|e| invalid(e.to_string()))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| invalid(e.to_string().trim_end().replace('\n', "\n  ")))?;
    for (key, value) in &table {
        let known = key == "global" || COMMANDS.contains(&key.as_str());
        if !known || !value.is_table() {
            return Err(invalid(format!(
                "`{key}` is not a command table (use [global] or one of [{}])",
                COMMANDS.join("], [")
            )));
        }
    }
    let flags = |name: &str| -> Result<Vec<String>, ConfigError> {
        let Some(toml::Value::Table(t)) = table.get(name) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (key, value) in t {
            let flag = format!("--{}", key.replace('_', "-"));
            let mut one = |v: &toml::Value| -> Result<(), ConfigError> {
                match v {
                    toml::Value::Boolean(true) => out.push(flag.clone()),
                    toml::Value::Boolean(false) => {}
                    toml::Value::String(s) => out.extend([flag.clone(), s.clone()]),
                    toml::Value::Integer(n) => out.extend([flag.clone(), n.to_string()]),
                    other => {
                        return Err(invalid(format!(
                            "[{name}] {key}: a {} is not a flag value (use a string, number, true or a list)",
                            other.type_str()
                        )))
                    }
                }
                Ok(())
            };
            match value {
                toml::Value::Array(values) => values.iter().try_for_each(&mut one)?,
                v => one(v)?,
            }
        }
        Ok(out)
    };
    Ok((flags("global")?, flags(command)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_subcommand_is_found_after_global_flags() {
        let args = os(&[
            "dateline",
            "--index",
            "x",
            "--color=never",
            "search",
            "iran",
        ]);
        assert_eq!(subcommand_position(&args), Some(4));
        assert_eq!(index_path(&args), PathBuf::from("x"));
        let args = os(&["dateline", "saved", "run", "x"]);
        assert_eq!(subcommand_position(&args), None);
    }

    #[test]
    fn tables_become_flags_and_bad_ones_are_named() {
        let dir = std::env::temp_dir().join(format!("dateline-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("dateline.toml");
        std::fs::write(
            &file,
            "[global]\ncolor = \"never\"\n[search]\nlimit = 20\nfacets = [\"people\", \"date\"]\nall = false\nshare = true\n",
        )
        .unwrap();
        let (global, search) = flags_of(&file, "search").unwrap();
        assert_eq!(global, ["--color", "never"]);
        assert_eq!(
            search,
            ["--facets", "people", "--facets", "date", "--limit", "20", "--share"]
        );
        std::fs::write(&file, "[serch]\nlimit = 20\n").unwrap();
        let err = flags_of(&file, "search").unwrap_err().to_string();
        assert!(
            err.contains("dateline.toml") && err.contains("`serch`"),
            "{err}"
        );
        std::fs::write(&file, "[search]\nlimit = 1.5\n").unwrap();
        let err = flags_of(&file, "search").unwrap_err().to_string();
        assert!(err.contains("limit"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
