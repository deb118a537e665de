//! Benjamini–Hochberg false discovery rate: p-values adjusted for testing many places at once.
//!
//! p_fdr(i) = min over k ≥ rank(i) of p(k) · m / k, capped at 1 (the "BH-adjusted" p-value, as R's
//! `p.adjust(method = "BH")`); a place is significant at level α after FDR when p_fdr ≤ α.
//!
//! ```
//! use hotspot_core::stats::fdr::benjamini_hochberg;
//! // R: p.adjust(c(0.01, 0.04, 0.03, 0.20), "BH") = 0.04 0.0533 0.0533 0.20
//! // (sorted 0.01, 0.03, 0.04, 0.20 → ×4/1, ×4/2, ×4/3, ×4/4 = 0.04, 0.06, 0.0533, 0.2, then the
//! // running minimum from the largest down)
//! let adj = benjamini_hochberg(&[Some(0.01), Some(0.04), Some(0.03), Some(0.20), None]);
//! let r = |x: f64| (x * 1e4).round() / 1e4;
//! assert_eq!(adj.iter().map(|p| p.map(r)).collect::<Vec<_>>(), vec![Some(0.04), Some(0.0533), Some(0.0533), Some(0.2), None]);
//! ```

/// BH-adjusted p-values; `None` stays `None` and does not count among the tests.
pub fn benjamini_hochberg(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<usize> = (0..p.len()).filter(|&i| p[i].is_some()).collect();
    order.sort_by(|&a, &b| p[a].unwrap().total_cmp(&p[b].unwrap()));
    let m = order.len() as f64;
    let mut out = vec![None; p.len()];
    let mut running = 1.0f64;
    for (k, &i) in order.iter().enumerate().rev() {
        running = running.min(p[i].unwrap() * m / (k as f64 + 1.0));
        out[i] = Some(running.min(1.0));
    }
    out
}
