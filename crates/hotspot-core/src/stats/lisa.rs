//! Local Moran's I (Anselin 1995) with row-standardised weights: is a place like its neighbours
//! (High-High, Low-Low) or unlike them (High-Low, Low-High)?
//!
//! With z = x − x̄ and lag_i = Σ_j w_ij z_j / Σ_j w_ij (the neighbours' mean deviation):
//!
//! I_i = (n − 1) · z_i · lag_i / Σ_k z_k²
//!
//! exactly as PySAL esda's `Moran_Local.Is` computes it. (The design card's (z_i / m2) Σ w z with
//! m2 = Σz²/n is the same statistic scaled by n / (n − 1); esda's scaling is kept so numbers agree
//! with the reference.) Quadrants by the signs of z_i and lag_i: HH, LH, LL, HL (esda's q = 1..4).
//! p_sim is esda's folded permutation p: neighbours drawn at random from the other places
//! (seeded per place), (1 + the number of draws at least as extreme on the observed side) /
//! (permutations + 1). Places without neighbours get I = 0 and no p.
//!
//! ```
//! use hotspot_core::stats::lisa::{local_moran, Quadrant};
//! let neighbours = vec![vec![1], vec![0, 2], vec![1, 3], vec![2]];
//! // Two clusters along a chain: high-high, then low-low.
//! let l = local_moran(&[10.0, 9.0, 1.0, 0.0], &neighbours, 0, 1);
//! assert_eq!(l.quadrant, vec![Quadrant::HH, Quadrant::HH, Quadrant::LL, Quadrant::LL]);
//! // Alternating values: each place unlike its neighbours.
//! let l = local_moran(&[10.0, 2.0, 8.0, 0.0], &neighbours, 0, 1);
//! assert_eq!(l.quadrant, vec![Quadrant::HL, Quadrant::LH, Quadrant::HL, Quadrant::LH]);
//! assert!(l.i.iter().all(|i| *i < 0.0));
//! ```
use rand::{seq::index::sample, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// Where a place sits in the Moran scatterplot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    /// High value, high neighbours (esda q = 1).
    HH,
    /// Low value, high neighbours (q = 2).
    LH,
    /// Low value, low neighbours (q = 3).
    LL,
    /// High value, low neighbours (q = 4).
    HL,
}

impl Quadrant {
    /// "HH", "LH", "LL" or "HL".
    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::HH => "HH",
            Quadrant::LH => "LH",
            Quadrant::LL => "LL",
            Quadrant::HL => "HL",
        }
    }
}

/// Local Moran results, one entry per place.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalMoran {
    /// I_i.
    pub i: Vec<f64>,
    /// Quadrants.
    pub quadrant: Vec<Quadrant>,
    /// Folded permutation p-values (None without neighbours or permutations).
    pub p_sim: Vec<Option<f64>>,
}

/// Local Moran's I of `x` over `neighbours` (row-standardised), with `permutations` seeded by `seed`.
pub fn local_moran(x: &[f64], neighbours: &[Vec<usize>], permutations: usize, seed: u64) -> LocalMoran {
    let n = x.len();
    let mean = x.iter().sum::<f64>() / n as f64;
    let z: Vec<f64> = x.iter().map(|v| v - mean).collect();
    let den: f64 = z.iter().map(|v| v * v).sum();
    let scale = if den > 0.0 { (n as f64 - 1.0) / den } else { 0.0 };
    let lag = |i: usize| -> f64 {
        let k = neighbours[i].len();
        if k == 0 { 0.0 } else { neighbours[i].iter().map(|&j| z[j]).sum::<f64>() / k as f64 }
    };
    let lags: Vec<f64> = (0..n).map(lag).collect();
    let i_values: Vec<f64> = (0..n).map(|i| scale * z[i] * lags[i]).collect();
    let quadrant = (0..n)
        .map(|i| match (z[i] > 0.0, lags[i] > 0.0) {
            (true, true) => Quadrant::HH,
            (false, true) => Quadrant::LH,
            (false, false) => Quadrant::LL,
            (true, false) => Quadrant::HL,
        })
        .collect();
    let p_sim = (0..n)
        .into_par_iter()
        .map(|i| {
            let k = neighbours[i].len();
            if k == 0 || permutations == 0 {
                return None;
            }
            // The other places, without copying them (as in Gi*).
            let other = |j: usize| z[j + usize::from(j >= i)];
            let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let above = (0..permutations)
                .filter(|_| scale * z[i] * sample(&mut rng, n - 1, k).into_iter().map(other).sum::<f64>() / k as f64 >= i_values[i])
                .count();
            let larger = above.min(permutations - above);
            Some((larger + 1) as f64 / (permutations + 1) as f64)
        })
        .collect();
    LocalMoran { i: i_values, quadrant, p_sim }
}
