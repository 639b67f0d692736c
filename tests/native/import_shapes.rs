//! The shapes of a notice, each as a class of variants: numbered instructions in the transmittal
//! before the 署名, 主送 as a list of bodies (not any line ending in a colon), a joint 署名, a
//! title wrapped or prefixed, the information block wherever it stands.

use yaodian::export::outline::outline;
use yaodian::import::import_text;

/// A notice whose transmittal numbers its own instructions, then signs, then the plan.
fn instructed(instructions: &[&str], seal: bool, note: bool) -> String {
    let mut text = String::from("关于印发2024年全县卫生健康工作要点的通知\n各乡镇卫生院、局机关各股室：\n现将《2024年全县卫生健康工作要点》印发给你们，并提出如下要求：\n");
    for (i, line) in instructions.iter().enumerate() {
        text.push_str(&format!("{}、{line}\n", ["一", "二", "三", "四"][i]));
    }
    text.push_str("县卫生健康局\n");
    if seal {
        text.push_str("（县爱卫办代章）\n");
    }
    text.push_str("2024年3月1日\n");
    if note {
        text.push_str("（此件公开发布）\n");
    }
    text.push_str("2024年全县卫生健康工作要点\n一、加强党的建设\n（一）落实主体责任。全年推进。\n二、深化医改\n（二）推进医共体建设。\n");
    text
}

#[test]
fn numbered_instructions_before_the_signature_are_the_transmittals() {
    let instructions = [
        "各牵头单位要细化措施，明确进度。",
        "请于3月9日前报送工作台账。",
        "各单位要加强督查。",
    ];
    for n in 1..=3 {
        for seal in [false, true] {
            for note in [false, true] {
                let text = instructed(&instructions[..n], seal, note);
                let imported = import_text(&text);
                let plan = &imported.plan;
                let case = format!("{n} instructions, seal {seal}, note {note}");
                assert_eq!(plan.notice.signature, "县卫生健康局", "{case}");
                assert_eq!(plan.notice.date, "2024年3月1日", "{case}");
                for line in &instructions[..n] {
                    assert!(plan.notice.transmittal.contains(line), "{case}: {line}");
                }
                assert_eq!(plan.nodes.len(), 2, "{case}\n{}", outline(plan));
                assert_eq!(plan.nodes[0].title, "加强党的建设", "{case}");
                assert_eq!(plan.title, "2024年全县卫生健康工作要点", "{case}");
            }
        }
    }
}

#[test]
fn numbered_items_of_a_plan_without_a_signature_stay_the_plan() {
    let text = "关于做好2024年职业健康工作的通知\n各市州卫生健康委：\n现将有关事项通知如下。\n一、实施步骤\n（一）动员部署。7月底前完成。\n二、工作要求\n（二）加强督导。\n";
    let plan = import_text(text).plan;
    assert_eq!(plan.nodes.len(), 2, "{}", outline(&plan));
}

#[test]
fn a_recipients_line_is_a_list_of_bodies() {
    // Lines ending in a colon that are not 主送: a sentence, an announcement of what follows.
    for line in [
        "现将有关事项通知如下：",
        "为做好2024年卫生健康工作，提出以下意见：",
        "原文如下：",
        "具体要求如下：",
    ] {
        let text =
            format!("关于印发2024年工作要点的通知\n{line}\n一、加强党建\n（一）落实责任。\n");
        let plan = import_text(&text).plan;
        assert_eq!(plan.notice.recipients, "", "{line}");
    }
    for (line, recipients) in [
        (
            "各县（市、区）卫生健康局，委机关各处室：",
            "各县（市、区）卫生健康局，委机关各处室",
        ),
        ("局属各单位：", "局属各单位"),
        ("各有关单位:", "各有关单位"),
    ] {
        let text = format!("关于印发2024年工作要点的通知\n{line}\n现印发给你们。\n一、加强党建\n（一）落实责任。\n");
        let plan = import_text(&text).plan;
        assert_eq!(plan.notice.recipients, recipients, "{line}");
    }
}

#[test]
fn a_joint_notice_signs_with_every_organ() {
    for organs in [
        vec!["县卫生健康局", "县发展改革委"],
        vec!["国家疾控局", "国家发展改革委", "教育部", "财政部"],
    ] {
        let text = format!(
            "关于印发2024年疾控工作要点的通知\n各有关单位：\n现印发给你们。\n{}\n2024年5月21日\n一、加强体系建设\n（一）完善机构。\n",
            organs.join("\n")
        );
        let plan = import_text(&text).plan;
        assert_eq!(plan.notice.signature, organs.join("、"), "{organs:?}");
        assert_eq!(plan.notice.date, "2024年5月21日");
    }
}

#[test]
fn a_title_comes_whole_however_the_page_prints_it() {
    let title = "关于印发新乡市公共卫生体系建设三年行动计划（2023—2025年）的通知";
    for head in [
        "关于印发新乡市公共卫生体系建设三年行动计划\n（2023—2025年）的通知".to_string(),
        "【政策文件】关于印发新乡市公共卫生体系建设三年行动计划（2023—2025年）的通知".to_string(),
        format!("{title}\n{title}"),
    ] {
        let text = format!(
            "{head}\n各县（市）、区人民政府：\n现印发给你们。\n一、总体思路\n（一）指导思想。\n"
        );
        let plan = import_text(&text).plan;
        assert_eq!(plan.notice.title, title, "{head}");
    }
    let organ = "黔南州人民政府办公室\n关于印发健康黔南行动实施方案的通知\n各县（市）人民政府：\n现印发。\n一、总体目标\n（一）到2022年。\n";
    assert_eq!(
        import_text(organ).plan.notice.title,
        "黔南州人民政府办公室关于印发健康黔南行动实施方案的通知"
    );
}
