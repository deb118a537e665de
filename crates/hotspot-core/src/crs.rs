//! Coordinate reference systems: EPSG codes, detection from coordinate magnitudes, and batch
//! transforms with PROJ.
//!
//! The library works in one metric CRS (British National Grid, EPSG:27700, by default) and
//! transforms only at the edges, in batches. PROJ needs its `proj.db` at run time: the one made by
//! the PROJ build is embedded in the library and written once to a cache folder, so a copied
//! binary works on a machine with no PROJ installed.
//!
//! ```
//! use hotspot_core::crs::{Epsg, Transformer};
//! let to_bng = Transformer::new(Epsg::WGS84, Epsg::BNG).unwrap();
//! let mut pts = vec![(-1.5535, 54.5235)]; // Darlington town centre, lon/lat
//! to_bng.transform(&mut pts).unwrap();
//! assert!((pts[0].0 - 428_900.0).abs() < 500.0 && (pts[0].1 - 514_700.0).abs() < 500.0);
//! ```
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::error::Error;

/// An EPSG code, such as 4326 (WGS84 lon/lat) or 27700 (British National Grid). Serialised as
/// `"EPSG:27700"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Epsg(pub u32);

impl serde::Serialize for Epsg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Epsg {
    /// WGS84 longitude/latitude in degrees (GeoJSON's CRS).
    pub const WGS84: Epsg = Epsg(4326);
    /// British National Grid eastings/northings in metres.
    pub const BNG: Epsg = Epsg(27700);

    /// The plausible range of (x, y) for the CRSs whose range we know, used to reject
    /// out-of-range rows before transforming.
    pub fn valid_range(self) -> Option<([f64; 2], [f64; 2])> {
        match self.0 {
            4326 => Some(([-180.0, 180.0], [-90.0, 90.0])),
            27700 => Some(([0.0, 700_000.0], [0.0, 1_300_000.0])),
            _ => None,
        }
    }

    /// Whether a point lies in [`Epsg::valid_range`] (always true when the range is unknown).
    pub fn in_range(self, x: f64, y: f64) -> bool {
        match self.valid_range() {
            Some(([x0, x1], [y0, y1])) => x >= x0 && x <= x1 && y >= y0 && y <= y1,
            None => x.is_finite() && y.is_finite(),
        }
    }
}

impl std::fmt::Display for Epsg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EPSG:{}", self.0)
    }
}

/// How a CRS was settled: given by the user or file, or guessed from coordinate magnitudes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CrsSource {
    /// The user named it (a flag or a preset).
    Given,
    /// The file declared it (a GeoJSON `crs` member).
    Declared,
    /// Guessed from the range of the coordinates.
    Detected,
}

/// Guesses the CRS from the range of the coordinates: at least 95 % within lon/lat bounds →
/// WGS84; else at least 95 % within the British National Grid's extent → BNG; otherwise `None`.
/// (The tolerance lets a few garbage rows be rejected as out of range instead of defeating the
/// guess.)
///
/// ```
/// use hotspot_core::crs::{detect_from_magnitudes, Epsg};
/// assert_eq!(detect_from_magnitudes([(-1.55, 54.52)].into_iter()), Some(Epsg::WGS84));
/// assert_eq!(detect_from_magnitudes([(428_900.0, 514_700.0)].into_iter()), Some(Epsg::BNG));
/// assert_eq!(detect_from_magnitudes([(2.0e7, 1.0)].into_iter()), None);
/// ```
pub fn detect_from_magnitudes(points: impl Iterator<Item = (f64, f64)>) -> Option<Epsg> {
    let (mut lonlat, mut bng, mut n) = (0usize, 0usize, 0usize);
    for (x, y) in points.filter(|(x, y)| x.is_finite() && y.is_finite()) {
        n += 1;
        lonlat += Epsg::WGS84.in_range(x, y) as usize;
        bng += Epsg::BNG.in_range(x, y) as usize;
    }
    let most = |k: usize| n > 0 && k * 20 >= n * 19;
    if most(lonlat) {
        Some(Epsg::WGS84)
    } else if most(bng) {
        Some(Epsg::BNG)
    } else {
        None
    }
}

/// A batch coordinate transform between two EPSG CRSs, in (x, y) = (lon, lat) or (E, N) order.
pub struct Transformer {
    from: Epsg,
    to: Epsg,
    proj: Option<proj::Proj>,
}

impl Transformer {
    /// Builds the transform; `from == to` is the identity and needs no PROJ.
    pub fn new(from: Epsg, to: Epsg) -> Result<Transformer, Error> {
        if from == to {
            return Ok(Transformer { from, to, proj: None });
        }
        let dir = proj_data_dir()?; // first: it also silences PROJ before a context exists
        let mut builder = proj::ProjBuilder::new();
        builder
            .set_search_paths(dir)
            .map_err(|e| Error::Proj(format!("cannot point PROJ at its database: {e}")))?;
        let proj = builder
            .proj_known_crs(&from.to_string(), &to.to_string(), None)
            .map_err(|_| Error::UnknownCrs {
                epsg: if known(from) { to.0 } else { from.0 },
            })?;
        Ok(Transformer { from, to, proj: Some(proj) })
    }

    /// The source CRS.
    pub fn from(&self) -> Epsg {
        self.from
    }

    /// The target CRS.
    pub fn to(&self) -> Epsg {
        self.to
    }

    /// Transforms points in place. Points PROJ cannot transform become `(NaN, NaN)`; the caller
    /// decides what that means (a rejected row, an invalid polygon).
    pub fn transform(&self, points: &mut [(f64, f64)]) -> Result<(), Error> {
        let Some(proj) = &self.proj else { return Ok(()) };
        for chunk in points.chunks_mut(1 << 16) {
            if proj.convert_array(chunk).is_err() {
                // Rare: one bad point fails the batch, so redo this batch point by point.
                for p in chunk.iter_mut() {
                    *p = proj.convert(*p).unwrap_or((f64::NAN, f64::NAN));
                }
            }
        }
        for p in points.iter_mut() {
            if !(p.0.is_finite() && p.1.is_finite()) {
                *p = (f64::NAN, f64::NAN);
            }
        }
        Ok(())
    }
}

/// Transforms many points, split across threads (PROJ objects are not shareable, so each thread
/// builds its own; below 50,000 points one thread does it all).
///
/// ```
/// use hotspot_core::crs::{transform_all, Epsg};
/// let mut pts = vec![(-1.5535, 54.5235); 3];
/// transform_all(Epsg::WGS84, Epsg::BNG, &mut pts).unwrap();
/// assert!(pts.iter().all(|p| (p.0 - 428_900.0).abs() < 500.0));
/// ```
pub fn transform_all(from: Epsg, to: Epsg, points: &mut [(f64, f64)]) -> Result<(), Error> {
    use rayon::prelude::*;
    if from == to {
        return Ok(());
    }
    let threads = rayon::current_num_threads().max(1);
    if points.len() < 50_000 || threads == 1 {
        return Transformer::new(from, to)?.transform(points);
    }
    points.par_chunks_mut(points.len().div_ceil(threads)).try_for_each(|chunk| Transformer::new(from, to)?.transform(chunk))
}

fn known(epsg: Epsg) -> bool {
    matches!(epsg.0, 4326 | 27700)
}

/// Checks that PROJ knows an EPSG code, so that a typo fails before any file is read.
pub fn check_epsg(epsg: Epsg) -> Result<(), Error> {
    let other = if epsg == Epsg::WGS84 { Epsg::BNG } else { Epsg::WGS84 };
    Transformer::new(epsg, other).map(|_| ()).map_err(|_| Error::UnknownCrs { epsg: epsg.0 })
}

static PROJ_DB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/proj.db"));

/// The folder holding the embedded `proj.db`, written on first use to
/// `$XDG_CACHE_HOME/hotspot/proj-<size>` (or `~/.cache/...`, or the temp folder).
fn proj_data_dir() -> Result<PathBuf, Error> {
    static DIR: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    DIR.get_or_init(|| {
        silence_proj();
        write_proj_db()
    })
    .clone()
    .map_err(Error::Proj)
}

/// The library never prints: PROJ's own messages ("crs not found") would go to stderr, and its
/// failures reach the caller as typed errors anyway. New contexts copy the default context's log
/// level, so setting it once before any transform is built covers them all.
fn silence_proj() {
    // SAFETY: a null context means PROJ's default context; setting its log level has no other
    // effect and runs once, before any other context is created by this library.
    unsafe {
        proj_sys::proj_log_level(std::ptr::null_mut(), proj_sys::PJ_LOG_LEVEL_PJ_LOG_NONE);
    }
}

fn write_proj_db() -> Result<PathBuf, String> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .filter(|p| std::fs::create_dir_all(p).is_ok())
        .unwrap_or_else(std::env::temp_dir);
    let dir = base.join("hotspot").join(format!("proj-{}", PROJ_DB.len()));
    let db = dir.join("proj.db");
    let fresh = |p: &PathBuf| p.metadata().map(|m| m.len() == PROJ_DB.len() as u64).unwrap_or(false);
    if fresh(&db) {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .map_err(|e| format!("cannot write PROJ's database in {}: {e}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, PROJ_DB).map_err(|e| e.to_string())?;
    if let Err(e) = tmp.persist(&db) {
        // Another process may have won the race; only fail if no good copy exists.
        if !fresh(&db) {
            return Err(format!("cannot write {}: {e}", db.display()));
        }
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wgs84_to_bng_matches_published_point() {
        // Ordnance Survey's worked example: Caister Water Tower, 52°39'28.8282"N 1°42'57.8663"E
        // is E 651409.903, N 313177.270 (OSTN15). Without the OSTN15 grid PROJ uses the 7-parameter
        // Helmert transform, good to a few metres.
        let t = Transformer::new(Epsg::WGS84, Epsg::BNG).unwrap();
        let lat = 52.0 + 39.0 / 60.0 + 28.8282 / 3600.0;
        let lon = 1.0 + 42.0 / 60.0 + 57.8663 / 3600.0;
        let mut p = vec![(lon, lat)];
        t.transform(&mut p).unwrap();
        assert!((p[0].0 - 651_409.903).abs() < 5.0, "{:?}", p);
        assert!((p[0].1 - 313_177.270).abs() < 5.0, "{:?}", p);
    }

    #[test]
    fn round_trip_is_lossless_to_a_millimetre() {
        let there = Transformer::new(Epsg::BNG, Epsg::WGS84).unwrap();
        let back = Transformer::new(Epsg::WGS84, Epsg::BNG).unwrap();
        let orig = vec![(428_900.0, 514_700.0), (530_000.0, 180_000.0)];
        let mut p = orig.clone();
        there.transform(&mut p).unwrap();
        back.transform(&mut p).unwrap();
        for (a, b) in orig.iter().zip(&p) {
            assert!((a.0 - b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3);
        }
    }

    #[test]
    fn unknown_epsg_is_a_typed_error() {
        assert!(matches!(check_epsg(Epsg(999_999)), Err(Error::UnknownCrs { epsg: 999_999 })));
        check_epsg(Epsg(3857)).unwrap();
    }

    #[test]
    fn detection_needs_every_point_in_range() {
        let mixed = [(-1.5, 54.5), (428_900.0, 514_700.0)];
        assert_eq!(detect_from_magnitudes(mixed.into_iter()), None);
        assert_eq!(detect_from_magnitudes(std::iter::empty()), None);
    }
}
