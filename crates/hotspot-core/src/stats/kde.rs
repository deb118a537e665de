//! Kernel density with the quartic (biweight) kernel, evaluated at cell centres.
//!
//! K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h, else 0; density(c) = Σ_points w · K(|c − p|),
//! reported per square kilometre (× 10⁶). Bandwidth h: given, or the rule of thumb ArcGIS Pro uses
//! (a spatial form of Silverman's rule): h = 0.9 · min(SD, √(1/ln 2) · D_m) · n^(−1/5), with SD the
//! standard distance from the mean centre and D_m the median distance to it.
//!
//! Each point adds to the cells within h of it (found from the grid's geometry, not a scan), so
//! the cost is O(n · (h / cell)²); points are split across threads.
//!
//! ```
//! use hotspot_core::stats::kde::{quartic, rule_of_thumb};
//! // The kernel integrates to one: Σ K over a fine lattice × cell area ≈ 1.
//! let (h, step) = (100.0, 1.0);
//! let mut total = 0.0;
//! for i in -100..=100 { for j in -100..=100 { total += quartic((i as f64 * step).hypot(j as f64 * step), h) * step * step; } }
//! assert!((total - 1.0).abs() < 1e-3);
//! assert!(rule_of_thumb(&[[0.0, 0.0], [100.0, 0.0], [0.0, 100.0], [100.0, 100.0]]) > 0.0);
//! ```
use rayon::prelude::*;

use super::grid::Grid;

/// The quartic kernel at distance `d` for bandwidth `h` (per m²).
pub fn quartic(d: f64, h: f64) -> f64 {
    if d >= h {
        return 0.0;
    }
    let u = 1.0 - (d * d) / (h * h);
    3.0 / (std::f64::consts::PI * h * h) * u * u
}

/// The bandwidth rule of thumb (see the module docs), metres.
pub fn rule_of_thumb(points: &[[f64; 2]]) -> f64 {
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p[0]).sum::<f64>() / n;
    let my = points.iter().map(|p| p[1]).sum::<f64>() / n;
    let mut d: Vec<f64> = points.iter().map(|p| (p[0] - mx).hypot(p[1] - my)).collect();
    let sd = (d.iter().map(|v| v * v).sum::<f64>() / n).sqrt();
    d.sort_by(f64::total_cmp);
    let median = d[d.len() / 2];
    0.9 * sd.min((1.0 / std::f64::consts::LN_2).sqrt() * median) * n.powf(-0.2)
}

/// Density per km² at each cell centre of `grid` from weighted `points`, bandwidth `h` metres.
pub fn density(grid: &Grid, points: &[[f64; 2]], weights: &[f64], h: f64) -> Vec<f64> {
    let threads = rayon::current_num_threads().max(1);
    let chunk = points.len().div_ceil(threads).max(1);
    let partial: Vec<Vec<f64>> = points
        .par_chunks(chunk)
        .zip(weights.par_chunks(chunk))
        .map(|(pts, ws)| {
            let mut acc = vec![0.0; grid.len()];
            for (p, w) in pts.iter().zip(ws) {
                grid.for_each_within(*p, h, |k, d| acc[k] += w * quartic(d, h));
            }
            acc
        })
        .collect();
    let mut total = vec![0.0; grid.len()];
    for part in partial {
        total.iter_mut().zip(part).for_each(|(t, v)| *t += v);
    }
    total.iter().map(|v| v * 1.0e6).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::grid::Shape;
    use rand::{RngExt, SeedableRng};

    #[test]
    fn equals_brute_force_on_square_and_hex_grids() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(6);
        let pts: Vec<[f64; 2]> = (0..300).map(|_| [rng.random_range(0.0..1000.0), rng.random_range(0.0..800.0)]).collect();
        let w: Vec<f64> = (0..300).map(|i| if i % 3 == 0 { 2.0 } else { 1.0 }).collect();
        for shape in [Shape::Square, Shape::Hex] {
            let g = Grid::over_box(shape, 40.0, [0.0, 0.0], [1000.0, 800.0], None, 100_000).unwrap();
            let fast = density(&g, &pts, &w, 130.0);
            for k in (0..g.len()).step_by(7) {
                let c = g.centre(k);
                let brute: f64 = pts.iter().zip(&w).map(|(p, w)| w * quartic((c[0] - p[0]).hypot(c[1] - p[1]), 130.0)).sum::<f64>() * 1e6;
                assert!((fast[k] - brute).abs() < 1e-9 * brute.max(1.0), "{shape:?} cell {k}: {} vs {brute}", fast[k]);
            }
        }
    }
}
