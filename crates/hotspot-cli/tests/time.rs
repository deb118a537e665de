//! `hotspot change`, `emerging`, `repeats`, `knox`: by hand on tiny inputs, against a brute force
//! on the synthetic town, and end to end on the real Durham 2025 files.
mod common;
use common::*;

#[test]
fn change_p_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let sq = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[400000,400000],[400100,400000],[400100,400100],[400000,400100],[400000,400000]]]}}]}"#;
    std::fs::write(dir.path().join("a.geojson"), sq).unwrap();
    // 1 incident in January, 9 from July to December: equal halves of the year.
    let mut rows = String::from("x,y,month\n400050,400050,2025-01\n");
    for m in 7..=12 {
        rows.push_str(&format!("400050,400050,2025-{m:02}\n"));
    }
    rows.push_str("400050,400050,2025-12\n400050,400050,2025-12\n400050,400050,2025-11\n");
    std::fs::write(dir.path().join("i.csv"), rows).unwrap();
    let out = dir.path().join("c.csv");
    let p = |f: &str| dir.path().join(f).display().to_string();
    ok(&hotspot(&["change", "-q", "-i", &p("i.csv"), "--x-col", "x", "--y-col", "y", "--date-col", "month", "--kind", "asb", "-a", &p("a.geojson"), "--split", "2025-07", "--csv", out.to_str().unwrap()]));
    // Binomial(10, 0.5), 9 after: p = 2 × (C(10,9) + C(10,10)) / 2^10 = 22 / 1024.
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().nth(1).unwrap(), format!("A,,1,9,8,800,{},{}", (22.0f64 / 1024.0 * 1e6).round() / 1e6, (22.0f64 / 1024.0 * 1e6).round() / 1e6));
}

#[test]
fn repeats_at_the_same_map_point_equal_a_count_of_identical_coordinates() {
    let text = std::fs::read_to_string(fixture("town/police_2025.csv")).unwrap();
    let mut by: std::collections::HashMap<(String, String), usize> = Default::default();
    for l in text.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if !f[4].is_empty() {
            *by.entry((f[4].to_string(), f[5].to_string())).or_default() += 1;
        }
    }
    let repeats = by.values().filter(|&&n| n >= 2).count();
    let biggest = *by.values().max().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("r.csv");
    let o = hotspot(&["repeats", "-i", &fixture("town/police_2025.csv"), "--csv", csv.to_str().unwrap()]);
    let out = ok(&o);
    let n = column(&csv, "rank", "n");
    assert_eq!(n.len(), repeats);
    assert_eq!(n[0].1, biggest.to_string());
    assert!(out.contains("not necessarily one address"), "{out}");
}

#[test]
fn durham_year_runs_through_all_four() {
    let Some(real) = real_data("durham_year_runs_through_all_four") else { return };
    let police = real.join("county_durham/police_uk_durham_2025").display().to_string();
    let areas = real.join("darlington/darlington_lsoa2021_E06000005.geojson").display().to_string();
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).display().to_string();
    let o = hotspot(&["emerging", "-i", &police, "--kind", "asb", "-a", &areas, "--csv", &p("e.csv")]);
    let out = ok(&o);
    assert!(stderr(&o).contains("period: month (12 periods, 2025-01 to 2025-12"), "{}", stderr(&o));
    assert!(out.contains("persistent hot spot"), "{out}");
    let e = column(&dir.path().join("e.csv"), "code", "category");
    assert_eq!(e.len(), 66);
    assert_eq!(e.iter().find(|r| r.0 == "E01035187").unwrap().1, "persistent hot spot", "the town centre");
    ok(&hotspot(&["change", "-q", "-i", &police, "--kind", "asb", "-a", &areas, "--csv", &p("c.csv")]));
    let before: u64 = column(&dir.path().join("c.csv"), "code", "n_before").iter().map(|r| r.1.parse::<u64>().unwrap()).sum();
    let after: u64 = column(&dir.path().join("c.csv"), "code", "n_after").iter().map(|r| r.1.parse::<u64>().unwrap()).sum();
    assert_eq!(before + after, 3_169, "every Darlington ASB incident of 2025");
    ok(&hotspot(&["repeats", "-q", "-i", &police, "--within", "50", "--min", "20", "--csv", &p("r.csv")]));
    assert!(column(&dir.path().join("r.csv"), "rank", "n").len() > 10);
    let out = ok(&hotspot(&["knox", "-q", "-i", &police, "--kind", "burglary", "--permutations", "99", "--csv", &p("k.csv")]));
    assert!(out.contains("Knox test, 2,709 incidents"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.path().join("k.csv")).unwrap().lines().count(), 17);
}
