//! Entity extraction and length counting on a typical Danish post (about 600 bytes, 2 URLs,
//! 3 hashtags, 1 mention): the budget is 5 µs for both together.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use postlint::__bench::{extract, extract_and_measure};

const POST: &str =
    "Vi søger en ny kollega til vores team i Aarhus! 🚑 Hos Falck arbejder vi hver dag \
for at hjælpe mennesker, når det gælder allermest. Som ambulancebehandler bliver du en del af et \
stærkt fællesskab med gode kolleger, grundig oplæring og mulighed for at udvikle dig fagligt. \
Vi tilbyder en spændende hverdag, hvor ingen dage er ens. \
Læs mere om stillingen og søg på https://www.falck.dk/job/ambulance-aarhus?ref=linkedin senest \
fredag den 14. marts. Har du spørgsmål, så skriv til @jens_hansen eller se falck.dk/karriere \
for flere job. Vi glæder os til at høre fra dig! #jobiaarhus #ønskejob #FalckAnsat";

fn bench(c: &mut Criterion) {
    assert_eq!(extract(POST), (2, 3, 1));
    c.bench_function("extract", |b| b.iter(|| extract(black_box(POST))));
    c.bench_function("extract+measure x", |b| {
        b.iter(|| extract_and_measure(black_box(POST), &["x"]))
    });
    let all = [
        "x",
        "linkedin",
        "bluesky",
        "mastodon",
        "threads",
        "instagram",
        "facebook",
        "tiktok",
    ];
    c.bench_function("extract+measure all 8 platforms", |b| {
        b.iter(|| extract_and_measure(black_box(POST), &all))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
