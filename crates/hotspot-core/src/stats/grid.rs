//! Square and hexagonal grids over incidents or a boundary: cells, point counts, neighbours.
//!
//! Cell size: given, or the shorter side of the extent ÷ 50 rounded down to a round number of
//! metres (1, 2, 2.5 or 5 × 10^k; at least 1 m). Hexagons are pointy-topped and `size` is the
//! distance between neighbouring centres (the width across flats). Neighbours are the cells whose
//! centres lie within size × √2 (8 for squares, 6 for hexagons). Without a boundary, the extent is
//! that of the points less outliers: the 0.5-99.5 % quantile box grown by 5 % of its size each way;
//! points beyond it are counted as outside rather than stretching the grid. A grid larger than
//! `max_cells` is an error that says how to raise the cap.
//!
//! ```
//! use hotspot_core::stats::grid::{auto_cell_size, Grid, Shape};
//! assert_eq!(auto_cell_size(12_345.0), 200.0); // 246.9 → 200
//! let g = Grid::over_box(Shape::Square, 100.0, [0.0, 0.0], [300.0, 200.0], None, 1_000).unwrap();
//! assert_eq!(g.len(), 6);
//! let counts = g.count(&[[50.0, 50.0], [60.0, 40.0], [250.0, 150.0], [900.0, 900.0]]);
//! assert_eq!((counts.n[0], counts.n[5], counts.outside), (2, 1, 1));
//! assert_eq!(g.neighbours()[0], vec![1, 3, 4]);
//! ```
use geo::{Contains, Coord, LineString, MultiPolygon, Polygon};

use crate::areas::AreaSet;
use crate::error::{Error, Result};

/// Cell shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Squares.
    Square,
    /// Pointy-topped hexagons.
    Hex,
}

/// A grid of cells, kept in row-major order (rows from the south).
#[derive(Debug, Clone)]
pub struct Grid {
    /// Cell shape.
    pub shape: Shape,
    /// Cell size, metres.
    pub size: f64,
    origin: [f64; 2],
    cols: usize,
    rows: usize,
    /// Dense index (row-major, cols × rows) → kept cell number, u32::MAX when dropped.
    slot: Vec<u32>,
    /// (col, row) of each kept cell.
    cells: Vec<(u32, u32)>,
}

/// Points counted per cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// Points per kept cell.
    pub n: Vec<u64>,
    /// Which cell each point fell in.
    pub cell: Vec<Option<u32>>,
    /// Points outside every cell.
    pub outside: u64,
}

/// Shorter side ÷ 50, rounded down to 1, 2, 2.5 or 5 × 10^k metres; never below 1 m.
pub fn auto_cell_size(shorter_side: f64) -> f64 {
    let raw = shorter_side / 50.0;
    if raw < 1.0 {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [5.0, 2.5, 2.0, 1.0].iter().map(|m| m * p).find(|v| *v <= raw).unwrap_or(p)
}

/// The extent of the points without outliers (see the module docs).
pub fn robust_extent(points: &[[f64; 2]]) -> Option<([f64; 2], [f64; 2])> {
    if points.is_empty() {
        return None;
    }
    let q = |d: usize, f: f64| {
        let mut v: Vec<f64> = points.iter().map(|p| p[d]).collect();
        v.sort_by(f64::total_cmp);
        v[((v.len() - 1) as f64 * f).round() as usize]
    };
    let (lo, hi) = ([q(0, 0.005), q(1, 0.005)], [q(0, 0.995), q(1, 0.995)]);
    let pad = [(hi[0] - lo[0]) * 0.05, (hi[1] - lo[1]) * 0.05];
    let (lo, hi) = ([lo[0] - pad[0], lo[1] - pad[1]], [hi[0] + pad[0], hi[1] + pad[1]]);
    // Keep every point when none is far out: the box grows to the points it would cut by a little.
    let (mut a, mut b) = (lo, hi);
    for p in points {
        for d in 0..2 {
            let w = hi[d] - lo[d];
            if p[d] < a[d] && p[d] >= lo[d] - w * 0.5 {
                a[d] = p[d];
            }
            if p[d] > b[d] && p[d] <= hi[d] + w * 0.5 {
                b[d] = p[d];
            }
        }
    }
    Some((a, b))
}

impl Grid {
    /// Cells covering the box from `min` to `max`; with a `boundary`, only cells whose centre lies
    /// in it. Errors when more than `max_cells` would be made.
    pub fn over_box(shape: Shape, size: f64, min: [f64; 2], max: [f64; 2], boundary: Option<&AreaSet>, max_cells: usize) -> Result<Grid> {
        if !(size > 0.0 && size.is_finite()) {
            return Err(Error::Usage(format!("--cell-size {size} must be a positive number of metres")));
        }
        let row_step = row_step(shape, size);
        let extra = usize::from(shape == Shape::Hex);
        let cols = (((max[0] - min[0]) / size).ceil() as usize).max(1) + extra;
        let rows = (((max[1] - min[1]) / row_step).ceil() as usize).max(1) + extra;
        if cols.saturating_mul(rows) > max_cells {
            return Err(Error::Usage(format!(
                "a grid of {cols} × {rows} = {} cells of {size} m is more than the cap of {max_cells}; use a larger --cell-size, a --boundary, or raise --max-cells",
                cols * rows
            )));
        }
        let origin = [min[0] + size / 2.0, min[1] + row_step / 2.0];
        let mut g = Grid { shape, size, origin, cols, rows, slot: vec![u32::MAX; cols * rows], cells: Vec::new() };
        for r in 0..rows {
            for c in 0..cols {
                let centre = g.centre_of(c, r);
                let keep = boundary.is_none_or(|b| b.polygons.iter().any(|p| p.contains(&Coord { x: centre[0], y: centre[1] })));
                if keep {
                    g.slot[r * cols + c] = g.cells.len() as u32;
                    g.cells.push((c as u32, r as u32));
                }
            }
        }
        Ok(g)
    }

    /// Number of kept cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    fn centre_of(&self, c: usize, r: usize) -> [f64; 2] {
        let shift = if self.shape == Shape::Hex && r % 2 == 1 { self.size / 2.0 } else { 0.0 };
        [self.origin[0] + c as f64 * self.size + shift, self.origin[1] + r as f64 * row_step(self.shape, self.size)]
    }

    /// Centre of kept cell `k`.
    pub fn centre(&self, k: usize) -> [f64; 2] {
        let (c, r) = self.cells[k];
        self.centre_of(c as usize, r as usize)
    }

    /// A short label: "r<row>c<col>".
    pub fn label(&self, k: usize) -> String {
        let (c, r) = self.cells[k];
        format!("r{r}c{c}")
    }

    /// The kept cell holding a point.
    pub fn locate(&self, p: [f64; 2]) -> Option<u32> {
        let (c, r) = match self.shape {
            Shape::Square => {
                let c = ((p[0] - self.origin[0]) / self.size + 0.5).floor();
                let r = ((p[1] - self.origin[1]) / self.size + 0.5).floor();
                (c, r)
            }
            Shape::Hex => self.hex_cell(p)?,
        };
        if c < 0.0 || r < 0.0 || c >= self.cols as f64 || r >= self.rows as f64 {
            return None;
        }
        let s = self.slot[r as usize * self.cols + c as usize];
        (s != u32::MAX).then_some(s)
    }

    /// Nearest hexagon centre among the candidate rows around the point.
    fn hex_cell(&self, p: [f64; 2]) -> Option<(f64, f64)> {
        let step = row_step(Shape::Hex, self.size);
        let r0 = ((p[1] - self.origin[1]) / step).round() as i64;
        let mut best: Option<((f64, f64), f64)> = None;
        for r in r0 - 1..=r0 + 1 {
            if r < 0 {
                continue;
            }
            let shift = if r % 2 == 1 { self.size / 2.0 } else { 0.0 };
            let c = ((p[0] - self.origin[0] - shift) / self.size).round();
            let centre = self.centre_of(c.max(0.0) as usize, r as usize);
            let d = (centre[0] - p[0]).powi(2) + (centre[1] - p[1]).powi(2);
            if c >= 0.0 && best.is_none_or(|b| d < b.1) {
                best = Some(((c, r as f64), d));
            }
        }
        best.map(|b| b.0)
    }

    /// Calls `f(cell, distance)` for every kept cell whose centre is within `h` of `p` (the cells
    /// of the rows and columns that can reach, not a scan of the grid).
    pub fn for_each_within(&self, p: [f64; 2], h: f64, mut f: impl FnMut(usize, f64)) {
        let step = row_step(self.shape, self.size);
        let clamp = |v: f64, n: usize| v.max(0.0).min(n as f64 - 1.0) as usize;
        let r_lo = ((p[1] - h - self.origin[1]) / step).floor();
        let r_hi = ((p[1] + h - self.origin[1]) / step).ceil();
        let c_lo = ((p[0] - h - self.origin[0]) / self.size).floor() - 1.0;
        let c_hi = ((p[0] + h - self.origin[0]) / self.size).ceil() + 1.0;
        if r_hi < 0.0 || c_hi < 0.0 || r_lo >= self.rows as f64 || c_lo >= self.cols as f64 {
            return;
        }
        for r in clamp(r_lo, self.rows)..=clamp(r_hi, self.rows) {
            for c in clamp(c_lo, self.cols)..=clamp(c_hi, self.cols) {
                let s = self.slot[r * self.cols + c];
                if s == u32::MAX {
                    continue;
                }
                let centre = self.centre_of(c, r);
                let d = (centre[0] - p[0]).hypot(centre[1] - p[1]);
                if d < h {
                    f(s as usize, d);
                }
            }
        }
    }

    /// Counts points per kept cell.
    pub fn count(&self, points: &[[f64; 2]]) -> Counts {
        let cell: Vec<Option<u32>> = points.iter().map(|p| self.locate(*p)).collect();
        let mut n = vec![0u64; self.len()];
        cell.iter().flatten().for_each(|&k| n[k as usize] += 1);
        let outside = cell.iter().filter(|c| c.is_none()).count() as u64;
        Counts { n, cell, outside }
    }

    /// Neighbours of each kept cell: centres within size × √2.
    pub fn neighbours(&self) -> Vec<Vec<usize>> {
        let reach = self.size * std::f64::consts::SQRT_2 * (1.0 + 1e-9);
        (0..self.len())
            .map(|k| {
                let (c, r) = (self.cells[k].0 as i64, self.cells[k].1 as i64);
                let me = self.centre(k);
                let mut out = Vec::new();
                for dr in -1..=1 {
                    for dc in -2..=2 {
                        let (cc, rr) = (c + dc, r + dr);
                        if (dc, dr) == (0, 0) || cc < 0 || rr < 0 || cc >= self.cols as i64 || rr >= self.rows as i64 {
                            continue;
                        }
                        let s = self.slot[rr as usize * self.cols + cc as usize];
                        if s == u32::MAX {
                            continue;
                        }
                        let o = self.centre(s as usize);
                        if (o[0] - me[0]).hypot(o[1] - me[1]) <= reach {
                            out.push(s as usize);
                        }
                    }
                }
                out.sort_unstable();
                out
            })
            .collect()
    }

    /// The polygon of kept cell `k`.
    pub fn polygon(&self, k: usize) -> MultiPolygon<f64> {
        let [x, y] = self.centre(k);
        let h = self.size / 2.0;
        let ring: Vec<(f64, f64)> = match self.shape {
            Shape::Square => vec![(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h), (x - h, y - h)],
            Shape::Hex => {
                let radius = self.size / 3f64.sqrt();
                (0..=6).map(|i| {
                    let a = std::f64::consts::FRAC_PI_6 + i as f64 * std::f64::consts::FRAC_PI_3;
                    (x + radius * a.cos(), y + radius * a.sin())
                }).collect()
            }
        };
        MultiPolygon(vec![Polygon::new(LineString::from(ring), vec![])])
    }
}

fn row_step(shape: Shape, size: f64) -> f64 {
    match shape {
        Shape::Square => size,
        Shape::Hex => size * 3f64.sqrt() / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    #[test]
    fn hexagon_lookup_is_the_nearest_centre_and_inside_its_polygon() {
        let g = Grid::over_box(Shape::Hex, 50.0, [0.0, 0.0], [1000.0, 800.0], None, 100_000).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
        for _ in 0..5_000 {
            let p = [rng.random_range(50.0..950.0), rng.random_range(50.0..750.0)];
            let k = g.locate(p).unwrap() as usize;
            let d = |c: [f64; 2]| (c[0] - p[0]).hypot(c[1] - p[1]);
            let brute = (0..g.len()).min_by(|&a, &b| d(g.centre(a)).total_cmp(&d(g.centre(b)))).unwrap();
            assert!((d(g.centre(k)) - d(g.centre(brute))).abs() < 1e-9);
            assert!(g.polygon(k).contains(&Coord { x: p[0], y: p[1] }) || d(g.centre(k)) > 50.0 / 3f64.sqrt() - 1e-6);
        }
        // Interior hexagons have six neighbours.
        let mid = g.locate([500.0, 400.0]).unwrap() as usize;
        assert_eq!(g.neighbours()[mid].len(), 6);
    }

    #[test]
    fn cap_and_cell_size_rule() {
        let e = Grid::over_box(Shape::Square, 1.0, [0.0, 0.0], [10_000.0, 10_000.0], None, 1_000_000).unwrap_err();
        assert!(e.to_string().contains("raise --max-cells"), "{e}");
        assert_eq!(auto_cell_size(30.0), 1.0);
        assert_eq!(auto_cell_size(5_000.0), 100.0);
        assert_eq!(auto_cell_size(7_000.0), 100.0); // 140 → 100
        assert_eq!(auto_cell_size(14_000.0), 250.0); // 280 → 250
    }

    #[test]
    fn outliers_do_not_stretch_the_extent() {
        let mut pts: Vec<[f64; 2]> = (0..1000).map(|i| [(i % 100) as f64, (i / 100) as f64 * 10.0]).collect();
        pts.push([1.0e6, 1.0e6]);
        let (lo, hi) = robust_extent(&pts).unwrap();
        assert!(hi[0] < 200.0 && hi[1] < 200.0 && lo[0] <= 0.0, "{lo:?} {hi:?}");
    }
}
