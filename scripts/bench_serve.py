#!/usr/bin/env python3
"""Measures `carebook serve`: time from saving a chapter to the browser's reload signal.

Starts the release binary on the shipped handbook and on generated corpora (cached under
target/bench/ by scripts/bench.py's generator), listens on the same Server-Sent Events
stream the browser uses, appends a sentence to one chapter's body N times, and prints the
median and 95th percentile of write → `reload` event. The chapter is restored afterwards.

Usage: scripts/bench_serve.py [--sizes 10000] [--edits 25]
       CAREBOOK_BIN=../before/target/release/carebook scripts/bench_serve.py  (another build)
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402  (reuses its corpus cache)


def start(book):
    # CAREBOOK_BIN: another build to measure (an earlier commit's, for comparison).
    binary = os.environ.get("CAREBOOK_BIN", ROOT / "target" / "release" / "carebook")
    proc = subprocess.Popen([str(binary), "serve", str(book), "--port", "0"], stdout=subprocess.PIPE, stderr=open(os.environ.get("SERVE_LOG", os.devnull), "w"), text=True)
    line = proc.stdout.readline()
    url = next(w for w in line.split() if w.startswith("http://"))
    host, port = url[len("http://"):].rstrip("/").split(":")
    return proc, (host, int(port))


def events(addr):
    s = socket.create_connection(addr)
    # serve answers only requests addressed to itself (a guard against DNS rebinding).
    host = f"{addr[0]}:{addr[1]}".encode()
    s.sendall(b"GET /__carebook/events HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")
    s.settimeout(30)
    return s.makefile("rb")


def wait_for(stream, name):
    event = None
    for raw in stream:
        line = raw.decode().rstrip("\r\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line == "" and event:
            if event == name:
                return
            if event == "build-error":
                sys.exit("the edit did not build")
            event = None
    sys.exit("the event stream closed")


def edited(text, n):
    """The chapter with a sentence added before its first section: a chapter's last
    section may be its knowledge check, where only questions belong."""
    sentence = f"\nAn added sentence, edit number {n}.\n"
    at = text.find("\n## ")
    return text + sentence if at < 0 else text[:at] + sentence + text[at:]


def measure(book, chapter, edits):
    proc, addr = start(book)
    stream = events(addr)
    wait_for(stream, "ok")
    original = chapter.read_text()
    times = []
    try:
        for n in range(edits):
            time.sleep(0.15)  # let the previous save settle, as between real edits
            t0 = time.perf_counter()
            chapter.write_text(edited(original, n))
            wait_for(stream, "reload")
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        chapter.write_text(original)
        proc.terminate()
        proc.wait()
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000")
    ap.add_argument("--edits", type=int, default=25)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        handbook = Path(tmp) / "handbook"
        # The book is book.toml and the folders it reads: chapters, shared snippets,
        # packs and the theme's overrides.
        handbook.mkdir()
        shutil.copy(ROOT / "book.toml", handbook / "book.toml")
        for folder in ["guide", "snippets", "packs", "themes"]:
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, handbook / folder)
        books = [("shipped handbook", handbook, handbook / "guide" / "communication" / "plain-language.md")]
        for n in [int(s) for s in args.sizes.split(",") if s]:
            corpus = bench.corpus(n)
            books.append((f"{n} chapters", corpus, next((corpus / "guide").glob("*/*.md"))))
        print(f"{'book':<18} {'edits':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
        for name, book, chapter in books:
            t = sorted(measure(book, chapter, args.edits))
            p95 = t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))]
            print(f"{name:<18} {len(t):>5} {statistics.median(t):>10.1f} {p95:>8.1f} {t[-1]:>8.1f}")


if __name__ == "__main__":
    main()
