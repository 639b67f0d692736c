//! The office's own templates, and copies from earlier plans and templates: changes applied
//! to the templates as stored now (another tab's are kept), new plans from picks, copies
//! inserted into the open plan as one edit.

use std::collections::BTreeSet;

use super::{AppState, Toast, ToastAction};
use crate::browser;
use leptos::prelude::*;
use yaodian::plan::edit::InsertAt;
use yaodian::plan::next_year::old_year_mentions;
use yaodian::plan::office_templates::{self, OfficeTemplate};
use yaodian::plan::reuse::{copies, Carry, Owners, Pick, Source};
use yaodian::plan::templates::{new_plan, NewPlan};
use yaodian::{Edit, NodeId};

impl AppState {
    /// The office's templates as stored (re-read when the library changes, in any tab).
    pub fn templates(self) -> Vec<OfficeTemplate> {
        self.library.with(|l| l.templates())
    }

    /// Applies a change to the templates as stored now and then reports; a change that could
    /// not be stored is said so and not shown as made.
    fn change_templates<T: 'static>(
        self,
        change: impl FnOnce(&mut Vec<OfficeTemplate>) -> T + 'static,
        then: impl FnOnce(AppState, T) + 'static,
    ) {
        self.locked(
            move || match self.library.try_update(|l| l.change_templates(change)) {
                Some(Ok((_, out))) => then(self, out),
                Some(Err(e)) => self.error(format!("本单位模板未能保存：{e}")),
                None => {}
            },
        );
    }

    /// Saves a node of the open plan (with the descendants in `keep`, or all) as a template.
    pub fn save_template(
        self,
        node: NodeId,
        keep: Option<BTreeSet<NodeId>>,
        name: String,
        note: String,
    ) {
        let Some(Some(mut template)) = self.with_plan_untracked(|p| {
            OfficeTemplate::from_node(p, node, keep.as_ref(), &name, &note)
        }) else {
            return;
        };
        let now = browser::now();
        template.saved = now;
        let name = template.name.clone();
        self.change_templates(
            move |list| {
                template.id = office_templates::fresh_id(list, now);
                list.push(template);
            },
            move |state, ()| {
                state.info(format!(
                    "已存为本单位模板「{name}」，新建计划或插入内容时可选用"
                ))
            },
        );
    }

    pub fn rename_template(self, id: &str, name: &str, note: &str) {
        let (id, name, note) = (
            id.to_string(),
            name.trim().to_string(),
            note.trim().to_string(),
        );
        if name.is_empty() {
            return self.error("模板名称不能为空");
        }
        self.change_templates(
            move |list| {
                for t in list.iter_mut().filter(|t| t.id == id) {
                    t.name = name.clone();
                    t.note = note.clone();
                }
            },
            |_, ()| {},
        );
    }

    /// Deletes a template, offering it back.
    pub fn delete_template(self, id: &str) {
        let id = id.to_string();
        self.change_templates(
            move |list| {
                let at = list.iter().position(|t| t.id == id)?;
                Some(list.remove(at))
            },
            |state, removed| {
                if let Some(template) = removed {
                    state.toast.set(Some(Toast {
                        text: format!("已删除模板「{}」", template.name),
                        error: false,
                        action: Some(ToastAction::RestoreTemplate(Box::new(template))),
                    }));
                }
            },
        );
    }

    pub(super) fn restore_template(self, template: OfficeTemplate) {
        self.change_templates(
            move |list| office_templates::merge(list, &[template], browser::now()),
            |state, _| state.info("已恢复模板"),
        );
    }

    /// Downloads every template as one file, to share with another office.
    pub fn export_templates(self) {
        let templates = self.library.with_untracked(|l| l.templates());
        if templates.is_empty() {
            return self.error("还没有本单位模板");
        }
        let name = format!("本单位模板-{}.json", browser::today().iso());
        self.report(
            browser::download(
                &name,
                "application/json",
                &office_templates::to_json(&templates),
            ),
            format!("已下载 {} 个模板：{name}", templates.len()),
        );
    }

    /// Brings in a templates file: new ones are added, ones already here are not doubled.
    pub fn import_templates(self, text: &str) {
        match office_templates::from_json(text) {
            Ok(incoming) => self.change_templates(
                move |list| office_templates::merge(list, &incoming, browser::now()),
                |state, merged| {
                    state.info(match merged.same {
                        0 => format!("已导入 {} 个模板", merged.added),
                        same => format!(
                            "已导入 {} 个模板（{same} 个已有，未重复导入）",
                            merged.added
                        ),
                    })
                },
            ),
            Err(e) => self.error(format!("无法导入模板文件，未做任何修改：{e}")),
        }
    }

    /// Everything that can be copied from: the built-in sections, the office's templates and
    /// every plan of the library (the trash and the plan `except` left out).
    pub fn reuse_sources(self, except: Option<&str>) -> Vec<Source> {
        self.library.with_untracked(|l| {
            let mut sources = vec![Source::builtin()];
            sources.extend(l.templates().iter().map(Source::from_template));
            for meta in l.plans() {
                if Some(meta.id.as_str()) == except {
                    continue;
                }
                if let Ok(plan) = l.load(&meta.id) {
                    sources.push(Source::from_plan(&meta.id, plan));
                }
            }
            sources
        })
    }

    /// A new plan from the picks, opened; the old years its copied text names are listed.
    pub fn create_from_picks(self, spec: &NewPlan, sources: &[Source]) {
        let plan = new_plan(spec, sources);
        let mentions = old_year_mentions(&plan).len();
        self.create_then(plan, move |state| {
            if mentions > 0 {
                state.info(format!(
                    "已创建。沿用的内容中有 {mentions} 处提及往年年份，已在“计划正文”顶部列出，请逐一核对"
                ));
            }
        });
    }

    /// Copies of the picks put into the open plan at `at`: one edit, undone in one step.
    pub fn insert_copies(self, picks: &[Pick], at: InsertAt, owners: Owners) {
        let Some((id, period)) = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| (o.id.clone(), o.editor.plan().period)))
        else {
            return;
        };
        let sources = self.reuse_sources(Some(&id));
        let nodes = copies(picks, &sources, Carry { period, owners });
        let count = nodes.len();
        if count > 0 && self.edit_applied(Edit::Insert { at, nodes }) {
            self.toast.set(Some(Toast {
                text: format!("已插入 {count} 项（编号已更新）。如提及往年年份，已在顶部列出"),
                error: false,
                action: Some(ToastAction::Undo),
            }));
        }
    }
}
