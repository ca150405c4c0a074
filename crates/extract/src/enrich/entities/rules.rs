//! The rule tagger: name chunks typed by their words and context, grouped into entities with
//! their aliases (surnames, other names of one country) and roles (titles, appositions), then
//! refined by the statistical tagger's spans. Document-level consistency: "Petro" after
//! "Gustavo Petro" is the same person.

use std::collections::HashMap;
use std::ops::Range;

use super::super::words;
use super::super::gazetteer::{self, Gazetteer};
use super::super::headings::Headings;
use super::known_places::is_region;
use super::super::tokens::{Token, TokenKind};
use super::chunking;
use super::classification::{Votes, classify, single_name_cue};
use super::lexicon::{EVENT_HEADS, NOT_ENTITY_HEADS, ROLE_NOUNS, is_acronym, is_given_name};
use super::types::{DatelineNames, Kind, MentionRef};
use crate::ExtractError;
use crate::deadline::Deadline;

/// What the rules found: entities under construction, their mentions (byte offsets, sorted),
/// and the surfaces (names, surnames, grouping keys) that point at each entity.
pub struct RuleEntities {
    pub(super) entities: Vec<Builder>,
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
    /// got from the tagger. The `fixed` spans (teams on a results line) are typed by evidence
    /// the rules did not see: they join only an entity of their own type.
    pub(super) fn refine(
        &mut self,
        gazetteer: &Gazetteer,
        text: &str,
        tokens: &[Token],
        spans: &[(Range<usize>, Kind)],
        fixed: &[Range<usize>],
    ) {
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
            let is_fixed = fixed.contains(range);
            let id = if let Some(id) = by_start
                .get(&(start, end))
                .filter(|id| !is_fixed || self.entities[**id].kind == *kind)
            {
                *id
            } else if let Some(id) = self
                .by_surface
                .get(surface)
                .or_else(|| self.by_surface.get(&canonical_key(gazetteer, surface, *kind)))
                .filter(|id| self.entities[**id].kind == *kind)
            {
                *id
            } else {
                let mut builder = Builder::new(surface.to_owned(), *kind);
                builder.typed_by_evidence = is_fixed;
                self.entities.push(builder);
                votes.push([0; 3]);
                let id = self.entities.len() - 1;
                self.by_surface.insert(canonical_key(gazetteer, surface, *kind), id);
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
            // A region that is also a given name ("Asia") is no evidence of a person.
            if builder.typed_by_evidence && !is_region(&builder.name) {
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

/// Steps 1–4: the rule-based entities and mentions.
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `deadline` has passed (checked per name chunk).
/// Whether a name of two or more words ends in a word that makes it an event, a law, an award
/// or a product ("Coastal Classic", "Clean Air Act"): a name, but of no person, organisation
/// or place.
pub(super) fn names_event(words: &[&str]) -> bool {
    words.len() > 1 && words.last().is_some_and(|w| NOT_ENTITY_HEADS.contains(w))
}

/// Whether a name the tagger found is an event's, a law's or an award's: [`names_event`], or a
/// sports event's ("the Harbour Open").
pub(super) fn names_any_event(words: &[&str]) -> bool {
    names_event(words) || words.len() > 1 && words.last().is_some_and(|w| EVENT_HEADS.contains(w))
}

pub(super) fn by_rules(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    headings: &Headings,
    dateline: DatelineNames<'_>,
    deadline: Deadline,
) -> Result<RuleEntities, ExtractError> {
    let in_heading = |t: &Token| headings.contains(t.start);
    let word = |i: usize| tokens[i].text(text);
    let chunks = chunking::chunks(gazetteer, text, tokens, headings);

    // 2. Type each chunk.
    let mut typed: Vec<(Range<usize>, Kind, Option<String>, bool)> = Vec::new();
    for chunk in &chunks {
        deadline.check()?;
        let range = chunk.tokens.clone();
        let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
        let words: Vec<&str> = range.clone().map(word).collect();
        if words.len() == 1 && gazetteer.is_demonym(surface) {
            continue;
        }
        // Events, laws, awards and products are names, but not of persons, organisations or places.
        if chunk.role.is_none() && names_event(&words) {
            continue;
        }
        // A role split (`chunk.kind`) is evidence; `classify` says whether its type is.
        let classified = chunk
            .kind
            .map(|kind| (kind, true))
            .or_else(|| classify(gazetteer, text, tokens, &range, surface, &words, dateline));
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
    // Per surname: the first full name with it, and whether another full name has it too.
    let mut surnames: HashMap<&str, (&str, bool)> = HashMap::new();
    for (r, _, _, _) in typed
        .iter()
        .filter(|(r, k, _, _)| *k == Kind::Person && r.len() > 1)
    {
        let name = &text[tokens[r.start].start..tokens[r.end - 1].end];
        let entry = surnames.entry(word(r.end - 1)).or_insert((name, false));
        entry.1 |= entry.0 != name;
    }
    order.retain(|(r, k, role, _)| {
        let surface = &text[tokens[r.start].start..tokens[r.end - 1].end];
        // Some full name other than this one ends in this name's first word.
        let named_after = surnames
            .get(word(r.start))
            .is_some_and(|(first, several)| *several || *first != surface);
        !(*k == Kind::Person && role.is_none() && r.len() > 1 && named_after)
    });
    for (range, kind, role, typed_by_evidence) in order {
        let surface = text[tokens[range.start].start..tokens[range.end - 1].end].to_owned();
        let confident = range.len() > 1 || role.is_some() || *kind != Kind::Person;
        if !confident && !by_surface.contains_key(&surface) {
            pending_single.push((range.clone(), role.clone()));
            continue;
        }
        let key = canonical_key(gazetteer, &surface, *kind);
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
        votes.given_name = is_given_name(gazetteer, surface);
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
            .or_else(|| by_surface.get(&canonical_key(gazetteer, &surface, Kind::Location)))
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
    Ok(RuleEntities {
        entities,
        mentions,
        by_surface,
    })
}

pub(super) struct Builder {
    pub(super) name: String,
    pub(super) kind: Kind,
    pub(super) roles: Vec<String>,
    /// The type came from evidence (a role, the gazetteer, an organisation or place word, the
    /// dateline), not from a default or a vote: the statistical tagger does not change it.
    typed_by_evidence: bool,
}

impl Builder {
    fn new(name: String, kind: Kind) -> Self {
        // A dateline's "PORTO" is named "Porto"; short all-capital names are acronyms and stay.
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let name = if letters > 4 && !name.chars().any(char::is_lowercase) {
            words::title_case(&name)
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

    /// A builder with no roles, for tests of the steps after the rules.
    #[cfg(test)]
    pub(super) fn for_tests(name: &str, kind: Kind) -> Self {
        Self::new(name.to_owned(), kind)
    }

    fn add_role(&mut self, role: String) {
        if !self.roles.contains(&role) {
            self.roles.push(role);
        }
    }
}

/// The grouping key of a mention: places that name one country share it ("U.S." and "United
/// States"), a shouted dateline form groups with its ordinary spelling ("BOGOTÁ", "Bogotá").
fn canonical_key(gazetteer: &Gazetteer, surface: &str, kind: Kind) -> String {
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    let shouting = letters > 4 && !surface.chars().any(char::is_lowercase);
    let form = if shouting {
        words::title_case(surface)
    } else {
        surface.to_owned()
    };
    if kind == Kind::Location
        && let Some((code, gazetteer::Via::Name)) = gazetteer.country_of(&form)
    {
        return format!("country:{code}");
    }
    if kind == Kind::Organization
        && let Some((name, form_word)) = form.rsplit_once(' ')
        && COMPANY_FORMS.contains(&form_word)
        && gazetteer.country_of(name.trim_end_matches(',')).is_none()
        && !gazetteer.is_place(name.trim_end_matches(','))
        && !is_acronym(name.trim_end_matches(','))
    {
        // "Veldor Bank Plc" and "Veldor Bank" are one company; "NZ Inc" and "NZ" are not.
        return name.trim_end_matches(',').to_owned();
    }
    form
}

/// Legal forms a company's name may carry or drop ("Veldor Bank Plc", later "Veldor Bank").
const COMPANY_FORMS: &[&str] = &[
    "plc", "PLC", "Plc", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Co", "Co.", "LLC", "AG",
    "SA", "S.A.", "NV", "N.V.", "GmbH", "SpA", "S.p.A.", "Limited", "Incorporated", "LLP", "Bhd",
];

/// "the foreign minister Ana Ruiz": up to three lower-case words ending in an office noun.
fn lowercase_role_before(text: &str, tokens: &[Token], start: usize) -> Option<String> {
    let prev = start.checked_sub(1)?;
    let w = tokens[prev].text(text);
    if !ROLE_NOUNS.contains(w) || tokens[prev].sentence != tokens[start].sentence {
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
        if ROLE_NOUNS.contains(tokens[i].text(text))
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
