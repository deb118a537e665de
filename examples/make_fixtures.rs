//! Writes the synthetic town (Synthton) into `fixtures/town/`: the demo's embedded data and the
//! CLI tests' inputs. Deterministic: a test checks that the committed files equal a fresh run.
//!
//! Run: `cargo run -p hotspot-core --example make_fixtures`
fn main() -> Result<(), hotspot_core::Error> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/town");
    hotspot_core::synth::town::generate(hotspot_core::synth::town::SEED)?.write_to(&dir)?;
    println!("wrote {}", dir.canonicalize().unwrap_or(dir).display());
    Ok(())
}
