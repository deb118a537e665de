//! Statistics at national scale: on 35,000 LSOA-like polygons (100-300 vertices) tolerant queen
//! contiguity plus Gi* (analytical, and with 999 permutations) and Local Moran's I; on a grid of
//! 1,000,000 cells, kernel density from 1,000,000 points.
//!
//! Run: `cargo bench -p hotspot-core --bench stats`
use criterion::{criterion_group, criterion_main, Criterion};
use hotspot_core::areas::{contiguity::queen, AreaSet};
use hotspot_core::stats::{gistar::gistar, grid::{Grid, Shape}, kde::density, lisa::local_moran};
use hotspot_core::synth::{clustered_points, national, tessellation};
use rand::{RngExt, SeedableRng};

fn bench(c: &mut Criterion) {
    let n = 35_000;
    let areas = AreaSet::new(tessellation(n, national::CELL, national::ORIGIN, 5));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(6);
    let x: Vec<f64> = (0..n).map(|_| rng.random_range(0..60) as f64).collect();
    let mut g = c.benchmark_group("stats_35k_polygons");
    g.sample_size(10);
    g.bench_function("queen_1m_plus_gistar", |b| b.iter(|| gistar(&x, &queen(&areas, 1.0).neighbours, 0, 1)));
    let w = queen(&areas, 1.0).neighbours;
    g.bench_function("gistar_999_permutations", |b| b.iter(|| gistar(&x, &w, 999, 1)));
    g.bench_function("local_moran_999_permutations", |b| b.iter(|| local_moran(&x, &w, 999, 1)));
    g.finish();

    let points = clustered_points(1_000_000, (400_000.0, 400_000.0), (450_000.0, 450_000.0), 500, 300.0, 7);
    let weights = vec![1.0; points.len()];
    let grid = Grid::over_box(Shape::Square, 50.0, [400_000.0, 400_000.0], [450_000.0, 450_000.0], None, 2_000_000).unwrap();
    let mut g = c.benchmark_group("kde_1m_cells_1m_points");
    g.sample_size(10);
    g.bench_function("quartic_bandwidth_150m", |b| b.iter(|| density(&grid, &points, &weights, 150.0)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
