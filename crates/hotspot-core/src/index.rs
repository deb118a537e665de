//! An R-tree over incident points (rstar, bulk-loaded): radius, bounding-box and k-nearest
//! queries in the working CRS's metres.
//!
//! Bulk loading is O(n log n); a radius or box query costs O(log n + k) for k results. Results
//! are incident indices sorted by distance (radius, nearest) or by index (box), so answers are
//! repeatable.
//!
//! ```
//! use hotspot_core::index::IncidentIndex;
//! let index = IncidentIndex::new(&[[0.0, 0.0], [30.0, 40.0], [300.0, 0.0]]);
//! assert_eq!(index.within(&[0.0, 0.0], 50.0), vec![(0, 0.0), (1, 50.0)]);
//! assert_eq!(index.nearest(&[290.0, 0.0], 1), vec![(2, 10.0)]);
//! assert_eq!(index.in_box([-1.0, -1.0], [31.0, 41.0]), vec![0, 1]);
//! ```
use rstar::primitives::GeomWithData;
use rstar::{RTree, AABB};

type Entry = GeomWithData<[f64; 2], usize>;

/// Incident points indexed for spatial queries.
pub struct IncidentIndex {
    tree: RTree<Entry>,
}

impl IncidentIndex {
    /// Bulk-loads the points; the index of each point is its incident number.
    pub fn new(points: &[[f64; 2]]) -> IncidentIndex {
        let entries = points.iter().enumerate().map(|(i, p)| Entry::new(*p, i)).collect();
        IncidentIndex { tree: RTree::bulk_load(entries) }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// (incident, distance) within `radius` metres of `at` (inclusive), nearest first, ties by
    /// incident number.
    pub fn within(&self, at: &[f64; 2], radius: f64) -> Vec<(usize, f64)> {
        let mut found: Vec<(usize, f64)> =
            self.tree.locate_within_distance(*at, radius * radius).map(|e| (e.data, dist(at, e.geom()))).collect();
        found.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        found
    }

    /// The incidents within `radius` metres of `at` (inclusive), by incident number: for callers
    /// that need only which incidents, not how far (no distances computed or sorted).
    pub fn ids_within(&self, at: &[f64; 2], radius: f64) -> Vec<usize> {
        let mut found: Vec<usize> = self.tree.locate_within_distance(*at, radius * radius).map(|e| e.data).collect();
        found.sort_unstable();
        found
    }

    /// How many incidents lie within `radius` metres of `at`, without collecting them.
    pub fn count_within(&self, at: &[f64; 2], radius: f64) -> usize {
        self.tree.locate_within_distance(*at, radius * radius).count()
    }

    /// Incidents inside the box from `min` to `max` (inclusive), by incident number.
    pub fn in_box(&self, min: [f64; 2], max: [f64; 2]) -> Vec<usize> {
        let mut found: Vec<usize> = self.tree.locate_in_envelope(&AABB::from_corners(min, max)).map(|e| e.data).collect();
        found.sort_unstable();
        found
    }

    /// The `k` incidents nearest to `at` as (incident, distance), nearest first.
    pub fn nearest(&self, at: &[f64; 2], k: usize) -> Vec<(usize, f64)> {
        self.tree.nearest_neighbor_iter_with_distance_2(at).take(k).map(|(e, d2)| (e.data, d2.sqrt())).collect()
    }
}

fn dist(a: &[f64; 2], b: &[f64; 2]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    fn random_points(n: usize, seed: u64) -> Vec<[f64; 2]> {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        (0..n).map(|_| [rng.random_range(0.0..1000.0), rng.random_range(0.0..1000.0)]).collect()
    }

    #[test]
    fn queries_equal_a_brute_force_scan() {
        let pts = random_points(5_000, 7);
        let index = IncidentIndex::new(&pts);
        let probes = random_points(50, 8);
        for (q, at) in probes.iter().enumerate() {
            let r = 20.0 + q as f64 * 3.0;
            let mut brute: Vec<(usize, f64)> =
                pts.iter().enumerate().map(|(i, p)| (i, dist(at, p))).filter(|(_, d)| *d <= r).collect();
            brute.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            assert_eq!(index.within(at, r), brute);
            assert_eq!(index.count_within(at, r), brute.len());
            let mut ids: Vec<usize> = brute.iter().map(|b| b.0).collect();
            ids.sort_unstable();
            assert_eq!(index.ids_within(at, r), ids);
            let (min, max) = ([at[0] - r, at[1] - r], [at[0] + r, at[1] + r]);
            let boxed: Vec<usize> = (0..pts.len())
                .filter(|&i| (min[0]..=max[0]).contains(&pts[i][0]) && (min[1]..=max[1]).contains(&pts[i][1]))
                .collect();
            assert_eq!(index.in_box(min, max), boxed);
            let mut all: Vec<(usize, f64)> = pts.iter().enumerate().map(|(i, p)| (i, dist(at, p))).collect();
            all.sort_by(|a, b| a.1.total_cmp(&b.1));
            let near = index.nearest(at, 5);
            let expected: Vec<f64> = all[..5].iter().map(|x| x.1).collect();
            assert_eq!(near.iter().map(|x| x.1).collect::<Vec<_>>(), expected);
        }
    }
}
