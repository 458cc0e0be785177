//! `sales.score`: the post reads like an advert (salesiness at or above the threshold).

use crate::error::Error;
use crate::i18n::Arg;
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, SignalKind};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "sales.score",
    severity: Severity::Warning,
    route: None,
    scope: Scope::WholePost,
    options: options::<Options>,
    build: Score::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The score (0–100) at or above which the rule fires.
    threshold: u8,
}

impl Default for Options {
    fn default() -> Options {
        Options { threshold: 50 }
    }
}

#[derive(Debug)]
struct Score {
    threshold: u8,
    /// The company's products and names, for a suggestion in its own words.
    names: [ListId; 2],
}

impl Score {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        let c = &b.guideline.company;
        let names = [
            b.matcher.add_terms(&c.products, TermOptions::default()),
            b.matcher.add_terms(&c.names, TermOptions::default()),
        ];
        Ok(Box::new(Score {
            threshold: o.threshold.min(100),
            names,
        }))
    }
}

impl Rule for Score {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let score = cx.scores.salesiness;
        if score < self.threshold || cx.doc.words.is_empty() {
            return;
        }
        let span = cx
            .scores
            .strongest_sales
            .unwrap_or_else(|| cx.doc.first_sentence());
        // The kinds of signal found, strongest first: what made the score.
        let mut kinds: Vec<(f32, SignalKind)> = Vec::new();
        for s in cx.scores.signals().iter().filter(|s| s.weight > 0.0) {
            match kinds.iter_mut().find(|(_, k)| *k == s.kind) {
                Some((w, _)) => *w += s.weight,
                None => kinds.push((s.weight, s.kind)),
            }
        }
        kinds.sort_by(|a, b| b.0.total_cmp(&a.0));
        let signals = Arg::List(
            kinds
                .iter()
                .map(|(_, k)| Arg::message(format!("signal.{}", k.as_str())))
                .collect(),
        );
        let f = out
            .report(span, "message")
            .arg("score", score)
            .arg("threshold", self.threshold)
            .arg("signals", signals);
        // In the company's own words: the product (or the company) the post is about.
        let named = self
            .names
            .iter()
            .find_map(|&l| cx.hits.terms(l).first())
            .map(|h| cx.slice(h.span).to_string());
        match named {
            Some(name) => f.arg("name", name).advice("suggestion-named"),
            None => f.advice("suggestion"),
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn names_the_signals_and_the_product() {
        let g = "extends = [\"recommended\"]\n[company]\nnames = [\"Nordvarme\"]\nproducts = [\"AeroVarme 9\"]";
        let text = "AeroVarme 9 fra kun 449 kr./md. – bestil din gratis energigennemgang i dag!";
        let f = crate::rule::test::findings(g, "sales.score", text, "da");
        assert!(f[0].message.contains("tilbudspris"), "{}", f[0].message);
        assert!(f[0].message.contains("salgsopfordring"), "{}", f[0].message);
        let s = &f[0].suggestions[0].title;
        assert!(s.contains("meningsfuldt ved AeroVarme 9"), "{s}");
        let f = crate::rule::test::findings(g, "sales.score", text, "en");
        assert!(f[0].message.contains("offer price"), "{}", f[0].message);
    }

    #[test]
    fn calibrated_at_both_ends() {
        let g = "extends = [\"recommended\"]\n[company]\nnames = [\"Nordvarme\"]";
        // An instalment price with a call to action is an advert ...
        assert_fires(
            g,
            "sales.score",
            "Den nye varmepumpe fra 449 kr./md. – bestil den nu hos Nordvarme.",
        );
        assert_fires(
            g,
            "sales.score",
            "Our new heat pump from DKK 449/month. Book a quick 15-minute call with me today.",
        );
        // ... and a job post that lists the benefits is not.
        assert_silent(
            g,
            "sales.score",
            "Vi søger en projektleder til Nordvarme i Aarhus. Du får: tilbud om sundhedsforsikring, gratis parkering, frokostordning til 25 kr. om dagen og 6. ferieuge. Ansøgningsfrist 1. marts.",
        );
        assert_silent(
            g,
            "sales.score",
            "We're hiring an installer at Nordvarme in Odense. Van, tools, training, free breakfast on Mondays and an employee discount on heat pumps. Apply by Friday.",
        );
    }

    #[test]
    fn adverts_and_ordinary_posts() {
        let g = "extends = [\"recommended\"]";
        assert_fires(
            g,
            "sales.score",
            "KÆMPE RABAT! Køb nu – kun i dag: 50 % rabat. Bestil i dag, kun 499 kr.!",
        );
        assert_silent(
            g,
            "sales.score",
            "Vi søger en ny kollega til vores team i Aarhus.",
        );
    }
}
