//! Agreement with PySAL (scripts/reference/esda_stats.py, outputs committed): queen and rook
//! neighbours on an exact tessellation; grid neighbours, Gi* z and Local Moran I on a lattice and
//! on the real Darlington LSOAs, to 1e-9.
use hotspot_core::areas::contiguity::{queen, rook};
use hotspot_core::areas::{read_areas, AreaOptions, AreaSet};
use hotspot_core::ingest::Input;
use hotspot_core::stats::gistar::gistar;
use hotspot_core::stats::grid::{Grid, Shape};
use hotspot_core::stats::lisa::{local_moran, Quadrant};
use serde_json::Value;

fn reference() -> Value {
    serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected/esda_reference.json")).unwrap()).unwrap()
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()
}

fn by_code(areas: &AreaSet, neighbours: &[Vec<usize>]) -> Value {
    let mut m = serde_json::Map::new();
    for (i, code) in areas.codes.iter().enumerate() {
        m.insert(code.clone(), neighbours[i].iter().map(|&j| Value::from(areas.codes[j].as_str())).collect());
    }
    Value::Object(m)
}

fn assert_stats(y: &[f64], neighbours: &[Vec<usize>], expected: &Value) {
    let g = gistar(y, neighbours, 0, 1);
    for (i, (a, b)) in g.z.iter().zip(numbers(&expected["gistar_z"])).enumerate() {
        assert!((a - b).abs() < 1e-9, "Gi* z at {i}: {a} vs esda {b}");
    }
    let l = local_moran(y, neighbours, 0, 1);
    for (i, (a, b)) in l.i.iter().zip(numbers(&expected["lisa_i"])).enumerate() {
        assert!((a - b).abs() < 1e-9, "Local Moran I at {i}: {a} vs esda {b}");
    }
    let q: Vec<u64> = l.quadrant.iter().map(|q| match q { Quadrant::HH => 1, Quadrant::LH => 2, Quadrant::LL => 3, Quadrant::HL => 4 }).collect();
    let esda_q: Vec<u64> = expected["lisa_q"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert_eq!(q, esda_q);
}

#[test]
fn queen_and_rook_equal_libpysal_on_an_exact_tessellation() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/town/areas.geojson");
    let areas = read_areas(&Input::path(file), &AreaOptions::default()).unwrap().areas;
    let r = reference();
    assert_eq!(by_code(&areas, &queen(&areas, 0.0).neighbours), r["synthton"]["queen"]);
    assert_eq!(by_code(&areas, &rook(&areas, 0.0).neighbours), r["synthton"]["rook"]);
}

#[test]
fn lattice_neighbours_gistar_and_moran_equal_esda() {
    let r = reference();
    let grid = Grid::over_box(Shape::Square, 100.0, [0.0, 0.0], [3000.0, 2000.0], None, 10_000).unwrap();
    assert_eq!(grid.len(), 600);
    let neighbours = grid.neighbours();
    let expected: Vec<Vec<usize>> = r["lattice"]["neighbours"].as_array().unwrap().iter().map(|v| v.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as usize).collect()).collect();
    assert_eq!(neighbours, expected);
    assert_stats(&numbers(&r["lattice"]["y"]), &neighbours, &r["lattice"]);
}

#[test]
fn darlington_gistar_and_moran_equal_esda() {
    let Some(real) = std::env::var_os("HOTSPOT_REAL_DATA").map(std::path::PathBuf::from).filter(|p| p.is_dir()) else {
        eprintln!("SKIPPED darlington_gistar_and_moran_equal_esda: HOTSPOT_REAL_DATA is not set");
        return;
    };
    let r = reference();
    let file = real.join("darlington/darlington_lsoa2021_E06000005.geojson");
    let areas = read_areas(&Input::Path(file), &AreaOptions::default()).unwrap().areas;
    let codes: Vec<&str> = r["darlington"]["codes"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(areas.codes, codes);
    assert_stats(&numbers(&r["darlington"]["y"]), &queen(&areas, 1.0).neighbours, &r["darlington"]);
}
