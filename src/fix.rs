//! Applies the edits of suggestions to a post's text.
//!
//! Each finding contributes at most one suggestion: the first one whose applicability is
//! allowed and that has edits. A suggestion's edits are applied together or not at all, so a
//! multi-edit fix is never left half done. Suggestions whose edits overlap one already taken
//! are skipped; the next round ([`converge`]) re-checks the text and picks them up if they
//! still apply. Fixes must converge: fixing an already fixed text changes nothing.

use crate::report::{Applicability, Edit, Finding, Fixed, Report};

impl Report {
    /// Applies this report's fixes up to `max` to `text` (the text the report is of), once:
    /// each finding's first allowed suggestion with edits, skipping any that overlaps one
    /// already taken. [`crate::Linter::fix`] repeats this until nothing changes.
    pub fn apply_fixes(&self, text: &str, max: Applicability) -> Fixed {
        let (text, applied) = apply(text, &self.findings, max);
        Fixed { text, applied }
    }
}

/// How many check-and-fix rounds [`converge`] runs at most. Fixes rarely enable other fixes,
/// and a bound guarantees termination even if two rules undo each other.
pub const MAX_ROUNDS: usize = 4;

/// Whether a suggestion of `applicability` may be applied when fixes up to `max` are allowed.
///
/// `Display` suggestions are advice for a human and are never applied.
pub fn allowed(applicability: Applicability, max: Applicability) -> bool {
    applicability != Applicability::Display && applicability <= max
}

/// Applies the allowed, non-overlapping suggestions of `findings` to `text`.
///
/// `max` is [`Applicability::Safe`] for `--fix` and [`Applicability::Unsafe`] with
/// `--unsafe-fixes`. Returns the new text and the number of suggestions applied. Edits that
/// fall outside `text` or inside a UTF-8 character are ignored (with their whole suggestion),
/// so stale findings can never corrupt the text.
pub fn apply(text: &str, findings: &[Finding], max: Applicability) -> (String, usize) {
    let mut groups: Vec<Vec<&Edit>> = findings
        .iter()
        .filter_map(|f| {
            f.suggestions
                .iter()
                .find(|s| allowed(s.applicability, max) && !s.edits.is_empty())
        })
        .map(|s| {
            let mut edits: Vec<&Edit> = s.edits.iter().collect();
            edits.sort_by_key(|e| (e.start, e.end));
            edits
        })
        .filter(|edits| edits.iter().all(|e| valid(text, e)) && !self_overlapping(edits))
        .collect();
    // Deterministic order: by where the suggestion starts, then by its edits' content.
    groups.sort_by(|a, b| key(a).cmp(&key(b)));

    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for group in groups {
        // An identical edit counts as overlapping: two rules proposing one fix apply it once.
        if group.iter().any(|e| taken.iter().any(|t| overlaps(e, t))) {
            continue;
        }
        taken.extend(group);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.start, e.end));

    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in taken {
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.replacement);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// Fixes `text` until no more allowed fixes apply, re-checking it with `check` between rounds.
/// Returns the fixed text and the number of fixes applied, or — when the fixes still change
/// the text after [`MAX_ROUNDS`] rounds (two rules undoing each other, a replacement that
/// grows) — the rules whose fixes did not settle: a half-fixed draft is never the answer.
///
/// `check` returns the findings of a text; it is called on the original text first.
pub fn converge<F>(
    text: &str,
    max: Applicability,
    mut check: F,
) -> Result<(String, usize), Vec<String>>
where
    F: FnMut(&str) -> Vec<Finding>,
{
    let mut current = text.to_string();
    let mut total = 0;
    // The rules that fixed something in the last rounds: those that keep going.
    let mut recent: Vec<String> = Vec::new();
    for round in 0..=MAX_ROUNDS {
        let findings = check(&current);
        let (next, n) = apply(&current, &findings, max);
        if n == 0 || next == current {
            return Ok((current, total));
        }
        if round + 2 >= MAX_ROUNDS {
            recent.extend(
                findings
                    .iter()
                    .filter(|f| {
                        f.suggestions
                            .iter()
                            .any(|s| allowed(s.applicability, max) && !s.edits.is_empty())
                    })
                    .map(|f| f.rule.clone()),
            );
        }
        if round == MAX_ROUNDS {
            recent.sort();
            recent.dedup();
            return Err(recent);
        }
        total += n;
        current = next;
    }
    Ok((current, total))
}

fn valid(text: &str, e: &Edit) -> bool {
    e.start <= e.end
        && e.end <= text.len()
        && text.is_char_boundary(e.start)
        && text.is_char_boundary(e.end)
}

fn key<'a>(edits: &[&'a Edit]) -> (usize, usize, Vec<&'a str>) {
    let first = edits.first().map_or((0, 0), |e| (e.start, e.end));
    (
        first.0,
        first.1,
        edits.iter().map(|e| e.replacement.as_str()).collect(),
    )
}

/// Whether two edits touch the same text. Two insertions at one point also conflict, since
/// their order would be arbitrary, and so does an insertion strictly inside a replacement.
fn overlaps(a: &Edit, b: &Edit) -> bool {
    let inside = |point: usize, e: &Edit| e.start < point && point < e.end;
    (a.start < b.end && b.start < a.end)
        || (a.start == a.end && b.start == b.end && a.start == b.start)
        || (a.start == a.end && inside(a.start, b))
        || (b.start == b.end && inside(b.start, a))
}

fn self_overlapping(sorted: &[&Edit]) -> bool {
    sorted.windows(2).any(|w| overlaps(w[0], w[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Edit, Severity, Span, Suggestion};

    fn finding(
        start: usize,
        end: usize,
        replacement: &str,
        applicability: Applicability,
    ) -> Finding {
        Finding {
            rule: "test.rule".into(),
            severity: Severity::Warning,
            message: "m".into(),
            message_id: "test.rule.message".into(),
            args: Vec::new(),
            span: Span::new(start, end),
            suggestions: vec![Suggestion {
                title: "t".into(),
                message_id: "test.rule.suggestion".into(),
                applicability,
                edits: vec![Edit {
                    start,
                    end,
                    replacement: replacement.into(),
                }],
            }],
            route: None,
            omitted: 0,
            waived: None,
        }
    }

    /// A toy checker: every double space should be one space.
    fn double_spaces(text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find("  ") {
            out.push(finding(from + i, from + i + 2, " ", Applicability::Safe));
            from += i + 2;
        }
        out
    }

    #[test]
    fn applies_safe_edits_only_by_default() {
        let text = "aa bb cc";
        let findings = [
            finding(0, 2, "A", Applicability::Safe),
            finding(3, 5, "B", Applicability::Unsafe),
            finding(6, 8, "C", Applicability::Display),
        ];
        assert_eq!(
            apply(text, &findings, Applicability::Safe),
            ("A bb cc".into(), 1)
        );
        assert_eq!(
            apply(text, &findings, Applicability::Unsafe),
            ("A B cc".into(), 2)
        );
    }

    #[test]
    fn overlapping_edits_are_skipped() {
        let text = "abcdef";
        let findings = [
            finding(1, 4, "X", Applicability::Safe),
            finding(2, 5, "Y", Applicability::Safe),
            finding(5, 6, "Z", Applicability::Safe),
        ];
        assert_eq!(
            apply(text, &findings, Applicability::Safe),
            ("aXeZ".into(), 2)
        );
    }

    #[test]
    fn identical_edits_count_once_and_insertions_do_not_stack() {
        let text = "ab";
        let findings = [
            finding(1, 1, "-", Applicability::Safe),
            finding(1, 1, "-", Applicability::Safe),
            finding(1, 1, "+", Applicability::Safe),
        ];
        // Sorted by content, "+" comes first; the others touch the same point.
        assert_eq!(
            apply(text, &findings, Applicability::Safe),
            ("a+b".into(), 1)
        );
    }

    #[test]
    fn multibyte_text_and_stale_offsets() {
        let text = "Blåbær  og æbler";
        let i = text.find("  ").unwrap();
        let findings = [
            finding(i, i + 2, " ", Applicability::Safe),
            // Inside "å": ignored rather than corrupting the text.
            finding(3, 4, "a", Applicability::Safe),
            // Past the end: ignored.
            finding(100, 101, "x", Applicability::Safe),
        ];
        assert_eq!(
            apply(text, &findings, Applicability::Safe),
            ("Blåbær og æbler".into(), 1)
        );
    }

    #[test]
    fn fixing_twice_equals_fixing_once() {
        let text = "ja    tak  —  gerne";
        let (once, n) = converge(text, Applicability::Safe, double_spaces).unwrap();
        assert!(n > 0);
        assert_eq!(once, "ja tak — gerne");
        let (twice, m) = converge(&once, Applicability::Safe, double_spaces).unwrap();
        assert_eq!((twice.as_str(), m), (once.as_str(), 0));
        // The same findings on the same text always give the same result.
        let findings = double_spaces(text);
        assert_eq!(
            apply(text, &findings, Applicability::Safe),
            apply(text, &findings, Applicability::Safe)
        );
    }

    #[test]
    fn converge_is_bounded_and_says_when_it_does_not_settle() {
        // A checker that always finds something: the loop must still stop, and say so
        // rather than hand back a half-fixed text.
        let rules = converge("x", Applicability::Safe, |t| {
            vec![finding(0, t.len(), &format!("{t}x"), Applicability::Safe)]
        })
        .unwrap_err();
        assert_eq!(rules, ["test.rule"]);
    }
}
