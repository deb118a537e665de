//! Finds the `proj.db` that the PROJ build produced so that the library can embed it: the
//! installed `hotspot` binary then needs no PROJ installation and no `target/` at run time.
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=HOTSPOT_PROJ_DB");
    let db = std::env::var_os("HOTSPOT_PROJ_DB")
        .map(PathBuf::from)
        .or_else(find_bundled)
        .or_else(find_system)
        .expect(
            "hotspot-core: no proj.db found. PROJ's source build (proj-sys, feature bundled_proj) \
             should have made one; or set HOTSPOT_PROJ_DB=/path/to/proj.db",
        );
    println!("cargo:rerun-if-changed={}", db.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("proj.db");
    std::fs::copy(&db, &out).expect("copy proj.db into OUT_DIR");
}

/// `OUT_DIR` is `target/<profile>/build/hotspot-core-<hash>/out`; PROJ's build lives beside it in
/// `proj-sys-<hash>/out/share/proj/proj.db`. Take the newest when several builds exist.
fn find_bundled() -> Option<PathBuf> {
    let out = PathBuf::from(std::env::var("OUT_DIR").ok()?);
    let build_dir = out.parent()?.parent()?;
    std::fs::read_dir(build_dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("proj-sys-"))
        .map(|e| e.path().join("out/share/proj/proj.db"))
        .filter(|p| p.is_file())
        .max_by_key(|p| modified(p))
}

fn find_system() -> Option<PathBuf> {
    ["/usr/share/proj/proj.db", "/usr/local/share/proj/proj.db"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

fn modified(p: &Path) -> std::time::SystemTime {
    p.metadata()
        .and_then(|m| m.modified())
        .unwrap_or(std::time::UNIX_EPOCH)
}
