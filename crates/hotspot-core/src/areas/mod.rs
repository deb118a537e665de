//! Areas (LSOAs or any polygons): codes, names, localities, population and polygons in the
//! working CRS, with an R-tree over their envelopes.
//!
//! Areas are kept sorted by code, so "the first area in code order" is simply the lowest index:
//! [`crate::assign`] relies on it for its boundary rule.
//!
//! ```
//! use geo::{polygon, MultiPolygon};
//! use hotspot_core::areas::AreaSet;
//! let square = |x: f64| MultiPolygon(vec![polygon![(x: x, y: 0.0), (x: x + 1.0, y: 0.0),
//!     (x: x + 1.0, y: 1.0), (x: x, y: 1.0), (x: x, y: 0.0)]]);
//! let areas = AreaSet::new(vec![
//!     ("E2".into(), Some("Town 001B".into()), square(1.0)),
//!     ("E1".into(), Some("Town 001A".into()), square(0.0)),
//! ]);
//! assert_eq!(areas.codes, ["E1", "E2"]);
//! assert_eq!(areas.locality[0].as_deref(), Some("Town"));
//! ```
pub mod contiguity;
pub mod indicators;
pub mod load;
pub mod lookup;
pub mod population;

use geo::{BoundingRect, MultiPolygon};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

pub use load::{read_areas, AreaOptions, LoadedAreas};
pub use population::{read_population, PopulationJoin, PopulationTable};

type Envelope = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// A set of areas, sorted by code.
#[derive(Debug, Clone)]
pub struct AreaSet {
    /// Area codes (e.g. LSOA21CD), sorted, unique.
    pub codes: Vec<String>,
    /// Area names (e.g. "Darlington 016H").
    pub names: Vec<Option<String>>,
    /// Local authority or locality: the name without its last word ("Darlington 016H" →
    /// "Darlington"), the ONS naming rule for LSOAs.
    pub locality: Vec<Option<String>>,
    /// Residents, when a population table was joined.
    pub population: Vec<Option<f64>>,
    /// Polygons, in [`AreaSet::crs`].
    pub polygons: Vec<MultiPolygon<f64>>,
    /// The CRS of `polygons`: the working CRS, unless they were loaded as they are
    /// ([`load::AreaOptions::keep_native`]) for containment tests in their own CRS.
    pub crs: crate::crs::Epsg,
    tree: RTree<Envelope>,
}

impl AreaSet {
    /// Builds the set from (code, name, polygon) triples, sorting by code. Codes must be unique
    /// ([`load::read_areas`] checks that and names the features).
    pub fn new(areas: Vec<(String, Option<String>, MultiPolygon<f64>)>) -> AreaSet {
        AreaSet::in_crs(areas, crate::crs::Epsg::BNG)
    }

    /// As [`AreaSet::new`], with polygons in `crs`.
    pub fn in_crs(mut areas: Vec<(String, Option<String>, MultiPolygon<f64>)>, crs: crate::crs::Epsg) -> AreaSet {
        areas.sort_by(|a, b| a.0.cmp(&b.0));
        let locality = areas.iter().map(|a| a.1.as_deref().and_then(locality_of)).collect();
        let n = areas.len();
        let (mut codes, mut names, mut polygons) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        for (code, name, poly) in areas {
            codes.push(code);
            names.push(name);
            polygons.push(poly);
        }
        let tree = envelope_tree(&polygons);
        AreaSet { codes, names, locality, population: vec![None; n], polygons, crs, tree }
    }

    /// Moves the polygons to another CRS (a no-op when they are in it already).
    pub fn to_crs(&mut self, to: crate::crs::Epsg) -> crate::Result<()> {
        if self.crs != to {
            load::reproject("areas", self.polygons.iter_mut(), self.crs, to)?;
            self.crs = to;
            self.tree = envelope_tree(&self.polygons);
        }
        Ok(())
    }

    /// Number of areas.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The index of an area code.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.codes.binary_search_by(|c| c.as_str().cmp(code)).ok()
    }

    /// Indices of the areas whose envelope holds the point (in no particular order).
    pub fn candidates(&self, p: [f64; 2]) -> impl Iterator<Item = usize> + '_ {
        self.tree.locate_in_envelope_intersecting(&AABB::from_point(p)).map(|e| e.data)
    }
}

fn envelope_tree(polygons: &[MultiPolygon<f64>]) -> RTree<Envelope> {
    let envelopes = polygons
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.bounding_rect().map(|r| (i, r)))
        .map(|(i, r)| Envelope::new(Rectangle::from_corners(r.min().into(), r.max().into()), i))
        .collect();
    RTree::bulk_load(envelopes)
}

/// The locality of an ONS LSOA name: everything before the last word, when that word looks like
/// an LSOA suffix ("016H").
///
/// ```
/// use hotspot_core::areas::locality_of;
/// assert_eq!(locality_of("County Durham 001A").as_deref(), Some("County Durham"));
/// assert_eq!(locality_of("Central"), None);
/// ```
pub fn locality_of(name: &str) -> Option<String> {
    let (head, last) = name.trim().rsplit_once(' ')?;
    let suffix = last.len() == 4 && last[..3].chars().all(|c| c.is_ascii_digit()) && last.as_bytes()[3].is_ascii_uppercase();
    suffix.then(|| head.trim().to_string())
}
