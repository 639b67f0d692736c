//! Task-division fields as offices write them: `责任领导：A、B`, `牵头单位：…`, `完成时间：…`, on
//! one line or two, several on a line, or in parentheses at the end of a task.

use crate::plan::model::{Deadline, Division, Role};

/// Which division field a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Leader,
    Lead,
    /// 责任单位 / 责任处室: the lead, unless a 牵头 label is also given, then cooperating.
    Responsible,
    Partner,
    Deadline,
}

/// Label variants, longest first so that `牵头责任单位` wins over `责任单位`.
const LABELS: &[(&str, FieldKind)] = &[
    ("配合科室（单位）", FieldKind::Partner),
    ("配合科室(单位)", FieldKind::Partner),
    ("配合处室（单位）", FieldKind::Partner),
    ("牵头责任单位", FieldKind::Lead),
    ("主要协作单位", FieldKind::Partner),
    ("责任领导", FieldKind::Leader),
    ("牵头领导", FieldKind::Leader),
    ("分管领导", FieldKind::Leader),
    ("牵头科室", FieldKind::Lead),
    ("牵头单位", FieldKind::Lead),
    ("牵头处室", FieldKind::Lead),
    ("牵头部门", FieldKind::Lead),
    ("责任单位", FieldKind::Responsible),
    ("责任处室", FieldKind::Responsible),
    ("责任科室", FieldKind::Responsible),
    ("配合科室", FieldKind::Partner),
    ("配合单位", FieldKind::Partner),
    ("配合处室", FieldKind::Partner),
    ("配合部门", FieldKind::Partner),
    ("协作单位", FieldKind::Partner),
    ("参与单位", FieldKind::Partner),
    ("完成时限", FieldKind::Deadline),
    ("完成时间", FieldKind::Deadline),
    ("时间节点", FieldKind::Deadline),
    ("时限要求", FieldKind::Deadline),
    ("责任人", FieldKind::Leader),
];

/// The label at the start of `text` followed by a colon: its kind and the byte length up to
/// and including the colon.
pub fn label_at(text: &str) -> Option<(FieldKind, usize)> {
    let second = *text.as_bytes().get(1)?;
    LABELS.iter().find_map(|(label, kind)| {
        if label.as_bytes()[1] != second {
            // One byte before the whole label: most lines fail here. (The second byte: CJK
            // characters share few first bytes.)
            return None;
        }
        let rest = text.strip_prefix(label)?;
        let rest_trimmed = rest.trim_start();
        let colon = rest_trimmed.chars().next()?;
        matches!(colon, '：' | ':')
            .then(|| (*kind, text.len() - rest_trimmed.len() + colon.len_utf8()))
    })
}

/// All `label：value` pairs of a paragraph made only of fields (one or several), or None when
/// the paragraph does not start with a label.
pub fn fields_line(text: &str) -> Option<Vec<(FieldKind, String)>> {
    label_at(text)?;
    let mut starts = Vec::new();
    let mut at_boundary = true;
    for (i, c) in text.char_indices() {
        if at_boundary && c != ' ' {
            if let Some((kind, len)) = label_at(&text[i..]) {
                starts.push((i, kind, len));
            }
        }
        at_boundary = matches!(c, '；' | ';' | '。' | ' ' | '，');
    }
    let mut fields = Vec::new();
    for (n, &(start, kind, len)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(text.len(), |s| s.0);
        let value = text[start + len..end]
            .trim()
            .trim_end_matches(['；', ';', '。', '，'])
            .trim()
            .to_string();
        fields.push((kind, value));
    }
    Some(fields)
}

/// A task that ends in `（牵头单位：…；责任单位：…）` or `（A、B负责）`: the text before it, the
/// fields, and what else the bracket said (`列第一位者为牵头部门…`), to be reported.
pub fn trailing_fields(text: &str, first_leads: bool) -> Option<Trailing> {
    let trimmed = text.trim_end();
    let body = trimmed.strip_suffix('。').unwrap_or(trimmed).trim_end();
    let body = body.strip_suffix('）')?;
    let open = matching_open(body)?;
    let inner = &body[open + '（'.len_utf8()..];
    let (fields, rest) = match fields_line(inner) {
        Some(fields) => (fields, String::new()),
        None => (responsibility(inner, first_leads)?, inner.to_string()),
    };
    let before = text[..open].trim_end().to_string();
    Some(Trailing {
        before,
        fields,
        rest,
    })
}

/// Where the bracket closed at the end of `text` (its `）` already cut off) opens, past any
/// brackets nested in it (`（责任单位：各县（市、区）人民政府）`).
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text.char_indices().rev() {
        match c {
            '）' => depth += 1,
            '（' if depth == 0 => return Some(i),
            '（' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Labelled fields in a bracket the copy cut off before it closed (`…（牵头单位：市爱卫办；
/// 责任单位：各镇（`): for the last paragraph of a page's text, where the labels make them
/// fields still.
pub fn cut_fields(text: &str) -> Option<Trailing> {
    let open = text
        .char_indices()
        .filter(|(_, c)| *c == '（')
        .map(|(i, _)| i)
        .rfind(|&i| label_at(&text[i + '（'.len_utf8()..]).is_some())?;
    let inner = &text[open + '（'.len_utf8()..];
    // Open still: the `）`s after it close no more than the `（`s inside it.
    if inner.matches('）').count() > inner.matches('（').count() {
        return None;
    }
    Some(Trailing {
        before: text[..open].trim_end().to_string(),
        fields: fields_line(inner)?,
        rest: String::new(),
    })
}

/// What [`trailing_fields`] read from the end of a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trailing {
    pub before: String,
    pub fields: Vec<(FieldKind, String)>,
    /// The bracket's text when it was not written as labelled fields (`A、B负责。列第一位者…`):
    /// to be shown, since its words are not all in the fields.
    pub rest: String,
}

/// Words that end a list of bodies charged with a task: `A、B负责`, `A、B按职责分工负责`.
const CHARGED: &[&str] = &[
    "按职责分工负责",
    "按职责负责",
    "分别负责",
    "共同负责",
    "负责",
];
/// Words after the cooperating bodies: `A牵头，B、C参与`.
const JOINING: &[&str] = &["按职责分工负责", "参与", "配合", "协助", "负责"];

/// A plausible list of bodies: names without sentence punctuation.
fn bodies(value: &str) -> Option<Vec<String>> {
    let names = split_names(value);
    let plausible = !names.is_empty()
        && names.iter().all(|n| {
            let count = n.chars().count();
            (2..=30).contains(&count) && !n.contains(['。', '：', ':', ' ', '是', '要'])
        });
    plausible.then_some(names)
}

/// The State Council's way of dividing tasks, in the bracket at a task's end: `A牵头，B、C参与`,
/// or `A、B、C负责` where, when the document says so (`列第一位者为牵头部门`), the first is the
/// lead and the others cooperate. Sentences after the first `。` only explain.
fn responsibility(inner: &str, first_leads: bool) -> Option<Vec<(FieldKind, String)>> {
    let head = inner.split_once('。').map_or(inner, |(head, _)| head);
    let strip = |text: &str, words: &[&str]| {
        words
            .iter()
            .find_map(|w| text.strip_suffix(w))
            .map(str::to_string)
    };
    let mut fields = Vec::new();
    if let Some((lead, partners)) = head.split_once("牵头") {
        let partners = partners.trim_start_matches(['，', '、', ',']);
        fields.push((FieldKind::Lead, bodies(lead)?.join("、")));
        if !partners.is_empty() {
            let names = strip(partners, JOINING)?;
            fields.push((FieldKind::Partner, bodies(&names)?.join("、")));
        }
    } else {
        let names = bodies(&strip(head, CHARGED)?)?;
        match names.split_first() {
            Some((first, others)) if first_leads => {
                fields.push((FieldKind::Lead, first.clone()));
                if !others.is_empty() {
                    fields.push((FieldKind::Partner, others.join("、")));
                }
            }
            _ => fields.push((FieldKind::Lead, names.join("、"))),
        }
    }
    Some(fields)
}

/// Whether a document says that the first body listed for a task leads it.
pub fn says_first_leads(text: &str) -> bool {
    text.contains("第一")
        && (text.contains("列第一位") || text.contains("排在第一位") || text.contains("排名第一"))
}

/// The division label that is the whole of `text` (`责任单位`), if any.
pub fn exact_label(text: &str) -> Option<FieldKind> {
    LABELS
        .iter()
        .find(|(label, _)| *label == text)
        .map(|(_, kind)| *kind)
}

/// Splits a list of names on 、 ， , ； ; — but not inside brackets (`各县（市、区）卫生健康局`).
pub fn split_names(value: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut push = |piece: &str| {
        let name = piece.trim().trim_end_matches('。').trim();
        if !name.is_empty() {
            names.push(name.to_string());
        }
    };
    for (i, c) in value.char_indices() {
        match c {
            '（' | '(' | '《' | '“' => depth += 1,
            '）' | ')' | '》' | '”' => depth -= 1,
            '、' | '，' | ',' | '；' | ';' if depth <= 0 => {
                push(&value[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(&value[start..]);
    names
}

/// Puts the fields read for one task into its division; returns the names given twice for the
/// same role (kept once, reported by the caller so no text goes unmentioned).
pub fn apply(division: &mut Division, fields: &[(FieldKind, String)]) -> Vec<String> {
    let mut repeated = Vec::new();
    let has_lead_label = fields.iter().any(|(k, _)| *k == FieldKind::Lead);
    for (kind, value) in fields {
        let role = match kind {
            FieldKind::Leader => Role::Leader,
            FieldKind::Lead => Role::Lead,
            FieldKind::Responsible if has_lead_label => Role::Partner,
            FieldKind::Responsible => Role::Lead,
            FieldKind::Partner => Role::Partner,
            FieldKind::Deadline => {
                let value = value.trim_end_matches('。');
                division.deadline = match &division.deadline {
                    Deadline::None => Deadline::parse(value),
                    // Two deadlines for one task: keep both words rather than lose one.
                    earlier => Deadline::Text(format!("{}；{value}", earlier.label())),
                };
                continue;
            }
        };
        let list = division.people_mut(role);
        for name in split_names(value) {
            if list.contains(&name) {
                repeated.push(name);
            } else {
                list.push(name);
            }
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_values() {
        assert_eq!(
            fields_line("配合科室（单位）：局机关各岗位，各医疗卫生单位"),
            Some(vec![(
                FieldKind::Partner,
                "局机关各岗位，各医疗卫生单位".to_string()
            )])
        );
        assert_eq!(
            fields_line("责任领导：张三；牵头科室：办公室；完成时限：2020年12月"),
            Some(vec![
                (FieldKind::Leader, "张三".to_string()),
                (FieldKind::Lead, "办公室".to_string()),
                (FieldKind::Deadline, "2020年12月".to_string()),
            ])
        );
        assert_eq!(
            fields_line("责任领导："),
            Some(vec![(FieldKind::Leader, String::new())])
        );
        assert_eq!(fields_line("责任领导干部要带头"), None);
    }

    #[test]
    fn fields_in_parentheses_at_the_end() {
        let Trailing { before, fields, .. } = trailing_fields(
            "推进医共体建设。（牵头单位：医政科；责任单位：各县区卫健局）",
            false,
        )
        .unwrap();
        assert_eq!(before, "推进医共体建设。");
        let mut division = Division::default();
        assert!(apply(&mut division, &fields).is_empty());
        assert_eq!(division.leads, ["医政科"]);
        assert_eq!(division.partners, ["各县区卫健局"]);
        let nested = trailing_fields(
            "（责任单位：市直各有关单位、各县（市、区）人民政府）",
            false,
        );
        assert_eq!(
            nested.map(|t| t.fields),
            Some(vec![(
                FieldKind::Responsible,
                "市直各有关单位、各县（市、区）人民政府".to_string()
            )])
        );
    }

    #[test]
    fn the_state_councils_brackets() {
        let read = |text: &str, first_leads| {
            let Trailing { fields, rest, .. } = trailing_fields(text, first_leads)?;
            let mut division = Division::default();
            apply(&mut division, &fields);
            Some((division.leads, division.partners, rest))
        };
        assert_eq!(
            read(
                "完善网络。（国家中医药局、国家发展改革委负责。列第一位者为牵头部门，下同）",
                true
            ),
            Some((
                vec!["国家中医药局".to_string()],
                vec!["国家发展改革委".to_string()],
                "国家中医药局、国家发展改革委负责。列第一位者为牵头部门，下同".to_string()
            ))
        );
        assert_eq!(
            read("完善网络。（国家中医药局、国家发展改革委负责）", false),
            Some((
                vec!["国家中医药局".to_string(), "国家发展改革委".to_string()],
                vec![],
                "国家中医药局、国家发展改革委负责".to_string()
            ))
        );
        assert_eq!(
            read(
                "推进改革（省卫生健康委牵头，省医保局、省财政厅参与）",
                false
            ),
            Some((
                vec!["省卫生健康委".to_string()],
                vec!["省医保局".to_string(), "省财政厅".to_string()],
                "省卫生健康委牵头，省医保局、省财政厅参与".to_string()
            ))
        );
        for text in [
            "实施规划（2016—2030年）",
            "加强管理（各地要负责）",
            "建立制度（由局长负责，是关键）",
            "开展工作（详见附件）",
        ] {
            assert_eq!(read(text, true), None, "{text}");
        }
    }

    #[test]
    fn a_bracket_cut_off_keeps_its_labelled_fields() {
        let cut = cut_fields("全民参与。（牵头单位：市爱卫办；责任单位：各镇（").unwrap();
        assert_eq!(cut.before, "全民参与。");
        assert_eq!(cut.fields[0], (FieldKind::Lead, "市爱卫办".to_string()));
        assert!(cut_fields("全民参与。（牵头单位：市爱卫办）").is_none());
        assert!(cut_fields("全民参与（2024年）").is_none());
    }

    #[test]
    fn names_split_outside_brackets() {
        assert_eq!(
            split_names("各县（市、区）卫生健康局、市直单位，委机关各科室"),
            ["各县（市、区）卫生健康局", "市直单位", "委机关各科室"]
        );
    }
}
