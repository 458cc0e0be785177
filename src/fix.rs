//! Applying suggestions (STUB: being written).
