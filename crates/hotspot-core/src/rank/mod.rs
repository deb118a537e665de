//! Ranking areas: the High Impact Location index ([`hil`]), how concentrated harm is
//! ([`concentration`]) and which selected areas adjoin ([`groups`]).
pub mod concentration;
pub mod groups;
pub mod hil;
pub mod config;
