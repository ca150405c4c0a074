//! Finds the article's main content with Readability's scoring, computed in one walk over the
//! parsed tree instead of by rewriting it.
//!
//! Hand-written because the Readability port we measured (`dom_smoothie`) costs more than the
//! parse itself: it rewrites the tree (divs to paragraphs, `<br>` runs to paragraphs), then
//! recomputes text and link lengths with selector queries for every candidate and every element
//! it considers cleaning. Here the tree is read once into a flat table of elements with their
//! text length, link text, commas and tag counts summed bottom-up; the paragraph scores, the
//! candidate climb, the sibling join and the conditional cleaning are the same rules as
//! Readability.js (its word lists and thresholds) evaluated on that table, and removing an
//! element is subtracting its sums from its ancestors. Nothing in the document is changed.
//! The paragraphs Readability would have made (divs turned into `<p>`, loose text wrapped in
//! one) are counted where its cleaning counts paragraphs.
//!
//! Beyond Readability, for today's page types (`repeats`): a top candidate that is one of
//! several like-shaped siblings (posts, cards, sections) brings all of them, and a page's
//! `<main>` that is mostly text and holds clearly more than the chosen content replaces it.
//!
//! Known differences from Readability's output, kept on purpose: where Readability drops a
//! `<br>` and glues the words of two lines together, the lines stay apart here.
//!
//! The submodules, each using only those listed before it:
//! - `vocabulary`: the class/id word lists, their Aho-Corasick automaton, class weights;
//! - `tags`: the element kinds and the `TAGS` table of tag names;
//! - `table`: the flat table of elements and their sums (`Sums`, `TextSpan`), read from the
//!   tree, with removal by subtraction;
//! - `paragraphs`: paragraph divs, runs of loose text, paragraph scores, `isProbablyReadable`;
//! - `candidates`: the top candidate, its climbs and the sibling join;
//! - `repeats`: the repeated units (posts, cards, sections) a top candidate belongs to;
//! - `cues`: the cue words of credit lines, teaser lines and furniture headings (data);
//! - `precision`: the interface text left inside the content after the cleaning (prompts
//!   around a form control, credit and teaser lines, furniture sections);
//! - `cleaning`: the title heading, share widgets, chrome, conditional cleaning, data tables;
//! - `byline`: the byline element and the comments test (on the tree, not the table);
//! - `block_features`: the page's text blocks (units) and their features, from the table;
//! - `block_model`: the learned block classifier's weights (shipped in `models/blocks.txt`);
//! - `assembly`: the learned pass's output read from the scorer's roots, with the units the
//!   classifier drops left out and those it adds read from the pieces that hold them;
//! - `learned`: the pass that keeps the blocks the classifier calls content, over the whole
//!   page, with the heuristic choice among the features.
//!
//! This module holds the entry points: [`main_content`] (the attempts, and `Table::choose`
//! running paragraphs → candidates → cleaning), and re-exports [`byline_element`] and
//! [`in_comments`].

mod assembly;
mod block_features;
pub mod block_model;
mod byline;
mod candidates;
mod cleaning;
mod cues;
mod learned;
mod paragraphs;
mod poster_chrome;
mod precision;
mod repeats;
mod reviews;
mod table;
mod tags;
mod vocabulary;

use dom_query::{Document, NodeId, NodeRef};

use rustc_hash::FxHashSet;

use super::blocks;
use crate::body::Block;

pub use byline::{byline_element, in_comments};
use table::{CHAR_THRESHOLD, Flags, Table};
use tags::Tag;

/// The main content the scorer found.
#[derive(Debug, Clone)]
pub struct MainContent {
    pub blocks: Vec<Block>,
    /// Whether the page reads as an article: Readability's `isProbablyReadable` (paragraphs of
    /// 140 characters or more, scored by the square root of their excess) or enough content.
    pub readable: bool,
    /// Whether the content is worth keeping even on a page that does not read as an article:
    /// Readability's threshold of text, whitespace included, as its last resort counts it.
    pub substantial: bool,
}

/// Whether the learned pass runs, and what it needs to know of the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Learning {
    /// Run the block classifier (the `learned` reader).
    pub model: bool,
    /// The page declares itself an article (`og:type`, a JSON-LD article type).
    pub declares_article: bool,
    /// The page declares a shop's product: the precision pass leaves its reviews out.
    pub declares_product: bool,
}

/// Finds the main content of `doc`, leaving out the element `skip` (the byline), then, when
/// `learning.model`, lets the block classifier keep or add each block of the page; `None` when
/// the page has no `<body>`.
#[must_use]
pub fn main_content(
    doc: &Document,
    title: &str,
    skip: Option<NodeId>,
    learning: Learning,
) -> Option<MainContent> {
    let body = doc.body()?;
    let attempts = [
        Flags {
            strip_unlikely: true,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut best: Option<(f32, Table<'_>, Vec<u32>)> = None;
    let mut probably_readable = None;
    for flags in attempts {
        let mut table = Table::read(&body, doc.tree.len(), flags, skip);
        table.remove_title_heading(title);
        probably_readable.get_or_insert_with(|| table.probably_readable());
        let chosen = table.choose();
        let chars: f32 = chosen
            .iter()
            .map(|&i| table.elements[i as usize].sums.chars)
            .sum();
        let enough = chars >= CHAR_THRESHOLD;
        if best.as_ref().is_none_or(|(c, _, _)| chars > *c) {
            best = Some((chars, table, chosen));
        }
        if enough {
            break;
        }
    }
    let (chars, table, chosen) = best?;
    let left_out: FxHashSet<NodeId> = table
        .elements
        .iter()
        .filter(|e| e.removed)
        .map(|e| e.node.id)
        .chain(table.pruned.iter().copied())
        .chain(skip)
        .collect();
    // What the table never held (scripts, styles) is left out by its tag.
    let keep = |node: &NodeRef<'_>| {
        node.is_text()
            || !left_out.contains(&node.id)
            && node
                .qual_name_ref()
                .is_none_or(|name| Tag::of(&name.local).is_some())
    };
    // What visitors' accounts add is left out of what the scorer chose, after the choice (the
    // block model's features read the choice as it was made): a forum poster's signature and
    // panel on every page, customer reviews on a page that declares a product.
    let reviews = if learning.declares_product {
        table.in_review_cards()
    } else {
        Vec::new()
    };
    let chrome = table.in_poster_chrome();
    let visitors: FxHashSet<NodeId> = table
        .elements
        .iter()
        .enumerate()
        .filter(|(i, _)| chrome[*i] || reviews.get(*i).copied().unwrap_or(false))
        .map(|(_, e)| e.node.id)
        .collect();
    let keep = |node: &NodeRef<'_>| keep(node) && !visitors.contains(&node.id);
    let roots = chosen.iter().map(|&i| table.elements[i as usize].node);
    let readable = probably_readable.unwrap_or(false) || chars >= CHAR_THRESHOLD;
    // Readability's last resort keeps its longest attempt when that holds the threshold in raw
    // text (indentation counted), as `textContent.length` measures it.
    let raw_chars = if readable {
        0
    } else {
        chosen
            .iter()
            .map(|&i| table.text_of(i).chars().count())
            .sum()
    };
    let root_ids: Vec<NodeId> = roots.clone().map(|n| n.id).collect();
    let choice = assembly::Choice {
        roots: &root_ids,
        left_out: &left_out,
    };
    let learned = block_model::current(learning.model, |model| {
        let page = learned::Page {
            body: &body,
            nodes: doc.tree.len(),
            title,
            skip,
            declares_article: learning.declares_article,
            scorer_chars: chars,
        };
        (model.is_some() || block_model::collecting())
            .then(|| learned::learned_blocks(&page, &choice, model))
            .flatten()
    });
    // Where the classifier's decisions stand, a block that repeats an earlier one is dropped.
    let blocks = learned.map_or_else(
        || blocks::blocks_of_nodes(roots, &keep),
        learned::drop_repeats,
    );
    Some(MainContent {
        blocks,
        readable,
        substantial: readable || raw_chars >= CHAR_THRESHOLD as usize,
    })
}

impl Table<'_> {
    /// Scores paragraphs into their ancestors, picks the top candidate and its siblings, and
    /// cleans them; returns the chosen elements in document order.
    fn choose(&mut self) -> Vec<u32> {
        if self.elements.is_empty() {
            return Vec::new();
        }
        self.mark_paragraph_divs();
        self.score_paragraphs();
        let top = self.top_candidate();
        let chosen = self
            .repeated_units(top)
            .unwrap_or_else(|| self.siblings_of(top));
        let chosen = match self.declared_main(top, &chosen) {
            Some(main) => vec![main],
            None => chosen,
        };
        self.clean(&chosen);
        chosen
            .into_iter()
            .filter(|&i| !self.elements[i as usize].removed)
            .collect()
    }
}

#[cfg(test)]
mod learned_tests;
#[cfg(test)]
mod tests;
