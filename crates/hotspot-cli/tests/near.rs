//! `hotspot near`: the incidents within a radius equal a brute-force distance check.
mod common;
use common::*;


#[test]
fn equals_brute_force_distances() {
    let (cx, cy, r) = (383_850.0, 450_980.0, 150.0); // Synthton's back lane
    let mut expected: Vec<(f64, u64)> = flytips().into_iter()
        .map(|(row, x, y)| (((x - cx) * (x - cx) + (y - cy) * (y - cy)).sqrt(), row))
        .filter(|(d, _)| *d <= r)
        .collect();
    expected.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    assert!(expected.len() > 10, "the back lane is a planted hotspot");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("near.csv");
    let o = hotspot(&["near", "-i", &fixture("town/flytipping_2025.csv"), "--preset", "flytip", "--at", "383850,450980", "--radius", "150", "--csv", csv.to_str().unwrap()]);
    let out = ok(&o);
    let got: Vec<(f64, u64)> = column(&csv, "row", "distance_m").into_iter().map(|(row, d)| (d.parse().unwrap(), row.parse().unwrap())).collect();
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g.1, e.1, "same incidents in the same order");
        assert!((g.0 - e.0).abs() <= 0.05, "distance {} vs {}", g.0, e.0);
    }
    assert!(out.starts_with("distance_m  kind"), "{out}");
    assert!(stderr(&o).contains("read as EPSG:27700 (guessed from the numbers"), "{}", stderr(&o));
}

#[test]
fn lon_lat_point_and_default_radius_are_announced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("near.geojson");
    let o = hotspot(&["near", "-i", &fixture("town/police_2025.csv"), "--at=-2.2866,53.9684", "-o", out.to_str().unwrap()]);
    ok(&o);
    let err = stderr(&o);
    assert!(err.contains("read as EPSG:4326"), "{err}");
    assert!(err.contains("radius: 100 m (default"), "{err}");
    let g = geojson(&out);
    let f = g["features"].as_array().unwrap();
    assert!(!f.is_empty());
    assert_eq!(f[0]["geometry"]["type"], "Point");
    let d: Vec<f64> = f.iter().map(|x| x["properties"]["distance_m"].as_f64().unwrap()).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]) && d.iter().all(|&x| x <= 100.0), "{d:?}");
    assert!(f[0]["properties"]["location"].as_str().unwrap().starts_with("On or near"));
}

#[test]
fn nothing_within_the_radius_exits_1() {
    let o = hotspot(&["near", "-q", "-i", &fixture("town/police_2025.csv"), "--at", "300000,300000", "--radius", "50"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim(), "hotspot: no incidents within 50 m of 300000,300000");
}

#[test]
fn bad_point_is_a_usage_error() {
    let o = hotspot(&["near", "-q", "-i", &fixture("town/police_2025.csv"), "--at", "12,abc"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("both parts must be numbers"));
}
