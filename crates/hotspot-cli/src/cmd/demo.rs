//! `hotspot demo`: the whole counting job on Synthton, a synthetic town built into the binary
//! (made by `examples/make_fixtures.rs`, stored in `fixtures/town/`).
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use hotspot_core::areas::{AreaOptions, PopulationTable};
use hotspot_core::ingest::{IngestOptions, Input, Preset};
use serde_json::Value;

use crate::args::OutputArgs;
use crate::load::AreaRequest;
use crate::messages::{table, Say};

macro_rules! embedded {
    ($file:literal) => {
        Input::Embedded { name: $file.into(), bytes: include_bytes!(concat!("../../../../fixtures/town/", $file)) }
    };
}

/// Run the counting job on a synthetic town built into the program, and write its GeoJSON.
///
/// Synthton has 48 areas, a year of police.uk-format ASB and crime, a fly-tipping log and a fire
/// extract with planted hotspots, and the blemishes real files have (rows with no coordinates,
/// incidents outside the town, primary fires the fire preset leaves out). Writes
/// synthton_counts.geojson unless -o names another file.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot demo -o synthton.geojson --csv synthton.csv")]
pub struct DemoArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: DemoArgs, say: &Say) -> Result<()> {
    let output = a.output.output.clone().unwrap_or_else(|| {
        say.announce("output: synthton_counts.geojson (default; set -o FILE)");
        PathBuf::from("synthton_counts.geojson")
    });
    let out = OutputArgs { output: Some(output.clone()), ..a.output };
    let population = PopulationTable::from_csv("population.csv", &include_bytes!("../../../../fixtures/town/population.csv")[..], None, None)?;
    let area = AreaRequest { input: embedded!("areas.geojson"), opts: AreaOptions { keep_native: true, ..AreaOptions::default() }, population: Some(population) };
    let inputs = [embedded!("police_2025.csv"), embedded!("flytipping_2025.csv"), embedded!("fire_2025.csv")];
    let opts = IngestOptions { preset: Some(Preset::Flytip), ..IngestOptions::default() };
    let t = super::count::count(&inputs, &opts, area, &out, None, false, say)?;
    let col = |name: &str| t.columns.iter().position(|c| c == name);
    let asb = col("n_asb").unwrap();
    let mut order: Vec<usize> = (0..t.rows.len()).collect();
    order.sort_by(|&x, &y| t.rows[y][asb].as_u64().cmp(&t.rows[x][asb].as_u64()).then(x.cmp(&y)));
    let show = ["code", "name", "population", "n_asb", "rate_asb", "n_flytip", "n_flytip_large", "n_fire_deliberate"];
    let cell = |v: &Value| match v { Value::String(s) => s.clone(), Value::Null => "-".into(), v => v.to_string() };
    let rows: Vec<Vec<String>> = order[..10]
        .iter()
        .enumerate()
        .map(|(rank, &r)| std::iter::once((rank + 1).to_string()).chain(show.iter().map(|c| col(c).map_or("-".into(), |i| cell(&t.rows[r][i])))).collect())
        .collect();
    if output.as_os_str() != "-" {
        println!("Synthton: the 10 areas with most ASB in 2025\n");
        let header: Vec<&str> = std::iter::once("rank").chain(show).collect();
        println!("{}\n", table(&header, &rows));
        println!("wrote {} ({} areas)", output.display(), t.rows.len());
    }
    Ok(())
}
