//! `hotspot near`: the incidents within a radius of a point (what did this camera's street see?).
use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::crs::{detect_from_magnitudes, Epsg, Transformer};
use hotspot_core::index::IncidentIndex;
use hotspot_core::ingest::expand_inputs;
use hotspot_core::output::{geojson::Shape, round, Table};
use serde_json::Value;

use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::messages::{print_accounting, table, Say};
use crate::{load, NothingFound};

/// List the incidents within a radius of a point, nearest first.
///
/// The point is lon,lat (WGS84) or easting,northing (British National Grid): guessed from the
/// numbers, or set with --crs. Distances are in metres on the British National Grid. Exits
/// with 1 when nothing is within the radius. The incidents are held in an R-tree: a query costs
/// O(log n) whatever the number of incidents.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  hotspot near -i police_2025.csv --at=-1.5535,54.5235 --radius 100\n  hotspot near -i police_2025.csv --at 428900,514700 --crs 27700 --radius 250 -o near.geojson")]
pub struct NearArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    /// The point: LON,LAT or E,N (write --at=-1.55,54.52 when it starts with a minus sign).
    #[arg(long, value_name = "X,Y", allow_hyphen_values = true)]
    pub at: String,
    /// Radius in metres [default: 100, announced].
    #[arg(long, value_name = "METRES")]
    pub radius: Option<f64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: NearArgs, say: &Say) -> Result<()> {
    let at = parse_point(&a.at)?;
    let at_crs = match (a.incidents.crs, detect_from_magnitudes(std::iter::once(at))) {
        (Some(c), _) => Epsg(c),
        (None, Some(c)) => {
            say.announce(&format!("--at {} read as {c} (guessed from the numbers; set --crs to override)", a.at));
            c
        }
        (None, None) => bail!("--at {} is neither lon,lat nor British National Grid easting,northing; give --crs EPSG", a.at),
    };
    let radius = match a.radius {
        Some(r) if r > 0.0 && r.is_finite() => r,
        Some(r) => bail!("--radius {r} must be a positive number of metres"),
        None => {
            say.announce("radius: 100 m (default; set --radius METRES)");
            100.0
        }
    };
    let mut centre = [(at.0, at.1)];
    Transformer::new(at_crs, Epsg::BNG)?.transform(&mut centre)?;
    let centre = [centre[0].0, centre[0].1];
    let opts = load::ingest_options(&a.incidents)?;
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    say.line("accounting:");
    print_accounting(say, &got, None, None);
    let inc = &got.incidents;
    let found = IncidentIndex::new(&inc.xy).within(&centre, radius);
    if found.is_empty() {
        return Err(NothingFound(format!("no incidents within {radius} m of {}", a.at)).into());
    }
    let columns = ["distance_m", "kind", "month", "date", "location", "police_lsoa", "detail", "file", "row"];
    let text = |s: Option<&str>| s.map_or(Value::Null, Value::from);
    let rows: Vec<Vec<Value>> = found
        .iter()
        .map(|&(i, d)| {
            vec![
                Value::from(round(d, 1)),
                Value::from(inc.kind_of(i)),
                inc.month[i].map_or(Value::Null, |m| m.to_string().into()),
                inc.date[i].map_or(Value::Null, |d| d.to_string().into()),
                text(inc.string(inc.location[i])),
                text(inc.string(inc.police_lsoa[i])),
                text(inc.string(inc.detail[i])),
                Value::from(got.accounts[inc.source[i].file as usize].file.as_str()),
                Value::from(inc.source[i].row),
            ]
        })
        .collect();
    let out = Table { columns: columns.map(String::from).to_vec(), rows };
    let shapes: Vec<Shape> = found.iter().map(|&(i, _)| Shape::Point(inc.xy[i])).collect();
    say.line(&format!("{} incidents within {radius} m of {}: {}", found.len(), a.at, tally(found.iter().map(|&(i, _)| inc.kind_of(i).to_string()))));
    let places = tally(found.iter().map(|&(i, _)| inc.string(inc.location[i]).unwrap_or("(no location)").to_string()));
    say.line(&format!("  at: {places}"));
    if a.output.output.is_some() || a.output.csv.is_some() {
        write_outputs(&a.output, &out, &shapes)?;
    }
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let cell = |v: &Value| match v { Value::String(s) => s.clone(), Value::Null => String::new(), v => v.to_string() };
        let shown: Vec<Vec<String>> = out.rows.iter().map(|r| r[..7].iter().map(cell).collect()).collect();
        println!("{}", table(&columns[..7], &shown));
    }
    Ok(())
}

/// "a 5, b 2" from values, most frequent first (ties alphabetical), at most six.
fn tally(values: impl Iterator<Item = String>) -> String {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    values.for_each(|v| *counts.entry(v).or_default() += 1);
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let more = v.len().saturating_sub(6);
    let mut text = v.iter().take(6).map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ");
    if more > 0 {
        text.push_str(&format!(", and {more} more"));
    }
    text
}

fn parse_point(s: &str) -> Result<(f64, f64)> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [x, y] => match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(x), Ok(y)) if x.is_finite() && y.is_finite() => Ok((x, y)),
            _ => bail!("--at {s}: both parts must be numbers, e.g. --at=-1.5535,54.5235"),
        },
        _ => bail!("--at {s}: give two numbers separated by a comma, e.g. --at=-1.5535,54.5235 or --at 428900,514700"),
    }
}
