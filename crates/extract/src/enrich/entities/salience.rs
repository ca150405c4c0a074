//! Step 5: the entities as the record gives them: aliases, counts and salience (mentions, a
//! place in the title, an early first mention), most salient first; entities without mentions
//! are dropped. A rule-built name with a noisy edge (`tidy`) gives way to its longest mention.

use std::collections::HashMap;

use super::rules::Builder;
use super::tidy::has_noisy_edge;
use super::types::{Entity, MentionRef, Span};

/// Step 5: aliases, counts, salience; entities without mentions are dropped.
pub(super) fn finish(
    text: &str,
    title: Option<&str>,
    entities: &[Builder],
    mut mentions: Vec<MentionRef>,
) -> (Vec<Entity>, Vec<MentionRef>) {
    let title_lower = title.map(str::to_lowercase).unwrap_or_default();
    let text_len = text.len().max(1) as f64;
    let mut out: Vec<Entity> = Vec::new();
    let mut remap: HashMap<usize, usize> = HashMap::new();
    // Each entity's mentions, in text order.
    let mut by_entity: Vec<Vec<&MentionRef>> = vec![Vec::new(); entities.len()];
    for m in &mentions {
        by_entity[m.entity].push(m);
    }
    for (id, (builder, own)) in entities.iter().zip(by_entity).enumerate() {
        if own.is_empty() {
            continue;
        }
        let surfaces = || own.iter().map(|m| &text[m.start..m.end]);
        let name = if has_noisy_edge(&builder.name) && surfaces().all(|s| s != builder.name) {
            surfaces()
                .max_by_key(|s| s.chars().count())
                .unwrap_or(&builder.name)
                .to_owned()
        } else {
            builder.name.clone()
        };
        let mut aliases: Vec<String> = surfaces()
            .filter(|s| *s != name)
            .map(str::to_owned)
            .collect();
        aliases.sort();
        aliases.dedup();
        let in_title = std::iter::once(&name)
            .chain(&aliases)
            .any(|n| title_lower.contains(&n.to_lowercase()));
        let first = own[0].start as f64 / text_len;
        let score = own.len() as f64 + if in_title { 3.0 } else { 0.0 } + (1.0 - first);
        remap.insert(id, out.len());
        out.push(Entity {
            name,
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
