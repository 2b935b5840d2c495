//! The entity dictionaries: companies with aliases, people, products with owners.
//!
//! Embedded from `config/dict/` at build time; a user can add files of the same format.
//! (Format and loading are filled in by the entity recognizer's work.)

use std::path::{Path, PathBuf};

/// A dictionary file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// The file could not be read.
    #[error("cannot read dictionary {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line does not follow the format.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// All entity dictionaries.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {}

impl Dictionary {
    /// The dictionaries embedded in the binary.
    pub fn embedded() -> Dictionary {
        Dictionary {}
    }

    /// Adds the entries of a user dictionary file.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), DictError> {
        std::fs::read_to_string(path).map_err(|source| DictError::Read {
            path: path.to_owned(),
            source,
        })?;
        Ok(())
    }
}
