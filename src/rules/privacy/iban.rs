//! `privacy.iban`: a bank account number (IBAN) of any country, with the right length and a
//! valid mod-97 check.

use super::Identifier;
use crate::report::Severity;
use crate::rule::{options, NoOptions, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.iban",
    severity: Severity::Error,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: |_| {
        Ok(Box::new(Identifier {
            kind: |n| &n.ibans,
            keep: (2, 4),
        }))
    },
};

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    #[test]
    fn checked_ibans_of_any_country() {
        for t in [
            "Indbetal til DK50 0040 0440 1162 43",
            "IBAN: DE89370400440532013000",
            "pay to gb82 west 1234 5698 7654 32",
        ] {
            assert_fires("", "privacy.iban", t);
        }
        for t in [
            "DK51 0040 0440 1162 43",
            "DK50 0040 0440 1162 4",
            "DK-8000 Aarhus C",
            "CVR DK12345678",
            "BIC DABADKKK",
        ] {
            assert_silent("", "privacy.iban", t);
        }
        let f = findings("", "privacy.iban", "DK50 0040 0440 1162 43", "da");
        assert_eq!(
            f[0].suggestions[0].edits[0].replacement,
            "DK** **** **** **62 43"
        );
    }
}
