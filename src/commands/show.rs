//! `dateline show ID`: one article in full (and `--copies`: its story's members).

use std::io;
use std::process::ExitCode;

use crate::cli::{ShowArgs, ShowFormat};
use crate::index::DatelineIndex;
use crate::output::details;
use crate::output::printable::Printable;
use crate::output::summary;
use crate::search;

/// Runs the subcommand.
pub fn run(index_path: &std::path::Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let index = DatelineIndex::open(index_path)?;
    let article = search::find_by_id(&index, &args.id)?;
    let label = article.story.as_deref().and_then(crate::stories::label_of);
    let copies = match (args.copies, label) {
        (true, Some(label)) => {
            let members = crate::stories::members::members(&index, label)?;
            let other = members.into_iter().filter(|m| m.id != article.id);
            other
                .map(|m| {
                    let difference = crate::stories::members::difference(&article.body, &m.body);
                    summary::Copy {
                        article: m,
                        difference,
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            details::article_json(&mut out, &article, args.copies.then_some(&copies[..]))?
        }
        ShowFormat::Terminal => {
            let mut out = Printable::new(&mut out);
            summary::write_article(&mut out, &article)?;
            if args.copies {
                summary::write_copies(&mut out, &copies)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
