//! The same table as CSV: one header row, values as written in GeoJSON, blank for null.
//!
//! ```
//! use hotspot_core::output::Table;
//! let t = Table { columns: vec!["a".into(), "b".into()], rows: vec![vec![1.5.into(), serde_json::Value::Null]] };
//! let mut out = Vec::new();
//! hotspot_core::output::csv::write(&t, &mut out).unwrap();
//! assert_eq!(out, b"a,b\n1.5,\n");
//! ```
use std::io::Write;

use serde_json::Value;

use super::Table;
use crate::error::{Error, Result};

/// Writes the table as CSV.
pub fn write(table: &Table, out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| Error::io("CSV output", std::io::Error::other(e));
    w.write_record(&table.columns).map_err(err)?;
    for row in &table.rows {
        w.write_record(row.iter().map(cell)).map_err(err)?;
    }
    w.flush().map_err(|e| Error::io("CSV output", e))
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
