//! Renderers (STUB: being written).
