//! The Mann-Kendall trend test, with the tie correction of the variance.
//!
//! S = Σ_{i<j} sign(x_j − x_i); Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 over groups of t
//! tied values; z = (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, else 0; p two-sided from the
//! normal. As pymannkendall's `original_test` computes `s`, `var_s`, `z` and `p`.
//!
//! ```
//! use hotspot_core::time::mann_kendall::mann_kendall;
//! let mk = mann_kendall(&[1.0, 2.0, 3.0, 4.0, 5.0]);
//! assert_eq!(mk.s, 10.0);
//! assert_eq!(mk.var_s, 5.0 * 4.0 * 15.0 / 18.0);
//! assert!(mk.p < 0.05 && mk.z > 0.0);
//! ```

/// A Mann-Kendall result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannKendall {
    /// S.
    pub s: f64,
    /// Var(S), tie-corrected.
    pub var_s: f64,
    /// z with continuity correction.
    pub z: f64,
    /// Two-sided p.
    pub p: f64,
}

/// The test on a series in time order.
pub fn mann_kendall(x: &[f64]) -> MannKendall {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            s += (x[j] - x[i]).signum() * ((x[j] - x[i]) != 0.0) as u8 as f64;
        }
    }
    let mut sorted = x.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut ties = 0.0;
    let mut k = 0;
    while k < n {
        let mut t = 1;
        while k + t < n && sorted[k + t] == sorted[k] {
            t += 1;
        }
        let tf = t as f64;
        ties += tf * (tf - 1.0) * (2.0 * tf + 5.0);
        k += t;
    }
    let nf = n as f64;
    let var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - ties) / 18.0;
    let z = if var_s <= 0.0 {
        0.0
    } else if s > 0.0 {
        (s - 1.0) / var_s.sqrt()
    } else if s < 0.0 {
        (s + 1.0) / var_s.sqrt()
    } else {
        0.0
    };
    MannKendall { s, var_s, z, p: crate::stats::gistar::two_sided_p(z) }
}
