//! Choosing new sites (cameras, patrol points) that add the most harm covered: greedy maximum
//! coverage with lazy evaluation (Minoux 1978; the "CELF" speed-up of Leskovec et al. 2007).
//!
//! Each incident has a weight (harm by kind, recency); a site covers the incidents within its
//! radius; incidents already covered (by existing cameras) count nothing. Greedy takes, k times,
//! the site with the largest marginal gain. Coverage is submodular, so a site's gain can only
//! fall as others are chosen: gains are kept in a max-heap and only the top one is re-evaluated
//! until it stays on top. The greedy total is at least (1 − 1/e) ≈ 63.2 % of the best possible
//! (Nemhauser, Wolsey & Fisher 1978).
//!
//! Cost: one R-tree query per candidate to list its incidents, then O(k · r · log c) heap work
//! for k picks with r re-evaluations of c candidates.
//!
//! ```
//! use hotspot_core::target::site::greedy;
//! // candidate 0 covers incidents {0,1,2}, 1 covers {2,3}, 2 covers {3,4}; all weight 1.
//! let covers = vec![vec![0, 1, 2], vec![2, 3], vec![3, 4]];
//! let picks = greedy(&covers, &[1.0; 5], &[false; 5], 2);
//! assert_eq!(picks.iter().map(|p| (p.site, p.gain)).collect::<Vec<_>>(), vec![(0, 3.0), (2, 2.0)]);
//! ```
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One chosen site.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// Index of the candidate.
    pub site: usize,
    /// Weight it adds beyond what was covered before it.
    pub gain: f64,
    /// Incidents it newly covers.
    pub new: Vec<usize>,
}

#[derive(PartialEq)]
struct Entry {
    gain: f64,
    site: usize,
    round: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Largest gain first; on ties, the lower candidate index (repeatable answers).
        self.gain.total_cmp(&other.gain).then(other.site.cmp(&self.site))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Lazy greedy maximum coverage: up to `k` picks from candidates whose covered incidents are
/// `covers[c]`, with incident `weights`, given incidents already `covered`. Stops early when no
/// candidate adds anything.
pub fn greedy(covers: &[Vec<usize>], weights: &[f64], covered: &[bool], k: usize) -> Vec<Pick> {
    let mut covered = covered.to_vec();
    let gain = |c: usize, covered: &[bool]| covers[c].iter().filter(|&&i| !covered[i]).map(|&i| weights[i]).sum::<f64>();
    let mut heap: BinaryHeap<Entry> = (0..covers.len()).map(|site| Entry { gain: gain(site, &covered), site, round: 0 }).filter(|e| e.gain > 0.0).collect();
    let mut picks = Vec::new();
    while picks.len() < k {
        let Some(top) = heap.pop() else { break };
        if top.round == picks.len() {
            let new: Vec<usize> = covers[top.site].iter().copied().filter(|&i| !covered[i]).collect();
            new.iter().for_each(|&i| covered[i] = true);
            picks.push(Pick { site: top.site, gain: top.gain, new });
        } else {
            let g = gain(top.site, &covered);
            if g > 0.0 {
                heap.push(Entry { gain: g, site: top.site, round: picks.len() });
            }
        }
    }
    picks
}

/// The greedy guarantee: (1 − 1/e).
pub const GREEDY_BOUND: f64 = 1.0 - 1.0 / std::f64::consts::E;

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    /// The best total over every set of k candidates.
    fn exhaustive(covers: &[Vec<usize>], weights: &[f64], k: usize) -> f64 {
        let c = covers.len();
        let mut best = 0.0f64;
        for mask in 0u32..(1 << c) {
            if mask.count_ones() as usize != k.min(c) {
                continue;
            }
            let mut seen = vec![false; weights.len()];
            (0..c).filter(|b| mask & (1 << b) != 0).for_each(|b| covers[b].iter().for_each(|&i| seen[i] = true));
            best = best.max(seen.iter().zip(weights).filter(|(s, _)| **s).map(|(_, w)| w).sum());
        }
        best
    }

    #[test]
    fn within_the_bound_of_the_optimum_and_equal_when_k_is_one() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        for trial in 0..300 {
            let (n, c) = (rng.random_range(5..25), rng.random_range(2..10));
            let weights: Vec<f64> = (0..n).map(|_| rng.random_range(1..4) as f64).collect();
            let covers: Vec<Vec<usize>> = (0..c).map(|_| {
                let mut v: Vec<usize> = (0..n).filter(|_| rng.random_range(0..4) == 0).collect();
                v.dedup();
                v
            }).collect();
            for k in 1..=3 {
                let got: f64 = greedy(&covers, &weights, &vec![false; n], k).iter().map(|p| p.gain).sum();
                let best = exhaustive(&covers, &weights, k);
                assert!(got >= GREEDY_BOUND * best - 1e-9, "trial {trial}, k {k}: {got} < bound of {best}");
                assert!(got <= best + 1e-9);
                if k == 1 {
                    assert_eq!(got, best, "trial {trial}: one pick is always optimal");
                }
            }
        }
    }

    #[test]
    fn lazy_equals_plain_greedy() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(10);
        let n = 400;
        let weights: Vec<f64> = (0..n).map(|_| rng.random_range(0.5..3.0)).collect();
        let covers: Vec<Vec<usize>> = (0..60).map(|_| (0..n).filter(|_| rng.random_range(0..10) == 0).collect()).collect();
        let start: Vec<bool> = (0..n).map(|i| i % 7 == 0).collect();
        let lazy = greedy(&covers, &weights, &start, 8);
        // Plain greedy: recompute every gain every round.
        let mut covered = start.clone();
        for pick in &lazy {
            let gains: Vec<f64> = (0..covers.len()).map(|c| covers[c].iter().filter(|&&i| !covered[i]).map(|&i| weights[i]).sum()).collect();
            let best = gains.iter().cloned().fold(f64::MIN, f64::max);
            let first = gains.iter().position(|g| *g == best).unwrap();
            assert_eq!((pick.site, pick.gain), (first, best));
            covers[first].iter().for_each(|&i| covered[i] = true);
        }
    }
}
