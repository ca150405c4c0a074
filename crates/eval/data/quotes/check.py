#!/usr/bin/env python3
"""Validate the quote-attribution development set against its source texts.

Usage: python3 crates/eval/data/quotes/check.py [path/to/shared/corpus] [set directory]
(defaults: ../shared/corpus relative to the repository root, and this directory; the held-out
batches are checked with e.g. `check.py ../shared/corpus crates/eval/data/quotes-heldout2`).

Document text, as the guideline defines it:
- gum-news/<stem>: the `# text = ` lines of ../shared/corpus/gum-news/<stem>.conllu; sentences
  joined by one space, a paragraph break at every `# newpar` line (blank line between paragraphs).
- wcxb-dev/<id>: `ground_truth.main_content` of ../shared/corpus/wcxb-dev/ground-truth/<id>.json.
- <source>/<name> otherwise: the plain text ../shared/corpus/<source>/<name>.txt.
- readability-pages/<case>: the text of ../shared/corpus/readability-pages/<case>/expected.html,
  one block per block-level element (an approximation of the eval crate's renderer; quotes are
  compared after normalising whitespace, so only the words matter).

Checks: every line parses, fields and values are valid, `n` counts 1.. per doc, every doc is listed
in documents.txt, every quote is found (after dropping double quote marks and normalising whitespace) in its document's text, in
document order, and every speaker is written in the document.
"""
import json, os, re, sys, collections
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../../../shared/corpus')
SET = sys.argv[2] if len(sys.argv) > 2 else HERE
KINDS = {'direct', 'partial', 'not_attributed'}
CUES = {'cue', 'previous_sentence', 'colon', 'running_quote', 'pronoun', 'according_to', 'none'}


def doc_text(doc):
    src, stem = doc.split('/', 1)
    if src == 'gum-news':
        paras, cur = [], []
        with open(os.path.join(CORPUS, 'gum-news', stem + '.conllu'), encoding='utf-8') as fh:
            for line in fh:
                if line.startswith('# newpar') and not line.startswith('# newpar_block'):
                    if cur:
                        paras.append(' '.join(cur))
                        cur = []
                elif line.startswith('# text = '):
                    cur.append(line[len('# text = '):].rstrip('\n'))
        if cur:
            paras.append(' '.join(cur))
        return '\n\n'.join(paras)
    if src == 'wcxb-dev':
        with open(os.path.join(CORPUS, 'wcxb-dev', 'ground-truth', stem + '.json'), encoding='utf-8') as fh:
            return json.load(fh)['ground_truth']['main_content']
    if src == 'readability-pages':
        with open(os.path.join(CORPUS, 'readability-pages', stem, 'expected.html'), encoding='utf-8') as fh:
            return html_text(fh.read())
    # Any other source is a folder of plain-text documents under the corpus: <source>/<name>.txt
    # (e.g. the fifth held-out batch's `wh-briefings/<stem>`, see its SOURCES.md).
    path = os.path.join(CORPUS, src, stem + '.txt')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as fh:
            return fh.read()
    raise ValueError(f'{doc}: no text at {path}')


BLOCKS = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table',
          'tr', 'td', 'th', 'figure', 'figcaption', 'section', 'article', 'header', 'footer', 'br', 'dd',
          'dt', 'dl', 'aside', 'hr'}


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.cur, self.skip = [], [], 0

    def flush(self):
        text = ' '.join(''.join(self.cur).split())
        if text:
            self.blocks.append(text)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ('script', 'style')
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        self.skip -= tag in ('script', 'style')
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def html_text(html):
    parser = _Blocks()
    parser.feed(html)
    parser.flush()
    return '\n\n'.join(parser.blocks)


def norm(s):
    # Double quote marks are dropped before matching: a multi-paragraph quote is recorded with
    # one space where the text has a paragraph break and the next paragraph's opening mark.
    return re.sub(r'\s+', ' ', re.sub('["\u201c\u201d]', ' ', s)).strip()


def main():
    docs = [l.strip() for l in open(os.path.join(SET, 'documents.txt')) if l.strip() and not l.startswith('#')]
    assert len(docs) == len(set(docs)), 'duplicate doc in documents.txt'
    texts = {d: norm(doc_text(d)) for d in docs}
    errors, pos, last_n = [], {}, {}
    kinds, cues = collections.Counter(), collections.Counter()
    seen_docs = set()
    for i, line in enumerate(open(os.path.join(SET, 'annotations.jsonl'), encoding='utf-8'), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f'line {i}: {e}')
            continue
        d = r.get('doc')
        if d not in texts:
            errors.append(f'line {i}: doc {d} not in documents.txt')
            continue
        seen_docs.add(d)
        if r.get('n') != last_n.get(d, 0) + 1:
            errors.append(f'line {i}: n={r.get("n")} out of sequence')
        last_n[d] = r.get('n')
        if r.get('kind') not in KINDS or r.get('cue') not in CUES:
            errors.append(f'line {i}: bad kind or cue')
        if r['kind'] == 'not_attributed' and (r.get('speaker') or r['cue'] != 'none'):
            errors.append(f'line {i}: not_attributed with a speaker or a cue')
        if r['kind'] != 'not_attributed' and not (r.get('speaker') and r.get('speaker_name')):
            errors.append(f'line {i}: attributed quote without speaker')
        q = norm(r['quote'])
        at = texts[d].find(q, pos.get(d, 0))
        if at < 0:
            where = texts[d].find(q)
            errors.append(f'line {i}: quote not found' + (' in order' if where >= 0 else '') + f': {q[:60]!r}')
        else:
            pos[d] = at + 1
        sp = r.get('speaker')
        if sp and sp.lower() not in texts[d].lower():
            errors.append(f'line {i}: speaker {sp!r} not written in the document')
        kinds[r['kind']] += 1
        cues[r['cue']] += 1
    print(f'{len(docs)} documents ({len(seen_docs)} with quotes), {sum(kinds.values())} quotes')
    print('by kind:', dict(kinds.most_common()))
    print('by cue: ', dict(cues.most_common()))
    for e in errors:
        print('ERROR', e)
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
