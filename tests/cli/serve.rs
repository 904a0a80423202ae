//! `songngu serve` through the real binary: the first line is the address, the server
//! answers it over a real socket, a save through the page reaches the memory, and a
//! stop by signal (Ctrl-C) leaves a whole memory and no temporary file.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::common::*;

const DOC: &str = "seed-2019-11-28";

/// A project in `dir`: a copy of the bundled memory and the revised English.
fn project(dir: &Path) {
    std::fs::copy(root().join("tmx/seed.tmx"), dir.join("seed.tmx")).unwrap();
    std::fs::copy(
        root().join("examples/seed.v2.en.txt"),
        dir.join("seed.v2.en.txt"),
    )
    .unwrap();
    let article = format!("{DOC}=seed.v2.en.txt");
    let (code, out) = run_in(dir, &["init", "--article", &article, "--tm", "seed.tmx"]);
    assert_eq!(code, 0, "{out}");
}

/// Starts `serve` in `dir` and reads its first line.
fn start(dir: &Path, args: &[&str]) -> (Child, String) {
    let mut child = Command::new(BIN)
        .env_clear()
        .env("SONGNGU_LANG", "en-US")
        .env("SONGNGU_USER", "lan")
        .current_dir(dir)
        .arg("serve")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line.trim_end().to_owned())
}

/// One HTTP/1.1 exchange: the status code, the headers and the body.
fn http(port: u16, request: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let code = head.split(' ').nth(1).unwrap().parse().unwrap();
    (code, head.to_owned(), body.to_owned())
}

fn get(port: u16, path: &str, cookie: &str) -> (u16, String, String) {
    http(
        port,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
        ),
    )
}

fn stop(mut child: Child) -> (i32, String) {
    // SAFETY: a plain signal to the child this test started.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status.code().unwrap_or(-1), stderr)
}

fn form_value(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn the_first_line_is_the_address_and_a_stop_leaves_a_whole_memory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    project(d);
    let (child, url) = start(d, &[]);
    let rest = url
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{url}"));
    let (port, token) = rest.split_once("/?token=").unwrap();
    let port: u16 = port.parse().unwrap();
    assert_eq!(token.len(), 32);

    let (code, head, _) = get(port, &format!("/?token={token}"), "");
    assert_eq!(code, 303, "{head}");
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let (code, _, overview) = get(port, "/", &cookie);
    assert_eq!(code, 200);
    assert!(overview.contains(DOC));
    let (code, _, _) = get(port, "/", "");
    assert_eq!(code, 401);

    // A save through the page, then the stop.
    let (_, _, page) = get(port, &format!("/a/{DOC}"), &cookie);
    let csrf_at = page.find("name=\"csrf-token\" content=\"").unwrap() + 27;
    let csrf = &page[csrf_at..csrf_at + 32];
    let missing_at = page.find("data-state=\"missing\"").unwrap();
    let unit_at = page[..missing_at].rfind("data-unit=\"").unwrap() + 11;
    let unit = &page[unit_at..unit_at + page[unit_at..].find('"').unwrap()];
    // The version the page gives the unit's save form (a missing unit's: nothing stored).
    let field = "name=\"version\" value=\"";
    let form_at = unit_at + page[unit_at..].find(field).unwrap() + field.len();
    let version = &page[form_at..form_at + page[form_at..].find('"').unwrap()];
    assert_eq!(version, songngu::drift::version::NOTHING_STORED);
    let body = format!(
        "csrf={csrf}&unit={unit}&version={version}&vi={}",
        form_value("Hội thảo kết thúc lúc 11 giờ.")
    );
    let post = format!(
        "POST /a/{DOC}/save HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    let (code, _, saved) = http(port, &post);
    assert_eq!(code, 200, "{saved}");

    let (code, stderr) = stop(child);
    assert_eq!(code, 0, "{stderr}");
    let tmx = std::fs::read_to_string(d.join("seed.tmx")).unwrap();
    assert!(tmx.contains("Hội thảo kết thúc lúc 11 giờ."));
    // The memory reads back whole, and nothing temporary is left beside it.
    let (code, records) = check_json(d, &["seed.v2.en.txt"]);
    assert_eq!(code, 1);
    assert_eq!(
        records
            .iter()
            .filter(|r| r.kind == songngu::drift::Kind::Missing)
            .count(),
        1
    );
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("tmp") || n.contains(".lock") || n.ends_with('~'))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_bind_beyond_this_machine_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let (child, url) = start(dir.path(), &["--bind", "0.0.0.0"]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let (_, stderr) = stop(child);
    assert!(stderr.contains("warning: listening on 0.0.0.0"), "{stderr}");
}

#[test]
fn serve_without_a_project_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = run_in(dir.path(), &["serve"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("no project file (`songngu.toml`) here"),
        "{out}"
    );
    let (code, out) = run_in(dir.path(), &["serve", "--port", "nope"]);
    assert_eq!(code, 2, "{out}");
}
