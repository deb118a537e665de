//! `hotspot count`: incidents per area and kind, rates per 1,000 residents, as GeoJSON and CSV.
use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use clap::Args;
use hotspot_core::areas;
use hotspot_core::crs::Epsg;
use hotspot_core::ingest::{self, expand_inputs, IngestOptions, Input};
use hotspot_core::output::{self, geojson::Shape, Table};
use hotspot_core::{aggregate, assign};

use crate::args::{AreaArgs, IncidentArgs, OutputArgs};
use crate::load::{self, AreaRequest};
use crate::messages::{print_accounting, summary_json, thousands, Say};

/// Count incidents per area and kind, with rates per 1,000 residents.
///
/// Every incident is put in the area whose polygon holds it (a point on a shared boundary goes
/// to the area whose code sorts first). Output: one feature per area with code, name, locality,
/// population, n_<kind> and rate_<kind>; with --by-month also n_<kind>_<yyyy>_<mm>. Without -o or
/// --csv the table goes to standard output as CSV.
/// Memory is about 100 bytes per incident; 2 million police.uk rows take a few seconds.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  hotspot count -i 'police/2025-*-durham-street.csv' -a lsoa2021.geojson \\\n      -p census2021_population.csv --kind asb -o asb_by_lsoa.geojson --csv asb_by_lsoa.csv")]
pub struct CountArgs {
    #[command(flatten)]
    pub incidents: IncidentArgs,
    #[command(flatten)]
    pub areas: AreaArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Also count per month (columns n_<kind>_<yyyy>_<mm>).
    #[arg(long)]
    pub by_month: bool,
}

pub fn run(a: CountArgs, say: &Say) -> Result<()> {
    let opts = load::ingest_options(&a.incidents)?;
    let inputs = expand_inputs(&a.incidents.incidents)?;
    let area = load::area_request(&a.areas, true)?;
    count(&inputs, &opts, area, &a.output, a.incidents.rejects.as_deref(), a.by_month, say)?;
    Ok(())
}

/// The counting pipeline, shared with `demo`: read the areas and the incidents side by side,
/// assign, aggregate, write. Returns the table written, for the caller to show.
pub fn count(inputs: &[Input], opts: &IngestOptions, area: AreaRequest, out: &OutputArgs, rejects: Option<&Path>, by_month: bool, say: &Say) -> Result<Table> {
    let timing = std::env::var_os("HOTSPOT_TIMINGS").is_some();
    let start = std::time::Instant::now();
    // The two reads are independent and each has serial stretches: overlap them. Messages are
    // said afterwards, in a fixed order; an area error is reported before an incident error.
    let (areas_read, incidents_read) = std::thread::scope(|s| {
        let areas = s.spawn(|| areas::read_areas(&area.input, &area.opts));
        let incidents = ingest::read_incidents(inputs, opts);
        (areas.join().expect("area reader"), incidents)
    });
    let (mut loaded, join) = load::finish_areas(&area.input, areas_read?, area.population, say)?;
    say.announce("working CRS: EPSG:27700 (British National Grid, metres)");
    let got = load::finish_incidents(incidents_read?, rejects, say)?;
    if timing {
        eprintln!("timing: areas and incidents read in {:.2} s", start.elapsed().as_secs_f64());
    }
    // Containment in the polygons' own CRS when every file shares it (no polygon reprojection,
    // and the GeoJSON needs WGS84 anyway); otherwise in the working CRS.
    let native = loaded.areas.crs != Epsg::BNG && got.accounts.iter().filter(|a| a.kept > 0).all(|a| a.crs == loaded.areas.crs);
    if !native {
        loaded.areas.to_crs(Epsg::BNG)?;
    }
    let areas = &loaded.areas;
    let points = if native { &got.incidents.source_xy } else { &got.incidents.xy };
    let assignment = assign::assign(points, areas);
    if timing {
        eprintln!("timing: assigned by {:.2} s", start.elapsed().as_secs_f64());
    }
    let counts = aggregate::count(&got.incidents, &assignment, areas, by_month);
    say.line("accounting:");
    print_accounting(say, &got, Some(&assignment), join.as_ref());
    let (agree, compared) = assign::agreement(&got.incidents, &assignment, areas);
    if compared > 0 {
        let pct = 100.0 * agree as f64 / compared as f64;
        say.line(&format!("  the source's own LSOA code equals the assigned area for {pct:.2}% ({} of {})", thousands(agree), thousands(compared)));
    }
    let table = output::area_table(areas, &counts, &HashMap::new());
    write_outputs_in(out, &table, &areas.polygons.iter().map(Shape::Area).collect::<Vec<_>>(), areas.crs)?;
    if let Some(path) = &out.summary {
        let mut json = summary_json(&got, Some(&assignment), join.as_ref());
        json["source_lsoa_agreement"] = serde_json::json!({"agree": agree, "compared": compared});
        output::write_atomic(path, |w| serde_json::to_writer_pretty(w, &json).map_err(|e| hotspot_core::Error::io(path.display().to_string(), e.into())))?;
    }
    Ok(table)
}

/// Writes the GeoJSON (`-` for stdout) and CSV outputs asked for; with neither, the CSV goes to
/// stdout.
pub fn write_outputs(out: &OutputArgs, table: &Table, shapes: &[Shape]) -> Result<()> {
    write_outputs_in(out, table, shapes, Epsg::BNG)
}

/// As [`write_outputs`], for shapes in `crs`.
pub fn write_outputs_in(out: &OutputArgs, table: &Table, shapes: &[Shape], crs: Epsg) -> Result<()> {
    match out.output.as_deref() {
        Some(p) if p == Path::new("-") => {
            let mut stdout = std::io::stdout().lock();
            output::geojson::write(table, shapes, crs, &mut stdout)?;
        }
        Some(p) => output::write_atomic(p, |w| output::geojson::write(table, shapes, crs, w))?,
        None => {}
    }
    if let Some(p) = &out.csv {
        output::write_atomic(p, |w| output::csv::write(table, w))?;
    }
    if out.output.is_none() && out.csv.is_none() {
        output::csv::write(table, &mut std::io::stdout().lock())?;
    }
    Ok(())
}

