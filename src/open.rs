//! Opening a page in the user's browser (`build --open`, `serve --open`).

/// Hands `target` (a URL or a file path) to the system's opener; a failure only prints
/// a note, since the site is built either way.
pub fn open_in_browser(target: &str) {
    let cmd = if cfg!(target_os = "macos") {
        vec!["open", target]
    } else if cfg!(windows) {
        vec!["cmd", "/c", "start", "", target]
    } else {
        vec!["xdg-open", target]
    };
    let opened = std::process::Command::new(cmd[0])
        .args(&cmd[1..])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok();
    if opened {
        println!("Opening {target} in your browser.");
    } else {
        eprintln!("could not open a browser; open {target} yourself");
    }
}
