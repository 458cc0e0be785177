//! The command line, as clap derive definitions. Parsing only; the subcommand files act.

use clap::{Args, Parser, Subcommand, ValueEnum};
use postlint::{Lang, Locale, Moment};
use std::path::PathBuf;

/// Checks social-media drafts against your company's content guideline.
#[derive(Debug, Parser)]
#[command(name = "postlint", version, about, propagate_version = true)]
pub struct Cli {
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR
    /// colours a pipe too), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint drafts: files, directories (*.txt *.md *.post) or standard input.
    Check(CheckArgs),
    /// List every rule: id, default severity, summary.
    Rules(RulesArgs),
    /// Explain why a rule exists and how to fix what it finds.
    Explain(ExplainArgs),
    /// Write a commented starter guideline file (postlint.toml).
    Init(InitArgs),
    /// List the platform profiles: name, length limit, counting unit.
    Platforms(PlatformsArgs),
    /// Serve the linter over HTTP: POST /v1/check, POST /v1/check/batch, GET /v1/rules, …
    Serve(ServeArgs),
    /// Speak the Language Server Protocol on stdin/stdout: diagnostics, fixes and
    /// explanations in any editor.
    Lsp(LspArgs),
    /// Write a [[confidential]] list whose terms are stored only as salted hashes.
    HashTerms(HashTermsArgs),
    /// Show the guideline in force: which file and why, its settings, every rule's state.
    Config(ConfigArgs),
    /// Write a shell completion script (bash, zsh, fish, powershell, elvish) to stdout.
    Completions(CompletionsArgs),
}

/// `postlint config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub guideline: GuidelineArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human, value_name = "FMT")]
    pub format: ListFormat,
}

/// `postlint completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// `postlint hash-terms`.
#[derive(Debug, Args)]
pub struct HashTermsArgs {
    /// The terms, one per line; `-` (or nothing, with piped input) reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Where the guideline comes from and which language to talk in (shared by subcommands).
#[derive(Debug, Args, Clone, Default)]
pub struct GuidelineArgs {
    /// Guideline file [default: postlint.toml or .postlint.toml here or in a parent].
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use only the built-in `recommended` pack, ignoring any guideline file.
    #[arg(long)]
    pub no_config: bool,
    /// Language of the messages: da | en [default: guideline, then LANG].
    #[arg(long, value_name = "CODE", value_parser = parse_locale)]
    pub locale: Option<Locale>,
    /// Let the guideline's `extends`, `terms_file` and `catalogs` name files outside its
    /// folder (for a guideline you trust).
    #[arg(long)]
    pub allow_outside_paths: bool,
}

/// `postlint check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` (or nothing, with piped input) reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub guideline: GuidelineArgs,
    /// Platforms to check, comma-separated (x,linkedin,bluesky,…).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub platform: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FMT")]
    pub format: Format,
    /// Print how many findings each rule made instead of the findings.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub statistics: bool,
    /// Input format: plain drafts, or JSON Lines ({"id","text","platform"?,"language"?}).
    #[arg(long, value_enum, default_value_t = InputFormat::Text, value_name = "FMT")]
    pub input_format: InputFormat,
    /// The lowest severity that makes the run fail [default: the guideline's, else error].
    #[arg(long, value_enum, value_name = "SEV")]
    pub fail_on: Option<FailOn>,
    /// The posts' language (skips detection): da | en.
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// The moment to judge embargoes and quiet periods by: a day (2027-03-01) or a date-time
    /// (2027-03-01T08:00, 2027-03-01T08:00:00+01:00) [default: now].
    #[arg(long, value_name = "DATE", value_parser = parse_moment)]
    pub date: Option<Moment>,
    /// Only these rules or families (comma-separated, repeatable).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Not these rules or families (comma-separated, repeatable).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Apply the safe suggestions to the files (standard input: print the fixed text).
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// With --fix or --diff: also apply suggestions that may change the meaning.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Show a unified diff of what --fix would change, without writing (exit 1 if any).
    #[arg(long)]
    pub diff: bool,
    /// The largest post read, in bytes (K, M suffixes: 512K, 4M) [default: 1M].
    #[arg(long, value_name = "N", value_parser = parse_bytes)]
    pub max_post_bytes: Option<u64>,
    /// The file name standard input stands for: reports name it, and the guideline is
    /// searched for from its folder (for editors that pipe an unsaved buffer).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Leave out files and folders matching GLOB when walking folders (repeatable; a name
    /// such as `*.kladde.md` matches at any depth, a path such as `arkiv/**` from here).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Apply --exclude and [files] exclude to files named on the command line too.
    #[arg(long)]
    pub force_exclude: bool,
    /// Check files that .gitignore, .ignore or .postlintignore leave out.
    #[arg(long)]
    pub no_respect_gitignore: bool,
    /// At most this many findings of one rule in one post; one more counts the rest
    /// [default: 50].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_findings_per_rule: Option<u32>,
    /// Write only these fields of each post in JSON and JSON Lines (comma-separated, e.g.
    /// `verdict,reviewers,findings`; `source` is always written) [default: all].
    #[arg(long, value_name = "FIELDS")]
    pub output_fields: Option<String>,
    /// Check a batch on this many threads (0: one per core, the default; at most 256);
    /// output keeps the input order.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Ignore the drafts' waivers (`waive` in front matter or a record): every finding
    /// counts, as for an audit.
    #[arg(long)]
    pub no_waivers: bool,
}

/// `postlint rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub guideline: GuidelineArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human, value_name = "FMT")]
    pub format: ListFormat,
}

/// `postlint explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id (`sales.discount`) or a family (`sales`).
    #[arg(value_name = "RULE")]
    pub rule: String,
    #[command(flatten)]
    pub guideline: GuidelineArgs,
}

/// `postlint init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Language of the comments and messages: da | en [default: from LANG].
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
    /// Where to write it.
    #[arg(long, value_name = "FILE", default_value = "postlint.toml")]
    pub output: PathBuf,
}

/// `postlint lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Where the guideline comes from; without --config each draft uses the guideline found
    /// from its own folder upward.
    #[command(flatten)]
    pub guideline: GuidelineArgs,
}

/// `postlint serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where to listen: HOST:PORT (port 0 picks a free one; the address is printed on
    /// stderr) or unix:/path/to.sock.
    #[arg(
        long = "listen",
        visible_alias = "addr",
        value_name = "ADDR",
        default_value = "127.0.0.1:8080"
    )]
    pub addr: String,
    #[command(flatten)]
    pub guideline: GuidelineArgs,
    /// Checks run at once, one per worker thread [default: the number of CPUs].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,
    /// Checks that may wait for a worker; beyond them a request gets 503 with Retry-After
    /// [default: 64 per worker].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..))]
    pub queue: Option<u16>,
    /// Require `Authorization: Bearer <token>`, the token being this file's first line
    /// (`/healthz` and `/readyz` stay open for probes).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Let pages from this origin call the service (CORS; repeatable), e.g.
    /// https://intranet.example.com.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Vec<String>,
    /// The largest request body, in bytes (K, M suffixes) [default: 1M].
    #[arg(long, value_name = "N", value_parser = parse_bytes)]
    pub max_body_bytes: Option<u64>,
    /// Seconds a client may take to send a request body.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub request_timeout: u16,
    /// Seconds requests in flight may take to finish after SIGTERM.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub shutdown_timeout: u16,
}

/// `postlint platforms`.
#[derive(Debug, Args)]
pub struct PlatformsArgs {
    #[command(flatten)]
    pub guideline: GuidelineArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human, value_name = "FMT")]
    pub format: ListFormat,
}

/// Report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings drawn under the text, for people.
    Human,
    /// One JSON document (the documented contract).
    Json,
    /// One JSON object per post and line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions annotations (and, past 10 of a kind, the step summary).
    Github,
    /// One line per finding: path:line:col: severity rule message.
    Concise,
    /// JUnit XML test results.
    Junit,
    /// GitLab Code Quality report.
    Gitlab,
}

/// Input formats of `check`.
impl From<Format> for postlint::render::Format {
    fn from(f: Format) -> postlint::render::Format {
        use postlint::render::Format as F;
        match f {
            Format::Human => F::Human,
            Format::Json => F::Json,
            Format::Jsonl => F::Jsonl,
            Format::Sarif => F::Sarif,
            Format::Github => F::Github,
            Format::Concise => F::Concise,
            Format::Junit => F::Junit,
            Format::Gitlab => F::Gitlab,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file (or standard input) is one draft, maybe with `+++` front matter.
    Text,
    /// One JSON object per line: {"id","text","platform"?,"platforms"?,"language"?}.
    Jsonl,
}

/// The `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors.
    Error,
    /// Fail on warnings or errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour a terminal; `NO_COLOR` turns it off, `FORCE_COLOR` on.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Shells `postlint completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

/// Formats of the listing subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table for people.
    Human,
    /// JSON.
    Json,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a supported language (da, en)"))
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    Locale::parse(s).ok_or_else(|| format!("`{s}` is not a language code such as da or en"))
}

fn parse_moment(s: &str) -> Result<Moment, String> {
    s.parse()
}

/// A byte count: `1048576`, `512K`, `4M` (binary units; `KiB`, `MiB` and `B` are accepted too).
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let digits = upper.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &upper[digits.len()..];
    let factor: u64 = match unit {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return Err(format!("`{s}` is not a size such as 1048576, 512K or 4M")),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size such as 1048576, 512K or 4M"))?;
    match n.checked_mul(factor) {
        Some(0) => Err("the size must be at least 1 byte".to_string()),
        Some(v) => Ok(v),
        None => Err(format!("`{s}` is too large")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_bytes("1048576"), Ok(1 << 20));
        assert_eq!(parse_bytes("512K"), Ok(512 << 10));
        assert_eq!(parse_bytes("4m"), Ok(4 << 20));
        assert_eq!(parse_bytes("4 MiB"), Ok(4 << 20));
        assert!(parse_bytes("0").is_err());
        assert!(parse_bytes("4X").is_err());
        assert!(parse_bytes("-1").is_err());
        assert!(parse_bytes("99999999999999999999G").is_err());
    }

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn lists_split_on_commas_and_repeat() {
        let cli = Cli::try_parse_from([
            "postlint",
            "check",
            "--select",
            "sales,tone",
            "--select",
            "links",
            "a.txt",
        ])
        .unwrap();
        let Command::Check(args) = cli.command else {
            panic!("not check")
        };
        assert_eq!(args.select, ["sales", "tone", "links"]);
    }
}
