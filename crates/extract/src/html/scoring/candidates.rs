//! Candidate selection: the top candidate after link density, its climbs to a shared or
//! better-scoring ancestor, and the siblings Readability joins to it.

use super::table::{NONE, Table, density};
use super::tags::Tag;

/// Candidates scoring at most this keep their score unscaled by link density.
const MIN_SCORE_TO_SCALE: f32 = 5.0;

impl Table<'_> {
    /// The best-scoring element after link density, moved up to a shared ancestor when several
    /// near-best candidates sit under one, and up through single-child wrappers.
    pub(super) fn top_candidate(&mut self) -> u32 {
        let mut candidates: Vec<(u32, f32)> = Vec::new();
        for i in 0..self.elements.len() {
            let e = &mut self.elements[i];
            // As `dom_smoothie` does: low scores are not scaled, and only positive ones compete.
            if let Some(score) = e.score.as_mut() {
                if *score > MIN_SCORE_TO_SCALE {
                    *score *= 1.0 - density(e.sums.link_chars, e.sums.chars);
                }
                if *score > 0.0 {
                    candidates.push((i as u32, *score));
                }
            }
        }
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(5);
        let Some(&(mut top, top_score)) = candidates.first() else {
            return 0;
        };
        if top == 0 {
            return 0;
        }
        let alternatives: Vec<Vec<u32>> = candidates[1..]
            .iter()
            .filter(|(_, s)| *s / top_score >= 0.75)
            .map(|(i, _)| self.ancestors(*i).collect())
            .collect();
        if alternatives.len() > 3 {
            let mut parent = self.elements[top as usize].parent;
            while parent != NONE && parent != 0 {
                let lists = alternatives.iter().filter(|a| a.contains(&parent)).count();
                if lists >= 3 {
                    top = parent;
                    break;
                }
                parent = self.elements[parent as usize].parent;
            }
        }
        if self.elements[top as usize].score.is_none() {
            let base = self.base_score(top);
            self.elements[top as usize].score = Some(base);
        }
        let mut last = self.elements[top as usize].score.unwrap_or_default();
        let threshold = last / 3.0;
        let mut parent = self.elements[top as usize].parent;
        while parent != NONE && parent != 0 {
            let Some(score) = self.elements[parent as usize].score else {
                parent = self.elements[parent as usize].parent;
                continue;
            };
            if score < threshold {
                break;
            }
            if score > last {
                top = parent;
                break;
            }
            last = score;
            parent = self.elements[parent as usize].parent;
        }
        let mut parent = self.elements[top as usize].parent;
        while parent != NONE && parent != 0 && self.element_children(parent).count() == 1 {
            top = parent;
            parent = self.elements[top as usize].parent;
        }
        top
    }

    /// The top candidate with the siblings Readability joins to it, in document order.
    pub(super) fn siblings_of(&mut self, top: u32) -> Vec<u32> {
        let parent = self.elements[top as usize].parent;
        if parent == NONE {
            return vec![top];
        }
        let top_score = self.elements[top as usize].score.unwrap_or_default();
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.elements[top as usize].class;
        let siblings: Vec<u32> = self.element_children(parent).collect();
        siblings
            .into_iter()
            .filter(|&s| {
                if s == top {
                    return true;
                }
                let e = &self.elements[s as usize];
                let bonus = if top_class != 0 && e.class == top_class {
                    top_score * 0.2
                } else {
                    0.0
                };
                if e.score.is_some_and(|score| score + bonus >= threshold) {
                    return true;
                }
                let is_p = e.tag == Tag::P || e.as_paragraph || e.transparent;
                if !is_p {
                    return false;
                }
                let link_density = density(e.sums.link_chars, e.sums.chars);
                let length = e.sums.chars;
                if length > 80.0 {
                    link_density < 0.25
                } else {
                    length > 0.0 && link_density == 0.0 && ends_a_sentence(&self.text_of(s))
                }
            })
            .collect()
    }
}

/// Readability's short-paragraph test: a full stop followed by a space or the end.
fn ends_a_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('.') || t.contains(". ")
}
