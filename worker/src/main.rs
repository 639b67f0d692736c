//! Yaodian's export worker: a Web Worker that makes the office files (.docx, .xlsx) and reads
//! .docx files, so the editor's own module stays small and big exports stay off the main thread.
//!
//! Protocol (see `web/src/platform/worker.rs` for the other side): the worker posts `{ready: true}` once it
//! runs; then each message `{id, job, bytes?}` (`job`: a [`yaodian::office::Job`] as JSON,
//! `bytes`: the file a `DocxParagraphs` or `XlsxRows` job reads) gets one answer `{id, file: Uint8Array}`,
//! `{id, paragraphs: [..]}`, `{id, returned: "<JSON of a Returned>"}` or `{id, error: "…"}`.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use yaodian::office::{run, Done, Job};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = event.data();
        let id = Reflect::get(&message, &"id".into()).unwrap_or(JsValue::NULL);
        let reply = Object::new();
        set(&reply, "id", &id);
        match handle(&message) {
            Ok(Done::File(bytes)) => set(&reply, "file", &Uint8Array::from(bytes.as_slice())),
            Ok(Done::Paragraphs(paragraphs)) => {
                let list: Array = paragraphs.iter().map(|p| JsValue::from_str(p)).collect();
                set(&reply, "paragraphs", &list)
            }
            Ok(Done::Return(json)) => set(&reply, "returned", &json.into()),
            Err(message) => set(&reply, "error", &message.into()),
        }
        let _ = answer.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

fn handle(message: &JsValue) -> Result<Done, String> {
    let json = Reflect::get(message, &"job".into())
        .ok()
        .and_then(|j| j.as_string())
        .ok_or("导出任务缺少内容")?;
    let bytes = Reflect::get(message, &"bytes".into())
        .ok()
        .filter(|b| b.is_instance_of::<Uint8Array>())
        .map(|b| Uint8Array::from(b).to_vec())
        .unwrap_or_default();
    run(&Job::from_json(&json)?, &bytes)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}
