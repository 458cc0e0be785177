//! `privacy.cpr`: a Danish CPR number (DDMMYY-SSSS with a real date), which must never be
//! published.

use super::Identifier;
use crate::report::Severity;
use crate::rule::{options, NoOptions, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.cpr",
    severity: Severity::Error,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: |_| {
        Ok(Box::new(Identifier {
            kind: |n| &n.cprs,
            keep: (0, 0),
        }))
    },
};

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    #[test]
    fn real_dates_with_any_separator() {
        for t in [
            "CPR 140572-1183",
            "cpr-nr. 0309054127",
            "Kim Sørensen, 221189 2317",
            "his CPR is 170395–3021.",
        ] {
            assert_fires("", "privacy.cpr", t);
        }
        for t in [
            "Ordre SO-120316-0077 er sendt",
            "Faktura INV2023120411223",
            "Ref 311299-0001-A",
            "320588-1234",
            "Født 14.05.88",
            "Ring 22 33 44 55",
        ] {
            assert_silent("", "privacy.cpr", t);
        }
        let f = findings("", "privacy.cpr", "CPR 140572-1183", "da");
        assert_eq!(f[0].suggestions[0].edits[0].replacement, "******-****");
    }
}
