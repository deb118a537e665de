//! Targeting at scale: coverage of 500 cameras over 1,000,000 incidents, and choosing 10 sites
//! from 50,000 candidates over the same incidents (index build, one radius query per candidate,
//! lazy greedy), radius 100 m. Incidents are clustered over a 100 km × 100 km square.
//!
//! Run: `cargo bench -p hotspot-core --bench target`
use criterion::{criterion_group, criterion_main, Criterion};
use hotspot_core::index::IncidentIndex;
use hotspot_core::synth::clustered_points;
use hotspot_core::target::{cover::{coverage, Site}, site::greedy};
use rayon::prelude::*;

fn sites(n: usize, seed: u64) -> Vec<Site> {
    clustered_points(n, (400_000.0, 400_000.0), (500_000.0, 500_000.0), 2_000, 300.0, seed)
        .into_iter()
        .enumerate()
        .map(|(i, xy)| Site { id: i.to_string(), xy, radius: 100.0 })
        .collect()
}

fn bench(c: &mut Criterion) {
    let incidents = clustered_points(1_000_000, (400_000.0, 400_000.0), (500_000.0, 500_000.0), 2_000, 300.0, 1);
    let cameras = sites(500, 2);
    let candidates = sites(50_000, 3);
    let mut group = c.benchmark_group("target_1m_incidents");
    group.sample_size(10);
    group.bench_function("cover_500_cameras", |b| {
        b.iter(|| {
            let index = IncidentIndex::new(&incidents);
            coverage(&cameras, &index, incidents.len())
        })
    });
    group.bench_function("site_k10_from_50k_candidates", |b| {
        b.iter(|| {
            let index = IncidentIndex::new(&incidents);
            let covered = coverage(&cameras, &index, incidents.len()).covered;
            let covers: Vec<Vec<usize>> = candidates.par_iter().map(|s| index.ids_within(&s.xy, s.radius)).collect();
            greedy(&covers, &vec![1.0; incidents.len()], &covered, 10)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
