//! `hotspot emerging`: emerging hot and cold spots over time, after ArcGIS Pro's Emerging Hot
//! Spot Analysis.
use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::time::emerging::emerging;
use hotspot_core::time::periods::Periods;
use serde_json::Value;

use super::surface::{build, num, SurfaceArgs};
use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::messages::{table, Say};

/// Emerging hot spots: Gi* per period on the same neighbours, the Mann-Kendall trend of each
/// place's z, and a category (new, consecutive, intensifying, persistent, diminishing, sporadic,
/// oscillating, historical; hot or cold; or no pattern).
///
/// Periods: police.uk months as they are, or --period week|28days|month|quarter (chosen from the
/// data's span when not given, announced). A period is hot where z > 0 with p ≤ 0.05, cold where
/// z < 0 with p ≤ 0.05; "most" means 90 % of periods. The rules are in the README.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot emerging -i 'police_uk_durham_2025/*.csv' --kind asb --grid hex --cell-size 500 -o emerging.geojson")]
pub struct EmergingArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub surface: SurfaceArgs,
    /// Period: week, 28days, month or quarter [default: from the data's span, announced].
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: EmergingArgs, say: &Say) -> Result<()> {
    let s = build(&a.incidents, &a.surface, true, say)?;
    let inc = &s.got.incidents;
    let periods = Periods::new(&inc.month, &inc.date, a.period.as_deref().map(str::parse).transpose()?);
    if periods.labels.len() < 4 {
        bail!("{} periods are too few for a trend; emerging hot spots need at least 4 (use a shorter --period)", periods.labels.len());
    }
    if periods.automatic {
        say.announce(&format!("period: {} ({} periods, {} to {}; set --period)", periods.binning.name(), periods.labels.len(), periods.labels[0], periods.labels.last().unwrap()));
    }
    let mut counts = vec![vec![0.0; periods.labels.len()]; s.n.len()];
    for i in 0..inc.len() {
        if let (Some(p), Some(t)) = (s.place[i], periods.of[i]) {
            counts[p][t] += 1.0;
        }
    }
    let e = emerging(&counts, &s.neighbours);
    let hot = |i: usize| e.z[i].iter().filter(|z| **z > 0.0 && hotspot_core::stats::gistar::two_sided_p(**z) <= 0.05).count();
    let rows = (0..s.n.len()).map(|i| {
        vec![
            Value::from(s.n[i]),
            Value::from(e.category[i].label()),
            num(e.z_trend[i].z, 4),
            num(e.z_trend[i].p, 6),
            num(e.count_trend[i].z, 4),
            num(e.count_trend[i].p, 6),
            Value::from(hot(i)),
            num(*e.z[i].last().unwrap(), 4),
        ]
    });
    let t = s.table(&["n", "category", "trend_z", "trend_p", "count_trend_z", "count_trend_p", "periods_hot", "z_last"], rows);
    write_outputs(&a.output, &t, &s.shapes())?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let mut by: std::collections::BTreeMap<String, usize> = Default::default();
        e.category.iter().for_each(|c| *by.entry(c.label()).or_default() += 1);
        let rows: Vec<Vec<String>> = by.iter().map(|(k, v)| vec![k.clone(), v.to_string()]).collect();
        println!("Emerging hot spots over {} {} periods, {} places:", periods.labels.len(), periods.binning.name(), s.n.len());
        println!("{}", table(&["category", "places"], &rows));
    }
    Ok(())
}
