//! Diagnostics: what a stage noticed about its input that the user should know.

use serde::{Deserialize, Serialize};

/// How much a diagnostic matters to someone reading the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    /// Worth knowing; the result is as good as it can be.
    Info,
    /// Part of the result is a guess or is missing.
    Warning,
}

/// One observation about one input, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable key, for tests and filtering (`"encoding.fallback"`).
    pub code: String,
    /// A sentence for the user.
    pub message: String,
}

impl Diagnostic {
    pub fn info(code: &str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Info, code: code.to_owned(), message: message.into() }
    }

    pub fn warning(code: &str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, code: code.to_owned(), message: message.into() }
    }
}
