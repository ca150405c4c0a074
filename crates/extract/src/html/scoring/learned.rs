//! The learned pass over the whole page: every text block of the body is classified as content
//! or not by the block model, with the heuristic scorer's choice among its features, and the
//! kept blocks are read in document order.

use dom_query::{NodeId, NodeRef};
use rustc_hash::FxHashSet;

use super::assembly::{Choice, assemble};
use super::block_features::{features, growth, units};
use super::block_model::{self, BlockModel, Sample};
use super::table::{Flags, NONE, Table};
use super::tags::Tag;
use crate::body::Block;

/// The page the learned pass reads.
pub(super) struct Page<'p, 'a> {
    pub(super) body: &'p NodeRef<'a>,
    /// The document's node count (the table's capacity).
    pub(super) nodes: usize,
    pub(super) title: &'p str,
    /// The byline element, left out.
    pub(super) skip: Option<NodeId>,
    /// Whether the page declares itself an article (`og:type`, JSON-LD).
    pub(super) declares_article: bool,
    /// The characters of the scorer's choice (as Readability counts them).
    pub(super) scorer_chars: f32,
}

/// The blocks the `model` keeps on the page (`None` when the scorer's choice stands: without a
/// model, when it keeps none or agrees with the scorer, or on a page left to the scorer by the
/// model's gates — a declared article the scorer read enough of, a page that reads as an
/// article, a choice that holds most of the page's text); a sample collection under way gets
/// every unit's features and text.
pub(super) fn learned_blocks(
    page: &Page<'_, '_>,
    choice: &Choice<'_>,
    model: Option<&BlockModel>,
) -> Option<Vec<Block>> {
    let collecting = block_model::collecting();
    let deferred = |m: &BlockModel| {
        m.defer_articles && page.declares_article && page.scorer_chars >= m.article_chars
    };
    if !collecting && model.is_none_or(deferred) {
        return None;
    }
    let flags = Flags {
        strip_unlikely: false,
        weigh_classes: true,
        clean_conditionally: true,
    };
    let mut table = Table::read(page.body, page.nodes, flags, page.skip);
    table.remove_title_heading(page.title);
    let roots: FxHashSet<NodeId> = choice.roots.iter().copied().collect();
    let mut selected = vec![false; table.elements.len()];
    for (i, e) in table.elements.iter().enumerate() {
        let inherited =
            roots.contains(&e.node.id) || (e.parent != NONE && selected[e.parent as usize]);
        selected[i] = inherited && !choice.left_out.contains(&e.node.id);
    }
    let readable = table.readable_score(1000.0);
    if !collecting && model.is_none_or(|m| readable >= m.gate) {
        return None;
    }
    let units = units(&table, &selected);
    let features = features(&table, &units, readable);
    if block_model::collecting() {
        let samples = units
            .iter()
            .zip(&features)
            .map(|(u, f)| Sample {
                features: *f,
                selected: u.selected,
                text: unit_text(&table, u.element, u.loose),
            })
            .collect();
        block_model::deliver(samples);
    }
    let model = model?;
    let reviews = table.in_review_cards();
    let chrome = table.in_poster_chrome();
    let kept: Vec<bool> = units
        .iter()
        .zip(&features)
        .map(|(u, f)| {
            let visitors = reviews[u.element as usize] || chrome[u.element as usize];
            !visitors && model.keeps(f, u.selected)
        })
        .collect();
    if !kept.contains(&true) || growth(&units, &kept) < model.growth {
        return None;
    }
    assemble(&table, &units, &kept, choice, page.skip)
}

/// The shortest block (in characters) that [`drop_repeats`] drops when it repeats.
const REPEAT_CHARS: usize = 20;

/// `blocks` without the blocks that repeat an earlier block's text word for word (compared
/// case-insensitively, at least [`REPEAT_CHARS`] characters): responsive pages write the same
/// description, post or card twice (once per layout), and a reader shows it once. Short
/// repeats ("Add to cart", a section label) stay. Applied where the classifier's decisions
/// stand (on the scorer's own output, Readability's test pages lose repeated paragraphs that
/// their expected text keeps).
pub(super) fn drop_repeats(blocks: Vec<Block>) -> Vec<Block> {
    let mut seen: FxHashSet<String> = FxHashSet::default();
    blocks
        .into_iter()
        .filter(|b| b.text.chars().count() < REPEAT_CHARS || seen.insert(b.text.to_lowercase()))
        .collect()
}

/// A unit's text: the leaf block's, or the container's loose text.
fn unit_text(table: &Table<'_>, element: u32, loose: bool) -> String {
    let e = &table.elements[element as usize];
    if !loose {
        return e.node.text().to_string();
    }
    let mut text = String::new();
    for c in table.children(element) {
        let ce = &table.elements[c as usize];
        if matches!(
            ce.tag,
            Tag::Text | Tag::Phrasing | Tag::Span | Tag::A | Tag::Br | Tag::Code
        ) && !ce.sums.has_block
        {
            text.push_str(&ce.node.text());
            text.push(' ');
        }
    }
    text
}
