//! The built-in TOML lexicons under `rules/lexicons/`, parsed once per process, and the word
//! lists and flags the code rules read from them.

use crate::error::{internal, Error};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The built-in TOML lexicon `file` (a path under `rules/`), parsed once per process.
fn lexicon(file: &'static str) -> Result<&'static toml::Table, Error> {
    static PARSED: OnceLock<Mutex<HashMap<&'static str, &'static toml::Table>>> = OnceLock::new();
    let cache = PARSED.get_or_init(Default::default);
    if let Some(t) = cache.lock().ok().and_then(|c| c.get(file).copied()) {
        return Ok(t);
    }
    let text = crate::builtin::file(file)
        .ok_or_else(|| internal(format!("rules/{file} is not built in")))?;
    let table: toml::Table =
        toml::from_str(text).map_err(|e| internal(format!("rules/{file}: {e}")))?;
    // Leaked on purpose: at most one table per built-in file, for the life of the process.
    let table: &'static toml::Table = Box::leak(Box::new(table));
    if let Ok(mut c) = cache.lock() {
        c.insert(file, table);
    }
    Ok(table)
}

/// The value at the dotted `path` (`people.own.da`) of the lexicon `file`, if any.
fn at_path(file: &'static str, path: &str) -> Result<Option<&'static toml::Value>, Error> {
    let mut keys = path.split('.');
    let table = lexicon(file)?;
    let mut v = keys.next().and_then(|k| table.get(k));
    for key in keys {
        v = v.and_then(|t| t.get(key));
    }
    Ok(v)
}

/// The boolean at the dotted `path` of the lexicon `file`; false when it is absent.
pub(crate) fn flag(file: &'static str, path: &str) -> Result<bool, Error> {
    Ok(at_path(file, path)?
        .and_then(toml::Value::as_bool)
        .unwrap_or(false))
}

/// The strings at the dotted `path` (`people.own.da`) of the lexicon `file`; none when the
/// path is absent.
pub(crate) fn words_in(file: &'static str, path: &str) -> Result<Vec<String>, Error> {
    Ok(at_path(file, path)?
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

/// The `term = score` pairs of the table at the dotted `path` of the lexicon `file` (scores
/// outside −5…5, AFINN's scale, are clamped); none when the path is absent.
pub(crate) fn scored_in(file: &'static str, path: &str) -> Result<Vec<(String, i8)>, Error> {
    Ok(at_path(file, path)?
        .and_then(toml::Value::as_table)
        .map(|t| {
            t.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_integer()?.clamp(-5, 5) as i8)))
                .collect()
        })
        .unwrap_or_default())
}
