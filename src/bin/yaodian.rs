//! `yaodian`: the command-line face of the document library.
//!
//! ```text
//! yaodian outline FILE
//! yaodian export FILE --format text [--no-indent] [-o OUT]
//! ```

use std::process::ExitCode;

use yaodian::export::outline::outline;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::plan::file;
use yaodian::Plan;

const USAGE: &str = "用法：
  yaodian outline FILE                                   打印计划的大纲（FILE 为计划文件 .json）
  yaodian export FILE --format text [--no-indent] [-o OUT]   导出通知全文（可直接粘贴到 Word/WPS 的文本）";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("yaodian: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(format!("缺少命令\n{USAGE}"));
    };
    match command.as_str() {
        "outline" => {
            let [path] = rest else {
                return Err(format!("outline 需要一个文件\n{USAGE}"));
            };
            print!("{}", outline(&read_plan(path)?));
            Ok(())
        }
        "export" => export(rest),
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
            flag if flag.starts_with('-') => return Err(format!("未知选项：{flag}\n{USAGE}")),
            file => path = Some(file.to_string()),
        }
    }
    let path = path.ok_or_else(|| format!("export 需要一个文件\n{USAGE}"))?;
    let text = match format.as_deref() {
        Some("text") | Some("txt") => notice_text(&read_plan(&path)?, options),
        Some(other) => return Err(format!("不支持的格式：{other}（可用：text）")),
        None => return Err(format!("请用 --format 指定格式\n{USAGE}")),
    };
    match out {
        Some(out) => std::fs::write(&out, text).map_err(|e| format!("无法写入 {out}：{e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn read_plan(path: &str) -> Result<Plan, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("无法读取 {path}：{e}"))?;
    file::from_json(&text).map_err(|e| format!("{path}：{e}"))
}
