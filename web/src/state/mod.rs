//! The app's state and the intents components send. Every document rule is in `yaodian`;
//! this module only routes intents to it, saves at once, and reports in Chinese.

use leptos::prelude::*;
use std::collections::HashMap;
use yaodian::export::NoticeOptions;
use yaodian::store::Library;

use yaodian::{Editor, NodeId, Roster};

use crate::browser;
use crate::storage::{drafts, LocalStore};

mod backup;
mod follow;
pub use follow::PacketFormat;
mod library;
mod open;
mod packets;
mod roster;
mod saving;
mod snapshots;
mod tabs;
mod templates;

/// Which page is shown; mirrored in the address hash so a reload returns to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Plan(String),
    /// Two plans side by side: old, new.
    Compare(String, String),
    /// A packet received from another office, being filled in (its `Packet::id`).
    Packet(String),
}

impl Route {
    fn from_hash(hash: &str) -> Route {
        if let Some((old, new)) = hash
            .strip_prefix("/compare/")
            .and_then(|rest| rest.split_once('/'))
        {
            return Route::Compare(old.to_string(), new.to_string());
        }
        if let Some(id) = hash.strip_prefix("/packet/").filter(|id| !id.is_empty()) {
            return Route::Packet(id.to_string());
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
            Route::Packet(id) => format!("/packet/{id}"),
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
    /// Put back a template just deleted.
    RestoreTemplate(Box<yaodian::plan::office_templates::OfficeTemplate>),
}

impl ToastAction {
    pub fn label(&self) -> &'static str {
        match self {
            ToastAction::RestorePlan(_) => "撤销删除",
            ToastAction::Undo => "撤销",
            ToastAction::ExportPlan(_) => "导出计划文件",
            ToastAction::Purge(_) => "下载备份后彻底删除",
            ToastAction::RestoreTemplate(_) => "撤销删除",
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
    /// The departments' returns under review (`state/follow.rs`).
    returns: RwSignal<follow::Returns>,
    /// Answers typed into a received packet, not yet written (`state/packets.rs`).
    answers: StoredValue<Vec<(String, u32, yaodian::ledger::packet::Column, String)>>,
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

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens the library in localStorage and the page the address names.
    pub fn start() -> AppState {
        // User Timing measures of the start (printed by the browser benchmarks).
        let mut library = browser::measure("yaodian:start:library", || Library::open(LocalStore));
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
            returns: RwSignal::new(follow::Returns::default()),
            answers: StoredValue::new(Vec::new()),
        };
        if !warnings.is_empty() {
            state.error(warnings.join("；"));
        }
        // The page the address names is chosen before the first paint (its part loads then).
        browser::measure("yaodian:start:route", || {
            browser::at_once(|| state.follow_hash())
        });
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
                self.note_replaced();
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
    pub(super) fn leave(self) {
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
            ToastAction::RestoreTemplate(template) => self.restore_template(*template),
        }
    }

    // ---- the library ----
}
