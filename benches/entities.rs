//! Entity extraction and length counting on a typical Danish post (about 600 bytes, 2 URLs,
//! 3 hashtags, 1 mention): the budget is 5 µs for both together.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use postlint::entities::extract;
use postlint::platform::{measure, Profiles};

const POST: &str =
    "Vi søger en ny kollega til vores team i Aarhus! 🚑 Hos Falck arbejder vi hver dag \
for at hjælpe mennesker, når det gælder allermest. Som ambulancebehandler bliver du en del af et \
stærkt fællesskab med gode kolleger, grundig oplæring og mulighed for at udvikle dig fagligt. \
Vi tilbyder en spændende hverdag, hvor ingen dage er ens. \
Læs mere om stillingen og søg på https://www.falck.dk/job/ambulance-aarhus?ref=linkedin senest \
fredag den 14. marts. Har du spørgsmål, så skriv til @jens_hansen eller se falck.dk/karriere \
for flere job. Vi glæder os til at høre fra dig! #jobiaarhus #ønskejob #FalckAnsat";

fn bench(c: &mut Criterion) {
    let profiles = Profiles::builtin();
    let x = profiles.get("x").unwrap().clone();
    let all: Vec<_> = profiles.iter().cloned().collect();
    let e = extract(POST);
    assert_eq!(
        (e.urls.len(), e.hashtags.len(), e.mentions.len()),
        (2, 3, 1)
    );
    c.bench_function("extract", |b| b.iter(|| extract(black_box(POST))));
    c.bench_function("extract+measure x", |b| {
        b.iter(|| {
            let e = extract(black_box(POST));
            measure(black_box(POST), &e, &x)
        })
    });
    c.bench_function("extract+measure all 8 platforms", |b| {
        b.iter(|| {
            let e = extract(black_box(POST));
            all.iter()
                .map(|p| measure(black_box(POST), &e, p).length)
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
