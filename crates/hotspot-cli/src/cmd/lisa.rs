//! `hotspot lisa`: Local Moran's I clusters and outliers on areas or a grid.
use anyhow::Result;
use clap::Args;
use hotspot_core::stats::fdr::benjamini_hochberg;
use hotspot_core::stats::lisa::local_moran;
use serde_json::Value;

use super::surface::{build, num, warn_permutation_floor, SurfaceArgs};
use crate::args::{IncidentArgs, OutputArgs, PermutationArgs};
use crate::cmd::count::write_outputs;
use crate::messages::Say;

/// Local Moran's I: clusters (High-High, Low-Low) and outliers (High-Low, Low-High).
///
/// Row-standardised weights; I as PySAL esda Moran_Local computes it; pseudo p from conditional
/// permutations (esda's folded p, seeded; 999 unless --permutations says); p_fdr Benjamini–Hochberg adjusted. A place is
/// reported in its quadrant when p_fdr ≤ 0.05 (the `cluster` field), else "ns".
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot lisa -i police_uk_darlington_street_2025.csv --kind asb -a darlington_lsoa2021.geojson -o lisa.geojson")]
pub struct LisaArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub surface: SurfaceArgs,
    #[command(flatten)]
    pub random: PermutationArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: LisaArgs, say: &Say) -> Result<()> {
    let permutations = a.random.count(999);
    let s = build(&a.incidents, &a.surface, true, say)?;
    warn_permutation_floor(say, permutations, s.n.len());
    say.announce(&format!("p_sim from {} conditional permutations, seed {} (set --permutations, --seed)", permutations, a.random.seed));
    let l = local_moran(&s.value, &s.neighbours, permutations, a.random.seed);
    let p_fdr = benjamini_hochberg(&l.p_sim);
    let cluster: Vec<&str> = (0..s.n.len()).map(|i| if p_fdr[i].is_some_and(|p| p <= 0.05) { l.quadrant[i].as_str() } else { "ns" }).collect();
    let rows = (0..s.n.len()).map(|i| {
        let opt = |v: Option<f64>| v.map_or(Value::Null, |v| num(v, 6));
        vec![Value::from(s.n[i]), num(s.value[i], 4), num(l.i[i], 6), Value::from(l.quadrant[i].as_str()), opt(l.p_sim[i]), opt(p_fdr[i]), Value::from(cluster[i])]
    });
    let t = s.table(&["n", "value", "lisa_i", "quadrant", "p_sim", "p_fdr", "cluster"], rows);
    write_outputs(&a.output, &t, &s.shapes())?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let count = |q: &str| cluster.iter().filter(|c| **c == q).count();
        println!(
            "Local Moran's I at 95 % after FDR, of {} places: {} High-High, {} Low-Low, {} High-Low, {} Low-High, {} not significant",
            cluster.len(), count("HH"), count("LL"), count("HL"), count("LH"), count("ns")
        );
        let hh: Vec<String> = (0..cluster.len()).filter(|&i| cluster[i] == "HH").map(|i| s.label(i)).take(10).collect();
        if !hh.is_empty() {
            println!("High-High: {}", hh.join(", "));
        }
    }
    Ok(())
}
