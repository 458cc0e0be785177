//! `tone.negative`: the post reads clearly negative, or insults someone.
//!
//! The post's tone is read once per post, sentence by sentence ([`crate::score::sentiment`]:
//! AFINN with negation, intensifiers, compounds, praise slang and irony); this rule only
//! decides. It fires on an insult aimed at people ("idiotiske kunder", "our clueless
//! management") whatever the rest of the post says, and otherwise when the post's sentiment
//! is at or below the threshold. The finding points at the most negative sentence and names
//! the words that make it so.

use crate::error::Error;
use crate::i18n::Arg;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "tone.negative",
    severity: Severity::Warning,
    route: Some("comms"),
    // A judgement of the whole post, pointed at its worst sentence: the profanity or the
    // disparagement inside that sentence is a finding of its own, not folded into this one.
    scope: Scope::WholePost,
    options: options::<Options>,
    build: Negative::build,
};

/// How many of a sentence's words a finding names.
const NAMED_WORDS: usize = 3;

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The sentiment (−100…100, the report's `scores.sentiment`) at or below which the rule
    /// fires.
    threshold: i8,
}

impl Default for Options {
    fn default() -> Options {
        Options { threshold: -50 }
    }
}

#[derive(Debug)]
struct Negative {
    threshold: i8,
}

impl Negative {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Negative {
            threshold: o.threshold,
        }))
    }
}

impl Rule for Negative {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let tone = &cx.scores.tone;
        if let Some(&insult) = tone.insults.first() {
            let words: Vec<Arg> = tone
                .insults
                .iter()
                .take(NAMED_WORDS)
                .map(|&s| Arg::from(cx.slice(s)))
                .collect();
            out.report(insult, "insult")
                .arg("words", Arg::List(words))
                .advice("insult-suggestion");
            return;
        }
        // A death told with grief is sad, not negative.
        if tone.grief || (cx.scores.sentiment > self.threshold && !tone.negative_throughout()) {
            return;
        }
        let Some((sentence, _)) = tone.worst_sentence() else {
            return;
        };
        let mut worst: Vec<_> = tone
            .drivers
            .iter()
            .filter(|d| d.sentence == sentence && d.score < 0.0)
            .collect();
        worst.sort_by(|a, b| a.score.total_cmp(&b.score));
        worst.truncate(NAMED_WORDS);
        worst.sort_by_key(|d| d.span.start);
        let words: Vec<Arg> = worst.iter().map(|d| Arg::from(cx.slice(d.span))).collect();
        let Some(r) = cx.doc.sentences.get(sentence) else {
            return;
        };
        out.report(Span::new(r.start, r.end), "message")
            .arg("words", Arg::List(words))
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn a_rant_fires_and_a_tough_week_that_ended_well_does_not() {
        assert_fires(
            "",
            "tone.negative",
            "Terrible, awful week. The management is a disaster and I hate how stupid this all is.",
        );
        assert_fires(
            "",
            "tone.negative",
            "Endnu en elendig dag. Jeg er rasende og træt af det hele, det er pinligt og katastrofalt.",
        );
        assert_silent(
            "",
            "tone.negative",
            "Tough problem this week, but the team solved it and I learned a lot.",
        );
    }

    #[test]
    fn negation_and_praise_slang_read_as_praise() {
        for text in [
            "Not bad at all! The team killed it this quarter – insane work, everyone.",
            "Sygt godt arbejde af hele holdet. Vildt flot, og aldrig kedeligt at være med.",
            "Ikke dårligt, ikke dårligt. Kæmpe tak til alle, der knoklede i weekenden.",
        ] {
            assert_silent("", "tone.negative", text);
        }
    }

    #[test]
    fn insults_aimed_at_people_fire_on_their_own() {
        assert_fires(
            "",
            "tone.negative",
            "Godt projekt, men de idiotiske kunder forstår ingenting.",
        );
        assert_fires(
            "",
            "tone.negative",
            "Nice launch, shame our management is so clueless about what users want.",
        );
        // A mistake, not a person; and a negated judgement.
        assert_silent(
            "",
            "tone.negative",
            "En dum fejl af mig – den er rettet nu.",
        );
        assert_silent(
            "",
            "tone.negative",
            "Kunderne er ikke dumme: de mærker hurtigt, om vi lytter.",
        );
    }

    #[test]
    fn irony_turns_the_praise_around() {
        assert_fires(
            "",
            "tone.negative",
            "Fantastisk. Endnu et møde, der kunne have været en mail 🙄 Tredje gang i dag. Spild af tid, elendigt planlagt.",
        );
        assert_silent(
            "",
            "tone.negative",
            "Endnu et fantastisk år med jer. Tak for samarbejdet!",
        );
    }
}
