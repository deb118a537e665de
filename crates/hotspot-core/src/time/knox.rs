//! The Knox test for near repeats (Knox 1964), as the Near Repeat Calculator reports it: pairs of
//! incidents counted by distance band × time band, against what shuffling the times gives.
//!
//! For every pair of incidents within the largest distance band, its distance band and time band
//! (difference in days, or in months for month-only data) are counted: the observed table. The
//! incidents' times are then shuffled among them `permutations` times (seeded); the expected count
//! of a cell is its mean over the shuffles, the ratio observed ÷ expected, and the Monte Carlo p
//! = (1 + the number of shuffles with a count at least the observed) ÷ (permutations + 1).
//! Bands are upper bounds: distance band k holds pairs with d in (b_{k−1}, b_k], the first [0, b_0];
//! the same for time, the last band of each taking everything beyond up to its bound.
//!
//! Pairs are found once with the R-tree; each shuffle only recounts time bands (O(pairs)).
//!
//! ```
//! use hotspot_core::time::knox::knox;
//! // Two incidents 10 m and 1 day apart, one far away in space.
//! let k = knox(&[[0.0, 0.0], [10.0, 0.0], [5000.0, 0.0]], &[0, 1, 1], &[100.0], &[7], 99, 1);
//! assert_eq!(k.observed, vec![vec![1]]);
//! ```
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::index::IncidentIndex;

/// The Knox table.
#[derive(Debug, Clone, PartialEq)]
pub struct Knox {
    /// Distance band upper bounds, metres.
    pub space: Vec<f64>,
    /// Time band upper bounds (days or months).
    pub time: Vec<i64>,
    /// `observed[space][time]` pair counts.
    pub observed: Vec<Vec<u64>>,
    /// Mean count over the shuffles.
    pub expected: Vec<Vec<f64>>,
    /// observed ÷ expected.
    pub ratio: Vec<Vec<Option<f64>>>,
    /// Monte Carlo p (one-sided, more pairs than by chance).
    pub p: Vec<Vec<f64>>,
}

fn band<T: PartialOrd + Copy>(bounds: &[T], v: T) -> Option<usize> {
    bounds.iter().position(|&b| v <= b)
}

/// The pairs within the largest distance band, as (i, j, distance band), i < j.
pub fn close_pairs(points: &[[f64; 2]], space: &[f64]) -> Vec<(u32, u32, u8)> {
    let max = space.iter().cloned().fold(0.0, f64::max);
    let index = IncidentIndex::new(points);
    let mut pairs = Vec::new();
    for (i, p) in points.iter().enumerate() {
        for (j, d) in index.within(p, max) {
            if j > i
                && let Some(s) = band(space, d) {
                    pairs.push((i as u32, j as u32, s as u8));
                }
        }
    }
    pairs
}

fn table(pairs: &[(u32, u32, u8)], times: &[i64], bands: &[i64], rows: usize) -> Vec<Vec<u64>> {
    let mut t = vec![vec![0u64; bands.len()]; rows];
    for &(i, j, s) in pairs {
        if let Some(b) = band(bands, (times[i as usize] - times[j as usize]).abs()) {
            t[s as usize][b] += 1;
        }
    }
    t
}

/// The Knox test of incidents at `points` with `times` (days or months), distance and time band
/// bounds, `permutations` shuffles seeded by `seed`.
pub fn knox(points: &[[f64; 2]], times: &[i64], space: &[f64], time: &[i64], permutations: usize, seed: u64) -> Knox {
    let pairs = close_pairs(points, space);
    let observed = table(&pairs, times, time, space.len());
    let mut sum = vec![vec![0.0; time.len()]; space.len()];
    let mut at_least = vec![vec![0usize; time.len()]; space.len()];
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut shuffled = times.to_vec();
    for _ in 0..permutations {
        shuffled.shuffle(&mut rng);
        let t = table(&pairs, &shuffled, time, space.len());
        for s in 0..space.len() {
            for b in 0..time.len() {
                sum[s][b] += t[s][b] as f64;
                at_least[s][b] += (t[s][b] >= observed[s][b]) as usize;
            }
        }
    }
    let perms = permutations.max(1) as f64;
    let expected: Vec<Vec<f64>> = sum.iter().map(|r| r.iter().map(|v| v / perms).collect()).collect();
    let ratio = observed.iter().zip(&expected).map(|(o, e)| o.iter().zip(e).map(|(o, e)| (*e > 0.0).then(|| *o as f64 / e)).collect()).collect();
    let p = at_least.iter().map(|r| r.iter().map(|&c| (c + 1) as f64 / (permutations + 1) as f64).collect()).collect();
    Knox { space: space.to_vec(), time: time.to_vec(), observed, expected, ratio, p }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    #[test]
    fn observed_counts_equal_a_brute_force_pair_scan() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let pts: Vec<[f64; 2]> = (0..400).map(|_| [rng.random_range(0.0..2000.0), rng.random_range(0.0..2000.0)]).collect();
        let times: Vec<i64> = (0..400).map(|_| rng.random_range(0..120)).collect();
        let (space, time) = ([100.0, 200.0, 400.0], [7i64, 14, 30]);
        let k = knox(&pts, &times, &space, &time, 9, 1);
        let mut brute = vec![vec![0u64; 3]; 3];
        for i in 0..pts.len() {
            for j in i + 1..pts.len() {
                let d = (pts[i][0] - pts[j][0]).hypot(pts[i][1] - pts[j][1]);
                let dt = (times[i] - times[j]).abs();
                if let (Some(s), Some(t)) = (space.iter().position(|&b| d <= b), time.iter().position(|&b| dt <= b)) {
                    brute[s][t] += 1;
                }
            }
        }
        assert_eq!(k.observed, brute);
        // Shuffling keeps every pair's distance, so each distance band's total over all time
        // differences stays the same; the expected counts are means of such tables.
        assert!(k.expected.iter().flatten().all(|e| *e >= 0.0));
    }

    #[test]
    fn planted_near_repeats_are_significant() {
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let mut pts = Vec::new();
        let mut times = Vec::new();
        for c in 0..60 {
            let (x, y, t) = (rng.random_range(0.0..5000.0), rng.random_range(0.0..5000.0), rng.random_range(0..300));
            for k in 0..3 {
                pts.push([x + k as f64 * 20.0, y]);
                times.push(t + k);
            }
            let _ = c;
        }
        for _ in 0..300 {
            pts.push([rng.random_range(0.0..5000.0), rng.random_range(0.0..5000.0)]);
            times.push(rng.random_range(0..365));
        }
        let k = knox(&pts, &times, &[100.0], &[7], 199, 3);
        assert!(k.p[0][0] <= 0.01 && k.ratio[0][0].unwrap() > 3.0, "{k:?}");
    }
}
