//! `privacy.photo-consent`: a photo of colleagues, named or tagged — have they agreed to be
//! shown? A photo is personal data of the people in it (GDPR art. 6), and tagging names
//! them. Information only: the author is asked to make sure, not stopped.

use super::{just_before, ByLang, People};
use crate::error::Error;
use crate::i18n::Arg;
use crate::matcher::TermOptions;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::rules::words::within;
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.photo-consent",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: PhotoConsent::build,
};

#[derive(Debug)]
struct PhotoConsent {
    people: People,
    cue: ByLang,
    /// Metaphors ("det store billede", "picture this").
    not: ByLang,
    /// Credits: the name after them took the photo.
    credit: ByLang,
    /// Credits after the name ("Mette tog billedet").
    credit_after: ByLang,
    /// The company's names, folded without spaces: its own account (@havnelogistik) is
    /// no one in a photo.
    handles: Vec<String>,
}

impl PhotoConsent {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o = TermOptions::default();
        Ok(Box::new(PhotoConsent {
            people: People::build(b.matcher)?,
            cue: ByLang::new(b.matcher, super::PERSONAL, "photo.cue", o)?,
            not: ByLang::new(b.matcher, super::PERSONAL, "photo.not", o)?,
            credit: ByLang::new(b.matcher, super::PERSONAL, "photo.credit", o)?,
            credit_after: ByLang::new(b.matcher, super::PERSONAL, "photo.credit_after", o)?,
            handles: b
                .guideline
                .company
                .names
                .iter()
                .chain(&b.guideline.company.products)
                .map(|n| crate::fold::fold(n).replace([' ', '-', '.'], ""))
                .filter(|n| n.len() >= 3)
                .collect(),
        }))
    }
}

impl Rule for PhotoConsent {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let not = self.not.spans(cx);
        let Some(cue) = self.cue.spans(cx).into_iter().find(|c| !within(&not, *c)) else {
            return;
        };
        // A name right after a credit, and the names that follow it ("Foto: Jens Ole
        // Hansen"), took the photo.
        let mut credit = self.credit.spans(cx);
        let credit_after = self.credit_after.spans(cx);
        let mut named: Vec<Span> = Vec::new();
        for n in self.people.names_someone(cx) {
            let handle = crate::fold::fold(cx.slice(n).trim_start_matches('@'));
            if self.handles.iter().any(|h| handle.starts_with(h.as_str())) {
                continue;
            }
            let photographer = credit_after
                .iter()
                .any(|c| c.start >= n.end && c.start - n.end <= 2);
            if just_before(cx, &credit, n.start, 3) {
                credit.push(n);
            } else if !photographer {
                named.push(n);
            }
        }
        if named.is_empty() {
            return;
        }
        let names: Vec<Arg> = named
            .iter()
            .take(5)
            .map(|n| Arg::from(cx.slice(*n)))
            .collect();
        out.report(cue, "message")
            .arg("term", cx.slice(cue))
            .arg("names", Arg::List(names))
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn named_people_in_a_photo() {
        for t in [
            "Her ses Mette og Jonas til sommerfesten 🎉",
            "📸 Fra venstre: @annasorensen, Peter og Lise",
            "Pictured: Sarah and Tom from the Aarhus team.",
        ] {
            assert_fires("", "privacy.photo-consent", t);
        }
        for t in [
            "Her er et billede af den nye kran i Aarhus.",
            "Tak til Peter for det store billede på strategidagen.",
            "Selfie fra toppen af Himmelbjerget!",
            "Foto: Jens Hansen. Solopgang over havnen.",
            "Picture this, Sarah: a quay without queues.",
        ] {
            assert_silent("", "privacy.photo-consent", t);
        }
    }
}
