#!/usr/bin/env bash
# Installs the tools Parallax builds and tests with, at pinned versions, from the package registries only.
# Idempotent: a tool already present at the right version is left alone, so a second run takes seconds.
#
#   scripts/setup.sh          what `make serve` and `make dist` need (wasm target, wasm-bindgen, trunk, wasm-opt)
#   scripts/setup.sh --test   the same, plus Chromium, ChromeDriver and the end-to-end test driver
#   scripts/setup.sh --bench  the same as --test, plus the benchmarks' peer for built sites (Pagefind, from npm)
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
want_test=0
want_bench=0
[ "${1:-}" = "--test" ] && want_test=1
[ "${1:-}" = "--bench" ] && want_test=1 && want_bench=1

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes the first time)"
  # Not --locked: the registry lacks one version the upstream lock file names; the resolver finds another.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 17 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

# wasm-opt from npm's binaryen: Debian's is too old to read what this Rust emits.
if ! tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing binaryen (wasm-opt) from npm into tools/node_modules"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$want_test" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
  fi
  # The end-to-end packages (playwright-core, axe-core) at exactly the versions e2e/package-lock.json pins:
  # reinstalled whenever the lock file changes.
  want_e2e=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
  have_e2e=$(cat e2e/node_modules/.parallax-lock 2>/dev/null || true)
  if [ "$want_e2e" != "$have_e2e" ]; then
    say "installing the end-to-end packages (playwright-core with Debian's chromium, axe-core) into e2e/node_modules"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want_e2e" > e2e/node_modules/.parallax-lock
  fi
fi
if [ "$want_bench" = 1 ] && ! tools/pagefind/node_modules/.bin/pagefind --version 2>/dev/null | grep -qx 'pagefind 1.6.0'; then
  say "installing Pagefind 1.6.0 from npm into tools/pagefind (the built-site benchmark's peer)"
  # The lock file names every platform's binary package (npm 11 refuses a lock without them); those of
  # other systems carry no address or checksum, as they are never fetched on Linux.
  (cd tools/pagefind && npm ci --no-audit --no-fund --loglevel=error)
fi
say "tools ready"
