//! Neighbours from points (area centroids, cell centres): a distance band and k nearest.
//! Contiguity from polygons is in [`crate::areas::contiguity`] (queen, rook); grid neighbours in
//! [`super::grid::Grid::neighbours`].
//!
//! ```
//! use hotspot_core::stats::weights::{distance_band, k_nearest};
//! let pts = [[0.0, 0.0], [1.0, 0.0], [3.0, 0.0]];
//! assert_eq!(distance_band(&pts, 1.5), vec![vec![1], vec![0], vec![]]);
//! assert_eq!(k_nearest(&pts, 1), vec![vec![1], vec![0], vec![1]]);
//! ```
use crate::index::IncidentIndex;

/// Neighbours within `d` metres (excluding self).
pub fn distance_band(points: &[[f64; 2]], d: f64) -> Vec<Vec<usize>> {
    let index = IncidentIndex::new(points);
    (0..points.len())
        .map(|i| {
            let mut v = index.ids_within(&points[i], d);
            v.retain(|&j| j != i);
            v
        })
        .collect()
}

/// The `k` nearest neighbours of each point (excluding self; ties by index), ascending by index.
/// Not symmetric: j may be among i's nearest without i being among j's.
pub fn k_nearest(points: &[[f64; 2]], k: usize) -> Vec<Vec<usize>> {
    let index = IncidentIndex::new(points);
    (0..points.len())
        .map(|i| {
            let mut near = index.nearest(&points[i], k + 1);
            near.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let mut v: Vec<usize> = near.into_iter().map(|x| x.0).filter(|&j| j != i).take(k).collect();
            v.sort_unstable();
            v
        })
        .collect()
}
