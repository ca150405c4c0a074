//! Speakers in a quote's own sentence: who a speech verb's subject is (an entity mention, a
//! pronoun, a group, a descriptive noun phrase or a capitalised name the tagger missed), and
//! the attribution patterns around a quote — after it ("…," Ruiz said / said Ruiz / he said /
//! the lawmaker said), before it (Ruiz told reporters: "…"), and "according to X".

use super::cues::{
    ACCORDING_TO, DOCUMENT_NOUNS, ORGANISATION_PRONOUNS, IN_THE_WORDS_OF, DOCUMENT_VERBS, GROUP_NOUNS, HeadKind, NAME_TITLES, NP_DETERMINERS, NP_MAX_WORDS,
    NP_STOPS, PERSON_NOUNS, ROLE_MODIFIERS, SUBJECT_PRONOUNS, VERB_GAP_WORDS, head_kind,
    is_speech_verb,
};
use std::rc::Rc;

pub use super::index::Speaker;
use super::cues::PREPOSITIONS;
use super::index::{Index, Walk, token_at};
use crate::enrich::entities::Kind;
use crate::enrich::tokens::TokenKind;
use crate::enrich::words::STOPWORDS;

/// How an attribution was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// A speech verb and its subject.
    Verb,
    /// "according to X".
    AccordingTo,
}

/// An attribution: the speaker, the cue word, how it was written, and the byte after it.
pub type Attribution = (Speaker, String, Pattern, usize);

/// Whether a speech verb follows token `k`, allowing a gap word or two ("also said").
fn cue_follows(index: &Index<'_>, k: usize) -> Option<usize> {
    (k..k + 3)
        .take_while(|j| *j == k || VERB_GAP_WORDS.contains(&index.word(*j - 1)))
        .find(|j| is_speech_verb(index.word(*j)))
}

fn is_word(index: &Index<'_>, k: usize) -> bool {
    index.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
}

fn capitalised(index: &Index<'_>, k: usize) -> bool {
    is_word(index, k)
        && index.word(k).chars().next().is_some_and(char::is_uppercase)
        && !STOPWORDS.contains(&index.word(k).to_lowercase().as_str())
}

/// A speaker starting at token `i`, and the byte after it. Entities (not places), titles before
/// a name, pronouns and groups count anywhere; a descriptive noun phrase or an untagged
/// capitalised name counts only when a speech verb follows it, unless `need_cue` is false.
pub fn speaker_at(index: &Index<'_>, i: usize, need_cue: bool) -> Option<(Speaker, usize)> {
    speaker_at_with(index, i, need_cue, false)
}

/// The next speech verb after token `k` in its sentence, within a few words.
fn next_verb(index: &Index<'_>, k: usize) -> Option<usize> {
    let sentence = index.tokens.get(k)?.sentence;
    (k + 1..k + 16)
        .take_while(|j| index.tokens.get(*j).is_some_and(|t| t.sentence == sentence))
        .find(|j| is_speech_verb(index.word(*j)))
}

/// [`speaker_at`]; a written source ("the report") speaks when `documents` is true (after
/// "according to" or a document verb before it), else only when the next speech verb is a
/// document verb ("the report read").
fn speaker_at_with(
    index: &Index<'_>,
    i: usize,
    need_cue: bool,
    documents: bool,
) -> Option<(Speaker, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let t = tokens.get(i)?;
    // "Ms. Lindqvist": a title the tagger left out of the name.
    if NAME_TITLES.contains(&t.text(text)) {
        let next = if index.word(i + 1) == "." { i + 2 } else { i + 1 };
        if capitalised(index, next) {
            return speaker_at(index, next, need_cue);
        }
    }
    // "C. Eugene Steuerle": an initial the tagger left out of the name it opens.
    if index.word(i).chars().count() == 1
        && capitalised(index, i)
        && index.word(i + 1) == "."
        && let Some(m) = index.tokens.get(i + 2).and_then(|n| index.mention_at(n.start))
        && index.entities[m.entity].kind == Kind::Person
    {
        return Some((Speaker::Entity(m.entity), m.end));
    }
    if let Some(m) = index.mention_at(t.start)
        && let Some(end) = owned_agent(index, token_at(tokens, m.end))
    {
        return Some((Speaker::Phrase(text[m.start..end].to_owned()), end));
    }
    if let Some(m) = index.mention_at(t.start) {
        // "Georgia Silvera Seamans" tagged as a place: a given name and a surname are a person.
        let written = &text[m.start..m.end];
        let person_name = written.contains(' ')
            && written.split_whitespace().next().and_then(super::cues::given_name_gender).is_some();
        if index.entities[m.entity].kind == Kind::Location && person_name {
            return Some((Speaker::Name(written.to_owned()), m.end));
        }
        return (index.entities[m.entity].kind != Kind::Location)
            .then_some((Speaker::Entity(m.entity), m.end));
    }
    // A title before the name: "Finance Minister Rachel Reeves".
    if capitalised(index, i) {
        let mut k = i + 1;
        while k < i + 4 && capitalised(index, k) {
            if let Some(m) = index.mention_at(tokens[k].start) {
                return (index.entities[m.entity].kind != Kind::Location)
                    .then_some((Speaker::Entity(m.entity), m.end));
            }
            k += 1;
        }
    }
    let w = t.text(text);
    if SUBJECT_PRONOUNS.contains(&w)
        || ORGANISATION_PRONOUNS.contains(&w) && cue_follows(index, i + 1).is_some()
    {
        return Some((Speaker::Pronoun(w.to_owned()), t.end));
    }
    if let Some((g, end)) = group_at(index, i) {
        return Some((Speaker::Phrase(g), end));
    }
    let (found, last) = match phrase_at(index, i) {
        Some((found, last, HeadKind::Document)) => {
            let verb = next_verb(index, last);
            if !documents && !verb.is_some_and(|v| DOCUMENT_VERBS.contains(&index.word(v))) {
                return None;
            }
            (found, last)
        }
        Some((found, last, HeadKind::Agent)) => (found, last),
        None => bare_phrase_at(index, i)
            .or_else(|| name_at(index, i))
            .or_else(|| name_after_article(index, i))?,
    };
    if !need_cue || cue_follows(index, last + 1).is_some() {
        return Some((found, tokens[last].end));
    }
    // "a law professor who says “…”": a relative clause whose verb is a speech verb.
    if index.word(last + 1) == "who" && cue_follows(index, last + 2).is_some() {
        return Some((found, tokens[last].end));
    }
    // "Mu Li, of the university's school, said": an apposition between commas before the verb.
    if index.word(last + 1) == ","
        && let Some(close) = (last + 2..last + 14)
            .take_while(|j| is_word(index, *j) || matches!(index.word(*j), "," | "’s" | "'s" | "-"))
            .find(|j| index.word(*j) == ",")
        && cue_follows(index, close + 1).is_some()
    {
        return Some((found, tokens[last].end));
    }
    // "her mother, Fiona, said": a name standing between two commas right before the verb.
    if matches!(found, Speaker::Name(_))
        && i > 0
        && index.word(i - 1) == ","
        && index.word(last + 1) == ","
        && cue_follows(index, last + 2).is_some()
    {
        return Some((found, tokens[last].end));
    }
    // "the father of two said": the speaker is the head phrase; "of" and up to two words may
    // stand between it and the verb.
    (index.word(last + 1) == "of")
        .then(|| (last + 2..last + 4).find(|j| is_word(index, *j) && cue_follows(index, j + 1).is_some()))
        .flatten()
        .map(|j| (found, tokens[j].end))
}

/// "Legal scholars have found", "Planetary defense researcher Ana Ruiz": a noun phrase with no
/// determiner, up to [`NP_MAX_WORDS`] words ending in a noun that speaks ([`HeadKind::Agent`]),
/// every word lower-case but the first when it opens the sentence (or follows a quote mark).
/// The tagger's names are not read as one. Its last token.
fn bare_phrase_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let t = tokens.get(i)?;
    let lower = |k: usize| is_word(index, k) && index.word(k).starts_with(char::is_lowercase);
    let opens = i == index.sentence_start(t.sentence)
        || matches!(index.word(i - 1), "“" | "”" | "\"" | "-" | "—" | ":");
    let first_ok = lower(i) || opens && capitalised(index, i);
    if !first_ok || index.mention_at(t.start).is_some() || STOPWORDS.contains(&index.word(i).to_lowercase().as_str()) {
        return None;
    }
    let agent = |k: usize| head_kind(index.word(k)) == Some(HeadKind::Agent) && !is_speech_verb(index.word(k));
    // With no tags for parts of speech, the phrase ends at its first speaking noun (and the
    // speaking nouns right after it, "police officers"): "Audience reviewers gave it 67%".
    let mut last = i;
    while !agent(last) {
        let w = index.word(last + 1);
        if last >= i + NP_MAX_WORDS
            || !lower(last + 1)
            || NP_STOPS.contains(&w)
            || STOPWORDS.contains(&w)
            || is_speech_verb(w)
        {
            return None;
        }
        last += 1;
    }
    while last < i + NP_MAX_WORDS && lower(last + 1) && agent(last + 1) {
        last += 1;
    }
    // "user jayk1984", "defense researcher Ana Ruiz": a role before a name; the name speaks.
    let next = index.tokens.get(last + 1).map(|t| t.start);
    let handle_at = |b: usize| {
        let at = index.handles.partition_point(|h| h.start < b);
        index.handles.get(at).is_some_and(|h| h.start == b)
    };
    if capitalised(index, last + 1) || next.is_some_and(handle_at) {
        return None;
    }
    let head = index.word(last);
    // One capitalised word alone is a title before a name ("Undersecretary for …") unless plural.
    let enough = last > i || lower(i) || head.ends_with('s');
    enough.then(|| (Speaker::Phrase(text[t.start..tokens[last].end].to_owned()), last))
}

/// "reports the Wall Street Journal", "the Associated Press said": a name after "the" (the
/// tagger's, or capitalised words it missed) that no speaking noun heads.
fn name_after_article(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    if !index.word(i).eq_ignore_ascii_case("the") || !capitalised(index, i + 1) {
        return None;
    }
    let (found, last) = match index.mention_at(index.tokens[i + 1].start) {
        Some(m) if index.entities[m.entity].kind == Kind::Location => return None,
        Some(m) => (Speaker::Entity(m.entity), token_at(index.tokens, m.end) - 1),
        None => name_at(index, i + 1)?,
    };
    // "the AI-designed robots": a name that modifies the noun after it is no speaker.
    let modifies = is_word(index, last + 1)
        && index.word(last + 1).starts_with(char::is_lowercase)
        && cue_follows(index, last + 1).is_none();
    (!modifies).then_some((found, last))
}

/// "Clinton’s campaign said", "Russia’s foreign ministry said": after a possessive at token
/// `k`, up to [`OWNED_WORDS`] lower-case words ending in a noun that speaks (a person, role,
/// group or organisation) right before a speech verb. The byte after that noun.
fn owned_agent(index: &Index<'_>, k: usize) -> Option<usize> {
    if !matches!(index.word(k), "’s" | "'s") {
        return None;
    }
    let head = (k + 1..=k + OWNED_WORDS)
        .take_while(|j| is_word(index, *j) && index.word(*j).starts_with(char::is_lowercase))
        .take_while(|j| !is_speech_verb(index.word(*j)))
        .last()?;
    (head_kind(index.word(head)) == Some(HeadKind::Agent) && cue_follows(index, head + 1).is_some())
        .then(|| index.tokens[head].end)
}

/// How many words a possessive's speaking noun phrase may run ("Russia’s foreign ministry").
const OWNED_WORDS: usize = 3;

/// "some advisers", "the foreign ministry officials": determiner, up to two words, group noun.
fn group_at(index: &Index<'_>, i: usize) -> Option<(String, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let first = tokens.get(i)?;
    let start_word = first.text(text).to_lowercase();
    let body_start = if NP_DETERMINERS.contains(&start_word.as_str()) {
        i + 1
    } else {
        i
    };
    for k in body_start..body_start + 3 {
        let t = tokens.get(k)?;
        let w = t.text(text);
        if t.kind != TokenKind::Word {
            return None;
        }
        if GROUP_NOUNS.contains(&w) {
            return Some((text[first.start..t.end].to_owned(), t.end));
        }
        if STOPWORDS.contains(&w.to_lowercase().as_str()) {
            return None;
        }
    }
    None
}

/// A descriptive noun phrase: a determiner and up to [`NP_MAX_WORDS`] words ("the Ohio
/// lawmaker", "one tester", "the Institute's release"), up to a stop word or punctuation.
/// Its head (last word) must name a person, role, group, organisation or written source
/// ([`head_kind`]): "the final text" or "the plan" never speaks. Returns it, its last token and
/// the head's kind.
fn phrase_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize, HeadKind)> {
    let (text, tokens) = (index.text, index.tokens);
    let det = index.word(i).to_lowercase();
    if !NP_DETERMINERS.contains(&det.as_str()) {
        return None;
    }
    let mut last = i;
    for k in i + 1..=i + NP_MAX_WORDS {
        let w = index.word(k);
        let joins_words = index.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            || (w == "-" && is_word(index, k + 1));
        // "The U.S. Department of Agriculture": "of" goes on into a capitalised name.
        let of_name = w == "of" && last > i && capitalised(index, k + 1);
        if !(is_word(index, k) || joins_words || of_name)
            || (NP_STOPS.contains(&w.to_lowercase().as_str()) && !of_name)
            || is_speech_verb(w)
            || past_tense_after_agent(index, last, w)
        {
            break;
        }
        last = k;
    }
    if last == i {
        return None;
    }
    // The head: the last word before a trailing "of <Name>" ("the U.S. Department of
    // Agriculture" keeps "Department"), else the last word.
    let head = (i + 1..=last)
        .rev()
        .find(|k| index.word(*k) == "of")
        .map_or(last, |of| of - 1);
    let kind = head_kind(index.word(head))?;
    Some((
        Speaker::Phrase(text[tokens[i].start..tokens[last].end].to_owned()),
        last,
        kind,
    ))
}

/// "Another respondent highlighted …", "One survey respondent summed this up": a lower-case
/// past-tense word right after a speaking noun at token `last` is the verb of the sentence,
/// so the noun phrase ends before it.
fn past_tense_after_agent(index: &Index<'_>, last: usize, word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ed")
        && word.starts_with(char::is_lowercase)
        && is_word(index, last)
        && head_kind(index.word(last)) == Some(HeadKind::Agent)
}

/// One to three capitalised words the tagger did not mark ("Parr", "Kelly D. Norris").
fn name_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    // "Senior researcher Mu Li", "Undersecretary for Education …": a role word is no name.
    let is_role = |k: usize| {
        let lower = index.word(k).to_lowercase();
        ROLE_MODIFIERS.contains(&lower.as_str()) || PERSON_NOUNS.contains(&lower.as_str())
    };
    // "elmo666", "wrote user jayk1984": a user name, alone or after a person noun.
    let handle = |k: usize| {
        let start = index.tokens.get(k)?.start;
        let at = index.handles.partition_point(|h| h.start < start);
        index.handles.get(at).filter(|h| h.start == start).map(|_| k)
    };
    let noun_before = PERSON_NOUNS.contains(&index.word(i).to_lowercase().as_str());
    if let Some(k) = handle(i).or_else(|| noun_before.then(|| handle(i + 1)).flatten()) {
        return Some((Speaker::Name(index.word(k).to_owned()), k));
    }
    if !capitalised(index, i) {
        return None;
    }
    // "Ambassador Mohib": the name starts after capitalised role words.
    let mut i = i;
    while is_role(i) {
        if !capitalised(index, i + 1) {
            return None;
        }
        i += 1;
    }
    let mut last = i;
    loop {
        // An initial: "Kelly D. Norris".
        let initial = index.word(last).chars().count() == 1 && index.word(last + 1) == ".";
        let next = if initial { last + 2 } else { last + 1 };
        if next > i + 4
            || !capitalised(index, next)
            || index.mention_at(index.tokens[next].start).is_some()
        {
            break;
        }
        last = next;
    }
    let (text, tokens) = (index.text, index.tokens);
    Some((
        Speaker::Name(text[tokens[i].start..tokens[last].end].to_owned()),
        last,
    ))
}

/// "according to X" (or "in the words of X", "in X’s words") starting at token `i`.
pub fn according_to_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    if index.word(i).eq_ignore_ascii_case(ACCORDING_TO[0]) && index.word(i + 1) == ACCORDING_TO[1] {
        // "according to Acme’s Ruiz": the speaker follows the possessive when it is a person
        // the tagger found ("according to Russia’s United Nations ambassador" stays as it was).
        let owned = matches!(index.word(i + 3), "’s" | "'s") && capitalised(index, i + 4);
        return owned
            .then(|| speaker_at_with(index, i + 4, false, true))
            .flatten()
            .filter(|(found, _)| {
                matches!(found, Speaker::Entity(e) if index.entities[*e].kind == Kind::Person)
            })
            .or_else(|| speaker_at_with(index, i + 2, false, true));
    }
    // "in X’s words", "in his own words".
    if index.word(i).eq_ignore_ascii_case("in") {
        let owner = match index.word(i + 1) {
            "his" | "His" => Some((Speaker::Pronoun("he".to_owned()), i + 2)),
            "her" | "Her" => Some((Speaker::Pronoun("she".to_owned()), i + 2)),
            _ => speaker_at(index, i + 1, false)
                .filter(|(found, _)| !matches!(found, Speaker::Pronoun(_)))
                .map(|(found, end)| (found, token_at(index.tokens, end)))
                .filter(|(_, k)| matches!(index.word(*k), "’s" | "'s"))
                .map(|(found, k)| (found, k + 1)),
        };
        if let Some((found, k)) = owner {
            let k = if index.word(k) == "own" { k + 1 } else { k };
            if index.word(k) == "words" {
                return Some((found, index.tokens[k].end));
            }
        }
    }
    // "in the words of X".
    let words_of = IN_THE_WORDS_OF
        .iter()
        .enumerate()
        .all(|(k, w)| index.word(i + k).eq_ignore_ascii_case(w));
    words_of.then(|| speaker_at_with(index, i + IN_THE_WORDS_OF.len(), false, true)).flatten()
}

/// The attribution right after a quote ending at byte `quote_end`, in the quote's sentence:
/// "…," Petro said / said Petro / he insisted / the lawmaker said / according to Petro.
pub fn after_quote(index: &Index<'_>, quote_end: usize) -> Option<Attribution> {
    let tokens = index.tokens;
    let mut i = token_at(tokens, quote_end);
    let mut quote_sentence = tokens.get(i.checked_sub(1)?)?.sentence;
    if tokens.get(i).is_none_or(|t| t.sentence != quote_sentence) {
        // "“… grocery?” Forte said.": a quote ending in a question or exclamation mark ends
        // its sentence for the splitter; the attribution opening the next one is still its.
        let marked = index.text[..quote_end]
            .trim_end_matches(['”', '"', '’', '\''])
            .ends_with(['?', '!']);
        let next = tokens
            .get(i)
            .filter(|t| index.text[quote_end..t.start].chars().all(|c| c == ' ' || c == '\u{a0}'));
        quote_sentence = next.filter(|_| marked)?.sentence;
    }
    if index.word(i) == "," {
        i += 1;
    }
    let word = |k: usize| index.word(k);
    if let Some((speaker, end)) = according_to_at(index, i) {
        return Some((speaker, "according to".to_owned(), Pattern::AccordingTo, end));
    }
    // "said theCUBE’s Savannah Peterson": the speaker follows the possessive.
    let after_verb = if matches!(word(i + 2), "’s" | "'s") { i + 3 } else { i + 1 };
    if is_speech_verb(word(i))
        && let Some((speaker, end)) = name_tagged_as_place(index, i + 1)
    {
        return Some((speaker, word(i).to_owned(), Pattern::Verb, end));
    }
    if is_speech_verb(word(i))
        && let Some((speaker, end)) = person_after_role(index, after_verb)
    {
        return Some((speaker, word(i).to_owned(), Pattern::Verb, end));
    }
    if is_speech_verb(word(i))
        && let Some((speaker, end)) = person_closing_run(index, after_verb)
    {
        return Some((speaker, word(i).to_owned(), Pattern::Verb, end));
    }
    if is_speech_verb(word(i))
        && let Some((speaker, end)) =
            speaker_at_with(index, after_verb, false, DOCUMENT_VERBS.contains(&word(i)))
    {
        return Some((speaker, word(i).to_owned(), Pattern::Verb, end));
    }
    if let Some((speaker, next)) = speaker_at(index, i, true)
        && let Some(cue) = cue_follows(index, token_at(tokens, next))
            .or_else(|| cue_after_apposition(index, token_at(tokens, next)))
    {
        // "…," her mother, Fiona, said: the name in the apposition, not the description.
        let speaker = match speaker {
            Speaker::Phrase(_) => named_apposition(index, token_at(tokens, next)).unwrap_or(speaker),
            named => named,
        };
        return Some((speaker, word(cue).to_owned(), Pattern::Verb, tokens[cue].end));
    }
    subject_then_verb(index, i, quote_sentence)
}

/// "said MIT Sloan professor Thomas W. Malone", "said White House press secretary Sean Spicer":
/// after an inverted speech verb, words that qualify a lower-case role noun (an organisation,
/// a field) run up to it, and the person named right after the role is the speaker, not the
/// organisation in front. Only within the words before the first punctuation; a comma may
/// stand between the role and the name.
fn person_after_role(index: &Index<'_>, from: usize) -> Option<(Speaker, usize)> {
    let sentence = index.tokens.get(from)?.sentence;
    let role = (from..from + ROLE_PREMODIFIER_WORDS)
        .take_while(|k| {
            index.tokens.get(*k).is_some_and(|t| t.sentence == sentence)
                && (is_word(index, *k) || matches!(index.word(*k), "’s" | "'s" | "-" | "&"))
        })
        .find(|k| {
            let w = index.word(*k);
            w.starts_with(char::is_lowercase)
                && !STOPWORDS.contains(&w)
                && head_kind(w) == Some(HeadKind::Agent)
                && (capitalised(index, k + 1) || index.word(k + 1) == "," && capitalised(index, k + 2))
        })?;
    // "said the company’s chief executive, Tim Cook": the name may follow a comma.
    let name = if capitalised(index, role + 1) { role + 1 } else { role + 2 };
    match speaker_at(index, name, false)? {
        (Speaker::Entity(e), end) if index.entities[e].kind == Kind::Person => {
            Some((Speaker::Entity(e), end))
        }
        // A single capitalised word after a role may be a day or a place ("the official
        // Thursday"): only a name of two words or more, or a known given name, counts.
        (Speaker::Name(name), end)
            if name.contains(' ')
                || name.split_whitespace().next().and_then(super::cues::given_name_gender).is_some()
                || super::handles::is_handle(&name) =>
        {
            Some((Speaker::Name(name), end))
        }
        _ => None,
    }
}

/// "says Acme Cloud Product Manager Dana Ruiz": after an inverted speech verb, a run of
/// capitalised words (an organisation, a title-case role) that ends in a person the tagger
/// found (or a known given name and one more word) names that person, not the organisation it
/// opens with. The person must close the run.
fn person_closing_run(index: &Index<'_>, from: usize) -> Option<(Speaker, usize)> {
    let sentence = index.tokens.get(from)?.sentence;
    let person_at = |k: usize| {
        index
            .mention_at(index.tokens[k].start)
            .is_some_and(|m| index.entities[m.entity].kind == Kind::Person)
    };
    // A person opening the run ("said Mary Ann Smith") is the ordinary case, not this one.
    if !capitalised(index, from) || person_at(from) {
        return None;
    }
    // "Acme Events Co-Owner and Lead Planner Dana Ruiz": a connector between capitalised
    // words stays in the run.
    let in_run = |k: usize| {
        index.tokens.get(k).is_some_and(|t| t.sentence == sentence)
            && (capitalised(index, k)
                || matches!(index.word(k), "’s" | "'s" | "&" | "-")
                || matches!(index.word(k), "and" | "of" | "for") && capitalised(index, k + 1))
    };
    let mut k = from + 1;
    while k < from + RUN_WORDS && in_run(k) {
        if person_at(k)
            && let Some(m) = index.mention_at(index.tokens[k].start)
        {
            let after = token_at(index.tokens, m.end);
            return (!in_run(after)).then_some((Speaker::Entity(m.entity), m.end));
        }
        k += 1;
    }
    // The tagger found no person: a known given name and one more word closing a run of three
    // words or more ("… Product Manager Sophia Siao") are the person, when the run ends there
    // and no name the tagger found holds them.
    let first = k.checked_sub(2).filter(|f| *f > from)?;
    let is_name = !in_run(k)
        && (first..k).all(|j| {
            capitalised(index, j) && is_word(index, j) && index.mention_at(index.tokens[j].start).is_none()
        })
        && super::cues::given_name_gender(index.word(first)).is_some();
    let (text, tokens) = (index.text, index.tokens);
    is_name.then(|| {
        let name = text[tokens[first].start..tokens[k - 1].end].to_owned();
        (Speaker::Name(name), tokens[k - 1].end)
    })
}

/// How many tokens a capitalised run after an inverted speech verb may take before the person
/// closing it ("Acme Events Co-Owner and Lead Planner Dana Ruiz").
const RUN_WORDS: usize = 12;

/// "said Lotfi Azzouz, Tunisia country director …": after an inverted speech verb, a name of
/// two or more capitalised words that the tagger took for a place, followed by a comma or the
/// sentence's end, is the speaker (places do not speak after "said").
fn name_tagged_as_place(index: &Index<'_>, k: usize) -> Option<(Speaker, usize)> {
    let m = index.mention_at(index.tokens.get(k)?.start)?;
    let written = &index.text[m.start..m.end];
    let next = token_at(index.tokens, m.end);
    let words: Vec<&str> = written.split_whitespace().collect();
    (index.entities[m.entity].kind == Kind::Location
        && words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && matches!(index.word(next), "," | "." | ""))
    .then(|| (Speaker::Name(written.to_owned()), m.end))
}

/// ", Fiona," at token `k`: a person's name alone between two commas.
fn named_apposition(index: &Index<'_>, k: usize) -> Option<Speaker> {
    if index.word(k) != "," {
        return None;
    }
    let (found, end) = speaker_at(index, k + 1, false)?;
    let person = match &found {
        Speaker::Entity(e) => index.entities[*e].kind == Kind::Person,
        Speaker::Name(_) => true,
        _ => false,
    };
    (person && index.word(token_at(index.tokens, end)) == ",").then_some(found)
}

/// How many words an inverted attribution's role may stand after the verb ("said MIT computer
/// science professor …").
const ROLE_PREMODIFIER_WORDS: usize = 8;

/// "…," Ana Ruiz, the regional governor, said / the official, who spoke on condition of
/// anonymity, said: an apposition or relative clause between two commas at token `k`, then the
/// speech verb (returned).
fn cue_after_apposition(index: &Index<'_>, k: usize) -> Option<usize> {
    if index.word(k) != "," {
        return None;
    }
    let close = (k + 1..k + 14)
        .take_while(|j| is_word(index, *j) || matches!(index.word(*j), "," | "’s" | "'s" | "-"))
        .find(|j| index.word(*j) == ",")?;
    let inside_verb = (k + 1..close).any(|j| is_speech_verb(index.word(j)));
    (!inside_verb).then(|| cue_follows(index, close + 1)).flatten()
}

/// How many tokens after a quote [`subject_then_verb`] looks for its speech verb ("…" in 6,000
/// C++ files, Acme says).
const SUBJECT_THEN_VERB_TOKENS: usize = 12;

/// "…," team member Rodaba Noori told the press: a speech verb a few words after the quote,
/// and the speaker that ends right before it (role words in front are passed over).
fn subject_then_verb(index: &Index<'_>, from: usize, sentence: usize) -> Option<Attribution> {
    let tokens = index.tokens;
    let verb = (from..from + SUBJECT_THEN_VERB_TOKENS)
        .take_while(|k| {
            tokens.get(*k).is_some_and(|t| {
                t.sentence == sentence && !matches!(index.word(*k), "“" | "”" | "\"" | ";")
            })
        })
        .find(|k| is_speech_verb(index.word(*k)))?;
    // "…," Callan Ruiz, vice president of Ruiz Appliance & Security told us: a person right
    // after the quote, then an apposition up to the verb (its closing comma left out).
    if let Some((Speaker::Entity(e), end)) = speaker_at(index, from, false)
        && index.entities[e].kind == Kind::Person
        && index.word(token_at(tokens, end)) == ","
    {
        return Some((Speaker::Entity(e), index.word(verb).to_owned(), Pattern::Verb, tokens[verb].end));
    }
    (from..verb).find_map(|k| {
        let (speaker, end) = speaker_at(index, k, true)?;
        let cue = cue_follows(index, token_at(tokens, end))?;
        (cue == verb).then(|| (speaker, index.word(verb).to_owned(), Pattern::Verb, tokens[verb].end))
    })
}

/// The attribution before a quote starting at byte `quote_start`, in its sentence: the last
/// speech verb there and its subject, or "according to X".
pub fn before_quote(index: &Index<'_>, quote_start: usize) -> Option<Attribution> {
    let tokens = index.tokens;
    let q = token_at(tokens, quote_start);
    let sentence = tokens.get(q.min(tokens.len().saturating_sub(1)))?.sentence;
    let sentence_start = index.sentence_start(sentence);
    if q <= sentence_start {
        return None;
    }
    if let Some(verb) = index.last_cue[q - 1]
        && let Some(speaker) = subject_before(index, sentence_start, verb)
    {
        return Some((speaker, index.word(verb).to_owned(), Pattern::Verb, 0));
    }
    // "According to X, “…”": only near the sentence start, so the search stays short.
    (sentence_start..q.min(sentence_start + 4))
        .find_map(|k| according_to_at(index, k))
        .map(|(speaker, end)| (speaker, "according to".to_owned(), Pattern::AccordingTo, end))
}

/// The nearest subject-like speaker before token `verb` in the sentence starting at token
/// `from`. The walk over the sentence does not depend on the verb, so it runs once per
/// sentence and each verb takes the last speaker it accepted before it.
pub fn subject_before(index: &Index<'_>, from: usize, verb: usize) -> Option<Speaker> {
    // "Ruiz suggested that the plan would work, saying, “…”": a participle after a comma
    // belongs to the clause of the speech verb before it, whose subject speaks, not the nearest
    // name in that verb's object.
    if index.word(verb).ends_with("ing")
        && verb > from + 1
        && index.word(verb - 1) == ","
        && let Some(finite) = index.last_cue[verb - 2].filter(|v| *v >= from)
        && let Some(found) = subject_before(index, from, finite)
    {
        return Some(found);
    }
    let walk = Rc::clone(
        index.walks
            .borrow_mut()
            .entry(from)
            .or_insert_with(|| subject_walk(index, from)),
    );
    let before = walk.partition_point(|(k, _)| *k < verb);
    before.checked_sub(1).map(|last| walk[last].1.clone())
}

/// The first speaker the walk accepts in the sentence starting at token `from`.
pub fn first_speaker(index: &Index<'_>, from: usize) -> Option<Speaker> {
    subject_before(index, from, usize::MAX)?;
    index.walks
        .borrow()
        .get(&from)
        .and_then(|walk| walk.first().map(|(_, s)| s.clone()))
}

/// The speakers the subject walk accepts in the sentence starting at token `from`:
/// relative clauses (", who …,"), objects of prepositions and possessives are skipped.
fn subject_walk(index: &Index<'_>, from: usize) -> Walk {
    let tokens = index.tokens;
    let sentence = tokens[from].sentence;
    let end = index.sentence_end(sentence);
    let word = |k: usize| index.word(k);
    // Words inside quote marks are the quote's, never its speaker.
    let mut skipped: Vec<bool> = (from..end)
        .map(|k| index.in_quote(tokens[k].start))
        .collect();
    let mut k = from;
    while k < end {
        if word(k) == "," && k + 1 < end && matches!(word(k + 1), "who" | "which" | "whose" | "whom")
        {
            let close = (k + 1..end).find(|j| word(*j) == ",").unwrap_or(end);
            for s in k..close.min(end) {
                skipped[s - from] = true;
            }
            k = close;
        }
        k += 1;
    }
    let mut accepted = Vec::new();
    let opening = index.after_dateline(from);
    let mut k = opening;
    while k < end {
        if skipped[k - from] {
            k += 1;
            continue;
        }
        // "with Boswell stating:", "with one poster writing": the preposition opens a clause
        // whose subject speaks.
        let with_clause = |end: usize| {
            k > from
                && word(k - 1) == "with"
                && cue_follows(index, token_at(tokens, end)).is_some_and(|v| word(v).ends_with("ing"))
        };
        let after_preposition = k > from && PREPOSITIONS.contains(&word(k - 1));
        let at_start = k == opening || matches!(word(k - 1), "“" | "\"" | ":");
        if let Some((found, found_end)) = speaker_at(index, k, !at_start) {
            let next = token_at(tokens, found_end);
            let possessive = matches!(word(next), "’s" | "'s");
            // "PC World's recent analysis … concluded": a named owner of a written source
            // speaks through it.
            let owns_document = possessive
                && !after_preposition
                && matches!(found, Speaker::Entity(_) | Speaker::Name(_))
                && document_follows(index, next + 1, end);
            if (!after_preposition || with_clause(found_end)) && !possessive || owns_document {
                let named = !matches!(found, Speaker::Phrase(_));
                accepted.push((k, found));
                // "Solomon, chief executive of the council, said": the apposition between
                // two commas after a name is not a subject (after a description, "a
                // spokeswoman, Ana Ruiz, said", the name in it is).
                if named
                    && word(next) == ","
                    && !matches!(word(next + 1), "and" | "or")
                    && let Some(close) = (next + 1..end.min(next + 14)).find(|j| word(*j) == ",")
                    && !(next + 1..close).any(|j| is_speech_verb(word(j)))
                {
                    k = close + 1;
                    continue;
                }
            } else if word(k).eq_ignore_ascii_case("the") {
                // "of the Refugee Council Enver Solomon told": a name after "the" that is no
                // subject here may still open one from its own first word.
                k += 1;
                continue;
            }
            k = next.max(k + 1);
        } else {
            k += 1;
        }
    }
    accepted.into()
}

/// Whether a written source's noun ("analysis", "statement") heads the few words from token
/// `from` (before `end`, a stop word or punctuation).
fn document_follows(index: &Index<'_>, from: usize, end: usize) -> bool {
    // "the Office's May 2025 report": a date may stand before the noun.
    let dated = |j: usize| is_word(index, j) || index.tokens[j].kind == TokenKind::Number;
    (from..(from + 4).min(end))
        .take_while(|j| dated(*j) && !NP_STOPS.contains(&index.word(*j).to_lowercase().as_str()))
        .any(|j| DOCUMENT_NOUNS.contains(&index.word(j).to_lowercase().as_str()))
}
