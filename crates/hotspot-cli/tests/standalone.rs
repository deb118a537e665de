//! The built binary needs no PROJ installation and nothing from target/ at run time: PROJ is
//! linked statically and its database is embedded and written to a cache folder on first use.

#[test]
fn runs_from_elsewhere_with_an_empty_cache_and_no_proj_settings() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("hotspot");
    std::fs::copy(env!("CARGO_BIN_EXE_hotspot"), &bin).unwrap();
    let cache = dir.path().join("cache");
    let o = std::process::Command::new(&bin)
        .args(["demo", "-q", "-o", "out.geojson"])
        .current_dir(dir.path())
        .env_clear()
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.path().join("out.geojson").is_file());
    let db = std::fs::read_dir(cache.join("hotspot")).unwrap().next().unwrap().unwrap().path().join("proj.db");
    assert!(db.metadata().unwrap().len() > 1_000_000, "proj.db written from the binary");
    if let Ok(ldd) = std::process::Command::new("ldd").arg(&bin).output() {
        let libs = String::from_utf8_lossy(&ldd.stdout);
        assert!(!libs.contains("libproj"), "PROJ must be linked statically:\n{libs}");
        assert!(!libs.contains("libsqlite3"), "SQLite must be linked statically:\n{libs}");
    }
}
