//! `carebook serve`: builds the book into memory, serves it over HTTP, watches the
//! sources and rebuilds after each change, re-rendering only the pages a chapter edit
//! affects. A failed rebuild keeps the last good site and shows the error in the page.

mod http;
mod session;

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use crate::Error;
use session::Session;

pub use http::site_key;

/// The served site: path → bytes. Replaced whole on each rebuild, so a request sees
/// either the old site or the new one, never a mix.
pub type Files = HashMap<String, Arc<[u8]>>;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub host: String,
    pub port: u16,
    pub open: bool,
    pub drafts: bool,
    /// More host names to answer to (`--allow-host`), besides this computer's own.
    pub allow_hosts: Vec<String>,
}

/// What the browser is told.
#[derive(Debug, Clone)]
pub enum Message {
    /// A new version of the site is ready.
    Reload(u64),
    /// The site at this version is up to date.
    Ok(u64),
    /// The last rebuild failed with these diagnostics.
    Error(String),
    /// These pages changed after the last reload (pages deferred by a chapter edit).
    Updated(Vec<String>),
}

pub struct State {
    files: RwLock<Arc<Files>>,
    version: Mutex<u64>,
    error: Mutex<Option<String>>,
    clients: Mutex<Vec<Client>>,
}

/// A listener for rebuild news, and how to wake it up.
struct Client {
    tx: Sender<Message>,
    wake: Box<dyn Fn() + Send>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    fn new(files: Files) -> Self {
        State {
            files: RwLock::new(Arc::new(files)),
            version: Mutex::new(1),
            error: Mutex::new(None),
            clients: Mutex::new(Vec::new()),
        }
    }

    pub fn files(&self) -> Arc<Files> {
        Arc::clone(&self.files.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn version(&self) -> u64 {
        *lock(&self.version)
    }

    /// Puts a new site in place and tells every browser to reload.
    fn publish(&self, files: Files) {
        *self.files.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(files);
        let v = {
            let mut v = lock(&self.version);
            *v += 1;
            *v
        };
        *lock(&self.error) = None;
        self.broadcast(&Message::Reload(v));
    }

    /// Adds late pages to the current site and tells the browsers showing them.
    fn patch(&self, late: Files) {
        if late.is_empty() {
            return;
        }
        let mut files = (*self.files()).clone();
        let paths: Vec<String> = late.keys().cloned().collect();
        files.extend(late);
        *self.files.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(files);
        self.broadcast(&Message::Updated(paths));
    }

    fn fail(&self, text: String) {
        *lock(&self.error) = Some(text.clone());
        self.broadcast(&Message::Error(text));
    }

    fn broadcast(&self, m: &Message) {
        lock(&self.clients).retain(|c| {
            let sent = c.tx.send(m.clone()).is_ok();
            if sent {
                (c.wake)();
            }
            sent
        });
    }

    /// Every message from now on; `wake` is called after each one is sent.
    fn subscribe(&self, wake: impl Fn() + Send + 'static) -> Receiver<Message> {
        let (tx, rx) = mpsc::channel();
        lock(&self.clients).push(Client {
            tx,
            wake: Box::new(wake),
        });
        rx
    }

    /// What a newly opened page is told first: the error, or the current version.
    fn current(&self) -> Message {
        match lock(&self.error).clone() {
            Some(e) => Message::Error(e),
            None => Message::Ok(self.version()),
        }
    }

    /// HTML pages get the live-reload script; everything else is served as built.
    fn inject(&self, path: &str, body: &[u8]) -> Vec<u8> {
        if !path.ends_with(".html") {
            return body.to_vec();
        }
        let tag = format!(
            "<script src=\"/__carebook/live.js\" data-version=\"{}\"></script>\n",
            self.version()
        );
        let html = String::from_utf8_lossy(body);
        match html.rfind("</body>") {
            Some(i) => format!("{}{tag}{}", &html[..i], &html[i..]).into_bytes(),
            None => format!("{html}{tag}").into_bytes(),
        }
    }
}

pub fn serve(root: &Path, opts: &ServeOptions) -> Result<(), Error> {
    let started = Instant::now();
    let allowed = http::allow_list(&opts.allow_hosts).map_err(Error::Usage)?;
    let mut session = Session::start(root, opts.drafts)?;
    let (watcher, events) = start_watching(session.watched())?;
    let (files, report) = session.render_all();
    let state = Arc::new(State::new(files.unwrap_or_default()));
    if let Err(text) = report {
        eprintln!("{text}");
        state.fail(text);
    }
    let listener = bind(&opts.host, opts.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    let access = http::Access::new(addr, &opts.host, allowed);
    let url = format!("http://{addr}/");
    if opts.host != "127.0.0.1" && opts.host != "localhost" && opts.host != "::1" {
        eprintln!("warning: serving on {} makes the handbook readable by anyone who can reach this computer", opts.host);
    }
    println!(
        "Serving the handbook at {url} (built in {} ms; Ctrl-C to stop)",
        started.elapsed().as_millis()
    );
    let _ = ctrlc::set_handler(|| {
        eprintln!("\nStopped.");
        std::process::exit(0);
    });
    let http_state = Arc::clone(&state);
    std::thread::Builder::new()
        .name("carebook-http".into())
        .spawn(move || http::run(listener, http_state, access))
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    if opts.open {
        crate::open::open_in_browser(&url);
    }
    watch(&events, &mut session, &state);
    drop(watcher);
    Ok(())
}

fn bind(host: &str, port: u16) -> Result<TcpListener, Error> {
    TcpListener::bind((host, port)).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
            format!(
                "; another program uses port {port}, try --port {}",
                port.saturating_add(1)
            )
        } else {
            String::new()
        };
        Error::Usage(format!("cannot listen on {host}:{port}: {e}{hint}"))
    })
}

/// Starts watching the book for changes. Done before the server announces itself, so an
/// edit made the moment the address is printed is never missed.
fn start_watching(
    root: &Path,
) -> Result<(notify::RecommendedWatcher, Receiver<Vec<PathBuf>>), Error> {
    use notify::Watcher;
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        // Reading files (our own rebuilds do) and touching metadata change nothing.
        match ev {
            Ok(ev) if changes_content(&ev.kind) => {
                let _ = tx.send(ev.paths);
            }
            _ => {}
        }
    })
    .map_err(|e| Error::Usage(format!("cannot watch {} for changes: {e}", root.display())))?;
    watcher
        .watch(root, notify::RecursiveMode::Recursive)
        .map_err(|e| Error::Usage(format!("cannot watch {} for changes: {e}", root.display())))?;
    Ok((watcher, rx))
}

/// Waits for changes, lets bursts settle (editors write several times per save), then
/// rebuilds. Runs until the process is stopped.
///
/// Gathered here rather than with notify-debouncer-full: that crate wakes a thread every
/// quarter of its timeout even when nothing changes (a 15 ms quiet time would mean 250
/// wake-ups a second), walks the whole book at start for its file-id cache, and its
/// rename pairing and per-path ordering are of no use here, where any batch of paths
/// only decides what to rebuild. This sleeps until an event comes, rebuilds after 15 ms
/// of quiet, and never waits more than 300 ms for a burst to end.
fn watch(rx: &Receiver<Vec<PathBuf>>, session: &mut Session, state: &Arc<State>) {
    while let Ok(first) = rx.recv() {
        let mut paths: Vec<PathBuf> = first;
        let burst = Instant::now();
        while burst.elapsed() < Duration::from_millis(300) {
            match rx.recv_timeout(Duration::from_millis(15)) {
                Ok(more) => paths.extend(more),
                Err(_) => break,
            }
        }
        rebuild(session, state, &paths);
    }
}

fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::event::{EventKind, ModifyKind};
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
            | EventKind::Any
    )
}

fn rebuild(session: &mut Session, state: &Arc<State>, paths: &[PathBuf]) {
    let started = Instant::now();
    let Some(change) = session.classify(paths) else {
        return;
    };
    let what = change.describe();
    let partial = matches!(change, session::Change::Chapters(_));
    match session.apply(change, &state.files()) {
        Ok(files) => {
            state.publish(files);
            eprintln!(
                "Rebuilt {what} in {:.1} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
            if partial {
                let state = Arc::clone(state);
                session.spawn_deferred(move |late| match late {
                    Ok(files) => state.patch(files),
                    Err(text) => state.fail(text),
                });
            }
        }
        Err(text) => {
            eprintln!("{text}");
            state.fail(text);
        }
    }
}
