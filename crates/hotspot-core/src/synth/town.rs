//! Synthton: a synthetic town of 48 LSOA-like areas in two localities, with a year (2025) of
//! police.uk-format crime and ASB, a council fly-tipping log and a fire-service extract, and
//! planted hotspots:
//!
//! - the town centre (Synthton 006C): few residents, a dense ASB, violence and damage cluster;
//! - an estate (Northby 011A): ASB that grows through the year, and deliberate secondary fires;
//! - a park (Synthton 002A): summer ASB;
//! - a back lane (Synthton 005B): fly-tipping, including large loads.
//!
//! It also has the blemishes real files have: three police rows with no coordinates, five
//! incidents outside the town, primary fires (filtered out by the fire preset) and fire rows with
//! only rounded eastings.
//!
//! ```
//! let town = hotspot_core::synth::town::generate(1).unwrap();
//! assert_eq!(town.areas.len(), 48);
//! assert!(town.police_csv.starts_with("Crime ID,Month,"));
//! ```
use std::fmt::Write as _;

use geo::MultiPolygon;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

use crate::crs::{Epsg, Transformer};
use crate::error::Result;
use crate::output::{geojson, Table};

/// Columns and rows of the town's grid.
pub const COLS: usize = 8;
/// Rows of the town's grid (the top two are the locality Northby).
pub const ROWS: usize = 6;
/// Side of an area, metres.
pub const CELL: f64 = 700.0;
/// South-west corner of the town, British National Grid.
pub const ORIGIN: (f64, f64) = (380_000.0, 450_000.0);

/// The generated town.
pub struct Town {
    /// (code, name, polygon in BNG).
    pub areas: Vec<(String, Option<String>, MultiPolygon<f64>)>,
    /// `population.csv`: lsoa21_code, lsoa21_name, total_usual_residents.
    pub population_csv: String,
    /// `police_2025.csv`: police.uk street-level layout.
    pub police_csv: String,
    /// `flytipping_2025.csv`: Reference, Date, Easting, Northing, Size, Location.
    pub flytip_csv: String,
    /// `fire_2025.csv`: LFB column names.
    pub fire_csv: String,
}

fn cell_centre(col: usize, row: usize) -> (f64, f64) {
    (ORIGIN.0 + (col as f64 + 0.5) * CELL, ORIGIN.1 + (row as f64 + 0.5) * CELL)
}

fn area_name(i: usize) -> String {
    let row = i / COLS;
    let locality = if row >= 4 { "Northby" } else { "Synthton" };
    let local = if row >= 4 { i - 4 * COLS } else { i };
    format!("{locality} {:03}{}", local / 4 + 1, (b'A' + (local % 4) as u8) as char)
}

/// The seed of the committed fixtures and the demo.
pub const SEED: u64 = 2025;

/// Generates the town from a seed.
pub fn generate(seed: u64) -> Result<Town> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut areas = Vec::new();
    let mut population_csv = String::from("lsoa21_code,lsoa21_name,total_usual_residents\n");
    for i in 0..COLS * ROWS {
        let (col, row) = (i % COLS, i / COLS);
        let x0 = ORIGIN.0 + col as f64 * CELL;
        let y0 = ORIGIN.1 + row as f64 * CELL;
        let poly = super::wobbly_cell(x0, y0, CELL, 6..=14, seed);
        let code = format!("E0190{:04}", i + 1);
        let residents = if (col, row) == (3, 2) { 450 } else { rng.random_range(1000..1900) };
        writeln!(population_csv, "{code},{},{residents}", area_name(i)).unwrap();
        areas.push((code, Some(area_name(i)), MultiPolygon(vec![poly])));
    }
    let extent = ((ORIGIN.0, ORIGIN.1), (ORIGIN.0 + COLS as f64 * CELL, ORIGIN.1 + ROWS as f64 * CELL));
    let centre = cell_centre(3, 2);
    let estate = cell_centre(6, 4);
    let park = cell_centre(1, 1);
    let lane = cell_centre(5, 1);

    // police.uk: (kind name, place, spread, count, month rule)
    let mut police = Vec::new();
    let mut add = |rng: &mut ChaCha8Rng, kind: &'static str, at: Option<(f64, f64)>, sd: f64, n: usize, months: &dyn Fn(&mut ChaCha8Rng) -> u32| {
        for _ in 0..n {
            let p = scatter(rng, at, sd, extent);
            police.push((kind, p, months(rng)));
        }
    };
    let any_month = |r: &mut ChaCha8Rng| r.random_range(1..=12);
    let growing = |r: &mut ChaCha8Rng| ((r.random_range(0.0f64..1.0).sqrt() * 12.0) as u32 + 1).min(12);
    let summer = |r: &mut ChaCha8Rng| r.random_range(5..=8);
    add(&mut rng, "Anti-social behaviour", None, 0.0, 1500, &any_month);
    add(&mut rng, "Anti-social behaviour", Some(centre), 150.0, 900, &any_month);
    add(&mut rng, "Anti-social behaviour", Some(estate), 120.0, 500, &growing);
    add(&mut rng, "Anti-social behaviour", Some(park), 100.0, 250, &summer);
    add(&mut rng, "Violence and sexual offences", None, 0.0, 500, &any_month);
    add(&mut rng, "Violence and sexual offences", Some(centre), 120.0, 300, &any_month);
    add(&mut rng, "Criminal damage and arson", None, 0.0, 400, &any_month);
    add(&mut rng, "Criminal damage and arson", Some(estate), 150.0, 200, &any_month);
    add(&mut rng, "Anti-social behaviour", Some((ORIGIN.0 - 20_000.0, ORIGIN.1 + 5_000.0)), 500.0, 5, &any_month);
    let police_csv = police_file(&mut rng, &police)?;

    let mut flytips = Vec::new();
    for (at, sd, n) in [(None, 0.0, 250), (Some(lane), 80.0, 150)] {
        for _ in 0..n {
            flytips.push(scatter(&mut rng, at, sd, extent));
        }
    }
    let flytip_csv = flytip_file(&mut rng, &flytips);

    let mut fires = Vec::new();
    for (at, sd, n) in [(None, 0.0, 120), (Some(estate), 100.0, 100)] {
        for _ in 0..n {
            fires.push((scatter(&mut rng, at, sd, extent), at.is_some()));
        }
    }
    let fire_csv = fire_file(&mut rng, &fires);
    Ok(Town { areas, population_csv, police_csv, flytip_csv, fire_csv })
}

fn scatter(rng: &mut ChaCha8Rng, at: Option<(f64, f64)>, sd: f64, extent: ((f64, f64), (f64, f64))) -> (f64, f64) {
    match at {
        Some((x, y)) => {
            let n = Normal::new(0.0, sd).unwrap();
            (x + n.sample(rng), y + n.sample(rng))
        }
        None => (rng.random_range(extent.0.0..extent.1.0), rng.random_range(extent.0.1..extent.1.1)),
    }
}

/// police.uk snaps every incident to an anonymous map point; here, to the centres of a 50 m
/// lattice (never on the areas' corners), each point labelled with a made-up street.
fn snap(p: (f64, f64)) -> ((f64, f64), String) {
    let (sx, sy) = ((p.0 / 50.0).floor() * 50.0 + 25.0, (p.1 / 50.0).floor() * 50.0 + 25.0);
    const STREETS: [&str; 8] = ["High Street", "Station Road", "Church Lane", "Mill Street", "Park Road", "North Road", "Victoria Street", "Back Lane"];
    let k = ((sx / 50.0) as i64 * 31 + (sy / 50.0) as i64 * 17).rem_euclid(STREETS.len() as i64 * 5) as usize;
    ((sx, sy), format!("On or near {} {}", STREETS[k % 8], k / 8 + 1))
}

fn police_file(rng: &mut ChaCha8Rng, rows: &[(&str, (f64, f64), u32)]) -> Result<String> {
    let snapped: Vec<((f64, f64), String)> = rows.iter().map(|r| snap(r.1)).collect();
    let mut lonlat: Vec<(f64, f64)> = snapped.iter().map(|s| s.0).collect();
    Transformer::new(Epsg::BNG, Epsg::WGS84)?.transform(&mut lonlat)?;
    let mut out = String::from("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
    for (i, ((kind, _, month), ((lon, lat), (_, location)))) in rows.iter().zip(lonlat.iter().zip(&snapped)).enumerate() {
        let id = if *kind == "Anti-social behaviour" { String::new() } else { format!("{:016x}", rng.random::<u64>()) };
        let outcome = if id.is_empty() { "" } else { "Investigation complete; no suspect identified" };
        let coords = if i % 1500 == 7 { String::from(",,No location") } else { format!("{lon:.6},{lat:.6},{location}") };
        writeln!(out, "{id},2025-{month:02},Synthshire Police,Synthshire Police,{coords},,,{kind},{outcome},").unwrap();
    }
    Ok(out)
}

const SIZES: [(&str, u32); 7] = [
    ("Single black bag", 20),
    ("Single item", 15),
    ("Car boot or less", 25),
    ("Small van load", 20),
    ("Transit van load", 12),
    ("Tipper lorry load", 5),
    ("Significant/multi loads", 3),
];

fn flytip_file(rng: &mut ChaCha8Rng, points: &[(f64, f64)]) -> String {
    let mut out = String::from("Reference,Date,Easting,Northing,Size,Location\n");
    let total: u32 = SIZES.iter().map(|s| s.1).sum();
    for (i, p) in points.iter().enumerate() {
        let mut pick = rng.random_range(0..total);
        let size = SIZES.iter().find(|s| if pick < s.1 { true } else { pick -= s.1; false }).unwrap().0;
        let (day, month) = (rng.random_range(1..=28), rng.random_range(1..=12));
        let (_, street) = snap(*p);
        writeln!(out, "FT{:05},{day:02}/{month:02}/2025,{:.0},{:.0},{size},{}", i + 1, p.0, p.1, &street[11..]).unwrap();
    }
    out
}

fn fire_file(rng: &mut ChaCha8Rng, fires: &[((f64, f64), bool)]) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut out = String::from("IncidentNumber,DateOfCall,IncidentGroup,StopCodeDescription,Easting_m,Northing_m,Easting_rounded,Northing_rounded,Motive\n");
    for (i, (p, planted)) in fires.iter().enumerate() {
        let secondary = *planted || rng.random_range(0..5) > 0;
        let stop = if secondary { "Secondary Fire" } else { "Primary Fire" };
        let motive = match rng.random_range(0..10) {
            0..=5 if *planted => "Deliberate",
            0..=2 => "Deliberate",
            3..=5 => "Not known",
            _ => "Accidental",
        };
        let exact = if i % 10 == 3 { String::from(",") } else { format!("{:.0},{:.0}", p.0, p.1) };
        let (rx, ry) = ((p.0 / 50.0).floor() * 50.0 + 25.0, (p.1 / 50.0).floor() * 50.0 + 25.0);
        let (day, month) = (rng.random_range(1..=28), rng.random_range(0..12));
        writeln!(out, "{:09},{day:02} {} 2025,Fire,{stop},{exact},{rx:.0},{ry:.0},{motive}", 250_000_000 + i, MONTHS[month]).unwrap();
    }
    out
}

impl Town {
    /// Writes `areas.geojson` (WGS84, as ONS publishes) and the CSVs into `dir`.
    pub fn write_to(&self, dir: &std::path::Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| crate::error::Error::io(dir.display().to_string(), e))?;
        let table = Table {
            columns: vec!["LSOA21CD".into(), "LSOA21NM".into()],
            rows: self.areas.iter().map(|a| vec![a.0.clone().into(), a.1.clone().into()]).collect(),
        };
        let shapes: Vec<geojson::Shape> = self.areas.iter().map(|a| geojson::Shape::Area(&a.2)).collect();
        crate::output::write_atomic(&dir.join("areas.geojson"), |w| geojson::write(&table, &shapes, Epsg::BNG, w))?;
        for (name, text) in [
            ("population.csv", &self.population_csv),
            ("police_2025.csv", &self.police_csv),
            ("flytipping_2025.csv", &self.flytip_csv),
            ("fire_2025.csv", &self.fire_csv),
        ] {
            crate::output::write_atomic(&dir.join(name), |w| w.write_all(text.as_bytes()).map_err(|e| crate::error::Error::io(name, e)))?;
        }
        Ok(())
    }
}
