//! What stands between the review page and everything else on the machine or the network:
//! the access token (exchanged once for a session cookie), the `Host` check against DNS
//! rebinding, the `Origin` check and the CSRF token of every state change, and the
//! response headers that keep content from running as code.
//!
//! The model is Jupyter Server's: whoever can read the first URL the command prints may
//! use the page; a web page the editor visits meanwhile may not, even though the server
//! listens on their machine.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::lang;
use super::pages::errors::refusal;

/// The largest request body accepted (a unit's translation with its form is far smaller).
pub const BODY_LIMIT: usize = 256 * 1024;
/// The cookie that carries the session after the token was shown once.
pub const SESSION_COOKIE: &str = "songngu_session";

/// A random 128-bit value, as 32 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    // Without the system's randomness no token can be trusted: nothing may be served.
    getrandom::fill(&mut bytes).expect("the system's random source failed");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Equality that takes as long for a near miss as for a far one, so that the time of a
/// refusal tells nothing about the token.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The page's secrets and the hosts it answers to.
pub struct Security {
    access: String,
    /// Session id (the cookie's value) to that session's CSRF token.
    sessions: Mutex<HashMap<String, String>>,
    hosts: Vec<String>,
}

/// The session a request belongs to, handed to the handlers.
#[derive(Debug, Clone)]
pub struct Session {
    /// The CSRF token every form of the session carries.
    pub csrf: String,
}

impl Session {
    /// Whether `given` (a form's `csrf` field) is this session's token.
    pub fn csrf_ok(&self, given: &str) -> bool {
        same_secret(&self.csrf, given)
    }
}

impl Security {
    /// A new access token for a server on `bind`:`port`.
    pub fn new(bind: IpAddr, port: u16) -> Security {
        let mut hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        let own = match bind {
            IpAddr::V4(ip) => format!("{ip}:{port}"),
            IpAddr::V6(ip) => format!("[{ip}]:{port}"),
        };
        if !hosts.contains(&own) && !bind.is_unspecified() {
            hosts.push(own);
        }
        Security {
            access: random_token(),
            sessions: Mutex::new(HashMap::new()),
            hosts,
        }
    }

    pub fn access_token(&self) -> &str {
        &self.access
    }

    fn host_allowed(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    fn open_session(&self) -> String {
        let id = random_token();
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.insert(id.clone(), random_token());
        id
    }

    fn session(&self, id: &str) -> Option<Session> {
        let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions
            .iter()
            .find(|(known, _)| same_secret(known, id))
            .map(|(_, csrf)| Session { csrf: csrf.clone() })
    }
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Every request passes here first: the checks, then the handler, then the headers.
pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let response = match admit(&state.security, &mut request) {
        Ok(()) => next.run(request).await,
        Err(refused) => refused,
    };
    with_headers(response)
}

fn admit(security: &Security, request: &mut Request) -> Result<(), Response> {
    let l10n = lang::localizer(request.headers());
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    // A name that resolves to this machine by a rebinding trick still arrives under its
    // own name.
    if !security.host_allowed(host) {
        return Err(refusal(
            &l10n,
            StatusCode::MISDIRECTED_REQUEST,
            "serve-refused-host",
        ));
    }
    let host = host.to_owned();
    if let Some(token) = query_token(request.uri().query()) {
        if !same_secret(&token, &security.access) {
            return Err(refusal(&l10n, StatusCode::FORBIDDEN, "serve-refused-token"));
        }
        if request.method() != Method::GET {
            return Err(refusal(&l10n, StatusCode::FORBIDDEN, "serve-refused-csrf"));
        }
        return Err(exchange(security, request));
    }
    let session = cookie(request.headers(), SESSION_COOKIE).and_then(|id| security.session(id));
    let Some(session) = session else {
        return Err(refusal(
            &l10n,
            StatusCode::UNAUTHORIZED,
            "serve-refused-no-token",
        ));
    };
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let origin = request
            .headers()
            .get(header::ORIGIN)
            .map(|o| o.to_str().unwrap_or(""));
        if origin.is_some_and(|o| o != format!("http://{host}")) {
            return Err(refusal(
                &l10n,
                StatusCode::FORBIDDEN,
                "serve-refused-origin",
            ));
        }
    }
    request.extensions_mut().insert(session);
    Ok(())
}

/// The `token` parameter of a query string.
fn query_token(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == "token")
        .map(|(_, v)| v.to_owned())
}

/// The token was right: a session cookie, and the same address without the token, so
/// that it stays out of the history and of any link copied from the address bar.
fn exchange(security: &Security, request: &Request) -> Response {
    let session = security.open_session();
    let rest: Vec<&str> = request
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty() && *pair != "token" && !pair.starts_with("token="))
        .collect();
    let mut location = request.uri().path().to_owned();
    if !rest.is_empty() {
        location.push('?');
        location.push_str(&rest.join("&"));
    }
    let cookie = format!("{SESSION_COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/");
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&location) {
        headers.insert(header::LOCATION, value);
    }
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}

/// The Content-Security-Policy of every response: only the binary's own script and style
/// run; content in the page can never be code.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
base-uri 'none'";

fn with_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null`
    // with the page's own form posts, which the Origin check must refuse. Nothing leaves
    // for another site either way, and the token is never in a page's address.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_random_bits() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn the_token_is_found_among_other_parameters() {
        assert_eq!(query_token(Some("only=1&token=ab")).as_deref(), Some("ab"));
        assert_eq!(query_token(Some("tokens=ab")), None);
        assert_eq!(query_token(None), None);
    }

    #[test]
    fn hosts_are_loopback_and_the_bound_address() {
        let security = Security::new("10.0.0.5".parse().unwrap(), 8080);
        assert!(security.host_allowed("localhost:8080"));
        assert!(security.host_allowed("10.0.0.5:8080"));
        assert!(!security.host_allowed("localhost:8081"));
        assert!(!security.host_allowed("evil.example:8080"));
    }
}
