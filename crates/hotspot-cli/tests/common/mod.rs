//! A small harness: run the built `hotspot` binary, find the fixtures and the real data.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// A file under `fixtures/`.
pub fn fixture(rel: &str) -> String {
    repo().join("fixtures").join(rel).display().to_string()
}

/// A file under `tests/expected/`.
pub fn expected(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected").join(rel)
}

/// Runs `hotspot` with arguments, in `dir` if given.
pub fn hotspot_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotspot"));
    cmd.args(args);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    cmd.output().expect("run hotspot")
}

/// Runs `hotspot` with arguments.
pub fn hotspot(args: &[&str]) -> Output {
    hotspot_in(None, args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success and returns stdout.
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "exit {:?}\nstderr:\n{}", o.status.code(), stderr(o));
    stdout(o)
}

/// `shared/data/real`, from `HOTSPOT_REAL_DATA`; `None` (with a notice) when absent.
pub fn real_data(test: &str) -> Option<PathBuf> {
    match std::env::var_os("HOTSPOT_REAL_DATA").map(PathBuf::from).filter(|p| p.is_dir()) {
        Some(p) => Some(p),
        None => {
            eprintln!("SKIPPED {test}: HOTSPOT_REAL_DATA is not set to shared/data/real");
            None
        }
    }
}

/// Reads a CSV into (header, rows).
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().map(|l| l.split(',').map(String::from).collect::<Vec<_>>());
    let header = lines.next().unwrap();
    (header, lines.collect())
}

/// A column of a CSV table as (code, value) pairs.
pub fn column(path: &Path, key: &str, col: &str) -> Vec<(String, String)> {
    let (h, rows) = read_csv(path);
    let (k, c) = (h.iter().position(|x| x == key).unwrap(), h.iter().position(|x| x == col).unwrap_or_else(|| panic!("no column {col} in {h:?}")));
    rows.into_iter().map(|r| (r[k].clone(), r[c].clone())).collect()
}

/// Parses a GeoJSON output.
pub fn geojson(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Synthton's fly-tipping log (eastings/northings) as (spreadsheet row, easting, northing).
pub fn flytips() -> Vec<(u64, f64, f64)> {
    let text = std::fs::read_to_string(fixture("town/flytipping_2025.csv")).unwrap();
    text.lines()
        .skip(1)
        .enumerate()
        .map(|(i, l)| {
            let f: Vec<&str> = l.split(',').collect();
            (i as u64 + 2, f[2].parse().unwrap(), f[3].parse().unwrap())
        })
        .collect()
}
