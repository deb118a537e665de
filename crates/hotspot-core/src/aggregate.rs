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
use crate::ingest::{Incidents, Month};

/// Incident counts by area and kind, optionally by month.
#[derive(Debug, Clone, PartialEq)]
pub struct CountTable {
    /// Kind slugs, sorted; the columns of `counts`.
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

/// Counts assigned incidents per area and kind; with `by_month`, per month too.
pub fn count(incidents: &Incidents, assignment: &Assignment, areas: &AreaSet, by_month: bool) -> CountTable {
    let mut kinds = incidents.kinds.clone();
    kinds.sort();
    let column: Vec<usize> = incidents.kinds.iter().map(|k| kinds.binary_search(k).unwrap()).collect();
    let mut months: Vec<Month> = if by_month { incidents.month.iter().flatten().copied().collect() } else { Vec::new() };
    months.sort();
    months.dedup();
    let mut counts = vec![vec![0u64; kinds.len()]; areas.len()];
    let mut per_month = by_month.then(|| vec![vec![vec![0u64; months.len()]; kinds.len()]; areas.len()]);
    let mut undated = 0;
    for (i, area) in assignment.area.iter().enumerate() {
        let Some(a) = area else { continue };
        let (a, k) = (*a as usize, column[incidents.kind[i] as usize]);
        counts[a][k] += 1;
        if let Some(table) = per_month.as_mut() {
            match incidents.month[i] {
                Some(m) => table[a][k][months.binary_search(&m).unwrap()] += 1,
                None => undated += 1,
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
}
