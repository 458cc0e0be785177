//! How guideline errors read: serde's messages rewritten in plain words, and "did you mean".

use super::Source;
use crate::error::{Error, ErrorKind};

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
fn allowed(key: &str) -> Option<&'static str> {
    Some(match key {
        "fail_on" | "severity" => "\"error\", \"warning\" or \"info\"",
        "locale" => "a language code such as \"da\" or \"en\"",
        "languages" => "a list of language codes, such as [\"da\", \"en\"]",
        "fix" => "\"safe\", \"unsafe\" or \"display\"",
        "unit" => "\"weighted\", \"graphemes\", \"utf16\", \"chars\" or \"bytes\"",
        "route" | "id" | "kind" | "pattern" | "replaces" | "display_name" | "signature" => {
            "a text in quotes"
        }
        "enabled"
        | "case_sensitive"
        | "whole_word"
        | "inflect"
        | "in_urls"
        | "default"
        | "links_clickable"
        | "mention_domain_free"
        | "consent" => "true or false",
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
        | "max_topic_tags" => "a whole number (0 or more)",
        "until" | "from" | "to" => "a date like 2027-01-15",
        "names" | "products" | "competitors" | "domains" | "disclosures" | "internal_hosts"
        | "extends" | "catalogs" | "aliases" => "a list of texts in quotes, such as [\"…\"]",
        "summary" | "message" | "suggestion" | "explain" | "reason" => {
            "a text, or a table like { da = \"…\", en = \"…\" }"
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
            format!(
                "{} is not a TOML guideline (line {line} does not parse)",
                source.name
            ),
        )
        .with_help("a guideline is a TOML file such as the one `postlint init` writes");
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
            Some(values) => format!("`{key}` must be {values}, not `{found}`"),
            None => format!("`{key}`: {msg}"),
        }
    } else if let Some(rest) = msg.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        match did_you_mean(field, expected.iter().copied()) {
            Some(best) => format!("unknown key `{field}`, did you mean `{best}`?"),
            None => {
                if !expected.is_empty() {
                    help = Some(format!("allowed keys: {}", expected.join(", ")));
                }
                format!("unknown key `{field}`")
            }
        }
    } else if msg.contains("did not match any variant of untagged enum RawTerms") {
        "expected a list of terms, or a table like { da = [\"…\"], en = [\"…\"] }".to_string()
    } else if msg.contains("untagged enum RawFiles") {
        "expected a file name, a list of file names, or { da = \"…\", en = \"…\" }".to_string()
    } else if msg.contains("untagged enum RawReplace") {
        "expected a table of replacements like { \"personale\" = \"medarbejdere\" } or { da = { … }, en = { … } }".to_string()
    } else if msg.contains("untagged enum RawPlatforms") {
        "expected a list of platform names, or tables like [platforms.x] limit = 25000".to_string()
    } else if msg.starts_with("unknown variant") && msg.contains("`da`") {
        format!("{msg} (postlint supports Danish and English)")
    } else {
        msg
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
