//! Flags shared by subcommands, each defined once.
use std::path::PathBuf;

use clap::Args;

/// Where incidents come from and how to read them.
#[derive(Debug, Args, Clone)]
pub struct IncidentArgs {
    /// Incident file (repeatable). A folder takes every .csv/.geojson in it; a quoted pattern
    /// such as 'data/2025-*-durham-street.csv' is expanded. police.uk street-level CSVs are
    /// recognised from their header; other CSVs need --x-col/--y-col or --preset.
    #[arg(long = "incidents", short = 'i', value_name = "FILE", required = true)]
    pub incidents: Vec<PathBuf>,
    /// Keep only this kind (repeatable): asb, flytip, fire, or a police.uk crime type as
    /// snake_case (violence_and_sexual_offences, drugs, ...). For a mapped CSV without
    /// --kind-col, the kind of every row.
    #[arg(long = "kind", value_name = "KIND")]
    pub kind: Vec<String>,
    /// Mapped CSV: the column of eastings or longitudes.
    #[arg(long, value_name = "COLUMN", requires = "y_col")]
    pub x_col: Option<String>,
    /// Mapped CSV: the column of northings or latitudes.
    #[arg(long, value_name = "COLUMN", requires = "x_col")]
    pub y_col: Option<String>,
    /// Mapped CSV: the EPSG code of the coordinates (e.g. 27700, 4326). Without it the CRS is
    /// guessed from the coordinates' magnitudes, and said.
    #[arg(long, value_name = "EPSG")]
    pub crs: Option<u32>,
    /// Mapped CSV: the column with the date or month.
    #[arg(long, value_name = "COLUMN")]
    pub date_col: Option<String>,
    /// Mapped CSV: the column naming each row's kind.
    #[arg(long, value_name = "COLUMN")]
    pub kind_col: Option<String>,
    /// A known layout: lfb-fire (London Fire Brigade extract: secondary fires) or flytip (a
    /// council fly-tipping log).
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Keep only incidents from this month on (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<String>,
    /// Keep only incidents up to this month (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<String>,
    /// Make the first bad row an error instead of a counted rejection.
    #[arg(long)]
    pub strict: bool,
    /// Write bad rows with their reason to this CSV.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

/// The area polygons and their population.
#[derive(Debug, Args, Clone)]
pub struct AreaArgs {
    /// Area polygons (GeoJSON FeatureCollection of Polygon/MultiPolygon), e.g. LSOA boundaries.
    #[arg(long, short = 'a', value_name = "FILE")]
    pub areas: PathBuf,
    /// The property with the area code (default: LSOA21CD, LSOA11CD, LSOA01CD, code or id).
    #[arg(long, value_name = "FIELD")]
    pub area_id: Option<String>,
    /// The property with the area name (default: LSOA21NM, LSOA11NM, LSOA01NM or name).
    #[arg(long, value_name = "FIELD")]
    pub area_name: Option<String>,
    /// The polygons' EPSG code when the file does not say and it cannot be guessed.
    #[arg(long, value_name = "EPSG")]
    pub areas_crs: Option<u32>,
    /// Residents per area: a CSV of area code and count (columns detected, or named below).
    #[arg(long, short = 'p', value_name = "FILE")]
    pub population: Option<PathBuf>,
    /// The population CSV's code column.
    #[arg(long, value_name = "COLUMN", requires = "population")]
    pub population_id: Option<String>,
    /// The population CSV's count column.
    #[arg(long, value_name = "COLUMN", requires = "population")]
    pub population_col: Option<String>,
}

/// Where results go and how much is said.
#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// GeoJSON output (RFC 7946, WGS84); '-' writes to standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The same table as CSV.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// The accounting (rows read, kept, rejected by reason, inside, outside) as JSON.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
}

/// Random permutations for pseudo p-values, seeded so that runs repeat.
#[derive(Debug, Args, Clone)]
pub struct PermutationArgs {
    /// Number of permutations (see the command's help for its default).
    #[arg(long, value_name = "N")]
    pub permutations: Option<usize>,
    /// Seed for the permutations.
    #[arg(long, value_name = "S", default_value_t = 12345)]
    pub seed: u64,
}

impl PermutationArgs {
    /// The number asked for, or `default`.
    pub fn count(&self, default: usize) -> usize {
        self.permutations.unwrap_or(default)
    }
}
