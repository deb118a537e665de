//! How concentrated harm is: the HILs' share of residents and of each domain's incidents, and per
//! domain the concentration (Lorenz) curve and Gini coefficient.
//!
//! Lorenz curve: areas sorted by rate, highest first; x = cumulative share of the base
//! (residents, or areas when rates are not per resident), y = cumulative share of incidents. Gini =
//! 2 × (area under the curve) − 1, by the trapezium rule: 0 when incidents follow the base
//! exactly, towards 1 when a few areas hold them all.
//!
//! ```
//! use hotspot_core::rank::concentration::lorenz;
//! // Two equal populations, all 10 incidents in one: the curve goes (0,0) (0.5,1) (1,1).
//! let (curve, gini) = lorenz(&[0, 10], &[100.0, 100.0]);
//! assert_eq!(curve, vec![(0.0, 0.0), (0.5, 1.0), (1.0, 1.0)]);
//! assert!((gini - 0.5).abs() < 1e-12);
//! ```
use serde::Serialize;

/// The HILs' share of one domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    /// The domain.
    pub domain: String,
    /// Incidents in HILs.
    pub in_hils: u64,
    /// Incidents in all areas.
    pub total: u64,
    /// in_hils / total (0..1).
    pub share: f64,
    /// share / the HILs' share of residents: how many times their "fair share".
    pub ratio: Option<f64>,
    /// Gini coefficient of the domain over all areas.
    pub gini: f64,
}

/// The HILs' shares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concentration {
    /// Number of HILs.
    pub hils: usize,
    /// Residents in HILs.
    pub hil_residents: f64,
    /// Residents in all areas.
    pub residents: f64,
    /// hil_residents / residents (0..1).
    pub residents_share: f64,
    /// Per domain.
    pub shares: Vec<Share>,
}

/// Lorenz curve points (starting at (0, 0)) and Gini coefficient of `counts` over `base`.
pub fn lorenz(counts: &[u64], base: &[f64]) -> (Vec<(f64, f64)>, f64) {
    let mut order: Vec<usize> = (0..counts.len()).filter(|&i| base[i] > 0.0).collect();
    let rate = |i: usize| counts[i] as f64 / base[i];
    order.sort_by(|&a, &b| rate(b).total_cmp(&rate(a)).then(a.cmp(&b)));
    let (tb, tc) = order.iter().fold((0.0, 0.0), |acc, &i| (acc.0 + base[i], acc.1 + counts[i] as f64));
    let mut curve = vec![(0.0, 0.0)];
    let (mut x, mut y, mut area) = (0.0, 0.0, 0.0);
    for &i in &order {
        let (nx, ny) = (x + base[i] / tb, if tc > 0.0 { y + counts[i] as f64 / tc } else { x + base[i] / tb });
        area += (nx - x) * (ny + y) / 2.0;
        (x, y) = (nx, ny);
        curve.push((x, y));
    }
    (curve, 2.0 * area - 1.0)
}

/// The HILs' share of residents and of each domain, with Gini per domain. `base` is the
/// residents (or 1 per area) used for the Lorenz curves.
pub fn concentration(hil: &[bool], residents: &[Option<f64>], domains: &[String], counts: &[Vec<u64>], base: &[f64]) -> Concentration {
    let total_res: f64 = residents.iter().flatten().sum();
    let hil_res: f64 = residents.iter().zip(hil).filter(|(_, h)| **h).filter_map(|(r, _)| *r).sum();
    let residents_share = if total_res > 0.0 { hil_res / total_res } else { 0.0 };
    let shares = domains
        .iter()
        .enumerate()
        .map(|(d, name)| {
            let column: Vec<u64> = counts.iter().map(|row| row[d]).collect();
            let total: u64 = column.iter().sum();
            let in_hils: u64 = column.iter().zip(hil).filter(|(_, h)| **h).map(|(c, _)| *c).sum();
            let share = if total > 0 { in_hils as f64 / total as f64 } else { 0.0 };
            let ratio = (residents_share > 0.0).then(|| share / residents_share);
            Share { domain: name.clone(), in_hils, total, share, ratio, gini: lorenz(&column, base).1 }
        })
        .collect();
    Concentration { hils: hil.iter().filter(|h| **h).count(), hil_residents: hil_res, residents: total_res, residents_share, shares }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_gini_by_hand() {
        // Areas: residents 100, 300, 600; ASB 50, 30, 20. HIL = the first.
        let residents = [Some(100.0), Some(300.0), Some(600.0)];
        let counts = vec![vec![50], vec![30], vec![20]];
        let c = concentration(&[true, false, false], &residents, &["asb".into()], &counts, &[100.0, 300.0, 600.0]);
        assert!((c.residents_share - 0.1).abs() < 1e-12);
        assert_eq!((c.shares[0].in_hils, c.shares[0].total), (50, 100));
        assert!((c.shares[0].share - 0.5).abs() < 1e-12);
        assert!((c.shares[0].ratio.unwrap() - 5.0).abs() < 1e-12);
        // Rates 0.5, 0.1, 0.0333: curve (0,0) (0.1,0.5) (0.4,0.8) (1,1).
        // Area = 0.1·0.5/2 + 0.3·1.3/2 + 0.6·1.8/2 = 0.025 + 0.195 + 0.54 = 0.76; Gini = 0.52.
        assert!((c.shares[0].gini - 0.52).abs() < 1e-12);
    }

    #[test]
    fn incidents_in_proportion_to_residents_have_gini_zero() {
        let (_, g) = lorenz(&[10, 20, 30], &[100.0, 200.0, 300.0]);
        assert!(g.abs() < 1e-12);
    }
}
