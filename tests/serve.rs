//! `carebook serve` over real HTTP: pages and content types, reloads after an edit, the
//! error overlay with the last good page still served, and refused traversal paths;
//! and what a hostile client or web page meets: foreign `Host` and `Origin` headers,
//! floods of idle connections, malformed requests and off-site redirects.

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
        let r = self.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ));
        (r.status, r.body)
    }

    /// Sends `request` as it is and reads the whole response.
    fn send(&self, request: &str) -> Raw {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let out = String::from_utf8_lossy(&out).into_owned();
        let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
        Raw {
            status: head.lines().next().unwrap_or("").to_owned(),
            head: head.to_owned(),
            body: body.to_owned(),
        }
    }

    fn port(&self) -> &str {
        self.addr.rsplit(':').next().unwrap()
    }

    fn events(&self) -> Events {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        write!(
            s,
            "GET /__carebook/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        Events {
            reader: BufReader::new(s),
        }
    }
}

struct Raw {
    status: String,
    head: String,
    body: String,
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
    // Pages name search/index.js, which names the core.
    let pointer = server
        .get(&attr_values(&page, "data-index")[0].replace("../", "/"))
        .2;
    let core = format!(
        "/search/{}",
        pointer.split('"').nth(3).expect("a core name")
    );
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

#[test]
fn a_foreign_host_is_refused() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let port = server.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_owned(),
    ] {
        let r = server.send(&format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"));
        assert!(r.status.contains(" 200 "), "{host}: {}", r.status);
    }
    // What a page on evil.example sends after pointing its name at 127.0.0.1.
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("192.168.1.20:{port}"),
    ] {
        let r = server.send(&format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"));
        assert!(r.status.contains(" 403 "), "{host}: {}", r.status);
        assert!(
            r.body.contains("DNS rebinding") && r.body.contains("--allow-host"),
            "{}",
            r.body
        );
        assert!(!r.body.contains("Fixture Handbook"), "nothing of the book");
    }
    let r = server.send("GET http://evil.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(r.status.contains(" 403 "), "absolute form: {}", r.status);
    let r = server.send("GET / HTTP/1.1\r\n\r\n");
    assert!(r.status.contains(" 400 "), "no Host: {}", r.status);
    let r = server.send(&format!(
        "GET /__carebook/events HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n"
    ));
    assert!(r.status.contains(" 403 "), "events too: {}", r.status);
}

#[test]
fn a_foreign_origin_on_the_event_stream_is_refused() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let (addr, port) = (&server.addr, server.port());
    for origin in [
        "http://evil.example".to_owned(),
        format!("http://evil.example:{port}"),
        format!("http://localhost:{port}"),
        "null".to_owned(),
    ] {
        let r = server.send(&format!(
            "GET /__carebook/events HTTP/1.1\r\nHost: {addr}\r\nOrigin: {origin}\r\n\r\n"
        ));
        assert!(r.status.contains(" 403 "), "{origin}: {}", r.status);
    }
    // The preview's own page.
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET /__carebook/events HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\r\n"
    )
    .unwrap();
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut events = Events {
        reader: BufReader::new(s),
    };
    events.expect("ok");
}

#[test]
fn allow_host_adds_a_name() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &["--allow-host", "Handbook.Test"]);
    let port = server.port();
    for (host, code) in [
        (format!("handbook.test:{port}"), " 200 "),
        (format!("localhost:{port}"), " 200 "),
        (format!("sub.handbook.test:{port}"), " 403 "),
        (format!("evil.example:{port}"), " 403 "),
        // Served on loopback only: another machine's address cannot be right.
        (format!("192.0.2.7:{port}"), " 403 "),
    ] {
        let r = server.send(&format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"));
        assert!(r.status.contains(code), "{host}: {}", r.status);
    }
    // A proxy for handbook.test may pass the page's origin on with its own Host.
    let r = server.send(&format!(
        "HEAD /__carebook/events HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: https://handbook.test\r\n\r\n"
    ));
    assert!(r.status.contains(" 200 "), "{}", r.status);
    assert!(r.body.is_empty(), "HEAD has no body: {:?}", r.body);
    // Checked before anything is built or bound, so this ends by itself.
    let bad = carebook(
        &["serve", ".", "--port", "0", "--allow-host", "a b"],
        book.path(),
    );
    assert_eq!(bad.code, 2, "{}", bad.problems);
    assert!(bad.problems.contains("--allow-host"), "{}", bad.problems);
}

fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn idle_connections_cost_no_threads_and_time_out() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let pid = server.child.id();
    // Let the start-up settle: the page is served once all threads are up.
    assert_eq!(server.get("/").0, 200);
    let before = threads(pid);
    let mut idle = Vec::new();
    for i in 0..300 {
        let mut s = TcpStream::connect(&server.addr).unwrap();
        if i % 2 == 0 {
            // Half of them start a request and stall (a "slowloris").
            s.write_all(b"GET / HTTP/1.1\r\nHost: loc").unwrap();
        }
        idle.push(s);
    }
    let mut streams: Vec<Events> = (0..5).map(|_| server.events()).collect();
    for e in &mut streams {
        e.expect("ok");
    }
    std::thread::sleep(Duration::from_millis(300));
    let during = threads(pid);
    assert!(
        during <= before,
        "{during} threads with 300 idle connections open, {before} before"
    );
    let (status, _, body) = server.get("/");
    assert_eq!(status, 200, "a page still loads");
    assert!(body.contains("Fixture Handbook"));
    // Idle connections are closed by the server after its read timeout (10 s); the
    // stalled requests are told why.
    let deadline = Instant::now() + Duration::from_secs(20);
    for (i, s) in idle.iter_mut().enumerate().step_by(75) {
        s.set_read_timeout(Some(deadline.saturating_duration_since(Instant::now())))
            .unwrap();
        let mut out = Vec::new();
        let closed = s.read_to_end(&mut out).is_ok();
        assert!(closed, "connection {i} still open after 20 s");
        let out = String::from_utf8_lossy(&out);
        if i % 2 == 0 {
            assert!(out.starts_with("HTTP/1.1 408 "), "{out}");
        } else {
            assert_eq!(out, "", "an idle connection is just closed");
        }
    }
    assert!(threads(pid) <= before);
}

#[test]
fn event_streams_are_capped_apart_from_pages() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let mut open: Vec<Events> = (0..64).map(|_| server.events()).collect();
    for e in &mut open {
        e.expect("ok");
    }
    let r = server.send(&format!(
        "GET /__carebook/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    ));
    assert!(r.status.contains(" 503 "), "{}", r.status);
    assert!(r.head.contains("Retry-After:"), "{}", r.head);
    assert_eq!(server.get("/").0, 200, "pages still load");
    let (_, _, script) = server.get("/__carebook/live.js");
    assert!(
        script.contains("EventSource.CLOSED") && script.contains("setTimeout(connect"),
        "a refused page tries again"
    );
    drop(open.pop());
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut again = server.events();
    while again.next(1).is_none() {
        assert!(Instant::now() < deadline, "a closed stream frees its place");
        again = server.events();
    }
}

#[test]
fn malformed_requests_get_their_status_codes() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    let host = format!("Host: {}\r\n", server.addr);
    let long_url = format!("GET /{} HTTP/1.1\r\n{host}\r\n", "a".repeat(20 * 1024));
    let long_header = format!(
        "GET / HTTP/1.1\r\n{host}X-Filler: {}\r\n\r\n",
        "a".repeat(20 * 1024)
    );
    for (request, code) in [
        ("\x16\x03\x01\x00\x25\x01\x00\x00".to_owned(), " 400 "),
        ("this is not http\r\n\r\n".to_owned(), " 400 "),
        (format!("GET / HTTP/1.1 trailing\r\n{host}\r\n"), " 400 "),
        (format!("GET / HTTP/9.9\r\n{host}\r\n"), " 505 "),
        (format!("GET / HTTP/2.0\r\n{host}\r\n"), " 505 "),
        (long_url, " 414 "),
        (long_header, " 431 "),
        (
            format!("POST / HTTP/1.1\r\n{host}Content-Length: 5\r\n\r\nhello"),
            " 405 ",
        ),
        ("GET / HTTP/1.0\r\n\r\n".to_owned(), " 200 "),
    ] {
        let r = server.send(&request);
        assert!(
            r.status.starts_with("HTTP/1.1") && r.status.contains(code),
            "{:?}: {}",
            &request[..request.len().min(40)],
            r.status
        );
    }
    assert_eq!(server.get("/").0, 200, "the server is still up");
}

#[test]
fn redirects_never_leave_this_server() {
    let book = copy_fixture("good");
    let server = Server::start(book.path(), &[]);
    for path in [
        "//evil.example/",
        "//evil.example",
        "/\\evil.example",
        "/%2f%2fevil.example",
        "/%5c%5cevil.example",
        "//basics",
        "///basics",
        "/basics%0d%0aSet-Cookie:%20x=1",
    ] {
        let r = server.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.addr
        ));
        assert!(!r.head.contains("Set-Cookie"), "{path}: {}", r.head);
        for location in r.head.lines().filter_map(|l| l.strip_prefix("Location: ")) {
            assert!(
                location.starts_with('/')
                    && !location.starts_with("//")
                    && !location.starts_with("/\\"),
                "{path} redirects to {location}"
            );
        }
    }
    let r = server.send(&format!(
        "GET //basics HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    ));
    assert!(r.status.contains(" 301 "), "{}", r.status);
    assert!(r.head.contains("\r\nLocation: /basics/\r\n"), "{}", r.head);
}

#[test]
fn a_new_change_note_shows_on_whats_new_while_serving() {
    let book = copy_fixture("review");
    let server = Server::start(book.path(), &[]);
    let mut events = server.events();
    events.expect("ok");
    assert!(!server
        .get("/whats-new.html")
        .2
        .contains("Hold music is gone"));
    let path = book.path().join("guide/calls/hold.md");
    write(
        book.path(),
        "guide/calls/hold.md",
        &read(&path).replace(
            "review-every: 2 years\n",
            "review-every: 2 years\nchanges:\n  - date: 2025-11-20\n    note: \"Hold music is gone\"\n",
        ),
    );
    events.expect("reload");
    assert!(server
        .get("/whats-new.html")
        .2
        .contains("Hold music is gone"));
    assert!(server
        .get("/checklists/part-calls.html")
        .2
        .contains("Updated <time datetime=\"2025-11-20\">"));
}

#[test]
fn editing_a_snippet_re_renders_the_chapters_that_include_it() {
    let book = copy_fixture("keep-true");
    let server = Server::start(book.path(), &[]);
    let mut events = server.events();
    events.expect("ok");
    assert_eq!(
        server.get("/stress/calming-callers.html").0,
        200,
        "redirect pages are served too"
    );
    let snippet = "snippets/verify-identity.md";
    let good = read(&book.path().join(snippet));
    write(
        book.path(),
        snippet,
        &good.replace("two of the security answers", "a photo ID"),
    );
    events.expect("reload");
    assert!(server
        .get("/security/account-changes.html")
        .2
        .contains("a photo ID"));
    events.expect("updated");
    // A mistake in the snippet is reported in the snippet, at its own line.
    write(
        book.path(),
        snippet,
        &good.replace("security answers", "security answers {{ fact.nope }}"),
    );
    let error = events.expect("build-error");
    assert!(
        error.contains("snippets/verify-identity.md:3:54: error: unknown fact `nope`"),
        "{error}"
    );
}

#[test]
fn every_language_is_served_and_an_edit_to_an_original_reaches_its_fallbacks() {
    let book = copy_fixture("languages");
    let server = Server::start(book.path(), &[]);
    let mut events = server.events();
    events.expect("ok");
    let (status, _, es) = server.get("/es/talking/greeting.html");
    assert_eq!(status, 200);
    assert!(es.contains("<h1>Saludar al cliente</h1>"), "{es}");
    assert!(server
        .get("/ar/money/refunds.html")
        .2
        .contains("dir=\"rtl\""));
    // The untranslated chapter is the English one in every language: an edit to it
    // shows in the Spanish site too.
    let path = book.path().join("guide/talking/closing-a-contact.md");
    write(
        book.path(),
        "guide/talking/closing-a-contact.md",
        &(read(&path) + "\nA closing line for every language.\n"),
    );
    events.expect("reload");
    assert!(server
        .get("/es/talking/closing-a-contact.html")
        .2
        .contains("A closing line for every language."));
    // And a translation's own edit shows in its site.
    let es_path = book.path().join("guide/talking/greeting.es.md");
    write(
        book.path(),
        "guide/talking/greeting.es.md",
        &read(&es_path).replace("Saludar al cliente", "Dar la bienvenida"),
    );
    events.expect("reload");
    assert!(server
        .get("/es/talking/greeting.html")
        .2
        .contains("<h1>Dar la bienvenida</h1>"));
}
