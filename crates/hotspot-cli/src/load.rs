//! Turning flags into library calls: reading incidents and areas, announcing what was detected.
use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Result};
use hotspot_core::areas::{self, AreaOptions, LoadedAreas, PopulationJoin, PopulationTable};
use hotspot_core::crs::{check_epsg, CrsSource, Epsg};
use hotspot_core::ingest::{self, mapped::KindSource, IngestOptions, Ingested, Input, Mapping};
use hotspot_core::output::{self, Table};

use crate::args::{AreaArgs, IncidentArgs};
use crate::messages::Say;

/// The library's options from the incident flags; checks that they fit together.
pub fn ingest_options(a: &IncidentArgs) -> Result<IngestOptions> {
    let kinds: Vec<String> = a.kind.iter().map(|k| ingest::kind_slug(k)).collect();
    if let Some(crs) = a.crs {
        check_epsg(Epsg(crs))?;
    }
    let mapping = match (&a.x_col, &a.y_col) {
        (Some(x), Some(y)) => {
            let kind = match (&a.kind_col, kinds.as_slice()) {
                (Some(col), _) => KindSource::Column(col.clone()),
                (None, [one]) => KindSource::Fixed(one.clone()),
                (None, []) => bail!("a mapped CSV needs its kind: --kind NAME (e.g. --kind flytip) or --kind-col COLUMN"),
                (None, _) => bail!("a mapped CSV without --kind-col takes one --kind, not {}", kinds.len()),
            };
            let mut m = Mapping::new(x, y, kind);
            m.crs = a.crs.map(Epsg);
            m.date_col = a.date_col.clone();
            Some(m)
        }
        _ => None,
    };
    if mapping.is_none() && (a.date_col.is_some() || a.kind_col.is_some()) {
        bail!("--date-col and --kind-col describe a mapped CSV: give --x-col and --y-col too");
    }
    let preset = a.preset.as_deref().map(str::parse).transpose()?;
    Ok(IngestOptions {
        working_crs: Epsg::BNG,
        default_kind: (kinds.len() == 1).then(|| kinds[0].clone()),
        kinds: (!kinds.is_empty()).then(|| kinds.into_iter().collect::<BTreeSet<_>>()),
        strict: a.strict,
        mapping,
        preset,
        from: a.from.as_deref().map(str::parse).transpose()?,
        to: a.to.as_deref().map(str::parse).transpose()?,
    })
}

/// Reads the incident files, announces guessed CRSs and writes `--rejects`.
pub fn incidents(inputs: &[Input], opts: &IngestOptions, rejects: Option<&Path>, say: &Say) -> Result<Ingested> {
    finish_incidents(ingest::read_incidents(inputs, opts)?, rejects, say)
}

/// What follows reading the incident files: announcements and `--rejects`.
pub fn finish_incidents(got: Ingested, rejects: Option<&Path>, say: &Say) -> Result<Ingested> {
    for acc in got.accounts.iter().filter(|a| a.crs_source == CrsSource::Detected && a.kept > 0) {
        say.announce(&format!("{}: coordinates read as {} (guessed from their magnitudes; set --crs to override)", acc.file, acc.crs));
    }
    if let Some(path) = rejects {
        let table = Table {
            columns: ["file", "row", "reason", "detail"].map(String::from).to_vec(),
            rows: got.rejects.iter().map(|r| vec![r.file.clone().into(), r.row.into(), r.reason.as_str().into(), r.detail.clone().into()]).collect(),
        };
        output::write_atomic(path, |w| output::csv::write(&table, w))?;
    }
    Ok(got)
}

/// An area file to read, with its options and population table.
pub struct AreaRequest {
    /// The polygons.
    pub input: Input,
    /// How to read them.
    pub opts: AreaOptions,
    /// Residents, when given.
    pub population: Option<PopulationTable>,
}

/// The area request the flags describe; `keep_native` leaves the polygons in their own CRS
/// (see [`AreaOptions::keep_native`]).
pub fn area_request(a: &AreaArgs, keep_native: bool) -> Result<AreaRequest> {
    let population = match &a.population {
        Some(p) => {
            let name = p.display().to_string();
            let file = std::fs::File::open(p).map_err(|e| hotspot_core::Error::io(&name, e))?;
            Some(PopulationTable::from_csv(&name, file, a.population_id.as_deref(), a.population_col.as_deref())?)
        }
        None => None,
    };
    let opts = AreaOptions { id_field: a.area_id.clone(), name_field: a.area_name.clone(), crs: a.areas_crs.map(Epsg), working_crs: Epsg::BNG, keep_native };
    if let Some(crs) = opts.crs {
        check_epsg(crs)?;
    }
    Ok(AreaRequest { input: Input::Path(a.areas.clone()), opts, population })
}

/// Areas and population from the flags.
pub fn areas_from_args(a: &AreaArgs, keep_native: bool, say: &Say) -> Result<(LoadedAreas, Option<PopulationJoin>)> {
    let r = area_request(a, keep_native)?;
    areas_with(&r.input, &r.opts, r.population, say)
}

/// Loads areas from any input, joins population, announces what was detected.
pub fn areas_with(input: &Input, opts: &AreaOptions, population: Option<PopulationTable>, say: &Say) -> Result<(LoadedAreas, Option<PopulationJoin>)> {
    finish_areas(input, areas::read_areas(input, opts)?, population, say)
}

/// What follows reading areas: announcements and the population join.
pub fn finish_areas(input: &Input, mut loaded: LoadedAreas, population: Option<PopulationTable>, say: &Say) -> Result<(LoadedAreas, Option<PopulationJoin>)> {
    let name = input.name();
    let how = match loaded.crs.1 {
        CrsSource::Given => "as given",
        CrsSource::Declared => "from the file's crs member",
        CrsSource::Detected => "guessed from the coordinates' magnitudes; set --areas-crs to override",
    };
    say.announce(&format!("{name}: {} areas, polygons in {} ({how})", loaded.areas.len(), loaded.crs.0));
    let vintage = match loaded.code_field.to_ascii_uppercase().as_str() {
        "LSOA21CD" => " (LSOA 2021 vintage)",
        "LSOA11CD" => " (LSOA 2011 vintage)",
        "LSOA01CD" => " (LSOA 2001 vintage)",
        _ => "",
    };
    let names = loaded.name_field.as_deref().map(|f| format!(", names from {f}")).unwrap_or_default();
    say.announce(&format!("{name}: area codes from {}{vintage}{names}", loaded.code_field));
    let join = population.map(|table| {
        say.announce(&format!("population: residents from column {}, codes from {}", table.count_column, table.code_column));
        areas::population::join_population(&mut loaded.areas, &table)
    });
    Ok((loaded, join))
}

/// `NAME=W` with W a number ≥ 0 (for `--weight`).
pub fn parse_weight(spec: &str) -> Result<(String, f64)> {
    let Some((k, v)) = spec.split_once('=') else {
        bail!("--weight {spec}: write NAME=W, e.g. --weight fire_deliberate=2");
    };
    match v.trim().parse::<f64>() {
        Ok(w) if w >= 0.0 && w.is_finite() => Ok((k.trim().to_string(), w)),
        _ => bail!("--weight {spec}: the weight must be a number ≥ 0"),
    }
}
