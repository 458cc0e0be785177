//! The message catalogue is data: a further language is a catalogue file, not a code change.
//! A guideline names a catalogue in a third locale with a few entries; each entry falls back
//! on its own (to English), and numbers follow the new locale's separators.

use postlint::{Guideline, Linter, Locale, Options, Post};
use std::fs;

const SV: &str = r#"
locale = "sv"
[messages]
"links.shortener.message" = "«{link}» är en förkortad länk: läsarna ser inte vart den leder."
"links.shortener.summary" = "En förkortad länk döljer vart den leder"
"length.over-limit.message" = "För långt för {platforms}: {length} av {limit} tecken – korta med {over}."
"number.thousands" = " "
"list.and" = " och "
"verdict.review" = "granskning"
"#;

fn swedish() -> Linter {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sv.toml"), SV).unwrap();
    fs::write(
        dir.path().join("postlint.toml"),
        "extends = [\"recommended\"]\nlocale = \"sv\"\ncatalogs = [\"sv.toml\"]\n",
    )
    .unwrap();
    let g = Guideline::from_path(dir.path().join("postlint.toml")).unwrap();
    Linter::new(g).unwrap()
}

#[test]
fn a_third_locale_falls_back_per_entry() {
    let l = swedish();
    assert_eq!(l.locale().code(), "sv");
    let r = l.check(&Post::new("Läs mer: https://bit.ly/3xYz"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "links.shortener")
        .unwrap();
    assert_eq!(
        f.message,
        "«https://bit.ly/3xYz» är en förkortad länk: läsarna ser inte vart den leder."
    );
    // The suggestion has no Swedish entry: English, not an empty string or an id.
    assert_eq!(
        f.suggestions[0].title,
        "Use the full address: open the link and copy it from your browser's address bar."
    );
    assert_eq!(l.message("verdict.review"), "granskning");
    assert_eq!(l.message("verdict.pass"), "pass");
    let info = l.rule("links.shortener").unwrap();
    assert_eq!(info.summary, "En förkortad länk döljer vart den leder");
    assert!(
        info.explanation.starts_with("A shortened link"),
        "{}",
        info.explanation
    );
}

#[test]
fn the_new_locale_formats_numbers_and_lists_its_own_way() {
    let l = swedish();
    let text = "a".repeat(3100);
    let post = Post::new(text.as_str()).platforms(["linkedin", "instagram"]);
    let r = l.check(&post);
    let over: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "length.over-limit")
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        over.contains(&"För långt för LinkedIn: 3 100 av 3 000 tecken – korta med 100."),
        "{over:?}"
    );
}

#[test]
fn a_locale_without_messages_is_an_error_not_english_in_disguise() {
    let e = Linter::with_options(
        Guideline::recommended(),
        Options::new().locale(Locale::parse("fi").unwrap()),
    )
    .unwrap_err();
    assert!(e.message().contains("`fi`"), "{}", e.message());
    assert!(
        e.help_text().unwrap().contains("catalogs"),
        "{:?}",
        e.help_text()
    );
}

#[test]
fn a_catalogue_file_is_checked_like_a_guideline() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sv.toml"), "locale = \"sv\"\n[mesages]\n").unwrap();
    fs::write(
        dir.path().join("postlint.toml"),
        "catalogs = [\"sv.toml\"]\n",
    )
    .unwrap();
    let e = Guideline::from_path(dir.path().join("postlint.toml")).unwrap_err();
    assert!(
        e.message().contains("did you mean `messages`"),
        "{}",
        e.message()
    );
    assert!(e.to_string().contains("sv.toml:2:"), "{e}");
}
