//! Helpers shared by integration tests: `mod support;` in a test file.
#![allow(dead_code)]

pub mod botocore;
pub mod devtron_rules;
pub mod oci;
pub mod registry;
pub mod scripted;
