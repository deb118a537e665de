//! The High Impact Location index, after the Jill Dando Institute's Vulnerable Localities Index.
//!
//! For area i and incident domain d (a kind such as `asb`, or a category such as
//! `fire_deliberate`):
//!
//! - rate(i,d) = count(i,d) / residents(i) × 1000 (or per hectare, or the count itself);
//!   optionally smoothed by global empirical Bayes (Marshall 1991), which pulls the rates of
//!   small populations towards the study-area rate;
//! - index(i,d) = rate(i,d) / rate(study area, d) × 100, where the study-area rate is
//!   Σ count / Σ residents × 1000 over the areas with a denominator; 100 = average;
//! - for an area indicator (e.g. IMD 2019), index = value / mean × 100; ranks where 1 = most
//!   deprived are first inverted to (largest rank + 1 − rank);
//! - score(i) = Σ w(d) index(i,d) / Σ w(d) over the domains the area has a value for.
//!
//! Ranks: 1 = highest score; equal scores share a rank and the next rank skips ("1, 2, 2, 4");
//! areas below `min_population` or without a score are not ranked. `rank_locality` is the same
//! within each locality. HILs are the ranked areas with rank ≤ `top` and/or score ≥ `threshold`
//! (ties at the cut-off are all in).
//!
//! ```
//! use hotspot_core::rank::hil::{index_to_average, competition_ranks};
//! // 30 incidents among 1,000 residents where the study area has 20 among 2,000: index 300
//! assert_eq!(index_to_average(30.0, 20.0 / 2000.0 * 1000.0), Some(300.0));
//! assert_eq!(competition_ranks(&[Some(5.0), Some(9.0), Some(5.0), None, Some(1.0)]),
//!            vec![Some(2), Some(1), Some(2), None, Some(4)]);
//! ```
use geo::Area;

use crate::aggregate::CountTable;
use crate::areas::AreaSet;
use crate::error::{Error, Result};

/// What a rate is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Denominator {
    /// Per 1,000 residents.
    Residents,
    /// Per hectare of the area's polygon.
    Hectares,
    /// The count itself.
    None,
}

impl std::str::FromStr for Denominator {
    type Err = Error;
    fn from_str(s: &str) -> Result<Denominator> {
        match s {
            "residents" => Ok(Denominator::Residents),
            "hectares" => Ok(Denominator::Hectares),
            "none" => Ok(Denominator::None),
            _ => Err(Error::Usage(format!("--denominator {s}: use residents, hectares or none"))),
        }
    }
}

/// An area indicator (e.g. IMD 2019 score or rank), one value per area in [`AreaSet`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Short name used in field names (`index_<name>`).
    pub name: String,
    /// Values per area.
    pub values: Vec<Option<f64>>,
    /// Weight in the score.
    pub weight: f64,
    /// A rank where 1 = worst: inverted before indexing.
    pub is_rank: bool,
}

/// How to build the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipe {
    /// (domain, weight): kinds or categories of the count table.
    pub domains: Vec<(String, f64)>,
    /// Area indicators.
    pub indicators: Vec<Indicator>,
    /// What rates are per.
    pub denominator: Denominator,
    /// Areas with fewer residents are shown but not ranked.
    pub min_population: Option<f64>,
    /// Smooth rates by global empirical Bayes before indexing.
    pub smooth: bool,
    /// HILs: the top N ranks.
    pub top: Option<usize>,
    /// HILs: score at least this.
    pub threshold: Option<f64>,
}

/// The index for every area.
#[derive(Debug, Clone, PartialEq)]
pub struct HilTable {
    /// Domain names (the incident domains).
    pub domains: Vec<String>,
    /// `counts[area][domain]`.
    pub counts: Vec<Vec<u64>>,
    /// `rates[area][domain]` (smoothed when asked).
    pub rates: Vec<Vec<Option<f64>>>,
    /// Study-area rate per domain.
    pub study_rates: Vec<f64>,
    /// Names of the index columns: domains, then indicators.
    pub index_names: Vec<String>,
    /// `index[area][column]`.
    pub index: Vec<Vec<Option<f64>>>,
    /// Weighted mean of the indices.
    pub score: Vec<Option<f64>>,
    /// Rank over all ranked areas.
    pub rank_force: Vec<Option<usize>>,
    /// Rank within the area's locality.
    pub rank_locality: Vec<Option<usize>>,
    /// Selected as a High Impact Location.
    pub hil: Vec<bool>,
}

/// `value / average × 100`, `None` when the average is zero.
pub fn index_to_average(value: f64, average: f64) -> Option<f64> {
    (average > 0.0).then(|| value / average * 100.0)
}

/// Competition ranks, 1 = largest; equal values share a rank; `None` stays unranked.
pub fn competition_ranks(values: &[Option<f64>]) -> Vec<Option<usize>> {
    let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    values.iter().map(|v| v.map(|v| 1 + sorted.partition_point(|s| *s > v))).collect()
}

/// Global empirical Bayes rates (Marshall 1991), per unit of `base`: with m = Σc/Σn,
/// s² = Σ n(r − m)² / Σn − m / n̄ (floored at 0), each rate becomes m + C(r − m) with
/// C = s² / (s² + m/n). Areas without a base stay `None`.
pub fn empirical_bayes(counts: &[u64], base: &[Option<f64>]) -> Vec<Option<f64>> {
    let pairs: Vec<(f64, f64)> = counts.iter().zip(base).filter_map(|(c, b)| b.filter(|b| *b > 0.0).map(|b| (*c as f64, b))).collect();
    let (sc, sn) = pairs.iter().fold((0.0, 0.0), |acc, p| (acc.0 + p.0, acc.1 + p.1));
    if pairs.is_empty() || sn == 0.0 {
        return vec![None; counts.len()];
    }
    let m = sc / sn;
    let nbar = sn / pairs.len() as f64;
    let s2 = (pairs.iter().map(|(c, n)| n * (c / n - m).powi(2)).sum::<f64>() / sn - m / nbar).max(0.0);
    counts
        .iter()
        .zip(base)
        .map(|(c, b)| {
            b.filter(|b| *b > 0.0).map(|n| {
                let r = *c as f64 / n;
                let shrink = if s2 + m / n > 0.0 { s2 / (s2 + m / n) } else { 0.0 };
                m + shrink * (r - m)
            })
        })
        .collect()
}

/// Builds the index (see the module docs).
pub fn rank(areas: &AreaSet, counts: &CountTable, recipe: &Recipe) -> Result<HilTable> {
    let n = areas.len();
    let (base, per) = match recipe.denominator {
        Denominator::Residents => (areas.population.clone(), 1000.0),
        Denominator::Hectares => (areas.polygons.iter().map(|p| Some(p.unsigned_area() / 10_000.0)).collect(), 1.0),
        Denominator::None => (vec![Some(1.0); n], 1.0),
    };
    let mut domain_counts = vec![Vec::with_capacity(recipe.domains.len()); n];
    let mut rates = vec![Vec::with_capacity(recipe.domains.len()); n];
    let mut index = vec![Vec::new(); n];
    let mut study_rates = Vec::new();
    for (name, _) in &recipe.domains {
        let k = counts.kinds.iter().position(|k| k == name).ok_or_else(|| {
            Error::Usage(format!("no incidents of kind {name}; the incidents hold {}", counts.kinds.join(", ")))
        })?;
        let column: Vec<u64> = counts.counts.iter().map(|row| row[k]).collect();
        let with_base: Vec<(u64, f64)> = column.iter().zip(&base).filter_map(|(c, b)| b.filter(|b| *b > 0.0).map(|b| (*c, b))).collect();
        let study = with_base.iter().map(|p| p.0 as f64).sum::<f64>() / with_base.iter().map(|p| p.1).sum::<f64>() * per;
        let raw: Vec<Option<f64>> = if recipe.smooth {
            empirical_bayes(&column, &base).into_iter().map(|r| r.map(|r| r * per)).collect()
        } else {
            column.iter().zip(&base).map(|(c, b)| b.filter(|b| *b > 0.0).map(|b| *c as f64 / b * per)).collect()
        };
        for i in 0..n {
            domain_counts[i].push(column[i]);
            rates[i].push(raw[i]);
            index[i].push(raw[i].and_then(|r| index_to_average(r, study)));
        }
        study_rates.push(study);
    }
    for ind in &recipe.indicators {
        let max = ind.values.iter().flatten().fold(f64::MIN, |a, b| a.max(*b));
        let values: Vec<Option<f64>> = ind.values.iter().map(|v| v.map(|v| if ind.is_rank { max + 1.0 - v } else { v })).collect();
        let known: Vec<f64> = values.iter().flatten().copied().collect();
        let mean = known.iter().sum::<f64>() / known.len().max(1) as f64;
        for i in 0..n {
            index[i].push(values[i].and_then(|v| index_to_average(v, mean)));
        }
    }
    let weights: Vec<f64> = recipe.domains.iter().map(|d| d.1).chain(recipe.indicators.iter().map(|i| i.weight)).collect();
    let score: Vec<Option<f64>> = index
        .iter()
        .map(|row| {
            let (sum, w) = row.iter().zip(&weights).filter_map(|(v, w)| v.map(|v| (v * w, *w))).fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
            (w > 0.0).then(|| sum / w)
        })
        .collect();
    let eligible: Vec<Option<f64>> = (0..n)
        .map(|i| score[i].filter(|_| recipe.min_population.is_none_or(|m| areas.population[i].is_some_and(|p| p >= m))))
        .collect();
    let rank_force = competition_ranks(&eligible);
    let mut rank_locality = vec![None; n];
    let mut localities: Vec<&String> = areas.locality.iter().flatten().collect();
    localities.sort();
    localities.dedup();
    for loc in localities {
        let members: Vec<usize> = (0..n).filter(|&i| areas.locality[i].as_ref() == Some(loc)).collect();
        let ranks = competition_ranks(&members.iter().map(|&i| eligible[i]).collect::<Vec<_>>());
        for (i, r) in members.into_iter().zip(ranks) {
            rank_locality[i] = r;
        }
    }
    let hil = (0..n)
        .map(|i| {
            rank_force[i].is_some_and(|r| recipe.top.is_none_or(|t| r <= t)) && score[i].is_some_and(|s| recipe.threshold.is_none_or(|t| s >= t))
        })
        .collect();
    let index_names = recipe.domains.iter().map(|d| d.0.clone()).chain(recipe.indicators.iter().map(|i| i.name.clone())).collect();
    Ok(HilTable {
        domains: recipe.domains.iter().map(|d| d.0.clone()).collect(),
        counts: domain_counts,
        rates,
        study_rates,
        index_names,
        index,
        score,
        rank_force,
        rank_locality,
        hil,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, MultiPolygon};

    #[test]
    fn empirical_bayes_by_hand() {
        // counts 10, 10, 10, 0 over 1000, 500, 2000, 500 residents: m = 0.0075, n̄ = 1000,
        // s² = 0.125 / 4000 − 0.0075 / 1000 = 2.375e-5; C = s² / (s² + m/n).
        let eb = empirical_bayes(&[10, 10, 10, 0], &[Some(1000.0), Some(500.0), Some(2000.0), Some(500.0)]);
        let want = [0.0094, 0.0075 + 2.375 / 3.875 * 0.0125, 0.0075 - 2.375 / 2.75 * 0.0025, 0.0075 - 2.375 / 3.875 * 0.0075];
        for (g, w) in eb.iter().zip(want) {
            assert!((g.unwrap() - w).abs() < 1e-12, "{g:?} vs {w}");
        }
        // No spread beyond chance: every rate shrinks to the mean.
        let flat = empirical_bayes(&[1, 2], &[Some(100.0), Some(200.0)]);
        assert!(flat.iter().all(|r| (r.unwrap() - 0.01).abs() < 1e-12));
    }

    #[test]
    fn ties_share_a_rank_and_top_takes_every_tie() {
        let sq = |x: f64| MultiPolygon(vec![polygon![(x: x, y: 0.0), (x: x + 1.0, y: 0.0), (x: x + 1.0, y: 1.0), (x: x, y: 1.0)]]);
        let mut areas = AreaSet::new((0..4).map(|i| (format!("E{i}"), Some(format!("Town 00{i}A")), sq(i as f64 * 2.0))).collect());
        areas.population = vec![Some(100.0); 4];
        let counts = CountTable { kinds: vec!["asb".into()], counts: vec![vec![5], vec![5], vec![2], vec![0]], months: vec![], by_month: None, undated: 0 };
        let recipe = Recipe { domains: vec![("asb".into(), 1.0)], indicators: vec![], denominator: Denominator::Residents, min_population: None, smooth: false, top: Some(1), threshold: None };
        let t = rank(&areas, &counts, &recipe).unwrap();
        // rates 50, 50, 20, 0 per 1,000; study rate 30 → index 166.67, 166.67, 66.67, 0.
        assert_eq!(t.rank_force, vec![Some(1), Some(1), Some(3), Some(4)]);
        assert_eq!(t.hil, vec![true, true, false, false]);
        assert!((t.score[2].unwrap() - 66.666_666_666).abs() < 1e-6);
        let err = rank(&areas, &counts, &Recipe { domains: vec![("drugs".into(), 1.0)], ..recipe }).unwrap_err();
        assert!(err.to_string().contains("no incidents of kind drugs"));
    }
}
