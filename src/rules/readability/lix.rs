//! `readability.lix`: the text is hard to read (a high LIX index). The score is counted once
//! per post ([`crate::score::readability`]: hashtags, mentions, URLs and emoji removed,
//! posts under 30 words not scored) and shown in the report as `scores.lix`.

use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "readability.lix",
    severity: Severity::Info,
    route: None,
    scope: Scope::WholePost,
    options: options::<Options>,
    build: Lix::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The highest LIX allowed.
    max: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options { max: 55.0 }
    }
}

#[derive(Debug)]
struct Lix {
    max: f64,
}

impl Lix {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Lix { max: o.max }))
    }
}

impl Rule for Lix {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(score) = cx.scores.lix.filter(|&s| s > self.max) else {
            return;
        };
        out.report(cx.doc.first_sentence(), "message")
            .arg("score", super::whole(score))
            .arg("max", super::whole(self.max))
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn long_words_and_long_sentences() {
        assert_fires(
            "",
            "readability.lix",
            "Implementeringen af organisationsforandringerne nødvendiggør omfattende kompetenceudviklingsinitiativer, ledelsesmæssig forankring samt systematiske evalueringsprocedurer, hvorfor styregruppen anbefaler etableringen af tværorganisatoriske arbejdsgrupper med repræsentation fra samtlige forretningsområder og medarbejderrepræsentanter. Evalueringsrapporten offentliggøres efterfølgende på organisationens intranetportal, hvor samtlige medarbejdergrupper opfordres til konstruktiv kommentering.",
        );
        assert_silent(
            "",
            "readability.lix",
            "Vi har fået nye kolleger i år. Det er godt. Nu skal vi lære hinanden at kende. Vi starter med en tur i skoven på fredag. Alle er med, og der er kage bagefter.",
        );
    }
}
