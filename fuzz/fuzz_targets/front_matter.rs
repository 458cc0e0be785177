//! Any bytes as a draft file with `+++` front matter: parsed or an error, never a panic; the
//! body is inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Guideline, Linter, Post};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(|| Linter::new(Guideline::recommended()).unwrap());

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let draft = format!("+++\n{text}");
    for input in [text.as_ref(), draft.as_str()] {
        if let Ok(post) = Post::from_draft(input, "fuzz.txt") {
            let body = post.body();
            assert!(body.start <= body.end && body.end <= input.len());
            let _ = LINTER.check(&post);
        }
    }
});
