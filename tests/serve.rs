//! The review page (`songngu::serve`) over HTTP, without a socket: the router is driven
//! request by request (`tower::ServiceExt::oneshot`) on a copy of the bundled example
//! (`tmx/seed.tmx` with the revised English `examples/seed.v2.en.txt`, the memory brought
//! up to date by `update` as the project's day does).
mod common;
use common::root;

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use songngu::drift::version::NOTHING_STORED;
use songngu::drift::{Kind, Status};
use songngu::flow::check::{CheckRequest, Checked, check};
use songngu::flow::edit::{UpdateRequest, update};
use songngu::project::config::Article;
use songngu::project::{Config, Project};
use songngu::serve::{AppState, router};
use tower::ServiceExt;

const DOC: &str = "seed-2019-11-28";
const PORT: u16 = 4321;
const HOST: &str = "127.0.0.1:4321";

/// A project in `dir`: a copy of the bundled memory, and the English article `en` (a
/// path) listed as [`DOC`].
fn project_with(dir: &Path, en: PathBuf) -> Project {
    project_of(dir, en, DOC)
}

/// [`project_with`] with the article listed as `doc`.
fn project_of(dir: &Path, en: PathBuf, doc: &str) -> Project {
    let tm = dir.join("seed.tmx");
    std::fs::copy(root().join("tmx/seed.tmx"), &tm).unwrap();
    let mut config = Config::defaults(dir);
    config.memory = vec![tm];
    config.translator = Some("lan".to_owned());
    config.articles = vec![Article {
        path: en,
        doc: doc.to_owned(),
    }];
    Project::new(config, Default::default())
}

/// The bundled example after its English revision, the memory updated.
fn revised(dir: &Path) -> Project {
    let en = dir.join("seed.v2.en.txt");
    std::fs::copy(root().join("examples/seed.v2.en.txt"), &en).unwrap();
    let project = project_with(dir, en.clone());
    let request = UpdateRequest {
        doc: Some(DOC.to_owned()),
        ..UpdateRequest::new(&en)
    };
    update(&project, &request, &mut Vec::new()).unwrap();
    project
}

fn checked(project: &Project) -> Checked {
    let en = project.config.articles[0].path.clone();
    let request = CheckRequest {
        doc: Some(DOC.to_owned()),
        ..CheckRequest::new(en)
    };
    check(project, &request, &mut Vec::new()).unwrap()
}

fn tmx(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("seed.tmx")).unwrap()
}

/// A browser with a session: its cookie and the CSRF token of its pages.
struct Client {
    app: Router,
    cookie: String,
    csrf: String,
}

struct Reply {
    status: StatusCode,
    headers: header::HeaderMap,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response: Response<Body> = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::HOST, HOST)
}

/// `application/x-www-form-urlencoded`.
fn encode(form: &[(&str, &str)]) -> String {
    let part = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    form.iter()
        .map(|(k, v)| format!("{}={}", part(k), part(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The CSRF token a page carries in its `<meta>`.
fn meta_csrf(page: &str) -> String {
    let start = page
        .find("name=\"csrf-token\" content=\"")
        .expect("csrf meta")
        + 27;
    page[start..start + 32].to_owned()
}

impl Client {
    /// Opens the first URL, as a person does, and keeps the cookie it gets.
    async fn login(state: &AppState) -> Client {
        let app = router(state.clone());
        let first = format!("/?token={}", state.access_token());
        let reply = send(&app, get(&first).body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
        let cookie = cookie.split(';').next().unwrap().to_owned();
        let mut client = Client {
            app,
            cookie,
            csrf: String::new(),
        };
        let page = client.get("/").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        client.csrf = meta_csrf(&page.body);
        client
    }

    async fn get(&self, path: &str) -> Reply {
        let request = get(path).header(header::COOKIE, &self.cookie);
        send(&self.app, request.body(Body::empty()).unwrap()).await
    }

    /// A POST of `form`, with this session's CSRF token unless the form has its own.
    async fn post(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        let mut fields = form.to_vec();
        if !form.iter().any(|(k, _)| *k == "csrf") {
            fields.push(("csrf", &self.csrf));
        }
        self.post_raw(path, encode(&fields)).await
    }

    async fn post_raw(&self, path: &str, body: String) -> Reply {
        let request = Request::post(path)
            .header(header::HOST, HOST)
            .header(header::COOKIE, &self.cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        send(&self.app, request.body(Body::from(body)).unwrap()).await
    }
}

fn state_of(project: Project) -> AppState {
    AppState::new(project, "127.0.0.1".parse().unwrap(), PORT)
}

/// How many rows of a page carry `data-state="<state>"`.
fn rows(page: &str, state: &str) -> usize {
    page.matches(&format!("data-state=\"{state}\"")).count()
}

/// The `data-state` of the row of unit `unit`.
fn row_state<'p>(page: &'p str, unit: &str) -> &'p str {
    let at = page
        .find(&format!("data-unit=\"{unit}\""))
        .expect("the unit's row");
    let rest = &page[at..];
    let start = rest.find("data-state=\"").unwrap() + 12;
    let end = start + rest[start..].find('"').unwrap();
    &rest[start..end]
}

#[tokio::test]
async fn every_page_route_answers() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_of(revised(dir.path()));
    let client = Client::login(&state).await;
    let overview = client.get("/").await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(overview.body.contains(&format!("href=\"/a/{DOC}\"")));
    assert!(
        overview.body.contains("data-count=\"stale\">3<"),
        "{}",
        overview.body
    );
    assert!(overview.body.contains("data-count=\"missing\">2<"));
    assert!(overview.body.contains("data-gate=\"refused\""));
    assert_eq!(overview.headers[header::CACHE_CONTROL], "no-store");

    let article = client.get(&format!("/a/{DOC}")).await;
    assert_eq!(article.status, StatusCode::OK);
    assert!(article.body.contains("<del>") && article.body.contains("<ins>"));
    let todo = client.get(&format!("/a/{DOC}?todo=1")).await;
    assert_eq!(
        rows(&todo.body, "current"),
        1,
        "only the unit needing review"
    );
    assert_eq!(rows(&todo.body, "stale") + rows(&todo.body, "missing"), 5);

    let js = client.get("/assets/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(
        js.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let css = client.get("/assets/app.css").await;
    assert!(
        css.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(css.body.contains("@media print") && css.body.contains("max-width"));

    for missing in [
        "/a/no-such-doc",
        "/nothing",
        "/a/no-such-doc/release/manifest.json",
    ] {
        assert_eq!(
            client.get(missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
    let unknown = client.post("/a/no-such-doc/release", &[]).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_token_is_exchanged_for_a_cookie_once() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_of(revised(dir.path()));
    let app = router(state.clone());
    let none = send(&app, get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert!(none.body.contains("songngu serve"));
    let wrong = send(
        &app,
        get("/?token=0123456789abcdef0123456789abcdef")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert!(wrong.headers.get(header::SET_COOKIE).is_none());

    let path = format!("/a/{DOC}?todo=1&token={}", state.access_token());
    let first = send(&app, get(&path).body(Body::empty()).unwrap()).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(first.headers[header::LOCATION], format!("/a/{DOC}?todo=1"));
    let cookie = first.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(
        !cookie.contains(state.access_token()),
        "the cookie is a session, not the token"
    );

    let session = cookie.split(';').next().unwrap();
    let with = get("/")
        .header(header::COOKIE, session)
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, with).await.status, StatusCode::OK);
    let forged = get("/").header(
        header::COOKIE,
        "songngu_session=00000000000000000000000000000000",
    );
    assert_eq!(
        send(&app, forged.body(Body::empty()).unwrap()).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_host_header_must_name_this_server() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_of(revised(dir.path()));
    let client = Client::login(&state).await;
    for host in ["evil.example:4321", "127.0.0.1:80", "localhost"] {
        let request = Request::get("/")
            .header(header::HOST, host)
            .header(header::COOKIE, &client.cookie);
        let reply = send(&client.app, request.body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
    }
    let no_host = Request::get("/").header(header::COOKIE, &client.cookie);
    let reply = send(&client.app, no_host.body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST);
    let localhost = Request::get("/")
        .header(header::HOST, "localhost:4321")
        .header(header::COOKIE, &client.cookie);
    assert_eq!(
        send(&client.app, localhost.body(Body::empty()).unwrap())
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn state_changes_need_the_csrf_token_and_gets_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let missing = checked(&project)
        .article
        .units()
        .iter()
        .find(|u| u.status == Status::Missing)
        .map(|u| u.unit.id.clone())
        .unwrap();
    let state = state_of(project);
    let client = Client::login(&state).await;
    let before = tmx(dir.path());
    let save = format!("/a/{DOC}/save");
    let version = NOTHING_STORED.to_owned();
    let fields = |csrf: &'static str| {
        vec![
            ("csrf", csrf),
            ("unit", missing.as_str()),
            ("vi", "Bản dịch mới."),
            ("version", version.as_str()),
        ]
    };
    let wrong = client
        .post(&save, &fields("00000000000000000000000000000000"))
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let empty = client.post(&save, &fields("")).await;
    assert_eq!(empty.status, StatusCode::FORBIDDEN);
    // No `csrf` field at all: the form is not even read.
    let body = encode(&[
        ("unit", missing.as_str()),
        ("vi", "x"),
        ("version", version.as_str()),
    ]);
    assert!(client.post_raw(&save, body).await.status.is_client_error());
    // Another site's form, even with the right token.
    let request = Request::post(&save)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .header(header::COOKIE, &client.cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let body = encode(&[
        ("csrf", &client.csrf),
        ("unit", &missing),
        ("vi", "x"),
        ("version", &version),
    ]);
    let reply = send(&client.app, request.body(Body::from(body)).unwrap()).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // Every GET, the actions' paths included.
    for path in [
        "/",
        &format!("/a/{DOC}"),
        &format!("/a/{DOC}?todo=1"),
        &save,
        &format!("/a/{DOC}/approve"),
    ] {
        client.get(path).await;
    }
    assert_eq!(tmx(dir.path()), before, "the memory changed");
    assert_eq!(
        client.get(&save).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn article_and_memory_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("evil.en.txt");
    std::fs::write(
        &en,
        "Look <script>alert(1)</script> here.\n\nHe said \" onmouseover=\"x and left.\n",
    )
    .unwrap();
    let state = state_of(project_with(dir.path(), en));
    let client = Client::login(&state).await;
    let page = client.get(&format!("/a/{DOC}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(!page.body.contains("\" onmouseover=\"x"));
    assert!(page.body.contains("&quot; onmouseover=&quot;x"));
    // A translation saved with markup comes back as text too, in the row and the editor.
    let unit = {
        let start = page.body.find("data-unit=\"").unwrap() + 11;
        page.body[start..start + page.body[start..].find('"').unwrap()].to_owned()
    };
    let evil = "<img src=x onerror=alert(1)> \" onfocus=\"y";
    let saved = client
        .post(
            &format!("/a/{DOC}/save"),
            &[("unit", &unit), ("vi", evil), ("version", NOTHING_STORED)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(!saved.body.contains("<img src=x"));
    assert!(!saved.body.contains("\" onfocus=\"y"));
    assert!(saved.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused_and_pages_carry_the_policy() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_of(revised(dir.path()));
    let client = Client::login(&state).await;
    let before = tmx(dir.path());
    let big = "a".repeat(300 * 1024);
    let reply = client
        .post(
            &format!("/a/{DOC}/save"),
            &[("unit", "u1"), ("vi", &big), ("version", "0")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(tmx(dir.path()), before);
    for reply in [client.get("/").await, client.get("/nothing").await, reply] {
        let csp = reply.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(reply.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(reply.headers[header::REFERRER_POLICY], "same-origin");
    }
    let refused = send(&client.app, get("/").body(Body::empty()).unwrap()).await;
    assert!(
        refused
            .headers
            .contains_key(header::CONTENT_SECURITY_POLICY)
    );
}

/// The rows by `data-state` are the check's: as many `stale` and `missing` rows as
/// `check --format json` has findings of those kinds, and the rest current.
#[tokio::test]
async fn rows_by_state_match_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let checked = checked(&project);
    let findings = &checked.article.report.findings;
    let stale = findings.iter().filter(|f| f.kind == Kind::Stale).count();
    let missing = findings.iter().filter(|f| f.kind == Kind::Missing).count();
    let units = checked.article.units.len();
    assert_eq!((stale, missing), (3, 2));
    let state = state_of(project);
    let client = Client::login(&state).await;
    let page = client.get(&format!("/a/{DOC}")).await.body;
    assert_eq!(rows(&page, "stale"), stale);
    assert_eq!(rows(&page, "missing"), missing);
    assert_eq!(rows(&page, "current"), units - stale - missing);
    assert_eq!(page.matches("data-unit=\"").count(), units);
    for f in findings.iter().filter(|f| f.kind == Kind::Stale) {
        assert_eq!(row_state(&page, f.unit.as_deref().unwrap()), "stale");
    }
    // A missing unit shows the memory's suggestion with its score when the check has one.
    let suggested: Vec<_> = findings
        .iter()
        .filter_map(|f| f.suggestion.as_ref())
        .collect();
    assert_eq!(page.matches("data-score=").count(), suggested.len());
    for s in suggested {
        assert!(page.contains(&format!("data-score=\"{}\"", s.score)));
    }
}

#[tokio::test]
async fn saving_a_unit_stores_it_and_its_row_turns_current() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let (stale, old_vi, loaded) = checked(&project)
        .article
        .units()
        .iter()
        .find(|u| u.status == Status::Stale)
        .map(|u| (u.unit.id.clone(), u.vi.clone(), u.version.clone().unwrap()))
        .unwrap();
    let state = state_of(project.clone());
    let client = Client::login(&state).await;
    let text = "Ngày 27/11/2019, tại Hà Nội, Bộ Thông tin và Truyền thông tổ chức hội thảo “Ứng xử có trách nhiệm của quốc gia trên không gian mạng”.";
    let save = format!("/a/{DOC}/save");
    // A version the page never showed: refused, both texts shown, nothing written.
    let before = tmx(dir.path());
    let conflict = client
        .post(
            &save,
            &[
                ("unit", &stale),
                ("vi", text),
                ("version", "0123456789abcdef"),
            ],
        )
        .await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert!(conflict.body.contains(old_vi.as_deref().unwrap()) && conflict.body.contains(text));
    assert_eq!(tmx(dir.path()), before);

    let saved = client
        .post(
            &save,
            &[("unit", &stale), ("vi", text), ("version", &loaded)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(row_state(&saved.body, &stale), "current");
    // Read back from the TMX on disk by a new check.
    let after = checked(&project);
    let unit = after
        .article
        .units()
        .into_iter()
        .find(|u| u.unit.id == stale)
        .unwrap();
    assert_eq!(unit.status, Status::Current);
    assert_eq!(unit.vi.as_deref(), Some(text));
    assert!(
        String::from_utf8(tmx(dir.path()))
            .unwrap()
            .contains("Bộ Thông tin và Truyền thông tổ chức hội thảo")
    );

    let blank = client
        .post(
            &save,
            &[("unit", &stale), ("vi", "  "), ("version", &loaded)],
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blank.body.contains("The translation is empty"));
}

#[tokio::test]
async fn approving_and_accepting_go_through_the_flows() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let checked_now = checked(&project);
    let units = checked_now.article.units();
    let (doubtful, loaded) = units
        .iter()
        .find(|u| u.vi_status.as_deref() == Some("needs-review"))
        .map(|u| (u.unit.id.clone(), u.version.clone().unwrap()))
        .unwrap();
    let finding = checked_now
        .article
        .report
        .findings
        .iter()
        .find(|f| f.kind == Kind::Stale)
        .unwrap()
        .fingerprint();
    let state = state_of(project.clone());
    let client = Client::login(&state).await;
    let approved = client
        .post(
            &format!("/a/{DOC}/approve"),
            &[("unit", &doubtful), ("version", &loaded)],
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    let after = checked(&project);
    let unit = after
        .article
        .units()
        .into_iter()
        .find(|u| u.unit.id == doubtful)
        .unwrap();
    assert_eq!(unit.vi_status.as_deref(), Some("reviewed"));

    let accept = format!("/a/{DOC}/accept");
    let no_reason = client
        .post(&accept, &[("finding", &finding), ("reason", " ")])
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let accepted = client
        .post(
            &accept,
            &[("finding", &finding), ("reason", "the desk agreed")],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    assert!(accepted.body.contains("data-accepted"));
    let file = std::fs::read_to_string(&project.config.check.accepted).unwrap();
    assert!(
        file.contains("the desk agreed") && file.contains(&finding),
        "{file}"
    );
    let gone = client
        .post(&accept, &[("finding", "nope"), ("reason", "x")])
        .await;
    assert_eq!(gone.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_release_is_gated_then_written_under_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let failing = {
        let checked = checked(&project);
        checked
            .article
            .report
            .summary(checked.article.fail_on)
            .failing
    };
    let state = state_of(project);
    let client = Client::login(&state).await;
    let refused = client.post(&format!("/a/{DOC}/release"), &[]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("data-release=\"refused\""));
    // The count of failing findings is the check's.
    assert!(failing > 0);
    assert!(
        refused
            .body
            .contains(&format!("data-failing=\"{failing}\"")),
        "{}",
        refused.body
    );
    assert!(!dir.path().join("release").join(DOC).exists());

    // The original edition: every unit current, so the release goes out, into the
    // folder `[release] folder` names.
    let dir = tempfile::tempdir().unwrap();
    let mut project = project_with(dir.path(), root().join("examples/seed.en.txt"));
    project.config.release_folder = dir.path().join("out/releases");
    let state = state_of(project);
    let client = Client::login(&state).await;
    let released = client.post(&format!("/a/{DOC}/release"), &[]).await;
    assert_eq!(released.status, StatusCode::OK, "{}", released.body);
    assert!(!dir.path().join("release").exists());
    let folder = dir.path().join("out/releases").join(DOC);
    assert!(folder.join("manifest.json").is_file());
    // A file put beside the release is not one of its files: never offered.
    std::fs::write(folder.join("notes.txt"), "private").unwrap();
    assert!(
        released
            .body
            .contains(&format!("/a/{DOC}/release/manifest.json"))
    );
    let manifest = client.get(&format!("/a/{DOC}/release/manifest.json")).await;
    assert_eq!(manifest.status, StatusCode::OK);
    assert_eq!(
        manifest.body,
        std::fs::read_to_string(folder.join("manifest.json")).unwrap()
    );
    for name in [
        "..%2Fseed.tmx",
        "%2E%2E",
        "..%2F..%2Fseed.tmx",
        "songngu.toml",
        "nothing.txt",
        "notes.txt",
    ] {
        let reply = client.get(&format!("/a/{DOC}/release/{name}")).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{name}");
    }
}

#[tokio::test]
async fn the_page_speaks_the_browsers_language_and_the_switch_sets_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_of(revised(dir.path()));
    let client = Client::login(&state).await;
    assert!(client.get("/").await.body.contains("Articles"));
    let request = get("/")
        .header(header::COOKIE, &client.cookie)
        .header(header::ACCEPT_LANGUAGE, "vi-VN,vi;q=0.9,en;q=0.5");
    let vi = send(&client.app, request.body(Body::empty()).unwrap()).await;
    assert!(
        vi.body.contains("Các bài") && vi.body.contains("lang=\"vi\""),
        "{}",
        vi.body
    );

    let forged = client
        .post("/lang", &[("csrf", "x"), ("lang", "vi"), ("back", "/")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let switched = client
        .post("/lang", &[("lang", "vi"), ("back", "//evil.example/")])
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.headers[header::LOCATION], "/");
    let cookie = switched.headers[header::SET_COOKIE].to_str().unwrap();
    let lang = cookie.split(';').next().unwrap();
    let request =
        get(&format!("/a/{DOC}")).header(header::COOKIE, format!("{}; {lang}", client.cookie));
    let page = send(&client.app, request.body(Body::empty()).unwrap()).await;
    assert!(
        page.body.contains("bản dịch cũ") && page.body.contains("Lưu"),
        "{}",
        page.body
    );
}

/// A new article whose sentence is close to one the memory translated in another one:
/// its row is missing and shows that translation with the match's score.
#[tokio::test]
async fn a_missing_unit_shows_the_memorys_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("next.en.txt");
    std::fs::write(
        &en,
        "Deputy Minister Nguyen Thanh Hung attended and delivered the closing speech.\n",
    )
    .unwrap();
    let project = project_of(dir.path(), en.clone(), "next-2020");
    let request = CheckRequest {
        doc: Some("next-2020".to_owned()),
        ..CheckRequest::new(en)
    };
    let checked = check(&project, &request, &mut Vec::new()).unwrap();
    let suggestion = checked
        .article
        .report
        .findings
        .iter()
        .find_map(|f| f.suggestion.clone())
        .expect("the check suggests the memory's translation");
    let state = state_of(project);
    let client = Client::login(&state).await;
    let page = client.get("/a/next-2020").await.body;
    assert_eq!(rows(&page, "missing"), 1);
    assert!(
        page.contains(&format!("data-score=\"{}\"", suggestion.score)),
        "{page}"
    );
    assert!(page.contains(&suggestion.vi));
}

/// The text in the save form's box of unit `unit`.
fn text_box<'p>(page: &'p str, unit: &str) -> &'p str {
    let at = page
        .find(&format!("id=\"vi-{unit}\""))
        .expect("the unit's text box");
    let start = at + page[at..].find('>').unwrap() + 1;
    let end = start + page[start..].find("</textarea>").unwrap();
    &page[start..end]
}

/// The version the page gives unit `unit`'s save form.
fn page_version(page: &str, unit: &str) -> String {
    let at = page.find(&format!("id=\"vi-{unit}\"")).unwrap();
    let form = page[..at].rfind("name=\"version\" value=\"").unwrap() + 22;
    page[form..form + page[form..].find('"').unwrap()].to_owned()
}

/// Two editors save the same unit at once, both from the page as it loaded: the memory's
/// lock orders them, the first is stored, the second is refused with both versions (its
/// text kept in the box) and the memory holds the first's. Several rounds, each from the
/// version the last round left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_saves_of_one_unit_store_one_and_refuse_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let stale = checked(&project)
        .article
        .units()
        .iter()
        .find(|u| u.status == Status::Stale)
        .map(|u| u.unit.id.clone())
        .unwrap();
    let state = state_of(project.clone());
    let client = std::sync::Arc::new(Client::login(&state).await);
    let save = format!("/a/{DOC}/save");
    for round in 0..6 {
        let page = client.get(&format!("/a/{DOC}")).await;
        let loaded = page_version(&page.body, &stale);
        let texts = [
            format!("Bản của Lan, lượt {round}."),
            format!("Bản của Minh, lượt {round}."),
        ];
        let mut saves = Vec::new();
        for text in texts.clone() {
            let (client, save, unit, loaded) =
                (client.clone(), save.clone(), stale.clone(), loaded.clone());
            saves.push(tokio::spawn(async move {
                let form = [("unit", unit.as_str()), ("vi", &text), ("version", &loaded)];
                client.post(&save, &form).await
            }));
        }
        let mut replies = Vec::new();
        for save in saves {
            replies.push(save.await.unwrap());
        }
        let statuses: Vec<StatusCode> = replies.iter().map(|r| r.status).collect();
        let won: Vec<usize> = (0..2).filter(|&i| statuses[i] == StatusCode::OK).collect();
        assert_eq!(won.len(), 1, "round {round}: {statuses:?}");
        let (winner, loser) = (won[0], 1 - won[0]);
        assert_eq!(statuses[loser], StatusCode::CONFLICT, "round {round}");
        // The memory holds the winner's text, not the loser's.
        let tmx = String::from_utf8(tmx(dir.path())).unwrap();
        assert!(tmx.contains(&texts[winner]), "round {round}");
        assert!(!tmx.contains(&texts[loser]), "round {round}");
        let unit = checked(&project)
            .article
            .units()
            .into_iter()
            .find(|u| u.unit.id == stale)
            .map(|u| (u.vi.clone(), u.version.clone()))
            .unwrap();
        assert_eq!(unit.0.as_deref(), Some(texts[winner].as_str()));
        // The refusal shows both: the memory's now (who changed it) and the loser's,
        // kept in the box with the version the memory holds now.
        let refused = &replies[loser].body;
        assert!(refused.contains(&format!("data-conflict=\"{stale}\"")));
        assert!(refused.contains("data-changed-by=\"lan\""), "{refused}");
        assert!(refused.contains(&texts[winner]));
        assert_eq!(text_box(refused, &stale), texts[loser]);
        assert_eq!(Some(page_version(refused, &stale)), unit.1);
    }
}

/// An approval of a unit that changed since the page loaded it is refused too, and
/// nothing is written.
#[tokio::test]
async fn approving_a_unit_changed_since_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let (doubtful, loaded, vi) = checked(&project)
        .article
        .units()
        .iter()
        .find(|u| u.vi_status.as_deref() == Some("needs-review"))
        .map(|u| (u.unit.id.clone(), u.version.clone().unwrap(), u.vi.clone()))
        .unwrap();
    let state = state_of(project.clone());
    let client = Client::login(&state).await;
    // Someone else stores another Vietnamese for the unit meanwhile (the command line).
    let request = songngu::flow::edit::TranslateRequest {
        doc: Some(DOC.to_owned()),
        user: Some("minh".to_owned()),
        ..songngu::flow::edit::TranslateRequest::new(
            &project.config.articles[0].path,
            &doubtful,
            "Bản Minh vừa sửa.",
        )
    };
    songngu::flow::edit::translate(&project, &request).unwrap();
    let before = tmx(dir.path());
    let approve = format!("/a/{DOC}/approve");
    let reply = client
        .post(&approve, &[("unit", &doubtful), ("version", &loaded)])
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert!(reply.body.contains("data-changed-by=\"minh\""));
    assert!(reply.body.contains("Bản Minh vừa sửa."));
    assert!(!reply.body.contains("data-version=\"yours\""));
    assert_eq!(tmx(dir.path()), before, "nothing written");
    assert_ne!(vi.as_deref(), Some("Bản Minh vừa sửa."));
}

/// A save into a memory with damaged TUs is refused (the save would drop them), worded
/// in the page's language; nothing is written.
#[tokio::test]
async fn a_damaged_memory_refuses_the_save_in_the_pages_language() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_with(dir.path(), root().join("examples/seed.en.txt"));
    let unit = checked(&project).article.units()[0].unit.id.clone();
    common::damaged_seed_memory(&dir.path().join("seed.tmx"));
    let before = tmx(dir.path());
    let client = Client::login(&state_of(project)).await;
    let body = encode(&[
        ("csrf", &client.csrf),
        ("unit", &unit),
        ("vi", "Bản mới."),
        ("version", NOTHING_STORED),
    ]);
    let request = Request::post(format!("/a/{DOC}/save"))
        .header(header::HOST, HOST)
        .header(header::COOKIE, &client.cookie)
        .header(header::ACCEPT_LANGUAGE, "vi")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let reply = send(&client.app, request.body(Body::from(body)).unwrap()).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(reply.body.contains("đơn vị dịch bị hỏng"), "{}", reply.body);
    assert!(!reply.body.contains("damaged"), "{}", reply.body);
    assert_eq!(tmx(dir.path()), before);
}

/// The overview's number in column `count` (`data-count`).
fn overview_count(page: &str, count: &str) -> usize {
    let cell = format!("data-count=\"{count}\">");
    let at = page.find(&cell).expect("the column") + cell.len();
    page[at..at + page[at..].find('<').unwrap()]
        .trim()
        .parse()
        .unwrap()
}

/// The overview keeps an unchanged article's line between loads, and counts again once
/// the memory changed: a unit saved through the page leaves the missing ones.
#[tokio::test]
async fn the_overview_counts_again_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let project = revised(dir.path());
    let missing = checked(&project)
        .article
        .units()
        .iter()
        .filter(|u| u.status == Status::Missing)
        .map(|u| u.unit.id.clone())
        .collect::<Vec<_>>();
    let client = Client::login(&state_of(project)).await;
    let first = client.get("/").await.body;
    assert_eq!(overview_count(&first, "missing"), missing.len());
    assert_eq!(client.get("/").await.body, first, "an unchanged project");
    let saved = client
        .post(
            &format!("/a/{DOC}/save"),
            &[
                ("unit", &missing[0]),
                ("vi", "Hội thảo kết thúc lúc 11 giờ."),
                ("version", NOTHING_STORED),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let after = client.get("/").await.body;
    assert_eq!(overview_count(&after, "missing"), missing.len() - 1);
}
