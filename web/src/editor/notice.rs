//! 发文: the notice's own fields (版头, 主送, 印发说明, 署名, 版记).

use leptos::prelude::*;
use yaodian::{CopyKind, Edit, NoticeField};

use crate::state::use_state;
use crate::text_box::TextBox;

fn notice_box(field: NoticeField, placeholder: &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <label class="wide">{field.label()}
            <TextBox multiline=field.is_multiline() class=format!("notice-{}", field.key())
                label=field.label() placeholder=placeholder
                value=Signal::derive(move || state.with_plan(|p| p.notice.get(field).to_string()).unwrap_or_default())
                on_set=Callback::new(move |t| state.edit(Edit::SetNotice(field, t)))/>
        </label>
    }
}

#[component]
pub fn NoticePanel() -> impl IntoView {
    let state = use_state();
    let copy_kind = move || state.with_plan(|p| p.notice.copy_kind).unwrap_or_default();
    view! {
        <section class="notice-form">
            <fieldset>
                <legend>"版头"</legend>
                {notice_box(NoticeField::IssuerMark, "如：某某县卫生健康局文件")}
                {notice_box(NoticeField::DocNumber, "如：某卫发〔2027〕1号")}
                {notice_box(NoticeField::Signer, "报送上级的请示、报告才填写；填写后版头按上行文排版")}
            </fieldset>
            <fieldset>
                <legend>"主体"</legend>
                {notice_box(NoticeField::Title, "如：关于印发2027年卫生健康工作要点的通知")}
                {notice_box(NoticeField::Recipients, "如：各医疗卫生单位，局机关各股室")}
                {notice_box(NoticeField::Transmittal, "如：现将《……》印发给你们，请认真贯彻落实。")}
            </fieldset>
            <fieldset>
                <legend>"落款"</legend>
                {notice_box(NoticeField::Signature, "发文机关署名")}
                {notice_box(NoticeField::Date, "如：2027年3月1日")}
                {notice_box(NoticeField::Note, "如：备注：……（导出时自动加括号）")}
            </fieldset>
            <fieldset>
                <legend>"版记"</legend>
                <label>"抄送方式"
                    <select class="copy-kind"
                        prop:value=move || if copy_kind() == CopyKind::ReportTo { "report" } else { "copy" }
                        on:change=move |ev| {
                        let kind = if event_target_value(&ev) == "report" { CopyKind::ReportTo } else { CopyKind::CopyTo };
                        state.edit(Edit::SetCopyKind(kind));
                    }>
                        <option value="copy" selected=move || copy_kind() == CopyKind::CopyTo>"抄送（平级、下级）"</option>
                        <option value="report" selected=move || copy_kind() == CopyKind::ReportTo>"抄报（上级）"</option>
                    </select>
                </label>
                {notice_box(NoticeField::CopyTo, "如：县委办公室，县政府办公室")}
                {notice_box(NoticeField::Printer, "如：某某县卫生健康局办公室")}
                {notice_box(NoticeField::PrintDate, "如：2027年3月1日")}
            </fieldset>
        </section>
    }
}
