//! The committed fixtures are exactly what the generator makes: regenerate with
//! `cargo run -p hotspot-core --example make_fixtures` after changing it.
use hotspot_core::synth::town;

#[test]
fn committed_town_equals_a_fresh_generation() {
    let dir = tempfile::tempdir().unwrap();
    town::generate(town::SEED).unwrap().write_to(dir.path()).unwrap();
    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/town");
    for name in ["areas.geojson", "population.csv", "police_2025.csv", "flytipping_2025.csv", "fire_2025.csv"] {
        let fresh = std::fs::read(dir.path().join(name)).unwrap();
        let kept = std::fs::read(committed.join(name)).unwrap();
        assert!(fresh == kept, "fixtures/town/{name} differs from the generator's output: run the make_fixtures example");
    }
}

#[test]
fn town_tessellates_without_gaps_or_overlaps() {
    use geo::{Coord, Intersects};
    use rand::{RngExt, SeedableRng};
    let t = town::generate(town::SEED).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    // Inside the town, away from its wavy outer edge, every point lies in exactly one area.
    let inset = 0.1 * town::CELL;
    let (x0, y0) = (town::ORIGIN.0 + inset, town::ORIGIN.1 + inset);
    let (x1, y1) = (town::ORIGIN.0 + town::COLS as f64 * town::CELL - inset, town::ORIGIN.1 + town::ROWS as f64 * town::CELL - inset);
    for _ in 0..5_000 {
        let c = Coord { x: rng.random_range(x0..x1), y: rng.random_range(y0..y1) };
        let holding = t.areas.iter().filter(|a| a.2.intersects(&c)).count();
        assert_eq!(holding, 1, "{c:?} is in {holding} areas");
    }
}
