#!/usr/bin/env bash
# Runs every carebook test on a fresh machine. Installs what the tests need first:
# Debian's Chromium, poppler-utils and DejaVu fonts (browser and print tests), a Java runtime
# for the Nu HTML checker, and the npm packages playwright-core (which drives that Chromium;
# it never downloads a browser), axe-core and vnu-jar (the accessibility and HTML checkers).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The desk-card print tests look for the ☐ glyph, which DejaVu Sans provides.
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  echo "==> installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "==> npm packages for the browser tests"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

echo "==> format and lint"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

echo "==> Rust tests"
cargo test --locked

echo "==> fuzz targets (a short run of each)"
if rustup toolchain list 2>/dev/null | grep '^nightly' >/dev/null; then
  # Saved reproducers first, then 20 s of fuzzing per target; a crash fails the tests.
  bash scripts/fuzz.sh 20
else
  echo "notice: nightly toolchain not found; fuzz targets skipped"
fi

echo "==> browser tests (headless Chromium)"
export CAREBOOK_BIN="$PWD/target/debug/carebook"
(cd tests/browser && node --test --test-concurrency=1)
