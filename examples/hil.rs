//! The High Impact Location index through the library, on the synthetic town: ASB, criminal
//! damage and deliberate secondary fires as domains (fires weighted 2), the top 3 as HILs, then
//! their share of residents and incidents and which of them adjoin.
//!
//! Run: `cargo run -p hotspot-core --example hil`
use hotspot_core::areas::{contiguity::queen, population::join_population, read_areas, AreaOptions, PopulationTable};
use hotspot_core::ingest::{read_incidents, IngestOptions, Input, Preset};
use hotspot_core::rank::{concentration::concentration, groups::groups, hil::{rank, Denominator, Recipe}};
use hotspot_core::{aggregate, assign};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let town = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/town");
    let files = ["police_2025.csv", "fire_2025.csv"].map(|f| Input::path(town.join(f)));
    let got = read_incidents(&files, &IngestOptions { preset: Some(Preset::LfbFire), ..IngestOptions::default() })?;
    let mut areas = read_areas(&Input::path(town.join("areas.geojson")), &AreaOptions::default())?.areas;
    let population = PopulationTable::from_csv("population.csv", std::fs::File::open(town.join("population.csv"))?, None, None)?;
    join_population(&mut areas, &population);
    let assignment = assign::assign(&got.incidents.xy, &areas);
    let counts = aggregate::count(&got.incidents, &assignment, &areas, false);

    let recipe = Recipe {
        domains: vec![("asb".into(), 1.0), ("criminal_damage_and_arson".into(), 1.0), ("fire_deliberate".into(), 2.0)],
        indicators: vec![],
        denominator: Denominator::Residents,
        min_population: None,
        smooth: false,
        top: Some(3),
        threshold: None,
    };
    let hil = rank(&areas, &counts, &recipe)?;
    let group = groups(&hil.hil, &queen(&areas, 1.0).neighbours, &hil.rank_force);
    let mut order: Vec<usize> = (0..areas.len()).filter(|&i| hil.hil[i]).collect();
    order.sort_by_key(|&i| hil.rank_force[i]);
    for i in order {
        println!("{}  {:<14} score {:>7.1}  rank {}  group {}", areas.codes[i], areas.names[i].as_deref().unwrap_or(""), hil.score[i].unwrap(), hil.rank_force[i].unwrap(), group[i].unwrap());
    }
    let residents: Vec<f64> = areas.population.iter().map(|p| p.unwrap_or(0.0)).collect();
    let c = concentration(&hil.hil, &areas.population, &hil.domains, &hil.counts, &residents);
    for s in &c.shares {
        println!("HILs: {:.1}% of residents, {:.1}% of {} (Gini {:.2})", c.residents_share * 100.0, s.share * 100.0, s.domain, s.gini);
    }
    Ok(())
}
