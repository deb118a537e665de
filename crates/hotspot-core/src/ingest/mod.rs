//! Reading incident files into one [`Incidents`] table in the working CRS, with an account of
//! every row: kept, or rejected for a stated [`RejectReason`].
//!
//! Formats: police.uk street-level CSVs (recognised from their header, see [`police_uk`]), other
//! CSVs through a column [`mapped::Mapping`] or a preset (`lfb-fire`, `flytip`), and GeoJSON point
//! files ([`points`]). Coordinates are parsed and range-checked row by row, then transformed with
//! PROJ in batches.
//!
//! ```no_run
//! use hotspot_core::ingest::{read_incidents, IngestOptions, Input};
//! let opts = IngestOptions::default();
//! let got = read_incidents(&[Input::path("asb-2025-01.csv")], &opts).unwrap();
//! for account in &got.accounts {
//!     assert_eq!(account.rows_read, account.kept + account.rejected.values().sum::<u64>());
//! }
//! ```
pub mod mapped;
pub mod points;
pub mod police_uk;
mod records;
mod table;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::crs::{CrsSource, Epsg};
use crate::error::{Error, Result};
pub use mapped::{Mapping, Preset};
pub use records::RawRecord;

/// One input: a file on disk, or bytes built into the program (the demo's town).
#[derive(Debug, Clone)]
pub enum Input {
    /// A file, read from disk (CSV files are memory-mapped by polars).
    Path(PathBuf),
    /// Bytes with a display name.
    Embedded {
        /// What to call it in messages.
        name: String,
        /// The file's content.
        bytes: &'static [u8],
    },
}

impl Input {
    /// A file on disk.
    pub fn path(p: impl Into<PathBuf>) -> Input {
        Input::Path(p.into())
    }

    /// The name used in messages and the accounting.
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Embedded { name, .. } => name.clone(),
        }
    }

    /// Whether the name ends in `.geojson` or `.json`.
    pub fn is_geojson(&self) -> bool {
        let name = self.name().to_ascii_lowercase();
        name.ends_with(".geojson") || name.ends_with(".json")
    }

    /// The whole content (for small files: GeoJSON, headers, diagnostics).
    pub fn read_all(&self) -> Result<Vec<u8>> {
        match self {
            Input::Path(p) => std::fs::read(p).map_err(|e| Error::io(self.name(), e)),
            Input::Embedded { bytes, .. } => Ok(bytes.to_vec()),
        }
    }
}

/// Expands what the user named into files: a folder gives its `.csv`, `.geojson` and `.json`
/// files, a pattern with `*`, `?` or `[` is a glob; results are sorted so runs are repeatable.
///
/// ```
/// let files = hotspot_core::ingest::expand_inputs(&["Cargo.toml".into()]).unwrap();
/// assert_eq!(files.len(), 1);
/// ```
pub fn expand_inputs(names: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for name in names {
        let text = name.to_string_lossy();
        let mut found: Vec<PathBuf> = if name.is_dir() {
            std::fs::read_dir(name)
                .map_err(|e| Error::io(text.to_string(), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| is_incident_file(p))
                .collect()
        } else if text.contains(['*', '?', '[']) {
            glob::glob(&text)
                .map_err(|e| Error::Usage(format!("{text}: bad pattern: {e}")))?
                .filter_map(|p| p.ok())
                .filter(|p| p.is_file())
                .collect()
        } else if name.is_file() {
            vec![name.clone()]
        } else {
            return Err(Error::io(
                text.to_string(),
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        };
        if found.is_empty() {
            return Err(Error::input(
                text.to_string(),
                crate::error::Place::File,
                "no .csv, .geojson or .json files here",
                "name the files, a folder that holds them, or a pattern such as 'data/*.csv'",
            ));
        }
        found.sort();
        out.extend(found.into_iter().map(Input::Path));
    }
    Ok(out)
}

fn is_incident_file(p: &Path) -> bool {
    let ext = p.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("csv" | "geojson" | "json"))
}

/// Why a row was not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// A coordinate is blank.
    MissingCoordinates,
    /// A coordinate is not a number.
    UnparsableCoordinates,
    /// The coordinates are outside the CRS's valid range, or PROJ could not transform them.
    OutOfRange,
    /// A date that is given but cannot be read.
    BadDate,
    /// A GeoJSON feature whose geometry is not a Point.
    NotAPoint,
    /// A row of a kind not asked for (`--kind`), or not the preset's kind.
    FilteredKind,
    /// A row outside the months asked for (`--from`, `--to`), or without a month when months
    /// were asked for.
    FilteredPeriod,
}

impl RejectReason {
    /// Whether this is a data problem (written to `--rejects`, an error under `--strict`) rather
    /// than a row the user's own filter left out.
    pub fn is_bad_row(self) -> bool {
        !matches!(self, RejectReason::FilteredKind | RejectReason::FilteredPeriod)
    }

    /// The reason as written in the summary and rejects file.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::MissingCoordinates => "missing_coordinates",
            RejectReason::UnparsableCoordinates => "unparsable_coordinates",
            RejectReason::OutOfRange => "out_of_range",
            RejectReason::BadDate => "bad_date",
            RejectReason::NotAPoint => "not_a_point",
            RejectReason::FilteredKind => "filtered_kind",
            RejectReason::FilteredPeriod => "filtered_period",
        }
    }
}

/// The account of one input file. `rows_read == kept + Σ rejected`.
#[derive(Debug, Clone, Serialize)]
pub struct FileAccount {
    /// The file's name as given.
    pub file: String,
    /// `police_uk`, `mapped`, `lfb-fire`, `flytip` or `geojson`.
    pub format: String,
    /// The CRS its coordinates were read in.
    pub crs: Epsg,
    /// How that CRS was settled.
    pub crs_source: CrsSource,
    /// Data rows (or features) read.
    pub rows_read: u64,
    /// Rows kept as incidents.
    pub kept: u64,
    /// Rows rejected, by reason.
    pub rejected: BTreeMap<RejectReason, u64>,
}

/// A bad row, for `--rejects`.
#[derive(Debug, Clone, Serialize)]
pub struct Reject {
    /// The file.
    pub file: String,
    /// The spreadsheet row number (CSV) or 1-based feature number (GeoJSON).
    pub row: u64,
    /// Why.
    pub reason: RejectReason,
    /// The offending values as read.
    pub detail: String,
}

/// Where an incident came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRow {
    /// Index into [`Ingested::accounts`].
    pub file: u32,
    /// Spreadsheet row number (CSV) or feature number (GeoJSON).
    pub row: u64,
}

/// A calendar month, the time resolution police.uk publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month 1-12.
    pub month: u8,
}

impl std::str::FromStr for Month {
    type Err = Error;
    /// Reads `YYYY-MM`.
    fn from_str(s: &str) -> Result<Month> {
        records::parse_month(s.trim()).ok_or_else(|| Error::Usage(format!("{s:?} is not a month: write YYYY-MM, e.g. 2025-07")))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Incidents in the working CRS, one entry per kept row, column by column.
#[derive(Debug, Default, Clone)]
pub struct Incidents {
    /// Easting/northing (or x/y) in the working CRS, metres.
    pub xy: Vec<[f64; 2]>,
    /// The coordinates as the file gave them, in its CRS (`accounts[source.file].crs`).
    pub source_xy: Vec<[f64; 2]>,
    /// Index into [`Incidents::kinds`].
    pub kind: Vec<u16>,
    /// Kind slugs (`asb`, `flytip`, `fire`, `violence_and_sexual_offences`, ...).
    pub kinds: Vec<String>,
    /// The month, when known.
    pub month: Vec<Option<Month>>,
    /// The day, when the source gives one (police.uk gives months only).
    pub date: Vec<Option<chrono::NaiveDate>>,
    /// police.uk `Location` ("On or near ..."), interned in [`Incidents::strings`].
    pub location: Vec<Option<u32>>,
    /// The police's own `LSOA code`, interned.
    pub police_lsoa: Vec<Option<u32>>,
    /// Fly-tip size or fire motive, interned.
    pub detail: Vec<Option<u32>>,
    /// The file and row each incident came from.
    pub source: Vec<SourceRow>,
    /// The interned strings.
    pub strings: Vec<String>,
    lookup: HashMap<String, u32>,
    kind_lookup: HashMap<String, u16>,
}

impl Incidents {
    /// Number of incidents.
    pub fn len(&self) -> usize {
        self.xy.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.xy.is_empty()
    }

    /// The kind slug of incident `i`.
    pub fn kind_of(&self, i: usize) -> &str {
        &self.kinds[self.kind[i] as usize]
    }

    /// An interned string.
    pub fn string(&self, id: Option<u32>) -> Option<&str> {
        id.map(|i| self.strings[i as usize].as_str())
    }

    fn intern(&mut self, s: Option<&str>) -> Option<u32> {
        let s = s.map(str::trim).filter(|s| !s.is_empty())?;
        if let Some(&id) = self.lookup.get(s) {
            return Some(id);
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.lookup.insert(s.to_string(), id);
        Some(id)
    }

    fn kind_id(&mut self, slug: &str) -> u16 {
        if let Some(&k) = self.kind_lookup.get(slug) {
            return k;
        }
        let k = self.kinds.len() as u16;
        self.kinds.push(slug.to_string());
        self.kind_lookup.insert(slug.to_string(), k);
        k
    }

    /// Appends one incident (readers do this; public for tests and callers building tables).
    pub fn push(&mut self, r: &RawRecord, xy: [f64; 2], source: SourceRow) {
        self.source_xy.push(xy);
        let fields = records::Fields {
            kind: &r.kind,
            month: r.month,
            date: r.date,
            location: r.location.as_deref(),
            police_lsoa: r.police_lsoa.as_deref(),
            detail: r.detail.as_deref(),
        };
        self.push_fields(&fields, xy, source);
    }

    pub(crate) fn push_fields(&mut self, f: &records::Fields, xy: [f64; 2], source: SourceRow) {
        let kind = self.kind_id(f.kind);
        self.xy.push(xy);
        self.kind.push(kind);
        self.month.push(f.month);
        self.date.push(f.date);
        let location = self.intern(f.location);
        let lsoa = self.intern(f.police_lsoa);
        let detail = self.intern(f.detail);
        self.location.push(location);
        self.police_lsoa.push(lsoa);
        self.detail.push(detail);
        self.source.push(source);
    }
}

/// How to read incident files.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// The CRS incidents are transformed to (metres). Default EPSG:27700.
    pub working_crs: Epsg,
    /// Keep only these kinds (slugs); `None` keeps every kind.
    pub kinds: Option<BTreeSet<String>>,
    /// The first bad row is an error instead of a rejected row.
    pub strict: bool,
    /// How to read CSVs that are not police.uk files.
    pub mapping: Option<Mapping>,
    /// A preset for CSVs that are not police.uk files (used when `mapping` is `None`).
    pub preset: Option<Preset>,
    /// The kind of GeoJSON points that carry no kind property (else `incident`).
    pub default_kind: Option<String>,
    /// Keep only incidents from this month on.
    pub from: Option<Month>,
    /// Keep only incidents up to this month.
    pub to: Option<Month>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { working_crs: Epsg::BNG, kinds: None, strict: false, mapping: None, preset: None, default_kind: None, from: None, to: None }
    }
}

/// What [`read_incidents`] returns.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The kept incidents.
    pub incidents: Incidents,
    /// One account per file, in input order.
    pub accounts: Vec<FileAccount>,
    /// Every bad row (not the ones filtered by kind).
    pub rejects: Vec<Reject>,
}

/// Reads every input into one table. See the [module docs](self).
pub fn read_incidents(inputs: &[Input], opts: &IngestOptions) -> Result<Ingested> {
    let mut got = Ingested::default();
    for input in inputs {
        let file = got.accounts.len() as u32;
        let parsed = if input.is_geojson() {
            points::read(input, opts)?
        } else {
            table::read_csv(input, opts)?
        };
        records::keep(parsed, input, file, opts, &mut got)?;
    }
    Ok(got)
}

/// The snake_case slug of a kind name: "Anti-social behaviour" → `asb`, "Violence and sexual
/// offences" → `violence_and_sexual_offences`.
///
/// ```
/// use hotspot_core::ingest::kind_slug;
/// assert_eq!(kind_slug("Anti-social behaviour"), "asb");
/// assert_eq!(kind_slug("Criminal damage and arson"), "criminal_damage_and_arson");
/// assert_eq!(kind_slug("Fly-tipping"), "flytip");
/// ```
pub fn kind_slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('_') {
            slug.push('_');
        }
    }
    let slug = slug.trim_end_matches('_').to_string();
    match slug.as_str() {
        "anti_social_behaviour" | "antisocial_behaviour" => "asb".into(),
        "fly_tipping" | "flytipping" | "fly_tip" => "flytip".into(),
        "secondary_fire" | "secondary_fires" => "fire".into(),
        _ => slug,
    }
}
