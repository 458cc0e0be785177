//! Rule ids and the selectors that name them: `sales.discount` is in the family `sales`; a
//! selector (`--select`, `[rules."sales"]`, a waiver's `rule`) is an id or a family. Kept at
//! the bottom of the layers, so a post's waivers and the rules match ids the same way.

/// The rule id family of `id` (`sales` for `sales.discount`).
pub(crate) fn family(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

/// Whether `selector` (a rule id or a family prefix) selects rule `id`.
pub(crate) fn selects(selector: &str, id: &str) -> bool {
    id == selector
        || id
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('.'))
}
