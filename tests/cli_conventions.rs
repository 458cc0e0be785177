//! The command-line conventions of linters people already use: folder walks that honour
//! `.gitignore` and excludes, `postlint config`, the guideline fall-backs (`POSTLINT_CONFIG`,
//! the user configuration folder), `--color`, `--stdin-filename` and shell completions.

mod common;

use common::{json, postlint, postlint_env, write};
use tempfile::TempDir;

const SALESY: &str = "Kæmpe rabat! Køb nu – tilbuddet gælder kun i dag!\n";

/// The files a `--format concise` run reported, sorted and without repeats.
fn reported(stdout: &str) -> Vec<String> {
    let mut files: Vec<String> = stdout
        .lines()
        .filter_map(|l| l.split(':').next())
        .map(str::to_string)
        .collect();
    files.dedup();
    files
}

#[track_caller]
fn check_files(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "concise"];
    all.extend_from_slice(args);
    let r = postlint(dir, &all, None);
    assert!(r.code <= 1, "{}{}", r.stdout, r.stderr);
    reported(&r.stdout)
}

// ---- walking ----------------------------------------------------------------------------

#[test]
fn a_walk_honours_gitignore_and_postlintignore_without_a_repository() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(d, "opslag/a.md", SALESY);
    write(d, "opslag/build/gen.md", SALESY);
    write(d, "opslag/noter.md", SALESY);
    write(d, "opslag/.skjult.md", SALESY);
    write(d, "opslag/.gitignore", "build/\n");
    write(d, "opslag/.postlintignore", "noter.md\n");
    assert_eq!(check_files(d, &["opslag"]), ["opslag/a.md"]);
    // --no-respect-gitignore checks them all but the hidden file.
    assert_eq!(
        check_files(d, &["--no-respect-gitignore", "opslag"]),
        ["opslag/a.md", "opslag/build/gen.md", "opslag/noter.md"]
    );
}

#[test]
fn exclude_globs_from_the_command_line_and_the_guideline() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(
        d,
        "postlint.toml",
        "extends = [\"recommended\"]\n[files]\nexclude = [\"arkiv\", \"opslag/gamle/**\"]\n",
    );
    for f in [
        "opslag/a.md",
        "opslag/arkiv/2024.md",
        "opslag/gamle/x.md",
        "opslag/nye/b.kladde.md",
        "opslag/nye/c.md",
        "opslag/æ ø/d.md",
    ] {
        write(d, f, SALESY);
    }
    assert_eq!(
        check_files(d, &["opslag"]),
        [
            "opslag/a.md",
            "opslag/nye/b.kladde.md",
            "opslag/nye/c.md",
            "opslag/æ ø/d.md"
        ]
    );
    assert_eq!(
        check_files(
            d,
            &[
                "--exclude",
                "*.kladde.md",
                "--exclude",
                "opslag/æ ø",
                "opslag"
            ]
        ),
        ["opslag/a.md", "opslag/nye/c.md"]
    );
    // A file named on the command line is checked: the user asked for it …
    assert_eq!(
        check_files(d, &["opslag/gamle/x.md"]),
        ["opslag/gamle/x.md"]
    );
    // … unless --force-exclude says the excludes hold for named files too (a hook's way).
    let r = postlint(
        d,
        &[
            "check",
            "--force-exclude",
            "opslag/gamle/x.md",
            "opslag/a.md",
        ],
        None,
    );
    assert!(
        r.stdout.contains("opslag/a.md") && !r.stdout.contains("gamle"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_guideline_exclude_is_relative_to_its_own_folder() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(
        d,
        "team/postlint.toml",
        "[files]\nexclude = [\"/udkast\"]\n",
    );
    write(d, "team/udkast/a.md", SALESY);
    write(d, "team/opslag/udkast/b.md", SALESY);
    // Run from inside the team folder: `/udkast` is team/udkast, not opslag/udkast.
    let files = check_files(&d.join("team"), &["."]);
    assert_eq!(files, ["./opslag/udkast/b.md"]);
}

#[test]
fn a_bad_glob_is_an_error_that_names_its_place() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(d, "a.md", SALESY);
    let r = postlint(d, &["check", "--exclude", "udkast/[", "."], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("udkast/["), "{}", r.stderr);
    write(
        d,
        "postlint.toml",
        "[files]\nexclude = [\"ok/**\", \"a{b\"]\n",
    );
    let r = postlint(d, &["check", "a.md"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("postlint.toml:2:21"), "{}", r.stderr);
    assert!(r.stderr.contains("a{b"), "{}", r.stderr);
}

// ---- postlint config ------------------------------------------------------------------

const GUIDELINE: &str = "extends = [\"recommended\"]\nlocale = \"en\"\nfail_on = \"warning\"\n\
    [rules.\"sales.score\"]\nthreshold = 70\n[rules.\"tone\"]\nenabled = false\n\
    [[confidential]]\nterms = [\"Projekt Nordlys\", \"Havørn\"]\n";

#[test]
fn config_says_which_file_and_why_and_what_is_in_force() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(d, "postlint.toml", GUIDELINE);
    std::fs::create_dir_all(d.join("sub")).unwrap();
    let r = postlint(&d.join("sub"), &["config", "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["reason"], "discovered");
    assert!(
        v["file"].as_str().unwrap().ends_with("postlint.toml"),
        "{v}"
    );
    assert_eq!(v["sources"][0], "<builtin pack recommended>", "{v}");
    assert_eq!(v["fail_on"], "warning");
    assert_eq!(v["counts"]["confidential_terms"], 2);
    let rules = v["rules"].as_array().unwrap();
    let rule = |id: &str| rules.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(rule("sales.score")["options"]["threshold"], "70", "{v}");
    assert_eq!(rule("tone.negative")["enabled"], false);
    assert_eq!(rule("sales.discount")["enabled"], true);
    // People get the same, and never a confidential term.
    let r = postlint(&d.join("sub"), &["config"], None);
    assert!(
        r.stdout.contains("the nearest postlint.toml"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("threshold = 70"), "{}", r.stdout);
    for out in [
        &r.stdout,
        &postlint(d, &["config", "--format", "json"], None).stdout,
    ] {
        assert!(!out.contains("Nordlys") && !out.contains("Havørn"), "{out}");
    }
}

#[test]
fn postlint_config_then_the_user_folder_follow_discovery() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    let work = d.join("work");
    std::fs::create_dir_all(&work).unwrap();
    let named = write(d, "elsewhere/company.toml", GUIDELINE);
    write(
        d,
        "xdg/postlint/postlint.toml",
        "extends = [\"recommended\"]\nlocale = \"da\"\n",
    );
    let xdg = d.join("xdg");
    let run = |env: &[(&str, &str)]| {
        let r = postlint_env(&work, &["config", "--format", "json"], None, env);
        assert_eq!(r.code, 0, "{}", r.stderr);
        json(&r.stdout)
    };
    let xdg_s = xdg.to_str().unwrap();
    let named_s = named.to_str().unwrap();
    // No file found up from `work`: POSTLINT_CONFIG first …
    let v = run(&[("POSTLINT_CONFIG", named_s), ("XDG_CONFIG_HOME", xdg_s)]);
    assert_eq!(v["reason"], "environment", "{v}");
    assert_eq!(v["fail_on"], "warning");
    // … then the user configuration folder …
    let v = run(&[("XDG_CONFIG_HOME", xdg_s)]);
    assert_eq!(v["reason"], "user", "{v}");
    assert_eq!(v["locale"]["code"], "da");
    // … then the built-in pack.
    assert_eq!(run(&[])["reason"], "builtin");
    // A discovered file wins over both.
    write(&work, "postlint.toml", "extends = [\"recommended\"]\n");
    let v = run(&[("POSTLINT_CONFIG", named_s), ("XDG_CONFIG_HOME", xdg_s)]);
    assert_eq!(v["reason"], "discovered", "{v}");
    // A POSTLINT_CONFIG that names no file is an error that says where the name came from.
    std::fs::remove_file(work.join("postlint.toml")).unwrap();
    let r = postlint_env(
        &work,
        &["check", "-"],
        Some(b"Hej"),
        &[("POSTLINT_CONFIG", "/no/such.toml")],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("POSTLINT_CONFIG"), "{}", r.stderr);
}

// ---- colour, stdin names, completions --------------------------------------------------

#[test]
fn color_follows_the_flag_then_no_color_then_force_color() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(d, "a.md", SALESY);
    let colored = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["check", "a.md"];
        all.extend_from_slice(args);
        let r = postlint_env(d, &all, None, env);
        assert!(r.code <= 1, "{}", r.stderr);
        r.stdout.contains("\u{1b}[")
    };
    // A pipe is not coloured by default, and NO_COLOR is set by the helper.
    assert!(!colored(&[], &[("NO_COLOR", "")]));
    assert!(!colored(&[], &[]));
    assert!(colored(&["--color", "always"], &[]));
    assert!(!colored(
        &["--color", "never"],
        &[("NO_COLOR", ""), ("FORCE_COLOR", "1")]
    ));
    assert!(colored(&[], &[("NO_COLOR", ""), ("FORCE_COLOR", "1")]));
    assert!(!colored(&[], &[("NO_COLOR", ""), ("FORCE_COLOR", "0")]));
    // NO_COLOR outranks FORCE_COLOR: it is the user's own setting.
    assert!(!colored(&[], &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")]));
}

#[test]
fn stdin_filename_names_the_draft_and_finds_its_guideline() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(
        d,
        "team/postlint.toml",
        "extends = [\"recommended\"]\n[[confidential]]\nterms = [\"Havørn\"]\n",
    );
    let post = "Snart lancerer vi Havørn – glæd jer!\n".as_bytes();
    let r = postlint(
        d,
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "team/nyt opslag.md",
        ],
        Some(post),
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("team/nyt opslag.md:1:") && r.stdout.contains("confidential.term"),
        "{}",
        r.stdout
    );
    // SARIF gives it a file URI, as a file it is.
    let r = postlint(
        d,
        &[
            "check",
            "--format",
            "sarif",
            "--stdin-filename",
            "team/nyt opslag.md",
        ],
        Some(post),
    );
    assert!(r.stdout.contains("team/nyt%20opslag.md"), "{}", r.stdout);
    // Without it, the draft is standard input, judged by the folder one is in.
    let r = postlint(d, &["check", "--format", "concise"], Some(post));
    assert_eq!(r.code, 0, "{}", r.stdout);
    // An excluded name with --force-exclude is not checked at all.
    write(
        d,
        "team/postlint.toml",
        "[files]\nexclude = [\"*.md\"]\n[[confidential]]\nterms = [\"Havørn\"]\n",
    );
    let r = postlint(
        d,
        &["check", "--force-exclude", "--stdin-filename", "team/x.md"],
        Some(post),
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("confidential"), "{}", r.stdout);
}

#[test]
fn completions_for_every_shell_know_the_subcommands_and_options() {
    let tmp = TempDir::new().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = postlint(tmp.path(), &["completions", shell], None);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        for word in [
            "check",
            "explain",
            "stdin-filename",
            "exclude",
            "no-respect-gitignore",
        ] {
            assert!(r.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    let r = postlint(tmp.path(), &["completions", "tcsh"], None);
    assert_eq!(r.code, 2);
}
