//! Hashtags: too many for the platform, long lower-case ones that screen readers cannot read,
//! and a wall of them at the end of the post.

use super::length::{display_name, emit_merged, join_list, one_level_higher, Pending};
use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::builtin;
use crate::entities::Entity;
use crate::report::{Applicability, Severity, Span, Suggestion};
use crate::text::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------------
// hashtags.too-many
// ---------------------------------------------------------------------------------------------

/// `hashtags.too-many`.
pub static TOO_MANY: RuleMeta = RuleMeta {
    id: "hashtags.too-many",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Flere hashtags, end platformen tillader eller anbefaler",
        en: "More hashtags than the platform allows or recommends",
    },
    explain: Local {
        da: "Mange hashtags giver ikke mere rækkevidde – de får opslaget til at ligne spam, \
og platformene skubber det ned. X anbefaler højst 2, Facebook 1–2, LinkedIn, Instagram og \
TikTok 3–5, Threads 1. Instagram tillader højst 30 – med flere bliver opslaget ikke udgivet.\n\n\
Reglen gælder for de platforme, der tjekkes. Over platformens anbefaling er fundet en \
advarsel (reglens niveau); over den hårde grænse er det ét niveau højere (en fejl).\n\n\
Gør i stedet: behold de 2–3 hashtags, der betyder mest for dem, du vil nå – og slet resten.\n\n\
Indstilling: `max` – dit eget anbefalede maksimum, der gælder på alle platforme (også når \
ingen platform er valgt) i stedet for platformens.",
        en: "More hashtags do not bring more reach – they make the post look like spam, and \
the platforms push it down. X recommends at most 2, Facebook 1–2, LinkedIn, Instagram and \
TikTok 3–5, Threads 1. Instagram allows at most 30 – with more, the post is not published.\n\n\
The rule applies to the platforms being checked. Over the platform's recommendation the \
finding is a warning (the rule's severity); over the hard limit it is one level higher (an \
error).\n\nInstead: keep the 2–3 hashtags that matter most to the people you want to reach – \
and delete the rest.\n\nOption: `max` – your own recommended maximum, used on every platform \
(also when no platform is chosen) instead of the platform's.",
    },
    options: &[OptionSpec {
        name: "max",
        kind: OptionKind::Count,
        doc: Local {
            da: "dit eget anbefalede maksimum på alle platforme i stedet for platformens (X 2, LinkedIn 5 …); gælder også, når der ikke er valgt en platform; standard: platformens eget",
            en: "the recommended maximum on every platform, instead of the platform's own \
(X 2, LinkedIn 5, …); also applies when no platform is checked; default: the platform's",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "Ny uge, nye muligheder! #job #karriere #ambulance #redning #sundhed #FalckAnsat",
            guideline: "platforms = [\"linkedin\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "Great day at the training centre. #CPR #FirstAid #LifeAtFalck",
            guideline: "platforms = [\"x\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "Great day at the training centre. #CPR #FirstAid #LifeAtFalck",
            guideline: "[rules.\"hashtags.too-many\"]\nmax = 2",
            date: "",
        },
        Example {
            bad: false,
            text: "Ny uge, nye muligheder i Aarhus. #job #FalckAnsat",
            guideline: "platforms = [\"linkedin\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Great day at the training centre. #CPR #LifeAtFalck",
            guideline: "platforms = [\"x\", \"linkedin\"]",
            date: "",
        },
    ],
    build: build_too_many,
};

fn build_too_many(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(TooManyRule {
        max: count_option(b, "max"),
    })
}

/// A whole-number option, when the guideline sets it.
pub(crate) fn count_option(b: &Build<'_>, name: &str) -> Option<usize> {
    b.settings
        .options
        .get(name)
        .and_then(toml::Value::as_integer)
        .and_then(|i| usize::try_from(i).ok())
}

#[derive(Debug)]
struct TooManyRule {
    max: Option<usize>,
}

impl Rule for TooManyRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let tags = &cx.doc.entities.hashtags;
        let n = tags.len();
        let span_from = |max: usize| Span::new(tags[max].start, tags[n - 1].end);
        let mut pending = Vec::new();
        if cx.platforms.is_empty() {
            if let Some(max) = self.max.filter(|&m| n > m) {
                pending.push(Pending {
                    span: span_from(max),
                    message: match cx.locale {
                        Lang::Da => format!(
                            "Opslaget har {n} hashtags – anbefalingen er højst {max}. Flere ligner spam."
                        ),
                        Lang::En => format!(
                            "The post has {n} hashtags – the recommendation is at most {max}. More looks like spam."
                        ),
                    },
                    severity: out.severity(),
                    suggestions: vec![keep_advice(cx, max)],
                });
            }
        }
        // Platforms grouped by the limit they break: (hard cap?, limit, platform names).
        let mut groups: Vec<(bool, usize, Vec<&str>)> = Vec::new();
        for (profile, _) in cx.platforms {
            let name = display_name(&profile.name);
            let broken = match (
                profile.max_hashtags,
                self.max.or(profile.recommended_hashtags),
            ) {
                (Some(cap), _) if n > cap => (true, cap),
                (_, Some(rec)) if n > rec => (false, rec),
                _ => continue,
            };
            match groups
                .iter_mut()
                .find(|(hard, max, _)| (*hard, *max) == broken)
            {
                Some(g) => g.2.push(name),
                None => groups.push((broken.0, broken.1, vec![name])),
            }
        }
        for (hard, max, names) in groups {
            let platforms = join_list(&names, cx.locale);
            let message = match (hard, cx.locale) {
                (true, Lang::Da) => format!(
                    "{platforms} tillader højst {max} hashtags, og opslaget har {n}. Med så mange \
bliver det ikke udgivet."
                ),
                (true, Lang::En) => format!(
                    "{platforms} allows at most {max} hashtags, and the post has {n}. With that \
many it will not be published."
                ),
                (false, Lang::Da) => format!(
                    "Opslaget har {n} hashtags – på {platforms} anbefales højst {max}. Flere \
ligner spam og giver ikke mere rækkevidde."
                ),
                (false, Lang::En) => format!(
                    "The post has {n} hashtags – at most {max} {} recommended on {platforms}. \
More looks like spam and brings no extra reach.",
                    if max == 1 { "is" } else { "are" }
                ),
            };
            pending.push(Pending {
                span: span_from(max),
                message,
                severity: if hard {
                    one_level_higher(out.severity())
                } else {
                    out.severity()
                },
                suggestions: vec![keep_advice(cx, max)],
            });
        }
        emit_merged(out, pending, " ");
    }
}

fn keep_advice(cx: &Context<'_>, max: usize) -> Suggestion {
    Suggestion::advice(match (cx.locale, max) {
        (Lang::Da, 0) => "Slet hashtaggene, og skriv ordene som almindelig tekst.".to_string(),
        (Lang::En, 0) => "Delete the hashtags and write the words as plain text.".to_string(),
        (Lang::Da, 1) => "Behold det hashtag, der betyder mest, og slet resten.".to_string(),
        (Lang::En, 1) => "Keep the one hashtag that matters most and delete the rest.".to_string(),
        (Lang::Da, 2) => "Behold de 2 hashtags, der betyder mest, og slet resten.".to_string(),
        (Lang::En, 2) => "Keep the 2 hashtags that matter most and delete the rest.".to_string(),
        (Lang::Da, _) => "Behold de 2–3 hashtags, der betyder mest, og slet resten.".to_string(),
        (Lang::En, _) => "Keep the 2–3 hashtags that matter most and delete the rest.".to_string(),
    })
}

// ---------------------------------------------------------------------------------------------
// hashtags.casing
// ---------------------------------------------------------------------------------------------

/// `hashtags.casing`.
pub static CASING: RuleMeta = RuleMeta {
    id: "hashtags.casing",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Lange hashtags af flere ord skal have stort begyndelsesbogstav i hvert ord",
        en: "Long hashtags made of several words need a capital for each word",
    },
    explain: Local {
        da: "Et hashtag som #ønskejobiaarhus er svært at læse – og en skærmlæser, som blinde \
og svagsynede bruger, læser det op som ét langt, uforståeligt ord. Skriver du hvert ord med \
stort begyndelsesbogstav (#ØnskejobIAarhus), læses det rigtigt op, og alle kan læse det \
hurtigere. Hashtagget virker præcis som før: store og små bogstaver gør ingen forskel for \
søgningen.\n\nReglen ser på hashtags med mindst 12 bogstaver, der kun har små bogstaver. Den \
deler dem i ord med en dansk og en engelsk ordliste og foreslår den rigtige skrivemåde, når \
det lykkes. Hashtags, der er ét kendt ord (#sygeplejerske), og danske sammensatte ord uden \
småord (#ambulancebehandler) bliver ikke markeret.\n\nIndstilling: `min_length` – hvor mange \
bogstaver et hashtag skal have, før reglen ser på det (standard 12).",
        en: "A hashtag like #mentalhealthawareness is hard to read – and a screen reader, used \
by blind and partially sighted people, reads it out as one long, meaningless word. With a \
capital for each word (#MentalHealthAwareness) it is read out correctly, and everyone reads \
it faster. The hashtag works exactly as before: capitals make no difference to search.\n\n\
The rule looks at hashtags of at least 12 letters written all in lower case. It splits them \
into words with a Danish and an English word list and suggests the right spelling when that \
works. Hashtags that are one known word (#ambulance) and Danish compound words without small \
words (#ambulancebehandler) are not flagged.\n\nOption: `min_length` – how many letters a \
hashtag needs before the rule looks at it (default 12).",
    },
    options: &[OptionSpec {
        name: "min_length",
        kind: OptionKind::Count,
        doc: Local {
            da: "et hashtag med kun små bogstaver bliver tjekket, når det har mindst så mange bogstaver; standard 12",
            en: "the number of letters from which an all-lower-case hashtag is checked; default 12",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "Vi søger kolleger! #ønskejobiaarhus #FalckAnsat",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Proud to support this month's campaign. #mentalhealthawareness",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi søger kolleger! #ØnskejobIAarhus #sygeplejerske #ambulancebehandler",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Proud to support this month's campaign. #MentalHealthAwareness #dkpol",
            guideline: "",
            date: "",
        },
    ],
    build: build_casing,
};

fn build_casing(b: &mut Build<'_>) -> Box<dyn Rule> {
    // The word lists are parsed once per process, here rather than on the first post.
    LazyLock::force(&LEXICON);
    Box::new(CasingRule {
        min_length: count_option(b, "min_length").unwrap_or(12).max(2),
    })
}

#[derive(Debug)]
struct CasingRule {
    min_length: usize,
}

impl Rule for CasingRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for tag in &cx.doc.entities.hashtags {
            let Some(verdict) = judge(&tag.text, self.min_length) else {
                continue;
            };
            let written = cx.slice(Span::new(tag.start, tag.end));
            let span = Span::new(tag.start, tag.end);
            match verdict {
                Casing::Split(words) => {
                    let sigil = &written[..written.len() - tag.text.len()];
                    let camel = format!("{sigil}{}", camel_case(&tag.text, &words));
                    let message = match cx.locale {
                        Lang::Da => format!(
                            "Skriv «{written}» med stort begyndelsesbogstav i hvert ord: «{camel}». \
Så læser skærmlæsere det op som ord, og det er lettere for alle at læse."
                        ),
                        Lang::En => format!(
                            "Write “{written}” with a capital for each word: “{camel}”. Screen \
readers then read it out as words, and it is easier for everyone to read."
                        ),
                    };
                    let title = match cx.locale {
                        Lang::Da => format!("Skriv «{camel}»"),
                        Lang::En => format!("Write “{camel}”"),
                    };
                    out.emit_with(
                        span,
                        message,
                        Suggestion::replace(title, Applicability::Display, span, camel),
                    );
                }
                Casing::Unsplit => {
                    let message = match cx.locale {
                        Lang::Da => format!(
                            "«{written}» er et langt hashtag med små bogstaver. Består det af flere \
ord, så skriv hvert ord med stort begyndelsesbogstav, så skærmlæsere kan læse det op."
                        ),
                        Lang::En => format!(
                            "“{written}” is a long hashtag in lower case. If it is made of \
several words, give each word a capital so that screen readers can read it out."
                        ),
                    };
                    out.emit_with(
                        span,
                        message,
                        Suggestion::advice(cx.t(
                            "Skriv hvert ord med stort begyndelsesbogstav, fx #SundhedOgTrivsel.",
                            "Give each word a capital, e.g. #CustomerExperience.",
                        )),
                    );
                }
            }
        }
    }
}

/// What the casing rule makes of a hashtag.
#[derive(Debug, PartialEq, Eq)]
enum Casing {
    /// Several words: the byte offsets in the tag where each word starts.
    Split(Vec<usize>),
    /// Probably several words, but the word lists cannot split it all.
    Unsplit,
}

/// Whether a hashtag (text without `#`) needs capitals, and where its words start.
///
/// Only tags of lower-case letters (no digits, `_` or capitals: those are already readable or
/// not words) with at least `min_length` letters are looked at. Then:
/// * a full split into known words (see [`segment`]) of two or more words fires, unless it
///   reads as one Danish compound word: every part Danish, none of them a small word such as
///   "i", "og", "på" (`#ambulancebehandler` = ambulance + behandler), and not every part
///   English (`#digitalinnovation` reads as two English words);
/// * without a full split, a split with at most a quarter of the letters unknown and at least
///   two known words (of four letters or more, see [`segment_partial`]) gives plain advice, on
///   the same condition.
fn judge(tag: &str, min_length: usize) -> Option<Casing> {
    let mut letters = 0;
    for c in tag.chars() {
        if !c.is_alphabetic() || !c.is_lowercase() {
            return None;
        }
        letters += 1;
    }
    if letters < min_length {
        return None;
    }
    let lex = &*LEXICON;
    if let Some(words) = segment(tag, lex) {
        if words.len() < 2 || is_compound(tag, &words, lex) {
            return None;
        }
        return Some(Casing::Split(words));
    }
    let pieces = segment_partial(tag, lex);
    let unknown: usize = pieces
        .iter()
        .filter(|p| !p.known)
        .map(|p| tag[p.range()].chars().count())
        .sum();
    let known: Vec<&Piece> = pieces.iter().filter(|p| p.known).collect();
    if unknown * 4 > letters || known.len() < 2 {
        return None;
    }
    let starts: Vec<usize> = known.iter().map(|p| p.start).collect();
    let ends: Vec<usize> = known.iter().map(|p| p.end).collect();
    if is_compound_parts(tag, &starts, &ends, lex) {
        return None;
    }
    Some(Casing::Unsplit)
}

/// Whether the split reads as one Danish compound word (see [`judge`]).
fn is_compound(tag: &str, starts: &[usize], lex: &Lexicon) -> bool {
    let ends: Vec<usize> = starts[1..]
        .iter()
        .copied()
        .chain(std::iter::once(tag.len()))
        .collect();
    is_compound_parts(tag, starts, &ends, lex)
}

fn is_compound_parts(tag: &str, starts: &[usize], ends: &[usize], lex: &Lexicon) -> bool {
    let words = || starts.iter().zip(ends).map(|(&s, &e)| &tag[s..e]);
    let all_english = words().all(|w| lex.flags(w) & EN != 0);
    let danish_compound = words().all(|w| lex.flags(w) & DA != 0 && !DA_SMALL_WORDS.contains(&w));
    danish_compound && !all_english
}

/// Danish words that are rarely part of a compound word: a split containing one is a phrase
/// (`#jobiaarhus`, `#sundhedogtrivsel`). Prepositions that often start compounds (`for`,
/// `til`, `med`, `over`, `efter` …: `forandring`, `medarbejder`) are left out on purpose.
const DA_SMALL_WORDS: &[&str] = &[
    "i", "og", "på", "at", "en", "et", "er", "jeg", "vi", "du", "min", "mit", "mine", "vores",
    "jeres", "den", "det", "de", "som", "hos", "eller", "men", "så", "nu", "her", "der", "har",
    "kan", "skal", "vil", "ikke",
];

/// `starts` are the byte offsets where each word starts: capitalise those letters.
fn camel_case(tag: &str, starts: &[usize]) -> String {
    let mut out = String::with_capacity(tag.len() + 4);
    for (i, c) in tag.char_indices() {
        if i == 0 || starts.contains(&i) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

const DA: u8 = 1;
const EN: u8 = 2;

/// The Danish and English word lists (`rules/lexicons/words-{da,en}.txt`), each word with the
/// languages it belongs to.
#[derive(Debug)]
struct Lexicon {
    words: HashMap<&'static str, u8>,
    /// The longest word, in bytes (bounds the split's inner loop).
    max_len: usize,
}

impl Lexicon {
    fn flags(&self, word: &str) -> u8 {
        self.words.get(word).copied().unwrap_or(0)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words = HashMap::with_capacity(9000);
    let mut max_len = 0;
    for (file, flag) in [("lexicons/words-da.txt", DA), ("lexicons/words-en.txt", EN)] {
        for w in builtin::list_lines(builtin::file(file).unwrap_or("")) {
            max_len = usize::max(max_len, w.len());
            *words.entry(w).or_insert(0) |= flag;
        }
    }
    Lexicon { words, max_len }
});

/// Splits a lower-case `tag` into known words, preferring the fewest words and then the
/// longest ones (the largest sum of squared word lengths): `ønskejobiaarhus` → `ønskejob`,
/// `i`, `aarhus`, not `ønske`, `job`, … Returns the byte offset where each word starts, or
/// `None` when no split into known words exists. One-letter words are only those on the lists
/// (`i`, `a`). Dynamic programming over char boundaries: O(n · longest word).
fn segment(tag: &str, lex: &Lexicon) -> Option<Vec<usize>> {
    let bounds: Vec<usize> = tag
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(tag.len()))
        .collect();
    // best[k] = (words, -sum of squares, previous boundary index) for tag[..bounds[k]].
    let mut best: Vec<Option<(usize, isize, usize)>> = vec![None; bounds.len()];
    best[0] = Some((0, 0, 0));
    for k in 1..bounds.len() {
        let end = bounds[k];
        for j in (0..k).rev() {
            let start = bounds[j];
            if end - start > lex.max_len {
                break;
            }
            let Some((words, neg_sq, _)) = best[j] else {
                continue;
            };
            if lex.flags(&tag[start..end]) == 0 {
                continue;
            }
            let len = (k - j) as isize;
            let candidate = (words + 1, neg_sq - len * len, j);
            if best[k].is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                best[k] = Some(candidate);
            }
        }
    }
    let mut starts = Vec::new();
    let mut k = bounds.len() - 1;
    best[k]?;
    while k > 0 {
        let (_, _, prev) = best[k]?;
        starts.push(bounds[prev]);
        k = prev;
    }
    starts.reverse();
    Some(starts)
}

/// A piece of a partial split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    start: usize,
    end: usize,
    known: bool,
}

impl Piece {
    fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Splits `tag` into known words of at least four letters and runs of unknown letters, with
/// the fewest unknown letters, then the fewest pieces. Shorter words are left out because they
/// fit almost anywhere: with them, `klimaforandringer` would become `klima`, `for`, `and`, …
fn segment_partial(tag: &str, lex: &Lexicon) -> Vec<Piece> {
    let bounds: Vec<usize> = tag
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(tag.len()))
        .collect();
    // best[k] = (unknown letters, pieces, previous index, known) for tag[..bounds[k]].
    let mut best: Vec<(usize, usize, usize, bool)> = vec![(usize::MAX, 0, 0, false); bounds.len()];
    best[0] = (0, 0, 0, true);
    for k in 1..bounds.len() {
        // One unknown letter, extending an unknown run when the previous piece is one.
        let (u, p, _, known) = best[k - 1];
        if u != usize::MAX {
            let pieces = if known || k == 1 { p + 1 } else { p };
            best[k] = (u + 1, pieces, k - 1, false);
        }
        let end = bounds[k];
        for j in (0..k).rev() {
            if end - bounds[j] > lex.max_len {
                break;
            }
            let (u, p, _, _) = best[j];
            if u == usize::MAX || k - j < 4 || lex.flags(&tag[bounds[j]..end]) == 0 {
                continue;
            }
            if (u, p + 1) < (best[k].0, best[k].1) {
                best[k] = (u, p + 1, j, true);
            }
        }
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut k = bounds.len() - 1;
    while k > 0 {
        let (_, _, prev, known) = best[k];
        match pieces.last_mut() {
            Some(last) if !known && !last.known => last.start = bounds[prev],
            _ => pieces.push(Piece {
                start: bounds[prev],
                end: bounds[k],
                known,
            }),
        }
        k = prev;
    }
    pieces.reverse();
    pieces
}

// ---------------------------------------------------------------------------------------------
// hashtags.wall
// ---------------------------------------------------------------------------------------------

/// `hashtags.wall`.
pub static WALL: RuleMeta = RuleMeta {
    id: "hashtags.wall",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "En mur af hashtags sidst i opslaget",
        en: "A wall of hashtags at the end of the post",
    },
    explain: Local {
        da: "En lang række hashtags til sidst i opslaget ligner spam, gør opslaget tungt at \
læse og bliver læst op ét for ét af skærmlæsere. Det giver heller ikke mere rækkevidde.\n\n\
Reglen slår til, når de sidste linjer kun består af mindst 4 hashtags.\n\nGør i stedet: \
behold de 2–3 hashtags, der betyder mest, og flet gerne ét af dem ind i teksten («Vi søger \
en ny #ambulancebehandler i Vejle»).\n\nIndstilling: `min` – hvor mange hashtags i træk \
der tæller som en mur (standard 4).",
        en: "A long row of hashtags at the end of a post looks like spam, makes the post \
heavy to read and is read out one by one by screen readers. It does not bring more reach \
either.\n\nThe rule fires when the last lines consist of nothing but at least 4 hashtags.\n\n\
Instead: keep the 2–3 hashtags that matter most, and weave one of them into the text (“We \
are hiring a #paramedic in Vejle”).\n\nOption: `min` – how many hashtags in a row count as \
a wall (default 4).",
    },
    options: &[OptionSpec {
        name: "min",
        kind: OptionKind::Count,
        doc: Local {
            da: "hvor mange hashtags i blokken sidst i opslaget der tæller som en mur; standard 4",
            en: "the number of hashtags in the closing block from which it is a wall; default 4",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "Tak for en god dag på jobmessen.\n\n#FalckAnsat #job #karriere #ambulance #redning #Aarhus",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Thanks for a great day at the careers fair.\n#LifeAtFalck #jobs\n#career #paramedic",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Tak for en god dag på jobmessen i Aarhus. #FalckAnsat #job",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "We are hiring a #paramedic in #Vejle – ask me about #LifeAtFalck and #jobs at the fair.",
            guideline: "",
            date: "",
        },
    ],
    build: build_wall,
};

fn build_wall(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(WallRule {
        min: count_option(b, "min").unwrap_or(4).max(1),
    })
}

#[derive(Debug)]
struct WallRule {
    min: usize,
}

impl Rule for WallRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some((first, count)) =
            closing_block(cx.doc.text, cx.doc.body.clone(), &cx.doc.entities.hashtags)
        else {
            return;
        };
        if count < self.min {
            return;
        }
        let tags = &cx.doc.entities.hashtags;
        let span = Span::new(tags[first].start, tags[tags.len() - 1].end);
        let message = match cx.locale {
            Lang::Da => format!(
                "Opslaget slutter med en mur af {count} hashtags. Det ligner spam og er tungt at \
læse – også for skærmlæsere."
            ),
            Lang::En => format!(
                "The post ends with a wall of {count} hashtags. It looks like spam and is heavy \
to read – for screen readers too."
            ),
        };
        out.emit_with(
            span,
            message,
            Suggestion::advice(cx.t(
                "Behold de 2–3 hashtags, der betyder mest, og flet gerne ét af dem ind i teksten.",
                "Keep the 2–3 hashtags that matter most, and weave one of them into the text.",
            )),
        );
    }
}

/// The closing block of hashtags: the index of its first hashtag and how many it has. The
/// block is the run of hashtags at the end of the body with only white space between and
/// after them, starting on a line of its own. `None` when the post does not end that way.
fn closing_block(
    text: &str,
    body: std::ops::Range<usize>,
    tags: &[Entity],
) -> Option<(usize, usize)> {
    let last = tags.last()?;
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    if !blank(text.get(last.end..body.end)?) {
        return None;
    }
    let mut first = tags.len() - 1;
    while first > 0 && blank(text.get(tags[first - 1].end..tags[first].start)?) {
        first -= 1;
    }
    // It must start a line: only white space between the line start and the first hashtag.
    let before = text.get(body.start..tags[first].start)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !blank(&before[line_start..]) {
        // The first hashtags share a line with text: the block is what follows that line.
        let next_line = text.get(tags[first].start..last.end)?.find('\n')? + tags[first].start;
        let first_on_own_line = tags.iter().position(|t| t.start > next_line)?;
        return Some((first_on_own_line, tags.len() - first_on_own_line));
    }
    Some((first, tags.len() - first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(tag: &str) -> Option<Vec<&str>> {
        let starts = segment(tag, &LEXICON)?;
        let ends = starts[1..]
            .iter()
            .copied()
            .chain(std::iter::once(tag.len()));
        Some(starts.iter().zip(ends).map(|(&s, e)| &tag[s..e]).collect())
    }

    #[test]
    fn segments_danish_and_english_tags() {
        assert_eq!(
            split("ønskejobiaarhus").unwrap(),
            ["ønskejob", "i", "aarhus"]
        );
        assert_eq!(split("jobiaarhus").unwrap(), ["job", "i", "aarhus"]);
        assert_eq!(
            split("sundhedogtrivsel").unwrap(),
            ["sundhed", "og", "trivsel"]
        );
        assert_eq!(
            split("customerexperience").unwrap(),
            ["customer", "experience"]
        );
        assert_eq!(
            split("mentalhealthawareness").unwrap(),
            ["mental", "health", "awareness"]
        );
        assert_eq!(split("ambulance").unwrap(), ["ambulance"]);
        assert_eq!(split("sygeplejerske").unwrap(), ["sygeplejerske"]);
    }

    #[test]
    fn near_misses_do_not_split() {
        assert_eq!(split("dkpol"), None);
        assert_eq!(split("xyzzyplugh"), None);
    }

    #[test]
    fn camel_case_suggestions() {
        let cc = |t: &str| match judge(t, 10) {
            Some(Casing::Split(starts)) => Some(camel_case(t, &starts)),
            _ => None,
        };
        assert_eq!(cc("ønskejobiaarhus").as_deref(), Some("ØnskejobIAarhus"));
        assert_eq!(cc("jobiaarhus").as_deref(), Some("JobIAarhus"));
        assert_eq!(cc("sundhedogtrivsel").as_deref(), Some("SundhedOgTrivsel"));
        assert_eq!(
            cc("customerexperience").as_deref(),
            Some("CustomerExperience")
        );
        assert_eq!(
            cc("mentalhealthawareness").as_deref(),
            Some("MentalHealthAwareness")
        );
    }

    #[test]
    fn judge_leaves_alone() {
        // Short, already cased, one known word, digits, a Danish compound.
        assert_eq!(judge("dkpol", 12), None);
        assert_eq!(judge("dkpol", 2), None, "no split, nothing known");
        assert_eq!(judge("jobiaarhus", 12), None, "10 letters < 12");
        assert_eq!(judge("ØnskejobIAarhus", 12), None);
        assert_eq!(judge("sygeplejerske", 12), None);
        assert_eq!(judge("ambulancebehandler", 12), None);
        assert_eq!(judge("covid19vaccine", 12), None);
        assert_eq!(judge("falck_ambulance", 12), None);
    }

    #[test]
    fn judge_fires() {
        assert!(matches!(
            judge("ønskejobiaarhus", 12),
            Some(Casing::Split(_))
        ));
        assert!(matches!(
            judge("customerexperience", 12),
            Some(Casing::Split(_))
        ));
        // English words that are also Danish still read as English words.
        assert!(matches!(
            judge("digitalinnovation", 12),
            Some(Casing::Split(_))
        ));
        // "womens" is not on the lists: advice without a spelling.
        assert_eq!(judge("internationalwomensday", 12), Some(Casing::Unsplit));
    }

    #[test]
    fn danish_single_words_and_compounds_are_left_alone() {
        for t in [
            "sundhedsfremme",
            "klimaforandringer",
            "førstehjælpskursus",
            "beredskabsstyrelsen",
            "ambulancebehandlere",
            "ambulancetjeneste",
            "ledelsesudvikling",
            "medarbejderudvikling",
            "paramedicinsk",
            "efteruddannelse",
            "cardiopulmonary",
            "employeeadvocacy",
        ] {
            assert_eq!(judge(t, 12), None, "{t}");
        }
        for t in ["mondaymotivation", "leadershipdevelopment"] {
            assert!(matches!(judge(t, 12), Some(Casing::Split(_))), "{t}");
        }
    }

    #[test]
    fn partial_split_pieces() {
        let t = "internationalwomensday";
        let p = segment_partial(t, &LEXICON);
        let texts: Vec<(&str, bool)> = p.iter().map(|p| (&t[p.range()], p.known)).collect();
        assert_eq!(
            texts,
            [("international", true), ("women", true), ("sday", false)]
        );
    }

    fn tag(text: &str, word: &str) -> Entity {
        let start = text.find(word).unwrap();
        Entity {
            text: word[1..].to_string(),
            start,
            end: start + word.len(),
        }
    }

    #[test]
    fn closing_blocks() {
        let t = "Hej.\n\n#a #b #c #d\n";
        let tags = ["#a", "#b", "#c", "#d"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), Some((0, 4)));
        // Text after the hashtags: no block.
        let t = "#a #b #c #d tak";
        let tags = ["#a", "#b", "#c", "#d"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), None);
        // The first two share the last sentence's line: the block is the next line.
        let t = "Tak til alle #a #b\n#c #d #e";
        let tags = ["#a", "#b", "#c", "#d", "#e"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), Some((2, 3)));
        // All on the sentence's line: no block.
        let t = "Tak til alle #a #b #c #d";
        let tags = ["#a", "#b", "#c", "#d"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), None);
        assert_eq!(closing_block(t, 0..t.len(), &[]), None);
    }
}
