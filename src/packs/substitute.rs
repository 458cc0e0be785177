//! `kind = "substitute"`: a word with a preferred replacement, offered as an edit.

use super::{Head, Lists};
use crate::fold::fold;
use crate::matcher::{ListId, MatcherBuilder, TermOptions};
use crate::report::Applicability;
use crate::rule::{Context, Emitter, Rule};
use crate::text::Lang;

#[derive(Debug)]
pub(super) struct Substitute {
    head: Head,
    terms: Lists,
    /// Per list, the replacement of each term index.
    replacements: Vec<(ListId, Vec<Replacement>)>,
    fix: Applicability,
    case_sensitive: bool,
}

/// A replacement, and where its own term occurs inside it (folded): `"Falck" = "Falck A/S"`
/// contains "falck" at 0, so "Falck" in "Falck A/S" is already replaced, not a new hit (the
/// fix would otherwise grow "Falck A/S A/S A/S" on every run).
#[derive(Debug)]
struct Replacement {
    text: String,
    folded: String,
    term_at: Vec<usize>,
}

impl Replacement {
    fn new(term: &str, text: String) -> Replacement {
        let folded = crate::fold::fold(&text);
        let term = crate::fold::fold(term);
        // A replacement that only changes case or accents ("FALCK" → "Falck") folds to its
        // term: it contains nothing more, and a hit is simply replaced.
        let term_at = if term.is_empty() || folded == term {
            Vec::new()
        } else {
            folded
                .match_indices(term.as_str())
                .map(|(i, _)| i)
                .collect()
        };
        Replacement {
            text,
            folded,
            term_at,
        }
    }

    /// Whether the hit at original byte `start` lies inside this very replacement.
    fn already_there(&self, cx: &Context<'_>, start: usize) -> bool {
        let folded = &cx.doc.folded;
        let at = folded.folded_at(start);
        self.term_at.iter().any(|&k| {
            at.checked_sub(k)
                .and_then(|from| folded.text.get(from..from + self.folded.len()))
                .is_some_and(|window| window == self.folded)
        })
    }
}

impl Substitute {
    pub(super) fn build(
        head: Head,
        replace: &[(Option<Lang>, String, String)],
        fix: Applicability,
        options: TermOptions,
        mb: &mut MatcherBuilder,
    ) -> Substitute {
        let mut terms = Lists::default();
        let mut replacements = Vec::new();
        for lang in [None, Some(Lang::Da), Some(Lang::En)] {
            let (from, to): (Vec<&str>, Vec<Replacement>) = replace
                .iter()
                .filter(|(l, _, _)| *l == lang)
                .map(|(_, f, t)| (f.as_str(), Replacement::new(f, t.clone())))
                .unzip();
            if !from.is_empty() {
                let id = mb.add_terms(&from, options);
                terms.0.push((lang, id));
                replacements.push((id, to));
            }
        }
        Substitute {
            head,
            terms,
            replacements,
            fix,
            case_sensitive: options.case_sensitive,
        }
    }
}

/// Adapts a replacement to the case of the text it replaces ("Personale" → "Medarbejdere").
fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut c = replacement.chars();
        if let Some(first) = c.next() {
            return first.to_uppercase().chain(c).collect();
        }
    }
    replacement.to_string()
}

impl Rule for Substitute {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        for (list, hit) in self.terms.hits(cx) {
            let Some((_, reps)) = self.replacements.iter().find(|(l, _)| *l == list) else {
                continue;
            };
            let rep = &reps[hit.term];
            if rep.already_there(cx, hit.span.start) {
                continue;
            }
            let written = cx.slice(hit.span);
            // A case-sensitive rule exists to fix case ("FALCK" → "Falck"): its replacement
            // is used exactly as written.
            let replacement = if self.case_sensitive {
                rep.text.clone()
            } else {
                match_case(written, &rep.text)
            };
            if replacement == written {
                continue;
            }
            let key = if self.head.own_message {
                "message"
            } else {
                "pack.message"
            };
            let title = if self.head.own_suggestion {
                "suggestion"
            } else {
                "pack.substitute"
            };
            let e = out
                .report(hit.span, key)
                .arg("term", written)
                .arg("replacement", replacement.as_str());
            // An inflected form ("personalet") cannot be replaced word for word: the
            // replacement would need its own inflection, so only advise.
            let exact = fold(written) == fold(cx.matcher.term(list, hit.term));
            if exact && self.fix != Applicability::Display {
                e.replace(title, self.fix, hit.span, replacement);
            } else {
                e.advice(title);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::match_case;
    use crate::rule::test::{assert_fixed, assert_silent};

    const FALCK: &str = "[[rule]]\nid = \"acme.name\"\nkind = \"substitute\"\nreplace = { \"Falck\" = \"Falck A/S\" }\nfix = \"safe\"\ncase_sensitive = true\ninflect = false";

    /// Issue 7: `"Falck" = "Falck A/S"` turned the text into "Falck A/S A/S A/S" and every
    /// run added more.
    #[test]
    fn a_replacement_containing_its_term_converges() {
        assert_fixed(
            FALCK,
            "acme.name",
            "Jeg er ansat i Falck.",
            "Jeg er ansat i Falck A/S.",
        );
        assert_silent(FALCK, "acme.name", "Jeg er ansat i Falck A/S.");
        assert_silent(FALCK, "acme.name", "Falck A/S og Falck A/S.");
    }

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("Personale", "medarbejdere"), "Medarbejdere");
        assert_eq!(match_case("PERSONALE", "medarbejdere"), "MEDARBEJDERE");
        assert_eq!(match_case("personale", "medarbejdere"), "medarbejdere");
    }
}
