#!/usr/bin/env python3
"""Builds `crates/extract/models/common_words.txt`: words that running English text writes in
lower case, for the entity tidy pass (a lone capitalised common word at the start of a line or
sentence — "Coverage", "Forecasting" — is a heading or an opener, not a name).

Counted on the main-content text of WCXB's article pages (`../shared/corpus/wcxb-dev`, CC BY
4.0; the forum, product and service pages the rule is checked on are not read). A word counts
only where it stands inside a sentence after another word (a capital there is a name's capital,
not a sentence's) and on lines that are not title case (headings, menus); a word is kept when it was seen there at least MIN_SEEN times and written in
lower case at least SHARE of them. Deterministic: the same corpus gives the same bytes.

Usage: python3 scripts/common-words.py ../shared/corpus/wcxb-dev > crates/extract/models/common_words.txt
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_SEEN = 5
SHARE = 0.9
WORD = re.compile(r"[A-Za-z][a-z]+(?:['’-][a-z]+)*|[.!?:;\n•|]")


def is_title_case(tokens: list) -> bool:
    """A heading or menu line: most of its words of four letters or more are capitalised."""
    long = [t for t in tokens if len(t) >= 4]
    return not long or 2 * sum(t[0].isupper() for t in long) >= len(long)


def main() -> None:
    root = Path(sys.argv[1])
    files = json.loads((root / "metadata.json").read_text())["files"]
    lower: Counter = Counter()
    seen: Counter = Counter()
    for fid, meta in sorted(files.items()):
        if meta["page_type"] != "article":
            continue
        path = root / "ground-truth" / f"{fid}.json"
        if not path.exists():
            continue
        text = json.loads(path.read_text())["ground_truth"].get("main_content") or ""
        for line in text.split("\n"):
            tokens = WORD.findall(line)
            if is_title_case(tokens):
                continue
            previous_is_word = False
            for token in tokens:
                is_word = token[0].isalpha()
                if is_word and previous_is_word:
                    key = token.lower()
                    seen[key] += 1
                    if token[0].islower():
                        lower[key] += 1
                previous_is_word = is_word
    words = sorted(w for w, n in seen.items() if n >= MIN_SEEN and lower[w] >= SHARE * n)
    sys.stdout.write(
        "# Lower-case words of running English text (scripts/common-words.py on WCXB dev's article\n"
        f"# pages, CC BY 4.0): seen inside a sentence at least {MIN_SEEN} times, in lower case at\n"
        f"# least {SHARE:.0%} of them. {len(words)} words.\n"
    )
    for w in words:
        sys.stdout.write(w + "\n")


if __name__ == "__main__":
    main()
