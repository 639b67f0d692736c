//! The task-division table as .csv and .xlsx.

use crate::common;
use std::io::Read;

use yaodian::export::table::{csv, rows, table_title, Row};
use yaodian::export::xlsx::table_xlsx as xlsx;
use yaodian::plan::file;

fn fixture() -> yaodian::Plan {
    file::from_json(&common::fixture("tongxin-excerpt.json")).unwrap()
}

#[test]
fn csv_has_a_bom_crlf_sections_and_every_field() {
    let text = csv(&fixture());
    let expected = "\u{feff}序号,工作任务,责任领导,牵头科室,配合科室,完成时限\r\n\
一、全面加强党的建设,,,,,\r\n\
1,（一）认真学习习近平新时代中国特色社会主义思想。坚持和强化党对卫生健康工作的领导。,杨少平、马正录、杨硕,局综合管理岗位,局机关各岗位、各医疗卫生单位,长期坚持\r\n\
2,（二）持续深化“三强九严”工程。发挥公立医院党建工作指导作用（试行）。,杨少平,局综合管理岗位,,长期坚持\r\n\
二、深入推进健康同心建设,,,,,\r\n\
3,（三）健全完善健康同心建设领导小组工作机制。,马瑾,局健康综合岗位,局机关各岗位、各医疗卫生单位,2020年11月\r\n\
4,（四）落实健康同心行动实施方案。实施16项健康同心专项行动。探索建立健康影响评价制度。,,,,\r\n";
    assert_eq!(text, expected);
}

#[test]
fn hostile_cells_stay_text() {
    let mut plan = fixture();
    plan.nodes[0].children[0].division.leaders = vec!["=HYPERLINK(\"http://x\")".into()];
    let text = csv(&plan);
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{text}"
    );
}

#[test]
fn xlsx_holds_the_title_header_and_rows() {
    let plan = fixture();
    assert_eq!(table_title(&plan), "2020年全县卫生健康工作要点暨任务分工表");
    let bytes = xlsx(&plan, Default::default()).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut strings)
        .unwrap();
    for needle in [
        "序号",
        "工作任务",
        "一、全面加强党的建设",
        "杨少平、马正录、杨硕",
        "2020年11月",
    ] {
        assert!(strings.contains(needle), "{needle}");
    }
    let tasks = rows(&plan)
        .iter()
        .filter(|r| matches!(r, Row::Task(_)))
        .count();
    assert_eq!(tasks, 4);
}
