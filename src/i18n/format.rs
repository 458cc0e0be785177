//! Filling a message template: `{name}`, `{name:or}` and `{name|one|other}`.
//!
//! * `{name}` is the argument, formatted for the locale: numbers get the locale's thousands
//!   separator (`3.000` / `3,000`), lists are joined with commas and the locale's "and",
//!   dates are written out ("15. januar 2027"), and a [`Arg::Message`] is itself looked up.
//! * `{name:or}` joins a list with the locale's "or" instead.
//! * `{name|one|other}` chooses a word by the number `name`: `one` when it is 1, else
//!   `other` ("{over} {over|character|characters}").
//!
//! A placeholder without an argument stays as written, so a template can never lose text.
//! This runs for every finding of every post, so it makes one pass and few allocations.

use super::{Arg, Catalog, Locale};

/// How deep [`Arg::Message`] entries may nest (an entry naming itself must not loop).
const MAX_DEPTH: usize = 4;

/// Named arguments to fill a template with.
pub(crate) trait Lookup {
    /// The argument called `name`.
    fn arg(&self, name: &str) -> Option<&Arg>;
}

/// A list of named arguments.
pub(crate) struct Named<'a, K>(pub &'a [(K, Arg)]);

impl<K: AsRef<str>> Lookup for Named<'_, K> {
    fn arg(&self, name: &str) -> Option<&Arg> {
        self.0
            .iter()
            .find(|(k, _)| k.as_ref() == name)
            .map(|(_, v)| v)
    }
}

/// One list of arguments first, then another (a nested message's own, then the enclosing
/// message's).
pub(crate) struct Both<'a>(pub &'a dyn Lookup, pub &'a dyn Lookup);

impl Lookup for Both<'_> {
    fn arg(&self, name: &str) -> Option<&Arg> {
        self.0.arg(name).or_else(|| self.1.arg(name))
    }
}

/// Fills `template` with `args` in `locale`, looking up shared words (separators, month
/// names, nested messages) in `catalog`.
pub(crate) fn fill(template: &str, args: &dyn Lookup, catalog: &Catalog, locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    fill_into(&mut out, template, args, catalog, locale, 0);
    out
}

fn fill_into(
    out: &mut String,
    template: &str,
    args: &dyn Lookup,
    catalog: &Catalog,
    locale: Locale,
    depth: usize,
) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push('{');
            rest = after;
            continue;
        };
        let inner = &after[..close];
        if placeholder(out, inner, args, catalog, locale, depth) {
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
}

/// Writes one placeholder; `false` when it names no argument (it is then left as written).
fn placeholder(
    out: &mut String,
    inner: &str,
    args: &dyn Lookup,
    catalog: &Catalog,
    locale: Locale,
    depth: usize,
) -> bool {
    let find = |name: &str| args.arg(name);
    if let Some((name, forms)) = inner.split_once('|') {
        let Some(arg) = find(name) else { return false };
        let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
        let is_one = match arg {
            Arg::Number(n) => *n == 1,
            Arg::Text(t) => t == "1",
            Arg::Decimal(f) => *f == 1.0,
            Arg::List(v) => v.len() == 1,
            _ => false,
        };
        out.push_str(if is_one { one } else { other });
        return true;
    }
    let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
    let Some(arg) = find(name) else { return false };
    write_arg(out, arg, spec, args, catalog, locale, depth);
    true
}

fn write_arg(
    out: &mut String,
    arg: &Arg,
    spec: &str,
    args: &dyn Lookup,
    catalog: &Catalog,
    locale: Locale,
    depth: usize,
) {
    match arg {
        // Text quoted from the post is one line in a message: a term that runs over a line
        // break ("Bestil\nnu") is shown with a space, as a reader would say it.
        Arg::Text(t) if t.contains(['\n', '\r', '\t']) => {
            let mut words = t.split_whitespace();
            if let Some(first) = words.next() {
                out.push_str(first);
            }
            for w in words {
                out.push(' ');
                out.push_str(w);
            }
        }
        Arg::Text(t) => out.push_str(t),
        Arg::Number(n) => number(out, *n, || catalog.word("number.thousands", locale)),
        Arg::Decimal(f) => {
            let s = format!("{f:.1}");
            let s = s.strip_suffix(".0").map_or(s.clone(), str::to_string);
            out.push_str(&s.replace('.', catalog.word("number.decimal", locale)));
        }
        Arg::List(items) => {
            let last_sep = if spec == "or" { "list.or" } else { "list.and" };
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    if i + 1 == items.len() {
                        out.push_str(catalog.word(last_sep, locale));
                    } else {
                        out.push_str(", ");
                    }
                }
                // `{words:quoted}`: each item in the locale's quotation marks («…», “…”).
                let quoted = spec == "quoted";
                if quoted {
                    out.push_str(catalog.word("quote.open", locale));
                }
                write_arg(out, item, "", args, catalog, locale, depth);
                if quoted {
                    out.push_str(catalog.word("quote.close", locale));
                }
            }
        }
        Arg::Date(d) => {
            let months = catalog.word("date.months", locale);
            let month = months
                .split_whitespace()
                .nth(usize::from(d.month.clamp(1, 12) - 1))
                .unwrap_or("");
            let date_args = [
                ("day", Arg::Text(d.day.to_string())),
                ("month", Arg::Text(month.to_string())),
                ("year", Arg::Text(d.year.to_string())),
            ];
            let template = catalog.word("date.long", locale);
            fill_into(
                out,
                template,
                &Named(&date_args),
                catalog,
                locale,
                depth + 1,
            );
        }
        Arg::Message(nested) => {
            let (id, own) = (&nested.id, &nested.args);
            if depth < MAX_DEPTH {
                if let Some(template) = catalog.get(id, locale) {
                    let both = Both(&Named(own), args);
                    fill_into(out, template, &both, catalog, locale, depth + 1);
                    return;
                }
            }
            out.push_str(id);
        }
    }
}

/// A whole number with the separator between groups of three digits from 1,000 up (looked up
/// only then: most numbers in messages are small).
fn number<'c>(out: &mut String, n: i64, sep: impl FnOnce() -> &'c str) {
    let digits = n.unsigned_abs().to_string();
    if n < 0 {
        out.push('-');
    }
    if digits.len() <= 3 {
        out.push_str(&digits);
        return;
    }
    let sep = sep();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Date;

    fn args(v: &[(&'static str, Arg)]) -> Vec<(&'static str, Arg)> {
        v.to_vec()
    }

    #[test]
    fn placeholders_fill_in_one_pass() {
        let c = Catalog::builtin_only();
        let a = args(&[("term", "rabat".into()), ("replacement", "{term}".into())]);
        assert_eq!(
            fill(
                "«{term}» → {replacement} {unknown} {",
                &Named(&a),
                &c,
                Locale::DA
            ),
            "«rabat» → {term} {unknown} {"
        );
    }

    #[test]
    fn quoted_text_is_one_line_in_the_locale_s_quotes() {
        let c = Catalog::builtin_only();
        let a = args(&[
            ("term", "Bestil\n nu".into()),
            ("words", vec!["håbløs", "elendig"].into()),
        ]);
        let t = "«{term}» / {words:quoted}";
        assert_eq!(
            fill(t, &Named(&a), &c, Locale::DA),
            "«Bestil nu» / «håbløs» og «elendig»"
        );
        assert_eq!(
            fill("{words:quoted}", &Named(&a), &c, Locale::EN),
            "“håbløs” and “elendig”"
        );
    }

    #[test]
    fn numbers_lists_dates_and_plurals_follow_the_locale() {
        let c = Catalog::builtin_only();
        let a = args(&[
            ("n", Arg::Number(63206)),
            ("one", Arg::Number(1)),
            ("small", Arg::Number(280)),
            ("neg", Arg::Number(-6)),
            ("l", vec!["X", "LinkedIn", "Threads"].into()),
            ("two", vec!["X", "LinkedIn"].into()),
            ("d", Date::new(2027, 1, 15).unwrap().into()),
            ("lang", crate::text::Lang::Da.into()),
            ("f", Arg::Decimal(0.5)),
        ]);
        let t = "{n} {small} {neg} {l} / {two:or} / {d} / {lang} / {one} {one|tegn|tegn}, {n|character|characters} {f}";
        assert_eq!(
            fill(t, &Named(&a), &c, Locale::DA),
            "63.206 280 -6 X, LinkedIn og Threads / X eller LinkedIn / 15. januar 2027 / dansk / 1 tegn, characters 0,5"
        );
        assert_eq!(
            fill(t, &Named(&a), &c, Locale::EN),
            "63,206 280 -6 X, LinkedIn and Threads / X or LinkedIn / 15 January 2027 / Danish / 1 tegn, characters 0.5"
        );
    }

    #[test]
    fn nested_messages_cannot_loop() {
        let mut c = Catalog::builtin_only();
        c.insert("x.loop", super::super::Text::Same("again {m}".into()));
        let a = args(&[("m", Arg::message("x.loop"))]);
        let out = fill("{m}", &Named(&a), &c, Locale::EN);
        assert!(out.starts_with("again again"), "{out}");
        assert!(out.len() < 100);
    }
}
