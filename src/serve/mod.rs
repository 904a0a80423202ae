//! `songngu serve`: the review page. Editors read an article side by side with its
//! Vietnamese, see what drifted and why, fix it, approve it and release it, in a browser.
//!
//! The server runs the same flows as the command line ([`crate::flow`]) and nothing else:
//! a route turns a request into a flow's request, and its result into a page. Articles
//! are addressed by their document id (the project's `[[article]]` entries); no path
//! from the client reaches the file system.
//!
//! | route                          | what it does                                        |
//! |--------------------------------|-----------------------------------------------------|
//! | `GET /`                        | overview: every article's counts and release gate   |
//! | `GET /a/{doc}`                 | the article, side by side (`?todo=1`: what needs work) |
//! | `POST /a/{doc}/save`           | a unit's Vietnamese stored (`flow::edit::translate`) |
//! | `POST /a/{doc}/approve`        | a unit approved (`flow::review::review`)            |
//! | `POST /a/{doc}/accept`         | a finding accepted with a reason (`flow::accept::accept`) |
//! | `POST /a/{doc}/release`        | the gated release (`flow::release::release_to_project`) |
//! | `GET /a/{doc}/release/{file}`  | one file of that release, by a name its manifest lists |
//! | `POST /lang`                   | the page's language (a cookie)                      |
//! | `GET /assets/app.js`, `/assets/app.css` | the page's script and style, from the binary |
//!
//! Security ([`security`]): see the README's `serve` section.

mod actions;
mod assets;
pub mod lang;
mod overview_cache;
pub mod pages;
mod release_dir;
pub mod security;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::flow::FlowError;
use crate::project::Project;
use security::{BODY_LIMIT, Security};

/// Where to listen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeOptions {
    /// The address to bind (default: 127.0.0.1, this machine only).
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The project has no articles to review (or no memory).
    #[error(transparent)]
    Flow(#[from] FlowError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// What every handler shares: the project and the security state.
#[derive(Clone)]
pub struct AppState {
    pub(crate) project: Arc<Project>,
    pub(crate) security: Arc<Security>,
    /// The overview's lines of articles whose files did not change since.
    pub(crate) overview: Arc<overview_cache::OverviewCache>,
}

impl AppState {
    /// The state of a server for `project` reached at `bind`:`port` (the port the `Host`
    /// header must name).
    pub fn new(project: Project, bind: IpAddr, port: u16) -> AppState {
        AppState {
            project: Arc::new(project),
            security: Arc::new(Security::new(bind, port)),
            overview: Arc::default(),
        }
    }

    /// The access token of the first URL.
    pub fn access_token(&self) -> &str {
        self.security.access_token()
    }

    /// The English article of document `doc`, if the project lists it.
    pub(crate) fn article(&self, doc: &str) -> Option<PathBuf> {
        self.project.article_by_doc(doc).map(|a| a.path.clone())
    }
}

/// Every route, behind the security checks.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::overview::page))
        .route("/a/{doc}", get(pages::article::page))
        .route("/a/{doc}/save", post(actions::save))
        .route("/a/{doc}/approve", post(actions::approve))
        .route("/a/{doc}/accept", post(actions::accept))
        .route("/a/{doc}/release", post(actions::release))
        .route("/a/{doc}/release/{file}", get(actions::download))
        .route("/lang", post(actions::set_lang))
        .route("/assets/app.js", get(assets::script))
        .route("/assets/app.css", get(assets::style))
        .fallback(pages::errors::not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .with_state(state)
}

/// A server bound to its port, not yet answering.
pub struct Server {
    listener: TcpListener,
    state: AppState,
    url: String,
}

/// Binds the port for `project`'s review page. Refused when the project lists no
/// articles or no memory: there would be nothing to review.
pub fn bind(project: Project, options: &ServeOptions) -> Result<Server, ServeError> {
    if project.config.articles.is_empty() {
        return Err(FlowError::NoArticles.into());
    }
    if project.config.memory.is_empty() {
        return Err(FlowError::NoMemory.into());
    }
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(addr).map_err(|source| ServeError::Bind { addr, source })?;
    let port = listener.local_addr()?.port();
    let state = AppState::new(project, options.bind, port);
    let host = if options.bind.is_loopback() || options.bind.is_unspecified() {
        format!("127.0.0.1:{port}")
    } else {
        SocketAddr::new(options.bind, port).to_string()
    };
    let url = format!("http://{host}/?token={}", state.access_token());
    Ok(Server {
        listener,
        state,
        url,
    })
}

impl Server {
    /// The address to open, with the access token.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Answers until Ctrl-C (or SIGTERM). A request being answered then is finished first,
    /// and the runtime waits for every flow still writing, so no memory is left
    /// half-written.
    pub fn run(self) -> Result<(), ServeError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_io()
            .build()?;
        runtime.block_on(async move {
            self.listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            axum::serve(listener, router(self.state))
                .with_graceful_shutdown(shutdown())
                .await
        })?;
        // Dropping the runtime waits for `spawn_blocking` work (the flows) to return.
        drop(runtime);
        Ok(())
    }
}

async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {},
                    _ = term.recv() => {},
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

/// Runs `work` (a flow: file I/O, a lock) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}
