//! One file per subcommand.
pub mod count;
pub mod cover;
pub mod demo;
pub mod evaluate;
pub mod hil;
pub mod near;
pub mod site;
