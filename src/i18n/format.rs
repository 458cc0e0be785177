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

/// Fills `template` with `args` in `locale`, looking up shared words (separators, month
/// names, nested messages) in `catalog`.
pub(crate) fn fill(
    template: &str,
    args: &[(String, Arg)],
    catalog: &Catalog,
    locale: Locale,
) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    fill_into(&mut out, template, args, catalog, locale, 0);
    out
}

fn fill_into(
    out: &mut String,
    template: &str,
    args: &[(String, Arg)],
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
    args: &[(String, Arg)],
    catalog: &Catalog,
    locale: Locale,
    depth: usize,
) -> bool {
    let find = |name: &str| args.iter().find(|(k, _)| k == name).map(|(_, v)| v);
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
    args: &[(String, Arg)],
    catalog: &Catalog,
    locale: Locale,
    depth: usize,
) {
    match arg {
        Arg::Text(t) => out.push_str(t),
        Arg::Number(n) => number(out, *n, catalog.word("number.thousands", locale)),
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
                write_arg(out, item, "", args, catalog, locale, depth);
            }
        }
        Arg::Date(d) => {
            let months = catalog.word("date.months", locale);
            let month = months
                .split_whitespace()
                .nth(usize::from(d.month.clamp(1, 12) - 1))
                .unwrap_or("");
            let date_args = [
                ("day".to_string(), Arg::Text(d.day.to_string())),
                ("month".to_string(), Arg::Text(month.to_string())),
                ("year".to_string(), Arg::Text(d.year.to_string())),
            ];
            let template = catalog.word("date.long", locale);
            fill_into(out, template, &date_args, catalog, locale, depth + 1);
        }
        Arg::Message { id, args: own } => {
            if depth < MAX_DEPTH {
                if let Some(template) = catalog.get(id, locale) {
                    if own.is_empty() {
                        fill_into(out, template, args, catalog, locale, depth + 1);
                    } else {
                        let mut both = own.clone();
                        both.extend(args.iter().cloned());
                        fill_into(out, template, &both, catalog, locale, depth + 1);
                    }
                    return;
                }
            }
            out.push_str(id);
        }
    }
}

/// A whole number with `sep` between groups of three digits from 1,000 up.
fn number(out: &mut String, n: i64, sep: &str) {
    let digits = n.unsigned_abs().to_string();
    if n < 0 {
        out.push('-');
    }
    if digits.len() <= 3 {
        out.push_str(&digits);
        return;
    }
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

    fn args(v: &[(&str, Arg)]) -> Vec<(String, Arg)> {
        v.iter().map(|(k, a)| (k.to_string(), a.clone())).collect()
    }

    #[test]
    fn placeholders_fill_in_one_pass() {
        let c = Catalog::builtin_only();
        let a = args(&[("term", "rabat".into()), ("replacement", "{term}".into())]);
        assert_eq!(
            fill("«{term}» → {replacement} {unknown} {", &a, &c, Locale::DA),
            "«rabat» → {term} {unknown} {"
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
            fill(t, &a, &c, Locale::DA),
            "63.206 280 -6 X, LinkedIn og Threads / X eller LinkedIn / 15. januar 2027 / dansk / 1 tegn, characters 0,5"
        );
        assert_eq!(
            fill(t, &a, &c, Locale::EN),
            "63,206 280 -6 X, LinkedIn and Threads / X or LinkedIn / 15 January 2027 / Danish / 1 tegn, characters 0.5"
        );
    }

    #[test]
    fn nested_messages_cannot_loop() {
        let mut c = Catalog::builtin_only();
        c.insert("x.loop", super::super::Text::Same("again {m}".into()));
        let a = args(&[("m", Arg::message("x.loop"))]);
        let out = fill("{m}", &a, &c, Locale::EN);
        assert!(out.starts_with("again again"), "{out}");
        assert!(out.len() < 100);
    }
}
