//! `readability.flesch`: an English post is hard to read (a low Flesch Reading Ease). The
//! score is counted once per post ([`crate::score::readability`]: hashtags, mentions, URLs
//! and emoji removed, posts under 30 words not scored) and shown as `scores.flesch`. Danish
//! posts are judged by LIX (`readability.lix`): Flesch's weights were fitted to English
//! syllables and mean little for Danish.

use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "readability.flesch",
    // Information, as readability.lix: a hard read is worth telling the author, but it is
    // no reason to hold a post for review (as a warning, it moved 3 of the 138 ordinary
    // posts of the advertising set to review). A guideline raises it where it wants to.
    severity: Severity::Info,
    route: None,
    scope: Scope::WholePost,
    options: options::<Options>,
    build: Flesch::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The lowest Flesch Reading Ease allowed.
    min: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options { min: 50.0 }
    }
}

#[derive(Debug)]
struct Flesch {
    min: f64,
}

impl Flesch {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Flesch { min: o.min }))
    }
}

impl Rule for Flesch {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(score) = cx.scores.flesch.filter(|&s| s < self.min) else {
            return;
        };
        out.report(cx.doc.first_sentence(), "message")
            .arg("score", super::whole(score))
            .arg("min", super::whole(self.min))
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn dense_english_fires_and_plain_english_does_not() {
        assert_fires(
            "",
            "readability.flesch",
            "Our organisation's comprehensive transformation initiative necessitates considerable interdepartmental collaboration, systematic capability development and continuous evaluation of operational effectiveness, consequently the steering committee recommends establishing multidisciplinary working groups with representation from every business unit.",
        );
        assert_silent(
            "",
            "readability.flesch",
            "We hired three new people this month. They start on Monday. We will meet them at the office for coffee and cake. Then they get a tour and a desk. Say hi if you see them in the hall!",
        );
    }

    #[test]
    fn danish_and_short_posts_are_not_scored() {
        assert_silent(
            "",
            "readability.flesch",
            "Implementeringen af organisationsforandringerne nødvendiggør omfattende kompetenceudviklingsinitiativer, ledelsesmæssig forankring samt systematiske evalueringsprocedurer, hvorfor styregruppen anbefaler etableringen af tværorganisatoriske arbejdsgrupper med repræsentation fra samtlige forretningsområder.",
        );
        assert_silent(
            "",
            "readability.flesch",
            "Comprehensive organisational transformation necessitates interdepartmental collaboration.",
        );
    }
}
