//! 预览: the notice on A4 paper as it will print.

use leptos::prelude::*;
use yaodian::export::format::page_description;
use yaodian::export::html::{preview_html, FONTS};

use crate::browser;
use crate::state::use_state;

/// The notice on A4 paper as it will print, with a check of the fonts this machine has.
#[component]
pub fn PreviewPanel() -> impl IntoView {
    let state = use_state();
    let options = state.notice_options;
    let html = move || {
        let options = options.get();
        state
            .with_plan(|p| preview_html(p, options))
            .unwrap_or_default()
    };
    let missing = browser::missing_fonts(&FONTS);
    view! {
        <section class="preview">
            <div class="export-actions no-print">
                <button class="primary" id="print" on:click=move |_| browser::print()>"打印 / 另存为 PDF"</button>
                <span class="hint">{format!("{}；页码奇右偶左。", page_description())}</span>
            </div>
            {(!missing.is_empty()).then(|| view! {
                <p class="font-warning no-print" role="alert">
                    {format!("本机缺少字体：{}。预览和打印将以近似字体代替，行数和换行可能与正式公文不同；请安装这些字体后再打印。", missing.join("、"))}
                </p>
            })}
            <div class="paper" tabindex="0" role="region" aria-label="打印预览（A4）"><div class="print-area" inner_html=html></div></div>
        </section>
    }
}
