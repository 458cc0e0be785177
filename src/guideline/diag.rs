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

/// Rewrites toml's serde messages into plain ones with a "did you mean" hint.
pub(super) fn toml_error(source: &Source, e: &toml::de::Error) -> Error {
    let msg = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    let mut help = None;
    let message = if let Some(rest) = msg.strip_prefix("unknown field `") {
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
