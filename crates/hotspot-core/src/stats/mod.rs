//! Statistical hotspots: Getis-Ord Gi* ([`gistar`]), Local Moran's I ([`lisa`]), kernel density
//! ([`kde`]) on areas or on square and hexagonal grids ([`grid`]), with neighbours from
//! [`weights`] and the Benjamini–Hochberg false discovery rate ([`fdr`]).
pub mod fdr;
pub mod gistar;
pub mod grid;
pub mod kde;
pub mod lisa;
pub mod weights;
