//! Built-in section templates a new plan can start from.
//!
//! The text is our own: typical sections of a county or city health commission's yearly plan,
//! each with a few example tasks that the office rewrites.

use super::model::{Day, Period, Plan};
use super::reuse::{put_picks, Carry, Owners, Pick, Source};

/// A section a plan usually has, with example tasks (lead sentence, body prompt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionTemplate {
    pub key: &'static str,
    pub title: &'static str,
    pub tasks: &'static [(&'static str, &'static str)],
}

pub const SECTIONS: &[SectionTemplate] = &[
    SectionTemplate {
        key: "party",
        title: "全面加强党的建设",
        tasks: &[
            (
                "强化理论武装",
                "健全党组（党委）理论学习中心组学习制度，推动党的创新理论进机关、进医院、进基层。",
            ),
            (
                "落实公立医院党委领导下的院长负责制",
                "完善党委会和院长办公会议事规则，推动党建工作与业务工作同部署、同考核。",
            ),
            (
                "加强党风廉政建设和行风建设",
                "落实全面从严治党主体责任和“一岗双责”，持续纠治医药购销和医疗服务中的不正之风。",
            ),
        ],
    },
    SectionTemplate {
        key: "epidemic",
        title: "抓好传染病防控和卫生应急",
        tasks: &[
            (
                "完善监测预警体系",
                "落实传染病网络直报和多点触发预警机制，提高早发现、早报告、早处置能力。",
            ),
            (
                "做好重点传染病防治",
                "统筹做好流感、结核病、艾滋病等重点传染病防控，巩固免疫规划接种率。",
            ),
            (
                "提升卫生应急处置能力",
                "修订突发公共卫生事件应急预案，组织开展应急演练，做好应急物资储备。",
            ),
        ],
    },
    SectionTemplate {
        key: "healthy-city",
        title: "深入推进健康城市建设",
        tasks: &[
            (
                "实施健康行动",
                "落实健康行动各专项行动年度任务，将主要指标纳入部门目标考核。",
            ),
            (
                "深入开展爱国卫生运动",
                "巩固国家卫生城市（县城）创建成果，推进城乡环境卫生整治和病媒生物防制。",
            ),
            (
                "普及健康知识",
                "开展健康素养促进行动和控烟工作，推进健康机关、健康学校、健康社区等健康细胞建设。",
            ),
        ],
    },
    SectionTemplate {
        key: "reform",
        title: "持续深化医药卫生体制改革",
        tasks: &[
            (
                "推进紧密型县域医共体建设",
                "健全医共体管理运行机制，推动人员、资金、业务统一管理，提高县域就诊率。",
            ),
            (
                "推动公立医院高质量发展",
                "完善现代医院管理制度，落实公立医院绩效考核，深化薪酬制度改革。",
            ),
            (
                "健全药品供应保障机制",
                "落实国家组织药品和耗材集中带量采购，加强短缺药品监测和合理用药管理。",
            ),
        ],
    },
    SectionTemplate {
        key: "medical-services",
        title: "提升医疗服务能力",
        tasks: &[
            (
                "加强临床重点专科建设",
                "围绕群众外转就医较多的病种，建设一批县级临床重点专科。",
            ),
            (
                "加强医疗质量安全管理",
                "落实医疗质量安全核心制度，健全质控网络，开展医疗机构依法执业专项检查。",
            ),
            (
                "改善就医体验",
                "推广预约诊疗、检查检验结果互认和“一站式”服务，优化急诊急救流程。",
            ),
        ],
    },
    SectionTemplate {
        key: "public-health",
        title: "强化公共卫生服务",
        tasks: &[
            (
                "规范实施基本公共卫生服务项目",
                "提高居民健康档案使用率，做好高血压、糖尿病等慢性病患者健康管理。",
            ),
            (
                "做实家庭医生签约服务",
                "扩大重点人群签约覆盖面，提升签约服务质量和群众满意度。",
            ),
            (
                "加强慢性病和职业病防治",
                "推进慢性病综合防控示范区建设，开展重点行业职业病危害专项治理。",
            ),
        ],
    },
    SectionTemplate {
        key: "key-groups",
        title: "保障重点人群健康",
        tasks: &[
            (
                "保障母婴安全",
                "落实母婴安全五项制度，做好孕产妇和新生儿危重症救治，开展出生缺陷综合防治。",
            ),
            (
                "发展普惠托育服务",
                "增加普惠托育服务供给，推进托育机构规范化建设。",
            ),
            (
                "提升老年健康服务水平",
                "推进医养结合，开展老年人健康管理和失能老年人健康服务。",
            ),
        ],
    },
    SectionTemplate {
        key: "tcm",
        title: "促进中医药传承创新发展",
        tasks: &[
            (
                "完善中医药服务体系",
                "推进中医医院能力建设，实现基层医疗卫生机构中医馆全覆盖。",
            ),
            (
                "推广中医药适宜技术",
                "开展基层中医药适宜技术培训，发挥中医药在慢病管理和康复中的作用。",
            ),
            ("弘扬中医药文化", "开展中医药健康文化进社区、进校园活动。"),
        ],
    },
    SectionTemplate {
        key: "talent",
        title: "加强卫生健康人才队伍建设",
        tasks: &[
            (
                "加大人才引进力度",
                "引进急需紧缺专业人才和高层次人才，落实基层卫生人才招聘优惠政策。",
            ),
            (
                "强化人才培养",
                "做好住院医师规范化培训、全科医生培养和农村订单定向医学生培养工作。",
            ),
            (
                "完善人才激励机制",
                "落实“两个允许”要求，关心关爱医务人员，营造尊医重卫良好氛围。",
            ),
        ],
    },
    SectionTemplate {
        key: "rule-of-law",
        title: "推进依法行政和综合监管",
        tasks: &[
            ("推进法治建设", "落实行政执法“三项制度”，开展法治宣传教育。"),
            (
                "加强综合监管",
                "落实“双随机、一公开”抽查，开展医疗机构、公共场所和学校卫生等专项监督检查。",
            ),
            (
                "深化“放管服”改革",
                "优化卫生健康政务服务，推进审批事项网上办理。",
            ),
        ],
    },
    SectionTemplate {
        key: "other",
        title: "统筹做好其他工作",
        tasks: &[
            (
                "抓好安全生产",
                "落实行业监管责任和单位主体责任，开展医疗卫生机构安全隐患排查整治。",
            ),
            (
                "做好信访维稳工作",
                "健全矛盾纠纷排查化解机制，及时回应群众诉求。",
            ),
            (
                "加强宣传和信息化建设",
                "做好卫生健康新闻宣传和舆情应对，推进全民健康信息平台建设。",
            ),
        ],
    },
];

/// How a new plan starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlan {
    pub year: i32,
    /// Who issues it, e.g. `某某县卫生健康局`; used for the title and the notice.
    pub office: String,
    /// What it starts with, in the order chosen: built-in sections ([`Pick::builtin`]),
    /// the office's templates, sections and tasks of earlier plans. Empty for a blank plan.
    pub picks: Vec<Pick>,
    /// Whether copies from earlier plans and templates keep their owners.
    pub owners: Owners,
}

impl NewPlan {
    /// A plan with the built-in sections of these keys.
    pub fn with_sections(year: i32, office: &str, keys: &[&str]) -> NewPlan {
        NewPlan {
            year,
            office: office.to_string(),
            picks: keys.iter().filter_map(|k| Pick::builtin(k)).collect(),
            owners: Owners::Keep,
        }
    }
}

/// The year a new plan is for on `today`: next year from September on (when next year's plan
/// is drafted), else this year.
pub fn default_year(today: Day) -> i32 {
    if today.month >= 9 {
        today.year + 1
    } else {
        today.year
    }
}

/// Builds a new plan with the picked sections and tasks (found in `sources`; the built-in
/// sections need not be among them) and a filled-in notice.
pub fn new_plan(spec: &NewPlan, sources: &[Source]) -> Plan {
    let mut plan = Plan {
        period: Period::year(spec.year),
        ..Plan::default()
    };
    plan.title = format!("{}年卫生健康工作要点", spec.year);
    let office = spec.office.trim();
    let notice = &mut plan.notice;
    notice.title = format!("关于印发{}的通知", plan.title);
    notice.transmittal = format!(
        "现将《{}》印发给你们，请结合实际认真抓好贯彻落实。",
        plan.title
    );
    if !office.is_empty() {
        notice.issuer_mark = format!("{office}文件");
        notice.signature = office.to_string();
        notice.printer = format!("{office}办公室");
    }
    let builtin;
    let sources = if sources
        .iter()
        .any(|s| s.id == super::reuse::SourceId::Builtin)
    {
        sources
    } else {
        builtin = [sources, &[Source::builtin()]].concat();
        &builtin[..]
    };
    let carry = Carry {
        period: plan.period,
        owners: spec.owners,
    };
    put_picks(&mut plan, &spec.picks, sources, carry);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_ten_sections_each_with_tasks() {
        assert!(SECTIONS.len() >= 10);
        for section in SECTIONS {
            assert!(section.tasks.len() >= 3, "{}", section.title);
        }
    }

    #[test]
    fn new_plan_takes_ticked_sections_in_the_order_chosen() {
        let plan = new_plan(
            &NewPlan::with_sections(2027, "某县卫生健康局", &["other", "party"]),
            &[],
        );
        assert_eq!(plan.nodes.len(), 2);
        assert_eq!(plan.nodes[1].title, "全面加强党的建设");
        assert_eq!(plan.nodes[0].children.len(), 3);
        assert!(plan.walk().iter().all(|(n, _)| n.origin.is_none()));
        assert_eq!(plan.notice.title, "关于印发2027年卫生健康工作要点的通知");
        assert_eq!(plan.notice.issuer_mark, "某县卫生健康局文件");
        let ids: Vec<_> = plan.walk().iter().map(|(n, _)| n.id).collect();
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids, unique);
    }

    #[test]
    fn next_years_plan_is_the_default_from_september() {
        let day = |month| Day {
            year: 2026,
            month,
            day: 1,
        };
        assert_eq!(default_year(day(1)), 2026);
        assert_eq!(default_year(day(8)), 2026);
        assert_eq!(default_year(day(9)), 2027);
        assert_eq!(default_year(day(12)), 2027);
    }
}
