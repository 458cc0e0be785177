//! `--output-fields`: which fields of each `posts[]` object the JSON and JSON Lines reports
//! write. An archive re-check of a million posts wants the verdict and the findings, not
//! every post's entities, platform table and audit record again (on a batch of short posts
//! those are nearly half the output). `source` is always written: a line must say which post
//! it is.

use std::fmt;

/// A set of `posts[]` fields.
///
/// ```
/// use postlint::render::Fields;
///
/// let f = Fields::parse("verdict, findings")?;
/// assert!(f.has("verdict") && f.has("source") && !f.has("entities"));
/// assert_eq!(Fields::parse("verdikt").unwrap_err().to_string(), "unknown field `verdikt` (did you mean `verdict`?)");
/// # Ok::<(), postlint::render::UnknownField>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields(u16);

/// Every field a `posts[]` object has, in the order it is written.
pub const NAMES: [&str; 12] = [
    "source",
    "language",
    "platforms",
    "entities",
    "scores",
    "content_type",
    "signals",
    "verdict",
    "reviewers",
    "findings",
    "waivers",
    "audit",
];

impl Fields {
    /// Every field (the default).
    pub const ALL: Fields = Fields(u16::MAX);

    /// A comma-separated list of field names; `source` is always in.
    pub fn parse(list: &str) -> Result<Fields, UnknownField> {
        let mut bits = 1u16; // source
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match NAMES.iter().position(|n| *n == name) {
                Some(i) => bits |= 1 << i,
                None => return Err(UnknownField(name.to_string())),
            }
        }
        Ok(Fields(bits))
    }

    /// Whether the field `name` is in the set.
    pub fn has(self, name: &str) -> bool {
        NAMES
            .iter()
            .position(|n| *n == name)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::ALL
    }
}

/// A name `--output-fields` does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField(pub String);

impl UnknownField {
    /// The known field the name most likely meant.
    pub fn did_you_mean(&self) -> Option<&'static str> {
        crate::guideline::diag::did_you_mean(&self.0, NAMES.iter().copied())
    }
}

impl fmt::Display for UnknownField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.did_you_mean() {
            Some(b) => write!(f, "unknown field `{}` (did you mean `{b}`?)", self.0),
            None => write!(
                f,
                "unknown field `{}` (known: {})",
                self.0,
                NAMES.join(", ")
            ),
        }
    }
}

impl std::error::Error for UnknownField {}
