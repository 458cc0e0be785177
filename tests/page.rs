//! The service's page (`GET /`) in a real browser: Debian's headless Chromium, driven over
//! WebDriver (chromedriver) by fantoccini. An employee types a Danish draft with a tracking
//! link and a discount; both are marked in the text with their message on hover and on
//! keyboard focus, the verdict and the length bars show, the findings are announced, the safe
//! fix cleans the link, and the page switches to English. Screenshots of each step are left in
//! `target/tmp/page/` for a person to look at.
//!
//! `.ci/run` installs `chromium` and `chromium-driver` (scripts/install-browser). Without
//! them the test fails, unless `POSTLINT_SKIP_BROWSER=1` says to skip it on purpose.

mod common;

use common::server::Server;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long the page may take to show something; a guard against a hang, not a speed test.
const WAIT: Duration = Duration::from_secs(30);

/// A Danish post: a discount, and a link with campaign tracking codes.
const DRAFT: &str = "Spar 25 % på alle vores cykelhjelme i denne uge! Se dem her: \
                     https://shop.example.dk/hjelme?utm_source=linkedin&utm_campaign=jul";

/// chromedriver on a free loopback port; killed on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let child = Command::new(CHROMEDRIVER)
            .args([
                format!("--port={port}"),
                "--allowed-ips=127.0.0.1".to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { child, port };
        let deadline = Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn browser_missing() -> bool {
    let missing = !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists();
    if missing && std::env::var_os("POSTLINT_SKIP_BROWSER").is_some() {
        eprintln!("skipped: no {CHROMIUM} or {CHROMEDRIVER} (POSTLINT_SKIP_BROWSER is set)");
        return true;
    }
    assert!(
        !missing,
        "the page test needs Debian's chromium and chromium-driver: run scripts/install-browser \
         (or set POSTLINT_SKIP_BROWSER=1 to skip it on purpose)"
    );
    false
}

async fn browser(driver: &Driver, profile: &Path) -> Client {
    // The flags of a headless run on a machine with no network beyond loopback: without the
    // background-networking ones Chromium keeps trying to reach its own services.
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1500",
    ];
    let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({"binary": CHROMIUM, "args": args}),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

async fn wait_for(c: &Client, css: &str) -> Element {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
}

/// Waits until `script` (a JavaScript expression) is true in the page.
async fn wait_until(c: &Client, script: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let v = c
            .execute(&format!("return Boolean({script});"), vec![])
            .await
            .expect("the script runs");
        if v == serde_json::Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "never true: {script}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn text_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await.text().await.expect("its text")
}

async fn screenshot(c: &Client, name: &str) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("page");
    std::fs::create_dir_all(&dir).unwrap();
    let png = c.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    std::fs::write(dir.join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_employee_checks_a_danish_draft_and_fixes_the_link() {
    if browser_missing() {
        return;
    }
    let server = Server::start(&[]);
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path()).await;
    let result = run(&c, &server).await;
    // Close the browser whatever happened, then report.
    let _ = c.close().await;
    result.unwrap();
}

async fn run(c: &Client, server: &Server) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&format!("http://{}/", server.addr)).await?;
    // The service's locale is Danish: so is the page.
    assert_eq!(text_of(c, "h1").await, "Tjek dit opslag");
    let lang = c
        .execute("return document.documentElement.lang;", vec![])
        .await?;
    assert_eq!(lang, "da");

    // No token is needed here, so none is asked for.
    wait_until(
        c,
        r#"document.getElementById("token-box").offsetParent === null"#,
    )
    .await;
    let draft = wait_for(c, "#draft").await;
    draft.send_keys(DRAFT).await?;

    // Both problems are marked in the text.
    let link = wait_for(c, r#"#marked mark[data-rule~="links.tracking"]"#).await;
    let discount = wait_for(c, r#"#marked mark[data-rule~="sales.percent-off"]"#).await;
    assert!(link.text().await?.contains("utm_source=linkedin"));
    assert!(discount.text().await?.contains("25 %"));
    // The verdict: a salesy post goes to review.
    wait_until(
        c,
        r#"document.getElementById("verdict").dataset.verdict === "review""#,
    )
    .await;
    assert_eq!(text_of(c, "#verdict").await, "Skal gennemses før deling");
    // A length bar for each platform checked, with the count of the post.
    let bar = text_of(c, r#"#lengths [data-platform="linkedin"] .figure"#).await;
    assert!(bar.ends_with("af 3000"), "{bar}");
    // The findings are announced to a screen reader.
    wait_until(
        c,
        r#"document.getElementById("announce").textContent.includes("Skal gennemses")"#,
    )
    .await;

    // Keyboard focus on the marked link shows its message and suggestion.
    c.execute(
        r#"document.querySelector('#marked mark[data-rule~="links.tracking"]').focus();"#,
        vec![],
    )
    .await?;
    wait_until(c, r#"!document.getElementById("tip").hidden"#).await;
    let tip = text_of(c, "#tip").await;
    assert!(tip.contains("sporingskoder"), "{tip}");
    assert!(tip.contains("Forslag:"), "{tip}");
    screenshot(c, "1-danish-draft.png").await;

    // The safe fix cleans the link; the page checks the new text.
    let fix = wait_for(c, r#"#findings li[data-rule="links.tracking"] button.fix"#).await;
    fix.click().await?;
    wait_until(
        c,
        r#"!document.getElementById("draft").value.includes("utm_")
           && !document.querySelector('#findings li[data-rule="links.tracking"]')
           && document.querySelector('#findings li[data-rule="sales.percent-off"]')"#,
    )
    .await;
    let value = c
        .execute(r#"return document.getElementById("draft").value;"#, vec![])
        .await?;
    let value = value.as_str().unwrap_or_default();
    assert!(value.ends_with("https://shop.example.dk/hjelme"), "{value}");
    assert!(
        value.starts_with("Spar 25 % på alle vores cykelhjelme"),
        "{value}"
    );
    screenshot(c, "2-link-fixed.png").await;

    // The explanation of a rule, in a dialog.
    let why = wait_for(
        c,
        r#"#findings li[data-rule="sales.percent-off"] a.explain"#,
    )
    .await;
    why.click().await?;
    wait_until(c, r#"document.getElementById("explain").open"#).await;
    assert_eq!(text_of(c, "#explain-title").await, "sales.percent-off");
    c.execute(r#"document.getElementById("explain").close();"#, vec![])
        .await?;

    // English at a click: the page's words and the findings' messages.
    wait_for(c, r#"#languages button[data-locale="en"]"#)
        .await
        .click()
        .await?;
    wait_until(
        c,
        r#"document.querySelector("h1").textContent === "Check your post"
           && document.getElementById("verdict").textContent === "Needs a review before sharing""#,
    )
    .await;
    screenshot(c, "3-english.png").await;

    // On a phone: one column, nothing wider than the screen.
    c.set_window_size(390, 844).await?;
    wait_until(
        c,
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth",
    )
    .await;
    screenshot(c, "4-phone.png").await;
    Ok(())
}
