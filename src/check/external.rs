//! `--external`: checks web links with a few requests at a time and a timeout each,
//! so one slow site cannot stall the check. Off by default: it needs the network.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::config::Severity;

/// Requests in flight at once.
const CONCURRENCY: usize = 8;
const TIMEOUT: Duration = Duration::from_secs(10);

/// What went wrong with one address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub url: String,
    pub level: Severity,
    pub message: String,
}

/// Checks each distinct address once. A page that is gone (404, 410) is an error; a
/// site that cannot be reached or answers with another error is a warning, since that
/// is often temporary.
pub fn check(urls: &[String]) -> Vec<Problem> {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(TIMEOUT)
        .timeout(TIMEOUT)
        .redirects(5)
        .user_agent(concat!(
            "carebook/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build();
    let next = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..CONCURRENCY.min(urls.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = urls.get(i) else { break };
                if let Some(p) = check_one(&agent, url) {
                    if let Ok(mut list) = problems.lock() {
                        list.push(p);
                    }
                }
            });
        }
    });
    let mut list = problems.into_inner().unwrap_or_default();
    list.sort_by(|a, b| a.url.cmp(&b.url));
    list
}

fn check_one(agent: &ureq::Agent, url: &str) -> Option<Problem> {
    // Some servers refuse HEAD; ask again with GET before calling the link broken.
    let result = match agent.head(url).call() {
        Err(ureq::Error::Status(405 | 403 | 501, _)) => agent.get(url).call(),
        other => other,
    };
    let (level, message) = match result {
        Ok(_) => return None,
        Err(ureq::Error::Status(code @ (404 | 410), _)) => (
            Severity::Error,
            format!("the web page `{url}` does not exist (HTTP {code})"),
        ),
        Err(ureq::Error::Status(code, _)) => (
            Severity::Warning,
            format!("the web page `{url}` answered with HTTP {code}"),
        ),
        Err(ureq::Error::Transport(t)) => (
            Severity::Warning,
            format!("could not reach `{url}`: {}", t.kind()),
        ),
    };
    Some(Problem {
        url: url.to_owned(),
        level,
        message,
    })
}
