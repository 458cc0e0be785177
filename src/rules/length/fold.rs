//! `length.fold`: what matters comes after "…see more" — a disclosure, or the end of the
//! first sentence.

use crate::document::Document;
use crate::error::Error;
use crate::i18n::Arg;
use crate::matcher::{Hit, ListId, TermOptions};
use crate::platform::{cut_offset, published_range, Profile};
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use std::ops::Range;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "length.fold",
    severity: Severity::Warning,
    route: None,
    scope: Scope::WholePost,
    options: options::<NoOptions>,
    build: Fold::build,
};

#[derive(Debug)]
struct Fold {
    /// Company names, products and disclosures, when the guideline has disclosures.
    company: Option<CompanyLists>,
}

#[derive(Debug)]
struct CompanyLists {
    names: Option<ListId>,
    products: Option<ListId>,
    disclosures: ListId,
}

impl Fold {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let c = &b.guideline.company;
        if c.disclosures.is_empty() || (c.names.is_empty() && c.products.is_empty()) {
            return Ok(Box::new(Fold { company: None }));
        }
        let mut add = |list: &[String]| {
            (!list.is_empty()).then(|| b.matcher.add_terms(list, TermOptions::default()))
        };
        let names = add(&c.names);
        let products = add(&c.products);
        let disclosures = b.matcher.add_terms(&c.disclosures, TermOptions::default());
        Ok(Box::new(Fold {
            company: Some(CompanyLists {
                names,
                products,
                disclosures,
            }),
        }))
    }
}

/// A checked platform whose fold hides part of the post: the profile, its fold, and the byte
/// offset where the fold falls.
type Folded<'a> = (&'a Profile, usize, usize);

impl Rule for Fold {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let body = published_range(cx.doc);
        let lower = out.severity().lowered();
        let mut folds: Vec<Folded<'_>> = Vec::new();
        for m in cx.platforms {
            let Some(fold) = m.profile.fold else { continue };
            if m.length.length <= fold {
                continue; // the whole post is visible
            }
            if let Some(at) = cut_offset(cx.doc, m.profile, &body, fold) {
                folds.push((m.profile, fold, at));
            }
        }
        if folds.is_empty() {
            return;
        }
        // A commercial post's late disclosure is disclosure.buried's finding (with a fix).
        if let Some(lists) = self.company.as_ref().filter(|_| !cx.scores.commercial) {
            hidden_disclosure(cx, lists, &folds, lower, out);
        }
        // The hook: the first sentence (or line) must end before the fold.
        let Some(first) = cx.doc.sentences.first() else {
            return;
        };
        // Platforms whose fold cuts the sentence at the same word with the same fold are one
        // finding.
        let mut hooks: Vec<(Span, usize, Vec<&str>)> = Vec::new();
        for &(profile, fold, at) in &folds {
            if first.end <= at {
                continue;
            }
            let span = word_at(cx.doc, at, &body);
            match hooks.iter_mut().find(|(s, f, _)| (*s, *f) == (span, fold)) {
                Some(h) => h.2.push(&profile.display_name),
                None => hooks.push((span, fold, vec![&profile.display_name])),
            }
        }
        for (span, fold, platforms) in hooks {
            out.report(span, "hook")
                .arg("platforms", platforms)
                .arg("fold", fold)
                .advice("hook-suggestion")
                .severity(lower);
        }
    }
}

/// A disclosure that only appears after the fold, on the platforms where it does: one
/// finding at the first disclosure, a warning when the post names a product (it may be
/// advertising), advice when it only names the company.
fn hidden_disclosure(
    cx: &Context<'_>,
    lists: &CompanyLists,
    folds: &[Folded<'_>],
    lower: Severity,
    out: &mut Emitter<'_>,
) {
    let disclosed = cx.hits.terms(lists.disclosures);
    let Some(first) = disclosed.first() else {
        return; // no disclosure at all: that is disclosure.missing's finding
    };
    // The company or a product named outside the disclosures themselves ("jeg arbejder hos
    // Falck" names Falck but is the disclosure).
    let outside = |list: Option<ListId>| {
        list.is_some_and(|l| {
            cx.hits
                .terms(l)
                .iter()
                .any(|m| !disclosed.iter().any(|d| contains(d, m)))
        })
    };
    let product = outside(lists.products);
    if !product && !outside(lists.names) {
        return;
    }
    let hidden: Vec<&Folded<'_>> = folds
        .iter()
        .filter(|(_, _, at)| disclosed.iter().all(|d| d.span.end > *at))
        .collect();
    let e = match hidden.as_slice() {
        [] => return,
        [(p, fold, _)] => out
            .report(first.span, "disclosure")
            .arg("platform", p.display_name.as_str())
            .arg("fold", *fold),
        many => {
            // "the characters that Instagram (about 125) and LinkedIn (about 210) show"
            let shown: Vec<Arg> = many
                .iter()
                .map(|(p, fold, _)| {
                    let args = vec![
                        ("platform", p.display_name.as_str().into()),
                        ("fold", (*fold).into()),
                    ];
                    Arg::nested("length.fold.platform-fold", args)
                })
                .collect();
            out.report(first.span, "disclosure-many")
                .arg("shown", Arg::List(shown))
        }
    };
    let e = e
        .arg("phrase", cx.slice(first.span))
        .advice("disclosure-suggestion");
    if !product {
        e.severity(lower);
    }
}

fn contains(outer: &Hit, inner: &Hit) -> bool {
    outer.span.start <= inner.span.start && inner.span.end <= outer.span.end
}

/// The word at or after byte `at` (where the fold falls), within `body`; a one-character span
/// when there is no word there.
fn word_at(doc: &Document<'_>, at: usize, body: &Range<usize>) -> Span {
    match doc.words.get(doc.word_index(at)) {
        Some(w) if w.span.end <= body.end => Span::from(w.span.clone()),
        _ => {
            let end = doc.text[at..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8());
            Span::new(at, end.min(body.end).max(at))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_silent, findings};

    const G: &str = "platforms = [\"linkedin\", \"instagram\"]\n[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Vejhjælp\"]\ndisclosures = [\"#FalckAnsat\"]";

    #[test]
    fn a_disclosure_hidden_on_two_platforms_names_both() {
        let text = format!(
            "Falck Vejhjælp kan nu starte elbiler på stedet. {} #FalckAnsat",
            "Det er virkelig godt nyt for alle bilister. ".repeat(6)
        );
        let f = findings(G, "length.fold", &text, "da");
        let d = f
            .iter()
            .find(|f| f.message_id == "length.fold.disclosure-many")
            .unwrap();
        assert!(
            d.message
                .contains("som LinkedIn (ca. 210) og Instagram (ca. 125) viser"),
            "{}",
            d.message
        );
    }

    #[test]
    fn short_posts_are_never_folded() {
        assert_silent(
            G,
            "length.fold",
            "Falck Vejhjælp kan nu starte elbiler. #FalckAnsat",
        );
    }
}
