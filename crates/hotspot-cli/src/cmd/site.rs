//! `hotspot site`: where the next cameras (or patrols) would cover the most harm.
use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::crs::Epsg;
use hotspot_core::index::IncidentIndex;
use hotspot_core::ingest::{expand_inputs, kind_slug, Incidents, Input};
use hotspot_core::output::{geojson::Shape, number, round, Table};
use hotspot_core::target::cover::{coverage, Site};
use hotspot_core::target::read_sites;
use hotspot_core::target::site::{greedy, GREEDY_BOUND};
use rayon::prelude::*;
use serde_json::Value;

use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::cmd::cover::radius_or_default;
use crate::load;
use crate::messages::{print_accounting, table, thousands, Say};

/// Choose K new sites that add the most harm-weighted incidents covered (greedy maximum
/// coverage with lazy evaluation; within 1 − 1/e ≈ 63 % of the best possible).
///
/// Candidates come from --candidates (CSV or GeoJSON points) or a grid over the incidents with
/// spacing equal to the radius (announced). Existing --cameras cover their incidents already.
/// --weight KIND=W weighs harm (e.g. fire=2); --recency H halves an incident's weight every H
/// months before the latest month. --patrol lists places to patrol instead: candidates are the
/// incidents' own map points, labelled with police.uk's street label, default radius 200 m.
/// Cost: one R-tree query per candidate; 50,000 candidates over a million incidents take seconds.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  hotspot site -i police_uk_darlington_street_2025.csv --kind asb --cameras darlington_cameras.csv \\\n      --k 3 --radius 100 -o new_cameras.geojson\n  hotspot site -i police_uk_darlington_street_2025.csv --patrol --k 10 --weight violence_and_sexual_offences=2 --csv patrol.csv")]
pub struct SiteArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    /// How many sites to choose [default: 3, announced].
    #[arg(long, value_name = "N")]
    pub k: Option<usize>,
    /// Radius a site covers, metres [default: 100, or 200 with --patrol; announced].
    #[arg(long, value_name = "METRES")]
    pub radius: Option<f64>,
    /// Existing cameras (CSV or GeoJSON points): what they see is covered already.
    #[arg(long, value_name = "FILE")]
    pub cameras: Option<PathBuf>,
    /// Candidate sites (CSV or GeoJSON points) instead of a grid.
    #[arg(long, value_name = "FILE")]
    pub candidates: Option<PathBuf>,
    /// Harm weight per kind, KIND=W (repeatable; default 1).
    #[arg(long, value_name = "KIND=W")]
    pub weight: Vec<String>,
    /// Halve an incident's weight every H months before the latest month.
    #[arg(long, value_name = "H")]
    pub recency: Option<f64>,
    /// Patrol list: candidates are the incidents' map points, labelled by street.
    #[arg(long)]
    pub patrol: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: SiteArgs, say: &Say) -> Result<()> {
    let k = a.k.unwrap_or_else(|| {
        say.announce("sites: 3 (default; set --k N)");
        3
    });
    let radius = radius_or_default(a.radius, if a.patrol { 200.0 } else { 100.0 }, if a.patrol { "walking radius" } else { "site radius" }, say)?;
    let opts = load::ingest_options(&a.incidents)?;
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    say.line("accounting:");
    print_accounting(say, &got, None, None);
    let inc = &got.incidents;
    if inc.is_empty() {
        bail!("no incidents to cover");
    }
    let weights = incident_weights(inc, &a.weight, a.recency)?;
    let index = IncidentIndex::new(&inc.xy);
    let crs = a.incidents.crs.map(Epsg);
    let existing = match &a.cameras {
        Some(p) => read_sites(&Input::Path(p.clone()), radius, crs, Epsg::BNG)?,
        None => Vec::new(),
    };
    let covered = coverage(&existing, &index, inc.len()).covered;
    let candidates = match (&a.candidates, a.patrol) {
        (Some(p), _) => read_sites(&Input::Path(p.clone()), radius, crs, Epsg::BNG)?,
        (None, true) => map_points(inc, radius),
        (None, false) => {
            let grid = grid(inc, &index, radius);
            say.announce(&format!("candidates: a grid of {} points {radius} m apart over the incidents (set --candidates FILE)", thousands(grid.len() as u64)));
            grid
        }
    };
    let covers: Vec<Vec<usize>> = candidates.par_iter().map(|c| index.ids_within(&c.xy, c.radius)).collect();
    let picks = greedy(&covers, &weights, &covered, k);
    let total: f64 = weights.iter().sum();
    let before: f64 = weights.iter().zip(&covered).filter(|(_, c)| **c).map(|(w, _)| w).sum();
    let columns = ["pick", "id", "label", "gain", "n_new", "cum_share", "radius_m"].map(String::from).to_vec();
    let mut cum = before;
    let rows: Vec<Vec<Value>> = picks
        .iter()
        .enumerate()
        .map(|(n, p)| {
            cum += p.gain;
            let c = &candidates[p.site];
            vec![Value::from(n + 1), Value::from(c.id.as_str()), Value::from(label(inc, &p.new)), Value::from(round(p.gain, 3)), Value::from(p.new.len()), Value::from(round(cum / total, 4)), number(Some(c.radius))]
        })
        .collect();
    let t = Table { columns, rows };
    write_outputs(&a.output, &t, &picks.iter().map(|p| Shape::Point(candidates[p.site].xy)).collect::<Vec<_>>())?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        if !existing.is_empty() {
            println!("Existing cameras cover {:.1}% of the weighted incidents.", 100.0 * before / total);
        }
        let shown: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().take(6).map(|v| v.to_string().trim_matches('"').to_string()).collect()).collect();
        println!("{}", table(&["pick", "site", "place", "gain", "new incidents", "covered so far"], &shown));
        println!("\nGreedy choice: each pick adds the most not yet covered; the total is at least {:.1}% of the best possible for {k} sites.", GREEDY_BOUND * 100.0);
    }
    if picks.is_empty() {
        return Err(crate::NothingFound("no candidate site covers any incident not already covered".into()).into());
    }
    Ok(())
}

/// Weight per incident: the kind's weight, halved every `recency` months before the latest.
fn incident_weights(inc: &Incidents, specs: &[String], recency: Option<f64>) -> Result<Vec<f64>> {
    let by_kind: BTreeMap<String, f64> = specs.iter().map(|s| load::parse_weight(s).map(|(k, w)| (kind_slug(&k), w))).collect::<Result<_>>()?;
    let latest = inc.month.iter().flatten().max().map(|m| m.year as f64 * 12.0 + m.month as f64);
    if let Some(h) = recency.filter(|h| *h <= 0.0) {
        bail!("--recency {h} must be a positive number of months");
    }
    Ok((0..inc.len())
        .map(|i| {
            let w = by_kind.get(inc.kind_of(i)).copied().unwrap_or(1.0);
            match (recency, latest, inc.month[i]) {
                (Some(h), Some(l), Some(m)) => w * 0.5f64.powf((l - (m.year as f64 * 12.0 + m.month as f64)) / h),
                _ => w,
            }
        })
        .collect())
}

/// Candidate points `spacing` apart over the incidents' extent, kept only where some incident
/// is within reach.
fn grid(inc: &Incidents, index: &IncidentIndex, spacing: f64) -> Vec<Site> {
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for p in &inc.xy {
        for d in 0..2 {
            lo[d] = lo[d].min(p[d]);
            hi[d] = hi[d].max(p[d]);
        }
    }
    let (nx, ny) = (((hi[0] - lo[0]) / spacing).ceil() as usize + 1, ((hi[1] - lo[1]) / spacing).ceil() as usize + 1);
    (0..nx * ny)
        .map(|c| [lo[0] + (c % nx) as f64 * spacing, lo[1] + (c / nx) as f64 * spacing])
        .filter(|xy| index.count_within(xy, spacing) > 0)
        .map(|xy| Site { id: format!("E{:.0} N{:.0}", xy[0], xy[1]), xy, radius: spacing })
        .collect()
}

/// The incidents' distinct map points as candidates, named by their street label.
fn map_points(inc: &Incidents, radius: f64) -> Vec<Site> {
    let mut seen: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for (i, p) in inc.xy.iter().enumerate() {
        seen.entry(((p[0] * 100.0).round() as i64, (p[1] * 100.0).round() as i64)).or_insert(i);
    }
    seen.values()
        .map(|&i| Site { id: inc.string(inc.location[i]).map(String::from).unwrap_or_else(|| format!("E{:.0} N{:.0}", inc.xy[i][0], inc.xy[i][1])), xy: inc.xy[i], radius })
        .collect()
}

/// The most frequent street label among incidents, with how many others there are.
fn label(inc: &Incidents, ids: &[usize]) -> String {
    let mut by: BTreeMap<&str, usize> = BTreeMap::new();
    ids.iter().filter_map(|&i| inc.string(inc.location[i])).for_each(|l| *by.entry(l).or_default() += 1);
    let mut v: Vec<(&str, usize)> = by.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match v.len() {
        0 => String::new(),
        1 => v[0].0.to_string(),
        n => format!("{} (+{} more)", v[0].0, n - 1),
    }
}
