//! Paragraph scoring: the divs Readability reads as paragraphs, the runs of loose text, each
//! paragraph's score added to its ancestors, an element's base score, and `isProbablyReadable`.

use super::table::{Element, NONE, Sums, Table, density};
use super::tags::Tag;

impl Table<'_> {
    /// Readability's `isProbablyReadable` over the elements it considers: paragraphs, `pre`,
    /// `article` and containers of loose text.
    pub(super) fn probably_readable(&self) -> bool {
        self.readable_score(20.0) > 20.0
    }

    /// `isProbablyReadable`'s score (the square roots of the paragraphs' excess over 140
    /// characters), counted up to just past `cap`.
    pub(super) fn readable_score(&self, cap: f32) -> f32 {
        let mut score = 0.0f32;
        for e in &self.elements {
            let considered = matches!(e.tag, Tag::P | Tag::Pre | Tag::Article)
                || (e.tag == Tag::Div && e.own_chars > 0.0);
            if considered && e.sums.chars >= 140.0 {
                score += (e.sums.chars - 140.0).sqrt();
                if score > cap {
                    return score;
                }
            }
        }
        score
    }

    /// Readability turns a `<div>` without block elements into a paragraph, and replaces one
    /// holding a single paragraph (and little link text) by that paragraph.
    pub(super) fn mark_paragraph_divs(&mut self) {
        for i in 0..self.elements.len() {
            let e = &self.elements[i];
            if e.tag != Tag::Div || e.removed {
                continue;
            }
            let (mut runs, mut run_chars) = (0usize, 0.0f32);
            self.for_each_run(i as u32, |chars, _, _| {
                runs += 1;
                run_chars += chars;
            });
            let link_density = density(e.sums.link_chars, e.sums.chars);
            let mut blocks = self
                .element_children(i as u32)
                .filter(|&c| !self.is_phrasing(c));
            let first_block = blocks.next();
            let more_blocks = blocks.next().is_some();
            drop(blocks);
            // Readability wraps each run in a `<p>`; a div left holding one `<p>` (and little
            // link text) is replaced by it; a div without any block becomes a `<p>`.
            let one_run = runs == 1 && first_block.is_none() && !e.br_chain;
            let one_p = runs == 0
                && !more_blocks
                && first_block.is_some_and(|c| self.elements[c as usize].tag == Tag::P);
            let transparent = one_p && link_density < 0.25;
            let as_paragraph = one_run && link_density < 0.25 || runs == 0 && !e.sums.has_block;
            let e = &mut self.elements[i];
            e.transparent = transparent;
            e.as_paragraph = as_paragraph;
            // The cleaning counts the paragraphs Readability made: a div turned into one counts
            // for its ancestors (and in its own contribution), the runs wrapped in one count
            // as paragraphs and "textish" text for the div and its ancestors.
            let (extra, from) = if as_paragraph {
                let extra = Sums {
                    paragraphs: 1.0,
                    ..Sums::default()
                };
                (extra, e.parent)
            } else if runs > 0 && !transparent {
                let extra = Sums {
                    paragraphs: runs as f32,
                    textish_chars: run_chars,
                    ..Sums::default()
                };
                (extra, i as u32)
            } else {
                continue;
            };
            let mut at = from;
            while at != NONE {
                let a = &mut self.elements[at as usize];
                a.sums.add(&extra);
                at = a.parent;
            }
        }
    }

    /// Readability's phrasing content: text, inline elements, links without blocks.
    fn is_phrasing(&self, index: u32) -> bool {
        let e = &self.elements[index as usize];
        e.tag.is_phrasing() && !(e.tag == Tag::A && e.sums.has_block)
    }

    /// The runs of phrasing content among an element's children that Readability turns into
    /// paragraphs: (characters, commas, whether the run follows a chain of `<br>`).
    fn for_each_run(&self, index: u32, mut run_found: impl FnMut(f32, f32, bool)) {
        let blank = |c: u32| {
            let e = &self.elements[c as usize];
            e.tag == Tag::Text && e.sums.solid == 0.0
        };
        let mut current: Option<(f32, f32, bool)> = None;
        let mut after_chain = false;
        let mut children = self.children(index).peekable();
        while let Some(c) = children.next() {
            let e = &self.elements[c as usize];
            if blank(c) {
                if let Some(run) = current.as_mut() {
                    run.0 += e.sums.chars;
                }
                continue;
            }
            if e.tag == Tag::Br {
                let next = children.clone().find(|&n| !blank(n));
                if next.is_some_and(|n| self.elements[n as usize].tag == Tag::Br) {
                    if let Some((chars, commas, chain)) = current.take() {
                        run_found(chars, commas, chain);
                    }
                    while children
                        .peek()
                        .is_some_and(|&n| blank(n) || self.elements[n as usize].tag == Tag::Br)
                    {
                        children.next();
                    }
                    after_chain = true;
                }
                continue;
            }
            if self.is_phrasing(c) {
                let run = current.get_or_insert((0.0, 0.0, after_chain));
                run.0 += e.sums.chars;
                run.1 += e.sums.commas;
            } else {
                if let Some((chars, commas, chain)) = current.take() {
                    run_found(chars, commas, chain);
                }
                after_chain = false;
            }
        }
        if let Some((chars, commas, chain)) = current {
            run_found(chars, commas, chain);
        }
    }

    fn is_scored_paragraph(&self, e: &Element<'_>) -> bool {
        !e.transparent
            && (e.as_paragraph
                || matches!(
                    e.tag,
                    Tag::P | Tag::Td | Tag::Pre | Tag::Section | Tag::Heading(2..=6)
                ))
    }

    pub(super) fn score_paragraphs(&mut self) {
        for i in 0..self.elements.len() {
            let e = &self.elements[i];
            if e.removed || e.tag == Tag::Text {
                continue;
            }
            if self.is_scored_paragraph(e) && e.sums.chars >= 25.0 {
                self.add_score(i as u32, e.sums.chars, e.sums.commas);
            }
            let e = &self.elements[i];
            // A container `<div>`'s runs of loose text, and the text after a chain of `<br>`
            // elsewhere, become paragraphs of their own, scored into the element.
            let container_div = e.tag == Tag::Div && !e.transparent && !e.as_paragraph;
            if container_div || e.br_chain && e.tag != Tag::P && !e.as_paragraph {
                let mut scored = Vec::new();
                self.for_each_run(i as u32, |chars, commas, after_chain| {
                    if chars >= 25.0 && (container_div || after_chain) {
                        scored.push((chars, commas));
                    }
                });
                for (chars, commas) in scored {
                    self.add_paragraph_score(i as u32, chars, commas);
                }
            }
        }
    }

    /// Adds a paragraph's score to up to five ancestors of element `paragraph`.
    fn add_score(&mut self, paragraph: u32, chars: f32, commas: f32) {
        let parent = self.elements[paragraph as usize].parent;
        self.add_paragraph_score(parent, chars, commas);
    }

    /// Adds a paragraph's score to `first` (level 0) and its ancestors up to level 4.
    fn add_paragraph_score(&mut self, first: u32, chars: f32, commas: f32) {
        let score = 1.0 + (commas + 1.0) + (chars / 100.0).floor().min(3.0);
        let mut level = 0u32;
        let mut current = first;
        while current != NONE && level < 5 {
            let e = &self.elements[current as usize];
            let next = e.parent;
            if e.transparent {
                current = next;
                continue;
            }
            if e.removed {
                break;
            }
            // Readability skips an ancestor whose parent is not an element (`<html>`).
            let base = self.base_score(current);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => f32::from(u8::try_from(l * 3).unwrap_or(u8::MAX)),
            };
            let e = &mut self.elements[current as usize];
            *e.score.get_or_insert(base) += score / divider;
            level += 1;
            current = next;
        }
    }

    /// Readability's initial score of an element: by tag, plus its class weight.
    pub(super) fn base_score(&self, index: u32) -> f32 {
        let e = &self.elements[index as usize];
        let by_tag = if e.as_paragraph {
            0.0
        } else {
            match e.tag {
                Tag::Div => 5.0,
                Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
                Tag::Address
                | Tag::Ol
                | Tag::Ul
                | Tag::Dl
                | Tag::Dd
                | Tag::Dt
                | Tag::Li
                | Tag::Form => -3.0,
                Tag::Heading(_) | Tag::Th => -5.0,
                _ => 0.0,
            }
        };
        by_tag + e.weight
    }
}
