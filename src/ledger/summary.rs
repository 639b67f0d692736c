//! The year-end summary skeleton (工作总结初稿) drawn from the ledger, which the office then
//! rewrites, and its short prose form that opens next year's plan.

use super::{filtered, Filter, TaskRow};
use crate::export::fullwidth_punctuation;
use crate::plan::model::{Day, Plan, Status};
use crate::plan::next_year::{next_year, RolledForward};

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// `2020年全县卫生健康工作总结（初稿）`.
    pub title: String,
    /// Where it comes from and as of when.
    pub subtitle: String,
    /// `2020年，共安排任务54项，已完成40项……`.
    pub overview: String,
    pub sections: Vec<SummarySection>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SummarySection {
    /// The section's title without its number.
    pub title: String,
    /// Completed tasks: the lead sentence and the completion note.
    pub done: Vec<(String, String)>,
    /// The rest: the lead sentence and where it stands (status, latest note).
    pub open: Vec<(String, String)>,
}

fn title_of(plan: &Plan, year: Option<i32>) -> String {
    let name = plan.short_name();
    let name = match year {
        Some(year) if plan.period.is_multi_year() => format!("{name}（{year}年度）"),
        _ => name,
    };
    if name.contains("工作要点") {
        format!("{}（初稿）", name.replacen("工作要点", "工作总结", 1))
    } else {
        format!("{name}工作总结（初稿）")
    }
}

fn standing(task: &TaskRow) -> String {
    let mut text = task.status.label().to_string();
    if task.overdue {
        text.push_str("，已逾期");
    }
    if !task.latest_note.is_empty() {
        text.push('；');
        text.push_str(&task.latest_note);
    }
    text
}

/// The summary of the plan on `today`; `year` narrows a multi-year plan to one year.
pub fn summary(plan: &Plan, today: Option<Day>, year: Option<i32>) -> Summary {
    let filter = Filter {
        year,
        ..Filter::default()
    };
    let rows = filtered(plan, &filter, today);
    let mut sections: Vec<SummarySection> = Vec::new();
    let mut last_section = None;
    for task in &rows {
        if last_section != Some(&task.section) {
            sections.push(SummarySection {
                title: task.section_title.clone(),
                ..Default::default()
            });
            last_section = Some(&task.section);
        }
        let section = sections.last_mut().expect("pushed");
        let title = task.title.trim_end_matches(['。', '；']).to_string();
        if task.status == Status::Done {
            section.done.push((title, task.completion.clone()));
        } else {
            section.open.push((title, standing(task)));
        }
    }
    let when = year.map_or_else(|| plan.period.label(), |y| format!("{y}年"));
    Summary {
        title: title_of(plan, year),
        subtitle: match today {
            Some(day) => format!("（根据工作台账生成，截至{}）", day.label()),
            None => "（根据工作台账生成）".into(),
        },
        overview: overview(&when, &rows),
        sections,
    }
}

/// `2020年，共安排任务54项，已完成40项……`.
fn overview(when: &str, rows: &[TaskRow]) -> String {
    let count = |status| rows.iter().filter(|t| t.status == status).count();
    let overdue = rows.iter().filter(|t| t.overdue).count();
    let mut overview = format!(
        "{when}，共安排任务{}项，已完成{}项，推进中{}项，滞后{}项，未启动{}项",
        rows.len(),
        count(Status::Done),
        count(Status::InProgress),
        count(Status::Late),
        count(Status::NotStarted)
    );
    if count(Status::Cancelled) > 0 {
        overview.push_str(&format!("，取消{}项", count(Status::Cancelled)));
    }
    if overdue > 0 {
        overview.push_str(&format!("；其中{overdue}项已过完成时限尚未完成"));
    }
    overview.push('。');
    overview
}

/// The year's review as prose without numbers, to open next year's plan: the overview, then one
/// paragraph per section with its completed tasks. It says 过去一年 rather than the year, so
/// the new plan's old-year check does not flag it.
pub fn review_paragraphs(plan: &Plan, today: Option<Day>) -> String {
    let summary = summary(plan, today, None);
    let rows = filtered(plan, &Filter::default(), today);
    let mut paragraphs = vec![overview("过去一年", &rows)];
    for section in &summary.sections {
        if section.done.is_empty() {
            continue;
        }
        let items: Vec<String> = section
            .done
            .iter()
            .map(|(title, note)| {
                let note = note.trim().trim_end_matches(['。', '；']);
                if note.is_empty() {
                    title.clone()
                } else {
                    format!("{title}，{note}")
                }
            })
            .collect();
        paragraphs.push(format!("在{}方面：{}。", section.title, items.join("；")));
    }
    fullwidth_punctuation(&paragraphs.join("\n"))
}

/// Next year's plan, opened by this year's review (before its 总体要求).
pub fn next_year_with_review(plan: &Plan, today: Option<Day>) -> RolledForward {
    let review = review_paragraphs(plan, today);
    let mut rolled = next_year(plan);
    let requirements = &mut rolled.plan.requirements;
    *requirements = if requirements.trim().is_empty() {
        review
    } else {
        format!("{review}\n{requirements}")
    };
    rolled
}
