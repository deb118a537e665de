//! `hotspot change`: counts before and after a month, per area or cell, with a test that the
//! change is more than chance.
use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::ingest::Month;
use hotspot_core::stats::fdr::benjamini_hochberg;
use hotspot_core::time::change::change;
use serde_json::Value;

use super::surface::{build, num, SurfaceArgs};
use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::messages::{table, thousands, Say};

/// Change per place between the months before --split and the months from it on.
///
/// n_before, n_after, change (after − before), change_pct, p (the conditional binomial test of
/// the after count given the total, allowing for unequal period lengths) and p_fdr
/// (Benjamini–Hochberg across places). The default split is the middle month of the data,
/// announced. (The flag is --split, not --boundary, because --boundary names the grid's study area.)
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot change -i 'police_uk_durham_2025/*.csv' --kind asb -a darlington_lsoa2021.geojson --split 2025-07 -o change.geojson")]
pub struct ChangeArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub surface: SurfaceArgs,
    /// The first month of the "after" period, YYYY-MM [default: the middle month, announced].
    #[arg(long, value_name = "YYYY-MM")]
    pub split: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: ChangeArgs, say: &Say) -> Result<()> {
    let s = build(&a.incidents, &a.surface, false, say)?;
    let inc = &s.got.incidents;
    let (Some(first), Some(last)) = (inc.month.iter().flatten().min().copied(), inc.month.iter().flatten().max().copied()) else {
        bail!("the incidents have no months");
    };
    let index = |m: Month| m.year as i64 * 12 + m.month as i64;
    let split: Month = match &a.split {
        Some(text) => text.parse()?,
        None => {
            let mid = index(first) + (index(last) - index(first) + 1) / 2;
            let m = Month { year: ((mid - 1) / 12) as u16, month: ((mid - 1) % 12 + 1) as u8 };
            say.announce(&format!("split: after = from {m} (the middle of {first} to {last}; set --split)"));
            m
        }
    };
    if split <= first || split > last {
        bail!("--split {split} must fall after {first} and no later than {last}");
    }
    let (t_before, t_after) = ((index(split) - index(first)) as f64, (index(last) - index(split) + 1) as f64);
    let (mut before, mut after) = (vec![0u64; s.n.len()], vec![0u64; s.n.len()]);
    for i in 0..inc.len() {
        if let (Some(p), Some(m)) = (s.place[i], inc.month[i]) {
            if m < split { before[p] += 1 } else { after[p] += 1 }
        }
    }
    let c = change(&before, &after, t_before, t_after);
    let p_fdr = benjamini_hochberg(&c.iter().map(|x| Some(x.p)).collect::<Vec<_>>());
    let rows = (0..c.len()).map(|i| {
        vec![Value::from(c[i].before), Value::from(c[i].after), Value::from(c[i].change), c[i].change_pct.map_or(Value::Null, |v| num(v, 1)), num(c[i].p, 6), num(p_fdr[i].unwrap(), 6)]
    });
    let t = s.table(&["n_before", "n_after", "change", "change_pct", "p", "p_fdr"], rows);
    write_outputs(&a.output, &t, &s.shapes())?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let (tb, ta): (u64, u64) = (before.iter().sum(), after.iter().sum());
        println!("{} incidents in {t_before} months before {split}, {} in {t_after} months from it", thousands(tb), thousands(ta));
        let sig = |up: bool| (0..c.len()).filter(|&i| p_fdr[i].unwrap() <= 0.05 && (c[i].change > 0) == up && c[i].change != 0).count();
        println!("places with a change beyond chance (p_fdr ≤ 0.05): {} up, {} down, of {}", sig(true), sig(false), c.len());
        let mut order: Vec<usize> = (0..c.len()).collect();
        order.sort_by(|&x, &y| c[y].change.abs().cmp(&c[x].change.abs()).then(x.cmp(&y)));
        let rows: Vec<Vec<String>> = order.iter().take(5).map(|&i| vec![s.label(i), c[i].before.to_string(), c[i].after.to_string(), format!("{:+}", c[i].change), format!("{:.4}", p_fdr[i].unwrap())]).collect();
        println!("{}", table(&["place", "before", "after", "change", "p_fdr"], &rows));
    }
    Ok(())
}
