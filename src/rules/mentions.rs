//! Mentions: tagging many people or accounts at once.

use super::hashtags::count_option;
use super::length::{display_name, emit_merged, join_list, one_level_higher, Pending};
use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::entities::Entity;
use crate::report::{Severity, Span, Suggestion};
use crate::text::Lang;

/// The general limit when the guideline sets none: a thank-you to a small team is fine; more
/// than ten tags in one post is what spam looks like.
const DEFAULT_MAX: usize = 10;

/// `mentions.too-many`.
pub static TOO_MANY: RuleMeta = RuleMeta {
    id: "mentions.too-many",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Opslaget tagger for mange personer eller konti",
        en: "The post tags too many people or accounts",
    },
    explain: Local {
        da: "Når du tagger mange med @, får de alle en notifikation. Det virker som spam, \
kan irritere dem, du tagger – især hvis opslaget ikke handler om dem – og platformene \
viser opslaget til færre. Instagram tillader højst 20 @-omtaler i et opslag.\n\nReglen \
tæller hver person eller konto én gang og slår til ved mere end 10 (eller `max`). På \
Instagram er over 20 ét niveau højere (en fejl), fordi opslaget så ikke kan udgives.\n\n\
Gør i stedet: tag kun dem, opslaget handler mest om. Skriv de andres navne uden @, eller tak \
dem i en kommentar.\n\nIndstilling: `max` – hvor mange forskellige personer eller konti et \
opslag må tagge (standard 10).",
        en: "When you tag many people with @, they all get a notification. It looks like \
spam, can annoy the people you tag – especially if the post is not about them – and the \
platforms show the post to fewer people. Instagram allows at most 20 @mentions in a post.\n\n\
The rule counts each person or account once and fires above 10 (or `max`). On Instagram, \
more than 20 is one level higher (an error), because the post cannot be published.\n\n\
Instead: tag only the people the post is really about. Write the others' names without @, \
or thank them in a comment.\n\nOption: `max` – how many different people or accounts a post \
may tag (default 10).",
    },
    options: &[OptionSpec {
        name: "max",
        kind: OptionKind::Count,
        doc: Local {
            da: "hvor mange forskellige personer eller konti et opslag må tagge, på alle platforme; standard 10",
            en: "how many different people or accounts a post may tag, on every platform; \
default 10",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "Tak for i dag til @anne @bo @carl @dorte @emil @frida @gustav @hanne @ib @jens @karen!",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Thanks @anna and @ben for a great session!",
            guideline: "[rules.\"mentions.too-many\"]\nmax = 1",
            date: "",
        },
        Example {
            bad: false,
            text: "Tak til @anne og @bo for en god vagt – og til @anne igen for kagen.",
            guideline: "[rules.\"mentions.too-many\"]\nmax = 2",
            date: "",
        },
        Example {
            bad: false,
            text: "Thanks @anna, @ben and @carla for a great session at the training centre!",
            guideline: "platforms = [\"instagram\"]",
            date: "",
        },
    ],
    build: build_too_many,
};

fn build_too_many(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(TooManyRule {
        max: count_option(b, "max").unwrap_or(DEFAULT_MAX),
    })
}

#[derive(Debug)]
struct TooManyRule {
    max: usize,
}

/// Whether two mentions name the same account (case-insensitive), without allocating.
fn same(a: &Entity, b: &Entity) -> bool {
    if a.text.is_ascii() && b.text.is_ascii() {
        return a.text.eq_ignore_ascii_case(&b.text);
    }
    a.text
        .chars()
        .flat_map(char::to_lowercase)
        .eq(b.text.chars().flat_map(char::to_lowercase))
}

impl Rule for TooManyRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let mentions = &cx.doc.entities.mentions;
        let total = mentions.len();
        if total == 0 {
            return;
        }
        let last = mentions[total - 1].end;
        let mut pending = Vec::new();
        // Platform caps count every @mention as written.
        let mut capped: Vec<(usize, Vec<&str>)> = Vec::new();
        for (profile, _) in cx.platforms {
            let Some(cap) = profile.max_mentions.filter(|&c| total > c) else {
                continue;
            };
            match capped.iter_mut().find(|(c, _)| *c == cap) {
                Some(g) => g.1.push(display_name(&profile.name)),
                None => capped.push((cap, vec![display_name(&profile.name)])),
            }
        }
        for (cap, names) in &capped {
            let platforms = join_list(names, cx.locale);
            pending.push(Pending {
                span: Span::new(mentions[*cap].start, last),
                message: match cx.locale {
                    Lang::Da => format!(
                        "{platforms} tillader højst {cap} @-omtaler, og opslaget har {total}. Så \
mange kan ikke udgives."
                    ),
                    Lang::En => format!(
                        "{platforms} allows at most {cap} @mentions, and the post has {total}. \
That many cannot be published."
                    ),
                },
                severity: one_level_higher(out.severity()),
                suggestions: vec![advice(cx)],
            });
        }
        if capped.is_empty() {
            // The general limit counts people: the same account tagged twice is one.
            let mut distinct = 0;
            let mut beyond = None;
            for (i, m) in mentions.iter().enumerate() {
                if mentions[..i].iter().any(|p| same(p, m)) {
                    continue;
                }
                distinct += 1;
                if distinct == self.max + 1 {
                    beyond = Some(m.start);
                }
            }
            if let Some(start) = beyond {
                let max = self.max;
                pending.push(Pending {
                    span: Span::new(start, last),
                    message: match cx.locale {
                        Lang::Da => format!(
                            "Du tagger {distinct} personer eller konti – mere end {max} virker \
som spam og kan irritere dem, du tagger."
                        ),
                        Lang::En => format!(
                            "You tag {distinct} people or accounts – more than {max} looks like \
spam and can annoy the people you tag."
                        ),
                    },
                    severity: out.severity(),
                    suggestions: vec![advice(cx)],
                });
            }
        }
        emit_merged(out, pending, " ");
    }
}

fn advice(cx: &Context<'_>) -> Suggestion {
    Suggestion::advice(cx.t(
        "Tag kun dem, opslaget handler mest om. Skriv de andres navne uden @, eller tak dem i en kommentar.",
        "Tag only the people the post is really about. Write the others' names without @, or thank them in a comment.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Entity {
        Entity {
            text: text.to_string(),
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn same_account_ignores_case() {
        assert!(same(&m("Falck"), &m("falck")));
        assert!(same(&m("Søren"), &m("sØREN")));
        assert!(!same(&m("søren"), &m("soren")));
        assert!(!same(&m("anne"), &m("anne_h")));
    }
}
