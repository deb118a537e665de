//! A partnership's HIL recipe kept in a TOML file (`hotspot hil --config FILE`). Paths are
//! relative to the file's folder; flags on the command line override or add to it.
//!
//! ```
//! let text = r#"
//! denominator = "residents"
//! top = 4
//! [domains]
//! asb = 1.0
//! criminal_damage_and_arson = 0.5
//! [[indicators]]
//! name = "imd"
//! file = "imd2019.csv"
//! column = "Index of Multiple Deprivation (IMD) Rank"
//! "#;
//! let c = hotspot_core::rank::config::HilConfig::from_toml("recipe.toml", text).unwrap();
//! assert_eq!(c.top, Some(4));
//! assert_eq!(c.domains["criminal_damage_and_arson"], 0.5);
//! assert_eq!(c.indicators[0].weight, 1.0);
//! ```
use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::hil::Denominator;
use crate::error::{Error, Place, Result};

/// The recipe file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HilConfig {
    /// Incident domains and their weights.
    #[serde(default)]
    pub domains: BTreeMap<String, f64>,
    /// Area indicators.
    #[serde(default)]
    pub indicators: Vec<IndicatorConfig>,
    /// residents, hectares or none.
    pub denominator: Option<Denominator>,
    /// HILs: the top N.
    pub top: Option<usize>,
    /// HILs: score at least this.
    pub threshold: Option<f64>,
    /// Areas with fewer residents are not ranked.
    pub min_population: Option<f64>,
    /// Empirical Bayes smoothing of rates.
    pub smooth: Option<bool>,
    /// Contiguity tolerance, metres.
    pub tolerance: Option<f64>,
    /// Local names CSV (code → local name).
    pub names: Option<PathBuf>,
    /// LSOA 2011 → 2021 lookup CSV.
    pub lookup: Option<PathBuf>,
    /// 2011 populations for merged areas (CSV).
    pub lookup_population: Option<PathBuf>,
}

/// One indicator in the recipe.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IndicatorConfig {
    /// Short name for the `index_<name>` field.
    pub name: Option<String>,
    /// The CSV.
    pub file: PathBuf,
    /// The column (a unique prefix will do).
    pub column: String,
    /// Weight (default 1).
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

impl HilConfig {
    /// Parses the TOML text; `file` names it in errors.
    pub fn from_toml(file: &str, text: &str) -> Result<HilConfig> {
        toml::from_str(text).map_err(|e| {
            let message = e.message().to_string();
            Error::input(file, Place::File, format!("not a valid recipe: {message}"), "see `hotspot hil --help` for the recipe's keys")
        })
    }

    /// Reads a recipe file and makes its paths relative to the file's folder.
    pub fn read(path: &std::path::Path) -> Result<HilConfig> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&name, e))?;
        let mut c = HilConfig::from_toml(&name, &text)?;
        let base = path.parent().unwrap_or(std::path::Path::new(""));
        let fix = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        c.names.as_mut().map(fix);
        c.lookup.as_mut().map(fix);
        c.lookup_population.as_mut().map(fix);
        c.indicators.iter_mut().for_each(|i| fix(&mut i.file));
        Ok(c)
    }
}
