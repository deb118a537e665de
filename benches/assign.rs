//! Assignment throughput (points per second) on a national-scale LSOA-like tessellation:
//! 35,000 polygons of 100-300 vertices (as the 2021 LSOA set has), clustered points.
//!
//! Run: `cargo bench -p hotspot-core --bench assign`
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hotspot_core::areas::AreaSet;
use hotspot_core::assign::assign;
use hotspot_core::index::IncidentIndex;
use hotspot_core::synth::{clustered_points, national, tessellation};

fn bench(c: &mut Criterion) {
    let n_areas = 35_000;
    let areas = AreaSet::new(tessellation(n_areas, national::CELL, national::ORIGIN, 1));
    let vertices: usize = areas.polygons.iter().map(|p| p.0[0].exterior().0.len() - 1).sum();
    let cols = (n_areas as f64).sqrt().ceil();
    let max = (national::ORIGIN.0 + cols * national::CELL, national::ORIGIN.1 + cols * national::CELL);
    let points = clustered_points(200_000, national::ORIGIN, max, 1_750, 400.0, 2);
    eprintln!("{} polygons, {:.0} vertices each on average", areas.len(), vertices as f64 / areas.len() as f64);

    let mut group = c.benchmark_group("assign");
    group.sample_size(10);
    group.throughput(Throughput::Elements(points.len() as u64));
    group.bench_with_input(BenchmarkId::new("points_to_35k_lsoas", points.len()), &points, |b, pts| b.iter(|| assign(pts, &areas)));
    group.finish();

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Elements(points.len() as u64));
    group.bench_function("bulk_load_200k", |b| b.iter(|| IncidentIndex::new(&points)));
    let index = IncidentIndex::new(&points);
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("radius_100m_x1000", |b| b.iter(|| points[..1_000].iter().map(|p| index.count_within(p, 100.0)).sum::<usize>()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
