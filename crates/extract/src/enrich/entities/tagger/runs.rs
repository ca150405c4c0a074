//! Runs of capitalised words (with connectors such as "of" inside) and the cues that type a
//! whole run: its head words ("Ministry of Defence", "Acme plc", "Lavernock Point"), the words
//! around it ("shares of Acme", "an Acme spokesman") and what the rest of the document says about
//! its words (a word of an organisation's name elsewhere, a person's surname elsewhere). The
//! tagger reads a ±2 word window; these reach from every word of a long name to its head and to
//! its context, and across sentences.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::super::super::tokens::{Token, TokenKind};
use super::super::lexicon::{
    self, CONNECTORS, ORG_CONTEXT_AFTER, ORG_CONTEXT_BEFORE, is_capitalized,
};

/// What a run's own words say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// An organisation word anywhere or a company/club suffix last.
    Org,
    /// A place word last or a place word first ("Mount …").
    Place,
    /// Neither.
    Plain,
}

impl Head {
    pub fn feature(self) -> &'static str {
        match self {
            Head::Org => "run:org",
            Head::Place => "run:place",
            Head::Plain => "run:n",
        }
    }
}

/// One run of capitalised words in a sentence (token range, absolute).
#[derive(Debug, Clone)]
pub struct Run {
    pub range: Range<usize>,
    pub head: Head,
    /// The words before or after it say organisation.
    pub org_context: bool,
}

/// What the word lists say about one word, as runs read it.
#[derive(Debug, Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)]
pub struct Cues {
    /// An organisation word ("Ministry", "University").
    pub org: bool,
    /// A company form or club name that ends an organisation's name ("plc", "United").
    pub org_suffix: bool,
    /// A place word that ends a place's name ("River", "Point").
    pub place: bool,
    /// A place word that starts one ("Mount", "Lake").
    pub place_lead: bool,
    /// A given name, title or honorific: the run's words after it are a person's.
    pub person_lead: bool,
    /// Seen capitalised inside a sentence somewhere in the document.
    pub capitalised_mid_sentence: bool,
}

impl Cues {
    /// Whether the word is a cue itself, not part of what it names.
    fn is_cue(self) -> bool {
        self.org || self.org_suffix || self.place || self.place_lead || self.person_lead
    }
}

/// The capitalised runs of the sentence `range`, in order.
pub fn runs(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    cues: &dyn Fn(&str) -> Cues,
) -> Vec<Run> {
    let word = |i: usize| tokens[i].text(text);
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if tokens[i].kind != TokenKind::Word || !is_capitalized(word(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < range.end && tokens[j].kind == TokenKind::Word {
            if is_capitalized(word(j)) {
                j += 1;
            } else if CONNECTORS.contains(&word(j))
                && j + 1 < range.end
                && is_capitalized(word(j + 1))
            {
                j += 2;
            } else {
                break;
            }
        }
        // "Shares of Acme rose": a sentence's capitalised first word before "of", never
        // capitalised elsewhere and no cue itself, is a common word, not part of the name.
        let first = cues(word(i));
        if i == range.start
            && j - i > 2
            && CONNECTORS.contains(&word(i + 1))
            && !first.capitalised_mid_sentence
            && !first.is_cue()
        {
            i += 2;
        }
        let last = cues(word(j - 1));
        let head = if (i..j).any(|k| cues(word(k)).org) || (j - i > 1 && last.org_suffix) {
            Head::Org
        } else if j - i > 1 && (last.place || cues(word(i)).place_lead) {
            Head::Place
        } else {
            Head::Plain
        };
        let org_context = org_context(text, tokens, range.clone(), i..j);
        out.push(Run {
            range: i..j,
            head,
            org_context,
        });
        i = j;
    }
    out
}

/// "shares of Acme", "a spokesman for Acme", "Acme said in a statement", "an Acme spokesman".
fn org_context(text: &str, tokens: &[Token], sentence: Range<usize>, run: Range<usize>) -> bool {
    let lower = |i: usize| tokens[i].text(text).to_lowercase();
    let before1 = (run.start > sentence.start).then(|| lower(run.start - 1));
    let before2 = (run.start > sentence.start + 1).then(|| lower(run.start - 2));
    let before = ORG_CONTEXT_BEFORE.iter().any(|(two, one)| {
        before1.as_deref() == Some(*one) && (two.is_empty() || before2.as_deref() == Some(*two))
    });
    if before {
        return true;
    }
    let mut k = run.end;
    // "Acme's shares": past the possessive.
    if k < sentence.end && matches!(tokens[k].text(text), "'s" | "’s") {
        k += 1;
    }
    if k >= sentence.end {
        return false;
    }
    let next = lower(k);
    if ORG_CONTEXT_AFTER.contains(&next.as_str()) {
        return true;
    }
    // "Acme said in a statement".
    let words: Vec<String> = (k..sentence.end.min(k + 4)).map(lower).collect();
    words.len() == 4
        && lexicon::SPEECH_VERBS.contains(words[0].as_str())
        && words[1] == "in"
        && words[2] == "a"
        && words[3] == "statement"
}

/// What the document says about each capitalised word across its runs: a word of an
/// organisation's name ("Acme" of "Acme Holdings Ltd"), of a person's name after a given name or
/// title ("Ruiz" of "Ana Ruiz"), of a place's name.
#[derive(Default)]
pub struct DocumentRuns<'a> {
    seen: FxHashMap<&'a str, u8>,
}

const IN_ORG: u8 = 1;
const IN_PERSON: u8 = 1 << 1;
const IN_PLACE: u8 = 1 << 2;

impl<'a> DocumentRuns<'a> {
    /// Gathers the evidence of every sentence's runs. Cue words themselves (organisation,
    /// place, role words, given names) carry no evidence about a name.
    pub fn new(text: &'a str, tokens: &[Token], runs: &[Run], cues: &dyn Fn(&str) -> Cues) -> Self {
        let mut seen: FxHashMap<&'a str, u8> = FxHashMap::default();
        for run in runs {
            let words: Vec<&'a str> = run.range.clone().map(|i| tokens[i].text(text)).collect();
            // The words before a connector: "Acme" of "Acme Holdings Ltd", nothing of "Bank of
            // England" (England is not a bank's name elsewhere).
            let own = words
                .iter()
                .position(|w| CONNECTORS.contains(w))
                .unwrap_or(words.len());
            let mut mark = |from: usize, flag: u8| {
                for w in words.get(from..own).unwrap_or_default() {
                    if is_capitalized(w) && !cues(w).is_cue() && !lexicon::FUNCTION_WORDS.contains(w)
                    {
                        *seen.entry(w).or_default() |= flag;
                    }
                }
            };
            if run.head == Head::Org || run.org_context {
                mark(0, IN_ORG);
            } else if run.head == Head::Place {
                mark(0, IN_PLACE);
            } else if words.len() > 1
                && let Some(lead) = words[..words.len() - 1].iter().rposition(|w| cues(w).person_lead)
            {
                mark(lead + 1, IN_PERSON);
            }
        }
        Self { seen }
    }

    /// The features of a word of a run: "doc=org", "doc=per", "doc=loc".
    pub fn features(&self, word: &str) -> impl Iterator<Item = &'static str> {
        let flags = self.seen.get(word).copied().unwrap_or(0);
        [
            (IN_ORG, "doc=org"),
            (IN_PERSON, "doc=per"),
            (IN_PLACE, "doc=loc"),
        ]
        .into_iter()
        .filter(move |(f, _)| flags & f != 0)
        .map(|(_, name)| name)
    }
}
