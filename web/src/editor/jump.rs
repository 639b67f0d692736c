//! The editor's tabs and [`jump`]: a leaf that every tab may use to show a place in the plan
//! (it depends on no tab).

use leptos::prelude::*;
use yaodian::ledger::checks::Place;
use yaodian::PlanField;

use crate::browser;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Plan,
    Checks,
    Ledger,
    Views,
    Summary,
    Follow,
    Notice,
    Roster,
    Numbering,
    Preview,
    Export,
}

impl Tab {
    pub const ALL: [Tab; 11] = [
        Tab::Plan,
        Tab::Checks,
        Tab::Ledger,
        Tab::Views,
        Tab::Summary,
        Tab::Follow,
        Tab::Notice,
        Tab::Roster,
        Tab::Numbering,
        Tab::Preview,
        Tab::Export,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Plan => "计划正文",
            Tab::Checks => "检查",
            Tab::Ledger => "台账",
            Tab::Views => "分工视图",
            Tab::Summary => "统计与总结",
            Tab::Follow => "督办",
            Tab::Notice => "通知要素",
            Tab::Roster => "名册",
            Tab::Numbering => "编号样式",
            Tab::Preview => "打印预览",
            Tab::Export => "导出",
        }
    }
}

/// The editor's open tab, shared so any panel can jump to a place in the plan.
#[derive(Clone, Copy)]
pub struct EditorTab(pub RwSignal<Tab>);

/// Opens the tab that shows `place` and puts the cursor there.
pub fn jump(place: Place) {
    let EditorTab(tab) = expect_context::<EditorTab>();
    match place {
        Place::Node(id) => {
            tab.set(Tab::Plan);
            browser::focus_node(id);
        }
        Place::Notice(field) => {
            tab.set(Tab::Notice);
            browser::focus_selector(format!(".notice-{}", field.key()));
        }
        Place::Plan(field) => {
            tab.set(Tab::Plan);
            browser::focus_selector(
                match field {
                    PlanField::Title => ".plan-title-input",
                    PlanField::Requirements => ".requirements",
                }
                .into(),
            );
        }
    }
}
