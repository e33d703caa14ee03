//! Other engines that answer dateline's searches when one machine is not enough. Each
//! translates the typed query tree into its engine's language, or refuses what the
//! engine cannot answer the same way; nothing here reads the local index.

pub mod quickwit;
