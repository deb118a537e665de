//! Queen and rook contiguity, tolerant of generalised boundaries. Queen: two areas are neighbours when their
//! boundaries come within `tolerance` metres of each other anywhere (a shared vertex, a shared
//! edge, or edges that nearly meet). With `tolerance = 0` it is exact queen contiguity (a shared
//! boundary point).
//!
//! Published generalised LSOA boundaries rarely share vertices exactly (on the Darlington 2021
//! file an exact test finds almost no neighbours); a tolerance of about a metre restores them.
//! The default, [`DEFAULT_TOLERANCE`] (1 m), equals libpysal's `fuzzy_contiguity` with a 0.5 m
//! buffer.
//!
//! Method: an R-tree over envelopes grown by the tolerance gives candidate pairs; for each pair,
//! only the segments of each polygon that reach into the overlap of the two grown envelopes are
//! compared (segment-to-segment distance, 0 where they cross), stopping at the first pair within
//! the tolerance. Pairs run in parallel (rayon). Cost is about O(m log m + p·k²) for m areas, p
//! candidate pairs and k boundary segments near a shared edge.
//!
//! libpysal's `fuzzy_contiguity(buffering=True, buffer=b)` buffers both polygons by b, so it
//! links polygons within 2b of each other: tolerance t here equals a libpysal buffer of t / 2.
//!
//! ```
//! use geo::{polygon, MultiPolygon};
//! use hotspot_core::areas::{contiguity::queen, AreaSet};
//! let sq = |x: f64, y: f64| MultiPolygon(vec![polygon![(x: x, y: y), (x: x + 1.0, y: y),
//!     (x: x + 1.0, y: y + 1.0), (x: x, y: y + 1.0)]]);
//! // B touches A along an edge, C touches A at one corner, D is 0.5 from B and C.
//! let areas = AreaSet::new(vec![("A".into(), None, sq(0.0, 0.0)), ("B".into(), None, sq(1.0, 0.0)),
//!     ("C".into(), None, sq(1.0, 1.0)), ("D".into(), None, sq(2.5, 1.0))]);
//! assert_eq!(queen(&areas, 0.0).neighbours, vec![vec![1, 2], vec![0, 2], vec![0, 1], vec![]]);
//! assert_eq!(queen(&areas, 0.6).neighbours[3], vec![1, 2]);
//! assert!(queen(&areas, 0.4).neighbours[3].is_empty());
//! ```
use geo::{BoundingRect, Coord, Intersects, Line, LineString, MultiPolygon, Rect};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

use super::AreaSet;

/// The default snapping tolerance, metres.
pub const DEFAULT_TOLERANCE: f64 = 1.0;

/// Neighbour lists, by area index, each sorted.
#[derive(Debug, Clone, PartialEq)]
pub struct Contiguity {
    /// `neighbours[i]` = the areas adjoining area i, ascending.
    pub neighbours: Vec<Vec<usize>>,
    /// The tolerance used, metres.
    pub tolerance: f64,
}

impl Contiguity {
    /// Areas with no neighbour.
    pub fn islands(&self) -> Vec<usize> {
        (0..self.neighbours.len()).filter(|&i| self.neighbours[i].is_empty()).collect()
    }

    /// Mean number of neighbours.
    pub fn mean_neighbours(&self) -> f64 {
        let n = self.neighbours.len().max(1) as f64;
        self.neighbours.iter().map(Vec::len).sum::<usize>() as f64 / n
    }
}

/// Tolerant queen contiguity of a set of areas (see the module docs).
pub fn queen(areas: &AreaSet, tolerance: f64) -> Contiguity {
    contiguity(areas, tolerance, |a, b, window| near(a, b, window, tolerance))
}

/// Tolerant rook contiguity: the areas share a stretch of boundary longer than the tolerance
/// (a corner alone is not enough). Segments count as shared where they run within the tolerance
/// of each other; with tolerance 0, where they coincide.
///
/// ```
/// use geo::{polygon, MultiPolygon};
/// use hotspot_core::areas::{contiguity::rook, AreaSet};
/// let sq = |x: f64, y: f64| MultiPolygon(vec![polygon![(x: x, y: y), (x: x + 1.0, y: y),
///     (x: x + 1.0, y: y + 1.0), (x: x, y: y + 1.0)]]);
/// let areas = AreaSet::new(vec![("A".into(), None, sq(0.0, 0.0)), ("B".into(), None, sq(1.0, 0.0)), ("C".into(), None, sq(1.0, 1.0))]);
/// assert_eq!(rook(&areas, 0.0).neighbours, vec![vec![1], vec![0, 2], vec![1]]); // A and C meet at a corner only
/// ```
pub fn rook(areas: &AreaSet, tolerance: f64) -> Contiguity {
    contiguity(areas, tolerance, |a, b, window| shared_length(a, b, window, tolerance) > tolerance.max(1e-9))
}

fn contiguity(areas: &AreaSet, tolerance: f64, touching: impl Fn(&MultiPolygon<f64>, &MultiPolygon<f64>, Rect<f64>) -> bool + Sync) -> Contiguity {
    let grown: Vec<Rect<f64>> = areas.polygons.iter().map(|p| grow(p.bounding_rect().unwrap_or(empty()), tolerance)).collect();
    let tree = RTree::bulk_load(
        grown.iter().enumerate().map(|(i, r)| GeomWithData::new(Rectangle::<[f64; 2]>::from_corners(r.min().into(), r.max().into()), i)).collect::<Vec<_>>(),
    );
    let pairs: Vec<(usize, usize)> = (0..areas.len())
        .flat_map(|i| {
            let env = AABB::from_corners(grown[i].min().into(), grown[i].max().into());
            tree.locate_in_envelope_intersecting(&env).map(|e| e.data).filter(move |&j| j > i).map(move |j| (i, j)).collect::<Vec<_>>()
        })
        .collect();
    let linked: Vec<(usize, usize)> = pairs.into_par_iter().filter(|&(i, j)| touching(&areas.polygons[i], &areas.polygons[j], overlap(grown[i], grown[j]))).collect();
    let mut neighbours = vec![Vec::new(); areas.len()];
    for (i, j) in linked {
        neighbours[i].push(j);
        neighbours[j].push(i);
    }
    neighbours.iter_mut().for_each(|n| n.sort_unstable());
    Contiguity { neighbours, tolerance }
}

/// Length of `a`'s boundary (inside `window`) that runs within `tol` of `b`'s boundary: for each
/// pair of nearly collinear segments, the length of their overlap along `a`'s segment.
fn shared_length(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>, window: Rect<f64>, tol: f64) -> f64 {
    let (sa, sb) = (segments_in(a, window), segments_in(b, window));
    let tol2 = tol * tol;
    let mut total = 0.0;
    for x in &sa {
        let d = x.end - x.start;
        let len = (d.x * d.x + d.y * d.y).sqrt();
        if len == 0.0 {
            continue;
        }
        for y in &sb {
            if line_distance2(y.start, x) > tol2 || line_distance2(y.end, x) > tol2 {
                continue;
            }
            let t = |p: Coord<f64>| ((p.x - x.start.x) * d.x + (p.y - x.start.y) * d.y) / len;
            let (t0, t1) = (t(y.start).min(t(y.end)), t(y.start).max(t(y.end)));
            total += (t1.min(len) - t0.max(0.0)).max(0.0);
        }
    }
    total
}

/// Squared distance from a point to the infinite line through a segment.
fn line_distance2(p: Coord<f64>, s: &Line<f64>) -> f64 {
    let d = s.end - s.start;
    let len2 = d.x * d.x + d.y * d.y;
    let cross = (p.x - s.start.x) * d.y - (p.y - s.start.y) * d.x;
    cross * cross / len2
}

fn segments_in(p: &MultiPolygon<f64>, window: Rect<f64>) -> Vec<Line<f64>> {
    rings(p)
        .flat_map(|r| r.lines())
        .filter(|l| l.start.x.min(l.end.x) <= window.max().x && l.start.x.max(l.end.x) >= window.min().x && l.start.y.min(l.end.y) <= window.max().y && l.start.y.max(l.end.y) >= window.min().y)
        .collect()
}

/// Whether a segment of `a` and a segment of `b`, both reaching into `window`, come within `tol`
/// of each other (crossing segments are at distance 0: overlapping slivers count).
fn near(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>, window: Rect<f64>, tol: f64) -> bool {
    let sa = segments_in(a, window);
    if sa.is_empty() {
        return false;
    }
    let sb = segments_in(b, window);
    let tol2 = tol * tol;
    sa.iter().any(|x| sb.iter().any(|y| segment_distance2(x, y) <= tol2))
}

/// Squared distance between two segments: 0 when they cross, else the least of the four
/// end-point-to-segment distances.
fn segment_distance2(a: &Line<f64>, b: &Line<f64>) -> f64 {
    if a.intersects(b) {
        return 0.0;
    }
    distance2(a.start, b).min(distance2(a.end, b)).min(distance2(b.start, a)).min(distance2(b.end, a))
}

fn rings(p: &MultiPolygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    p.0.iter().flat_map(|poly| std::iter::once(poly.exterior()).chain(poly.interiors()))
}

/// Squared distance from a point to a segment.
fn distance2(p: Coord<f64>, s: &Line<f64>) -> f64 {
    let d = s.end - s.start;
    let len2 = d.x * d.x + d.y * d.y;
    let t = if len2 == 0.0 { 0.0 } else { (((p.x - s.start.x) * d.x + (p.y - s.start.y) * d.y) / len2).clamp(0.0, 1.0) };
    let q = Coord { x: s.start.x + t * d.x, y: s.start.y + t * d.y };
    (p.x - q.x).powi(2) + (p.y - q.y).powi(2)
}

fn grow(r: Rect<f64>, by: f64) -> Rect<f64> {
    Rect::new(Coord { x: r.min().x - by, y: r.min().y - by }, Coord { x: r.max().x + by, y: r.max().y + by })
}

fn overlap(a: Rect<f64>, b: Rect<f64>) -> Rect<f64> {
    Rect::new(
        Coord { x: a.min().x.max(b.min().x), y: a.min().y.max(b.min().y) },
        Coord { x: a.max().x.min(b.max().x), y: a.max().y.min(b.max().y) },
    )
}

fn empty() -> Rect<f64> {
    Rect::new(Coord { x: f64::NAN, y: f64::NAN }, Coord { x: f64::NAN, y: f64::NAN })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Relate;

    #[test]
    fn exact_queen_on_a_shared_vertex_tessellation_equals_de9im_touches() {
        // A tessellation whose neighbours share vertices exactly: queen with tolerance 0 must
        // equal "the polygons intersect" by the DE-9IM predicate (an independent algorithm).
        let areas = AreaSet::new(crate::synth::tessellation(36, 100.0, (0.0, 0.0), 5));
        let q = queen(&areas, 0.0);
        for i in 0..areas.len() {
            let brute: Vec<usize> = (0..areas.len()).filter(|&j| j != i && areas.polygons[i].relate(&areas.polygons[j]).is_intersects()).collect();
            assert_eq!(q.neighbours[i], brute, "area {i}");
        }
        // interior cells of a 6 × 6 grid have 8 queen neighbours
        assert_eq!(q.neighbours[areas.index_of("S000007").unwrap()].len(), 8);
    }
}
