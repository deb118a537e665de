//! CSV files through polars: the header decides the layout, polars reads only the columns the
//! layout needs (all as text, so every value can be checked and reported as written).
use std::sync::Arc;

use polars::prelude::*;

use super::mapped::{find_column, missing_column, KindSource, Mapping, Preset};
use super::records::{Field, ParsedFile, Rows};
use super::{IngestOptions, Input};
use crate::crs::CrsSource;
use crate::error::{Error, Place, Result};

pub(crate) fn read_csv(input: &Input, opts: &IngestOptions) -> Result<ParsedFile> {
    let name = input.name();
    let header = read_header(input)?;
    let mapping = choose_mapping(&name, &header, opts)?;
    let index = |col: &str| {
        find_column(&header, &[col])
            .and_then(|c| header.iter().position(|h| *h == c))
            .ok_or_else(|| missing_column(&name, col, &header))
    };
    let optional = |col: &Option<String>| col.as_deref().map(index).transpose();
    let mut wanted: Vec<(Field, usize)> = vec![(Field::X, index(&mapping.x_col)?), (Field::Y, index(&mapping.y_col)?)];
    let fields = [
        (Field::Date, optional(&mapping.date_col)?),
        (Field::Location, optional(&mapping.location_col)?),
        (Field::Lsoa, optional(&mapping.lsoa_col)?),
        (Field::Detail, optional(&mapping.detail_col)?),
        (Field::Keep, optional(&mapping.keep_if.as_ref().map(|k| k.0.clone()))?),
        (Field::Kind, match &mapping.kind {
            KindSource::Column(c) => Some(index(c)?),
            KindSource::Fixed(_) => None,
        }),
    ];
    wanted.extend(fields.into_iter().filter_map(|(f, i)| i.map(|i| (f, i))));
    let fallback = [optional(&mapping.x_fallback)?, optional(&mapping.y_fallback)?];
    let rows = PolarsRows::read(input, &header, &wanted, fallback)?;
    Ok(ParsedFile {
        format: mapping.format.clone(),
        crs: mapping.crs.map(|e| (e, CrsSource::Given)),
        fixed_kind: match &mapping.kind {
            KindSource::Fixed(k) => Some(k.clone()),
            KindSource::Column(_) => None,
        },
        keep_value: mapping.keep_if.as_ref().map(|k| k.1.clone()),
        x_label: mapping.x_col.clone(),
        y_label: mapping.y_col.clone(),
        rows: Box::new(rows),
    })
}

fn choose_mapping(name: &str, header: &[String], opts: &IngestOptions) -> Result<Mapping> {
    if let Some(m) = super::police_uk::mapping(header) {
        return Ok(m);
    }
    if Preset::LfbFire.recognises(header) {
        return Preset::LfbFire.mapping(header).map_err(|p| Error::input(name, Place::File, p, "check the file's columns"));
    }
    if let Some(m) = &opts.mapping {
        return Ok(m.clone());
    }
    if let Some(p) = opts.preset {
        return p.mapping(header).map_err(|problem| {
            Error::input(name, Place::File, problem, "map the columns yourself with --x-col, --y-col, --crs and --kind")
        });
    }
    let shown: Vec<&str> = header.iter().take(6).map(String::as_str).collect();
    Err(Error::input(
        name,
        Place::File,
        format!("unrecognised CSV header ({}{}): not a police.uk street-level file", shown.join(", "), if header.len() > 6 { ", ..." } else { "" }),
        "say which columns hold what with --x-col, --y-col (and --crs, --kind or --kind-col), or use --preset lfb-fire or --preset flytip",
    ))
}

/// The header row, with a UTF-8 byte-order mark removed. An empty file is an error.
fn read_header(input: &Input) -> Result<Vec<String>> {
    let name = input.name();
    let empty = || Error::input(&name, Place::File, "the file is empty", "export the data again, or leave this file out");
    let mut reader = csv_reader(input)?;
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err(empty()),
        Err(e) => return Err(Error::input(&name, Place::Row(1), format!("cannot read the header: {e}"), "save the file as UTF-8 CSV")),
    }
    let header: Vec<String> =
        record.iter().enumerate().map(|(i, h)| if i == 0 { h.trim_start_matches('\u{feff}') } else { h }.trim().to_string()).collect();
    if header.iter().all(|h| h.is_empty()) {
        return Err(empty());
    }
    Ok(header)
}

fn csv_reader(input: &Input) -> Result<csv::Reader<Box<dyn std::io::Read>>> {
    let source: Box<dyn std::io::Read> = match input {
        Input::Path(p) => Box::new(std::fs::File::open(p).map_err(|e| Error::io(input.name(), e))?),
        Input::Embedded { bytes, .. } => Box::new(*bytes),
    };
    Ok(csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(source))
}

/// The first row whose number of fields differs from the header's, as an error.
fn ragged_row(input: &Input, header_len: usize) -> Result<Option<Error>> {
    let name = input.name();
    let mut reader = csv_reader(input)?;
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 1;
        match record {
            Ok(r) if r.len() == header_len || (r.len() == 1 && r.get(0) == Some("")) => {}
            Ok(r) => {
                let hint = if r.len() > header_len {
                    "a value with a comma needs double quotes; fix or remove that row"
                } else {
                    "the row is cut short; fix or remove it"
                };
                return Ok(Some(Error::input(name, Place::Row(row), format!("the row has {} fields but the header has {header_len}", r.len()), hint)));
            }
            Err(e) => return Ok(Some(Error::input(name, Place::Row(row), format!("unreadable CSV: {e}"), "save the file as UTF-8 CSV"))),
        }
    }
    Ok(None)
}

/// The needed columns as polars text columns, one chunk each for fast row access.
struct PolarsRows {
    columns: Vec<StringChunked>,
    /// Position in `columns` of each [`Field`], by `field as usize`.
    slot: [Option<usize>; 8],
    fallback: [Option<usize>; 2],
    len: usize,
}

impl PolarsRows {
    fn read(input: &Input, header: &[String], wanted: &[(Field, usize)], fallback: [Option<usize>; 2]) -> Result<PolarsRows> {
        let name = input.name();
        let mut projection: Vec<usize> = wanted.iter().map(|w| w.1).chain(fallback.iter().flatten().copied()).collect();
        projection.sort_unstable();
        projection.dedup();
        let options = CsvReadOptions::default()
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .with_projection(Some(Arc::new(projection.clone())))
            .with_raise_if_empty(false);
        let result = match input {
            Input::Path(p) => options.try_into_reader_with_file_path(Some(p.clone())).and_then(|r| r.finish()),
            Input::Embedded { bytes, .. } => options.into_reader_with_file_handle(std::io::Cursor::new(*bytes)).finish(),
        };
        // Polars pads short rows with nulls and rejects long ones; both are ragged rows that
        // the user should fix, so find the exact row with a plain CSV scan.
        let df = match result {
            Ok(df) => df,
            Err(e) => {
                return Err(ragged_row(input, header.len())?.unwrap_or_else(|| {
                    Error::input(&name, Place::File, format!("cannot read the CSV: {e}"), "save the file as UTF-8 CSV")
                }));
            }
        };
        let mut columns = Vec::with_capacity(projection.len());
        for col in df.columns() {
            let text = col.as_materialized_series().rechunk();
            let ca = text.str().map_err(|e| Error::input(&name, Place::File, e.to_string(), "save the file as UTF-8 CSV"))?.clone();
            columns.push(ca);
        }
        let pos = |idx: usize| projection.iter().position(|&p| p == idx);
        let mut slot = [None; 8];
        for &(field, idx) in wanted {
            slot[field as usize] = pos(idx);
        }
        let rows = PolarsRows { columns, slot, fallback: fallback.map(|f| f.and_then(pos)), len: df.height() };
        if rows.has_padded_row()
            && let Some(err) = ragged_row(input, header.len())? {
                return Err(err);
            }
        Ok(rows)
    }

    /// A row whose last needed column is null while an earlier one has text may be a short,
    /// padded row; only then is the file scanned again.
    fn has_padded_row(&self) -> bool {
        let last = self.columns.len() - 1;
        self.columns[last].null_count() > 0 && self.columns[0].null_count() < self.len
    }
}

impl Rows for PolarsRows {
    fn len(&self) -> usize {
        self.len
    }

    fn row_number(&self, i: usize) -> u64 {
        i as u64 + 2
    }

    fn get(&self, i: usize, field: Field) -> Option<&str> {
        let value = self.slot[field as usize].and_then(|c| self.columns[c].get(i));
        let fallback = match field {
            Field::X => self.fallback[0],
            Field::Y => self.fallback[1],
            _ => None,
        };
        match (value, fallback) {
            (Some(v), _) if !v.trim().is_empty() => Some(v),
            (v, Some(f)) => self.columns[f].get(i).or(v),
            (v, None) => v,
        }
    }
}
