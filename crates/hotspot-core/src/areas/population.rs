//! Residents per area from a CSV (code → count), joined onto an [`AreaSet`] with a report of what
//! did not match.
//!
//! ```
//! use hotspot_core::areas::population::PopulationTable;
//! let csv = b"lsoa21_code,lsoa21_name,total_usual_residents\nE01012304,Darlington 012A,1046\n";
//! let table = PopulationTable::from_csv("pop.csv", &csv[..], None, None).unwrap();
//! assert_eq!(table.code_column, "lsoa21_code");
//! assert_eq!(table.count_column, "total_usual_residents");
//! assert_eq!(table.rows, vec![("E01012304".to_string(), 1046.0)]);
//! ```
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::AreaSet;
use crate::error::{Error, Place, Result};
use crate::ingest::mapped::{csv_header, find_column};

/// Code columns recognised without `--population-id`.
pub const CODE_COLUMNS: [&str; 9] = ["LSOA21CD", "lsoa21_code", "LSOA11CD", "lsoa11_code", "LSOA code", "LSOA code (2011)", "area_code", "geography code", "code"];
/// Count columns recognised without `--population-col`.
pub const COUNT_COLUMNS: [&str; 8] = ["population", "total_usual_residents", "usual residents", "residents", "All persons", "Total population: mid 2015 (excluding prisoners)", "total", "count"];

/// A population table as read.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationTable {
    /// The column codes came from.
    pub code_column: String,
    /// The column counts came from.
    pub count_column: String,
    /// (code, residents) in file order.
    pub rows: Vec<(String, f64)>,
}

impl PopulationTable {
    /// Reads a CSV, detecting the code and count columns unless named.
    pub fn from_csv(file: &str, data: impl std::io::Read, code: Option<&str>, count: Option<&str>) -> Result<PopulationTable> {
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(data);
        let header = csv_header(file, &mut reader)?;
        let pick = |given: Option<&str>, known: &[&str], flag: &str| {
            let found = match given {
                Some(g) => find_column(&header, &[g]),
                None => find_column(&header, known),
            };
            found.ok_or_else(|| {
                Error::input(file, Place::File, format!("no {} column (the header has {})", &flag[2..], header.join(", ")), format!("name it with {flag} COLUMN"))
            })
        };
        let code_column = pick(code, &CODE_COLUMNS, "--population-id")?;
        let count_column = pick(count, &COUNT_COLUMNS, "--population-col")?;
        let ci = header.iter().position(|h| *h == code_column).unwrap();
        let ni = header.iter().position(|h| *h == count_column).unwrap();
        let mut rows = Vec::new();
        let mut seen = HashSet::new();
        for (i, record) in reader.records().enumerate() {
            let row = Place::Row(i as u64 + 2);
            let record = record.map_err(|e| Error::input(file, row.clone(), format!("{e}"), "fix the row's number of fields"))?;
            let code = record.get(ci).unwrap_or("").trim().to_string();
            let raw = record.get(ni).unwrap_or("").trim().replace(',', "");
            let n: f64 = raw.parse().ok().filter(|n: &f64| n.is_finite() && *n >= 0.0).ok_or_else(|| {
                Error::input(file, row.clone(), format!("{count_column} {raw:?} is not a count of residents"), "give a whole number of residents")
            })?;
            if code.is_empty() {
                continue;
            }
            if !seen.insert(code.clone()) {
                return Err(Error::input(file, row, format!("code {code} appears twice"), "keep one row per area"));
            }
            rows.push((code, n));
        }
        Ok(PopulationTable { code_column, count_column, rows })
    }
}

/// What did not match when joining population onto areas.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PopulationJoin {
    /// Areas with no population row (their rates are null).
    pub areas_without_population: Vec<String>,
    /// Population codes with no area (ignored).
    pub codes_without_area: Vec<String>,
}

/// Reads a population CSV and joins it onto `areas`.
pub fn read_population(
    path: &std::path::Path,
    areas: &mut AreaSet,
    code: Option<&str>,
    count: Option<&str>,
) -> Result<(PopulationTable, PopulationJoin)> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(&name, e))?;
    let table = PopulationTable::from_csv(&name, file, code, count)?;
    let join = join_population(areas, &table);
    Ok((table, join))
}

/// Sets `areas.population` from the table and reports the codes that did not match.
pub fn join_population(areas: &mut AreaSet, table: &PopulationTable) -> PopulationJoin {
    let by_code: HashMap<&str, f64> = table.rows.iter().map(|(c, n)| (c.as_str(), *n)).collect();
    let mut join = PopulationJoin::default();
    for (i, code) in areas.codes.iter().enumerate() {
        areas.population[i] = by_code.get(code.as_str()).copied();
        if areas.population[i].is_none() {
            join.areas_without_population.push(code.clone());
        }
    }
    join.codes_without_area = table.rows.iter().filter(|(c, _)| areas.index_of(c).is_none()).map(|(c, _)| c.clone()).collect();
    join
}
