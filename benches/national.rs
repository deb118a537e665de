//! End-to-end: a national-scale case (35,000 LSOA-like polygons of 100-300 vertices, 2,000,000
//! police.uk rows) counted by the release `hotspot count`, and the same job in geopandas
//! (`benches/geopandas_count.py`), side by side in one run: wall time and peak memory (from
//! `/usr/bin/time`), median of 3 runs, and a check that both give the same ASB counts.
//!
//! Run: `cargo bench -p hotspot-cli --bench national` (set NATIONAL_ROWS / NATIONAL_AREAS to
//! change the size). The case is generated once into `target/national-bench/`.
use std::path::Path;
use std::process::Command;

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return; // cargo test --benches / --list: nothing to run
    }
    let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let case = hotspot_core::synth::national::Case { areas: env("NATIONAL_AREAS", 35_000), rows: env("NATIONAL_ROWS", 2_000_000), seed: 7 };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = repo.join(format!("target/national-bench/{}x{}", case.areas, case.rows));
    if !dir.join("police.csv").is_file() {
        eprintln!("generating {} polygons and {} rows into {}", case.areas, case.rows, dir.display());
        case.write_to(&dir).expect("generate the case");
    }
    let f = |n: &str| dir.join(n).display().to_string();
    let ours = dir.join("hotspot.csv");
    let hotspot = env!("CARGO_BIN_EXE_hotspot").to_string();
    let args = ["count", "-q", "-i", &f("police.csv"), "-a", &f("areas.geojson"), "-p", &f("population.csv"), "--csv", &ours.display().to_string()];
    let rust = measure(&hotspot, &args);
    println!("hotspot count   : {:6.2} s  peak {:6.0} MB   ({} areas, {} rows)", rust.0, rust.1, case.areas, case.rows);
    let script = repo.join("benches/geopandas_count.py").display().to_string();
    let theirs = dir.join("geopandas.csv");
    let has_geopandas = Command::new("python3").args(["-c", "import geopandas"]).status().is_ok_and(|s| s.success());
    if !has_geopandas {
        println!("geopandas       : SKIPPED (pip install geopandas pyogrio)");
        return;
    }
    let py = measure("python3", &[&script, &f("police.csv"), &f("areas.geojson"), &f("population.csv"), &theirs.display().to_string()]);
    println!("geopandas       : {:6.2} s  peak {:6.0} MB   (read, reproject to EPSG:27700, sjoin, group: the issue's job)", py.0, py.1);
    println!("speed-up        : {:6.1} x", py.0 / rust.0);
    report_agreement(&ours, &theirs);
    let same = dir.join("geopandas_same_crs.csv");
    let py2 = measure("python3", &[&script, &f("police.csv"), &f("areas.geojson"), &f("population.csv"), &same.display().to_string(), "--same-crs"]);
    println!("geopandas       : {:6.2} s  peak {:6.0} MB   (the same without reprojecting: join in WGS84, as hotspot does)", py2.0, py2.1);
    println!("speed-up        : {:6.1} x", py2.0 / rust.0);
    let (a, b) = (asb(&ours, "n_asb"), asb(&same, "Anti-social behaviour"));
    assert_eq!(a, b, "hotspot and geopandas disagree on ASB counts with the join in the same CRS");
    println!("ASB counts      : identical in all {} areas (join in the same CRS)", a.len());
}

/// Containment tested in EPSG:27700 and in WGS84 can differ for points within millimetres of an
/// edge (straight lines in one are not quite straight in the other): say how many.
fn report_agreement(ours: &Path, theirs: &Path) {
    let (a, b) = (asb(ours, "n_asb"), asb(theirs, "Anti-social behaviour"));
    let moved: u64 = a.iter().zip(&b).map(|(x, y)| x.1.abs_diff(y.1)).sum::<u64>() / 2;
    let total: u64 = a.iter().map(|x| x.1).sum();
    let differ = a.iter().zip(&b).filter(|(x, y)| x.1 != y.1).count();
    println!("ASB counts      : {differ} of {} areas differ; {moved} of {total} points fall the other side of an edge in EPSG:27700", a.len());
    assert!(moved * 10_000 <= total, "more than 0.01 % of points differ: not a CRS rounding effect");
}

/// Median wall seconds and peak resident MB of 3 runs, from GNU time.
fn measure(program: &str, args: &[&str]) -> (f64, f64) {
    let mut runs: Vec<(f64, f64)> = (0..3)
        .map(|_| {
            let out = Command::new("/usr/bin/time").arg("-f").arg("%e %M").arg(program).args(args).output().expect("/usr/bin/time (apt-get install time)");
            assert!(out.status.success(), "{program} failed: {}", String::from_utf8_lossy(&out.stderr));
            let err = String::from_utf8_lossy(&out.stderr);
            let last: Vec<f64> = err.lines().last().unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
            (last[0], last[1] / 1024.0)
        })
        .collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs[1]
}

/// (code, count) rows of one column of a CSV whose first column is the code.
fn asb(path: &Path, column: &str) -> Vec<(String, u64)> {
    let mut r = csv_rows(path);
    let header = r.remove(0);
    let i = header.iter().position(|h| h == column).unwrap_or_else(|| panic!("{column} not in {}", path.display()));
    let mut v: Vec<(String, u64)> = r.into_iter().map(|row| (row[0].clone(), row[i].parse::<f64>().unwrap() as u64)).collect();
    v.sort();
    v
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| l.split(',').map(String::from).collect()).collect()
}
