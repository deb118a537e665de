//! Targeting patrols and cameras: what cameras see ([`cover`]), where new sites would see most
//! ([`site`]), and how well a hotspot map predicted what came next ([`evaluate`]).
//!
//! Sites (cameras, candidate points) are read by [`read_sites`] from a CSV (an id column; lon/lat,
//! easting/northing or x/y; optionally a radius column) or a GeoJSON point file.
pub mod cover;
pub mod evaluate;
pub mod site;

use cover::Site;

use crate::crs::{detect_from_magnitudes, Epsg, Transformer};
use crate::error::{Error, Place, Result};
use crate::ingest::mapped::{csv_header, find_column};
use crate::ingest::points::read_collection;
use crate::ingest::Input;

/// Reads sites from CSV or GeoJSON points, in the working CRS. Sites without their own radius
/// take `radius`. The CRS is `crs`, or the GeoJSON's, or guessed from the magnitudes.
///
/// ```
/// use hotspot_core::ingest::Input;
/// use hotspot_core::target::read_sites;
/// let csv = b"camera_id,easting,northing,radius_m\nC1,429000,514600,80\nC2,429100,514700,\n";
/// let sites = read_sites(&Input::Embedded { name: "cams.csv".into(), bytes: csv }, 100.0, None, hotspot_core::crs::Epsg::BNG).unwrap();
/// assert_eq!((sites[0].id.as_str(), sites[0].radius, sites[1].radius), ("C1", 80.0, 100.0));
/// ```
pub fn read_sites(input: &Input, radius: f64, crs: Option<Epsg>, working: Epsg) -> Result<Vec<Site>> {
    let file = input.name();
    let mut raw: Vec<(String, (f64, f64), Option<f64>)> = Vec::new();
    let mut declared = None;
    if input.is_geojson() {
        let (features, d) = read_collection(input)?;
        declared = d.map(|d| d.0);
        for (i, f) in features.iter().enumerate() {
            let Some(geojson::GeometryValue::Point { coordinates }) = f.geometry.as_ref().map(|g| &g.value) else {
                return Err(Error::input(&file, Place::Feature(i + 1), "not a Point", "give cameras as points"));
            };
            let c = coordinates.as_slice();
            let prop = |k: &str| f.property(k).cloned();
            let id = ["id", "camera_id", "name"].iter().find_map(|k| prop(k)).map(|v| v.as_str().map(String::from).unwrap_or(v.to_string())).unwrap_or_else(|| format!("{}", i + 1));
            let r = ["radius", "radius_m"].iter().find_map(|k| prop(k)).and_then(|v| v.as_f64());
            raw.push((id, (c[0], c[1]), r));
        }
    } else {
        let bytes = input.read_all()?;
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        let header = csv_header(&file, &mut reader)?;
        let col = |names: &[&str]| find_column(&header, names).and_then(|c| header.iter().position(|h| *h == c));
        let xy = col(&["easting", "x", "Easting_m"]).zip(col(&["northing", "y", "Northing_m"])).or(col(&["longitude", "lon", "lng"]).zip(col(&["latitude", "lat"])));
        let Some((xi, yi)) = xy else {
            return Err(Error::input(&file, Place::File, format!("no coordinate columns (the header has {})", header.join(", ")), "name them easting/northing, longitude/latitude or x/y"));
        };
        let (id_col, r_col) = (col(&["id", "camera_id", "camera", "site", "name"]), col(&["radius", "radius_m"]));
        for (i, rec) in reader.records().enumerate() {
            let row = Place::Row(i as u64 + 2);
            let rec = rec.map_err(|e| Error::input(&file, row.clone(), e.to_string(), "fix the row's number of fields"))?;
            let num = |k: usize| rec.get(k).unwrap_or("").trim().parse::<f64>().ok().filter(|v| v.is_finite());
            let (Some(x), Some(y)) = (num(xi), num(yi)) else {
                return Err(Error::input(&file, row, "missing or unreadable coordinates", "give every site its coordinates"));
            };
            let r = r_col.and_then(|k| num(k).filter(|r| *r > 0.0));
            raw.push((id_col.and_then(|k| rec.get(k)).map(str::to_string).unwrap_or_else(|| format!("{}", i + 1)), (x, y), r));
        }
    }
    let from = crs.or(declared).or_else(|| detect_from_magnitudes(raw.iter().map(|r| r.1))).ok_or_else(|| {
        Error::input(&file, Place::File, "the coordinates are neither lon/lat nor British National Grid", "name their CRS with --crs EPSG")
    })?;
    let mut pts: Vec<(f64, f64)> = raw.iter().map(|r| r.1).collect();
    Transformer::new(from, working)?.transform(&mut pts)?;
    Ok(raw.into_iter().zip(pts).map(|((id, _, r), p)| Site { id, xy: [p.0, p.1], radius: r.unwrap_or(radius) }).collect())
}
