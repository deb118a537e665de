//! Writing results: a flat [`Table`] of properties per feature, as GeoJSON (RFC 7946) or CSV,
//! always written atomically so a failed run leaves no partial file.
//!
//! ```
//! use hotspot_core::output::{write_atomic, Table};
//! let table = Table { columns: vec!["code".into(), "n_asb".into()],
//!                     rows: vec![vec!["E1".into(), 3.into()]] };
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("out.csv");
//! write_atomic(&path, |w| hotspot_core::output::csv::write(&table, w)).unwrap();
//! assert_eq!(std::fs::read_to_string(&path).unwrap(), "code,n_asb\nE1,3\n");
//! ```
pub mod csv;
pub mod geojson;

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::aggregate::{rate_per_1000, CountTable};
use crate::areas::AreaSet;
use crate::error::{Error, Result};

/// Flat rows of named values, one per feature, in the order written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column (property) names.
    pub columns: Vec<String>,
    /// One row per feature; `Value::Null` where missing.
    pub rows: Vec<Vec<Value>>,
}

/// Writes through `fill` into a temporary file beside `path`, then renames it into place: on
/// any error nothing is left at `path`.
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let name = path.display().to_string();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let tmp = builder.tempfile_in(dir).map_err(|e| Error::io(&name, e))?;
    let mut w = std::io::BufWriter::new(tmp);
    fill(&mut w)?;
    let tmp = w.into_inner().map_err(|e| Error::io(&name, e.into_error()))?;
    tmp.persist(path).map_err(|e| Error::io(&name, e.error))?;
    Ok(())
}

/// Rounds to `dp` decimal places (for rates and indices: stable, readable output).
pub fn round(x: f64, dp: i32) -> f64 {
    let f = 10f64.powi(dp);
    (x * f).round() / f
}

/// A number as a JSON value, `null` when absent; whole numbers print without a fraction.
pub fn number(x: Option<f64>) -> Value {
    match x {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => Value::from(v as i64),
        Some(v) if v.is_finite() => Value::from(v),
        _ => Value::Null,
    }
}

/// The areas table of the field contract: `code`, `name`, `locality`, `local_name`,
/// `population`, `n_<kind>`, `rate_<kind>` (per 1,000 residents, 4 dp), then
/// `n_<kind>_<yyyy>_<mm>` when counted by month.
pub fn area_table(areas: &AreaSet, counts: &CountTable, local_names: &std::collections::HashMap<String, String>) -> Table {
    let mut columns: Vec<String> = ["code", "name", "locality", "local_name", "population"].map(String::from).to_vec();
    columns.extend(counts.kinds.iter().map(|k| format!("n_{k}")));
    columns.extend(counts.kinds.iter().map(|k| format!("rate_{k}")));
    for k in &counts.kinds {
        columns.extend(counts.months.iter().map(|m| format!("n_{k}_{}_{:02}", m.year, m.month)));
    }
    let text = |s: Option<&String>| s.map_or(Value::Null, |s| Value::from(s.as_str()));
    let rows = (0..areas.len())
        .map(|a| {
            let pop = areas.population[a];
            let mut row = vec![
                Value::from(areas.codes[a].as_str()),
                text(areas.names[a].as_ref()),
                text(areas.locality[a].as_ref()),
                text(local_names.get(&areas.codes[a])),
                number(pop),
            ];
            row.extend(counts.counts[a].iter().map(|&n| Value::from(n)));
            row.extend(counts.counts[a].iter().map(|&n| number(rate_per_1000(n, pop).map(|r| round(r, 4)))));
            if let Some(by_month) = &counts.by_month {
                row.extend(by_month[a].iter().flatten().map(|&n| Value::from(n)));
            }
            row
        })
        .collect();
    Table { columns, rows }
}
