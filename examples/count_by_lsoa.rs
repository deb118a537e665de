//! The counting job through the library: read police.uk files, load LSOAs and population,
//! assign, count, and print the five areas with the highest ASB rate.
//!
//! Run on the synthetic town:
//! `cargo run -p hotspot-core --example count_by_lsoa -- fixtures/town/police_2025.csv fixtures/town/areas.geojson fixtures/town/population.csv`
use hotspot_core::areas::{population::join_population, read_areas, AreaOptions, PopulationTable};
use hotspot_core::ingest::{read_incidents, IngestOptions, Input};
use hotspot_core::{aggregate, assign};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [police, areas, population] = args.as_slice() else {
        return Err("usage: count_by_lsoa POLICE.csv AREAS.geojson POPULATION.csv".into());
    };
    let opts = IngestOptions { kinds: Some(["asb".to_string()].into()), ..IngestOptions::default() };
    let got = read_incidents(&[Input::path(police)], &opts)?;
    let mut loaded = read_areas(&Input::path(areas), &AreaOptions::default())?;
    let table = PopulationTable::from_csv(population, std::fs::File::open(population)?, None, None)?;
    let join = join_population(&mut loaded.areas, &table);
    let assignment = assign::assign(&got.incidents.xy, &loaded.areas);
    let counts = aggregate::count(&got.incidents, &assignment, &loaded.areas, false);
    let a = &loaded.areas;
    let mut rates: Vec<(f64, usize)> = (0..a.len())
        .filter_map(|i| aggregate::rate_per_1000(counts.counts[i][0], a.population[i]).map(|r| (r, i)))
        .collect();
    rates.sort_by(|x, y| y.0.total_cmp(&x.0));
    println!("{} ASB incidents, {} inside an area; {} areas lack population", got.incidents.len(), assignment.inside, join.areas_without_population.len());
    for (rate, i) in rates.iter().take(5) {
        println!("{}  {:<16} {:>6} residents  {:>5} ASB  {:>8.1} per 1,000", a.codes[*i], a.names[*i].as_deref().unwrap_or(""), a.population[*i].unwrap_or(0.0), counts.counts[*i][0], rate);
    }
    Ok(())
}
