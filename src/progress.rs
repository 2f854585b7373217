//! A one-line progress display for builds that take more than a second, shown only on
//! a terminal: the stage just finished and the time so far, cleared when done.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Ticker {
    handle: JoinHandle<()>,
}

impl Ticker {
    /// Starts the display; builds report stages through the returned sender, and the
    /// display ends once every sender is dropped.
    pub fn start() -> (Sender<&'static str>, Ticker) {
        let (tx, rx) = mpsc::channel();
        (
            tx,
            Ticker {
                handle: std::thread::spawn(move || run(rx)),
            },
        )
    }

    pub fn finish(self) {
        let _ = self.handle.join();
    }
}

fn run(rx: Receiver<&'static str>) {
    let started = Instant::now();
    let mut stage = "reading";
    let mut shown = false;
    loop {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(done) => stage = next(done),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if started.elapsed() >= Duration::from_secs(1) {
            eprint!(
                "\r\x1b[2K  building: {stage} ({:.1} s)",
                started.elapsed().as_secs_f64()
            );
            let _ = std::io::stderr().flush();
            shown = true;
        }
    }
    if shown {
        eprint!("\r\x1b[2K");
    }
}

/// What the build does after the stage that just finished.
fn next(done: &str) -> &'static str {
    match done {
        "config" => "reading chapters",
        "load" => "rendering Markdown",
        "markdown" | "fingerprints" => "writing pages",
        "write" => "putting the site in place",
        _ => "finishing",
    }
}

/// The stages of one build and how long each took, for `--timings`; each finished stage
/// is also sent to a progress display, when there is one.
pub struct Stages {
    last: Instant,
    pub laps: Vec<(&'static str, Duration)>,
    progress: Option<Sender<&'static str>>,
}

impl Stages {
    pub fn new(progress: Option<Sender<&'static str>>) -> Self {
        Stages {
            last: Instant::now(),
            laps: Vec::new(),
            progress,
        }
    }

    /// Ends stage `name` now.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
        if let Some(p) = &self.progress {
            // Nobody listening any more is fine.
            let _ = p.send(name);
        }
    }
}
