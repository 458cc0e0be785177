//! The message catalogue is data: a further language is a catalogue file, not a code change.
//! A guideline names a catalogue in a third locale with a few entries; each entry falls back
//! on its own (to English), and numbers follow the new locale's separators.

use postlint::{Guideline, Linter, Locale, Options, Post};
use std::fs;

const SV: &str = r#"
locale = "sv"
[messages]
"links.shortener.message" = "«{link}» är en förkortad länk: läsarna ser inte vart den leder."
"links.shortener.summary" = "En förkortad länk döljer vart den leder"
"length.over-limit.message" = "För långt för {platforms}: {length} av {limit} tecken – korta med {over}."
"number.thousands" = " "
"list.and" = " och "
"verdict.review" = "granskning"
"#;

fn swedish() -> Linter {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sv.toml"), SV).unwrap();
    fs::write(
        dir.path().join("postlint.toml"),
        "extends = [\"recommended\"]\nlocale = \"sv\"\ncatalogs = [\"sv.toml\"]\n",
    )
    .unwrap();
    let g = Guideline::from_path(dir.path().join("postlint.toml")).unwrap();
    Linter::new(g).unwrap()
}

#[test]
fn a_third_locale_falls_back_per_entry() {
    let l = swedish();
    assert_eq!(l.locale().code(), "sv");
    let r = l.check(&Post::new("Läs mer: https://bit.ly/3xYz"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "links.shortener")
        .unwrap();
    assert_eq!(
        f.message,
        "«https://bit.ly/3xYz» är en förkortad länk: läsarna ser inte vart den leder."
    );
    // The suggestion has no Swedish entry: English, not an empty string or an id.
    assert_eq!(
        f.suggestions[0].title,
        "Use the full address: open the link and copy it from your browser's address bar."
    );
    assert_eq!(l.message("verdict.review"), "granskning");
    assert_eq!(l.message("verdict.pass"), "pass");
    let info = l.rule("links.shortener").unwrap();
    assert_eq!(info.summary, "En förkortad länk döljer vart den leder");
    assert!(
        info.explanation.starts_with("A shortened link"),
        "{}",
        info.explanation
    );
}

#[test]
fn the_new_locale_formats_numbers_and_lists_its_own_way() {
    let l = swedish();
    let text = "a".repeat(3100);
    let post = Post::new(text.as_str()).platforms(["linkedin", "instagram"]);
    let r = l.check(&post);
    let over: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "length.over-limit")
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        over.contains(&"För långt för LinkedIn: 3 100 av 3 000 tecken – korta med 100."),
        "{over:?}"
    );
}

#[test]
fn a_locale_without_messages_is_an_error_not_english_in_disguise() {
    let e = Linter::with_options(
        Guideline::recommended(),
        Options::new().locale(Locale::parse("fi").unwrap()),
    )
    .unwrap_err();
    assert!(e.message().contains("`fi`"), "{}", e.message());
    assert!(
        e.help_text().unwrap().contains("catalogs"),
        "{:?}",
        e.help_text()
    );
}

#[test]
fn a_catalogue_file_is_checked_like_a_guideline() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sv.toml"), "locale = \"sv\"\n[mesages]\n").unwrap();
    fs::write(
        dir.path().join("postlint.toml"),
        "catalogs = [\"sv.toml\"]\n",
    )
    .unwrap();
    let e = Guideline::from_path(dir.path().join("postlint.toml")).unwrap_err();
    assert!(
        e.message().contains("did you mean `messages`"),
        "{}",
        e.message()
    );
    assert!(e.to_string().contains("sv.toml:2:"), "{e}");
}

/// Every `msg!("error.…")` the sources name, with the arguments they give it.
fn error_ids_in_sources() -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("msg!(") {
                rest = rest[i + "msg!(".len()..].trim_start();
                let Some(after) = rest.strip_prefix('"').filter(|r| r.starts_with("error.")) else {
                    continue;
                };
                rest = after;
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                // The arguments: `name = value` up to the closing parenthesis at depth 0.
                let mut depth = 1;
                let mut end = 0;
                for (j, c) in rest.char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        end = j;
                        break;
                    }
                }
                let args_text = &rest[id.len() + 1..end];
                let mut args = Vec::new();
                let mut d = 0;
                let mut start = 0;
                let bytes: Vec<char> = args_text.chars().collect();
                for (j, c) in bytes.iter().enumerate() {
                    match c {
                        '(' | '[' | '{' => d += 1,
                        ')' | ']' | '}' => d -= 1,
                        ',' if d == 0 => {
                            let part: String = bytes[start..j].iter().collect();
                            if let Some((k, _)) = part.split_once('=') {
                                args.push(k.trim().to_string());
                            }
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                let part: String = bytes[start..].iter().collect();
                if let Some((k, _)) = part.split_once('=') {
                    args.push(k.trim().to_string());
                }
                out.push((path.display().to_string(), id, args));
            }
        }
    }
    out
}

/// The `{name}` placeholders of a template.
fn placeholders(template: &str) -> Vec<String> {
    let mut out: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .map(|n| n.split([':', '|']).next().unwrap_or("").to_string())
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_error_is_written_in_danish_and_english_with_the_arguments_it_gets() {
    let text = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/catalog/errors.toml"),
    )
    .unwrap();
    let table: toml::Table = text.parse().unwrap();
    let used = error_ids_in_sources();
    assert!(used.len() > 100, "{}", used.len());
    for (file, id, args) in &used {
        let entry = table
            .get(id)
            .unwrap_or_else(|| panic!("{file}: `{id}` is not in rules/catalog/errors.toml"));
        let texts: Vec<(&str, &str)> = match entry {
            toml::Value::String(s) => vec![("", s.as_str())],
            toml::Value::Table(t) => {
                let da = t.get("da").and_then(|v| v.as_str());
                let en = t.get("en").and_then(|v| v.as_str());
                assert!(da.is_some() && en.is_some(), "`{id}` needs da and en");
                vec![("da", da.unwrap()), ("en", en.unwrap())]
            }
            _ => panic!("`{id}`: a text or {{ da, en }}"),
        };
        let mut given = args.clone();
        given.sort();
        given.dedup();
        for (lang, t) in texts {
            assert_eq!(
                placeholders(t),
                given,
                "{file}: `{id}` ({lang}) fills other arguments than the code gives"
            );
        }
    }
    // And nothing in the file that no code uses.
    for id in table.keys() {
        let shared = ["error.help", "error.prefix", "error.here"];
        assert!(
            shared.contains(&id.as_str()) || used.iter().any(|(_, u, _)| u == id),
            "`{id}` in rules/catalog/errors.toml is used nowhere"
        );
    }
}
