//! `postlint init`: writes a commented starter guideline (`postlint.toml`).
//!
//! The template is checked with the real loader before it is written, so `init` can never
//! leave a file that `check` then refuses.

use super::args::InitArgs;
use super::error::msg;
use super::{env_locale, tr, usage, write_stdout, Error};
use postlint::{Guideline, Lang};
use std::io::Write as _;
use std::process::ExitCode;

/// Runs `postlint init`.
pub fn run(args: &InitArgs) -> Result<ExitCode, Error> {
    let lang = args.lang.or_else(env_locale).unwrap_or(Lang::En);
    let text = template(lang, false);
    let name = args.output.display().to_string();
    Guideline::from_toml(&text, &name)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if args.force {
        options.create(true).truncate(true);
    } else {
        // create_new: never overwrite, even if the file appears after we looked.
        options.create_new(true);
    }
    let mut file = options.open(&args.output).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            usage(
                msg!("error.cli.exists", path = name.as_str()),
                msg!("error.cli.exists.help"),
            )
        } else {
            write_error(&name, &e).with_path(&args.output)
        }
    })?;
    file.write_all(text.as_bytes())
        .map_err(|e| write_error(&name, &e).with_path(&args.output))?;
    let next = tr(
        lang.into(),
        "Tilpas [company], og prøv så `postlint check udkast.txt`.",
        "Fill in [company], then try `postlint check draft.txt`.",
    );
    write_stdout(&format!(
        "{} {name}. {next}\n",
        tr(lang.into(), "Skrev", "Wrote")
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The starter guideline in `lang`. With `examples`, the commented-out examples are live (a
/// test loads that version to keep the examples valid).
pub fn template(lang: Lang, examples: bool) -> String {
    let t = |da: &'static str, en: &'static str| tr(lang.into(), da, en);
    let ex = |line: &str| {
        if examples {
            format!("{line}\n")
        } else {
            format!("# {line}\n")
        }
    };
    let mut s = String::new();
    s += t(
        "# postlint — retningslinjer for medarbejderes opslag på sociale medier.\n\
         # `postlint rules` viser alle regler; `postlint explain REGEL` forklarer én.\n\n",
        "# postlint — guidelines for employees' social-media posts.\n\
         # `postlint rules` lists every rule; `postlint explain RULE` explains one.\n\n",
    );
    s += t(
        "# Byg videre på den indbyggede pakke.\n",
        "# Build on the built-in pack.\n",
    );
    s += "extends = [\"recommended\"]\n\n";
    s += t(
        "# Sprog, opslag må skrives på; sprogregistreringen vælger mellem dem.\n",
        "# Languages posts may be written in; language detection chooses among them.\n",
    );
    s += "languages = [\"da\", \"en\"]\n";
    s += t(
        "# Sproget i beskederne.\n",
        "# The language of the messages.\n",
    );
    s += &format!("locale = \"{}\"\n", lang.code());
    s += t(
        "# Platforme der tjekkes, når hverken kommandolinjen eller opslaget angiver nogen.\n",
        "# Platforms checked when neither the command line nor the post names any.\n",
    );
    s += "platforms = [\"linkedin\"]\n";
    s += t(
        "# Den laveste alvor der får `postlint check` til at fejle: error | warning | info.\n",
        "# The lowest severity that makes `postlint check` fail: error | warning | info.\n",
    );
    s += "fail_on = \"error\"\n\n[company]\n";
    s += t(
        "# Firmaets navne, produkter, konkurrenter og egne domæner.\n",
        "# The company's names, products, competitors and own domains.\n",
    );
    s += "names = []\nproducts = []\ncompetitors = []\ndomains = []\n";
    s += t(
        "# Hashtags eller sætninger, der viser at forfatteren arbejder i firmaet.\n",
        "# Hashtags or phrases that disclose that the author works for the company.\n",
    );
    s += "disclosures = []\n";
    s += t(
        "# Firmaets offentlige adresser og numre (presse, job): de må gerne stå i et opslag.\n",
        "# The company's public addresses and numbers (press, jobs): fine in a post.\n",
    );
    s += "contacts = []\n\n";
    s += t(
        "# Indstillinger pr. regel eller familie: severity, enabled, route og regelens egne.\n",
        "# Settings per rule or family: severity, enabled, route and the rule's own options.\n",
    );
    s += &ex("[rules.\"sales.score\"]");
    s += &ex("severity = \"error\"");
    s += &ex("threshold = 60");
    s += &ex("[rules.\"finance.quiet-period\"]");
    s += &ex("route = \"investor-relations\"");
    s += "\n";
    s += t(
        "# Kodenavne og ikke-lancerede produkter, eventuelt med embargo til en dato.\n",
        "# Codenames and unreleased products, optionally under embargo until a date.\n",
    );
    s += &ex("[[confidential]]");
    s += &ex("terms = [\"Nordlys\"]");
    s += &ex("until = 2027-01-15T08:00:00+01:00");
    s += &ex(t(
        "message = \"Nordlys er under embargo til lanceringen.\"",
        "message = \"Nordlys is under embargo until the launch.\"",
    ));
    s += "\n";
    s += t(
        "# En hemmelig liste: `postlint hash-terms kodenavne.txt >> postlint.toml`.\n",
        "# A secret list: `postlint hash-terms codenames.txt >> postlint.toml`.\n",
    );
    s += "\n";
    s += t(
        "# Kunder, der kun må nævnes med deres samtykke.\n",
        "# Customers that may be named only with their consent.\n",
    );
    s += &ex("[[customer]]");
    s += &ex("name = \"Kunde A/S\"");
    s += &ex("consent = false");
    s += "\n";
    s += t(
        "# Stilleperioder før regnskabsmeddelelser.\n",
        "# Quiet periods before financial results.\n",
    );
    s += &ex("[[quiet_period]]");
    s += &ex("from = 2027-01-15");
    s += &ex("to = 2027-02-05");
    s += &ex(t(
        "reason = \"Årsrapport 2026\"",
        "reason = \"Annual report 2026\"",
    ));
    s += "\n";
    s += t("# Firmaets egne regler.\n", "# The company's own rules.\n");
    s += &ex("[[rule]]");
    s += &ex("id = \"acme.internal-url\"");
    s += &ex("kind = \"pattern\"");
    s += &ex("pattern = 'https?://intranet\\.acme\\.'");
    s += &ex("severity = \"error\"");
    s += &ex(t(
        "message = \"Interne links må ikke deles offentligt.\"",
        "message = \"Internal links must not be shared publicly.\"",
    ));
    s
}

/// The error for a file that could not be written.
fn write_error(name: &str, e: &std::io::Error) -> Error {
    Error::new(msg!("error.io.write", path = name, reason = e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_load_with_and_without_examples() {
        for lang in Lang::ALL {
            for examples in [false, true] {
                let text = template(lang, examples);
                if let Err(e) = Guideline::from_toml(&text, "postlint.toml") {
                    panic!("{lang} examples={examples}: {e}\n{text}");
                }
            }
        }
    }
}
