//! Repeat locations: places where incidents recur, at the same map point or within a distance.
//!
//! police.uk moves every incident to one of a fixed set of anonymous map points: a repeat there
//! is a repeat *map point*, not necessarily the same address. With `within` > 0, points closer
//! than that are joined into one place (single linkage through an R-tree: a chain of points each
//! within reach of the next forms one place).
//!
//! ```
//! use hotspot_core::time::repeats::places;
//! let pts = [[0.0, 0.0], [0.0, 0.0], [30.0, 0.0], [200.0, 0.0]];
//! assert_eq!(places(&pts, 0.0), vec![Some(0), Some(0), None, None]);       // the same point twice
//! assert_eq!(places(&pts, 50.0), vec![Some(0), Some(0), Some(0), None]);   // 30 m away joins
//! ```
use std::collections::HashMap;

use crate::index::IncidentIndex;

/// Each incident's repeat place (numbered from 0 by first incident), or None when the place has
/// only one incident.
pub fn places(points: &[[f64; 2]], within: f64) -> Vec<Option<usize>> {
    let n = points.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // The same point: join exact duplicates (by bit pattern after rounding to a millimetre).
    let mut first: HashMap<(i64, i64), usize> = HashMap::with_capacity(n);
    for (i, p) in points.iter().enumerate() {
        let key = ((p[0] * 1000.0).round() as i64, (p[1] * 1000.0).round() as i64);
        let j = *first.entry(key).or_insert(i);
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        parent[a] = b;
    }
    if within > 0.0 {
        let reps: Vec<usize> = first.values().copied().collect();
        let rep_points: Vec<[f64; 2]> = reps.iter().map(|&i| points[i]).collect();
        let index = IncidentIndex::new(&rep_points);
        for (k, &i) in reps.iter().enumerate() {
            for m in index.ids_within(&rep_points[k], within) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, reps[m]));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut size: HashMap<usize, usize> = HashMap::new();
    roots.iter().for_each(|r| *size.entry(*r).or_default() += 1);
    let mut number: HashMap<usize, usize> = HashMap::new();
    roots
        .iter()
        .map(|r| {
            (size[r] > 1).then(|| {
                let next = number.len();
                *number.entry(*r).or_insert(next)
            })
        })
        .collect()
}
