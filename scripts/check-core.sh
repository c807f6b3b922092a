#!/usr/bin/env bash
# Checks the engine's invariants: crates/core does no IO and depends on nothing web-specific, so it runs
# the same natively and in the browser. Prints what breaks a rule and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

# 1. No filesystem, network, process, environment or clock access in the engine's sources.
if hits=$(grep -rnE 'std::(fs|net|process|env)\b|SystemTime|Instant::now|\bweb_sys\b|\byew\b|\bjs_sys\b|\bwasm_bindgen\b' crates/core/src); then
  echo "crates/core must not do IO or use web types:"
  echo "$hits"
  status=1
fi

# 2. No web crates anywhere in its dependency tree.
tree=$(cargo tree --locked -p parallax-core -e normal --prefix none)
if bad=$(grep -E '^(web-sys|js-sys|wasm-bindgen|yew|gloo)[ -]' <<<"$tree"); then
  echo "crates/core depends on web crates:"
  echo "$bad"
  status=1
fi

# 3. It builds for the browser.
cargo build --locked -p parallax-core --target wasm32-unknown-unknown --quiet || status=1

[ "$status" = 0 ] && echo "check-core: crates/core is pure (no IO, no web crates) and builds for wasm32"
exit "$status"
