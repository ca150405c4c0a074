#!/usr/bin/env python3
"""Scores trafilatura's metadata (title, author, publication date) on a WCXB folder the way
`article-enricher-eval content` scores ours (crates/eval/src/content.rs):

- title and author: lower-cased, whitespace collapsed, exact match; an empty value is no value;
  an author also matches when trafilatura's "A; B" list, joined by ", " as our authors are, does;
- date: the first ten characters (YYYY-MM-DD);
- a field is judged on the pages whose ground truth has it; pages without main content are left
  out, as the eval does; `--half even|odd` keeps the pages by the parity of their number.

Usage: python3 scripts/compare-metadata.py ../shared/corpus/wcxb-dev [--half even|odd]
Needs `pip install trafilatura==2.3.1 lxml_html_clean` (trafilatura pinned: its figures are the
ones compared in issue #15; lxml 6 moved the cleaner trafilatura imports into `lxml_html_clean`).
"""

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

import trafilatura


def folded(value):
    if value is None:
        return None
    value = " ".join(value.split()).lower()
    return value or None


def day(value):
    return None if value is None else value.strip()[:10]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--half", choices=["even", "odd"])
    args = parser.parse_args()
    root = Path(args.corpus)
    files = json.loads((root / "metadata.json").read_text())["files"]
    judged = {"title": 0, "author": 0, "date": 0}
    right = {"title": 0, "author": 0, "date": 0}
    for name in sorted(files):
        number = int(re.sub(r"\D", "", name) or 0)
        if args.half and (number % 2 == 0) != (args.half == "even"):
            continue
        truth = json.loads((root / "ground-truth" / f"{name}.json").read_text())
        expected = truth["ground_truth"]
        if expected.get("main_content") is None:
            continue
        html = gzip.decompress((root / "html" / f"{name}.html.gz").read_bytes())
        try:
            meta = trafilatura.extract_metadata(html.decode("utf-8", "replace"), default_url=truth.get("url"))
        except Exception:  # noqa: BLE001 - a page trafilatura cannot read scores as empty
            meta = None
        got = meta.as_dict() if meta is not None else {}
        if expected.get("title") is not None:
            judged["title"] += 1
            right["title"] += folded(got.get("title")) == folded(expected["title"])
        if expected.get("author") is not None:
            judged["author"] += 1
            author = got.get("author")
            joined = author.replace("; ", ", ") if author else None
            want = folded(expected["author"])
            right["author"] += folded(author) == want or folded(joined) == want
        if expected.get("publish_date") is not None:
            judged["date"] += 1
            right["date"] += day(got.get("date")) == day(expected["publish_date"])
    label = f"trafilatura {trafilatura.__version__}"
    cells = "  ".join(
        f"{field} {100 * right[field] / judged[field]:.1f}% ({judged[field]})" if judged[field] else f"{field} -"
        for field in ("title", "author", "date")
    )
    print(f"{label}  {cells}")


if __name__ == "__main__":
    sys.exit(main())
