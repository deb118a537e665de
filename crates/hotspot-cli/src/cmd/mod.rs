//! One file per subcommand.
pub mod count;
pub mod demo;
pub mod hil;
pub mod near;
