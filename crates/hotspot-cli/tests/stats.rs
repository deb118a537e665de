//! `hotspot gistar`, `lisa` and `kde`: agreement with esda on the real Darlington LSOAs through
//! the command, grids on the synthetic town (planted hotspot, brute-force cell counts, density),
//! announced defaults and bad options.
mod common;
use common::*;

fn features(path: &std::path::Path) -> Vec<serde_json::Value> {
    geojson(path)["features"].as_array().unwrap().iter().map(|f| f["properties"].clone()).collect()
}

#[test]
fn darlington_gistar_and_lisa_equal_esda_through_the_command() {
    let Some(real) = real_data("darlington_gistar_and_lisa_equal_esda_through_the_command") else { return };
    let d = real.join("darlington");
    let p = |f: &str| d.join(f).display().to_string();
    let reference: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(repo().join("crates/hotspot-core/tests/expected/esda_reference.json")).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (gi, li) = (dir.path().join("gi.geojson"), dir.path().join("li.geojson"));
    ok(&hotspot(&["gistar", "-q", "-i", &p("police_uk_darlington_street_2025.csv"), "--kind", "asb", "-a", &p("darlington_lsoa2021_E06000005.geojson"), "-o", gi.to_str().unwrap()]));
    ok(&hotspot(&["lisa", "-q", "-i", &p("police_uk_darlington_street_2025.csv"), "--kind", "asb", "-a", &p("darlington_lsoa2021_E06000005.geojson"), "--permutations", "99", "-o", li.to_str().unwrap()]));
    let (g, l) = (features(&gi), features(&li));
    let codes = reference["darlington"]["codes"].as_array().unwrap();
    for (i, code) in codes.iter().enumerate() {
        assert_eq!(g[i]["code"], *code);
        let close = |a: &serde_json::Value, b: &serde_json::Value| (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-6;
        assert!(close(&g[i]["gistar_z"], &reference["darlington"]["gistar_z"][i]), "{code}: {} vs {}", g[i]["gistar_z"], reference["darlington"]["gistar_z"][i]);
        assert!(close(&l[i]["lisa_i"], &reference["darlington"]["lisa_i"][i]), "{code}");
        assert_eq!(g[i]["n"], reference["darlington"]["y"][i].as_f64().unwrap() as u64);
    }
}

#[test]
fn grid_gistar_finds_the_planted_hotspot_and_counts_by_brute_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gi.geojson");
    let o = hotspot(&["gistar", "-i", &fixture("town/flytipping_2025.csv"), "--preset", "flytip", "--grid", "rect", "--cell-size", "200", "-o", out.to_str().unwrap()]);
    let text = ok(&o);
    let f = features(&out);
    let total: u64 = f.iter().map(|p| p["n"].as_u64().unwrap()).sum();
    assert_eq!(total, 400, "every fly-tip in one cell");
    let best = f.iter().max_by(|a, b| a["gistar_z"].as_f64().unwrap().total_cmp(&b["gistar_z"].as_f64().unwrap())).unwrap();
    assert_eq!(best["gi_bin"], 3);
    // The planted back lane is around (383850, 450980): the top cell's polygon holds it.
    let g = geojson(&out);
    let top = g["features"].as_array().unwrap().iter().find(|x| x["properties"]["cell"] == best["cell"]).unwrap();
    let ring: Vec<(f64, f64)> = top["geometry"]["coordinates"][0].as_array().unwrap().iter().map(|c| (c[0].as_f64().unwrap(), c[1].as_f64().unwrap())).collect();
    let (lon, lat) = (-2.2366, 53.9618); // the back lane, about
    let (min_x, max_x) = (ring.iter().map(|c| c.0).fold(f64::MAX, f64::min), ring.iter().map(|c| c.0).fold(f64::MIN, f64::max));
    let (min_y, max_y) = (ring.iter().map(|c| c.1).fold(f64::MAX, f64::min), ring.iter().map(|c| c.1).fold(f64::MIN, f64::max));
    assert!((min_x - 0.01..max_x + 0.01).contains(&lon) && (min_y - 0.01..max_y + 0.01).contains(&lat), "{ring:?}");
    assert!(text.contains("hot spots"), "{text}");
}

#[test]
fn kde_announces_its_bandwidth_and_peaks_at_the_town_centre() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kde.geojson");
    let o = hotspot(&["kde", "-i", &fixture("town/police_2025.csv"), "--kind", "asb", "--grid", "hex", "-o", out.to_str().unwrap()]);
    ok(&o);
    let err = stderr(&o);
    assert!(err.contains("cell size: ") && err.contains("bandwidth: "), "{err}");
    let f = features(&out);
    let best = f.iter().max_by(|a, b| a["kde"].as_f64().unwrap().total_cmp(&b["kde"].as_f64().unwrap())).unwrap();
    let n: u64 = f.iter().map(|p| p["n"].as_u64().unwrap()).sum();
    assert!(n >= 3_100, "{n}");
    // The town-centre cluster (900 ASB) is far denser than anywhere else.
    assert!(best["kde"].as_f64().unwrap() > 500.0, "{best}");
}

#[test]
fn bad_stats_options() {
    let cases: [(&[&str], &str); 4] = [
        (&["gistar", "--grid", "tri"], "--grid tri: use rect or hex"),
        (&["kde", "--grid", "rect", "--cell-size", "1", "--max-cells", "1000"], "raise --max-cells"),
        (&["gistar"], "give --areas FILE or --grid rect|hex"),
        (&["gistar", "-a", "x.geojson", "--grid", "rect"], "cannot be used with"),
    ];
    let police = fixture("town/police_2025.csv");
    for (args, message) in cases {
        let mut all = args.to_vec();
        all.extend(["-q", "-i", &police]);
        let tmp: Vec<String> = all.iter().map(|s| s.to_string()).collect();
        let o = hotspot(&tmp.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
}
