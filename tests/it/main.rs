//! The integration tests, as one binary (each file in tests/ would link the crate again).

mod agreement;
mod cli;
mod common;
mod exchange;
mod export;
mod fuzz;
mod import;
mod import_corpus;
mod meeting;
mod postgres;
mod recovery;
mod report;
mod robustness;
mod seed;
mod situation;
mod tagged;
mod ui;
