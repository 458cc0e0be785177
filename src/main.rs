//! The `postlint` command: parses the arguments, runs the subcommand, maps the outcome to an
//! exit code (0 clean, 1 findings at or above `--fail-on`, 2 could not run).

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The library promises never to panic; should it happen anyway, the user gets one line and
    // exit code 2 ("could not run"), not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("postlint: internal error{location}: {message}\nThis is a bug in postlint; please report it.");
        std::process::exit(i32::from(cli::EXIT_ERROR));
    }));
    // clap prints its own usage errors and exits with 2; --help and --version exit with 0.
    let args = cli::Cli::parse();
    let locale = cli::error_locale(&args);
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // The run's locale when the guideline was read before the error, else the
            // command line's or the environment's.
            cli::print_error(&err, cli::run_locale().unwrap_or(locale));
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
