//! `hotspot repeats`: places where incidents recur.
use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::ingest::expand_inputs;
use hotspot_core::output::{geojson::Shape, Table};
use hotspot_core::time::repeats::places;
use serde_json::Value;

use crate::args::{IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::load;
use crate::messages::{print_accounting, table, thousands, Say};

/// Repeat locations: map points (or clusters of points within --within metres) with more than
/// one incident, ranked by count, with the kinds seen there, first and last month, and the
/// number of months with an incident.
///
/// police.uk moves every incident to an anonymous map point, so a repeat there is a repeat map
/// point, not necessarily one address. An R-tree joins points within --within (single linkage).
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot repeats -i police_uk_darlington_street_2025.csv --within 50 --min 10 -o repeats.geojson")]
pub struct RepeatsArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    /// Join points this close, metres [default: 0, the same point only].
    #[arg(long, value_name = "METRES", default_value_t = 0.0)]
    pub within: f64,
    /// Keep places with at least this many incidents.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(a: RepeatsArgs, say: &Say) -> Result<()> {
    if !(a.within >= 0.0 && a.within.is_finite()) {
        bail!("--within {} must be a distance in metres ≥ 0", a.within);
    }
    let opts = load::ingest_options(&a.incidents)?;
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    say.line("accounting:");
    print_accounting(say, &got, None, None);
    let inc = &got.incidents;
    let place = places(&inc.xy, a.within);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    place.iter().enumerate().filter_map(|(i, p)| p.map(|p| (p, i))).for_each(|(p, i)| members.entry(p).or_default().push(i));
    let mut groups: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() >= a.min.max(2)).collect();
    groups.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    let kinds: BTreeSet<&str> = (0..inc.len()).map(|i| inc.kind_of(i)).collect();
    let mut columns: Vec<String> = ["rank", "n", "kinds", "first", "last", "months", "location"].map(String::from).to_vec();
    columns.extend(kinds.iter().map(|k| format!("n_{k}")));
    let mut shapes = Vec::with_capacity(groups.len());
    let rows: Vec<Vec<Value>> = groups
        .iter()
        .enumerate()
        .map(|(r, m)| {
            let months: BTreeSet<_> = m.iter().filter_map(|&i| inc.month[i]).collect();
            let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
            m.iter().for_each(|&i| *by_kind.entry(inc.kind_of(i)).or_default() += 1);
            let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
            m.iter().filter_map(|&i| inc.string(inc.location[i])).for_each(|l| *labels.entry(l).or_default() += 1);
            let label = labels.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))).map(|x| *x.0).unwrap_or("");
            let c = [m.iter().map(|&i| inc.xy[i][0]).sum::<f64>() / m.len() as f64, m.iter().map(|&i| inc.xy[i][1]).sum::<f64>() / m.len() as f64];
            shapes.push(Shape::Point(c));
            let mut row = vec![
                Value::from(r + 1),
                Value::from(m.len()),
                Value::from(by_kind.keys().cloned().collect::<Vec<_>>().join(";")),
                months.first().map_or(Value::Null, |x| x.to_string().into()),
                months.last().map_or(Value::Null, |x| x.to_string().into()),
                Value::from(months.len()),
                Value::from(label),
            ];
            row.extend(kinds.iter().map(|k| Value::from(by_kind.get(k).copied().unwrap_or(0))));
            row
        })
        .collect();
    let t = Table { columns, rows };
    write_outputs(&a.output, &t, &shapes)?;
    if a.output.output.as_deref() != Some(std::path::Path::new("-")) {
        let within = if a.within > 0.0 { format!("map points within {} m of each other", a.within) } else { "the same map point".into() };
        let repeat_incidents: usize = groups.iter().map(Vec::len).sum();
        println!("{} places with at least {} incidents at {within}: {} of {} incidents", thousands(groups.len() as u64), a.min.max(2), thousands(repeat_incidents as u64), thousands(inc.len() as u64));
        println!("(police.uk moves incidents to anonymous map points: a repeat map point is not necessarily one address)");
        let shown: Vec<Vec<String>> = t
            .rows
            .iter()
            .take(10)
            .map(|r| {
                let mut by: Vec<(u64, &str)> = kinds.iter().enumerate().map(|(k, name)| (r[7 + k].as_u64().unwrap_or(0), *name)).filter(|x| x.0 > 0).collect();
                by.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
                let mut top = by.iter().take(3).map(|(n, k)| format!("{k} {n}")).collect::<Vec<_>>().join(", ");
                if by.len() > 3 {
                    top.push_str(&format!(" +{} kinds", by.len() - 3));
                }
                let cell = |v: &Value| v.to_string().trim_matches('"').to_string();
                vec![cell(&r[0]), cell(&r[1]), top, cell(&r[3]), cell(&r[4]), cell(&r[5]), cell(&r[6])]
            })
            .collect();
        println!("{}", table(&["rank", "n", "kinds seen", "first", "last", "months", "location"], &shown));
    }
    if groups.is_empty() {
        return Err(crate::NothingFound("no place has repeat incidents".into()).into());
    }
    Ok(())
}
