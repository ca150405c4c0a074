//! Gradient-boosted trees for the block classifier (logistic loss, Newton leaf values, as
//! XGBoost fits them): each input is cut into at most 32 bins at its quantiles, each tree is
//! grown level by level to a fixed depth from per-bin gradient sums. Hand-written because the
//! model is small and must rebuild byte-for-byte: sums in f64 in a fixed order, no sampling.

use enricher_extract::html::scoring::block_model::{BlockModel, FEATURES, INPUTS, Tree};

/// The trainer's settings.
#[derive(Debug, Clone, Copy)]
pub struct TreeSettings {
    pub trees: usize,
    pub depth: usize,
    /// Shrinkage of each tree's leaf values.
    pub rate: f64,
    /// L2 penalty on leaf values.
    pub lambda: f64,
    /// The least hessian (weighted) a side of a split must hold.
    pub min_hessian: f64,
    pub threshold: f32,
    pub add_threshold: f32,
    /// The `isProbablyReadable` score from which the model leaves a page to the scorer.
    pub gate: f32,
    /// The least share of the scorer's text the model must add for its decisions to stand.
    pub growth: f32,
    /// Whether pages that declare themselves articles are left to the scorer.
    pub defer_articles: bool,
    /// With `defer_articles`, the least characters of the scorer's choice for a declared
    /// article to be left to it.
    pub article_chars: f32,
}

/// One training row: features, selected by the scorer, label, weight.
pub type Row<'a> = (&'a [f32; FEATURES], bool, bool, f64);

const BINS: usize = 32;

fn input(row: &Row<'_>, f: usize) -> f32 {
    if f < FEATURES {
        row.0[f]
    } else {
        f32::from(u8::from(row.1))
    }
}

/// Each input's cut points: up to `BINS - 1` distinct quantiles of its values.
fn cuts(rows: &[Row<'_>]) -> Vec<Vec<f32>> {
    (0..INPUTS)
        .map(|f| {
            let mut values: Vec<f32> = rows.iter().map(|r| input(r, f)).collect();
            values.sort_by(f32::total_cmp);
            let mut cuts: Vec<f32> = (1..BINS)
                .filter_map(|q| values.get(q * values.len() / BINS).copied())
                .collect();
            cuts.dedup();
            // The largest value is no cut: nothing would go right of it.
            if cuts.last() == values.last() {
                cuts.pop();
            }
            cuts
        })
        .collect()
}

/// Fits boosted trees on `rows`.
#[must_use]
pub fn fit_trees(rows: &[Row<'_>], s: TreeSettings) -> BlockModel {
    let cuts = cuts(rows);
    let bins: Vec<[u8; INPUTS]> = rows
        .iter()
        .map(|r| {
            let mut b = [0u8; INPUTS];
            for (f, slot) in b.iter_mut().enumerate() {
                *slot = cuts[f].partition_point(|&c| c < input(r, f)) as u8;
            }
            b
        })
        .collect();
    let (mut pos, mut all) = (0.0, 0.0);
    for r in rows {
        all += r.3;
        if r.2 {
            pos += r.3;
        }
    }
    let mean = (pos / f64::max(all, 1e-12)).clamp(1e-6, 1.0 - 1e-6);
    let base = (mean / (1.0 - mean)).ln();
    let mut margin = vec![base; rows.len()];
    let mut trees = Vec::with_capacity(s.trees);
    let mut grad = vec![(0.0f64, 0.0f64); rows.len()];
    let mut node_of = vec![0usize; rows.len()];
    for _ in 0..s.trees {
        for (i, r) in rows.iter().enumerate() {
            let p = 1.0 / (1.0 + (-margin[i]).exp());
            grad[i] = (r.3 * (p - f64::from(u8::from(r.2))), r.3 * p * (1.0 - p));
        }
        node_of.fill(0);
        let mut tree = Tree {
            features: Vec::new(),
            thresholds: Vec::new(),
            leaves: Vec::new(),
        };
        for level in 0..s.depth {
            let nodes = 1usize << level;
            let mut hist = vec![(0.0f64, 0.0f64); nodes * INPUTS * BINS];
            for (i, b) in bins.iter().enumerate() {
                let (g, h) = grad[i];
                let at = node_of[i] * INPUTS * BINS;
                for (f, &bin) in b.iter().enumerate() {
                    let cell = &mut hist[at + f * BINS + usize::from(bin)];
                    cell.0 += g;
                    cell.1 += h;
                }
            }
            let mut splits = Vec::with_capacity(nodes);
            for node in 0..nodes {
                let at = node * INPUTS * BINS;
                let (g, h) = hist[at..at + BINS]
                    .iter()
                    .fold((0.0, 0.0), |a, c| (a.0 + c.0, a.1 + c.1));
                let parent = g * g / (h + s.lambda);
                // (gain, input, bin): `None` sends every row left.
                let mut best: Option<(f64, usize, usize)> = None;
                for f in 0..INPUTS {
                    let (mut gl, mut hl) = (0.0, 0.0);
                    for b in 0..cuts[f].len() {
                        let cell = hist[at + f * BINS + b];
                        gl += cell.0;
                        hl += cell.1;
                        let (gr, hr) = (g - gl, h - hl);
                        if hl < s.min_hessian || hr < s.min_hessian {
                            continue;
                        }
                        let gain = gl * gl / (hl + s.lambda) + gr * gr / (hr + s.lambda) - parent;
                        if gain > 1e-9 && best.is_none_or(|(bg, _, _)| gain > bg) {
                            best = Some((gain, f, b));
                        }
                    }
                }
                let (f, t) = match best {
                    Some((_, f, b)) => (f, cuts[f][b]),
                    None => (0, f32::MAX),
                };
                tree.features.push(f as u16);
                tree.thresholds.push(t);
                splits.push((f, t));
            }
            for (i, r) in rows.iter().enumerate() {
                let (f, t) = splits[node_of[i]];
                node_of[i] = 2 * node_of[i] + usize::from(input(r, f) > t);
            }
        }
        let leaves = 1usize << s.depth;
        let mut sums = vec![(0.0f64, 0.0f64); leaves];
        for (i, &(g, h)) in grad.iter().enumerate() {
            sums[node_of[i]].0 += g;
            sums[node_of[i]].1 += h;
        }
        let values: Vec<f32> = sums
            .iter()
            .map(|(g, h)| (-s.rate * g / (h + s.lambda)) as f32)
            .collect();
        for (i, m) in margin.iter_mut().enumerate() {
            *m += f64::from(values[node_of[i]]);
        }
        tree.leaves = values;
        trees.push(tree);
    }
    BlockModel {
        depth: s.depth,
        base: base as f32,
        threshold: s.threshold,
        add_threshold: s.add_threshold,
        gate: s.gate,
        growth: s.growth,
        defer_articles: s.defer_articles,
        article_chars: s.article_chars,
        trees,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trees_learn_a_threshold_that_depends_on_the_selection() {
        // Selected blocks are content from 3 up, the others only from 7 up.
        let features: Vec<[f32; FEATURES]> = (0..400)
            .map(|i| {
                let mut f = [0.0; FEATURES];
                f[1] = ((i / 2) % 10) as f32;
                f
            })
            .collect();
        let rows: Vec<Row<'_>> = features
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let selected = i % 2 == 0;
                let label = f[1] >= if selected { 3.0 } else { 7.0 };
                (f, selected, label, 1.0)
            })
            .collect();
        let settings = TreeSettings {
            trees: 30,
            depth: 2,
            rate: 0.3,
            lambda: 1.0,
            min_hessian: 1.0,
            threshold: 0.5,
            add_threshold: 0.5,
            gate: f32::MAX,
            growth: 0.0,
            defer_articles: false,
            article_chars: 0.0,
        };
        let model = fit_trees(&rows, settings);
        for (f, selected, label, _) in &rows {
            assert_eq!(model.keeps(f, *selected), *label, "{} {selected}", f[1]);
        }
    }
}
