//! Every bad input gives exit code 2, one line on stderr naming the file, the row or feature,
//! what is wrong and how to fix it, and leaves no output file.
mod common;
use common::*;

/// Runs `count` quietly into a fresh folder and checks the contract; returns the error line.
fn fails(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.geojson");
    let csv = dir.path().join("out.csv");
    let mut all = vec!["count", "-q", "-o", out.to_str().unwrap(), "--csv", csv.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = hotspot(&all);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected, got:\n{err}");
    assert!(err.starts_with("hotspot: error: "), "{err}");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none(), "an output file was left behind");
    err
}

fn town(f: &str) -> String {
    fixture(&format!("town/{f}"))
}

fn bad(f: &str) -> String {
    fixture(&format!("bad/{f}"))
}

#[test]
fn ragged_rows_name_the_row() {
    let e = fails(&["-i", &bad("ragged_long.csv"), "-a", &town("areas.geojson")]);
    assert!(e.contains("ragged_long.csv, row 3: the row has 13 fields but the header has 12; a value with a comma needs double quotes"), "{e}");
    let e = fails(&["-i", &bad("ragged_short.csv"), "-a", &town("areas.geojson")]);
    assert!(e.contains("ragged_short.csv, row 3: the row has 6 fields but the header has 12; the row is cut short"), "{e}");
}

#[test]
fn bad_coordinates_are_errors_under_strict() {
    let e = fails(&["--strict", "-i", &bad("bad_rows.csv"), "-a", &town("areas.geojson")]);
    assert!(e.contains("bad_rows.csv, row 3: unparsable coordinates (x=\"abc\""), "{e}");
    assert!(e.contains("run without --strict"), "{e}");
}

#[test]
fn bad_coordinates_are_counted_and_written_to_rejects_without_strict() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.csv");
    let summary = dir.path().join("summary.json");
    let o = hotspot(&[
        "count", "-i", &bad("bad_rows.csv"), "-a", &town("areas.geojson"), "--kind", "asb",
        "--rejects", rejects.to_str().unwrap(), "--summary", summary.to_str().unwrap(), "--csv", dir.path().join("o.csv").to_str().unwrap(),
    ]);
    ok(&o);
    let text = std::fs::read_to_string(&rejects).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "file,row,reason,detail");
    assert!(rows[1].contains(",3,unparsable_coordinates,"), "{text}");
    assert!(rows[2].contains(",4,missing_coordinates,"), "{text}");
    assert!(rows[3].contains(",5,out_of_range,"), "{text}");
    assert_eq!(rows.len(), 4, "the Drugs row is filtered, not bad: {text}");
    let s = geojson(&summary);
    assert_eq!(s["rows_read"], 5);
    assert_eq!(s["kept"], 1);
    assert_eq!(s["rejected"]["unparsable_coordinates"], 1);
    assert_eq!(s["rejected"]["missing_coordinates"], 1);
    assert_eq!(s["rejected"]["out_of_range"], 1);
    assert_eq!(s["rejected"]["filtered_kind"], 1);
    assert_eq!(s["inside"].as_u64().unwrap() + s["outside"].as_u64().unwrap(), 1);
}

#[test]
fn swapped_lat_lon_is_named() {
    let e = fails(&["-i", &bad("swapped.csv"), "-a", &town("areas.geojson")]);
    assert!(e.contains("swapped.csv, column \"Longitude\": 2 of 2 points have latitudes here and longitudes in \"Latitude\""), "{e}");
}

#[test]
fn empty_file() {
    let e = fails(&["-i", &bad("empty.csv"), "-a", &town("areas.geojson")]);
    assert!(e.contains("empty.csv: the file is empty"), "{e}");
}

#[test]
fn unrecognised_header_without_mapping() {
    let e = fails(&["-i", &bad("unknown_header.csv"), "-a", &town("areas.geojson")]);
    assert!(e.contains("unknown_header.csv: unrecognised CSV header (ref, when, where)"), "{e}");
    assert!(e.contains("--x-col"), "{e}");
}

#[test]
fn geojson_that_is_not_a_feature_collection() {
    let e = fails(&["-i", &town("police_2025.csv"), "-a", &bad("not_a_collection.geojson")]);
    assert!(e.contains("not_a_collection.geojson: a GeoJSON Feature, not a FeatureCollection"), "{e}");
}

#[test]
fn unclosed_ring_names_the_feature() {
    let e = fails(&["-i", &town("police_2025.csv"), "-a", &bad("unclosed.geojson")]);
    assert!(e.contains("unclosed.geojson, feature 2: the exterior ring is not closed"), "{e}");
}

#[test]
fn self_intersecting_polygon_names_the_feature() {
    let e = fails(&["-i", &town("police_2025.csv"), "-a", &bad("self_intersecting.geojson")]);
    assert!(e.contains("self_intersecting.geojson, feature 1: area E01900001: invalid polygon"), "{e}");
    assert!(e.contains("the exterior ring crosses itself"), "{e}");
}

#[test]
fn duplicate_area_codes() {
    let e = fails(&["-i", &town("police_2025.csv"), "-a", &bad("duplicate_codes.geojson")]);
    assert!(e.contains("duplicate_codes.geojson, feature 3: area code E01900001 is also used by feature 1"), "{e}");
}

#[test]
fn unknown_epsg_code() {
    let e = fails(&["-i", &bad("mapped_en.csv"), "--x-col", "X", "--y-col", "Y", "--crs", "999999", "--kind", "flytip", "-a", &town("areas.geojson")]);
    assert!(e.contains("EPSG:999999 is not a coordinate reference system PROJ knows"), "{e}");
}

#[test]
fn missing_files() {
    let e = fails(&["-i", "no-such-file.csv", "-a", &town("areas.geojson")]);
    assert!(e.contains("no-such-file.csv: no such file or folder"), "{e}");
    let e = fails(&["-i", &town("police_2025.csv"), "-a", "no-such-areas.geojson"]);
    assert!(e.contains("no-such-areas.geojson: No such file"), "{e}");
    let e = fails(&["-i", &town("police_2025.csv"), "-a", &town("areas.geojson"), "-p", "no-such-population.csv"]);
    assert!(e.contains("no-such-population.csv"), "{e}");
}

#[test]
fn usage_errors_exit_2() {
    let o = hotspot(&["count", "-a", &town("areas.geojson")]);
    assert_eq!(o.status.code(), Some(2));
    let e = fails(&["-i", &bad("mapped_en.csv"), "--x-col", "X", "--y-col", "Y", "-a", &town("areas.geojson")]);
    assert!(e.contains("a mapped CSV needs its kind"), "{e}");
    let e = fails(&["-i", &bad("mapped_en.csv"), "--x-col", "Easting", "--y-col", "Y", "--kind", "flytip", "-a", &town("areas.geojson")]);
    assert!(e.contains("mapped_en.csv, column \"Easting\": no such column; the header has Reference, Date, X, Y, Size"), "{e}");
}
