//! `dateline serve`: the index as a local web application, for people who will not
//! open a terminal.
//!
//! The pages are rendered on the server from the same library calls the CLI makes
//! (`search::run`, `search::facets_only`, `search::find_by_id`), so a page and
//! `dateline search` can never disagree; `/api/*` returns the CLI's JSON shapes.
//! Every value interpolated into HTML goes through maud's escaping. The server is
//! read-only unless `--allow-saved-edits`, and then writes only the index's own
//! saved-queries file (`INDEX.queries.toml` beside the index directory, where
//! `saved add` writes it, so that `index --rebuild` never touches it).

mod api;
mod article;
mod assets;
mod error;
mod guard;
mod histogram;
mod pages;
mod params;
mod saved;
mod state;

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use axum::routing::{get, post};
use axum::Router;

use crate::cli::ServeArgs;
use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;

pub use error::ServeError;
pub use state::AppState;

/// Largest request body accepted (the saved-query forms are the only bodies).
const MAX_BODY_BYTES: usize = 16 * 1024;

/// Runs the server until interrupted (Ctrl-C or SIGTERM).
pub fn run(index_path: &Path, args: ServeArgs, aliases: Aliases) -> anyhow::Result<ExitCode> {
    check_bind(&args)?;
    // Open once before listening: a missing or old index is a start-up error, not a
    // page of errors.
    let mut index = DatelineIndex::open(index_path)?;
    index.keep_one_reader()?;
    let state = Arc::new(AppState::new(index, aliases, args.allow_saved_edits)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(serve(state, args))?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses to serve the archive to the network by accident.
fn check_bind(args: &ServeArgs) -> anyhow::Result<()> {
    if args.bind.ip().is_loopback() {
        return Ok(());
    }
    if !args.allow_remote {
        anyhow::bail!(
            "--bind {} is not a loopback address: anyone who can reach it could read the whole archive; add --allow-remote if that is what you want",
            args.bind
        );
    }
    eprintln!(
        "warning: serving on {} with no login: anyone who can reach this address can read the archive",
        args.bind
    );
    Ok(())
}

async fn serve(state: Arc<AppState>, args: ServeArgs) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("listening on {}", args.bind))?;
    let address: SocketAddr = listener.local_addr().context("reading the bound address")?;
    state.set_address(address, args.allow_remote);
    let url = format!("http://{address}/");
    // One line on stdout, first: scripts and tests read the port from it.
    println!("listening on {url}");
    eprintln!(
        "serving {} ({}); Ctrl-C stops",
        state.index.path.display(),
        if state.allow_saved_edits {
            "saved queries editable"
        } else {
            "read-only"
        }
    );
    if args.open {
        open_browser(&url);
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    Ok(())
}

/// Every route: pages, their JSON twins under `/api/`, and the embedded assets.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/article", get(pages::article))
        .route("/entity", get(pages::entity))
        .route("/saved", get(pages::saved))
        .route("/saved/add", post(pages::saved_add))
        .route("/saved/remove", post(pages::saved_remove))
        .route("/api/search", get(api::search))
        .route("/api/show", get(api::show))
        .route("/api/entities", get(api::entities))
        .route("/api/saved", get(api::saved))
        .route("/assets/{name}", get(assets::asset))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::check_host,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// Admits index work one request per core, first come first served: twenty
/// searches at once then take turns instead of sharing the cores twenty ways, so each
/// waits about as long as the others (a shorter worst case) and none is slowed by the
/// switching.
static WORK_SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();

fn work_slots() -> &'static tokio::sync::Semaphore {
    WORK_SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    })
}

/// Runs index work (tantivy is blocking) off the async threads, in its turn.
async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ServeError> + Send + 'static,
) -> Result<T, ServeError> {
    let failed = |e: String| ServeError::Internal(format!("the request's work failed: {e}"));
    let _turn = work_slots()
        .acquire()
        .await
        .map_err(|e| failed(e.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| failed(e.to_string()))?
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// Best effort: a missing opener is a warning, the server keeps running.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("warning: could not open a browser ({opener}: {e}); open {url} yourself");
    }
}
