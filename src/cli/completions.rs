//! `postlint completions SHELL`: a completion script for the shell, written by clap_complete
//! from the same definitions the parser uses, so it can never fall behind the options.

use super::args::{Cli, CompletionsArgs, Shell};
use super::{write_stdout, Error};
use clap::CommandFactory;
use clap_complete::Shell as Target;
use std::process::ExitCode;

/// Runs `postlint completions`.
pub fn run(args: &CompletionsArgs) -> Result<ExitCode, Error> {
    let target = match args.shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
        Shell::Elvish => Target::Elvish,
    };
    let mut script = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "postlint", &mut script);
    write_stdout(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}
