#!/usr/bin/env bash
# Times the engine (ingest plus the language layer) compiled to wasm32, in Debian's headless Chromium, on
# the text `parallax-eval speed --text-out` wrote, doing the very work the native timing does: the corpus
# pages the text repeats, each ingested, each body paragraph analysed; best of the runs. Prints one JSON line
# in the shape `parallax-eval speed` writes, so `parallax-eval speed-table` lists it with the others.
#
#   scripts/bench-wasm.sh TEXT_FILE [--corpus DIR] [--runs N] [--json-out FILE]
#
# DIR is the folder of pages the text was built from (`corpus`, as for `parallax-eval speed`). The wasm is
# built with the release profile at opt-level 3 (the release profile's "z" is for the app's size), in a
# profile of its own, `bench-wasm`; no wasm-opt pass. Needs wasm-bindgen, Chromium and playwright-core
# (`scripts/setup.sh --test`).
set -euo pipefail

usage() { echo "usage: $0 TEXT_FILE [--corpus DIR] [--runs N] [--json-out FILE]" >&2; exit 2; }
[ $# -ge 1 ] || usage
text=$(realpath -e -- "$1") || { echo "no such file: $1" >&2; exit 2; }
shift
corpus=corpus
runs=3
json_out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) [ $# -ge 2 ] || usage; corpus=$(realpath -e -- "$2"); shift 2 ;;
    --runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
    --json-out) [ $# -ge 2 ] || usage; json_out=$(realpath -m -- "$2"); shift 2 ;;
    *) usage ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen command must be the version of the crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
  echo "wasm-bindgen $want is needed (Cargo.lock): run scripts/setup.sh" >&2
  exit 1
fi
if [ ! -d e2e/node_modules/playwright-core ] || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium and playwright-core are needed: run scripts/setup.sh --test" >&2
  exit 1
fi

cargo build --locked --quiet -p parallax-bench-wasm --target wasm32-unknown-unknown --profile bench-wasm \
  --config 'profile.bench-wasm.inherits="release"' --config 'profile.bench-wasm.opt-level=3'
target_dir="${CARGO_TARGET_DIR:-target}"
site="$target_dir/bench-wasm"
rm -rf "$site"
mkdir -p "$site/pages"
wasm-bindgen --target web --out-dir "$site/pkg" \
  "$target_dir/wasm32-unknown-unknown/bench-wasm/parallax_bench_wasm.wasm"
cp crates/bench-wasm/www/index.html "$site/"
cp -- "$text" "$site/text.txt"
# The pages as `parallax-eval speed` lists them: the .txt files of the folder, sorted by name.
python3 - "$corpus" "$site" <<'PY'
import json, shutil, sys
from pathlib import Path
corpus, site = Path(sys.argv[1]), Path(sys.argv[2])
names = sorted(p.name for p in corpus.iterdir() if p.is_file() and p.suffix == ".txt")
for name in names:
    shutil.copyfile(corpus / name, site / "pages" / name)
(site / "pages.json").write_text(json.dumps(names), encoding="utf-8")
PY

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

node crates/bench-wasm/drive.mjs "http://127.0.0.1:$port/index.html" --runs "$runs" \
  ${json_out:+--json-out "$json_out"}
