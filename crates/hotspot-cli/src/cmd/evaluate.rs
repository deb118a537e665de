//! `hotspot evaluate`: how well a selection of places (HILs, hot cells, sites) captured the
//! incidents of a later period.
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use geo::{Area, MultiPolygon};
use hotspot_core::areas::load::{feature_polygon, reproject};
use hotspot_core::crs::{detect_from_magnitudes, Epsg, Transformer};
use hotspot_core::error::Place;
use hotspot_core::ingest::points::read_collection;
use hotspot_core::ingest::{expand_inputs, Input, Month};
use hotspot_core::output::{self, round, Table};
use hotspot_core::target::evaluate::{circle, evaluate};
use serde_json::Value;

use crate::args::{AreaArgs, IncidentArgs};
use crate::cmd::cover::radius_or_default;
use crate::load;
use crate::messages::{print_accounting, thousands, Say};

/// Judge a selection of places against the incidents of a later period: hit rate, Predictive
/// Accuracy Index (PAI = hit rate ÷ share of area), Recapture Rate Index (RRI = the places' change
/// ÷ the study area's change) and the hit-rate curve by share of area.
///
/// The selection is a GeoJSON of polygons (e.g. `hotspot hil` output; only features with
/// hil = true, unless --where says otherwise) or points (e.g. `hotspot site` output; circles of
/// their radius_m or --radius). Places are taken in the order of --rank-field (default rank_force,
/// else pick, else file order). Incidents before --split are the earlier period (for RRI), from
/// --split on the later one; the default split is the middle month, announced. The study area is
/// the union of --areas.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot evaluate --selection hil_jan_jun.geojson -i police_uk_darlington_street_2025.csv --kind asb \\\n      -a darlington_lsoa2021.geojson --split 2025-07 --csv curve.csv")]
pub struct EvaluateArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub areas: AreaArgs,
    /// The places to judge (GeoJSON polygons or points).
    #[arg(long, value_name = "FILE")]
    pub selection: PathBuf,
    /// Keep features whose property equals the value, FIELD=VALUE [default: hil=true when the
    /// features have a hil property].
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    pub filter: Option<String>,
    /// The property ordering places, best first (numbers ascending).
    #[arg(long, value_name = "FIELD")]
    pub rank_field: Option<String>,
    /// Radius of point places, metres, where they have no radius_m [default: 100].
    #[arg(long, value_name = "METRES")]
    pub radius: Option<f64>,
    /// First month of the later period, YYYY-MM [default: the middle month, announced].
    #[arg(long, value_name = "YYYY-MM")]
    pub split: Option<String>,
    /// The hit-rate curve as CSV.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

pub fn run(a: EvaluateArgs, say: &Say) -> Result<()> {
    let (loaded, _) = load::areas_from_args(&a.areas, false, say)?;
    let study_area: f64 = loaded.areas.polygons.iter().map(|p| p.unsigned_area()).sum();
    let places = read_places(&a, say)?;
    if places.is_empty() {
        bail!("{}: no places selected (check --where)", a.selection.display());
    }
    let opts = load::ingest_options(&a.incidents)?;
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    say.line("accounting:");
    let inside = hotspot_core::assign::assign(&got.incidents.xy, &loaded.areas);
    print_accounting(say, &got, Some(&inside), None);
    let inc = &got.incidents;
    let mut months: Vec<Month> = inc.month.iter().flatten().copied().collect();
    months.sort();
    months.dedup();
    let split = match &a.split {
        Some(s) => s.parse()?,
        None => {
            let Some(m) = months.get(months.len() / 2).copied() else { bail!("the incidents have no months: give --split YYYY-MM") };
            say.announce(&format!("split: later period from {m} (the middle month of {} to {}; set --split)", months[0], months[months.len() - 1]));
            m
        }
    };
    let (mut earlier, mut later) = (Vec::new(), Vec::new());
    for i in (0..inc.len()).filter(|&i| inside.area[i].is_some()) {
        match inc.month[i] {
            Some(m) if m < split => earlier.push(inc.xy[i]),
            Some(_) => later.push(inc.xy[i]),
            None => {}
        }
    }
    let e = evaluate(&places, study_area, &later, Some(&earlier));
    println!("{} places, {:.2} km² of a {:.2} km² study area ({:.2}%)", places.len(), e.area / 1e6, e.study_area / 1e6, 100.0 * e.area / e.study_area);
    println!("later period (from {split}): {} of {} incidents in the places: hit rate {:.1}%", thousands(e.hits), thousands(e.total), 100.0 * e.hit_rate);
    println!("Predictive Accuracy Index (hit rate ÷ area share): {:.2}", e.pai);
    match (e.rri, e.earlier_hits, e.earlier_total) {
        (Some(rri), Some(n1), Some(t1)) => println!("Recapture Rate Index: {:.2} (earlier: {} of {} in the places)", rri, thousands(n1), thousands(t1)),
        _ => println!("Recapture Rate Index: not defined (no earlier incidents in the places)"),
    }
    if let Some(path) = &a.csv {
        let t = Table {
            columns: ["places", "cum_share_area", "cum_hit_rate"].map(String::from).to_vec(),
            rows: e.curve.iter().enumerate().map(|(i, (x, y))| vec![Value::from(i + 1), Value::from(round(*x, 6)), Value::from(round(*y, 6))]).collect(),
        };
        output::write_atomic(path, |w| output::csv::write(&t, w))?;
    }
    Ok(())
}

/// The selected places in rank order, in the working CRS.
fn read_places(a: &EvaluateArgs, say: &Say) -> Result<Vec<MultiPolygon<f64>>> {
    let input = Input::Path(a.selection.clone());
    let file = input.name();
    let (features, declared) = read_collection(&input)?;
    let props = |f: &geojson::Feature, k: &str| f.property(k).cloned().unwrap_or(Value::Null);
    let filter = match &a.filter {
        Some(w) => {
            let Some((k, v)) = w.split_once('=') else { bail!("--where {w}: write FIELD=VALUE, e.g. --where hil=true") };
            Some((k.to_string(), v.to_string()))
        }
        None if features.first().is_some_and(|f| f.contains_property("hil")) => {
            say.announce("selection: features with hil = true (set --where FIELD=VALUE)");
            Some(("hil".to_string(), "true".to_string()))
        }
        None => None,
    };
    let rank_field = a.rank_field.clone().or_else(|| ["rank_force", "pick", "rank"].iter().find(|k| features.first().is_some_and(|f| f.contains_property(k))).map(|k| k.to_string()));
    let mut kept: Vec<(f64, usize, &geojson::Feature)> = features
        .iter()
        .enumerate()
        .filter(|(_, f)| filter.as_ref().is_none_or(|(k, v)| match props(f, k) { Value::String(s) => s == *v, other => *v == other.to_string() }))
        .map(|(i, f)| (rank_field.as_ref().and_then(|k| props(f, k).as_f64()).unwrap_or(f64::MAX), i, f))
        .collect();
    kept.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    let default_radius = if kept.iter().any(|k| matches!(k.2.geometry.as_ref().map(|g| &g.value), Some(geojson::GeometryValue::Point { .. }))) {
        radius_or_default(a.radius, 100.0, "radius of point places", say)?
    } else {
        100.0
    };
    let from = match declared {
        Some(d) => d.0,
        None => {
            let coords = kept.iter().flat_map(|k| first_position(k.2));
            detect_from_magnitudes(coords).unwrap_or(Epsg::WGS84)
        }
    };
    let t = Transformer::new(from, Epsg::BNG)?;
    let mut out = Vec::with_capacity(kept.len());
    for (_, i, f) in kept {
        let value = f.geometry.as_ref().map(|g| &g.value);
        if let Some(geojson::GeometryValue::Point { coordinates }) = value {
            let mut p = [(coordinates.as_slice()[0], coordinates.as_slice()[1])];
            t.transform(&mut p)?;
            let r = props(f, "radius_m").as_f64().unwrap_or(default_radius);
            out.push(circle([p[0].0, p[0].1], r));
        } else {
            let mut mp = feature_polygon(&file, &Place::Feature(i + 1), value)?;
            reproject(&file, std::iter::once(&mut mp), from, Epsg::BNG)?;
            out.push(mp);
        }
    }
    Ok(out)
}

fn first_position(f: &geojson::Feature) -> Option<(f64, f64)> {
    let c = match f.geometry.as_ref().map(|g| &g.value)? {
        geojson::GeometryValue::Point { coordinates } => coordinates.as_slice().to_vec(),
        geojson::GeometryValue::Polygon { coordinates } => coordinates.first()?.first()?.as_slice().to_vec(),
        geojson::GeometryValue::MultiPolygon { coordinates } => coordinates.first()?.first()?.first()?.as_slice().to_vec(),
        _ => return None,
    };
    Some((c[0], c[1]))
}
