//! End to end: a secret term list made by `postlint hash-terms` finds the terms it hides, in
//! every form a plain list finds, and no output of postlint ever shows a term the post did
//! not contain; embargoes lift at a moment in the guideline's time zone, also per record of a
//! JSON Lines batch.

mod common;

use common::{postlint, write};
use tempfile::TempDir;

const TERMS: &str = "Havørn\nProject Blue Harbour\n  Blå   Kaj  \nKattegat Connect\n";
const HIDDEN: [&str; 7] = [
    "havørn",
    "havorn",
    "blue harbour",
    "blå kaj",
    "kattegat",
    "connect",
    "project blue",
];

fn guideline(dir: &std::path::Path) -> String {
    let r = postlint(dir, &["hash-terms"], Some(TERMS.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let block = r.stdout;
    for t in HIDDEN {
        assert!(
            !block.to_lowercase().contains(t),
            "`{t}` is in the block:\n{block}"
        );
    }
    let g = format!(
        "extends = [\"recommended\"]\ntimezone = \"Europe/Copenhagen\"\n{}until = 2027-03-01T08:00:00+01:00\n",
        block
    );
    write(dir, "postlint.toml", &g);
    g
}

#[test]
fn hashed_terms_are_found_and_never_shown() {
    let tmp = TempDir::new().unwrap();
    let g = guideline(tmp.path());
    // A second run makes another salt: two lists never share digests.
    let again = postlint(tmp.path(), &["hash-terms"], Some(TERMS.as_bytes())).stdout;
    assert_ne!(again, g);
    let batch = [
        r#"{"id":"compound","text":"Havørnaftalen er underskrevet!","date":"2027-02-01"}"#,
        r#"{"id":"inflected","text":"PROJECT  blue\nharbour er næsten klar, og Blå Kajs kraner står.","date":"2027-02-01"}"#,
        r#"{"id":"ascii","text":"Havorn-teamet siger tak.","date":"2027-02-01"}"#,
        r#"{"id":"lookalike","text":"Vi så en havørred og en blå kajak ved Kattegatcentret.","date":"2027-02-01"}"#,
        r#"{"id":"minute-before","text":"Blå Kaj åbner!","date":"2027-03-01T07:59:00+01:00"}"#,
        r#"{"id":"utc-before","text":"Blå Kaj åbner!","date":"2027-03-01T06:59:00Z"}"#,
        r#"{"id":"lifted","text":"Blå Kaj åbner!","date":"2027-03-01T08:00:00+01:00"}"#,
    ]
    .join("\n");
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--select",
            "confidential",
            "-",
        ],
        Some(batch.as_bytes()),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let found: Vec<(String, Vec<String>)> = r
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let spans = v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["rule"] == "confidential.term")
                .map(|f| f["args"]["term"].as_str().unwrap_or("").to_string())
                .collect();
            (v["source"].as_str().unwrap().to_string(), spans)
        })
        .collect();
    let by = |id: &str| found.iter().find(|(s, _)| s == id).unwrap().1.clone();
    assert_eq!(by("compound"), ["Havørnaftalen"]);
    assert_eq!(by("inflected"), ["PROJECT  blue\nharbour", "Blå Kajs"]);
    assert_eq!(by("ascii"), ["Havorn"]);
    assert!(by("lookalike").is_empty());
    assert_eq!(by("minute-before"), ["Blå Kaj"]);
    assert_eq!(by("utc-before"), ["Blå Kaj"]);
    assert!(by("lifted").is_empty());
    // Only what each post itself says appears in the output: the post without a term, and
    // the human report of all of them, show no other term of the list.
    let lookalike = r
        .stdout
        .lines()
        .find(|l| l.contains("\"lookalike\""))
        .unwrap();
    for t in HIDDEN {
        assert!(
            !lookalike.to_lowercase().contains(t) || t == "kattegat",
            "{t}: {lookalike}"
        );
    }
    let r = postlint(
        tmp.path(),
        &["check", "--date", "2027-02-01", "-"],
        Some(b"Sikke et vejr!"),
    );
    for out in [&r.stdout, &r.stderr] {
        for t in HIDDEN {
            assert!(!out.to_lowercase().contains(t), "{t}: {out}");
        }
    }
    for cmd in [&["rules"][..], &["explain", "confidential.term"]] {
        let r = postlint(tmp.path(), cmd, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        for t in HIDDEN {
            assert!(!r.stdout.to_lowercase().contains(t), "{t} in `{cmd:?}`");
        }
    }
}

#[test]
fn errors_name_the_line_not_the_term() {
    let tmp = TempDir::new().unwrap();
    let r = postlint(
        tmp.path(),
        &["hash-terms"],
        Some("Havørn\nen alt for lang hemmelig frase med ni hele ord\n".as_bytes()),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("hemmelig") && !r.stderr.contains("Havørn"),
        "{}",
        r.stderr
    );
    let r = postlint(tmp.path(), &["hash-terms"], Some(b"\n \n"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no terms"), "{}", r.stderr);
    // A damaged block points at its key.
    let g = guideline(tmp.path()).replace("hash = \"sha256\"", "hash = \"sha1\"");
    write(tmp.path(), "postlint.toml", &g);
    let r = postlint(tmp.path(), &["check", "-"], Some(b"Hej"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown hash `sha1`"), "{}", r.stderr);
    assert!(r.stderr.contains("postlint.toml"), "{}", r.stderr);
}

#[test]
fn a_bare_embargo_day_is_midnight_in_the_guideline_zone() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "postlint.toml",
        "[[confidential]]\nterms = [\"Nordlys\"]\nuntil = 2027-03-01\n",
    );
    let check = |date: &str| {
        postlint(
            tmp.path(),
            &["check", "--date", date, "-"],
            Some(b"Nordlys er her!"),
        )
        .code
    };
    // 23:30 UTC on 28 February is 00:30 on 1 March in Copenhagen: lifted.
    assert_eq!(check("2027-02-28T23:30:00Z"), 0);
    assert_eq!(check("2027-02-28T22:30:00Z"), 1);
    assert_eq!(check("2027-02-28"), 1);
    assert_eq!(check("2027-03-01"), 0);
    write(
        tmp.path(),
        "postlint.toml",
        "timezone = \"UTC\"\n[[confidential]]\nterms = [\"Nordlys\"]\nuntil = 2027-03-01\n",
    );
    assert_eq!(check("2027-02-28T23:30:00Z"), 1);
    write(
        tmp.path(),
        "postlint.toml",
        "timezone = \"Europe/Atlantis\"\n",
    );
    let r = postlint(tmp.path(), &["check", "-"], Some(b"Hej"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown time zone `Europe/Atlantis`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("postlint.toml:1:12"), "{}", r.stderr);
}
