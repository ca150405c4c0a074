//! The attribution right after a quote: "…," Petro said / said Petro / said MIT professor Ana
//! Ruiz / he insisted / the lawmaker said / according to Petro, with the inverted forms'
//! long roles and appositions.

use super::cues::{DOCUMENT_VERBS, HeadKind, NAME_TITLES, given_name_gender, head_kind, is_speech_verb};
use super::index::{Index, Speaker, token_at};
use super::reading::{capitalised, cue_follows, is_word};
use super::speaker::{Attribution, Pattern, according_to_at, speaker_at, speaker_at_with};
use crate::enrich::entities::Kind;
use crate::enrich::words::STOPWORDS;

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
        && let Some((speaker, end)) = person_after_rank(index, i + 1)
    {
        return Some((speaker, word(i).to_owned(), Pattern::Verb, end));
    }
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
            speaker_at_with(index, after_verb, false, DOCUMENT_VERBS.contains(word(i)))
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
    subject_then_verb(index, i, quote_sentence).or_else(|| source_without_verb(index, i, quote_end))
}

/// Words of a rank after its abbreviation, before the name ("Sgt. First Class", "Lt. Col.",
/// "Sgt. First Class U.S. Army Retired").
const RANK_WORDS: usize = 10;

/// "said Sgt. First Class Dana Whitfield": an abbreviated title or rank after an inverted
/// speech verb, more capitalised words of the rank and service, then a person (tagged, or a
/// known given name and a surname): that person speaks, not the abbreviation (whose full stop
/// the sentence splitter may take for a sentence's end).
fn person_after_rank(index: &Index<'_>, from: usize) -> Option<(Speaker, usize)> {
    if !NAME_TITLES.contains(&index.word(from)) || index.word(from + 1) != "." {
        return None;
    }
    (from + 2..from + 2 + RANK_WORDS)
        .take_while(|k| {
            is_word(index, *k) && index.word(*k).starts_with(char::is_uppercase) || index.word(*k) == "."
        })
        .find_map(|k| {
            let (speaker, after) = person_or_given_name(index, k)?;
            Some((speaker, index.tokens.get(after - 1)?.end))
        })
}

/// Tokens of the role and organisation after a source with no verb.
const SOURCE_TITLE_TOKENS: usize = 16;

/// "“…,” Chuck Alder, National President, Police Union. “…”": after a quote closing on a
/// comma, a person the tagger found, a comma and only title-case words (a role, an
/// organisation) up to a full stop that ends the paragraph or opens the next quote — a source
/// written after the quote with no verb, as press releases list their supporters.
fn source_without_verb(index: &Index<'_>, from: usize, quote_end: usize) -> Option<Attribution> {
    let tokens = index.tokens;
    if !index.text[..quote_end].trim_end_matches(['”', '"']).ends_with(',') {
        return None;
    }
    let (speaker, comma) = person_or_given_name(index, from)?;
    if index.word(comma) != "," {
        return None;
    }
    let stop = (comma + 1..comma + 1 + SOURCE_TITLE_TOKENS).find(|k| index.word(*k) == ".")?;
    let title = (comma + 1..stop).all(|k| {
        capitalised(index, k) || matches!(index.word(k), "," | "of" | "and" | "the" | "for" | "&" | "-")
    });
    let next = index.text[tokens[stop].end..].trim_start_matches([' ', '\u{a0}']);
    let closes = next.is_empty() || next.starts_with(['\n', '“', '"']);
    (title && stop > comma + 1 && closes)
        .then(|| (speaker, ",".to_owned(), Pattern::Verb, tokens[stop].end))
}

/// Words of a name the tagger missed that opens with a known given name ("Chuck Alder").
const NAME_WORDS: usize = 3;

/// The person named at token `k` — one the tagger found, or two or three capitalised words
/// opening with a known given name — and the token after the name.
fn person_or_given_name(index: &Index<'_>, k: usize) -> Option<(Speaker, usize)> {
    let t = index.tokens.get(k)?;
    if let Some(m) = index.mention_at(t.start) {
        let person = index.entities[m.entity].kind == Kind::Person;
        return person.then(|| (Speaker::Entity(m.entity), token_at(index.tokens, m.end)));
    }
    given_name_gender(index.word(k))?;
    let last = (k + 1..k + NAME_WORDS).take_while(|j| capitalised(index, *j)).last()?;
    let written = &index.text[t.start..index.tokens[last].end];
    Some((Speaker::Name(written.to_owned()), last + 1))
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
                && !STOPWORDS.contains(w)
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
    // A person mention opening with a lower-case word ("of Policy") is the tagger's slip.
    let person_at = |k: usize| {
        capitalised(index, k)
            && index
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
                // "House Veterans’ Affairs Committee Chairman Ana Ruiz": a plural possessive.
                || matches!(index.word(k), "’" | "'") && index.word(k - 1).ends_with('s') && capitalised(index, k + 1)
                || matches!(index.word(k), "and" | "of" | "for") && capitalised(index, k + 1)
                // "Executive Vice President, Chief Policy Officer, and Head of Advocacy, Ana
                // Ruiz": commas between title-case roles, and before the name, stay in it.
                || index.word(k) == ","
                    && (capitalised(index, k + 1) || index.word(k + 1) == "and" && capitalised(index, k + 2)))
    };
    let mut k = from + 1;
    // A person followed by a comma and more of the run ("Dana Ruiz, Chief of Staff") is kept
    // in case no later person closes the run ("…, Head of Policy, Dana Ruiz").
    let mut before_comma = None;
    while k < from + RUN_WORDS && in_run(k) {
        if person_at(k)
            && let Some(m) = index.mention_at(index.tokens[k].start)
        {
            let after = token_at(index.tokens, m.end);
            if !in_run(after) {
                return Some((Speaker::Entity(m.entity), m.end));
            }
            if index.word(after) != "," {
                return None;
            }
            before_comma = Some((Speaker::Entity(m.entity), m.end));
            k = after;
            continue;
        }
        k += 1;
    }
    if before_comma.is_some() {
        return before_comma;
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
const RUN_WORDS: usize = 32;

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
