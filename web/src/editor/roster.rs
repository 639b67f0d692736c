//! 名册: the office's leaders and departments, offered when owners are assigned.

use leptos::prelude::*;
use yaodian::{FontChoice, Role};

use super::division::datalist_id;
use crate::state::use_state;

/// The datalists that offer roster names in every owner field.
#[component]
pub fn RosterLists() -> impl IntoView {
    let state = use_state();
    view! {
        {[Role::Leader, Role::Lead].into_iter().map(|role| view! {
            <datalist id=datalist_id(role)>
                <For each=move || state.roster.with(|r| r.names(role).clone()) key=|n| n.clone()
                    children=|name| view! { <option value=name/> }/>
            </datalist>
        }).collect_view()}
    }
}

#[component]
pub fn RosterPanel() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="roster">
            <p class="hint">"名册保存在本机，所有计划共用。分配任务时从名册中选择；输入名册中没有的名称时，可一键加入名册。"</p>
            <button on:click=move |_| state.absorb_into_roster()>"把本计划中出现的人员和科室加入名册"</button>
            <RosterList role=Role::Leader title="责任领导"/>
            <RosterList role=Role::Lead title="科室和单位（牵头科室、配合科室共用）"/>
            <FontsChoice/>
        </section>
    }
}

/// The office's font names, used by every export and the preview.
#[component]
fn FontsChoice() -> impl IntoView {
    let state = use_state();
    let radio = move |name: &'static str,
                      id: &'static str,
                      label: &'static str,
                      on: bool,
                      set: fn(&mut FontChoice, bool)| {
        let checked = move || {
            let fonts = state.fonts();
            if name == "font-names" {
                fonts.plain_names == on
            } else {
                fonts.latin_in_times == on
            }
        };
        view! {
            <label><input type="radio" name=name id=id prop:checked=checked
                on:change=move |_| state.set_fonts(move |f| set(f, on))/>{label}</label>
        }
    };
    view! {
        <fieldset class="fonts-choice">
            <legend>"公文字体"</legend>
            <p class="hint">"按本单位模板选择。导出的 .docx、任务分工表、总结、台账清单和打印预览都按此设置。"</p>
            <div role="radiogroup" aria-label="仿宋、楷体的字体名">
                {radio("font-names", "font-names-gb2312", "仿宋_GB2312、楷体_GB2312（旧版模板）", false, |f, on| f.plain_names = on)}
                {radio("font-names", "font-names-plain", "仿宋、楷体（新版 Windows，含 GB2312 以外的生僻字）", true, |f, on| f.plain_names = on)}
            </div>
            <div role="radiogroup" aria-label="数字和西文字体">
                {radio("font-latin", "font-latin-cjk", "数字和西文与中文同字体", false, |f, on| f.latin_in_times = on)}
                {radio("font-latin", "font-latin-times", "数字和西文用 Times New Roman", true, |f, on| f.latin_in_times = on)}
            </div>
        </fieldset>
    }
}

#[component]
fn RosterList(role: Role, title: &'static str) -> impl IntoView {
    let state = use_state();
    let draft = RwSignal::new(String::new());
    let add = move || {
        let name = draft.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        if state.roster.with_untracked(|r| r.contains(role, &name)) {
            state.info(format!("「{}」已在名册中", name.trim()));
        }
        state.add_to_roster(role, &name);
        draft.set(String::new());
    };
    view! {
        <fieldset class="roster-list" data-role=role.key()>
            <legend>{title}</legend>
            <ul>
                <For each=move || state.roster.with(|r| r.names(role).clone()) key=|n| n.clone()
                    children=move |name| {
                        let gone = name.clone();
                        view! {
                            <li>{name.clone()}
                                <button class="small danger" aria-label=format!("从名册删除{name}")
                                    on:click=move |_| state.remove_from_roster(role, &gone)>"删除"</button>
                            </li>
                        }
                    }/>
            </ul>
            <input type="text" placeholder="输入名称，回车添加" aria-label=format!("添加{title}")
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" && !ev.is_composing() { add() }/>
            <button on:click=move |_| add()>"添加"</button>
        </fieldset>
    }
}
