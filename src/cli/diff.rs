//! A small unified diff (`--diff`), line by line, with three lines of context.
//!
//! Posts are short, so a plain longest-common-subsequence table is fast enough and keeps the
//! crate free of a diff dependency; for very long inputs it degrades to one replace hunk.

use std::fmt::Write as _;

const CONTEXT: usize = 3;
/// Above this many table cells, skip the LCS and replace the differing middle wholesale.
const MAX_CELLS: usize = 4_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Delete,
    Insert,
}

/// The unified diff turning `old` into `new` for file `name`; empty when they are equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = script(&a, &b);
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    for hunk in hunks(&ops) {
        let (mut ai, mut bi) = positions(&ops, hunk.0);
        let (a_start, b_start) = (ai, bi);
        let mut body = String::new();
        let (mut a_len, mut b_len) = (0, 0);
        for &op in &ops[hunk.0..hunk.1] {
            let (sign, line) = match op {
                Op::Same => (' ', a[ai]),
                Op::Delete => ('-', a[ai]),
                Op::Insert => ('+', b[bi]),
            };
            body.push(sign);
            body.push_str(line);
            if !line.ends_with('\n') {
                body.push_str("\n\\ No newline at end of file\n");
            }
            if op != Op::Insert {
                ai += 1;
                a_len += 1;
            }
            if op != Op::Delete {
                bi += 1;
                b_len += 1;
            }
        }
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            range(a_start, a_len),
            range(b_start, b_len)
        );
        out.push_str(&body);
    }
    out
}

/// `start,len` in 1-based hunk notation (an empty range names the line before it).
fn range(start: usize, len: usize) -> String {
    if len == 0 {
        format!("{start},0")
    } else {
        format!("{},{len}", start + 1)
    }
}

/// The line indices in `a` and `b` where op `upto` starts.
fn positions(ops: &[Op], upto: usize) -> (usize, usize) {
    ops[..upto].iter().fold((0, 0), |(a, b), op| match op {
        Op::Same => (a + 1, b + 1),
        Op::Delete => (a + 1, b),
        Op::Insert => (a, b + 1),
    })
}

/// Op ranges of the hunks: changes with up to `CONTEXT` unchanged lines around them, merged
/// when their contexts touch.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        if *op == Op::Same {
            continue;
        }
        let start = i.saturating_sub(CONTEXT);
        let end = (i + 1 + CONTEXT).min(ops.len());
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// An edit script from `a` to `b`: deletions before insertions within each change.
fn script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops = vec![Op::Same; prefix];
    if am.len().saturating_mul(bm.len()) > MAX_CELLS {
        ops.extend(std::iter::repeat_n(Op::Delete, am.len()));
        ops.extend(std::iter::repeat_n(Op::Insert, bm.len()));
    } else {
        ops.extend(lcs_script(am, bm));
    }
    ops.extend(std::iter::repeat_n(Op::Same, suffix));
    ops
}

fn lcs_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    // table[i][j] = LCS length of a[i..] and b[j..].
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if i < n && (j == m || table[at(i + 1, j)] >= table[at(i, j + 1)]) {
            ops.push(Op::Delete);
            i += 1;
        } else {
            ops.push(Op::Insert);
            j += 1;
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a", "x\n", "x\n"), "");
    }

    #[test]
    fn one_changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfem\n6\n7\n8\n9\n";
        let d = unified("p.txt", old, new);
        assert_eq!(
            d,
            "--- a/p.txt\n+++ b/p.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+fem\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let d = unified("p", "Hej  verden", "Hej verden");
        assert_eq!(
            d,
            "--- a/p\n+++ b/p\n@@ -1,1 +1,1 @@\n-Hej  verden\n\\ No newline at end of file\n+Hej verden\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn insertion_into_empty() {
        let d = unified("p", "", "ny\n");
        assert_eq!(d, "--- a/p\n+++ b/p\n@@ -0,0 +1,1 @@\n+ny\n");
    }
}
