#!/usr/bin/env python3
"""Time carebook on hostile inputs, with an upper bound for each (issue 14).

Each case is a small book generated in a temporary folder; `carebook build` and
`carebook check` run on it with the release binary, and the case fails when a run
takes longer than its bound or does not end the way it should (exit code, message).

- YAML nested 100,000 levels deep (flow `[`/`{`, over many lines, block `- - -`, and
  in a pack file) must be refused in well under a second: before the depth limit,
  50,000 levels took 8.5 s and 100,000 took 42 s, in build, check and serve alike.
- A 50 MB chapter is built with a warning naming its size and the limit; its time is
  printed (it is proportional to the size), with a generous bound.

Usage: scripts/bench_inputs.py [--bin target/release/carebook] [--runs 3]
Without --bin, the release binary is built first (`cargo build --release`).
Exits 1 when any case fails.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEEP = 100_000


def chapter_with_title(value):
    return f"---\ntitle: {value}\nsummary: S\n---\n\nText.\n"


def deep_cases():
    """(name, files, expected exit code, text expected in the output, bound in seconds)."""
    limit = "nested more than 64 levels deep"
    return [
        ("flow [ x100k", {"guide/a.md": chapter_with_title("[" * DEEP + "]" * DEEP)}, 1, limit, 0.5),
        ("flow { x100k", {"guide/a.md": chapter_with_title("{a: " * DEEP + "}" * DEEP)}, 1, limit, 0.5),
        ("flow [ one per line", {"guide/a.md": chapter_with_title("[\n" * DEEP + "]" * DEEP)}, 1, limit, 0.5),
        ("block - x100k", {"guide/a.md": "---\ntags:\n" + "- " * DEEP + "x\n---\n"}, 1, limit, 0.5),
        (
            "pack file [ x100k",
            {"guide/a.md": chapter_with_title("A"), "packs/p.yaml": "title: P\nchapters: " + "[" * DEEP + "]" * DEEP + "\n"},
            1,
            limit,
            0.5,
        ),
        (
            "50 MB chapter",
            {"guide/big.md": "---\ntitle: Big\ncard: false\n---\n\n" + ("All work and no play makes a long chapter.\n\n" * 1_150_000)},
            0,
            "more than the 5 MB a chapter should be",
            30.0,
        ),
    ]


def make_book(dir, files):
    (dir / "book.toml").write_text('title = "Bench"\n')
    for rel, text in files.items():
        path = dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run(binary, args, cwd):
    start = time.perf_counter()
    proc = subprocess.run([str(binary), *args], cwd=cwd, capture_output=True, text=True, errors="replace")
    return time.perf_counter() - start, proc.returncode, proc.stdout + proc.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", type=Path, help="carebook binary (default: build target/release/carebook)")
    ap.add_argument("--runs", type=int, default=3, help="runs per case and command; the median is compared")
    args = ap.parse_args()
    binary = args.bin
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = ROOT / "target" / "release" / "carebook"
    binary = binary.resolve()
    env_note = "" if "release" in str(binary) else "  (not a release binary: bounds are for release builds)"
    print(f"carebook: {binary}{env_note}")
    print(f"{'case':<22} {'command':<8} {'median s':>9} {'bound s':>8}  result")
    failures = 0
    for name, files, code, expected, bound in deep_cases():
        with tempfile.TemporaryDirectory() as tmp:
            book = Path(tmp)
            make_book(book, files)
            for command in (["build"], ["check", "--format", "line"]):
                times, problems = [], []
                for _ in range(args.runs):
                    secs, got, out = run(binary, command, book)
                    times.append(secs)
                    if got != code:
                        problems.append(f"exit {got}, expected {code}")
                    if expected not in out:
                        problems.append(f"output lacks {expected!r}: {out[:300]!r}")
                median = statistics.median(times)
                if median > bound:
                    problems.append(f"slower than {bound} s")
                result = "ok" if not problems else "FAIL: " + "; ".join(sorted(set(problems)))
                failures += bool(problems)
                print(f"{name:<22} {command[0]:<8} {median:>9.3f} {bound:>8.1f}  {result}")
    if failures:
        print(f"{failures} case(s) failed")
        sys.exit(1)


if __name__ == "__main__":
    main()
