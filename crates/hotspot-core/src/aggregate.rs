//! Counts per area × kind (and × month), and rates per 1,000 residents.
//!
//! rate = count / residents × 1000; null where residents are unknown or zero.
//!
//! ```
//! use hotspot_core::aggregate::rate_per_1000;
//! assert_eq!(rate_per_1000(25, Some(1250.0)), Some(20.0));
//! assert_eq!(rate_per_1000(3, None), None);
//! assert_eq!(rate_per_1000(3, Some(0.0)), None);
//! ```
use crate::areas::AreaSet;
use crate::assign::Assignment;
use crate::ingest::mapped::{is_large_flytip, LARGE_FLYTIP_SIZES};
use crate::ingest::{Incidents, Month};

/// Incident counts by area and kind, optionally by month.
#[derive(Debug, Clone, PartialEq)]
pub struct CountTable {
    /// Kind slugs and derived categories ([`category`]), sorted; the columns of `counts`.
    pub kinds: Vec<String>,
    /// `counts[area][kind]`, areas in [`AreaSet`] order.
    pub counts: Vec<Vec<u64>>,
    /// The months present (sorted), when counted by month.
    pub months: Vec<Month>,
    /// `by_month[area][kind][month]`, when counted by month.
    pub by_month: Option<Vec<Vec<Vec<u64>>>>,
    /// Incidents without a month (only counted in `counts`), when counted by month.
    pub undated: u64,
}

impl CountTable {
    /// The total of one kind over all areas.
    pub fn total(&self, kind: usize) -> u64 {
        self.counts.iter().map(|row| row[kind]).sum()
    }
}

/// The category an incident also counts in, from its kind and detail: fly-tips by DEFRA size
/// (`flytip_large` = tipper lorry load or significant/multi loads, else `flytip_small`), secondary
/// fires by motive (`fire_deliberate` = deliberate or not known, the partnerships' measure;
/// `fire_accidental`).
///
/// ```
/// use hotspot_core::aggregate::category;
/// assert_eq!(category("flytip", Some("Tipper lorry load")), Some("flytip_large"));
/// assert_eq!(category("flytip", Some("Car boot or less")), Some("flytip_small"));
/// assert_eq!(category("fire", Some("Not known")), Some("fire_deliberate"));
/// assert_eq!(category("asb", Some("x")), None);
/// ```
pub fn category(kind: &str, detail: Option<&str>) -> Option<&'static str> {
    let detail = detail?.trim();
    match kind {
        "flytip" if is_large_flytip(detail, &LARGE_FLYTIP_SIZES) => Some("flytip_large"),
        "flytip" => Some("flytip_small"),
        "fire" => match detail.to_ascii_lowercase().as_str() {
            "deliberate" | "not known" | "unknown" | "not_known" => Some("fire_deliberate"),
            "accidental" => Some("fire_accidental"),
            _ => None,
        },
        _ => None,
    }
}

/// The kind a category belongs to (`flytip_large` → `flytip`); a kind is its own.
///
/// ```
/// assert_eq!(hotspot_core::aggregate::base_kind("fire_deliberate"), "fire");
/// assert_eq!(hotspot_core::aggregate::base_kind("asb"), "asb");
/// ```
pub fn base_kind(kind: &str) -> &str {
    match kind {
        "flytip_large" | "flytip_small" => "flytip",
        "fire_deliberate" | "fire_accidental" => "fire",
        k => k,
    }
}

/// Counts assigned incidents per area and kind (and [`category`]); with `by_month`, per month
/// too.
pub fn count(incidents: &Incidents, assignment: &Assignment, areas: &AreaSet, by_month: bool) -> CountTable {
    let derived: Vec<Option<&'static str>> = (0..incidents.len()).map(|i| category(incidents.kind_of(i), incidents.string(incidents.detail[i]))).collect();
    let mut kinds = incidents.kinds.clone();
    kinds.extend(derived.iter().flatten().map(|c| c.to_string()));
    kinds.sort();
    kinds.dedup();
    let column: Vec<usize> = incidents.kinds.iter().map(|k| kinds.binary_search(k).unwrap()).collect();
    let mut months: Vec<Month> = if by_month { incidents.month.iter().flatten().copied().collect() } else { Vec::new() };
    months.sort();
    months.dedup();
    let mut counts = vec![vec![0u64; kinds.len()]; areas.len()];
    let mut per_month = by_month.then(|| vec![vec![vec![0u64; months.len()]; kinds.len()]; areas.len()]);
    let mut undated = 0;
    for (i, area) in assignment.area.iter().enumerate() {
        let Some(a) = area else { continue };
        let a = *a as usize;
        let extra = derived[i].map(|c| kinds.binary_search_by(|k| k.as_str().cmp(c)).unwrap());
        if incidents.month[i].is_none() && per_month.is_some() {
            undated += 1;
        }
        for k in std::iter::once(column[incidents.kind[i] as usize]).chain(extra) {
            counts[a][k] += 1;
            if let (Some(table), Some(m)) = (per_month.as_mut(), incidents.month[i]) {
                table[a][k][months.binary_search(&m).unwrap()] += 1;
            }
        }
    }
    CountTable { kinds, counts, months, by_month: per_month, undated }
}

/// Incidents per 1,000 residents; `None` where residents are unknown or zero.
pub fn rate_per_1000(count: u64, residents: Option<f64>) -> Option<f64> {
    residents.filter(|r| *r > 0.0).map(|r| count as f64 / r * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{RawRecord, SourceRow};
    use geo::{polygon, MultiPolygon};

    #[test]
    fn counts_by_kind_and_month_by_hand() {
        let sq = |x: f64| MultiPolygon(vec![polygon![(x: x, y: 0.0), (x: x + 1.0, y: 0.0), (x: x + 1.0, y: 1.0), (x: x, y: 1.0)]]);
        let areas = AreaSet::new(vec![("A".into(), None, sq(0.0)), ("B".into(), None, sq(2.0))]);
        let mut inc = Incidents::default();
        let jan = Some(Month { year: 2025, month: 1 });
        let feb = Some(Month { year: 2025, month: 2 });
        for (x, kind, month) in [(0.5, "asb", jan), (0.6, "asb", feb), (0.7, "fire", jan), (2.5, "asb", jan), (9.0, "asb", jan), (2.2, "fire", None)] {
            let r = RawRecord { kind: kind.into(), month, ..Default::default() };
            inc.push(&r, [x, 0.5], SourceRow { file: 0, row: 2 });
        }
        let assignment = crate::assign::assign(&inc.xy, &areas);
        let t = count(&inc, &assignment, &areas, true);
        assert_eq!(t.kinds, ["asb", "fire"]);
        assert_eq!(t.counts, vec![vec![2, 1], vec![1, 1]]);
        assert_eq!(t.months.len(), 2);
        assert_eq!(t.by_month.as_ref().unwrap()[0], vec![vec![1, 1], vec![1, 0]]);
        assert_eq!(t.undated, 1);
        assert_eq!(t.total(0), 3);
    }

    #[test]
    fn categories_count_beside_their_kind() {
        let sq = MultiPolygon(vec![polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)]]);
        let areas = AreaSet::new(vec![("A".into(), None, sq)]);
        let mut inc = Incidents::default();
        for (kind, detail) in [("flytip", Some("Tipper lorry load")), ("flytip", Some("Single black bag")), ("flytip", None), ("fire", Some("Deliberate")), ("fire", Some("Not known")), ("fire", Some("Accidental"))] {
            let r = RawRecord { kind: kind.into(), detail: detail.map(String::from), ..Default::default() };
            inc.push(&r, [0.5, 0.5], SourceRow { file: 0, row: 2 });
        }
        let t = count(&inc, &crate::assign::assign(&inc.xy, &areas), &areas, false);
        assert_eq!(t.kinds, ["fire", "fire_accidental", "fire_deliberate", "flytip", "flytip_large", "flytip_small"]);
        assert_eq!(t.counts[0], vec![3, 1, 2, 3, 1, 1]);
    }
}
