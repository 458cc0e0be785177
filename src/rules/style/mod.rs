//! `style.*`: fancy Unicode letters, shouting in capitals, too many emoji, and exclamation
//! marks. These rules read the document's words, sentences and entities; the one list they
//! need (acronyms written in capitals anyway) is data in `rules/lexicons/acronyms.txt`.

pub(crate) mod emoji_density;
pub(crate) mod exclamations;
pub(crate) mod fancy_text;
pub(crate) mod shouting;

/// A piece of the post for a message: as written, shortened when very long.
fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}
