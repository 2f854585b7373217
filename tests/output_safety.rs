//! The site on disk is never lost or mixed up: builds into one folder take turns, the
//! new site replaces the old one in one step, an interrupted build is repaired by the
//! next one, `clean` says what it removes, and symbolic links neither put the site
//! among the chapters nor get replaced by a real folder.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const CAREBOOK: &str = env!("CARGO_BIN_EXE_carebook");

fn command(args: &[&str], cwd: &Path) -> Command {
    let mut cmd = Command::new(CAREBOOK);
    cmd.args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1763856000")
        .env_remove("CAREBOOK_TEST_SWAP");
    cmd
}

fn spawn(args: &[&str], cwd: &Path) -> Child {
    command(args, cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the carebook binary runs")
}

fn finish(child: Child) -> Run {
    child.wait_with_output().expect("carebook finishes").into()
}

fn run_env(args: &[&str], cwd: &Path, env: (&str, &str)) -> Run {
    command(args, cwd)
        .env(env.0, env.1)
        .output()
        .expect("the carebook binary runs")
        .into()
}

/// The fixture book with one heading changed, so its site differs from the original's.
fn changed_book() -> tempfile::TempDir {
    let book = copy_fixture("good");
    change_heading(book.path());
    book
}

fn change_heading(book: &Path) {
    let tone = book.join("guide/basics/tone.md");
    let text = read(&tone);
    assert!(text.contains("## Tone on the phone"));
    std::fs::write(
        &tone,
        text.replace("## Tone on the phone", "## Tone on a call"),
    )
    .unwrap();
}

/// Names in `dir` that start with `.<name>.`: staging, old and lock files.
fn leftovers(dir: &Path, name: &str) -> Vec<String> {
    let prefix = format!(".{name}.");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect();
    found.sort();
    found
}

/// A reference build of `book` into a folder of its own.
fn reference(book: &Path) -> (tempfile::TempDir, Vec<(PathBuf, Vec<u8>)>) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let run = carebook(&["build", ".", "--out", out.to_str().unwrap()], book);
    assert_eq!(run.code, 0, "{}", run.problems);
    let snap = snapshot(&out);
    (tmp, snap)
}

#[test]
fn two_builds_into_one_folder_leave_one_complete_site() {
    let a = copy_fixture("good");
    let b = changed_book();
    let (_ra, site_a) = reference(a.path());
    let (_rb, site_b) = reference(b.path());
    assert!(site_a != site_b, "the two books must build different sites");
    assert!(site_a.iter().any(|(p, _)| p == Path::new(".carebook")));

    let shared = tempfile::tempdir().unwrap();
    let out = shared.path().join("x/site");
    let out_arg = out.to_str().unwrap();
    for round in 0..20 {
        // Alternate who starts first; same-book rounds too, which used to fail both.
        let (first, second) = match round % 4 {
            0 => (a.path(), b.path()),
            1 => (b.path(), a.path()),
            2 => (a.path(), a.path()),
            _ => (b.path(), b.path()),
        };
        let one = spawn(&["build", ".", "--out", out_arg], first);
        let two = spawn(&["build", ".", "--out", out_arg], second);
        let (one, two) = (finish(one), finish(two));
        assert_eq!(one.code, 0, "round {round}, first build: {}", one.problems);
        assert_eq!(two.code, 0, "round {round}, second build: {}", two.problems);
        let got = snapshot(&out);
        assert!(
            got == site_a || got == site_b,
            "round {round}: the site is neither build's ({} files; A has {}, B has {})",
            got.len(),
            site_a.len(),
            site_b.len()
        );
        assert!(out.join(".carebook").is_file(), "round {round}: no marker");
        assert_eq!(
            leftovers(&shared.path().join("x"), "site"),
            Vec::<String>::new(),
            "round {round}"
        );
    }
    // Still carebook's folder: a later build is not refused.
    let run = carebook(&["build", ".", "--out", out_arg], a.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(snapshot(&out) == site_a);
}

#[test]
fn a_build_waits_for_the_one_holding_the_lock_and_says_so() {
    let book = copy_fixture("good");
    build_ok(book.path());
    let before = snapshot(&book.path().join("site"));
    // This test plays a running build: it holds the lock and has a staging folder.
    let lock = std::fs::File::create(book.path().join(".site.lock")).unwrap();
    lock.lock().unwrap();
    std::fs::write(
        book.path().join(".site.lock"),
        format!("{}\n", std::process::id()),
    )
    .unwrap();
    let running = book.path().join(".site.staging-1-running");
    write(&running, ".carebook", "");
    write(&running, "index.html", "half written");

    change_heading(book.path());
    let mut child = spawn(&["build"], book.path());
    let mut stderr = child.stderr.take().unwrap();
    let said = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the second build did not wait for the lock"
    );
    assert!(
        running.join("index.html").is_file(),
        "a running build's staging folder was removed"
    );
    assert!(before == snapshot(&book.path().join("site")));
    drop(lock);
    let status = child.wait().unwrap();
    let stderr = said.join().unwrap();
    assert!(status.success(), "{stderr}");
    assert_contains(
        &stderr,
        &format!(
            "another build into ./site is running (pid {}); waiting",
            std::process::id()
        ),
    );
    // Once the lock is free its owner is gone, and so is its staging folder.
    assert_contains(
        &stderr,
        "removed a leftover folder from an interrupted build: ./.site.staging-1-running",
    );
    assert!(read(&book.path().join("site/basics/tone.html")).contains("Tone on a call"));
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}

/// A site, then a build killed after `site` was moved to `.site.old` and before the new
/// site took its place: the state a power cut in the fallback swap leaves.
fn interrupted_swap() -> (tempfile::TempDir, Vec<(PathBuf, Vec<u8>)>) {
    let book = copy_fixture("good");
    build_ok(book.path());
    let before = snapshot(&book.path().join("site"));
    change_heading(book.path());
    let run = run_env(
        &["build"],
        book.path(),
        ("CAREBOOK_TEST_SWAP", "kill-between-renames"),
    );
    assert_ne!(run.code, 0, "the failpoint did not stop the build");
    assert!(!book.path().join("site").exists());
    assert!(before == snapshot(&book.path().join(".site.old")));
    (book, before)
}

#[test]
fn a_build_after_a_kill_between_the_renames_puts_the_site_back() {
    let (book, before) = interrupted_swap();
    // The next build fails on a content error: the previous site must be back.
    write(
        book.path(),
        "guide/basics/tone.md",
        "---\ntitle: Tone\n---\nSee [gone](gone.md).\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(
        &run.problems,
        "note: put the previous site back into ./site from ./.site.old",
    );
    assert_contains(
        &run.problems,
        "removed a leftover folder from an interrupted build: ./.site.staging-",
    );
    assert_contains(&run.problems, "the site was not changed");
    assert!(
        before == snapshot(&book.path().join("site")),
        "the site was not restored byte for byte"
    );
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}

#[test]
fn a_good_build_after_a_kill_between_the_renames_writes_the_new_site() {
    let (book, _) = interrupted_swap();
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(&run.problems, "put the previous site back");
    assert!(read(&book.path().join("site/basics/tone.html")).contains("Tone on a call"));
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}

#[test]
fn clean_says_when_it_removes_the_only_copy_left_by_a_kill() {
    let (book, _) = interrupted_swap();
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(!run.stdout.contains("Nothing to remove"), "{}", run.stdout);
    assert_contains(&run.stdout, "Removed ./.site.old: the previous site");
    assert_contains(&run.stdout, "it was the only copy of the site");
    assert_contains(&run.stdout, "Removed ./.site.staging-");
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
    assert!(book.path().join("guide/welcome.md").is_file());
}

#[test]
fn clean_reports_the_site_and_each_leftover() {
    let book = copy_fixture("good");
    build_ok(book.path());
    write(
        &book.path().join(".site.staging-4242-0badf00d"),
        ".carebook",
        "",
    );
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(&run.stdout, "Removed ./site\n");
    assert_contains(
        &run.stdout,
        "Removed ./.site.staging-4242-0badf00d: an unfinished site, left by an interrupted build",
    );
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
    let run = carebook(&["clean"], book.path());
    assert_contains(&run.stdout, "Nothing to remove");
}

#[test]
fn the_fallback_swap_replaces_the_site_completely() {
    let book = copy_fixture("good");
    build_ok(book.path());
    write(&book.path().join("site"), "stale.html", "old");
    change_heading(book.path());
    let run = run_env(&["build"], book.path(), ("CAREBOOK_TEST_SWAP", "renames"));
    assert_eq!(run.code, 0, "{}", run.problems);
    let (_r, expected) = reference(book.path());
    assert!(expected == snapshot(&book.path().join("site")));
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}

#[test]
fn leftovers_of_dead_builds_are_removed_and_reported() {
    let book = copy_fixture("good");
    build_ok(book.path());
    for dir in [".site.old", ".site.staging", ".site.staging-99999-deadbeef"] {
        write(&book.path().join(dir), ".carebook", "");
        write(&book.path().join(dir), "index.html", "old");
    }
    // A patch journal cut short while being written (no move was made after it).
    write(book.path(), ".site.patch-new", "carebook patch 1\n");
    // Not carebook's (no marker): left alone.
    write(
        &book.path().join(".site.staging-mine"),
        "notes.txt",
        "keep me",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    for dir in [".site.old", ".site.staging", ".site.staging-99999-deadbeef"] {
        assert_contains(
            &run.problems,
            &format!("removed a leftover folder from an interrupted build: ./{dir}\n"),
        );
    }
    assert_eq!(leftovers(book.path(), "site"), vec![".site.staging-mine"]);
    assert!(!book.path().join(".site.patch-new").exists());
    assert_eq!(
        read(&book.path().join(".site.staging-mine/notes.txt")),
        "keep me"
    );
}

#[cfg(unix)]
#[test]
fn an_output_reached_through_a_link_into_the_chapters_is_refused() {
    let book = copy_fixture("good");
    let chapters_before = snapshot(&book.path().join("guide"));
    std::os::unix::fs::symlink("guide", book.path().join("g")).unwrap();
    let run = carebook(&["build", ".", "--out", "g/sub"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(&run.problems, "the output folder `g/sub` overlaps the book");
    assert_contains(&run.problems, "inside the chapters folder `./guide`");
    assert_contains(&run.problems, "through a symbolic link");
    assert!(chapters_before == snapshot(&book.path().join("guide")));

    // The output itself a link to the chapters, or to a folder inside them.
    std::os::unix::fs::symlink("guide", book.path().join("out1")).unwrap();
    std::os::unix::fs::symlink("guide/new", book.path().join("out2")).unwrap();
    for out in ["out1", "out2"] {
        let run = carebook(&["build", ".", "--out", out], book.path());
        assert_eq!(run.code, 2, "{out}: {}", run.problems);
        assert_contains(&run.problems, "overlaps the book");
        let run = carebook(&["clean", ".", "--out", out], book.path());
        assert_eq!(run.code, 2, "clean {out}: {}", run.problems);
    }
    assert!(chapters_before == snapshot(&book.path().join("guide")));
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_into_its_target() {
    let book = copy_fixture("good");
    let www = tempfile::tempdir().unwrap();
    let target = www.path().join("handbook");
    let run = carebook(
        &["build", ".", "--out", target.to_str().unwrap()],
        book.path(),
    );
    assert_eq!(run.code, 0, "{}", run.problems);
    std::os::unix::fs::symlink(&target, book.path().join("site")).unwrap();

    change_heading(book.path());
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(
        &run.problems,
        &format!(
            "note: ./site is a symbolic link; the site is written to the folder it points to, {}",
            target.canonicalize().unwrap().display()
        ),
    );
    let link = std::fs::symlink_metadata(book.path().join("site")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let (_r, expected) = reference(book.path());
    assert!(expected == snapshot(&target), "the link's target is stale");
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
    assert_eq!(leftovers(www.path(), "handbook"), Vec::<String>::new());

    // clean removes the site the link points to and keeps the link.
    let run = carebook(&["clean"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert_contains(&run.stdout, "the link ./site points to; the link is kept");
    assert!(!target.exists());
    assert!(std::fs::symlink_metadata(book.path().join("site")).is_ok());

    // A link whose target does not exist yet: the build creates it.
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 0, "{}", run.problems);
    assert!(expected == snapshot(&target));

    // The same safety checks apply to the target: no marker, no replacing.
    let foreign = www.path().join("documents");
    write(&foreign, "thesis.txt", "do not delete");
    std::fs::remove_file(book.path().join("site")).unwrap();
    std::os::unix::fs::symlink(&foreign, book.path().join("site")).unwrap();
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 2, "{}", run.problems);
    assert_contains(&run.problems, "did not write");
    assert_eq!(read(&foreign.join("thesis.txt")), "do not delete");
    assert_eq!(leftovers(www.path(), "documents"), Vec::<String>::new());
}

#[test]
fn an_io_error_names_the_path_and_keeps_the_site() {
    let book = copy_fixture("good");
    write(book.path(), "blocker", "a file where a folder should be");
    let run = carebook(&["build", ".", "--out", "blocker/site"], book.path());
    assert_ne!(run.code, 0);
    assert_contains(&run.problems, "cannot write blocker");
    assert_contains(&run.problems, "the site was not changed");
    assert_eq!(
        read(&book.path().join("blocker")),
        "a file where a folder should be"
    );
}

/// A write that fails half-way through the site (here: a file-size limit, standing in
/// for a full disk) names the file and leaves the previous site as it was.
#[cfg(target_os = "linux")]
#[test]
fn a_write_failing_mid_build_names_the_file_and_keeps_the_site() {
    use std::os::unix::process::CommandExt;
    let book = copy_fixture("good");
    build_ok(book.path());
    let before = snapshot(&book.path().join("site"));
    change_heading(book.path());
    // --force: every file is written again (a rebuild would link the big unchanged ones).
    let mut cmd = command(&["build", "--force"], book.path());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 16 * 1024,
                rlim_max: 16 * 1024,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let run: Run = cmd.output().unwrap().into();
    assert_ne!(run.code, 0, "{}", run.problems);
    assert_contains(&run.problems, "error: cannot write ./site/");
    assert_contains(&run.problems, "the site was not changed");
    assert!(!run.problems.contains(".site.staging"), "{}", run.problems);
    assert!(before == snapshot(&book.path().join("site")));
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}

#[test]
fn a_failed_build_into_a_new_folder_leaves_no_empty_folders() {
    let book = copy_fixture("good");
    write(
        book.path(),
        "guide/basics/tone.md",
        "---\ntitle: Tone\n---\nSee [gone](gone.md).\n",
    );
    let run = carebook(&["build", ".", "--out", "new/deep/site"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert!(!book.path().join("new").exists());
}

#[test]
fn serve_and_build_on_one_book_do_not_disturb_each_other() {
    let book = copy_fixture("good");
    let mut serve = command(&["serve", ".", "--port", "0"], book.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = serve.stdout.take().unwrap();
    let started = Instant::now();
    let mut first = Vec::new();
    let mut byte = [0u8; 1];
    while !first.ends_with(b"\n") && started.elapsed() < Duration::from_secs(60) {
        if out.read(&mut byte).unwrap_or(0) == 0 {
            break;
        }
        first.push(byte[0]);
    }
    assert!(String::from_utf8_lossy(&first).contains("Serving"));
    for _ in 0..2 {
        build_ok(book.path());
    }
    // Give the watcher time to react to the builds' files, then stop the server.
    std::thread::sleep(Duration::from_millis(1200));
    let _ = serve.kill();
    let mut stderr = String::new();
    serve
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let _ = serve.wait();
    assert!(
        !stderr.contains("Rebuilt"),
        "serve rebuilt because of a build's files:\n{stderr}"
    );
    assert!(book.path().join("site/.carebook").is_file());
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}

#[test]
fn an_empty_folder_made_after_a_kill_does_not_cost_the_old_site() {
    let (book, before) = interrupted_swap();
    std::fs::create_dir(book.path().join("site")).unwrap();
    write(
        book.path(),
        "guide/basics/tone.md",
        "---\ntitle: Tone\n---\nSee [gone](gone.md).\n",
    );
    let run = carebook(&["build"], book.path());
    assert_eq!(run.code, 1, "{}", run.problems);
    assert_contains(&run.problems, "put the previous site back");
    assert!(before == snapshot(&book.path().join("site")));
    assert_eq!(leftovers(book.path(), "site"), Vec::<String>::new());
}
