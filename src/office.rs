//! The office-format work (.docx written and read, .xlsx written) as data, so that it can run
//! elsewhere than where it is asked for: the browser's editor is built without the `office`
//! feature and sends [`Job`]s as JSON to its export worker, which runs them with [`run`].
//!
//! A job borrows what it carries when it is sent ([`Cow::Borrowed`]) and owns it when it is
//! received. A file's bytes (a .docx to read) travel beside the JSON, not inside it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::export::NoticeOptions;
use crate::ledger::bulletin::Bulletin;
use crate::ledger::packet::Packet;
use crate::ledger::summary::Summary;
use crate::ledger::views::ListView;
use crate::plan::model::Plan;
use crate::plan::roster::FontChoice;

/// What to make.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job")]
pub enum Job<'a> {
    /// The GB/T 9704 notice (`export::docx::notice_docx`).
    NoticeDocx {
        plan: Cow<'a, Plan>,
        options: NoticeOptions,
    },
    /// The task-division table in landscape (`export::docx::division_table_docx`).
    TableDocx {
        plan: Cow<'a, Plan>,
        #[serde(default)]
        fonts: FontChoice,
    },
    /// The task-division table as a workbook (`export::xlsx::table_xlsx`).
    TableXlsx {
        plan: Cow<'a, Plan>,
        #[serde(default)]
        fonts: FontChoice,
    },
    /// The year-end summary draft (`export::docx::summary_docx`).
    SummaryDocx {
        summary: Cow<'a, Summary>,
        #[serde(default)]
        fonts: FontChoice,
    },
    /// A ledger list as a workbook (`export::xlsx::list_xlsx`).
    ListXlsx {
        list: Cow<'a, ListView>,
        #[serde(default)]
        fonts: FontChoice,
    },
    /// A department's packet as a workbook to fill in (`export::packet::packet_xlsx`).
    PacketXlsx {
        packet: Cow<'a, Packet>,
        #[serde(default)]
        fonts: FontChoice,
    },
    /// The 督办通报 (`export::docx::bulletin_docx`).
    BulletinDocx {
        bulletin: Cow<'a, Bulletin>,
        #[serde(default)]
        fonts: FontChoice,
    },
    /// The return sent beside the job, a workbook or a packet file (`import::returns`).
    ReadReturn { file: String },
    /// The paragraphs of the .docx sent beside the job (`import::docx::docx_paragraphs`).
    DocxParagraphs,
    /// The rows of the .xlsx sent beside the job (`import::xlsx::xlsx_rows`).
    XlsxRows,
}

/// What a job made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    /// A file's bytes.
    File(Vec<u8>),
    /// A document's paragraphs, for `import::import_paragraphs`.
    Paragraphs(Vec<String>),
    /// A return read back, as JSON (`Returned::from_json`): read where it is reviewed, so that
    /// the editor's own module carries no packet reader.
    Return(String),
}

impl Job<'_> {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a job always serialises")
    }

    /// Reads a job sent as JSON; the message names what was not understood.
    pub fn from_json(json: &str) -> Result<Job<'static>, String> {
        serde_json::from_str(json).map_err(|e| format!("无法识别的导出任务（{e}）"))
    }
}

/// Runs a job; `bytes` is the file a [`Job::DocxParagraphs`] or [`Job::XlsxRows`] reads. Errors are messages for the
/// user, in Chinese.
#[cfg(feature = "office")]
pub fn run(job: &Job, bytes: &[u8]) -> Result<Done, String> {
    use crate::export::{docx, xlsx};
    let xlsx_error = |e: rust_xlsxwriter::XlsxError| format!("无法生成 .xlsx：{e}");
    Ok(match job {
        Job::NoticeDocx { plan, options } => Done::File(docx::notice_docx(plan, *options)),
        Job::TableDocx { plan, fonts } => Done::File(docx::division_table_docx(plan, *fonts)),
        Job::TableXlsx { plan, fonts } => {
            Done::File(xlsx::table_xlsx(plan, *fonts).map_err(xlsx_error)?)
        }
        Job::SummaryDocx { summary, fonts } => Done::File(docx::summary_docx(summary, *fonts)),
        Job::ListXlsx { list, fonts } => {
            Done::File(xlsx::list_xlsx(list, *fonts).map_err(xlsx_error)?)
        }
        Job::PacketXlsx { packet, fonts } => {
            Done::File(crate::export::packet::packet_xlsx(packet, *fonts).map_err(xlsx_error)?)
        }
        Job::BulletinDocx { bulletin, fonts } => Done::File(docx::bulletin_docx(bulletin, *fonts)),
        Job::ReadReturn { file } => {
            Done::Return(crate::import::returns::read_return(file, bytes)?.to_json())
        }
        Job::DocxParagraphs => Done::Paragraphs(crate::import::docx::docx_paragraphs(bytes)?),
        Job::XlsxRows => Done::Paragraphs(crate::import::xlsx::xlsx_rows(bytes)?),
    })
}
