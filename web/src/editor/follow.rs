//! The 督办 tab: packets out to the departments, their returns reviewed field by field, who has
//! returned (报送情况, 催报), when deadlines warn, and the 督办通报.

use std::borrow::Cow;

use leptos::prelude::*;
use yaodian::import::holidays::read_holiday_notice;
use yaodian::ledger::bulletin::{bulletin, reminder, submissions};
use yaodian::ledger::checks::Place;
use yaodian::ledger::packet::{default_round_name, recipients};
use yaodian::ledger::returns::{Proposal, Review};
use yaodian::office::Job;
use yaodian::plan::follow::{Calendar, Round, RoundKind};
use yaodian::{Day, Edit};

use crate::browser;
use crate::editor::jump;
use crate::state::{use_state, PacketFormat};
use crate::worker;

#[component]
pub fn FollowPanel() -> impl IntoView {
    view! {
        <section class="follow-panel">
            <SendPackets/>
            <ReturnsReview/>
            <Standings/>
            <Warnings/>
        </section>
    }
}

#[component]
fn SendPackets() -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let kind = RwSignal::new(RoundKind::Progress);
    let name = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let everyone = move || state.with_plan(recipients).unwrap_or_default();
    let chosen = RwSignal::new(Vec::<String>::new());
    let offered = move || {
        let typed = name.get();
        if typed.trim().is_empty() {
            state
                .with_plan(|p| default_round_name(p, kind.get(), today))
                .unwrap_or_default()
        } else {
            typed
        }
    };
    let send = move |format| {
        let round = Round {
            name: offered(),
            kind: kind.get_untracked(),
            due: Day::parse(&due.get_untracked()),
            ..Round::default()
        };
        state.send_packets(round, chosen.get_untracked(), format);
    };
    view! {
        <h2>"发送报送表"</h2>
        <p class="hint">"为每个科室（或责任领导）生成一份只含其承担任务的报送表：.xlsx 可用 Excel 或 WPS 填写，任务列锁定、状态为下拉选择；使用 Yaodian 的单位可用报送包。"</p>
        <div class="round-form">
            <label>"类型"
                <select class="round-kind" on:change=move |ev| {
                    kind.set(RoundKind::from_key(&event_target_value(&ev)).unwrap_or_default())
                }>
                    {RoundKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() selected=move || kind.get() == k>{k.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"轮次名称"
                <input type="text" class="round-name" placeholder=offered
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <label>"报送截止"
                <input type="date" class="round-due" prop:value=move || due.get()
                    on:change=move |ev| due.set(event_target_value(&ev))/>
            </label>
        </div>
        <fieldset class="recipients">
            <legend>"发给"</legend>
            <label class="all">
                <input type="checkbox" class="recipient-all"
                    prop:checked=move || { let all = everyone(); !all.is_empty() && chosen.with(|c| c.len() == all.len()) }
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.set(if on { everyone() } else { Vec::new() });
                    }/>
                "全部"
            </label>
            {move || everyone().into_iter().map(|person| {
                let value = person.clone();
                let checked = person.clone();
                view! {
                    <label class="recipient">
                        <input type="checkbox" value=person.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&checked))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|n| n != &value);
                                    if on { c.push(value.clone()); }
                                });
                            }/>
                        {person}
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <div class="actions">
            <button class="send-xlsx" on:click=move |_| send(PacketFormat::Xlsx)>"导出报送表（.xlsx）"</button>
            <button class="send-packet" on:click=move |_| send(PacketFormat::Packet)>"导出报送包（Yaodian）"</button>
        </div>
    }
}

#[component]
fn ReturnsReview() -> impl IntoView {
    let state = use_state();
    let found = Memo::new(move |_| state.review());
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for file in files {
                match browser::read_bytes(&file).await {
                    Ok(bytes) => {
                        read.push((file.name(), bytes, browser::day_of(file.last_modified())))
                    }
                    Err(e) => state.error(format!("{}：{e}", file.name())),
                }
            }
            state.import_returns(read);
        });
    };
    view! {
        <h2>"审阅回执"</h2>
        <p class="hint">"可一次选择多份回执（.xlsx 报送表或报送包）。每项修改列出计划中的现值和报来的值；报送表发出后计划中已改动的标为冲突，只有明确采纳才会覆盖。采纳的修改可撤销。"</p>
        <div class="actions">
            <label class="button" for="import-returns">"导入回执…"</label>
            <input type="file" id="import-returns" multiple accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                class="visually-hidden" on:change=on_files/>
            <Show when=move || !state.returns().files.is_empty()>
                <button class="clear-returns" on:click=move |_| state.clear_returns()>"清空审阅"</button>
            </Show>
        </div>
        {move || review_view(found.get())}
    }
}

fn review_view(found: Review) -> impl IntoView {
    let state = use_state();
    let departments = found.departments();
    let proposals = found.proposals.clone();
    let groups = departments.into_iter().map(|department| {
        let rows: Vec<Proposal> = proposals.iter().filter(|p| p.department == department).cloned().collect();
        let all = found.accept_clean(Some(&department));
        view! {
            <div class="return-group" data-department=department.clone()>
                <h3>{department.clone()}
                    {all.map(|edit| view! {
                        <button class="accept-department" on:click=move |_| state.edit(edit.clone())>"采纳本单位全部（不含冲突）"</button>
                    })}
                </h3>
                <table class="proposals">
                    <thead><tr><th>"任务"</th><th>"字段"</th><th>"计划中现为"</th><th>"报来"</th><th><span class="visually-hidden">"采纳与否"</span></th></tr></thead>
                    <tbody>{rows.into_iter().map(proposal_row).collect_view()}</tbody>
                </table>
            </div>
        }
    }).collect_view();
    let refusals = found.refusals.clone();
    let notices = found.notices.clone();
    view! {
        {groups}
        <Show when={let empty = proposals.is_empty(); move || empty && !state.returns().files.is_empty()}>
            <p class="no-proposals">"回执中的内容都已在计划中，没有待审阅的修改。"</p>
        </Show>
        {(!refusals.is_empty()).then(|| view! {
            <h3>"未能导入"</h3>
            <ul class="refusals">
                {refusals.into_iter().map(|r| view! {
                    <li class="refusal">
                        <strong>{r.file.clone()}</strong>
                        {r.heading.clone().map(|h| format!(" · {h}"))}
                        "：" {r.reason.clone()}
                    </li>
                }).collect_view()}
            </ul>
        })}
        <ul class="return-notices">
            {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
        </ul>
    }
}

fn proposal_row(p: Proposal) -> impl IntoView {
    let state = use_state();
    let id = p.id;
    let key = p.key();
    let edit = p.edit.clone();
    let reason = (!p.reason.is_empty()).then(|| format!("理由：{}", p.reason));
    let conflict = p
        .conflict
        .then(|| format!("冲突：报送表发出时为“{}”，计划中已改为“{}”", p.was, p.now));
    view! {
        <tr class="proposal" class:conflict=p.conflict data-field=p.field.label()>
            <td><button class="link" on:click=move |_| jump(Place::Node(id))>{p.heading.clone()}</button></td>
            <td>{p.field.label()}</td>
            <td class="now">{p.now.clone()}</td>
            <td class="proposed">{p.proposed.clone()}
                {reason.map(|r| view! { <span class="reason">{r}</span> })}
                {conflict.map(|c| view! { <span class="badge conflict-badge">{c}</span> })}
            </td>
            <td class="choices">
                {match edit {
                    Some(edit) => view! {
                        <button class="accept" on:click=move |_| state.edit(edit.clone())>"采纳"</button>
                    }.into_any(),
                    None => view! { <span class="hint">"仅供参考"</span> }.into_any(),
                }}
                <button class="reject" on:click=move |_| state.reject_proposal(key.clone())>
                    {if p.edit.is_some() { "不采纳" } else { "已阅" }}
                </button>
            </td>
        </tr>
    }
}

#[component]
fn Standings() -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let rounds = move || {
        state
            .with_plan(|p| {
                p.follow
                    .rounds
                    .iter()
                    .map(|r| r.name.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let picked = RwSignal::new(String::new());
    let round = move || {
        let name = picked.get();
        state
            .with_plan(|p| p.follow.round(&name).or(p.follow.current()).cloned())
            .flatten()
    };
    let text = move || round().map(|r| reminder(&r, today)).unwrap_or_default();
    let copy = move |_| {
        let content = text();
        leptos::task::spawn_local(async move {
            state.report(browser::copy_text(content).await, "已复制催报名单")
        });
    };
    let download = move |_| {
        let name = browser::file_name(
            &format!("催报-{}", round().map(|r| r.name).unwrap_or_default()),
            "txt",
        );
        state.report(
            browser::download(&name, "text/plain;charset=utf-8", &text()),
            format!("已下载 {name}"),
        );
    };
    let bulletin_docx = move |_| {
        let Some(made) = state.with_plan_untracked(|p| {
            let name = picked.get_untracked();
            let round = p.follow.round(&name).or(p.follow.current());
            bulletin(p, round, today)
        }) else {
            return;
        };
        let name = browser::file_name(&made.title, "docx");
        let job = Job::BulletinDocx {
            bulletin: Cow::Borrowed(&made),
            fonts: state.options_untracked().fonts,
        };
        let done = format!("已下载 {name}");
        worker::download(
            state,
            &job,
            name,
            browser::DOCX_MIME,
            done,
            "yaodian:bulletin",
        );
    };
    view! {
        <h2>"报送情况"</h2>
        {move || match round() {
            None => view! { <p class="hint">"还没有发出过报送表。"</p> }.into_any(),
            Some(r) => view! {
                <label>"轮次"
                    <select class="standing-round" on:change=move |ev| picked.set(event_target_value(&ev))>
                        {rounds().into_iter().map(|n| {
                            let selected = n == r.name;
                            view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {r.due.map(|d| view! { <span class="hint">{format!("报送截止：{}", d.label())}</span> })}
                <table class="standings">
                    <thead><tr><th>"单位"</th><th>"报送情况"</th></tr></thead>
                    <tbody>
                        {submissions(&r, today).into_iter().map(|(name, s)| view! {
                            <tr class=format!("standing standing-{}", s.key())>
                                <th scope="row">{name}</th><td>{s.label()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        <Show when=move || round().is_some()>
            <p class="reminder">{text}</p>
            <div class="actions">
                <button class="copy-reminder" on:click=copy>"复制催报名单"</button>
                <button class="download-reminder" on:click=download>"下载催报名单"</button>
            </div>
        </Show>
        <h2>"督办通报"</h2>
        <p class="hint">"按台账和报送情况生成：任务总数及各状态数量、各科室推进情况、报送情况、逾期和即将到期的任务及其责任人，版式同通知。"</p>
        <div class="actions">
            <button class="bulletin-docx" on:click=bulletin_docx>"下载督办通报（.docx）"</button>
        </div>
    }
}

#[component]
fn Warnings() -> impl IntoView {
    let state = use_state();
    let days = move || state.with_plan(|p| p.follow.warn_days).unwrap_or_default();
    let table = RwSignal::new(
        state
            .with_plan_untracked(|p| p.follow.calendar.text())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<String>::new());
    // Undo, redo or another tab change the plan's calendar: the table shows it again.
    Effect::new(move |seen: Option<Calendar>| {
        let now = state.warnings().calendar;
        if seen.as_ref().is_some_and(|seen| *seen != now) {
            table.set(now.text());
        }
        now
    });
    let apply = move |_| {
        let (calendar, found) = Calendar::parse(&table.get_untracked());
        errors.set(found.into_iter().map(|(_, e)| e).collect());
        if errors.with_untracked(Vec::is_empty) && state.edit_applied(Edit::SetCalendar(calendar)) {
            state.info("已更新节假日表");
        }
    };
    let notice = RwSignal::new(String::new());
    let read_notice = move |_| {
        let assumed = state
            .with_plan_untracked(|p| p.period.start)
            .unwrap_or(2026);
        let read = read_holiday_notice(&notice.get_untracked(), assumed);
        let (mut calendar, found) = Calendar::parse(&table.get_untracked());
        if !found.is_empty() {
            errors.set(found.into_iter().map(|(_, e)| e).collect());
            return;
        }
        let (off, worked) = (read.calendar.holidays.len(), read.calendar.workdays.len());
        if off + worked == 0 {
            state.error("通知中没有找到放假或上班的日期，请确认粘贴的是节假日安排的通知");
            return;
        }
        calendar.merge(&read.calendar);
        table.set(calendar.text());
        errors.set(read.problems);
        if state.edit_applied(Edit::SetCalendar(calendar)) {
            let year = if read.year_found {
                format!("{}年", read.year)
            } else {
                format!("（通知中没有写年份，按{}年）", read.year)
            };
            state.info(format!(
                "已读取{year}节假日安排：放假{off}天，调休上班{worked}天"
            ));
            notice.set(String::new());
        }
    };
    view! {
        <h2>"临期提醒"</h2>
        <p class="hint">"任务按完成时限分为正常（蓝）、临期（黄：剩余工作日不超过设定天数）、逾期（红）。工作日按周一至周五计，节假日和调休上班日按下表调整。"</p>
        <label>"剩余工作日不超过"
            <input type="number" class="warn-days" min="1" max="60" prop:value=move || days().to_string()
                on:change=move |ev: leptos::ev::Event| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        state.edit(Edit::SetWarnDays(n));
                    }
                }/>
            "个工作日时提醒"
        </label>
        <label class="calendar">"法定节假日与调休（每行一天：日期 休／班，如“2027-10-01 休”“2027-09-26 班”）"
            <textarea class="calendar-text" rows="6" prop:value=move || table.get()
                on:input=move |ev| table.set(event_target_value(&ev))></textarea>
        </label>
        <div role="alert">
            <ul class="calendar-errors">
                {move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
        </div>
        <button class="apply-calendar" on:click=apply>"应用节假日表"</button>
        <label class="calendar">"或粘贴国务院办公厅当年的《部分节假日安排的通知》（网页上复制的全文即可），读出放假和调休上班的日期并入上表"
            <textarea class="holiday-notice" rows="4" prop:value=move || notice.get()
                on:input=move |ev| notice.set(event_target_value(&ev))></textarea>
        </label>
        <button class="read-holiday-notice" on:click=read_notice>"读取通知并应用"</button>
    }
}
