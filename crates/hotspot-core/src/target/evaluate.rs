//! Judging a hotspot map against what happened next: hit rate, Predictive Accuracy Index and
//! Recapture Rate Index, and the hit-rate curve by share of area covered.
//!
//! - hit rate = n / N: the share of the later period's incidents inside the selected places;
//! - PAI = (n / N) / (a / A) (Chainey, Tompson & Uhlig 2008): hit rate over the share of the study
//!   area the places take up; 1 = no better than chance;
//! - RRI = (n₂ / n₁) / (N₂ / N₁) (Levine 2008): how the places' count changed relative to the
//!   whole study area's, from the earlier period (₁) to the later (₂); near 1 = stable hotspots;
//! - the curve: places added in rank order; cumulative share of area against cumulative hit rate.
//!
//! A point falls in the first place (in rank order) that holds it, so overlapping places count it
//! once. Areas of the places are the union of their shapes (circles around point sites overlap).
//!
//! ```
//! use geo::{polygon, MultiPolygon};
//! use hotspot_core::target::evaluate::evaluate;
//! let sq = MultiPolygon(vec![polygon![(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)]]);
//! // One place of 100 m² in a 1,000 m² study area; 6 of 10 later incidents inside it; 3 of 5 earlier.
//! let later: Vec<[f64; 2]> = (0..10).map(|i| if i < 6 { [5.0, 5.0] } else { [50.0, 5.0] }).collect();
//! let earlier: Vec<[f64; 2]> = (0..5).map(|i| if i < 3 { [5.0, 5.0] } else { [50.0, 5.0] }).collect();
//! let e = evaluate(&[sq], 1_000.0, &later, Some(&earlier));
//! assert_eq!((e.hits, e.total), (6, 10));
//! assert!((e.pai - 6.0).abs() < 1e-12);          // 0.6 / 0.1
//! assert!((e.rri.unwrap() - 1.0).abs() < 1e-12); // (6/3) / (10/5)
//! ```
use geo::{Area, BooleanOps, MultiPolygon};
use serde::Serialize;

use crate::areas::AreaSet;
use crate::assign::assign;

/// How well the places captured the later incidents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Later incidents inside the places (n).
    pub hits: u64,
    /// All later incidents (N).
    pub total: u64,
    /// n / N.
    pub hit_rate: f64,
    /// Area of the places, m² (a).
    pub area: f64,
    /// Area of the study area, m² (A).
    pub study_area: f64,
    /// (n / N) / (a / A).
    pub pai: f64,
    /// Earlier incidents inside the places (n₁), when given.
    pub earlier_hits: Option<u64>,
    /// Earlier incidents in all (N₁), when given.
    pub earlier_total: Option<u64>,
    /// (n₂ / n₁) / (N₂ / N₁), when the earlier period is given and n₁, N₂ > 0.
    pub rri: Option<f64>,
    /// After each place in rank order: (cumulative share of area, cumulative hit rate).
    pub curve: Vec<(f64, f64)>,
}

/// Evaluates `places` (in rank order) against later (and optionally earlier) incident points.
pub fn evaluate(places: &[MultiPolygon<f64>], study_area: f64, later: &[[f64; 2]], earlier: Option<&[[f64; 2]]>) -> Evaluation {
    // Codes that sort in rank order, so the assignment's boundary rule picks the best rank.
    let set = AreaSet::new(places.iter().enumerate().map(|(i, p)| (format!("{i:09}"), None, p.clone())).collect());
    let per_place = |points: &[[f64; 2]]| {
        let mut n = vec![0u64; places.len()];
        assign(points, &set).area.iter().flatten().for_each(|&a| n[a as usize] += 1);
        n
    };
    let later_hits = per_place(later);
    let total = later.len() as u64;
    let mut union = MultiPolygon::<f64>(vec![]);
    let mut curve = Vec::with_capacity(places.len());
    let mut cumulative = 0u64;
    for (p, hits) in places.iter().zip(&later_hits) {
        union = if union.0.is_empty() { p.clone() } else { union.union(p) };
        cumulative += hits;
        curve.push((union.unsigned_area() / study_area, ratio(cumulative, total)));
    }
    let hits: u64 = later_hits.iter().sum();
    let area = union.unsigned_area();
    let hit_rate = ratio(hits, total);
    let (earlier_hits, earlier_total) = match earlier {
        Some(e) => (Some(per_place(e).iter().sum::<u64>()), Some(e.len() as u64)),
        None => (None, None),
    };
    let rri = match (earlier_hits, earlier_total) {
        (Some(n1), Some(big_n1)) if n1 > 0 && total > 0 && big_n1 > 0 => Some((hits as f64 / n1 as f64) / (total as f64 / big_n1 as f64)),
        _ => None,
    };
    let pai = if area > 0.0 { hit_rate / (area / study_area) } else { 0.0 };
    Evaluation { hits, total, hit_rate, area, study_area, pai, earlier_hits, earlier_total, rri, curve }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A circle of `radius` around `centre` as a 64-sided polygon (area within 0.2 % of π r²).
pub fn circle(centre: [f64; 2], radius: f64) -> MultiPolygon<f64> {
    let ring: Vec<(f64, f64)> = (0..=64)
        .map(|k| {
            let t = k as f64 / 64.0 * std::f64::consts::TAU;
            (centre[0] + radius * t.cos(), centre[1] + radius * t.sin())
        })
        .collect();
    MultiPolygon(vec![geo::Polygon::new(ring.into(), vec![])])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_and_overlapping_circles_by_hand() {
        // Two circles of radius 10 whose centres are 10 apart overlap; their union's area is
        // 2πr² − (2r²·acos(d/2r) − (d/2)·√(4r² − d²)) with d = 10, r = 10.
        let (r, d) = (10.0f64, 10.0f64);
        let lens = 2.0 * r * r * (d / (2.0 * r)).acos() - d / 2.0 * (4.0 * r * r - d * d).sqrt();
        let union = 2.0 * std::f64::consts::PI * r * r - lens;
        let places = [circle([0.0, 0.0], r), circle([d, 0.0], r)];
        // Incidents: 2 at the first centre, 1 in the overlap (counted once, for the first), 1 only
        // in the second, 4 outside.
        let later = [[0.0, 0.0], [0.0, 1.0], [5.0, 0.0], [15.0, 0.0], [100.0, 0.0], [100.0, 1.0], [100.0, 2.0], [100.0, 3.0]];
        let e = evaluate(&places, 10_000.0, &later, None);
        assert_eq!((e.hits, e.total), (4, 8));
        assert!((e.area - union).abs() / union < 0.005, "{} vs {union}", e.area);
        assert!((e.curve[0].1 - 3.0 / 8.0).abs() < 1e-12 && (e.curve[1].1 - 0.5).abs() < 1e-12);
        assert!((e.curve[0].0 - std::f64::consts::PI * r * r / 10_000.0).abs() < 0.0005);
        assert!((e.pai - 0.5 / (e.area / 10_000.0)).abs() < 1e-12);
        assert_eq!(e.rri, None);
    }
}
