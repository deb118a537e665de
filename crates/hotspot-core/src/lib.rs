//! # hotspot-core
//!
//! Find and rank crime and disorder hotspots for community safety partnerships: read incident
//! files as they come, put every incident in its area, count, and write GeoJSON that opens
//! cleanly in QGIS or ArcGIS. The library never prints; it returns results, accounts and the
//! defaults it chose, and the `hotspot` command decides what to say.
//!
//! | module | what it does |
//! |---|---|
//! | [`ingest`] | police.uk CSVs, mapped CSVs and presets, GeoJSON points → [`ingest::Incidents`], with an account of every row |
//! | [`areas`] | area polygons from GeoJSON, population join, contiguity, indicators, 2011→2021 lookup |
//! | [`rank`] | the High Impact Location index, concentration (shares, Lorenz, Gini), adjoining groups |
//! | [`crs`] | EPSG codes, CRS detection, batch transforms with PROJ (embedded `proj.db`) |
//! | [`index`] | R-tree over incidents: radius, box, k-nearest |
//! | [`assign`] | point → area with a deterministic boundary rule |
//! | [`aggregate`] | counts per area × kind (× month), rates per 1,000 residents |
//! | [`output`] | GeoJSON (RFC 7946) and CSV, written atomically |
//! | [`stats`] | Gi*, Local Moran's I, kernel density on areas and grids; FDR; distance and k-nearest weights |
//! | [`target`] | camera coverage, greedy site selection, hit rate / PAI / RRI |
//! | [`time`] | periods, change with a binomial test, emerging hot spots (Mann-Kendall), repeat places, Knox |
//! | [`synth`] | deterministic synthetic towns and national-scale tessellations |
//! | [`error`] | typed errors naming the file, the row or feature, the problem and the fix |
//!
//! ```no_run
//! use hotspot_core::{aggregate, areas, assign, ingest};
//! let got = ingest::read_incidents(&[ingest::Input::path("police.csv")], &Default::default())?;
//! let loaded = areas::read_areas(&ingest::Input::path("lsoa.geojson"), &Default::default())?;
//! let assignment = assign::assign(&got.incidents.xy, &loaded.areas);
//! let table = aggregate::count(&got.incidents, &assignment, &loaded.areas, false);
//! println!("{} kinds over {} areas", table.kinds.len(), loaded.areas.len());
//! # Ok::<(), hotspot_core::error::Error>(())
//! ```
#![warn(missing_docs)]

pub mod aggregate;
pub mod areas;
pub mod assign;
pub mod crs;
pub mod error;
pub mod index;
pub mod ingest;
pub mod output;
pub mod rank;
pub mod stats;
pub mod synth;
pub mod target;
pub mod time;

pub use error::{Error, Result};
