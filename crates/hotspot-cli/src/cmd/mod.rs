//! One file per subcommand; `surface` holds what the area-or-grid analyses share.
pub mod change;
pub mod count;
pub mod cover;
pub mod demo;
pub mod emerging;
pub mod evaluate;
pub mod gistar;
pub mod hil;
pub mod kde;
pub mod knox;
pub mod lisa;
pub mod near;
pub mod repeats;
pub mod site;
pub mod surface;
