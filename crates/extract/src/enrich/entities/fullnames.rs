//! Short person names joined to the one full name they stand for: "Wenna" or "Pak" alone, where
//! the article also names "Wenna Tarrow" or "Pak Soo-ahn", is that person, so its mentions,
//! and a quote's speaker found through them, carry the full name. A single word joins only
//! when exactly one full name in the article opens or ends with it, else at each mention to the
//! one of them named last before it ("Vasko" before any of "Dorin Vasko" and "Mila Vasko" stays
//! apart); a full name written with an honorific or title words in
//! front ("Miss Ilse Varga", "Head Brewer Talia Moss") is the same person as the full name
//! it ends in. Entities keep their ids; mentions and
//! roles move, and the emptied entity is dropped later with the others that have no mention.

use std::collections::HashMap;

use super::rules::Builder;
use super::types::{Kind, MentionRef};

/// Honorifics and titles a written full name may open with ("Miss Ilse Varga", "Dr. Parr").
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady", "Lord",
];

/// A person's name without the honorifics it opens with, as words.
fn bare_words(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let titles = words
        .iter()
        .take_while(|w| HONORIFICS.contains(&w.trim_end_matches('.')))
        .count();
    words[titles..].to_vec()
}

/// The shortest ending of the full name `bare`, of two words or more, that is itself a full
/// name in `full`; `bare` when there is none.
fn canonical<'a>(full: &HashMap<&str, usize>, bare: &'a str) -> &'a str {
    let mut name = bare;
    for (at, _) in bare.char_indices().filter(|(_, c)| *c == ' ') {
        let rest = &bare[at + 1..];
        if rest.contains(' ') && full.contains_key(rest) {
            name = rest;
        }
    }
    name
}

/// Re-points the mentions of a short person name, and of a full name written with an
/// honorific, to the entity of the one full name it stands for (rule in the module docs).
pub(super) fn join(entities: &mut [Builder], mentions: &mut [MentionRef]) {
    let mut mentioned = vec![false; entities.len()];
    for m in mentions.iter() {
        mentioned[m.entity] = true;
    }
    let persons = || {
        entities
            .iter()
            .enumerate()
            .filter(|(id, e)| mentioned[*id] && e.kind == Kind::Person)
    };
    // Each full name (without honorifics) and the entity that carries it: the one whose name
    // has no honorific, else the first.
    let bare_of: Vec<Option<String>> = entities
        .iter()
        .enumerate()
        .map(|(id, e)| {
            let words = bare_words(&e.name);
            (mentioned[id] && e.kind == Kind::Person && words.len() >= 2).then(|| words.join(" "))
        })
        .collect();
    let mut full: HashMap<&str, usize> = HashMap::new();
    for (id, bare) in bare_of.iter().enumerate() {
        let Some(bare) = bare.as_deref() else {
            continue;
        };
        let plain = entities[id].name == bare;
        full.entry(bare)
            .and_modify(|kept| {
                if plain && entities[*kept].name != bare {
                    *kept = id;
                }
            })
            .or_insert(id);
    }
    // A full name that ends in another one is that person with a title in front ("Head Brewer
    // Talia Moss" and "Talia Moss"): the shortest such ending is the name.
    // The full names each single word opens or ends.
    let mut by_word: HashMap<&str, Vec<&str>> = HashMap::new();
    for bare in full.keys().filter(|b| canonical(&full, b) == **b) {
        let words: Vec<&str> = bare.split(' ').collect();
        for w in [words[0], words[words.len() - 1]] {
            let names = by_word.entry(w).or_default();
            if !names.contains(bare) {
                names.push(bare);
            }
        }
    }
    // Per entity: the one full name it stands for, or the several a single word may.
    let mut target: Vec<Option<usize>> = vec![None; entities.len()];
    let mut several: Vec<&[&str]> = vec![&[]; entities.len()];
    for (id, e) in persons() {
        match (bare_of[id].as_deref(), bare_words(&e.name).as_slice()) {
            (Some(bare), _) => target[id] = Some(full[canonical(&full, bare)]),
            (None, [single]) => match by_word.get(single).map(Vec::as_slice) {
                Some([one]) => target[id] = Some(full[one]),
                Some(names) => several[id] = names,
                None => {}
            },
            _ => {}
        }
        target[id] = target[id].filter(|t| *t != id);
    }
    // A word several full names share is, at each mention, the one named last before it
    // ("Dorin" after "Dorin Vasko" and before "Dorin Yale" is the first); before any, it
    // stays apart.
    let mut last_named: HashMap<&str, usize> = HashMap::new();
    for m in mentions.iter_mut() {
        if let Some(bare) = bare_of[m.entity].as_deref() {
            last_named.insert(canonical(&full, bare), m.start);
        }
        if let Some(to) = target[m.entity] {
            m.entity = to;
        } else if let Some((_, name)) = several[m.entity]
            .iter()
            .filter_map(|name| last_named.get(name).map(|at| (*at, *name)))
            .max()
        {
            m.entity = full[name];
        }
    }
    // The roles go with the mentions ("her aunt, Wenna" gives Wenna Tarrow the role).
    for (from, to) in target.iter().enumerate() {
        if let Some(to) = *to {
            for role in std::mem::take(&mut entities[from].roles) {
                if !entities[to].roles.contains(&role) {
                    entities[to].roles.push(role);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Builder {
        Builder::for_tests(name, Kind::Person)
    }

    fn mention(entity: usize) -> MentionRef {
        MentionRef {
            start: entity * 10,
            end: entity * 10 + 5,
            entity,
            sentence: entity,
        }
    }

    fn joined(entities: &[Builder]) -> Vec<usize> {
        let mut entities: Vec<Builder> = entities.iter().map(|e| Builder::for_tests(&e.name, e.kind)).collect();
        let mut mentions: Vec<MentionRef> = (0..entities.len()).map(mention).collect();
        join(&mut entities, &mut mentions);
        mentions.iter().map(|m| m.entity).collect()
    }

    #[test]
    fn a_given_name_alone_joins_the_one_full_name_it_opens() {
        let found = [person("Wenna"), person("Wenna Tarrow"), person("Oskar Brill")];
        assert_eq!(joined(&found), [1, 1, 2]);
    }

    #[test]
    fn a_family_name_written_first_joins_its_full_name() {
        let found = [person("Pak Soo-ahn"), person("Pak")];
        assert_eq!(joined(&found), [0, 0]);
    }

    #[test]
    fn a_word_two_full_names_share_stays_apart() {
        let found = [person("Vasko"), person("Dorin Vasko"), person("Mila Vasko")];
        assert_eq!(joined(&found), [0, 1, 2]);
    }

    #[test]
    fn a_word_two_full_names_share_is_the_one_named_last_before_it() {
        let found = [person("Dorin Vasko"), person("Dorin"), person("Dorin Yale"), person("Dorin")];
        let mut entities: Vec<Builder> = found.iter().map(|e| Builder::for_tests(&e.name, e.kind)).collect();
        let mut mentions: Vec<MentionRef> = [0, 1, 2, 1].into_iter().enumerate().map(|(at, entity)| MentionRef {
            start: at * 10,
            end: at * 10 + 5,
            entity,
            sentence: at,
        }).collect();
        join(&mut entities, &mut mentions);
        let got: Vec<usize> = mentions.iter().map(|m| m.entity).collect();
        assert_eq!(got, [0, 0, 2, 2]);
    }

    #[test]
    fn a_full_name_with_an_honorific_is_the_name_without_it() {
        let found = [person("Miss Ilse Varga"), person("Ilse Varga"), person("Varga")];
        assert_eq!(joined(&found), [1, 1, 1]);
    }

    #[test]
    fn a_full_name_with_title_words_in_front_is_the_name_without_them() {
        let found = [person("Head Brewer Talia Moss"), person("Talia Moss"), person("Moss")];
        assert_eq!(joined(&found), [1, 1, 1]);
    }

    #[test]
    fn an_organisation_is_never_joined_to_a_person() {
        let found = [
            person("Corvin Hale"),
            Builder::for_tests("Corvin", Kind::Organization),
        ];
        assert_eq!(joined(&found), [0, 1]);
    }
}
