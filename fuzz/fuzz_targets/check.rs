//! Any bytes, taken as text, checked with the recommended pack on every platform: no panic,
//! and every span inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Guideline, Linter, Options, Post};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(|| {
    let platforms = [
        "x",
        "linkedin",
        "bluesky",
        "mastodon",
        "threads",
        "instagram",
        "facebook",
    ];
    Linter::with_options(
        Guideline::recommended(),
        Options::new().platforms(platforms),
    )
    .unwrap()
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = LINTER.check(&Post::new(&*text));
    for f in &report.findings {
        assert!(
            f.span.start <= f.span.end && f.span.end <= text.len(),
            "{f:?}"
        );
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
});
