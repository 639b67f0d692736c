//! The app's state and the intents components send. Every document rule is in `yaodian`;
//! this module only routes intents to it, saves at once, and reports in Chinese.

use leptos::prelude::*;
use std::collections::HashMap;
use yaodian::export::NoticeOptions;
use yaodian::ledger::year_choices;
use yaodian::plan::file;
use yaodian::plan::next_year::next_year;
use yaodian::plan::templates::{new_plan, NewPlan};
use yaodian::store::{Library, PlanMeta, StoreError};

use yaodian::{Edit, Editor, Node, NodeId, Plan, Role, Roster};

use crate::browser;
use crate::storage::{drafts, LocalStore};

/// Which page is shown; mirrored in the address hash so a reload returns to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Plan(String),
    /// Two plans side by side: old, new.
    Compare(String, String),
}

impl Route {
    fn from_hash(hash: &str) -> Route {
        if let Some((old, new)) = hash
            .strip_prefix("/compare/")
            .and_then(|rest| rest.split_once('/'))
        {
            return Route::Compare(old.to_string(), new.to_string());
        }
        match hash.strip_prefix("/plan/") {
            Some(id) if !id.is_empty() => Route::Plan(id.to_string()),
            _ => Route::Library,
        }
    }

    fn hash(&self) -> String {
        match self {
            Route::Library => "/".to_string(),
            Route::Plan(id) => format!("/plan/{id}"),
            Route::Compare(old, new) => format!("/compare/{old}/{new}"),
        }
    }
}

/// A short message at the bottom of the page; errors stay until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub error: bool,
    pub action: Option<ToastAction>,
}

/// The one-click way back a message may offer.
#[derive(Clone, Debug, PartialEq)]
pub enum ToastAction {
    RestorePlan(String),
    Undo,
    /// Download a plan as it is in memory (open or kept as a draft, after a failed save).
    ExportPlan(String),
    /// Remove a plan for good (when it cannot go to the trash because storage is full).
    Purge(String),
}

impl ToastAction {
    pub fn label(&self) -> &'static str {
        match self {
            ToastAction::RestorePlan(_) => "撤销删除",
            ToastAction::Undo => "撤销",
            ToastAction::ExportPlan(_) => "导出计划文件",
            ToastAction::Purge(_) => "下载备份后彻底删除",
        }
    }
}

/// The plan being edited.
#[derive(Clone, Debug)]
pub struct OpenPlan {
    pub id: String,
    pub editor: Editor,
    /// The stored revision this tab's plan is based on (see `Library::save`).
    pub revision: u64,
}

/// Shared by every component through context. All fields are signals, so it is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub library: RwSignal<Library<LocalStore>>,
    pub roster: RwSignal<Roster>,
    pub open: RwSignal<Option<OpenPlan>>,
    pub route: RwSignal<Route>,
    pub toast: RwSignal<Option<Toast>>,
    /// Whether the open plan as shown is the one stored (false after a failed save).
    pub saved: RwSignal<bool>,
    /// The answer to `navigator.storage.persist()`, once it came.
    pub persisted: RwSignal<Option<bool>>,
    /// Fine-grained change notice (see [`AppState::modify`]): `changed` fires on every change
    /// of the open plan, `shape` when nodes were added, moved or removed (or period, numbering
    /// changed), `all_nodes` when any node's content may have changed (undo, redo, a plan
    /// replaced), and each node's own trigger when only that node did. Typing in one task
    /// re-runs only that task's row; moving a task re-runs only the labels.
    changed: Trigger,
    shape: Trigger,
    all_nodes: Trigger,
    node_triggers: StoredValue<HashMap<NodeId, ArcTrigger>>,
    /// How many changes [`AppState::modify`] has made, and the scope of the last one.
    changes: StoredValue<(u64, Scope)>,
    /// Typing is saved once it pauses (see [`AppState::edit`]); true while a save waits.
    pending: StoredValue<bool>,
    /// True while a save waits for the storage lock (one is enough: it saves what is there).
    queued: StoredValue<bool>,
    /// Plans left with changes that could not be stored: kept here and in the tab's session
    /// storage, offered back on the plan list and when the plan is opened again.
    pub drafts: RwSignal<Vec<OpenPlan>>,
    /// How the notice is laid out: the .docx, the text, the preview and 复制到Word alike.
    pub notice_options: RwSignal<NoticeOptions>,
}

/// What a change of the open plan may have changed, so that only what shows it re-runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One node's own content (its text, owners, deadline, ledger).
    Node(NodeId),
    /// The plan's and the notice's text fields: no node, no number.
    Text,
    /// Where nodes are, the period, the numbering: every number may change.
    Shape,
    /// Anything (undo, redo, a plan replaced).
    All,
}

impl Scope {
    /// As the library's scope: anything is a change of shape.
    pub(crate) fn of_plan(self) -> yaodian::Scope {
        match self {
            Scope::Node(id) => yaodian::Scope::Node(id),
            Scope::Text => yaodian::Scope::Text,
            Scope::Shape | Scope::All => yaodian::Scope::Shape,
        }
    }
}

impl From<yaodian::Scope> for Scope {
    fn from(scope: yaodian::Scope) -> Scope {
        match scope {
            yaodian::Scope::Node(id) => Scope::Node(id),
            yaodian::Scope::Text => Scope::Text,
            yaodian::Scope::Shape => Scope::Shape,
        }
    }
}

/// How long typing may pause before it is saved. Anything else is saved at once, and leaving
/// the plan, blurring the field, hiding or closing the page save what waits.
const TYPING_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens the library in localStorage and the page the address names.
    pub fn start() -> AppState {
        let mut library = Library::open(LocalStore);
        let mut warnings = std::mem::take(&mut library.warnings);
        let roster = library.roster();
        let kept: Vec<OpenPlan> = drafts::all()
            .into_iter()
            .map(|(id, plan, revision)| OpenPlan {
                id,
                editor: Editor::new(plan),
                revision,
            })
            .collect();
        if !kept.is_empty() {
            warnings.push(format!(
                "本窗口中有 {} 个计划的修改上次未能保存，已保留在计划列表顶部，可继续编辑或导出",
                kept.len()
            ));
        }
        let state = AppState {
            library: RwSignal::new(library),
            roster: RwSignal::new(roster),
            open: RwSignal::new(None),
            route: RwSignal::new(Route::Library),
            toast: RwSignal::new(None),
            saved: RwSignal::new(true),
            persisted: RwSignal::new(None),
            changed: Trigger::new(),
            shape: Trigger::new(),
            all_nodes: Trigger::new(),
            node_triggers: StoredValue::new(HashMap::new()),
            changes: StoredValue::new((0, Scope::All)),
            pending: StoredValue::new(false),
            queued: StoredValue::new(false),
            drafts: RwSignal::new(kept),
            notice_options: RwSignal::new(NoticeOptions::default()),
        };
        if !warnings.is_empty() {
            state.error(warnings.join("；"));
        }
        // The page the address names is there on the first paint (its parts not fetched).
        browser::at_once(|| state.follow_hash());
        state
    }

    /// Shows the page the address hash names (on start and on back/forward).
    pub fn follow_hash(self) {
        let route = Route::from_hash(&browser::hash());
        let open_id = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()));
        if matches!(&route, Route::Plan(id) if Some(id) == open_id.as_ref()) {
            return; // our own navigation: the plan is open already, keep its undo history
        }
        match route {
            Route::Plan(id) => self.open_plan(&id),
            other => self.go(other),
        }
    }

    /// Shows another page; leaving the open plan saves it first, or keeps what could not be
    /// saved as a draft (and says so).
    pub fn go(self, route: Route) {
        self.locked(move || {
            if !matches!(route, Route::Plan(_)) {
                self.leave();
                self.open.set(None);
                crate::panic::remember_open(None);
            }
            browser::set_hash(&route.hash());
            self.route.set(route);
        });
    }

    /// Runs `f` holding the storage lock (see [`browser::locked`]), then shows what the
    /// library noticed on the way (values set aside, values of a newer version).
    pub(crate) fn locked(self, f: impl FnOnce() + 'static) {
        browser::locked(move || {
            f();
            let warnings = self
                .library
                .try_update_untracked(|l| std::mem::take(&mut l.warnings))
                .unwrap_or_default();
            if !warnings.is_empty() {
                self.error(warnings.join("；"));
            }
        });
    }

    /// The open plan is about to be replaced or closed: store it, or keep it as a draft.
    fn leave(self) {
        self.flush_now();
        if !self.unsaved() {
            return;
        }
        let Some(open) = self.open.get_untracked() else {
            return;
        };
        let name = open.editor.plan().name();
        drafts::keep(&open.id, open.editor.plan(), open.revision);
        let id = open.id.clone();
        self.drafts.update(|d| {
            d.retain(|o| o.id != open.id);
            d.push(open);
        });
        self.saved.set(true);
        self.pending.set_value(false);
        self.toast.set(Some(Toast {
            text: format!(
                "「{name}」的修改未能保存，已保留在本窗口（计划列表顶部）。腾出存储空间后再打开它即可保存，也可先导出计划文件"
            ),
            error: true,
            action: Some(ToastAction::ExportPlan(id)),
        }));
    }

    /// Drops the changes kept for a plan (the user's choice).
    pub fn discard_draft(self, id: &str) {
        drafts::drop(id);
        self.drafts.update(|d| d.retain(|o| o.id != id));
    }

    pub fn info(self, text: impl Into<String>) {
        self.toast.set(Some(Toast {
            text: text.into(),
            error: false,
            action: None,
        }));
    }

    pub fn error(self, text: impl Into<String>) {
        self.toast.set(Some(Toast {
            text: text.into(),
            error: true,
            action: None,
        }));
    }

    /// Says `done` on success, or the error.
    pub fn report(self, result: Result<(), String>, done: impl Into<String>) {
        match result {
            Ok(()) => self.info(done),
            Err(e) => self.error(e),
        }
    }

    pub fn toast_action(self, action: ToastAction) {
        self.toast.set(None);
        match action {
            ToastAction::RestorePlan(id) => self.restore(&id),
            ToastAction::Undo => self.undo(),
            ToastAction::ExportPlan(id) => self.export_plan(&id),
            ToastAction::Purge(id) => {
                self.export_plan(&id);
                self.purge(&id);
            }
        }
    }

    // ---- the library ----

    pub fn plans(self) -> Vec<PlanMeta> {
        self.library.with(|l| l.plans())
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
        self.locked(move || {
            let created = self.library.try_update(|l| l.create(&plan, browser::now()));
            match created {
                Some(Ok(id)) => self.open_plan(&id),
                Some(Err(e)) => self.error(e.to_string()),
                None => {}
            }
        });
    }

    pub fn create_from_templates(self, spec: &NewPlan) {
        self.create(new_plan(spec));
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
                self.create(rolled.plan);
                if mentions > 0 {
                    self.info(format!(
                        "已生成{year}计划。正文中有 {mentions} 处仍提及上年，已在“计划正文”顶部列出，请逐一核对"
                    ));
                } else {
                    self.info(format!("已生成{year}计划"));
                }
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
        self.create(rolled.plan);
        self.info(format!(
            "已生成{year}计划，本年工作回顾已放在“总体要求”开头，请改写"
        ));
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
                self.create(plan);
                self.info(format!("已导入「{name}」"));
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
        if title.trim().is_empty() {
            self.error("名称不能为空");
            return;
        }
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

    /// Changes the open plan and tells exactly who needs to know (see [`Scope`]).
    pub(crate) fn modify<T>(self, scope: Scope, f: impl FnOnce(&mut OpenPlan) -> T) -> Option<T> {
        let out = self
            .open
            .try_update_untracked(|o| o.as_mut().map(f))
            .flatten();
        self.changes
            .update_value(|(n, last)| (*n, *last) = (*n + 1, scope));
        self.changed.notify();
        match scope {
            Scope::Node(id) => self.node_trigger(id).notify(),
            Scope::Text => {}
            Scope::Shape => self.shape.notify(),
            Scope::All => {
                self.shape.notify();
                self.all_nodes.notify();
            }
        }
        if matches!(scope, Scope::Shape | Scope::All) {
            self.drop_triggers_of_removed_nodes();
        }
        out
    }

    /// Per-node triggers go with their nodes.
    fn drop_triggers_of_removed_nodes(self) {
        let ids: std::collections::HashSet<NodeId> = self
            .with_plan_untracked(|p| p.walk().iter().map(|(n, _)| n.id).collect())
            .unwrap_or_default();
        self.node_triggers
            .update_value(|map| map.retain(|id, _| ids.contains(id)));
    }

    /// The count of changes made so far and the scope of the last (tracked: re-runs on every
    /// change and when another plan is opened). What keeps its own summary of the plan
    /// updates it by the scope when it saw the change before, else starts again.
    pub(crate) fn last_change(self) -> (u64, Scope) {
        self.changed.track();
        self.open.track();
        self.changes.get_value()
    }

    fn node_trigger(self, id: NodeId) -> ArcTrigger {
        self.node_triggers
            .try_update_value(|map| map.entry(id).or_default().clone())
            .unwrap_or_default()
    }

    /// Applies an edit to the open plan and saves it at once.
    pub fn edit(self, edit: Edit) {
        let scope = Scope::from(edit.scope());
        let typing = edit.merge_key().is_some();
        let result = self.modify(scope, |o| o.editor.apply(edit));
        match result {
            Some(Ok(applied)) => {
                if typing {
                    self.save_soon();
                } else {
                    self.save();
                }
                if let Some(id) = applied.focus {
                    browser::focus_node(id);
                }
            }
            Some(Err(e)) => self.error(e.to_string()),
            None => {}
        }
    }

    /// Deletes a node, offering the way back.
    pub fn delete_node(self, id: u32) {
        self.edit(Edit::Delete(id));
        self.toast.set(Some(Toast {
            text: "已删除该条目".into(),
            error: false,
            action: Some(ToastAction::Undo),
        }));
    }

    pub fn undo(self) {
        let done = self.modify(Scope::All, |o| o.editor.undo());
        if done == Some(true) {
            self.save();
        } else {
            self.info("没有可撤销的操作");
        }
    }

    pub fn redo(self) {
        let done = self.modify(Scope::All, |o| o.editor.redo());
        if done == Some(true) {
            self.save();
        } else {
            self.info("没有可重做的操作");
        }
    }

    /// Saves once typing pauses: a keystroke costs no serialisation, however large the plan.
    fn save_soon(self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        // After a short pause, in idle time: the save never delays the paint of a keystroke.
        set_timeout(
            move || browser::when_idle(TYPING_SAVE_DELAY.as_millis() as u32, move || self.flush()),
            TYPING_SAVE_DELAY,
        );
    }

    /// Drops a waiting save (the plan shown was just replaced by the stored one).
    pub(crate) fn forget_pending(self) {
        self.pending.set_value(false);
    }

    /// Whether the open plan has changes not yet written (waiting or failed).
    pub fn unsaved(self) -> bool {
        self.pending.get_value() || self.queued.get_value() || !self.saved.get_untracked()
    }

    /// Ends a typing run so the next keystroke is a new undo step, and saves what waits.
    pub fn seal(self) {
        self.flush();
        self.open.update_untracked(|o| {
            if let Some(o) = o {
                o.editor.seal();
            }
        });
    }

    /// Saves the open plan as soon as this tab holds the storage lock.
    pub(crate) fn save(self) {
        self.pending.set_value(false);
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        self.locked(move || {
            // Unless a save since (leaving the plan, the page hidden) stored it already.
            if self.queued.get_value() {
                self.save_now();
            }
        });
    }

    /// Writes the open plan to storage over the revision it was loaded at; on failure the plan
    /// in memory stays as it is, is kept as a draft in the tab's session storage, and the
    /// message offers to export it.
    pub(crate) fn save_now(self) {
        self.pending.set_value(false);
        self.queued.set_value(false);
        if crate::panic::panicked() {
            return;
        }
        let result = self.open.with_untracked(|open| {
            open.as_ref().and_then(|o| {
                // Untracked: nothing on screen shows the stored copy while a plan is open.
                browser::measure("yaodian:save", || {
                    self.library.try_update_untracked(|l| {
                        l.save(&o.id, o.editor.plan(), o.revision, browser::now())
                    })
                })
            })
        });
        match result {
            Some(Ok(revision)) => {
                let id = self.open.try_update_untracked(|o| {
                    o.as_mut().map(|o| {
                        o.revision = revision;
                        o.id.clone()
                    })
                });
                if let Some(Some(id)) = id {
                    drafts::drop(&id);
                }
                self.saved.set(true);
                crate::panic::remember_unsaved(None);
            }
            Some(Err(StoreError::Conflict)) => self.keep_both(),
            Some(Err(StoreError::Gone)) => self.keep_as_copy(),
            Some(Err(e)) => self.not_saved(e.to_string()),
            None => {}
        }
    }

    /// Reads something from the open plan (tracked: re-runs on any change).
    pub fn with_plan<T>(self, f: impl FnOnce(&Plan) -> T) -> Option<T> {
        self.changed.track();
        self.open.with(|o| o.as_ref().map(|o| f(o.editor.plan())))
    }

    /// Reads what only changes with the plan's shape (nodes added, moved or removed; period,
    /// numbering): tracked, but not re-run while text is typed into one node.
    pub fn with_plan_shape<T>(self, f: impl FnOnce(&Plan) -> T) -> Option<T> {
        self.shape.track();
        self.open.track();
        self.with_plan_untracked(f)
    }

    /// The years of a multi-year plan (none for a plan of one year): the year choices of the
    /// ledger, views and summary.
    pub fn plan_years(self) -> Vec<i32> {
        self.with_plan_shape(|p| year_choices(p.period))
            .unwrap_or_default()
    }

    /// Reads something from the open plan without tracking.
    pub fn with_plan_untracked<T>(self, f: impl FnOnce(&Plan) -> T) -> Option<T> {
        self.open
            .with_untracked(|o| o.as_ref().map(|o| f(o.editor.plan())))
    }

    /// Reads one node of the open plan (tracked: re-runs when that node, or the whole plan,
    /// changes; not when another node does).
    pub fn with_node<T: Default>(self, id: u32, f: impl FnOnce(&Node) -> T) -> T {
        self.node_trigger(id).track();
        self.all_nodes.track();
        self.open.track();
        self.with_plan_untracked(|p| p.node(id).map(f))
            .flatten()
            .unwrap_or_default()
    }

    pub fn can_undo(self) -> bool {
        self.changed.track();
        self.open
            .with(|o| o.as_ref().is_some_and(|o| o.editor.can_undo()))
    }

    pub fn can_redo(self) -> bool {
        self.changed.track();
        self.open
            .with(|o| o.as_ref().is_some_and(|o| o.editor.can_redo()))
    }

    /// The open plan's changes could not be stored: they stay in memory and in the tab's
    /// session storage, and the message offers the plan file.
    pub(crate) fn not_saved(self, why: String) {
        self.saved.set(false);
        let open = self.open.with_untracked(|o| {
            o.as_ref()
                .map(|o| (o.id.clone(), o.editor.plan().clone(), o.revision))
        });
        let Some((id, plan, revision)) = open else {
            return;
        };
        crate::panic::remember_unsaved(Some(file::to_json(&plan)));
        let kept = drafts::keep(&id, &plan, revision);
        self.toast.set(Some(Toast {
            text: if kept {
                format!("{why}（修改已暂存在本窗口中，刷新页面也不会丢失）")
            } else {
                why
            },
            error: true,
            action: Some(ToastAction::ExportPlan(id)),
        }));
    }

    // ---- the roster ----

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
    fn change_roster(
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
