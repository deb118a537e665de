//! Time: periods ([`periods`]), change between two periods ([`change`]), emerging hot spots
//! ([`emerging`], with the [`mann_kendall`] trend test), repeat locations ([`repeats`]) and the
//! Knox test for near repeats ([`knox`]).
pub mod change;
pub mod emerging;
pub mod knox;
pub mod mann_kendall;
pub mod periods;
pub mod repeats;
