//! A running `postlint serve` for the end-to-end tests of the service and its page.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A running `postlint serve`; killed (and reaped) on drop. Its stderr (the log) is read
/// all along by a thread, so the server never blocks on a full pipe.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts the server with the built-in guideline and Danish messages.
    pub fn start(extra: &[&str]) -> Server {
        let mut args = vec!["--no-config", "--locale", "da"];
        args.extend_from_slice(extra);
        Server::start_with(&args, None)
    }

    /// Starts `postlint serve --listen 127.0.0.1:0 ARGS` in `dir` (default: here).
    pub fn start_with(args: &[&str], dir: Option<&std::path::Path>) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_postlint"));
        cmd.arg("serve");
        if !args.contains(&"--listen") {
            cmd.args(["--listen", "127.0.0.1:0"]);
        }
        cmd.args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(dir) = dir {
            cmd.current_dir(dir);
        }
        let mut child = cmd.spawn().expect("the binary runs");
        let stderr = child.stderr.take().expect("stderr is piped");
        let log = Arc::new(Mutex::new(Vec::new()));
        // Build the guard first, so a failure below still kills the child.
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            log: Arc::clone(&log),
        };
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                log.lock().unwrap().push(line);
            }
        });
        let line = server.wait_for_log("postlint: listening on ", Duration::from_secs(20));
        let addr = line
            .strip_prefix("postlint: listening on http://")
            .unwrap_or("");
        if let Ok(addr) = addr.trim().parse() {
            server.addr = addr;
        }
        server
    }

    /// The first log line that starts with `prefix`, waiting up to `limit` for it.
    #[track_caller]
    pub fn wait_for_log(&self, prefix: &str, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(l) = self
                .log
                .lock()
                .unwrap()
                .iter()
                .find(|l| l.starts_with(prefix))
            {
                return l.clone();
            }
            if Instant::now() > deadline {
                panic!("no log line {prefix:?}: {:?}", self.log.lock().unwrap());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The whole log so far.
    pub fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// Sends a signal (`TERM`, `HUP`) with kill(1).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
