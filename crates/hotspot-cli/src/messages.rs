//! Everything the command says besides its results: announced defaults and the accounting, on
//! standard error, silenced by `--quiet`.
use std::collections::BTreeMap;

use hotspot_core::areas::PopulationJoin;
use hotspot_core::assign::Assignment;
use hotspot_core::ingest::{Ingested, RejectReason};
use serde_json::{json, Value};

/// Says things on standard error unless quiet.
pub struct Say {
    quiet: bool,
}

impl Say {
    pub fn new(quiet: bool) -> Say {
        Say { quiet }
    }

    /// A default or a detection the user should know about.
    pub fn announce(&self, text: &str) {
        if !self.quiet {
            eprintln!("hotspot: {text}");
        }
    }

    /// Free text (summaries, tables).
    pub fn line(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
}

/// 12345 → "12,345".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn reasons(rejected: &BTreeMap<RejectReason, u64>) -> String {
    rejected.iter().map(|(r, n)| format!("{} {}", thousands(*n), r.as_str())).collect::<Vec<_>>().join(", ")
}

/// The accounting: per file, then in total, then inside/outside. The numbers add up.
pub fn print_accounting(say: &Say, got: &Ingested, assignment: Option<&Assignment>, join: Option<&PopulationJoin>) {
    let mut total: BTreeMap<RejectReason, u64> = BTreeMap::new();
    let (mut read, mut kept) = (0, 0);
    for a in &got.accounts {
        let rejected = if a.rejected.is_empty() { String::new() } else { format!("; rejected {}", reasons(&a.rejected)) };
        say.line(&format!("  {} ({}, {}): {} rows, {} kept{rejected}", a.file, a.format, a.crs, thousands(a.rows_read), thousands(a.kept)));
        read += a.rows_read;
        kept += a.kept;
        for (r, n) in &a.rejected {
            *total.entry(*r).or_default() += n;
        }
    }
    let rejected = if total.is_empty() { String::new() } else { format!("; rejected {}", reasons(&total)) };
    let files = if got.accounts.len() == 1 { "1 file".to_string() } else { format!("{} files", got.accounts.len()) };
    say.line(&format!("  total: {} rows in {files}, {} kept{rejected}", thousands(read), thousands(kept)));
    if let Some(a) = assignment {
        say.line(&format!("  of {} kept: {} inside an area, {} outside every area", thousands(kept), thousands(a.inside), thousands(a.outside)));
    }
    if let Some(j) = join {
        let show = |v: &[String]| if v.len() > 5 { format!("{} ...", v[..5].join(", ")) } else { v.join(", ") };
        if !j.areas_without_population.is_empty() {
            say.line(&format!("  {} areas have no population (their rates are blank): {}", j.areas_without_population.len(), show(&j.areas_without_population)));
        }
        if !j.codes_without_area.is_empty() {
            say.line(&format!("  {} population codes match no area (ignored): {}", j.codes_without_area.len(), show(&j.codes_without_area)));
        }
    }
}

/// The accounting as JSON for `--summary`.
pub fn summary_json(got: &Ingested, assignment: Option<&Assignment>, join: Option<&PopulationJoin>) -> Value {
    let mut rejected: BTreeMap<&str, u64> = BTreeMap::new();
    for a in &got.accounts {
        for (r, n) in &a.rejected {
            *rejected.entry(r.as_str()).or_default() += n;
        }
    }
    json!({
        "files": got.accounts,
        "rows_read": got.accounts.iter().map(|a| a.rows_read).sum::<u64>(),
        "kept": got.accounts.iter().map(|a| a.kept).sum::<u64>(),
        "rejected": rejected,
        "inside": assignment.map(|a| a.inside),
        "outside": assignment.map(|a| a.outside),
        "areas_without_population": join.map(|j| &j.areas_without_population),
        "population_codes_without_area": join.map(|j| &j.codes_without_area),
    })
}

/// A plain aligned table for the terminal.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let fmt = |cells: Vec<&str>| {
        cells.iter().zip(&width).map(|(c, w)| format!("{c:<w$}")).collect::<Vec<_>>().join("  ").trim_end().to_string()
    };
    let mut out = vec![fmt(header.to_vec())];
    out.extend(rows.iter().map(|r| fmt(r.iter().map(String::as_str).collect())));
    out.join("\n")
}
