//! The UI and the localStorage store in a real browser (headless Chromium).

#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yaodian::store::{Library, Store, StoreError};
use yaodian_web::app::App;
use yaodian_web::storage::LocalStore;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn all(selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(selector: &str) -> web_sys::HtmlElement {
    all(selector)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn labels() -> Vec<String> {
    all(".node .node-label")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// Lets Leptos update the page, and the storage lock (`navigator.locks`) be granted.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        pause(40).await;
    }
    // A plan's rows after the first are added frame by frame: until the tree is not busy.
    for round in 0.. {
        if all(".tree[aria-busy=true]").is_empty() {
            break;
        }
        assert!(round < 250, "the plan's rows never all arrived");
        pause(20).await;
    }
}

/// Waits `ms` milliseconds of real time.
async fn pause(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(timer).await.unwrap();
}

/// Mounts a fresh app on an empty storage; the handle unmounts it when dropped.
async fn fresh_app() -> impl Drop {
    LocalStorage::clear();
    web_sys::window().unwrap().location().set_hash("").unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host, App);
    settle().await;
    handle
}

/// Library page → 新建计划 → 按所选部分创建 (every section ticked).
async fn create_from_all_templates() {
    one("#new-plan").click();
    settle().await;
    one("#create-from-templates").click();
    settle().await;
}

fn key(key: &str, ctrl: bool, alt_shift: bool) -> web_sys::KeyboardEvent {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_alt_key(alt_shift);
    init.set_shift_key(alt_shift);
    init.set_bubbles(true);
    web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
}

fn type_into(input: &web_sys::HtmlElement, text: &str) {
    input
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn local_store_round_trips_and_reports_a_full_quota() {
    LocalStorage::clear();
    let mut store = LocalStore;
    store.set("yaodian-test/a", "任务分工").unwrap();
    assert_eq!(store.get("yaodian-test/a").as_deref(), Some("任务分工"));
    assert!(store.keys().contains(&"yaodian-test/a".to_string()));
    let huge = "满".repeat(12 * 1024 * 1024);
    assert_eq!(store.set("yaodian-test/huge", &huge), Err(StoreError::Full));
    assert_eq!(store.get("yaodian-test/a").as_deref(), Some("任务分工"));
    store.remove("yaodian-test/a");
    assert_eq!(store.get("yaodian-test/a"), None);
}

#[wasm_bindgen_test]
async fn new_plan_from_all_templates_numbers_itself_and_is_saved() {
    let _app = fresh_app().await;
    create_from_all_templates().await;

    let labels = labels();
    assert_eq!(labels.first().map(String::as_str), Some("一、"));
    assert_eq!(labels[1], "（一）");
    assert!(labels.contains(&"十一、".to_string()), "{labels:?}");
    assert_eq!(labels.last().map(String::as_str), Some("（三十三）"));

    // Stored at once, with the same structure.
    let library = Library::open(LocalStore);
    let plans = library.plans();
    assert_eq!(plans.len(), 1);
    let stored = library.load(&plans[0].id).unwrap();
    assert_eq!(stored.nodes.len(), 11);
}

#[wasm_bindgen_test]
async fn keyboard_move_renumbers_and_ctrl_z_undoes() {
    let _app = fresh_app().await;
    create_from_all_templates().await;

    // Alt+Shift+↓ on the third task of section one moves it into section two.
    let third_task = &all(".node .node-title")[3];
    third_task
        .dispatch_event(&key("ArrowDown", false, true))
        .unwrap();
    settle().await;
    let after = labels();
    assert_eq!(
        &after[..6],
        ["一、", "（一）", "（二）", "二、", "（三）", "（四）"]
    );

    web_sys::window()
        .unwrap()
        .dispatch_event(&key("z", true, false))
        .unwrap();
    settle().await;
    assert_eq!(
        &labels()[..5],
        ["一、", "（一）", "（二）", "（三）", "二、"]
    );
}

#[wasm_bindgen_test]
async fn full_storage_shows_a_message_and_keeps_the_edit_in_memory() {
    let _app = fresh_app().await;
    create_from_all_templates().await;

    // Fill the rest of the quota with other data.
    let storage = LocalStorage::raw();
    let mut n = 0;
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8] {
        let chunk = "x".repeat(size);
        while storage.set_item(&format!("junk/{n}"), &chunk).is_ok() {
            n += 1;
        }
    }
    let title = &all(".node .node-title")[1];
    let long = "很长的任务标题".repeat(800);
    type_into(title, &long);
    // Typing is saved when it pauses or the field is left.
    title
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    settle().await;

    let toast = one(".toast.error").text_content().unwrap_or_default();
    assert!(toast.contains("存储空间已满"), "{toast}");
    assert_eq!(one(".saved").text_content().as_deref(), Some("未能保存"));
    assert_eq!(
        title.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        long
    );

    // Once there is room again the next edit is saved with everything in it.
    for i in 0..n {
        storage.remove_item(&format!("junk/{i}")).unwrap();
    }
    type_into(title, &format!("{long}。"));
    title
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(one(".saved").text_content().as_deref(), Some("已自动保存"));
    let library = Library::open(LocalStore);
    let id = library.plans()[0].id.clone();
    let stored = library.load(&id).unwrap();
    assert_eq!(stored.nodes[0].children[0].title, format!("{long}。"));
}

/// Storage writes wait for the Web Lock, in the order asked; what runs inside runs at once.
#[wasm_bindgen_test]
async fn storage_work_holds_the_web_lock_in_order() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let order = Rc::new(RefCell::new(Vec::new()));
    let (first, second) = (order.clone(), order.clone());
    yaodian_web::browser::locked(move || {
        first.borrow_mut().push(1);
        let nested = first.clone();
        yaodian_web::browser::locked(move || nested.borrow_mut().push(2));
        first.borrow_mut().push(3);
    });
    yaodian_web::browser::locked(move || second.borrow_mut().push(4));
    // Granted later: nothing ran yet.
    assert!(order.borrow().is_empty());
    pause(100).await;
    assert_eq!(*order.borrow(), [1, 2, 3, 4]);
}
