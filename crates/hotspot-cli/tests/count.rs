//! `hotspot count`: hand-computed counts and rates, the field contract, RFC 7946 output,
//! accounting, many files at once, presets, and agreement with geopandas on Synthton.
mod common;
use common::*;
use std::path::Path;

/// Two 100 m squares on the British National Grid, E1 (west) and E2 (east), sharing the edge
/// x = 400100. Population 500 and 250.
fn tiny(dir: &Path) {
    let square = |x0: i32| format!("[[[{x0},400000],[{},400000],[{},400100],[{x0},400100],[{x0},400000]]]", x0 + 100, x0 + 100);
    let areas = format!(
        r#"{{"type":"FeatureCollection","features":[
{{"type":"Feature","properties":{{"code":"E2","name":"Tiny 001B"}},"geometry":{{"type":"Polygon","coordinates":{}}}}},
{{"type":"Feature","properties":{{"code":"E1","name":"Tiny 001A"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}]}}"#,
        square(400100),
        square(400000)
    );
    std::fs::write(dir.join("areas.geojson"), areas).unwrap();
    std::fs::write(dir.join("population.csv"), "code,population\nE1,500\nE2,250\nE9,100\n").unwrap();
    std::fs::write(
        dir.join("incidents.csv"),
        "X,Y,Type,Date\n\
         400050,400050,ASB,10/01/2025\n\
         400010,400090,ASB,01/02/2025\n\
         400100,400050,ASB,03/02/2025\n\
         400150,400050,Fire,15/01/2025\n\
         400150,400020,ASB,20/01/2025\n\
         401000,401000,ASB,21/01/2025\n",
    )
    .unwrap();
}

fn tiny_args<'a>(dir: &'a Path, extra: &[&'a str]) -> Vec<String> {
    let p = |f: &str| dir.join(f).display().to_string();
    let mut v: Vec<String> = ["count", "-i", &p("incidents.csv"), "--x-col", "X", "--y-col", "Y", "--kind-col", "Type", "--date-col", "Date", "-a", &p("areas.geojson"), "-p", &p("population.csv")]
        .iter()
        .map(|s| s.to_string())
        .collect();
    v.extend(extra.iter().map(|s| s.to_string()));
    v
}

fn run(args: &[String]) -> std::process::Output {
    hotspot(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn counts_and_rates_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    tiny(dir.path());
    let out = dir.path().join("out.geojson");
    let o = run(&tiny_args(dir.path(), &["-o", out.to_str().unwrap(), "--by-month"]));
    ok(&o);
    let g = geojson(&out);
    let f = g["features"].as_array().unwrap();
    assert_eq!(f.len(), 2);
    let (e1, e2) = (&f[0]["properties"], &f[1]["properties"]);
    // E1: (400050,400050), (400010,400090) and the shared-edge point (400100,400050), which goes
    // to the code that sorts first. E2: one ASB, one fire. (401000,401000) is outside.
    assert_eq!(e1["code"], "E1");
    assert_eq!(e1["name"], "Tiny 001A");
    assert_eq!(e1["locality"], "Tiny");
    assert_eq!(e1["local_name"], serde_json::Value::Null);
    assert_eq!(e1["population"], 500);
    assert_eq!((e1["n_asb"].as_u64(), e1["n_fire"].as_u64()), (Some(3), Some(0)));
    assert_eq!(e1["rate_asb"].as_f64(), Some(6.0)); // 3 / 500 × 1000
    assert_eq!((e2["n_asb"].as_u64(), e2["n_fire"].as_u64()), (Some(1), Some(1)));
    assert_eq!(e2["rate_asb"].as_f64(), Some(4.0)); // 1 / 250 × 1000
    assert_eq!(e1["n_asb_2025_01"], 1);
    assert_eq!(e1["n_asb_2025_02"], 2);
    assert_eq!(e2["n_fire_2025_01"], 1);
    let keys: Vec<&String> = e1.as_object().unwrap().keys().collect();
    assert_eq!(&keys[..9], ["code", "name", "locality", "local_name", "population", "n_asb", "n_fire", "rate_asb", "rate_fire"]);
    let err = stderr(&o);
    assert!(err.contains("6 rows, 6 kept"), "{err}");
    assert!(err.contains("5 inside an area, 1 outside every area"), "{err}");
    assert!(err.contains("1 population codes match no area (ignored): E9"), "{err}");
    assert!(err.contains("coordinates read as EPSG:27700 (guessed from their magnitudes"), "{err}");
}

/// Signed area by the shoelace formula: positive for counter-clockwise rings.
fn signed_area(ring: &[serde_json::Value]) -> f64 {
    ring.windows(2).map(|w| w[0][0].as_f64().unwrap() * w[1][1].as_f64().unwrap() - w[1][0].as_f64().unwrap() * w[0][1].as_f64().unwrap()).sum::<f64>() / 2.0
}

#[test]
fn geojson_follows_rfc_7946_and_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.geojson"), dir.path().join("b.geojson"));
    for out in [&a, &b] {
        ok(&hotspot(&["count", "-q", "-i", &fixture("town/police_2025.csv"), "-a", &fixture("town/areas.geojson"), "-o", out.to_str().unwrap()]));
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "same input, same bytes");
    let g = geojson(&a);
    assert!(g.get("crs").is_none(), "RFC 7946 has no crs member");
    for f in g["features"].as_array().unwrap() {
        let ring = f["geometry"]["coordinates"][0].as_array().unwrap();
        assert!(signed_area(ring) > 0.0, "exterior ring must be counter-clockwise");
        assert_eq!(ring.first(), ring.last(), "ring closed");
        for c in ring {
            for v in c.as_array().unwrap() {
                let text = v.to_string();
                let decimals = text.split('.').nth(1).map_or(0, str::len);
                assert!(decimals <= 6, "{text} has more than 6 decimals");
            }
            let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
            assert!((-3.0..-1.0).contains(&lon) && (53.0..55.0).contains(&lat), "lon/lat order");
        }
    }
}

#[test]
fn synthton_counts_equal_geopandas() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    ok(&hotspot(&[
        "count", "-q", "-i", &fixture("town/police_2025.csv"), "-i", &fixture("town/flytipping_2025.csv"), "--preset", "flytip",
        "-a", &fixture("town/areas.geojson"), "--csv", csv.to_str().unwrap(),
    ]));
    for (file, col) in [("synthton_asb_2025.csv", "n_asb"), ("synthton_flytip_2025.csv", "n_flytip")] {
        assert_eq!(column(&csv, "code", col), column(&expected(file), "code", col), "{col}");
    }
}

#[test]
fn folders_and_patterns_take_every_monthly_file() {
    let dir = tempfile::tempdir().unwrap();
    let monthly = dir.path().join("police");
    std::fs::create_dir(&monthly).unwrap();
    for m in ["2025-01", "2025-02"] {
        std::fs::copy(fixture("town/police_2025.csv"), monthly.join(format!("{m}-synth-street.csv"))).unwrap();
    }
    std::fs::write(monthly.join("notes.txt"), "not data").unwrap();
    let pattern = format!("{}/2025-*-synth-street.csv", monthly.display());
    let total = |input: &str| {
        let o = hotspot(&["count", "-i", input, "-a", &fixture("town/areas.geojson"), "--kind", "asb"]);
        let (h, rows) = {
            let text = ok(&o);
            let mut l = text.lines().map(|l| l.split(',').map(String::from).collect::<Vec<_>>());
            (l.next().unwrap(), l.collect::<Vec<_>>())
        };
        let i = h.iter().position(|c| c == "n_asb").unwrap();
        (rows.iter().map(|r| r[i].parse::<u64>().unwrap()).sum::<u64>(), stderr(&o))
    };
    let (single, _) = total(&fixture("town/police_2025.csv"));
    let (folder, err) = total(monthly.to_str().unwrap());
    assert_eq!(folder, 2 * single);
    assert!(err.contains("in 2 files"), "{err}");
    assert_eq!(total(&pattern).0, 2 * single);
}

#[test]
fn output_to_stdout() {
    let o = hotspot(&["count", "-q", "-i", &fixture("town/police_2025.csv"), "-a", &fixture("town/areas.geojson"), "-o", "-"]);
    let g: serde_json::Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    assert_eq!(g["features"].as_array().unwrap().len(), 48);
}

#[test]
fn fire_preset_and_geojson_points() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("s.json");
    ok(&hotspot(&["count", "-q", "-i", &fixture("town/fire_2025.csv"), "-a", &fixture("town/areas.geojson"), "--summary", summary.to_str().unwrap(), "--csv", dir.path().join("o.csv").to_str().unwrap()]));
    let s = geojson(&summary);
    // Synthton's fire file: 220 rows, of which 25 are primary fires (not the preset's kind).
    let fire = std::fs::read_to_string(fixture("town/fire_2025.csv")).unwrap();
    let secondary = fire.lines().filter(|l| l.contains(",Secondary Fire,")).count() as u64;
    assert_eq!(s["files"][0]["format"], "lfb-fire");
    assert_eq!(s["kept"].as_u64().unwrap(), secondary);
    assert_eq!(s["rejected"]["filtered_kind"].as_u64().unwrap(), 220 - secondary);

    let points = dir.path().join("p.geojson");
    std::fs::write(&points, r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[383700,451200]},"properties":{"kind":"Fly-tipping"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[383710,451210]},"properties":{}},
      {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"properties":{}}]}"#).unwrap();
    let o = hotspot(&["count", "-i", points.to_str().unwrap(), "-a", &fixture("town/areas.geojson"), "--kind", "flytip"]);
    let out = ok(&o);
    let err = stderr(&o);
    assert!(err.contains("3 rows, 2 kept; rejected 1 not_a_point"), "{err}");
    assert!(err.contains("EPSG:27700 (guessed"), "{err}");
    assert!(out.lines().next().unwrap().ends_with("n_flytip,rate_flytip"), "{out}");
}

#[test]
fn quiet_says_nothing() {
    let o = hotspot(&["count", "-q", "-i", &fixture("town/police_2025.csv"), "-a", &fixture("town/areas.geojson"), "-o", "-"]);
    ok(&o);
    assert_eq!(stderr(&o), "");
}

#[test]
fn help_has_an_example() {
    for cmd in ["count", "near", "demo", "hil", "cover", "site", "evaluate", "gistar", "lisa", "kde", "change", "emerging", "repeats", "knox"] {
        let text = ok(&hotspot(&[cmd, "--help"]));
        assert!(text.contains("Example"), "{cmd} --help has no example");
    }
}

#[test]
fn any_epsg_code_web_mercator_gives_the_same_counts() {
    // Synthton's police points, re-expressed in EPSG:3857 by the spherical Mercator formulas
    // (x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6378137), must land in the same areas.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("town/police_2025.csv")).unwrap();
    let mut mercator = String::from("x,y,type\n");
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (Ok(lon), Ok(lat)) = (f[4].parse::<f64>(), f[5].parse::<f64>()) else { continue };
        let r = 6_378_137.0;
        let (x, y) = (r * lon.to_radians(), r * (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0).tan().ln());
        mercator.push_str(&format!("{x:.3},{y:.3},{}\n", f[9]));
    }
    std::fs::write(dir.path().join("m.csv"), mercator).unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    ok(&hotspot(&["count", "-q", "-i", &fixture("town/police_2025.csv"), "-a", &fixture("town/areas.geojson"), "--csv", a.to_str().unwrap()]));
    let m = dir.path().join("m.csv");
    ok(&hotspot(&["count", "-q", "-i", m.to_str().unwrap(), "--x-col", "x", "--y-col", "y", "--crs", "3857", "--kind-col", "type", "-a", &fixture("town/areas.geojson"), "--csv", b.to_str().unwrap()]));
    for col in ["n_asb", "n_violence_and_sexual_offences", "n_criminal_damage_and_arson"] {
        assert_eq!(column(&a, "code", col), column(&b, "code", col), "{col}");
    }
}

#[test]
fn named_area_fields_and_population_columns() {
    let dir = tempfile::tempdir().unwrap();
    tiny(dir.path());
    let text = std::fs::read_to_string(dir.path().join("areas.geojson")).unwrap();
    std::fs::write(dir.path().join("areas.geojson"), text.replace("\"code\"", "\"zone\"").replace("\"name\"", "\"label\"")).unwrap();
    std::fs::write(dir.path().join("population.csv"), "zone_id,people,households\nE1,500,10\nE2,250,20\n").unwrap();
    let p = |f: &str| dir.path().join(f).display().to_string();
    let o = hotspot(&[
        "count", "-i", &p("incidents.csv"), "--x-col", "X", "--y-col", "Y", "--kind-col", "Type", "-a", &p("areas.geojson"),
        "--area-id", "zone", "--area-name", "label", "-p", &p("population.csv"), "--population-id", "zone_id", "--population-col", "people",
    ]);
    let out = ok(&o);
    assert!(out.contains("E1,Tiny 001A,Tiny,,500,3,0,6,0\n"), "{out}");
    let o = hotspot(&["count", "-q", "-i", &p("incidents.csv"), "--x-col", "X", "--y-col", "Y", "--kind-col", "Type", "-a", &p("areas.geojson")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("feature 1: no area code field (properties: zone, label); name it with --area-id FIELD"), "{}", stderr(&o));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hotspot"))
        // a listing of some 300 kB, far more than a pipe holds, printed to the terminal's stdout
        .args(["near", "-q", "-i", &fixture("town/police_2025.csv"), "--at", "383000,452000", "--radius", "5000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // read a little, then close the pipe
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no panic, no error: the reader simply left");
}
