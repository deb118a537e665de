//! `hotspot demo`: runs on the embedded town and finds the planted hotspot.
mod common;
use common::*;

#[test]
fn demo_writes_geojson_and_ranks_the_town_centre_first() {
    let dir = tempfile::tempdir().unwrap();
    let o = hotspot_in(Some(dir.path()), &["demo"]);
    let out = ok(&o);
    let lines: Vec<&str> = out.lines().collect();
    // The planted town-centre cluster (900 ASB around Synthton 005D) tops the table.
    let first = lines.iter().find(|l| l.starts_with("1 ")).unwrap();
    assert!(first.contains("E01900020") && first.contains("Synthton 005D"), "{out}");
    let err = stderr(&o);
    assert!(err.contains("output: synthton_counts.geojson (default"), "{err}");
    assert!(err.contains("fire_2025.csv (lfb-fire, EPSG:27700): 220 rows"), "{err}");
    assert!(err.contains("rejected 4 missing_coordinates"), "{err}");
    let g = geojson(&dir.path().join("synthton_counts.geojson"));
    assert_eq!(g["features"].as_array().unwrap().len(), 48);
}
