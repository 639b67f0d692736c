// Starts Yaodian's export worker (worker/, built by trunk as yaodian-worker.js + _bg.wasm).
// Unlike trunk's loader shim, it tells the page when the module cannot be loaded (offline on a
// first visit, a broken download), so a waiting export gets a message instead of waiting forever.
try {
  importScripts('./yaodian-worker.js');
  wasm_bindgen({ module_or_path: './yaodian-worker_bg.wasm' }).catch((error) => postMessage({ failed: String(error) }));
} catch (error) {
  postMessage({ failed: String(error) });
}
