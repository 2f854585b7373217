#!/usr/bin/env bash
# Fuzzes carebook with libFuzzer: builds the targets in fuzz/ with the nightly toolchain
# (no cargo-fuzz needed), re-runs the saved reproducers in fuzz/regressions/<target>/,
# then runs each target for a bounded time with the dictionary fuzz/carebook.dict and a
# seed corpus made from the fixtures, the guide and fuzz/seeds/.
#
#   bash scripts/fuzz.sh [--allow-known] [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 60; targets default to all of them (front_matter,
# chapter, pack_page, book_toml, pack_file). Exits non-zero when a target crashes (a
# panic is a crash), printing the reproducer's path. --allow-known reports a reproducer in
# fuzz/regressions/ that still crashes and skips that target instead of failing (for
# branches that predate the fix). FUZZ_ASAN=1 adds AddressSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(front_matter chapter pack_page book_toml pack_file)
allow_known=0
if [ "${1:-}" = "--allow-known" ]; then
  allow_known=1
  shift
fi
secs=60
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
  secs=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [ -f "fuzz/fuzz_targets/$t.rs" ] || { echo "error: no fuzz target \`$t\` (have: ${all_targets[*]})" >&2; exit 2; }
done

if ! rustup toolchain list 2>/dev/null | grep '^nightly' >/dev/null; then
  echo "error: fuzzing needs the nightly toolchain: rustup toolchain install nightly" >&2
  exit 2
fi

host=$(rustc +nightly -vV | sed -n 's/^host: //p')
# The flags cargo-fuzz uses: libFuzzer's coverage counters and comparison tracing.
flags="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters"
flags+=" -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares"
flags+=" --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
[ "${FUZZ_ASAN:-0}" = 1 ] && flags+=" -Zsanitizer=address"

echo "==> building fuzz targets (nightly, release, $host)"
start=$(date +%s)
# --target keeps the flags off build scripts and proc macros, as cargo-fuzz does.
(cd fuzz && RUSTFLAGS="$flags" cargo +nightly build --release --target "$host" \
  $(printf -- '--bin %s ' "${targets[@]}"))
echo "    built in $(($(date +%s) - start)) s"
bin_dir="fuzz/target/$host/release"

# Seed corpus: small committed seeds plus files from the fixtures and the guide, named
# by content so re-runs do not duplicate them. fuzz/corpus/ is kept between runs.
seed() { # seed TARGET FILE...
  local dir="fuzz/corpus/$1" f
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$dir/seed-$(sha1sum <"$f" | cut -c1-16)"
  done
}
mapfile -t markdown < <(find tests/fixtures guide fuzz/book -name '*.md' -type f | sort)
mapfile -t book_markdown < <(find fuzz/book -name '*.md' -type f | sort)
mapfile -t tomls < <(find tests/fixtures fuzz/book -name 'book.toml' -type f | sort; echo book.toml)
mapfile -t yamls < <(find tests/fixtures guide fuzz/book -type f \( -name '*.yaml' -o -name '*.yml' \) | sort)

# The scratch folders the targets make (one per process) go here, then away.
export TMPDIR="$PWD/fuzz/tmp"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

status=0
for t in "${targets[@]}"; do
  bin="$bin_dir/$t"
  case $t in
    front_matter | chapter) seed "$t" "${markdown[@]}" ;;
    # Each run renders a whole pack, so fewer runs: a small, link-heavy corpus.
    pack_page) seed "$t" "${book_markdown[@]}" ;;
    book_toml) seed "$t" "${tomls[@]}" ;;
    pack_file) seed "$t" "${yamls[@]}" ;;
  esac
  [ -d "fuzz/seeds/$t" ] && seed "$t" fuzz/seeds/"$t"/*
  mkdir -p "fuzz/artifacts/$t"

  # Known crashes first: each saved reproducer must run clean now.
  shopt -s nullglob
  regressions=(fuzz/regressions/"$t"/*)
  shopt -u nullglob
  failed=0
  for r in "${regressions[@]}"; do
    if ! "$bin" -runs=1 "$r" >"$TMPDIR/regression.log" 2>&1; then
      failed=$((failed + 1))
      echo "==> $t: the saved reproducer $r still crashes (run: $bin $r)"
      grep -m1 -E "panicked at|ERROR: libFuzzer" -A1 "$TMPDIR/regression.log" | sed 's/^/    /' || true
    fi
  done
  if [ $failed -gt 0 ]; then
    if [ $allow_known = 1 ]; then
      echo "    known crash, not fixed on this branch yet; $t is not fuzzed (--allow-known)"
      continue
    fi
    status=1
    continue
  fi
  echo "==> $t: ${#regressions[@]} saved reproducers pass; fuzzing for $secs s"

  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  set +e
  "$bin" "fuzz/corpus/$t" \
    -dict=fuzz/carebook.dict \
    -max_total_time="$secs" \
    -timeout=20 \
    -rss_limit_mb=2048 \
    -max_len=4096 \
    -artifact_prefix="fuzz/artifacts/$t/" \
    -print_final_stats=1 \
    >"$TMPDIR/$t.log" 2>&1
  rc=$?
  set -e
  grep -E "^stat::number_of_executed_units|^stat::new_units_added|Done [0-9]+ runs" "$TMPDIR/$t.log" | sed 's/^/    /' || true
  if [ $rc -ne 0 ] || [ "$(find "fuzz/artifacts/$t" -type f | wc -l)" -gt "$before" ]; then
    status=1
    echo "==> $t: CRASH (libFuzzer exit $rc)"
    grep -m1 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer" -A2 "$TMPDIR/$t.log" | sed 's/^/    /' || true
    newest=$(ls -t "fuzz/artifacts/$t" | head -1)
    if [ -n "$newest" ]; then
      echo "    reproducer: fuzz/artifacts/$t/$newest"
      echo "    re-run it:  $bin fuzz/artifacts/$t/$newest"
      echo "    once fixed, keep it: cp fuzz/artifacts/$t/$newest fuzz/regressions/$t/"
    fi
    cp "$TMPDIR/$t.log" "fuzz/artifacts/$t-last-run.log"
    echo "    full log: fuzz/artifacts/$t-last-run.log"
  fi
done
exit $status
