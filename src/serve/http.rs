//! A small HTTP/1.1 server for `carebook serve`: GET and HEAD for files of the in-memory
//! site, Server-Sent Events for reloads. Paths are looked up in memory, never on disk,
//! so `..`, encoded or not, cannot reach a file outside the site.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::Duration;

use super::{Message, State};

const LIVE_JS: &str = include_str!("live.js");
pub const EVENTS: &str = "/__carebook/events";
const LIVE: &str = "/__carebook/live.js";

pub fn run(listener: TcpListener, state: Arc<State>) {
    for stream in listener.incoming().flatten() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            // A client that goes away mid-response is not our problem to report.
            let _ = handle(stream, &state);
        });
    }
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Response {
    fn text(status: &'static str, body: &str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
        }
    }
}

fn handle(mut stream: TcpStream, state: &State) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let Some((method, target)) = read_request(&stream)? else {
        return Ok(());
    };
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    if method != "GET" && method != "HEAD" {
        return send(
            &mut stream,
            &Response::text("405 Method Not Allowed", "only GET and HEAD"),
            true,
        );
    }
    if path == EVENTS {
        return events(stream, state);
    }
    let response = if path == LIVE {
        Response {
            status: "200 OK",
            content_type: "text/javascript; charset=utf-8",
            body: LIVE_JS.as_bytes().to_vec(),
            location: None,
        }
    } else {
        file(state, &path)
    };
    send(&mut stream, &response, method == "GET")
}

/// The request line's method and target; the rest of the head is read and ignored.
fn read_request(stream: &TcpStream) -> io::Result<Option<(String, String)>> {
    let mut reader = BufReader::new(stream.try_clone()?).take(16 * 1024);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let request = (method.to_owned(), target.to_owned());
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    Ok(Some(request))
}

fn file(state: &State, path: &str) -> Response {
    let key = match site_key(path) {
        Ok(k) => k,
        Err(status) => return Response::text(status, "not allowed"),
    };
    let files = state.files();
    if let Some(body) = files.get(&key) {
        return Response {
            status: "200 OK",
            content_type: content_type(&key),
            body: state.inject(&key, body),
            location: None,
        };
    }
    if files.contains_key(&format!("{key}/index.html")) {
        // Relative links inside a folder's index need the trailing slash.
        return Response {
            status: "301 Moved Permanently",
            content_type: "text/plain",
            body: Vec::new(),
            location: Some(format!("{path}/")),
        };
    }
    let body = files
        .get("404.html")
        .map_or_else(|| b"not found".to_vec(), |b| state.inject("404.html", b));
    Response {
        status: "404 Not Found",
        content_type: "text/html; charset=utf-8",
        body,
        location: None,
    }
}

/// The site path for a URL path: percent-decoded, `/` → `index.html`; `..`, `.`, NUL and
/// backslashes are refused.
pub fn site_key(path: &str) -> Result<String, &'static str> {
    let decoded = percent_decode(path).ok_or("400 Bad Request")?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return Err("400 Bad Request");
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Err("403 Forbidden"),
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if key.is_empty() || decoded.ends_with('/') {
        key = if key.is_empty() {
            "index.html".into()
        } else {
            format!("{key}/index.html")
        };
    }
    Ok(key)
}

/// `None` for a `%` that does not start an escape (a bad request) or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let escapes_ok = s.split('%').skip(1).all(|rest| {
        rest.get(..2)
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    escapes_ok
        .then(|| crate::url::decode(s))
        .flatten()
        .map(std::borrow::Cow::into_owned)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn send(stream: &mut TcpStream, r: &Response, body: bool) -> io::Result<()> {
    let location = r
        .location
        .as_ref()
        .map(|l| format!("Location: {l}\r\n"))
        .unwrap_or_default();
    let head = format!("HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{location}Connection: close\r\n\r\n", r.status, r.content_type, r.body.len());
    stream.write_all(head.as_bytes())?;
    if body {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Server-Sent Events: the current state at once, then every rebuild as it happens.
fn events(mut stream: TcpStream, state: &State) -> io::Result<()> {
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n")?;
    let (first, rx) = state.subscribe();
    stream.write_all(first.sse().as_bytes())?;
    stream.flush()?;
    loop {
        match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(message) => stream.write_all(message.sse().as_bytes())?,
            Err(RecvTimeoutError::Timeout) => stream.write_all(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

impl Message {
    fn sse(&self) -> String {
        let (event, data) = match self {
            Message::Reload(v) => ("reload", v.to_string()),
            Message::Ok(v) => ("ok", v.to_string()),
            Message::Error(text) => ("build-error", text.clone()),
            Message::Updated(paths) => ("updated", paths.join("\n")),
        };
        let data: String = data.lines().map(|l| format!("data: {l}\n")).collect();
        format!("event: {event}\n{data}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_keys_refuse_traversal() {
        assert_eq!(site_key("/"), Ok("index.html".into()));
        assert_eq!(site_key("/tags/"), Ok("tags/index.html".into()));
        assert_eq!(site_key("/a%20b.html"), Ok("a b.html".into()));
        assert_eq!(site_key("/../Cargo.toml"), Err("403 Forbidden"));
        assert_eq!(site_key("/%2e%2e/Cargo.toml"), Err("403 Forbidden"));
        assert_eq!(site_key("/a/..%2f..%2fetc"), Err("403 Forbidden"));
        assert_eq!(site_key("/a%5c..%5cb"), Err("400 Bad Request"));
        assert_eq!(site_key("/%zz"), Err("400 Bad Request"));
        assert_eq!(
            site_key("//etc/passwd"),
            Ok("etc/passwd".into()),
            "still only looked up in the site"
        );
    }
}
