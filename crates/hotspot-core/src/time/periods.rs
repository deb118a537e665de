//! Time periods: police.uk months as they are, or dates binned by week, 28 days, month or
//! quarter, with an automatic choice from the data's span.
//!
//! Automatic rule: months-only data (police.uk) → months, or quarters beyond 36 months; dated
//! data → weeks up to 26 weeks' span, 28-day periods up to 2 years, months up to 6 years, else
//! quarters. Weeks and 28-day periods start on the earliest date.
//!
//! ```
//! use hotspot_core::ingest::Month;
//! use hotspot_core::time::periods::{Binning, Periods};
//! let m = |mo| Some(Month { year: 2025, month: mo });
//! let p = Periods::new(&[m(1), m(3), m(2), None], &[None; 4], None);
//! assert_eq!(p.binning, Binning::Month);
//! assert_eq!(p.labels, ["2025-01", "2025-02", "2025-03"]);
//! assert_eq!(p.of, vec![Some(0), Some(2), Some(1), None]);
//! ```
use chrono::{Datelike, NaiveDate};

use crate::ingest::Month;

/// How incidents are put into periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binning {
    /// 7 days from the earliest date.
    Week,
    /// 28 days from the earliest date.
    Days28,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
}

impl std::str::FromStr for Binning {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Binning> {
        match s {
            "week" => Ok(Binning::Week),
            "28days" | "28d" => Ok(Binning::Days28),
            "month" => Ok(Binning::Month),
            "quarter" => Ok(Binning::Quarter),
            _ => Err(crate::Error::Usage(format!("--period {s}: use week, 28days, month or quarter"))),
        }
    }
}

impl Binning {
    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Binning::Week => "week",
            Binning::Days28 => "28 days",
            Binning::Month => "month",
            Binning::Quarter => "quarter",
        }
    }
}

/// Every incident's period.
#[derive(Debug, Clone, PartialEq)]
pub struct Periods {
    /// The binning used.
    pub binning: Binning,
    /// Whether the binning was chosen automatically.
    pub automatic: bool,
    /// Period labels in time order, every period in the span (empty ones included).
    pub labels: Vec<String>,
    /// Each incident's period index (None when it has no month).
    pub of: Vec<Option<usize>>,
}

fn month_index(m: Month) -> i64 {
    m.year as i64 * 12 + m.month as i64 - 1
}

impl Periods {
    /// Periods for incidents with `months` (and `dates` where known); `binning` None chooses.
    pub fn new(months: &[Option<Month>], dates: &[Option<NaiveDate>], binning: Option<Binning>) -> Periods {
        let automatic = binning.is_none();
        let dated = dates.iter().zip(months).filter(|(_, m)| m.is_some()).all(|(d, _)| d.is_some()) && dates.iter().any(Option::is_some);
        let (m0, m1) = match (months.iter().flatten().min(), months.iter().flatten().max()) {
            (Some(a), Some(b)) => (month_index(*a), month_index(*b)),
            _ => return Periods { binning: binning.unwrap_or(Binning::Month), automatic: binning.is_none(), labels: vec![], of: vec![None; months.len()] },
        };
        let d0 = dates.iter().flatten().min().copied();
        let span_days = match (d0, dates.iter().flatten().max()) {
            (Some(a), Some(b)) => (*b - a).num_days(),
            _ => (m1 - m0 + 1) * 30,
        };
        let chosen = binning.unwrap_or(if !dated {
            if m1 - m0 + 1 > 36 { Binning::Quarter } else { Binning::Month }
        } else if span_days <= 26 * 7 {
            Binning::Week
        } else if span_days <= 730 {
            Binning::Days28
        } else if span_days <= 6 * 365 {
            Binning::Month
        } else {
            Binning::Quarter
        });
        let binning = if !dated && matches!(chosen, Binning::Week | Binning::Days28) { Binning::Month } else { chosen };
        let of: Vec<Option<usize>> = months
            .iter()
            .zip(dates)
            .map(|(m, d)| {
                let m = (*m)?;
                Some(match binning {
                    Binning::Month => (month_index(m) - m0) as usize,
                    Binning::Quarter => (month_index(m) / 3 - m0 / 3) as usize,
                    Binning::Week => ((d.unwrap() - d0.unwrap()).num_days() / 7) as usize,
                    Binning::Days28 => ((d.unwrap() - d0.unwrap()).num_days() / 28) as usize,
                })
            })
            .collect();
        let count = of.iter().flatten().max().map_or(0, |m| m + 1);
        let labels = (0..count)
            .map(|k| match binning {
                Binning::Month => {
                    let i = m0 + k as i64;
                    format!("{:04}-{:02}", i / 12, i % 12 + 1)
                }
                Binning::Quarter => {
                    let q = m0 / 3 + k as i64;
                    format!("{:04}-Q{}", q / 4, q % 4 + 1)
                }
                Binning::Week | Binning::Days28 => {
                    let days = if binning == Binning::Week { 7 } else { 28 };
                    let start = d0.unwrap() + chrono::Duration::days(k as i64 * days);
                    format!("{}-{:02}-{:02}", start.year(), start.month(), start.day())
                }
            })
            .collect();
        Periods { binning, automatic, labels, of }
    }
}
