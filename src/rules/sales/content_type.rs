//! `sales.content-type`: the post is of a kind the company's content strategy discourages
//! (`[strategy] discourage = ["offer", "competition"]`): employees are asked to share job
//! posts, news and advice, and to leave offers and competitions to the company's own
//! channels.
//!
//! The content type is decided once per post (`crate::score`, cues in
//! `rules/lexicons/signals.toml`) and shown in the report as `content_type`. Without a
//! `[strategy]` the rule is silent.

use crate::error::Error;
use crate::i18n::Arg;
use crate::report::{ContentType, Severity};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "sales.content-type",
    severity: Severity::Info,
    route: None,
    scope: Scope::WholePost,
    options: options::<NoOptions>,
    build: ContentTypeRule::build,
};

#[derive(Debug)]
struct ContentTypeRule {
    encourage: Vec<ContentType>,
    discourage: Vec<ContentType>,
}

impl ContentTypeRule {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let s = &b.guideline.strategy;
        Ok(Box::new(ContentTypeRule {
            encourage: s.encourage.clone(),
            discourage: s.discourage.clone(),
        }))
    }
}

fn name(t: ContentType) -> Arg {
    Arg::message(format!("content-type.{}", t.as_str()))
}

fn plural(t: ContentType) -> Arg {
    Arg::message(format!("content-types.{}", t.as_str()))
}

impl Rule for ContentTypeRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(t) = cx.scores.content_type() else {
            return;
        };
        if !self.discourage.contains(&t) {
            return;
        }
        let span = cx
            .scores
            .strongest_sales
            .unwrap_or_else(|| cx.doc.first_sentence());
        let f = out.report(span, "message").arg("type", name(t));
        if self.encourage.is_empty() {
            f.advice("suggestion");
        } else {
            let list = Arg::List(self.encourage.iter().map(|&e| plural(e)).collect());
            f.arg("encouraged", list).advice("suggestion-encouraged");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    const G: &str = "extends = [\"recommended\"]\n[company]\nnames = [\"Nordvarme\"]\nproducts = [\"AeroVarme 9\"]\n[strategy]\nencourage = [\"job\", \"news\", \"advice\"]\ndiscourage = [\"offer\", \"competition\"]";

    #[test]
    fn discouraged_types_are_named() {
        let offer = "Lige nu får du AeroVarme 9 fra kun 449 kr./md. – bestil din gratis energigennemgang på nordvarme.dk/tilbud.";
        assert_fires(G, "sales.content-type", offer);
        let f = findings(G, "sales.content-type", offer, "en");
        assert!(f[0].message.contains("offer"), "{}", f[0].message);
        assert!(
            f[0].suggestions[0].title.contains("job posts"),
            "{}",
            f[0].suggestions[0].title
        );
        assert_fires(
            G,
            "sales.content-type",
            "Del og vind en AeroVarme 9! Vi trækker lod blandt alle, der deler opslaget.",
        );
    }

    #[test]
    fn encouraged_types_and_no_strategy() {
        assert_silent(G, "sales.content-type", "Vi søger en ny montør til Nordvarme i Vejle. Fuld tid, ansøgningsfrist fredag – søg jobbet på nordvarme.dk/job.");
        assert_silent(
            "extends = [\"recommended\"]\n[company]\nnames = [\"Nordvarme\"]",
            "sales.content-type",
            "Lige nu får du varmepumpen fra kun 449 kr./md. hos Nordvarme – bestil i dag.",
        );
    }
}
