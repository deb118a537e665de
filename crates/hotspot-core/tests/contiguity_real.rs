//! Tolerant queen contiguity on the real Darlington 2021 LSOAs equals libpysal's
//! `fuzzy_contiguity` (scripts/reference/contiguity.py; buffer = tolerance / 2). Needs
//! HOTSPOT_REAL_DATA.
use hotspot_core::areas::{contiguity::queen, read_areas, AreaOptions};
use hotspot_core::ingest::Input;

#[test]
fn darlington_neighbours_equal_libpysal_fuzzy_contiguity() {
    let Some(real) = std::env::var_os("HOTSPOT_REAL_DATA").map(std::path::PathBuf::from).filter(|p| p.is_dir()) else {
        eprintln!("SKIPPED darlington_neighbours_equal_libpysal_fuzzy_contiguity: HOTSPOT_REAL_DATA is not set");
        return;
    };
    let file = real.join("darlington/darlington_lsoa2021_E06000005.geojson");
    let areas = read_areas(&Input::Path(file), &AreaOptions::default()).unwrap().areas;
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected/darlington_queen.json")).unwrap()).unwrap();
    for (tolerance, key) in [(1.0, "tolerance_1m"), (4.0, "tolerance_4m")] {
        let q = queen(&areas, tolerance);
        for (i, code) in areas.codes.iter().enumerate() {
            let got: Vec<&str> = q.neighbours[i].iter().map(|&j| areas.codes[j].as_str()).collect();
            let want: Vec<&str> = expected[key][code].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            assert_eq!(got, want, "{code} at {tolerance} m");
        }
        assert!(q.islands().is_empty());
    }
    assert!((queen(&areas, 1.0).mean_neighbours() - 5.58).abs() < 0.01);
}
