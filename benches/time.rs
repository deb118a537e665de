//! Time analyses at scale: emerging hot spots on 10,000 places × 36 months; repeat places
//! within 50 m among 1,000,000 points; the Knox test with 999 permutations on 20,000 incidents.
//!
//! Run: `cargo bench -p hotspot-core --bench time`
use criterion::{criterion_group, criterion_main, Criterion};
use hotspot_core::stats::grid::{Grid, Shape};
use hotspot_core::synth::clustered_points;
use hotspot_core::time::{emerging::emerging, knox::knox, repeats::places};
use rand::{RngExt, SeedableRng};

fn bench(c: &mut Criterion) {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(21);
    let grid = Grid::over_box(Shape::Square, 100.0, [0.0, 0.0], [10_000.0, 10_000.0], None, 20_000).unwrap();
    let neighbours = grid.neighbours();
    let counts: Vec<Vec<f64>> = (0..grid.len()).map(|_| (0..36).map(|_| rng.random_range(0..6) as f64).collect()).collect();
    let snapped: Vec<[f64; 2]> = clustered_points(1_000_000, (400_000.0, 400_000.0), (500_000.0, 500_000.0), 2_000, 300.0, 22)
        .into_iter()
        .map(|p| [(p[0] / 25.0).round() * 25.0, (p[1] / 25.0).round() * 25.0])
        .collect();
    let knox_points = clustered_points(20_000, (400_000.0, 400_000.0), (430_000.0, 430_000.0), 300, 300.0, 23);
    let knox_times: Vec<i64> = (0..knox_points.len()).map(|_| rng.random_range(0..365)).collect();

    let mut g = c.benchmark_group("time");
    g.sample_size(10);
    g.bench_function("emerging_10k_places_36_months", |b| b.iter(|| emerging(&counts, &neighbours)));
    g.bench_function("repeats_within_50m_1m_points", |b| b.iter(|| places(&snapped, 50.0)));
    g.bench_function("knox_20k_incidents_999_permutations", |b| b.iter(|| knox(&knox_points, &knox_times, &[100.0, 200.0, 300.0, 400.0], &[7, 14, 21, 28], 999, 1)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
