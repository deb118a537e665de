//! HIL ranking, concentration and adjoining groups for all 35,672 LSOAs of England and Wales
//! (a synthetic tessellation of 100-300-vertex polygons), after aggregation: the index over three
//! domains and one indicator, Lorenz/Gini, tolerant queen contiguity and connected groups.
//!
//! Run: `cargo bench -p hotspot-core --bench rank`
use criterion::{criterion_group, criterion_main, Criterion};
use hotspot_core::aggregate::CountTable;
use hotspot_core::areas::{contiguity::queen, AreaSet};
use hotspot_core::rank::{concentration::concentration, groups::groups, hil::{rank, Denominator, Indicator, Recipe}};
use hotspot_core::synth::{national, tessellation};
use rand::{RngExt, SeedableRng};

fn bench(c: &mut Criterion) {
    let n = 35_672;
    let mut areas = AreaSet::new(tessellation(n, national::CELL, national::ORIGIN, 3));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4);
    areas.population = (0..n).map(|_| Some(rng.random_range(1_000.0..3_000.0))).collect();
    let counts = CountTable {
        kinds: vec!["asb".into(), "criminal_damage_and_arson".into(), "fire_deliberate".into()],
        counts: (0..n).map(|_| (0..3).map(|_| rng.random_range(0..200u64)).collect()).collect(),
        months: vec![],
        by_month: None,
        undated: 0,
    };
    let imd = Indicator { name: "imd".into(), values: (0..n).map(|_| Some(rng.random_range(1.0..32_844.0))).collect(), weight: 1.0, is_rank: true };
    let recipe = Recipe {
        domains: counts.kinds.iter().map(|k| (k.clone(), 1.0)).collect(),
        indicators: vec![imd],
        denominator: Denominator::Residents,
        min_population: None,
        smooth: true,
        top: Some(1_800),
        threshold: None,
    };
    let base: Vec<f64> = areas.population.iter().map(|p| p.unwrap()).collect();
    let mut group = c.benchmark_group("hil_35672_lsoas");
    group.sample_size(10);
    group.bench_function("rank", |b| b.iter(|| rank(&areas, &counts, &recipe).unwrap()));
    group.bench_function("queen_contiguity_1m", |b| b.iter(|| queen(&areas, 1.0)));
    group.bench_function("rank_concentration_groups", |b| {
        b.iter(|| {
            let h = rank(&areas, &counts, &recipe).unwrap();
            let contiguity = queen(&areas, 1.0);
            let g = groups(&h.hil, &contiguity.neighbours, &h.rank_force);
            let c = concentration(&h.hil, &areas.population, &h.domains, &h.counts, &base);
            (g, c)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
