//! The `yaodian` command line, run as a user runs it.

use std::process::Command;

fn yaodian(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_yaodian"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn outline_prints_the_expected_outline() {
    let out = yaodian(&["outline", "tests/fixtures/tongxin-excerpt.json"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string("tests/fixtures/tongxin-excerpt.outline").unwrap()
    );
}

#[test]
fn export_text_writes_the_expected_file() {
    let dir = std::env::temp_dir().join(format!("yaodian-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("notice.txt");
    let out = yaodian(&[
        "export",
        "tests/fixtures/tongxin-excerpt.json",
        "--format",
        "text",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap(),
        std::fs::read_to_string("tests/fixtures/tongxin-excerpt.txt").unwrap()
    );
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failure_code() {
    let broken = std::env::temp_dir().join(format!("yaodian-broken-{}.json", std::process::id()));
    std::fs::write(&broken, "{\"format\": \"yaodian-plan\", ").unwrap();
    let out = yaodian(&["outline", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("不是有效的 JSON"));
    let out = yaodian(&["outline", "no-such-file.json"]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("无法读取"));
    let out = yaodian(&[
        "export",
        "tests/fixtures/tongxin-excerpt.json",
        "--format",
        "pdf",
    ]);
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("不支持的格式"));
}
