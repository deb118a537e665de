//! Change between two periods, place by place, with a test that it is more than chance.
//!
//! For a place with a incidents before the boundary and b after, over periods of length t₁ and
//! t₂: under "no change in rate", b given a + b is Binomial(a + b, t₂ / (t₁ + t₂)) (the conditional
//! test for two Poisson counts, Przyborowski & Wilenski 1940). p is the exact two-sided binomial p
//! (R's `binom.test`: the sum of the probabilities of outcomes no more likely than the observed).
//!
//! ```
//! use hotspot_core::time::change::binomial_two_sided;
//! // R: binom.test(9, 12, 0.5)$p.value = 0.1459961
//! assert!((binomial_two_sided(9, 12, 0.5) - 0.1459961).abs() < 1e-6);
//! // R: binom.test(1, 20, 0.5)$p.value = 4.005432e-05
//! assert!((binomial_two_sided(1, 20, 0.5) - 4.005432e-05).abs() < 1e-10);
//! ```

/// Exact two-sided binomial p of `k` successes in `n` trials with probability `p`.
pub fn binomial_two_sided(k: u64, n: u64, p: f64) -> f64 {
    if n == 0 {
        return 1.0;
    }
    let ln = |i: u64| libm::lgamma(n as f64 + 1.0) - libm::lgamma(i as f64 + 1.0) - libm::lgamma((n - i) as f64 + 1.0) + i as f64 * p.ln() + (n - i) as f64 * (1.0 - p).ln();
    let pmf = |i: u64| if p <= 0.0 { (i == 0) as u8 as f64 } else if p >= 1.0 { (i == n) as u8 as f64 } else { ln(i).exp() };
    let observed = pmf(k);
    let total: f64 = (0..=n).map(pmf).filter(|&q| q <= observed * (1.0 + 1e-7)).sum();
    total.min(1.0)
}

/// One place's change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// Incidents before the boundary.
    pub before: u64,
    /// Incidents from the boundary on.
    pub after: u64,
    /// after − before.
    pub change: i64,
    /// (after − before) / before × 100; None when before = 0.
    pub change_pct: Option<f64>,
    /// Two-sided conditional binomial p.
    pub p: f64,
}

/// Change per place from counts before and after, over periods of `t_before` and `t_after`.
pub fn change(before: &[u64], after: &[u64], t_before: f64, t_after: f64) -> Vec<Change> {
    let share = t_after / (t_before + t_after);
    before
        .iter()
        .zip(after)
        .map(|(&a, &b)| Change {
            before: a,
            after: b,
            change: b as i64 - a as i64,
            change_pct: (a > 0).then(|| (b as f64 - a as f64) / a as f64 * 100.0),
            p: binomial_two_sided(b, a + b, share),
        })
        .collect()
}
