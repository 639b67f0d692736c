//! Text fields bound to the plan, safe with Chinese input methods.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_state;

/// True while an input method is still composing (pinyin not yet committed).
fn composing(ev: &leptos::ev::Event) -> bool {
    ev.dyn_ref::<web_sys::InputEvent>()
        .is_some_and(|e| e.is_composing())
}

/// A text input or textarea showing `value` and reporting each committed change to `on_set`.
#[component]
pub fn TextBox(
    #[prop(into)] value: Signal<String>,
    on_set: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] placeholder: String,
    #[prop(optional, into)] label: String,
) -> impl IntoView {
    let state = use_state();
    let on_input = move |ev: leptos::ev::Event| {
        if !composing(&ev) {
            on_set.run(event_target_value(&ev));
        }
    };
    let on_commit = move |ev: leptos::ev::CompositionEvent| on_set.run(event_target_value(&ev));
    let on_blur = move |_| state.seal();
    if multiline {
        view! {
            <textarea class=class placeholder=placeholder aria-label=label rows="2"
                prop:value=move || value.get()
                on:input=on_input on:compositionend=on_commit on:blur=on_blur></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" class=class placeholder=placeholder aria-label=label
                prop:value=move || value.get()
                on:input=on_input on:compositionend=on_commit on:blur=on_blur/>
        }
        .into_any()
    }
}
