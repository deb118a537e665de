//! Typed errors. Each input error names the file, the place in it (a line of a CSV, a feature of
//! a GeoJSON), what is wrong and how to fix it, so the CLI can print it as one line.
//!
//! ```
//! use hotspot_core::error::{Error, Place};
//! let e = Error::input("asb.csv", Place::Row(7), "Longitude \"abc\" is not a number",
//!                      "fix the value or drop --strict to skip such rows");
//! assert_eq!(e.to_string(),
//!   "asb.csv, row 7: Longitude \"abc\" is not a number; fix the value or drop --strict to skip such rows");
//! ```
use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A CSV row numbered as a spreadsheet shows it: the header is row 1, the first data row is 2.
    Row(u64),
    /// A 1-based feature of a GeoJSON FeatureCollection.
    Feature(usize),
    /// A named column of a CSV.
    Column(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => Ok(()),
            Place::Row(n) => write!(f, ", row {n}"),
            Place::Feature(n) => write!(f, ", feature {n}"),
            Place::Column(c) => write!(f, ", column \"{c}\""),
        }
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem with an input file's content.
    #[error("{file}{place}: {problem}; {hint}")]
    Input {
        /// The file, as the user named it.
        file: String,
        /// Where in the file.
        place: Place,
        /// What is wrong.
        problem: String,
        /// How to fix it.
        hint: String,
    },
    /// A file that cannot be opened, read or written.
    #[error("{file}: {source}; check the path and permissions")]
    Io {
        /// The file, as the user named it.
        file: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// An EPSG code PROJ does not know.
    #[error("EPSG:{epsg} is not a coordinate reference system PROJ knows; use a code from epsg.io, e.g. 27700 (British National Grid) or 4326 (WGS84 lon/lat)")]
    UnknownCrs {
        /// The code given.
        epsg: u32,
    },
    /// PROJ itself failed (its database could not be set up, for example).
    #[error("PROJ: {0}")]
    Proj(String),
    /// Options that do not fit together or a value out of range.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Shorthand for [`Error::Input`].
    pub fn input(
        file: impl Into<String>,
        place: Place,
        problem: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error::Input { file: file.into(), place, problem: problem.into(), hint: hint.into() }
    }

    /// Shorthand for [`Error::Io`].
    pub fn io(file: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io { file: file.into(), source }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
