//! Camera coverage: which incidents lie within each camera's radius, and how much of all
//! incidents the cameras see together.
//!
//! Each camera's incidents come from an R-tree radius query (O(log n + k)); an incident seen by
//! several cameras counts once in the overall share.
//!
//! ```
//! use hotspot_core::index::IncidentIndex;
//! use hotspot_core::target::cover::{coverage, Site};
//! let incidents = [[0.0, 0.0], [30.0, 0.0], [500.0, 0.0]];
//! let index = IncidentIndex::new(&incidents);
//! let cameras = [Site { id: "C1".into(), xy: [0.0, 0.0], radius: 50.0 }, Site { id: "C2".into(), xy: [20.0, 0.0], radius: 50.0 }];
//! let c = coverage(&cameras, &index, incidents.len());
//! assert_eq!(c.per_site, vec![vec![0, 1], vec![0, 1]]);
//! assert_eq!(c.covered.iter().filter(|x| **x).count(), 2); // incident 2 is unseen
//! ```
use rayon::prelude::*;

use crate::index::IncidentIndex;

/// A camera or a candidate site.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Its identifier.
    pub id: String,
    /// Position in the working CRS.
    pub xy: [f64; 2],
    /// Radius it covers, metres.
    pub radius: f64,
}

/// What a set of sites covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Per site, the incidents within its radius (ascending).
    pub per_site: Vec<Vec<usize>>,
    /// Per incident, whether any site covers it.
    pub covered: Vec<bool>,
}

/// Coverage of `sites` over `n` incidents held in `index`. Sites are queried in parallel.
pub fn coverage(sites: &[Site], index: &IncidentIndex, n: usize) -> Coverage {
    let per_site: Vec<Vec<usize>> = sites.par_iter().map(|s| index.ids_within(&s.xy, s.radius)).collect();
    let mut covered = vec![false; n];
    per_site.iter().flatten().for_each(|&i| covered[i] = true);
    Coverage { per_site, covered }
}
