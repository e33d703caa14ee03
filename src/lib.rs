//! dateline: full-text and entity search for news archives.
//!
//! Data flows one way (see ARCHITECTURE.md):
//! `corpus` (walk + readers) → `extract` (dates, entities) → `index` (schema, writer)
//! and `query` (parse/rewrite) → `search` (execute) → `output` (render).
//! `app` wires the commands together; `cli` only defines arguments.

pub mod app;
pub mod article;
pub mod attribution;
pub mod choice;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod curation;
pub mod embedded;
pub mod engine;
pub mod entity;
pub mod error;
pub mod export;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod output;
pub mod query;
pub mod saved;
pub mod search;
pub mod serve;
pub mod stories;

pub use error::{Error, Result};
