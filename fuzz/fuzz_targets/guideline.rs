//! Any bytes as a guideline: loading either succeeds or is an error (never a panic), and a
//! guideline that loads compiles into a linter or is an error, and then checks a post.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Guideline, Linter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Relative paths resolve inside the current directory only (the loader's default).
    let Ok(guideline) = Guideline::loader().from_toml(text, "fuzz.toml") else {
        return;
    };
    if let Ok(linter) = Linter::new(guideline) {
        let _ = linter.check_text("Kæmpe rabat på Nordlys i dag! Skriv til jens@firma.dk #ad");
    }
});
