//! `privacy.phone`: a phone number, judged by whose it is. Another person's private or mobile
//! number is a warning; the author's own number, or a line of a business, is information;
//! the company's own public numbers (`[company] contacts`) pass in any spelling.

use super::{just_before, ByLang, People, Who};
use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.phone",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Phone::build,
};

#[derive(Debug)]
struct Phone {
    people: People,
    private: ByLang,
    work: ByLang,
    not_phone: ListId,
    units: ListId,
    /// The digits of the company's public numbers, with country code.
    contacts: Vec<String>,
}

/// The digits of a written phone number with its country code (`+45 70 20 30 40`,
/// `70203040` → `4570203040`), or `None` for an address.
pub(super) fn contact_digits(contact: &str) -> Option<String> {
    if contact.contains('@') {
        return None;
    }
    let digits: String = contact.chars().filter(char::is_ascii_digit).collect();
    let digits = digits
        .strip_prefix("00")
        .map_or(digits.clone(), str::to_string);
    match digits.len() {
        8 if !contact.trim_start().starts_with('+') => Some(format!("45{digits}")),
        n if n >= 8 => Some(digits),
        _ => None,
    }
}

impl Phone {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o = TermOptions::default();
        let plain = TermOptions {
            inflect: false,
            ..o
        };
        Ok(Box::new(Phone {
            people: People::build(b.matcher)?,
            private: ByLang::new(b.matcher, super::PERSONAL, "contact.private", o)?,
            work: ByLang::new(b.matcher, super::PERSONAL, "contact.work", o)?,
            // Danish labels (CVR, moms) appear in English posts too: both languages apply.
            not_phone: {
                let mut both = super::words("contact.not_phone.da")?;
                both.extend(super::words("contact.not_phone.en")?);
                b.matcher.add_terms(&both, plain)
            },
            units: b
                .matcher
                .add_terms(&super::words("contact.unit_after")?, plain),
            contacts: b
                .guideline
                .company
                .contacts
                .iter()
                .filter_map(|c| contact_digits(c))
                .collect(),
        }))
    }
}

impl Rule for Phone {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let phones = &cx.doc.numbers().phones;
        if phones.is_empty() {
            return;
        }
        let not_phone: Vec<Span> = cx
            .hits
            .terms(self.not_phone)
            .iter()
            .map(|h| h.span)
            .collect();
        // The sentences with a private or a work cue.
        let sentences = |spans: Vec<Span>| -> rustc_hash::FxHashSet<usize> {
            spans
                .iter()
                .map(|s| cx.doc.sentence_index(s.start))
                .collect()
        };
        let private = sentences(self.private.spans(cx));
        let work = sentences(self.work.spans(cx));
        let units: Vec<Span> = cx.hits.terms(self.units).iter().map(|h| h.span).collect();
        // The severity in force is the most this rule reports (a guideline may lower it).
        let cap = out.severity();
        let refs = self.people.refs(cx);
        for p in phones {
            let span = Span::new(p.span.start, p.span.end);
            if self.contacts.contains(&p.digits) {
                continue;
            }
            // "CVR-nr.: 12345678", "ordre 2233 4455"; "12 34 56 78 kr." is an amount.
            let unit_after = units
                .get(units.partition_point(|u| u.start < span.end))
                .is_some_and(|u| u.start - span.end <= 2);
            if just_before(cx, &not_phone, span.start, 12) || unit_after {
                continue;
            }
            let sentence = cx.doc.sentence_index(span.start);
            // Danish 70, 80 and 90 numbers are service numbers: a business, never a person's.
            let service = p.digits.starts_with("4570")
                || p.digits.starts_with("4580")
                || p.digits.starts_with("4590");
            let (is_private, is_work) = (
                private.contains(&sentence),
                service || work.contains(&sentence),
            );
            let severity = match refs.about(cx, span) {
                _ if is_work && !is_private => Severity::Info,
                Who::Author => Severity::Info,
                Who::Other => Severity::Warning,
                Who::Nobody if is_private => Severity::Warning,
                Who::Nobody => Severity::Info,
            };
            super::report_contact(out, cx, span, severity.min(cap));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rule::test::findings;

    const G: &str = "[company]\nnames = [\"Havnelogistik\"]\ncontacts = [\"+45 70 20 30 40\", \"presse@havnelogistik.dk\"]";

    fn severity(text: &str) -> Option<Severity> {
        findings(G, "privacy.phone", text, "da")
            .first()
            .map(|f| f.severity)
    }

    #[test]
    fn whose_number_it_is_decides() {
        assert_eq!(
            severity("Skriv en sms til Mette på 31 45 67 89."),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity("Hans private nummer er 2233 4455"),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity("Ring til mig på 22 33 44 55, hvis du vil høre mere."),
            Some(Severity::Info)
        );
        assert_eq!(
            severity("Call me on +44 20 7946 0958 any time."),
            Some(Severity::Info)
        );
        assert_eq!(
            severity("Kundeservice har åbent på 33 44 55 66 mellem kl. 9 og 15."),
            Some(Severity::Info)
        );
        // The company's own line, in any spelling.
        for t in [
            "Ring på 70 20 30 40",
            "Ring 7020 3040",
            "+4570203040",
            "(+45) 70203040",
        ] {
            assert_eq!(severity(t), None, "{t}");
        }
        for t in [
            "CVR-nr.: 12345678",
            "Ordre 2233 4455 er sendt",
            "Prisen er 12 34 56 78 kr.",
            "I 2019-2024 voksede vi",
            "Ring 112",
        ] {
            assert_eq!(severity(t), None, "{t}");
        }
    }
}
