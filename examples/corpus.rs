//! The throughput corpus (issue 13's benchmark): a deterministic, seeded JSON Lines batch of
//! mixed Danish and English posts — SMS-like and LinkedIn-like, two to six sentences each,
//! with links, hashtags, mentions, prices and now and then a codename — and a guideline of
//! 10,000 random confidential terms of one to three words on top of `recommended`.
//!
//! ```sh
//! cargo run --release --example corpus -- target/bench-corpus [MEGABYTES] [TERMS]
//! ```
//!
//! writes `posts.jsonl` (10 MB by default), `terms.txt` (one term a line), `guideline.toml`,
//! `guideline-10.toml` (the first 10 terms only, for the ±15 % check) and `draft.txt` (one
//! LinkedIn-like draft for the cold start). The same arguments give the same bytes on every
//! machine.

use std::fmt::Write as _;
use std::path::PathBuf;

/// xorshift64*: a few lines, fast, and the same sequence everywhere (a benchmark corpus
/// needs reproducibility, not cryptographic quality).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const DA_OPEN: &[&str] = &[
    "I dag startede tre nye kolleger på vagtcentralen i Aarhus",
    "Tak til alle, der kom forbi vores stand på messen i Bella Center",
    "Vi søger en erfaren projektleder til vores team i Odense",
    "Det har været et travlt kvartal for hele afdelingen",
    "Jeg er stolt af det arbejde, mine kolleger har lavet i år",
    "Husk at tjekke dæktrykket, før du kører på ferie",
    "Lige nu kan du få 20 % rabat på årsabonnementet",
    "Vores nye app gør det nemt at bestille vejhjælp",
    "Fem gode råd til en sikker vintertur",
    "Efter ti år i virksomheden har jeg lært meget om ledelse",
];
const DA_MIDDLE: &[&str] = &[
    "Det betyder meget for os at kunne hjælpe, når det gælder",
    "Læs mere om stillingen og søg senest fredag",
    "Vi glæder os til at vise jer resultaterne i foråret",
    "Tilbuddet gælder kun til og med søndag",
    "Holdet har arbejdet hårdt for at nå målet før tiden",
    "Skriv til mig, hvis du vil høre mere om jobbet",
    "Kunderne har taget godt imod den nye løsning",
    "Det er en fornøjelse at arbejde sammen med så dygtige mennesker",
    "Prisen starter ved 449 kr. om måneden",
    "Vi holder åbent hus på lørdag fra klokken 10 til 14",
    "Sikkerheden kommer altid først, også når det går stærkt",
    "Tak for et godt samarbejde med kommunen og frivillige",
];
const EN_OPEN: &[&str] = &[
    "Three new colleagues joined our dispatch centre in Aarhus today",
    "Thank you to everyone who visited our stand at the trade fair",
    "We are hiring an experienced project manager for our team in Odense",
    "It has been a busy quarter for the whole department",
    "I am proud of the work my colleagues have done this year",
    "Check your tyre pressure before you drive off on holiday",
    "Right now you can get 20% off the annual subscription",
    "Our new app makes it easy to order roadside assistance",
    "Five tips for a safe winter drive",
    "After ten years at the company I have learned a lot about leadership",
];
const EN_MIDDLE: &[&str] = &[
    "It means a lot to us to be able to help when it matters",
    "Read more about the role and apply by Friday",
    "We look forward to sharing the results with you in the spring",
    "The offer is only valid until Sunday",
    "The team has worked hard to reach the goal ahead of time",
    "Send me a message if you want to hear more about the job",
    "Customers have welcomed the new solution",
    "It is a pleasure to work with such talented people",
    "Prices start at 449 kr. a month",
    "We are holding an open house on Saturday from 10 to 2",
    "Safety always comes first, even when things move fast",
    "Thanks for a great collaboration with the municipality and volunteers",
];
const LINKS: &[&str] = &[
    "https://www.example.dk/job/projektleder",
    "https://example.com/news/winter-tips?utm_source=linkedin&utm_medium=social",
    "https://bit.ly/3xYzAbc",
    "https://shop.example.dk/vejhjaelp",
    "https://www.example.com/careers",
];
const TAGS: &[&str] = &[
    "#job",
    "#karriere",
    "#vinter",
    "#sikkerhed",
    "#teamwork",
    "#hiring",
    "#stolt",
    "#nyhed",
];
const MENTIONS: &[&str] = &["@falck", "@example", "@kommunikation", "@sarah_h"];
const SYLLABLES: &[&str] = &[
    "nor", "dal", "vik", "ha", "vørn", "tra", "nen", "kob", "ra", "lys", "fjord", "sol", "mar",
    "bel", "isk", "tå", "ren", "ulv", "elm", "gran", "stor", "mø", "ske", "bakke",
];

fn word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut w = String::new();
    for _ in 0..n {
        w.push_str(rng.pick(SYLLABLES));
    }
    let mut c = w.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => w,
    }
}

fn term(rng: &mut Rng) -> String {
    let words = 1 + rng.below(3);
    let mut t = Vec::with_capacity(words);
    for _ in 0..words {
        t.push(word(rng));
    }
    if rng.chance(15) {
        t.push((2 + rng.below(9)).to_string());
    }
    t.join(" ")
}

fn post(rng: &mut Rng, terms: &[String]) -> String {
    let danish = rng.chance(55);
    let (open, middle) = if danish {
        (DA_OPEN, DA_MIDDLE)
    } else {
        (EN_OPEN, EN_MIDDLE)
    };
    let linkedin = rng.chance(60);
    let sentences = if linkedin {
        3 + rng.below(4)
    } else {
        2 + rng.below(2)
    };
    let mut s = String::new();
    s.push_str(rng.pick(open));
    s.push_str(if rng.chance(20) { "! " } else { ". " });
    for i in 1..sentences {
        s.push_str(rng.pick(middle));
        if i == 1 && rng.chance(4) && !terms.is_empty() {
            let _ = write!(s, " – {}", terms[rng.below(terms.len())]);
        }
        s.push_str(if rng.chance(10) { "? " } else { ". " });
    }
    if rng.chance(40) {
        let _ = write!(s, "{} ", rng.pick(LINKS));
    }
    if rng.chance(25) {
        let _ = write!(s, "{} ", rng.pick(MENTIONS));
    }
    if linkedin && rng.chance(70) {
        s.push_str("\n\n");
        for _ in 0..1 + rng.below(4) {
            let _ = write!(s, "{} ", rng.pick(TAGS));
        }
    }
    if rng.chance(15) {
        s.push_str(if danish { "🚑 " } else { "👏 " });
    }
    s.trim_end().to_string()
}

fn toml_list(terms: &[String]) -> String {
    let quoted: Vec<String> = terms.iter().map(|t| format!("{t:?}")).collect();
    quoted.join(", ")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench-corpus".into()));
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let term_count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    std::fs::create_dir_all(&dir).expect("the corpus folder");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut terms: Vec<String> = Vec::with_capacity(term_count);
    let mut seen = std::collections::HashSet::new();
    while terms.len() < term_count {
        let t = term(&mut rng);
        if seen.insert(t.to_lowercase()) {
            terms.push(t);
        }
    }
    let mut out = String::with_capacity(megabytes << 20);
    let mut n = 0usize;
    while out.len() < megabytes * 1_000_000 {
        n += 1;
        let text = post(&mut rng, &terms);
        let platform = if rng.chance(50) { "linkedin" } else { "x" };
        let _ = writeln!(
            out,
            "{{\"id\":\"p{n}\",\"platform\":\"{platform}\",\"text\":{}}}",
            serde_json::Value::String(text)
        );
    }
    let guideline = |list: &[String]| {
        format!(
            "extends = [\"recommended\"]\n\n[company]\nnames = [\"Example A/S\"]\n\n[[confidential]]\nterms = [{}]\n",
            toml_list(list)
        )
    };
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    write("posts.jsonl", &out);
    write("terms.txt", &(terms.join("\n") + "\n"));
    write("guideline.toml", &guideline(&terms));
    write(
        "guideline-10.toml",
        &guideline(&terms[..terms.len().min(10)]),
    );
    let mut draft = post(&mut Rng(7), &terms);
    while draft.len() < 600 {
        draft.push(' ');
        draft.push_str(&post(&mut Rng(draft.len() as u64 + 1), &terms));
    }
    write("draft.txt", &(draft + "\n"));
    eprintln!(
        "{}: {n} posts, {:.1} MB; {} terms",
        dir.display(),
        out.len() as f64 / 1e6,
        terms.len()
    );
}
