//! Pages made of repeated units — the posts of a thread, the cards of a listing, the sections
//! of a service page: when the top candidate is one of several siblings of the same tag and
//! class that each hold text, the content is all of them, not the one that scored best.
//! Readability's single winning node keeps one post of a thread; this widens it.

use super::table::{NONE, Table, density};
use super::tags::Tag;

/// How far above the top candidate the repeated unit may sit.
const MAX_LEVELS: usize = 6;
/// Siblings of one shape needed to read them as repeated units.
const MIN_UNITS: usize = 3;
/// Characters a unit needs to count.
const MIN_UNIT_CHARS: f32 = 50.0;
/// Link density under which repeated units are text (posts, cards with excerpts) rather than a
/// menu; cards whose title is a link reach 0.5 and more.
const UNITS_MAX_LINK_DENSITY: f32 = 0.7;

impl Table<'_> {
    /// The repeated units the top candidate `top` belongs to, in document order, or `None`
    /// when it stands alone (an article among teasers holds far more text than they do, and
    /// stays alone).
    pub(super) fn repeated_units(&self, top: u32) -> Option<Vec<u32>> {
        let mut x = top;
        for _ in 0..MAX_LEVELS {
            let parent = self.elements[x as usize].parent;
            if parent == NONE || x == 0 {
                return None;
            }
            if let Some(units) = self.units_like(x, parent) {
                return Some(units);
            }
            x = parent;
        }
        None
    }

    /// The children of `parent` shaped like `x`, when they are repeated units around it.
    fn units_like(&self, x: u32, parent: u32) -> Option<Vec<u32>> {
        let e = &self.elements[x as usize];
        let named = e.class != 0 || matches!(e.tag, Tag::Article | Tag::Section | Tag::Li);
        if !named || matches!(e.tag, Tag::P | Tag::Text | Tag::Span | Tag::Phrasing | Tag::A) {
            return None;
        }
        let first_class = |i: u32| {
            let node = &self.elements[i as usize].node;
            node.attr("class")
                .and_then(|c| c.split_whitespace().next().map(str::to_owned))
        };
        let shape = first_class(x);
        let similar: Vec<u32> = self
            .element_children(parent)
            .filter(|&s| {
                let o = &self.elements[s as usize];
                o.tag == e.tag && (o.class == e.class || (shape.is_some() && first_class(s) == shape))
            })
            .collect();
        let texts: Vec<f32> = similar
            .iter()
            .map(|&s| self.elements[s as usize].sums.chars)
            .filter(|&c| c >= MIN_UNIT_CHARS)
            .collect();
        if texts.len() < MIN_UNITS {
            return None;
        }
        let total: f32 = texts.iter().sum();
        let links: f32 = similar
            .iter()
            .map(|&s| self.elements[s as usize].sums.link_chars)
            .sum();
        let own = e.sums.chars;
        let mut others: Vec<f32> = texts.clone();
        others.sort_by(f32::total_cmp);
        let median = others[others.len() / 2];
        let widens =
            total >= 1.5 * own && own <= 4.0 * median && density(links, total) < UNITS_MAX_LINK_DENSITY;
        widens.then_some(similar)
    }
}

/// Link density under which the page's `<main>` counts as text rather than a menu (a grid of
/// linked cards with their prices and blurbs stays under it).
const MAIN_MAX_LINK_DENSITY: f32 = 0.5;
/// How much more text than the chosen content the `<main>` must hold to replace it.
const MAIN_MIN_GAIN: f32 = 1.6;

impl Table<'_> {
    /// The page's declared main region (`<main>`, `role=main`) holding `top`, when it is mostly
    /// text and holds clearly more than `chosen`: a page of sections, where the best section
    /// alone wins Readability's scoring.
    pub(super) fn declared_main(&self, top: u32, chosen: &[u32]) -> Option<u32> {
        let main = std::iter::once(top)
            .chain(self.ancestors(top))
            .take_while(|&a| a != 0)
            .find(|&a| {
                let node = &self.elements[a as usize].node;
                node.qual_name_ref().is_some_and(|n| &*n.local == "main")
                    || node.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
            })?;
        let sums = &self.elements[main as usize].sums;
        let chosen_chars: f32 = chosen
            .iter()
            .map(|&i| self.elements[i as usize].sums.chars)
            .sum();
        (density(sums.link_chars, sums.chars) < MAIN_MAX_LINK_DENSITY
            && sums.chars > MAIN_MIN_GAIN * chosen_chars)
            .then_some(main)
    }
}
