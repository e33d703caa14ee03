//! `dateline entities`: list names by article count, list suspects, or curate.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::backend::Backend;
use crate::cli::{CurateCommand, EntitiesArgs, EntityKindArg, ShowFormat};
use crate::curation::{self, suspicious, Outcome, Overlay};
use crate::entity::EntityKind;
use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;
use crate::output::printable::printable;
use crate::output::{self, color, details};
use crate::search::{self, facets::FacetKind, facets::FacetRequest};

/// Runs `dateline entities` with `args` on the index at `index_path`.
pub fn run(index_path: &Path, args: EntitiesArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let remote = super::backend::engine(&args.engine.engine)?.is_some();
    if remote && (args.curate.is_some() || args.suspicious) {
        anyhow::bail!(
            "curation and --suspicious work on the local index (they read and rewrite its articles); --engine only lists names"
        );
    }
    if let Some(command) = args.curate {
        return curate(index_path, command);
    }
    if args.suspicious {
        return list_suspects(index_path, &args, aliases);
    }
    list(index_path, &args, aliases)
}

fn kinds_of(arg: Option<EntityKindArg>) -> Vec<FacetKind> {
    arg.map_or(FacetKind::ENTITIES.to_vec(), |arg| vec![arg.facet()])
}

fn list(index_path: &Path, args: &EntitiesArgs, aliases: &Aliases) -> anyhow::Result<ExitCode> {
    let request = FacetRequest {
        kinds: kinds_of(args.kind),
        size: args.limit,
        exact: true,
        ..Default::default()
    };
    let (total, facets) = match Backend::open(index_path, &args.engine)? {
        Backend::Local(index) => {
            search::facets_only(&index, args.query.as_deref(), &request, aliases)?
        }
        Backend::Quickwit(qw) => {
            crate::engine::quickwit::facets_only(&qw, args.query.as_deref(), &request, aliases)?
        }
    };
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => details::entities_json(&mut out, total, &facets)?,
        ShowFormat::Terminal => {
            writeln!(out, "{total} articles")?;
            output::terminal::write_facets(
                &mut out,
                &facets,
                output::color::Style {
                    enabled: color::stdout_wants_color(),
                },
                "-n",
            )?;
        }
    }
    Ok(if total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Every stored person, org and place name with its article count (of the articles
/// matching `query`, or all): what suspects and archive-wide links are judged on.
pub fn stored_names(
    index: &DatelineIndex,
    query: Option<&str>,
    aliases: &Aliases,
) -> anyhow::Result<curation::NameCounts> {
    let request = FacetRequest {
        kinds: FacetKind::ENTITIES.to_vec(),
        size: 10_000_000,
        ..Default::default()
    };
    let (_, facets) = search::facets_only(index, query, &request, aliases)?;
    Ok(EntityKind::ALL
        .into_iter()
        .map(|kind| {
            let values = facets
                .terms
                .get(FacetKind::from(kind).name())
                .map(|v| v.iter().map(|f| (f.value.clone(), f.count)).collect())
                .unwrap_or_default();
            (kind, values)
        })
        .collect())
}

/// Every stored name is counted (not only the top of each list), so a fragment is
/// recognised whatever the rank of its longer forms.
fn list_suspects(
    index_path: &Path,
    args: &EntitiesArgs,
    aliases: &Aliases,
) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let names = stored_names(&index, args.query.as_deref(), aliases)?;
    let wanted = |kind: EntityKind| args.kind.is_none_or(|arg| arg.entity() == Some(kind));
    // Archive-wide, as the link step judges: what other articles show a name to be.
    let things = index.thing_counts()?;
    let suspects: Vec<_> = suspicious::find(&names, &things)
        .into_iter()
        .filter(|s| wanted(s.kind))
        .take(args.limit)
        .collect();
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => details::suspects_json(&mut out, &suspects)?,
        ShowFormat::Terminal => details::suspects_text(&mut out, &suspects)?,
    }
    Ok(if suspects.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn curate(index_path: &Path, command: CurateCommand) -> anyhow::Result<ExitCode> {
    let rules: Vec<(EntityKind, String, Outcome)> = match command {
        CurateCommand::Rules => return print_rules(index_path),
        CurateCommand::Merge { kind, names, into } => names
            .into_iter()
            .map(|n| (kind.kind(), n, Outcome::Becomes(kind.kind(), into.clone())))
            .collect(),
        CurateCommand::Rename {
            kind,
            name,
            new_name,
        } => vec![(kind.kind(), name, Outcome::Becomes(kind.kind(), new_name))],
        CurateCommand::Retype { kind, name, to } => {
            vec![(kind.kind(), name.clone(), Outcome::Becomes(to.kind(), name))]
        }
        CurateCommand::Drop { kind, names } => names
            .into_iter()
            .map(|n| (kind.kind(), n, Outcome::Drop))
            .collect(),
    };
    let (file, changed) = curation::apply::curate(index_path, &rules)?;
    let plural = if changed == 1 { "" } else { "s" };
    eprintln!(
        "{changed} article{plural} updated; rules kept in {}",
        printable(&file.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

fn print_rules(index_path: &Path) -> anyhow::Result<ExitCode> {
    DatelineIndex::open(index_path)?;
    let overlay = Overlay::load(index_path)?;
    let file = index_path.join(curation::CURATION_FILE);
    if overlay.is_empty() {
        eprintln!("no curation rules ({} does not exist yet)", file.display());
        return Ok(ExitCode::from(1));
    }
    let text = std::fs::read_to_string(&file)?;
    print!("{}", printable(&text));
    Ok(ExitCode::SUCCESS)
}
