//! Linear time on hostile posts: each shape is checked at two sizes, n and 2n bytes, with the
//! recommended pack and every platform. A linear check takes about twice as long at 2n; a
//! quadratic one four times. `scripts/scaling-ratios` prints the ratio of each pair from
//! Criterion's estimates (run `cargo bench --bench scaling` first).
//!
//! The shapes are the ones that were quadratic or worse before (10,000 mentions took 45 s)
//! and the ones a scanner is most likely to be quadratic on: one entity or token repeated,
//! one enormous token, one enormous line, deep punctuation.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postlint::{Date, Guideline, Linter, Options, Post};
use std::hint::black_box;
use std::time::Duration;

/// The sizes compared, in bytes.
const SIZES: [usize; 2] = [64 << 10, 128 << 10];

/// `unit` repeated to about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// A shape: its name and how to build a text of about `n` bytes.
type Shape = (&'static str, fn(usize) -> String);

/// The shapes.
fn shapes() -> Vec<Shape> {
    vec![
        ("mentions", |n| fill("@kollega ", n)),
        ("urls", |n| fill("https://falck.dk/job?utm_source=x ", n)),
        ("bare-domains", |n| fill("falck.dk ", n)),
        ("hashtags", |n| fill("#FalckAnsat ", n)),
        ("cashtags", |n| fill("$NOVO ", n)),
        ("emails", |n| fill("jens.hansen@falck.dk ", n)),
        ("phones", |n| fill("+45 12 34 56 78 ", n)),
        // Personal data: each number weighed against the people around it, each prefix
        // joined to the run after it, each sentence about someone's health.
        ("phones-of-people", |n| {
            fill("Ring til Mette på 22 33 44 55. ", n)
        }),
        ("phone-prefixes", |n| fill("+45 ", n)),
        ("health-sentences", |n| fill("Peter er sygemeldt. ", n)),
        ("ibans", |n| fill("DK50 0040 0440 1162 43 ", n)),
        ("photo-metaphors", |n| {
            fill("det store billede med Peter ", n)
        }),
        ("figures", |n| fill("Vi har solgt rekordmange ordrer. ", n)),
        ("corporate-events", |n| {
            fill("Vi køber Kystfragt A/S efter fyringsrunden. ", n)
        }),
        ("sales-terms", |n| fill("Kæmpe rabat! Køb nu! ", n)),
        ("emoji", |n| fill("🚑👩🏽‍⚕️🇩🇰", n)),
        ("one-word", |n| "a".repeat(n)),
        ("one-line", |n| fill("Vi søger en ny kollega i Aarhus ", n)),
        ("newlines", |n| "\n".repeat(n)),
        ("sentences", |n| fill("Ja. ", n)),
        ("exclamations", |n| fill("!", n)),
        ("caps", |n| fill("GRATIS ", n)),
        ("brackets", |n| fill("((([[", n)),
        ("sigils", |n| fill("@#$", n)),
        ("combining", |n| fill("e\u{301}\u{302}\u{303}", n)),
    ]
}

fn linter() -> Linter {
    Linter::with_options(
        Guideline::recommended(),
        Options::new()
            .platforms([
                "x",
                "linkedin",
                "bluesky",
                "mastodon",
                "threads",
                "instagram",
                "facebook",
            ])
            .date(Date::new(2026, 11, 27).unwrap()),
    )
    .unwrap()
}

fn scaling(c: &mut Criterion) {
    let linter = linter();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, make) in shapes() {
        for n in SIZES {
            let text = make(n);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, n), &text, |b, text| {
                b.iter(|| linter.check(&Post::new(black_box(text.as_str()))))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
