//! The places a statistic runs on, shared by `gistar`, `lisa` and `kde`: areas (with counts or
//! rates) or a square or hexagonal grid, with their neighbours.
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use geo::{Centroid, MultiPolygon};
use hotspot_core::areas::contiguity::{queen, rook, DEFAULT_TOLERANCE};
use hotspot_core::areas::{read_areas, AreaOptions, PopulationTable};
use hotspot_core::crs::Epsg;
use hotspot_core::ingest::{expand_inputs, Ingested, Input};
use hotspot_core::output::{geojson::Shape as OutShape, number, Table};
use hotspot_core::stats::grid::{auto_cell_size, robust_extent, Grid, Shape};
use hotspot_core::stats::weights::{distance_band, k_nearest};
use hotspot_core::{aggregate, assign};
use serde_json::Value;

use crate::args::IncidentArgs;
use crate::load;
use crate::messages::{print_accounting, thousands, Say};

/// Where to compute: areas or a grid, and how places neighbour each other.
#[derive(Debug, Args, Clone)]
pub struct SurfaceArgs {
    /// Areas (GeoJSON polygons, e.g. LSOAs). Give this or --grid.
    #[arg(long, short = 'a', value_name = "FILE", conflicts_with = "grid")]
    pub areas: Option<PathBuf>,
    /// The areas' code property (default: LSOA21CD, LSOA11CD, LSOA01CD, code or id).
    #[arg(long, value_name = "FIELD", requires = "areas")]
    pub area_id: Option<String>,
    /// The areas' name property.
    #[arg(long, value_name = "FIELD", requires = "areas")]
    pub area_name: Option<String>,
    /// Residents per area (CSV), for --value rate.
    #[arg(long, short = 'p', value_name = "FILE", requires = "areas")]
    pub population: Option<PathBuf>,
    /// On areas: count (incidents) or rate (per 1,000 residents).
    #[arg(long, value_name = "V", default_value = "count")]
    pub value: String,
    /// A grid instead of areas: rect (squares) or hex (hexagons).
    #[arg(long, value_name = "SHAPE")]
    pub grid: Option<String>,
    /// Grid cell size, metres [default: shorter side of the extent ÷ 50, rounded down; announced].
    #[arg(long, value_name = "METRES", requires = "grid")]
    pub cell_size: Option<f64>,
    /// Grid over this boundary (GeoJSON polygons) instead of the incidents' extent.
    #[arg(long, value_name = "FILE", requires = "grid")]
    pub boundary: Option<PathBuf>,
    /// The most cells a grid may have.
    #[arg(long, value_name = "N", default_value_t = 2_000_000)]
    pub max_cells: usize,
    /// On areas: queen, rook, distance:METRES (centroids) or knn:K [default: queen, announced].
    #[arg(long, value_name = "W")]
    pub weights: Option<String>,
    /// Contiguity tolerance for queen and rook, metres [default: 1, announced].
    #[arg(long, value_name = "METRES")]
    pub tolerance: Option<f64>,
}

/// Places with their values and neighbours.
pub struct Surface {
    /// Polygon of each place (working CRS).
    pub shapes: Vec<MultiPolygon<f64>>,
    /// Centre of each place.
    pub centres: Vec<[f64; 2]>,
    /// Identifying columns (code and name, or cell) and their values per place.
    pub id_columns: Vec<String>,
    /// Per place.
    pub ids: Vec<Vec<Value>>,
    /// Incidents per place.
    pub n: Vec<u64>,
    /// The place each incident fell in (None outside every place).
    pub place: Vec<Option<usize>>,
    /// The value analysed per place (count or rate).
    pub value: Vec<f64>,
    /// Neighbours per place.
    pub neighbours: Vec<Vec<usize>>,
    /// The grid, when on one.
    pub grid: Option<Grid>,
    /// The incidents read.
    pub got: Ingested,
}

impl Surface {
    /// The leading columns of an output table, followed by `extra` columns.
    pub fn table(&self, extra: &[&str], rows: impl Iterator<Item = Vec<Value>>) -> Table {
        let mut columns = self.id_columns.clone();
        columns.extend(extra.iter().map(|s| s.to_string()));
        let rows = self.ids.iter().cloned().zip(rows).map(|(mut id, rest)| {
            id.extend(rest);
            id
        });
        Table { columns, rows: rows.collect() }
    }

    /// Output shapes, in place order.
    pub fn shapes(&self) -> Vec<OutShape<'_>> {
        self.shapes.iter().map(OutShape::Area).collect()
    }

    /// A place's label for messages.
    pub fn label(&self, i: usize) -> String {
        self.ids[i].iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// Reads the incidents and builds the places.
pub fn build(incidents: &IncidentArgs, s: &SurfaceArgs, need_neighbours: bool, say: &Say) -> Result<Surface> {
    let opts = load::ingest_options(incidents)?;
    let got = load::incidents(&expand_inputs(&incidents.incidents)?, &opts, incidents.rejects.as_deref(), say)?;
    let points = &got.incidents.xy;
    let surface = match (&s.areas, &s.grid) {
        (Some(path), None) => {
            let population = match &s.population {
                Some(p) => Some(PopulationTable::from_csv(&p.display().to_string(), std::fs::File::open(p).map_err(|e| hotspot_core::Error::io(p.display().to_string(), e))?, None, None)?),
                None => None,
            };
            let opts = AreaOptions { id_field: s.area_id.clone(), name_field: s.area_name.clone(), crs: None, working_crs: Epsg::BNG, keep_native: false };
            let (loaded, _) = load::areas_with(&Input::Path(path.clone()), &opts, population, say)?;
            let areas = loaded.areas;
            let assignment = assign::assign(points, &areas);
            say.line("accounting:");
            print_accounting(say, &got, Some(&assignment), None);
            let place: Vec<Option<usize>> = assignment.area.iter().map(|a| a.map(|a| a as usize)).collect();
            let mut n = vec![0u64; areas.len()];
            place.iter().flatten().for_each(|&a| n[a] += 1);
            let value: Vec<f64> = match s.value.as_str() {
                "count" => n.iter().map(|&c| c as f64).collect(),
                "rate" => {
                    if areas.population.iter().any(Option::is_none) {
                        bail!("--value rate needs a population for every area (--population FILE)");
                    }
                    n.iter().zip(&areas.population).map(|(&c, p)| aggregate::rate_per_1000(c, *p).unwrap_or(0.0)).collect()
                }
                v => bail!("--value {v}: use count or rate"),
            };
            let centres: Vec<[f64; 2]> = areas.polygons.iter().map(|p| p.centroid().map(|c| [c.x(), c.y()]).unwrap_or([f64::NAN; 2])).collect();
            let neighbours = if need_neighbours { area_neighbours(&areas, &centres, s, say)? } else { Vec::new() };
            let ids = (0..areas.len()).map(|i| vec![Value::from(areas.codes[i].as_str()), areas.names[i].as_deref().map_or(Value::Null, Value::from)]).collect();
            Surface { shapes: areas.polygons, centres, id_columns: vec!["code".into(), "name".into()], ids, n, place, value, neighbours, grid: None, got }
        }
        (None, Some(shape)) => {
            let shape = match shape.as_str() {
                "rect" | "square" => Shape::Square,
                "hex" => Shape::Hex,
                other => bail!("--grid {other}: use rect or hex"),
            };
            let boundary = match &s.boundary {
                Some(b) => Some(read_areas(&Input::Path(b.clone()), &AreaOptions::default())?.areas),
                None => None,
            };
            let (lo, hi) = match &boundary {
                Some(b) => {
                    let rects: Vec<geo::Rect<f64>> = b.polygons.iter().filter_map(geo::BoundingRect::bounding_rect).collect();
                    let lo = [rects.iter().map(|r| r.min().x).fold(f64::MAX, f64::min), rects.iter().map(|r| r.min().y).fold(f64::MAX, f64::min)];
                    let hi = [rects.iter().map(|r| r.max().x).fold(f64::MIN, f64::max), rects.iter().map(|r| r.max().y).fold(f64::MIN, f64::max)];
                    (lo, hi)
                }
                None => robust_extent(points).ok_or_else(|| anyhow::anyhow!("no incidents to grid"))?,
            };
            let size = match s.cell_size {
                Some(c) => c,
                None => {
                    let c = auto_cell_size((hi[0] - lo[0]).min(hi[1] - lo[1]));
                    say.announce(&format!("cell size: {c} m (the shorter side of the extent ÷ 50, rounded down; set --cell-size)"));
                    c
                }
            };
            let grid = Grid::over_box(shape, size, lo, hi, boundary.as_ref(), s.max_cells)?;
            let counts = grid.count(points);
            say.line("accounting:");
            print_accounting(say, &got, None, None);
            say.line(&format!("  {} cells of {size} m; {} incidents in a cell, {} outside the grid", thousands(grid.len() as u64), thousands(points.len() as u64 - counts.outside), thousands(counts.outside)));
            if counts.outside > 0 && boundary.is_none() {
                let (n, verb) = if counts.outside == 1 { ("1 incident".to_string(), "lies") } else { (format!("{} incidents", thousands(counts.outside)), "lie") };
                say.announce(&format!("{n} {verb} far outside the others and off the grid (set --boundary to choose the study area)"));
            }
            let neighbours = if need_neighbours { grid.neighbours() } else { Vec::new() };
            let shapes = (0..grid.len()).map(|k| grid.polygon(k)).collect();
            let centres = (0..grid.len()).map(|k| grid.centre(k)).collect();
            let ids = (0..grid.len()).map(|k| vec![Value::from(grid.label(k))]).collect();
            let value = counts.n.iter().map(|&c| c as f64).collect();
            let place = counts.cell.iter().map(|c| c.map(|c| c as usize)).collect();
            Surface { shapes, centres, id_columns: vec!["cell".into()], ids, n: counts.n, place, value, neighbours, grid: Some(grid), got }
        }
        _ => bail!("give --areas FILE or --grid rect|hex"),
    };
    if need_neighbours {
        let islands: Vec<String> = (0..surface.neighbours.len()).filter(|&i| surface.neighbours[i].is_empty()).map(|i| surface.label(i)).collect();
        if !islands.is_empty() {
            say.announce(&format!("{} places have no neighbour: {}", islands.len(), islands.iter().take(5).cloned().collect::<Vec<_>>().join(", ")));
        }
    }
    Ok(surface)
}

fn area_neighbours(areas: &hotspot_core::areas::AreaSet, centres: &[[f64; 2]], s: &SurfaceArgs, say: &Say) -> Result<Vec<Vec<usize>>> {
    let tolerance = || match s.tolerance {
        Some(t) if t >= 0.0 => Ok(t),
        Some(t) => bail!("--tolerance {t} must be ≥ 0 metres"),
        None => {
            say.announce(&format!("contiguity tolerance: {DEFAULT_TOLERANCE} m (for generalised boundaries; set --tolerance)"));
            Ok(DEFAULT_TOLERANCE)
        }
    };
    let spec = s.weights.clone().unwrap_or_else(|| {
        say.announce("weights: queen contiguity (default; set --weights queen|rook|distance:M|knn:K)");
        "queen".into()
    });
    Ok(match spec.split_once(':') {
        None if spec == "queen" => queen(areas, tolerance()?).neighbours,
        None if spec == "rook" => rook(areas, tolerance()?).neighbours,
        Some(("distance", d)) => match d.parse::<f64>() {
            Ok(d) if d > 0.0 => distance_band(centres, d),
            _ => bail!("--weights {spec}: the distance must be a positive number of metres"),
        },
        Some(("knn", k)) => match k.parse::<usize>() {
            Ok(k) if k > 0 && k < areas.len() => k_nearest(centres, k),
            _ => bail!("--weights {spec}: k must be a whole number from 1 to {}", areas.len() - 1),
        },
        _ => bail!("--weights {spec}: use queen, rook, distance:METRES or knn:K"),
    })
}

/// `number` for f64 values that may be NaN.
pub fn num(v: f64, dp: i32) -> Value {
    number(v.is_finite().then(|| hotspot_core::output::round(v, dp)))
}

/// Warns when permutation p-values cannot survive the FDR correction: the smallest p is
/// 1 / (permutations + 1), and with m places BH needs p ≤ 0.05 · k / m.
pub fn warn_permutation_floor(say: &Say, permutations: usize, places: usize) {
    let floor = 1.0 / (permutations as f64 + 1.0);
    if permutations > 0 && floor * places as f64 > 0.05 {
        let need = (places as f64 / 0.05).ceil() as u64;
        say.announce(&format!(
            "note: with {permutations} permutations the smallest p is {floor:.4}, and FDR over {places} places needs p ≤ 0.05 × k / {places} for the k-th smallest: one place alone needs at least {} permutations",
            thousands(need)
        ));
    }
}
