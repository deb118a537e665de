//! GeoJSON as RFC 7946 asks: WGS84 lon/lat with 6 decimal places (about 0.1 m), exterior rings
//! counter-clockwise and holes clockwise, no `crs` member, flat properties. The same input gives
//! byte-identical output.
//!
//! ```
//! use geo::{polygon, MultiPolygon};
//! use hotspot_core::crs::Epsg;
//! use hotspot_core::output::{geojson::{write, Shape}, Table};
//! let square = MultiPolygon(vec![polygon![(x: 0.0, y: 0.0), (x: 0.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.0)]]);
//! let table = Table { columns: vec!["code".into()], rows: vec![vec!["A".into()]] };
//! let mut out = Vec::new();
//! write(&table, &[Shape::Area(&square)], Epsg::WGS84, &mut out).unwrap();
//! let text = String::from_utf8(out).unwrap();
//! // the clockwise input ring is written counter-clockwise
//! assert!(text.contains("[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,1.0],[0.0,0.0]]]"));
//! ```
use std::io::Write;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use geo::orient::{Direction, Orient};
use serde_json::{json, Map, Value};

use super::{round, Table};
use crate::crs::{Epsg, Transformer};
use crate::error::{Error, Result};

/// A feature's geometry in the working CRS.
#[derive(Debug, Clone, Copy)]
pub enum Shape<'a> {
    /// An area's polygons.
    Area(&'a MultiPolygon<f64>),
    /// A point.
    Point([f64; 2]),
}

/// Writes the table's rows as features with the given shapes (same order and length).
pub fn write(table: &Table, shapes: &[Shape], from: Epsg, out: &mut dyn Write) -> Result<()> {
    assert_eq!(table.rows.len(), shapes.len(), "one shape per row");
    let t = Transformer::new(from, Epsg::WGS84)?;
    let io = |e| Error::io("GeoJSON output", e);
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n").map_err(io)?;
    for (i, (row, shape)) in table.rows.iter().zip(shapes).enumerate() {
        let properties: Map<String, Value> = table.columns.iter().cloned().zip(row.iter().cloned()).collect();
        let feature = json!({"type": "Feature", "properties": properties, "geometry": geometry(shape, &t)?});
        if i > 0 {
            out.write_all(b",\n").map_err(io)?;
        }
        serde_json::to_writer(&mut *out, &feature).map_err(|e| io(e.into()))?;
    }
    out.write_all(b"\n]}\n").map_err(io)
}

fn geometry(shape: &Shape, t: &Transformer) -> Result<Value> {
    match shape {
        Shape::Point(p) => {
            let mut c = [(p[0], p[1])];
            t.transform(&mut c)?;
            Ok(json!({"type": "Point", "coordinates": position(c[0])}))
        }
        Shape::Area(mp) => {
            let polygons: Vec<Value> = mp.0.iter().map(|p| polygon(p, t)).collect::<Result<_>>()?;
            Ok(match <[Value; 1]>::try_from(polygons) {
                Ok([one]) => json!({"type": "Polygon", "coordinates": one}),
                Err(many) => json!({"type": "MultiPolygon", "coordinates": many}),
            })
        }
    }
}

/// One polygon: transformed, rounded, repeated positions dropped, then oriented.
fn polygon(p: &Polygon<f64>, t: &Transformer) -> Result<Value> {
    let ring = |r: &LineString<f64>| -> Result<LineString<f64>> {
        let mut c: Vec<(f64, f64)> = r.0.iter().map(|c| (c.x, c.y)).collect();
        t.transform(&mut c)?;
        let mut out: Vec<Coord<f64>> = c.into_iter().map(|(x, y)| Coord { x: round(x, 6), y: round(y, 6) }).collect();
        out.dedup();
        Ok(LineString(out))
    };
    let interiors = p.interiors().iter().map(ring).collect::<Result<Vec<_>>>()?;
    let oriented = Polygon::new(ring(p.exterior())?, interiors).orient(Direction::Default);
    let rings: Vec<Value> = std::iter::once(oriented.exterior())
        .chain(oriented.interiors())
        .map(|r| Value::Array(r.0.iter().map(|c| position((c.x, c.y))).collect()))
        .collect();
    Ok(Value::Array(rings))
}

fn position((x, y): (f64, f64)) -> Value {
    json!([round(x, 6), round(y, 6)])
}
