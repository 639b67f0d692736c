// Starts Yaodian's export worker (worker/, built by trunk as yaodian-worker.js + _bg.wasm).
// Unlike trunk's loader shim, it tells the page when the module cannot be loaded (offline on a
// first visit, a broken download), so a waiting export gets a message instead of waiting forever.
//
// It first tells the page which build it belongs to (written by scripts/build-web): a page of
// another build (a newer one was deployed while it was open) stops it and reloads, so an export
// worker never runs jobs for a page it was not built with.
const BUILD = 'dev';
postMessage({ build: BUILD });
try {
  importScripts('./yaodian-worker.js');
  wasm_bindgen({ module_or_path: './yaodian-worker_bg.wasm' }).catch((error) => postMessage({ failed: String(error) }));
} catch (error) {
  postMessage({ failed: String(error) });
}
