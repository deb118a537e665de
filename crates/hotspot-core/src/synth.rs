//! Deterministic synthetic data: LSOA-like tessellations and a small town with planted hotspots,
//! for the demo, the fixtures, the tests and the benchmarks. The same seed gives the same bytes.
//!
//! Cells are squares whose edges are replaced by wavy polylines; an edge's shape depends only on
//! its two end corners, so neighbouring cells share every vertex exactly (a true tessellation).
//!
//! ```
//! use geo::Area;
//! let cell = hotspot_core::synth::wobbly_cell(0.0, 0.0, 100.0, 10..=10, 1);
//! assert_eq!(cell.exterior().0.len(), 4 * 10 + 1);
//! assert!((cell.unsigned_area() - 10_000.0).abs() < 3_000.0);
//! ```
use geo::{Coord, LineString, MultiPolygon, Polygon};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

/// A square cell with corner (x0, y0) and side `size`, each edge split into a number of segments
/// from `per_edge` (fixed per edge, so neighbours agree) whose inner vertices are displaced across
/// the edge by up to 8 % of `size`.
pub fn wobbly_cell(x0: f64, y0: f64, size: f64, per_edge: std::ops::RangeInclusive<usize>, seed: u64) -> Polygon<f64> {
    let corners = [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size)];
    let mut ring = Vec::with_capacity(4 * per_edge.end() + 1);
    for k in 0..4 {
        let (a, b) = (corners[k], corners[(k + 1) % 4]);
        let mut pts = edge(a, b, size, &per_edge, seed);
        pts.pop();
        ring.extend(pts);
    }
    ring.push(ring[0]);
    Polygon::new(LineString(ring), vec![])
}

/// The points from `a` to `b` (both included); the same edge walked from `b` to `a` gives the same
/// points in reverse, so neighbours share them.
fn edge(a: (f64, f64), b: (f64, f64), size: f64, per_edge: &std::ops::RangeInclusive<usize>, seed: u64) -> Vec<Coord<f64>> {
    let forward = (a.0, a.1) < (b.0, b.1);
    let (p, q) = if forward { (a, b) } else { (b, a) };
    let key = seed ^ mix((p.0 * 8.0) as i64 as u64) ^ mix(((p.1 * 8.0) as i64 as u64).rotate_left(21)) ^ mix(((q.0 + q.1 * 3.0) * 8.0) as i64 as u64);
    let mut rng = ChaCha8Rng::seed_from_u64(key);
    let per_edge = rng.random_range(per_edge.clone());
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let len = (dx * dx + dy * dy).sqrt();
    let (nx, ny) = (-dy / len, dx / len);
    let mut pts: Vec<Coord<f64>> = (0..=per_edge)
        .map(|j| {
            let t = j as f64 / per_edge as f64;
            let off = (std::f64::consts::PI * t).sin() * rng.random_range(-0.08..0.08) * size;
            Coord { x: p.0 + dx * t + nx * off, y: p.1 + dy * t + ny * off }
        })
        .collect();
    pts[0] = Coord { x: p.0, y: p.1 };
    pts[per_edge] = Coord { x: q.0, y: q.1 };
    if !forward {
        pts.reverse();
    }
    pts
}

/// SplitMix64's finaliser: spreads a corner's coordinates into a seed.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A national-scale tessellation: `n` cells of `size` metres on a near-square grid from
/// (x0, y0) in British National Grid, each with 100-300 vertices. Codes are `S<index>`.
pub fn tessellation(n: usize, size: f64, origin: (f64, f64), seed: u64) -> Vec<(String, Option<String>, MultiPolygon<f64>)> {
    let cols = (n as f64).sqrt().ceil() as usize;
    (0..n)
        .map(|i| {
            let (gx, gy) = ((i % cols) as f64, (i / cols) as f64);
            let cell = wobbly_cell(origin.0 + gx * size, origin.1 + gy * size, size, 25..=75, seed);
            (format!("S{i:06}"), Some(format!("Synthshire {:03}{}", i / 26 % 1000, (b'A' + (i % 26) as u8) as char)), MultiPolygon(vec![cell]))
        })
        .collect()
}

/// Points scattered over a box, in clusters of given spread (metres) around random centres plus
/// a uniform background: the mix of concentration real incidents show.
pub fn clustered_points(n: usize, min: (f64, f64), max: (f64, f64), clusters: usize, spread: f64, seed: u64) -> Vec<[f64; 2]> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let centres: Vec<(f64, f64)> =
        (0..clusters).map(|_| (rng.random_range(min.0..max.0), rng.random_range(min.1..max.1))).collect();
    let normal = Normal::new(0.0, spread).unwrap();
    (0..n)
        .map(|i| {
            if i % 3 == 0 || centres.is_empty() {
                [rng.random_range(min.0..max.0), rng.random_range(min.1..max.1)]
            } else {
                let c = centres[rng.random_range(0..centres.len())];
                [c.0 + normal.sample(&mut rng), c.1 + normal.sample(&mut rng)]
            }
        })
        .collect()
}

pub mod town;
pub mod national;
