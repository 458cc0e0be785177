//! `--fix` writes a draft atomically and keeps what it does not fix: permissions, a symlink,
//! front matter, CRLF line ends and a byte-order mark; a read-only draft is refused (exit 2)
//! with the original intact, and no temporary file is left behind.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

const GUIDELINE: &str = include_str!("../fixtures/guidelines/safe-fix.toml");

fn fix(dir: &Path, file: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .current_dir(dir)
        .args([
            "check",
            "--config",
            "g.toml",
            "--fix",
            "--fail-on",
            "never",
            file,
        ])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.toml"), GUIDELINE).unwrap();
    dir
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".postlint-fix-"))
        .collect()
}

#[test]
fn keeps_bom_front_matter_crlf_and_permissions() {
    let dir = setup();
    let original = "\u{FEFF}+++\r\nplatforms = [\"x\"]\r\n+++\r\nHej fra Acme inc!\r\nVi ses.\r\n";
    let path = dir.path().join("a.txt");
    std::fs::write(&path, original).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, err) = fix(dir.path(), "a.txt");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original.replace("Acme inc", "ACME")
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn follows_a_symlink_to_its_target() {
    let dir = setup();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/a.txt");
    std::fs::write(&target, "Hej fra Acme inc!\n").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, err) = fix(dir.path(), "link.txt");
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "Hej fra ACME!\n");
    assert!(leftovers(&dir.path().join("real")).is_empty());
}

#[test]
fn a_read_only_draft_is_a_clear_error_and_stays_as_it_was() {
    let dir = setup();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Hej fra Acme inc!\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, err) = fix(dir.path(), "a.txt");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a.txt") && err.contains("read-only"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Hej fra Acme inc!\n"
    );
    assert!(leftovers(dir.path()).is_empty());
}
