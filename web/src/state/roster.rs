//! The office's roster: changes applied to the roster as stored now.

use super::AppState;
use leptos::prelude::*;
use yaodian::export::NoticeOptions;
use yaodian::{FontChoice, Plan, Role, Roster};

impl AppState {
    /// The office's font names (tracked).
    pub fn fonts(self) -> FontChoice {
        self.roster.with(|r| r.fonts)
    }

    /// The notice as every rendering lays it out: the layout chosen for it, the office's fonts
    /// (tracked).
    pub fn options(self) -> NoticeOptions {
        NoticeOptions {
            fonts: self.fonts(),
            ..self.notice_options.get()
        }
    }

    pub fn options_untracked(self) -> NoticeOptions {
        untrack(move || self.options())
    }

    /// Changes the office's font names, kept with its roster for every plan and tab.
    pub fn set_fonts(self, change: impl FnOnce(&mut FontChoice) + 'static) {
        self.change_roster(
            move |r| {
                let before = r.fonts;
                change(&mut r.fonts);
                usize::from(r.fonts != before)
            },
            |state, changed| {
                if changed > 0 {
                    state.info("字体设置已保存，导出的公文和打印预览均按此设置")
                }
            },
        );
    }

    pub fn add_to_roster(self, role: Role, name: &str) {
        let name = name.to_string();
        self.change_roster(move |r| usize::from(r.add(role, &name)), |_, _| {});
    }

    pub fn remove_from_roster(self, role: Role, name: &str) {
        let name = name.to_string();
        self.change_roster(move |r| usize::from(r.remove(role, &name)), |_, _| {});
    }

    /// Adds every owner named in the open plan that the roster lacks.
    pub fn absorb_into_roster(self) {
        let Some(plan) = self.with_plan_untracked(Plan::clone) else {
            return;
        };
        self.change_roster(
            move |r| r.absorb(&plan),
            |state, added| match added {
                0 => state.info("名册已包含本计划中的全部人员和科室"),
                n => state.info(format!("已将 {n} 个名称加入名册")),
            },
        );
    }

    /// Applies a change to the roster as stored now (another tab's names are kept) and shows
    /// the stored result; a change that could not be stored is not shown as made.
    pub(super) fn change_roster(
        self,
        change: impl FnOnce(&mut Roster) -> usize + 'static,
        then: impl FnOnce(AppState, usize) + 'static,
    ) {
        self.locked(move || {
            let result = self
                .library
                .try_update_untracked(|l| l.change_roster(change));
            match result {
                Some(Ok((roster, changed))) => {
                    self.roster.set(roster);
                    then(self, changed);
                }
                Some(Err(e)) => {
                    self.roster.set(self.library.with_untracked(|l| l.roster()));
                    self.error(format!("名册未能保存：{e}"));
                }
                None => {}
            }
        });
    }
}
