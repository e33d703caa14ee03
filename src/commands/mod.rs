//! One file per subcommand that has outgrown `app.rs`: each turns parsed arguments
//! into library calls, picks the renderer and returns the exit code.

pub mod dups;
pub mod entities;
pub mod quotes;
pub mod stats;
