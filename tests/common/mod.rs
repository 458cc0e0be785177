//! What the end-to-end tests of the binary share: running it in a directory, writing files.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// How a run ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `postlint args` in `dir` with English messages and no colour, feeding `stdin` (stdin
/// is always closed). A panic or an internal error on stderr fails the test.
pub fn postlint(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    postlint_env(dir, args, stdin, &[])
}

/// [`postlint`] with further environment variables (`("NO_COLOR", "")` unsets colour's).
/// No user-level guideline or `POSTLINT_CONFIG` of the machine running the tests is seen.
pub fn postlint_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_postlint"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .env_remove("POSTLINT_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join(".no-user-config"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    {
        // Always close stdin: with no PATH, piped input (even empty) is read.
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            // A run that needs no standard input may exit before reading it: the pipe is
            // then closed, which is no failure of the test.
            if let Err(e) = pipe.write_all(bytes) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
        }
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    let run = Run {
        code: status.code().expect("exited normally"),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("internal error"),
        "panic: {}",
        run.stderr
    );
    run
}

/// Writes `content` to `dir/name`, creating folders.
pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    path
}

/// Parses JSON, or fails the test showing the text.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}
pub mod server;
