//! `kind = "terms"`: each listed word or phrase is flagged.

use super::{Head, Lists};
use crate::rule::{Context, Emitter, Rule};

#[derive(Debug)]
pub(super) struct Terms {
    pub head: Head,
    pub terms: Lists,
}

impl Rule for Terms {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        for (_, hit) in self.terms.hits(cx) {
            self.head.report(cx, out, hit.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "[[rule]]\nid = \"acme.swearing\"\nkind = \"terms\"\nterms = [\"lort*\", \"rabat\"]\nmessage = \"«{term}»\"";

    #[test]
    fn a_starred_term_also_matches_inside_compounds() {
        assert_fires(G, "acme.swearing", "Sikke et lortesystem.");
        assert_fires(G, "acme.swearing", "Hundelort på fortovet igen.");
        assert_fires(G, "acme.swearing", "Lortet virker ikke.");
        // Only the starred term: "rabat" stays a whole word.
        assert_silent(G, "acme.swearing", "Rabatkoden er udløbet.");
        assert_fires(G, "acme.swearing", "Rabatten er udløbet.");
    }
}
