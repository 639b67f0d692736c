//! A panic must not leave a blank page that goes on saving nothing, or saving a half-done
//! change: the hook stops saving, and puts up a plain-DOM notice (Leptos may be unusable by
//! then) with a download of the open plan and a reload button.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

static PANICKED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The open plan's id, to fetch its last saved copy.
    static OPEN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The open plan's file when its last save failed (then storage has an older copy).
    static UNSAVED: RefCell<Option<String>> = const { RefCell::new(None) };
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !PANICKED.swap(true, Ordering::SeqCst) {
            show_notice(&info.to_string());
        }
    }));
}

/// After a panic nothing more is saved.
pub fn panicked() -> bool {
    PANICKED.load(Ordering::SeqCst)
}

pub fn remember_open(id: Option<&str>) {
    OPEN.with(|o| {
        if let Ok(mut o) = o.try_borrow_mut() {
            *o = id.map(str::to_string);
        }
    });
    remember_unsaved(None);
}

pub fn remember_unsaved(file: Option<String>) {
    UNSAVED.with(|u| {
        if let Ok(mut u) = u.try_borrow_mut() {
            *u = file;
        }
    });
}

/// The open plan as a plan file: the unsaved one, else the stored one.
fn open_plan_file() -> Option<String> {
    if let Some(file) = UNSAVED.with(|u| u.try_borrow().ok().and_then(|u| u.clone())) {
        return Some(file);
    }
    let id = OPEN.with(|o| o.try_borrow().ok().and_then(|o| o.clone()))?;
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(&yaodian::store::keys::plan(&id))
        .ok()?
}

fn show_notice(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("panic-overlay");
    let _ = notice.set_attribute("role", "alert");
    let mut html = String::from(
        "<h2>程序出错，已停止自动保存</h2>\
         <p>为免把出错后的内容写入浏览器，本页已停止保存。此前保存的内容都还在本浏览器中（出错前不到一秒内的输入可能未保存）。</p>\
         <p>请先下载当前计划备份，再刷新页面继续工作。</p><p>",
    );
    if open_plan_file().is_some() {
        html.push_str(r#"<a class="button panic-download" download="要点-出错时的计划.json">下载当前计划（.json）</a> "#);
    }
    html.push_str(r#"<button class="primary panic-reload">刷新页面</button></p><details><summary>技术信息</summary><pre class="panic-message"></pre></details>"#);
    notice.set_inner_html(&html);
    if let Ok(Some(pre)) = notice.query_selector(".panic-message") {
        pre.set_text_content(Some(message));
    }
    if let (Some(file), Ok(Some(link))) =
        (open_plan_file(), notice.query_selector(".panic-download"))
    {
        let parts = js_sys::Array::of1(&JsValue::from_str(&file));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        if let Ok(url) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        {
            let _ = link.set_attribute("href", &url);
        }
    }
    if let Ok(Some(button)) = notice.query_selector(".panic-reload") {
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button
            .unchecked_ref::<web_sys::HtmlElement>()
            .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&notice);
    }
}

/// For the end-to-end test of this notice: panics on purpose.
#[wasm_bindgen]
pub fn yaodian_test_panic() {
    panic!("测试用的程序错误（yaodian_test_panic）");
}
