//! One file per subcommand that has outgrown `app.rs`: each turns parsed arguments
//! into library calls, picks the renderer and returns the exit code.

pub mod backend;
pub mod batch;
pub mod check;
pub mod dups;
pub mod entities;
pub mod export;
pub mod extract;
pub mod index;
pub mod options;
pub mod quotes;
pub mod saved;
pub mod search;
pub mod show;
pub mod stats;
