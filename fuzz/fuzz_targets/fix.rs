//! Fixes on any text: applying the safe fixes either settles or is an error, and fixing the
//! fixed text again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Applicability, Guideline, Linter, Post};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(|| {
    let g = Guideline::from_toml(
        r#"extends = ["recommended"]
[[rule]]
id = "acme.name"
kind = "substitute"
fix = "safe"
message = "Write {replacement}"
replace = { "Falck" = "Falck A/S", "personale" = "medarbejdere", "manpower" = "staff" }
"#,
        "fuzz.toml",
    )
    .unwrap();
    Linter::new(g).unwrap()
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(once) = LINTER.fix(&Post::new(&*text), Applicability::Safe) else {
        return;
    };
    let twice = LINTER
        .fix(&Post::new(&once.text), Applicability::Safe)
        .expect("a fixed text fixes again");
    assert_eq!(once.text, twice.text, "fixing twice changed the text");
});
