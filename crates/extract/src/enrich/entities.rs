//! Named entities (person, organization, location) by rules: capitalised-token chunks inside
//! sentences, role and title cues ("Colombian President Gustavo Petro" → role "Colombian
//! President"), organisation and place vocabularies, the place gazetteer, and document-level
//! consistency ("Petro" after "Gustavo Petro" is the same person). Hand-written: no kept Rust crate
//! does English NER offline without model downloads; a trained tagger can replace the chunk typing
//! later behind the same output.
//!
//! Headings and the title are matched only against entities found in the body, since title case
//! makes every word look like a name.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::gazetteer;
use super::tagger;
use super::tokens::{Token, TokenKind};

/// An entity and everything the article says of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Entity {
    /// The fullest name used ("Gustavo Petro").
    pub name: String,
    /// `person`, `organization` or `location`.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Other names used for it ("Petro").
    pub aliases: Vec<String>,
    /// Titles and appositions ("Colombian President").
    pub roles: Vec<String>,
    /// Character offsets into the record's text.
    pub mentions: Vec<Span>,
    pub count: usize,
    /// 0–1: how central the entity is (mentions, title, first position).
    pub salience: f64,
}

/// A character span `[start, end)` in the record's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Entity types, serialised as `person`, `organization`, `location`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Location,
}

impl Kind {
    /// Every type, in discriminant order.
    pub const ALL: [Self; 3] = [Self::Person, Self::Organization, Self::Location];

    /// The name the record uses.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Location => "location",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with the name the record uses (`kind == "person"`).
impl PartialEq<&str> for Kind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One mention in byte offsets, with the entity it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRef {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub sentence: usize,
}

/// Capitalised words that start sentences or chunks but are not names.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "With",
    "After",
    "Before",
    "When",
    "While",
    "Whether",
    "If",
    "As",
    "By",
    "From",
    "To",
    "Of",
    "Since",
    "Although",
    "Though",
    "Because",
    "Despite",
    "During",
    "Under",
    "Over",
    "About",
    "According",
    "Meanwhile",
    "However",
    "Still",
    "Also",
    "Even",
    "Only",
    "Some",
    "Many",
    "Most",
    "Several",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "There",
    "Here",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "One",
    "Two",
    "Three",
    "Mr",
    "Mrs",
    "Ms",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Context",
    "Later",
    "Earlier",
    "Instead",
    "Afterwards",
    "Update",
    "Read",
    "More",
    "Photo",
    "Image",
    "Video",
    "Watch",
    "Listen",
    "Yes",
    "Such",
    "Other",
    "Another",
    "Any",
    "More",
    "Much",
    "Few",
];

/// Words that head a title or office; a name that follows is a person with that role.
pub(super) const ROLE_HEADS: &[&str] = &[
    "President",
    "President-elect",
    "Minister",
    "Secretary",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Captain",
    "Capt.",
    "Judge",
    "Justice",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Director",
    "Ambassador",
    "Commissioner",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Leader",
    "Chief",
    "Officer",
    "Dr.",
    "Dr",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Prof.",
    "Professor",
    "Lord",
    "Lady",
    "Sir",
    "Speaker",
    "Coach",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Rabbi",
    "Imam",
    "Sheikh",
    "Emir",
    "Sultan",
    "Attorney",
    "Prosecutor",
    "Inspector",
    "Superintendent",
    "Detective",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Congressman",
    "Congresswoman",
    "Vice-President",
    "Founder",
    "Editor",
    "Agent",
];

/// Honorifics that mark a person but are not a role worth keeping.
pub(super) const HONORIFICS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Sir", "Lady", "Lord",
];

/// Lower-case office words: "the foreign minister Ana Ruiz", "Ana Ruiz, the foreign minister,".
pub(super) const ROLE_NOUNS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "director",
    "ambassador",
    "commissioner",
    "chairman",
    "chairwoman",
    "ceo",
    "founder",
    "head",
    "judge",
    "prosecutor",
    "lawyer",
    "attorney",
    "official",
    "adviser",
    "advisor",
    "analyst",
    "professor",
    "economist",
    "researcher",
    "coach",
    "captain",
    "author",
    "editor",
    "correspondent",
    "reporter",
    "candidate",
    "lawmaker",
    "legislator",
    "deputy",
    "king",
    "queen",
    "general",
];

/// Last words that make a chunk an organisation.
pub(super) const ORG_WORDS: &[&str] = &[
    "Ministry",
    "Department",
    "University",
    "Bank",
    "Party",
    "Council",
    "Agency",
    "Commission",
    "Committee",
    "Court",
    "Army",
    "Navy",
    "Police",
    "Corporation",
    "Corp.",
    "Corp",
    "Inc.",
    "Inc",
    "Ltd.",
    "Ltd",
    "LLC",
    "Company",
    "Co.",
    "Group",
    "Association",
    "Union",
    "Institute",
    "Foundation",
    "Organization",
    "Organisation",
    "Parliament",
    "Congress",
    "Senate",
    "Assembly",
    "Government",
    "Administration",
    "Office",
    "Service",
    "Authority",
    "Federation",
    "League",
    "Club",
    "FC",
    "Airlines",
    "Airways",
    "Motors",
    "Times",
    "Post",
    "News",
    "Journal",
    "Network",
    "Television",
    "TV",
    "Radio",
    "Press",
    "School",
    "College",
    "Hospital",
    "Church",
    "Museum",
    "Forces",
    "Guard",
    "Board",
    "Bureau",
    "Fund",
    "Trust",
    "Society",
    "Alliance",
    "Coalition",
    "Movement",
    "Front",
    "Brigade",
    "Cartel",
    "Reserve",
    "Exchange",
    "Telegraph",
    "Tribune",
    "Herald",
    "Gazette",
    "Magazine",
    "Studios",
    "Records",
    "Labs",
    "Technologies",
    "Systems",
    "Holdings",
    "Partners",
    "Capital",
    "Industries",
    "Nations",
    "House",
    "Weekly",
    "Daily",
    "Energy",
    "Pharmaceuticals",
    "Cabinet",
    "Senate",
    "Tribunal",
    "Directorate",
    "Secretariat",
];

/// Last words of names that are events, laws, awards or products: not entities here.
const NOT_ENTITY_HEADS: &[&str] = &[
    "Fair",
    "Festival",
    "Games",
    "Cup",
    "Olympics",
    "Championship",
    "Championships",
    "Awards",
    "Award",
    "Prize",
    "Conference",
    "Summit",
    "Act",
    "Treaty",
    "Day",
    "Week",
    "Explorer",
    "Program",
    "Programme",
    "Challenge",
    "Series",
    "Tour",
    "Show",
    "Expo",
    "Marathon",
    "Bill",
    "Agreement",
    "Accord",
    "Protocol",
    "Declaration",
];

/// Words that make a chunk a place when it ends with them.
pub(super) const PLACE_WORDS: &[&str] = &[
    "River",
    "Mountains",
    "Mountain",
    "Mount",
    "Lake",
    "Sea",
    "Ocean",
    "Island",
    "Islands",
    "Valley",
    "Street",
    "Avenue",
    "Square",
    "Park",
    "Bridge",
    "Airport",
    "Province",
    "State",
    "County",
    "City",
    "District",
    "Region",
    "Strait",
    "Gulf",
    "Bay",
    "Coast",
    "Desert",
    "Peninsula",
    "Canal",
    "Hills",
    "Road",
    "Border",
];

/// Prepositions after which an unknown single name is a place.
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "outside",
    "inside",
    "throughout",
    "towards",
    "toward",
];

/// Verbs after which (or before which) a single unknown name is a person.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "insisted",
    "noted",
    "warned",
    "argued",
    "explained",
    "stated",
    "asked",
    "wrote",
    "claimed",
    "replied",
];

/// Lower-case words allowed inside a name chunk between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "del", "da", "dos", "van", "von", "der", "bin", "al", "la", "le", "du", "y",
];

pub(super) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A name chunk before typing: token range, role text, type cue.
#[derive(Debug, Clone)]
struct Chunk {
    tokens: Range<usize>,
    role: Option<String>,
    kind: Option<Kind>,
}

/// Finds entities in `text`. `tokens` are the text's tokens; `headings` are byte ranges of heading
/// paragraphs; `title` and the dateline's names add context.
#[must_use]
pub fn find(
    text: &str,
    tokens: &[Token],
    headings: &[Range<usize>],
    title: Option<&str>,
    dateline: DatelineNames<'_>,
) -> (Vec<Entity>, Vec<MentionRef>) {
    let mut found = by_rules(text, tokens, headings, dateline);
    let spans = tagger::tag(text, tokens, headings, &found);
    found.refine(text, tokens, &spans);
    finish(text, title, &found.entities, found.mentions)
}

/// What the rules found: entities under construction, their mentions (byte offsets, sorted),
/// and the surfaces (names, surnames, grouping keys) that point at each entity.
pub struct RuleEntities {
    entities: Vec<Builder>,
    pub(super) mentions: Vec<MentionRef>,
    by_surface: HashMap<String, usize>,
}

impl RuleEntities {
    /// The type of entity `id`.
    pub(super) fn kind_of(&self, id: usize) -> Kind {
        self.entities[id].kind
    }

    /// Replaces the rule mentions with the tagger's spans (token ranges and types): a span the
    /// rules also found keeps its entity (name, roles, aliases); a new span joins the entity its
    /// surface already names or starts one. Each entity then takes the type most of its mentions
    /// got from the tagger.
    fn refine(&mut self, text: &str, tokens: &[Token], spans: &[(Range<usize>, Kind)]) {
        let by_start: HashMap<(usize, usize), usize> = self
            .mentions
            .iter()
            .map(|m| ((m.start, m.end), m.entity))
            .collect();
        let mut votes: Vec<[usize; 3]> = vec![[0; 3]; self.entities.len()];
        let mut mentions = Vec::with_capacity(spans.len());
        for (range, kind) in spans {
            let start = tokens[range.start].start;
            let end = tokens[range.end - 1].end;
            let surface = &text[start..end];
            let id = if let Some(id) = by_start.get(&(start, end)) {
                *id
            } else if let Some(id) = self
                .by_surface
                .get(surface)
                .or_else(|| self.by_surface.get(&canonical_key(surface, *kind)))
                .filter(|id| self.entities[**id].kind == *kind)
            {
                *id
            } else {
                self.entities.push(Builder::new(surface.to_owned(), *kind));
                votes.push([0; 3]);
                let id = self.entities.len() - 1;
                self.by_surface.insert(canonical_key(surface, *kind), id);
                self.by_surface.entry(surface.to_owned()).or_insert(id);
                if *kind == Kind::Person && range.len() > 1 {
                    let last = tokens[range.end - 1].text(text).to_owned();
                    self.by_surface.entry(last).or_insert(id);
                }
                id
            };
            votes[id][*kind as usize] += 1;
            mentions.push(MentionRef {
                start,
                end,
                entity: id,
                sentence: tokens[range.start].sentence,
            });
        }
        for (builder, vote) in self.entities.iter_mut().zip(&votes) {
            if builder.typed_by_evidence {
                continue;
            }
            let best = (0..3).max_by_key(|k| (vote[*k], *k == builder.kind as usize));
            if let Some(best) = best.filter(|b| vote[*b] > 0) {
                builder.kind = Kind::ALL[best];
            }
        }
        self.mentions = mentions;
    }
}

/// The names a dateline gives: its place ("BOGOTÁ") and its news agency ("Reuters").
#[derive(Debug, Clone, Copy, Default)]
pub struct DatelineNames<'a> {
    pub place: Option<&'a str>,
    pub agency: Option<&'a str>,
}

/// Steps 1–4: the rule-based entities and mentions.
pub(super) fn by_rules(
    text: &str,
    tokens: &[Token],
    headings: &[Range<usize>],
    dateline: DatelineNames<'_>,
) -> RuleEntities {
    let in_heading = |t: &Token| headings.iter().any(|h| h.contains(&t.start));
    let word = |i: usize| tokens[i].text(text);
    // Capitalised mid-sentence occurrences decide whether a sentence-initial word is a name.
    let mut mid_sentence_caps: HashMap<&str, usize> = HashMap::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0
            && tokens[i - 1].sentence == t.sentence
            && t.kind == TokenKind::Word
            && is_capitalized(t.text(text))
        {
            *mid_sentence_caps.entry(t.text(text)).or_default() += 1;
        }
    }
    let gazetteer = gazetteer::get();

    // 1. Chunks of capitalised tokens within sentences.
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Word || !is_capitalized(word(i)) || in_heading(t) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && tokens[j].sentence == t.sentence
            && tokens[j].kind == TokenKind::Word
        {
            let w = word(j);
            if is_capitalized(w) {
                j += 1;
            } else if CONNECTORS.contains(&w)
                && tokens.get(j + 1).is_some_and(|n| {
                    n.sentence == t.sentence
                        && n.kind == TokenKind::Word
                        && is_capitalized(n.text(text))
                })
            {
                j += 2;
            } else {
                break;
            }
        }
        let sentence_start = i == 0
            || tokens[i - 1].sentence != t.sentence
            || matches!(tokens[i - 1].text(text), "“" | "\"" | "‘");
        let mut start = i;
        // Function words and demonym-less sentence starters are not part of a name.
        while start < j && FUNCTION_WORDS.contains(&word(start)) {
            start += 1;
        }
        if start == i && sentence_start {
            let w = word(i);
            let known_elsewhere = mid_sentence_caps.get(w).copied().unwrap_or(0) > 0;
            let plain_word = !known_elsewhere && !gazetteer.is_place(w) && !is_acronym(w);
            if plain_word && j - i == 1 {
                start = j;
            } else if plain_word
                && j - i > 2
                && CONNECTORS.contains(&word(i + 1))
                && !ORG_WORDS.contains(&w)
                && !PLACE_WORDS.contains(&w)
            {
                // "Shares of Contoso rose": a capitalised common word before "of" is not a name.
                start = i + 2;
            }
        }
        if start < j {
            chunks.extend(split_chunk(text, tokens, start..j));
        }
        i = j.max(i + 1);
    }

    // 2. Type each chunk.
    let mut typed: Vec<(Range<usize>, Kind, Option<String>, bool)> = Vec::new();
    for chunk in &chunks {
        let range = chunk.tokens.clone();
        let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
        let words: Vec<&str> = range.clone().map(word).collect();
        if words.len() == 1 && gazetteer.is_demonym(surface) {
            continue;
        }
        // Events, laws, awards and products are names, but not of persons, organisations or places.
        if chunk.role.is_none()
            && words.len() > 1
            && words.last().is_some_and(|w| NOT_ENTITY_HEADS.contains(w))
        {
            continue;
        }
        // A role split (`chunk.kind`) is evidence; `classify` says whether its type is.
        let classified = chunk
            .kind
            .map(|kind| (kind, true))
            .or_else(|| classify(text, tokens, &range, surface, &words, dateline));
        if let Some((kind, evidence)) = classified {
            let role = chunk
                .role
                .clone()
                .or_else(|| lowercase_role_before(text, tokens, range.start))
                .or_else(|| apposition_role_after(text, tokens, range.end));
            let kind = if role.is_some() && kind != Kind::Location && kind != Kind::Organization {
                Kind::Person
            } else {
                kind
            };
            let evidence = evidence || role.is_some();
            typed.push((range, kind, role, evidence));
        } else {
            typed.push((range, Kind::Person, None, false)); // provisional; resolved below
        }
    }

    // 3. Group mentions into entities: full names first, then aliases (surname / first token).
    let mut entities: Vec<Builder> = Vec::new();
    let mut by_surface: HashMap<String, usize> = HashMap::new();
    let mut pending_single: Vec<(Range<usize>, Option<String>)> = Vec::new();
    let mut mentions: Vec<MentionRef> = Vec::new();
    let mut order: Vec<&(Range<usize>, Kind, Option<String>, bool)> = typed.iter().collect();
    // Multi-word names first so single-word aliases can attach to them.
    order.sort_by_key(|(r, _, _, _)| std::cmp::Reverse(r.len()));
    // "Warhol Polaroids" after "Andy Warhol": a name that starts with a known surname is a thing
    // named after the person, not another person.
    let person_names: Vec<(&str, &str)> = typed
        .iter()
        .filter(|(r, k, _, _)| *k == Kind::Person && r.len() > 1)
        .map(|(r, _, _, _)| {
            (
                &text[tokens[r.start].start..tokens[r.end - 1].end],
                word(r.end - 1),
            )
        })
        .collect();
    order.retain(|(r, k, role, _)| {
        let surface = &text[tokens[r.start].start..tokens[r.end - 1].end];
        let named_after = person_names
            .iter()
            .any(|(other, surname)| *other != surface && *surname == word(r.start));
        !(*k == Kind::Person && role.is_none() && r.len() > 1 && named_after)
    });
    for (range, kind, role, typed_by_evidence) in order {
        let surface = text[tokens[range.start].start..tokens[range.end - 1].end].to_owned();
        let confident = range.len() > 1 || role.is_some() || *kind != Kind::Person;
        if !confident && !by_surface.contains_key(&surface) {
            pending_single.push((range.clone(), role.clone()));
            continue;
        }
        let key = canonical_key(&surface, *kind);
        let id = *by_surface.entry(key).or_insert_with(|| {
            entities.push(Builder::new(surface.clone(), *kind));
            entities.len() - 1
        });
        entities[id].offer_name(&surface);
        entities[id].typed_by_evidence |= *typed_by_evidence;
        by_surface.entry(surface.clone()).or_insert(id);
        if let Some(role) = role {
            entities[id].add_role(role.clone());
        }
        mentions.push(MentionRef {
            start: tokens[range.start].start,
            end: tokens[range.end - 1].end,
            entity: id,
            sentence: tokens[range.start].sentence,
        });
        if entities[id].kind == Kind::Person && range.len() > 1 {
            // Register the surname and the name without its first word as aliases.
            let last = word(range.end - 1).to_owned();
            by_surface.entry(last).or_insert(id);
        }
    }
    // Single unknown names: the cues of all their occurrences vote on the type.
    let mut single_votes: HashMap<&str, Votes> = HashMap::new();
    for (range, _) in &pending_single {
        let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
        let votes = single_votes.entry(surface).or_default();
        votes.occurrences += 1;
        votes.given_name = is_given_name(surface);
        match single_name_cue(text, tokens, range) {
            Some(Kind::Person) => votes.person += 1,
            Some(Kind::Location) => votes.location += 1,
            Some(Kind::Organization) => votes.organization += 1,
            None => {}
        }
    }
    for (range, role) in pending_single {
        let surface = text[tokens[range.start].start..tokens[range.end - 1].end].to_owned();
        let id = if let Some(id) = by_surface
            .get(&surface)
            .or_else(|| by_surface.get(&canonical_key(&surface, Kind::Location)))
        {
            *id
        } else {
            let Some(votes) = single_votes.get(surface.as_str()) else {
                continue;
            };
            let Some(kind) = votes.decide() else {
                continue;
            };
            let mut builder = Builder::new(surface.clone(), kind);
            builder.typed_by_evidence = votes.is_evidence();
            entities.push(builder);
            by_surface.insert(surface.clone(), entities.len() - 1);
            entities.len() - 1
        };
        if let Some(role) = role {
            entities[id].add_role(role);
        }
        mentions.push(MentionRef {
            start: tokens[range.start].start,
            end: tokens[range.end - 1].end,
            entity: id,
            sentence: tokens[range.start].sentence,
        });
    }

    // 4. Headings: only known names, as whole tokens.
    for (i, t) in tokens.iter().enumerate() {
        if !in_heading(t) || t.kind != TokenKind::Word {
            continue;
        }
        if let Some(id) = by_surface.get(word(i)) {
            mentions.push(MentionRef {
                start: t.start,
                end: t.end,
                entity: *id,
                sentence: t.sentence,
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    mentions.dedup_by_key(|m| m.start);
    RuleEntities {
        entities,
        mentions,
        by_surface,
    }
}

/// Step 5: aliases, counts, salience; entities without mentions are dropped.
fn finish(
    text: &str,
    title: Option<&str>,
    entities: &[Builder],
    mut mentions: Vec<MentionRef>,
) -> (Vec<Entity>, Vec<MentionRef>) {
    let title_lower = title.map(str::to_lowercase).unwrap_or_default();
    let text_len = text.len().max(1) as f64;
    let mut out: Vec<Entity> = Vec::new();
    let mut remap: HashMap<usize, usize> = HashMap::new();
    for (id, builder) in entities.iter().enumerate() {
        let own: Vec<&MentionRef> = mentions.iter().filter(|m| m.entity == id).collect();
        if own.is_empty() {
            continue;
        }
        let mut aliases: Vec<String> = own
            .iter()
            .map(|m| text[m.start..m.end].to_owned())
            .filter(|s| *s != builder.name)
            .collect();
        aliases.sort();
        aliases.dedup();
        let in_title = std::iter::once(&builder.name)
            .chain(&aliases)
            .any(|n| title_lower.contains(&n.to_lowercase()));
        let first = own[0].start as f64 / text_len;
        let score = own.len() as f64 + if in_title { 3.0 } else { 0.0 } + (1.0 - first);
        remap.insert(id, out.len());
        out.push(Entity {
            name: builder.name.clone(),
            kind: builder.kind,
            aliases,
            roles: builder.roles.clone(),
            mentions: own
                .iter()
                .map(|m| Span {
                    start: m.start,
                    end: m.end,
                })
                .collect(),
            count: own.len(),
            salience: score,
        });
    }
    let max = out
        .iter()
        .map(|e| e.salience)
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    for entity in &mut out {
        entity.salience = (entity.salience / max * 1000.0).round() / 1000.0;
    }
    for m in &mut mentions {
        m.entity = remap[&m.entity];
    }
    // Most salient first; mention indices follow.
    let mut indices: Vec<usize> = (0..out.len()).collect();
    indices.sort_by(|a, b| out[*b].salience.total_cmp(&out[*a].salience).then(a.cmp(b)));
    let position: HashMap<usize, usize> = indices
        .iter()
        .enumerate()
        .map(|(new, old)| (*old, new))
        .collect();
    let sorted: Vec<Entity> = indices.iter().map(|i| out[*i].clone()).collect();
    for m in &mut mentions {
        m.entity = position[&m.entity];
    }
    (sorted, mentions)
}

/// Cues seen for a single unknown name across the document.
#[derive(Debug, Default)]
struct Votes {
    occurrences: usize,
    /// The name is a known given name ("Gloria").
    given_name: bool,
    person: usize,
    location: usize,
    organization: usize,
}

impl Votes {
    /// A known given name is a person; otherwise a person when any occurrence speaks; a place
    /// when most follow a place preposition; an organisation when it is an acronym or recurs
    /// (products and firms recur bare: "Microsoft").
    fn decide(&self) -> Option<Kind> {
        // A known given name used alone is a person unless most uses follow a place preposition.
        if self.given_name && self.location * 2 <= self.occurrences {
            return Some(Kind::Person);
        }
        // News introduces people by full name; a bare name repeated three times or more without
        // one is a firm, a product or a body ("Microsoft said …").
        if self.person > 0 && self.occurrences < 3 {
            Some(Kind::Person)
        } else if self.location * 2 > self.occurrences {
            Some(Kind::Location)
        } else if self.organization > 0 || self.occurrences >= 2 {
            Some(Kind::Organization)
        } else {
            None
        }
    }

    /// Whether the decision rests on document evidence the tagger cannot see: a given name, a
    /// bare name used three times or more without a full name (news names people in full), or
    /// a name that mostly follows place prepositions across the document.
    fn is_evidence(&self) -> bool {
        self.given_name
            || (self.occurrences >= 3 && self.location * 2 <= self.occurrences)
            || (self.occurrences >= 2 && self.location * 2 > self.occurrences)
    }
}

struct Builder {
    name: String,
    kind: Kind,
    roles: Vec<String>,
    /// The type came from evidence (a role, the gazetteer, an organisation or place word, the
    /// dateline), not from a default or a vote: the statistical tagger does not change it.
    typed_by_evidence: bool,
}

impl Builder {
    fn new(name: String, kind: Kind) -> Self {
        // A dateline's "PORTO" is named "Porto"; short all-capital names are acronyms and stay.
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let name = if letters > 4 && !name.chars().any(char::is_lowercase) {
            super::countries::title_case(&name)
        } else {
            name
        };
        Self {
            name,
            kind,
            roles: Vec::new(),
            typed_by_evidence: false,
        }
    }

    /// Keeps the best name seen: not shouting, then the longest.
    fn offer_name(&mut self, surface: &str) {
        let shouting = |s: &str| {
            s.chars().filter(|c| c.is_alphabetic()).count() > 4
                && !s.chars().any(char::is_lowercase)
        };
        let better = (shouting(&self.name) && !shouting(surface))
            || (!shouting(surface)
                && surface.chars().count() > self.name.chars().count()
                && self.kind != Kind::Person);
        if better {
            self.name = surface.to_owned();
        }
    }

    fn add_role(&mut self, role: String) {
        if !self.roles.contains(&role) {
            self.roles.push(role);
        }
    }
}

/// The grouping key of a mention: places that name one country share it ("U.S." and "United
/// States"), a shouted dateline form groups with its ordinary spelling ("BOGOTÁ", "Bogotá").
fn canonical_key(surface: &str, kind: Kind) -> String {
    let gazetteer = gazetteer::get();
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    let shouting = letters > 4 && !surface.chars().any(char::is_lowercase);
    let form = if shouting {
        super::countries::title_case(surface)
    } else {
        surface.to_owned()
    };
    if kind == Kind::Location
        && let Some((code, gazetteer::Via::Name)) = gazetteer.country_of(&form)
    {
        return format!("country:{code}");
    }
    form
}

/// Splits a chunk at a role head: "Colombian President Gustavo Petro" → role + name.
fn split_chunk(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Chunk> {
    let word = |i: usize| tokens[i].text(text);
    let role_at = range
        .clone()
        .rev()
        .skip(1)
        .find(|i| ROLE_HEADS.contains(&word(*i)));
    if let Some(k) = role_at {
        let role_tokens: Vec<&str> = (range.start..=k).map(word).collect();
        let role = role_tokens.join(" ");
        let role = (!HONORIFICS.contains(&role.as_str())).then_some(role);
        return vec![Chunk {
            tokens: k + 1..range.end,
            role,
            kind: Some(Kind::Person),
        }];
    }
    vec![Chunk {
        tokens: range,
        role: None,
        kind: None,
    }]
}

/// The type of a chunk from its words and context, and whether it rests on evidence (true) or
/// is a guess the tagger may overrule; `None` when only a cue can tell.
fn classify(
    text: &str,
    tokens: &[Token],
    range: &Range<usize>,
    surface: &str,
    words: &[&str],
    dateline: DatelineNames<'_>,
) -> Option<(Kind, bool)> {
    let gazetteer = gazetteer::get();
    // Evidence: the place gazetteer, the dateline's names, organisation and place words.
    if gazetteer.is_place(surface) || gazetteer.is_city(surface) {
        return Some((Kind::Location, true));
    }
    if let Some(place) = dateline.place
        && (place == surface || super::countries::title_case(place) == surface)
    {
        return Some((Kind::Location, true));
    }
    if dateline.agency == Some(surface) {
        return Some((Kind::Organization, true));
    }
    let last = *words.last()?;
    if words.iter().any(|w| ORG_WORDS.contains(w)) {
        return Some((Kind::Organization, true));
    }
    // Guesses from here on.
    if words.len() == 1 && is_acronym(last) && !surface.contains('.') {
        return Some((Kind::Organization, false));
    }
    if words.len() > 1 && PLACE_WORDS.contains(&last) {
        return Some((Kind::Location, true));
    }
    // "Paris, France": followed by a comma and a known place.
    let next = tokens.get(range.end).map(|t| t.text(text));
    let after = tokens.get(range.end + 1).map(|t| t.text(text));
    if next == Some(",") && after.is_some_and(|a| gazetteer.is_place(a)) && words.len() <= 2 {
        return Some((Kind::Location, false));
    }
    if words.len() > 1 {
        if words.iter().any(|w| CONNECTORS.contains(w)) {
            return Some((Kind::Organization, false));
        }
        // "LA Weekly", "Windows XP": an acronym or a digit is not part of a person's name.
        if words
            .iter()
            .any(|w| is_acronym(w) || w.chars().any(|c| c.is_ascii_digit()))
        {
            return Some((Kind::Organization, false));
        }
        if words.first().is_some_and(|w| gazetteer.is_demonym(w)) {
            return Some((Kind::Organization, false));
        }
        return Some((Kind::Person, false));
    }
    None
}

/// A given name that is not also a title, honorific or sentence-starting function word.
pub(super) fn is_given_name(word: &str) -> bool {
    gazetteer::get().is_first_name(word)
        && !ROLE_HEADS.contains(&word)
        && !HONORIFICS.contains(&word)
        && !FUNCTION_WORDS.contains(&word)
}

/// A single unknown name: a person next to a speech verb, a place after a place preposition.
fn single_name_cue(text: &str, tokens: &[Token], range: &Range<usize>) -> Option<Kind> {
    let before = range
        .start
        .checked_sub(1)
        .map(|i| tokens[i].text(text).to_lowercase());
    let after = tokens.get(range.end).map(|t| t.text(text).to_lowercase());
    if after.as_deref().is_some_and(|a| SPEECH_VERBS.contains(&a))
        || before.as_deref().is_some_and(|b| SPEECH_VERBS.contains(&b))
    {
        return Some(Kind::Person);
    }
    if before
        .as_deref()
        .is_some_and(|b| PLACE_PREPOSITIONS.contains(&b))
    {
        return Some(Kind::Location);
    }
    let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
    if is_acronym(surface) {
        return Some(Kind::Organization);
    }
    None
}

/// "the foreign minister Ana Ruiz": up to three lower-case words ending in an office noun.
fn lowercase_role_before(text: &str, tokens: &[Token], start: usize) -> Option<String> {
    let prev = start.checked_sub(1)?;
    let w = tokens[prev].text(text);
    if !ROLE_NOUNS.contains(&w) || tokens[prev].sentence != tokens[start].sentence {
        return None;
    }
    let mut first = prev;
    while first > 0 && prev - first < 2 {
        let candidate = tokens[first - 1].text(text);
        if tokens[first - 1].kind != TokenKind::Word
            || matches!(candidate, "the" | "a" | "an" | "The" | "A" | "An")
            || tokens[first - 1].sentence != tokens[start].sentence
        {
            break;
        }
        first -= 1;
    }
    Some(text[tokens[first].start..tokens[prev].end].to_owned())
}

/// "Ana Ruiz, the foreign minister," → "foreign minister".
fn apposition_role_after(text: &str, tokens: &[Token], end: usize) -> Option<String> {
    if tokens.get(end).map(|t| t.text(text)) != Some(",") {
        return None;
    }
    let mut i = end + 1;
    if tokens
        .get(i)
        .is_some_and(|t| matches!(t.text(text), "the" | "a" | "an"))
    {
        i += 1;
    }
    let start = i;
    while i < tokens.len() && i - start < 5 && tokens[i].kind == TokenKind::Word {
        if ROLE_NOUNS.contains(&tokens[i].text(text))
            && matches!(
                tokens.get(i + 1).map(|t| t.text(text)),
                Some("," | "." | "of")
            )
        {
            return Some(text[tokens[start].start..tokens[i].end].to_owned());
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{sentences, tokenize};
    use super::*;

    fn entities(text: &str) -> Vec<Entity> {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        find(text, &tokens, &[], None, DatelineNames::default()).0
    }

    fn get<'a>(list: &'a [Entity], name: &str) -> &'a Entity {
        list.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name} in {list:?}"))
    }

    #[test]
    fn a_title_before_a_name_becomes_the_persons_role() {
        let found = entities("Colombian President Gustavo Petro spoke on Monday.");
        let petro = get(&found, "Gustavo Petro");
        assert_eq!(petro.kind, "person");
        assert_eq!(petro.roles, ["Colombian President"]);
    }

    #[test]
    fn a_surname_later_in_the_article_is_an_alias_of_the_full_name() {
        let found =
            entities("Officials met Gustavo Petro on Monday. Later, Petro left for the airport.");
        let petro = get(&found, "Gustavo Petro");
        assert_eq!(petro.aliases, ["Petro"]);
        assert_eq!(petro.count, 2);
    }

    #[test]
    fn an_apposition_gives_a_role() {
        let found = entities("The plan was drafted by Ana Ruiz, the foreign minister, last year.");
        assert_eq!(get(&found, "Ana Ruiz").roles, ["foreign minister"]);
    }

    #[test]
    fn organisation_words_and_connectors_make_organisations() {
        let found = entities(
            "The figures came from the Office for National Statistics and the Bank of England on Tuesday.",
        );
        assert_eq!(
            get(&found, "Office for National Statistics").kind,
            "organization"
        );
        assert_eq!(get(&found, "Bank of England").kind, "organization");
    }

    #[test]
    fn countries_and_capitals_are_locations_and_demonyms_are_not_entities() {
        let found = entities("Talks between Colombian officials in Bogotá and Venezuela resumed.");
        assert_eq!(get(&found, "Bogotá").kind, "location");
        assert_eq!(get(&found, "Venezuela").kind, "location");
        assert!(found.iter().all(|e| e.name != "Colombian"));
    }

    #[test]
    fn a_sentence_initial_word_is_not_a_name_unless_it_recurs_capitalised() {
        let found =
            entities("Speaking at the meeting, the minister agreed. Officials were pleased.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_same_country_under_two_names_is_one_entity() {
        let found = entities("Officials in the United States said U.S. exports rose.");
        let us = get(&found, "United States");
        assert_eq!(us.aliases, ["U.S."]);
    }

    #[test]
    fn a_recurring_unknown_single_name_is_an_organisation() {
        let found = entities(
            "Shares of Contoso rose. Analysts said demand for Contoso products was strong.",
        );
        assert_eq!(get(&found, "Contoso").kind, "organization");
    }

    #[test]
    fn a_bare_name_repeated_three_times_with_speech_verbs_is_an_organisation() {
        let found = entities(
            "Contoso said profits rose. Contoso said costs fell. Later Contoso said nothing.",
        );
        assert_eq!(get(&found, "Contoso").kind, "organization");
    }

    #[test]
    fn events_and_laws_are_not_entities() {
        let found = entities("She spoke at the Science Fair before the Clean Air Act passed.");
        assert!(
            found
                .iter()
                .all(|e| e.name != "Science Fair" && e.name != "Clean Air Act"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_starting_with_a_known_surname_is_not_another_person() {
        let found = entities(
            "The artist Andy Warhol took thousands of photos. The Warhol Polaroids were sold.",
        );
        assert!(
            found.iter().all(|e| e.name != "Warhol Polaroids"),
            "{found:?}"
        );
    }

    #[test]
    fn an_acronym_inside_a_name_makes_it_an_organisation() {
        let found = entities("The review appeared in LA Weekly on Friday.");
        assert_eq!(get(&found, "LA Weekly").kind, "organization");
    }

    #[test]
    fn a_given_name_used_alone_is_a_person_even_when_it_recurs() {
        let found = entities(
            "Gloria fell ill in May. Doctors treated Gloria at home. Gloria recovered slowly.",
        );
        assert_eq!(get(&found, "Gloria").kind, "person");
    }

    #[test]
    fn a_bare_name_mostly_after_place_prepositions_is_a_location() {
        let found = entities(
            "Shelling continued in Vuhledar overnight. Residents in Vuhledar sheltered. Troops near Vuhledar dug in.",
        );
        assert_eq!(get(&found, "Vuhledar").kind, "location");
    }

    #[test]
    fn two_names_joined_by_and_stay_two_people() {
        let found = entities("Ana Ruiz and Tomás Berg run two restaurants in the old town.");
        assert!(found.iter().all(|e| !e.name.contains(" and ")), "{found:?}");
        assert_eq!(get(&found, "Ana Ruiz").kind, "person");
        assert_eq!(get(&found, "Tomás Berg").kind, "person");
    }

    #[test]
    fn the_agency_a_dateline_names_is_an_organisation() {
        let text =
            "LONDON (Reuters) - Prices fell. Economists polled by Reuters had expected more.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let dateline = DatelineNames {
            place: Some("LONDON"),
            agency: Some("Reuters"),
        };
        let found = find(text, &tokens, &[], None, dateline).0;
        assert_eq!(get(&found, "Reuters").kind, "organization");
    }

    #[test]
    fn salience_is_highest_for_the_most_mentioned_entity() {
        let found =
            entities("Ana Ruiz met Tom Berg. Ruiz said the deal was done. Ruiz left early.");
        assert_eq!(found[0].name, "Ana Ruiz");
        assert_eq!(found[0].salience, 1.0);
    }
}
