//! Reading CSVs that are not police.uk files: a column [`Mapping`], or a [`Preset`] that builds
//! one from a known layout.
//!
//! ```
//! use hotspot_core::ingest::{Mapping, Preset};
//! let header = ["IncidentNumber", "DateOfCall", "StopCodeDescription", "Easting_m",
//!               "Northing_m", "Easting_rounded", "Northing_rounded"].map(String::from);
//! let m = Preset::LfbFire.mapping(&header).unwrap();
//! assert_eq!(m.x_col, "Easting_m");
//! assert_eq!(m.x_fallback.as_deref(), Some("Easting_rounded"));
//! ```
use crate::crs::Epsg;
use crate::error::{Error, Place, Result};

/// Where a row's kind comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindSource {
    /// Every row is this kind (a slug).
    Fixed(String),
    /// A column holds the kind's name; it is turned into a slug.
    Column(String),
}

/// Which columns hold what. Column names match case-insensitively.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// Easting or longitude column.
    pub x_col: String,
    /// Northing or latitude column.
    pub y_col: String,
    /// Column read when `x_col` is blank (LFB's rounded eastings).
    pub x_fallback: Option<String>,
    /// Column read when `y_col` is blank.
    pub y_fallback: Option<String>,
    /// The coordinates' CRS; `None` detects it from their magnitudes.
    pub crs: Option<Epsg>,
    /// A date or month column.
    pub date_col: Option<String>,
    /// The kind of each row.
    pub kind: KindSource,
    /// Keep only rows whose column equals the value (case-insensitive); others are
    /// `filtered_kind`.
    pub keep_if: Option<(String, String)>,
    /// A street or place label.
    pub location_col: Option<String>,
    /// The source's own LSOA code.
    pub lsoa_col: Option<String>,
    /// Fly-tip size or fire motive.
    pub detail_col: Option<String>,
    /// The name given to this layout in the accounting.
    pub format: String,
}

impl Mapping {
    /// A mapping with only coordinates and a fixed kind.
    pub fn new(x_col: &str, y_col: &str, kind: KindSource) -> Mapping {
        Mapping {
            x_col: x_col.into(),
            y_col: y_col.into(),
            x_fallback: None,
            y_fallback: None,
            crs: None,
            date_col: None,
            kind,
            keep_if: None,
            location_col: None,
            lsoa_col: None,
            detail_col: None,
            format: "mapped".into(),
        }
    }
}

/// Known layouts of non-police incident files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// London Fire Brigade incident records: `StopCodeDescription` = "Secondary Fire",
    /// `Easting_m`/`Northing_m` (or the rounded columns) in EPSG:27700, `DateOfCall`; a motive
    /// column when the file has one. Kind `fire`.
    LfbFire,
    /// A council fly-tipping log: date, eastings/northings or lon/lat, DEFRA size category.
    /// Kind `flytip`.
    Flytip,
}

impl std::str::FromStr for Preset {
    type Err = Error;
    fn from_str(s: &str) -> Result<Preset> {
        match s {
            "lfb-fire" | "fire" => Ok(Preset::LfbFire),
            "flytip" | "fly-tipping" => Ok(Preset::Flytip),
            _ => Err(Error::Usage(format!("unknown preset {s:?}; the presets are lfb-fire and flytip"))),
        }
    }
}

impl Preset {
    /// The preset's name.
    pub fn name(self) -> &'static str {
        match self {
            Preset::LfbFire => "lfb-fire",
            Preset::Flytip => "flytip",
        }
    }

    /// Whether a header is unmistakably this layout (only LFB's is: `StopCodeDescription` with
    /// `Easting_m` or `Easting_rounded`), so it is read without naming the preset.
    pub fn recognises(self, header: &[String]) -> bool {
        let has = |c: &str| find_column(header, &[c]).is_some();
        self == Preset::LfbFire && has("StopCodeDescription") && (has("Easting_m") || has("Easting_rounded"))
    }

    /// Builds the mapping for a file with this header.
    pub fn mapping(self, header: &[String]) -> std::result::Result<Mapping, String> {
        let find = |names: &[&str]| find_column(header, names);
        let need = |names: &[&str], what: &str| {
            find(names).ok_or_else(|| format!("the {} preset needs a {what} column (one of {names:?})", self.name()))
        };
        let mut m = match self {
            Preset::LfbFire => {
                let mut m = Mapping::new(
                    &need(&["Easting_m", "Easting_rounded"], "easting")?,
                    &need(&["Northing_m", "Northing_rounded"], "northing")?,
                    KindSource::Fixed("fire".into()),
                );
                m.x_fallback = find(&["Easting_rounded"]).filter(|c| *c != m.x_col);
                m.y_fallback = find(&["Northing_rounded"]).filter(|c| *c != m.y_col);
                m.crs = Some(Epsg::BNG);
                m.date_col = find(&["DateOfCall", "Date"]);
                m.keep_if = Some((need(&["StopCodeDescription"], "stop code")?, "Secondary Fire".into()));
                m.detail_col = find(&["Motive", "FireMotive", "Fire motive", "Motive of fire"]);
                m.location_col = find(&["AddressQualifier", "Location"]);
                m
            }
            Preset::Flytip => {
                let en = find(&["Easting", "Eastings", "X", "x_coord", "Easting_m"])
                    .zip(find(&["Northing", "Northings", "Y", "y_coord", "Northing_m"]));
                let ll = find(&["Longitude", "Lon", "Lng", "Long"]).zip(find(&["Latitude", "Lat"]));
                let (x, y, crs) = match (en, ll) {
                    (Some((x, y)), _) => (x, y, Some(Epsg::BNG)),
                    (None, Some((x, y))) => (x, y, Some(Epsg::WGS84)),
                    _ => return Err("the flytip preset needs Easting/Northing or Longitude/Latitude columns".into()),
                };
                let mut m = Mapping::new(&x, &y, KindSource::Fixed("flytip".into()));
                m.crs = crs;
                m.date_col = find(&["Date", "Incident date", "Date reported", "Reported", "Month"]);
                m.detail_col = find(&["Size", "Size category", "Waste size", "Load size", "Fly-tip size"]);
                m.location_col = find(&["Location", "Street", "Address", "Street name"]);
                m
            }
        };
        m.format = self.name().into();
        Ok(m)
    }
}

/// The header's spelling of the first of `names` it has, matching case and spaces loosely.
pub(crate) fn find_column(header: &[String], names: &[&str]) -> Option<String> {
    let norm = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    names.iter().find_map(|want| header.iter().find(|h| norm(h) == norm(want)).cloned())
}

/// The header of a small CSV table (population, indicators, lookups, sites), cleaned of a UTF-8
/// byte-order mark and spaces; an unreadable or empty header is an error naming the file.
pub fn csv_header<R: std::io::Read>(file: &str, reader: &mut csv::Reader<R>) -> Result<Vec<String>> {
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Error::input(file, Place::Row(1), format!("cannot read the header: {e}"), "save the file as UTF-8 CSV"))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    if header.iter().all(|h| h.is_empty()) {
        return Err(Error::input(file, Place::File, "the file is empty", "give a CSV with a header row"));
    }
    Ok(header)
}

/// DEFRA's two largest fly-tip size categories, counted as "large" unless configured otherwise.
pub const LARGE_FLYTIP_SIZES: [&str; 2] = ["Tipper lorry load", "Significant/multi loads"];

/// Whether a fly-tip size is one of `large` (case-insensitive).
///
/// ```
/// use hotspot_core::ingest::mapped::{is_large_flytip, LARGE_FLYTIP_SIZES};
/// assert!(is_large_flytip("Tipper Lorry Load", &LARGE_FLYTIP_SIZES));
/// assert!(!is_large_flytip("Single black bag", &LARGE_FLYTIP_SIZES));
/// ```
pub fn is_large_flytip(size: &str, large: &[&str]) -> bool {
    large.iter().any(|l| l.eq_ignore_ascii_case(size.trim()))
}

pub(crate) fn missing_column(file: &str, col: &str, header: &[String]) -> Error {
    Error::input(
        file,
        Place::Column(col.to_string()),
        format!("no such column; the header has {}", header.join(", ")),
        "name a column that exists (names match ignoring case, spaces and punctuation)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cols: &[&str]) -> Vec<String> {
        cols.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flytip_preset_prefers_eastings_and_finds_size() {
        let h = header(&["Ref", "Date reported", "EASTING", "NORTHING", "Size category", "Latitude", "Longitude"]);
        let m = Preset::Flytip.mapping(&h).unwrap();
        assert_eq!((m.x_col.as_str(), m.y_col.as_str(), m.crs), ("EASTING", "NORTHING", Some(Epsg::BNG)));
        assert_eq!(m.detail_col.as_deref(), Some("Size category"));
        assert_eq!(m.date_col.as_deref(), Some("Date reported"));
    }

    #[test]
    fn flytip_preset_falls_back_to_lon_lat_and_explains_a_miss() {
        let m = Preset::Flytip.mapping(&header(&["lat", "lon", "date"])).unwrap();
        assert_eq!((m.x_col.as_str(), m.crs), ("lon", Some(Epsg::WGS84)));
        assert!(Preset::Flytip.mapping(&header(&["a", "b"])).unwrap_err().contains("Easting/Northing"));
    }
}
