//! `hotspot cover`: how much of the incidents existing cameras see.
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::crs::Epsg;
use hotspot_core::index::IncidentIndex;
use hotspot_core::ingest::{expand_inputs, Incidents, Input};
use hotspot_core::output::{self, geojson::Shape, number, round, Table};
use hotspot_core::target::{cover::coverage, evaluate::circle, read_sites};
use serde_json::Value;

use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::load;
use crate::messages::{print_accounting, table, thousands, Say};

/// Count the incidents each camera sees, the share all cameras see together, and the busiest
/// places no camera sees.
///
/// Cameras come from a CSV (an id column; longitude/latitude or easting/northing; an optional
/// radius column) or GeoJSON points. An incident seen by two cameras counts once in the shares.
/// Each camera is one R-tree query: 500 cameras over a million incidents take well under a
/// second.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot cover -i police_uk_darlington_street_2025.csv --cameras darlington_cameras.csv \\\n      --radius 100 --kind asb -o cameras.geojson --circles coverage.geojson")]
pub struct CoverArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    /// The cameras (CSV or GeoJSON points).
    #[arg(long, value_name = "FILE")]
    pub cameras: PathBuf,
    /// Radius a camera sees, metres, where the file gives none [default: 100, announced].
    #[arg(long, value_name = "METRES")]
    pub radius: Option<f64>,
    /// Coverage circles as GeoJSON polygons.
    #[arg(long, value_name = "FILE")]
    pub circles: Option<PathBuf>,
    /// How many uncovered places to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub uncovered: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: CoverArgs, say: &Say) -> Result<()> {
    let radius = radius_or_default(a.radius, 100.0, "camera radius", say)?;
    let cameras = read_sites(&Input::Path(a.cameras.clone()), radius, a.incidents.crs.map(Epsg), Epsg::BNG)?;
    if cameras.is_empty() {
        bail!("{}: no cameras", a.cameras.display());
    }
    let opts = load::ingest_options(&a.incidents)?;
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    say.line("accounting:");
    print_accounting(say, &got, None, None);
    let inc = &got.incidents;
    let c = coverage(&cameras, &IncidentIndex::new(&inc.xy), inc.len());

    let kinds: Vec<&str> = (0..inc.len()).map(|i| inc.kind_of(i)).collect::<BTreeSet<_>>().into_iter().collect();
    let months: Vec<hotspot_core::ingest::Month> = inc.month.iter().flatten().copied().collect::<BTreeSet<_>>().into_iter().collect();
    let kind_col: Vec<usize> = (0..inc.len()).map(|i| kinds.binary_search(&inc.kind_of(i)).unwrap()).collect();
    let month_col: Vec<Option<usize>> = inc.month.iter().map(|m| m.map(|m| months.binary_search(&m).unwrap())).collect();
    let mut columns: Vec<String> = ["id", "radius_m", "n", "share"].map(String::from).to_vec();
    columns.extend(kinds.iter().map(|k| format!("n_{k}")));
    columns.extend(months.iter().map(|m| format!("n_{}_{:02}", m.year, m.month)));
    let rows: Vec<Vec<Value>> = cameras
        .iter()
        .zip(&c.per_site)
        .map(|(cam, ids)| {
            let (mut by_kind, mut by_month) = (vec![0u64; kinds.len()], vec![0u64; months.len()]);
            for &i in ids {
                by_kind[kind_col[i]] += 1;
                if let Some(m) = month_col[i] {
                    by_month[m] += 1;
                }
            }
            let mut row = vec![Value::from(cam.id.as_str()), number(Some(cam.radius)), Value::from(ids.len()), Value::from(round(share(ids.len(), inc.len()), 4))];
            row.extend(by_kind.into_iter().chain(by_month).map(Value::from));
            row
        })
        .collect();
    let t = Table { columns, rows };
    write_outputs(&a.output, &t, &cameras.iter().map(|c| Shape::Point(c.xy)).collect::<Vec<_>>())?;
    if let Some(path) = &a.circles {
        let shapes: Vec<_> = cameras.iter().map(|c| circle(c.xy, c.radius)).collect();
        let ct = Table { columns: vec!["id".into(), "radius_m".into()], rows: cameras.iter().map(|c| vec![c.id.as_str().into(), number(Some(c.radius))]).collect() };
        output::write_atomic(path, |w| output::geojson::write(&ct, &shapes.iter().map(Shape::Area).collect::<Vec<_>>(), Epsg::BNG, w))?;
    }
    if a.output.output.as_deref() == Some(std::path::Path::new("-")) {
        return Ok(());
    }
    let shown: Vec<Vec<String>> = t.rows.iter().map(|r| r[..4].iter().map(|v| v.to_string().trim_matches('"').to_string()).collect()).collect();
    println!("{}\n", table(&["camera", "radius_m", "incidents", "share"], &shown));
    let covered = c.covered.iter().filter(|x| **x).count();
    println!("All {} cameras together see {} of {} incidents ({:.1}%):", cameras.len(), thousands(covered as u64), thousands(inc.len() as u64), 100.0 * share(covered, inc.len()));
    for (k, name) in kinds.iter().enumerate() {
        let all = kind_col.iter().filter(|&&x| x == k).count();
        let seen = (0..inc.len()).filter(|&i| c.covered[i] && kind_col[i] == k).count();
        println!("  {name}: {} of {} ({:.1}%)", thousands(seen as u64), thousands(all as u64), 100.0 * share(seen, all));
    }
    println!("\nThe busiest map points no camera sees:");
    let top = busiest_unseen(inc, &c.covered, a.uncovered);
    println!("{}", table(&["incidents", "place"], &top.iter().map(|(n, p)| vec![n.to_string(), p.clone()]).collect::<Vec<_>>()));
    Ok(())
}

/// A radius given (checked positive) or the default (announced).
pub fn radius_or_default(given: Option<f64>, default: f64, what: &str, say: &Say) -> Result<f64> {
    match given {
        Some(r) if r > 0.0 && r.is_finite() => Ok(r),
        Some(r) => bail!("--radius {r} must be a positive number of metres"),
        None => {
            say.announce(&format!("{what}: {default} m (default; set --radius METRES)"));
            Ok(default)
        }
    }
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Uncovered incidents grouped by map point (police.uk snaps incidents to anonymous points), the
/// busiest first, each with its street label.
fn busiest_unseen(inc: &Incidents, covered: &[bool], n: usize) -> Vec<(usize, String)> {
    let mut by_point: BTreeMap<(i64, i64), (usize, usize)> = BTreeMap::new();
    for i in (0..inc.len()).filter(|&i| !covered[i]) {
        let key = (inc.xy[i][0].round() as i64, inc.xy[i][1].round() as i64);
        by_point.entry(key).or_insert((0, i)).0 += 1;
    }
    let mut v: Vec<(usize, String)> = by_point
        .into_iter()
        .map(|((x, y), (count, i))| (count, format!("{} (E {x}, N {y})", inc.string(inc.location[i]).unwrap_or("no street label"))))
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.truncate(n);
    v
}
