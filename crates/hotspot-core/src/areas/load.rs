//! Loading area polygons from GeoJSON: code and name fields detected (ONS `LSOA21CD`/`LSOA21NM`,
//! 2011 and 2001 too) or named, CRS declared, given or detected, every ring checked (closed, at
//! least four positions, no self-intersection), codes unique, then reprojected.
//!
//! ```no_run
//! use hotspot_core::areas::{read_areas, AreaOptions};
//! use hotspot_core::ingest::Input;
//! let loaded = read_areas(&Input::path("lsoa2021.geojson"), &AreaOptions::default()).unwrap();
//! println!("{} areas, codes from {}", loaded.areas.len(), loaded.code_field);
//! ```
use std::collections::HashMap;

use geo::algorithm::sweep::Cross;
use geo::{Coord, Intersections, Line, LineIntersection, LineString, MultiPolygon, Polygon};
use rayon::prelude::*;
use geojson::{GeometryValue as Value, Position};

use super::AreaSet;
use crate::crs::{CrsSource, Epsg};
use crate::error::{Error, Place, Result};
use crate::ingest::mapped::find_column;
use crate::ingest::points::read_collection;
use crate::ingest::Input;

/// How to read an area file.
#[derive(Debug, Clone)]
pub struct AreaOptions {
    /// The property holding the area code; `None` detects the ONS field.
    pub id_field: Option<String>,
    /// The property holding the area name; `None` detects the ONS field.
    pub name_field: Option<String>,
    /// The polygons' CRS; `None` uses the file's `crs` member or the coordinates' magnitudes.
    pub crs: Option<Epsg>,
    /// The working CRS (metres).
    pub working_crs: Epsg,
    /// Keep the polygons in their own CRS (no reprojection): for counting, where containment
    /// can be tested in the polygons' CRS when the points share it, and the GeoJSON output is
    /// in WGS84 anyway. [`AreaSet::to_crs`] moves them later if needed.
    pub keep_native: bool,
}

impl Default for AreaOptions {
    fn default() -> Self {
        AreaOptions { id_field: None, name_field: None, crs: None, working_crs: Epsg::BNG, keep_native: false }
    }
}

/// Areas as loaded, with what was detected.
#[derive(Debug, Clone)]
pub struct LoadedAreas {
    /// The areas in the working CRS.
    pub areas: AreaSet,
    /// The property the codes came from (e.g. `LSOA21CD`).
    pub code_field: String,
    /// The property the names came from.
    pub name_field: Option<String>,
    /// The file's CRS and how it was settled.
    pub crs: (Epsg, CrsSource),
}

/// Code fields recognised without `--area-id`, most recent vintage first.
pub const CODE_FIELDS: [&str; 5] = ["LSOA21CD", "LSOA11CD", "LSOA01CD", "code", "id"];
/// Name fields recognised without `--area-name`.
pub const NAME_FIELDS: [&str; 4] = ["LSOA21NM", "LSOA11NM", "LSOA01NM", "name"];

/// Reads areas from a GeoJSON FeatureCollection of Polygons and MultiPolygons.
pub fn read_areas(input: &Input, opts: &AreaOptions) -> Result<LoadedAreas> {
    let file = input.name();
    let (features, declared) = read_collection(input)?;
    if features.is_empty() {
        return Err(Error::input(&file, Place::File, "the FeatureCollection has no features", "export the area layer again"));
    }
    let props: Vec<String> = features[0].properties.iter().flat_map(|p| p.keys().cloned()).collect();
    let code_field = match &opts.id_field {
        Some(f) => f.clone(),
        None => find_column(&props, &CODE_FIELDS).ok_or_else(|| {
            Error::input(&file, Place::Feature(1), format!("no area code field (properties: {})", props.join(", ")), "name it with --area-id FIELD")
        })?,
    };
    let name_field = opts.name_field.clone().or_else(|| find_column(&props, &NAME_FIELDS));
    let mut areas = Vec::with_capacity(features.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, feature) in features.iter().enumerate() {
        let place = Place::Feature(i + 1);
        let text = |field: &str| feature.property(field).and_then(value_text);
        let code = text(&code_field).ok_or_else(|| {
            Error::input(&file, place.clone(), format!("no \"{code_field}\" property"), "give every feature a code, or name the code field with --area-id")
        })?;
        if let Some(first) = seen.insert(code.clone(), i + 1) {
            return Err(Error::input(&file, place, format!("area code {code} is also used by feature {first}"), "area codes must be unique: dissolve or drop the duplicate"));
        }
        let polygon = feature_polygon(&file, &place, feature.geometry.as_ref().map(|g| &g.value))?;
        areas.push((code, name_field.as_deref().and_then(text), polygon));
    }
    let invalid = areas.par_iter().position_first(|a| self_intersecting_ring(&a.2).is_some());
    if let Some(i) = invalid {
        let which = self_intersecting_ring(&areas[i].2).unwrap();
        return Err(Error::input(&file, Place::Feature(i + 1), format!("area {}: invalid polygon: the {which} crosses itself", areas[i].0), "repair it (QGIS 'Fix geometries', or ogr2ogr -makevalid)"));
    }
    let crs = match (opts.crs, declared) {
        (Some(e), _) => (e, CrsSource::Given),
        (None, Some(d)) => d,
        (None, None) => {
            let coords = areas.iter().flat_map(|a| a.2.0.iter().flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))));
            let epsg = crate::crs::detect_from_magnitudes(coords).ok_or_else(|| {
                Error::input(&file, Place::File, "the coordinates are neither longitude/latitude nor British National Grid metres", "name their CRS with --areas-crs EPSG")
            })?;
            (epsg, CrsSource::Detected)
        }
    };
    let target = if opts.keep_native { crs.0 } else { opts.working_crs };
    reproject(&file, areas.iter_mut().map(|a| &mut a.2), crs.0, target)?;
    Ok(LoadedAreas { areas: AreaSet::in_crs(areas, target), code_field, name_field, crs })
}

/// A segment of a ring with its position, for the sweep.
#[derive(Clone)]
struct Segment(usize, Line<f64>);

impl Cross for Segment {
    type Scalar = f64;
    fn line(&self) -> Line<f64> {
        self.1
    }
}

/// Names the first ring that crosses or touches itself anywhere but where consecutive segments
/// meet (a bow-tie, a spike doubling back). geo's sweep-line `Intersections` finds candidate
/// pairs in O((n + m) log n) instead of comparing every pair of segments.
fn self_intersecting_ring(mp: &MultiPolygon<f64>) -> Option<String> {
    for (p, polygon) in mp.0.iter().enumerate() {
        for (r, ring) in std::iter::once(polygon.exterior()).chain(polygon.interiors()).enumerate() {
            // Repeated positions make zero-length segments: drop them first, so that "consecutive"
            // means consecutive among the real segments.
            let lines: Vec<Line<f64>> = ring.lines().filter(|l| l.start != l.end).collect();
            let n = lines.len();
            let segments = lines.into_iter().enumerate().map(|(i, l)| Segment(i, l));
            let crossed = Intersections::from_iter(segments).any(|(a, b, x)| {
                let adjacent = a.0.abs_diff(b.0) == 1 || a.0.abs_diff(b.0) == n - 1;
                !(adjacent && matches!(x, LineIntersection::SinglePoint { .. }))
            });
            if crossed {
                let ring = if r == 0 { "exterior ring".to_string() } else { format!("interior ring {r}") };
                return Some(if mp.0.len() > 1 { format!("{ring} of part {}", p + 1) } else { ring });
            }
        }
    }
    None
}

fn value_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A feature's Polygon or MultiPolygon, every ring checked: closed, at least four positions.
pub fn feature_polygon(file: &str, place: &Place, value: Option<&Value>) -> Result<MultiPolygon<f64>> {
    let polygons: Vec<&Vec<Vec<Position>>> = match value {
        Some(Value::Polygon { coordinates }) => vec![coordinates],
        Some(Value::MultiPolygon { coordinates }) => coordinates.iter().collect(),
        Some(other) => {
            return Err(Error::input(file, place.clone(), format!("the geometry is a {}, not a Polygon or MultiPolygon", other.type_name()), "use a polygon layer of areas"));
        }
        None => return Err(Error::input(file, place.clone(), "the feature has no geometry", "drop it or repair the layer")),
    };
    let mut out = Vec::with_capacity(polygons.len());
    for rings in polygons {
        let mut lines = Vec::with_capacity(rings.len());
        for (r, ring) in rings.iter().enumerate() {
            let which = if r == 0 { "exterior ring".to_string() } else { format!("interior ring {r}") };
            if ring.len() < 4 {
                return Err(Error::input(file, place.clone(), format!("the {which} has {} positions; a ring needs at least 4", ring.len()), "repair the polygon"));
            }
            let (first, last) = (ring[0].as_slice(), ring[ring.len() - 1].as_slice());
            if first.len() < 2 || first[..2] != last[..2] {
                return Err(Error::input(file, place.clone(), format!("the {which} is not closed (its first and last positions differ)"), "close the ring by repeating its first position at the end (QGIS 'Fix geometries')"));
            }
            lines.push(LineString(ring.iter().map(|c| Coord { x: c.as_slice()[0], y: c.as_slice()[1] }).collect()));
        }
        let exterior = lines.remove(0);
        out.push(Polygon::new(exterior, lines));
    }
    Ok(MultiPolygon(out))
}

/// Transforms polygons in place: all their positions in one batch, split across threads.
pub fn reproject<'a>(file: &str, polygons: impl Iterator<Item = &'a mut MultiPolygon<f64>>, from: Epsg, to: Epsg) -> Result<()> {
    if from == to {
        return Ok(());
    }
    let mut polygons: Vec<&mut MultiPolygon<f64>> = polygons.collect();
    let mut coords: Vec<(f64, f64)> = Vec::new();
    for mp in polygons.iter() {
        mp.0.iter().for_each(|p| rings(p).for_each(|r| coords.extend(r.0.iter().map(|c| (c.x, c.y)))));
    }
    crate::crs::transform_all(from, to, &mut coords)?;
    let mut next = coords.into_iter();
    for (n, mp) in polygons.iter_mut().enumerate() {
        for p in mp.0.iter_mut() {
            let mut map = |r: &LineString<f64>| -> Result<LineString<f64>> {
                r.0.iter()
                    .map(|_| {
                        let c = next.next().unwrap();
                        if c.0.is_nan() {
                            return Err(Error::input(file, Place::Feature(n + 1), format!("PROJ cannot transform its coordinates from {from}"), "check the CRS (--areas-crs)"));
                        }
                        Ok(Coord { x: c.0, y: c.1 })
                    })
                    .collect::<Result<Vec<_>>>()
                    .map(LineString)
            };
            let exterior = map(p.exterior())?;
            let interiors = p.interiors().iter().map(&mut map).collect::<Result<Vec<_>>>()?;
            *p = Polygon::new(exterior, interiors);
        }
    }
    Ok(())
}

fn rings(p: &Polygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    std::iter::once(p.exterior()).chain(p.interiors())
}
