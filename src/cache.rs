//! The build cache: what the last build of a site made, so the next one only does the
//! work an edit asks for. It lives in `.carebook-cache/<site>/` next to the output
//! folder (`.carebook-cache/site/` for `site/`): a record of every file of the site
//! (its content's hash), the fingerprint of every page's inputs, and each chapter's
//! analysis. It is only ever a shortcut: deleting it, or a cache from another version
//! of carebook, or one that does not read back, means a full build, never an error.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::output::FileRecord;

/// The cache folder's name, next to the output folder.
pub const DIR: &str = ".carebook-cache";
/// Changes whenever what the cache holds changes shape.
const FORMAT: u32 = 1;
const MAGIC: &[u8] = b"carebook cache\n";

/// The last build of a site: its files and its pages.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Every file of the site, by its `/`-separated path inside it.
    pub files: HashMap<String, FileRecord>,
    /// Every page (see `crate::pages::PageKind`), by its key.
    pub pages: HashMap<String, PageRecord>,
}

/// One page of the last build: the fingerprint of what it was made from, and the
/// files it wrote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageRecord {
    /// `None` for a page rendered on every build.
    pub fingerprint: Option<u128>,
    pub files: Vec<String>,
}

/// The cache folder of the site at `target`.
pub fn dir(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    parent.join(DIR).join(name)
}

/// This carebook: its version and the program file itself (size and time), so a
/// different build of carebook never trusts what another one rendered.
fn stamp() -> String {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {time}", m.len())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// Reads `name` from the cache of `target`; `None` when it is missing, from another
/// carebook, or does not read back.
pub fn load<T: DeserializeOwned>(target: &Path, name: &str) -> Option<T> {
    postcard::from_bytes(&load_raw(target, name)?).ok()
}

/// Reads `name` from the cache of `target` as bytes, as [`save_raw`] wrote them;
/// `None` when it is missing or from another carebook.
pub fn load_raw(target: &Path, name: &str) -> Option<Vec<u8>> {
    let mut bytes = fs::read(dir(target).join(name)).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    let (head, body): (Header, &[u8]) = postcard::take_from_bytes(rest).ok()?;
    if head.format != FORMAT || head.stamp != stamp() {
        return None;
    }
    let start = bytes.len() - body.len();
    bytes.drain(..start);
    Some(bytes)
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    stamp: String,
}

/// Writes `value` as `name` in the cache of `target`, whole or not at all (a new file
/// renamed over the old). A cache that cannot be written only costs the next build
/// time, so failures are warnings.
pub fn save<T: Serialize>(target: &Path, name: &str, value: &T) {
    match postcard::to_allocvec(value) {
        Ok(body) => save_raw(target, name, &body),
        Err(e) => warn(target, &io::Error::other(e)),
    }
}

/// Writes `body` as `name` (which may name a subfolder) in the cache of `target`, as
/// [`save`] does.
pub fn save_raw(target: &Path, name: &str, body: &[u8]) {
    if let Err(e) = try_save(target, name, body) {
        warn(target, &e);
    }
}

fn warn(target: &Path, e: &io::Error) {
    eprintln!(
        "warning: could not write the build cache in {}: {e}; the next build starts from scratch",
        dir(target).display()
    );
}

fn try_save(target: &Path, name: &str, body: &[u8]) -> io::Result<()> {
    let path = dir(target).join(name);
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let head = Header {
        format: FORMAT,
        stamp: stamp(),
    };
    let mut bytes = MAGIC.to_vec();
    bytes = postcard::to_extend(&head, bytes).map_err(io::Error::other)?;
    bytes.extend_from_slice(body);
    let file = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!("{file}.{}.tmp", std::process::id()));
    fs::write(&tmp, &bytes)?;
    fs::rename(&tmp, &path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Removes `name` from the cache of `target`, before the site it describes changes.
pub fn forget(target: &Path, name: &str) {
    let _ = fs::remove_file(dir(target).join(name));
}

/// Removes the whole cache of `target`, for `clean`.
pub fn remove(target: &Path) -> io::Result<bool> {
    let dir = dir(target);
    match fs::remove_dir_all(&dir) {
        Ok(()) => {
            // The shared folder goes too when no other site's cache is in it.
            if let Some(parent) = dir.parent() {
                let _ = fs::remove_dir(parent);
            }
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}
