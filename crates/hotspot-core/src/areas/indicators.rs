//! Area indicators from CSV (e.g. IMD 2019 scores or ranks): one numeric column keyed by area
//! code, with the code column detected.
//!
//! ```
//! use hotspot_core::areas::indicators::IndicatorColumn;
//! let csv = "LSOA code (2011),IMD Rank (where 1 is most deprived)\nE01012304,303\nE01012305,\n";
//! let c = IndicatorColumn::from_csv("imd.csv", csv.as_bytes(), "IMD Rank").unwrap();
//! assert_eq!(c.values["E01012304"], 303.0);
//! assert!(c.is_rank);
//! assert_eq!(c.values.len(), 1); // blank values are left out
//! ```
use std::collections::HashMap;

use crate::error::{Error, Place, Result};
use crate::ingest::mapped::{csv_header, find_column};

/// Code columns recognised in indicator files.
pub const CODE_COLUMNS: [&str; 7] = ["LSOA21CD", "LSOA11CD", "LSOA code (2011)", "LSOA code (2021)", "lsoa21_code", "lsoa11_code", "code"];

/// One indicator column.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorColumn {
    /// The column read, as the header spells it.
    pub column: String,
    /// The code column.
    pub code_column: String,
    /// Whether it is a rank (its name contains "rank"): 1 = most deprived, inverted before use.
    pub is_rank: bool,
    /// Value per code.
    pub values: HashMap<String, f64>,
}

impl IndicatorColumn {
    /// Reads `column` (matched ignoring case and punctuation; a unique prefix is enough).
    pub fn from_csv(file: &str, data: impl std::io::Read, column: &str) -> Result<IndicatorColumn> {
        let mut reader = csv::Reader::from_reader(data);
        let header = csv_header(file, &mut reader)?;
        let code_column = find_column(&header, &CODE_COLUMNS)
            .ok_or_else(|| Error::input(file, Place::File, format!("no area code column (the header has {})", header.join(", ")), "name the code column LSOA21CD or LSOA11CD"))?;
        let norm = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        let matches: Vec<&String> = match find_column(&header, &[column]) {
            Some(_) => header.iter().filter(|h| norm(h) == norm(column)).collect(),
            None => header.iter().filter(|h| norm(h).starts_with(&norm(column))).collect(),
        };
        let col = match matches.as_slice() {
            [one] => (*one).clone(),
            [] => return Err(Error::input(file, Place::Column(column.into()), format!("no such column; the header has {}", header.join(", ")), "name a column that exists (a unique prefix will do)")),
            many => return Err(Error::input(file, Place::Column(column.into()), format!("matches {} columns: {}", many.len(), many.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; ")), "give more of the column's name")),
        };
        let (ci, vi) = (header.iter().position(|h| *h == code_column).unwrap(), header.iter().position(|h| *h == col).unwrap());
        let mut values = HashMap::new();
        for (i, record) in reader.records().enumerate() {
            let row = Place::Row(i as u64 + 2);
            let record = record.map_err(|e| Error::input(file, row.clone(), e.to_string(), "fix the row's number of fields"))?;
            let raw = record.get(vi).unwrap_or("").trim();
            if raw.is_empty() {
                continue;
            }
            let v: f64 = raw.replace(',', "").parse().map_err(|_| Error::input(file, row, format!("{col} {raw:?} is not a number"), "fix or blank the value"))?;
            values.insert(record.get(ci).unwrap_or("").trim().to_string(), v);
        }
        let is_rank = norm(&col).contains("rank");
        Ok(IndicatorColumn { column: col, code_column, is_rank, values })
    }
}
