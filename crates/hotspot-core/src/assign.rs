//! Point → area: an R-tree over the areas' envelopes finds candidates, an exact
//! point-in-polygon test (geo) settles it.
//!
//! **Boundary rule.** A point goes to the first area, in code order, whose closed polygon
//! (interior or boundary) holds it. A point on the boundary two areas share therefore goes to
//! the one whose code sorts first; where generalised boundaries overlap in slivers, the same rule
//! settles the overlap. The rule is deterministic and independent of input order.
//!
//! Cost: O(log m) candidates per point for m areas, then O(v) per candidate polygon of v
//! vertices; points are split across threads with rayon.
//!
//! ```
//! use geo::{polygon, MultiPolygon};
//! use hotspot_core::{areas::AreaSet, assign::assign};
//! let square = |x: f64| MultiPolygon(vec![polygon![(x: x, y: 0.0), (x: x + 1.0, y: 0.0),
//!     (x: x + 1.0, y: 1.0), (x: x, y: 1.0), (x: x, y: 0.0)]]);
//! let areas = AreaSet::new(vec![("B".into(), None, square(1.0)), ("A".into(), None, square(0.0))]);
//! let got = assign(&[[0.5, 0.5], [1.0, 0.5], [1.5, 0.5], [5.0, 5.0]], &areas);
//! assert_eq!(got.area, vec![Some(0), Some(0), Some(1), None]); // (1.0, 0.5) is on the shared edge: "A" wins
//! assert_eq!((got.inside, got.outside), (3, 1));
//! ```
use geo::coordinate_position::{CoordPos, CoordinatePosition};
use geo::Coord;
use rayon::prelude::*;
use serde::Serialize;

use crate::areas::AreaSet;
use crate::ingest::Incidents;

/// Which area each point fell in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignment {
    /// Per point: the area index, or `None` outside every area.
    #[serde(skip)]
    pub area: Vec<Option<u32>>,
    /// Points inside an area.
    pub inside: u64,
    /// Points outside every area.
    pub outside: u64,
}

/// Assigns every point to an area by the module's boundary rule. Points that repeat exactly
/// (police.uk snaps every incident to one of a fixed set of map points, so most do) are located
/// once.
pub fn assign(points: &[[f64; 2]], areas: &AreaSet) -> Assignment {
    let mut distinct: std::collections::HashMap<(u64, u64), u32> = std::collections::HashMap::with_capacity(points.len() / 4);
    let slot: Vec<u32> = points
        .iter()
        .map(|p| {
            let next = distinct.len() as u32;
            *distinct.entry((p[0].to_bits(), p[1].to_bits())).or_insert(next)
        })
        .collect();
    let mut unique = vec![[0.0; 2]; distinct.len()];
    for (i, &s) in slot.iter().enumerate() {
        unique[s as usize] = points[i];
    }
    let located: Vec<Option<u32>> = unique.par_iter().with_min_len(1024).map(|p| locate(*p, areas)).collect();
    let area: Vec<Option<u32>> = slot.iter().map(|&s| located[s as usize]).collect();
    let inside = area.iter().filter(|a| a.is_some()).count() as u64;
    Assignment { outside: points.len() as u64 - inside, inside, area }
}

/// The area holding one point, by the module's boundary rule. The envelope test is the
/// R-tree's, so each candidate's rings are tested directly (geo's `CoordinatePosition`, which
/// does not recompute a bounding box per call).
pub fn locate(p: [f64; 2], areas: &AreaSet) -> Option<u32> {
    let c = Coord { x: p[0], y: p[1] };
    let holds = |i: &usize| areas.polygons[*i].0.iter().any(|part| part.coordinate_position(&c) != CoordPos::Outside);
    areas.candidates(p).filter(holds).min().map(|i| i as u32)
}

/// How often the assigned area's code equals the code the source gave (police.uk's own
/// `LSOA code`): (agreeing, compared). Only incidents that were assigned and carry a code count.
///
/// ```
/// use geo::{polygon, MultiPolygon};
/// use hotspot_core::{areas::AreaSet, assign::{assign, agreement}, ingest::{Incidents, RawRecord, SourceRow}};
/// let sq = MultiPolygon(vec![polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)]]);
/// let areas = AreaSet::new(vec![("E1".into(), None, sq)]);
/// let mut inc = Incidents::default();
/// for code in ["E1", "E2"] {
///     let r = RawRecord { kind: "asb".into(), police_lsoa: Some(code.into()), ..Default::default() };
///     inc.push(&r, [0.5, 0.5], SourceRow { file: 0, row: 2 });
/// }
/// assert_eq!(agreement(&inc, &assign(&inc.xy, &areas), &areas), (1, 2));
/// ```
pub fn agreement(incidents: &Incidents, assignment: &Assignment, areas: &AreaSet) -> (u64, u64) {
    let (mut agree, mut compared) = (0, 0);
    for (i, area) in assignment.area.iter().enumerate() {
        if let (Some(a), Some(code)) = (area, incidents.string(incidents.police_lsoa[i])) {
            compared += 1;
            agree += (areas.codes[*a as usize] == code) as u64;
        }
    }
    (agree, compared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, MultiPolygon, Polygon, Relate};
    use rand::{RngExt, SeedableRng};

    /// A 4 × 4 grid of unit squares with wavy shared edges, so candidates overlap.
    fn grid() -> AreaSet {
        let mut areas = Vec::new();
        for gx in 0..4 {
            for gy in 0..4 {
                let poly = crate::synth::wobbly_cell(gx as f64 * 100.0, gy as f64 * 100.0, 100.0, 4..=12, 7);
                areas.push((format!("A{gx}{gy}"), None, MultiPolygon(vec![poly])));
            }
        }
        AreaSet::new(areas)
    }

    #[test]
    fn equals_brute_force_over_all_polygons() {
        let areas = grid();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let pts: Vec<[f64; 2]> = (0..20_000).map(|_| [rng.random_range(-20.0..420.0), rng.random_range(-20.0..420.0)]).collect();
        let got = assign(&pts, &areas);
        for (p, a) in pts.iter().zip(&got.area) {
            let c = Coord { x: p[0], y: p[1] };
            let brute = (0..areas.len()).find(|&i| {
                let poly: &Polygon<f64> = &areas.polygons[i].0[0];
                poly.contains(&c) || poly.relate(&geo::Point(c)).is_intersects()
            });
            assert_eq!(*a, brute.map(|i| i as u32), "point {p:?}");
        }
        assert_eq!(got.inside + got.outside, pts.len() as u64);
    }

    #[test]
    fn shared_vertex_goes_to_the_first_code() {
        let areas = grid();
        // (100, 100) is a corner shared by four cells; A00 sorts first.
        assert_eq!(locate([100.0, 100.0], &areas), Some(0));
    }
}
