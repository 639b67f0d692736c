//! Intents on the library: the plan list, opening and leaving a plan, creating, importing,
//! copying, renaming, deleting and restoring plans.

use super::{AppState, OpenPlan, Route, Toast, ToastAction};
use crate::browser;
use leptos::prelude::*;
use yaodian::ledger::due::{attention, Urgency};
use yaodian::plan::file;
use yaodian::plan::next_year::next_year;
use yaodian::store::PlanMeta;
use yaodian::{Editor, Plan};

impl AppState {
    pub fn plans(self) -> Vec<PlanMeta> {
        self.library.with(|l| l.plans())
    }

    /// For each plan of this year with something to chase: its id, its name, how many tasks
    /// are overdue and how many fall due this week (`ledger::due::attention`).
    /// Untracked: it reads every plan of the year, so the plan list asks for it when idle.
    pub fn attention_overview(self) -> Vec<(String, String, usize, usize)> {
        let today = browser::today();
        self.library.with_untracked(|l| {
            l.plans()
                .into_iter()
                .filter(|m| m.period.contains(today.year))
                .filter_map(|m| {
                    let plan = l.load(&m.id).ok()?;
                    let due = attention(&plan, today);
                    let overdue = due.iter().filter(|d| d.urgency == Urgency::Overdue).count();
                    (!due.is_empty()).then(|| (m.id, m.title, overdue, due.len() - overdue))
                })
                .collect()
        })
    }

    pub fn trash(self) -> Vec<PlanMeta> {
        self.library.with(|l| l.trash())
    }

    /// Opens a plan: its kept draft when there is one (then saved at once), else the stored
    /// plan. The plan open before is saved first, or kept as a draft.
    pub fn open_plan(self, id: &str) {
        let id = id.to_string();
        self.locked(move || {
            self.leave();
            let draft = self.drafts.try_update(|d| {
                let at = d.iter().position(|o| o.id == id)?;
                Some(d.remove(at))
            });
            if let Some(Some(draft)) = draft {
                crate::panic::remember_open(Some(&id));
                self.open.set(Some(draft));
                self.note_replaced();
                self.saved.set(false);
                self.go(Route::Plan(id));
                self.save_now();
                if self.saved.get_untracked() {
                    self.info("未保存的修改已恢复并保存");
                }
                return;
            }
            let loaded = self.library.with_untracked(|l| l.load_revision(&id));
            match loaded {
                Ok((plan, revision)) => {
                    self.saved.set(true);
                    crate::panic::remember_open(Some(&id));
                    self.open.set(Some(OpenPlan {
                        id: id.clone(),
                        editor: Editor::new(plan),
                        revision,
                    }));
                    self.note_replaced();
                    self.go(Route::Plan(id));
                }
                Err(e) => {
                    self.go(Route::Library);
                    self.error(e.to_string());
                }
            }
        });
    }

    pub fn close_plan(self) {
        self.go(Route::Library);
    }

    /// Stores a new plan and opens it.
    pub fn create(self, plan: Plan) {
        self.create_then(plan, |_| {});
    }

    /// Stores a new plan, opens it, and then (only once it is stored) runs `then`: what says
    /// the plan was made is never shown before it is.
    pub(super) fn create_then(self, plan: Plan, then: impl FnOnce(AppState) + 'static) {
        self.locked(move || {
            let created = self.library.try_update(|l| l.create(&plan, browser::now()));
            match created {
                Some(Ok(id)) => {
                    self.open_plan(&id);
                    then(self);
                }
                Some(Err(e)) => self.error(e.to_string()),
                None => {}
            }
        });
    }

    /// Adds an imported plan to the library (and its owners to the roster) and opens it.
    pub fn create_imported(self, plan: Plan, absorb_owners: bool) {
        if absorb_owners {
            let names = plan.clone();
            self.change_roster(move |r| r.absorb(&names), |_, _| {});
        }
        self.create(plan);
    }

    /// "以此为基础新建下一年度": creates next year's plan and opens it.
    pub fn create_next_year(self, id: &str) {
        let loaded = self.library.with_untracked(|l| l.load(id));
        match loaded {
            Ok(plan) => {
                let rolled = next_year(&plan);
                let year = rolled.plan.period.label();
                let mentions = rolled.review.len();
                self.create_then(rolled.plan, move |state| {
                    if mentions > 0 {
                        state.info(format!(
                            "已生成{year}计划。正文中有 {mentions} 处仍提及上年，已在“计划正文”顶部列出，请逐一核对"
                        ));
                    } else {
                        state.info(format!("已生成{year}计划"));
                    }
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Next year's plan from the open one, opened by this year's review from the ledger.
    pub fn create_next_year_with_review(self) {
        let Some(rolled) = self.with_plan_untracked(|p| {
            yaodian::ledger::summary::next_year_with_review(p, Some(browser::today()))
        }) else {
            return;
        };
        let year = rolled.plan.period.label();
        self.create_then(rolled.plan, move |state| {
            state.info(format!(
                "已生成{year}计划，本年工作回顾已放在“总体要求”开头，请改写"
            ))
        });
    }

    /// Loads a plan without opening it (for comparisons).
    pub fn load(self, id: &str) -> Result<Plan, String> {
        self.library
            .with_untracked(|l| l.load(id))
            .map_err(|e| e.to_string())
    }

    /// Reads a plan file (JSON backup) and adds it to the library.
    pub fn import_plan_file(self, text: &str) {
        match file::from_json(text) {
            Ok(plan) => {
                let name = plan.name();
                self.create_then(plan, move |state| state.info(format!("已导入「{name}」")));
            }
            Err(e) => self.error(format!("导入失败：{e}")),
        }
    }

    pub fn duplicate(self, id: &str) {
        let id = id.to_string();
        self.locked(move || {
            match self
                .library
                .try_update(|l| l.duplicate(&id, browser::now()))
            {
                Some(Ok(_)) => self.info("已复制，副本在列表最上方"),
                Some(Err(e)) => self.error(e),
                None => {}
            }
        });
    }

    pub fn rename(self, id: &str, title: &str) {
        let (id, title) = (id.to_string(), title.to_string());
        self.locked(move || {
            if let Some(Err(e)) = self
                .library
                .try_update(|l| l.rename(&id, &title, browser::now()))
            {
                self.error(e);
            }
        });
    }

    pub fn delete(self, id: &str) {
        let id = id.to_string();
        self.locked(move || {
            let name = self
                .library
                .with_untracked(|l| l.meta(&id).map(|m| m.title.clone()))
                .unwrap_or_default();
            match self.library.try_update(|l| l.delete(&id, browser::now())) {
                Some(Ok(())) => self.toast.set(Some(Toast {
                    text: format!("已将「{name}」移到回收站"),
                    error: false,
                    action: Some(ToastAction::RestorePlan(id)),
                })),
                // Storage so full that even the trash cannot take it, or a list this build may
                // not write: deleting for good still works (it only removes values).
                Some(Err(e)) => self.toast.set(Some(Toast {
                    text: format!(
                        "无法把「{name}」移到回收站（{e}）。可先下载它的计划文件，再彻底删除以腾出空间"
                    ),
                    error: true,
                    action: Some(ToastAction::Purge(id)),
                })),
                None => {}
            }
        });
    }

    pub fn restore(self, id: &str) {
        let id = id.to_string();
        self.locked(move || match self.library.try_update(|l| l.restore(&id)) {
            Some(Ok(())) => self.info("已恢复"),
            Some(Err(e)) => self.error(e.to_string()),
            None => {}
        });
    }

    pub fn purge(self, id: &str) {
        let id = id.to_string();
        self.locked(move || {
            if let Some(Err(e)) = self.library.try_update(|l| l.purge(&id)) {
                self.error(e.to_string());
            }
        });
    }

    // ---- the open plan ----
}
