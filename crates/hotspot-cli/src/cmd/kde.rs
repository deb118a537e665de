//! `hotspot kde`: kernel density of incidents on a grid (or at area centroids).
use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::ingest::kind_slug;
use hotspot_core::stats::kde::{density, rule_of_thumb};
use serde_json::Value;

use super::surface::{build, num, SurfaceArgs};
use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::load;
use crate::messages::{table, Say};

/// Kernel density (quartic kernel) per square kilometre at each cell centre (or area centroid).
///
/// Bandwidth: --bandwidth, or the rule of thumb ArcGIS Pro uses (0.9 · min(standard distance,
/// √(1/ln 2) · median distance to the mean centre) · n^(−1/5)), announced. --weight KIND=W counts
/// some kinds more (e.g. fire=2). Each incident adds to the cells within the bandwidth only:
/// a million incidents on a million cells take seconds.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot kde -i police_uk_darlington_street_2025.csv --kind asb --grid rect --cell-size 100 -o kde.geojson")]
pub struct KdeArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub surface: SurfaceArgs,
    /// Bandwidth, metres [default: the rule of thumb, announced].
    #[arg(long, value_name = "METRES")]
    pub bandwidth: Option<f64>,
    /// Weight per kind, KIND=W (repeatable; default 1).
    #[arg(long, value_name = "KIND=W")]
    pub weight: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: KdeArgs, say: &Say) -> Result<()> {
    let s = build(&a.incidents, &a.surface, false, say)?;
    let inc = &s.got.incidents;
    if inc.is_empty() {
        bail!("no incidents to smooth");
    }
    let h = match a.bandwidth {
        Some(h) if h > 0.0 && h.is_finite() => h,
        Some(h) => bail!("--bandwidth {h} must be a positive number of metres"),
        None => {
            let h = rule_of_thumb(&inc.xy).max(1.0).round();
            say.announce(&format!("bandwidth: {h} m (rule of thumb from the incidents' spread; set --bandwidth)"));
            h
        }
    };
    let weights_by_kind: Vec<(String, f64)> = a.weight.iter().map(|w| load::parse_weight(w).map(|(k, v)| (kind_slug(&k), v))).collect::<Result<_>>()?;
    let w: Vec<f64> = (0..inc.len()).map(|i| weights_by_kind.iter().find(|(k, _)| k == inc.kind_of(i)).map_or(1.0, |x| x.1)).collect();
    let kde = match &s.grid {
        Some(grid) => density(grid, &inc.xy, &w, h),
        None => {
            let index = hotspot_core::index::IncidentIndex::new(&inc.xy);
            s.centres.iter().map(|c| index.within(c, h).iter().map(|&(i, d)| w[i] * hotspot_core::stats::kde::quartic(d, h)).sum::<f64>() * 1e6).collect()
        }
    };
    let t = s.table(&["n", "kde"], (0..s.n.len()).map(|i| vec![Value::from(s.n[i]), num(kde[i], 4)]));
    write_outputs(&a.output, &t, &s.shapes())?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let mut order: Vec<usize> = (0..kde.len()).collect();
        order.sort_by(|&x, &y| kde[y].total_cmp(&kde[x]).then(x.cmp(&y)));
        println!("Kernel density (per km², bandwidth {h} m): the densest places");
        let rows: Vec<Vec<String>> = order.iter().take(5).map(|&i| vec![s.label(i), s.n[i].to_string(), format!("{:.1}", kde[i])]).collect();
        println!("{}", table(&["place", "n", "kde"], &rows));
    }
    Ok(())
}
