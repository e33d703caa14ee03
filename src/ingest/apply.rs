//! The writer's side of the pipeline: one file's outcome becomes deletions and
//! documents in the tantivy writer, and counts in the run's summary.

use std::collections::HashSet;

use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::summary::{SkippedFile, Summary};
use super::worker::FileOutcome;
use crate::corpus::ReadError;
use crate::error::Result;
use crate::index::manifest::Manifest;
use crate::index::write::write_failure;
use crate::index::{document, DatelineIndex};

/// Applies one file's outcome to the writer and the summary; returns articles added.
pub(super) fn apply(
    writer: &IndexWriter<TantivyDocument>,
    handle: &DatelineIndex,
    outcome: FileOutcome,
    manifest: &Manifest,
    indexed_at: DateTime,
    summary: &mut Summary,
) -> Result<usize> {
    match outcome {
        FileOutcome::Unchanged { articles, by_stat } => {
            summary.files_unchanged += 1;
            summary.files_unchanged_by_stat += usize::from(by_stat);
            summary.articles_unchanged += articles;
            Ok(0)
        }
        FileOutcome::Failed { relative, error } => {
            if matches!(&error, ReadError::Io(e) if e.kind() != std::io::ErrorKind::NotFound) {
                summary.articles_kept_unread += manifest.get(&relative).map_or(0, |e| e.ids.len());
                summary.unreadable.push(SkippedFile {
                    path: relative.clone(),
                    reason: error.to_string(),
                });
            }
            summary.skipped.push(SkippedFile {
                path: relative,
                reason: error.to_string(),
            });
            Ok(0)
        }
        FileOutcome::Parsed {
            relative,
            fingerprint,
            format,
            articles,
            record_errors,
            fallback_encoding,
            bytes,
        } => {
            summary.bytes_read += bytes;
            let old: HashSet<&str> = match manifest.get(&relative) {
                Some(entry) => {
                    writer.delete_term(Term::from_field_text(handle.fields.path, &relative));
                    summary.files_changed += 1;
                    entry.ids.iter().map(String::as_str).collect()
                }
                None => HashSet::new(),
            };
            let mut kept = 0;
            let count = articles.len();
            // Each article is dropped once tantivy has it, so a large file's articles
            // and tantivy's buffers do not both peak at once.
            for (article, copy) in articles {
                if old.contains(article.id.as_str()) {
                    summary.articles_updated += 1;
                    kept += 1;
                } else {
                    summary.articles_added += 1;
                }
                let doc = document::to_document(
                    &handle.fields,
                    &article,
                    copy.as_ref(),
                    fingerprint,
                    indexed_at,
                );
                writer.add_document(doc).map_err(|e| {
                    write_failure(&handle.path, e, format!("adding {}", article.id))
                })?;
            }
            summary.articles_removed += old.len() - kept;
            *summary
                .articles_by_format
                .entry(format.to_string())
                .or_default() += count;
            summary
                .record_errors
                .extend(record_errors.into_iter().map(|reason| SkippedFile {
                    path: relative.clone(),
                    reason,
                }));
            if let Some(encoding) = fallback_encoding {
                summary.decoded_with_fallback.push(SkippedFile {
                    path: relative,
                    reason: format!("not UTF-8; decoded as {encoding}"),
                });
            }
            Ok(count)
        }
    }
}
