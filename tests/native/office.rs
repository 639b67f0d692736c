//! The office jobs as the browser sends them to its export worker: each survives the trip as
//! JSON and makes the same file as the direct call; bad jobs and bad files get messages.

use std::borrow::Cow;

use yaodian::export::docx::{division_table_docx, notice_docx, summary_docx};
use yaodian::export::xlsx::{list_xlsx, table_xlsx};
use yaodian::export::NoticeOptions;
use yaodian::import::docx::docx_paragraphs;
use yaodian::import::{import_paragraphs, import_text};
use yaodian::ledger::summary::summary;
use yaodian::ledger::views::by_leader;
use yaodian::ledger::Filter;
use yaodian::office::{run, Done, Job};
use yaodian::{Day, Plan};

fn tongxin() -> Plan {
    let text =
        std::fs::read_to_string("tests/fixtures/samples/tongxin-2020-plan-task-division.txt")
            .unwrap();
    import_text(&text).plan
}

/// Sends `job` as the browser does (JSON), runs it as the worker does, and returns the file.
fn through_json(job: Job, bytes: &[u8]) -> Result<Done, String> {
    let received = Job::from_json(&job.to_json())?;
    assert_eq!(received, job, "the job survives the trip");
    run(&received, bytes)
}

fn file(done: Result<Done, String>) -> Vec<u8> {
    match done {
        Ok(Done::File(bytes)) => bytes,
        other => panic!("expected a file, got {other:?}"),
    }
}

#[test]
fn every_job_makes_the_same_file_as_the_direct_call() {
    let plan = tongxin();
    // An office's own fonts travel with every job.
    let fonts = yaodian::FontChoice {
        plain_names: true,
        latin_in_times: true,
    };
    let options = NoticeOptions {
        fields_under_tasks: false,
        attachment: true,
        fonts,
    };
    let day = Day::parse("2020-09-30").unwrap();
    let report = summary(&plan, Some(day), None);
    let list = by_leader(&plan, "杨硕", &Filter::default(), Some(day));
    assert!(list.task_count() > 0);
    let borrowed = Cow::Borrowed(&plan);
    let cases: Vec<(Job, Vec<u8>)> = vec![
        (
            Job::NoticeDocx {
                plan: borrowed.clone(),
                options,
            },
            notice_docx(&plan, options),
        ),
        (
            Job::TableDocx {
                plan: borrowed.clone(),
                fonts,
            },
            division_table_docx(&plan, fonts),
        ),
        (
            Job::SummaryDocx {
                summary: Cow::Borrowed(&report),
                fonts,
            },
            summary_docx(&report, fonts),
        ),
    ];
    for (job, expected) in cases {
        assert_eq!(file(through_json(job, &[])), expected);
    }
    // Workbooks carry their creation time: compare their sizes and that they open as zip files.
    for (job, direct) in [
        (
            Job::TableXlsx {
                plan: borrowed,
                fonts,
            },
            table_xlsx(&plan, fonts).unwrap(),
        ),
        (
            Job::ListXlsx {
                list: Cow::Borrowed(&list),
                fonts,
            },
            list_xlsx(&list, fonts).unwrap(),
        ),
    ] {
        let made = file(through_json(job, &[]));
        assert!(made.starts_with(b"PK"));
        assert!(made.len().abs_diff(direct.len()) < 64);
    }
}

#[test]
fn a_docx_sent_beside_the_job_comes_back_as_its_paragraphs() {
    let plan = tongxin();
    let docx = notice_docx(&plan, NoticeOptions::default());
    let Ok(Done::Paragraphs(paragraphs)) = through_json(Job::DocxParagraphs, &docx) else {
        panic!("expected paragraphs");
    };
    assert_eq!(paragraphs, docx_paragraphs(&docx).unwrap());
    let again = import_paragraphs(&paragraphs).plan;
    assert_eq!(
        yaodian::ledger::tasks(&again, None).len(),
        yaodian::ledger::tasks(&plan, None).len()
    );
}

#[test]
fn bad_jobs_and_bad_files_get_messages() {
    let error = Job::from_json("{\"job\":\"Unknown\"}").unwrap_err();
    assert!(error.contains("无法识别的导出任务"), "{error}");
    let error = Job::from_json("not json").unwrap_err();
    assert!(error.contains("无法识别的导出任务"), "{error}");
    let error = run(&Job::DocxParagraphs, b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(error.contains(".docx"), "{error}");
    let error = run(&Job::DocxParagraphs, &[]).unwrap_err();
    assert!(error.contains(".docx"), "{error}");
}
