//! One file per subcommand; `surface` holds what gistar, lisa and kde share.
pub mod count;
pub mod cover;
pub mod demo;
pub mod evaluate;
pub mod gistar;
pub mod hil;
pub mod kde;
pub mod lisa;
pub mod near;
pub mod site;
pub mod surface;
