//! Carrying values published on 2011 LSOAs (IMD 2019) onto 2021 LSOAs with an ONS-style lookup
//! (`LSOA11CD, CHGIND, LSOA21CD`; CHGIND U = unchanged, S = split, M = merged, X = irregular).
//!
//! A 2021 area with one 2011 parent (unchanged, or one part of a split) takes the parent's
//! value; a 2021 area with several parents (a merge) takes their population-weighted mean (equal
//! weights when no populations are given). Codes that match nothing are reported, not dropped.
//!
//! ```
//! use std::collections::HashMap;
//! use hotspot_core::areas::lookup::Lookup;
//! let lookup = Lookup::from_csv("l.csv", "LSOA11CD,CHGIND,LSOA21CD\nA,U,A\nB,S,B1\nB,S,B2\nC1,M,D\nC2,M,D\n".as_bytes()).unwrap();
//! let values: HashMap<String, f64> = [("A", 10.0), ("B", 20.0), ("C1", 30.0), ("C2", 60.0)].map(|(k, v)| (k.to_string(), v)).into();
//! let weights: HashMap<String, f64> = [("C1", 100.0), ("C2", 200.0)].map(|(k, v)| (k.to_string(), v)).into();
//! let c = lookup.carry(&values, Some(&weights));
//! assert_eq!((c.values["A"], c.values["B1"], c.values["B2"]), (10.0, 20.0, 20.0));
//! assert_eq!(c.values["D"], 50.0); // (30·100 + 60·200) / 300
//! ```
use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Place, Result};
use crate::ingest::mapped::{csv_header, find_column};

/// A 2011 → 2021 lookup.
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup {
    /// (2011 code, change indicator, 2021 code).
    pub rows: Vec<(String, String, String)>,
}

/// Values carried onto 2021 codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Carried {
    /// Value per 2021 code.
    pub values: HashMap<String, f64>,
    /// 2011 codes with a value that the lookup does not know.
    pub unmatched: Vec<String>,
    /// Merged 2021 codes averaged with equal weights because a parent had no population.
    pub equal_weights: Vec<String>,
}

impl Lookup {
    /// Reads the lookup CSV (columns LSOA11CD, CHGIND, LSOA21CD; names matched loosely).
    pub fn from_csv(file: &str, data: impl std::io::Read) -> Result<Lookup> {
        let mut reader = csv::Reader::from_reader(data);
        let header = csv_header(file, &mut reader)?;
        let col = |names: &[&str]| {
            find_column(&header, names).and_then(|c| header.iter().position(|h| *h == c)).ok_or_else(|| {
                Error::input(file, Place::File, format!("no {} column (the header has {})", names[0], header.join(", ")), "use the ONS LSOA 2011 to 2021 lookup layout: LSOA11CD, CHGIND, LSOA21CD")
            })
        };
        let (from, chg, to) = (col(&["LSOA11CD"])?, col(&["CHGIND"])?, col(&["LSOA21CD"])?);
        let mut rows = Vec::new();
        for (i, r) in reader.records().enumerate() {
            let r = r.map_err(|e| Error::input(file, Place::Row(i as u64 + 2), e.to_string(), "fix the row"))?;
            let get = |k: usize| r.get(k).unwrap_or("").trim().to_string();
            rows.push((get(from), get(chg), get(to)));
        }
        Ok(Lookup { rows })
    }

    /// Carries 2011 values to 2021 codes (see the module docs).
    pub fn carry(&self, values: &HashMap<String, f64>, weights: Option<&HashMap<String, f64>>) -> Carried {
        let mut parents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (from, _, to) in &self.rows {
            parents.entry(to.as_str()).or_default().push(from.as_str());
        }
        let mut out = Carried::default();
        for (to, from) in parents {
            let known: Vec<(&str, f64)> = from.iter().filter_map(|f| values.get(*f).map(|v| (*f, *v))).collect();
            match known.as_slice() {
                [] => {}
                [(_, v)] if from.len() == 1 => {
                    out.values.insert(to.to_string(), *v);
                }
                _ => {
                    let w: Option<Vec<f64>> = known.iter().map(|(f, _)| weights.and_then(|w| w.get(*f).copied())).collect();
                    let w = w.unwrap_or_else(|| {
                        out.equal_weights.push(to.to_string());
                        vec![1.0; known.len()]
                    });
                    let total: f64 = w.iter().sum();
                    out.values.insert(to.to_string(), known.iter().zip(&w).map(|((_, v), w)| v * w).sum::<f64>() / total);
                }
            }
        }
        let in_lookup: std::collections::HashSet<&str> = self.rows.iter().map(|r| r.0.as_str()).collect();
        out.unmatched = values.keys().filter(|k| !in_lookup.contains(k.as_str())).cloned().collect();
        out.unmatched.sort();
        out
    }
}
