//! The built-in code rules: one folder per family, one file per rule, named after its id
//! (`links.too-many` is `links/too_many.rs`). Each file declares a `META` and the rule; its
//! words are in `rules/catalog/<family>/<name>.toml`.
//!
//! Adding a code rule: write the file, add its words to the catalogue, and list its `META`
//! below, in id order (a test checks the order and that every rule has its words).

mod competitor;
mod confidential;
mod disclosure;
mod finance;
mod hashtags;
mod language;
mod length;
mod links;
mod mentions;
mod privacy;
mod readability;
mod sales;
mod style;
mod tone;
mod words;

use crate::rule::RuleMeta;

/// Every built-in code rule, sorted by id.
pub(crate) static CODE: &[&RuleMeta] = &[
    &competitor::disparaging::META,
    &competitor::mention::META,
    &confidential::customer::META,
    &confidential::term::META,
    &disclosure::buried::META,
    &disclosure::missing::META,
    &disclosure::weak_marking::META,
    &finance::forward_looking::META,
    &finance::inside_information::META,
    &finance::quiet_period::META,
    &hashtags::casing::META,
    &hashtags::too_many::META,
    &hashtags::wall::META,
    &language::not_allowed::META,
    &length::fold::META,
    &length::over_limit::META,
    &links::internal::META,
    &links::shortener::META,
    &links::too_many::META,
    &links::tracking::META,
    &mentions::too_many::META,
    &privacy::card::META,
    &privacy::cpr::META,
    &privacy::email::META,
    &privacy::health::META,
    &privacy::iban::META,
    &privacy::phone::META,
    &privacy::photo_consent::META,
    &privacy::sensitive::META,
    &readability::flesch::META,
    &readability::lix::META,
    &readability::long_sentence::META,
    &sales::call_to_action::META,
    &sales::competition::META,
    &sales::content_type::META,
    &sales::score::META,
    &sales::urgency::META,
    &style::emoji_density::META,
    &style::exclamations::META,
    &style::fancy_text::META,
    &style::shouting::META,
    &tone::negative::META,
    &tone::politics::META,
    &tone::speaks_for_company::META,
];

/// A built-in code rule by id.
pub(crate) fn find(id: &str) -> Option<&'static RuleMeta> {
    CODE.iter().copied().find(|m| m.id == id)
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::i18n::Catalog;

    #[test]
    fn the_list_is_sorted_and_unique() {
        let ids: Vec<&str> = CODE.iter().map(|m| m.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }

    /// Every code rule has its words — summary and explanation in Danish and English, not the
    /// same text twice — every catalogue file belongs to a rule, and every option the rule's
    /// type has is documented (and no more).
    #[test]
    fn every_rule_has_its_words_in_both_languages() {
        let catalog = Catalog::builtin_only();
        for meta in CODE {
            let words = catalog
                .rule_words(meta.id)
                .unwrap_or_else(|| panic!("{}: no rules/catalog file", meta.id));
            for (what, text) in [("summary", &words.summary), ("explain", &words.explain)] {
                let text = text
                    .as_ref()
                    .unwrap_or_else(|| panic!("{} has no {what}", meta.id));
                let (da, en) = (text.exact(crate::Locale::DA), text.exact(crate::Locale::EN));
                assert!(
                    da.is_some_and(|t| !t.trim().is_empty())
                        && en.is_some_and(|t| !t.trim().is_empty()),
                    "{} {what}: needs Danish and English",
                    meta.id
                );
                assert_ne!(da, en, "{} {what}: Danish is the English text", meta.id);
            }
            for (key, text) in words.messages.iter().chain(&words.options) {
                assert!(
                    text.exact(crate::Locale::DA).is_some()
                        && text.exact(crate::Locale::EN).is_some(),
                    "{} {key}: needs Danish and English",
                    meta.id
                );
            }
            // Every option in force by default is documented, and every documented one is a
            // field of the rule's options type (an unknown key is refused as unknown; a known
            // one at most for its type).
            let defaults = (meta.options)(&toml::Table::new()).expect("defaults are valid");
            for key in defaults.keys() {
                assert!(
                    words.options.contains_key(key),
                    "{}: option `{key}` has no doc",
                    meta.id
                );
            }
            for key in words.options.keys() {
                let mut t = toml::Table::new();
                t.insert(key.clone(), toml::Value::Boolean(true));
                if let Err(e) = (meta.options)(&t) {
                    assert!(
                        !e.reason.starts_with("unknown field"),
                        "{}: `{key}` is documented but not an option",
                        meta.id
                    );
                }
            }
            assert!(
                words.examples.iter().any(|e| e.bad) && words.examples.iter().any(|e| !e.bad),
                "{} needs a bad and a good example",
                meta.id
            );
        }
        for id in catalog.builtin_rule_ids() {
            assert!(
                super::find(id).is_some(),
                "rules/catalog has words for `{id}`, which is no rule"
            );
        }
    }
}
