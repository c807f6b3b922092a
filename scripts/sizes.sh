#!/usr/bin/env bash
# Prints the sizes of a built site's wasm and JS, raw and gzipped, as a Markdown table.
set -euo pipefail
dist="${1:-dist}"
printf '| file | raw bytes | gzip -9 bytes |\n|---|---:|---:|\n'
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -e "$f" ] || continue
  name=$(basename "$f" | sed -E 's/-[0-9a-f]{16}//')
  printf '| %s | %d | %d |\n' "$name" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
