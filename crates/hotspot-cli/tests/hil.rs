//! `hotspot hil`: every formula against hand-computed values on a four-area town, the recipe
//! file, the printed plan table and sentences; and the real Darlington run.
mod common;
use common::*;
use std::path::Path;

/// Four 100 m squares on the National Grid in two localities: Alpha 001A | Alpha 001B, a gap,
/// Beta 001A | Beta 001B. Residents 1000, 500, 2000, 500.
/// ASB 10, 10, 10, 0; fires 0, 1, 2, 1; IMD rank 100, 300, 200, 400 (1 = most deprived).
fn town(dir: &Path) {
    let sq = |x0: i32| format!("[[[{x0},400000],[{},400000],[{},400100],[{x0},400100],[{x0},400000]]]", x0 + 100, x0 + 100);
    let feature = |code: &str, name: &str, x0: i32| format!(r#"{{"type":"Feature","properties":{{"code":"{code}","name":"{name}"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#, sq(x0));
    let areas = [feature("A1", "Alpha 001A", 400000), feature("A2", "Alpha 001B", 400100), feature("B1", "Beta 001A", 400300), feature("B2", "Beta 001B", 400400)];
    std::fs::write(dir.join("areas.geojson"), format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, areas.join(","))).unwrap();
    std::fs::write(dir.join("population.csv"), "code,population\nA1,1000\nA2,500\nB1,2000\nB2,500\n").unwrap();
    std::fs::write(dir.join("imd.csv"), "code,IMD Rank (where 1 is most deprived)\nA1,100\nA2,300\nB1,200\nB2,400\n").unwrap();
    std::fs::write(dir.join("names.csv"), "code,local_name\nA2,Market Square\n").unwrap();
    let mut rows = String::from("x,y,type\n");
    for (x0, asb, fire) in [(400000, 10, 0), (400100, 10, 1), (400300, 10, 2), (400400, 0, 1)] {
        for k in 0..asb {
            rows.push_str(&format!("{},400050,ASB\n", x0 + 5 + k * 9));
        }
        for k in 0..fire {
            rows.push_str(&format!("{},400020,fire\n", x0 + 10 + k * 20));
        }
    }
    std::fs::write(dir.join("incidents.csv"), rows).unwrap();
}

fn base_args(dir: &Path) -> Vec<String> {
    let p = |f: &str| dir.join(f).display().to_string();
    ["hil", "-i", &p("incidents.csv"), "--x-col", "x", "--y-col", "y", "--kind-col", "type", "-a", &p("areas.geojson"), "-p", &p("population.csv")]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn run(args: Vec<String>) -> std::process::Output {
    hotspot(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

fn close(v: &serde_json::Value, want: f64) -> bool {
    (v.as_f64().unwrap() - want).abs() < 0.006
}

#[test]
fn every_formula_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    town(dir.path());
    let out = dir.path().join("hil.geojson");
    let mut args = base_args(dir.path());
    let p = |f: &str| dir.path().join(f).display().to_string();
    args.extend([
        "--kind", "asb", "--kind", "fire", "--weight", "asb=2", "--indicator", &format!("imd={}:IMD Rank", p("imd.csv")),
        "--names", &p("names.csv"), "--top", "2", "-o", out.to_str().unwrap(),
    ].map(String::from));
    let o = run(args);
    let stdout = ok(&o);
    let f: Vec<serde_json::Value> = geojson(&out)["features"].as_array().unwrap().iter().map(|f| f["properties"].clone()).collect();
    // Sorted by rank: A2, A1, B1, B2.
    let codes: Vec<&str> = f.iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["A2", "A1", "B1", "B2"]);
    let (a2, a1, b1, b2) = (&f[0], &f[1], &f[2], &f[3]);
    // ASB: study rate 30 / 4000 × 1000 = 7.5; rates 10, 20, 5, 0 → index 133.33, 266.67, 66.67, 0.
    assert!(close(&a1["rate_asb"], 10.0) && close(&a2["rate_asb"], 20.0) && close(&b1["rate_asb"], 5.0) && close(&b2["rate_asb"], 0.0));
    assert!(close(&a1["index_asb"], 133.33) && close(&a2["index_asb"], 266.67) && close(&b1["index_asb"], 66.67) && close(&b2["index_asb"], 0.0));
    // Fire: study rate 4 / 4000 × 1000 = 1; rates 0, 2, 1, 2 → index 0, 200, 100, 200.
    assert!(close(&a1["index_fire"], 0.0) && close(&a2["index_fire"], 200.0) && close(&b1["index_fire"], 100.0) && close(&b2["index_fire"], 200.0));
    // IMD rank inverted to 401 − rank: 301, 101, 201, 1; mean 151 → 199.34, 66.89, 133.11, 0.66.
    assert!(close(&a1["index_imd"], 199.34) && close(&a2["index_imd"], 66.89) && close(&b1["index_imd"], 133.11) && close(&b2["index_imd"], 0.66));
    // Score = (2·asb + fire + imd) / 4.
    assert!(close(&a2["score"], 200.055) && close(&a1["score"], 116.50) && close(&b1["score"], 91.61) && close(&b2["score"], 50.17), "{a2} {a1} {b1} {b2}");
    assert_eq!([&a2["rank_force"], &a1["rank_force"], &b1["rank_force"], &b2["rank_force"]], [1, 2, 3, 4]);
    assert_eq!([&a2["rank_locality"], &a1["rank_locality"], &b1["rank_locality"], &b2["rank_locality"]], [1, 2, 1, 2]);
    assert_eq!([&a2["hil"], &a1["hil"], &b1["hil"], &b2["hil"]], [true, true, false, false]);
    assert_eq!([&a2["group"], &a1["group"]], [1, 1]);
    assert!(b1["group"].is_null());
    assert_eq!(a2["local_name"], "Market Square");
    assert_eq!(a2["locality"], "Alpha");
    // HILs: 1,500 of 4,000 residents (37.5%); 20 of 30 ASB (66.7%, 1.8 times); 1 of 4 fires (25.0%).
    assert!(stdout.contains("HILs (2 areas) are 37.5% of the population (1,500 of 4,000 residents) and generate 66.7% of asb (20 of 30; 1.8 times their share), 25.0% of fire (1 of 4; 0.7 times their share)"), "{stdout}");
    assert!(stdout.contains("group 1: A2 (1st), A1 (2nd) adjoin"), "{stdout}");
    let first = stdout.lines().nth(1).unwrap();
    assert!(first.starts_with("*    1st") && first.contains("A2") && first.contains("'Market Square'") && first.contains("200.1"), "{stdout}");
}

#[test]
fn threshold_default_min_population_and_recipe_file() {
    let dir = tempfile::tempdir().unwrap();
    town(dir.path());
    let p = |f: &str| dir.path().join(f).display().to_string();
    // ASB only: indices 133.33, 266.67, 66.67, 0; the default threshold 200 picks A2 alone.
    let mut args = base_args(dir.path());
    args.extend(["--kind", "asb", "--csv", dir.path().join("a.csv").to_str().unwrap()].map(String::from));
    let o = run(args);
    ok(&o);
    assert!(stderr(&o).contains("HILs: areas scoring 200 or more"), "{}", stderr(&o));
    let hil = column(&dir.path().join("a.csv"), "code", "hil");
    assert_eq!(hil, [("A2", "true"), ("A1", "false"), ("B1", "false"), ("B2", "false")].map(|(a, b)| (a.to_string(), b.to_string())));
    // --min-population 600 leaves A2 and B2 (500 residents) unranked: A1 is then first.
    std::fs::write(dir.path().join("recipe.toml"), "top = 1\nmin_population = 600\n[domains]\nasb = 1\n").unwrap();
    let mut args = base_args(dir.path());
    args.extend(["--config", dir.path().join("recipe.toml").to_str().unwrap(), "--csv", dir.path().join("b.csv").to_str().unwrap()].map(String::from));
    ok(&run(args));
    let rank = column(&dir.path().join("b.csv"), "code", "rank_force");
    assert_eq!(rank, [("A1", "1"), ("B1", "2"), ("A2", ""), ("B2", "")].map(|(a, b)| (a.to_string(), b.to_string())));
    // Per hectare (each square is exactly 1 ha) and per area (none): counts 10, 10, 10, 0 against
    // a mean of 7.5 → 133.33, 133.33, 133.33, 0.
    for denominator in ["hectares", "none"] {
        let out = dir.path().join(format!("{denominator}.csv"));
        let mut args = base_args(dir.path());
        args.extend(["--kind", "asb", "--top", "1", "--denominator", denominator, "-q", "--csv", out.to_str().unwrap()].map(String::from));
        ok(&run(args));
        let index: Vec<(String, String)> = column(&out, "code", "index_asb");
        assert_eq!(index, [("A1", "133.33"), ("A2", "133.33"), ("B1", "133.33"), ("B2", "0")].map(|(a, b)| (a.to_string(), b.to_string())), "{denominator}");
        assert_eq!(column(&out, "code", "rank_force")[..3].iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["1", "1", "1"], "ties share rank 1");
    }
    // Empirical Bayes: A1's 10 per 1,000 becomes 9.4 (see rank::hil's unit test for the sums).
    let mut args = base_args(dir.path());
    args.extend(["--kind", "asb", "--smooth", "--top", "1", "--csv", dir.path().join("eb.csv").to_str().unwrap()].map(String::from));
    let o = run(args);
    ok(&o);
    assert!(stderr(&o).contains("empirical Bayes"));
    let a1 = column(&dir.path().join("eb.csv"), "code", "rate_asb").into_iter().find(|r| r.0 == "A1").unwrap().1;
    assert_eq!(a1, "9.4");
    // Localities from a lookup: A1 and B1 in one authority, A2 and B2 in another.
    std::fs::write(dir.path().join("lad.csv"), "LSOA21CD,LAD22NM\nA1,North\nB1,North\nA2,South\nB2,South\n").unwrap();
    let mut args = base_args(dir.path());
    args.extend(["--kind", "asb", "--top", "1", "-q", "--localities", &p("lad.csv"), "--csv", &p("loc.csv")].map(String::from));
    ok(&run(args));
    // ASB index: A1 133.33, A2 266.67, B1 66.67, B2 0 → North: A1 1st, B1 2nd; South: A2 1st, B2 2nd.
    let loc = column(&dir.path().join("loc.csv"), "code", "rank_locality");
    assert_eq!(loc, [("A2", "1"), ("A1", "1"), ("B1", "2"), ("B2", "2")].map(|(a, b)| (a.to_string(), b.to_string())));
    // A threshold nobody reaches: exit 1, nothing found.
    let mut args = base_args(dir.path());
    args.extend(["--kind", "asb", "--threshold", "1000", "-q"].map(String::from));
    assert_eq!(run(args).status.code(), Some(1));
}

#[test]
fn darlington_plan_table_from_real_files() {
    let Some(real) = real_data("darlington_plan_table_from_real_files") else { return };
    let d = real.join("darlington");
    let p = |f: &str| d.join(f).display().to_string();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("hil.csv");
    let o = hotspot(&[
        "hil", "-i", &p("police_uk_darlington_street_2025.csv"), "-a", &p("darlington_lsoa2021_E06000005.geojson"),
        "-p", &p("census2021_population_lsoa2021_darlington.csv"), "--kind", "asb",
        "--indicator", &format!("imd={}:Index of Multiple Deprivation (IMD) Rank", p("imd2019_domains_lsoa2011_darlington.csv")),
        "--weight", "imd=0", "--lookup", &p("lsoa2011_to_lsoa2021_darlington.csv"),
        "--lookup-population", &p("imd2019_population_denominators_mid2015_lsoa2011_darlington.csv"),
        "--names", &p("local_names.csv"), "--top", "4", "--csv", csv.to_str().unwrap(),
    ]);
    let out = ok(&o);
    // The plan's Central South (today inside 016H) and North Road South lead on ASB alone.
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[1].contains("E01035187") && lines[1].contains("'Central South'"), "{out}");
    assert!(lines[2].contains("E01012349") && lines[2].contains("'North Road South'"), "{out}");
    assert!(out.contains("HILs (4 areas) are 6.4% of the population"), "{out}");
    assert!(out.contains("27.5% of asb (872 of 3,169"), "{out}");
    // IMD carried through the lookup, computed here independently: 016H is the merge of 2011's
    // E01033483 and E01033484, weighted by their mid-2015 populations.
    let field = |file: &str, code: &str| -> f64 {
        let mut r = csv::Reader::from_path(d.join(file)).unwrap();
        let rec = r.records().map(|r| r.unwrap()).find(|r| &r[0] == code).unwrap();
        rec[4].replace(',', "").parse().unwrap()
    };
    let imd = |code: &str| field("imd2019_domains_lsoa2011_darlington.csv", code);
    let pop = |code: &str| field("imd2019_population_denominators_mid2015_lsoa2011_darlington.csv", code);
    let merged = (imd("E01033483") * pop("E01033483") + imd("E01033484") * pop("E01033484")) / (pop("E01033483") + pop("E01033484"));
    let text = std::fs::read_to_string(d.join("imd2019_domains_lsoa2011_darlington.csv")).unwrap();
    let ranks: Vec<f64> = text.lines().skip(1).map(|l| l.split(',').nth(4).unwrap().parse().unwrap()).collect();
    // Values per 2021 area: 61 unchanged, 2 × 2 split parts (parent's value), 1 merged.
    let split = |code: &str| imd(code);
    let mut per_area: Vec<f64> = ranks.clone();
    for retired in ["E01012316", "E01012343", "E01033483", "E01033484"] {
        let i = per_area.iter().position(|v| *v == imd(retired)).unwrap();
        per_area.remove(i);
    }
    per_area.extend([split("E01012316"), split("E01012316"), split("E01012343"), split("E01012343"), merged]);
    let max = per_area.iter().cloned().fold(f64::MIN, f64::max);
    let mean = per_area.iter().map(|v| max + 1.0 - v).sum::<f64>() / per_area.len() as f64;
    let want = (max + 1.0 - merged) / mean * 100.0;
    let got: f64 = column(&csv, "code", "index_imd").into_iter().find(|(c, _)| c == "E01035187").unwrap().1.parse().unwrap();
    assert!((got - want).abs() < 0.006, "{got} vs {want}");
}

#[test]
fn bad_recipes_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    town(dir.path());
    let p = |f: &str| dir.path().join(f).display().to_string();
    let cases: [(&[&str], &str); 5] = [
        (&["--kind", "asb", "--indicator", &format!("{}:Nope", p("imd.csv"))], "imd.csv, column \"Nope\": no such column"),
        (&["--kind", "asb", "--indicator", &p("imd.csv")], "write [NAME=]FILE:COLUMN[:WEIGHT]"),
        (&["--kind", "asb", "--weight", "asb=much"], "--weight asb=much: the weight must be a number"),
        (&["--kind", "drugs"], "no incidents of kind drugs"),
        (&["--kind", "asb", "--denominator", "acres"], "--denominator acres: use residents, hectares or none"),
    ];
    for (extra, message) in cases {
        let mut args = base_args(dir.path());
        args.extend(extra.iter().map(|s| s.to_string()));
        args.extend(["-q", "-o", &p("out.geojson")].map(String::from));
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(message), "{extra:?}: {err}");
        assert!(!dir.path().join("out.geojson").exists());
    }
    std::fs::write(dir.path().join("bad.toml"), "tpo = 3\n").unwrap();
    let mut args = base_args(dir.path());
    args.extend(["-q", "--config", &p("bad.toml")].map(String::from));
    let err = stderr(&run(args));
    assert!(err.contains("bad.toml: not a valid recipe: unknown field `tpo`"), "{err}");
}
