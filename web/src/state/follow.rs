//! The departments' loop: packets out, returns in and reviewed, accepted as edits. The rules
//! (what a packet holds, how a return merges, what is a conflict) are in `yaodian::ledger`.

use std::borrow::Cow;
use std::collections::HashSet;

use leptos::prelude::*;
use yaodian::ledger::packet::{make_packet, PacketSpec};
use yaodian::ledger::returns::{packet_return, record_returns, review, Refusal, Returned, Review};
use yaodian::office::{Done, Job};
use yaodian::plan::follow::Round;
use yaodian::Edit;

use super::AppState;
use crate::browser;
use crate::worker;

/// The returns imported into the open plan's review, while it stays open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Returns {
    /// The plan they were imported into.
    pub plan: String,
    pub files: Vec<Returned>,
    /// Files that could not be read at all, with why.
    pub unreadable: Vec<Refusal>,
    /// Proposals the user turned down (`Proposal::key`).
    pub rejected: HashSet<String>,
}

/// How packets go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PacketFormat {
    /// A workbook to fill in with Excel or WPS.
    Xlsx,
    /// A Yaodian packet file, for departments that use Yaodian.
    Packet,
}

impl AppState {
    fn open_id(self) -> Option<String> {
        self.open
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()))
    }

    /// The open plan's returns (tracked).
    pub fn returns(self) -> Returns {
        let id = self.open.with(|o| o.as_ref().map(|o| o.id.clone()));
        self.returns
            .with(|r| (Some(&r.plan) == id.as_ref()).then(|| r.clone()))
            .unwrap_or_default()
    }

    /// What the returns propose against the plan as it is now (tracked).
    pub fn review(self) -> Review {
        let returns = self.returns();
        let today = browser::today();
        let mut found = self
            .with_plan(|p| review(p, &returns.files, today))
            .unwrap_or_default();
        found
            .proposals
            .retain(|p| !returns.rejected.contains(&p.key()));
        found.refusals.splice(0..0, returns.unreadable);
        found
    }

    /// Opens (or adds to) a round and offers one packet per department, each a download.
    pub fn send_packets(self, round: Round, departments: Vec<String>, format: PacketFormat) {
        if departments.is_empty() {
            self.error("请先勾选要发送报送表的科室");
            return;
        }
        let plan_id = format!(
            "P{:x}{:08x}",
            browser::now() as u64,
            (js_sys::Math::random() * f64::from(u32::MAX)) as u32
        );
        let spec = PacketSpec {
            round: round.name.clone(),
            kind: round.kind,
            due: round.due,
            made: Some(browser::today()),
        };
        let opened = Round {
            departments: departments.clone(),
            opened: spec.made,
            ..round
        };
        if !self.edit_applied(Edit::OpenRound {
            round: opened,
            plan_id,
        }) {
            return;
        }
        let fonts = self.options_untracked().fonts;
        let packets: Vec<_> = self
            .with_plan_untracked(|p| {
                departments
                    .iter()
                    .map(|d| make_packet(p, d, &spec))
                    .collect()
            })
            .unwrap_or_default();
        for packet in packets {
            match format {
                PacketFormat::Xlsx => {
                    let name = packet.file_name("xlsx");
                    let job = Job::PacketXlsx {
                        packet: Cow::Borrowed(&packet),
                        fonts,
                    };
                    let done = format!("已下载 {name}");
                    worker::download(self, &job, name, browser::XLSX_MIME, done, "yaodian:packet");
                }
                PacketFormat::Packet => {
                    let name = packet.file_name("json");
                    self.report(
                        browser::download(&name, "application/json", &packet.to_json()),
                        format!("已下载 {name}"),
                    );
                }
            }
        }
    }

    /// Reads returns (workbooks in the export worker, packet files here), records each in its
    /// round, and puts them into the review.
    /// `files`: name, bytes, and the day the file was last changed (a workbook's return day).
    pub fn import_returns(self, files: Vec<(String, Vec<u8>, yaodian::Day)>) {
        let Some(plan) = self.open_id() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            let mut unreadable = Vec::new();
            for (name, bytes, modified) in files {
                let result = if bytes.starts_with(b"PK") {
                    worker::run(&Job::ReadReturn { file: name.clone() }, Some(&bytes))
                        .await
                        .and_then(|done| match done {
                            Done::Return(json) => Returned::from_json(&json),
                            _ => Err("无法读取该回执".to_string()),
                        })
                } else {
                    packet_return(&name, &browser::decode_text(&bytes))
                };
                match result {
                    Ok(mut r) => {
                        // A workbook says nothing of when it was filled in: the file's date.
                        r.packet.returned = r.packet.returned.or(Some(modified));
                        read.push(r)
                    }
                    Err(reason) => unreadable.push(Refusal {
                        file: name,
                        department: String::new(),
                        heading: None,
                        reason,
                    }),
                }
            }
            if self.open_id().as_ref() != Some(&plan) {
                return;
            }
            let today = browser::today();
            let (edits, found) = self
                .with_plan_untracked(|p| {
                    let found = review(p, &read, today);
                    (record_returns(p, &found, &read, today), found)
                })
                .unwrap_or_default();
            if !edits.is_empty() {
                self.edit(Edit::Many(edits));
            }
            let (count, refused) = (read.len(), found.refusals.len() + unreadable.len());
            self.returns.update(|r| {
                if r.plan != plan {
                    *r = Returns {
                        plan: plan.clone(),
                        ..Returns::default()
                    };
                }
                r.files.retain(|f| read.iter().all(|n| n.file != f.file));
                r.files.extend(read);
                r.unreadable = unreadable;
            });
            let mut text = format!(
                "已导入 {count} 份回执，{} 项修改待审阅",
                found.proposals.len()
            );
            if refused > 0 {
                text.push_str(&format!("；{refused} 处未能导入，原因见“审阅回执”"));
            }
            self.info(text);
        });
    }

    /// Turns a proposal down (until the returns are imported again).
    pub fn reject_proposal(self, key: String) {
        self.returns.update(|r| {
            r.rejected.insert(key);
        });
    }

    /// Drops the returns from the review.
    pub fn clear_returns(self) {
        self.returns.set(Returns::default());
    }
}
