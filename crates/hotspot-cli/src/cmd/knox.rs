//! `hotspot knox`: the Knox test for near repeats.
use anyhow::{bail, Result};
use clap::Args;
use hotspot_core::ingest::expand_inputs;
use hotspot_core::output::{self, round, Table};
use hotspot_core::time::knox::knox;
use serde_json::Value;

use crate::args::{IncidentArgs, PermutationArgs};
use crate::load;
use crate::messages::{print_accounting, table, thousands, Say};

/// The Knox test for near repeats, as the Near Repeat Calculator reports it: pairs of incidents
/// by distance band × time band, observed against the mean of --permutations shuffles (999 by
/// default) of the times (expected), their ratio, and the Monte Carlo p.
///
/// Time is in days where the incidents have dates, in months for police.uk files. Each shuffle
/// recounts only the pairs within the largest distance band: 20,000 incidents with 999
/// permutations take seconds.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot knox -i 'police_uk_durham_2025/*.csv' --kind burglary --space-bands 100,200,400,800 --time-bands 1,2,3")]
pub struct KnoxArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    /// Distance band upper bounds, metres [default: 100,200,300,400, announced].
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub space_bands: Vec<f64>,
    /// Time band upper bounds, days (months for month-only data) [default: 7,14,21,28 days or
    /// 0,1,2,3 months, announced].
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub time_bands: Vec<i64>,
    #[command(flatten)]
    pub random: PermutationArgs,
    /// The table as CSV.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<std::path::PathBuf>,
}

pub fn run(a: KnoxArgs, say: &Say) -> Result<()> {
    let permutations = a.random.count(999);
    let opts = load::ingest_options(&a.incidents)?;
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    say.line("accounting:");
    print_accounting(say, &got, None, None);
    let inc = &got.incidents;
    let dated = inc.date.iter().all(Option::is_some);
    let keep: Vec<usize> = (0..inc.len()).filter(|&i| inc.month[i].is_some()).collect();
    if keep.len() < 2 {
        bail!("the Knox test needs dated incidents: fewer than 2 have a month");
    }
    let epoch = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let times: Vec<i64> = keep
        .iter()
        .map(|&i| if dated { (inc.date[i].unwrap() - epoch).num_days() } else { inc.month[i].map(|m| m.year as i64 * 12 + m.month as i64).unwrap() })
        .collect();
    let unit = if dated { "days" } else { "months" };
    let space = if a.space_bands.is_empty() {
        say.announce("distance bands: 0-100, 100-200, 200-300, 300-400 m (set --space-bands)");
        vec![100.0, 200.0, 300.0, 400.0]
    } else {
        a.space_bands.clone()
    };
    let time = if !a.time_bands.is_empty() {
        a.time_bands.clone()
    } else if dated {
        say.announce("time bands: 0-7, 8-14, 15-21, 22-28 days (set --time-bands)");
        vec![7, 14, 21, 28]
    } else {
        say.announce("time bands: same month, 1, 2 and 3 months apart (police.uk gives months only; set --time-bands)");
        vec![0, 1, 2, 3]
    };
    if space.windows(2).any(|w| w[0] >= w[1]) || time.windows(2).any(|w| w[0] >= w[1]) || space[0] <= 0.0 || time[0] < 0 {
        bail!("bands must be increasing positive bounds, e.g. --space-bands 100,200,400 --time-bands 7,14,28");
    }
    say.announce(&format!("Monte Carlo: {} shuffles of the times, seed {}", permutations, a.random.seed));
    let pts: Vec<[f64; 2]> = keep.iter().map(|&i| inc.xy[i]).collect();
    let k = knox(&pts, &times, &space, &time, permutations, a.random.seed);
    let mut rows = Vec::new();
    let mut shown = Vec::new();
    for (s, sb) in space.iter().enumerate() {
        for (t, tb) in time.iter().enumerate() {
            let (lo_s, lo_t) = (if s == 0 { 0.0 } else { space[s - 1] }, if t == 0 { 0 } else { time[t - 1] + 1 });
            let ratio = k.ratio[s][t];
            rows.push(vec![Value::from(lo_s), Value::from(*sb), Value::from(lo_t), Value::from(*tb), Value::from(k.observed[s][t]), Value::from(round(k.expected[s][t], 3)), ratio.map_or(Value::Null, |r| Value::from(round(r, 3))), Value::from(round(k.p[s][t], 4))]);
            shown.push(vec![format!("{lo_s}-{sb} m"), format!("{lo_t}-{tb} {unit}"), thousands(k.observed[s][t]), format!("{:.1}", k.expected[s][t]), ratio.map_or("-".into(), |r| format!("{r:.2}")), format!("{:.3}", k.p[s][t])]);
        }
    }
    if let Some(path) = &a.csv {
        let t = Table { columns: ["space_from_m", "space_to_m", "time_from", "time_to", "observed", "expected", "ratio", "p"].map(String::from).to_vec(), rows };
        output::write_atomic(path, |w| output::csv::write(&t, w))?;
    }
    println!("Knox test, {} incidents, {} permutations (time in {unit}):", thousands(pts.len() as u64), permutations);
    println!("{}", table(&["distance", "time apart", "observed", "expected", "ratio", "p"], &shown));
    Ok(())
}
