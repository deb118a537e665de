//! `hotspot hil`: rank areas by the High Impact Location index, say how concentrated harm is in
//! the HILs and which of them adjoin.
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;
use hotspot_core::areas::contiguity::{queen, DEFAULT_TOLERANCE};
use hotspot_core::areas::indicators::IndicatorColumn;
use hotspot_core::areas::lookup::Lookup;
use hotspot_core::areas::{AreaSet, PopulationTable};
use hotspot_core::ingest::{expand_inputs, kind_slug};
use hotspot_core::output::{self, geojson::Shape, number, round, Table};
use hotspot_core::rank::concentration::{concentration, lorenz, Concentration};
use hotspot_core::rank::config::{HilConfig, IndicatorConfig};
use hotspot_core::rank::groups::groups;
use hotspot_core::rank::hil::{rank, Denominator, HilTable, Indicator, Recipe};
use hotspot_core::{aggregate, assign};
use serde_json::Value;

use crate::args::{AreaArgs, IncidentArgs, OutputArgs};
use crate::cmd::count::write_outputs;
use crate::messages::{print_accounting, summary_json, table, thousands, Say};
use crate::{load, NothingFound};

/// Rank areas by the High Impact Location index (after the Vulnerable Localities Index).
///
/// Each kept kind is a domain: its rate per 1,000 residents is indexed to the study-area rate
/// (100 = average); area indicators (e.g. IMD 2019) are indexed to their mean, ranks (1 = most
/// deprived) inverted first. The score is the weighted mean of the indices. HILs are the top N
/// (--top) and/or the areas scoring at least --threshold (200 marks a priority area in the VLI
/// literature; it is the default when neither is given). The recipe can live in a TOML file
/// (--config) with keys domains, indicators, denominator, top, threshold, min_population,
/// smooth, tolerance, names, lookup, lookup_population.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot hil -i police_uk_darlington_street_2025.csv -a darlington_lsoa2021.geojson \\\n      -p census2021_population.csv --kind asb --kind criminal_damage_and_arson \\\n      --indicator imd=imd2019_domains_lsoa2011.csv:'Index of Multiple Deprivation (IMD) Rank' \\\n      --lookup lsoa2011_to_lsoa2021.csv --names local_names.csv --top 4 -o hil.geojson")]
pub struct HilArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub areas: AreaArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// A weight, NAME=W, for a kind or a named indicator (repeatable; default 1).
    #[arg(long, value_name = "KIND=W")]
    pub weight: Vec<String>,
    /// An area indicator: [NAME=]FILE:COLUMN[:WEIGHT] (repeatable). A column whose name has
    /// "rank" is taken as 1 = most deprived and inverted.
    #[arg(long, value_name = "SPEC")]
    pub indicator: Vec<String>,
    /// LSOA 2011 → 2021 lookup (LSOA11CD, CHGIND, LSOA21CD) for indicators on 2011 codes.
    #[arg(long, value_name = "FILE")]
    pub lookup: Option<PathBuf>,
    /// 2011 populations (code, count) to weight merged areas in the lookup.
    #[arg(long, value_name = "FILE", requires = "lookup")]
    pub lookup_population: Option<PathBuf>,
    /// Local names: a CSV of area code and local name.
    #[arg(long, value_name = "FILE")]
    pub names: Option<PathBuf>,
    /// Localities for rank_locality: a CSV of area code and local authority (e.g. the ONS lookup's
    /// LSOA21CD and LAD22NM) [default: the LSOA name without its last word].
    #[arg(long, value_name = "FILE")]
    pub localities: Option<PathBuf>,
    /// HILs: the N highest-ranked areas (ties at N all count).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// HILs: areas scoring at least S.
    #[arg(long, value_name = "S")]
    pub threshold: Option<f64>,
    /// What rates are per: residents (per 1,000), hectares, or none (counts).
    #[arg(long, value_name = "D")]
    pub denominator: Option<String>,
    /// Areas with fewer residents are shown but not ranked.
    #[arg(long, value_name = "N")]
    pub min_population: Option<f64>,
    /// Smooth rates by empirical Bayes: small populations pulled towards the average.
    #[arg(long)]
    pub smooth: bool,
    /// Contiguity tolerance in metres for "adjoining" [default: 1, announced].
    #[arg(long, value_name = "METRES")]
    pub tolerance: Option<f64>,
    /// Write the Lorenz curve per domain (and the Gini coefficients) to this CSV.
    #[arg(long, value_name = "FILE")]
    pub concentration: Option<PathBuf>,
    /// The recipe in a TOML file; flags override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(a: HilArgs, say: &Say) -> Result<()> {
    let config = match &a.config {
        Some(p) => HilConfig::read(p)?,
        None => HilConfig::default(),
    };
    // Domains: --kind, else the recipe's, else every kind present (decided after reading).
    let mut domains: Vec<(String, f64)> = a.incidents.kind.iter().map(|k| (kind_slug(k), 1.0)).collect();
    if domains.is_empty() {
        domains = config.domains.iter().map(|(k, w)| (kind_slug(k), *w)).collect();
    }
    let mut weights: Vec<(String, f64)> = Vec::new();
    for w in &a.weight {
        weights.push(load::parse_weight(w)?);
    }
    let indicator_specs: Vec<IndicatorConfig> = config.indicators.iter().cloned().chain(a.indicator.iter().map(|s| parse_indicator(s)).collect::<Result<Vec<_>>>()?).collect();
    for (k, v) in &weights {
        if indicator_specs.iter().any(|i| i.name.as_deref() == Some(k.as_str())) {
            continue; // an indicator's weight, applied below
        }
        match domains.iter_mut().find(|d| d.0 == kind_slug(k)) {
            Some(d) => d.1 = *v,
            None => domains.push((kind_slug(k), *v)),
        }
    }
    let mut incident_args = a.incidents.clone();
    incident_args.kind = domains.iter().map(|d| aggregate::base_kind(&d.0).to_string()).collect();
    let opts = load::ingest_options(&incident_args)?;
    let (loaded, join) = load::areas_from_args(&a.areas, false, say)?;
    let mut areas = loaded.areas;
    if let Some(path) = &a.localities {
        let table = read_code_table(path, &["LSOA21CD", "LSOA11CD", "code", "lsoa21_code"], &["LAD22NM", "LAD23NM", "LAD21NM", "LAD19NM", "locality", "local_authority"])?;
        let missing = areas.codes.iter().filter(|c| !table.contains_key(*c)).count();
        areas.locality = areas.codes.iter().map(|c| table.get(c).cloned()).collect();
        say.announce(&format!("localities from {} ({missing} areas without one are ranked in no locality)", path.display()));
    }
    let got = load::incidents(&expand_inputs(&a.incidents.incidents)?, &opts, a.incidents.rejects.as_deref(), say)?;
    let assignment = assign::assign(&got.incidents.xy, &areas);
    let counts = aggregate::count(&got.incidents, &assignment, &areas, false);
    say.line("accounting:");
    print_accounting(say, &got, Some(&assignment), join.as_ref());
    announce_vintage(say, &got, &assignment, &areas, &loaded.code_field);
    if domains.is_empty() {
        domains = counts.kinds.iter().filter(|k| aggregate::base_kind(k) == k.as_str()).map(|k| (k.clone(), 1.0)).collect();
        say.announce(&format!("domains: every kind present, weight 1 ({}); choose with --kind", domains.iter().map(|d| d.0.as_str()).collect::<Vec<_>>().join(", ")));
    }

    let lookup = a.lookup.clone().or(config.lookup.clone());
    let lookup_population = a.lookup_population.clone().or(config.lookup_population.clone());
    let mut indicators = indicator_specs.iter().map(|s| indicator(s, &areas, lookup.as_deref(), lookup_population.as_deref(), say)).collect::<Result<Vec<_>>>()?;
    for (k, v) in &weights {
        if let Some(i) = indicators.iter_mut().find(|i| i.name == *k) {
            i.weight = *v;
        }
    }

    let denominator: Denominator = match a.denominator.as_deref() {
        Some(d) => d.parse()?,
        None => config.denominator.unwrap_or(Denominator::Residents),
    };
    if denominator == Denominator::Residents && areas.population.iter().all(Option::is_none) {
        bail!("rates per 1,000 residents need --population FILE (or --denominator hectares|none)");
    }
    let (mut top, mut threshold) = (a.top.or(config.top), a.threshold.or(config.threshold));
    if top.is_none() && threshold.is_none() {
        threshold = Some(200.0);
        say.announce("HILs: areas scoring 200 or more (the VLI priority mark; default, set --top N or --threshold S)");
    }
    if top == Some(0) {
        top = None;
    }
    let recipe = Recipe {
        domains: domains.clone(),
        indicators,
        denominator,
        min_population: a.min_population.or(config.min_population),
        smooth: a.smooth || config.smooth.unwrap_or(false),
        top,
        threshold,
    };
    if recipe.smooth {
        say.announce("rates smoothed by global empirical Bayes (Marshall 1991) before indexing");
    }
    let hil = rank(&areas, &counts, &recipe)?;
    let tolerance = match a.tolerance.or(config.tolerance) {
        Some(t) if t >= 0.0 => t,
        Some(t) => bail!("--tolerance {t} must be ≥ 0 metres"),
        None => {
            say.announce(&format!("adjoining: boundaries within {DEFAULT_TOLERANCE} m (default tolerance for generalised boundaries; set --tolerance)"));
            DEFAULT_TOLERANCE
        }
    };
    let contiguity = queen(&areas, tolerance);
    let group = groups(&hil.hil, &contiguity.neighbours, &hil.rank_force);
    let local_names = match a.names.clone().or(config.names.clone()) {
        Some(p) => read_names(&p)?,
        None => HashMap::new(),
    };
    let base: Vec<f64> = match denominator {
        Denominator::Residents => areas.population.iter().map(|p| p.unwrap_or(0.0)).collect(),
        _ => vec![1.0; areas.len()],
    };
    let conc = concentration(&hil.hil, &areas.population, &hil.domains, &hil.counts, &base);

    let (out_table, order) = hil_table(&areas, &hil, &group, &local_names);
    let shapes: Vec<Shape> = order.iter().map(|&i| Shape::Area(&areas.polygons[i])).collect();
    write_outputs(&a.output, &out_table, &shapes)?;
    if let Some(path) = &a.concentration {
        let t = lorenz_table(&hil, &base);
        output::write_atomic(path, |w| output::csv::write(&t, w))?;
    }
    if let Some(path) = &a.output.summary {
        let mut json = summary_json(&got, Some(&assignment), join.as_ref());
        json["concentration"] = serde_json::to_value(&conc)?;
        json["islands"] = contiguity.islands().iter().map(|&i| areas.codes[i].clone()).collect::<Vec<_>>().into();
        json["mean_neighbours"] = contiguity.mean_neighbours().into();
        output::write_atomic(path, |w| serde_json::to_writer_pretty(w, &json).map_err(|e| hotspot_core::Error::io(path.display().to_string(), e.into())))?;
    }
    if a.output.output.as_deref() != Some(Path::new("-")) {
        println!("{}", plan_table(&areas, &hil, &local_names, &order));
        println!();
        println!("{}", concentration_sentence(&conc));
        println!("{}", adjacency_sentence(&areas, &hil, &group, &order));
    }
    if conc.hils == 0 {
        return Err(NothingFound("no area was selected as a HIL; lower --threshold or use --top N".into()).into());
    }
    Ok(())
}

/// Says which LSOA vintage the areas and the incidents' own codes use.
fn announce_vintage(say: &Say, got: &hotspot_core::ingest::Ingested, assignment: &assign::Assignment, areas: &AreaSet, code_field: &str) {
    let (agree, compared) = assign::agreement(&got.incidents, assignment, areas);
    if compared == 0 {
        return;
    }
    let codes: std::collections::HashSet<&str> = got.incidents.police_lsoa.iter().flatten().map(|&s| got.incidents.strings[s as usize].as_str()).collect();
    let known = codes.iter().filter(|c| areas.index_of(c).is_some()).count();
    say.announce(&format!(
        "vintage: areas coded by {code_field}; {known} of the {} LSOA codes in the incident files are area codes, and {:.1}% of incidents fall in the area their own code names",
        codes.len(),
        100.0 * agree as f64 / compared as f64
    ));
}

/// `[NAME=]FILE:COLUMN[:WEIGHT]`.
fn parse_indicator(spec: &str) -> Result<IndicatorConfig> {
    let (name, rest) = match spec.split_once('=') {
        Some((n, r)) if !n.contains([':', '/']) => (Some(n.to_string()), r),
        _ => (None, spec),
    };
    let mut parts = rest.splitn(3, ':');
    let (file, column, weight) = (parts.next().unwrap_or(""), parts.next(), parts.next());
    let Some(column) = column.filter(|c| !c.is_empty()) else {
        bail!("--indicator {spec}: write [NAME=]FILE:COLUMN[:WEIGHT], e.g. --indicator imd=imd2019.csv:'IMD Rank'");
    };
    let weight = match weight {
        Some(w) => w.parse().ok().filter(|w: &f64| *w >= 0.0).with_context(|| format!("--indicator {spec}: the weight must be a number ≥ 0"))?,
        None => 1.0,
    };
    Ok(IndicatorConfig { name, file: PathBuf::from(file), column: column.to_string(), weight })
}

/// Reads one indicator and puts it on the areas' codes, through the lookup when its codes are
/// another vintage.
fn indicator(spec: &IndicatorConfig, areas: &AreaSet, lookup: Option<&Path>, lookup_population: Option<&Path>, say: &Say) -> Result<Indicator> {
    let file = spec.file.display().to_string();
    let col = IndicatorColumn::from_csv(&file, std::fs::File::open(&spec.file).map_err(|e| hotspot_core::Error::io(&file, e))?, &spec.column)?;
    let name = spec.name.clone().unwrap_or_else(|| kind_slug(col.column.split(" (where").next().unwrap_or(&col.column)));
    let direct = col.values.keys().filter(|c| areas.index_of(c).is_some()).count();
    let mut values = col.values.clone();
    if direct < areas.len() && lookup.is_none() && direct * 2 < areas.len() {
        bail!("{file}: only {direct} of {} areas have a value: its codes ({}) look like another LSOA vintage; give --lookup FILE (LSOA 2011 → 2021)", areas.len(), col.code_column);
    }
    if let (true, Some(lookup_path)) = (direct < areas.len(), lookup) {
        let lf = lookup_path.display().to_string();
        let lookup = Lookup::from_csv(&lf, std::fs::File::open(lookup_path).map_err(|e| hotspot_core::Error::io(&lf, e))?)?;
        let weights = match lookup_population {
            Some(p) => {
                let pf = p.display().to_string();
                let t = PopulationTable::from_csv(&pf, std::fs::File::open(p).map_err(|e| hotspot_core::Error::io(&pf, e))?, None, None)?;
                Some(t.rows.into_iter().collect::<HashMap<_, _>>())
            }
            None => None,
        };
        let carried = lookup.carry(&col.values, weights.as_ref());
        say.announce(&format!(
            "{file}: {} is on {} codes: carried to the areas with {lf} (split → parent's value, merged → {} mean)",
            col.column,
            col.code_column,
            if weights.is_some() { "population-weighted" } else { "unweighted" }
        ));
        if !carried.unmatched.is_empty() {
            say.announce(&format!("{file}: {} codes are not in the lookup (left out): {}", carried.unmatched.len(), carried.unmatched.iter().take(5).cloned().collect::<Vec<_>>().join(", ")));
        }
        values = carried.values;
    }
    let per_area: Vec<Option<f64>> = areas.codes.iter().map(|c| values.get(c).copied()).collect();
    let missing: Vec<&String> = areas.codes.iter().zip(&per_area).filter(|(_, v)| v.is_none()).map(|(c, _)| c).collect();
    if !missing.is_empty() {
        say.announce(&format!("{file}: {} areas have no {name} value (scored on the other domains): {}", missing.len(), missing.iter().take(5).map(|s| s.as_str()).collect::<Vec<_>>().join(", ")));
    }
    if col.is_rank {
        say.announce(&format!("{file}: {} is a rank (1 = most deprived): inverted before indexing", col.column));
    }
    Ok(Indicator { name, values: per_area, weight: spec.weight, is_rank: col.is_rank })
}

/// The local-names CSV: a code column (LSOA21CD or code) and a `local_name` column.
fn read_names(path: &Path) -> Result<HashMap<String, String>> {
    read_code_table(path, &["LSOA21CD", "LSOA11CD", "code", "lsoa21_code"], &["local_name", "local name", "name"])
}

/// A two-column lookup from a CSV: the first of `keys` present → the first of `values` present.
fn read_code_table(path: &Path, keys: &[&str], values: &[&str]) -> Result<HashMap<String, String>> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| hotspot_core::Error::io(&file, e))?;
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = hotspot_core::ingest::mapped::csv_header(&file, &mut r)?;
    let find = |names: &[&str]| names.iter().find_map(|n| header.iter().position(|h| h.eq_ignore_ascii_case(n)));
    let (Some(c), Some(n)) = (find(keys), find(values)) else {
        bail!("{file}: needs a code column ({}) and a {} column; the header has {}", keys.join(" or "), values.join(" or "), header.join(", "));
    };
    let mut out = HashMap::new();
    for rec in r.records() {
        let rec = rec?;
        out.insert(rec.get(c).unwrap_or("").trim().to_string(), rec.get(n).unwrap_or("").trim().to_string());
    }
    Ok(out)
}

/// Rows sorted by rank (unranked last, by code) with the field contract's columns.
fn hil_table(areas: &AreaSet, h: &HilTable, group: &[Option<usize>], names: &HashMap<String, String>) -> (Table, Vec<usize>) {
    let mut order: Vec<usize> = (0..areas.len()).collect();
    order.sort_by_key(|&i| (h.rank_force[i].unwrap_or(usize::MAX), areas.codes[i].clone()));
    let mut columns: Vec<String> = ["code", "name", "locality", "local_name", "population"].map(String::from).to_vec();
    columns.extend(h.domains.iter().map(|d| format!("n_{d}")));
    columns.extend(h.domains.iter().map(|d| format!("rate_{d}")));
    columns.extend(h.index_names.iter().map(|d| format!("index_{d}")));
    columns.extend(["score", "rank_force", "rank_locality", "hil", "group"].map(String::from));
    let text = |s: Option<&String>| s.map_or(Value::Null, |s| Value::from(s.as_str()));
    let rows = order
        .iter()
        .map(|&i| {
            let mut row = vec![Value::from(areas.codes[i].as_str()), text(areas.names[i].as_ref()), text(areas.locality[i].as_ref()), text(names.get(&areas.codes[i])), number(areas.population[i])];
            row.extend(h.counts[i].iter().map(|&c| Value::from(c)));
            row.extend(h.rates[i].iter().map(|r| number(r.map(|r| round(r, 4)))));
            row.extend(h.index[i].iter().map(|v| number(v.map(|v| round(v, 2)))));
            row.push(number(h.score[i].map(|s| round(s, 2))));
            row.push(h.rank_force[i].map_or(Value::Null, Value::from));
            row.push(h.rank_locality[i].map_or(Value::Null, Value::from));
            row.push(Value::from(h.hil[i]));
            row.push(group[i].map_or(Value::Null, Value::from));
            row
        })
        .collect();
    (Table { columns, rows }, order)
}

fn lorenz_table(h: &HilTable, base: &[f64]) -> Table {
    let mut rows = Vec::new();
    for (d, name) in h.domains.iter().enumerate() {
        let column: Vec<u64> = h.counts.iter().map(|r| r[d]).collect();
        let (curve, gini) = lorenz(&column, base);
        for (step, (x, y)) in curve.iter().enumerate() {
            rows.push(vec![Value::from(name.as_str()), Value::from(step), Value::from(round(*x, 6)), Value::from(round(*y, 6)), Value::from(round(gini, 6))]);
        }
    }
    Table { columns: ["domain", "step", "cum_share_base", "cum_share_incidents", "gini"].map(String::from).to_vec(), rows }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The partnership plan's table: the HILs, then (if fewer than 10) the next areas to 10.
fn plan_table(areas: &AreaSet, h: &HilTable, names: &HashMap<String, String>, order: &[usize]) -> String {
    let mut header: Vec<String> = ["HIL", "Rank in Locality", "Rank in Force", "LSOA code", "LSOA name", "Local name", "score", "residents"].map(String::from).to_vec();
    header.extend(h.domains.iter().map(|d| format!("n_{d}")));
    let shown = order.iter().take_while(|&&i| h.rank_force[i].is_some()).take(h.hil.iter().filter(|x| **x).count().max(10));
    let rows: Vec<Vec<String>> = shown
        .map(|&i| {
            let mut r = vec![
                if h.hil[i] { "*".into() } else { String::new() },
                h.rank_locality[i].map(ordinal).unwrap_or_default(),
                h.rank_force[i].map(ordinal).unwrap_or_default(),
                areas.codes[i].clone(),
                areas.names[i].clone().unwrap_or_default(),
                names.get(&areas.codes[i]).map(|n| format!("'{n}'")).unwrap_or_default(),
                h.score[i].map(|s| format!("{s:.1}")).unwrap_or_default(),
                areas.population[i].map(|p| thousands(p as u64)).unwrap_or_default(),
            ];
            r.extend(h.counts[i].iter().map(|c| c.to_string()));
            r
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(&header, &rows)
}

fn concentration_sentence(c: &Concentration) -> String {
    if c.hils == 0 {
        return "No area was selected as a HIL.".into();
    }
    let parts: Vec<String> = c
        .shares
        .iter()
        .map(|s| format!("{:.1}% of {} ({} of {}{})", s.share * 100.0, s.domain, thousands(s.in_hils), thousands(s.total), s.ratio.map(|r| format!("; {r:.1} times their share")).unwrap_or_default()))
        .collect();
    let gini: Vec<String> = c.shares.iter().map(|s| format!("{} {:.2}", s.domain, s.gini)).collect();
    format!(
        "HILs ({} areas) are {:.1}% of the population ({} of {} residents) and generate {}.\nGini coefficient over all areas: {}.",
        c.hils,
        c.residents_share * 100.0,
        thousands(c.hil_residents as u64),
        thousands(c.residents as u64),
        parts.join(", "),
        gini.join(", ")
    )
}

fn adjacency_sentence(areas: &AreaSet, h: &HilTable, group: &[Option<usize>], order: &[usize]) -> String {
    let n_groups = group.iter().flatten().max().copied().unwrap_or(0);
    if n_groups == 0 {
        return String::new();
    }
    let mut lines = vec![format!("Adjoining: the {} HILs form {} group{} of adjoining areas.", h.hil.iter().filter(|x| **x).count(), n_groups, if n_groups == 1 { "" } else { "s" })];
    for g in 1..=n_groups {
        let members: Vec<String> = order.iter().filter(|&&i| group[i] == Some(g)).map(|&i| format!("{} ({})", areas.codes[i], h.rank_force[i].map(ordinal).unwrap_or_default())).collect();
        let how = if members.len() == 1 { "stands alone" } else { "adjoin" };
        lines.push(format!("  group {g}: {} {how}", members.join(", ")));
    }
    lines.join("\n")
}
