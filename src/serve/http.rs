//! A small HTTP/1.1 server for `carebook serve`: GET and HEAD for files of the in-memory
//! site, Server-Sent Events for reloads. Paths are looked up in memory, never on disk,
//! so `..`, encoded or not, cannot reach a file outside the site.
//!
//! One thread runs an event loop (mio) over every connection, so an idle or slow client
//! costs a socket and a buffer, never a thread: a thousand idle connections leave the
//! thread count where it was. Each connection gets one response and is closed.
//!
//! Requests are checked before anything is served: the request line (400, 505, 414),
//! the size of the headers (431), and the `Host` header against the address served
//! (403), so that a web page cannot read the preview through DNS rebinding. See
//! [`Access`].

use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Registry, Token, Waker};

use super::{Message, State};

const LIVE_JS: &str = include_str!("live.js");
pub const EVENTS: &str = "/__carebook/events";
const LIVE: &str = "/__carebook/live.js";

/// The longest request target (URL) answered; longer ones get 414.
pub const MAX_URL: usize = 8 * 1024;
/// The most header bytes after the request line; more get 431.
pub const MAX_HEADERS: usize = 16 * 1024;
const MAX_HEADER_COUNT: usize = 100;
/// Connections being read or answered at once; past this the oldest is closed.
pub const MAX_CONNECTIONS: usize = 512;
/// Live-reload event streams at once; more get 503 and their page tries again later.
/// Counted apart from page requests, so open tabs never keep a page from loading.
pub const MAX_EVENT_STREAMS: usize = 64;
/// How long a client has, from connecting, to send its whole request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a response, or an event, may wait for the client to read any of it.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// After a response, how long unread request bytes are drained before closing, so the
/// client gets the response rather than a reset.
const LINGER: Duration = Duration::from_secs(2);
const PING: Duration = Duration::from_secs(15);
/// Unsent bytes an event stream may hold; a client that stopped reading is dropped (its
/// page reconnects by itself).
const MAX_EVENT_BACKLOG: usize = 1 << 20;

const LISTENER: Token = Token(0);
const WAKER: Token = Token(1);

/// Which host names this server answers to.
///
/// A web page can make its own name (`attacker.example`) point at 127.0.0.1 after it has
/// loaded ("DNS rebinding") and then read the preview as if it were its own site. The
/// browser still sends `Host: attacker.example`, so requests whose host is not one of
/// ours get 403. Ports are not compared: rebinding needs a name the attacker controls,
/// and port forwarding (`ssh -L 8080:localhost:3000`) changes the port legitimately.
///
/// - Bound to a loopback address (the default): `localhost`, `*.localhost` and loopback
///   addresses (`127.0.0.1`, `[::1]`).
/// - Bound to any other address (`--host 0.0.0.0`, shared on purpose): those, and any
///   IP address, such as the machine's own `192.168.1.20`. Names other than localhost
///   are refused: a name can be rebound, an address cannot.
/// - Always: the name given to `--host`, and each `--allow-host NAME` (`.example.com`
///   allows example.com and every name under it).
#[derive(Debug, Clone)]
pub struct Access {
    loopback: bool,
    allowed: Vec<String>,
    port: u16,
}

impl Access {
    /// `allowed` as [`allow_list`] gives it.
    pub fn new(bound: SocketAddr, host_arg: &str, mut allowed: Vec<String>) -> Access {
        if let Some(name) = split_host(host_arg) {
            if name.parse::<IpAddr>().is_err() {
                allowed.push(name);
            }
        }
        Access {
            loopback: bound.ip().is_loopback(),
            allowed,
            port: bound.port(),
        }
    }

    /// Whether `name` (as [`split_host`] gives it) is one of ours.
    pub fn allows(&self, name: &str) -> bool {
        if let Ok(ip) = name.parse::<IpAddr>() {
            return ip.is_loopback() || !self.loopback;
        }
        name == "localhost"
            || name.ends_with(".localhost")
            || self.allowed.iter().any(|a| {
                a == name
                    || a.strip_prefix('.')
                        .is_some_and(|parent| name == parent || name.ends_with(a.as_str()))
            })
    }

    /// Whether `name` was allowed by name (`--host`, `--allow-host`): a proxy in front
    /// of the preview may send it as the `Origin` while the `Host` is its own.
    fn named(&self, name: &str) -> bool {
        self.allowed.iter().any(|a| a == name)
    }

    fn refusal(&self, name: &str) -> Response {
        Response::text(
            "403 Forbidden",
            &format!(
                "carebook serve refused this request: it was made for the address `{name}`, \
                 which is not one this preview answers to.\n\
                 This keeps other web sites from reading the preview (DNS rebinding).\n\
                 On the computer running carebook, open http://localhost:{port}/ instead{other}. \
                 If you opened the preview under `{name}` on purpose, restart it with: \
                 carebook serve --allow-host {name}\n",
                other = if self.loopback {
                    ""
                } else {
                    "; from another computer, use that computer's IP address"
                },
                port = self.port
            ),
        )
    }
}

/// The `--allow-host` values made comparable, or what is wrong with one.
pub fn allow_list(values: &[String]) -> Result<Vec<String>, String> {
    values
        .iter()
        .map(|v| {
            allow_entry(v).ok_or_else(|| {
                format!(
                    "--allow-host {v:?} is not a host name (example: --allow-host handbook.example.com)"
                )
            })
        })
        .collect()
}

/// An `--allow-host` value made comparable: lowercase, without a scheme, port or path.
fn allow_entry(value: &str) -> Option<String> {
    let value = value.trim();
    let value = value
        .strip_prefix("http://")
        .or_else(|| value.strip_prefix("https://"))
        .unwrap_or(value);
    let value = value.split('/').next().unwrap_or("");
    match value.strip_prefix('.') {
        Some(parent) => split_host(parent).map(|p| format!(".{p}")),
        None => split_host(value),
    }
}

/// The host name in a `Host` header value (`name[:port]`, `[v6][:port]`): lowercase,
/// without brackets, port or a final dot. `None` when it is not a host.
pub fn split_host(value: &str) -> Option<String> {
    let value = value.trim();
    let (name, port) = if let Some(rest) = value.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        inside.parse::<std::net::Ipv6Addr>().ok()?;
        let port = if after.is_empty() {
            ""
        } else {
            after.strip_prefix(':')?
        };
        (inside, port)
    } else {
        value.split_once(':').unwrap_or((value, ""))
    };
    if port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let name_ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b':'));
    name_ok.then_some(name)
}

/// The host name of an `Origin` header (`scheme://host[:port]`); `None` for `null` or
/// anything else that is not an http(s) origin.
fn origin_host(origin: &str) -> Option<String> {
    let origin = origin.trim();
    let lower = origin.to_ascii_lowercase();
    let rest = if lower.starts_with("http://") {
        &origin[7..]
    } else if lower.starts_with("https://") {
        &origin[8..]
    } else {
        return None;
    };
    split_host(rest.split('/').next().unwrap_or(""))
}

/// A request head as far as this server cares.
#[derive(Debug, PartialEq)]
struct Request {
    method: String,
    target: String,
    http10: bool,
    host: Option<String>,
    origin: Option<String>,
}

#[derive(Debug, PartialEq)]
enum Parse {
    /// More bytes are needed.
    Incomplete,
    Done(Request),
    /// The status to answer with, and why.
    Fail(&'static str, &'static str),
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Reads a request head out of the bytes received so far.
fn parse_head(buf: &[u8]) -> Parse {
    // A few empty lines before the request line are allowed (RFC 9112, 2.2).
    let start = buf
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    if start > 8 {
        return Parse::Fail("400 Bad Request", "this is not an HTTP request");
    }
    let buf = &buf[start..];
    let Some(line_end) = buf.iter().position(|&b| b == b'\n') else {
        // Garbage shows early: a request starts with a method name.
        let method_len = buf.iter().take_while(|&&b| is_tchar(b)).count();
        if method_len < buf.len() && (buf[method_len] != b' ' || method_len == 0) {
            return Parse::Fail("400 Bad Request", "this is not an HTTP request");
        }
        if buf.len() > MAX_URL + 32 {
            return Parse::Fail("414 URI Too Long", "the address is too long");
        }
        return Parse::Incomplete;
    };
    let line = &buf[..line_end];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let Ok(line) = std::str::from_utf8(line) else {
        return Parse::Fail("400 Bad Request", "the request line is not text");
    };
    let parts: Vec<&str> = line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Parse::Fail(
            "400 Bad Request",
            "a request line is: METHOD /path HTTP/1.1",
        );
    };
    if method.is_empty() || !method.bytes().all(is_tchar) {
        return Parse::Fail("400 Bad Request", "the method is not valid");
    }
    if target.len() > MAX_URL {
        return Parse::Fail("414 URI Too Long", "the address is too long");
    }
    if target.is_empty() || target.bytes().any(|b| b < 0x21 || b == 0x7f) {
        return Parse::Fail("400 Bad Request", "the address is not valid");
    }
    let http10 = match version.strip_prefix("HTTP/").map(str::as_bytes) {
        Some([b'1', b'.', minor]) if minor.is_ascii_digit() => *minor == b'0',
        Some([major, b'.', minor]) if major.is_ascii_digit() && minor.is_ascii_digit() => {
            return Parse::Fail(
                "505 HTTP Version Not Supported",
                "only HTTP/1.0 and HTTP/1.1 are served",
            )
        }
        _ => return Parse::Fail("400 Bad Request", "the HTTP version is not valid"),
    };
    let mut request = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        http10,
        host: None,
        origin: None,
    };
    let headers = &buf[line_end + 1..];
    let mut at = 0;
    let mut count = 0;
    loop {
        let Some(end) = headers[at..].iter().position(|&b| b == b'\n') else {
            if headers.len() > MAX_HEADERS {
                return Parse::Fail("431 Request Header Fields Too Large", "too many headers");
            }
            return Parse::Incomplete;
        };
        let field = &headers[at..at + end];
        at += end + 1;
        if at > MAX_HEADERS + 2 {
            return Parse::Fail("431 Request Header Fields Too Large", "too many headers");
        }
        let field = field.strip_suffix(b"\r").unwrap_or(field);
        if field.is_empty() {
            break;
        }
        count += 1;
        if count > MAX_HEADER_COUNT {
            return Parse::Fail("431 Request Header Fields Too Large", "too many headers");
        }
        let Some(colon) = field.iter().position(|&b| b == b':') else {
            return Parse::Fail("400 Bad Request", "a header line has no colon");
        };
        let name = &field[..colon];
        if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
            return Parse::Fail("400 Bad Request", "a header name is not valid");
        }
        let slot = if name.eq_ignore_ascii_case(b"host") {
            &mut request.host
        } else if name.eq_ignore_ascii_case(b"origin") {
            &mut request.origin
        } else {
            continue;
        };
        let Ok(value) = std::str::from_utf8(&field[colon + 1..]) else {
            return Parse::Fail("400 Bad Request", "a header value is not text");
        };
        if slot.is_some() {
            return Parse::Fail("400 Bad Request", "a header is repeated");
        }
        *slot = Some(value.trim_matches([' ', '\t']).to_owned());
    }
    if request.host.is_none() && !request.http10 {
        return Parse::Fail("400 Bad Request", "HTTP/1.1 requests need a Host header");
    }
    Parse::Done(request)
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
    extra: &'static str,
}

impl Response {
    fn text(status: &'static str, body: &str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
            extra: "",
        }
    }

    fn error(status: &'static str, why: &str) -> Self {
        Response::text(status, &format!("{status}: {why}\n"))
    }

    fn bytes(&self, body: bool) -> Vec<u8> {
        let location = self
            .location
            .as_ref()
            .map(|l| format!("Location: {l}\r\n"))
            .unwrap_or_default();
        let head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
             X-Content-Type-Options: nosniff\r\n{location}{}Connection: close\r\n\r\n",
            self.status,
            self.content_type,
            self.body.len(),
            self.extra
        );
        let mut out = head.into_bytes();
        if body {
            out.extend_from_slice(&self.body);
        }
        out
    }
}

enum Outcome {
    /// The response, and whether to send its body (not for HEAD).
    Reply(Response, bool),
    /// The host name is not one of ours; and whether to send the body.
    Refused(String, bool),
    Events,
}

/// What to answer to a well-formed request.
fn route(state: &State, access: &Access, req: &Request) -> Outcome {
    let reply = |r| Outcome::Reply(r, req.method != "HEAD");
    let host = match req.host.as_deref().map(split_host) {
        Some(Some(name)) => Some(name),
        Some(None) => {
            return reply(Response::error(
                "400 Bad Request",
                "the Host header is not valid",
            ))
        }
        None => None,
    };
    // A proxy-style `GET http://host/path` names its host in the address.
    let lower = req.target.get(..8).unwrap_or("").to_ascii_lowercase();
    let (target_host, path) = if lower.starts_with("http://") || lower.starts_with("https://") {
        let rest = &req.target[req.target.find("://").unwrap_or(0) + 3..];
        let (authority, path) = rest.find('/').map_or((rest, "/"), |i| rest.split_at(i));
        match split_host(authority) {
            Some(name) => (Some(name), path),
            None => {
                return reply(Response::error(
                    "400 Bad Request",
                    "the address is not valid",
                ))
            }
        }
    } else if req.target.starts_with('/') {
        (None, req.target.as_str())
    } else {
        return reply(Response::error(
            "400 Bad Request",
            "the address must start with /",
        ));
    };
    for name in host.iter().chain(&target_host) {
        if !access.allows(name) {
            return Outcome::Refused(name.clone(), req.method != "HEAD");
        }
    }
    if req.method != "GET" && req.method != "HEAD" {
        let mut r = Response::error("405 Method Not Allowed", "only GET and HEAD");
        r.extra = "Allow: GET, HEAD\r\n";
        return reply(r);
    }
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS {
        if let Some(origin) = &req.origin {
            // Only the preview's own pages may listen: same host name, one of ours.
            let name = origin_host(origin);
            let ok = name.as_ref().is_some_and(|n| {
                access.allows(n)
                    && (Some(n) == target_host.as_ref().or(host.as_ref()) || access.named(n))
            });
            if !ok {
                return reply(Response::error(
                    "403 Forbidden",
                    "the live-reload stream is only for pages of this preview",
                ));
            }
        }
        if req.method == "HEAD" {
            let mut r = Response::text("200 OK", "");
            r.content_type = "text/event-stream";
            return reply(r);
        }
        return Outcome::Events;
    }
    let response = if path == LIVE {
        Response {
            status: "200 OK",
            content_type: "text/javascript; charset=utf-8",
            body: LIVE_JS.as_bytes().to_vec(),
            location: None,
            extra: "",
        }
    } else {
        file(state, path)
    };
    reply(response)
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
            extra: "",
        };
    }
    if files.contains_key(&format!("{key}/index.html")) {
        // Relative links inside a folder's index need the trailing slash. The location
        // is built from the site path, so it is always a path on this server: never
        // `//other.host/`, and never a line break (`%0d%0a`) into the headers.
        return Response {
            status: "301 Moved Permanently",
            content_type: "text/plain",
            body: Vec::new(),
            location: Some(folder_location(&key)),
            extra: "",
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
        extra: "",
    }
}

/// `/key/`, percent-encoded; `key` has no empty segments, so this never starts with `//`.
fn folder_location(key: &str) -> String {
    let mut out = String::from("/");
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push('/');
    out
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

/// Where a connection is in its life.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    /// Reading the request head.
    Head,
    /// Writing the response.
    Respond,
    /// An open live-reload stream.
    Events,
    /// Response sent, write side shut; reading what the client still sends until it closes.
    Linger,
}

struct Conn {
    stream: TcpStream,
    phase: Phase,
    opened: Instant,
    input: Vec<u8>,
    out: Vec<u8>,
    sent: usize,
    deadline: Option<Instant>,
}

enum Step {
    Keep,
    Close,
}

/// Serves `listener` until the process ends.
pub fn run(listener: std::net::TcpListener, state: Arc<State>, access: Access) {
    if let Err(e) = serve_loop(listener, state, access) {
        eprintln!("error: the preview server stopped: {e}");
    }
}

fn serve_loop(
    listener: std::net::TcpListener,
    state: Arc<State>,
    access: Access,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut listener = TcpListener::from_std(listener);
    let mut poll = Poll::new()?;
    poll.registry()
        .register(&mut listener, LISTENER, Interest::READABLE)?;
    let waker = Arc::new(Waker::new(poll.registry(), WAKER)?);
    let messages = state.subscribe(move || {
        let _ = waker.wake();
    });
    let mut server = Server {
        registry: poll.registry().try_clone()?,
        state,
        access,
        messages,
        conns: HashMap::new(),
        next_token: 2,
        next_ping: Instant::now() + PING,
        accept_retry: None,
        warned: HashSet::new(),
    };
    let mut events = Events::with_capacity(256);
    loop {
        let timeout = server
            .next_wakeup()
            .map(|t| t.saturating_duration_since(Instant::now()));
        if let Err(e) = poll.poll(&mut events, timeout) {
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        // Rebuild news first, so a stream opened now starts from the state after it.
        server.forward_messages();
        for event in events.iter() {
            match event.token() {
                LISTENER => server.accept_all(&listener),
                WAKER => {}
                token => server.ready(token),
            }
        }
        let now = Instant::now();
        if server.accept_retry.is_some_and(|t| t <= now) {
            server.accept_retry = None;
            server.accept_all(&listener);
        }
        server.sweep(now);
    }
}

struct Server {
    registry: Registry,
    state: Arc<State>,
    access: Access,
    messages: Receiver<Message>,
    conns: HashMap<Token, Conn>,
    next_token: usize,
    next_ping: Instant,
    accept_retry: Option<Instant>,
    /// Refused host names already reported on the terminal.
    warned: HashSet<String>,
}

impl Server {
    fn accept_all(&mut self, listener: &TcpListener) {
        loop {
            match listener.accept() {
                Ok((stream, _)) => {
                    if self.count(|p| p != Phase::Events) >= MAX_CONNECTIONS {
                        self.close_oldest();
                    }
                    self.add(stream);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => {
                    // Most likely out of file descriptors: make room and try again soon.
                    self.close_oldest();
                    self.accept_retry = Some(Instant::now() + Duration::from_millis(50));
                    return;
                }
            }
        }
    }

    fn add(&mut self, mut stream: TcpStream) {
        let token = Token(self.next_token);
        self.next_token += 1;
        let _ = stream.set_nodelay(true);
        if self
            .registry
            .register(&mut stream, token, Interest::READABLE | Interest::WRITABLE)
            .is_err()
        {
            return;
        }
        let now = Instant::now();
        self.conns.insert(
            token,
            Conn {
                stream,
                phase: Phase::Head,
                opened: now,
                input: Vec::new(),
                out: Vec::new(),
                sent: 0,
                deadline: Some(now + HEAD_TIMEOUT),
            },
        );
    }

    fn count(&self, which: impl Fn(Phase) -> bool) -> usize {
        self.conns.values().filter(|c| which(c.phase)).count()
    }

    /// Closes the longest-open connection that is not an event stream.
    fn close_oldest(&mut self) {
        let oldest = self
            .conns
            .iter()
            .filter(|(_, c)| c.phase != Phase::Events)
            .min_by_key(|(_, c)| c.opened)
            .map(|(t, _)| *t);
        if let Some(token) = oldest {
            self.close(token);
        }
    }

    fn close(&mut self, token: Token) {
        if let Some(mut conn) = self.conns.remove(&token) {
            let _ = self.registry.deregister(&mut conn.stream);
        }
    }

    fn ready(&mut self, token: Token) {
        let Some(conn) = self.conns.get_mut(&token) else {
            return;
        };
        let step = match conn.phase {
            Phase::Head => match read_head(conn) {
                Err(()) => Step::Close,
                Ok(Parse::Incomplete) => Step::Keep,
                Ok(Parse::Fail(status, why)) => {
                    let r = Response::error(status, why);
                    conn.respond(r.bytes(true))
                }
                Ok(Parse::Done(req)) => {
                    let outcome = route(&self.state, &self.access, &req);
                    self.answer(token, outcome)
                }
            },
            Phase::Respond => conn.flush_and_linger(),
            Phase::Events => conn.events_io(),
            Phase::Linger => conn.drain(),
        };
        if let Step::Close = step {
            self.close(token);
        }
    }

    fn answer(&mut self, token: Token, outcome: Outcome) -> Step {
        let streams = self.count(|p| p == Phase::Events);
        let first = self.state.current();
        let Some(conn) = self.conns.get_mut(&token) else {
            return Step::Close;
        };
        match outcome {
            Outcome::Reply(r, body) => conn.respond(r.bytes(body)),
            Outcome::Refused(name, body) => {
                if self.warned.len() < 16 && self.warned.insert(name.clone()) {
                    eprintln!(
                        "warning: refused a request for `{name}`, which is not an address of \
                         this preview; if you opened it under that name yourself, restart with \
                         --allow-host {name}"
                    );
                }
                conn.respond(self.access.refusal(&name).bytes(body))
            }
            Outcome::Events if streams >= MAX_EVENT_STREAMS => {
                let mut r = Response::error(
                    "503 Service Unavailable",
                    "too many live-reload connections; this page will try again",
                );
                r.extra = "Retry-After: 5\r\n";
                conn.respond(r.bytes(true))
            }
            Outcome::Events => {
                conn.phase = Phase::Events;
                conn.deadline = None;
                conn.input = Vec::new();
                conn.out = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                     X-Content-Type-Options: nosniff\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n{}",
                    first.sse()
                )
                .into_bytes();
                conn.events_io()
            }
        }
    }

    fn forward_messages(&mut self) {
        while let Ok(message) = self.messages.try_recv() {
            let text = message.sse();
            self.send_events(text.as_bytes());
        }
    }

    fn send_events(&mut self, bytes: &[u8]) {
        let mut gone = Vec::new();
        for (token, conn) in self.conns.iter_mut() {
            if conn.phase == Phase::Events {
                conn.queue(bytes);
                if let Step::Close = conn.events_io() {
                    gone.push(*token);
                }
            }
        }
        for token in gone {
            self.close(token);
        }
    }

    fn next_wakeup(&self) -> Option<Instant> {
        let streams = self.conns.values().any(|c| c.phase == Phase::Events);
        self.conns
            .values()
            .filter_map(|c| c.deadline)
            .chain(streams.then_some(self.next_ping))
            .chain(self.accept_retry)
            .min()
    }

    /// Closes connections past their deadline and keeps event streams alive.
    fn sweep(&mut self, now: Instant) {
        let late: Vec<Token> = self
            .conns
            .iter()
            .filter(|(_, c)| c.deadline.is_some_and(|d| d <= now))
            .map(|(t, _)| *t)
            .collect();
        for token in late {
            let Some(conn) = self.conns.get_mut(&token) else {
                continue;
            };
            // A client that started a request and stalled is told so; one that never
            // sent anything (a browser's spare connection) is just closed.
            let step = if conn.phase == Phase::Head && !conn.input.is_empty() {
                let r = Response::error("408 Request Timeout", "the request took too long");
                conn.respond(r.bytes(true))
            } else {
                Step::Close
            };
            if let Step::Close = step {
                self.close(token);
            }
        }
        if now >= self.next_ping {
            self.next_ping = now + PING;
            self.send_events(b": ping\n\n");
        }
    }
}

/// Reads what has arrived of a request head. `Err` when the client is gone.
fn read_head(conn: &mut Conn) -> Result<Parse, ()> {
    let mut chunk = [0u8; 8192];
    loop {
        match conn.stream.read(&mut chunk) {
            Ok(0) => return Err(()),
            Ok(n) => {
                conn.input.extend_from_slice(&chunk[..n]);
                if conn.input.len() > MAX_URL + MAX_HEADERS + 1024 {
                    // parse_head has refused long before; this only bounds the buffer.
                    return Ok(Parse::Fail("400 Bad Request", "the request is too large"));
                }
                let parsed = parse_head(&conn.input);
                if parsed != Parse::Incomplete {
                    return Ok(parsed);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Parse::Incomplete),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(()),
        }
    }
}

impl Conn {
    fn queue(&mut self, bytes: &[u8]) {
        if self.sent == self.out.len() {
            self.out.clear();
            self.sent = 0;
        }
        self.out.extend_from_slice(bytes);
    }

    /// Writes what it can; `Ok(true)` once everything queued is sent.
    fn flush(&mut self) -> io::Result<bool> {
        while self.sent < self.out.len() {
            match self.stream.write(&self.out[self.sent..]) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => {
                    self.sent += n;
                    self.deadline = Some(Instant::now() + WRITE_TIMEOUT);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }

    fn respond(&mut self, bytes: Vec<u8>) -> Step {
        self.phase = Phase::Respond;
        self.input = Vec::new();
        self.out = bytes;
        self.sent = 0;
        self.deadline = Some(Instant::now() + WRITE_TIMEOUT);
        self.flush_and_linger()
    }

    fn flush_and_linger(&mut self) -> Step {
        match self.flush() {
            Err(_) => Step::Close,
            Ok(false) => Step::Keep,
            Ok(true) => {
                self.out = Vec::new();
                self.sent = 0;
                if self.stream.shutdown(Shutdown::Write).is_err() {
                    return Step::Close;
                }
                self.phase = Phase::Linger;
                self.deadline = Some(Instant::now() + LINGER);
                self.drain()
            }
        }
    }

    /// Reads and drops what the client sends; `Close` once it has closed its side.
    fn drain(&mut self) -> Step {
        let mut chunk = [0u8; 8192];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Step::Close,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Step::Keep,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return Step::Close,
            }
        }
    }

    /// An event stream: sends what is queued, and notices a client that went away.
    fn events_io(&mut self) -> Step {
        if let Step::Close = self.drain() {
            return Step::Close;
        }
        match self.flush() {
            Err(_) => Step::Close,
            Ok(true) => {
                self.deadline = None;
                Step::Keep
            }
            Ok(false) if self.out.len() - self.sent > MAX_EVENT_BACKLOG => Step::Close,
            Ok(false) => {
                self.deadline.get_or_insert(Instant::now() + WRITE_TIMEOUT);
                Step::Keep
            }
        }
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

    fn done(head: &str) -> Request {
        match parse_head(head.as_bytes()) {
            Parse::Done(r) => r,
            other => panic!("{head:?}: {other:?}"),
        }
    }

    fn status(head: &[u8]) -> &'static str {
        match parse_head(head) {
            Parse::Fail(s, _) => s,
            other => panic!("{:?}: {other:?}", String::from_utf8_lossy(head)),
        }
    }

    #[test]
    fn request_heads_are_parsed_and_bounded() {
        let r = done(
            "GET /a?b HTTP/1.1\r\nHost: localhost:3000\r\nOrigin: http://localhost:3000\r\n\r\n",
        );
        assert_eq!(r.method, "GET");
        assert_eq!(r.target, "/a?b");
        assert_eq!(r.host.as_deref(), Some("localhost:3000"));
        assert_eq!(r.origin.as_deref(), Some("http://localhost:3000"));
        assert!(
            done("\r\nGET / HTTP/1.0\n\n").http10,
            "bare LF and HTTP/1.0 without Host"
        );
        assert_eq!(
            status(&[b'\n'; 100]),
            "400 Bad Request",
            "endless empty lines"
        );
        assert_eq!(
            parse_head(b"GET / HTTP/1.1\r\nHost: x\r\n"),
            Parse::Incomplete
        );
        assert_eq!(parse_head(b"GET /abc"), Parse::Incomplete);
        assert_eq!(
            status(b"\x16\x03\x01\x02\x00"),
            "400 Bad Request",
            "TLS hello"
        );
        assert_eq!(status(b"hello there\r\n\r\n"), "400 Bad Request");
        assert_eq!(status(b"GET  / HTTP/1.1\r\n\r\n"), "400 Bad Request");
        assert_eq!(status(b"GET / HTTP/1.1 extra\r\n\r\n"), "400 Bad Request");
        assert_eq!(
            status(b"GET / HTTP/1.1\r\n\r\n"),
            "400 Bad Request",
            "no Host"
        );
        assert_eq!(
            status(b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
            "505 HTTP Version Not Supported"
        );
        assert_eq!(
            status(b"GET / HTTP/2.0\r\n\r\n"),
            "505 HTTP Version Not Supported"
        );
        assert_eq!(status(b"GET / HTTX/1.1\r\n\r\n"), "400 Bad Request");
        assert_eq!(status(b"GET / HTTP/1.10\r\n\r\n"), "400 Bad Request");
        let long = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(MAX_URL));
        assert_eq!(status(long.as_bytes()), "414 URI Too Long");
        let partial = format!("GET /{}", "a".repeat(MAX_URL + 40));
        assert_eq!(
            status(partial.as_bytes()),
            "414 URI Too Long",
            "before the line ends"
        );
        let big = format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
            "a".repeat(MAX_HEADERS)
        );
        assert_eq!(
            status(big.as_bytes()),
            "431 Request Header Fields Too Large"
        );
        let unfinished = format!("GET / HTTP/1.1\r\nX-Big: {}", "a".repeat(MAX_HEADERS + 1));
        assert_eq!(
            status(unfinished.as_bytes()),
            "431 Request Header Fields Too Large"
        );
        let many: String = (0..=MAX_HEADER_COUNT)
            .map(|i| format!("X-{i}: 1\r\n"))
            .collect();
        let many = format!("GET / HTTP/1.1\r\nHost: x\r\n{many}\r\n");
        assert_eq!(
            status(many.as_bytes()),
            "431 Request Header Fields Too Large"
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
            "400 Bad Request"
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nHost : a\r\n\r\n"),
            "400 Bad Request"
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n"),
            "400 Bad Request"
        );
        assert_eq!(status(b"GET /\x01 HTTP/1.1\r\n\r\n"), "400 Bad Request");
    }

    #[test]
    fn hosts_are_split_and_normalized() {
        assert_eq!(split_host("LocalHost:3000").as_deref(), Some("localhost"));
        assert_eq!(split_host("localhost.").as_deref(), Some("localhost"));
        assert_eq!(split_host("127.0.0.1:80").as_deref(), Some("127.0.0.1"));
        assert_eq!(split_host("[::1]:3000").as_deref(), Some("::1"));
        assert_eq!(split_host("[::1]").as_deref(), Some("::1"));
        assert_eq!(split_host("[::1]x"), None);
        assert_eq!(split_host("[nope]:1"), None);
        assert_eq!(split_host("a:b"), None);
        assert_eq!(split_host("a:1:2"), None);
        assert_eq!(split_host(""), None);
        assert_eq!(split_host("ev il"), None);
        assert_eq!(split_host("a@b"), None);
        assert_eq!(
            origin_host("http://localhost:3000").as_deref(),
            Some("localhost")
        );
        assert_eq!(
            origin_host("HTTPS://Example.com").as_deref(),
            Some("example.com")
        );
        assert_eq!(origin_host("null"), None);
        assert_eq!(origin_host("file://"), None);
    }

    #[test]
    fn access_follows_the_bound_address() {
        let lo = Access::new("127.0.0.1:3000".parse().unwrap(), "127.0.0.1", Vec::new());
        for ok in [
            "localhost",
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "app.localhost",
        ] {
            assert!(lo.allows(ok), "{ok}");
        }
        for no in [
            "evil.example",
            "192.168.1.20",
            "localhost.evil.example",
            "0.0.0.0",
        ] {
            assert!(!lo.allows(no), "{no}");
        }
        let shared = Access::new(
            "0.0.0.0:3000".parse().unwrap(),
            "0.0.0.0",
            allow_list(&["Handbook.Example.com:3000".into(), ".corp.example".into()]).unwrap(),
        );
        for ok in [
            "192.168.1.20",
            "fe80::1",
            "localhost",
            "handbook.example.com",
            "corp.example",
            "desk.corp.example",
        ] {
            assert!(shared.allows(ok), "{ok}");
        }
        for no in ["evil.example", "example.com", "evilcorp.example"] {
            assert!(!shared.allows(no), "{no}");
        }
        let named = Access::new(
            "192.168.1.20:3000".parse().unwrap(),
            "mybox.local",
            Vec::new(),
        );
        assert!(named.allows("mybox.local"), "the --host name itself");
        assert!(allow_list(&["a b".into()]).is_err());
        assert_eq!(
            allow_list(&["http://Desk.Example:3000/x".into()]),
            Ok(vec!["desk.example".to_owned()])
        );
    }

    #[test]
    fn folder_redirects_stay_on_this_server() {
        assert_eq!(folder_location("basics"), "/basics/");
        assert_eq!(folder_location("evil.example"), "/evil.example/");
        assert_eq!(
            folder_location("a b/\r\nSet-Cookie: x"),
            "/a%20b/%0D%0ASet-Cookie:%20x/"
        );
    }
}
