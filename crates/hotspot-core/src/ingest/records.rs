//! The one place rows become incidents: kind filter, coordinate parsing, CRS detection, the
//! swapped lat/lon check, range checks, dates, batch transform and the accounting.
use std::collections::{BTreeMap, HashMap};

use super::{FileAccount, Incidents, Ingested, IngestOptions, Input, Month, Reject, RejectReason, SourceRow};
use crate::crs::{CrsSource, Epsg};
use crate::error::{Error, Place, Result};

/// The fields a reader can give for a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    X,
    Y,
    Kind,
    Date,
    Location,
    Lsoa,
    Detail,
    /// The value the preset's keep-filter tests (e.g. LFB `StopCodeDescription`).
    Keep,
}

/// Rows of one file, field by field, whatever the format.
pub(crate) trait Rows {
    fn len(&self) -> usize;
    /// The spreadsheet row number (CSV) or feature number (GeoJSON) of row `i`.
    fn row_number(&self, i: usize) -> u64;
    fn get(&self, i: usize, field: Field) -> Option<&str>;
    /// Whether row `i` has a geometry that is not a point (GeoJSON only).
    fn not_a_point(&self, _i: usize) -> bool {
        false
    }
}

/// One file read but not yet checked.
pub(crate) struct ParsedFile {
    pub format: String,
    pub crs: Option<(Epsg, CrsSource)>,
    /// A kind for every row (presets, `--kind-name`), else the `Kind` field is read.
    pub fixed_kind: Option<String>,
    /// Keep only rows whose `Keep` field equals this (case-insensitive).
    pub keep_value: Option<String>,
    /// Column names for messages.
    pub x_label: String,
    pub y_label: String,
    pub rows: Box<dyn Rows>,
}

/// One incident's fields, borrowed from the file being read.
pub(crate) struct Fields<'a> {
    pub kind: &'a str,
    pub month: Option<Month>,
    pub date: Option<chrono::NaiveDate>,
    pub location: Option<&'a str>,
    pub police_lsoa: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// An incident's fields, owned (for building [`Incidents`] by hand).
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    /// Kind slug.
    pub kind: String,
    /// Month, when known.
    pub month: Option<Month>,
    /// Day, when known.
    pub date: Option<chrono::NaiveDate>,
    /// Street label.
    pub location: Option<String>,
    /// The source's own LSOA code.
    pub police_lsoa: Option<String>,
    /// Fly-tip size or fire motive.
    pub detail: Option<String>,
}

struct Bad {
    row: u64,
    reason: RejectReason,
    detail: String,
}

pub(crate) fn keep(
    parsed: ParsedFile,
    input: &Input,
    file: u32,
    opts: &IngestOptions,
    got: &mut Ingested,
) -> Result<()> {
    let name = input.name();
    let rows = parsed.rows.as_ref();
    let n = rows.len();
    let mut rejected: BTreeMap<RejectReason, u64> = BTreeMap::new();
    let mut bad: Vec<Bad> = Vec::new();
    // Kinds as they are written → index into `slugs` (one slug per distinct spelling).
    let mut slug_of: HashMap<String, u32> = HashMap::new();
    let mut slugs: Vec<String> = Vec::new();
    // Pass 1: kind filter and coordinate parsing.
    let mut candidates: Vec<(usize, u32, (f64, f64))> = Vec::with_capacity(n);
    for i in 0..n {
        let raw = match &parsed.fixed_kind {
            Some(k) => k.as_str(),
            None => rows.get(i, Field::Kind).unwrap_or("").trim(),
        };
        let kind = match slug_of.get(raw) {
            Some(&k) => k,
            None => {
                let slug = if parsed.fixed_kind.is_some() { raw.to_string() } else { super::kind_slug(raw) };
                slugs.push(slug);
                slug_of.insert(raw.to_string(), slugs.len() as u32 - 1);
                slugs.len() as u32 - 1
            }
        };
        let wanted_by_preset = parsed.keep_value.as_ref().is_none_or(|v| {
            rows.get(i, Field::Keep).is_some_and(|k| k.trim().eq_ignore_ascii_case(v))
        });
        let wanted = opts.kinds.as_ref().is_none_or(|ks| ks.contains(&slugs[kind as usize]));
        if !(wanted_by_preset && wanted) {
            *rejected.entry(RejectReason::FilteredKind).or_default() += 1;
            continue;
        }
        if rows.not_a_point(i) {
            let detail = "the geometry is not a Point".to_string();
            bad.push(Bad { row: rows.row_number(i), reason: RejectReason::NotAPoint, detail });
            continue;
        }
        match parse_xy(rows.get(i, Field::X), rows.get(i, Field::Y)) {
            Ok(xy) => candidates.push((i, kind, xy)),
            Err((reason, detail)) => bad.push(Bad { row: rows.row_number(i), reason, detail }),
        }
    }
    let (crs, crs_source) = settle_crs(&parsed, &name, &candidates)?;
    if crs == Epsg::WGS84 {
        check_not_swapped(&parsed, &name, &candidates)?;
    }
    // Pass 2: range and date checks.
    let mut records = Vec::with_capacity(candidates.len());
    let mut xy = Vec::with_capacity(candidates.len());
    for (i, kind, (x, y)) in candidates {
        let row = rows.row_number(i);
        if !crs.in_range(x, y) {
            let detail = format!("{}={x}, {}={y} outside {crs}", parsed.x_label, parsed.y_label);
            bad.push(Bad { row, reason: RejectReason::OutOfRange, detail });
            continue;
        }
        let (month, date) = match parse_date(rows.get(i, Field::Date)) {
            Ok(d) => d,
            Err(raw) => {
                bad.push(Bad { row, reason: RejectReason::BadDate, detail: format!("date {raw:?}") });
                continue;
            }
        };
        if (opts.from.is_some() || opts.to.is_some()) && !month.is_some_and(|m| opts.from.is_none_or(|f| m >= f) && opts.to.is_none_or(|t| m <= t)) {
            *rejected.entry(RejectReason::FilteredPeriod).or_default() += 1;
            continue;
        }
        records.push((i, kind, month, date));
        xy.push((x, y));
    }
    let original = xy.clone();
    crate::crs::transform_all(crs, opts.working_crs, &mut xy)?;
    let incidents: &mut Incidents = &mut got.incidents;
    let mut kept = 0u64;
    for (((i, kind, month, date), (x, y)), raw) in records.into_iter().zip(xy).zip(original) {
        let row = rows.row_number(i);
        if x.is_nan() {
            let detail = format!("PROJ could not transform the point from {crs}");
            bad.push(Bad { row, reason: RejectReason::OutOfRange, detail });
            continue;
        }
        let fields = Fields {
            kind: &slugs[kind as usize],
            month,
            date,
            location: rows.get(i, Field::Location),
            police_lsoa: rows.get(i, Field::Lsoa),
            detail: rows.get(i, Field::Detail),
        };
        incidents.source_xy.push([raw.0, raw.1]);
        incidents.push_fields(&fields, [x, y], SourceRow { file, row });
        kept += 1;
    }
    bad.sort_by_key(|b| b.row);
    if opts.strict
        && let Some(b) = bad.first() {
            return Err(Error::input(
                name,
                Place::Row(b.row),
                format!("{} ({})", b.reason.as_str().replace('_', " "), b.detail),
                "fix the row, or run without --strict to skip bad rows and count them",
            ));
        }
    for b in bad {
        *rejected.entry(b.reason).or_default() += 1;
        got.rejects.push(Reject { file: name.clone(), row: b.row, reason: b.reason, detail: b.detail });
    }
    got.accounts.push(FileAccount {
        file: name,
        format: parsed.format,
        crs,
        crs_source,
        rows_read: n as u64,
        kept,
        rejected,
    });
    Ok(())
}

type XyError = (RejectReason, String);

fn parse_xy(x: Option<&str>, y: Option<&str>) -> std::result::Result<(f64, f64), XyError> {
    let (x, y) = (x.unwrap_or("").trim(), y.unwrap_or("").trim());
    if x.is_empty() || y.is_empty() {
        return Err((RejectReason::MissingCoordinates, format!("x={x:?}, y={y:?}")));
    }
    match (x.parse::<f64>(), y.parse::<f64>()) {
        (Ok(a), Ok(b)) if a.is_finite() && b.is_finite() => Ok((a, b)),
        _ => Err((RejectReason::UnparsableCoordinates, format!("x={x:?}, y={y:?}"))),
    }
}

fn settle_crs(
    parsed: &ParsedFile,
    name: &str,
    candidates: &[(usize, u32, (f64, f64))],
) -> Result<(Epsg, CrsSource)> {
    if let Some(given) = parsed.crs {
        return Ok(given);
    }
    if candidates.is_empty() {
        // Nothing to transform; any CRS will do for the accounting.
        return Ok((Epsg::BNG, CrsSource::Detected));
    }
    crate::crs::detect_from_magnitudes(candidates.iter().map(|c| c.2))
        .map(|e| (e, CrsSource::Detected))
        .ok_or_else(|| {
            Error::input(
                name,
                Place::Column(parsed.x_label.clone()),
                "the coordinates are neither longitude/latitude nor British National Grid metres",
                "name their CRS with --crs EPSG (e.g. --crs 27700 or --crs 4326)",
            )
        })
}

/// In the UK, longitudes are about −9..2 and latitudes 49..61. If most points read the other way
/// round, the columns are swapped: say so rather than reject every row.
fn check_not_swapped(
    parsed: &ParsedFile,
    name: &str,
    candidates: &[(usize, u32, (f64, f64))],
) -> Result<()> {
    let uk_lon = |v: f64| (-9.0..=3.0).contains(&v);
    let uk_lat = |v: f64| (49.0..=61.0).contains(&v);
    let swapped = candidates.iter().filter(|c| uk_lat(c.2.0) && uk_lon(c.2.1)).count();
    if swapped * 2 > candidates.len() {
        return Err(Error::input(
            name,
            Place::Column(parsed.x_label.clone()),
            format!(
                "{swapped} of {} points have latitudes here and longitudes in \"{}\": the columns look swapped",
                candidates.len(),
                parsed.y_label
            ),
            "swap the columns (x is longitude, y is latitude), e.g. exchange --x-col and --y-col",
        ));
    }
    Ok(())
}

type Dated = (Option<Month>, Option<chrono::NaiveDate>);

/// Reads police.uk's `2025-01` months and common day formats; blank is no date.
pub(crate) fn parse_date(raw: Option<&str>) -> std::result::Result<Dated, String> {
    use chrono::{Datelike, NaiveDate, NaiveDateTime};
    let s = raw.unwrap_or("").trim();
    if s.is_empty() {
        return Ok((None, None));
    }
    if let Some(m) = parse_month(s) {
        return Ok((Some(m), None));
    }
    const DAYS: [&str; 6] = ["%Y-%m-%d", "%d/%m/%Y", "%d %b %Y", "%d-%b-%Y", "%d %B %Y", "%Y/%m/%d"];
    const TIMES: [&str; 4] = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"];
    let day = DAYS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .or_else(|| TIMES.iter().find_map(|f| NaiveDateTime::parse_from_str(s, f).ok().map(|t| t.date())))
        .or_else(|| s.get(..19).and_then(|p| NaiveDateTime::parse_from_str(p, TIMES[0]).ok().map(|t| t.date())));
    match day {
        Some(d) => Ok((Some(Month { year: d.year() as u16, month: d.month() as u8 }), Some(d))),
        None => Err(s.to_string()),
    }
}

pub(crate) fn parse_month(s: &str) -> Option<Month> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (year, month) = (y.parse::<u16>().ok()?, m.parse::<u8>().ok()?);
    (1..=12).contains(&month).then_some(Month { year, month })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_formats_sources_use() {
        let m = |y, mo| Some(Month { year: y, month: mo });
        assert_eq!(parse_date(Some("2025-01")).unwrap(), (m(2025, 1), None));
        let d = chrono::NaiveDate::from_ymd_opt(2009, 1, 1);
        assert_eq!(parse_date(Some("01 Jan 2009")).unwrap(), (m(2009, 1), d));
        assert_eq!(parse_date(Some("01/01/2009")).unwrap(), (m(2009, 1), d));
        assert_eq!(parse_date(Some("2009-01-01T00:00:37.000")).unwrap(), (m(2009, 1), d));
        assert_eq!(parse_date(Some("")).unwrap(), (None, None));
        assert!(parse_date(Some("2025-13")).is_err());
        assert!(parse_date(Some("last tuesday")).is_err());
    }

    #[test]
    fn coordinates_missing_versus_unparsable() {
        assert_eq!(parse_xy(Some(" -1.5 "), Some("54.5")).unwrap(), (-1.5, 54.5));
        assert_eq!(parse_xy(Some(""), Some("54.5")).unwrap_err().0, RejectReason::MissingCoordinates);
        assert_eq!(parse_xy(None, Some("54.5")).unwrap_err().0, RejectReason::MissingCoordinates);
        assert_eq!(parse_xy(Some("abc"), Some("54.5")).unwrap_err().0, RejectReason::UnparsableCoordinates);
        assert_eq!(parse_xy(Some("NaN"), Some("54.5")).unwrap_err().0, RejectReason::UnparsableCoordinates);
    }
}
