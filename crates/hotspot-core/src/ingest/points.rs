//! GeoJSON point files: a FeatureCollection of Point features.
//!
//! Properties read when present (names match ignoring case and punctuation): `kind` or
//! `Crime type`; `month` or `date`; `location`; `LSOA code`; `size` or `motive`. Without a kind
//! property every feature takes [`IngestOptions::default_kind`] (the one `--kind` given), or `incident`. The CRS is the legacy
//! `crs` member when present, else guessed from the coordinates (RFC 7946 files are WGS84).
//!
//! ```
//! use hotspot_core::ingest::{read_incidents, IngestOptions, Input};
//! let bytes = br#"{"type":"FeatureCollection","features":[
//!   {"type":"Feature","geometry":{"type":"Point","coordinates":[-1.5535,54.5235]},
//!    "properties":{"kind":"fire","date":"2025-03-04"}}]}"#;
//! let input = Input::Embedded { name: "fires.geojson".into(), bytes };
//! let got = read_incidents(&[input], &IngestOptions::default()).unwrap();
//! assert_eq!(got.incidents.kind_of(0), "fire");
//! ```
use geojson::{GeoJson, GeometryValue};

use super::mapped::find_column;
use super::records::{Field, ParsedFile, Rows};
use super::{IngestOptions, Input};
use crate::crs::{CrsSource, Epsg};
use crate::error::{Error, Place, Result};

pub(crate) fn read(input: &Input, opts: &IngestOptions) -> Result<ParsedFile> {
    let (features, crs) = read_collection(input)?;
    let mut rows = FeatureRows { values: Vec::with_capacity(features.len()) };
    for feature in &features {
        let props: Vec<String> = feature.properties.iter().flat_map(|p| p.keys().cloned()).collect();
        let prop = |names: &[&str]| {
            let key = find_column(&props, names)?;
            match feature.properties.as_ref()?.get(&key)? {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            }
        };
        let mut v: [Option<String>; 8] = Default::default();
        match feature.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Point { coordinates: c }) if c.as_slice().len() >= 2 => {
                let c = c.as_slice();
                v[Field::X as usize] = Some(c[0].to_string());
                v[Field::Y as usize] = Some(c[1].to_string());
                v[Field::Keep as usize] = Some("point".into());
            }
            Some(_) => v[Field::Keep as usize] = Some("not a point".into()),
            None => {}
        }
        v[Field::Kind as usize] = prop(&["kind", "Crime type", "crime_type", "category"]);
        v[Field::Date as usize] = prop(&["month", "date", "Date of call"]);
        v[Field::Location as usize] = prop(&["location", "street"]);
        v[Field::Lsoa as usize] = prop(&["LSOA code", "lsoa", "lsoa21cd"]);
        v[Field::Detail as usize] = prop(&["size", "motive"]);
        rows.values.push(v);
    }
    let default_kind = opts.default_kind.clone().unwrap_or_else(|| "incident".to_string());
    for v in rows.values.iter_mut() {
        v[Field::Kind as usize] = Some(v[Field::Kind as usize].take().unwrap_or_else(|| default_kind.clone()));
    }
    Ok(ParsedFile {
        format: "geojson".into(),
        crs,
        fixed_kind: None,
        keep_value: None,
        x_label: "x".into(),
        y_label: "y".into(),
        rows: Box::new(rows),
    })
}

/// A FeatureCollection's features and its declared CRS, if any.
pub type Collection = (Vec<geojson::Feature>, Option<(Epsg, CrsSource)>);

/// The features of a GeoJSON FeatureCollection and its legacy `crs` member, if any. Anything else
/// (a bare Feature or Geometry, invalid JSON) is an error naming the file.
pub fn read_collection(input: &Input) -> Result<Collection> {
    let name = input.name();
    let bytes = input.read_all()?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::input(&name, Place::File, "the file is empty", "export the layer again as GeoJSON"));
    }
    let not_json = |e: serde_json::Error| {
        Error::input(&name, Place::File, format!("not valid GeoJSON ({e})"), "export the layer again as GeoJSON")
    };
    match serde_json::from_slice::<GeoJson>(&bytes).map_err(not_json)? {
        GeoJson::FeatureCollection(fc) => {
            let crs = fc.foreign_members.as_ref().and_then(|m| m.get("crs")).and_then(declared_crs);
            Ok((fc.features, crs))
        }
        other => Err(Error::input(
            &name,
            Place::File,
            format!("a GeoJSON {}, not a FeatureCollection", if matches!(other, GeoJson::Feature(_)) { "Feature" } else { "Geometry" }),
            "wrap the features in {\"type\": \"FeatureCollection\", \"features\": [...]}, or export the whole layer",
        )),
    }
}

/// The legacy `"crs": {"properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}` member.
fn declared_crs(crs: &serde_json::Value) -> Option<(Epsg, CrsSource)> {
    let name = crs.get("properties")?.get("name")?.as_str()?;
    let code = if name.ends_with("CRS84") { 4326 } else { name.rsplit(':').next()?.parse().ok()? };
    Some((Epsg(code), CrsSource::Declared))
}

struct FeatureRows {
    values: Vec<[Option<String>; 8]>,
}

impl Rows for FeatureRows {
    fn len(&self) -> usize {
        self.values.len()
    }

    fn row_number(&self, i: usize) -> u64 {
        i as u64 + 1
    }

    fn get(&self, i: usize, field: Field) -> Option<&str> {
        self.values[i][field as usize].as_deref()
    }

    fn not_a_point(&self, i: usize) -> bool {
        self.values[i][Field::Keep as usize].as_deref() == Some("not a point")
    }
}
