//! `yaodian packet` and `yaodian returns`: the departments' loop on files.

use yaodian::export::packet::packet_xlsx;
use yaodian::import::returns::read_return;
use yaodian::ledger::packet::{make_packet, plan_id, recipients, PacketSpec};
use yaodian::ledger::returns::{record_returns, review, Returned};
use yaodian::plan::file;
use yaodian::plan::follow::{Round, RoundKind};
use yaodian::{Day, Edit, Editor, FontChoice};

use super::{read_plan, USAGE};

/// Today in China (UTC+8), unless `--today` says otherwise.
fn today(given: Option<&String>) -> Result<Day, String> {
    match given {
        Some(text) => Day::parse(text).ok_or_else(|| format!("无法识别日期：{text}")),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| "系统时间不正确".to_string())?
                .as_secs();
            Ok(Day::from_ordinal(((secs + 8 * 3600) / 86_400) as i64))
        }
    }
}

/// The day a file was last written (in China, UTC+8).
fn modified(path: &str) -> Option<Day> {
    let secs = std::fs::metadata(path)
        .ok()?
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(Day::from_ordinal(((secs + 8 * 3600) / 86_400) as i64))
}

pub fn packet(args: &[String]) -> Result<(), String> {
    let (mut path, mut department, mut round, mut due, mut out, mut day) =
        (None, None, None, None, None, None);
    let mut kind = RoundKind::Progress;
    let mut all = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--department" | "-d" => department = args.next().cloned(),
            "--all" => all = true,
            "--round" => round = args.next().cloned(),
            "--due" => due = args.next().cloned(),
            "--draft" => kind = RoundKind::Draft,
            "--today" => day = args.next().cloned(),
            "-o" | "--output" => out = args.next().cloned(),
            flag if flag.starts_with('-') => return Err(format!("未知选项：{flag}\n{USAGE}")),
            file => path = Some(file.to_string()),
        }
    }
    let path = path.ok_or_else(|| format!("packet 需要一个计划文件\n{USAGE}"))?;
    let out = out.ok_or("请用 -o 指定输出文件（--all 时为输出目录）")?;
    let plan = read_plan(&path)?;
    let made = today(day.as_ref())?;
    let due = due
        .map(|d| Day::parse(&d).ok_or_else(|| format!("无法识别报送截止日期：{d}")))
        .transpose()?;
    let spec = PacketSpec {
        round: round.unwrap_or_else(|| match kind {
            RoundKind::Progress => format!("{}年{}月进度报送", made.year, made.month),
            RoundKind::Draft => format!("{}征求意见稿", plan.short_name()),
        }),
        kind,
        due,
        made: Some(made),
    };
    let mut names = match (department, all) {
        (Some(name), false) => vec![name],
        (None, true) => recipients(&plan),
        _ => {
            return Err(format!(
                "请用 --department 指定科室，或用 --all 为每个科室各生成一份\n{USAGE}"
            ))
        }
    };
    names.retain(|name| !name.trim().is_empty());
    // Every packet made and checked before anything is written.
    for name in &names {
        if make_packet(&plan, name, &spec).tasks.is_empty() {
            return Err(format!("计划中没有“{name}”承担的任务"));
        }
    }
    // A plan file records the round and fixes the plan's identity, as the app does, so that
    // its returns are known however the plan is edited meanwhile.
    let is_file = std::fs::read(&path).is_ok_and(|b| b.trim_ascii_start().starts_with(b"{"));
    let mut plan = plan;
    if is_file {
        let mut editor = Editor::new(plan.clone());
        editor
            .apply(Edit::OpenRound {
                round: Round {
                    name: spec.round.clone(),
                    kind,
                    opened: Some(made),
                    due,
                    departments: names.clone(),
                    returns: Vec::new(),
                },
                plan_id: plan_id(&plan),
            })
            .map_err(|e| e.to_string())?;
        plan = editor.into_plan();
        std::fs::write(&path, file::to_json(&plan) + "\n")
            .map_err(|e| format!("无法写入 {path}：{e}"))?;
        eprintln!("已在 {path} 中记下这一轮报送（{}）", spec.round);
    }
    for name in names {
        let packet = make_packet(&plan, &name, &spec);
        // One file per department into a directory: workbooks.
        let json = !all && out.ends_with(".json");
        let target = if all {
            std::fs::create_dir_all(&out).map_err(|e| format!("无法创建目录 {out}：{e}"))?;
            format!("{out}/{}", packet.file_name("xlsx"))
        } else {
            out.clone()
        };
        let bytes = if json {
            packet.to_json().into_bytes()
        } else {
            packet_xlsx(&packet, FontChoice::default())
                .map_err(|e| format!("无法生成 .xlsx：{e}"))?
        };
        std::fs::write(&target, bytes).map_err(|e| format!("无法写入 {target}：{e}"))?;
        eprintln!(
            "{target}：{}，{}项任务",
            packet.department,
            packet.tasks.len()
        );
    }
    Ok(())
}

pub fn returns(args: &[String]) -> Result<(), String> {
    let (mut files, mut out, mut day) = (Vec::new(), None, None);
    let mut accept = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--accept-all" => accept = true,
            "--today" => day = args.next().cloned(),
            "-o" | "--output" => out = args.next().cloned(),
            flag if flag.starts_with('-') => return Err(format!("未知选项：{flag}\n{USAGE}")),
            file => files.push(file.to_string()),
        }
    }
    let Some((path, rest)) = files.split_first() else {
        return Err(format!("returns 需要计划文件和至少一份回执\n{USAGE}"));
    };
    if rest.is_empty() {
        return Err(format!("returns 需要至少一份回执\n{USAGE}"));
    }
    let plan = read_plan(path)?;
    let today = today(day.as_ref())?;
    let mut returned: Vec<Returned> = Vec::new();
    for file in rest {
        let bytes = std::fs::read(file).map_err(|e| format!("无法读取 {file}：{e}"))?;
        match read_return(file, &bytes) {
            Ok(mut r) => {
                // A workbook says nothing of when it was filled in: the file's date stands.
                r.packet.returned = r.packet.returned.or_else(|| modified(file));
                returned.push(r)
            }
            Err(message) => println!("{file}\t（整份）\t拒收：{message}"),
        }
    }
    let found = review(&plan, &returned, today);
    for proposal in &found.proposals {
        println!("{}", proposal.line());
    }
    for refusal in &found.refusals {
        println!("{}", refusal.line());
    }
    for notice in &found.notices {
        eprintln!("{notice}");
    }
    if !accept {
        return Ok(());
    }
    let out = out.ok_or("--accept-all 需要用 -o 指定合并后的计划文件")?;
    let mut editor = Editor::new(plan.clone());
    for edit in record_returns(&plan, &found, &returned, today) {
        editor.apply(edit).map_err(|e| e.to_string())?;
    }
    let conflicts = found.proposals.iter().filter(|p| p.conflict).count();
    let mut accepted = 0;
    if let Some(edit) = found.accept_clean(None) {
        if let yaodian::Edit::Many(edits) = &edit {
            accepted = edits.len();
        }
        editor.apply(edit).map_err(|e| e.to_string())?;
    }
    eprintln!("已采纳 {accepted} 项；{conflicts} 项与计划中的修改冲突，未采纳");
    std::fs::write(&out, file::to_json(editor.plan()) + "\n")
        .map_err(|e| format!("无法写入 {out}：{e}"))
}
