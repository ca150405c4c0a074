//! The learned block classifier: gradient-boosted trees of fixed depth over a unit's features
//! and whether the heuristic scorer selected it (so the model learns when to override the
//! scorer). The trees ship in `crates/extract/models/blocks.txt`, trained by
//! `article-enricher-eval train-blocks`.
//!
//! Hand-written: walking a few hundred shallow trees per block needs no crate. The eval tools can swap the weights for
//! one thread ([`with_model`]) and collect every unit's features and text ([`collect_samples`])
//! to train and cross-validate.

use std::cell::RefCell;
#[cfg(any(test, feature = "internals"))]
use std::rc::Rc;
use std::sync::LazyLock;

pub use super::block_features::FEATURES;

/// The weights file's first line.
const HEADER: &str = "blocks-model v2";

/// The inputs of a tree: the unit's features, then whether the heuristic scorer selected it.
pub const INPUTS: usize = FEATURES + 1;

/// One regression tree of fixed depth, in heap order: internal node `k` sends a unit right when
/// input `features[k]` exceeds `thresholds[k]`; level `d`'s nodes start at `2^d - 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub features: Vec<u16>,
    pub thresholds: Vec<f32>,
    /// `2^depth` leaf values (log-odds).
    pub leaves: Vec<f32>,
}

/// A trained classifier: boosted trees over a unit's inputs, summed in log-odds.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockModel {
    pub depth: usize,
    /// The log-odds every unit starts from.
    pub base: f32,
    /// A unit the scorer selected stays when its probability reaches this.
    pub threshold: f32,
    /// A unit the scorer left out is added when its probability reaches this.
    pub add_threshold: f32,
    /// The model reads only pages whose `isProbablyReadable` score is below this: past it the
    /// page reads as an article and the heuristic scorer's choice stands.
    pub gate: f32,
    /// The model's decisions stand only when the units it adds hold at least this share of the
    /// text the scorer chose (a thread's other posts, a grid's other cards); a few lines added
    /// to an article are furniture more often than content.
    pub growth: f32,
    /// Whether a page that declares itself an article (`og:type`, a JSON-LD article type) is
    /// left to the scorer.
    pub defer_articles: bool,
    /// With `defer_articles`, a declared article is left to the scorer only when the scorer's
    /// choice holds at least this many characters: a story the scorer cut down to a fragment
    /// (a teaser, one section of a long guide) is read by the model like any page.
    pub article_chars: f32,
    pub trees: Vec<Tree>,
}

/// What a weights file means by the lines it leaves out: no trees yet, probability one half
/// to keep or add a unit, no gate, no growth floor, declared articles read like any page.
impl Default for BlockModel {
    fn default() -> Self {
        Self {
            depth: 0,
            base: 0.0,
            threshold: 0.5,
            add_threshold: 0.5,
            gate: f32::MAX,
            growth: 0.0,
            defer_articles: false,
            article_chars: 0.0,
            trees: Vec::new(),
        }
    }
}

/// Why a weights file does not load.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a blocks model (first line must be `{HEADER}`)")]
    Header,
    #[error("line {0}: not a number")]
    Number(usize),
    #[error("line {0}: a tree of the wrong shape (depth and inputs)")]
    Shape(usize),
    #[error("no trees")]
    Empty,
}

impl BlockModel {
    /// Parses the text form: the header, `depth <d>`, `threshold <t>`, `add <t>`, `gate <g>`,
    /// `growth <r>`, `articles scorer|model`, `article-chars <n>`, `base <b>`, then one
    /// `tree` line each: the internal nodes as `input:threshold`, `|`, the leaf values.
    ///
    /// # Errors
    /// A wrong header, a value that is not a number, a tree of the wrong shape, or no tree.
    pub fn parse(text: &str) -> Result<Self, ModelError> {
        let mut lines = text.lines().map(str::trim).enumerate();
        if lines.next().map(|(_, l)| l) != Some(HEADER) {
            return Err(ModelError::Header);
        }
        let mut model = Self::default();
        for (n, line) in lines {
            let number = |v: &str| v.trim().parse::<f32>().map_err(|_| ModelError::Number(n + 1));
            if line.is_empty() || line.starts_with('#') {
                continue;
            } else if let Some(v) = line.strip_prefix("depth ") {
                model.depth = v.trim().parse().map_err(|_| ModelError::Number(n + 1))?;
            } else if let Some(v) = line.strip_prefix("threshold ") {
                model.threshold = number(v)?;
            } else if let Some(v) = line.strip_prefix("gate ") {
                model.gate = number(v)?;
            } else if let Some(v) = line.strip_prefix("growth ") {
                model.growth = number(v)?;
            } else if let Some(v) = line.strip_prefix("article-chars ") {
                model.article_chars = number(v)?;
            } else if let Some(v) = line.strip_prefix("articles ") {
                model.defer_articles = match v.trim() {
                    "scorer" => true,
                    "model" => false,
                    _ => return Err(ModelError::Number(n + 1)),
                };
            } else if let Some(v) = line.strip_prefix("add ") {
                model.add_threshold = number(v)?;
            } else if let Some(v) = line.strip_prefix("base ") {
                model.base = number(v)?;
            } else if let Some(v) = line.strip_prefix("tree ") {
                let (nodes, leaves) = v.split_once('|').ok_or(ModelError::Shape(n + 1))?;
                let mut tree = Tree {
                    features: Vec::new(),
                    thresholds: Vec::new(),
                    leaves: Vec::new(),
                };
                for node in nodes.split_whitespace() {
                    let (f, t) = node.split_once(':').ok_or(ModelError::Shape(n + 1))?;
                    let f: u16 = f.parse().map_err(|_| ModelError::Number(n + 1))?;
                    if usize::from(f) >= INPUTS {
                        return Err(ModelError::Shape(n + 1));
                    }
                    tree.features.push(f);
                    tree.thresholds.push(number(t)?);
                }
                for leaf in leaves.split_whitespace() {
                    tree.leaves.push(number(leaf)?);
                }
                let leaves = 1usize.checked_shl(model.depth as u32).unwrap_or(0);
                if model.depth == 0
                    || model.depth > 12
                    || tree.leaves.len() != leaves
                    || tree.features.len() != leaves - 1
                {
                    return Err(ModelError::Shape(n + 1));
                }
                model.trees.push(tree);
            } else {
                return Err(ModelError::Number(n + 1));
            }
        }
        if model.trees.is_empty() {
            return Err(ModelError::Empty);
        }
        Ok(model)
    }

    /// The text form [`parse`](Self::parse) reads back exactly.
    #[cfg(any(test, feature = "internals"))]
    #[must_use]
    pub fn render(&self, comment: &str) -> String {
        use std::fmt::Write as _;
        let mut out = format!("{HEADER}\n");
        for line in comment.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "depth {}", self.depth);
        let _ = writeln!(out, "threshold {}", self.threshold);
        let _ = writeln!(out, "add {}", self.add_threshold);
        let _ = writeln!(out, "gate {}", self.gate);
        let _ = writeln!(out, "growth {}", self.growth);
        let articles = if self.defer_articles {
            "scorer"
        } else {
            "model"
        };
        let _ = writeln!(out, "articles {articles}");
        let _ = writeln!(out, "article-chars {}", self.article_chars);
        let _ = writeln!(out, "base {}", self.base);
        for tree in &self.trees {
            out.push_str("tree");
            for (f, t) in tree.features.iter().zip(&tree.thresholds) {
                let _ = write!(out, " {f}:{t}");
            }
            out.push_str(" |");
            for v in &tree.leaves {
                let _ = write!(out, " {v}");
            }
            out.push('\n');
        }
        out
    }

    /// Whether a unit with `features` is content.
    #[must_use]
    pub fn keeps(&self, features: &[f32; FEATURES], selected: bool) -> bool {
        let p = self.probability(features, selected);
        p >= if selected {
            self.threshold
        } else {
            self.add_threshold
        }
    }

    /// The probability that a unit with `features` is content.
    #[must_use]
    pub fn probability(&self, features: &[f32; FEATURES], selected: bool) -> f32 {
        let input = |f: u16| {
            features
                .get(usize::from(f))
                .copied()
                .unwrap_or(f32::from(u8::from(selected)))
        };
        let mut z = self.base;
        for tree in &self.trees {
            let mut node = 0usize;
            for level in 0..self.depth {
                let k = (1usize << level) - 1 + node;
                let right = input(tree.features[k]) > tree.thresholds[k];
                node = 2 * node + usize::from(right);
            }
            z += tree.leaves[node];
        }
        1.0 / (1.0 + (-z).exp())
    }
}

/// The shipped model; `None` when the file is empty (the heuristic scorer alone).
static SHIPPED: LazyLock<Option<BlockModel>> = LazyLock::new(|| {
    let text = include_str!("../../../models/blocks.txt");
    BlockModel::parse(text).ok()
});

/// One unit as training data: its features, whether the scorer selected it, and its text.
#[derive(Debug, Clone)]
#[cfg_attr(
    not(feature = "internals"),
    expect(dead_code, reason = "read only by the eval tools, which turn on `internals`")
)]
pub struct Sample {
    pub features: [f32; FEATURES],
    pub selected: bool,
    pub text: String,
}

/// Which model a thread uses.
#[derive(Clone)]
enum Choice {
    Shipped,
    #[cfg(any(test, feature = "internals"))]
    Custom(Option<Rc<BlockModel>>),
}

thread_local! {
    static CHOICE: RefCell<Choice> = const { RefCell::new(Choice::Shipped) };
    static SINK: RefCell<Option<Vec<Sample>>> = const { RefCell::new(None) };
}

/// Runs `f` with `model` (or none: the heuristic scorer alone) in place of the shipped one on
/// this thread.
#[cfg(any(test, feature = "internals"))]
pub fn with_model<R>(model: Option<BlockModel>, f: impl FnOnce() -> R) -> R {
    let previous = CHOICE.with(|c| c.replace(Choice::Custom(model.map(Rc::new))));
    let result = f();
    CHOICE.with(|c| c.replace(previous));
    result
}

/// Runs `f` and returns the samples of the last page it read.
#[cfg(feature = "internals")]
pub fn collect_samples<R>(f: impl FnOnce() -> R) -> (R, Vec<Sample>) {
    SINK.with(|s| s.replace(Some(Vec::new())));
    let result = f();
    let samples = SINK.with(|s| s.replace(None)).unwrap_or_default();
    (result, samples)
}

/// Whether a sample collection is under way on this thread.
pub(super) fn collecting() -> bool {
    SINK.with(|s| s.borrow().is_some())
}

/// Hands a page's samples to the collection under way (replacing an earlier read's).
pub(super) fn deliver(samples: Vec<Sample>) {
    SINK.with(|s| {
        if let Some(sink) = s.borrow_mut().as_mut() {
            *sink = samples;
        }
    });
}

/// Runs `f` with the model this thread uses, if any: the shipped one when the reader is the
/// `learned` one, unless the eval tools set another.
pub(super) fn current<R>(learned: bool, f: impl FnOnce(Option<&BlockModel>) -> R) -> R {
    let choice = CHOICE.with(|c| c.borrow().clone());
    match choice {
        Choice::Shipped => f(SHIPPED.as_ref().filter(|_| learned)),
        #[cfg(any(test, feature = "internals"))]
        Choice::Custom(model) => f(model.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stump(input: u16, at: f32, left: f32, right: f32) -> BlockModel {
        BlockModel {
            depth: 1,
            trees: vec![Tree {
                features: vec![input],
                thresholds: vec![at],
                leaves: vec![left, right],
            }],
            ..BlockModel::default()
        }
    }

    #[test]
    fn the_shipped_weights_file_parses_with_trees_over_the_known_inputs() {
        let text = include_str!("../../../models/blocks.txt");
        if text.trim().is_empty() {
            return;
        }
        let model = BlockModel::parse(text).expect("the shipped model parses");
        assert!(!model.trees.is_empty());
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        let nodes = (1 << model.depth) - 1;
        for tree in &model.trees {
            assert_eq!(tree.features.len(), nodes);
            assert!(tree.features.iter().all(|&f| usize::from(f) < INPUTS));
        }
    }

    #[test]
    fn a_model_reads_back_what_it_renders() {
        let mut model = stump(3, 1.25, -0.5, 0.75);
        model.base = -0.125;
        model.threshold = 0.4;
        model.add_threshold = 0.75;
        model.gate = 60.0;
        model.growth = 0.5;
        model.defer_articles = true;
        assert_eq!(BlockModel::parse(&model.render("a note")), Ok(model));
    }

    #[test]
    fn a_tree_of_the_wrong_shape_is_refused() {
        let text = format!("{HEADER}\ndepth 2\ntree 1:0.5 | 1 2\n");
        assert_eq!(BlockModel::parse(&text), Err(ModelError::Shape(3)));
        let text = format!("{HEADER}\ndepth 1\ntree {INPUTS}:0.5 | 1 2\n");
        assert_eq!(BlockModel::parse(&text), Err(ModelError::Shape(3)));
        assert_eq!(BlockModel::parse("weights\n1.0"), Err(ModelError::Header));
    }

    #[test]
    fn the_last_input_is_whether_the_scorer_selected_the_unit() {
        let model = stump(FEATURES as u16, 0.5, -5.0, 5.0);
        let features = [0.0; FEATURES];
        assert!(model.probability(&features, true) > 0.99);
        assert!(model.probability(&features, false) < 0.01);
    }
}
