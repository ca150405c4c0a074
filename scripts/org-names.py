#!/usr/bin/env python3
"""Builds crates/extract/models/org_names.txt, the organisation names the entity tagger looks up.

Sources (all public domain or CC0; see crates/extract/models/SOURCES.md for commits):
  openfootball/clubs                  football clubs and their short names (CC0 1.0)
  datasets/s-and-p-500-companies      S&P 500 companies' common names (ODC-PDDL 1.0)
  datasets/nasdaq-listings            Nasdaq-listed companies (ODC-PDDL 1.0)
  datasets/nyse-other-listings        NYSE and other listed companies (ODC-PDDL 1.0)

Usage: python3 scripts/org-names.py CLUBS SP500 NASDAQ NYSE > crates/extract/models/org_names.txt
(each argument a clone of the repository above, at the commit SOURCES.md names). The output is
sorted and deduplicated, so the same inputs give the same bytes.
"""

import csv
import io
import os
import re
import sys

# Words a company's listed name carries that its name in the news drops.
COMPANY_FORMS = {
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company",
    "ltd", "ltd.", "limited", "plc", "p.l.c.", "holdings", "holding", "group", "n.v.", "nv",
    "s.a.", "sa", "ag", "se", "llc", "l.l.c.", "lp", "l.p.", "the", "&", "and", "bancorp",
    "s.p.a.", "a/s", "asa", "ab", "oyj", "kgaa", "sab", "de", "c.v.", "cv", "bhd", "tbk",
}
# A listing line whose security is not a company's plain shares.
SKIP = re.compile(
    r"\b(ETF|ETN|Fund|Trust|Acquisition|Warrants?|Rights?|Units?|Notes?|Debentures?|"
    r"Preferred|Depositary|Index|Portfolio|Capital Corp|Income|Municipal|Bond|Treasury|"
    r"Strategy|Strategies|Opportunities|Shares Series)\b"
)
CUT = re.compile(
    r"\s+(-|–|Common Stock|Ordinary Shares|Class [A-Z]\b|American Depositary|Common Shares|"
    r"Subordinate|Voting|New York Registry|Series [A-Z0-9]|Perpetual|\(The\)).*$",
    re.IGNORECASE,
)


def company_name(listed: str) -> str | None:
    """The name a listed company goes by: the listing's extras and legal form cut."""
    if SKIP.search(listed):
        return None
    name = CUT.sub("", listed.strip()).strip(" ,")
    words = name.replace(",", " ").split()
    while words and words[-1].lower() in COMPANY_FORMS:
        words.pop()
    if words and words[0].lower() == "the":
        words.pop(0)
    name = " ".join(words)
    return name if is_name(name) else None


def is_name(name: str) -> bool:
    """A name worth looking up: starts with a capital or digit, has three or more letters."""
    letters = sum(c.isalpha() for c in name)
    return bool(name) and (name[0].isupper() or name[0].isdigit()) and letters >= 3


def clubs(root: str):
    """Club names and their short forms from openfootball's `*.clubs.txt` files."""
    for folder, _, files in sorted(os.walk(root)):
        for file in sorted(files):
            if not file.endswith(".clubs.txt") or ".lang." in file:
                continue
            with open(os.path.join(folder, file), encoding="utf-8") as f:
                for line in f:
                    line = line.split("#", 1)[0].rstrip()
                    if not line or line[0] in "=#" or "//" in line or line.startswith("ii)"):
                        continue
                    if line.lstrip().startswith("|"):
                        names = line.split("|")[1:]
                    elif line[0].isspace():
                        continue
                    else:
                        names = [line.split(",", 1)[0]]
                    for name in names:
                        name = re.sub(r"\[[a-z]{2}\]", "", name).strip()
                        if is_name(name):
                            yield name


def listed(path: str, column: str, etf_column: str | None):
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(io.StringIO(f.read())):
            if etf_column and row.get(etf_column) == "Y":
                continue
            name = company_name(row[column])
            if name:
                yield name


# Well-known organisations of world news that no list above holds: news agencies and papers,
# international bodies, central banks, agencies, parties, courts and federations (facts, written
# by hand; short forms as the press writes them).
CURATED = """
Reuters|Associated Press|Agence France-Presse|AFP|Bloomberg|Xinhua|Interfax|Itar-Tass|Tass|
Kyodo|Yonhap|KCNA|Anadolu|Dow Jones|BBC|CNN|Al Jazeera|New York Times|Washington Post|
Wall Street Journal|Financial Times|Guardian|Le Monde|Der Spiegel|
United Nations|U.N.|UN|European Union|EU|European Commission|European Parliament|NATO|OPEC|
IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|WHO|
World Health Organization|UNESCO|UNICEF|UNHCR|Red Cross|Interpol|Europol|FIFA|UEFA|IOC|
International Olympic Committee|ICC|ASEAN|African Union|Arab League|G7|G20|OECD|
Security Council|General Assembly|Federal Reserve|Fed|Bundesbank|Bank of England|
European Central Bank|ECB|Bank of Japan|People's Bank of China|Reserve Bank of India|
NASA|FBI|CIA|NSA|EPA|FDA|SEC|FAA|IRS|Pentagon|Congress|Senate|House of Representatives|
Supreme Court|Nasdaq|NYSE|New York Stock Exchange|London Stock Exchange|
Hamas|Hezbollah|PLO|Fatah|Taliban|IRA|Sinn Fein|ANC|Likud|Labour|Labour Party|
Conservative Party|Liberal Democrats|Democratic Party|Republican Party|Bundestag|Duma|
Knesset|Kremlin|Politburo|Greenpeace|Amnesty International|Human Rights Watch|
"""


def ambiguous_words() -> set[str]:
    """Lower-cased words that alone are no organisation's name: the given names and the common
    words the extractor ships (a club "Tom" or a company "Target" would mark every "Tom")."""
    models = os.path.join(os.path.dirname(__file__), "..", "crates", "extract", "models")
    words = set()
    with open(os.path.join(models, "given_names.tsv"), encoding="utf-8") as f:
        words.update(l.split("\t")[0] for l in f if not l.startswith("#"))
    with open(os.path.join(models, "common_words.txt"), encoding="utf-8") as f:
        words.update(l.strip() for l in f if not l.startswith("#"))
    return words


def main() -> None:
    clubs_dir, sp500, nasdaq, nyse = sys.argv[1:5]
    names = set(clubs(clubs_dir))
    names.update(listed(os.path.join(sp500, "data/constituents.csv"), "Security", None))
    names.update(listed(os.path.join(nasdaq, "data/nasdaq-listed-symbols.csv"), "Company Name", "ETF"))
    names.update(listed(os.path.join(nyse, "data/nyse-listed.csv"), "Company Name", None))
    names.update(listed(os.path.join(nyse, "data/other-listed.csv"), "Company Name", "ETF"))
    names.update(n.strip() for n in CURATED.replace("\n", "").split("|") if n.strip())
    ambiguous = ambiguous_words()
    names = {
        n for n in names
        if not n.startswith("The ") and not (" " not in n and n.lower() in ambiguous)
    }
    print("# Organisation names: football clubs (openfootball/clubs, CC0 1.0) and listed companies")
    print("# (datasets/s-and-p-500-companies, nasdaq-listings, nyse-other-listings, ODC-PDDL 1.0),")
    print("# and well-known bodies of world news written by hand (scripts/org-names.py, CURATED).")
    print("# Built by scripts/org-names.py; sources and commits in SOURCES.md. One name a line.")
    for name in sorted(names):
        print(name)


if __name__ == "__main__":
    main()
