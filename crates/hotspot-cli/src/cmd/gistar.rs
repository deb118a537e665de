//! `hotspot gistar`: Getis-Ord Gi* hot and cold spots on areas or a grid.
use anyhow::Result;
use clap::Args;
use hotspot_core::stats::fdr::benjamini_hochberg;
use hotspot_core::stats::gistar::{gi_bin, gistar};
use serde_json::Value;

use super::surface::{build, num, warn_permutation_floor, SurfaceArgs};
use crate::args::{IncidentArgs, OutputArgs, PermutationArgs};
use crate::cmd::count::write_outputs;
use crate::messages::{table, Say};

/// Getis-Ord Gi* hot and cold spots: is a place and its neighbourhood busier than chance?
///
/// Binary weights with the place itself included (PySAL esda G_Local(star=True,
/// transform='B')). p is two-sided from the normal, or from --permutations N (conditional,
/// seeded; default 0, none); p_fdr is Benjamini–Hochberg adjusted; gi_bin is ±3/±2/±1 where p_fdr ≤ 0.01/0.05/0.10.
/// Time: contiguity plus z for 35,000 LSOAs well under 2 s; memory a few hundred bytes a place.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  hotspot gistar -i police_uk_darlington_street_2025.csv --kind asb -a darlington_lsoa2021.geojson -o gi.geojson\n  hotspot gistar -i police_uk_darlington_street_2025.csv --kind asb --grid hex --cell-size 250 --permutations 999 -o gi_hex.geojson")]
pub struct GistarArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub surface: SurfaceArgs,
    #[command(flatten)]
    pub random: PermutationArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: GistarArgs, say: &Say) -> Result<()> {
    let permutations = a.random.count(0);
    let s = build(&a.incidents, &a.surface, true, say)?;
    warn_permutation_floor(say, permutations, s.n.len());
    if permutations > 0 {
        say.announce(&format!("p from {} conditional permutations, seed {}", permutations, a.random.seed));
    }
    let g = gistar(&s.value, &s.neighbours, permutations, a.random.seed);
    let p: Vec<f64> = g.p_sim.clone().unwrap_or_else(|| g.p.clone());
    let p_fdr: Vec<f64> = benjamini_hochberg(&p.iter().map(|v| Some(*v)).collect::<Vec<_>>()).into_iter().map(|v| v.unwrap()).collect();
    let bins: Vec<i8> = g.z.iter().zip(&p_fdr).map(|(z, p)| gi_bin(*z, *p)).collect();
    let mut extra = vec!["n", "gistar_z", "p", "p_fdr", "gi_bin"];
    if a.surface.value == "rate" {
        extra.insert(1, "rate");
    }
    let rows = (0..s.n.len()).map(|i| {
        let mut r = vec![Value::from(s.n[i])];
        if a.surface.value == "rate" {
            r.push(num(s.value[i], 4));
        }
        r.extend([num(g.z[i], 6), num(p[i], 6), num(p_fdr[i], 6), Value::from(bins[i])]);
        r
    });
    let t = s.table(&extra, rows);
    write_outputs(&a.output, &t, &s.shapes())?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let hot = bins.iter().filter(|b| **b >= 2).count();
        let cold = bins.iter().filter(|b| **b <= -2).count();
        println!("Gi*: {hot} hot spots and {cold} cold spots at 95 % after FDR, of {} places", bins.len());
        let mut order: Vec<usize> = (0..bins.len()).collect();
        order.sort_by(|&x, &y| g.z[y].total_cmp(&g.z[x]).then(x.cmp(&y)));
        let rows: Vec<Vec<String>> = order.iter().take(5).map(|&i| vec![s.label(i), s.n[i].to_string(), format!("{:.2}", g.z[i]), format!("{:.4}", p_fdr[i]), bins[i].to_string()]).collect();
        println!("{}", table(&["place", "n", "gistar_z", "p_fdr", "gi_bin"], &rows));
    }
    Ok(())
}
