//! Length per platform: over the limit, and what falls below the fold ("…se mere").
//!
//! Both rules read the lengths the linter measured once per post (`cx.platforms`). Where a
//! finding must point at a place in the text (where the limit is passed, where the fold
//! falls), `cut_offset` walks the post once in the platform's unit and stops there.
//!
//! The helpers at the end (platform display names, numbers, lists, merging findings that share
//! a span) are shared with the `hashtags` and `mentions` rules.

use super::{Build, Context, Emitter, Example, Local, Rule, RuleMeta};
use crate::document::{floor_char_boundary, Document};
use crate::entities::{url_has_scheme, url_is_linkable};
use crate::matcher::{Hit, ListId, TermOptions};
use crate::platform::{count_unit, Length, Profile, Unit};
use crate::report::{Applicability, Edit, Severity, Span, Suggestion};
use crate::text::Lang;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

// ---------------------------------------------------------------------------------------------
// length.over-limit
// ---------------------------------------------------------------------------------------------

/// `length.over-limit`.
pub static OVER_LIMIT: RuleMeta = RuleMeta {
    id: "length.over-limit",
    severity: Severity::Error,
    route: None,
    summary: Local {
        da: "Opslaget er for langt til platformen",
        en: "The post is too long for the platform",
    },
    explain: Local {
        da: "Hver platform har en grænse for, hvor langt et opslag må være: X 280 tegn, \
Bluesky 300, Mastodon og Threads 500, Instagram og TikTok 2.200, LinkedIn 3.000. Er opslaget \
for langt, kan du ikke udgive det – eller platformen klipper det af midt i en sætning.\n\n\
Platformene tæller forskelligt. På X tæller emoji, kinesiske og japanske tegn og de fleste \
symboler dobbelt, og et link tæller altid 23 tegn, uanset hvor langt det er. Bluesky har \
desuden en grænse på 3.000 bytes, hvor æ, ø, å og emoji fylder mere end ét. X afviser også \
opslag med visse usynlige tegn (U+FEFF, U+FFFE, U+FFFF), som nogle gange følger med, når man \
kopierer tekst – reglen finder dem og kan slette dem.\n\nReglen gælder kun for de platforme, \
der tjekkes (`--platform`, `platforms` i retningslinjen eller i opslagets front matter). Den \
understreger den del af teksten, der er over grænsen.\n\nGør i stedet: skær gentagelser, \
fyldord og ekstra hashtags væk, eller del opslaget op i flere.",
        en: "Every platform limits how long a post may be: X 280 characters, Bluesky 300, \
Mastodon and Threads 500, Instagram and TikTok 2,200, LinkedIn 3,000. A post over the limit \
cannot be published – or the platform cuts it off mid-sentence.\n\nPlatforms count \
differently. On X, emoji, Chinese and Japanese characters and most symbols count double, and \
a link always counts 23 characters however long it is. Bluesky also has a limit of 3,000 \
bytes, where æ, ø, å and emoji take more than one. X also rejects posts containing certain \
invisible characters (U+FEFF, U+FFFE, U+FFFF) that sometimes come along when text is copied – \
the rule finds them and can delete them.\n\nThe rule only applies to the platforms being \
checked (`--platform`, `platforms` in the guideline or in the post's front matter). It \
underlines the part of the text that is over the limit.\n\nInstead: cut repetitions, filler \
words and extra hashtags, or split the post into several.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Hvilken dag! I dag var jeg med til at åbne vores nye station i Holstebro, og \
jeg er virkelig stolt af holdet. Vi har arbejdet på det i over et år, og nu står den der: \
fire ambulancer, et nyt værksted og plads til tyve kolleger. Tak til alle, der har hjulpet \
undervejs – I ved, hvem I er!",
            guideline: "platforms = [\"x\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "What a day! Today I helped open our new station in Holstebro, and I am \
really proud of the team. We have worked on it for more than a year, and now it is there: \
four ambulances, a new workshop and room for twenty colleagues. Thanks to everyone who \
helped along the way – you know who you are!",
            guideline: "platforms = [\"bluesky\", \"x\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "Hej\u{FEFF} alle sammen",
            guideline: "platforms = [\"x\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "I dag åbnede vi vores nye station i Holstebro. Stolt af holdet! #FalckAnsat",
            guideline: "platforms = [\"x\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "What a day! Today I helped open our new station in Holstebro, and I am \
really proud of the team. We have worked on it for more than a year, and now it is there: \
four ambulances, a new workshop and room for twenty colleagues. Thanks to everyone who \
helped along the way – you know who you are!",
            guideline: "platforms = [\"linkedin\"]",
            date: "",
        },
    ],
    build: build_over_limit,
};

fn build_over_limit(_: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(OverLimitRule)
}

#[derive(Debug)]
struct OverLimitRule;

impl Rule for OverLimitRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if cx.platforms.is_empty() {
            return;
        }
        let body = published_range(cx.doc);
        let mut pending = Vec::new();
        for (profile, len) in cx.platforms {
            if len.invalid {
                invalid_chars(cx, profile, &body, out);
            }
            if !len.is_over() {
                continue;
            }
            let cut = over_limit_cut(cx.doc, profile, len, &body);
            pending.push(Pending {
                span: Span::new(cut, body.end),
                message: over_limit_message(cx.locale, profile, len),
                severity: out.severity(),
                suggestions: vec![Suggestion::advice(over_limit_advice(cx, profile, len))],
            });
        }
        emit_merged(out, pending, " ");
    }
}

/// Where the post passes `profile`'s limit (the first byte that no longer fits), measured in
/// the platform's unit and, for Bluesky, in bytes; the earlier of the two. Always a char
/// boundary inside the published text, and before its end when the text is not empty.
fn over_limit_cut(
    doc: &Document<'_>,
    profile: &Profile,
    len: &Length,
    body: &Range<usize>,
) -> usize {
    // The signature is appended after the text, so the text itself has what is left.
    let signature = profile.signature.as_deref().unwrap_or("");
    let mut cut = body.end;
    if len.length > len.limit {
        let budget = len
            .limit
            .saturating_sub(count_unit(signature, profile.unit));
        if let Some(c) = cut_offset(doc, profile, body, budget) {
            cut = cut.min(c);
        }
    }
    if let (Some(bytes), Some(limit)) = (len.byte_length, len.byte_limit) {
        if bytes > limit {
            let budget = limit.saturating_sub(signature.len());
            cut = cut.min(floor_char_boundary(doc.text, body.start + budget));
        }
    }
    let cut = cut.clamp(body.start, body.end);
    if cut == body.end && body.end > body.start {
        // The approximation found no place inside the text (the signature alone is over, or
        // the count differs by a hair): point at the last character.
        return floor_char_boundary(doc.text, body.end - 1);
    }
    cut
}

fn unit_words(unit: Unit, n: usize, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Bytes, Lang::Da) => "bytes",
        (Unit::Bytes, Lang::En) if n == 1 => "byte",
        (Unit::Bytes, Lang::En) => "bytes",
        (_, Lang::Da) => "tegn",
        (_, Lang::En) if n == 1 => "character",
        (_, Lang::En) => "characters",
    }
}

fn over_limit_message(lang: Lang, profile: &Profile, len: &Length) -> String {
    let name = display_name(&profile.name);
    // The unit count wins when both are over: it is the limit people know.
    let (length, limit, unit) = if len.length > len.limit {
        (len.length, len.limit, profile.unit)
    } else {
        (
            len.byte_length.unwrap_or(0),
            len.byte_limit.unwrap_or(0),
            Unit::Bytes,
        )
    };
    let over = length - limit;
    let (l, m, o) = (num(length, lang), num(limit, lang), num(over, lang));
    match lang {
        Lang::Da => format!(
            "For langt til {name}: {l} af {m} {} – forkort med {o} {}.",
            unit_words(unit, limit, lang),
            unit_words(unit, over, lang),
        ),
        Lang::En => format!(
            "Too long for {name}: {l} of {m} {} – cut {o} {}.",
            unit_words(unit, limit, lang),
            unit_words(unit, over, lang),
        ),
    }
}

fn over_limit_advice(cx: &Context<'_>, profile: &Profile, len: &Length) -> String {
    let mut advice = cx
        .t(
            "Skær gentagelser, fyldord og ekstra hashtags væk – eller del opslaget op i flere.",
            "Cut repetitions, filler words and extra hashtags – or split the post into several.",
        )
        .to_string();
    if profile.unit == Unit::Weighted {
        advice.push(' ');
        advice.push_str(cx.t(
            "Bemærk: her tæller emoji og kinesiske eller japanske tegn dobbelt, og et link tæller altid 23 tegn.",
            "Note: here emoji and Chinese or Japanese characters count double, and a link always counts 23 characters.",
        ));
    } else if len.length <= len.limit {
        advice.push(' ');
        advice.push_str(cx.t(
            "Det er antallet af bytes, der er for højt: æ, ø, å og især emoji fylder mere end én byte.",
            "It is the number of bytes that is too high: accented letters and especially emoji take more than one byte.",
        ));
    }
    advice
}

/// The characters X rejects whatever the length (U+FFFE, U+FEFF, U+FFFF): one finding at the
/// first, with a safe fix that deletes them all (they are invisible).
fn invalid_chars(cx: &Context<'_>, profile: &Profile, body: &Range<usize>, out: &mut Emitter<'_>) {
    let text = &cx.doc.text[body.clone()];
    let mut edits = Vec::new();
    let mut first: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}') {
            let start = body.start + i;
            first.get_or_insert((start, c));
            edits.push(Edit {
                start,
                end: start + c.len_utf8(),
                replacement: String::new(),
            });
        }
    }
    // Only in the signature: nothing in the post to point at or fix.
    let Some((start, c)) = first else { return };
    let name = display_name(&profile.name);
    let code = format!("U+{:04X}", c as u32);
    let message = match cx.locale {
        Lang::Da => format!(
            "{name} afviser opslaget, fordi det indeholder et usynligt tegn ({code}). Det følger \
tit med, når man kopierer tekst fra et andet program."
        ),
        Lang::En => format!(
            "{name} rejects the post because it contains an invisible character ({code}). It \
often comes along when text is copied from another program."
        ),
    };
    let title = cx.t("Slet det usynlige tegn", "Delete the invisible character");
    out.emit_with(
        Span::new(start, start + c.len_utf8()),
        message,
        Suggestion {
            title: title.to_string(),
            applicability: Applicability::Safe,
            edits,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// length.fold
// ---------------------------------------------------------------------------------------------

/// `length.fold`.
pub static FOLD: RuleMeta = RuleMeta {
    id: "length.fold",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Det vigtigste står efter «…se mere» (folden)",
        en: "What matters comes after “…see more” (the fold)",
    },
    explain: Local {
        da: "LinkedIn viser kun de første ca. 210 tegn af et opslag i feedet, Instagram ca. \
125 – resten gemmer sig bag «…se mere». De fleste læser ikke videre, så pointen og det, \
læserne skal vide, skal stå før.\n\nReglen slår til i to tilfælde:\n\n\
• Du har skrevet, at du arbejder i virksomheden (fx #FalckAnsat – formuleringerne står under \
`[company] disclosures` i retningslinjen), men kun efter «se mere». Når du omtaler din \
arbejdsgivers produkter, skal det fremgå tydeligt og med det samme, at du er ansat – ellers \
kan det være skjult reklame. Nævner opslaget et produkt (`[company] products`), er fundet en \
advarsel (reglens niveau); nævner det kun virksomhedens navn (fx et jobopslag), er det et \
råd (ét niveau lavere).\n\
• Din første sætning er ikke slut, før teksten bliver klippet. Så ser læserne en halv \
sætning. Dette er et råd (ét niveau under reglens niveau).\n\nKorte opslag, der kan ses \
helt uden «se mere», bliver aldrig markeret. LinkedIn klipper også tidligere, hvis de første \
linjer er meget korte – tallene er omtrentlige.\n\nGør i stedet: start med pointen, og skriv \
tidligt, at du arbejder der.",
        en: "LinkedIn shows only about the first 210 characters of a post in the feed, \
Instagram about 125 – the rest hides behind “…see more”. Most people do not read on, so the \
point, and what readers need to know, must come first.\n\nThe rule fires in two cases:\n\n\
• You say that you work for the company (e.g. #FalckEmployee – the phrases are under \
`[company] disclosures` in the guideline), but only after “see more”. When you talk about \
your employer's products, it must be clear at once that you work there – otherwise it can \
be hidden advertising. When the post names a product (`[company] products`) the finding is \
a warning (the rule's severity); when it only names the company (a job post, say) it is \
advice (one level lower).\n\
• Your first sentence has not ended where the text is cut, so readers see half a sentence. \
This is advice (one level below the rule's severity).\n\nShort posts that are visible in \
full without “see more” are never flagged. LinkedIn also cuts earlier when the first lines \
are very short – the numbers are approximate.\n\nInstead: lead with the point, and say early \
that you work there.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Vi har fået en ny vejhjælpsbil i Odense, og den er fyldt med nyt udstyr, der \
gør det lettere at hjælpe bilister, der er gået i stå på motorvejen midt om natten. Falck \
Vejhjælp kan nu starte elbiler på stedet, og det betyder, at færre skal vente på en \
kranvogn.\n\nJeg har kørt den i en uge, og den er virkelig god. #FalckAnsat",
            guideline: "platforms = [\"linkedin\"]\n[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Vejhjælp\"]\ndisclosures = [\"#FalckAnsat\", \"jeg arbejder hos Falck\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "After twelve years on the road as a paramedic, and three of them training \
new colleagues in everything from radio procedure to how you talk to a frightened child in \
the back of an ambulance at three in the morning, I am starting something new next month.",
            guideline: "platforms = [\"linkedin\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Jeg arbejder hos Falck, og vi har fået en ny vejhjælpsbil i Odense. Den er \
fyldt med nyt udstyr, der gør det lettere at hjælpe bilister, der er gået i stå på \
motorvejen. Falck Vejhjælp kan nu starte elbiler på stedet, så færre skal vente på en \
kranvogn. #FalckAnsat",
            guideline: "platforms = [\"linkedin\"]\n[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Vejhjælp\"]\ndisclosures = [\"#FalckAnsat\", \"jeg arbejder hos Falck\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Big news: I am starting as a training coordinator next month. After twelve \
years on the road as a paramedic I will help new colleagues with everything from radio \
procedure to how you talk to a frightened child at three in the morning.",
            guideline: "platforms = [\"linkedin\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Falck Vejhjælp kan nu starte elbiler på stedet. #FalckAnsat",
            guideline: "platforms = [\"instagram\"]\n[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Vejhjælp\"]\ndisclosures = [\"#FalckAnsat\"]",
            date: "",
        },
    ],
    build: build_fold,
};

#[derive(Debug)]
struct FoldRule {
    /// Company names, products and disclosures, when the guideline has disclosures.
    company: Option<CompanyLists>,
}

#[derive(Debug)]
struct CompanyLists {
    names: Option<ListId>,
    products: Option<ListId>,
    disclosures: ListId,
    /// The first disclosure phrase, to suggest.
    example: String,
}

fn build_fold(b: &mut Build<'_>) -> Box<dyn Rule> {
    let c = &b.guideline.company;
    if c.disclosures.is_empty() || (c.names.is_empty() && c.products.is_empty()) {
        return Box::new(FoldRule { company: None });
    }
    let mut add = |list: &[String]| {
        (!list.is_empty()).then(|| b.matcher.add_terms(list, TermOptions::default()))
    };
    let company = CompanyLists {
        names: add(&c.names),
        products: add(&c.products),
        disclosures: add(&c.disclosures).expect("not empty"),
        example: c.disclosures[0].clone(),
    };
    Box::new(FoldRule {
        company: Some(company),
    })
}

impl Rule for FoldRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let body = published_range(cx.doc);
        let lower = one_level_lower(out.severity());
        // (platform, fold, fold offset) for each checked platform whose fold hides text.
        let mut folds: Vec<(&Profile, usize, usize)> = Vec::new();
        for (profile, len) in cx.platforms {
            let Some(fold) = profile.fold else { continue };
            if len.length <= fold {
                continue; // the whole post is visible
            }
            if let Some(at) = cut_offset(cx.doc, profile, &body, fold) {
                folds.push((profile, fold, at));
            }
        }
        if folds.is_empty() {
            return;
        }
        let mut pending = Vec::new();
        if let Some(lists) = &self.company {
            self.hidden_disclosure(cx, lists, &folds, lower, out.severity(), &mut pending);
        }
        // The hook: the first sentence (or line) must end before the fold.
        if let Some(first) = cx.doc.sentences.first() {
            for &(profile, fold, at) in &folds {
                if first.end <= at {
                    continue;
                }
                let span = word_at(cx.doc, at, &body);
                let name = display_name(&profile.name);
                let fold = num(fold, cx.locale);
                let message = match cx.locale {
                    Lang::Da => format!(
                        "{name} viser kun de første ca. {fold} tegn før «…se mere», og her er \
din første sætning ikke slut endnu. Læserne ser kun en halv sætning."
                    ),
                    Lang::En => format!(
                        "{name} shows only about the first {fold} characters before “…see \
more”, and your first sentence has not ended here. Readers see half a sentence."
                    ),
                };
                pending.push(Pending {
                    span,
                    message,
                    severity: lower,
                    suggestions: vec![Suggestion::advice(cx.t(
                        "Start med en kort første sætning, der siger det vigtigste – detaljerne kan komme bagefter.",
                        "Open with a short first sentence that says what matters most – the details can follow.",
                    ))],
                });
            }
        }
        emit_merged(out, pending, " ");
    }
}

impl FoldRule {
    /// A disclosure that only appears after the fold, on the platforms where it does: one
    /// finding at the first disclosure.
    fn hidden_disclosure(
        &self,
        cx: &Context<'_>,
        lists: &CompanyLists,
        folds: &[(&Profile, usize, usize)],
        lower: Severity,
        severity: Severity,
        pending: &mut Vec<Pending>,
    ) {
        let disclosed = cx.hits.terms(lists.disclosures);
        let Some(first) = disclosed.first() else {
            return; // no disclosure at all: that is disclosure.missing's finding
        };
        // The company or a product named outside the disclosures themselves ("jeg arbejder
        // hos Falck" names Falck but is the disclosure).
        let outside = |list: Option<ListId>| {
            list.is_some_and(|l| {
                cx.hits
                    .terms(l)
                    .iter()
                    .any(|m| !disclosed.iter().any(|d| contains(d, m)))
            })
        };
        let product = outside(lists.products);
        if !product && !outside(lists.names) {
            return;
        }
        let hidden: Vec<&(&Profile, usize, usize)> = folds
            .iter()
            .filter(|(_, _, at)| disclosed.iter().all(|d| d.span.end > *at))
            .collect();
        if hidden.is_empty() {
            return;
        }
        let phrase = cx.slice(first.span);
        // "the first ~210 characters that LinkedIn shows", or with several platforms "the
        // characters that Instagram (about 125) and LinkedIn (about 210) show".
        let shown = match hidden.as_slice() {
            [(p, fold, _)] => {
                let (name, fold) = (display_name(&p.name), num(*fold, cx.locale));
                match cx.locale {
                    Lang::Da => format!("de første ca. {fold} tegn, som {name} viser"),
                    Lang::En => format!("the first ~{fold} characters that {name} shows"),
                }
            }
            _ => {
                let names: Vec<String> = hidden
                    .iter()
                    .map(|(p, fold, _)| {
                        let (name, fold) = (display_name(&p.name), num(*fold, cx.locale));
                        match cx.locale {
                            Lang::Da => format!("{name} (ca. {fold})"),
                            Lang::En => format!("{name} (about {fold})"),
                        }
                    })
                    .collect();
                let names = join_list(&names, cx.locale);
                match cx.locale {
                    Lang::Da => format!("de tegn, som {names} viser"),
                    Lang::En => format!("the characters that {names} show"),
                }
            }
        };
        let message = match cx.locale {
            Lang::Da => format!(
                "Din «{phrase}» står efter {shown} før «…se mere», så de fleste læsere ser \
ikke, at du arbejder der. Flyt den op."
            ),
            Lang::En => format!(
                "Your “{phrase}” comes after {shown} before “…see more”, so most readers \
won't see that you work there. Move it up."
            ),
        };
        let advice = match cx.locale {
            Lang::Da => format!(
                "Skriv i første linje, at du arbejder der – fx «{}».",
                lists.example
            ),
            Lang::En => format!(
                "Say in the first line that you work there – e.g. “{}”.",
                lists.example
            ),
        };
        pending.push(Pending {
            span: first.span,
            message,
            severity: if product { severity } else { lower },
            suggestions: vec![Suggestion::advice(advice)],
        });
    }
}

fn contains(outer: &Hit, inner: &Hit) -> bool {
    outer.span.start <= inner.span.start && inner.span.end <= outer.span.end
}

/// The word at or after byte `at` (where the fold falls), within `body`; a one-character span
/// when there is no word there.
fn word_at(doc: &Document<'_>, at: usize, body: &Range<usize>) -> Span {
    match doc.words.get(doc.word_index(at)) {
        Some(w) if w.span.end <= body.end => Span::from(w.span.clone()),
        _ => {
            let end = doc.text[at..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8());
            Span::new(at, end.min(body.end).max(at))
        }
    }
}

/// One severity level lower (error → warning → info).
pub(crate) fn one_level_lower(s: Severity) -> Severity {
    match s {
        Severity::Error => Severity::Warning,
        _ => Severity::Info,
    }
}

/// One severity level higher (info → warning → error).
pub(crate) fn one_level_higher(s: Severity) -> Severity {
    match s {
        Severity::Info => Severity::Warning,
        _ => Severity::Error,
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring up to a point
// ---------------------------------------------------------------------------------------------

/// The part of the post a platform counts: the body without surrounding white space (the
/// linter measures exactly this).
pub(crate) fn published_range(doc: &Document<'_>) -> Range<usize> {
    let body = doc.body_text();
    let start = doc.body.start + (body.len() - body.trim_start().len());
    let end = doc.body.start + body.trim_end().len();
    start..end.max(start)
}

/// The byte offset in `range` of the first character whose inclusion makes the text count
/// more than `budget` in `profile`'s unit, or `None` when all of `range` fits.
///
/// One pass from the start that stops at the budget, so for the fold it only reads the first
/// ~200 characters. It counts the way [`crate::platform::measure`] does, unit by unit:
/// linkable URLs count `url_length` as a whole (the cut lands before a URL, never inside it),
/// Mastodon's `@user@domain` counts as `@user`, and plain text counts per character (bytes,
/// chars, UTF-16) or per grapheme cluster (graphemes; X's weighted unit, where a cluster weighs
/// what `count_unit` says for it: an emoji sequence 2, CJK 2 per character, Latin 1, after NFC).
/// Approximations: X normalises across cluster boundaries and Bluesky counts graphemes across
/// entity boundaries, which can shift the cut by a character in contrived text. The result is
/// always a char boundary inside `range`.
pub(crate) fn cut_offset(
    doc: &Document<'_>,
    profile: &Profile,
    range: &Range<usize>,
    budget: usize,
) -> Option<usize> {
    let text = doc.text;
    let unit = profile.unit;
    let urls: &[crate::entities::Entity] = if profile.url_length.is_some() {
        &doc.entities.urls
    } else {
        &[]
    };
    let mentions: &[crate::entities::Entity] = if profile.mention_domain_free {
        &doc.entities.mentions
    } else {
        &[]
    };
    let (mut u, mut m) = (0, 0);
    let mut count = 0usize;
    let mut pos = range.start;
    let bytes = text.as_bytes();
    while pos < range.end {
        // Entities that count as a whole: skip those behind us, take one that starts here.
        while urls.get(u).is_some_and(|e| e.start < pos) {
            u += 1;
        }
        while mentions.get(m).is_some_and(|e| e.start < pos) {
            m += 1;
        }
        if let Some((end, cost)) = whole_entity(text, profile, urls.get(u), mentions.get(m), pos) {
            if end <= range.end {
                if count + cost > budget {
                    return Some(pos);
                }
                count += cost;
                pos = end;
                continue;
            }
        }
        let c = text[pos..].chars().next()?;
        let clen = c.len_utf8();
        let (len, cost) = match unit {
            Unit::Bytes => (clen, clen),
            Unit::Chars => (clen, 1),
            Unit::Utf16 => (clen, c.len_utf16()),
            Unit::Graphemes | Unit::Weighted => {
                // Below U+0300, a char followed by another such char (not CR LF) is a
                // grapheme of its own and weighs 1 on X (see `grapheme_count` in platform.rs).
                let next = bytes.get(pos + clen).copied();
                if (c as u32) < 0x300
                    && next.is_none_or(|n| n < 0xCC)
                    && !(c == '\r' && next == Some(b'\n'))
                {
                    (clen, 1)
                } else {
                    let g = text[pos..range.end].graphemes(true).next()?;
                    let cost = if unit == Unit::Graphemes {
                        1
                    } else {
                        count_unit(g, Unit::Weighted)
                    };
                    (g.len(), cost)
                }
            }
        };
        if count + cost > budget {
            return Some(pos);
        }
        count += cost;
        pos += len;
    }
    None
}

/// A URL or mention starting at `pos` that counts as a whole on this platform: its end and
/// its count.
fn whole_entity(
    text: &str,
    profile: &Profile,
    url: Option<&crate::entities::Entity>,
    mention: Option<&crate::entities::Entity>,
    pos: usize,
) -> Option<(usize, usize)> {
    if let (Some(e), Some(n)) = (url.filter(|e| e.start == pos), profile.url_length) {
        // X links a URL without a scheme too; the other platforms only with one.
        let linkable =
            url_is_linkable(&e.text) && (profile.unit == Unit::Weighted || url_has_scheme(&e.text));
        if linkable {
            return Some((e.end, n));
        }
    }
    let e = mention.filter(|e| e.start == pos)?;
    let s = text.get(e.start..e.end)?;
    let (at, _) = s
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, '@' | '＠'))?;
    Some((e.end, count_unit(&s[..at], profile.unit)))
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// A platform's name as people write it (`x` → `X`, `linkedin` → `LinkedIn`).
pub(crate) fn display_name(name: &str) -> &str {
    match name {
        "x" => "X",
        "linkedin" => "LinkedIn",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        "threads" => "Threads",
        "instagram" => "Instagram",
        "facebook" => "Facebook",
        "tiktok" => "TikTok",
        other => other,
    }
}

/// A whole number with thousands separators: `3.000` in Danish, `3,000` in English.
pub(crate) fn num(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let sep = match lang {
        Lang::Da => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// `A`, `A og B`, `A, B og C` (English: `and`).
pub(crate) fn join_list<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let and = match lang {
        Lang::Da => " og ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}{and}{}", head.join(", "), last.as_ref())
        }
    }
}

/// A finding waiting to be emitted.
#[derive(Debug)]
pub(crate) struct Pending {
    pub span: Span,
    pub message: String,
    pub severity: Severity,
    pub suggestions: Vec<Suggestion>,
}

/// Emits findings, merging those with the same span into one (the linter keeps only one
/// finding per rule and span, so per-platform findings that point at the same text must be
/// one finding that names every platform): messages are joined with `sep`, the highest
/// severity wins, and suggestions are kept once each.
pub(crate) fn emit_merged(out: &mut Emitter<'_>, pending: Vec<Pending>, sep: &str) {
    let mut merged: Vec<Pending> = Vec::with_capacity(pending.len());
    for p in pending {
        if let Some(m) = merged.iter_mut().find(|m| m.span == p.span) {
            if !m.message.contains(&p.message) {
                m.message.push_str(sep);
                m.message.push_str(&p.message);
            }
            m.severity = m.severity.max(p.severity);
            for s in p.suggestions {
                if !m.suggestions.contains(&s) {
                    m.suggestions.push(s);
                }
            }
        } else {
            merged.push(p);
        }
    }
    for p in merged {
        let f = out.emit(p.span, p.message);
        f.severity = p.severity;
        f.suggestions = p.suggestions;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{measure, Profiles};

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, 0..text.len(), Some(Lang::Da), &[])
    }

    fn profile(name: &str) -> Profile {
        Profiles::builtin().get(name).unwrap().clone()
    }

    /// The cut for `limit` on `platform`, checked against `measure`: the text before the cut
    /// fits, and one more character (or whole URL) does not.
    fn cut(platform: &str, text: &str, budget: usize) -> Option<usize> {
        let d = doc(text);
        let p = profile(platform);
        let at = cut_offset(&d, &p, &(0..text.len()), budget);
        if let Some(at) = at {
            assert!(text.is_char_boundary(at), "{at} not a char boundary");
            let before = &text[..at];
            let fits = measure(before, &crate::entities::extract(before), &p).length;
            assert!(
                fits <= budget,
                "{platform}: {before:?} counts {fits} > {budget}"
            );
        } else {
            let all = measure(text, &crate::entities::extract(text), &p).length;
            assert!(all <= budget, "{platform}: None but the text counts {all}");
        }
        at
    }

    #[test]
    fn cut_ascii_at_the_budget() {
        let t = "a".repeat(301);
        assert_eq!(cut("x", &t, 280), Some(280));
        assert_eq!(cut("linkedin", &t, 210), Some(210));
        assert_eq!(cut("x", &"a".repeat(280), 280), None);
    }

    #[test]
    fn cut_counts_x_weights() {
        // 139 CJK characters weigh 278; the 140th fits (280), the 141st does not.
        let t = "字".repeat(150);
        assert_eq!(cut("x", &t, 280), Some(140 * "字".len()));
        // Emoji sequences weigh 2 each, whatever their length in bytes.
        let fam = "👨‍👩‍👧‍👦";
        let t = format!("{}{}", "a".repeat(277), fam.repeat(3));
        assert_eq!(cut("x", &t, 280), Some(277 + fam.len()));
        // Danish letters weigh 1.
        let t = "æ".repeat(300);
        assert_eq!(cut("x", &t, 280), Some(280 * 2));
    }

    #[test]
    fn cut_before_a_url_not_inside_it() {
        // 260 letters, a space, then a URL counting 23: the URL does not fit as a whole.
        let t = format!("{} https://falck.dk/{}", "a".repeat(260), "x".repeat(40));
        assert_eq!(cut("x", &t, 280), Some(261));
        // On LinkedIn the URL counts as written.
        assert_eq!(cut("linkedin", &t, 270), Some(270));
    }

    #[test]
    fn cut_in_utf16_and_graphemes_and_bytes() {
        let t = "😀".repeat(10);
        assert_eq!(
            cut("linkedin", &t, 5),
            Some(2 * 4),
            "two emoji are 4 UTF-16 units"
        );
        assert_eq!(cut("bluesky", &t, 5), Some(5 * 4));
        let t = "e\u{301}".repeat(10);
        assert_eq!(cut("bluesky", &t, 3), Some(3 * 3));
        let mut intranet = profile("linkedin");
        intranet.unit = Unit::Bytes;
        let d = doc("æøå");
        assert_eq!(cut_offset(&d, &intranet, &(0..6), 3), Some(2));
    }

    #[test]
    fn cut_mastodon_mentions_count_without_domain() {
        let t = format!("@jens@mastodon.social {}", "a".repeat(10));
        // "@jens" counts 5, the space 1, then letters.
        assert_eq!(
            cut("mastodon", &t, 8),
            Some("@jens@mastodon.social ".len() + 2)
        );
    }

    #[test]
    fn cut_respects_the_range() {
        let t = "   abcdef   ";
        let d = doc(t);
        let p = profile("x");
        assert_eq!(cut_offset(&d, &p, &(3..9), 4), Some(7));
        assert_eq!(cut_offset(&d, &p, &(3..9), 6), None);
    }

    #[test]
    fn numbers_and_lists() {
        assert_eq!(num(280, Lang::Da), "280");
        assert_eq!(num(3000, Lang::Da), "3.000");
        assert_eq!(num(63206, Lang::En), "63,206");
        assert_eq!(num(1234567, Lang::En), "1,234,567");
        assert_eq!(join_list(&["X"], Lang::Da), "X");
        assert_eq!(join_list(&["X", "LinkedIn"], Lang::Da), "X og LinkedIn");
        assert_eq!(join_list(&["A", "B", "C"], Lang::En), "A, B and C");
        assert_eq!(display_name("linkedin"), "LinkedIn");
        assert_eq!(display_name("intranet"), "intranet");
    }

    #[test]
    fn over_limit_cut_is_inside_the_body() {
        // A signature that alone is over the limit: the cut falls on the last character.
        let t = "  hej  ";
        let d = doc(t);
        let mut p = profile("x");
        p.signature = Some("s".repeat(300));
        let body = published_range(&d);
        assert_eq!(body, 2..5);
        let len = measure(&t[body.clone()], &crate::entities::extract("hej"), &p);
        assert!(len.is_over());
        let at = over_limit_cut(&d, &p, &len, &body);
        assert!(body.contains(&at), "{at}");
    }

    #[test]
    fn bluesky_byte_limit_cut() {
        let fam = "👨‍👩‍👧‍👦"; // 25 bytes, one grapheme
        let t = fam.repeat(200);
        let d = doc(&t);
        let p = profile("bluesky");
        let len = measure(&t, &d.entities, &p);
        assert!(len.length <= len.limit && len.is_over());
        let at = over_limit_cut(&d, &p, &len, &(0..t.len()));
        assert!(t.is_char_boundary(at));
        assert!(at <= 3000 && at > 2990, "{at}");
    }
}
