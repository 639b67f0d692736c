//! Parts of the UI that load on demand.
//!
//! In the release build (feature `split`, built by `scripts/build-web`) each function declared
//! with [`lazy_view!`] is cut out of the editor's wasm, with everything only it uses, into files
//! of their own that are fetched the first time the part is shown (and kept by the service worker
//! for offline use). Without the feature (tests, clippy) it is an ordinary async function.
//!
//! A part's loader returns the function that builds its view, and [`lazy`] calls it where the view
//! goes, once it is there: the part's components are built and owned exactly as if they had been
//! in the first download.

use leptos::prelude::*;
use std::future::Future;

/// A part's file could not be fetched or started (offline before it was ever kept, say).
#[derive(Debug, Clone, Copy)]
pub struct LoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// `lazy_view!(fn name(args) in part => view)` declares
/// `async fn name() -> Result<fn(args) -> AnyView, LoadFailed>`, split into the wasm part `part`
/// when the feature `split` is on.
macro_rules! lazy_view {
    ($vis:vis fn $name:ident($($arg:ident: $ty:ty),*) in $part:ident => $body:expr) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name() -> Result<fn($($ty),*) -> ::leptos::prelude::AnyView, $crate::lazy::LoadFailed> {
            Ok(|$($arg),*| ::leptos::prelude::IntoAny::into_any($body))
        }
        #[cfg(not(feature = "split"))]
        $vis async fn $name() -> Result<fn($($ty),*) -> ::leptos::prelude::AnyView, $crate::lazy::LoadFailed> {
            Ok(|$($arg),*| ::leptos::prelude::IntoAny::into_any($body))
        }
    };
}
pub(crate) use lazy_view;

/// The view of a part: "正在加载…" while `load` fetches it, then `show(builder)`; if it cannot
/// be loaded, a message and a button to try again. The first part shown (a page) takes the
/// place of the page's frame (index.html), which stays until then.
pub fn lazy<C, Fut>(
    load: impl Fn() -> Fut + 'static,
    show: impl Fn(C) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    C: Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<C, LoadFailed>> + 'static,
{
    let part = LocalResource::new(load);
    move || match part.get() {
        None => view! { <p class="lazy-loading">"正在加载…"</p> }.into_any(),
        Some(Ok(build)) => {
            crate::browser::drop_frame();
            untrack(|| show(build))
        }
        Some(Err(LoadFailed)) => {
            crate::browser::drop_frame();
            view! {
            <div class="lazy-failed" role="alert">
                "这一部分未能加载，可能是网络已断开。联网后请重试；已保存的计划不受影响。"
                <button on:click=move |_| part.refetch()>"重试"</button>
            </div>
            }
            .into_any()
        }
    }
}
