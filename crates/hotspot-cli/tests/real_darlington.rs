//! The real Darlington files (2025 police.uk, 2021 LSOAs, Census 2021 population): per-LSOA ASB
//! counts equal geopandas' (scripts/reference/sjoin_counts.py), the police's own LSOA codes
//! agree for 98.20 % of ASB, and GDAL reads the GeoJSON. Needs HOTSPOT_REAL_DATA.
mod common;
use common::*;

#[test]
fn darlington_asb_by_lsoa_equals_geopandas() {
    let Some(real) = real_data("darlington_asb_by_lsoa_equals_geopandas") else { return };
    let d = real.join("darlington");
    let dir = tempfile::tempdir().unwrap();
    let (out, csv, summary) = (dir.path().join("asb.geojson"), dir.path().join("asb.csv"), dir.path().join("s.json"));
    let o = hotspot(&[
        "count", "-i", d.join("police_uk_darlington_street_2025.csv").to_str().unwrap(),
        "-a", d.join("darlington_lsoa2021_E06000005.geojson").to_str().unwrap(),
        "-p", d.join("census2021_population_lsoa2021_darlington.csv").to_str().unwrap(),
        "--kind", "asb", "-o", out.to_str().unwrap(), "--csv", csv.to_str().unwrap(), "--summary", summary.to_str().unwrap(),
    ]);
    ok(&o);
    assert_eq!(column(&csv, "code", "n_asb"), column(&expected("darlington_asb_2025.csv"), "code", "n_asb"));
    let s = geojson(&summary);
    assert_eq!((s["rows_read"].as_u64(), s["kept"].as_u64(), s["inside"].as_u64()), (Some(13_493), Some(3_169), Some(3_169)));
    // SOURCES.md, checked with shapely: 98.20 % of ASB rows fall in the polygon of their own code.
    let (agree, compared) = (s["source_lsoa_agreement"]["agree"].as_f64().unwrap(), s["source_lsoa_agreement"]["compared"].as_f64().unwrap());
    assert_eq!(compared, 3_169.0);
    assert!((agree / compared * 100.0 - 98.20).abs() < 0.005, "{agree}/{compared}");
    let g = geojson(&out);
    assert_eq!(g["features"].as_array().unwrap().len(), 66);
    assert_eq!(s["areas_without_population"].as_array().unwrap().len(), 0);

    match std::process::Command::new("ogrinfo").args(["-so", "-al", out.to_str().unwrap()]).output() {
        Ok(info) => {
            let text = String::from_utf8_lossy(&info.stdout);
            assert!(text.contains("Feature Count: 66"), "{text}");
            assert!(text.contains("n_asb: Integer"), "{text}");
            assert!(text.contains("rate_asb: Real"), "{text}");
        }
        Err(_) => eprintln!("SKIPPED the ogrinfo check: GDAL's ogrinfo is not installed"),
    }
}

#[test]
fn durham_force_year_accounts_for_every_row() {
    let Some(real) = real_data("durham_force_year_accounts_for_every_row") else { return };
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("s.json");
    let o = hotspot(&[
        "count", "-q", "-i", real.join("county_durham/police_uk_durham_2025").to_str().unwrap(),
        "-a", real.join("county_durham/county_durham_lsoa2011_E06000047.geojson").to_str().unwrap(),
        "--summary", summary.to_str().unwrap(), "--csv", dir.path().join("o.csv").to_str().unwrap(),
    ]);
    ok(&o);
    let s = geojson(&summary);
    assert_eq!(s["files"].as_array().unwrap().len(), 12);
    assert_eq!(s["rows_read"].as_u64(), Some(74_273));
    assert_eq!(s["rejected"]["missing_coordinates"].as_u64(), Some(3), "SOURCES.md: 3 rows have no coordinates");
    let (kept, inside, outside) = (s["kept"].as_u64().unwrap(), s["inside"].as_u64().unwrap(), s["outside"].as_u64().unwrap());
    assert_eq!(kept, 74_270);
    assert_eq!(inside + outside, kept);
}
