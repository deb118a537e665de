//! `hotspot cover`, `site` and `evaluate`: coverage against a brute-force distance check, the
//! greedy pick against a brute-force best single site, PAI and RRI by hand; and the real
//! Darlington run with the made-up camera file.
mod common;
use common::*;


fn within(p: (f64, f64), r: f64) -> usize {
    flytips().iter().filter(|(_, x, y)| ((x - p.0).powi(2) + (y - p.1).powi(2)).sqrt() <= r).count()
}

#[test]
fn cover_counts_equal_brute_force() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cams.csv");
    let circles = dir.path().join("circles.geojson");
    let o = hotspot(&["cover", "-i", &fixture("town/flytipping_2025.csv"), "--preset", "flytip", "--cameras", &fixture("cameras/synthton_cameras.csv"), "--radius", "150", "--csv", csv.to_str().unwrap(), "--circles", circles.to_str().unwrap()]);
    let out = ok(&o);
    // T1 has its own radius (120 m); T2 and T3 take --radius 150.
    let want = [("T1", within((382_450.0, 451_750.0), 120.0)), ("T2", within((383_850.0, 450_980.0), 150.0)), ("T3", within((384_550.0, 453_150.0), 150.0))];
    let got = column(&csv, "id", "n");
    for ((id, n), (gid, gn)) in want.iter().zip(&got) {
        assert_eq!((id.to_string(), n.to_string()), (gid.clone(), gn.clone()));
    }
    assert!(want[1].1 > 20, "T2 stands on the planted back-lane hotspot");
    let union = flytips().iter().filter(|(_, x, y)| {
        let d = |cx: f64, cy: f64| ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
        d(382_450.0, 451_750.0) <= 120.0 || d(383_850.0, 450_980.0) <= 150.0 || d(384_550.0, 453_150.0) <= 150.0
    }).count();
    assert!(out.contains(&format!("All 3 cameras together see {union} of 400 incidents")), "{out}");
    let g = geojson(&circles);
    assert_eq!(g["features"][0]["geometry"]["type"], "Polygon");
    assert_eq!(g["features"][0]["properties"]["radius_m"], 120);
}

#[test]
fn first_pick_is_the_best_single_candidate_and_cameras_count_as_covered() {
    let dir = tempfile::tempdir().unwrap();
    // Candidates: a 100 m lattice over the town; brute force finds the one covering most.
    let mut cands = String::from("id,easting,northing\n");
    let mut best = (0, String::new());
    for gx in 0..56 {
        for gy in 0..42 {
            let (x, y) = (380_000.0 + gx as f64 * 100.0, 450_000.0 + gy as f64 * 100.0);
            let id = format!("c{gx}_{gy}");
            cands.push_str(&format!("{id},{x},{y}\n"));
            let n = within((x, y), 150.0);
            if n > best.0 {
                best = (n, id);
            }
        }
    }
    std::fs::write(dir.path().join("cands.csv"), cands).unwrap();
    let csv = dir.path().join("picks.csv");
    ok(&hotspot(&["site", "-q", "-i", &fixture("town/flytipping_2025.csv"), "--preset", "flytip", "--candidates", dir.path().join("cands.csv").to_str().unwrap(), "--radius", "150", "--k", "2", "--csv", csv.to_str().unwrap()]));
    let picks = column(&csv, "pick", "id");
    assert_eq!(picks[0].1, best.1);
    assert_eq!(column(&csv, "pick", "n_new")[0].1, best.0.to_string());
    // With a camera already on that spot, the first pick must be elsewhere.
    let (gx, gy) = best.1[1..].split_once('_').unwrap();
    let cam = format!("id,easting,northing\nX,{},{}\n", 380_000 + gx.parse::<i64>().unwrap() * 100, 450_000 + gy.parse::<i64>().unwrap() * 100);
    std::fs::write(dir.path().join("cam.csv"), cam).unwrap();
    ok(&hotspot(&["site", "-q", "-i", &fixture("town/flytipping_2025.csv"), "--preset", "flytip", "--candidates", dir.path().join("cands.csv").to_str().unwrap(), "--cameras", dir.path().join("cam.csv").to_str().unwrap(), "--radius", "150", "--k", "1", "--csv", csv.to_str().unwrap()]));
    assert_ne!(column(&csv, "pick", "id")[0].1, best.1);
}

#[test]
fn patrol_list_has_street_labels_and_weights() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("patrol.csv");
    let o = hotspot(&["site", "-i", &fixture("town/police_2025.csv"), "--patrol", "--k", "3", "--weight", "violence_and_sexual_offences=2", "--csv", csv.to_str().unwrap()]);
    let out = ok(&o);
    assert!(stderr(&o).contains("walking radius: 200 m (default"), "{}", stderr(&o));
    let labels = column(&csv, "pick", "label");
    assert_eq!(labels.len(), 3);
    assert!(labels.iter().all(|(_, l)| l.starts_with("On or near")), "{labels:?}");
    let gain: f64 = column(&csv, "pick", "gain")[0].1.parse().unwrap();
    let n_new: f64 = column(&csv, "pick", "n_new")[0].1.parse().unwrap();
    assert!(gain > n_new, "violence weighs 2, so the gain exceeds the count");
    assert!(out.contains("at least 63.2% of the best possible"), "{out}");
}

#[test]
fn evaluate_pai_and_rri_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    // Study area: two 100 m squares (2 ha). Selection: the western one (1 ha), area share 0.5.
    let sq = |x0: i32| format!("[[[{x0},400000],[{},400000],[{},400100],[{x0},400100],[{x0},400000]]]", x0 + 100, x0 + 100);
    let fc = |features: Vec<String>| format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
    let f = |code: &str, x0: i32, hil: bool| format!(r#"{{"type":"Feature","properties":{{"code":"{code}","hil":{hil},"rank_force":1}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#, sq(x0));
    std::fs::write(dir.path().join("areas.geojson"), fc(vec![f("W", 400000, true), f("E", 400100, false)])).unwrap();
    // Earlier (2025-01): 2 in W, 2 in E. Later (2025-02): 3 in W, 1 in E.
    let rows = "x,y,month\n400050,400050,2025-01\n400060,400050,2025-01\n400150,400050,2025-01\n400160,400050,2025-01\n400050,400050,2025-02\n400050,400060,2025-02\n400050,400070,2025-02\n400150,400050,2025-02\n";
    std::fs::write(dir.path().join("inc.csv"), rows).unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    let o = hotspot(&["evaluate", "--selection", &p("areas.geojson"), "-i", &p("inc.csv"), "--x-col", "x", "--y-col", "y", "--date-col", "month", "--kind", "asb", "-a", &p("areas.geojson"), "--split", "2025-02"]);
    let out = ok(&o);
    // hit rate 3/4; PAI = 0.75 / 0.5 = 1.5; RRI = (3/2) / (4/4) = 1.5.
    assert!(out.contains("3 of 4 incidents in the places: hit rate 75.0%"), "{out}");
    assert!(out.contains("Predictive Accuracy Index (hit rate ÷ area share): 1.50"), "{out}");
    assert!(out.contains("Recapture Rate Index: 1.50 (earlier: 2 of 4 in the places)"), "{out}");
}

#[test]
fn darlington_cameras_cover_and_site() {
    let Some(real) = real_data("darlington_cameras_cover_and_site") else { return };
    let police = real.join("darlington/police_uk_darlington_street_2025.csv").display().to_string();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cams.csv");
    ok(&hotspot(&["cover", "-q", "-i", &police, "--kind", "asb", "--cameras", &fixture("cameras/darlington_cameras.csv"), "--csv", csv.to_str().unwrap()]));
    let n: Vec<u64> = column(&csv, "id", "n").iter().map(|r| r.1.parse().unwrap()).collect();
    assert_eq!(n.len(), 6);
    assert!(n[0] > 100, "the Market Place camera sees the town centre's ASB: {n:?}");
    let picks = dir.path().join("picks.csv");
    ok(&hotspot(&["site", "-q", "-i", &police, "--kind", "asb", "--cameras", &fixture("cameras/darlington_cameras.csv"), "--k", "3", "--csv", picks.to_str().unwrap()]));
    let gains: Vec<f64> = column(&picks, "pick", "gain").iter().map(|r| r.1.parse().unwrap()).collect();
    assert_eq!(gains.len(), 3);
    assert!(gains.windows(2).all(|w| w[0] >= w[1]), "greedy gains never rise: {gains:?}");
}
