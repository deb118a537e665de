//! A national-scale case for the end-to-end benchmark: an LSOA-like tessellation (default 35,000
//! polygons of 100-300 vertices, as the 2021 LSOA set has) and police.uk-format rows scattered
//! over it in clusters, with a population table.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let case = hotspot_core::synth::national::Case { areas: 25, rows: 1_000, seed: 1 };
//! case.write_to(dir.path()).unwrap();
//! let police = std::fs::read_to_string(dir.path().join("police.csv")).unwrap();
//! assert_eq!(police.lines().count(), 1_001);
//! ```
use std::path::Path;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::crs::{Epsg, Transformer};
use crate::error::{Error, Result};
use crate::output::{geojson, write_atomic, Table};

/// Side of a cell, metres (close to the mean size of an LSOA outside cities).
pub const CELL: f64 = 1_500.0;
/// South-west corner, British National Grid.
pub const ORIGIN: (f64, f64) = (200_000.0, 200_000.0);

/// Police.uk crime types with rough national shares (per 100 rows).
const KINDS: [(&str, u32); 8] = [
    ("Violence and sexual offences", 35),
    ("Anti-social behaviour", 20),
    ("Criminal damage and arson", 11),
    ("Shoplifting", 9),
    ("Public order", 6),
    ("Other theft", 5),
    ("Burglary", 4),
    ("Vehicle crime", 10),
];

/// The size of the case.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// Number of polygons.
    pub areas: usize,
    /// Number of police.uk rows.
    pub rows: usize,
    /// Seed.
    pub seed: u64,
}

impl Case {
    /// Writes `areas.geojson` (WGS84), `population.csv` and `police.csv` into `dir`.
    pub fn write_to(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
        let areas = super::tessellation(self.areas, CELL, ORIGIN, self.seed);
        let table = Table {
            columns: vec!["LSOA21CD".into(), "LSOA21NM".into()],
            rows: areas.iter().map(|a| vec![a.0.clone().into(), a.1.clone().into()]).collect(),
        };
        let shapes: Vec<geojson::Shape> = areas.iter().map(|a| geojson::Shape::Area(&a.2)).collect();
        write_atomic(&dir.join("areas.geojson"), |w| geojson::write(&table, &shapes, Epsg::BNG, w))?;
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        write_atomic(&dir.join("population.csv"), |w| {
            writeln!(w, "LSOA21CD,population").map_err(io)?;
            areas.iter().try_for_each(|a| writeln!(w, "{},{}", a.0, rng.random_range(1_000..2_500)).map_err(io))
        })?;
        let cols = (self.areas as f64).sqrt().ceil();
        let extent = (ORIGIN, (ORIGIN.0 + cols * CELL, ORIGIN.1 + (self.areas as f64 / cols).ceil() * CELL));
        let clusters = (self.areas / 20).max(1);
        let bng = super::clustered_points(self.rows, extent.0, extent.1, clusters, 400.0, self.seed);
        // Snap to the centres of a 50 m lattice, as police.uk snaps to map points (never onto
        // the cells' corners, which lie on the lattice's lines).
        let mut lonlat: Vec<(f64, f64)> = bng.iter().map(|p| ((p[0] / 50.0).floor() * 50.0 + 25.0, (p[1] / 50.0).floor() * 50.0 + 25.0)).collect();
        Transformer::new(Epsg::BNG, Epsg::WGS84)?.transform(&mut lonlat)?;
        let total: u32 = KINDS.iter().map(|k| k.1).sum();
        write_atomic(&dir.join("police.csv"), |w| {
            writeln!(w, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context").map_err(io)?;
            for (i, (lon, lat)) in lonlat.iter().enumerate() {
                let mut pick = rng.random_range(0..total);
                let kind = KINDS.iter().find(|k| if pick < k.1 { true } else { pick -= k.1; false }).unwrap().0;
                let id = if kind == "Anti-social behaviour" { String::new() } else { format!("{:016x}", rng.random::<u64>()) };
                let month = 1 + i % 12;
                writeln!(w, "{id},2025-{month:02},Synth Police,Synth Police,{lon:.6},{lat:.6},On or near Street {},,,{kind},,", i % 997).map_err(io)?;
            }
            Ok(())
        })
    }
}

fn io(e: std::io::Error) -> Error {
    Error::io("national case", e)
}
