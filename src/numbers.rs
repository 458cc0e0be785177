//! Personal numbers in a text, found by their shape and their own check rules: Danish CPR
//! numbers (a real birth date), IBANs (the country's length and the mod-97 check), payment
//! cards (an issuer's length and the Luhn check) and phone numbers (Danish groupings, `+45`,
//! `0045`, E.164). Only syntax lives here; whether a number is someone's private one is the
//! rules' judgement (`src/rules/privacy/`).
//!
//! Every scan is one pass over the bytes, and a number is never taken from inside a longer
//! identifier: `SO-120316-0077` is an order number, not a CPR number, and the digit groups of
//! an IBAN or a card are not a phone number.

use std::ops::Range;

/// The numbers of one text, each a byte range of it, sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Numbers {
    /// CPR numbers: DDMMYY-SSSS (dash, en dash, space or nothing) with a real date.
    pub cprs: Vec<Range<usize>>,
    /// IBANs of the right length for their country that pass mod-97.
    pub ibans: Vec<Range<usize>>,
    /// Card numbers of an issuer's length that pass Luhn.
    pub cards: Vec<Range<usize>>,
    /// Phone numbers, with what kind.
    pub phones: Vec<Phone>,
}

/// A phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// Where it is, prefix included.
    pub span: Range<usize>,
    /// Its digits, with the country code (`4522334455`, `442079460958`); a Danish number
    /// without prefix gets `45`.
    pub digits: String,
    /// Whether it had a country prefix (`+45`, `0045`, `+44`).
    pub prefixed: bool,
}

/// A run of digit groups joined by single separators ("22 33 44 55", "140588-1234").
#[derive(Debug, Clone)]
struct Run {
    span: Range<usize>,
    /// Each group's byte range.
    groups: Vec<Range<usize>>,
    /// The separator after each group but the last.
    seps: Vec<char>,
}

impl Run {
    fn digits(&self, text: &str) -> String {
        self.groups.iter().map(|g| &text[g.clone()]).collect()
    }

    fn lens(&self) -> Vec<usize> {
        self.groups.iter().map(|g| g.len()).collect()
    }

    fn one_separator(&self) -> Option<char> {
        let first = *self.seps.first()?;
        self.seps.iter().all(|&s| s == first).then_some(first)
    }
}

/// The IBAN length of a country code (`DK` → 18), from the given table.
pub type IbanLength<'a> = &'a dyn Fn(&str) -> Option<usize>;

/// Scans `text` for all four kinds.
pub fn scan(text: &str, iban_length: IbanLength<'_>) -> Numbers {
    let ibans = ibans(text, iban_length);
    let runs = runs(text);
    let mut cprs = Vec::new();
    let mut cards = Vec::new();
    for run in &runs {
        // Runs are found in order and never overlap, like the IBANs.
        if overlaps(&ibans, &run.span) {
            continue;
        }
        if is_cpr(text, run) {
            cprs.push(run.span.clone());
        } else if is_card(text, run) {
            cards.push(run.span.clone());
        }
    }
    let taken: Vec<Range<usize>> = {
        let mut t: Vec<Range<usize>> = ibans.iter().chain(&cprs).chain(&cards).cloned().collect();
        t.sort_by_key(|r| r.start);
        t
    };
    let phones = phones(text, &runs, &taken);
    Numbers {
        cprs,
        ibans,
        cards,
        phones,
    }
}

/// Whether `r` overlaps one of `spans` (sorted by start, not overlapping each other).
fn overlaps(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = spans.partition_point(|s| s.end <= r.start);
    spans.get(i).is_some_and(|s| s.start < r.end)
}

fn is_sep(c: char) -> bool {
    matches!(c, ' ' | '-' | '–' | '\u{a0}' | '.')
}

/// Whether the text just before `start` glues it to a longer identifier: a letter or digit,
/// or a joiner (`-`, `/`, `.`, `_`) right after one ("SO-120316", "INV2023…").
fn glued_before(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    match before.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || c == '_' => true,
        Some('-' | '/' | '.' | '_' | '–' | '#') => {
            before.next().is_some_and(char::is_alphanumeric)
        }
        Some(_) => false,
    }
}

/// The same after `end` ("…-0001-A", "…1234b").
fn glued_after(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || c == '_' => true,
        Some('-' | '/' | '_' | '–') => after.next().is_some_and(char::is_alphanumeric),
        // "…1234." ends a sentence; "…1234.5" is a decimal.
        Some('.' | ',') => after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => false,
    }
}

/// Every maximal run of ASCII digit groups joined by single separators.
fn runs(text: &str) -> Vec<Run> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut groups = Vec::new();
        let mut seps = Vec::new();
        let mut j = i;
        loop {
            let g = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            groups.push(g..j);
            // A single separator followed by a digit continues the run.
            let Some(c) = text[j..].chars().next() else {
                break;
            };
            let after = j + c.len_utf8();
            if is_sep(c) && b.get(after).is_some_and(u8::is_ascii_digit) && groups.len() < 12 {
                seps.push(c);
                j = after;
            } else {
                break;
            }
        }
        out.push(Run {
            span: i..j,
            groups,
            seps,
        });
        i = j.max(i + 1);
    }
    out
}

/// A CPR number: 6 + 4 digits (dash, en dash, space or nothing between) whose first six are a
/// real date, the century read from the seventh digit as the CPR office does. No modulus-11
/// check: numbers issued since 2007 need not pass it.
fn is_cpr(text: &str, run: &Run) -> bool {
    let lens = run.lens();
    let shape = match (lens.as_slice(), run.seps.as_slice()) {
        ([10], []) => true,
        ([6, 4], [s]) => matches!(s, '-' | '–' | ' ' | '\u{a0}'),
        _ => false,
    };
    if !shape || glued_before(text, run.span.start) || glued_after(text, run.span.end) {
        return false;
    }
    let d: Vec<u32> = run
        .digits(text)
        .bytes()
        .map(|c| u32::from(c - b'0'))
        .collect();
    let (day, month, yy, seventh) = (d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5], d[6]);
    let century = match seventh {
        0..=3 => 1900,
        4 | 9 if yy <= 36 => 2000,
        4 | 9 => 1900,
        _ if yy <= 57 => 2000,
        _ => 1800,
    };
    real_date(century + yy, month, day)
}

fn real_date(year: u32, month: u32, day: u32) -> bool {
    crate::text::Date::new(year as i32, month as u8, day as u8).is_some()
}

/// A payment card: 13–19 digits in an issuer's range and length, ungrouped or in the
/// groups cards are printed in (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3), passing Luhn.
fn is_card(text: &str, run: &Run) -> bool {
    let lens = run.lens();
    let total: usize = lens.iter().sum();
    if !(13..=19).contains(&total)
        || glued_before(text, run.span.start)
        || glued_after(text, run.span.end)
    {
        return false;
    }
    let grouped = match lens.as_slice() {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [init @ .., last] => init.iter().all(|&l| l == 4) && (1..=4).contains(last),
        [] => false,
    };
    if !grouped || (lens.len() > 1 && !matches!(run.one_separator(), Some(' ' | '-'))) {
        return false;
    }
    let digits = run.digits(text);
    issuer_length(&digits) && luhn(&digits)
}

/// Whether the number's prefix belongs to a card issuer that issues numbers of its length
/// (Visa, Mastercard, Dankort, Amex, Diners, Discover, JCB, Maestro).
fn issuer_length(d: &str) -> bool {
    let n = d.len();
    let p = |k: usize| d[..k].parse::<u32>().unwrap_or(0);
    match d.as_bytes()[0] {
        b'4' => matches!(n, 13 | 16 | 19),
        b'3' => match p(2) {
            34 | 37 => n == 15,
            36 => (14..=19).contains(&n),
            38 | 39 => (14..=19).contains(&n),
            30 => (300..=305).contains(&p(3)) && (14..=19).contains(&n),
            35 => (3528..=3589).contains(&p(4)) && (16..=19).contains(&n),
            _ => false,
        },
        b'2' => (2221..=2720).contains(&p(4)) && n == 16,
        b'5' => match p(2) {
            51..=55 => n == 16,
            50 | 56..=59 => (16..=19).contains(&n),
            _ => false,
        },
        b'6' => (16..=19).contains(&n),
        _ => false,
    }
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = u32::from(c - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// IBANs: two letters, two check digits and the account, in groups of four or not, upper or
/// lower case, exactly the country's length, passing mod-97.
fn ibans(text: &str, iban_length: IbanLength<'_>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let starts = b[i].is_ascii_alphabetic()
            && b[i + 1].is_ascii_alphabetic()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && !glued_before(text, i);
        if !starts {
            i += 1;
            continue;
        }
        let country = text[i..i + 2].to_ascii_uppercase();
        let Some(len) = iban_length(&country) else {
            i += 1;
            continue;
        };
        // Collect alphanumerics; a single space is allowed after every fourth character.
        let mut chars = String::with_capacity(len);
        let mut j = i;
        while j < b.len() && chars.len() < len {
            let c = b[j];
            if c.is_ascii_alphanumeric() {
                chars.push(c.to_ascii_uppercase() as char);
                j += 1;
            } else if c == b' '
                && chars.len().is_multiple_of(4)
                && b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                j += 1;
            } else {
                break;
            }
        }
        if chars.len() == len && !glued_after(text, j) && mod97(&chars) {
            out.push(i..j);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The IBAN check: the first four characters moved to the end, letters as 10–35, mod 97 = 1.
fn mod97(iban: &str) -> bool {
    let rotated = iban[4..].chars().chain(iban[..4].chars());
    let mut rem: u32 = 0;
    for c in rotated {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// Phone numbers: a country prefix (`+45`, `(+45)`, `0045`, `+44`…) with its digits, or a
/// Danish eight-digit number grouped as Danes write it (`22 33 44 55`, `2233 4455`,
/// `22334455`, first digit 2–9). Runs inside an IBAN, a card or a CPR number are not phones.
fn phones(text: &str, runs: &[Run], taken: &[Range<usize>]) -> Vec<Phone> {
    let mut out: Vec<Phone> = Vec::new();
    for run in runs {
        // Taken by another kind, or the rest of a prefixed number already found.
        if overlaps(taken, &run.span) || out.last().is_some_and(|p| run.span.start < p.span.end) {
            continue;
        }
        let before = &text[..run.span.start];
        // The prefix just before the run: "+", "(+", "00" (as the run's first digits).
        let plus = before
            .strip_suffix('+')
            .map(|b| b.strip_suffix('(').unwrap_or(b));
        let digits = run.digits(text);
        let (prefixed, start, number) = if let Some(b) = plus {
            if b.chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            (true, b.len(), digits.clone())
        } else if let Some(rest) = digits
            .strip_prefix("00")
            .filter(|_| run.lens()[0] >= 4 || run.groups.len() > 1)
        {
            if glued_before(text, run.span.start) {
                continue;
            }
            (true, run.span.start, rest.to_string())
        } else {
            (false, run.span.start, digits.clone())
        };
        // "(+45) 22 33 44 55": the run starts after the bracket; take the digits that follow.
        let (end, number) = if prefixed && number.len() <= 3 && run.groups.len() == 1 {
            match following_run(text, runs, run.span.end) {
                Some(next) if !overlaps(taken, &next.span) => {
                    (next.span.end, format!("{number}{}", next.digits(text)))
                }
                _ => continue,
            }
        } else {
            (run.span.end, number)
        };
        if glued_after(text, end) {
            continue;
        }
        if prefixed {
            let ok = if let Some(dk) = number.strip_prefix("45") {
                dk.len() == 8
            } else {
                (8..=15).contains(&number.len()) && !number.starts_with('0')
            };
            if ok {
                out.push(Phone {
                    span: start..end,
                    digits: number,
                    prefixed: true,
                });
            }
            continue;
        }
        let lens = run.lens();
        let danish_grouping = matches!(lens.as_slice(), [8] | [4, 4] | [2, 2, 2, 2])
            && (lens.len() == 1 || matches!(run.one_separator(), Some(' ' | '-' | '\u{a0}')));
        if !danish_grouping
            || glued_before(text, run.span.start)
            || !(b'2'..=b'9').contains(&number.as_bytes()[0])
        {
            continue;
        }
        // "2019-2024", "8000-8210" and "4500-5000" are ranges (of years, postcodes, people):
        // a dash between two ascending four-digit numbers.
        if lens == [4, 4] && matches!(run.one_separator(), Some('-' | '–')) {
            let a = number[..4].parse::<u32>().unwrap_or(0);
            let b = number[4..].parse::<u32>().unwrap_or(0);
            if a < b {
                continue;
            }
        }
        out.push(Phone {
            span: run.span.clone(),
            digits: format!("45{number}"),
            prefixed: false,
        });
    }
    out
}

/// The run that starts right after `end` past a `)` and white space ("(+45) 22 33 44 55").
fn following_run<'r>(text: &str, runs: &'r [Run], end: usize) -> Option<&'r Run> {
    let rest = &text[end..];
    let skipped = rest.len() - rest.trim_start_matches([')', ' ', '\u{a0}', '-']).len();
    if skipped == 0 || skipped > 3 {
        return None;
    }
    let at = end + skipped;
    runs.get(runs.partition_point(|r| r.span.start < at))
        .filter(|r| r.span.start == at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(c: &str) -> Option<usize> {
        match c {
            "DK" | "FO" | "GL" | "FI" | "NL" => Some(18),
            "DE" | "GB" => Some(22),
            "NO" => Some(15),
            "SE" => Some(24),
            "FR" => Some(27),
            _ => None,
        }
    }

    fn found(text: &str) -> Numbers {
        scan(text, &lengths)
    }

    fn strs(text: &str, spans: &[Range<usize>]) -> Vec<String> {
        spans.iter().map(|s| text[s.clone()].to_string()).collect()
    }

    #[test]
    fn cpr_numbers_have_a_real_date() {
        for (t, n) in [
            ("CPR 140572-1183 her", 1),
            ("cpr 0309054127.", 1),
            ("kortet: 221189 2317", 1),
            ("090205–4123", 1),
            ("SO-120316-0077", 0),
            ("INV2023120411223", 0),
            ("311299-0001-A", 0),
            ("320588-1234", 0),
            ("141388-1234", 0),
            ("290297-1234", 0),
            ("290296-1234", 1),
            ("født 140588", 0),
            ("ring 22 33 44 55", 0),
        ] {
            assert_eq!(found(t).cprs.len(), n, "{t}");
        }
        // 29 February 1900 did not exist; 2000 did (seventh digit 4: 00–36 is 2000s).
        assert_eq!(found("290200-0123").cprs.len(), 0);
        assert_eq!(found("290200-4123").cprs.len(), 1);
    }

    #[test]
    fn ibans_have_their_length_and_check() {
        let t =
            "Konto DK50 0040 0440 1162 43 og DE89370400440532013000, gb82 west 1234 5698 7654 32.";
        assert_eq!(
            strs(t, &found(t).ibans),
            [
                "DK50 0040 0440 1162 43",
                "DE89370400440532013000",
                "gb82 west 1234 5698 7654 32"
            ]
        );
        for bad in [
            "DK51 0040 0440 1162 43",
            "DK50 0040 0440 1162 4",
            "DK50 0040 0440 1162 433",
            "DK-8000 Aarhus",
            "DK12345678",
            "DK50 **** **** 1162 43",
        ] {
            assert!(found(bad).ibans.is_empty(), "{bad}");
        }
        // An IBAN's digit groups are not a phone number.
        assert!(found(t).phones.is_empty());
    }

    #[test]
    fn cards_pass_luhn_and_fit_an_issuer() {
        for good in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "5555555555554444",
            "3782 822463 10005",
            "5019 7170 1010 3742",
        ] {
            assert_eq!(found(good).cards.len(), 1, "{good}");
        }
        for bad in [
            "4111 1111 1111 1112",
            "978-87-02-12345-6",
            "9788702123456",
            "4111 1111 1111 111",
            "**** **** **** 6251",
            "4111 1111-1111 1111",
        ] {
            assert!(found(bad).cards.is_empty(), "{bad}");
        }
    }

    #[test]
    fn phones_in_danish_and_international_shapes() {
        for good in [
            "Ring 22 33 44 55",
            "Ring 2233 4455",
            "sms 22334455",
            "+45 22 33 44 55",
            "(+45) 22 33 44 55",
            "0045 22334455",
            "+4522334455",
            "+44 20 7946 0958",
            "+46 70 123 45 67",
        ] {
            assert_eq!(found(good).phones.len(), 1, "{good}");
        }
        for bad in [
            "1.234.567 kr.",
            "12 500 000 kr.",
            "2019-2024",
            "postnumre 8000-8210",
            "4500-5000 tilskuere",
            "Ring 112 eller 1813",
            "kl. 08.00-16.00",
            "Søndergade 12, 8000 Aarhus",
            "+45 kr.",
            "12 34 56",
            "ordre 1234-56789",
        ] {
            assert!(
                found(bad).phones.is_empty(),
                "{bad}: {:?}",
                found(bad).phones
            );
        }
        let p = &found("(+45) 22 33 44 55").phones[0];
        assert_eq!(p.digits, "4522334455");
    }
}
