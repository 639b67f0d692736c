//! Packets another office sent, filled in here by a department that uses Yaodian: kept in
//! storage as they are typed (`store::packets`), returned as a file.

use super::{AppState, Route};
use crate::browser;
use leptos::prelude::*;
use yaodian::ledger::packet::{Column, Packet};

impl AppState {
    /// The packets kept in this browser (re-read when the library changes, in any tab).
    pub fn packets(self) -> Vec<Packet> {
        self.library.with(|l| l.packets())
    }

    /// Keeps a received packet file (replacing one of the same plan, round and department)
    /// and opens it.
    pub fn receive_packet(self, text: &str) {
        let packet = match Packet::from_json(text) {
            Ok(p) => p,
            Err(e) => return self.error(e),
        };
        if packet.returned.is_some() {
            return self.error(
                "这是一份已填好的回执，应由发出报送表的单位在计划的“督办”页“导入回执”中导入",
            );
        }
        let id = packet.id();
        self.locked(move || {
            let result = self.library.try_update(|l| {
                l.change_packets(|list| {
                    // The same packet opened again keeps what was already typed into it.
                    let mut packet = packet;
                    if let Some(old) = list.iter().find(|p| p.key() == packet.key()) {
                        for task in &mut packet.tasks {
                            let before = old.tasks.iter().find(|t| t.id == task.id);
                            if let Some(before) = before.filter(|_| task.answer.is_empty()) {
                                task.answer = before.answer.clone();
                            }
                        }
                    }
                    list.retain(|p| p.key() != packet.key());
                    list.push(packet);
                })
            });
            match result {
                Some(Ok(_)) => self.go(Route::Packet(id)),
                Some(Err(e)) => self.error(format!("报送包未能保存：{e}")),
                None => {}
            }
        });
    }

    /// Keeps one answer of one task as typed: written under the storage lock, or at once when
    /// the page goes away first (the packet page calls [`AppState::flush_answers`] then).
    pub fn answer_packet(self, id: String, task: u32, column: Column, text: String) {
        self.answers.update_value(|pending| {
            pending.retain(|(i, t, c, _)| !(i == &id && *t == task && *c == column));
            pending.push((id, task, column, text));
        });
        self.locked(move || self.flush_answers());
    }

    /// Writes the answers typed so far into the packets as stored now.
    pub fn flush_answers(self) {
        let pending = self
            .answers
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if pending.is_empty() {
            return;
        }
        let result = self.library.try_update(|l| {
            l.change_packets(|list| {
                let mut problems = Vec::new();
                for (id, task, column, text) in &pending {
                    let found = list
                        .iter_mut()
                        .find(|p| &p.id() == id)
                        .and_then(|p| p.tasks.iter_mut().find(|t| t.id == *task));
                    if let Some(task) = found {
                        if let Err(e) = column.set(&mut task.answer, text) {
                            problems.push(e);
                        }
                    }
                }
                problems
            })
        });
        match result {
            Some(Ok((_, problems))) if !problems.is_empty() => self.error(problems.join("；")),
            Some(Err(e)) => {
                // Kept, to be written with the next answer; said, so nothing is lost silently.
                self.answers.update_value(|a| {
                    let newer = std::mem::take(a);
                    *a = pending;
                    a.extend(newer);
                });
                self.error(format!("填写的内容未能保存：{e}。请先“导出回执”保存一份"));
            }
            _ => {}
        }
    }

    /// Offers the filled-in packet as the return file.
    pub fn export_return(self, id: &str) {
        // What is still waiting for the storage lock goes in too.
        self.flush_answers();
        let Some(packet) = self.packets().into_iter().find(|p| p.id() == id) else {
            return;
        };
        let name = packet.return_file_name();
        let json = packet.returned_on(browser::today()).to_json();
        self.report(
            browser::download(&name, "application/json", &json),
            format!("已下载 {name}，请将该文件发回{}", packet.plan_name),
        );
    }

    pub fn remove_packet(self, id: String) {
        self.locked(move || {
            if let Some(Err(e)) = self
                .library
                .try_update(|l| l.change_packets(|list| list.retain(|p| p.id() != id)))
            {
                self.error(format!("未能删除：{e}"));
            }
        });
    }
}
