//! Getis-Ord Gi* (Ord & Getis 1995) with binary weights, self included: is a place and its
//! neighbourhood hotter (or colder) than chance?
//!
//! With x the values, x̄ their mean, S = √(Σx²/n − x̄²), W_i = Σ_j w_ij (neighbours + 1) and binary
//! weights (so Σ_j w_ij² = W_i):
//!
//! z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²) / (n − 1)))
//!
//! which equals PySAL esda's `G_Local(star=True, transform='B').Zs`. p is two-sided from the
//! normal (esda reports the one-sided "directed" p; this is a deliberate difference). With
//! permutations, each place's neighbour values are drawn at random (without replacement) from all
//! other places, seeded per place, and p_sim is two-sided: (1 + the number of draws at least as far
//! from the mean draw as the observed sum) / (permutations + 1).
//!
//! Cost: O(n + Σ neighbours) for z; O(permutations · Σ neighbours) for p_sim, parallel by place.
//!
//! ```
//! use hotspot_core::stats::gistar::gistar;
//! // A chain 0-1-2-3-4 with a spike at 2.
//! let neighbours = vec![vec![1], vec![0, 2], vec![1, 3], vec![2, 4], vec![3]];
//! let g = gistar(&[1.0, 2.0, 10.0, 2.0, 1.0], &neighbours, 0, 1);
//! assert!(g.z[2] > g.z[1] && g.z[1] > g.z[0]);
//! assert!((g.z[2] - g.z[2].abs()).abs() < 1e-12);
//! ```
use rand::{seq::index::sample, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// Gi* results, one entry per place.
#[derive(Debug, Clone, PartialEq)]
pub struct GiStar {
    /// z-scores.
    pub z: Vec<f64>,
    /// Two-sided p-values from the normal.
    pub p: Vec<f64>,
    /// Two-sided permutation p-values, when permutations were asked for.
    pub p_sim: Option<Vec<f64>>,
}

/// Two-sided p of a standard normal z.
pub fn two_sided_p(z: f64) -> f64 {
    libm::erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// Gi* of `x` over binary `neighbours` (self added), with `permutations` (0 for none) seeded by
/// `seed`.
pub fn gistar(x: &[f64], neighbours: &[Vec<usize>], permutations: usize, seed: u64) -> GiStar {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let s = (x.iter().map(|v| v * v).sum::<f64>() / n - mean * mean).max(0.0).sqrt();
    let z: Vec<f64> = (0..x.len())
        .map(|i| {
            let w = neighbours[i].len() as f64 + 1.0;
            let sum = x[i] + neighbours[i].iter().map(|&j| x[j]).sum::<f64>();
            let denom = s * ((n * w - w * w) / (n - 1.0)).sqrt();
            if denom > 0.0 { (sum - mean * w) / denom } else { 0.0 }
        })
        .collect();
    let p = z.iter().map(|&z| two_sided_p(z)).collect();
    let total: f64 = x.iter().sum();
    let p_sim = (permutations > 0).then(|| {
        (0..x.len())
            .into_par_iter()
            .map(|i| {
                let k = neighbours[i].len();
                if k == 0 {
                    return 1.0;
                }
                let observed: f64 = neighbours[i].iter().map(|&j| x[j]).sum();
                // The other places, without copying them: index j of the others is place j, or
                // j + 1 from place i on.
                let others = x.len() - 1;
                let other = |j: usize| x[j + usize::from(j >= i)];
                let expected = k as f64 * (total - x[i]) / others as f64;
                let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
                let extreme = (0..permutations)
                    .filter(|_| {
                        let draw: f64 = sample(&mut rng, others, k).into_iter().map(other).sum();
                        (draw - expected).abs() >= (observed - expected).abs() - 1e-12
                    })
                    .count();
                (extreme + 1) as f64 / (permutations + 1) as f64
            })
            .collect()
    });
    GiStar { z, p, p_sim }
}

/// ArcGIS's Gi_Bin: ±3, ±2, ±1 where p ≤ 0.01, 0.05, 0.10 (sign of z), else 0.
///
/// ```
/// assert_eq!(hotspot_core::stats::gistar::gi_bin(2.7, 0.007), 3);
/// assert_eq!(hotspot_core::stats::gistar::gi_bin(-1.7, 0.09), -1);
/// assert_eq!(hotspot_core::stats::gistar::gi_bin(1.0, 0.3), 0);
/// ```
pub fn gi_bin(z: f64, p: f64) -> i8 {
    let level = if p <= 0.01 { 3 } else if p <= 0.05 { 2 } else if p <= 0.10 { 1 } else { 0 };
    if z < 0.0 { -level } else { level }
}
