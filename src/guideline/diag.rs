//! How guideline errors read: serde's messages rewritten in plain words, and "did you mean".

use super::Source;
use crate::error::{msg, Error, ErrorKind, Msg};

/// The candidate closest to `word`, if it is close enough to be what was meant.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// What the value of a guideline key must be, in words, for the keys whose values are not
/// free text.
fn allowed(key: &str) -> Option<Msg> {
    Some(match key {
        "fail_on" | "severity" => msg!("error.allowed.severity"),
        "locale" => msg!("error.allowed.locale"),
        "languages" => msg!("error.allowed.languages"),
        "fix" => msg!("error.allowed.fix"),
        "unit" => msg!("error.allowed.unit"),
        "route" | "id" | "kind" | "pattern" | "replaces" | "display_name" | "signature" => {
            msg!("error.expected.text")
        }
        "enabled"
        | "case_sensitive"
        | "whole_word"
        | "inflect"
        | "in_urls"
        | "default"
        | "links_clickable"
        | "mention_domain_free"
        | "consent" => msg!("error.expected.boolean"),
        "distance"
        | "max"
        | "limit"
        | "byte_limit"
        | "url_length"
        | "fold"
        | "max_hashtags"
        | "recommended_hashtags"
        | "max_mentions"
        | "max_links"
        | "max_topic_tags" => msg!("error.expected.whole-number"),
        "until" | "from" | "to" => msg!("error.expected.date"),
        "names" | "products" | "competitors" | "domains" | "disclosures" | "internal_hosts"
        | "extends" | "catalogs" | "aliases" | "superseded_by" => msg!("error.expected.texts"),
        "summary" | "message" | "suggestion" | "explain" | "reason" => {
            msg!("error.expected.localized-text")
        }
        _ => return None,
    })
}

/// Whether a text reads as TOML at all: its first line of content is a comment, a table
/// header or a `key = value`. An error in a file that does not (a `extends` that names
/// `/etc/passwd`) shows no line of it.
fn looks_like_toml(text: &str) -> bool {
    let Some(line) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return true;
    };
    line.starts_with('#')
        || line.starts_with('[')
        || line.split_once('=').is_some_and(|(k, _)| {
            let k = k.trim().trim_matches('"');
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' '))
        })
}

/// The key written on the line of byte `at` (`fail_on` in `fail_on = 3`).
fn key_at(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    let key = key
        .rsplit('.')
        .next()
        .unwrap_or(key)
        .trim()
        .trim_matches('"');
    (!key.is_empty() && !key.contains(['[', ']', '{', ','])).then(|| key.to_string())
}

/// Rewrites toml's serde messages into plain ones with a "did you mean" hint.
pub(super) fn toml_error(source: &Source, e: &toml::de::Error) -> Error {
    let msg = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    if !looks_like_toml(&source.text) {
        let (line, _) = crate::error::line_col(&source.text, span.start);
        return Error::new(
            ErrorKind::Guideline,
            msg!("error.toml.not-toml", name = &source.name, line = line),
        )
        .with_help(msg!("error.toml.not-toml.help"));
    }
    let mut help = None;
    let key = key_at(&source.text, span.start);
    let wrong_type = msg.starts_with("invalid type")
        || msg.starts_with("wanted ")
        || msg.starts_with("unknown variant")
        || msg.starts_with("invalid value");
    let message = if let (true, Some(key)) = (wrong_type, &key) {
        let found = source.text.get(span.clone()).unwrap_or("").trim();
        match allowed(key) {
            Some(values) => msg!(
                "error.toml.value",
                key = key,
                allowed = values,
                found = found
            ),
            None => msg!("error.toml.key", key = key, detail = msg),
        }
    } else if let Some(rest) = msg.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        match did_you_mean(field, expected.iter().copied()) {
            Some(best) => msg!("error.toml.unknown-key.close", key = field, best = best),
            None => {
                if !expected.is_empty() {
                    help = Some(msg!("error.toml.allowed-keys", keys = expected.join(", ")));
                }
                msg!("error.toml.unknown-key", key = field)
            }
        }
    } else if msg.contains("did not match any variant of untagged enum RawTerms") {
        msg!("error.toml.terms")
    } else if msg.contains("untagged enum RawFiles") {
        msg!("error.toml.files")
    } else if msg.contains("untagged enum RawReplace") {
        msg!("error.toml.replace")
    } else if msg.contains("untagged enum RawPlatforms") {
        msg!("error.toml.platforms")
    } else if msg.starts_with("unknown variant") && msg.contains("`da`") {
        msg!("error.toml.language", detail = msg)
    } else {
        // The TOML parser's own words ("invalid table header"), introduced in the locale.
        msg!("error.toml.syntax", detail = msg)
    };
    let mut err = Error::at(
        ErrorKind::Guideline,
        message,
        &source.name,
        &source.text,
        span,
    );
    if let Some(h) = help {
        err = err.with_help(h);
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_words_are_suggested() {
        let c = ["sales.score", "sales.discount", "links.tracking"];
        assert_eq!(
            did_you_mean("sales.scroe", c.iter().copied()),
            Some("sales.score")
        );
        assert_eq!(did_you_mean("zzz", c.iter().copied()), None);
    }
}
