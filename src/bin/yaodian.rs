//! `yaodian`: the command-line face of the document library.
//!
//! ```text
//! yaodian outline FILE
//! yaodian check FILE
//! yaodian export FILE --format text|docx|pages [--no-indent] [--attachment] [--no-fields]
//!     [--plain-font-names] [--latin-times] [-o OUT]
//! yaodian packet FILE --department NAME|--all [--round TEXT] [--due DATE] [--draft] -o OUT
//! yaodian returns FILE RETURN... [--accept-all] [-o OUT.json]
//! ```

#[path = "cli/follow.rs"]
mod follow;

use std::process::ExitCode;

use yaodian::export::blocks::notice_blocks;
use yaodian::export::docx::{division_table_docx, notice_docx};
use yaodian::export::outline::outline;
use yaodian::export::pages::pages_text;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::export::{table, xlsx};
use yaodian::import::{docx, import_text, office_file, Imported, OfficeFile, Severity};
use yaodian::plan::file;
use yaodian::Plan;

pub(crate) const USAGE: &str = "用法：
  yaodian import FILE [-o plan.json]                     从文本、.docx 或 .xlsx 导入计划，诊断信息输出到标准错误
  yaodian check FILE                                     检查计划（缺少牵头科室、时限，重复任务，时限超出年度等），有问题时返回非零
  yaodian outline FILE                                   打印计划的大纲（FILE 为计划文件 .json、文本、.docx 或 .xlsx）
  yaodian export FILE --format text [--no-indent] [-o OUT]   导出通知全文（可直接粘贴到 Word/WPS 的文本）
  yaodian export FILE --format docx -o OUT.docx               导出符合 GB/T 9704-2012 的公文 .docx
  yaodian export FILE --format pages [-o OUT]                 按 22 行 × 28 字逐页列出正文，并给出版记所在页
      文本、.docx 和 pages 均可加 --attachment（计划作为附件另起一页）、--no-fields（不在任务下写分工）
      .docx 和 .xlsx 均可加 --plain-font-names（用“仿宋”“楷体”，不用“仿宋_GB2312”“楷体_GB2312”）、
      --latin-times（数字和西文用 Times New Roman）
  yaodian export FILE --format csv|xlsx|table-docx [-o OUT]   导出任务分工表（.csv、.xlsx 或横排 .docx）
  yaodian packet FILE --department NAME [--round TEXT] [--due 日期] [--draft] -o OUT.xlsx
                                                         生成某科室的报送表（OUT 以 .json 结尾时为 Yaodian 报送包）；
                                                         --all -o 目录：每个科室各一份；--draft：征求意见稿（可填修改建议）
  yaodian returns FILE RETURN... [--accept-all -o OUT.json]
                                                         列出回执提出的修改（任务<TAB>字段<TAB>现值<TAB>报送值，冲突和拒收附原因）；
                                                         --accept-all 采纳所有不冲突的修改并写出合并后的计划
      packet 和 returns 均可加 --today 日期（默认为今天）";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("yaodian: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(format!("缺少命令\n{USAGE}"));
    };
    if command == "check" {
        let [path] = rest else {
            return Err(format!("check 需要一个文件\n{USAGE}"));
        };
        return check(path);
    }
    run_command(command, rest).map(|()| ExitCode::SUCCESS)
}

/// Prints each finding as `label<TAB>message`; exit 1 when there are any.
fn check(path: &str) -> Result<ExitCode, String> {
    let plan = read_plan(path)?;
    let findings = yaodian::ledger::checks::check(&plan, None);
    for finding in &findings {
        println!("{finding}");
    }
    if findings.is_empty() {
        eprintln!("未发现问题");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("共发现 {} 处问题", findings.len());
        Ok(ExitCode::from(1))
    }
}

fn run_command(command: &str, rest: &[String]) -> Result<(), String> {
    match command {
        "outline" => {
            let [path] = rest else {
                return Err(format!("outline 需要一个文件\n{USAGE}"));
            };
            print!("{}", outline(&read_plan(path)?));
            Ok(())
        }
        "export" => export(rest),
        "packet" => follow::packet(rest),
        "returns" => follow::returns(rest),
        "import" => import(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("未知命令：{other}\n{USAGE}")),
    }
}

fn export(args: &[String]) -> Result<(), String> {
    let mut path = None;
    let mut format = None;
    let mut out = None;
    let mut options = TextOptions::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => format = args.next().cloned(),
            "-o" | "--output" => out = args.next().cloned(),
            "--no-indent" => options.indent = false,
            "--attachment" => options.notice.attachment = true,
            "--no-fields" => options.notice.fields_under_tasks = false,
            "--plain-font-names" => options.notice.fonts.plain_names = true,
            "--latin-times" => options.notice.fonts.latin_in_times = true,
            flag if flag.starts_with('-') => return Err(format!("未知选项：{flag}\n{USAGE}")),
            file => path = Some(file.to_string()),
        }
    }
    let path = path.ok_or_else(|| format!("export 需要一个文件\n{USAGE}"))?;
    let bytes = match format.as_deref() {
        Some("text") | Some("txt") => notice_text(&read_plan(&path)?, options).into_bytes(),
        Some("pages") => {
            let blocks = notice_blocks(&read_plan(&path)?, options.notice);
            pages_text(&blocks, options.notice.fonts).into_bytes()
        }
        Some("docx") => {
            if out.is_none() {
                return Err("导出 .docx 需要用 -o 指定输出文件".into());
            }
            notice_docx(&read_plan(&path)?, options.notice)
        }
        Some("csv") => table::csv(&read_plan(&path)?).into_bytes(),
        Some("table-docx") => {
            if out.is_none() {
                return Err("导出 .docx 需要用 -o 指定输出文件".into());
            }
            division_table_docx(&read_plan(&path)?, options.notice.fonts)
        }
        Some("xlsx") => {
            if out.is_none() {
                return Err("导出 .xlsx 需要用 -o 指定输出文件".into());
            }
            xlsx::table_xlsx(&read_plan(&path)?, options.notice.fonts)
                .map_err(|e| format!("无法生成 .xlsx：{e}"))?
        }
        Some(other) => {
            return Err(format!(
                "不支持的格式：{other}（可用：text、docx、pages、csv、xlsx、table-docx）"
            ))
        }
        None => return Err(format!("请用 --format 指定格式\n{USAGE}")),
    };
    match out {
        Some(out) => std::fs::write(&out, bytes).map_err(|e| format!("无法写入 {out}：{e}")),
        None => {
            print!("{}", String::from_utf8_lossy(&bytes));
            Ok(())
        }
    }
}

fn import(args: &[String]) -> Result<(), String> {
    let mut path = None;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => out = args.next().cloned(),
            flag if flag.starts_with('-') => return Err(format!("未知选项：{flag}\n{USAGE}")),
            file => path = Some(file.to_string()),
        }
    }
    let path = path.ok_or_else(|| format!("import 需要一个文件\n{USAGE}"))?;
    let imported = import_file(&path)?;
    report(&imported);
    let json = file::to_json(&imported.plan);
    match out {
        Some(out) => std::fs::write(&out, json + "\n").map_err(|e| format!("无法写入 {out}：{e}")),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

/// Prints the import's diagnostics on stderr: what to check and what was not placed, one per
/// line; the page furniture left out and the text read into fields, counted.
fn report(imported: &Imported) {
    let count = |severity: Severity| {
        imported
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    for d in imported
        .diagnostics
        .iter()
        .filter(|d| matches!(d.severity, Severity::Warning | Severity::Unplaced))
    {
        eprintln!("{d}");
    }
    let read = count(Severity::Read);
    if read > 0 {
        eprintln!("已按表头或括号读取 {read} 处分工");
    }
    let ignored = count(Severity::Ignored);
    if ignored > 0 {
        eprintln!("已忽略 {ignored} 行网页或页眉页脚内容");
    }
}

fn import_file(path: &str) -> Result<Imported, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取 {path}：{e}"))?;
    // By content; a broken archive by its name (the reader then says what is wrong).
    let by_name = match path.rsplit('.').next() {
        Some("docx") if bytes.starts_with(b"PK") => Some(OfficeFile::Docx),
        Some("xlsx") if bytes.starts_with(b"PK") => Some(OfficeFile::Xlsx),
        _ => None,
    };
    match office_file(&bytes).or(by_name) {
        Some(OfficeFile::Docx) => {
            return docx::import_docx(&bytes).map_err(|e| format!("{path}：{e}"))
        }
        Some(OfficeFile::Xlsx) => {
            return yaodian::import::xlsx::import_xlsx(&bytes).map_err(|e| format!("{path}：{e}"))
        }
        None if bytes.starts_with(b"PK") => {
            return Err(format!(
                "{path}：是压缩文件，但不是 .docx 或 .xlsx，请另存为 .docx、.xlsx 或文本后再导入"
            ))
        }
        None => {}
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{path}：不是 UTF-8 编码的文本文件，请另存为 UTF-8 后再导入"))?;
    Ok(import_text(&text))
}

/// A plan file as JSON, or any other text or .docx, imported first.
pub(crate) fn read_plan(path: &str) -> Result<Plan, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取 {path}：{e}"))?;
    let looks_like_json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    if looks_like_json || path.ends_with(".json") {
        let text = String::from_utf8_lossy(&bytes);
        return file::from_json(&text).map_err(|e| format!("{path}：{e}"));
    }
    let imported = import_file(path)?;
    report(&imported);
    Ok(imported.plan)
}
