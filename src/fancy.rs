//! Fancy text (STUB).
