//! Emerging hot spots, after ArcGIS Pro's Emerging Hot Spot Analysis: Gi* in every period on the
//! same neighbours, the Mann-Kendall trend of each place's z-scores, and a category per place.
//!
//! A period is "hot" for a place when its Gi* z > 0 with p ≤ 0.05 (two-sided), "cold" when z < 0
//! with p ≤ 0.05. With n periods, "most" means at least 90 % of them; the trend is significant at
//! p ≤ 0.05. The rules, checked in this order for hot spots (and mirrored for cold):
//!
//! - **new**: hot in the final period and never before;
//! - **consecutive**: a single uninterrupted run of at least two hot periods ending in the final
//!   one, never hot before the run, and fewer than 90 % of periods hot;
//! - **intensifying**: hot in at least 90 % of periods including the final one, z trending up;
//! - **persistent**: hot in at least 90 % of periods, no significant trend;
//! - **diminishing**: hot in at least 90 % of periods including the final one, z trending down;
//! - **sporadic**: hot in the final period, on and off before, fewer than 90 % hot, never cold;
//! - **oscillating**: hot in the final period, cold in some earlier period, fewer than 90 % hot;
//! - **historical**: not hot in the final period but hot in at least 90 % of periods;
//! - **no pattern** otherwise.
//!
//! ```
//! use hotspot_core::time::emerging::{classify, Category};
//! let (h, c) = (1i8, -1i8);
//! assert_eq!(classify(&[0, 0, 0, 0, 0, 0, 0, 0, 0, h], 0.0, 1.0), Category::New(true));
//! assert_eq!(classify(&[0, 0, 0, 0, 0, 0, 0, h, h, h], 0.0, 1.0), Category::Consecutive(true));
//! assert_eq!(classify(&[h; 10], 3.0, 0.001), Category::Intensifying(true));
//! assert_eq!(classify(&[h; 10], 0.2, 0.8), Category::Persistent(true));
//! assert_eq!(classify(&[h, 0, h, 0, 0, h, 0, 0, 0, h], 0.0, 1.0), Category::Sporadic(true));
//! assert_eq!(classify(&[c, 0, 0, h, 0, 0, 0, 0, 0, h], 0.0, 1.0), Category::Oscillating(true));
//! assert_eq!(classify(&[h, h, h, h, h, h, h, h, h, 0], -1.0, 0.3), Category::Historical(true));
//! assert_eq!(classify(&[c; 10], -3.0, 0.001), Category::Intensifying(false));
//! ```
use crate::stats::gistar::gistar;
use crate::time::mann_kendall::{mann_kendall, MannKendall};

/// A place's pattern; `true` = hot, `false` = cold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Hot (cold) in the final period only.
    New(bool),
    /// A final run of hot (cold) periods.
    Consecutive(bool),
    /// Mostly hot (cold) and getting more so.
    Intensifying(bool),
    /// Mostly hot (cold), no trend.
    Persistent(bool),
    /// Mostly hot (cold) and fading.
    Diminishing(bool),
    /// On and off, hot (cold) at the end.
    Sporadic(bool),
    /// Hot (cold) at the end after being the opposite.
    Oscillating(bool),
    /// Mostly hot (cold) once, not now.
    Historical(bool),
    /// None of these.
    NoPattern,
}

impl Category {
    /// "new hot spot", "persistent cold spot", "no pattern", ...
    pub fn label(self) -> String {
        let (name, hot) = match self {
            Category::New(h) => ("new", h),
            Category::Consecutive(h) => ("consecutive", h),
            Category::Intensifying(h) => ("intensifying", h),
            Category::Persistent(h) => ("persistent", h),
            Category::Diminishing(h) => ("diminishing", h),
            Category::Sporadic(h) => ("sporadic", h),
            Category::Oscillating(h) => ("oscillating", h),
            Category::Historical(h) => ("historical", h),
            Category::NoPattern => return "no pattern".into(),
        };
        format!("{name} {} spot", if hot { "hot" } else { "cold" })
    }
}

/// The category from per-period states (1 hot, −1 cold, 0 neither) and the z trend's
/// Mann-Kendall z and p.
pub fn classify(states: &[i8], trend_z: f64, trend_p: f64) -> Category {
    for hot in [true, false] {
        let want = if hot { 1 } else { -1 };
        if let Some(c) = classify_one(states, want, trend_z, trend_p) {
            return c;
        }
    }
    Category::NoPattern
}

fn classify_one(states: &[i8], want: i8, trend_z: f64, trend_p: f64) -> Option<Category> {
    let hot = want == 1;
    let n = states.len();
    let last = *states.last()?;
    let count = states.iter().filter(|&&s| s == want).count();
    let most = count as f64 >= 0.9 * n as f64;
    let opposite = states.iter().any(|&s| s == -want);
    let run = states.iter().rev().take_while(|&&s| s == want).count();
    let rising = trend_p <= 0.05 && if hot { trend_z > 0.0 } else { trend_z < 0.0 };
    let falling = trend_p <= 0.05 && if hot { trend_z < 0.0 } else { trend_z > 0.0 };
    if last == want {
        if count == 1 {
            return Some(Category::New(hot));
        }
        if run >= 2 && count == run && !most {
            return Some(Category::Consecutive(hot));
        }
        if most && rising {
            return Some(Category::Intensifying(hot));
        }
        if most && falling {
            return Some(Category::Diminishing(hot));
        }
        if most {
            return Some(Category::Persistent(hot));
        }
        if opposite {
            return Some(Category::Oscillating(hot));
        }
        return Some(Category::Sporadic(hot));
    }
    most.then_some(Category::Historical(hot))
}

/// Per place: the Gi* z in each period, the trends, and the category.
#[derive(Debug, Clone, PartialEq)]
pub struct Emerging {
    /// `z[place][period]`.
    pub z: Vec<Vec<f64>>,
    /// Mann-Kendall of each place's counts.
    pub count_trend: Vec<MannKendall>,
    /// Mann-Kendall of each place's z-scores.
    pub z_trend: Vec<MannKendall>,
    /// Category per place.
    pub category: Vec<Category>,
}

/// Emerging hot spots from `counts[place][period]` and the places' `neighbours`.
pub fn emerging(counts: &[Vec<f64>], neighbours: &[Vec<usize>]) -> Emerging {
    let places = counts.len();
    let periods = counts.first().map_or(0, Vec::len);
    let mut z = vec![vec![0.0; periods]; places];
    for t in 0..periods {
        let x: Vec<f64> = counts.iter().map(|row| row[t]).collect();
        let g = gistar(&x, neighbours, 0, 0);
        for (row, value) in z.iter_mut().zip(&g.z) {
            row[t] = *value;
        }
    }
    let count_trend: Vec<MannKendall> = counts.iter().map(|c| mann_kendall(c)).collect();
    let z_trend: Vec<MannKendall> = z.iter().map(|r| mann_kendall(r)).collect();
    let category = (0..places)
        .map(|i| {
            let states: Vec<i8> = z[i].iter().map(|&v| if crate::stats::gistar::two_sided_p(v) <= 0.05 { v.signum() as i8 } else { 0 }).collect();
            classify(&states, z_trend[i].z, z_trend[i].p)
        })
        .collect();
    Emerging { z, count_trend, z_trend, category }
}
