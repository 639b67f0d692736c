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
fn export_takes_the_notice_options() {
    let dir = std::env::temp_dir().join(format!("yaodian-cli-options-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("notice.txt");
    let docx = dir.join("notice.docx");
    for (format, path) in [("text", &text), ("docx", &docx)] {
        let out = yaodian(&[
            "export",
            "tests/fixtures/tongxin-excerpt.json",
            "--format",
            format,
            "--attachment",
            "--no-fields",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = std::fs::read_to_string(&text).unwrap();
    // The attachment is named as the notice names the plan, without 关于 and 的通知.
    assert!(
        text.contains("附件：2020年全县卫生健康工作要点暨任务分工\n"),
        "{text}"
    );
    assert!(
        text.contains("附件\n\n2020年全县卫生健康工作要点暨任务分工\n"),
        "{text}"
    );
    assert!(!text.contains("责任领导："));
    let xml = crate::common::part(&std::fs::read(&docx).unwrap(), "word/document.xml");
    assert!(xml.contains("附件：") && !xml.contains("责任领导："));
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

#[test]
fn import_writes_a_plan_file_that_outlines_like_the_text() {
    let dir = std::env::temp_dir().join(format!("yaodian-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("xian.json");
    let sample = "tests/fixtures/samples/xian-2020-plan.txt";
    let out = yaodian(&["import", sample, "-o", json.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_json = yaodian(&["outline", json.to_str().unwrap()]);
    let from_text = yaodian(&["outline", sample]);
    assert_eq!(from_json.stdout, from_text.stdout);
    let outline = String::from_utf8(from_text.stdout).unwrap();
    assert!(outline.starts_with("主送：各区（县）卫生健康局"));
    assert!(outline.contains("\n十一、 统筹做好其他工作\n  39. 严格落实安全生产"));
}

#[test]
fn outline_reports_what_the_import_left_out() {
    let out = yaodian(&[
        "outline",
        "tests/fixtures/samples/suining-2022-plan-notice.txt",
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("已忽略 3 行网页或页眉页脚内容"));
}

#[test]
fn outline_reads_a_docx_with_word_numbering() {
    let out = yaodian(&["outline", "tests/fixtures/numbered.docx"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("一、 全面加强党的建设\n  （一） 强化理论武装\n    责任领导：杨少平、马正录\n二、 深化医改"), "{text}");
}

#[test]
fn check_prints_findings_with_labels_and_fails() {
    let out = yaodian(&[
        "check",
        "tests/fixtures/samples/tongxin-2020-plan-task-division.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.contains(
        &"五、（二十一）\t与五、（二十）重复：“开展国家重点专科、自治区级优势专科和市级重点专科…”"
    ));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("九、（四十五）\t完成时限“2019年11月”不在计划期（2020年）内")));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&format!("共发现 {} 处问题", lines.len()))
    );

    // The plan JSON of the clean excerpt passes (exit 0), and a missing file is an error (2).
    let dir = std::env::temp_dir().join(format!("yaodian-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut plan = yaodian::plan::file::from_json(
        &std::fs::read_to_string("tests/fixtures/tongxin-excerpt.json").unwrap(),
    )
    .unwrap();
    let findings = yaodian::ledger::checks::check(&plan, None);
    for finding in findings {
        if let yaodian::ledger::checks::Place::Node(id) = finding.place {
            let _ = yaodian::Edit::Delete(id).apply(&mut plan);
        }
    }
    let path = dir.join("clean.json");
    std::fs::write(&path, yaodian::plan::file::to_json(&plan)).unwrap();
    let out = yaodian(&["check", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        yaodian(&["check", "no-such-file.txt"]).status.code(),
        Some(2)
    );
}
