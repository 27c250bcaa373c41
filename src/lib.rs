//! Trygghetstavlan: follow-up of medborgarlöften for local samverkan between a kommun
//! and its lokalpolisområde.

pub mod app;
pub mod cli;
pub mod controller;
pub mod crash;
pub mod csv;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod files;
pub mod import;
pub mod incidents_csv;
pub mod photo;
pub mod queries;
pub mod report;
pub mod seed;
pub mod store;
pub mod summary;
pub mod ui;
pub mod validate;
