//! Style: fancy Unicode letters, shouting in capitals, too many emoji, and exclamation marks.
//!
//! These rules read the document's words, sentences and entities; the one list they need (the
//! acronyms that are written in capitals anyway) is data in `rules/lexicons/acronyms.txt`,
//! parsed once per process.

use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::fancy::{fancy_runs, unfancy_char};
use crate::report::{Applicability, Edit, Severity, Span, Suggestion};
use crate::text::Lang;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// A piece of the post for a message: as written, shortened when very long.
fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Whether byte `pos` lies inside one of the post's URLs, hashtags, mentions or cashtags.
fn in_entity(cx: &Context<'_>, span: &Range<usize>) -> bool {
    let e = &cx.doc.entities;
    [&e.urls, &e.hashtags, &e.mentions, &e.cashtags]
        .iter()
        .any(|list| {
            list.iter()
                .any(|x| x.start < span.end && span.start < x.end)
        })
}

// ---------------------------------------------------------------------------------------------
// style.fancy-text
// ---------------------------------------------------------------------------------------------

/// `style.fancy-text`.
pub static FANCY_TEXT: RuleMeta = RuleMeta {
    id: "style.fancy-text",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Tekst med «fede» eller «kursive» Unicode-tegn (𝐬𝐚𝐝𝐚𝐧, 𝘴𝘢𝘥𝘢𝘯)",
        en: "Text in “bold” or “italic” Unicode characters (𝐥𝐢𝐤𝐞, 𝘵𝘩𝘪𝘴)",
    },
    explain: Local {
        da: "Sociale medier har ingen fed eller kursiv skrift, så nogle bruger tegn fra \
matematik og andre alfabeter, der ligner fede, kursive eller skrå bogstaver (𝐅𝐞𝐝, 𝘒𝘶𝘳𝘴𝘪𝘷, \
Ｂｒｅｄ, ⓒⓘⓡⓚⓔⓛ). Det ser pænt ud, men skærmlæsere læser tegnene bogstav for bogstav – \
eller slet ikke – så blinde og svagtseende kan ikke følge med. Søgning og hashtags finder \
heller ikke ordene.\n\n`--fix` skifter tegnene ud med almindelige bogstaver og lader resten \
stå.\n\nGør i stedet: fremhæv med en kort linje for sig, et tankestreg eller en enkelt emoji \
foran – ikke med særlige tegn.",
        en: "Social media have no bold or italic text, so some people use characters from \
maths and other alphabets that look bold, italic or slanted (𝐁𝐨𝐥𝐝, 𝘐𝘵𝘢𝘭𝘪𝘤, Ｗｉｄｅ, \
ⓒⓘⓡⓒⓛⓔⓓ). It looks neat, but screen readers read the characters letter by letter – or not \
at all – so blind and partially sighted readers can't follow. Search and hashtags don't find \
the words either.\n\n`--fix` swaps the characters for plain letters and leaves the rest \
alone.\n\nInstead: make a point stand out with a short line of its own, a dash or a single \
emoji in front – not with special characters.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "𝐕𝐢 𝐬ø𝐠𝐞𝐫 𝐧𝐲𝐞 𝐤𝐨𝐥𝐥𝐞𝐠𝐞𝐫 i Aarhus – søg senest fredag.",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "𝘉𝘪𝘨 𝘯𝘦𝘸𝘴: our new training centre opens on Monday.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi søger nye kolleger i Aarhus – søg senest fredag.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Big news: our new training centre opens on Monday. 2 ℓ coffee included.",
            guideline: "",
            date: "",
        },
    ],
    build: build_fancy,
};

#[derive(Debug)]
struct FancyRule;

fn build_fancy(_: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(FancyRule)
}

/// The edits that turn the fancy characters of `run` (a byte range of `text`) into plain ones:
/// one edit per stretch of fancy characters, so the spaces and punctuation between them are
/// left for other fixes (a `!!` inside a bold phrase is `style.exclamations`' to fix).
fn plain_edits(text: &str, run: Range<usize>) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for (i, c) in text[run.clone()].char_indices() {
        let at = run.start + i;
        let Some(plain) = unfancy_char(c) else {
            continue;
        };
        match edits.last_mut() {
            Some(e) if e.end == at => {
                e.end = at + c.len_utf8();
                e.replacement.push(plain);
            }
            _ => edits.push(Edit {
                start: at,
                end: at + c.len_utf8(),
                replacement: plain.to_string(),
            }),
        }
    }
    edits
}

impl Rule for FancyRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let body = cx.doc.body_text();
        let base = cx.doc.body.start;
        for (range, plain) in fancy_runs(body) {
            let run = base + range.start..base + range.end;
            let edits = plain_edits(cx.doc.text, run.clone());
            if edits.is_empty() {
                continue;
            }
            let written = quote(&cx.doc.text[run.clone()]);
            let message = match cx.locale {
                Lang::Da => format!(
                    "«{written}» er skrevet med særlige Unicode-tegn. Skærmlæsere læser dem \
bogstav for bogstav eller springer dem over, og søgning finder dem ikke."
                ),
                Lang::En => format!(
                    "“{written}” is written in special Unicode characters. Screen readers spell \
them out letter by letter or skip them, and search can't find them."
                ),
            };
            let plain = quote(&plain);
            let title = match cx.locale {
                Lang::Da => format!("Skriv med almindelige bogstaver: «{plain}»"),
                Lang::En => format!("Use plain letters: “{plain}”"),
            };
            out.emit_with(
                Span::new(run.start, run.end),
                message,
                Suggestion {
                    title,
                    applicability: Applicability::Safe,
                    edits,
                },
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// style.shouting
// ---------------------------------------------------------------------------------------------

/// Abbreviations written in capitals anyway (`rules/lexicons/acronyms.txt`), upper case.
static ACRONYMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../rules/lexicons/acronyms.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_uppercase)
        .collect()
});

/// `style.shouting`.
pub static SHOUTING: RuleMeta = RuleMeta {
    id: "style.shouting",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Ord med STORE BOGSTAVER læses som råb",
        en: "Words in CAPITALS read as shouting",
    },
    explain: Local {
        da: "Tekst med store bogstaver læses som råb, den ligner reklame, og den er sværere \
at læse, fordi ordene mister deres form. Forkortelser som EU, CEO og GDPR er fine.\n\n\
Reglen slår til ved mindst to ord i træk med store bogstaver og mindst tre bogstaver hver \
(«KÆMPE NYHED»), eller ét langt ord med store bogstaver (mindst `single_word_letters`, \
standard 6 bogstaver: «FANTASTISK»). Almindelige forkortelser (listen står i \
`rules/lexicons/acronyms.txt`) og virksomhedens navne under `[company] names` tæller ikke \
med. Tilføj jeres egne forkortelser med `acronyms = [...]`.\n\nGør i stedet: skriv med \
almindelige bogstaver, og lad ordvalget give eftertrykket.",
        en: "Text in capitals reads as shouting, looks like an advert, and is harder to read \
because words lose their shape. Abbreviations such as EU, CEO and GDPR are fine.\n\nThe rule \
fires on at least two words in a row in capitals with at least three letters each (“HUGE \
NEWS”), or one long word in capitals (at least `single_word_letters`, default 6 letters: \
“AMAZING”). Common abbreviations (the list is in `rules/lexicons/acronyms.txt`) and the \
company's names under `[company] names` don't count. Add your own abbreviations with \
`acronyms = [...]`.\n\nInstead: write in normal capitalisation and let your choice of words \
carry the emphasis.",
    },
    options: &[
        OptionSpec {
            name: "acronyms",
            kind: OptionKind::Strings,
            doc: Local {
            da: "flere forkortelser, der gerne må skrives med store bogstaver; føjes til den indbyggede liste",
            en: "more abbreviations that may be written in capitals; added to the built-in list",
        },
        },
        OptionSpec {
            name: "single_word_letters",
            kind: OptionKind::Count,
            doc: Local {
            da: "et enkelt ord med store bogstaver tæller som råb, når det har mindst så mange bogstaver; standard 6, 0 slår det fra",
            en: "a single word in capitals with at least this many letters is shouting; default 6, 0 turns it off",
        },
        },
    ],
    examples: &[
        Example {
            bad: true,
            text: "KÆMPE NYHED: Vi åbner en ny station i Ølstykke!",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "This is AMAZING news for the whole team.",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "WE ARE HIRING paramedics in Aarhus.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vores CEO talte om GDPR og NIS2 på HR-dagen i EU-regi.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Proud to see NATO and the EU train with our crews. #FALCK",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Ti år i FALCK DANMARK i dag.",
            guideline: "[company]\nnames = [\"Falck\", \"Falck Danmark\"]",
            date: "",
        },
    ],
    build: build_shouting,
};

#[derive(Debug)]
struct ShoutingRule {
    /// Extra acronyms from the option, upper case.
    acronyms: HashSet<String>,
    /// Words of the company's names: (upper case, as the guideline writes it).
    names: Vec<(String, String)>,
    single: usize,
}

fn build_shouting(b: &mut Build<'_>) -> Box<dyn Rule> {
    LazyLock::force(&ACRONYMS);
    let mut names: Vec<(String, String)> = Vec::new();
    for name in &b.guideline.company.names {
        for word in name.split(|c: char| !c.is_alphanumeric()) {
            let upper = word.to_uppercase();
            if !word.is_empty() && !names.iter().any(|(u, _)| *u == upper) {
                names.push((upper, word.to_string()));
            }
        }
    }
    Box::new(ShoutingRule {
        acronyms: b
            .strings("acronyms")
            .iter()
            .map(|a| a.to_uppercase())
            .collect(),
        names,
        single: b.int("single_word_letters", 6).max(0) as usize,
    })
}

/// The number of letters of a word written in capitals only (`KØB`, `ÆØÅ`, `DON'T`), or
/// `None` for any other word (lower-case letters, digits, letters without case).
fn caps_letters(word: &str) -> Option<usize> {
    let mut chars = word.chars();
    // Most words fail on their first letter.
    if !chars.next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut letters = 1;
    for c in chars {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return None;
            }
            letters += 1;
        } else if c.is_numeric() {
            return None;
        }
    }
    Some(letters)
}

/// One word in capitals.
#[derive(Debug, Clone)]
struct CapsWord {
    span: Range<usize>,
    letters: usize,
    /// An acronym or a word of the company's name: may be in capitals.
    exempt: bool,
}

impl ShoutingRule {
    fn is_exempt(&self, word: &str) -> bool {
        ACRONYMS.contains(word)
            || self.acronyms.contains(word)
            || self.names.iter().any(|(u, _)| u == word)
    }

    /// Whether a run of words in capitals is shouting.
    fn is_shouting(&self, run: &[CapsWord]) -> bool {
        let long = run.iter().filter(|w| !w.exempt && w.letters >= 3).count();
        long >= 2 || (self.single > 0 && run.iter().any(|w| !w.exempt && w.letters >= self.single))
    }

    /// The run in sentence case: lower case, except a word that starts a sentence, the
    /// pronoun "I", acronyms, and the company's names as the guideline writes them.
    fn sentence_case(&self, cx: &Context<'_>, run: &[CapsWord]) -> String {
        let text = cx.doc.text;
        let mut out = String::new();
        let mut pos = run[0].span.start;
        for w in run {
            out.push_str(&text[pos..w.span.start]);
            let word = &text[w.span.clone()];
            if let Some((_, written)) = self.names.iter().find(|(u, _)| u == word) {
                out.push_str(written);
            } else if w.exempt || word == "I" {
                out.push_str(word);
            } else {
                let lower = word.to_lowercase();
                if starts_sentence(cx, w.span.start) {
                    let mut cs = lower.chars();
                    if let Some(first) = cs.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                } else {
                    out.push_str(&lower);
                }
            }
            pos = w.span.end;
        }
        out
    }

    fn report(&self, cx: &Context<'_>, out: &mut Emitter<'_>, run: &[CapsWord]) {
        // Acronyms at the edges are not part of the shouting.
        let first = run.iter().position(|w| !w.exempt);
        let last = run.iter().rposition(|w| !w.exempt);
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let run = &run[first..=last];
        if !self.is_shouting(run) {
            return;
        }
        let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
        let written = quote(&cx.doc.text[span.start..span.end]);
        let fixed = self.sentence_case(cx, run);
        let message = match cx.locale {
            Lang::Da => format!(
                "«{written}» står med store bogstaver. Det læses som råb, og tekst med store \
bogstaver er sværere at læse."
            ),
            Lang::En => format!(
                "“{written}” is in capitals. It reads as shouting, and text in capitals is \
harder to read."
            ),
        };
        let shown = quote(&fixed);
        let title = match cx.locale {
            Lang::Da => format!("Skriv med almindelige bogstaver: «{shown}»"),
            Lang::En => format!("Use normal capitalisation: “{shown}”"),
        };
        out.emit_with(
            span,
            message,
            Suggestion::replace(title, Applicability::Unsafe, span, fixed),
        );
    }
}

/// Whether the word at byte `start` is the first word of its sentence.
fn starts_sentence(cx: &Context<'_>, start: usize) -> bool {
    let sentences = &cx.doc.sentences;
    let i = sentences.partition_point(|s| s.start <= start);
    if i == 0 {
        return true;
    }
    let s = &sentences[i - 1];
    start >= s.end
        || !cx.doc.text[s.start..start]
            .chars()
            .any(char::is_alphanumeric)
}

impl Rule for ShoutingRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let text = cx.doc.text;
        let mut run: Vec<CapsWord> = Vec::new();
        for w in &cx.doc.words {
            let word = &text[w.span.clone()];
            let caps = caps_letters(word).filter(|_| !in_entity(cx, &w.span));
            let Some(letters) = caps else {
                if !run.is_empty() {
                    self.report(cx, out, &run);
                    run.clear();
                }
                continue;
            };
            // A line break ends a run: a heading in capitals is its own.
            if let Some(prev) = run.last() {
                if text[prev.span.end..w.span.start].contains('\n') {
                    self.report(cx, out, &run);
                    run.clear();
                }
            }
            run.push(CapsWord {
                span: w.span.clone(),
                letters,
                exempt: self.is_exempt(word),
            });
        }
        if !run.is_empty() {
            self.report(cx, out, &run);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// style.emoji-density
// ---------------------------------------------------------------------------------------------

/// `style.emoji-density`.
pub static EMOJI_DENSITY: RuleMeta = RuleMeta {
    id: "style.emoji-density",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Mange emoji, eller den samme emoji mange gange i træk",
        en: "Many emoji, or the same emoji many times in a row",
    },
    explain: Local {
        da: "Et par emoji giver liv, men mange gør opslaget svært at læse. Skærmlæsere læser \
navnet på hver emoji højt – «brand, brand, brand, brand» – så blinde og svagtseende skal \
igennem en lang remse, før budskabet kommer. Mange emoji får også opslaget til at ligne \
reklame.\n\nReglen slår til, når opslaget har flere end `max_emoji` emoji (standard 10), \
når der er mere end én emoji pr. `words_per_emoji` ord (standard 5; kun ved mindst tre \
emoji), og når den samme emoji står flere end `max_repeat` gange i træk (standard 2).\n\n\
Gør i stedet: vælg de få emoji, der siger mest, og brug hver af dem én gang.",
        en: "A few emoji add life, but many make a post hard to read. Screen readers read out \
the name of every emoji – “fire, fire, fire, fire” – so blind and partially sighted readers \
sit through a long list before the message comes. Lots of emoji also make a post look like \
an advert.\n\nThe rule fires when the post has more than `max_emoji` emoji (default 10), when \
there is more than one emoji per `words_per_emoji` words (default 5; only with at least three \
emoji), and when the same emoji appears more than `max_repeat` times in a row (default 2).\n\n\
Instead: pick the few emoji that say the most and use each of them once.",
    },
    options: &[
        OptionSpec {
            name: "max_emoji",
            kind: OptionKind::Count,
            doc: Local {
            da: "det højeste antal emoji, et opslag må have; standard 10",
            en: "the most emoji a post may have; default 10",
        },
        },
        OptionSpec {
            name: "words_per_emoji",
            kind: OptionKind::Number,
            doc: Local {
            da: "højst én emoji pr. så mange ord (tjekkes først fra tre emoji); standard 5, 0 slår det fra",
            en: "at most one emoji per this many words (checked from three emoji on); default 5, 0 turns it off",
        },
        },
        OptionSpec {
            name: "max_repeat",
            kind: OptionKind::Count,
            doc: Local {
            da: "det højeste antal gange, den samme emoji må stå i træk; standard 2",
            en: "the most times the same emoji may stand in a row; default 2",
        },
        },
    ],
    examples: &[
        Example {
            bad: true,
            text: "Ny station 🚑🎉 i Ølstykke 💪🔥 – vi glæder os 😍🙌 til at se jer 👋",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "What a week for our crews 🔥🔥🔥🔥 thank you all for the hard work.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Ny station i Ølstykke 🚑 – vi glæder os til at se jer til åbningen på lørdag.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "What a week for our crews 🔥 thank you all for the hard work 🙏",
            guideline: "",
            date: "",
        },
    ],
    build: build_emoji,
};

#[derive(Debug)]
struct EmojiRule {
    max_emoji: usize,
    words_per_emoji: f64,
    max_repeat: usize,
}

fn build_emoji(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(EmojiRule {
        max_emoji: b.int("max_emoji", 10).max(0) as usize,
        words_per_emoji: b.float("words_per_emoji", 5.0).max(0.0),
        max_repeat: b.int("max_repeat", 2).max(1) as usize,
    })
}

impl Rule for EmojiRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let text = cx.doc.text;
        let emoji = &cx.doc.emoji;
        if emoji.is_empty() {
            return;
        }
        let n = emoji.len();
        let words = cx.doc.words.len();
        let dense = n > self.max_emoji
            || (n >= 3
                && self.words_per_emoji > 0.0
                && n as f64 * self.words_per_emoji > words as f64);
        if dense {
            let message = match cx.locale {
                Lang::Da => format!(
                    "Opslaget har {n} emoji til {words} ord. Skærmlæsere læser navnet på hver \
emoji højt, så budskabet drukner."
                ),
                Lang::En => format!(
                    "The post has {n} emoji for {words} words. Screen readers read out the name \
of every emoji, so the message gets lost."
                ),
            };
            out.emit_with(
                Span::new(emoji[0].start, emoji[0].end),
                message,
                Suggestion::advice(cx.t(
                    "Behold de få emoji, der siger mest, og slet resten.",
                    "Keep the few emoji that say the most and delete the rest.",
                )),
            );
        }
        // Runs of the same emoji, with nothing but spaces between them.
        let mut i = 0;
        while i < n {
            let first = &text[emoji[i].clone()];
            let mut j = i + 1;
            while j < n
                && &text[emoji[j].clone()] == first
                && text[emoji[j - 1].end..emoji[j].start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{FE0F}')
            {
                j += 1;
            }
            let k = j - i;
            if k > self.max_repeat {
                let span = Span::new(emoji[i].start, emoji[j - 1].end);
                let message = match cx.locale {
                    Lang::Da => format!(
                        "{k} ens emoji i træk ({first}). En skærmlæser siger navnet {k} gange."
                    ),
                    Lang::En => format!(
                        "{k} identical emoji in a row ({first}). A screen reader says its name \
{k} times."
                    ),
                };
                let title = match cx.locale {
                    Lang::Da => format!("Brug den én gang: {first}"),
                    Lang::En => format!("Use it once: {first}"),
                };
                out.emit_with(
                    span,
                    message,
                    Suggestion::replace(title, Applicability::Unsafe, span, first),
                );
            }
            i = j;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// style.exclamations
// ---------------------------------------------------------------------------------------------

/// `style.exclamations`.
pub static EXCLAMATIONS: RuleMeta = RuleMeta {
    id: "style.exclamations",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Flere udråbstegn i træk (!!!), eller udråbstegn efter de fleste sætninger",
        en: "Several exclamation marks in a row (!!!), or after most sentences",
    },
    explain: Local {
        da: "Et udråbstegn kan vise glæde, men flere i træk («!!!») virker råbende og ligner \
reklame eller spam. Og når næsten hver sætning slutter med udråbstegn, mister de deres \
virkning – intet skiller sig ud længere.\n\nReglen slår til ved to eller flere udråbstegn i \
træk (`--fix` gør dem til ét), og når mere end `max_share` af sætningerne slutter med \
udråbstegn (standard 0,5, altså over halvdelen; kun i opslag med mindst `min_sentences` \
sætninger, standard 3).\n\nGør i stedet: brug ét udråbstegn, hvor det betyder mest, og \
punktum i resten.",
        en: "One exclamation mark can show joy, but several in a row (“!!!”) feel like \
shouting and look like an advert or spam. And when nearly every sentence ends with one, they \
lose their effect – nothing stands out any more.\n\nThe rule fires on two or more exclamation \
marks in a row (`--fix` turns them into one), and when more than `max_share` of the sentences \
end with an exclamation mark (default 0.5, i.e. over half; only in posts with at least \
`min_sentences` sentences, default 3).\n\nInstead: use one exclamation mark where it matters \
most, and full stops elsewhere.",
    },
    options: &[
        OptionSpec {
            name: "max_share",
            kind: OptionKind::Number,
            doc: Local {
            da: "den største andel (0–1) af sætningerne, der må slutte med \"!\"; standard 0.5 (halvdelen)",
            en: "the largest share (0–1) of sentences that may end with \"!\"; default 0.5",
        },
        },
        OptionSpec {
            name: "min_sentences",
            kind: OptionKind::Count,
            doc: Local {
            da: "andelen vurderes kun i opslag med mindst så mange sætninger; standard 3",
            en: "the share is only judged in posts with at least this many sentences; default 3",
        },
        },
    ],
    examples: &[
        Example {
            bad: true,
            text: "Vi har fået en ny ambulance!!! Kom og se den på lørdag.",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "We did it! New station open! Come and visit! Coffee is on us.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi har fået en ny ambulance! Kom og se den på lørdag.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "We did it! The new station is open. Come and visit on Saturday.",
            guideline: "",
            date: "",
        },
    ],
    build: build_exclamations,
};

#[derive(Debug)]
struct ExclamationRule {
    max_share: f64,
    min_sentences: usize,
}

fn build_exclamations(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(ExclamationRule {
        max_share: b.float("max_share", 0.5),
        min_sentences: b.int("min_sentences", 3).max(1) as usize,
    })
}

/// The byte offset of the `!` that ends `sentence` (after closing quotes, brackets and
/// emoji), if it ends with one.
fn final_bang(sentence: &str) -> Option<usize> {
    for (i, c) in sentence.char_indices().rev() {
        if c == '!' {
            return Some(i);
        }
        if c.is_alphanumeric() || matches!(c, '.' | '?' | '…') {
            return None;
        }
    }
    None
}

impl Rule for ExclamationRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let text = cx.doc.text;
        let body = cx.doc.body.clone();
        let bytes = text.as_bytes();
        // Runs of `!`.
        let mut i = body.start;
        while i < body.end {
            if bytes[i] != b'!' {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < body.end && bytes[j] == b'!' {
                j += 1;
            }
            if j - i >= 2 && !in_entity(cx, &(i..j)) {
                let run = &text[i..j];
                let message = match cx.locale {
                    Lang::Da => format!(
                        "«{run}» – ét udråbstegn er nok. Flere i træk virker råbende og kan \
ligne spam."
                    ),
                    Lang::En => format!(
                        "“{run}” – one exclamation mark is enough. Several in a row feel like \
shouting and can look like spam."
                    ),
                };
                out.emit_with(
                    Span::new(i, j),
                    message,
                    Suggestion::replace(
                        cx.t("Skriv ét udråbstegn", "Use one exclamation mark"),
                        Applicability::Safe,
                        Span::new(i, j),
                        "!",
                    ),
                );
            }
            i = j;
        }
        // The share of sentences that end with `!`.
        let total = cx.doc.sentences.len();
        if total < self.min_sentences {
            return;
        }
        let bangs: Vec<usize> = cx
            .doc
            .sentences
            .iter()
            .filter_map(|s| final_bang(&text[s.clone()]).map(|o| s.start + o))
            .collect();
        let k = bangs.len();
        if k > 0 && k as f64 > self.max_share * total as f64 {
            let message = match cx.locale {
                Lang::Da => format!(
                    "{k} af {total} sætninger slutter med udråbstegn. Når alt er udråb, mister \
de deres virkning."
                ),
                Lang::En => format!(
                    "{k} of {total} sentences end with an exclamation mark. When everything is \
exclaimed, nothing stands out."
                ),
            };
            let at = bangs[0];
            out.emit_with(
                Span::new(at, at + 1),
                message,
                Suggestion::advice(cx.t(
                    "Behold udråbstegnet, hvor det betyder mest, og slut de andre sætninger med punktum.",
                    "Keep the exclamation mark where it matters most and end the other sentences with a full stop.",
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_words() {
        assert_eq!(caps_letters("KØB"), Some(3));
        assert_eq!(caps_letters("ÆØÅ"), Some(3));
        assert_eq!(caps_letters("SÅDAN"), Some(5));
        assert_eq!(caps_letters("DON'T"), Some(4));
        assert_eq!(caps_letters("I"), Some(1));
        assert_eq!(caps_letters("Køb"), None);
        assert_eq!(caps_letters("LinkedIn"), None);
        assert_eq!(caps_letters("kØB"), None);
        assert_eq!(caps_letters("COVID19"), None);
        assert_eq!(caps_letters("A380"), None);
        assert_eq!(caps_letters("日本"), None);
        assert_eq!(caps_letters(""), None);
    }

    #[test]
    fn acronym_list_loads() {
        for a in [
            "NATO", "EU", "CEO", "HR", "IT", "GDPR", "NDA", "COVID", "APS",
        ] {
            assert!(ACRONYMS.contains(a), "{a}");
        }
        assert!(!ACRONYMS.contains("KÆMPE"));
    }

    #[test]
    fn sentence_bangs() {
        assert_eq!(final_bang("Hej!"), Some(3));
        assert_eq!(final_bang("Hej!\u{201D}"), Some(3));
        assert_eq!(final_bang("Hej! 🎉"), Some(3));
        assert_eq!(final_bang("Hej?!"), Some(4));
        assert_eq!(final_bang("Hej!?"), None);
        assert_eq!(final_bang("Hej."), None);
        assert_eq!(final_bang("Hej"), None);
    }

    #[test]
    fn fancy_edits_leave_joiners() {
        let t = "𝐖𝐎𝐖!! 𝐍𝐲𝐭";
        let runs = fancy_runs(t);
        assert_eq!(runs.len(), 1);
        let edits = plain_edits(t, runs[0].0.clone());
        let texts: Vec<&str> = edits.iter().map(|e| e.replacement.as_str()).collect();
        assert_eq!(texts, ["WOW", "Nyt"]);
        assert_eq!(&t[edits[0].end..edits[1].start], "!! ");
    }
}
