//! 预览: the notice on A4 paper as it will print.

use leptos::prelude::*;
use yaodian::export::format::page_description;
use yaodian::export::html::{fonts_named, preview_html, substitutes};

use crate::browser;
use crate::state::use_state;

/// The notice on A4 paper as it will print, with a check of the fonts this machine has.
#[component]
pub fn PreviewPanel() -> impl IntoView {
    let state = use_state();
    let html = move || {
        let options = state.options();
        state
            .with_plan(|p| preview_html(p, options))
            .unwrap_or_default()
    };
    // The fonts the office's documents name that this machine lacks, each with what stands in.
    let missing = move || {
        let choice = state.fonts();
        browser::missing_fonts(&fonts_named(choice))
            .into_iter()
            .map(|font| {
                let candidates = substitutes(&font, choice);
                let absent = browser::missing_fonts(&candidates);
                match candidates.iter().find(|c| !absent.iter().any(|a| a == *c)) {
                    Some(stand_in) => format!("{font}（以 {stand_in} 代替）"),
                    None => format!("{font}（以浏览器的默认字体代替）"),
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="preview">
            <div class="export-actions no-print">
                <button class="primary" id="print" on:click=move |_| browser::print()>"打印 / 另存为 PDF"</button>
                <span class="hint">{format!("{}；页码奇右偶左。", page_description())}</span>
            </div>
            {move || {
                let missing = missing();
                (!missing.is_empty()).then(|| view! {
                    <p class="font-warning no-print" role="alert">
                        {format!("本机缺少字体：{}。预览和打印中字形与正式公文不同（每行的字和每页的行不变）；请安装这些字体后再打印，或在“名册”中改用本机有的字体名。", missing.join("、"))}
                    </p>
                })
            }}
            <div class="paper" tabindex="0" role="region" aria-label="打印预览（A4）"><div class="print-area" inner_html=html></div></div>
        </section>
    }
}
