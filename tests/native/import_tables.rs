//! Task tables in every form they arrive in: the .xlsx and .docx tables this tool exports (any
//! plan comes back with its tree and divisions), a workbook as another office makes one (title
//! row, merged group cells, dates typed as dates, a cell over several lines, a remarks column),
//! and the same table pasted with pipes or tabs.

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use yaodian::export::docx::division_table_docx;
use yaodian::export::outline::outline;
use yaodian::export::xlsx::table_xlsx;
use yaodian::import::docx::import_docx;
use yaodian::import::import_text;
use yaodian::import::xlsx::{import_xlsx, xlsx_rows};
use yaodian::{Deadline, NodeKind, Plan};

/// One node as a task table carries it: depth, kind, title, body, people, deadline.
type Carried = (usize, NodeKind, String, String, [Vec<String>; 3], Deadline);

/// What a task table carries of a plan: the tree, titles, bodies and divisions.
fn carried(plan: &Plan) -> Vec<Carried> {
    plan.walk()
        .into_iter()
        .map(|(node, depth)| {
            let d = &node.division;
            (
                depth,
                node.kind,
                node.title.clone(),
                node.body.replace('\n', ""),
                [d.leaders.clone(), d.leads.clone(), d.partners.clone()],
                d.deadline.clone(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_plan_comes_back_from_its_xlsx_table(plan in crate::import_fuzz::plan()) {
        let imported = import_xlsx(&table_xlsx(&plan, Default::default()).unwrap()).unwrap();
        prop_assert_eq!(carried(&imported.plan), carried(&plan));
        prop_assert_eq!(imported.plan.numbering, plan.numbering);
    }

    #[test]
    fn any_plan_comes_back_from_its_docx_table(plan in crate::import_fuzz::plan()) {
        let imported = import_docx(&division_table_docx(&plan, Default::default())).unwrap();
        prop_assert_eq!(carried(&imported.plan), carried(&plan));
    }
}

/// A workbook as another office makes one.
fn foreign_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("分工").unwrap();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .merge_range(0, 0, 0, 6, "2024年卫生健康重点工作任务分解表", &plain)
        .unwrap();
    for (col, header) in [
        "序号",
        "工作任务",
        "具体措施",
        "牵头单位",
        "配合单位",
        "完成时间",
        "备注",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, col as u16, *header).unwrap();
    }
    // Rows 3–4 share a merged 工作任务 cell, as Excel users merge a group.
    sheet
        .merge_range(2, 1, 3, 1, "深化医药卫生体制改革", &plain)
        .unwrap();
    sheet.write_number(2, 0, 1).unwrap();
    sheet
        .write_string(2, 2, "推进紧密型县域医共体建设")
        .unwrap();
    sheet.write_string(2, 3, "医政医管科").unwrap();
    sheet
        .write_string(2, 4, "各乡镇卫生院\n县人民医院")
        .unwrap();
    sheet
        .write_datetime_with_format(2, 5, ExcelDateTime::from_ymd(2024, 6, 30).unwrap(), &date)
        .unwrap();
    sheet.write_number(3, 0, 2).unwrap();
    sheet.write_string(3, 2, "完善分级诊疗制度").unwrap();
    sheet.write_string(3, 3, "医政医管科").unwrap();
    sheet.write_string(3, 5, "2024年12月").unwrap();
    sheet.write_string(3, 6, "按季度报送进展").unwrap();
    sheet.write_number(4, 0, 3).unwrap();
    sheet.write_string(4, 1, "强化公共卫生体系").unwrap();
    sheet.write_string(4, 2, "加强疾控能力建设").unwrap();
    sheet.write_string(4, 3, "疾控科").unwrap();
    sheet.write_string(4, 4, "县疾控中心").unwrap();
    sheet.write_string(4, 5, "长期坚持").unwrap();
    workbook.save_to_buffer().unwrap()
}

const FOREIGN_OUTLINE: &str = "\
深化医药卫生体制改革
  1. 推进紧密型县域医共体建设
    牵头科室：医政医管科；配合科室：各乡镇卫生院、县人民医院；完成时限：2024年6月30日
  2. 完善分级诊疗制度
    牵头科室：医政医管科；完成时限：2024年12月
强化公共卫生体系
  3. 加强疾控能力建设
    牵头科室：疾控科；配合科室：县疾控中心；完成时限：长期坚持
";

#[test]
fn another_offices_workbook_imports_with_its_columns() {
    let imported = import_xlsx(&foreign_workbook()).unwrap();
    assert_eq!(outline(&imported.plan), FOREIGN_OUTLINE);
    assert_eq!(imported.plan.title, "2024年卫生健康重点工作任务分解表");
    // The remarks column is kept as the task's text, under its header.
    let second = &imported.plan.nodes[0].children[1];
    assert_eq!(second.body, "备注：按季度报送进展");
}

#[test]
fn the_same_table_pasted_with_pipes_or_tabs_imports_alike() {
    let rows = xlsx_rows(&foreign_workbook()).unwrap();
    let tabs = rows.join("\n");
    let pipes = rows
        .iter()
        .map(|r| format!("| {} |", r.replace('\t', " | ")))
        .collect::<Vec<_>>()
        .join("\n");
    for text in [&tabs, &pipes] {
        assert_eq!(outline(&import_text(text).plan), FOREIGN_OUTLINE, "{text}");
    }
}

#[test]
fn a_workbook_that_is_not_one_is_a_message() {
    let mut zip = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        writer
            .start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut writer, b"<not really>").unwrap();
        writer.finish().unwrap();
    }
    let error = import_xlsx(&zip).unwrap_err();
    assert!(error.contains(".xlsx"), "{error}");
}
