//! `privacy.card`: a payment card number (13–19 digits of a card issuer, passing Luhn).

use super::Identifier;
use crate::report::Severity;
use crate::rule::{options, NoOptions, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.card",
    severity: Severity::Error,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: |_| {
        Ok(Box::new(Identifier {
            kind: |n| &n.cards,
            keep: (0, 4),
        }))
    },
};

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    #[test]
    fn luhn_valid_numbers_of_an_issuer() {
        for t in [
            "Kortnummer 4111 1111 1111 1111",
            "card 5555-5555-5555-4444",
            "Amex 3782 822463 10005",
        ] {
            assert_fires("", "privacy.card", t);
        }
        for t in [
            "4111 1111 1111 1112",
            "ISBN 978-87-02-12345-6",
            "EAN 5701234567899",
            "kort der ender på 6251",
        ] {
            assert_silent("", "privacy.card", t);
        }
        let f = findings("", "privacy.card", "4111 1111 1111 1111", "da");
        assert_eq!(
            f[0].suggestions[0].edits[0].replacement,
            "**** **** **** 1111"
        );
    }
}
