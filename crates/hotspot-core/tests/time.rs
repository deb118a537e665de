//! Time: Mann-Kendall against pymannkendall (scripts/reference/mann_kendall.py), planted trends
//! landing in the right emerging-hot-spot categories, repeat places against a brute force.
use hotspot_core::stats::grid::{Grid, Shape};
use hotspot_core::time::emerging::{emerging, Category};
use hotspot_core::time::mann_kendall::mann_kendall;
use hotspot_core::time::repeats::places;
use rand::{RngExt, SeedableRng};

#[test]
fn mann_kendall_equals_pymannkendall() {
    let r: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected/mann_kendall.json")).unwrap()).unwrap();
    for (name, case) in r.as_object().unwrap() {
        let x: Vec<f64> = case["x"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let m = mann_kendall(&x);
        let close = |a: f64, key: &str| (a - case[key].as_f64().unwrap()).abs() < 1e-9 * case[key].as_f64().unwrap().abs().max(1.0);
        assert!(close(m.s, "s") && close(m.var_s, "var_s") && close(m.z, "z") && close(m.p, "p"), "{name}: {m:?} vs {case}");
    }
}

/// A 20 × 20 grid of places over 24 months with a calm background and four planted places:
/// one that grows, one that fades, one constant, one new in the last month.
#[test]
fn planted_trends_land_in_their_categories() {
    let grid = Grid::over_box(Shape::Square, 100.0, [0.0, 0.0], [2000.0, 2000.0], None, 1_000).unwrap();
    let neighbours = grid.neighbours();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
    let months = 24;
    let mut counts: Vec<Vec<f64>> = (0..grid.len()).map(|_| (0..months).map(|_| rng.random_range(0..3) as f64).collect()).collect();
    let at = |x: f64, y: f64| grid.locate([x, y]).unwrap() as usize;
    let (grow, fade, steady, new) = (at(450.0, 450.0), at(1450.0, 450.0), at(450.0, 1450.0), at(1450.0, 1450.0));
    // A planted place and its eight neighbours share the pattern, so Gi* sees a cluster.
    let mut plant = |centre: usize, f: &dyn Fn(usize) -> f64| {
        for p in std::iter::once(centre).chain(neighbours[centre].clone()) {
            for t in 0..months {
                counts[p][t] += f(t);
            }
        }
    };
    plant(grow, &|t| 8.0 + 1.5 * t as f64);
    plant(fade, &|t| if t < months - 1 { 45.0 - 1.5 * t as f64 } else { 0.0 });
    plant(steady, &|_| 20.0);
    plant(new, &|t| if t == months - 1 { 40.0 } else { 0.0 });
    let e = emerging(&counts, &neighbours);
    assert_eq!(e.category[grow], Category::Intensifying(true), "{:?}", e.z[grow]);
    assert_eq!(e.category[steady], Category::Persistent(true), "{:?}", e.z[steady]);
    assert_eq!(e.category[new], Category::New(true), "{:?}", e.z[new]);
    assert_eq!(e.category[fade], Category::Historical(true), "{:?}", e.z[fade]);
    assert!(e.count_trend[grow].z > 0.0 && e.count_trend[grow].p < 0.001);
}

#[test]
fn repeat_places_equal_a_brute_force_linkage() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(13);
    let lattice: Vec<[f64; 2]> = (0..300).map(|_| [rng.random_range(0..40) as f64 * 25.0, rng.random_range(0..40) as f64 * 25.0]).collect();
    for within in [0.0, 30.0, 60.0] {
        let got = places(&lattice, within);
        // Brute force: flood fill over pairs within reach (or equal).
        let n = lattice.len();
        let mut comp = vec![usize::MAX; n];
        let mut next = 0;
        for s in 0..n {
            if comp[s] != usize::MAX {
                continue;
            }
            let mut stack = vec![s];
            comp[s] = next;
            while let Some(i) = stack.pop() {
                for j in 0..n {
                    let d = (lattice[i][0] - lattice[j][0]).hypot(lattice[i][1] - lattice[j][1]);
                    if comp[j] == usize::MAX && d <= within {
                        comp[j] = next;
                        stack.push(j);
                    }
                }
            }
            next += 1;
        }
        for i in 0..n {
            let size = comp.iter().filter(|&&c| c == comp[i]).count();
            assert_eq!(got[i].is_some(), size > 1, "within {within}: point {i}");
            for j in (0..n).filter(|_| size > 1) {
                assert_eq!(got[i] == got[j], comp[i] == comp[j], "within {within}: {i} {j}");
            }
        }
    }
}
