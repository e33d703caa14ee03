//! What every request shares: the open index, the alias table, and the server's
//! security settings.

use std::net::SocketAddr;
use std::sync::OnceLock;

use crate::curation::Overlay;
use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;

/// The server's shared, read-only state (each request opens its own searcher, so a
/// `dateline index` run meanwhile shows up at the next request).
pub struct AppState {
    pub index: DatelineIndex,
    pub aliases: Aliases,
    /// The index's curation rules: the article page re-reads an article's names
    /// exactly as the indexer did.
    pub curation: Overlay,
    /// `--allow-saved-edits`: the only way the server writes anything.
    pub allow_saved_edits: bool,
    /// Carried by every form that changes something and checked on submission, so a
    /// page on another site cannot post to this one in the user's name.
    pub csrf_token: String,
    /// Where the server listens, and whether other hosts may reach it; set once bound.
    address: OnceLock<(SocketAddr, bool)>,
}

impl AppState {
    /// State for serving `index`.
    pub fn new(
        index: DatelineIndex,
        aliases: Aliases,
        allow_saved_edits: bool,
    ) -> anyhow::Result<AppState> {
        let curation = Overlay::load(&index.path)?;
        Ok(AppState {
            index,
            aliases,
            curation,
            allow_saved_edits,
            csrf_token: random_token()?,
            address: OnceLock::new(),
        })
    }

    /// Records the bound address (port 0 becomes the real port).
    pub fn set_address(&self, address: SocketAddr, remote: bool) {
        let _ = self.address.set((address, remote));
    }

    /// The bound address and whether remote hosts are allowed.
    pub fn address(&self) -> Option<(SocketAddr, bool)> {
        self.address.get().copied()
    }
}

/// 128 random bits as hex.
fn random_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| anyhow::anyhow!("no random source for the form token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
