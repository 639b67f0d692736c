//! The export worker's client. The office files (.docx, .xlsx) are made, and .docx files read,
//! by a second wasm module (`worker/`) in a Web Worker: the editor's own module stays small, the
//! worker is fetched on first use (then kept by the service worker for offline use), and big
//! exports do not block typing.
//!
//! Messages: see `worker/src/main.rs`. Jobs sent before the worker says it is ready wait in a
//! queue; if the worker cannot load or fails, every waiting job gets a message in Chinese and
//! the next job starts a fresh worker.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};
use yaodian::office::{Done, Job};

use crate::browser;
use crate::state::AppState;

/// The worker's script (`public/export-worker.js`), beside the page; it loads the module trunk
/// builds from `worker/` (`data-type="worker"`).
const SCRIPT: &str = "export-worker.js";

const FAILED: &str = "导出组件加载失败（可能是网络中断或浏览器不支持），请联网后刷新页面再试";
const STALE: &str = "要点已更新到新版本，正在保存并重新载入页面，请载入后再导出一次";

struct Client {
    worker: Worker,
    ready: bool,
    /// Messages posted before the worker was ready.
    queue: Vec<JsValue>,
    /// Each job's (resolve, reject).
    pending: HashMap<u32, (Function, Function)>,
    next_id: u32,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(JsValue)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    /// What the page does when the export worker is of another build (see [`on_stale`]).
    static ON_STALE: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Sets what happens when the export worker turns out to be of a newer build than the page
/// (one was deployed while the page was open): the app saves and reloads.
pub fn on_stale(f: impl Fn() + 'static) {
    ON_STALE.with(|s| *s.borrow_mut() = Some(Box::new(f)));
}

/// Runs `job` in the worker (`bytes`: the file a `DocxParagraphs` or `XlsxRows` job reads). The job is sent
/// at once (so it may borrow); the future waits for the answer.
pub fn run(
    job: &Job<'_>,
    bytes: Option<&[u8]>,
) -> impl std::future::Future<Output = Result<Done, String>> + 'static {
    let message = Object::new();
    set(&message, "job", &job.to_json().into());
    if let Some(bytes) = bytes {
        set(&message, "bytes", &Uint8Array::from(bytes));
    }
    let sent = send(message);
    async move {
        let answer = JsFuture::from(sent?)
            .await
            .map_err(|e| e.as_string().unwrap_or_else(|| FAILED.to_string()))?;
        let field = |name: &str| Reflect::get(&answer, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if let Some(error) = field("error").as_string() {
            return Err(error);
        }
        let file = field("file");
        if file.is_instance_of::<Uint8Array>() {
            return Ok(Done::File(Uint8Array::from(file).to_vec()));
        }
        if let Some(json) = field("returned").as_string() {
            return Ok(Done::Return(json));
        }
        let paragraphs = field("paragraphs");
        if Array::is_array(&paragraphs) {
            let list = Array::from(&paragraphs);
            return Ok(Done::Paragraphs(
                list.iter()
                    .map(|p| p.as_string().unwrap_or_default())
                    .collect(),
            ));
        }
        Err(FAILED.to_string())
    }
}

/// Makes a file in the worker and offers it for download as `name`, then says `done` (or what
/// went wrong). `measure` names the performance measure from now until the file is ready.
pub fn download(
    state: AppState,
    job: &Job<'_>,
    name: String,
    mime: &'static str,
    done: String,
    measure: &'static str,
) {
    browser::mark(&format!("{measure}:start"));
    state.info(format!("正在生成 {name}……"));
    let made = run(job, None);
    leptos::task::spawn_local(async move {
        let result = made.await.and_then(|answer| match answer {
            Done::File(bytes) => {
                browser::measure_since(measure);
                browser::download_bytes(&name, mime, &bytes)
            }
            Done::Paragraphs(_) | Done::Return(_) => Err(FAILED.to_string()),
        });
        state.report(result, done);
    });
}

/// Starts the worker ahead of need (its files are then fetched and compiled in the background).
pub fn warm_up() {
    let _ = CLIENT.with(|c| ensure(&mut c.borrow_mut()).map(|_| ()));
}

/// Posts `message` with a fresh id; the promise settles with the worker's answer.
fn send(message: Object) -> Result<Promise, String> {
    CLIENT.with(|cell| {
        let mut slot = cell.borrow_mut();
        let client = ensure(&mut slot)?;
        client.next_id += 1;
        let id = client.next_id;
        set(&message, "id", &id.into());
        let mut callbacks = None;
        let promise = Promise::new(&mut |resolve, reject| callbacks = Some((resolve, reject)));
        if let Some(callbacks) = callbacks {
            client.pending.insert(id, callbacks);
        }
        if client.ready {
            client
                .worker
                .post_message(&message)
                .map_err(|_| FAILED.to_string())?;
        } else {
            client.queue.push(message.into());
        }
        Ok(promise)
    })
}

fn ensure(slot: &mut Option<Client>) -> Result<&mut Client, String> {
    if slot.is_none() {
        *slot = Some(start()?);
    }
    Ok(slot.as_mut().expect("just started"))
}

fn start() -> Result<Client, String> {
    let worker = Worker::new(SCRIPT).map_err(|_| FAILED.to_string())?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        if Reflect::get(&data, &"failed".into()).is_ok_and(|f| f.is_truthy()) {
            return fail(FAILED);
        }
        // Its first word: the build it belongs to, which must be the page's.
        if let Some(build) = Reflect::get(&data, &"build".into())
            .ok()
            .and_then(|b| b.as_string())
        {
            if build == browser::build() {
                return;
            }
            fail(STALE);
            return ON_STALE.with(|s| {
                if let Some(reload) = s.borrow().as_ref() {
                    reload();
                }
            });
        }
        if Reflect::get(&data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
            CLIENT.with(|cell| {
                if let Some(client) = cell.borrow_mut().as_mut() {
                    client.ready = true;
                    for message in client.queue.drain(..) {
                        let _ = client.worker.post_message(&message);
                    }
                }
            });
            return;
        }
        let id = Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|id| id.as_f64())
            .map(|id| id as u32);
        let callbacks =
            id.and_then(|id| CLIENT.with(|cell| cell.borrow_mut().as_mut()?.pending.remove(&id)));
        if let Some((resolve, _)) = callbacks {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    let on_error = Closure::<dyn Fn(JsValue)>::new(|_event: JsValue| fail(FAILED));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        next_id: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker could not load, its module trapped, or it is of another build: it is of no more
/// use. Every waiting job fails with `why`; the next job starts a new worker.
fn fail(why: &str) {
    let failed = CLIENT.with(|cell| cell.borrow_mut().take());
    if let Some(mut client) = failed {
        client.worker.terminate();
        for (_, (_, reject)) in client.pending.drain() {
            let _ = reject.call1(&JsValue::NULL, &why.into());
        }
        // Its handlers (the caller among them) are dropped once this call has returned.
        wasm_bindgen_futures::spawn_local(async move { drop(client) });
    }
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}
