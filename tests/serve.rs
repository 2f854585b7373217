//! `carebook serve` over real HTTP: pages and content types, reloads after an edit, the
//! error overlay with the last good page still served, and refused traversal paths.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

struct Server {
    child: Child,
    base: String,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(book: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_carebook"))
            .args(["serve", book.to_str().unwrap(), "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        let addr = base
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        Server { child, base, addr }
    }

    /// GET with a real HTTP client; redirects are not followed.
    fn get(&self, path: &str) -> (u16, String, String) {
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(Duration::from_secs(10))
            .build();
        let resp = match agent
            .get(&format!("{}{}", self.base, path.trim_start_matches('/')))
            .call()
        {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {path}: {e}"),
        };
        let status = resp.status();
        let ctype = resp.header("content-type").unwrap_or("").to_owned();
        (status, ctype, resp.into_string().unwrap_or_default())
    }

    /// A request sent byte for byte, for paths a client library would clean up first.
    fn raw(&self, path: &str) -> (String, String) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
        (
            head.lines().next().unwrap_or("").to_owned(),
            body.to_owned(),
        )
    }

    fn events(&self) -> Events {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        write!(s, "GET /__carebook/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        Events {
            reader: BufReader::new(s),
        }
    }
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// The next event's name and data, waiting at most `secs`.
    fn next(&mut self, secs: u64) -> Option<(String, String)> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        let (mut event, mut data) = (String::new(), Vec::new());
        while Instant::now() < deadline {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(_) => continue,
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(e) = line.strip_prefix("event: ") {
                event = e.to_owned();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push(d.to_owned());
            } else if line.is_empty() && !event.is_empty() {
                return Some((event, data.join("\n")));
            }
        }
        None
    }

    fn expect(&mut self, name: &str) -> String {
        match self.next(10) {
            Some((e, d)) if e == name => d,
            other => panic!("expected a `{name}` event, got {other:?}"),
        }
    }
}

#[test]
fn serves_pages_with_types_redirects_and_404() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let (status, ctype, body) = server.get("/");
    assert_eq!((status, ctype.as_str()), (200, "text/html; charset=utf-8"));
    assert!(
        body.contains("Fixture Handbook") && body.contains(r#"<script src="/__carebook/live.js""#),
        "live reload injected"
    );
    assert_eq!(
        server.get("/assets/carebook.css").1,
        "text/css; charset=utf-8"
    );
    assert_eq!(server.get("/extras/img/diagram.svg").1, "image/svg+xml");
    let (status, _, body) = server.get("/basics/no-such-page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's 404 page");
    assert_eq!(
        server.get("/basics").0,
        301,
        "folders redirect to their slash"
    );
    assert_eq!(server.get("/basics/").0, 200);
    assert!(
        !book.path().join("site").exists(),
        "serve writes nothing to disk"
    );
}

#[test]
fn traversal_paths_are_refused() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    for path in [
        "/../book.toml",
        "/%2e%2e/book.toml",
        "/basics/..%2f..%2fbook.toml",
        "/..%5cbook.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "//etc/passwd",
        "/guide/welcome.md",
    ] {
        let (status, body) = server.raw(path);
        assert!(
            ["403", "400", "404"].iter().any(|c| status.contains(c)),
            "{path}: {status}"
        );
        assert!(
            !body.contains("Fixture Handbook\"\ndescription"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn editing_a_chapter_reloads_the_browser_with_the_change() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let mut events = server.events();
    events.expect("ok");
    // The core the pages name stays the same while serving; it must get the new index.
    let page = server.get("/basics/tone.html").2;
    let core = attr_values(&page, "data-index")[0].replace("../", "/");
    let core_before = server.get(&core).2;
    let path = book.path().join("guide/basics/tone.md");
    write(
        book.path(),
        "guide/basics/tone.md",
        &(read(&path) + "\nA new paragraph about warmth.\n"),
    );
    events.expect("reload");
    assert!(server
        .get("/basics/tone.html")
        .2
        .contains("A new paragraph about warmth."));
    let late = events.expect("updated");
    assert!(
        late.lines().any(|l| l == "print.html"),
        "the printable handbook follows right after: {late}"
    );
    assert!(
        late.lines().any(|l| format!("/{l}") == core),
        "and the search index, under the name the pages use ({core}): {late}"
    );
    let core_after = server.get(&core).2;
    assert_ne!(core_after, core_before, "the served core is the new index");
    assert!(server
        .get("/print.html")
        .2
        .contains("A new paragraph about warmth."));

    write(
        book.path(),
        "guide/basics/new-chapter.md",
        "---\ntitle: Brand new\n---\n\nHello.\n",
    );
    events.expect("reload");
    assert_eq!(
        server.get("/basics/new-chapter.html").0,
        200,
        "a new file rebuilds the site"
    );
    assert!(server.get("/basics/index.html").2.contains("Brand new"));
}

#[test]
fn a_broken_chapter_shows_the_error_and_keeps_the_last_good_page() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let mut events = server.events();
    events.expect("ok");
    let path = book.path().join("guide/basics/tone.md");
    let good = read(&path);
    write(
        book.path(),
        "guide/basics/tone.md",
        &good.replace("tags: [communication]", "tags: [communicaton]"),
    );
    let error = events.expect("build-error");
    assert!(
        error.contains("guide/basics/tone.md:4:8: error: unknown tag `communicaton`"),
        "{error}"
    );
    assert!(error.contains("did you mean `communication`?"), "{error}");
    let (status, _, page) = server.get("/basics/tone.html");
    assert_eq!(status, 200);
    assert!(
        page.contains("<h1>Tone</h1>"),
        "the last good page is still served"
    );
    let mut late = server.events();
    assert_eq!(
        late.next(5).map(|(e, _)| e).as_deref(),
        Some("build-error"),
        "a page opened now sees the error too"
    );
    let (_, _, script) = server.get("/__carebook/live.js");
    assert!(script.contains("carebook-error-overlay") && script.contains("build-error"));

    write(book.path(), "guide/basics/tone.md", &good);
    events.expect("reload");
    assert_eq!(late.expect("reload"), events_version(&server));
}

fn events_version(server: &Server) -> String {
    let mut e = server.events();
    e.expect("ok")
}

#[test]
fn the_built_site_never_contains_the_reload_script() {
    let book = copy_fixture("good");
    assert_eq!(carebook(&["build"], book.path()).code, 0);
    for page in html_files(&book.path().join("site")) {
        assert!(
            !read(&book.path().join("site").join(&page)).contains("__carebook"),
            "{}",
            page.display()
        );
    }
}

#[test]
fn sharing_on_the_network_is_opt_in_and_warned_about() {
    let book = copy_fixture("good");
    let mut child = Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args([
            "serve",
            book.path().to_str().unwrap(),
            "--port",
            "0",
            "--host",
            "0.0.0.0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let mut err = String::new();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    for _ in 0..10 {
        if stderr.read_line(&mut err).unwrap_or(0) == 0 || err.contains("serving on") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("http://0.0.0.0:"), "{line}");
    assert!(err.contains("warning: serving on 0.0.0.0"), "{err}");
}
