//! police.uk street-level CSVs (`YYYY-MM-<force>-street.csv`), recognised from their header.
//!
//! Columns used: `Month` → month, `Longitude`/`Latitude` (WGS84), `Crime type` → kind slug,
//! `Location` (the anonymous snap point's label, "On or near ..."), `LSOA code` (the police's own
//! assignment, kept for comparison). Every incident is snapped to one of a fixed set of map
//! points, so two incidents at one point need not share an address.
//!
//! ```
//! let header = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
//!     "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
//!     .map(String::from);
//! let m = hotspot_core::ingest::police_uk::mapping(&header).unwrap();
//! assert_eq!(m.format, "police_uk");
//! assert!(hotspot_core::ingest::police_uk::mapping(&header[..4]).is_none());
//! ```
use super::mapped::{find_column, KindSource, Mapping};
use crate::crs::Epsg;

/// The columns that identify a police.uk street-level file.
pub const REQUIRED: [&str; 5] = ["Month", "Longitude", "Latitude", "Crime type", "LSOA code"];

/// The mapping for a police.uk header, or `None` when the header is not one.
pub fn mapping(header: &[String]) -> Option<Mapping> {
    let col = |name: &str| find_column(header, &[name]);
    if REQUIRED.iter().any(|c| col(c).is_none()) {
        return None;
    }
    let mut m = Mapping::new(&col("Longitude")?, &col("Latitude")?, KindSource::Column(col("Crime type")?));
    m.crs = Some(Epsg::WGS84);
    m.date_col = col("Month");
    m.location_col = col("Location");
    m.lsoa_col = col("LSOA code");
    m.format = "police_uk".into();
    Some(m)
}
