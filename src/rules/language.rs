//! Language: the post is written in a language the guideline does not allow.

use super::{Build, Context, Emitter, Example, Local, Rule, RuleMeta};
use crate::report::{Severity, Suggestion};
use crate::text::Lang;

/// `language.not-allowed`.
pub static NOT_ALLOWED: RuleMeta = RuleMeta {
    id: "language.not-allowed",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Opslaget er skrevet på et sprog, retningslinjen ikke tillader",
        en: "The post is written in a language the guideline does not allow",
    },
    explain: Local {
        da: "Retningslinjen kan begrænse, hvilke sprog opslag skrives på (`languages`), fx \
fordi målgruppen er dansk, eller fordi kommunikationsafdelingen kun kan godkende bestemte \
sprog. Reglen slår til, når sproget tydeligt kan bestemmes og ikke er på listen; korte \
opslag, hvis sprog ikke kan afgøres, berøres ikke.\n\nGør i stedet: skriv opslaget på et af de \
tilladte sprog.",
        en: "The guideline can limit the languages posts are written in (`languages`), for \
example because the audience is Danish or because comms can only approve certain languages. \
The rule fires when the language is clear and not on the list; short posts whose language \
cannot be told are left alone.\n\nInstead: write the post in one of the allowed languages.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "We are hiring a new nurse for our team in Aarhus, apply today via the link.",
            guideline: "languages = [\"da\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi søger en ny sygeplejerske til vores team i Aarhus – søg via linket.",
            guideline: "languages = [\"da\"]",
            date: "",
        },
    ],
    build,
};

#[derive(Debug)]
struct NotAllowed;

fn build(_: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(NotAllowed)
}

fn name(lang: Lang, locale: Lang) -> &'static str {
    match (lang, locale) {
        (Lang::Da, Lang::Da) => "dansk",
        (Lang::En, Lang::Da) => "engelsk",
        (Lang::Da, Lang::En) => "Danish",
        (Lang::En, Lang::En) => "English",
    }
}

impl Rule for NotAllowed {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(lang) = cx.doc.language else { return };
        let allowed = &cx.guideline.languages;
        if allowed.contains(&lang) {
            return;
        }
        let list: Vec<&str> = allowed.iter().map(|&l| name(l, cx.locale)).collect();
        let first = cx.doc.first_sentence();
        let message = match cx.locale {
            Lang::Da => format!(
                "Opslaget ser ud til at være på {}, men retningslinjen tillader kun {}.",
                name(lang, Lang::Da),
                list.join(" og ")
            ),
            Lang::En => format!(
                "The post seems to be in {}, but the guideline allows only {}.",
                name(lang, Lang::En),
                list.join(" and ")
            ),
        };
        let advice = match cx.locale {
            Lang::Da => format!("Skriv opslaget på {}.", list.join(" eller ")),
            Lang::En => format!("Write the post in {}.", list.join(" or ")),
        };
        out.emit_with(first, message, Suggestion::advice(advice));
    }
}
