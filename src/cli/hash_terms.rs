//! `postlint hash-terms`: a `[[confidential]]` block whose terms are only salted hashes.

use super::args::HashTermsArgs;
use super::input::{self, Source};
use super::{write_stdout, Error};
use std::process::ExitCode;

/// The most a term file may have (a list of 10,000 codenames is well under 1 MiB).
const LIMIT: u64 = 16 << 20;

/// Runs `postlint hash-terms`.
pub fn run(args: &HashTermsArgs) -> Result<ExitCode, Error> {
    let source = match &args.file {
        None => input::piped_stdin()?,
        Some(p) if p.as_os_str() == "-" => Source::Stdin,
        Some(p) => Source::File(p.clone()),
    };
    let draft = input::read_draft(&source, LIMIT)?;
    // The error says which line, never the term on it.
    let block = postlint::hash_terms(&draft.text)
        .map_err(|e| Error::from(e).with_path_note(&source.name()))?;
    write_stdout(&block)?;
    Ok(ExitCode::SUCCESS)
}
