//! Small browser services: time, downloads, clipboard, focus, the address hash.

use wasm_bindgen::JsCast;

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Removes the frame the page painted before the app started (index.html), if it is still there.
pub fn drop_frame() {
    if let Some(frame) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("frame"))
    {
        frame.remove();
    }
}

/// The current year, from the browser's clock.
pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// `2026-11-22 20:56` from milliseconds since the epoch, in local time.
pub fn local_time(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The local day of a time in milliseconds since the epoch (a file's `lastModified`).
pub fn day_of(ms: f64) -> yaodian::Day {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    yaodian::Day {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
    }
}

/// Today by the browser's clock (local time).
pub fn today() -> yaodian::Day {
    let date = js_sys::Date::new_0();
    yaodian::Day {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
    }
}

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(filename, mime, text.as_bytes())
}

/// Offers `bytes` as a file download.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "无法生成文件".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "无法生成下载链接".to_string())?;
    let document = gloo_document().ok_or("页面不可用")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "无法生成下载链接".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn gloo_document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Copies text to the clipboard.
pub async fn copy_text(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or("页面不可用")?;
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "浏览器不允许写入剪贴板，请改用“下载 .txt”".to_string())
}

/// Copies rich text (HTML, which Word and WPS paste with its fonts and sizes) together with
/// plain text for editors that take only text.
pub async fn copy_rich(html: String, text: String) -> Result<(), String> {
    let failed = || "浏览器不允许写入剪贴板，请改用“下载公文 .docx”".to_string();
    let window = web_sys::window().ok_or("页面不可用")?;
    let blob = |content: &str, mime: &str| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(
            &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content)),
            &options,
        )
    };
    let items = js_sys::Object::new();
    let html_blob = blob(&html, "text/html").map_err(|_| failed())?;
    let text_blob = blob(&text, "text/plain").map_err(|_| failed())?;
    js_sys::Reflect::set(&items, &"text/html".into(), &html_blob).map_err(|_| failed())?;
    js_sys::Reflect::set(&items, &"text/plain".into(), &text_blob).map_err(|_| failed())?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&items)
        .map_err(|_| failed())?;
    let promise = window
        .navigator()
        .clipboard()
        .write(&js_sys::Array::of1(&item));
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| failed())
}

/// The fonts of `fonts` this machine lacks: text set in the font measures the same as in two
/// different generic fallbacks only when the font is missing.
pub fn missing_fonts(fonts: &[&str]) -> Vec<String> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Some(context) = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return Vec::new();
    };
    let sample = "国家卫生健康委员会文件ABCabc123１２３“”";
    let width = |font: &str| {
        context.set_font(font);
        context
            .measure_text(sample)
            .map(|m| m.width())
            .unwrap_or(0.0)
    };
    fonts
        .iter()
        .filter(|font| {
            ["monospace", "serif"].iter().all(|generic| {
                width(&format!("40px '{font}', {generic}")) == width(&format!("40px {generic}"))
            })
        })
        .map(|f| f.to_string())
        .collect()
}

/// Opens the browser's print dialog (print to PDF included).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Puts the cursor in the title field of node `id` once the DOM has caught up.
pub fn focus_node(id: u32) {
    focus_selector(format!("[data-node=\"{id}\"] .node-title"));
}

/// Focuses (and so scrolls to) the first element matching `selector` once it is on the page
/// (a long plan puts its rows on the page frame by frame: it waits for as long as they arrive).
pub fn focus_selector(selector: String) {
    // First as soon as the reactive updates have run (a moved row loses focus when its DOM
    // moves, and a quick next keystroke must find it focused again), then frame by frame.
    leptos::task::spawn_local(async move {
        for _ in 0..3 {
            leptos::task::tick().await;
        }
        if !focus_now(&selector) {
            focus_within_frames(selector, 60);
        }
    });
}

fn focus_now(selector: &str) -> bool {
    match gloo_document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(element) => {
            let _ = element.focus();
            true
        }
        None => false,
    }
}

fn focus_within_frames(selector: String, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        // While the plan's rows are still arriving (the tree is busy) the row may yet come.
        if !focus_now(&selector) && (frames > 0 || rows_arriving()) {
            focus_within_frames(selector, frames.saturating_sub(1));
        }
    });
}

fn rows_arriving() -> bool {
    gloo_document()
        .and_then(|d| d.query_selector(".tree[aria-busy=\"true\"]").ok().flatten())
        .is_some()
}

/// The address hash without `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

pub fn set_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        if self::hash() != hash {
            let _ = window.location().set_hash(hash);
        }
    }
}

/// The file chosen in a file input's change event; the input is cleared so that choosing the
/// same file again fires again.
pub fn take_chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = leptos::prelude::event_target(ev);
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// Reads a chosen file as text.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "无法读取该文件".to_string())
}

/// Runs `f` inside a User Timing measure named `name` (read by the benchmarks).
/// Runs `f` when the page is idle (after the frame being drawn), at the latest after
/// `timeout_ms`; a plain timer where idle callbacks are missing.
pub fn when_idle(timeout_ms: u32, f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    let Some(window) = web_sys::window() else {
        return;
    };
    let function: &js_sys::Function = callback.unchecked_ref();
    if window
        .request_idle_callback_with_options(function, &options)
        .is_err()
    {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(function, timeout_ms as i32);
    }
}

/// A User Timing mark (read by the browser benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Records the measure `name` from the mark `{name}:start` until now.
pub fn measure_since(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}

pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let value = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    value
}

/// Reads a chosen file's bytes.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "无法读取该文件".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Text from a file: UTF-8, or else GBK (what Windows Notepad saves in China).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    web_sys::TextDecoder::new_with_label("gbk")
        .ok()
        .and_then(|decoder| decoder.decode_with_u8_array(bytes).ok())
        .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
}

/// A file name safe on every system, from a plan title.
pub fn file_name(title: &str, extension: &str) -> String {
    let base: String = title
        .chars()
        .filter(|c| !r#"\/:*?"<>|"#.contains(*c) && !c.is_control())
        .collect();
    let base = if base.trim().is_empty() {
        "工作要点".to_string()
    } else {
        base.trim().to_string()
    };
    format!("{base}.{extension}")
}

thread_local! {
    /// True while a [`locked`] callback runs: what it calls runs at once, in the same lock.
    static IN_LOCK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The build this page is (`<meta name="yaodian-build">`, written by scripts/build-web).
pub fn build() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(r#"meta[name="yaodian-build"]"#)
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// Reloads the page (a newer build was deployed).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Runs `f` at once, as if it held the storage lock (what it calls does not wait either): for
/// opening the page the address names before the first paint, which only reads.
pub fn at_once(f: impl FnOnce()) {
    let outer = IN_LOCK.with(|l| l.replace(true));
    f();
    IN_LOCK.with(|l| l.set(outer));
}

/// How long a tab that was granted the storage lock waits for other tabs' last writes to reach
/// its copy of localStorage.
const LOCK_SETTLE_MS: i32 = 30;

/// Runs `f` holding the Web Lock every Yaodian tab takes to check and write storage
/// (`navigator.locks`, [`yaodian::store::keys::LOCK`]), so that two tabs' check-then-write
/// steps never interleave. Where the browser has no Web Locks (a page served over plain http
/// on an intranet), or inside a locked callback, `f` runs at once.
pub fn locked(f: impl FnOnce() + 'static) {
    let run = move || {
        IN_LOCK.with(|l| l.set(true));
        f();
        IN_LOCK.with(|l| l.set(false));
    };
    if IN_LOCK.with(|l| l.get()) {
        return run();
    }
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| l.is_object());
    let request = locks.as_ref().and_then(|locks| {
        js_sys::Reflect::get(locks, &"request".into())
            .ok()
            .and_then(|r| r.dyn_into::<js_sys::Function>().ok())
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        return run();
    };
    let waiting = std::rc::Rc::new(std::cell::RefCell::new(Some(run)));
    let granted = waiting.clone();
    // Holding the lock, `f` first waits a moment: another tab's writes made just before it let
    // go travel to this tab's copy of localStorage separately from the lock (Chromium), and must
    // arrive before `f` checks what is stored.
    let callback = wasm_bindgen::closure::Closure::once_into_js(
        move |_lock: wasm_bindgen::JsValue| -> wasm_bindgen::JsValue {
            js_sys::Promise::new(&mut |resolve, _| {
                let granted = granted.clone();
                let later = wasm_bindgen::closure::Closure::once_into_js(move || {
                    if let Some(run) = granted.borrow_mut().take() {
                        run();
                    }
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                });
                let timer = web_sys::window().map(|w| {
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(
                        later.unchecked_ref(),
                        LOCK_SETTLE_MS,
                    )
                });
                if !matches!(timer, Some(Ok(_))) {
                    let _ = later
                        .unchecked_ref::<js_sys::Function>()
                        .call0(&wasm_bindgen::JsValue::NULL);
                }
            })
            .into()
        },
    );
    let name = wasm_bindgen::JsValue::from_str(yaodian::store::keys::LOCK);
    if request.call2(&locks, &name, &callback).is_err() {
        if let Some(run) = waiting.borrow_mut().take() {
            run();
        }
    }
}
