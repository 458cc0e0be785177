//! Benchmarks for the speed targets:
//! - one 600-byte Danish post with the recommended pack, in process (target < 50 µs);
//! - the CLI end to end on one draft (target < 10 ms median);
//! - a JSON Lines batch against 10,000 confidential terms (target ≥ 20 MB/s on one core), and
//!   the per-post cost with 10 vs 10,000 terms (must not grow beyond the automaton build);
//! - a guideline of 10,000 *hashed* terms of one to four words (`postlint hash-terms`): a
//!   600-byte post in under 100 µs, the linter built in under 50 ms.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postlint::{Date, Guideline, Linter, Options, Post};
use std::hint::black_box;
use std::process::Command;

/// A realistic 600-byte Danish LinkedIn post.
pub const DANISH_POST: &str = "Vi søger en ny kollega til vores team i Aarhus! 🚑\n\n\
Hos Falck får du en hverdag, hvor du gør en forskel for mennesker, når det gælder. \
Du bliver en del af et stærkt fællesskab med erfarne kolleger, og vi sørger for, \
at du får den oplæring, du har brug for. Projektet starter til foråret, og vi glæder \
os til at byde dig velkommen. Du skal have kørekort, og erfaring fra sundhedsvæsenet er et plus.\n\nKunne du tænke dig at høre mere? Skriv til mig, eller \
læs om stillingen på falck.dk/job – ansøgningsfristen er den 15. januar.\n\n\
#FalckAnsat #jobiaarhus #ambulance";

fn company_toml(terms: usize) -> String {
    let list: Vec<String> = (0..terms).map(|i| format!("\"Kodenavn{i:05}\"")).collect();
    format!(
        "extends = [\"recommended\"]\n[company]\nnames = [\"Falck\"]\ndisclosures = [\"#FalckAnsat\"]\n\
         competitors = [\"Konkurrent A/S\"]\n[[confidential]]\nterms = [{}]\n",
        list.join(", ")
    )
}

fn linter(terms: usize) -> Linter {
    let g = Guideline::from_toml(&company_toml(terms), "bench.toml").unwrap();
    Linter::with_options(
        g,
        Options::new()
            .platforms(["linkedin"])
            .date(Date::new(2026, 11, 27).unwrap()),
    )
    .unwrap()
}

fn single_post(c: &mut Criterion) {
    let recommended = Linter::with_options(
        Guideline::recommended(),
        Options::new()
            .platforms(["linkedin"])
            .date(Date::new(2026, 11, 27).unwrap()),
    )
    .unwrap();
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(DANISH_POST.len() as u64));
    g.bench_function("danish_600b_recommended", |b| {
        b.iter(|| recommended.check(&Post::new(black_box(DANISH_POST))))
    });
    g.finish();
}

/// Posts for the batch: varied drafts, some mentioning a codename.
fn batch_posts(n: usize) -> Vec<String> {
    let templates = [
        DANISH_POST,
        "We're hiring! Join our team in Copenhagen and help people when it matters most. Apply at falck.dk/job #FalckEmployee",
        "Stolt af holdet i dag: vi har rykket ud til over 300 opgaver i weekenden. Tak for indsatsen, alle sammen! 💪",
        "Kæmpe rabat! Køb nu – kun i dag: 50 % rabat på alle abonnementer. Bestil i dag, kun 499 kr.!",
        "Great panel at the conference on pre-hospital care. Three things I learned about triage and teamwork.",
    ];
    (0..n)
        .map(|i| {
            let t = templates[i % templates.len()];
            if i % 50 == 0 {
                format!(
                    "{t} Snart kan jeg fortælle mere om Kodenavn{:05}.",
                    i % 10_000
                )
            } else {
                t.to_string()
            }
        })
        .collect()
}

fn batch(c: &mut Criterion) {
    let posts = batch_posts(10_000);
    let bytes: usize = posts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("batch_10k_posts");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    for terms in [10usize, 10_000] {
        let l = linter(terms);
        g.bench_with_input(
            BenchmarkId::new("confidential_terms", terms),
            &posts,
            |b, posts| {
                b.iter(|| {
                    let mut findings = 0;
                    for p in posts {
                        findings += l.check(&Post::new(p.as_str())).findings.len();
                    }
                    black_box(findings)
                })
            },
        );
    }
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("linter_with_10k_confidential_terms", |b| {
        b.iter(|| black_box(linter(10_000)))
    });
    g.bench_function("linter_recommended", |b| {
        b.iter(|| black_box(Linter::new(Guideline::recommended()).unwrap()))
    });
    g.finish();
}

fn cli(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("postlint-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("draft.txt");
    std::fs::write(&draft, DANISH_POST).unwrap();
    let bin = env!("CARGO_BIN_EXE_postlint");
    let mut g = c.benchmark_group("cli");
    g.sample_size(30);
    g.bench_function("check_one_draft_end_to_end", |b| {
        b.iter(|| {
            let out = Command::new(bin)
                .args([
                    "check",
                    "--no-config",
                    "--platform",
                    "linkedin",
                    "--format",
                    "json",
                ])
                .arg(&draft)
                .current_dir(&dir)
                .output()
                .unwrap();
            black_box(out.status.code())
        })
    });
    g.finish();

    // The batch pipeline end to end: 10,000 JSON Lines records in, JSON Lines out, against a
    // guideline with 10,000 confidential terms (process start and guideline build included).
    let batch = dir.join("batch.jsonl");
    let mut lines = String::new();
    for (i, text) in batch_posts(10_000).iter().enumerate() {
        let record =
            serde_json::json!({"id": format!("p{i}"), "text": text, "platform": "linkedin"});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    std::fs::write(&batch, &lines).unwrap();
    let guideline = dir.join("g10k.toml");
    std::fs::write(&guideline, company_toml(10_000)).unwrap();
    let mut g = c.benchmark_group("cli_batch");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(lines.len() as u64));
    g.bench_function("jsonl_10k_posts_10k_terms", |b| {
        b.iter(|| {
            let out = Command::new(bin)
                .args([
                    "check",
                    "--date",
                    "2026-11-27",
                    "--input-format",
                    "jsonl",
                    "--format",
                    "jsonl",
                    "--config",
                ])
                .arg(&guideline)
                .arg(&batch)
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            black_box(out.code())
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// 10,000 made-up terms of one to four words ("Kobra Nordvind", "Projekt Tranen 7"), from a
/// fixed pseudo-random sequence so every run hashes the same list.
fn secret_terms() -> String {
    let syllables = [
        "kor", "ban", "tra", "nel", "vin", "sol", "mar", "dun", "ske", "hav", "ørn", "lyn", "sti",
        "bro", "fen", "gal",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let mut out = String::new();
    for _ in 0..10_000 {
        let words = 1 + next(4);
        let mut term = Vec::new();
        for _ in 0..words {
            let len = 2 + next(2);
            let w: String = (0..len).map(|_| syllables[next(16) as usize]).collect();
            term.push(w);
        }
        out.push_str(&term.join(" "));
        out.push('\n');
    }
    out
}

fn hashed_guideline(block: &str) -> Guideline {
    Guideline::from_toml(
        &format!("extends = [\"recommended\"]\n{block}"),
        "bench.toml",
    )
    .unwrap()
}

fn secret(c: &mut Criterion) {
    let block = postlint::hash_terms(&secret_terms()).unwrap();
    let options = || {
        Options::new()
            .platforms(["linkedin"])
            .date(Date::new(2026, 11, 27).unwrap())
    };
    let hashed = Linter::with_options(hashed_guideline(&block), options()).unwrap();
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(DANISH_POST.len() as u64));
    g.bench_function("danish_600b_10k_hashed_terms", |b| {
        b.iter(|| hashed.check(&Post::new(black_box(DANISH_POST))))
    });
    g.finish();
    let mut g = c.benchmark_group("build");
    g.sample_size(20);
    g.bench_function("linter_with_10k_hashed_terms", |b| {
        b.iter(|| black_box(Linter::with_options(hashed_guideline(&block), options()).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, single_post, batch, cli, secret);
criterion_main!(benches);
